"""Date expressions in Arabic and English text, resolved against the publication date to partial dates.

A weekday is the latest such day on or before publication (news reports the past); a month without a year
is the latest such month (strictly before publication's when marked "last"/الماضي). Expressions that need an
anchor the text does not give ("قبل الحرب بخمسة أيام", "later") are kept as text with no date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from csto_kb.dates import PartialDate
from csto_kb.extraction.numbers import ARABIC_NUMBER, ENGLISH_NUMBER, parse_number
from csto_kb.extraction.script import AFTER_WORD, BEFORE_WORD, alternation, arabic_word, fold_arabic

_AR_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
                "السبت": 5, "الأحد": 6}  # fmt: skip
_EN_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Both month series: the Egyptian/Gulf transliterations and the Levantine (Syriac) names, often written
# together ("13 أبريل/نيسان", "17 فبراير شباط").
_AR_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}  # fmt: skip
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "aug": 8,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_FOLDED_AR_MONTHS = {fold_arabic(k): v for k, v in _AR_MONTHS.items()}
_FOLDED_AR_WEEKDAYS = {fold_arabic(k): v for k, v in _AR_WEEKDAYS.items()}

_AR_MONTH = alternation(_AR_MONTHS, arabic=True)
_AR_WEEKDAY = alternation(_AR_WEEKDAYS, arabic=True)
_AR_LAST = rf"{arabic_word('الماضي')}|{arabic_word('المنصرم')}|{arabic_word('الفائت')}"
_AR_UNITS = alternation(["يوم", "أيام", "يوما", "يومًا", "أسبوع", "أسابيع", "أسبوعين", "شهر", "أشهر", "شهرين",
                         "سنة", "سنوات", "عام", "أعوام", "ساعة", "ساعات"], arabic=True)  # fmt: skip
_AR_DUALS = alternation(["يومين", "أسبوعين", "شهرين", "عامين", "سنتين"], arabic=True)
_D = r"[0-9\u0660-\u0669]"

# Every expression begins with one of these characters; testing it first spares the engine the whole
# alternation at most positions of a text.
_AR_FIRST = "اأإآٱيىفمكشنحتعسقبدوهل0-9\u0660-\u0669"
_AR_DATE = re.compile(
    rf"(?=[{_AR_FIRST}]){BEFORE_WORD}(?:"
    # weekday, optionally "today Wednesday" or "on (the day of) Thursday", optionally with the calendar date
    rf"(?P<wd_pre>(?:{arabic_word('اليوم')}|{arabic_word('يوم')})\s+)?(?P<weekday>{_AR_WEEKDAY}){AFTER_WORD}"
    rf"(?:[،,]?\s*(?P<wd_day>{_D}{{1,2}})\s+(?P<wd_month>{_AR_MONTH})(?:\s*/\s*|\s+)?(?:{_AR_MONTH})?(?:\s+(?P<wd_year>{_D}{{4}}))?)?"
    # day month [/ month] [year] [الماضي]
    rf"|(?P<day>{_D}{{1,2}})\s+(?P<month>{_AR_MONTH})(?:(?:\s*/\s*|\s+)(?:{_AR_MONTH}))?(?:\s+(?P<year>{_D}{{4}}))?(?:\s+(?P<d_last>{_AR_LAST}))?"
    # month [/ month] year
    rf"|(?P<m_month>{_AR_MONTH})(?:(?:\s*/\s*|\s+)(?:{_AR_MONTH}))?\s+(?P<m_year>{_D}{{4}})"
    # month last
    rf"|(?P<l_month>{_AR_MONTH})\s+(?:{_AR_LAST})"
    rf"|(?P<ml_unit>{arabic_word('الشهر')}|{arabic_word('العام')}|{arabic_word('الأسبوع')}|{arabic_word('السنة')})\s+(?:{_AR_LAST})"
    rf"|(?P<ago>{arabic_word('أول أمس')}|{arabic_word('أمس')}|{arabic_word('الأمس')})"
    # "قبل ثلاثة أيام", "قبل يومين", "منذ أسبوعين": counted back from publication
    rf"|(?P<back>(?:{arabic_word('قبل')}|{arabic_word('منذ')})\s+(?:(?P<back_n>{ARABIC_NUMBER})\s+(?P<back_unit>{_AR_UNITS})|(?P<back_dual>{_AR_DUALS})))"
    rf"|(?P<year_only>(?:{arabic_word('عام')}|{arabic_word('العام')}|{arabic_word('سنة')})\s+{_D}{{4}})"
    rf"|(?P<numeric>{_D}{{1,2}}/{_D}{{1,2}}/{_D}{{4}})"
    # relative to an event the text names but does not date: kept as an expression
    rf"|(?P<relative>(?:{arabic_word('أي')}\s+)?(?:{arabic_word('قبل')}|{arabic_word('بعد')})\s+\S+\s+(?:{ARABIC_NUMBER})\s+(?:{_AR_UNITS}))"
    rf"|(?P<vague>{arabic_word('في وقت سابق من')}\s+\S+|{arabic_word('في وقت لاحق')}|{arabic_word('في وقت سابق')}|{arabic_word('في الوقت نفسه')})"
    rf"){AFTER_WORD}"
)
_AR_TODAY = re.compile(rf"{BEFORE_WORD}{arabic_word('اليوم')}{AFTER_WORD}")

_EN_MONTH = alternation([m.capitalize() for m in _EN_MONTHS], arabic=False)
_EN_WEEKDAY = alternation([d.capitalize() for d in _EN_WEEKDAYS], arabic=False)
_EN_DATE = re.compile(
    r"\b(?:"
    rf"(?:[Oo]n\s+)?(?P<weekday>{_EN_WEEKDAY})(?:,?\s+(?P<wd_month>{_EN_MONTH})\.?\s+(?P<wd_day>\d{{1,2}})(?:,?\s+(?P<wd_year>\d{{4}}))?)?"
    rf"|(?:on\s+)?(?P<month>{_EN_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?:on\s+)?(?P<day2>\d{{1,2}})\s+(?P<month2>{_EN_MONTH})(?:\s+(?P<year2>\d{{4}}))?"
    rf"|(?:in\s+)?(?P<m_month>{_EN_MONTH})\s+(?P<m_year>\d{{4}})"
    rf"|(?P<l_last>last|this)\s+(?P<l_month>{_EN_MONTH}|week|month|year)"
    r"|(?P<ago>yesterday|the day before yesterday)"
    rf"|(?P<back>(?P<back_n>{ENGLISH_NUMBER}|a|an)\s+(?P<back_unit>days?|weeks?|months?|years?)\s+ago)"
    r"|(?P<today>today)"
    rf"|(?P<relative>{ENGLISH_NUMBER}\s+(?:days?|weeks?|months?|years?)\s+(?:before|after|ago)(?:\s+the\s+\w+)?)"
    r"|(?P<vague>later|earlier this (?:week|month|year)|at the same time)"
    r")\b"
)


@dataclass(frozen=True)
class DateMention:
    """A date expression as written, and what it resolves to (None when it needs an anchor we lack)."""

    text: str
    start: int
    end: int
    date: PartialDate | None


def _latest_weekday(weekday: int, published: dt.date) -> dt.date:
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _span(first: dt.date, last: dt.date) -> PartialDate | None:
    """The finest partial date holding every day from ``first`` to ``last``."""
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return PartialDate(first.year) if first.year == last.year else None


def _last_week(published: dt.date) -> PartialDate | None:
    """ "Last week": the Monday-to-Sunday week before publication's, as finely as one partial date holds it."""
    monday = published - dt.timedelta(days=published.weekday() + 7)
    return _span(monday, monday + dt.timedelta(days=6))


