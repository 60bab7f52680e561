"""force unit labels as rows, one per language

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 10:00:00

A force figure's label was two untagged columns: ``unit``, what is counted (in English when typed or curated,
the source's own word when extracted), and ``unit_original``, the source's words. They become rows of
``force_level_unit``, as titles did in 0008 and fact texts in 0009: a language tag, the text, and whether it
is the original, one row per language.

The language of ``unit`` is its source's (the figure's first evidence's) when the unit is the source's own
word, found in its words for the figure or not written in Latin letters; else English. ``unit_original`` is,
in the seed and in extracted figures, the whole figure as the source writes it: the words of its evidence,
which keeps them, so it is not copied again. Any other ``unit_original`` is the unit as the source writes it:
a row in the source's language marked original, ``unit`` beside it. The upgrade refuses, changing nothing,
when both are in one language, since one row per language cannot hold both.

The downgrade puts the English row (else the original) back in ``unit`` and the original, when it is another
row, in ``unit_original``, else the evidence's words; it refuses, changing nothing, when a label would be lost:
one in a third language, or a figure with no label.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

import sqlalchemy as sa
from alembic import op

from csto_kb.errors import DatabaseError

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROWS = "force_level_unit"
UNIT_COLUMN = 300
"""The size of the ``unit`` and ``unit_original`` columns before this revision."""

# Each figure's first evidence (the oldest live one, else the oldest), its source's language, and the words
# of its span (substr counts characters from 1 on both engines, as Python's slices count from 0).
FIRST_EVIDENCE = """
SELECT e.force_level_id, s.lang,
       CASE WHEN s.body IS NOT NULL AND e.span_start IS NOT NULL
            THEN substr(s.body, e.span_start + 1, e.span_end - e.span_start) END
FROM evidence e JOIN source s ON s.id = e.source_id
WHERE e.force_level_id IS NOT NULL
ORDER BY e.force_level_id, CASE WHEN e.retracted_at IS NULL THEN 0 ELSE 1 END, e.id
"""


# NamedTuples rather than dataclasses: Alembic loads a revision without registering it in sys.modules,
# which dataclasses need.
class _Evidence(NamedTuple):
    lang: str | None
    words: str | None


def _first_evidence() -> dict[int, _Evidence]:
    first: dict[int, _Evidence] = {}
    for force_id, lang, words in op.get_bind().execute(sa.text(FIRST_EVIDENCE)):
        first.setdefault(force_id, _Evidence(lang, words))
    return first


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _unit_lang(unit: str, words: list[str], source_lang: str | None) -> str:
    """The language of a stored ``unit``: the source's when it is the source's word, else English."""
    if source_lang is None:
        return "en" if _latin(unit) else "und"
    own_word = any(unit.casefold() in w.casefold() for w in words)
    return source_lang if own_word or not _latin(unit) else "en"


def _rows(
    force_id: int, unit: str, unit_original: str | None, evidence: _Evidence | None
) -> list[tuple[str, str, bool]]:
    """One figure's labels as (language, text, is the original)."""
    source_lang = evidence.lang if evidence is not None else None
    evidence_words = evidence.words if evidence is not None else None
    words = [w for w in (evidence_words, unit_original) if w]
    lang = _unit_lang(unit, words, source_lang)
    if (
        unit_original is None
        or not unit_original.strip()
        or unit_original.strip() == unit.strip()
        or (evidence_words is not None and unit_original.strip() == evidence_words.strip())
    ):
        return [(lang, unit, True)]
    original_lang = source_lang or "und"
    if original_lang == lang:
        raise DatabaseError(
            f"cannot upgrade to 0010: force level #{force_id} has a unit and a different unit as the source "
            f"writes it, both in {lang}; correct one of them first"
        )
    return [(original_lang, unit_original, True), (lang, unit, False)]


