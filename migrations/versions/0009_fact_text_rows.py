"""organisation fact texts as rows, one per language

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 18:00:00

An organisation fact's words were three columns: ``text`` as the source wrote it, ``lang`` its language, and
``text_en`` the English beside it. They become rows of ``organisation_fact_text``, as role and event titles
did in 0008: a language tag, the text, and whether it is the original, one row per language. The upgrade
moves ``text`` into a row in ``lang`` marked original and ``text_en`` into an ``en`` row, keeping each fact's
recorded time. An English fact's ``text_en`` repeats its text and is dropped; the upgrade refuses, changing
nothing, when one says something else, since one row per language cannot hold both. The downgrade moves the
rows back and refuses, changing nothing, when a text would be lost: one in a language that is neither the
original's nor English, or a fact with no original.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from csto_kb.errors import DatabaseError

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROWS = "organisation_fact_text"


def upgrade() -> None:
    differing = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT id FROM organisation_fact WHERE lang = 'en' AND text_en IS NOT NULL "
                "AND text_en <> text ORDER BY id"
            )
        )
        .first()
    )
    if differing is not None:
        raise DatabaseError(
            f"cannot upgrade to 0009: organisation fact #{differing[0]} is in English and has a different "
            "English text beside it; correct one of them first"
        )
    op.create_table(
        ROWS,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("is_original", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["fact_id"],
            ["organisation_fact.id"],
            name=op.f(f"fk_{ROWS}_fact_id_organisation_fact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{ROWS}")),
        sa.UniqueConstraint("fact_id", "lang", name=op.f(f"uq_{ROWS}_fact_id_lang")),
    )
    with op.batch_alter_table(ROWS, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{ROWS}_fact_id"), ["fact_id"], unique=False)
        batch_op.create_index(
            f"uq_{ROWS}_original",
            ["fact_id"],
            unique=True,
            sqlite_where=sa.text("is_original"),
            postgresql_where=sa.text("is_original"),
        )
    op.execute(
        f"INSERT INTO {ROWS} (fact_id, lang, text, is_original, recorded_at) "
        f"SELECT id, lang, text, {_true()}, recorded_at FROM organisation_fact ORDER BY id"
    )
    op.execute(
        f"INSERT INTO {ROWS} (fact_id, lang, text, is_original, recorded_at) "
        f"SELECT id, 'en', text_en, {_false()}, recorded_at FROM organisation_fact "
        "WHERE text_en IS NOT NULL AND lang <> 'en' ORDER BY id"
    )
    with op.batch_alter_table("organisation_fact", schema=None) as batch_op:
        batch_op.drop_column("text_en")
        batch_op.drop_column("lang")
        batch_op.drop_column("text")


def _problems() -> list[str]:
    bind = op.get_bind()
    problems = []
    third = bind.execute(
        sa.text(
            f"SELECT t.fact_id, t.lang FROM {ROWS} t WHERE NOT t.is_original AND t.lang <> 'en' ORDER BY t.id"
        )
    ).first()
    if third is not None:
        problems.append(f"organisation fact #{third[0]} has a text in {third[1]}")
    no_original = bind.execute(
        sa.text(
            f"SELECT id FROM organisation_fact WHERE NOT EXISTS (SELECT 1 FROM {ROWS} t "
            "WHERE t.fact_id = organisation_fact.id AND t.is_original) ORDER BY id"
        )
    ).first()
    if no_original is not None:
        problems.append(f"organisation fact #{no_original[0]} has no original text")
    return problems


def downgrade() -> None:
    problems = _problems()
    if problems:
        raise DatabaseError("cannot downgrade below 0009 without losing texts: " + "; ".join(problems))
    with op.batch_alter_table("organisation_fact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("lang", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("text_en", sa.Text(), nullable=True))
    for column, value in (("text", "t.text"), ("lang", "t.lang")):
        op.execute(
            f"UPDATE organisation_fact SET {column} = (SELECT {value} FROM {ROWS} t "
            "WHERE t.fact_id = organisation_fact.id AND t.is_original)"
        )
    op.execute(
        f"UPDATE organisation_fact SET text_en = (SELECT t.text FROM {ROWS} t "
        "WHERE t.fact_id = organisation_fact.id AND t.lang = 'en' AND NOT t.is_original)"
    )
    with op.batch_alter_table("organisation_fact", schema=None) as batch_op:
        batch_op.alter_column("text", existing_type=sa.Text(), nullable=False)
        batch_op.alter_column("lang", existing_type=sa.String(length=8), nullable=False)
    with op.batch_alter_table(ROWS, schema=None) as batch_op:
        batch_op.drop_index(f"uq_{ROWS}_original")
        batch_op.drop_index(batch_op.f(f"ix_{ROWS}_fact_id"))
    op.drop_table(ROWS)


def _true() -> str:
    return "true" if op.get_bind().dialect.name == "postgresql" else "1"


def _false() -> str:
    return "false" if op.get_bind().dialect.name == "postgresql" else "0"