def _this_week(published: dt.date) -> PartialDate | None:
    return _span(published - dt.timedelta(days=published.weekday()), published)


def _counted_back(count: int, unit: str, published: dt.date | None) -> PartialDate | None:
    """ "Three days ago" / "قبل ثلاثة أيام": a day for days and weeks, a month or a year for longer units."""
    if published is None or count <= 0:
        return None
    if unit.startswith(("day", "يوم", "ايام")):
        return PartialDate.parse((published - dt.timedelta(days=count)).isoformat())
    if unit.startswith(("week", "اسبوع", "اسابيع")):
        return PartialDate.parse((published - dt.timedelta(weeks=count)).isoformat())
    if unit.startswith(("month", "شهر", "اشهر")):
        month = published.month - count
        year = published.year + (month - 1) // 12
        return PartialDate(year, (month - 1) % 12 + 1)
    if unit.startswith(("year", "عام", "اعوام", "سنه", "سنوات", "سنت")):
        return PartialDate(published.year - count)
    return None


def _latest_day(
    month: int, day: int, published: dt.date, *, strictly_before_month: bool = False
) -> PartialDate | None:
    for year in (published.year, published.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate <= published and not (
            strictly_before_month and (year, month) == (published.year, published.month)
        ):
            return PartialDate(year, month, day)
    return None


def _latest_month(month: int, published: dt.date, *, strictly_before: bool) -> PartialDate:
    year = published.year
    if month > published.month or (strictly_before and month == published.month):
        year -= 1
    return PartialDate(year, month)


def _day(
    year: int | None, month: int, day: int, published: dt.date | None, last: bool = False
) -> PartialDate | None:
    if year is not None:
        try:
            return PartialDate.parse(f"{year:04d}-{month:02d}-{day:02d}")
        except ValueError:
            return None
    if published is None:
        return None
    return _latest_day(month, day, published, strictly_before_month=last)


def _int(text: str | None) -> int | None:
    return int(text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))) if text else None


def _ar_month(text: str) -> int:
    folded = fold_arabic(re.sub(r"\s+", " ", text))
    return _FOLDED_AR_MONTHS[folded]


