"""entities' identifiers in other knowledge bases (Wikidata and others)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 15:00:00

A new table, ``external_id``: a scheme and a value per row, one value per entity and scheme, and one entity per
value. Below 0007 there is nowhere to keep them, so the downgrade writes each one into the change log (a
``delete`` of its row, with the entity's key, the scheme and the value) before it drops the table; upgrading
again takes them back for every entity that is still there, logging each as inserted again: down and up loses
no identifier, and the change log says what happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEPT_BY = "csto-kb migration 0007"
KEPT_REASON = "schema downgraded below 0007: the identifier is kept here until an upgrade takes it back"

_change = sa.table(
    "change",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("by", sa.String),
    sa.column("action", sa.String),
    sa.column("table_name", sa.String),
    sa.column("row_id", sa.Integer),
    sa.column("reason", sa.String),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
)
_external_id = sa.table(
    "external_id",
    sa.column("entity_id", sa.Integer),
    sa.column("scheme", sa.String),
    sa.column("value", sa.String),
    sa.column("recorded_at", sa.DateTime),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def upgrade() -> None:
    op.create_table(
        "external_id",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entity.id"], name=op.f("fk_external_id_entity_id_entity"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_id")),
        sa.UniqueConstraint("entity_id", "scheme", name="uq_external_id_scheme"),
        sa.UniqueConstraint("scheme", "value", name="uq_external_id_value"),
    )
    with op.batch_alter_table("external_id", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_external_id_entity_id"), ["entity_id"], unique=False)
    _take_back()


def _take_back() -> None:
    """The identifiers the last downgrade kept in the change log, for the entities still there; each one
    taken back is logged as inserted again."""
    bind = op.get_bind()
    mine = (_change.c.by == KEPT_BY) & (_change.c.table_name == "external_id")
    last_taken = bind.execute(
        sa.select(sa.func.max(_change.c.id)).where(mine & (_change.c.action == "insert"))
    ).scalar()
    kept = bind.execute(
        sa.select(_change.c.before)
        .where(mine & (_change.c.action == "delete") & (_change.c.id > (last_taken or 0)))
        .order_by(_change.c.id.desc())
    ).scalars()
    entities: dict[str, int] = {
        str(k): int(i) for k, i in bind.execute(sa.text("SELECT key, id FROM entity"))
    }
    taken: dict[tuple[int, str], dict[str, object]] = {}
    values: set[tuple[str, str]] = set()
    for before in kept:
        entity_id = entities.get(str(before.get("entity_key")))
        scheme, value = str(before.get("scheme")), str(before.get("value"))
        if entity_id is None or (entity_id, scheme) in taken or (scheme, value) in values:
            continue  # the entity is gone (the note stays), or a newer note named the same id
        values.add((scheme, value))
        taken[entity_id, scheme] = {
            "entity_id": entity_id,
            "scheme": scheme,
            "value": value,
            "recorded_at": _now(),
        }
    if not taken:
        return
    op.bulk_insert(_external_id, list(taken.values()))
    stored = bind.execute(
        sa.text(
            "SELECT x.id, e.key, x.scheme, x.value FROM external_id x JOIN entity e ON e.id = x.entity_id "
            "ORDER BY x.id"
        )
    ).all()
    op.bulk_insert(_change, _notes(stored, "insert", "schema upgraded to 0007: the identifier is taken back"))


def _notes(rows: Sequence[Any], action: str, reason: str) -> list[dict[str, object]]:
    now = _now()
    return [
        {
            "at": now,
            "by": KEPT_BY,
            "action": action,
            "table_name": "external_id",
            "row_id": row_id,
            "reason": reason,
            "before": {"entity_key": key, "scheme": scheme, "value": value} if action == "delete" else None,
            "after": {"entity_key": key, "scheme": scheme, "value": value} if action == "insert" else None,
        }
        for row_id, key, scheme, value in rows
    ]


def downgrade() -> None:
    bind = op.get_bind()
    held = bind.execute(
        sa.text(
            "SELECT x.id, e.key, x.scheme, x.value FROM external_id x JOIN entity e ON e.id = x.entity_id "
            "ORDER BY x.id"
        )
    ).all()
    if held:
        op.bulk_insert(_change, _notes(held, "delete", KEPT_REASON))
    with op.batch_alter_table("external_id", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_external_id_entity_id"))
    op.drop_table("external_id")
