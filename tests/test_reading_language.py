"""Any language: the one reading rule (requested language, then English, then the original), and Russian end
to end, from a Cyrillic alias and a Russian statement to the fact sheet read in Russian and in English."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from csto_kb.languages import LangText, direction, read
from tests.helpers import Run, ok

Cli = Callable[..., Run]

RU = "Союз готов к любым задачам"
EN = "The union is ready for any task"


def test_the_reader_sees_their_language_then_english_then_the_original() -> None:
    held = [
        LangText("ar", "الأمين العام", True),
        LangText("en", "Secretary General"),
        LangText("ru", "Генсек"),
    ]
    ru = read(held, "ru")
    assert ru is not None
    assert (ru.shown.text, ru.original) == ("Генсек", held[0])
    fr = read(held, "fr")
    assert fr is not None
    assert fr.shown.text == "Secretary General"
    alone = read([LangText("ar", "الأمين العام", True)], "fr")
    assert alone is not None
    assert (alone.shown.text, alone.original, alone.beside) == ("الأمين العام", None, None)
    # A regional tag reads its language: ru-RU finds ru.
    regional = read(held, "ru-RU")
    assert regional is not None
    assert regional.shown.lang == "ru"
    assert read([], "en") is None


def test_right_to_left_is_known_by_language_and_script() -> None:
    assert [direction(t) for t in ("ar", "fa", "he", "ur", "ar-SA", "az-Arab", "ru", "en", "ku-Latn")] == [
        "rtl", "rtl", "rtl", "rtl", "rtl", "rtl", "ltr", "ltr", "ltr",
    ]  # fmt: skip


def _russian_statement(cli: Cli, tmp_path: Path) -> None:
    ok(cli("entity", "add", "Pyotr Semyonov", "--kind", "person"))
    ok(cli("entity", "alias", "Pyotr Semyonov", "Пётр Семёнов", "--lang", "ru"))
    ok(cli("entity", "alias", "CSTO", "Организация Договора о коллективной безопасности", "--lang", "ru"))
    article = tmp_path / "ria.txt"
    article.write_text(f"Семёнов заявил: «{RU}».\n", encoding="utf-8")
    ok(cli("source", "add", str(article), "--lang", "ru", "--published", "2024-05-06"))
    ok(
        cli(
            "role", "add", "Pyotr Semyonov", "CSTO", "--title", "Spokesman of the CSTO",
            "--title-translation", "ru=Пресс-секретарь ОДКБ", "--since", "2024", "--source", "2", "--evidence", "Семёнов",
        )
    )  # fmt: skip
    ok(
        cli(
            "statement", "add", "--speaker", "Пётр Семёнов", "--quote", RU, "--lang", "ru",
            "--source", "2", "--said-on", "2024-05-06", "--about", "CSTO",
            "--translation", EN, "--translation-lang", "en",
        )
    )  # fmt: skip


def test_russian_end_to_end_from_a_cyrillic_alias_to_the_fact_sheet(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    _russian_statement(cli, tmp_path)
    # Found by a Cyrillic search, speaker and words alike.
    for options in (("--speaker", "ПЕТР СЕМЕНОВ"), ("--contains", "готов к любым")):
        rows = json.loads(ok(cli("who-said", *options, "--format", "json")).stdout)
        assert [r["quote"] for r in rows] == [RU], options
        assert rows[0]["translations"][0]["text"] == EN
        assert {(t["lang"], t["text"]) for t in rows[0]["role"]["titles"]} == {
            ("en", "Spokesman of the CSTO"),
            ("ru", "Пресс-секретарь ОДКБ"),
        }

    # Read in Russian: the Russian name and title first, the original beside; the quote is itself Russian.
    sheet = json.loads(ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "json")).stdout)
    assert (sheet["schema_version"], sheet["lang"]) == (5, "ru")
    [statement] = [s for s in sheet["statements"] if s["quote"] == RU]
    names = sheet["entity_names"][str(statement["speaker"]["id"])]
    assert {"name": "Пётр Семёнов", "lang": "ru", "is_primary": True} in names
    md = ok(cli("factsheet", "CSTO", "--lang", "ru")).stdout
    assert md.startswith("# Организация Договора о коллективной безопасности · ")
    assert "- **Названия (русский):** Организация Договора о коллективной безопасности" in md
    heading = next(line for line in md.splitlines() if "Пётр Семёнов" in line)
    assert heading.startswith(
        "**2024-05-06 — Пётр Семёнов (Pyotr Semyonov)**, Пресс-секретарь ОДКБ (Spokesman"
    )
    after = md.split(heading, 1)[1].split("**", 1)[0]
    assert f"> {RU}" in after
    assert EN not in after
    html = ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "html")).stdout
    assert '<span class="name" lang="ru" dir="auto">Пётр Семёнов</span>' in html
    assert f'<blockquote class="original quote" lang="ru" dir="auto">{RU}</blockquote>' in html
    assert "язык чтения: русский" in html
    # Arabic stays marked right to left in a Russian sheet.
    assert 'lang="ar" dir="rtl"' in html

    # Read in English: the English name, the English translation beside the Russian original.
    md = ok(cli("factsheet", "CSTO", "--lang", "en")).stdout
    heading = next(line for line in md.splitlines() if "Pyotr Semyonov" in line and line.startswith("**"))
    assert heading.startswith("**2024-05-06 — Pyotr Semyonov (Пётр Семёнов)**, Spokesman of the CSTO (Пресс")
    after = md.split(heading, 1)[1].split("**", 1)[0]
    assert f"> {RU}" in after
    assert f"> *{EN}*" in after
    html = ok(cli("factsheet", "CSTO", "--format", "html")).stdout
    assert f'<p class="translation" lang="en" dir="auto">{EN}' in html
    assert f'lang="ru" dir="auto">{RU}</blockquote>' in html


def test_a_reading_language_that_is_not_a_tag_is_refused(cli: Cli, db_url: str) -> None:
    run = cli("factsheet", "CSTO", "--lang", "russian")
    assert run.exit_code == 2
    assert "lang: expected a BCP 47 language tag" in run.stderr


RU_FACT = "Союз проводит учения дважды в год"
EN_FACT = "The union holds exercises twice a year"


def test_an_organisation_fact_is_read_in_the_readers_language_with_the_original_beside(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    article = tmp_path / "ria.txt"
    article.write_text(f"Сообщается: {RU_FACT}.\n", encoding="utf-8")
    ok(cli("source", "add", str(article), "--lang", "ru", "--published", "2024-05-06"))
    added = ok(
        cli(
            "fact", "add", "CSTO", "--kind", "practice", "--text", RU_FACT, "--lang", "ru", "--source", "2",
            "--evidence", RU_FACT, "--text-en", EN_FACT, "--format", "json",
        )
    )  # fmt: skip
    fact_id = json.loads(added.stdout)["id"]
    ok(
        cli(
            "fact",
            "edit",
            str(fact_id),
            "--text-translation",
            "fr=L'union fait des exercices",
            "--reason",
            "fr",
        )
    )

    shown = json.loads(ok(cli("fact", "show", str(fact_id), "--format", "json")).stdout)
    assert (shown["text"], shown["lang"]) == (RU_FACT, "ru")
    assert [(t["lang"], t["is_original"]) for t in shown["texts"]] == [
        ("ru", True),
        ("en", False),
        ("fr", False),
    ]

    # Read in Russian: the original itself, nothing marked untranslated.
    md = ok(cli("factsheet", "CSTO", "--lang", "ru")).stdout
    line = next(line for line in md.splitlines() if RU_FACT in line)
    assert line.startswith(f"- — {RU_FACT}")
    # Read in French: the French beside the Russian original; in German: the English, the original beside.
    md = ok(cli("factsheet", "CSTO", "--lang", "fr")).stdout
    assert f"- L'union fait des exercices — {RU_FACT}" in md
    html = ok(cli("factsheet", "CSTO", "--lang", "de", "--format", "html")).stdout
    assert f'<p class="read" lang="en" dir="auto">{EN_FACT}</p>' in html
    assert f'<blockquote class="original" lang="ru" dir="auto">{RU_FACT}</blockquote>' in html


def test_a_fact_given_twice_in_one_language_is_refused(cli: Cli, db_url: str) -> None:
    run = cli(
        "fact", "add", "CSTO", "--kind", "practice", "--text", "Exercises twice a year", "--lang", "en",
        "--text-translation", "en=Twice a year", "--source", "1",
    )  # fmt: skip
    assert run.exit_code == 2
    assert "one text per language" in run.stderr
