"""The fact sheet's own words come from one catalogue, read like everything else: in the reader's language when
it holds it (Arabic, Russian), else in English; the HTML page is marked in their language and direction."""

from __future__ import annotations

import re
import string
from collections.abc import Callable

import pytest

from csto_kb.exporters.factsheet_labels import PLURAL_RULES, catalogue, labels_for, plural_category, separator
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
        # Counted words: the same entries, each with a form for every plural category of the language.
        assert block["plurals"].keys() == blocks["en"]["plurals"].keys(), lang
        categories = {plural_category(lang, n) for n in range(0, 1_000)} | {"other"}
        for key, forms in block["plurals"].items():
            assert forms.keys() == categories, (lang, key)
            assert all(placeholders(form) <= {"n"} for form in forms.values()), (lang, key)
    assert set(PLURAL_RULES) == set(blocks)


@pytest.mark.parametrize(
    ("lang", "numbers", "category"),
    [("en", [1], "one"), ("en", [0, 2, 11, 21, 1000], "other"),
     ("ru", [1, 21, 101, 1001], "one"), ("ru", [2, 3, 4, 22, 104], "few"), ("ru", [0, 5, 11, 12, 14, 100], "many"),
     ("ar", [0], "zero"), ("ar", [1], "one"), ("ar", [2], "two"), ("ar", [3, 10, 103, 1010], "few"),
     ("ar", [11, 99, 111, 1099], "many"), ("ar", [100, 101, 102, 1000], "other"),
     ("ru-RU", [3], "few"), ("fr", [1, 2], "other")],
)  # fmt: skip
def test_plural_categories_are_cldrs_for_whole_numbers(lang: str, numbers: list[int], category: str) -> None:
    assert {plural_category(lang, n) for n in numbers} == {category}


def test_counted_words_take_the_languages_form() -> None:
    english = labels_for("en")
    assert [english.count("statements", n) for n in (1, 2, 12_345)] == [
        "1 statement", "2 statements", "12,345 statements",
    ]  # fmt: skip
    russian = labels_for("ru")
    assert [russian.count("more_speakers", n) for n in (1, 3, 5, 21)] == [
        "и ещё 1 выступавший", "и ещё 3 выступавших", "и ещё 5 выступавших", "и ещё 21 выступавший",
    ]  # fmt: skip
    arabic = labels_for("ar")
    assert [arabic.count("more_speakers", n) for n in (1, 2, 3, 11, 100)] == [
        "ومتحدث آخر", "ومتحدثان آخران", "و3 متحدثين آخرين", "و11 متحدثًا آخر", "و100 متحدث آخر",
    ]  # fmt: skip


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
    # The counting sentences are the page's own words: nothing on it is marked as English.
    assert '<div class="selection">' in html
    assert 'lang="en" dir="ltr"' not in html
    assert "التصريحات المعروضة: 11 من 12، وعدد المتحدثين: 5" in html
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


def test_the_statement_selection_is_said_in_the_readers_language(cli: Cli, db_url: str) -> None:
    args = ("factsheet", "CSTO", "--per-speaker", "1", "--limit", "2")
    russian = ok(cli(*args, "--lang", "ru")).stdout
    assert "*Показано заявлений: 4 из 12, выступавших: 5 (от официальных лиц: 2): всё, что сказали" in russian
    assert "*не показано заявлений: 8; все они: `csto-kb export statements --about csto` и " in russian
    html = ok(cli(*args, "--lang", "ru", "--format", "html")).stdout
    assert "<strong>Показано заявлений: 4 из 12, выступавших: 5 (от официальных лиц: 2).</strong>" in html
    assert "Выступавших, не показанных совсем: 2." in html
    assert "Не показано заявлений: 8. Все они: <code>csto-kb export statements --about csto</code> и " in html
    arabic = ok(cli(*args, "--lang", "ar", "--format", "html")).stdout
    assert "تصريحات غير معروضة: 8. لعرضها كلها: " in arabic
    # Commands stay left to right on a right-to-left page.
    assert '<code dir="ltr">csto-kb export statements --org csto</code>' in arabic
    for page in (russian, html, arabic):
        assert "Shown:" not in page
        assert "not shown" not in page


