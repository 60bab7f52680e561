"""The fact sheet's own words come from one catalogue, read like everything else: in the reader's language when
it holds it (Arabic, Russian), else in English; the HTML page is marked in their language and direction."""

from __future__ import annotations

import re
import string
from collections.abc import Callable

import pytest

from csto_kb.exporters.factsheet_labels import catalogue, labels_for, separator
from tests.helpers import Run, ok

Cli = Callable[..., Run]

SECTIONS = ("identity", "members", "obligations", "forces", "events", "statements", "sources")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_of_the_catalogue_says_every_label_with_the_same_values() -> None:
    blocks = catalogue()
    english = blocks["en"]["labels"]
    assert set(blocks) >= {"en", "ar", "ru"}
    for lang, block in blocks.items():
        assert block["labels"].keys() == english.keys(), lang
        for key, text in block["labels"].items():
            assert text.strip(), (lang, key)
            assert placeholders(text) == placeholders(english[key]), (lang, key)
        assert block["language_names"].keys() == blocks.keys(), lang


@pytest.mark.parametrize(
    ("lang", "written_in", "members"),
    [("ru", "ru", "Государства-члены"), ("ar", "ar", "الأعضاء"), ("ar-SA", "ar", "الأعضاء"),
     ("fr", "en", "Members"), ("en", "en", "Members")],
)  # fmt: skip
def test_labels_are_read_in_the_readers_language_else_in_english(
    lang: str, written_in: str, members: str
) -> None:
    labels = labels_for(lang)
    assert labels.lang == written_in
    assert labels("members") == members


def test_stored_codes_read_as_labels_and_an_unknown_code_as_itself() -> None:
    assert labels_for("ru").value("status", "frozen") == "участие заморожено"
    assert labels_for("ar").value("readiness", "peacekeeping") == "حفظ السلام"
    assert labels_for("ru").value("status", "dormant") == "dormant"
    assert labels_for("ru").language("ar") == "арабский"
    assert labels_for("ru").language("hy") == "Armenian"
    assert (separator("ar"), separator("ar-EG"), separator("ru")) == ("؛ ", "؛ ", "; ")


def markdown_headings(md: str) -> list[str]:
    return [line.removeprefix("## ") for line in md.splitlines() if line.startswith("## ")]


def html_headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="[a-z]+-h">([^<]*)</h2>', html)


def test_factsheet_in_russian_has_russian_labels(cli: Cli, db_url: str) -> None:
    md = ok(cli("factsheet", "CSTO", "--lang", "ru")).stdout
    assert markdown_headings(md) == [
        "Общие сведения и основание", "Государства-члены", "Обязательства", "Характеристики", "Практика",
        "Силы", "Ключевые события", "Заявления", "Источники",
    ]  # fmt: skip
    assert "| Член | Статус | С | По | Источник |" in md
    assert "| около 4,000 | миротворческие силы |" in md
    assert "- **Названия (арабский):** " in md
    assert "Members" not in md

    html = ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "html")).stdout
    assert '<html lang="ru" dir="ltr">' in html
    assert html_headings(html) == [
        "Общие сведения и основание", "Государства-члены", "Обязательства", "Силы", "Ключевые события",
        "Заявления", "Источники",
    ]  # fmt: skip
    assert '<li><a href="#forces">Силы</a></li>' in html
    assert "язык чтения: русский" in html
    assert '<th scope="col">Участники</th>' in html


def test_factsheet_in_arabic_has_arabic_labels_on_a_right_to_left_page(cli: Cli, db_url: str) -> None:
    html = ok(cli("factsheet", "CSTO", "--lang", "ar", "--format", "html")).stdout
    assert '<html lang="ar" dir="rtl">' in html
    assert html_headings(html) == [
        "الهوية والتأسيس", "الأعضاء", "الالتزامات", "القوات", "أبرز الأحداث", "التصريحات", "المصادر",
    ]  # fmt: skip
    assert '<nav aria-label="الأقسام">' in html
    # A date inside an Arabic sentence is kept left to right; the charts keep their time axis so.
    assert 'بتاريخ <bdi dir="ltr">2022-02-19</bdi>' in html
    assert '<figure><div dir="ltr"><div class="mchart"' in html
    # The counting sentences the catalogue does not hold are marked as the English they are.
    assert '<div class="selection" lang="en" dir="ltr">' in html
    # Arabic names of one language are separated by the Arabic semicolon.
    assert "منظمة معاهدة الأمن الجماعي؛ معاهدة الأمن الجماعي" in html

    md = ok(cli("factsheet", "CSTO", "--lang", "ar")).stdout
    assert markdown_headings(md)[:2] == ["الهوية والتأسيس", "الأعضاء"]
    assert "| العضو | الوضع | منذ | حتى | المصدر |" in md


def test_factsheet_in_a_language_the_catalogue_lacks_has_english_labels(cli: Cli, db_url: str) -> None:
    english = ok(cli("factsheet", "CSTO")).stdout
    french = ok(cli("factsheet", "CSTO", "--lang", "fr")).stdout
    assert markdown_headings(french) == markdown_headings(english)
    assert markdown_headings(french)[:2] == ["Identity and founding", "Members"]

    html = ok(cli("factsheet", "CSTO", "--lang", "fr", "--format", "html")).stdout
    # The page is marked in its labels' language; every name, title and quote carries its own.
    assert '<html lang="en" dir="ltr">' in html
    assert html_headings(html)[1] == "Members"
    assert "read in French" in html


def test_the_english_sheet_has_no_isolates_a_right_to_left_page_needs(cli: Cli, db_url: str) -> None:
    html = ok(cli("factsheet", "CSTO", "--format", "html")).stdout
    assert '<html lang="en" dir="ltr">' in html
    assert '<bdi dir="ltr">' not in html
    assert 'as of 2022-02-19 · asserted by <span class="name"' in html
