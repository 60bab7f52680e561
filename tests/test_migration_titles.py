"""Revision 0008: role and event titles move from two columns into rows and back, with data in the tables, on
both engines; a downgrade that would lose a title is refused and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.errors import DatabaseError
from tests.helpers import Databases, table_counts

TITLES = "SELECT {o}_id, lang, text, is_original FROM {o}_title ORDER BY {o}_id, lang"


def titles(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as connection:
        return {
            o: [(r[0], r[1], r[2], bool(r[3])) for r in connection.execute(text(TITLES.format(o=o)))]
            for o in ("role", "event")
        }


def columns_at_0007(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as connection:
        return {
            o: [
                tuple(r) for r in connection.execute(text(f"SELECT id, title, title_ar FROM {o} ORDER BY id"))
            ]
            for o in ("role", "event")
        }


def test_titles_go_down_to_columns_and_up_to_rows_again_unchanged(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        before, counts = titles(engine), table_counts(engine)
        assert before["role"]
        assert before["event"]
        assert any(lang == "ar" for _, lang, _, _ in before["role"])
        migrate.downgrade(url, "0007")
        down = columns_at_0007(engine)
        # Every English row is back in title, every Arabic one in title_ar.
        for owner in ("role", "event"):
            by_id = {i: (t, a) for i, t, a in down[owner]}
            for owner_id, lang, value, original in before[owner]:
                assert by_id[owner_id][0 if lang == "en" else 1] == value
                assert original == (lang == "en")
        migrate.upgrade(url)
        assert titles(engine) == before
        assert table_counts(engine) == counts
        migrate.check(url)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ("INSERT INTO role_title (role_id, lang, text, is_original, recorded_at) "
         "SELECT id, 'ru', 'Генеральный секретарь', {false}, recorded_at FROM role WHERE id = 1",
         "role #1 has a title in ru"),
        ("DELETE FROM event_title WHERE event_id = 1 AND lang = 'en'", "event #1 has no English title"),
        ("UPDATE role_title SET is_original = (lang = 'ar') WHERE role_id = 1",
         "role #1 has an original title that is not the English one"),
    ],
)  # fmt: skip
def test_a_downgrade_that_would_lose_a_title_is_refused_and_changes_nothing(
    databases: Databases, change: str, needle: str
) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        false = "false" if engine.dialect.name == "postgresql" else "0"
        with engine.begin() as connection:
            if "is_original = (lang" in change:
                # One English original and an Arabic row for role 1, then the Arabic made the original.
                connection.execute(
                    text(
                        "INSERT INTO role_title (role_id, lang, text, is_original, recorded_at) "
                        f"SELECT 1, 'ar', 'عنوان', {false}, recorded_at FROM role WHERE id = 1 AND NOT EXISTS "
                        "(SELECT 1 FROM role_title WHERE role_id = 1 AND lang = 'ar')"
                    )
                )
            connection.execute(text(change.format(false=false)))
        before, counts = titles(engine), table_counts(engine)
        with pytest.raises(DatabaseError, match=needle):
            migrate.downgrade(url, "0007")
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert titles(engine) == before
        assert table_counts(engine) == counts
    finally:
        engine.dispose()
