"""`import statements FILE.jsonl` as a user runs it, on both engines: rows and change log written in bulk,
duplicates skipped and listed, and a bad line refusing the whole file with its line number.

Source 1 is the seeded Sky News Arabia article; statement #11 is Stanislav Zas on 2022-02-19.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from csto_kb.db.engine import make_engine
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput
from csto_kb.services.bulk_import import IMPORT_CACHE_KIB, import_statements
from csto_kb.text import normalise_for_search, quote_key, quote_key_of_norm
from tests.helpers import Databases, Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]

S11_QUOTE = (
    "المنظمة قد ترسل قوات لحفظ السلام إلى مناطق في شرق أوكرانيا يسيطر عليها المتمردون المدعومون من موسكو "
    "“إذا لزم الأمر”"
)
# Substrings of the seeded article that occur once in it and are no statement of their own.
FORCE_QUOTE = "قوة قوامها 17 ألف جندي في حالة تأهب دائم"
PEACE_QUOTE = "قوة حفظ سلام متخصصة قوامها نحو 4 آلاف جندي"
ALLIANCE_QUOTE = "ويضم هذا التحالف السياسي العسكري"


def line(quote: str, **fields: Any) -> dict[str, Any]:
    """A line of Zas's on 2022-02-19 citing the seeded article.

    The quotes above are parts of #12, Zas's own statement, which makes each a possible duplicate of it:
    ``distinct`` stores them apart (the duplicate rule's questions are tested on their own below).
    """
    return {
        "speaker": "Zas", "quote": quote, "lang": "ar", "source": 1, "said_on": "2022-02-19", "distinct": True,
        **fields,
    }  # fmt: skip


def jsonl(tmp_path: Path, items: list[Any], name: str = "statements.jsonl") -> Path:
    path = tmp_path / name
    text_lines = [i if isinstance(i, str) else json.dumps(i, ensure_ascii=False) for i in items]
    path.write_text("\n".join(text_lines) + "\n", encoding="utf-8")
    return path


def rows(engine: Engine, sql: str, **params: Any) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        return [dict(r) for r in connection.execute(text(sql), params).mappings()]


def after_of(change: dict[str, Any]) -> dict[str, Any]:
    value = change["after"]
    return json.loads(value) if isinstance(value, str) else dict(value)


def test_import_stores_the_statements_their_translation_about_and_change_rows(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    before = count(engine, "statement")
    path = jsonl(
        tmp_path,
        [
            line(FORCE_QUOTE, translation="a force of 17,000 troops on permanent alert", translator="R. T."),
            line(PEACE_QUOTE, speaker="stanislav-zas", about=["csto", "CSTO"], mode="indirect"),
            line(ALLIANCE_QUOTE, said_on="2022", method="curated"),
        ],
    )
    run = ok(cli("import", "statements", str(path), "--by", "loader"))
    assert run.stdout == "imported 3 statements\n"
    assert count(engine, "statement") == before + 3
    stored = rows(
        engine,
        "SELECT s.*, e.source_id, e.span_start, e.span_end, e.method, e.recorded_by AS evidence_by "
        "FROM statement s JOIN evidence e ON e.statement_id = s.id WHERE s.id > :n ORDER BY s.id",
        n=before,
    )
    assert [s["quote"] for s in stored] == [FORCE_QUOTE, PEACE_QUOTE, ALLIANCE_QUOTE]
    body = rows(engine, "SELECT body FROM source WHERE id = 1")[0]["body"]
    for s in stored:
        assert body[s["span_start"] : s["span_end"]] == s["quote"]
        assert s["quote_norm"] == normalise_for_search(s["quote"])
        assert s["quote_key"] == quote_key(s["quote"])
        assert s["recorded_by"] == s["evidence_by"] == "loader"
    assert [s["method"] for s in stored] == ["imported", "imported", "curated"]
    assert stored[1]["mode"] == "indirect"
    assert len({s["uid"] for s in stored}) == 3

    changes = rows(
        engine,
        "SELECT * FROM change WHERE table_name = 'statement' AND row_id > :n ORDER BY row_id",
        n=before,
    )
    assert [(c["action"], c["row_id"], c["by"]) for c in changes] == [
        ("insert", s["id"], "loader") for s in stored
    ]
    snapshot = after_of(changes[0])
    assert snapshot["id"] == stored[0]["id"]
    assert snapshot["quote"] == FORCE_QUOTE
    assert snapshot["uid"] == stored[0]["uid"]
    assert snapshot["retracted_at"] is None

    translation = rows(engine, "SELECT * FROM translation WHERE statement_id = :id", id=stored[0]["id"])
    assert [(t["lang"], t["translator"]) for t in translation] == [("en", "R. T.")]
    logged = rows(
        engine,
        "SELECT * FROM change WHERE table_name = 'translation' AND row_id = :id",
        id=translation[0]["id"],
    )
    assert after_of(logged[0])["text"] == "a force of 17,000 troops on permanent alert"
    about = rows(engine, "SELECT entity_id FROM statement_about WHERE statement_id = :id", id=stored[1]["id"])
    assert len(about) == 1  # "csto" and "CSTO" name the same entity, stored once


def test_import_reads_standard_input(cli: Cli, engine: Engine) -> None:
    before = count(engine, "statement")
    data = json.dumps(line(FORCE_QUOTE), ensure_ascii=False) + "\n\n"  # a blank line is skipped
    run = ok(cli("import", "statements", "-", input=data))
    assert run.stdout == "imported 1 statement\n"
    assert count(engine, "statement") == before + 1


def test_import_skips_duplicates_of_stored_statements_and_of_earlier_lines_and_lists_them(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    before = count(engine, "statement")
    path = jsonl(
        tmp_path,
        [
            line(S11_QUOTE),  # statement #11
            line(FORCE_QUOTE),
            line(FORCE_QUOTE, speaker="stanislav-zas"),  # line 2 again, the speaker by key
            line(PEACE_QUOTE),
        ],
    )
    run = ok(cli("import", "statements", str(path)))
    assert run.stdout == (
        "imported 2 statements; skipped 2 duplicates: line 1 (= #11), line 3 (repeats an earlier line)\n"
    )
    assert count(engine, "statement") == before + 2
    again = ok(cli("import", "statements", str(path)))
    assert again.stdout.startswith("imported 0 statements; skipped 4 duplicates")
    assert count(engine, "statement") == before + 2


def test_import_duplicates_are_found_across_batches(engine: Engine) -> None:
    before = count(engine, "statement")
    items = [line(FORCE_QUOTE), line(PEACE_QUOTE), line(ALLIANCE_QUOTE), line(PEACE_QUOTE), line(FORCE_QUOTE)]
    report = import_statements(
        UnitOfWork(engine, by="test"),
        [json.dumps(i, ensure_ascii=False) for i in items],
        batch_size=2,
    )
    assert (report.imported, report.skipped_count) == (3, 2)
    assert [s.line for s in report.skipped] == [4, 5]
    assert all(s.existing_id is not None for s in report.skipped)
    assert count(engine, "statement") == before + 3


def test_import_on_duplicate_refuse_refuses_the_whole_file(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    counts = table_counts(engine)
    path = jsonl(tmp_path, [line(FORCE_QUOTE), line(S11_QUOTE)])
    run = cli("import", "statements", str(path), "--on-duplicate", "refuse")
    one_line_error(run, 1, "line 2", "#11")
    assert table_counts(engine) == counts


@pytest.mark.parametrize(
    ("bad", "needles"),
    [
        (line(PEACE_QUOTE, said_on="2022-13-01"), ["line 3", "said_on", "month 13"]),
        ({k: v for k, v in line(PEACE_QUOTE).items() if k != "quote"}, ["line 3", "quote", "required"]),
        (line(PEACE_QUOTE, colour="red"), ["line 3", "colour"]),
        (line(PEACE_QUOTE, span_start=5), ["line 3", "span_start"]),
        ('{"speaker": "Zas", "quote": ', ["line 3", "not valid JSON"]),
        (line("a quote the article does not hold"), ["line 3", "quote", "not found", "source 1"]),
        (line(PEACE_QUOTE, source=999), ["line 3", "source", "999"]),
    ],
    ids=["bad-date", "missing-quote", "unknown-field", "half-span", "not-json", "not-in-source", "no-source"],
)
def test_a_bad_line_refuses_the_whole_file_naming_the_line_and_field(
    cli: Cli, engine: Engine, tmp_path: Path, bad: dict[str, Any] | str, needles: list[str]
) -> None:
    counts = table_counts(engine)
    path = jsonl(tmp_path, [line(FORCE_QUOTE), "", bad, line(ALLIANCE_QUOTE)])
    run = cli("import", "statements", str(path))
    code = 1 if "999" in needles else 2  # an unknown source is "not found", like `statement add`
    one_line_error(run, code, *needles)
    assert table_counts(engine) == counts


def test_an_unknown_speaker_refuses_the_file_naming_the_line(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    counts = table_counts(engine)
    path = jsonl(tmp_path, [line(FORCE_QUOTE), line(PEACE_QUOTE, speaker="Nobody Atall")])
    run = cli("import", "statements", str(path))
    one_line_error(run, 2, "line 2", "speaker", "Nobody Atall")
    assert table_counts(engine) == counts


def test_a_missing_file_is_bad_input(cli: Cli, db_url: str, tmp_path: Path) -> None:
    one_line_error(cli("import", "statements", str(tmp_path / "missing.jsonl")), 2, "missing.jsonl")


def test_quote_key_of_norm_is_quote_key() -> None:
    for quote in (S11_QUOTE, FORCE_QUOTE, "“We are ready,” he said.", "الْمُنَظَّمَة"):
        assert quote_key_of_norm(normalise_for_search(quote)) == quote_key(quote)


def test_the_import_gives_the_connection_back_with_its_page_cache_as_it_was(
    engine: Engine, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("the page cache is SQLite's")
    with engine.connect() as connection:
        before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
        dbapi_connection = connection.connection.dbapi_connection
    sizes: list[int] = []
    report = import_statements(
        UnitOfWork(engine, by="test"),
        [
            json.dumps(line(FORCE_QUOTE), ensure_ascii=False),
            json.dumps(line(PEACE_QUOTE), ensure_ascii=False),
        ],
        progress=lambda _: sizes.append(cache_size(dbapi_connection)),
    )
    assert report.imported == 2
    assert sizes == [IMPORT_CACHE_KIB] != [before]  # larger while the rows go in (one batch)
    with engine.connect() as connection:
        assert connection.connection.dbapi_connection is dbapi_connection  # the pool's one connection
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar_one() == before


def test_on_postgresql_the_import_analyses_the_tables_each_time_it_has_doubled_them(
    engine: Engine, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite plans without statistics")
    from sqlalchemy.engine import Connection

    execute = Connection.exec_driver_sql
    analysed: list[
        int
    ] = []  # the statements in the table (as the import's transaction sees it) at each ANALYZE

    def recorded(self: Connection, statement: str, *args: Any, **kw: Any) -> Any:
        if statement.startswith("ANALYZE"):
            analysed.append(int(execute(self, "SELECT count(*) FROM statement").scalar_one()))
        return execute(self, statement, *args, **kw)

    monkeypatch.setattr(Connection, "exec_driver_sql", recorded)
    stored = count(engine, "statement")
    items = substrings(engine, 80)
    report = import_statements(
        UnitOfWork(engine, by="test"), [json.dumps(i, ensure_ascii=False) for i in items], batch_size=2
    )
    assert report.imported == len(items) > 2 * stored
    *during, last = analysed
    assert last == stored + len(items)  # once more at the end, for the queries after the load
    assert during, "the tables were not analysed while they grew"
    assert during[0] >= 2 * stored
    assert all(later >= 2 * earlier for earlier, later in itertools.pairwise(during))


def cache_size(dbapi_connection: Any) -> int:
    return int(dbapi_connection.execute("PRAGMA cache_size").fetchone()[0])


def test_imported_statements_are_found_by_contains_and_the_search_triggers_stay(
    cli: Cli, engine: Engine, backend: str, tmp_path: Path
) -> None:
    # On SQLite the import indexes its rows in one statement at the end instead of through the insert
    # trigger; the index must hold them afterwards and the trigger must be back for later writes.
    path = jsonl(tmp_path, [line(FORCE_QUOTE), line(PEACE_QUOTE, speaker="stanislav-zas")])
    ok(cli("import", "statements", str(path)))
    found = json.loads(ok(cli("who-said", "--contains", "قوامها 17 الف", "--format", "json")).stdout)
    assert FORCE_QUOTE in [s["quote"] for s in found]
    found = json.loads(ok(cli("who-said", "--contains", "حفظ سلام متخصصه", "--format", "json")).stdout)
    assert PEACE_QUOTE in [s["quote"] for s in found]
    # A statement added afterwards, one by one, is indexed by the trigger again.
    ok(
        cli(
            "statement", "add", "--speaker", "Zas", "--quote", ALLIANCE_QUOTE, "--lang", "ar", "--source", "1"
        )
    )
    found = json.loads(ok(cli("who-said", "--contains", "هذا التحالف السياسي", "--format", "json")).stdout)
    assert ALLIANCE_QUOTE in [s["quote"] for s in found]
    if backend == "sqlite":
        triggers = rows(engine, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        assert [t["name"] for t in triggers] == ["statement_fts_ad", "statement_fts_ai", "statement_fts_au"]


def test_a_refused_import_leaves_the_search_trigger_in_place(
    cli: Cli, engine: Engine, backend: str, tmp_path: Path
) -> None:
    path = jsonl(tmp_path, [line(FORCE_QUOTE), line("a quote the source does not hold")])
    assert cli("import", "statements", str(path)).exit_code != 0
    if backend == "sqlite":
        triggers = rows(engine, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        assert [t["name"] for t in triggers] == ["statement_fts_ad", "statement_fts_ai", "statement_fts_au"]
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Zas",
            "--quote",
            FORCE_QUOTE,
            "--lang",
            "ar",
            "--source",
            "1",
            "--new",
        )
    )
    found = json.loads(ok(cli("who-said", "--contains", "قوامها 17 الف", "--format", "json")).stdout)
    assert FORCE_QUOTE in [s["quote"] for s in found]


def substrings(engine: Engine, n: int) -> list[dict[str, Any]]:
    """``n`` lines quoting distinct stretches of the seeded article, each with its span."""
    body = rows(engine, "SELECT body FROM source WHERE id = 1")[0]["body"]
    starts = [i * 37 for i in range(n)]
    return [
        line(body[i : i + 30], said_on=None, span_start=i, span_end=i + 30)
        for i in starts
        if body[i : i + 30].strip() == body[i : i + 30]
    ]


def statement_indexes(engine: Engine, backend: str) -> list[tuple[str, str]]:
    if backend == "sqlite":
        sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statement' ORDER BY name"
    else:
        sql = "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename = 'statement' ORDER BY 1"
    return [(r["name"], r["sql"]) for r in rows(engine, sql)]


def test_a_large_import_builds_the_date_indexes_again_as_they_were(
    cli: Cli, engine: Engine, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import Index

    dropped: list[str] = []
    drop = Index.drop

    def recorded_drop(self: Index, bind: Any, **kw: Any) -> None:
        dropped.append(str(self.name))
        drop(self, bind, **kw)

    monkeypatch.setattr(Index, "drop", recorded_drop)
    indexes = statement_indexes(engine, backend)
    before = count(engine, "statement")
    items = substrings(engine, 40)
    report = import_statements(
        UnitOfWork(engine, by="test"), [json.dumps(i, ensure_ascii=False) for i in items], batch_size=4
    )
    assert report.imported == len(items) > before  # large beside what was stored: the indexes were deferred
    # SQLite drops the date indexes for the load; PostgreSQL never does (readers would wait for the commit).
    assert sorted(dropped) == (
        ["ix_statement_said_on", "ix_statement_speaker_said_on"] if backend == "sqlite" else []
    )
    assert statement_indexes(engine, backend) == indexes
    ok(cli("db", "check"))
    found = json.loads(ok(cli("who-said", "--speaker", "Zas", "--format", "json")).stdout)
    assert {i["quote"] for i in items} <= {s["quote"] for s in found}


def test_a_large_import_refused_after_deferring_the_indexes_leaves_them(engine: Engine, backend: str) -> None:
    indexes = statement_indexes(engine, backend)
    counts = table_counts(engine)
    items: list[Any] = [*substrings(engine, 40), line("a quote the article does not hold")]
    with pytest.raises(InvalidInput, match=f"line {len(items)}: quote"):
        import_statements(
            UnitOfWork(engine, by="test"), [json.dumps(i, ensure_ascii=False) for i in items], batch_size=4
        )
    assert statement_indexes(engine, backend) == indexes
    assert table_counts(engine) == counts


# --- the duplicate rule's other questions, as `statement add` asks them -----------------------------------
# A part of Zas's quote in the seeded article (#11 is the whole, said on 2022-02-19), and a part of a sentence
# of the article that is no one's statement.
PART = "قوات لحفظ السلام إلى مناطق في شرق أوكرانيا"
PART_OF_ALLIANCE = "هذا التحالف السياسي العسكري"
HELD_BACK_HINT = '(give such a line "same_as": ID to add its source to that statement, or "distinct": true to store it apart)'


def second_source(cli: Cli, tmp_path: Path, body: str) -> int:
    """An Arabic report published after the seeded statements, added through the command line; its id."""
    path = tmp_path / "second-report.txt"
    path.write_text(body, encoding="utf-8")
    run = ok(cli("source", "add", str(path), "--lang", "ar", "--published", "2022-02-20"))
    found = re.search(r"added source (\d+):", run.stdout)
    assert found is not None
    return int(found.group(1))


def about_keys(engine: Engine, statement_id: int) -> list[str]:
    return [
        r["key"]
        for r in rows(
            engine,
            "SELECT e.key FROM statement_about a JOIN entity e ON e.id = a.entity_id "
            "WHERE a.statement_id = :id ORDER BY e.id",
            id=statement_id,
        )
    ]


def evidence_sources(engine: Engine, statement_id: int) -> list[int]:
    found = rows(
        engine, "SELECT source_id FROM evidence WHERE statement_id = :id ORDER BY id", id=statement_id
    )
    return [r["source_id"] for r in found]


def test_lines_that_may_be_stored_statements_are_held_back_listed_and_not_stored(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    counts = table_counts(engine)
    path = jsonl(
        tmp_path,
        [
            line(PART, distinct=False),  # within #11's quote
            line(S11_QUOTE, distinct=False, said_on="2022-02-18"),  # #11's quote on another day
            line(ALLIANCE_QUOTE, distinct=False),  # nothing Zas said
        ],
    )
    run = ok(cli("import", "statements", str(path)))
    assert run.stdout == (
        "imported 1 statement; held back 2 possible duplicates, not stored: line 1 (may be #11, 2022-02-19), "
        f"line 2 (may be #11, 2022-02-19) {HELD_BACK_HINT}\n"
    )
    assert count(engine, "statement") == counts["statement"] + 1
    assert rows(engine, "SELECT count(*) AS n FROM statement WHERE quote = :q", q=PART)[0]["n"] == 0


def test_on_duplicate_refuse_refuses_a_file_with_a_possible_duplicate_naming_the_choices(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    counts = table_counts(engine)
    path = jsonl(tmp_path, [line(ALLIANCE_QUOTE, distinct=False), line(PART, distinct=False)])
    run = cli("import", "statements", str(path), "--on-duplicate", "refuse")
    one_line_error(
        run, 1, "line 2", "possible duplicate of #11 (2022-02-19)", '"same_as": 11', '"distinct": true'
    )
    assert table_counts(engine) == counts


def test_a_line_within_an_earlier_line_is_held_back_unless_it_says_distinct(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    before = count(engine, "statement")
    items = [line(ALLIANCE_QUOTE), line(PART_OF_ALLIANCE, distinct=False, said_on="2022-02-10")]
    refused = cli("import", "statements", str(jsonl(tmp_path, items)), "--on-duplicate", "refuse")
    one_line_error(refused, 1, "line 2", "possible duplicate of line 1 (2022-02-19)", '"distinct": true')
    assert count(engine, "statement") == before
    run = ok(cli("import", "statements", str(jsonl(tmp_path, items, "again.jsonl"))))
    assert run.stdout == (
        f"imported 1 statement; held back 1 possible duplicate, not stored: line 2 (may be line 1, 2022-02-19) "
        f"{HELD_BACK_HINT}\n"
    )
    items[1]["distinct"] = True
    ok(cli("import", "statements", str(jsonl(tmp_path, items, "apart.jsonl"))))
    assert count(engine, "statement") == before + 2


@pytest.mark.parametrize("batch_size", [1, 100], ids=["across-batches", "one-batch"])
def test_an_earlier_line_on_a_compatible_date_from_another_source_is_one_statement_with_both(
    cli: Cli, engine: Engine, tmp_path: Path, batch_size: int
) -> None:
    source = second_source(cli, tmp_path, f"وقال زاس إن {ALLIANCE_QUOTE}.\n")
    before = count(engine, "statement")
    items = [
        line(ALLIANCE_QUOTE, distinct=False, said_on="2022-02"),
        # another source, a finer date: the same statement
        line(
            ALLIANCE_QUOTE,
            distinct=False,
            source=source,
            said_on="2022-02-10",
            about=["russia"],
            translation="This political and military alliance includes",
        ),
        line(ALLIANCE_QUOTE, distinct=False, said_on="2022-02-10"),  # the first line's source again
    ]
    report = import_statements(
        UnitOfWork(engine, by="test"),
        [json.dumps(i, ensure_ascii=False) for i in items],
        batch_size=batch_size,
    )
    assert (report.imported, report.skipped_count, len(report.held_back)) == (1, 1, 0)
    assert report.corroborated + report.merged == 1
    [new] = rows(engine, "SELECT id FROM statement WHERE id > :n", n=before)
    assert evidence_sources(engine, new["id"]) == [1, source]
    assert about_keys(engine, new["id"]) == ["russia"]
    translations = rows(engine, "SELECT lang, text FROM translation WHERE statement_id = :id", id=new["id"])
    assert translations == [{"lang": "en", "text": "This political and military alliance includes"}]


def test_same_as_adds_the_lines_source_and_subjects_to_the_stored_statement_with_history(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = second_source(cli, tmp_path, f"وقال زاس إن {PART}.\n")
    statements = count(engine, "statement")
    subjects_before = about_keys(engine, 11)
    assert "belarus" not in subjects_before
    given = line(
        PART,
        distinct=False,
        source=source,
        same_as=11,
        about=["belarus", "csto"],
        translation="peacekeeping forces",
    )
    path = jsonl(tmp_path, [{**given, "translator": "R. T."}])
    translations = count(engine, "translation", "WHERE statement_id = 11")
    run = ok(cli("import", "statements", str(path), "--format", "json"))
    report = json.loads(run.stdout)
    assert (report["imported"], report["corroborated"], report["held_back"]) == (0, 1, [])
    assert count(engine, "statement") == statements
    assert evidence_sources(engine, 11) == [1, source]
    [logged] = [
        after_of(c)
        for c in rows(
            engine,
            "SELECT * FROM change WHERE table_name = 'statement' AND row_id = 11 AND action = 'update'",
        )
    ]
    assert sorted(about_keys(engine, 11)) == sorted([*subjects_before, "belarus"])
    assert logged == {"about": [*subjects_before, "belarus"]}
    assert count(engine, "translation", "WHERE statement_id = 11") == translations + 1
    assert count(engine, "translation", "WHERE statement_id = 11 AND translator = 'R. T.'") == 1
    again = ok(cli("import", "statements", str(path)))
    assert again.stdout == "imported 0 statements; skipped 1 duplicate: line 1 (= #11)\n"


@pytest.mark.parametrize(
    ("same_as", "code", "needles"),
    [
        (999, 1, ["same_as: no statement has id 999"]),
        (1, 2, ["same_as: statement #1 is by", "not Stanislav Zas"]),
        (12, 1, ["same_as: statement #12 is retracted"]),
    ],
    ids=["missing", "another-speaker", "retracted"],
)
def test_same_as_naming_no_live_statement_of_the_speaker_refuses_the_file(
    cli: Cli, engine: Engine, tmp_path: Path, same_as: int, code: int, needles: list[str]
) -> None:
    ok(cli("statement", "retract", "12", "--reason", "a test retracts it"))
    counts = table_counts(engine)
    path = jsonl(tmp_path, [line(ALLIANCE_QUOTE), line(PART, same_as=same_as)])
    one_line_error(cli("import", "statements", str(path)), code, "line 2", *needles)
    assert table_counts(engine) == counts


def test_an_export_keeps_apart_the_statements_its_database_held_apart(
    cli: Cli, engine: Engine, databases: Databases, tmp_path: Path
) -> None:
    ok(cli("import", "statements", str(jsonl(tmp_path, [line(PART)]))))  # within #11, stored apart
    exported = ok(cli("export", "statements", "--format", "jsonl", "--speaker", "Zas")).stdout
    assert len(exported.splitlines()) == 3  # #11, #12 and the part
    other = databases.seeded()
    ok(cli("--db", other, "statement", "retract", "11", "--reason", "to be imported again"))
    ok(cli("--db", other, "statement", "retract", "12", "--reason", "to be imported again"))
    target = make_engine(other)
    try:
        before = count(target, "statement")
        run = ok(cli("--db", other, "import", "statements", "-", input=exported))
        assert run.stdout == "imported 3 statements\n"
        assert count(target, "statement") == before + 3
    finally:
        target.dispose()


@pytest.mark.parametrize("batch_size", [1, 100], ids=["across-batches", "one-batch"])
def test_a_speakers_statements_stored_before_are_asked_after_lines_of_the_speaker_were_written(
    engine: Engine, batch_size: int
) -> None:
    # Zas's first line is stored apart (written first, with a batch of one); the next is within his #11.
    items = [line(ALLIANCE_QUOTE), line(PART, distinct=False, said_on="2022-02-10")]
    report = import_statements(
        UnitOfWork(engine, by="test"),
        [json.dumps(i, ensure_ascii=False) for i in items],
        batch_size=batch_size,
    )
    assert report.imported == 1
    [held] = report.held_back
    assert (held.line, held.existing_id, held.said_on) == (2, 11, "2022-02-19")


def test_one_batch_adds_sources_to_an_earlier_line_and_to_a_stored_statement_with_their_translations(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = second_source(cli, tmp_path, f"وقال زاس إن {ALLIANCE_QUOTE} وإن {PART}.\n")
    translations = count(engine, "translation")
    items = [
        line(ALLIANCE_QUOTE, distinct=False),
        line(ALLIANCE_QUOTE, distinct=False, source=source, translation="This alliance includes"),
        line(PART, distinct=False, source=source, same_as=11, translation="forces", translator="R. T."),
    ]
    report = import_statements(
        UnitOfWork(engine, by="test"), [json.dumps(i, ensure_ascii=False) for i in items]
    )
    assert (report.imported, report.merged, report.corroborated, report.translations) == (1, 1, 1, 2)
    assert count(engine, "translation") == translations + 2
    assert evidence_sources(engine, 11) == [1, source]


def test_a_translation_that_reads_otherwise_than_its_statements_is_not_stored_and_is_listed(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    [stored_translation] = rows(
        engine, "SELECT lang, translator, text FROM translation WHERE statement_id = 11"
    )
    source = second_source(cli, tmp_path, f"وقال زاس إن {S11_QUOTE} وإن {ALLIANCE_QUOTE}.\n")
    translator = stored_translation["translator"]
    items = [
        line(ALLIANCE_QUOTE, distinct=False, translation="This alliance includes", translator="R. T."),
        line(
            ALLIANCE_QUOTE, distinct=False, source=source, translation="The alliance has", translator="R. T."
        ),
        line(S11_QUOTE, distinct=False, source=source, translation="Other words", translator=translator),
    ]
    translations = count(engine, "translation")
    path = jsonl(tmp_path, items)

    run = ok(cli("import", "statements", str(path), "--format", "json"))

    report = json.loads(run.stdout)
    assert (report["imported"], report["merged"], report["corroborated"]) == (1, 1, 1)
    assert [
        (k["line"], k["existing_id"], k["earlier_line"], k["translator"]) for k in report["kept_translations"]
    ] == [
        (2, None, 1, "R. T."),
        (3, 11, None, translator),
    ]
    assert report["kept_translations_count"] == 2
    assert count(engine, "translation") == translations + 1  # line 1's alone
    assert rows(engine, "SELECT lang, translator, text FROM translation WHERE statement_id = 11") == [
        stored_translation
    ]
    assert evidence_sources(engine, 11) == [1, source]
    summary = ok(cli("import", "statements", str(jsonl(tmp_path, [items[2]], "again.jsonl")))).stdout
    assert "skipped 1 duplicate" in summary  # its source is stored now: a duplicate, not a join


def test_the_summary_lists_the_translations_not_stored() -> None:
    from csto_kb.services.bulk_import import ImportReport

    report = ImportReport(imported=1, corroborated=1)
    report.keep(3, 11, None, [{"lang": "en", "translator": "R. T.", "text": "x"}])
    assert report.summary() == (
        "imported 1 statement; 1 already stored, added as one more source; 1 translation not stored, their "
        "statement having another by the same translator: line 3 (en by R. T.; #11 keeps its own) "
        "(`statement edit ID --translation TEXT --translation-lang LANG --translator NAME` replaces one)"
    )
