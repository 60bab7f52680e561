"""The fact sheet: everything about an alliance as Markdown or JSON, every line traced to a numbered source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine

from csto_kb.resources import seeds_dir
from csto_kb.schemas.factsheet import FactSheet
from tests.helpers import Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]

MEMBERS = [
    'Armenia (<span dir="rtl" lang="ar">أرمينيا</span>)',
    'Belarus (<span dir="rtl" lang="ar">بيلاروس</span>)',
    'Kazakhstan (<span dir="rtl" lang="ar">كازاخستان</span>)',
    'Kyrgyzstan (<span dir="rtl" lang="ar">قرغيزستان</span>)',
    'Russia (<span dir="rtl" lang="ar">روسيا</span>)',
    'Tajikistan (<span dir="rtl" lang="ar">طاجيكستان</span>)',
]
# The seed's events other than the founding, by date.
EVENTS = {
    "2021-05": "Azerbaijani incursion into Armenia",
    "2022-01": "CSTO intervention in Kazakhstan",
    "2022-02-24": "Russian war in Ukraine",
    "2022-04-13": "Session of the Armenian parliament addressed by Nikol Pashinyan",
    "2022-04-14": "Video session of the CSTO Military Committee",
}
# Seed statement ids in date order (said_on as stored, then id).
STATEMENTS_IN_DATE_ORDER = [11, 12, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3]
# What the default rule shows of them: Mitchell Belfer said four things in 2022-04; the earliest recorded (#4)
# is the one left out of his latest three.
STATEMENTS_SHOWN = [11, 12, 5, 6, 7, 8, 9, 10, 1, 2, 3]

ESCAPE_ARTICLE = "Zas said: <script>alert(1)</script> | the alliance_stands *firm* & ready.\n"
ESCAPE_QUOTE = "<script>alert(1)</script> | the alliance_stands *firm* & ready."


def seed_statements() -> list[dict[str, Any]]:
    document = yaml.safe_load((seeds_dir() / "000_a04cb8df2fb7d647.yaml").read_text(encoding="utf-8"))
    statements: list[dict[str, Any]] = document["statements"]
    assert len(statements) == 12
    return statements


def section(markdown: str, heading: str) -> list[str]:
    """The lines under ``## heading`` up to the next second-level heading."""
    lines = markdown.splitlines()
    start = lines.index(f"## {heading}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


def table_rows(markdown: str, heading: str) -> list[str]:
    """The data rows of the table in a section (not its header or separator)."""
    rows = [line for line in section(markdown, heading) if line.startswith("|")]
    assert len(rows) >= 2, rows
    assert rows[1].startswith("| ---"), rows
    return rows[2:]


def factsheet_md(cli: Cli, tmp_path: Path, *args: str) -> str:
    target = tmp_path / "csto.md"
    run = ok(cli("factsheet", "CSTO", "--format", "md", "-o", str(target), *args))
    assert run.stdout == ""
    assert str(target) in run.stderr
    return target.read_text(encoding="utf-8")


def factsheet_json(cli: Cli, *args: str) -> FactSheet:
    return FactSheet.model_validate_json(ok(cli("factsheet", "CSTO", "--format", "json", *args)).stdout)


def add_escape_statement(cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "escape.txt"
    article.write_text(ESCAPE_ARTICLE, encoding="utf-8")
    assert ok(cli("source", "add", str(article), "--lang", "en")).stdout.startswith("added source 2:")
    run = cli(
        "statement",
        "add",
        "--speaker",
        "Stanislav Zas",
        "--quote",
        ESCAPE_QUOTE,
        "--source",
        "2",
        "--about",
        "CSTO",
        "--translation",
        "<b>bold</b> claim",
    )
    assert ok(run).stdout.startswith("added statement #13:")


UNTRANSLATED_QUOTE = "المنظمة قد ترسل قوات لحفظ السلام"


def add_untranslated_statement(cli: Cli) -> None:
    """An Arabic quote with no translation, by the CSTO's Secretary General, about the CSTO."""
    run = cli(
        "statement",
        "add",
        "--speaker",
        "Stanislav Zas",
        "--quote",
        UNTRANSLATED_QUOTE,
        "--source",
        "1",
        "--about",
        "CSTO",
        "--said-on",
        "2022-04-10",
        "--new",
    )
    assert ok(run).stdout.startswith("added statement #13:")


# --- Markdown ------------------------------------------------------------------------------------------


def test_markdown_factsheet_is_written_to_the_file_with_identity_members_and_forces(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    md = factsheet_md(cli, tmp_path)
    assert md.startswith(
        '# Collective Security Treaty Organization · <span dir="rtl" lang="ar">منظمة معاهدة الأمن الجماعي</span>\n'
    )
    identity = "\n".join(section(md, "Identity and founding"))
    assert "CSTO" in identity
    assert "منظمة الأمن الجماعي" in identity
    assert "- **Founded:** 2002 (“في 2002”) [1, chars 210–251]" in identity

    members = table_rows(md, "Members")
    assert [row.split(" | ")[0].removeprefix("| ") for row in members] == MEMBERS
    for row in members:
        assert "| member | 2002 | — | [1, chars 253–358] |" in row

    obligations = "\n".join(section(md, "Obligations"))
    assert (
        "Aggression against one of these states is regarded as aggression against all the states."
        in obligations
    )
    assert "وينظر إلى العدوان على إحدى هذه الدول على أنه عدوان ضد كل الدول" in obligations
    assert "[1, chars 360–422]" in obligations

    forces = table_rows(md, "Forces")
    assert len(forces) == 2
    peacekeeping = next(r for r in forces if "peacekeeping" in r)
    alert = next(r for r in forces if "permanent alert" in r)
    assert "| about 4,000 |" in peacekeeping
    assert "[1, chars 3163–3205]" in peacekeeping
    assert "| 17,000 |" in alert
    assert "[1, chars 3120–3160]" in alert
    assert all('Stanislav Zas (<span dir="rtl" lang="ar">ستانيسلاف زاس</span>)' in r for r in forces)


def test_markdown_factsheet_cites_a_source_on_every_table_row(cli: Cli, db_url: str, tmp_path: Path) -> None:
    md = factsheet_md(cli, tmp_path)
    for heading in ("Members", "Forces", "Key events"):
        body = [line for line in section(md, heading) if line.strip()]
        header, separator, *rows = body
        assert header.startswith("| ")
        assert separator.startswith("| --- ")
        assert rows
        for row in rows:
            assert row.startswith("| "), row
            assert row.endswith(" |"), row
            assert "[1, chars " in row.split(" | ")[-1], row


def test_markdown_factsheet_lists_events_in_date_order(cli: Cli, db_url: str, tmp_path: Path) -> None:
    md = factsheet_md(cli, tmp_path)
    rows = table_rows(md, "Key events")
    dates = [row.split(" | ")[0].removeprefix("| ") for row in rows]
    assert dates == sorted(dates)
    for row in rows:
        assert EVENTS[row.split(" | ")[0].removeprefix("| ")] in row
    assert "Russian war in Ukraine" in md
    assert "CSTO intervention in Kazakhstan" in md


def test_markdown_factsheet_lists_every_event_of_the_alliance_and_its_members(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    md = factsheet_md(cli, tmp_path)
    rows = table_rows(md, "Key events")
    assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == list(EVENTS)


def test_markdown_factsheet_quotes_every_statement_with_translation_and_span(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    md = factsheet_md(cli, tmp_path, "--statements", "all")
    statements = "\n".join(section(md, "Statements"))
    for s in seed_statements():
        assert f'> <span dir="rtl" lang="ar">{s["quote"]}</span>' in statements, s["id"]
        assert f"> *{s['translation']}*" in statements, s["id"]
        assert f"[1, chars {s['start']}–{s['end']}]" in statements, s["id"]
    headings = [line for line in section(md, "Statements") if line.startswith("**")]
    assert len(headings) == 12
    assert headings[0].startswith(
        '**2022-02-19 — Stanislav Zas (<span dir="rtl" lang="ar">ستانيسلاف زاس</span>)**'
    )
    assert headings[2].startswith("**2022-04 (month) — Mitchell Belfer")
    assert headings[-1].startswith("**2022-04-14 — Ministry of Defence of Kazakhstan")


def test_markdown_factsheet_ends_with_the_numbered_sources(cli: Cli, db_url: str, tmp_path: Path) -> None:
    md = factsheet_md(cli, tmp_path)
    note, *sources = [line for line in section(md, "Sources") if line.strip()]
    assert note == "_Numbered by their id in the knowledge base (`csto-kb source show ID`)._"
    assert len(sources) == 1
    assert sources[0].startswith("1. Sky News Arabia, 2022-04-15 (inferred) — publication date inferred: ")
    assert "text SHA-256 `8788ca1341e4a402…`" in sources[0]
    assert md.index("## Sources") > md.index("## Statements")


def test_markdown_factsheet_goes_to_stdout_without_output_option(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    run = ok(cli("factsheet"))
    assert run.stdout.startswith("# Collective Security Treaty Organization")
    assert "## Sources" in run.stdout
    assert run.stdout.split("\n", 3)[3] == factsheet_md(cli, tmp_path).split("\n", 3)[3]


def test_markdown_factsheet_escapes_user_text(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    add_escape_statement(cli, tmp_path)
    assert count(engine, "statement") == 13
    md = factsheet_md(cli, tmp_path)
    assert "<script>" not in md
    assert "<b>" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| the alliance\\_stands \\*firm\\* &amp; ready." in md
    # The English quote is the original an English reader is shown: its English "translation" is not.
    assert "bold</b>" not in md
    # The undated statement comes last, cited to the new source, which is numbered 2.
    statements = section(md, "Statements")
    headings = [line for line in statements if line.startswith("**")]
    assert headings[-1].startswith(
        '**undated — Stanislav Zas (<span dir="rtl" lang="ar">ستانيسلاف زاس</span>)**'
    )
    assert "[2, chars 10–73]" in "\n".join(statements)
    sources = [line for line in section(md, "Sources") if line.strip()][1:]
    assert [line.split(".")[0] for line in sources] == ["1", "2"]
    assert sources[1].startswith("2. source 2")


# --- JSON -----------------------------------------------------------------------------------------------


def test_json_factsheet_validates_as_the_current_schema_version(cli: Cli, db_url: str) -> None:
    sheet = factsheet_json(cli)
    assert sheet.schema_version == 5
    assert sheet.as_of is None
    assert (sheet.alliance.key, sheet.alliance.name_en, sheet.alliance.name_ar) == (
        "csto",
        "Collective Security Treaty Organization",
        "منظمة معاهدة الأمن الجماعي",
    )
    assert [e.starts_on for e in sheet.founding] == ["2002"]
    assert len(sheet.members) == 6
    assert [f.kind for f in sheet.obligations] == ["obligation"]
    assert len(sheet.characterisations) == 1
    assert len(sheet.practices) == 1
    assert sorted(f.count for f in sheet.forces) == [4000, 17000]
    assert [s.id for s in sheet.statements] == STATEMENTS_SHOWN
    dates = [s.said_on for s in sheet.statements]
    assert dates == sorted(d for d in dates if d is not None)
    assert [(s.number, s.id) for s in sheet.sources] == [(1, 1)]
    assert sheet.sources[0].published_basis == "inferred"
    assert sheet.sources[0].sha256 is not None
    assert len(sheet.sources[0].sha256) == 64


def test_json_factsheet_numbers_sources_by_their_id(cli: Cli, db_url: str, tmp_path: Path) -> None:
    add_escape_statement(cli, tmp_path)
    sheet = factsheet_json(cli, "--statements", "all")
    assert [s.id for s in sheet.statements] == [*STATEMENTS_IN_DATE_ORDER, 13]
    assert sheet.statements[-1].said_on is None
    assert sheet.statements[-1].quote == ESCAPE_QUOTE
    assert [(s.number, s.id) for s in sheet.sources] == [(1, 1), (2, 2)]
    assert sheet.source_number(2) == 2


def test_json_factsheet_to_a_file(cli: Cli, db_url: str, tmp_path: Path) -> None:
    target = tmp_path / "csto.json"
    run = ok(cli("factsheet", "--format", "json", "-o", str(target)))
    assert run.stdout == ""
    sheet = FactSheet.model_validate_json(target.read_text(encoding="utf-8"))
    assert len(sheet.statements) == 11


def test_factsheet_reads_the_alliance_by_its_arabic_name(cli: Cli, db_url: str) -> None:
    sheet = factsheet_json(cli, "--as-of", "2022")
    by_arabic = FactSheet.model_validate_json(
        ok(cli("factsheet", "منظمة الأمن الجماعي", "--format", "json", "--as-of", "2022")).stdout
    )
    assert by_arabic.alliance.key == "csto"
    assert [s.id for s in by_arabic.statements] == [s.id for s in sheet.statements]


def test_factsheet_of_an_alliance_with_nothing_recorded(cli: Cli, db_url: str, tmp_path: Path) -> None:
    run = ok(cli("factsheet", "NATO"))
    assert run.stdout.startswith("# North Atlantic Treaty Organization")
    assert "_No memberships recorded._" in run.stdout
    assert "_No force levels recorded._" in run.stdout


# --- which statements ------------------------------------------------------------------------------------


def test_factsheet_shows_officials_and_the_latest_three_of_every_other_speaker(cli: Cli, db_url: str) -> None:
    sheet = factsheet_json(cli)
    assert [s.id for s in sheet.statements] == STATEMENTS_SHOWN
    sel = sheet.statement_selection
    assert (sel.rule, sel.per_speaker, sel.limit) == ("latest", 3, 50)
    assert (sel.matching, sel.by_officials, sel.speakers, sel.shown, sel.hidden) == (12, 2, 5, 11, 1)
    counts = {c.speaker.key: (c.official, c.matching, c.shown) for c in sel.speaker_counts}
    assert counts["stanislav-zas"] == (True, 2, 2)
    assert counts["mitchell-belfer"] == (False, 4, 3)
    assert sel.speaker_counts[0].speaker.key == "stanislav-zas"  # officials first
    assert sel.full_export == [
        "csto-kb export statements --about csto",
        "csto-kb export statements --org csto",
    ]


def test_factsheet_per_speaker_and_limit_choose_fewer_or_more(cli: Cli, db_url: str) -> None:
    one = factsheet_json(cli, "--per-speaker", "1")
    # Officials are not cut per speaker: both of Stanislav Zas's statements stay.
    assert [s.id for s in one.statements] == [11, 12, 7, 10, 1, 3]
    assert one.statement_selection.hidden == 6
    capped = factsheet_json(cli, "--limit", "1")
    # The latest official statement, and the latest statement of the other speakers.
    assert [s.id for s in capped.statements] == [12, 3]
    every = factsheet_json(cli, "--statements", "all")
    assert [s.id for s in every.statements] == STATEMENTS_IN_DATE_ORDER
    sel = every.statement_selection
    assert (sel.rule, sel.per_speaker, sel.limit, sel.hidden) == ("all", None, None, 0)


def test_factsheet_points_at_the_full_export_with_the_as_of_date(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    sheet = factsheet_json(cli, "--as-of", "2022-04")
    assert sheet.statement_selection.full_export[0] == "csto-kb export statements --about csto --to 2022-04"
    md = factsheet_md(cli, tmp_path)
    assert "*1 statement not shown; every one: `csto-kb export statements --about csto` and " in md
    assert "Shown: 11 of 12 statements by 5 speakers (2 by officials)" in md


@pytest.mark.parametrize("args", [("--per-speaker", "0"), ("--limit", "0"), ("--statements", "some")])
def test_factsheet_refuses_a_bad_statement_choice(cli: Cli, db_url: str, args: tuple[str, ...]) -> None:
    one_line_error(cli("factsheet", *args), 2, args[0])


def test_markdown_marks_an_untranslated_quote(cli: Cli, db_url: str, tmp_path: Path) -> None:
    add_untranslated_statement(cli)
    md = factsheet_md(cli, tmp_path)
    statements = "\n".join(section(md, "Statements"))
    assert f'> <span dir="rtl" lang="ar">{UNTRANSLATED_QUOTE}</span>\n>\n> **[untranslated]**' in statements


# --- as of a date --------------------------------------------------------------------------------------


def test_factsheet_as_of_march_2022_keeps_what_was_said_and_happened_by_then(cli: Cli, db_url: str) -> None:
    sheet = factsheet_json(cli, "--as-of", "2022-03")
    assert sheet.as_of == "2022-03"
    assert [s.id for s in sheet.statements] == [11, 12]
    assert {s.speaker.key for s in sheet.statements} == {"stanislav-zas"}
    assert len(sheet.members) == 6
    assert [e.starts_on for e in sheet.founding] == ["2002"]
    assert [e.starts_on for e in sheet.events] == ["2021-05", "2022-01", "2022-02-24"]
    assert sorted(f.count for f in sheet.forces) == [4000, 17000]


def test_markdown_factsheet_as_of_march_2022(cli: Cli, db_url: str, tmp_path: Path) -> None:
    md = factsheet_md(cli, tmp_path, "--as-of", "2022-03")
    assert "as it stood on 2022-03" in md
    assert len(table_rows(md, "Members")) == 6
    events = table_rows(md, "Key events")
    assert [row.split(" | ")[0].removeprefix("| ") for row in events] == ["2021-05", "2022-01", "2022-02-24"]
    headings = [line for line in section(md, "Statements") if line.startswith("**")]
    assert len(headings) == 2
    assert all("Stanislav Zas" in h for h in headings)
    assert "Mitchell Belfer" not in md
    assert "Video session" not in md


def test_factsheet_before_the_founding_has_no_members_events_or_statements(cli: Cli, db_url: str) -> None:
    sheet = factsheet_json(cli, "--as-of", "2001-12-31")
    assert sheet.members == []
    assert sheet.founding == []
    assert sheet.events == []
    assert sheet.statements == []
    assert sheet.forces == []


def test_factsheet_as_of_a_day_keeps_statements_of_its_month(cli: Cli, db_url: str) -> None:
    sheet = factsheet_json(cli, "--as-of", "2022-04-13")
    # Month-dated statements ("2022-04") may have been made by the 13th; the 14th's are not.
    assert [s.id for s in sheet.statements] == [11, 12, 5, 6, 7, 8, 9, 10, 1]
    every = factsheet_json(cli, "--as-of", "2022-04-13", "--statements", "all")
    assert [s.id for s in every.statements] == [11, 12, 4, 5, 6, 7, 8, 9, 10, 1]


# --- bad input ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (("--as-of", "2022-02-30"), 2, ("as-of", "2022-02-30")),
        (("--as-of", "March 2022"), 2, ("as-of",)),
        (("--format", "pdf"), 2, ("--format", "pdf")),
        (("Atlantis",), 1, ("alliance", "Atlantis")),
    ],
)
def test_factsheet_refuses_bad_input_and_writes_no_file(
    cli: Cli, engine: Engine, tmp_path: Path, args: tuple[str, ...], code: int, needles: tuple[str, ...]
) -> None:
    target = tmp_path / "sheet.md"
    before = table_counts(engine)
    one_line_error(cli("factsheet", *args, "-o", str(target)), code, *needles)
    assert not target.exists()
    assert table_counts(engine) == before