def upgrade() -> None:
    bind = op.get_bind()
    evidence = _first_evidence()
    figures = bind.execute(
        sa.text("SELECT id, unit, unit_original, recorded_at FROM force_level ORDER BY id")
    ).all()
    # Every row is worked out before anything changes, so a refusal leaves the database as it was.
    rows: list[dict[str, object]] = [
        {"force_level_id": i, "lang": lang, "text": text, "is_original": original, "recorded_at": at}
        for i, unit, unit_original, at in figures
        for lang, text, original in _rows(i, unit, unit_original, evidence.get(i))
    ]
    op.create_table(
        ROWS,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("force_level_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("is_original", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["force_level_id"],
            ["force_level.id"],
            name=op.f(f"fk_{ROWS}_force_level_id_force_level"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{ROWS}")),
        sa.UniqueConstraint("force_level_id", "lang", name=op.f(f"uq_{ROWS}_force_level_id_lang")),
    )
    with op.batch_alter_table(ROWS, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{ROWS}_force_level_id"), ["force_level_id"], unique=False)
        batch_op.create_index(
            f"uq_{ROWS}_original",
            ["force_level_id"],
            unique=True,
            sqlite_where=sa.text("is_original"),
            postgresql_where=sa.text("is_original"),
        )
    if rows:
        # Plain SQL: the recorded times go back as they were read (SQLite gives them as text).
        bind.execute(
            sa.text(
                f"INSERT INTO {ROWS} (force_level_id, lang, text, is_original, recorded_at) "
                "VALUES (:force_level_id, :lang, :text, :is_original, :recorded_at)"
            ),
            rows,
        )
    with op.batch_alter_table("force_level", schema=None) as batch_op:
        batch_op.drop_column("unit_original")
        batch_op.drop_column("unit")


class _Label(NamedTuple):
    lang: str
    text: str
    is_original: bool


def _columns(labels: list[_Label], evidence: _Evidence | None) -> tuple[str, str | None] | str:
    """One figure's ``unit`` and ``unit_original`` from its rows, or what would be lost."""
    if not labels:
        return "has no unit"
    original = next((u for u in labels if u.is_original), labels[0])
    english = next((u for u in labels if u.lang == "en"), None) or next(
        (u for u in labels if u.lang.split("-")[0].lower() == "en"), None
    )
    unit = english or original
    lost = next((u for u in labels if u is not unit and u is not original), None)
    if lost is not None:
        return f"has a unit in {lost.lang}"
    if original is not unit:
        return unit.text, original.text
    # The evidence keeps the figure's words; the column holds them when they fit.
    words = evidence.words if evidence is not None else None
    return unit.text, words if words is not None and len(words) <= UNIT_COLUMN else None


def downgrade() -> None:
    bind = op.get_bind()
    evidence = _first_evidence()
    labels: dict[int, list[_Label]] = {
        i: [] for (i,) in bind.execute(sa.text("SELECT id FROM force_level ORDER BY id"))
    }
    for force_id, lang, text, is_original in bind.execute(
        sa.text(f"SELECT force_level_id, lang, text, is_original FROM {ROWS} ORDER BY id")
    ):
        labels[force_id].append(_Label(lang, text, bool(is_original)))
    columns: dict[int, tuple[str, str | None]] = {}
    problems: list[str] = []
    for force_id, held in labels.items():
        found = _columns(held, evidence.get(force_id))
        if isinstance(found, str):
            problems.append(f"force level #{force_id} {found}")
        else:
            columns[force_id] = found
    if problems:
        raise DatabaseError("cannot downgrade below 0010 without losing units: " + "; ".join(problems[:5]))
    with op.batch_alter_table("force_level", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("unit_original", sa.String(length=300), nullable=True))
    if columns:
        bind.execute(
            sa.text("UPDATE force_level SET unit = :unit, unit_original = :unit_original WHERE id = :id"),
            [{"id": i, "unit": u, "unit_original": o} for i, (u, o) in columns.items()],
        )
    with op.batch_alter_table("force_level", schema=None) as batch_op:
        batch_op.alter_column("unit", existing_type=sa.String(length=300), nullable=False)
    with op.batch_alter_table(ROWS, schema=None) as batch_op:
        batch_op.drop_index(f"uq_{ROWS}_original")
        batch_op.drop_index(batch_op.f(f"ix_{ROWS}_force_level_id"))
    op.drop_table(ROWS)
