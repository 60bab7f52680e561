"""entity merges

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 05:07:21.947903
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "entity_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=True),
        sa.Column("moved", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=100), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_id"], ["entity.id"], name=op.f("fk_entity_merge_merged_id_entity"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["survivor_id"],
            ["entity.id"],
            name=op.f("fk_entity_merge_survivor_id_entity"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_merge")),
    )
    with op.batch_alter_table("entity_merge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_merge_merged_id"), ["merged_id"], unique=False)

    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_entity_merged_into_id_entity"),
            "entity",
            ["merged_into_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_entity_merged_into_id_entity"), type_="foreignkey")
        batch_op.drop_column("merged_into_id")

    with op.batch_alter_table("entity_merge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_merge_merged_id"))

    op.drop_table("entity_merge")
