"""Date expressions, numbers and force figures, plain facts, and the gazetteer: pure functions."""

from __future__ import annotations

import datetime as dt

import pytest

from csto_kb.extraction import extract
from csto_kb.extraction.dates import find_dates, merge_adjacent
from csto_kb.extraction.gazetteer import Gazetteer
from csto_kb.extraction.numbers import find_force_figures, parse_number

FRIDAY = dt.date(2022, 4, 15)


def resolved(text: str, lang: str = "ar", published: dt.date | None = FRIDAY) -> list[tuple[str, str | None]]:
    found = merge_adjacent(text, find_dates(text, lang=lang, published=published))
    return [(d.text, str(d.date) if d.date else None) for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("التقى الوزيران الأربعاء", [("الأربعاء", "2022-04-13")], id="weekday-before"),
        pytest.param("عقدت الجلسة يوم الجمعة", [("يوم الجمعة", "2022-04-15")], id="weekday-same-day"),
        pytest.param("وصل الوفد السبت", [("السبت", "2022-04-09")], id="weekday-last-week"),
        pytest.param("صرح أمس", [("أمس", "2022-04-14")], id="yesterday"),
        pytest.param("قال اليوم", [("اليوم", "2022-04-15")], id="today"),
        pytest.param("في فبراير الماضي", [("فبراير الماضي", "2022-02")], id="month-last"),
        pytest.param("في أبريل الماضي", [("أبريل الماضي", "2021-04")], id="same-month-last-is-a-year-back"),
        pytest.param("في 3 نيسان", [("3 نيسان", "2022-04-03")], id="levantine-month"),
        pytest.param("يوم 17 فبراير شباط 2022", [("17 فبراير شباط 2022", "2022-02-17")], id="both-series"),
        pytest.param("في مايو/ أيار 2021", [("مايو/ أيار 2021", "2021-05")], id="month-slash-year"),
        pytest.param("في ١٢ مارس ٢٠٢٠", [("١٢ مارس ٢٠٢٠", "2020-03-12")], id="arabic-indic-digits"),
        pytest.param("قبل الحرب بخمسة أيام", [("قبل الحرب بخمسة أيام", None)], id="unanchored-kept"),
        pytest.param(
            "اليوم الأربعاء 13 ابريل/نيسان 2022",
            [("اليوم الأربعاء 13 ابريل/نيسان 2022", "2022-04-13")],
            id="today-weekday-date",
        ),
    ],
)
def test_arabic_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert resolved(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("said on Wednesday", [("on Wednesday", "2022-04-13")]),
        ("said last July", [("last July", "2021-07")]),
        ("said yesterday", [("yesterday", "2022-04-14")]),
        ("on Monday, April 11", [("on Monday, April 11", "2022-04-11")]),
        ("on May 16, 2021", [("on May 16, 2021", "2021-05-16")]),
        ("five days before the war", [("five days before the war", None)]),
    ],
)
def test_english_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert resolved(text, "en") == expected


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    assert resolved("الأربعاء 13 أبريل 2022 وأيضا الخميس", published=None) == [
        ("الأربعاء 13 أبريل 2022", "2022-04-13"),
        ("الخميس", None),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("17", 17), ("١٧", 17), ("17 ألف", 17000), ("4 آلاف", 4000), ("عشرة", 10), ("بخمسة", 5), ("17,000", 17000),
     ("two thousand", 2000)],
)  # fmt: skip
def test_numbers(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_force_figures_arabic() -> None:
    body = "لدى الحلف قوة قوامها ١٧ ألف جندي في حالة تأهب دائم، وقوة حفظ سلام قوامها نحو 4 آلاف جندي."
    figures = find_force_figures(body, lang="ar")
    assert [(f.count, f.approximate, f.unit, f.readiness) for f in figures] == [
        (17000, False, "جندي", "permanent_alert"),
        (4000, True, "جندي", "peacekeeping"),
    ]
    assert body[figures[0].start : figures[0].end] == "١٧ ألف جندي في حالة تأهب دائم"


def test_force_figures_english_and_number_words() -> None:
    figures = find_force_figures(
        "The bloc keeps about 3,600 peacekeepers and twenty thousand troops.", lang="en"
    )
    assert [(f.count, f.approximate, f.readiness) for f in figures] == [
        (3600, True, "peacekeeping"),
        (20000, False, "other"),
    ]


def test_founding_members_and_events() -> None:
    body = (
        "وتأسس الاتحاد الدفاعي الإقليمي في 1999، ويضم هذا التحالف 3 دول أعضاء، هي مولدوفا وجورجيا وأوزبكستان.\n"
        "وعقدت قمة الاتحاد الخميس في العاصمة."
    )
    found = extract(body, lang="ar", published=FRIDAY)
    assert [(f.organisation, f.year) for f in found.foundings] == [("الاتحاد الدفاعي الإقليمي", 1999)]
    assert found.memberships[0].members == ["مولدوفا", "جورجيا", "أوزبكستان"]
    assert found.memberships[0].stated_count == 3
    assert [(e.date_text, e.starts_on) for e in found.events] == [("الخميس", "2022-04-14")]
    for candidate in [*found.foundings, *found.memberships, *found.events]:
        assert body[candidate.start : candidate.end] == candidate.text


def test_english_founding() -> None:
    found = extract("The Shanghai Cooperation Organisation was founded in 2001.", lang="en")
    assert [(f.organisation, f.year) for f in found.foundings] == [
        ("The Shanghai Cooperation Organisation", 2001)
    ]


GAZETTEER = Gazetteer(
    [
        ("nikol-pashinyan", "Nikol Pashinyan", ["نيكول باشينيان", "باشينيان"]),
        ("nato", "NATO", ["الناتو", "حلف شمال الأطلسي"]),
        ("stanislav-zas", "Stanislav Zas", ["زاس"]),
    ]
)


@pytest.mark.parametrize(
    ("mention", "key"),
    [("وباشينيان", "nikol-pashinyan"), ("لباشينيان", "nikol-pashinyan"), ("للناتو", "nato"), ("والناتو", "nato"),
     ("نيكول باشينيان", "nikol-pashinyan"), ("NATO", "nato"), ("بحلف شمال الأطلسي", "nato"), ("زاس", "stanislav-zas")],
)  # fmt: skip
def test_gazetteer_tolerates_attached_particles(mention: str, key: str) -> None:
    entity = GAZETTEER.lookup(mention)
    assert entity is not None
    assert entity.key == key


def test_gazetteer_matches_whole_words_only() -> None:
    assert GAZETTEER.lookup("زاسيف") is None
    assert GAZETTEER.lookup("الناتوية") is None


def test_gazetteer_resolves_speaker_keys() -> None:
    found = extract("وقال باشينيان إن بلاده لن تنسحب.", lang="ar", gazetteer=GAZETTEER).statements
    assert [(s.speaker_key, s.speaker) for s in found] == [("nikol-pashinyan", "باشينيان")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("صرح قبل ثلاثة أيام", "ar", [("قبل ثلاثة أيام", "2022-04-12")], id="ar-days-back"),
        pytest.param("قال قبل يومين", "ar", [("قبل يومين", "2022-04-13")], id="ar-dual-days-back"),
        pytest.param("في الأسبوع الماضي", "ar", [("الأسبوع الماضي", "2022-04")], id="ar-last-week"),
        pytest.param("صرح أول أمس", "ar", [("أول أمس", "2022-04-13")], id="ar-day-before-yesterday"),
        pytest.param("he said three days ago", "en", [("three days ago", "2022-04-12")], id="en-days-ago"),
        pytest.param("it was said last week", "en", [("last week", "2022-04")], id="en-last-week"),
        pytest.param("two months ago", "en", [("two months ago", "2022-02")], id="en-months-ago"),
        pytest.param("on Saturday", "en", [("on Saturday", "2022-04-09")], id="en-weekday-before"),
    ],
)
def test_relative_dates_count_back_from_publication(
    text: str, lang: str, expected: list[tuple[str, str | None]]
) -> None:
    assert resolved(text, lang) == expected


