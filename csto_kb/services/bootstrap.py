"""Opening the knowledge base: migrate a database that is behind, and seed one that is empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, select

from csto_kb.db.engine import make_engine
from csto_kb.db.migrate import ensure_current
from csto_kb.model import Entity

if TYPE_CHECKING:
    from csto_kb.services.seed import SeedReport


def is_empty(engine: Engine) -> bool:
    with engine.connect() as connection:
        return connection.execute(select(Entity.id).limit(1)).first() is None


def open_knowledge_base(url: str, *, seed: bool = True) -> Engine:
    """An engine on an up-to-date database; an empty database gets the curated seed."""
    engine = make_engine(url)
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
