"""What a force figure counts is a label per language: `force add` records it in its language with translations,
`force edit` corrects or adds one with history, and the fact sheet reads it in the reader's language.

Source 1 is the seeded Sky News Arabia article (in Arabic); its figure 1 is "Forces on permanent alert".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select, text

from csto_kb.model import Change
from tests.helpers import Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]

FORCE_WORDS = "قوة قوامها 17 ألف جندي في حالة تأهب دائم"
RU_UNIT = "Силы постоянной готовности"


def add_figure(cli: Cli, *options: str) -> Run:
    """A figure of 16,000 on permanent alert from source 1, which words it as FORCE_WORDS."""
    return cli(
        "force", "add", "CSTO", "--count", "16000", "--readiness", "permanent_alert", "--as-of", "2022-03",
        "--source", "1", "--evidence", FORCE_WORDS, *options,
    )  # fmt: skip


def units_of(engine: Engine, force_id: int) -> list[tuple[str, str, bool]]:
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT lang, text, is_original FROM force_level_unit WHERE force_level_id = :id ORDER BY lang"
            ),
            {"id": force_id},
        )
        return [(lang, unit, bool(original)) for lang, unit, original in found]


def added_id(run: Run) -> int:
    match = re.search(r"^added force level #(\d+):", run.stdout, flags=re.M)
    assert match is not None, run.stdout
    return int(match.group(1))


def test_force_add_records_the_unit_in_its_language_with_its_translations(cli: Cli, engine: Engine) -> None:
    run = ok(
        add_figure(
            cli, "--unit", "troops on permanent alert", "--unit-translation", f"ru={RU_UNIT}",
            "--unit-translation", "AR=جندي في حالة تأهب دائم", "--format", "json",
        )
    )  # fmt: skip

    shown = json.loads(run.stdout)
    assert (shown["unit"], shown["unit_lang"]) == ("troops on permanent alert", "en")
    assert (shown["wording"], shown["wording_lang"]) == (FORCE_WORDS, "ar")
    assert units_of(engine, shown["id"]) == [
        ("ar", "جندي في حالة تأهب دائم", False),
        ("en", "troops on permanent alert", True),
        ("ru", RU_UNIT, False),
    ]


def test_force_add_a_unit_in_the_sources_words_is_the_original_and_the_figures_words_stay_evidence(
    cli: Cli, engine: Engine
) -> None:
    in_arabic = added_id(ok(add_figure(cli, "--unit", "جندي", "--unit-lang", "ar")))
    assert units_of(engine, in_arabic) == [("ar", "جندي", True)]
    ok(cli("force", "retract", str(in_arabic), "--reason", "added again below"))

    # The unit as the (Arabic) source writes it is the original; the English unit stands beside it.
    as_written = added_id(ok(add_figure(cli, "--unit", "soldiers", "--unit-original", "جندي")))
    assert units_of(engine, as_written) == [("ar", "جندي", True), ("en", "soldiers", False)]
    ok(cli("force", "retract", str(as_written), "--reason", "added again below"))

    # The whole figure as the source writes it is the evidence's words: kept there, not as a label.
    figure = added_id(ok(add_figure(cli, "--unit-original", FORCE_WORDS)))
    assert units_of(engine, figure) == [("en", "troops", True)]
    shown = json.loads(ok(cli("force", "show", str(figure), "--format", "json")).stdout)
    assert shown["wording"] == FORCE_WORDS


@pytest.mark.parametrize(
    ("options", "needles"),
    [
        (["--unit-translation", "klingon=x"], ["unit-translation", "BCP 47", "klingon"]),
        (["--unit-translation", "ru"], ["unit-translation", "LANG=TEXT"]),
        (["--unit-translation", "ru=a", "--unit-translation", "RU=b"], ["unit-translation", "ru is given twice"]),
        (["--unit-lang", "english"], ["unit_lang", "BCP 47"]),
        (["--unit-translation", "ru=" + "я" * 301], ["unit_translations", "at most 300 characters"]),
        (["--unit-translation", "en=troupes"], ["unit", "one unit per language"]),
        (["--unit-original", "جنود", "--unit-translation", "ar=جندي"], ["unit_original", "one unit per language"]),
    ],
)  # fmt: skip
def test_force_add_refuses_a_bad_unit_language_in_one_line_without_writing(
    cli: Cli, engine: Engine, options: list[str], needles: list[str]
) -> None:
    before = table_counts(engine)
    one_line_error(add_figure(cli, *options), 2, *needles)
    assert table_counts(engine) == before


def unit_changes(engine: Engine) -> list[tuple[str, object, object, str | None]]:
    with engine.connect() as connection:
        query = (
            select(Change.action, Change.before, Change.after, Change.reason)
            .where(Change.table_name == "force_level_unit", Change.by != "csto-kb seed")
            .order_by(Change.id)
        )
        return [tuple(row) for row in connection.execute(query)]


def test_force_edit_adds_and_corrects_labels_and_the_change_log_keeps_each_earlier_one(
    cli: Cli, engine: Engine
) -> None:
    ok(cli("force", "edit", "1", "--unit-translation", f"ru={RU_UNIT}", "--reason", "a Russian label"))
    fuller = "ru=Силы постоянной боевой готовности"
    ok(cli("force", "edit", "1", "--unit-translation", fuller, "--reason", "fuller"))
    ok(cli("force", "edit", "1", "--unit", "Forces on constant alert", "--reason", "the source's sense"))

    assert units_of(engine, 1) == [
        ("en", "Forces on constant alert", True),
        ("ru", "Силы постоянной боевой готовности", False),
    ]
    changes = unit_changes(engine)
    assert [(action, reason) for action, _, _, reason in changes] == [
        ("insert", "a Russian label"),
        ("update", "fuller"),
        ("update", "the source's sense"),
    ]
    assert changes[1][1] == {"text": RU_UNIT}
    assert changes[2][1] == {"text": "Forces on permanent alert"}

    before = table_counts(engine)
    one_line_error(
        cli("force", "edit", "1", "--unit-translation", "russian=x", "--reason", "x"), 2, "unit-translation"
    )
    one_line_error(cli("force", "edit", "1", "--unit", " ", "--reason", "x"), 2, "unit")
    one_line_error(
        cli("force", "edit", "1", "--unit", "A", "--unit-translation", "en=B", "--reason", "x"),
        2,
        "unit_translations",
        "original's language",
    )
    assert table_counts(engine) == before


def test_the_fact_sheet_reads_a_unit_in_the_readers_language_with_the_original_beside(
    cli: Cli, engine: Engine
) -> None:
    ok(cli("force", "edit", "1", "--unit-translation", f"ru={RU_UNIT}", "--reason", "a Russian label"))

    md = ok(cli("factsheet", "CSTO", "--lang", "ru")).stdout
    assert f"| {RU_UNIT} (Forces on permanent alert) | 17,000 |" in md
    html = ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "html")).stdout
    card = html.split('data-force="1">', 1)[1].split('<div class="meta">', 1)[0]
    assert (
        f'<span class="unit" lang="ru" dir="auto">{RU_UNIT}</span> · '
        '<span class="original" lang="en" dir="auto">Forces on permanent alert</span>'
    ) in card
    # The figure as the source writes it, in its own language and direction.
    assert f'<span class="original" lang="ar" dir="rtl">{FORCE_WORDS}</span>' in card
    sheet = json.loads(ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "json")).stdout)
    [force] = [f for f in sheet["forces"] if f["id"] == 1]
    assert {"lang": "ru", "text": RU_UNIT, "is_original": False} in force["units"]

    # A language not held reads English, the original, alone.
    md = ok(cli("factsheet", "CSTO", "--lang", "fr")).stdout
    assert "| Forces on permanent alert | 17,000 |" in md
