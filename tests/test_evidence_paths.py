"""The same statement from another source is one more evidence on every path, with a date that can be the
same day; a possible duplicate waits for the reviewer's choice; the past is answered with the evidence as it
stood then."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from tests.helpers import Run, count, ok, one_line_error

Cli = Callable[..., Run]
S11_QUOTE = (
    "المنظمة قد ترسل قوات لحفظ السلام إلى مناطق في شرق أوكرانيا يسيطر عليها المتمردون المدعومون من موسكو "
    "“إذا لزم الأمر”"
)


def undated_report(cli: Cli, tmp_path: Path, published: str = "2022-02-25") -> int:
    """A later report of #11 that gives it no date: its statement is "not after" the report."""
    path = tmp_path / f"report-{published}.txt"
    path.write_text(f"وكان زاس قد قال إن {S11_QUOTE}.\n", encoding="utf-8")
    ok(cli("source", "add", str(path), "--lang", "ar", "--published", published))
    return 2


def sources_of(cli: Cli, statement: int, *extra: str) -> list[int]:
    shown = json.loads(ok(cli("statement", "show", str(statement), "--format", "json", *extra)).stdout)
    return [e["source"]["id"] for e in shown["evidence"]]


def test_import_statements_takes_a_later_undated_report_as_one_more_source(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = undated_report(cli, tmp_path)
    path = tmp_path / "lines.jsonl"
    path.write_text(
        json.dumps({"speaker": "Zas", "quote": S11_QUOTE, "lang": "ar", "source": source}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    statements = count(engine, "statement")

    run = ok(cli("import", "statements", str(path)))

    assert "1 already stored, added as one more source" in run.stdout
    assert count(engine, "statement") == statements
    assert sources_of(cli, 11) == [1, source]


def test_statement_add_takes_a_later_undated_report_as_one_more_source(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = undated_report(cli, tmp_path)
    run = ok(cli("statement", "add", "--speaker", "Zas", "--quote", S11_QUOTE, "--source", str(source)))
    assert run.stdout.startswith("statement #11 was already stored")
    assert sources_of(cli, 11) == [1, source]


def test_review_accept_of_a_possible_duplicate_waits_for_same_as_or_new(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    # An earlier report of #11's words: the same quote dated before the stored statement can be another
    # statement (said twice) or the same one misdated. The reviewer decides.
    path = tmp_path / "earlier.txt"
    path.write_text(f"وقال ستانيسلاف زاس يوم الخميس إن {S11_QUOTE}.\n", encoding="utf-8")
    ok(cli("ingest", str(path), "--lang", "ar", "--published", "2022-02-18"))
    candidates = json.loads(ok(cli("review", "list", "--source", "2", "--format", "json")).stdout)
    [candidate] = [c for c in candidates if c["kind"] == "statement"]
    ok(cli("review", "edit", str(candidate["id"]), "--speaker", "stanislav-zas", "--said-on", "2022-02-17"))

    one_line_error(cli("review", "accept", str(candidate["id"])), 1, "possible duplicate of #11", "--same-as")
    one_line_error(cli("review", "accept", str(candidate["id"]), "--all-from", "2"), 2, "ids")
    run = ok(cli("review", "accept", str(candidate["id"]), "--same-as", "11"))

    assert "linked to existing statement #11" in run.stdout
    assert sources_of(cli, 11) == [1, 2]


def test_who_said_as_recorded_at_sees_the_evidence_as_it_stood(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = undated_report(cli, tmp_path)
    time.sleep(0.01)
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat()
    time.sleep(0.01)
    ok(cli("statement", "add", "--speaker", "Zas", "--quote", S11_QUOTE, "--source", str(source)))

    now = json.loads(ok(cli("who-said", "--speaker", "Zas", "--format", "json")).stdout)
    then = json.loads(
        ok(cli("who-said", "--speaker", "Zas", "--as-recorded-at", before, "--format", "json")).stdout
    )

    [s11_now] = [s for s in now if s["id"] == 11]
    [s11_then] = [s for s in then if s["id"] == 11]
    assert [e["source"]["id"] for e in s11_now["evidence"]] == [1, source]
    assert [e["source"]["id"] for e in s11_then["evidence"]] == [1]
