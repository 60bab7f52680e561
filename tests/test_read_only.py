"""--read-only (or CSTO_KB_READ_ONLY=1): queries work, every write is refused in one line, nothing is written."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.exc import DBAPIError

from csto_kb.model import Change
from csto_kb.services.bootstrap import open_knowledge_base
from tests.helpers import Databases, Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]
ZAS_QUOTE = "لم يغير هذا مجرى المعركة"


def test_queries_work_read_only(cli: Cli, engine: Engine) -> None:
    statements = json.loads(ok(cli("--read-only", "who-said", "--speaker", "Zas", "--format", "json")).stdout)
    assert [s["id"] for s in statements] == [11, 12]
    ok(cli("--read-only", "factsheet", "CSTO", "--format", "json"))
    ok(cli("--read-only", "history", "11"))
    ok(cli("--read-only", "db", "current"))


@pytest.mark.parametrize(
    "args",
    [
        ["statement", "add", "--speaker", "Zas", "--source", "1", "--lang", "ar", "--quote", ZAS_QUOTE],
        ["statement", "edit", "11", "--said-on", "2022-02", "--reason", "x"],
        ["statement", "retract", "11", "--reason", "x"],
        ["entity", "add", "New Person", "--kind", "person"],
        ["entity", "alias", "Zas", "Stas Zas"],
        ["entity", "merge", "Zas", "Pashinyan", "--reason", "x"],
        ["db", "upgrade"],
        ["db", "downgrade", "base"],
        ["db", "seed"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_every_write_is_refused_in_one_line_and_nothing_is_written(
    cli: Cli, engine: Engine, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    before = table_counts(engine)
    one_line_error(cli("--read-only", *args), 1, "read-only")
    monkeypatch.setenv("CSTO_KB_READ_ONLY", "1")
    one_line_error(cli(*args), 1, "read-only")
    assert table_counts(engine) == before


def test_source_add_and_ingest_are_refused_read_only(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("قال ستانيسلاف زاس إن المنظمة جاهزة.\n", encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("--read-only", "source", "add", str(article), "--lang", "ar"), 1, "read-only")
    one_line_error(cli("--read-only", "ingest", str(article), "--lang", "ar"), 1, "read-only")
    assert table_counts(engine) == before


def test_the_database_itself_refuses_writes_that_bypass_the_session(db_url: str, engine: Engine) -> None:
    before = table_counts(engine)
    read_only = open_knowledge_base(db_url, read_only=True)
    try:
        with pytest.raises(DBAPIError, match=r"(?i)read.?only"), read_only.begin() as connection:
            connection.execute(
                insert(Change).values(
                    by="x", action="insert", table_name="statement", row_id=1, at=dt.datetime(2022, 1, 1)
                )
            )
    finally:
        read_only.dispose()
    assert table_counts(engine) == before


def test_read_only_refuses_an_empty_database_instead_of_creating_it(
    cli: Cli, databases: Databases, backend: str
) -> None:
    url = databases.empty()
    # An empty SQLite database is a file not made yet, which cannot be opened (3); an empty PostgreSQL
    # database is there, and holds nothing (1).
    code, needle = (3, "no such SQLite file") if backend == "sqlite" else (1, "the database is empty")
    one_line_error(cli("--db", url, "--read-only", "who-said"), code, needle)
    with pytest.raises(Exception, match="empty"):
        open_knowledge_base(url, read_only=True)
