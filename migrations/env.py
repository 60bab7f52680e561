"""Alembic environment: configured in code from the application's own settings and engine factory."""

from __future__ import annotations

import warnings

from alembic import context
from sqlalchemy import Connection

from csto_kb.db.engine import make_engine
from csto_kb.db.search_index import PG_QUOTE_TRGM_INDEX, is_search_index_table
from csto_kb.model import Base
from csto_kb.settings import Settings

# The stock env.py calls logging.config.fileConfig, which disables every logger created before it; left out.
config = context.config
url = config.attributes.get("database_url") or Settings().resolved_database_url()

EXPRESSION_INDEX = "uq_statement_live_identity"
# Reflection and comparison say, each time, that they skip the expression index; it is left out on purpose.
warnings.filterwarnings("ignore", message=".*expression-based index uq_statement_live_identity")
warnings.filterwarnings("ignore", message=".*expression-based index 'uq_statement_live_identity'")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Objects the models do not describe (hand-made search indexes) are left out of comparisons."""
    if name is None:
        return True
    if type_ == "table":
        return not is_search_index_table(name)
    if type_ == "index":
        # The duplicate rule's index is on an expression, which neither dialect can reflect for comparison; a
        # test holds it to what migration 0006 makes.
        return name not in (PG_QUOTE_TRGM_INDEX, EXPRESSION_INDEX)
    return True


def include_object(item: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """The models' side of `include_name`: the expression index is compared by neither."""
    return not (type_ == "index" and name == EXPRESSION_INDEX)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
        include_object=include_object,
        # Alembic assumes SQLite cannot roll back DDL and so commits after each migration: a crash between two
        # of them would leave a schema that is neither before nor after. Our SQLite engine hands transaction
        # control to SQLAlchemy (csto_kb.db.engine), which makes SQLite's DDL transactional, so a whole upgrade
        # is one transaction on both engines.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left rows with broken foreign keys: {broken[:5]}")


def run_migrations_online() -> None:
    # A caller's connection (a bundle restore) carries its own transaction: the migrations join it, and it
    # commits or rolls back with the rest of that work.
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    # Foreign keys are off for the whole migration on SQLite: batch mode copies and drops tables, and with
    # enforcement on, ON DELETE CASCADE would silently empty the child tables. foreign_key_check runs
    # before the commit instead.
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("csto-kb migrations run online only")
run_migrations_online()
