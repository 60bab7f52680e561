"""Opening the knowledge base: migrate a database that is behind, and seed one that is empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, select

from csto_kb.db.engine import make_engine
from csto_kb.db.migrate import ensure_current
from csto_kb.db.write_lock import DEFAULT_WAIT_S
from csto_kb.model import Entity

if TYPE_CHECKING:
    from csto_kb.services.seed import SeedReport


def is_empty(engine: Engine) -> bool:
    with engine.connect() as connection:
        return connection.execute(select(Entity.id).limit(1)).first() is None


def open_knowledge_base(
    url: str, *, seed: bool = True, read_only: bool = False, wait_s: float = DEFAULT_WAIT_S
) -> Engine:
    """An engine on an up-to-date database; an empty database gets the curated seed. Its writers wait
    ``wait_s`` seconds at most for another one.

    Read-only, nothing is migrated or seeded: a database that is behind or empty is refused instead.
    """
    engine = make_engine(url, must_exist=read_only, wait_s=wait_s)
    if read_only:
        from csto_kb.db.migrate import HEAD_REVISION, current_revision
        from csto_kb.db.read_only import read_only as make_read_only
        from csto_kb.errors import DatabaseError

        # Read-only before the first connection, so that every pooled connection is made read-only.
        engine = make_read_only(engine)
        revision = current_revision(engine)
        if revision is None:
            raise DatabaseError("the database is empty; open it once without --read-only to create it")
        if revision != HEAD_REVISION:
            raise DatabaseError(
                f"the database is at schema revision {revision}, not {HEAD_REVISION}; "
                "upgrade it without --read-only (csto-kb db upgrade)"
            )
        return engine
    ensure_current(engine)
    if seed and is_empty(engine):
        seed_database(engine)
    return engine


def seed_database(engine: Engine, by: str = "csto-kb seed") -> SeedReport:
    """Load the curated seed files shipped with the package (the loader is imported only when needed)."""
    from csto_kb.db.unit_of_work import UnitOfWork
    from csto_kb.resources import seeds_dir
    from csto_kb.services.seed import load_seeds

    return load_seeds(UnitOfWork(engine, by=by, reason="curated seed"), seeds_dir())
