"""Revision 0009: organisation fact texts move from columns into rows and back, with data in the tables, on
both engines; an upgrade or a downgrade that would lose a text is refused and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.errors import DatabaseError
from tests.helpers import Databases, assert_downgrade_refused, table_counts

TEXTS = "SELECT fact_id, lang, text, is_original FROM organisation_fact_text ORDER BY fact_id, lang"
COLUMNS = "SELECT id, text, lang, text_en FROM organisation_fact ORDER BY id"


def texts(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [(r[0], r[1], r[2], bool(r[3])) for r in connection.execute(text(TEXTS))]


def columns_at_0008(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(COLUMNS))]


def test_fact_texts_go_down_to_columns_and_up_to_rows_again_unchanged(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        before, counts = texts(engine), table_counts(engine)
        assert any(lang == "ar" and original for _, lang, _, original in before)
        assert any(lang == "en" and not original for _, lang, _, original in before)
        migrate.downgrade(url, "0008")
        by_id = {i: (t, lang, en) for i, t, lang, en in columns_at_0008(engine)}
        # Every original is back in text with its lang, every English translation in text_en.
        for fact_id, lang, value, original in before:
            if original:
                assert by_id[fact_id][:2] == (value, lang)
            else:
                assert lang == "en"
                assert by_id[fact_id][2] == value
        migrate.upgrade(url)
        assert texts(engine) == before
        assert table_counts(engine) == counts
        migrate.check(url)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ("INSERT INTO organisation_fact_text (fact_id, lang, text, is_original, recorded_at) "
         "SELECT id, 'ru', 'Агрессия против одного из этих государств', {false}, recorded_at "
         "FROM organisation_fact WHERE id = 1",
         "organisation fact #1 has a text in ru"),
        ("DELETE FROM organisation_fact_text WHERE fact_id = 1 AND is_original",
         "organisation fact #1 has no original text"),
    ],
)  # fmt: skip
def test_a_downgrade_that_would_lose_a_fact_text_is_refused_and_changes_nothing(
    databases: Databases, change: str, needle: str
) -> None:
    assert_downgrade_refused(databases.seeded(), change, "0008", needle, texts)


def test_an_upgrade_that_would_lose_an_english_facts_second_english_text_is_refused(
    databases: Databases,
) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        migrate.downgrade(url, "0008")
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE organisation_fact SET lang = 'en', text_en = 'Other' WHERE id = 1")
            )
        before, counts = columns_at_0008(engine), table_counts(engine)
        with pytest.raises(DatabaseError, match="organisation fact #1 is in English"):
            migrate.upgrade(url)
        assert migrate.current_revision(engine) == "0008"
        assert columns_at_0008(engine) == before
        assert table_counts(engine) == counts
    finally:
        engine.dispose()
