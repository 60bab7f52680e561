"""What `export statements` writes, `import statements` reads: a JSON Lines export moves statements, with
every source they cite, into another database holding the same articles (found by their text's SHA-256)."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from csto_kb.db.engine import make_engine
from tests.helpers import Databases, Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]
S11_QUOTE = (
    "المنظمة قد ترسل قوات لحفظ السلام إلى مناطق في شرق أوكرانيا يسيطر عليها المتمردون المدعومون من موسكو "
    "“إذا لزم الأمر”"
)


def second_outlet(tmp_path: Path) -> Path:
    path = tmp_path / "second.txt"
    path.write_text(f"وقال زاس إن {S11_QUOTE}.\n", encoding="utf-8")
    return path


def test_an_export_imports_into_another_database_with_every_source(
    cli: Cli, engine: Engine, databases: Databases, tmp_path: Path
) -> None:
    article = second_outlet(tmp_path)
    ok(cli("source", "add", str(article), "--lang", "ar", "--published", "2022-02-20"))
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Zas",
            "--source",
            "2",
            "--quote",
            S11_QUOTE,
            "--said-on",
            "2022-02-19",
        )
    )
    exported = ok(cli("export", "statements", "--format", "jsonl", "--source", "2")).stdout
    [line] = [json.loads(x) for x in exported.splitlines()]
    assert [e["source"]["sha256"] is not None for e in line["evidence"]] == [True, True]

    # Another database with the seed and the same second article, added under another id.
    other = databases.seeded()
    ok(
        cli(
            "--db",
            other,
            "source",
            "add",
            "--url",
            "https://unrelated.invalid/a",
            "--published",
            "2022-01-01",
        )
    )
    ok(cli("--db", other, "source", "add", str(article), "--lang", "ar", "--published", "2022-02-20"))
    target = make_engine(other)
    try:
        statements = count(target, "statement")
        run = ok(cli("--db", other, "import", "statements", "-", input=exported))
        assert "1 already stored, added as one more source" in run.stdout
        assert count(target, "statement") == statements
        shown = json.loads(ok(cli("--db", other, "statement", "show", "11", "--format", "json")).stdout)
        assert [e["source"]["id"] for e in shown["evidence"]] == [1, 3]
        # Importing it again changes nothing: both sources support the statement already.
        before = table_counts(target)
        again = ok(cli("--db", other, "import", "statements", "-", input=exported)).stdout
        assert "skipped 1 duplicate" in again
        assert table_counts(target) == before
    finally:
        target.dispose()


def test_an_export_naming_an_article_the_other_database_lacks_is_refused_whole(
    cli: Cli, engine: Engine, databases: Databases, tmp_path: Path
) -> None:
    ok(cli("source", "add", str(second_outlet(tmp_path)), "--lang", "ar", "--published", "2022-02-20"))
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Zas",
            "--source",
            "2",
            "--quote",
            S11_QUOTE,
            "--said-on",
            "2022-02-19",
        )
    )
    exported = ok(cli("export", "statements", "--format", "jsonl")).stdout
    other = databases.seeded()
    target = make_engine(other)
    try:
        before = table_counts(target)
        one_line_error(
            cli("--db", other, "import", "statements", "-", input=exported),
            1,
            "line 1",
            "SHA-256",
            "source add",
        )
        assert table_counts(target) == before
    finally:
        target.dispose()


def test_an_export_holding_a_retracted_statement_is_refused_rather_than_brought_back_live(
    cli: Cli, engine: Engine, databases: Databases
) -> None:
    ok(cli("statement", "retract", "11", "--reason", "misattributed"))
    exported = ok(cli("export", "statements", "--format", "jsonl", "--include-retracted")).stdout
    retracted = [n for n, x in enumerate(exported.splitlines(), 1) if json.loads(x)["retracted_at"]]
    assert len(retracted) == 1
    other = databases.seeded()
    target = make_engine(other)
    try:
        ok(cli("--db", other, "statement", "retract", "11", "--reason", "misattributed"))
        before = table_counts(target)
        one_line_error(
            cli("--db", other, "import", "statements", "-", input=exported),
            2,
            f"line {retracted[0]}",
            "retracted_at",
            "misattributed",
            "--include-retracted",
        )
        assert table_counts(target) == before
        # Without it, the same statements import: every live one is already stored there.
        live = ok(cli("export", "statements", "--format", "jsonl")).stdout
        assert (
            "imported 0 statements" in ok(cli("--db", other, "import", "statements", "-", input=live)).stdout
        )
        assert table_counts(target) == before
    finally:
        target.dispose()


def test_exported_files_get_the_permissions_of_any_new_file(cli: Cli, db_url: str, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        target = tmp_path / "statements.csv"
        ok(cli("export", "statements", "-o", str(target)))
        bundle = tmp_path / "backup.zip"
        ok(cli("export", "bundle", str(bundle)))
    finally:
        os.umask(previous)
    # Readable by the team (0644 under umask 022), not the 0600 of a temporary file.
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o644