def test_last_week_across_a_month_boundary_keeps_only_the_year() -> None:
    assert resolved("last week", "en", dt.date(2022, 5, 4)) == [("last week", "2022")]


def test_a_following_jaa_dhalika_sentence_dates_the_statement_before_it() -> None:
    body = "وقال الوزير سامي حداد إن المحادثات ستستأنف. جاء ذلك في مؤتمر صحفي عقده في العاصمة يوم الأربعاء."
    found = extract(body, lang="ar", published=FRIDAY).statements
    assert [(s.date_text, s.said_on) for s in found] == [("يوم الأربعاء", "2022-04-13")]


def test_about_lists_the_bodies_and_countries_mentioned_without_the_speaker() -> None:
    gazetteer = Gazetteer(
        [
            ("nikol-pashinyan", "Nikol Pashinyan", ["باشينيان"]),
            ("csto", "CSTO", ["منظمة معاهدة الأمن الجماعي"]),
            ("nato", "NATO", ["الناتو"]),
            ("armenia", "Armenia", ["أرمينيا"]),
        ],
        kinds={"nikol-pashinyan": "person", "csto": "alliance", "nato": "alliance", "armenia": "country"},
    )
    body = "وقال باشينيان في يريفان إن أرمينيا لن تنتظر منظمة معاهدة الأمن الجماعي ولا الناتو، وإن أرمينيا ستقرر وحدها."
    found = extract(body, lang="ar", published=FRIDAY, gazetteer=gazetteer).statements
    assert [s.about for s in found] == [["armenia", "csto", "nato"], ["armenia", "csto", "nato"]]
    assert all(s.speaker_key == "nikol-pashinyan" for s in found)
    assert extract(body, lang="ar", published=FRIDAY).statements[0].about == []


def test_about_leaves_out_the_speaker_phrase_and_outlets() -> None:
    gazetteer = Gazetteer(
        [
            ("egic", "Euro-Gulf Centre", ["مركز الخليج"]),
            ("nato", "NATO", ["الناتو"]),
            ("rt", "RT", ["روسيا اليوم"]),
        ],
        kinds={"egic": "organisation", "nato": "alliance", "rt": "media"},
    )
    body = "وقال الباحث كريم سالم، رئيس مركز الخليج، لقناة روسيا اليوم إن الناتو يتوسع."
    (s,) = extract(body, lang="ar", published=FRIDAY, gazetteer=gazetteer).statements
    assert s.about == ["nato"]
