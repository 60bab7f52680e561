"""Revision 0010: force unit labels move from two untagged columns into language rows and back, with data in the
tables, on both engines; an upgrade or a downgrade that would lose a label is refused and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.errors import DatabaseError
from tests.helpers import Databases, assert_downgrade_refused, table_counts

UNITS = "SELECT force_level_id, lang, text, is_original FROM force_level_unit ORDER BY force_level_id, lang"
COLUMNS = "SELECT id, unit, unit_original FROM force_level ORDER BY id"
# The seed's first figure, as source 1 (in Arabic) writes it: its evidence's words.
WORDS_1 = "قوة قوامها 17 ألف جندي في حالة تأهب دائم"


def units(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [(r[0], r[1], r[2], bool(r[3])) for r in connection.execute(text(UNITS))]


def columns_at_0009(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(COLUMNS))]


def add_figure_at_0009(engine: Engine, unit: str, unit_original: str | None) -> int:
    """A copy of the seed's first figure, with its evidence, holding these two columns."""
    with engine.begin() as connection:
        new_id = int(connection.execute(text("SELECT max(id) + 1 FROM force_level")).scalar_one())
        connection.execute(
            text(
                "INSERT INTO force_level (id, organisation_id, unit, unit_original, count, approximate, "
                "readiness, as_of, statement_id, note, retracted_at, retracted_reason, recorded_at) "
                "SELECT :id, organisation_id, :unit, :original, count + :id, approximate, readiness, as_of, "
                "statement_id, note, retracted_at, retracted_reason, recorded_at FROM force_level WHERE id = 1"
            ),
            {"id": new_id, "unit": unit, "original": unit_original},
        )
        connection.execute(
            text(
                "INSERT INTO evidence (force_level_id, source_id, span_start, span_end, method, "
                "extractor_version, confidence, note, recorded_by, retracted_at, retracted_reason, recorded_at) "
                "SELECT :id, source_id, span_start, span_end, method, extractor_version, confidence, note, "
                "recorded_by, retracted_at, retracted_reason, recorded_at FROM evidence WHERE force_level_id = 1"
            ),
            {"id": new_id},
        )
    return new_id


def test_seeded_units_go_down_to_columns_and_up_to_rows_again_unchanged(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        before, counts = units(engine), table_counts(engine)
        assert before == [
            (1, "en", "Forces on permanent alert", True),
            (2, "en", "Specialised peacekeeping force", True),
        ]
        migrate.downgrade(url, "0009")
        # The English label is back in unit, the figure's words (its evidence's) in unit_original.
        assert columns_at_0009(engine) == [
            (1, "Forces on permanent alert", WORDS_1),
            (2, "Specialised peacekeeping force", "قوة حفظ سلام متخصصة قوامها نحو 4 آلاف جندي"),
        ]
        migrate.upgrade(url)
        assert units(engine) == before
        assert table_counts(engine) == counts
        migrate.check(url)
    finally:
        engine.dispose()


def test_an_extracted_unit_is_the_sources_word_and_a_unit_as_written_its_original(
    databases: Databases,
) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        migrate.downgrade(url, "0009")
        # Extracted: the source's own word, and the figure's words (the evidence's) beside it.
        extracted = add_figure_at_0009(engine, "جندي", WORDS_1)
        # Typed: an English unit, and the unit as the (Arabic) source writes it.
        typed = add_figure_at_0009(engine, "soldiers", "جندي")
        # Typed with no words of the source: English.
        bare = add_figure_at_0009(engine, "troops", None)
        at_0009 = columns_at_0009(engine)

        migrate.upgrade(url)

        held = [u for u in units(engine) if u[0] in (extracted, typed, bare)]
        assert held == [
            (extracted, "ar", "جندي", True),
            (typed, "ar", "جندي", True),
            (typed, "en", "soldiers", False),
            (bare, "en", "troops", True),
        ]
        migrate.check(url)
        migrate.downgrade(url, "0009")
        back = {row[0]: row for row in columns_at_0009(engine)}
        assert [back[i] for i in (extracted, typed)] == [r for r in at_0009 if r[0] in (extracted, typed)]
        # A figure that had no words of its own gets its evidence's: they were the source's all along.
        assert back[bare] == (bare, "troops", WORDS_1)
        migrate.upgrade(url)
        assert [u for u in units(engine) if u[0] in (extracted, typed, bare)] == held
    finally:
        engine.dispose()


def test_an_upgrade_that_would_lose_a_unit_as_written_is_refused_and_changes_nothing(
    databases: Databases,
) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        migrate.downgrade(url, "0009")
        # Both Arabic: one row per language cannot hold the two.
        clash = add_figure_at_0009(engine, "جندي", "عسكري")
        before, counts = columns_at_0009(engine), table_counts(engine)
        with pytest.raises(DatabaseError, match=f"force level #{clash} has a unit and a different unit"):
            migrate.upgrade(url)
        assert migrate.current_revision(engine) == "0009"
        assert columns_at_0009(engine) == before
        assert table_counts(engine) == counts
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ("INSERT INTO force_level_unit (force_level_id, lang, text, is_original, recorded_at) "
         "SELECT id, 'ru', 'Силы постоянной готовности', {false}, recorded_at FROM force_level WHERE id = 1",
         "force level #1 has a unit in ru"),
        ("DELETE FROM force_level_unit WHERE force_level_id = 2", "force level #2 has no unit"),
    ],
)  # fmt: skip
def test_a_downgrade_that_would_lose_a_unit_is_refused_and_changes_nothing(
    databases: Databases, change: str, needle: str
) -> None:
    assert_downgrade_refused(databases.seeded(), change, "0009", needle, units)
