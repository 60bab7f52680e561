"""`membership`, `role`, `force`, `event`, `fact` and `evidence` as a user runs them: every kind of fact can
be added with its evidence, corroborated by a second source, corrected with history, and retracted.

Source 1 is the seeded Sky News Arabia article; Armenia's frozen participation comes from a report written
for these tests in the form such reports take.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.helpers import Run, add_source, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]

FREEZE_REPORT = (
    "YEREVAN, Feb 23 - Prime Minister Nikol Pashinyan said Armenia had suspended its involvement in the "
    "Collective Security Treaty Organization. “In practice we have frozen our participation in the CSTO,” "
    "he told a French broadcaster.\n"
)
FREEZE_WORDS = "In practice we have frozen our participation in the CSTO"
FORCE_WORDS = "قوة قوامها 17 ألف جندي في حالة تأهب دائم"
PEACE_WORDS = "قوة حفظ سلام متخصصة قوامها نحو 4 آلاف جندي"


def rows(engine: Engine, sql: str, **params: object) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql), params)]


def freeze(cli: Cli, source: int, *extra: str) -> Run:
    return cli(
        "membership", "add", "CSTO", "Armenia", "--status", "frozen", "--since", "2024-02",
        "--source", str(source), "--evidence", FREEZE_WORDS, *extra,
    )  # fmt: skip


# --- memberships ------------------------------------------------------------------------------------------


def test_a_frozen_episode_is_recorded_with_its_evidence_and_members_on_answers_from_episodes(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(cli, tmp_path, FREEZE_REPORT)

    run = ok(freeze(cli, source, "--by", "Analyst A"))

    [new_id] = [int(n) for n in re.findall(r"^added membership #(\d+):", run.stdout, flags=re.M)]
    [(status, since, evidence_source, start, end, by)] = rows(
        engine,
        "SELECT m.status, m.valid_from, e.source_id, e.span_start, e.span_end, e.recorded_by "
        "FROM membership m JOIN evidence e ON e.membership_id = m.id WHERE m.id = :id",
        id=new_id,
    )
    assert (status, since, evidence_source, by) == ("frozen", "2024-02", source, "Analyst A")
    assert FREEZE_REPORT[int(str(start)) : int(str(end))] == FREEZE_WORDS
    in_2024 = json.loads(ok(cli("members", "CSTO", "--on", "2024-06", "--format", "json")).stdout)
    in_2023 = json.loads(ok(cli("members", "CSTO", "--on", "2023-06", "--format", "json")).stdout)
    assert {m["member"]["key"]: m["status"] for m in in_2024}["armenia"] == "frozen"
    assert {m["member"]["key"]: m["status"] for m in in_2023}["armenia"] == "member"
    assert len(in_2024) == len(in_2023) == 6  # one standing per member on a date


def test_the_same_episode_from_a_second_source_becomes_its_second_evidence(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    first = add_source(cli, tmp_path, FREEZE_REPORT)
    second = add_source(cli, tmp_path, FREEZE_REPORT.replace("Feb 23", "Feb 24"), published="2024-02-24")
    ok(freeze(cli, first))
    memberships = count(engine, "membership")

    run = ok(freeze(cli, second))

    assert "was already stored" in run.stdout
    assert count(engine, "membership") == memberships
    shown = json.loads(ok(cli("membership", "show", "7", "--format", "json")).stdout)
    assert [e["source"]["id"] for e in shown["evidence"]] == [first, second]
    # The same source twice is refused: it already supports the episode.
    one_line_error(freeze(cli, second), 1, "membership", "source")


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (["--status", "paused"], 2, ["status:", "frozen", "withdrawn"]),
        (["--since", "2024-13"], 2, ["since:"]),
        (["--since", "2024-02", "--until", "2023"], 2, ["until", "before since"]),
        (["--evidence", "words the report never wrote"], 2, ["evidence:", "not found"]),
        ([], 2, ["evidence:", "stores its text"]),
    ],
    ids=["unknown-status", "bad-date", "until-before-since", "span-not-in-text", "no-evidence"],
)
def test_membership_add_bad_input_names_the_field_and_writes_nothing(
    cli: Cli, engine: Engine, tmp_path: Path, args: list[str], code: int, needles: list[str]
) -> None:
    source = add_source(cli, tmp_path, FREEZE_REPORT)
    before = table_counts(engine)

    run = cli("membership", "add", "CSTO", "Armenia", "--source", str(source), *args)

    one_line_error(run, code, *needles)
    assert table_counts(engine) == before


def test_membership_add_of_an_unknown_state_or_source_is_refused(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(cli("membership", "add", "CSTO", "Atlantis", "--source", "1"), 2, "member", "exactly")
    one_line_error(cli("membership", "add", "CSTO", "Armenia", "--source", "99"), 1, "source", "99")
    one_line_error(cli("membership", "add", "Armenia", "CSTO", "--source", "1"), 2, "alliance", "country")
    assert table_counts(engine) == before


def test_membership_edit_and_retract_keep_history(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    source = add_source(cli, tmp_path, FREEZE_REPORT)
    ok(freeze(cli, source))

    ok(cli("membership", "edit", "7", "--since", "2024-02-22", "--reason", "the interview's day"))
    ok(cli("membership", "retract", "7", "--reason", "superseded"))

    history = json.loads(ok(cli("history", "7", "--of", "membership", "--format", "json")).stdout)
    assert [v["change"]["action"] for v in history] == ["insert", "update", "retract"]
    assert history[1]["changed"]["valid_from"] == {"before": "2024-02", "after": "2024-02-22"}
    in_2024 = json.loads(ok(cli("members", "CSTO", "--on", "2024-06", "--format", "json")).stdout)
    assert {m["member"]["key"]: m["status"] for m in in_2024}["armenia"] == "member"
    one_line_error(cli("membership", "edit", "7", "--status", "member", "--reason", "x"), 1, "retracted")
    one_line_error(cli("membership", "edit", "1", "--reason", "nothing"), 2, "at least one field")
    one_line_error(cli("membership", "retract", "99", "--reason", "x"), 1, "99")


# --- roles, force figures, events, organisation facts ------------------------------------------------------


def test_role_add_records_the_title_and_statements_find_it_by_date(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(cli, tmp_path, FREEZE_REPORT)

    run = ok(
        cli(
            "role", "add", "Nikol Pashinyan", "Armenia", "--title", "Prime Minister of Armenia",
            "--since", "2024-01-01", "--source", str(source), "--evidence", "Prime Minister Nikol Pashinyan",
        )
    )  # fmt: skip

    assert run.stdout.startswith("added role #")
    one_line_error(cli("role", "add", "Nikol Pashinyan", "--source", str(source)), 2, "title")
    one_line_error(
        cli("role", "add", "Armenia", "--title", "x", "--source", str(source), "--evidence", "Nikol"),
        2,
        "person",
    )


def test_force_add_a_figure_another_source_gives_is_kept_beside_the_stored_ones(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    report = "The CSTO keeps about 20,000 troops on permanent alert, its chief of staff said.\n"
    source = add_source(cli, tmp_path, report, published="2023-05-01")
    before = count(engine, "force_level")

    run = ok(
        cli(
            "force", "add", "CSTO", "--count", "20000", "--approximate", "--readiness", "permanent alert",
            "--as-of", "2023-05-01", "--source", str(source), "--evidence", "about 20,000 troops",
        )
    )  # fmt: skip

    assert run.stdout.startswith("added force level #")
    assert count(engine, "force_level") == before + 1
    forces = json.loads(ok(cli("forces", "CSTO", "--format", "json")).stdout)
    assert sorted(f["count"] for f in forces) == [4000, 17000, 20000]
    one_line_error(
        cli("force", "add", "CSTO", "--count", "0", "--source", str(source), "--evidence", "20,000"),
        2,
        "count",
    )
    one_line_error(
        cli("force", "add", "CSTO", "--count", "5", "--readiness", "asleep", "--source", str(source)),
        2,
        "readiness",
    )


def test_force_add_the_seeded_figure_again_from_its_own_source_is_refused(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    run = cli(
        "force", "add", "CSTO", "--count", "17000", "--readiness", "permanent_alert", "--as-of", "2022-02-19",
        "--source", "1", "--evidence", FORCE_WORDS,
    )  # fmt: skip
    one_line_error(run, 1, "force_level", "source 1")
    assert table_counts(engine) == before


def test_event_and_fact_add_with_participants_edit_and_show(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    source = add_source(cli, tmp_path, FREEZE_REPORT)

    ok(
        cli(
            "event", "add", "Armenia freezes its participation in the CSTO", "--kind", "other",
            "--starts-on", "2024-02", "--participant", "Armenia=actor", "--participant", "CSTO=target",
            "--source", str(source), "--evidence", FREEZE_WORDS,
        )
    )  # fmt: skip
    ok(
        cli(
            "fact", "add", "CSTO", "--kind", "characterisation", "--text", "Armenia has suspended its involvement",
            "--source", str(source), "--evidence", "Armenia had suspended its involvement",
        )
    )  # fmt: skip

    [(event_id,)] = rows(engine, "SELECT event_id FROM event_title WHERE text LIKE 'Armenia freezes%'")
    parts = rows(
        engine,
        "SELECT e.key, p.role FROM event_participant p JOIN entity e ON e.id = p.entity_id "
        "WHERE p.event_id = :id ORDER BY e.key",
        id=event_id,
    )
    assert parts == [("armenia", "actor"), ("csto", "target")]
    ok(cli("event", "edit", str(event_id), "--starts-on", "2024-02-22", "--reason", "the interview"))
    shown = ok(cli("event", "show", str(event_id))).stdout
    assert "2024-02-22" in shown
    assert f"[{source}] Wire, 2024-02-23" in shown
    one_line_error(cli("event", "add", "x", "--kind", "party", "--source", str(source)), 2, "kind")
    one_line_error(
        cli("event", "add", "x", "--participant", "=actor", "--source", str(source)), 2, "participant"
    )
    one_line_error(cli("fact", "add", "CSTO", "--kind", "rumour", "--text", "x", "--source", "1"), 2, "kind")


# --- evidence ----------------------------------------------------------------------------------------------


def test_evidence_add_and_retract_on_a_statement(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    report = "Zas, the alliance's secretary general, said its force holds 17,000 troops on permanent alert.\n"
    source = add_source(cli, tmp_path, report, published="2022-02-20")

    run = ok(cli("evidence", "add", "statement:12", "--source", str(source), "--evidence", "17,000 troops"))

    [evidence_id] = [int(n) for n in re.findall(r"added evidence #(\d+)", run.stdout)]
    shown = json.loads(ok(cli("statement", "show", "12", "--format", "json")).stdout)
    assert [e["source"]["id"] for e in shown["evidence"]] == [1, source]
    ok(cli("evidence", "retract", str(evidence_id), "--reason", "paraphrase, not the same claim"))
    shown = json.loads(ok(cli("statement", "show", "12", "--format", "json")).stdout)
    assert [e["source"]["id"] for e in shown["evidence"]] == [1]
    # The last source cannot go: the statement itself is retracted instead.
    [(first,)] = rows(engine, "SELECT id FROM evidence WHERE statement_id = 12 AND source_id = 1")
    one_line_error(cli("evidence", "retract", str(first), "--reason", "x"), 1, "last source")
    one_line_error(cli("evidence", "add", "speech:12", "--source", "1"), 2, "claim", "KIND:ID")
    one_line_error(cli("evidence", "add", "statement:999", "--source", "1", "--evidence", "x"), 1, "999")
    changes = rows(
        engine, "SELECT action FROM change WHERE table_name = 'evidence' AND row_id = :id", id=evidence_id
    )
    assert [c[0] for c in changes] == ["insert", "retract"]


def test_the_seeded_fact_sheet_cites_a_second_source_of_a_membership(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    report = "Armenia, a founding member of the CSTO since 2002, has frozen its participation.\n"
    source = add_source(cli, tmp_path, report)
    ok(cli("membership", "add", "CSTO", "Armenia", "--since", "2002", "--source", str(source), "--evidence",
           "a founding member of the CSTO since 2002"))  # fmt: skip

    sheet = json.loads(ok(cli("factsheet", "--format", "json")).stdout)
    markdown = ok(cli("factsheet")).stdout

    [armenia] = [m for m in sheet["members"] if m["member"]["key"] == "armenia"]
    assert [e["source"]["id"] for e in armenia["evidence"]] == [1, source]
    numbers = {s["id"]: s["number"] for s in sheet["sources"]}
    armenia_line = next(line for line in markdown.splitlines() if "Armenia" in line and "2002" in line)
    assert f"[{numbers[1]}," in armenia_line
    assert f"[{numbers[source]}," in armenia_line


def test_linked_data_exports_carry_one_reference_per_source(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    report = "Armenia, a founding member of the CSTO since 2002, has frozen its participation.\n"
    path = tmp_path / "wire.txt"
    path.write_text(report, encoding="utf-8")
    ok(cli("source", "add", str(path), "--lang", "en", "--published", "2024-02-23", "--url",
           "https://wire.invalid/armenia"))  # fmt: skip
    ok(cli("membership", "add", "CSTO", "Armenia", "--since", "2002", "--source", "2", "--evidence",
           "a founding member of the CSTO since 2002"))  # fmt: skip

    ok(cli("source", "edit", "1", "--url", "https://www.skynewsarabia.com/csto", "--reason", "its address"))
    qs = ok(cli("export", "quickstatements", "--qid", "csto=Q100", "--qid", "armenia=Q399")).stdout
    graph = json.loads(ok(cli("export", "jsonld")).stdout)["@graph"]

    armenia_lines = [line for line in qs.splitlines() if line.startswith("Q399\tP463")]
    assert len(armenia_lines) == 2  # the same claim twice, each line with its own reference
    assert any('S854\t"https://wire.invalid/armenia"' in line for line in armenia_lines)
    assert any('S854\t"https://www.skynewsarabia.com/csto"' in line for line in armenia_lines)
    alliance = next(n for n in graph if n["@id"].endswith("/entity/csto"))
    armenia = next(r for r in alliance["member"] if r["member"]["@id"].endswith("/armenia"))
    assert len(armenia["subjectOf"]) == 2