def _resolve_arabic(m: re.Match[str], published: dt.date | None) -> PartialDate | None:
    g = m.groupdict()
    if g["weekday"]:
        if g["wd_day"] and g["wd_month"]:
            return _day(_int(g["wd_year"]), _ar_month(g["wd_month"]), int(_int(g["wd_day"]) or 0), published)
        wd = _FOLDED_AR_WEEKDAYS[fold_arabic(g["weekday"])]
        return PartialDate.parse(_latest_weekday(wd, published).isoformat()) if published else None
    if g["day"]:
        return _day(
            _int(g["year"]), _ar_month(g["month"]), int(_int(g["day"]) or 0), published, bool(g["d_last"])
        )
    if g["m_month"]:
        return PartialDate(int(_int(g["m_year"]) or 0), _ar_month(g["m_month"]))
    if g["l_month"]:
        return _latest_month(_ar_month(g["l_month"]), published, strictly_before=True) if published else None
    if g["ml_unit"] and published:
        unit = fold_arabic(g["ml_unit"])
        if unit == "الشهر":
            first = published.replace(day=1) - dt.timedelta(days=1)
            return PartialDate(first.year, first.month)
        if unit in ("العام", "السنه"):
            return PartialDate(published.year - 1)
        return _last_week(published)
    if g["back"]:
        if g["back_dual"]:
            return _counted_back(2, fold_arabic(g["back_dual"]), published)
        return _counted_back(parse_number(g["back_n"]) or 0, fold_arabic(g["back_unit"]), published)
    if g["ago"] and published:
        days = 2 if fold_arabic(g["ago"]).startswith("اول") else 1
        return PartialDate.parse((published - dt.timedelta(days=days)).isoformat())
    if g["year_only"]:
        return PartialDate(
            int(
                _int(re.sub(r"\D", "", g["year_only"].translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))))
                or 0
            )
        )
    if g["numeric"]:
        day, month, year = (int(_int(p) or 0) for p in g["numeric"].split("/"))
        return _day(year, month, day, published)
    return None


def _resolve_english(m: re.Match[str], published: dt.date | None) -> PartialDate | None:
    g = m.groupdict()
    if g["weekday"]:
        if g["wd_month"] and g["wd_day"]:
            return _day(_int(g["wd_year"]), _EN_MONTHS[g["wd_month"].lower()], int(g["wd_day"]), published)
        wd = _EN_WEEKDAYS[g["weekday"].lower()]
        return PartialDate.parse(_latest_weekday(wd, published).isoformat()) if published else None
    if g["month"]:
        return _day(_int(g["year"]), _EN_MONTHS[g["month"].lower()], int(g["day"]), published)
    if g["month2"]:
        return _day(_int(g["year2"]), _EN_MONTHS[g["month2"].lower()], int(g["day2"]), published)
    if g["m_month"]:
        return PartialDate(int(g["m_year"]), _EN_MONTHS[g["m_month"].lower()])
    if g["l_month"] and published:
        what = g["l_month"].lower()
        last = g["l_last"] == "last"
        if what in _EN_MONTHS:
            return _latest_month(_EN_MONTHS[what], published, strictly_before=last)
        if what == "month":
            first = published.replace(day=1) - dt.timedelta(days=1) if last else published
            return PartialDate(first.year, first.month)
        if what == "year":
            return PartialDate(published.year - (1 if last else 0))
        return _last_week(published) if last else _this_week(published)
    if g["back"]:
        count = 1 if g["back_n"].lower() in ("a", "an") else (parse_number(g["back_n"]) or 0)
        return _counted_back(count, g["back_unit"].lower(), published)
    if g["ago"] and published:
        days = 2 if "before" in g["ago"] else 1
        return PartialDate.parse((published - dt.timedelta(days=days)).isoformat())
    if g["today"] and published:
        return PartialDate.parse(published.isoformat())
    return None


def find_dates(
    body: str, *, lang: str, published: dt.date | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Date expressions in body[start:end], resolved where the publication date anchors them."""
    end = len(body) if end is None else end
    found: list[DateMention] = []
    if lang == "ar":
        for m in _AR_DATE.finditer(body, start, end):
            found.append(DateMention(m.group(), m.start(), m.end(), _resolve_arabic(m, published)))
        # A bare اليوم means "today" only where no weekday follows (that case is matched above).
        taken = [(d.start, d.end) for d in found]
        for m in _AR_TODAY.finditer(body, start, end):
            if not any(s <= m.start() < e for s, e in taken):
                date = PartialDate.parse(published.isoformat()) if published else None
                found.append(DateMention(m.group(), m.start(), m.end(), date))
    else:
        for m in _EN_DATE.finditer(body, start, end):
            found.append(DateMention(m.group(), m.start(), m.end(), _resolve_english(m, published)))
    found.sort(key=lambda d: d.start)
    return found


def merge_adjacent(body: str, mentions: list[DateMention]) -> list[DateMention]:
    """Join expressions that restate each other ("19 فبراير الماضي، أي قبل الحرب بخمسة أيام") into one."""
    merged: list[DateMention] = []
    for mention in mentions:
        if merged:
            gap = body[merged[-1].end : mention.start]
            if len(gap) <= 3 and re.fullmatch(r"[\s،,]*", gap):
                last = merged[-1]
                merged[-1] = DateMention(
                    body[last.start : mention.end], last.start, mention.end, last.date or mention.date
                )
                continue
        merged.append(mention)
    return merged
