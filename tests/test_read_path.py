"""The read path: queries defined once in Core, compiled per dialect, run on a bare DB-API connection.

The same SQL answers whether it runs under SQLAlchemy's session (every engine) or on sqlite3 alone (a
ready SQLite file); these tests hold the two, and the pydantic models, to the same answers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from csto_kb.cli import app as cli_app
from csto_kb.db.constants import HEAD_REVISION
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import DatabaseUnreachable, NotFound
from csto_kb.services.queries import who_said, who_said_rows
from csto_kb.sql import direct, generate
from csto_kb.sql.run import StatementFilter, fts_phrase, like_escape
from tests.helpers import Databases, Run, imports_of, ok

Cli = Callable[..., Run]
REPO = Path(__file__).resolve().parent.parent
HEAVY = ["alembic", "pydantic", "sqlalchemy"]

FILTERS = [
    StatementFilter(),
    StatementFilter(speaker="Pashinyan"),
    StatementFilter(speaker="ميتشل بيلفر"),
    StatementFilter(speaker="stanislav-zas", limit=1),
    StatementFilter(about="Kazakhstan", date_from="2022"),
    StatementFilter(org="CSTO"),
    StatementFilter(date_from="2022-03", date_to="2022-04-14"),
    StatementFilter(date_to="2022-02"),
    StatementFilter(contains="حفظ السلام"),
    StatementFilter(contains="17"),
    StatementFilter(contains="NATO"),
    StatementFilter(direct=True),
    StatementFilter(direct=False, include_retracted=True),
    StatementFilter(source=1, limit=5),
]


def test_the_compiled_module_is_what_the_definitions_compile_to() -> None:
    compiled = Path(generate.__file__).with_name("compiled.py")
    assert compiled.read_text(encoding="utf-8") == generate.render(), (
        "csto_kb/sql/compiled.py is stale: run `python -m csto_kb.sql.generate`"
    )


@pytest.mark.parametrize("f", FILTERS, ids=[str(i) for i in range(len(FILTERS))])
def test_rows_are_the_json_form_of_the_models(engine: Engine, f: StatementFilter) -> None:
    rows = who_said_rows(UnitOfWork(engine, read_only=True), f)
    models = who_said(UnitOfWork(engine, read_only=True), f)
    # Byte-for-byte, key order included: scripts reading --format json see no difference between paths.
    assert json.dumps(rows, ensure_ascii=False) == json.dumps(
        [m.model_dump(mode="json") for m in models], ensure_ascii=False
    )


def test_rows_carry_translations_subjects_role_and_source(engine: Engine) -> None:
    [row] = who_said_rows(UnitOfWork(engine, read_only=True), StatementFilter(speaker="Pashinyan"))
    assert row["speaker"]["key"] == "nikol-pashinyan"
    assert row["role"]["organisation"]["key"] == "armenia"
    assert [t["lang"] for t in row["translations"]] == ["en"]
    assert "csto" in [a["key"] for a in row["about"]]
    assert row["source"]["label"].endswith("2022-04-15 (inferred)")
    assert row["said_on_precision"] == "day"


def test_the_filters_select_what_they_say(engine: Engine) -> None:
    def ids(**kw: object) -> list[int]:
        return [r["id"] for r in who_said_rows(UnitOfWork(engine, read_only=True), StatementFilter(**kw))]  # type: ignore[arg-type]

    everything = ids()
    assert len(everything) == 12
    assert ids(speaker="Mitchell Belfer") == [4, 5, 6, 7]
    assert ids(date_to="2022-02") == [11, 12]
    assert set(ids(direct=True)) | set(ids(direct=False)) == set(everything)
    assert ids(limit=3) == everything[:3]
    assert ids(contains="17 الف") == [12]
    assert ids(contains="لحفظ السلام") == [11]


@pytest.mark.parametrize("f", FILTERS, ids=[str(i) for i in range(len(FILTERS))])
def test_sqlite3_alone_answers_exactly_as_the_full_path(
    engine: Engine, db_url: str, backend: str, f: StatementFilter
) -> None:
    assert direct.read(db_url, direct.who_said(f)) == who_said_rows(UnitOfWork(engine, read_only=True), f)


def test_the_direct_path_leaves_to_the_full_one_what_it_cannot_answer(
    databases: Databases, db_url: str, backend: str, engine: Engine, tmp_path: Path
) -> None:
    assert direct.read(db_url, direct.who_said(StatementFilter(speaker="Pashinyan"))) is not None
    # A name it cannot settle is answered in the full path's words, naming the closest known names.
    with pytest.raises(NotFound, match="speaker: no entity is called 'nobody at all'"):
        direct.read(db_url, direct.who_said(StatementFilter(speaker="nobody at all")))
    # A database that is missing, empty, or not at the newest revision: the full path creates,
    # seeds or upgrades it first.
    assert (
        direct.read(f"sqlite:///{tmp_path / 'missing.sqlite3'}", direct.who_said(StatementFilter())) is None
    )
    assert not (tmp_path / "missing.sqlite3").exists()
    assert direct.read(databases.empty(), direct.who_said(StatementFilter())) is None
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert direct.read(db_url, direct.who_said(StatementFilter())) is None
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{HEAD_REVISION}'"))
    # URLs it cannot open by itself go the full way too.
    assert direct.read(db_url + "?mode=ro", direct.who_said(StatementFilter())) is None
    # A server that refuses the connection is reported at once: the full path could only try again.
    with pytest.raises(DatabaseUnreachable, match="csto_kb_no_such_db"):
        direct.read(
            "postgresql+psycopg://postgres@127.0.0.1:5432/csto_kb_no_such_db",
            direct.who_said(StatementFilter()),
        )
    assert direct.read("mysql://somewhere/kb", direct.who_said(StatementFilter())) is None
    # The change log's questions are answered from the log by the driver too.
    import datetime as dt

    assert (
        direct.read(db_url, direct.who_said(StatementFilter(as_recorded_at=dt.datetime(2030, 1, 1))))
        is not None
    )
    with pytest.raises(NotFound, match="speaker: no entity is called 'nobody'"):
        direct.read(
            db_url, direct.who_said(StatementFilter(speaker="nobody", as_recorded_at=dt.datetime(2030, 1, 1)))
        )


def test_the_direct_path_writes_nothing(db_url: str, backend: str) -> None:
    opened = direct.open_ready(db_url)
    assert opened is not None
    connection, dialect = opened
    assert dialect == backend
    try:
        cursor = connection.cursor()
        with pytest.raises(Exception, match=r"(?i)read.?only"):
            cursor.execute("DELETE FROM statement_about")
    finally:
        connection.close()


def test_who_said_on_a_ready_database_imports_neither_sqlalchemy_nor_pydantic(
    db_url: str, backend: str
) -> None:
    done = imports_of(["who-said", "--speaker", "Pashinyan", "--format", "json"], HEAVY, db_url=db_url)
    assert json.loads(done.stdout)[0]["speaker"]["key"] == "nikol-pashinyan"
    assert done.loaded == []


@pytest.mark.parametrize("argv", [["who-said", "--help"], ["--help"], ["factsheet", "--help"]])
def test_help_imports_neither_sqlalchemy_nor_pydantic(argv: list[str]) -> None:
    """Help ends by click's Exit, which passes the command line's error handler: that must not import the
    database layer to check whether it raised."""
    done = imports_of(argv, HEAVY)
    assert "Usage" in done.stdout
    assert done.loaded == []


def test_search_text_is_escaped_for_like_and_for_fts5() -> None:
    assert like_escape("50%_a/b") == "50/%/_a//b"
    assert fts_phrase('say "no" OR x*') == '"say ""no"" OR x*"'


@pytest.mark.parametrize(
    "needle", ['"', "% _", "OR", 'a" OR "b', "NEAR(a b)", "*", "'; DROP TABLE statement; --"]
)
def test_contains_takes_search_syntax_literally(cli: Cli, db_url: str, needle: str) -> None:
    run = cli("who-said", "--contains", needle, "--format", "json")
    if run.exit_code == 2:
        assert "contains:" in run.stderr  # nothing left once punctuation is dropped
        return
    ok(run)
    found = json.loads(run.stdout)
    from csto_kb.text import normalise_for_search

    assert all(normalise_for_search(needle) in normalise_for_search(s["quote"]) for s in found)


# --- the command line builds only the command it runs -----------------------------------------------


def test_the_command_table_names_every_command_of_the_full_app() -> None:
    full = cli_app.application()
    names = {c.name for c in full.registered_commands} | {g.name for g in full.registered_groups}
    assert names == set(cli_app.SUB_APPS) | set(cli_app.COMMANDS)


def test_the_root_lists_every_command_of_the_full_app_once() -> None:
    assert list(cli_app.SUMMARIES) == [*cli_app.COMMANDS, *cli_app.SUB_APPS]


COMMAND_MODULES = sorted(
    {f"csto_kb.cli.{m}" for m in [*cli_app.SUB_APPS.values(), *cli_app.COMMANDS.values()]}
)


@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["--db", "x.db", "--help"], ["--version"]])
def test_the_roots_help_and_version_build_no_command(argv: list[str]) -> None:
    done = imports_of(argv, COMMAND_MODULES)
    assert done.loaded == []
    assert done.stdout.strip()


@pytest.mark.parametrize("columns", ["80", "50"])
def test_the_roots_help_is_the_full_apps_whichever_commands_were_built(columns: str) -> None:
    def root_help(build: str) -> str:
        probe = f"import sys\nfrom csto_kb.cli import app\nsys.argv = ['csto-kb', '--help']\n{build}\n"
        done = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "COLUMNS": columns},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    full = root_help("app.application()()")  # every command built
    listed = full.split("Commands:")[1].splitlines()[1:]
    assert [line.split()[0] for line in listed] == list(cli_app.SUMMARIES)
    assert root_help("app.main()") == full


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["who-said", "--speaker", "x"], "who-said"),
        (["--db", "sqlite:///x.db", "statement", "add"], "statement"),
        (["--db", "who-said", "members"], "members"),
        (["--read-only", "export", "statements"], "export"),
        (["--help"], None),
        (["-h", "who-said"], None),
        (["--version"], None),
        (["no-such-command"], None),
        ([], None),
    ],
)
def test_the_command_is_found_on_the_command_line(argv: list[str], named: str | None) -> None:
    assert cli_app.command_named(argv) == named


@pytest.mark.parametrize(
    ("argv", "listing"),
    [
        ([], True),
        (["--help"], True),
        (["--db", "--help", "--help"], True),
        (["--read-only", "-h"], True),
        (["--version"], True),
        (["--db", "--help"], False),  # --help is the database's name here
        (["who-said", "--help"], False),
        (["no-such-command", "--help"], False),
        (["--read-only"], False),
    ],
)
def test_only_the_roots_own_help_and_version_ask_for_the_listing(argv: list[str], listing: bool) -> None:
    assert cli_app.wants_listing(argv) is listing


def test_a_misspelt_command_still_gets_the_full_app_and_its_suggestion() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "csto_kb", "who-sad"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "who-said" in done.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize(
    "args", [[], ["--speaker", "Mitchell Belfer"], ["--from", "2022-04", "--include-retracted"]]
)
def test_exports_through_sqlite3_alone_equal_the_full_paths(
    cli: Cli, db_url: str, backend: str, monkeypatch: pytest.MonkeyPatch, fmt: str, args: list[str]
) -> None:
    through_sqlite3 = ok(cli("export", "statements", "--format", fmt, *args)).stdout
    monkeypatch.setattr(direct, "open_ready", lambda url: None)
    assert ok(cli("export", "statements", "--format", fmt, *args)).stdout == through_sqlite3
    assert through_sqlite3.count("\n") >= 2


def test_who_said_output_is_the_same_through_either_path(
    cli: Cli, db_url: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = []
    for fmt in ("json", "csv", "md", "table"):
        outputs.append(ok(cli("who-said", "--org", "CSTO", "--format", fmt)).stdout)
    monkeypatch.setattr(direct, "open_ready", lambda url: None)
    for fmt, expected in zip(("json", "csv", "md", "table"), outputs, strict=True):
        assert ok(cli("who-said", "--org", "CSTO", "--format", fmt)).stdout == expected


@pytest.mark.parametrize(
    "stored",
    [
        "2026-11-29 07:46:01.123456",
        "2026-11-29 07:46:01.000000",
        "2026-11-29 07:46:01.000100",
        "2026-11-29T07:46:01",
    ],
)
def test_timestamps_read_from_sqlite_are_written_as_pydantic_writes_them(stored: str) -> None:
    import datetime as dt

    from csto_kb.sql.run import _moment

    assert _moment(stored) == dt.datetime.fromisoformat(stored).isoformat()
    assert _moment(dt.datetime.fromisoformat(stored)) == dt.datetime.fromisoformat(stored).isoformat()


def test_every_read_gets_a_driver_connection_even_on_first_use(
    databases: Databases, backend: str, db_url: str
) -> None:
    from csto_kb.cli.context import KB

    seen: list[tuple[str, str]] = []

    def work(connection: Any, dialect: str) -> int:
        seen.append((type(connection).__module__.split(".")[0], dialect))
        cursor = connection.cursor()
        cursor.execute("SELECT count(*) FROM statement")
        return int(cursor.fetchone()[0])

    ready = KB(db_url).read(work)  # opened by the driver alone
    # First use: the full open creates and seeds the database, then the same work runs on its driver connection.
    empty = databases.empty()
    assert direct.open_ready(empty) is None
    assert KB(empty).read(work) == ready > 0
    assert seen == [("sqlite3" if backend == "sqlite" else "psycopg", backend)] * 2
