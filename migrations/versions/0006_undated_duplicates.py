"""the duplicate rule's unique index covers statements without a date

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 14:00:00

A unique index treats NULLs as distinct, on SQLite and PostgreSQL alike, so ``(speaker_id, quote_key,
said_on)`` let two live statements with the same speaker and quote and no date stand side by side; only the
writer lock kept them apart. The index is now on ``coalesce(said_on, '')``, so the database itself refuses the
second one. A database that already holds such a pair is not upgraded: the message names the statements, one of
which is to be retracted (or dated) first; nothing is changed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from csto_kb.errors import DatabaseError

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "uq_statement_live_identity"
LIVE = sa.text("retracted_at IS NULL")


def upgrade() -> None:
    pairs = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT min(id), max(id), count(*) FROM statement WHERE said_on IS NULL AND retracted_at IS NULL "
                "GROUP BY speaker_id, quote_key HAVING count(*) > 1 ORDER BY min(id)"
            )
        )
        .all()
    )
    if pairs:
        shown = ", ".join(
            f"#{low} and #{high}" + (f" (+{n - 2})" if n > 2 else "") for low, high, n in pairs[:5]
        )
        raise DatabaseError(
            f"cannot upgrade to schema 0006: {len(pairs)} undated statements are stored twice ({shown}); "
            "retract or date one of each with an older csto-kb, then upgrade"
        )
    op.drop_index(INDEX, table_name="statement", sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index(
        INDEX,
        "statement",
        ["speaker_id", "quote_key", sa.text("coalesce(said_on, '')")],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="statement", sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index(
        INDEX,
        "statement",
        ["speaker_id", "quote_key", "said_on"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