def test_past_the_count_limit_every_language_says_more_than(
    cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csto_kb.services import factsheet

    monkeypatch.setattr(factsheet, "COUNT_LIMIT", 5)
    russian = ok(cli("factsheet", "CSTO", "--lang", "ru")).stdout
    assert (
        "Показано заявлений: 11 из более чем 5, выступавших: не менее 3 (от официальных лиц: не менее 0)"
        in russian
    )
    english = ok(cli("factsheet", "CSTO", "--format", "html")).stdout
    assert "Shown: 11 of more than 5 statements by at least 3 speakers (at least 0 by officials)" in english


def test_citations_say_chars_in_the_readers_language(cli: Cli, db_url: str) -> None:
    russian = ok(cli("factsheet", "CSTO", "--lang", "ru")).stdout
    assert "[1, симв. 253–358]" in russian
    assert "chars" not in russian
    html = ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "html")).stdout
    assert 'title="Источник 1, символы с 253 по 358 его сохранённого текста">[1, симв. 253–358]</a>' in html
    arabic = ok(cli("factsheet", "CSTO", "--lang", "ar", "--format", "html")).stdout
    # An Arabic citation reads right to left, its range of characters kept left to right.
    assert (
        '<sup class="cite" dir="rtl"><a href="#source-1" title="المصدر 1، الحروف من 253 إلى 358 من نصه المحفوظ">'
        in arabic
    )
    assert '[1، الحروف <bdi dir="ltr">253–358</bdi>]' in arabic
    arabic_md = ok(cli("factsheet", "CSTO", "--lang", "ar")).stdout
    assert "[1، الحروف \u2066253–358\u2069]" in arabic_md
    english = ok(cli("factsheet", "CSTO", "--format", "html")).stdout
    assert (
        '<sup class="cite"><a href="#source-1" title="Source 1, characters 253 to 358 of its stored text">'
        in english
    )
    assert "[1, chars 253–358]" in english


def test_a_source_note_keeps_its_own_direction_on_a_right_to_left_page(cli: Cli, db_url: str) -> None:
    arabic = ok(cli("factsheet", "CSTO", "--lang", "ar", "--format", "html")).stdout
    assert "تاريخ النشر مستنتج: <bdi>The article states no date." in arabic
    arabic_md = ok(cli("factsheet", "CSTO", "--lang", "ar")).stdout
    assert "تاريخ النشر مستنتج: \u2068The article states no date." in arabic_md
    english_md = ok(cli("factsheet", "CSTO")).stdout
    assert "publication date inferred: The article states no date." in english_md


def test_the_membership_chart_speaks_the_readers_language(cli: Cli, db_url: str) -> None:
    russian = ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "html")).stdout
    chart = russian[
        russian.index('<div class="mchart"') : russian.index(
            "</figure>", russian.index('<div class="mchart"')
        )
    ]
    assert 'aria-label="Хронология членства"' in chart
    assert 'aria-label="Условные обозначения"' in chart
    assert '<span class="swatch status-member"></span>член</li>' in chart
    assert '<span class="swatch open-mark"></span>действует</li>' in chart
    assert "член с 2002</span>" in chart
    assert 'title="Armenia: член, 2002 – действует"' in chart
    arabic = ok(cli("factsheet", "CSTO", "--lang", "ar", "--format", "html")).stdout
    # The names the tooltips give are read like every other: Arabic for an Arabic reader.
    assert 'title="أرمينيا: عضو، 2002 – سارية"' in arabic
    assert '<li dir="rtl"><span class="swatch status-member"></span>عضو</li>' in arabic
    assert "still in force" not in arabic + russian


def test_the_statement_timeline_reads_names_by_the_reading_rule(cli: Cli, db_url: str) -> None:
    arabic = ok(cli("factsheet", "CSTO", "--lang", "ar", "--format", "html")).stdout
    svg = arabic[arabic.index("<svg") : arabic.index("</svg>")]
    # The name read (Arabic) on the first line, right to left at the column's right edge; the original beside.
    first, second = re.findall(r'<text class="label"[^>]*>', svg)[:2]
    assert 'lang="ar" direction="rtl" x="242"' in first
    assert 'lang="en" x="0"' in second
    assert "<title>#11 · 2022-02-19 · ستانيسلاف زاس</title>" in svg
    assert '<title id="statement-timeline-title">الخط الزمني للتصريحات</title>' in svg
    russian = ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "html")).stdout
    assert "Заявлений: 11, выступавших: 5; точка — заявление с точной датой" in russian
    english = ok(cli("factsheet", "CSTO", "--format", "html")).stdout
    assert "11 statements by 5 speakers; a dot is a statement dated to the day" in english
