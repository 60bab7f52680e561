"""The read-only query commands as a user runs them: who-said, members, forces, events, help and start-up."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect

from csto_kb import __version__
from csto_kb.db.engine import make_engine
from csto_kb.exporters.rows import CSV_COLUMNS
from tests.helpers import Run, count, ok, one_line_error

Cli = Callable[..., Run]

# Seed statement ids (YAML order s01..s12) in the order who-said lists them: by said_on as stored (an ISO
# prefix, so the month "2022-04" sorts before the days of April), then by id.
ALL_IN_DATE_ORDER = [11, 12, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3]
DIRECT = {3, 4, 5, 6, 7, 9, 10}
REPORTED = {1, 2, 8, 11, 12}  # indirect (1, 2, 8) and mixed (11, 12)


def as_json(run: Run) -> list[dict[str, Any]]:
    data = json.loads(ok(run).stdout)
    assert isinstance(data, list)
    return data


def ids(cli: Cli, *args: str) -> list[int]:
    """The ids who-said lists, in its order, for these filters."""
    return [item["id"] for item in as_json(cli("who-said", *args, "--format", "json"))]


def add_source_text(cli: Cli, tmp_path: Path, text: str, name: str = "extra.txt") -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = ok(cli("source", "add", str(path), "--lang", "en"))
    return int(run.stdout.split()[2].rstrip(":"))


# --- who-said: finding speakers by any spelling -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Pashinyan", [1]),
        ("باشينيان", [1]),
        ("Pashinyán", [1]),
        ("PASHINIAN", [1]),
        ("نِيكُول باشِينيان", [1]),
        ("بيلفر", [4, 5, 6, 7]),
        ("Mitchell A. Belfer", [4, 5, 6, 7]),
        ("Irina Tsukerman", [8, 9, 10]),
        ("ايرينا تسوكرمان", [8, 9, 10]),  # bare alef for the seed's hamza-carrying إ
        ("وزارة الدفاع الكازاخستانية", [2, 3]),
        ("kazakhstan-defence-ministry", [2, 3]),
        ("ستانيسلاف زَاس", [11, 12]),
        ("Stanislau Zas", [11, 12]),
    ],
)
def test_who_said_finds_a_speaker_by_any_spelling(
    cli: Cli, db_url: str, name: str, expected: list[int]
) -> None:
    found = as_json(cli("who-said", "--speaker", name, "--format", "json"))
    assert [s["id"] for s in found] == expected
    assert len({s["speaker"]["key"] for s in found}) == 1


def test_who_said_without_filters_lists_all_twelve_statements_in_date_order(cli: Cli, db_url: str) -> None:
    found = as_json(cli("who-said", "--format", "json"))
    assert [s["id"] for s in found] == ALL_IN_DATE_ORDER
    dates = [s["said_on"] for s in found]
    assert dates == sorted(dates)


def test_who_said_about_kazakhstan_in_2022_as_json_carries_everything_to_cite(cli: Cli, db_url: str) -> None:
    found = as_json(
        cli("who-said", "--about", "Kazakhstan", "--from", "2022-01", "--to", "2022-12", "--format", "json")
    )
    # Statements about Kazakhstan or its defence ministry (one of its parts), month-dated ones first.
    assert [s["id"] for s in found] == [7, 8, 10, 2]
    assert [s["said_on"] for s in found] == ["2022-04", "2022-04", "2022-04", "2022-04-14"]
    first = found[0]
    assert first["speaker"] == {
        "id": first["speaker"]["id"],
        "key": "mitchell-belfer",
        "name_en": "Mitchell Belfer",
        "name_ar": "ميتشل بيلفر",
    }
    assert first["said_on_precision"] == "month"
    assert first["quote"].startswith("كازاخستان أيضا رفضت إرسال قوات لدعم روسيا")
    assert first["translations"][0]["lang"] == "en"
    assert first["translations"][0]["text"].startswith("Kazakhstan, too, refused to send troops")
    assert first["source"]["id"] == 1
    assert first["source"]["label"] == "Sky News Arabia, 2022-04-15 (inferred)"
    assert (first["span_start"], first["span_end"]) == (2008, 2163)
    tsukerman = found[1]
    assert tsukerman["role"]["title"] == "American expert in strategic affairs"
    ministry = found[3]
    assert ministry["speaker"]["key"] == "kazakhstan-defence-ministry"
    assert ministry["role"] is None
    assert "kazakhstan" in {e["key"] for e in ministry["about"]}


def test_undated_statements_sort_after_dated_ones(cli: Cli, db_url: str, tmp_path: Path) -> None:
    source = add_source_text(cli, tmp_path, "Zas told reporters that Kazakhstan stays a reliable partner.\n")
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Zas",
            "--quote",
            "Kazakhstan stays a reliable partner",
            "--source",
            str(source),
            "--about",
            "Kazakhstan",
        )
    )
    found = as_json(cli("who-said", "--about", "Kazakhstan", "--format", "json"))
    assert [s["said_on"] for s in found] == ["2022-04", "2022-04", "2022-04", "2022-04-14", None]
    assert found[-1]["quote"] == "Kazakhstan stays a reliable partner"
    assert found[-1]["source"]["id"] == source


# --- who-said: date, text, mode, organisation, source and limit filters -------------------------------


def test_from_a_day_keeps_month_precision_statements_that_may_fall_after_it(cli: Cli, db_url: str) -> None:
    found = ids(cli, "--from", "2022-04-14")
    # 2022-02-19 (Zas) and 2022-04-13 (Pashinyan) are before; "2022-04" may be the 14th or later.
    assert found == [4, 5, 6, 7, 8, 9, 10, 2, 3]


def test_from_a_month_keeps_the_days_of_that_month(cli: Cli, db_url: str) -> None:
    assert ids(cli, "--from", "2022-04") == [4, 5, 6, 7, 8, 9, 10, 1, 2, 3]
    assert ids(cli, "--from", "2022-05") == []


def test_to_a_month_keeps_only_what_was_said_by_its_end(cli: Cli, db_url: str) -> None:
    found = as_json(cli("who-said", "--to", "2022-03", "--format", "json"))
    assert [s["id"] for s in found] == [11, 12]
    assert {s["speaker"]["key"] for s in found} == {"stanislav-zas"}


def test_to_a_day_keeps_month_precision_statements_that_may_fall_before_it(cli: Cli, db_url: str) -> None:
    assert ids(cli, "--to", "2022-04-13") == [11, 12, 4, 5, 6, 7, 8, 9, 10, 1]


def test_from_and_to_the_same_day_finds_that_day_and_its_month(cli: Cli, db_url: str) -> None:
    assert ids(cli, "--from", "2022-04-13", "--to", "2022-04-13") == [4, 5, 6, 7, 8, 9, 10, 1]


def test_from_after_to_is_refused(cli: Cli, db_url: str) -> None:
    one_line_error(cli("who-said", "--from", "2022-05", "--to", "2022-03"), 2, "to", "2022-03", "2022-05")


@pytest.mark.parametrize(
    "words",
    [
        "حفظ السلام",
        "حِفْظِ السَّلَامِ",  # harakat
        '"إذا لزم الأمر"',  # straight quotes where the source has curly ones, hamza on the alefs
        "اذا لزم الامر",  # bare alefs
        "“إذا لزم الأمر”",
    ],
)
def test_contains_matches_words_ignoring_diacritics_alef_forms_and_quotes(
    cli: Cli, db_url: str, words: str
) -> None:
    found = as_json(cli("who-said", "--contains", words, "--format", "json"))
    assert [s["id"] for s in found] == [11]
    assert "لحفظ السلام" in found[0]["quote"]


def test_contains_finds_words_shared_by_several_quotes(cli: Cli, db_url: str) -> None:
    # "حفظ سلام" without the article is s12's "قوة حفظ سلام"; "17 ألف" only s12's figure.
    assert ids(cli, "--contains", "حفظ سلام") == [12]
    assert ids(cli, "--contains", "17 الف") == [12]
    # Arabic words carry clitics ("لكازاخستان", "الكازاخستانيين"): a word matches inside longer ones.
    assert ids(cli, "--contains", "كازاخستان") == [7, 8, 10, 2]


def test_contains_without_words_is_refused(cli: Cli, db_url: str) -> None:
    one_line_error(cli("who-said", "--contains", "“…”"), 2, "contains")


def test_direct_and_reported_split_the_statements_by_mode(cli: Cli, db_url: str) -> None:
    direct = as_json(cli("who-said", "--direct", "--format", "json"))
    reported = as_json(cli("who-said", "--reported", "--format", "json"))
    assert {s["id"] for s in direct} == DIRECT
    assert {s["mode"] for s in direct} == {"direct"}
    assert {s["id"] for s in reported} == REPORTED
    assert {s["mode"] for s in reported} == {"indirect", "mixed"}


def test_org_finds_what_people_with_a_role_in_the_organisation_said(cli: Cli, db_url: str) -> None:
    found = as_json(cli("who-said", "--org", "CSTO", "--format", "json"))
    assert [s["id"] for s in found] == [11, 12]
    assert {s["speaker"]["key"] for s in found} == {"stanislav-zas"}
    assert ids(cli, "--org", "منظمة معاهدة الأمن الجماعي") == [11, 12]
    # The Kazakh ministry is part of Kazakhstan, so it speaks for it.
    assert ids(cli, "--org", "Kazakhstan") == [2, 3]


def test_source_filter_keeps_the_statements_of_that_source(cli: Cli, db_url: str, tmp_path: Path) -> None:
    assert ids(cli, "--source", "1") == ALL_IN_DATE_ORDER
    other = add_source_text(cli, tmp_path, "A second article with no statements.\n")
    assert ids(cli, "--source", str(other)) == []
    run = ok(cli("who-said", "--source", str(other)))
    assert run.stdout == "No statements match.\n"


def test_limit_keeps_the_first_statements_in_date_order(cli: Cli, db_url: str) -> None:
    assert ids(cli, "--limit", "3") == [11, 12, 4]
    assert ids(cli, "--speaker", "Belfer", "--limit", "1") == [4]
    assert ids(cli, "--limit", "100") == ALL_IN_DATE_ORDER


def test_filters_combine(cli: Cli, db_url: str) -> None:
    assert ids(cli, "--speaker", "Tsukerman", "--direct") == [9, 10]
    assert ids(cli, "--about", "Belarus", "--contains", "بيلاروسيا") == [6, 10]
    assert ids(cli, "--org", "CSTO", "--from", "2022-03") == []


# --- who-said: output formats and files ---------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_statement(cli: Cli, db_url: str) -> None:
    run = ok(cli("who-said", "--format", "csv"))
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert rows[0] == list(CSV_COLUMNS)
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == 12
    assert [int(r["id"]) for r in records] == ALL_IN_DATE_ORDER
    zas = records[1]
    assert zas["speaker"] == "Stanislav Zas"
    assert zas["speaker_ar"] == "ستانيسلاف زاس"
    assert zas["quote"].startswith("لدى المنظمة “قوة قوامها 17 ألف جندي")
    assert "17,000 troops on permanent alert" in zas["translation_en"]  # a comma inside a field survives
    assert (zas["source_id"], zas["span_start"], zas["span_end"]) == ("1", "3107", "3206")
    belfer = records[2]
    assert (belfer["said_on"], belfer["said_on_precision"]) == ("2022-04", "month")


def test_csv_with_a_filter_has_only_the_matching_rows(cli: Cli, db_url: str) -> None:
    rows = list(csv.DictReader(io.StringIO(ok(cli("who-said", "--speaker", "زاس", "-f", "csv")).stdout)))
    assert [r["id"] for r in rows] == ["11", "12"]


def test_markdown_has_a_heading_quote_and_source_per_statement(cli: Cli, db_url: str) -> None:
    run = ok(cli("who-said", "--speaker", "Pashinyan", "--format", "md"))
    lines = run.stdout.splitlines()
    # As the fact sheet writes them: the name and the title read in English, the Arabic beside, marked rtl.
    assert lines[0] == (
        '### #1 · 2022-04-13 · Nikol Pashinyan (<span dir="rtl" lang="ar">نيكول باشينيان</span>), '
        'Prime Minister of Armenia (<span dir="rtl" lang="ar">رئيس الوزراء الأرميني</span>)'
    )
    assert (
        '> <span dir="rtl" lang="ar">منظمة معاهدة الأمن الجماعي لم تتفاعل بشكل صحيح مع الغزو الأذربيجاني '
        "في مايو 2021</span>" in lines
    )
    assert any(
        line.startswith("> *The Collective Security Treaty Organization did not respond") for line in lines
    )
    assert "Source: Sky News Arabia, 2022-04-15 (inferred), chars 656–736" in lines
    everything = ok(cli("who-said", "--format", "md")).stdout
    assert everything.count("\n### #") + everything.startswith("### #") == 12


def test_table_shows_speakers_and_counts_the_statements(cli: Cli, db_url: str) -> None:
    run = ok(cli("who-said"))
    for name in ("Stanislav Zas", "Mitchell Belfer", "Irina Tsukerman", "Nikol Pashinyan", "ستانيسلاف زاس"):
        assert name in run.stdout
    assert run.stdout.endswith("\n12 statements\n")
    single = ok(cli("who-said", "--speaker", "Pashinyan"))
    assert single.stdout.endswith("\n1 statement\n")
    assert "Prime Minister of Armenia" in single.stdout
    assert "Mitchell Belfer" not in single.stdout


def test_table_says_when_nothing_matches(cli: Cli, db_url: str) -> None:
    run = ok(cli("who-said", "--from", "2023"))
    assert run.stdout == "No statements match.\n"


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "table"])
def test_output_file_receives_the_data_and_stdout_stays_empty(
    cli: Cli, db_url: str, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"out.{fmt}"
    run = ok(cli("who-said", "--speaker", "Zas", "--format", fmt, "-o", str(target)))
    assert run.stdout == ""
    assert str(target) in run.stderr
    written = target.read_text(encoding="utf-8")
    assert "قوة قوامها 17 ألف جندي" in written
    assert written == ok(cli("who-said", "--speaker", "Zas", "--format", fmt)).stdout


def test_output_to_an_unwritable_place_is_refused(cli: Cli, db_url: str, tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "out.json"
    one_line_error(cli("who-said", "--format", "json", "-o", str(target)), 2, "output")
    assert not target.exists()


# --- who-said: bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("--from", "2022-13"), ("from", "2022-13")),
        (("--from", "2022-02-30"), ("from", "2022-02-30")),
        (("--to", "yesterday"), ("to", "yesterday")),
        (("--to", "15/04/2022"), ("to", "YYYY-MM-DD")),
        (("--format", "xml"), ("--format", "xml")),
        (("--limit", "0"), ("--limit",)),
        (("--limit", "-3"), ("--limit",)),
        (("--source", "one"), ("--source",)),
    ],
)
def test_who_said_refuses_bad_input_with_exit_2(
    cli: Cli, db_url: str, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    one_line_error(cli("who-said", *args), 2, *needles)


def test_unknown_speaker_exits_1_with_the_closest_names(cli: Cli, db_url: str) -> None:
    message = one_line_error(cli("who-said", "--speaker", "Pashinyon"), 1, "speaker", "Pashinyon")
    assert "closest known" in message
    assert "Pashinyan" in message.split("closest known")[1]


def test_unknown_about_and_org_name_their_option(cli: Cli, db_url: str) -> None:
    one_line_error(cli("who-said", "--about", "Atlantis"), 1, "about", "Atlantis")
    one_line_error(cli("who-said", "--org", "Atlantis"), 1, "org", "Atlantis")


def test_a_name_two_entities_share_is_ambiguous(cli: Cli, engine: Engine) -> None:
    ok(cli("entity", "add", "Ivan Petrov", "--kind", "person"))
    ok(cli("entity", "add", "Olga Petrov", "--kind", "person"))
    assert count(engine, "entity") == 22
    one_line_error(cli("who-said", "--speaker", "Petrov"), 1, "speaker", "ivan-petrov", "olga-petrov")
    # The fuller name settles it (the new person has said nothing yet).
    run = ok(cli("who-said", "--speaker", "Olga Petrov"))
    assert run.stdout == "No statements match.\n"


def test_a_word_several_seeded_names_share_is_ambiguous(cli: Cli, db_url: str) -> None:
    one_line_error(cli("who-said", "--about", "Republic"), 1, "about", "armenia", "belarus")


# --- members, forces, events ---------------------------------------------------------------------------

MEMBERS = ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]


def test_members_lists_the_six_members_of_the_csto_by_default(cli: Cli, db_url: str) -> None:
    run = ok(cli("members"))
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["Member", "Status", "Since", "Until", "Source"]
    rows = lines[2:]
    assert [row.split()[0] for row in rows] == MEMBERS
    assert "Russia (روسيا)" in run.stdout
    for row in rows:
        assert row.split()[-4:] == ["member", "2002", "—", "[1]"]


@pytest.mark.parametrize("on", ["2010-06-01", "2002", "2002-01", "2022-04-15"])
def test_members_on_a_date_after_2002_are_the_six(cli: Cli, db_url: str, on: str) -> None:
    run = ok(cli("members", "CSTO", "--on", on))
    assert [row.split()[0] for row in run.stdout.splitlines()[2:]] == MEMBERS


def test_members_before_the_founding_are_none(cli: Cli, db_url: str) -> None:
    run = ok(cli("members", "CSTO", "--on", "2001"))
    assert run.stdout.startswith("No members recorded")
    assert len(run.stdout.splitlines()) == 1
    assert as_json(cli("members", "CSTO", "--on", "2001-12-31", "--format", "json")) == []


def test_members_as_json(cli: Cli, db_url: str) -> None:
    found = as_json(cli("members", "منظمة معاهدة الأمن الجماعي", "--format", "json"))
    assert [m["member"]["name_en"] for m in found] == MEMBERS
    for m in found:
        assert m["alliance"]["key"] == "csto"
        assert (m["status"], m["valid_from"], m["valid_to"]) == ("member", "2002", None)
        assert (m["source_id"], m["span_start"], m["span_end"]) == (1, 253, 358)


def test_members_of_an_alliance_with_none_recorded(cli: Cli, db_url: str) -> None:
    assert ok(cli("members", "NATO")).stdout == "No members recorded.\n"


def test_members_refuse_a_bad_date_and_an_unknown_alliance(cli: Cli, db_url: str) -> None:
    one_line_error(cli("members", "CSTO", "--on", "2010-13-01"), 2, "on")
    one_line_error(cli("members", "CSTO", "--on", "June 2010"), 2, "on")
    one_line_error(cli("members", "Atlantis"), 1, "alliance", "Atlantis")


def test_forces_lists_both_figures_as_zas_gave_them(cli: Cli, db_url: str) -> None:
    run = ok(cli("forces"))
    rows = run.stdout.splitlines()[2:]
    assert len(rows) == 2
    peacekeeping = next(r for r in rows if "peacekeeping" in r)
    alert = next(r for r in rows if "permanent alert" in r)
    assert "about 4,000" in peacekeeping
    assert "17,000" in alert
    assert "about 17,000" not in alert
    for row in rows:
        assert "Stanislav Zas (ستانيسلاف زاس)" in row
        assert "2022-02-19" in row
        assert row.endswith("[1]")


def test_forces_as_json(cli: Cli, db_url: str) -> None:
    found = as_json(cli("forces", "CSTO", "--format", "json"))
    by_readiness = {f["readiness"]: f for f in found}
    assert set(by_readiness) == {"permanent_alert", "peacekeeping"}
    assert (by_readiness["permanent_alert"]["count"], by_readiness["permanent_alert"]["approximate"]) == (
        17000,
        False,
    )
    assert (by_readiness["peacekeeping"]["count"], by_readiness["peacekeeping"]["approximate"]) == (
        4000,
        True,
    )
    for f in found:
        assert f["asserted_by"]["key"] == "stanislav-zas"
        assert f["statement_id"] == 12
        assert f["organisation"]["key"] == "csto"
        assert f["source_id"] == 1


def test_forces_of_an_unknown_alliance_exit_1(cli: Cli, db_url: str) -> None:
    one_line_error(cli("forces", "Atlantis"), 1, "Atlantis")
    assert ok(cli("forces", "NATO")).stdout == "No force levels recorded.\n"


EVENT_DATES = ["2002", "2021-05", "2022-01", "2022-02-24", "2022-04-13", "2022-04-14"]


def test_events_lists_the_six_events_in_date_order(cli: Cli, db_url: str) -> None:
    run = ok(cli("events"))
    rows = run.stdout.splitlines()[2:]
    assert [row.split()[0] for row in rows] == EVENT_DATES
    assert "Founding of the Collective Security Treaty Organization" in rows[0]
    assert "Russian war in Ukraine" in rows[3]
    assert all(row.endswith("[1]") for row in rows)


def test_events_as_json(cli: Cli, db_url: str) -> None:
    found = as_json(cli("events", "--format", "json"))
    assert [e["starts_on"] for e in found] == EVENT_DATES
    assert [e["kind"] for e in found] == [
        "founding",
        "incursion",
        "intervention",
        "war",
        "session",
        "meeting",
    ]
    war = found[3]
    assert {(p["entity"]["key"], p["role"]) for p in war["participants"]} == {
        ("russia", "actor"),
        ("ukraine", "target"),
    }
    assert (war["source_id"], war["span_start"], war["span_end"]) == (1, 2851, 2896)


def test_events_involving_an_entity_include_those_of_its_parts(cli: Cli, db_url: str) -> None:
    # The parliament session counts for Armenia: the parliament is part of Armenia.
    found = as_json(cli("events", "--involving", "Armenia", "--format", "json"))
    assert [e["starts_on"] for e in found] == ["2021-05", "2022-04-13"]


def test_events_involving_an_unknown_entity_exit_1(cli: Cli, db_url: str) -> None:
    one_line_error(cli("events", "--involving", "Atlantis"), 1, "Atlantis")


# --- help, version, start-up, database URLs ------------------------------------------------------------

COMMANDS = [
    "who-said",
    "members",
    "forces",
    "events",
    "factsheet",
    "extract",
    "ingest",
    "eval",
    "history",
    "log",
    "serve",
    "statement",
    "membership",
    "role",
    "force",
    "event",
    "fact",
    "evidence",
    "entity",
    "source",
    "review",
    "export",
    "import",
    "db",
]


def test_help_lists_every_command(cli: Cli) -> None:
    run = ok(cli("--help"))
    assert "Usage:" in run.stdout
    listed = [line.split()[0] for line in run.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert sorted(listed) == sorted(COMMANDS)


def test_no_arguments_shows_the_help_as_a_usage_error(cli: Cli) -> None:
    run = cli()
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("Usage: csto-kb [OPTIONS] COMMAND [ARGS]...")
    assert "who-said" in run.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(cli: Cli, command: str) -> None:
    run = ok(cli(command, "--help"))
    assert run.stdout.startswith("Usage: ")
    assert command in run.stdout.splitlines()[0]


def test_version_prints_the_version(cli: Cli) -> None:
    run = ok(cli("--version"))
    assert run.stdout == f"csto-kb {__version__}\n"
    assert __version__ == "0.1.0"


def test_first_use_on_an_empty_database_creates_the_schema_and_loads_the_seed(
    cli: Cli, empty_db_url: str
) -> None:
    engine = make_engine(empty_db_url)
    try:
        assert "statement" not in inspect(engine).get_table_names()
        run = ok(cli("who-said", "--speaker", "Pashinyan", "--format", "json"))
        assert [s["id"] for s in json.loads(run.stdout)] == [1]
        assert count(engine, "statement") == 12
        assert count(engine, "entity") == 20
        assert count(engine, "source") == 1
        # Opening it again does not load the seed twice.
        ok(cli("members"))
        assert count(engine, "statement") == 12
    finally:
        engine.dispose()


def test_db_option_overrides_the_environment(
    cli: Cli, db_url: str, empty_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CSTO_KB_DATABASE_URL", empty_db_url)
    ok(cli("--db", db_url, "entity", "add", "Only In Seeded", "--kind", "person"))
    seeded, empty = make_engine(db_url), make_engine(empty_db_url)
    try:
        assert count(seeded, "entity") == 21
        assert "entity" not in inspect(empty).get_table_names()
    finally:
        seeded.dispose()
        empty.dispose()


def test_an_unreachable_postgresql_database_is_one_line_without_the_password(cli: Cli) -> None:
    run = cli("--db", "postgresql+psycopg://u:s3cret@127.0.0.1:1/x", "who-said", "--speaker", "Pashinyan")
    one_line_error(run, 3, "127.0.0.1")
    assert "s3cret" not in run.stderr + run.stdout
    assert "u:***@" in run.stderr


def test_an_unreachable_postgresql_database_without_password_is_one_line(cli: Cli) -> None:
    run = cli("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "members")
    one_line_error(run, 3, "nobody@127.0.0.1:1/none")


@pytest.mark.parametrize(
    ("url", "needle"),
    [("mysql://a@localhost/x", "mysql"), ("not a database url", "database URL")],
)
def test_an_unsupported_or_unparseable_url_is_refused(cli: Cli, url: str, needle: str) -> None:
    one_line_error(cli("--db", url, "members"), 2, needle)


def test_an_unsupported_url_never_shows_its_password(cli: Cli) -> None:
    run = cli("--db", "mysql://u:s3cret@localhost/x", "members")
    assert run.exit_code == 2
    assert "s3cret" not in run.stderr + run.stdout


def _unusable_sqlite_urls(tmp: Path) -> list[str]:
    (tmp / "a-file").write_text("not a directory\n")
    return [
        f"sqlite:///{tmp}/dir/\0bad.sqlite3",  # a NUL byte in the path
        f"sqlite:///{tmp}/a-file/db.sqlite3",  # the parent "directory" is a file
    ]


@pytest.mark.parametrize("which", [0, 1], ids=["nul-byte", "parent-is-a-file"])
def test_an_unusable_sqlite_path_is_one_line_without_traceback(cli: Cli, tmp_path: Path, which: int) -> None:
    url = _unusable_sqlite_urls(tmp_path)[which]
    try:
        run = cli("--db", url, "who-said", "--speaker", "Pashinyan")
    except Exception as error:  # the cli fixture re-raises what escaped the app: a user would see a traceback
        pytest.fail(f"the CLI let {type(error).__name__}({error}) escape as a traceback")
    assert run.exit_code != 0
    one_line_error(run, run.exit_code)
