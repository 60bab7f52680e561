"""Facts stated plainly besides speech: founding years, member lists, and dated events.

Only the plainest forms are read ("تأسست X في 2002", "founded in 2002"; "يضم … 6 دول أعضاء، هي A وB";
"… members: A, B and C"; a clause naming a meeting, summit, war or invasion with a resolvable date): these
are candidates for review, so a missed fact costs less than a wrong one.
"""

from __future__ import annotations

import re

from csto_kb.extraction.dates import DateMention
from csto_kb.extraction.numbers import ARABIC_NUMBER, ENGLISH_NUMBER, parse_number
from csto_kb.extraction.quotes import QuoteIndex
from csto_kb.extraction.script import AFTER_WORD, BEFORE_WORD, alternation, trim_span
from csto_kb.schemas.extraction import EventCandidate, FoundingCandidate, MembershipCandidate

_YEAR = r"(?P<year>(?:19|20)[0-9]{2}|[١٢][٠-٩]{3})"
_FOUNDED_AR = re.compile(
    rf"{BEFORE_WORD}[و]?(?:{alternation(['تأسست', 'تأسس', 'أسست', 'أنشئت', 'أُنشئت', 'أُسست', 'تشكلت'], arabic=True)})"
    rf"\s+(?P<org>[^،,.\n]{{2,80}}?)\s+(?:في|عام|سنة|في عام|في سنة)\s+(?:عام\s+)?{_YEAR}{AFTER_WORD}"
)
_FOUNDED_EN = re.compile(
    r"(?P<org>(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,6}(?:\([A-Z]+\)\s+)?)(?:,\s+)?(?:which\s+)?(?:was\s+|were\s+)?"
    rf"(?:founded|established|created|formed|set up)\s+in\s+{_YEAR}\b"
)
_MEMBERS_AR = re.compile(
    rf"{BEFORE_WORD}[و]?(?:{alternation(['يضم', 'تضم', 'تتكون من', 'يتكون من', 'تتألف من', 'يتألف من', 'تشمل', 'يشمل'], arabic=True)})"
    rf"\s+(?P<subject>[^،,.\n]{{0,60}}?)\s*(?P<count>{ARABIC_NUMBER})\s+(?:دول|دولة|بلدان)(?:\s+(?:أعضاء|عضوا|عضو))?"
    rf"\s*[،,:]?\s*(?:(?:و)?(?:هي|هم)\s+|:\s*)(?P<list>[^.\n]+)"
)
_MEMBERS_EN = re.compile(
    rf"(?P<count>{ENGLISH_NUMBER})?\s*(?:member\s+(?:states|countries)|members)\s*(?:are|:|—|,\s+namely|include|including)\s+(?P<list>[^.\n]+)"
)
_ALLIANCE_AR = re.compile(r"(?:منظمة|حلف|تحالف)\s+[^،,.\n]{2,40}?(?=\s+(?:في|،|,|\.|$)|[،,.])")
_ALLIANCE_EN = re.compile(
    r"\b(?:the\s+)?(?:[A-Z][\w-]*\s+){1,5}(?:Organization|Organisation|Alliance|Treaty)\b(?:\s+\([A-Z]+\))?|\b(?:CSTO|NATO)\b"
)
_EVENT_WORDS_AR = re.compile(
    rf"{BEFORE_WORD}[وف]?(?:ال)?(?:{alternation(['عقدت', 'عقد', 'اجتماع', 'جلسة', 'قمة', 'غزو', 'هجوم', 'حرب', 'تدخل', 'انعقاد', 'زيارة', 'اشتباكات', 'مناورات'], arabic=True)}){AFTER_WORD}"
)
_EVENT_WORDS_EN = re.compile(
    r"\b(?:held|summit|meeting|invaded|invasion|war|clashes|attack|ceasefire|visit|exercises|deployed)\b"
)


def _list_items(text: str, lang: str) -> list[str]:
    separators = r"\s*[،,]\s*|\s+و(?=\S)" if lang == "ar" else r"\s*,\s*(?:and\s+)?|\s+and\s+"
    items = [i.strip(" .") for i in re.split(separators, text) if i.strip(" .")]
    return [i for i in items if 0 < len(i.split()) <= 3]


def find_foundings(body: str, *, lang: str) -> list[FoundingCandidate]:
    pattern = _FOUNDED_AR if lang == "ar" else _FOUNDED_EN
    out: list[FoundingCandidate] = []
    for m in pattern.finditer(body):
        org = m.group("org").strip(" ,")
        year = parse_number(m.group("year"))
        if not org or year is None:
            continue
        start, end = trim_span(body, m.start(), m.end())
        out.append(
            FoundingCandidate(
                text=body[start:end], start=start, end=end, confidence=0.8, organisation=org, year=year
            )
        )
    return out


def find_memberships(body: str, *, lang: str) -> list[MembershipCandidate]:
    pattern = _MEMBERS_AR if lang == "ar" else _MEMBERS_EN
    alliance_re = _ALLIANCE_AR if lang == "ar" else _ALLIANCE_EN
    out: list[MembershipCandidate] = []
    for m in pattern.finditer(body):
        members = _list_items(m.group("list"), lang)
        count_text = m.groupdict().get("count")
        count = parse_number(count_text) if count_text else None
        if count is not None:
            members = members[:count]
        if len(members) < 2:
            continue
        # The list's end: the last member as written.
        last = members[-1]
        end = body.find(last, m.start("list")) + len(last)
        start = m.start()
        # The alliance is the last one named before the list (the subject is often "هذا التحالف").
        named = list(alliance_re.finditer(body, max(0, start - 400), start))
        alliance = named[-1].group().strip() if named else (m.groupdict().get("subject") or "").strip()
        if not alliance:
            continue
        s, e = trim_span(body, start, end)
        out.append(MembershipCandidate(text=body[s:e], start=s, end=e, confidence=0.7, alliance=alliance,
                                       members=members, stated_count=count))  # fmt: skip
    return out


def find_events(
    body: str, *, lang: str, quotes: QuoteIndex, dates: list[DateMention]
) -> list[EventCandidate]:
    """Clauses that name an event and give it one of the (resolved) date expressions found in the body."""
    words = _EVENT_WORDS_AR if lang == "ar" else _EVENT_WORDS_EN
    out: list[EventCandidate] = []
    for date in dates:
        if date.date is None or quotes.containing(date.start) is not None:
            continue
        clause_start = max(body.rfind(c, 0, date.start) for c in ".\n؛;") + 1
        clause_end_candidates = [i for i in (body.find(c, date.end) for c in ".\n؛;") if i >= 0]
        clause_end = min(clause_end_candidates) if clause_end_candidates else len(body)
        # The event word must be in the same clause, close to the date.
        window_start = max(clause_start, date.start - 120)
        hit = words.search(body, window_start, min(clause_end, date.end + 60))
        if hit is None:
            continue
        start, end = trim_span(body, min(hit.start(), date.start), max(hit.end(), date.end))
        description = body[start:end]
        out.append(EventCandidate(text=description, start=start, end=end, confidence=0.5, description=description,
                                  date_text=date.text, starts_on=str(date.date)))  # fmt: skip
    return out
