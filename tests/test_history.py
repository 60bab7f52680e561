"""Every change is traceable: history of a record, the change log, and what was recorded at a past moment."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.helpers import Run, add_source, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def test_history_shows_each_version_with_who_why_and_the_replaced_value(cli: Cli, db_url: str) -> None:
    ok(
        cli(
            "statement",
            "edit",
            "11",
            "--said-on",
            "2022-02",
            "--reason",
            "only the month is sure",
            "--by",
            "ana",
        )
    )
    ok(
        cli(
            "statement",
            "edit",
            "11",
            "--venue",
            "interview with Reuters",
            "--reason",
            "venue",
            "--by",
            "omar",
        )
    )
    run = ok(cli("history", "11"))
    assert "statement 11: 3 versions" in run.stdout
    assert "update by ana — only the month is sure" in run.stdout
    assert "said_on: 2022-02-19 → 2022-02" in run.stdout
    versions = json.loads(ok(cli("history", "11", "--format", "json")).stdout)
    assert [v["change"]["action"] for v in versions] == ["insert", "update", "update"]
    assert versions[0]["state"]["said_on"] == "2022-02-19"
    assert versions[1]["state"]["said_on"] == "2022-02"
    assert versions[2]["state"]["venue"] == "interview with Reuters"
    assert versions[2]["changed"] == {"venue": {"before": None, "after": "interview with Reuters"}}


def test_history_of_other_kinds_of_record(cli: Cli, db_url: str) -> None:
    ok(cli("entity", "alias", "Stanislav Zas", "Станислав Зась", "--lang", "ru", "--by", "ana"))
    names = json.loads(ok(cli("log", "--of", "entity_name", "--format", "json")).stdout)
    assert names[0]["by"] == "ana"
    assert names[0]["after"]["name"] == "Станислав Зась"
    run = ok(cli("history", "1", "--of", "source"))
    assert "insert by csto-kb seed" in run.stdout


def test_history_refuses_unknown_records_and_kinds(cli: Cli, db_url: str) -> None:
    one_line_error(cli("history", "999"), 1, "999")
    one_line_error(cli("history", "1", "--of", "gossip"), 2, "of")


def test_log_filters_by_author_and_time_newest_first(cli: Cli, engine: Engine) -> None:
    # The moment is taken to the second, after the second of the seed's changes (a test run early may use
    # a template seeded within the same second) and before the changes below.
    time.sleep(1.1)
    start = _now()
    ok(cli("statement", "retract", "12", "--reason", "duplicate report", "--by", "omar"))
    ok(cli("statement", "edit", "1", "--cue", "أكد على", "--reason", "cue as written", "--by", "ana"))
    recent = json.loads(ok(cli("log", "--since", start, "--format", "json")).stdout)
    assert [(c["by"], c["action"], c["table"], c["row_id"]) for c in recent] == [
        ("ana", "update", "statement", 1),
        ("omar", "retract", "statement", 12),
    ]
    assert recent[1]["reason"] == "duplicate report"
    by_omar = json.loads(ok(cli("log", "--by", "omar", "--format", "json")).stdout)
    assert [c["row_id"] for c in by_omar] == [12]
    assert len(json.loads(ok(cli("log", "--limit", "3", "--format", "json")).stdout)) == 3
    assert count(engine, "change") > 100
    one_line_error(cli("log", "--since", "last week"), 2, "since")
    one_line_error(cli("log", "--of", "gossip"), 2, "table")


@pytest.mark.slow  # waits for the clock between changes
def test_who_said_as_recorded_at_answers_what_the_knowledge_base_said_then(cli: Cli, engine: Engine) -> None:
    time.sleep(1.1)
    before_corrections = _now()
    time.sleep(1.1)
    ok(cli("statement", "edit", "11", "--said-on", "2022-02", "--reason", "month only"))
    ok(cli("statement", "retract", "12", "--reason", "duplicate"))
    counts = table_counts(engine)

    now = json.loads(ok(cli("who-said", "--speaker", "Zas", "--format", "json")).stdout)
    assert [(s["id"], s["said_on"]) for s in now] == [(11, "2022-02")]

    then = json.loads(
        ok(
            cli("who-said", "--speaker", "Zas", "--as-recorded-at", before_corrections, "--format", "json")
        ).stdout
    )
    assert [(s["id"], s["said_on"], s["retracted_at"]) for s in then] == [
        (11, "2022-02-19", None),
        (12, "2022-02-19", None),
    ]

    # The date filter applies to the values recorded then: 2022-02-19 was inside this range, 2022-02 is not.
    dated = json.loads(
        ok(
            cli(
                "who-said",
                "--from",
                "2022-02-19",
                "--to",
                "2022-02-19",
                "--as-recorded-at",
                before_corrections,
                "--format",
                "json",
            )
        ).stdout
    )
    assert [s["id"] for s in dated] == [11, 12]
    # Before anything was recorded, the knowledge base said nothing.
    assert json.loads(ok(cli("who-said", "--as-recorded-at", "2000-01-01", "--format", "json")).stdout) == []
    assert table_counts(engine) == counts
    with engine.connect() as connection:
        assert (
            connection.execute(text("SELECT said_on FROM statement WHERE id = 11")).scalar_one() == "2022-02"
        )


def test_who_said_as_recorded_at_refuses_a_malformed_moment(cli: Cli, db_url: str) -> None:
    one_line_error(cli("who-said", "--as-recorded-at", "yesterday-ish"), 2, "as-recorded-at")
    one_line_error(cli("who-said", "--as-recorded-at", "2022-02-30"), 2, "as-recorded-at")


def test_a_corrected_speaker_is_in_the_history_and_undone_as_recorded(cli: Cli, engine: Engine) -> None:
    # Only the speaker changes: the service sets the reference, and the column follows during the flush.
    time.sleep(1.1)
    before_correction = _now()
    time.sleep(1.1)
    ok(
        cli(
            "statement", "edit", "4", "--speaker", "Stanislav Zas", "--reason", "misattributed", "--by", "ana"
        )
    )
    versions = json.loads(ok(cli("history", "4", "--format", "json")).stdout)
    assert [v["change"]["action"] for v in versions] == ["insert", "update"]
    changed = versions[-1]["changed"]
    assert set(changed) == {"speaker_id"}
    assert changed["speaker_id"]["before"] != changed["speaker_id"]["after"]
    with engine.connect() as connection:
        zas = connection.execute(text("SELECT speaker_id FROM statement WHERE id = 11")).scalar_one()
    assert changed["speaker_id"]["after"] == zas
    assert versions[-1]["change"]["by"] == "ana"

    then = json.loads(
        ok(
            cli("who-said", "--speaker", "Zas", "--as-recorded-at", before_correction, "--format", "json")
        ).stdout
    )
    assert 4 not in [s["id"] for s in then]
    now = json.loads(ok(cli("who-said", "--speaker", "Zas", "--format", "json")).stdout)
    assert 4 in [s["id"] for s in now]
    # The same speaker given again changes nothing, and logs nothing.
    ok(cli("statement", "edit", "4", "--speaker", "Stanislav Zas", "--reason", "again"))
    assert len(json.loads(ok(cli("history", "4", "--format", "json")).stdout)) == 2


def test_as_recorded_a_statement_counts_the_sources_it_had_then(cli: Cli, tmp_path: Path) -> None:
    report = "Zas, the alliance's secretary general, said its force holds 17,000 troops on permanent alert.\n"
    ok(cli("who-said"))  # the first use creates and seeds the knowledge base
    time.sleep(1.1)
    before_second_source = _now()
    time.sleep(1.1)
    source = add_source(cli, tmp_path, report, published="2022-02-20")
    ok(cli("evidence", "add", "statement:12", "--source", str(source), "--evidence", "17,000 troops"))

    def shown(*moment: str) -> dict[str, Any]:
        found = json.loads(ok(cli("who-said", "--speaker", "Zas", *moment, "--format", "json")).stdout)
        return next(s for s in found if s["id"] == 12)

    now, then = shown(), shown("--as-recorded-at", before_second_source)
    assert (now["source_count"], len(now["evidence"])) == (2, 2)
    assert (then["source_count"], len(then["evidence"])) == (1, 1)
