"""review candidates

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 04:39:14.047638
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "candidate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("reason", sa.String(length=2000), nullable=True),
        sa.Column("statement_id", sa.Integer(), nullable=True),
        sa.Column("force_level_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('statement', 'force_level', 'founding', 'membership', 'event')",
            name=op.f("ck_candidate_kind"),
        ),
        sa.CheckConstraint("status IN ('pending', 'accepted', 'rejected')", name=op.f("ck_candidate_status")),
        sa.ForeignKeyConstraint(
            ["force_level_id"],
            ["force_level.id"],
            name=op.f("fk_candidate_force_level_id_force_level"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_candidate_source_id_source"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_candidate_statement_id_statement"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate")),
    )
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.create_index("ix_candidate_source_status", ["source_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.drop_index("ix_candidate_source_status")

    op.drop_table("candidate")
