"""The curated seed: its spans match the article, it loads what it says, and a mistake in it writes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput
from csto_kb.resources import seeds_dir
from csto_kb.services.seed import load_seeds
from tests.helpers import Databases, count, table_counts

ARTICLE = "000_a04cb8df2fb7d647"
ARTICLE_YAML = f"{ARTICLE}.yaml"
ARTICLE_TXT = f"{ARTICLE}.txt"
CSTO_MEMBERS = {"russia", "armenia", "belarus", "kazakhstan", "kyrgyzstan", "tajikistan"}
STATEMENTS_BY_SPEAKER = {
    "nikol-pashinyan": 1,
    "kazakhstan-defence-ministry": 2,
    "mitchell-belfer": 4,
    "irina-tsukerman": 3,
    "stanislav-zas": 2,
}


def _article() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((seeds_dir() / ARTICLE_YAML).read_text(encoding="utf-8"))
    return data


def _article_text() -> str:
    with open(seeds_dir() / ARTICLE_TXT, encoding="utf-8") as handle:
        return handle.read()


def _evidence_spans() -> list[tuple[str, dict[str, Any]]]:
    article = _article()
    return [
        (f"{section}[{i}]", entry["evidence"])
        for section in ("roles", "memberships", "events", "organisation_facts", "force_levels")
        for i, entry in enumerate(article.get(section) or [])
    ]


def _rows(engine: Engine, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]


# --- the seed files themselves ---------------------------------------------------------------------------


def test_the_seed_has_evidence_spans_in_every_fact_section() -> None:
    sections = {where.split("[")[0] for where, _ in _evidence_spans()}
    assert sections == {"roles", "memberships", "events", "organisation_facts", "force_levels"}
    assert len(_article()["statements"]) == 12


@pytest.mark.parametrize(("where", "span"), _evidence_spans(), ids=[where for where, _ in _evidence_spans()])
def test_every_evidence_span_in_the_seed_reads_exactly_its_text_in_the_article(
    where: str, span: dict[str, Any]
) -> None:
    body = _article_text()
    assert 0 <= span["start"] < span["end"] <= len(body), where
    assert body[span["start"] : span["end"]] == span["text"], where


@pytest.mark.parametrize("index", range(12), ids=[f"statements[{i}]" for i in range(12)])
def test_every_statement_span_in_the_seed_reads_exactly_its_quote_in_the_article(index: int) -> None:
    statement = _article()["statements"][index]
    body = _article_text()
    assert 0 <= statement["start"] < statement["end"] <= len(body)
    assert body[statement["start"] : statement["end"]] == statement["quote"]


def test_organisation_fact_texts_are_their_evidence() -> None:
    for fact in _article()["organisation_facts"]:
        assert fact["text"] == fact["evidence"]["text"]


# --- the seeded database ---------------------------------------------------------------------------------


def test_the_seeded_database_holds_twelve_statements_by_the_expected_speakers(engine: Engine) -> None:
    rows = _rows(
        engine,
        "SELECT e.key, count(*) FROM statement s JOIN entity e ON e.id = s.speaker_id GROUP BY e.key",
    )
    assert dict(rows) == STATEMENTS_BY_SPEAKER
    assert count(engine, "statement") == 12
    assert count(engine, "statement", "WHERE retracted_at IS NULL") == 12


def test_every_seeded_statement_has_an_english_translation(engine: Engine) -> None:
    untranslated = _rows(
        engine,
        "SELECT s.id FROM statement s WHERE NOT EXISTS "
        "(SELECT 1 FROM translation t WHERE t.statement_id = s.id AND t.lang = 'en' AND t.text <> '')",
    )
    assert untranslated == []
    assert count(engine, "translation", "WHERE lang = 'en'") == 12


def test_every_seeded_statement_cites_the_article_and_its_span_is_the_quote(engine: Engine) -> None:
    (source_id, body), *others = _rows(engine, "SELECT id, body FROM source")
    assert others == []
    assert source_id == 1
    assert body == _article_text()
    statements = _rows(
        engine,
        "SELECT e.source_id, e.span_start, e.span_end, s.quote FROM statement s "
        "JOIN evidence e ON e.statement_id = s.id",
    )
    assert len(statements) == 12
    for cited, start, end, quote in statements:
        assert cited == source_id
        assert body[start:end] == quote


def test_every_seeded_fact_span_lies_inside_the_article(engine: Engine) -> None:
    (body_chars,) = _rows(engine, "SELECT body_chars FROM source WHERE id = 1")[0]
    for table in ("role", "membership", "event", "organisation_fact", "force_level"):
        spans = _rows(
            engine,
            f"SELECT e.source_id, e.span_start, e.span_end FROM {table} f JOIN evidence e ON e.{table}_id = f.id",
        )
        assert len(spans) == count(engine, table), table  # one evidence each
        assert spans, table
        for source_id, start, end in spans:
            assert source_id == 1, table
            assert 0 <= start < end <= body_chars, table


def test_the_seeded_database_lists_six_csto_members_since_2002(engine: Engine) -> None:
    rows = _rows(
        engine,
        "SELECT m.key, ms.status, ms.valid_from, ms.valid_to FROM membership ms "
        "JOIN entity a ON a.id = ms.alliance_id JOIN entity m ON m.id = ms.member_id WHERE a.key = 'csto'",
    )
    assert {key for key, *_ in rows} == CSTO_MEMBERS
    assert len(rows) == 6
    assert {(status, since, until) for _, status, since, until in rows} == {("member", "2002", None)}


def test_the_seeded_force_levels_are_asserted_by_zas(engine: Engine) -> None:
    rows = _rows(
        engine,
        "SELECT f.count, f.approximate, f.readiness, sp.key, o.key FROM force_level f "
        "JOIN statement s ON s.id = f.statement_id JOIN entity sp ON sp.id = s.speaker_id "
        "JOIN entity o ON o.id = f.organisation_id ORDER BY f.count DESC",
    )
    normalised = [(n, bool(approx), readiness, speaker, org) for n, approx, readiness, speaker, org in rows]
    assert normalised == [
        (17000, False, "permanent_alert", "stanislav-zas", "csto"),
        (4000, True, "peacekeeping", "stanislav-zas", "csto"),
    ]
    assert count(engine, "force_level") == 2


def test_the_seeded_founding_event_is_dated_2002(engine: Engine) -> None:
    rows = _rows(engine, "SELECT key, starts_on FROM event WHERE kind = 'founding'")
    assert rows == [("csto-founded", "2002")]


def test_the_seeded_source_publication_date_is_marked_inferred_with_a_note(engine: Engine) -> None:
    rows = _rows(engine, "SELECT published_on, published_basis, published_note, file_name FROM source")
    assert len(rows) == 1
    published_on, basis, note, file_name = rows[0]
    assert (published_on, basis, file_name) == ("2022-04-15", "inferred", ARTICLE_TXT)
    assert note is not None
    assert note.strip()


def test_every_seeded_statement_insert_is_in_the_change_log(engine: Engine) -> None:
    assert count(engine, "change", "WHERE action = 'insert' AND table_name = 'statement'") == 12
    unlogged = _rows(
        engine,
        "SELECT s.id FROM statement s WHERE NOT EXISTS (SELECT 1 FROM change c "
        "WHERE c.table_name = 'statement' AND c.action = 'insert' AND c.row_id = s.id)",
    )
    assert unlogged == []


def test_every_row_the_seed_wrote_is_in_the_change_log(engine: Engine) -> None:
    # Association tables without an id (statement_about, event_participant) are not logged row by row.
    for table in (
        "entity",
        "entity_name",
        "source",
        "role",
        "statement",
        "translation",
        "membership",
        "evidence",
    ):
        logged = count(engine, "change", f"WHERE action = 'insert' AND table_name = '{table}'")
        assert logged == count(engine, table), table


def test_loading_the_seed_twice_changes_nothing(engine: Engine) -> None:
    before = table_counts(engine)
    report = load_seeds(UnitOfWork(engine, by="test"), seeds_dir())
    assert table_counts(engine) == before
    assert report.sources_already_loaded == [ARTICLE_TXT]
    assert report.sources_added == []
    assert (report.entities_added, report.names_added, report.statements_added, report.facts_added) == (
        0,
        0,
        0,
        0,
    )


# --- mistakes in seed files ------------------------------------------------------------------------------


@pytest.fixture
def empty_engine(databases: Databases) -> Iterator[Engine]:
    """An engine on a database migrated to the newest revision and holding no rows."""
    url = databases.empty()
    migrate.upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def _copy_seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), target)
    return target


def _rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def _shift(data: dict[str, Any], path: tuple[str | int, ...], by: int) -> None:
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] += by


def test_an_unchanged_copy_of_the_seed_fills_an_empty_database(empty_engine: Engine, tmp_path: Path) -> None:
    # The control for the mistakes below: copying and rewriting the files alone breaks nothing.
    seeds = _copy_seeds(tmp_path)
    _rewrite(seeds / ARTICLE_YAML, lambda data: None)
    report = load_seeds(UnitOfWork(empty_engine, by="test"), seeds)
    assert report.sources_added == [ARTICLE_TXT]
    assert report.statements_added == 12
    assert count(empty_engine, "statement") == 12


MISTAKES: list[Any] = [
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("statements", 3, "said_on"), "2022-02-30"),
        ["statements[3].said_on", "not a day of the calendar"],
        id="impossible-date",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("events", 0, "starts_on"), "last year"),
        ["events[0].starts_on", "YYYY, YYYY-MM or YYYY-MM-DD"],
        id="date-in-words",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _shift(d, ("statements", 3, "start"), 1),
        ["statements[3]", "span"],
        id="statement-span-shifted",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("memberships", 2, "evidence", "text"), "روسيا وأرمينيا"),
        ["memberships[2].evidence", "span 253-358"],
        id="evidence-text-mismatched",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _shift(d, ("force_levels", 1, "evidence", "end"), 10_000),
        ["force_levels[1].evidence", "past the source"],
        id="evidence-span-past-the-end",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("statements", 0, "speaker"), "nikol-pashinyan-typo"),
        ["statements[0].speaker", "unknown entity key 'nikol-pashinyan-typo'"],
        id="unknown-speaker",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("memberships", 5, "member"), "uzbekistan"),
        ["memberships[5].member", "unknown entity key 'uzbekistan'"],
        id="unknown-member",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("statements", 2, "sayd_on"), "2022-04-14"),
        ["statements[2].sayd_on"],
        id="unknown-field-in-statement",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("events", 1, "evidence", "stat"), 706),
        ["events[1].evidence.stat"],
        id="unknown-field-in-evidence",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("force_levels", 0, "statement"), "s99"),
        ["force_levels[0].statement", "unknown statement id 's99'"],
        id="unknown-statement-reference",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("statements", 5, "role"), "no-such-role"),
        ["statements[5].role", "unknown role key 'no-such-role'"],
        id="unknown-role",
    ),
    pytest.param(
        ARTICLE_YAML,
        lambda d: _set(d, ("force_levels", 0, "readiness"), "on_alert"),
        ["force_levels[0].readiness"],
        id="value-outside-choices",
    ),
    pytest.param(
        "entities.yaml",
        lambda d: _set(d, ("entities", 3, "part_of"), "central-asia"),
        ["entities[3].part_of", "unknown entity key 'central-asia'"],
        id="entities-unknown-part-of",
    ),
    pytest.param(
        "entities.yaml",
        lambda d: _set(d, ("entities", 1, "kind"), "nation"),
        ["entities[1].kind"],
        id="entities-unknown-kind",
    ),
]


@pytest.mark.parametrize(("file_name", "change", "expected"), MISTAKES)
def test_a_mistake_in_a_seed_file_names_file_entry_and_field_and_writes_nothing(
    empty_engine: Engine,
    tmp_path: Path,
    file_name: str,
    change: Callable[[dict[str, Any]], None],
    expected: list[str],
) -> None:
    seeds = _copy_seeds(tmp_path)
    _rewrite(seeds / file_name, change)
    with pytest.raises(InvalidInput) as raised:
        load_seeds(UnitOfWork(empty_engine, by="test"), seeds)
    message = str(raised.value)
    assert message.startswith(f"{file_name}: "), message
    for part in expected:
        assert part in message, message
    assert "\n" not in message
    assert set(table_counts(empty_engine).values()) == {0}


def test_a_seed_whose_article_text_is_missing_names_the_source_file(
    empty_engine: Engine, tmp_path: Path
) -> None:
    seeds = _copy_seeds(tmp_path)
    (seeds / ARTICLE_TXT).unlink()
    with pytest.raises(InvalidInput, match=rf"{ARTICLE_YAML}: source\.file: cannot read {ARTICLE_TXT}"):
        load_seeds(UnitOfWork(empty_engine, by="test"), seeds)
    assert set(table_counts(empty_engine).values()) == {0}


def test_a_seed_file_that_is_not_yaml_names_the_file(empty_engine: Engine, tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    (seeds / ARTICLE_YAML).write_text("source: [unclosed\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=rf"{ARTICLE_YAML}: cannot be read as UTF-8 YAML"):
        load_seeds(UnitOfWork(empty_engine, by="test"), seeds)
    assert set(table_counts(empty_engine).values()) == {0}
