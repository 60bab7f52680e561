"""quote search index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 07:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

from csto_kb.db.search_index import (
    PG_QUOTE_TRGM_INDEX,
    SQLITE_QUOTE_SEARCH_DDL,
    SQLITE_QUOTE_SEARCH_DROP,
    SQLITE_QUOTE_SEARCH_REBUILD,
)

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_QUOTE_SEARCH_DDL:
            op.execute(statement)
        # The triggers see only rows written from now on; the rows already stored are indexed here.
        op.execute(SQLITE_QUOTE_SEARCH_REBUILD)
    elif dialect == "postgresql" and _pg_trgm_installed():
        op.create_index(
            PG_QUOTE_TRGM_INDEX,
            "statement",
            ["quote_norm"],
            postgresql_using="gin",
            postgresql_ops={"quote_norm": "gin_trgm_ops"},
        )
    # Without pg_trgm (a server without PostgreSQL's contrib modules, or a role that may not create the
    # extension) there is no index: `quote_norm LIKE '%…%'` still answers, by scanning the table.


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_QUOTE_SEARCH_DROP:
            op.execute(statement)
    elif dialect == "postgresql":
        # The extension stays: other objects in the database may use it. The index may never have been made.
        op.drop_index(PG_QUOTE_TRGM_INDEX, table_name="statement", if_exists=True)


def _pg_trgm_installed() -> bool:
    """Install pg_trgm if the server offers it; False when it is not there to use."""
    bind = op.get_bind()
    available = bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first()
    if available is None:
        return False
    # In a savepoint: the whole upgrade is one transaction, and a refused CREATE EXTENSION (the role lacks
    # CREATE on the database) would otherwise abort it, when all that is lost is the index.
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True
