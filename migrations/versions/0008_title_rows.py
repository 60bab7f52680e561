"""role and event titles as rows, one per language

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 16:00:00

A role's and an event's title were two columns, ``title`` (English) and ``title_ar``. They become rows of
``role_title`` and ``event_title``: a language tag, the text, and whether it is the original, one row per
language. The upgrade moves ``title`` into an ``en`` row marked original and ``title_ar`` into an ``ar``
row, keeping each row's recorded time. The downgrade moves them back and refuses, changing nothing, when a
title would be lost: one in a language other than English or Arabic, a claim with no English title, or an
original that is not the English one.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from csto_kb.errors import DatabaseError

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNERS = ("role", "event")
"""The tables whose ``title`` and ``title_ar`` columns become ``<table>_title`` rows."""


def upgrade() -> None:
    for owner in OWNERS:
        rows = f"{owner}_title"
        op.create_table(
            rows,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column(f"{owner}_id", sa.Integer(), nullable=False),
            sa.Column("lang", sa.String(length=8), nullable=False),
            sa.Column("text", sa.String(length=300), nullable=False),
            sa.Column("is_original", sa.Boolean(), nullable=False),
            sa.Column("recorded_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                [f"{owner}_id"],
                [f"{owner}.id"],
                name=op.f(f"fk_{rows}_{owner}_id_{owner}"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{rows}")),
            sa.UniqueConstraint(f"{owner}_id", "lang", name=op.f(f"uq_{rows}_{owner}_id_lang")),
        )
        with op.batch_alter_table(rows, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{rows}_{owner}_id"), [f"{owner}_id"], unique=False)
            batch_op.create_index(
                f"uq_{rows}_original",
                [f"{owner}_id"],
                unique=True,
                sqlite_where=sa.text("is_original"),
                postgresql_where=sa.text("is_original"),
            )
        op.execute(
            f"INSERT INTO {rows} ({owner}_id, lang, text, is_original, recorded_at) "
            f"SELECT id, 'en', title, {_true()}, recorded_at FROM {owner} ORDER BY id"
        )
        op.execute(
            f"INSERT INTO {rows} ({owner}_id, lang, text, is_original, recorded_at) "
            f"SELECT id, 'ar', title_ar, {_false()}, recorded_at FROM {owner} WHERE title_ar IS NOT NULL "
            "ORDER BY id"
        )
        with op.batch_alter_table(owner, schema=None) as batch_op:
            batch_op.drop_column("title_ar")
            batch_op.drop_column("title")


def _problems() -> list[str]:
    bind = op.get_bind()
    problems = []
    for owner in OWNERS:
        rows = f"{owner}_title"
        other = bind.execute(
            sa.text(f"SELECT {owner}_id, lang FROM {rows} WHERE lang NOT IN ('en', 'ar') ORDER BY id")
        ).first()
        if other is not None:
            problems.append(f"{owner} #{other[0]} has a title in {other[1]}")
        no_english = bind.execute(
            sa.text(
                f"SELECT id FROM {owner} WHERE NOT EXISTS (SELECT 1 FROM {rows} t "
                f"WHERE t.{owner}_id = {owner}.id AND t.lang = 'en') ORDER BY id"
            )
        ).first()
        if no_english is not None:
            problems.append(f"{owner} #{no_english[0]} has no English title")
        arabic_original = bind.execute(
            sa.text(f"SELECT {owner}_id FROM {rows} WHERE is_original AND lang <> 'en' ORDER BY id")
        ).first()
        if arabic_original is not None:
            problems.append(
                f"{owner} #{arabic_original[0]} has an original title that is not the English one"
            )
    return problems


def downgrade() -> None:
    problems = _problems()
    if problems:
        raise DatabaseError("cannot downgrade below 0008 without losing titles: " + "; ".join(problems))
    for owner in OWNERS:
        rows = f"{owner}_title"
        with op.batch_alter_table(owner, schema=None) as batch_op:
            batch_op.add_column(sa.Column("title", sa.String(length=300), nullable=True))
            batch_op.add_column(sa.Column("title_ar", sa.String(length=300), nullable=True))
        for column, lang in (("title", "en"), ("title_ar", "ar")):
            op.execute(
                f"UPDATE {owner} SET {column} = (SELECT t.text FROM {rows} t "
                f"WHERE t.{owner}_id = {owner}.id AND t.lang = '{lang}')"
            )
        with op.batch_alter_table(owner, schema=None) as batch_op:
            batch_op.alter_column("title", existing_type=sa.String(length=300), nullable=False)
        with op.batch_alter_table(rows, schema=None) as batch_op:
            batch_op.drop_index(f"uq_{rows}_original")
            batch_op.drop_index(batch_op.f(f"ix_{rows}_{owner}_id"))
        op.drop_table(rows)


def _true() -> str:
    return "true" if op.get_bind().dialect.name == "postgresql" else "1"


def _false() -> str:
    return "false" if op.get_bind().dialect.name == "postgresql" else "0"
