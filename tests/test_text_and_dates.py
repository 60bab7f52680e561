"""Text normalisation for lookup and search, and partial dates: pure functions, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from csto_kb.dates import EXPECTED_FORM, PartialDate, upper_bound
from csto_kb.text import normalise, normalise_for_search, quote_key

# --- normalise -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        pytest.param("مُنَظَّمَةُ", "منظمه", id="harakat"),
        pytest.param("الأمْنِ الجَمَاعِيّ", "الامن الجماعي", id="harakat-with-shadda-and-sukun"),
        pytest.param("مـــنظمة", "منظمه", id="tatweel"),
        pytest.param("أرمينيا", "ارمينيا", id="alef-hamza-above"),
        pytest.param("إيرينا", "ايرينا", id="alef-hamza-below"),
        pytest.param("آلاف", "الاف", id="alef-madda"),
        pytest.param("ٱلناتو", "الناتو", id="alef-wasla"),
        pytest.param("مستشفى", "مستشفي", id="alef-maksura"),
        pytest.param("منظمة", "منظمه", id="teh-marbuta"),
        pytest.param("Pashinyán", "pashinyan", id="latin-accent-and-case"),
        pytest.param("TSUKERMAN", "tsukerman", id="latin-case"),
        pytest.param("Zás Stanislav", "zas stanislav", id="latin-accent"),
        pytest.param("١٧ ألف", "17 الف", id="arabic-indic-digits"),
        pytest.param("۱۷", "17", id="eastern-arabic-indic-digits"),
        pytest.param("  Nikol \t Pashinyan\n ", "nikol pashinyan", id="whitespace"),
    ],
)
def test_normalise_folds_spelling_variants(written: str, folded: str) -> None:
    assert normalise(written) == folded


def test_normalise_folds_every_alef_form_to_bare_alef() -> None:
    assert normalise("أ إ آ ٱ ا") == "ا ا ا ا ا"


def test_normalise_keeps_punctuation_for_display_lookups() -> None:
    assert normalise("“نوعا” (الناتو)") == "“نوعا” (الناتو)"


def test_normalise_is_idempotent() -> None:
    once = normalise("رئيسُ الوزراءِ الأرمينيّ، نيكول باشينيان — Pashinyán")
    assert normalise(once) == once


def test_normalise_does_not_merge_different_letters() -> None:
    assert normalise("كازاخستان") != normalise("قازاخستان")


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        pytest.param("“نوعا من الثقل”", "نوعا من الثقل", id="curly-quotes"),
        pytest.param("«الناتو»", "الناتو", id="guillemets"),
        pytest.param('"NATO"', "nato", id="straight-quotes"),
        pytest.param("حلف شمال الأطلسي (الناتو).", "حلف شمال الاطلسي الناتو", id="parentheses-and-period"),
        pytest.param(
            "روسيا، بيلاروس؛ كازاخستان؟", "روسيا بيلاروس كازاخستان", id="arabic-comma-semicolon-question"
        ),
        pytest.param("yes-or-no", "yes or no", id="hyphen-becomes-space"),
    ],
)
def test_normalise_for_search_drops_punctuation(written: str, searched: str) -> None:
    assert normalise_for_search(written) == searched


def test_quote_key_ignores_diacritics_and_quotation_marks() -> None:
    plain = "لدى المنظمة قوة قوامها 17 ألف جندي"
    decorated = "لَدى المُنَظَّمَة «قوة قوامها ١٧ ألف جندي»"
    curly = "لدى المنظمة “قوة قوامها 17 الف جندي”"
    assert quote_key(plain) == quote_key(decorated) == quote_key(curly)


def test_quote_key_differs_for_different_words() -> None:
    assert quote_key("قوة قوامها 17 ألف جندي") != quote_key("قوة قوامها 4 آلاف جندي")


def test_quote_key_is_a_short_hex_fingerprint() -> None:
    key = quote_key("Pashinyan")
    assert len(key) == 32
    int(key, 16)  # raises ValueError if not hexadecimal


# --- PartialDate -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2002", PartialDate(2002), "year"),
        ("2021-05", PartialDate(2021, 5), "month"),
        ("2022-04-13", PartialDate(2022, 4, 13), "day"),
    ],
)
def test_partial_date_parses_each_precision(text: str, expected: PartialDate, precision: str) -> None:
    parsed = PartialDate.parse(text)
    assert parsed == expected
    assert parsed.precision == precision


@pytest.mark.parametrize("text", ["2002", "2021-05", "2022-04-13", "0999", "2024-02-29"])
def test_partial_date_string_round_trips(text: str) -> None:
    assert str(PartialDate.parse(text)) == text


def test_partial_date_parse_ignores_surrounding_whitespace() -> None:
    assert PartialDate.parse(" 2022-04 \n") == PartialDate(2022, 4)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2002", dt.date(2002, 1, 1), dt.date(2002, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2022-04", dt.date(2022, 4, 1), dt.date(2022, 4, 30)),
        ("2022-04-13", dt.date(2022, 4, 13), dt.date(2022, 4, 13)),
    ],
)
def test_partial_date_first_and_last_day_cover_its_period(text: str, first: dt.date, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert date.first_day == first
    assert date.last_day == last


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("2022-13", "month 13", id="month-out-of-range"),
        pytest.param("2022-00", "month 0", id="month-zero"),
        pytest.param("2022-02-30", "not a day of the calendar", id="no-such-day"),
        pytest.param("2023-02-29", "not a day of the calendar", id="not-a-leap-year"),
        pytest.param("yesterday", "got 'yesterday'", id="words"),
        pytest.param("22-01-01", "got '22-01-01'", id="two-digit-year"),
        pytest.param("2022/01/01", "got '2022/01/01'", id="slashes"),
        pytest.param("2022-1-5", "got '2022-1-5'", id="unpadded"),
        pytest.param("", "got ''", id="empty"),
    ],
)
def test_partial_date_rejects_malformed_dates_naming_the_expected_form(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match="YYYY, YYYY-MM or YYYY-MM-DD") as raised:
        PartialDate.parse(text)
    assert problem in str(raised.value)
    assert EXPECTED_FORM in str(raised.value)


@pytest.mark.parametrize(
    ("text", "containing"),
    [
        ("2002", []),
        ("2021-05", ["2021"]),
        ("2022-04-13", ["2022", "2022-04"]),
    ],
)
def test_coarser_lists_the_containing_dates_coarsest_first(text: str, containing: list[str]) -> None:
    assert [str(d) for d in PartialDate.parse(text).coarser()] == containing


def test_partial_dates_of_one_precision_order_by_date() -> None:
    texts = ["2022-04-13", "2021-05-01", "2022-02-19", "2022-04-02"]
    by_date = sorted(PartialDate.parse(t) for t in texts)
    assert [str(d) for d in by_date] == sorted(texts)


def test_partial_dates_of_mixed_precision_order_like_their_iso_text() -> None:
    texts = ["2022-04-13", "2002", "2022-02-19", "2021-05", "2022-04"]
    by_date = sorted(PartialDate.parse(t) for t in texts)
    assert [str(d) for d in by_date] == sorted(texts)


def test_upper_bound_lies_above_every_date_inside_the_period_and_below_the_next() -> None:
    bound = upper_bound("2022-12")
    assert "2022-12" < bound < "2023"
    assert "2022-12-31" < bound < "2023-01-01"
    assert bound > "2022-11-30"


def test_upper_bound_of_a_year_covers_its_months_and_days() -> None:
    bound = upper_bound("2022")
    assert "2022" < bound < "2023"
    assert "2022-12-31" < bound < "2023-01"
