"""Rule-based extraction: pure functions from an article body to candidate facts, no database inside.

`extract` finds attributed statements (speaker, role, quote with offsets, cue, date), force figures,
founding years, member lists and dated events, in Arabic first and English second. Every offset points
into the body exactly as given: ``body[quote_start:quote_end] == quote``.
"""

from __future__ import annotations

import datetime as dt

from csto_kb.extraction.dates import find_dates
from csto_kb.extraction.facts import find_events, find_foundings, find_memberships
from csto_kb.extraction.gazetteer import Gazetteer
from csto_kb.extraction.numbers import find_force_figures
from csto_kb.extraction.quotes import QuoteIndex, find_quotes
from csto_kb.extraction.statements import extract_statements
from csto_kb.schemas.extraction import Extraction, ForceFigureCandidate

EXTRACTOR_VERSION = "rules-2"

__all__ = ["EXTRACTOR_VERSION", "Gazetteer", "extract"]


def _organisation_near(body: str, start: int, gazetteer: Gazetteer | None) -> str | None:
    """The organisation a force figure belongs to: the last alliance named shortly before it."""
    window = body[max(0, start - 300) : start]
    for word in ("المنظمة", "منظمة معاهدة الأمن الجماعي", "CSTO", "NATO", "الناتو", "الحلف", "alliance"):
        if word in window:
            found = word
            break
    else:
        return None
    if gazetteer is not None:
        entity = gazetteer.lookup(found)
        if entity is not None:
            return entity.name
    return found


def extract(
    body: str, *, lang: str, published: dt.date | None = None, gazetteer: Gazetteer | None = None
) -> Extraction:
    """Candidate facts of one article body (the text after any front matter)."""
    lang = lang.strip().lower()
    quotes = QuoteIndex(find_quotes(body))
    dates = find_dates(body, lang=lang, published=published)
    statements = extract_statements(
        body, lang=lang, published=published, gazetteer=gazetteer, quotes=quotes, dates=dates
    )
    forces = [
        ForceFigureCandidate(
            text=body[f.start : f.end],
            start=f.start,
            end=f.end,
            confidence=0.7,
            organisation=_organisation_near(body, f.start, gazetteer),
            count=f.count,
            approximate=f.approximate,
            unit=f.unit,
            readiness=f.readiness,
        )
        for f in find_force_figures(body, lang=lang)
    ]
    return Extraction(
        extractor_version=EXTRACTOR_VERSION,
        lang=lang,
        published=published.isoformat() if published else None,
        statements=statements,
        force_levels=forces,
        foundings=find_foundings(body, lang=lang),
        memberships=find_memberships(body, lang=lang),
        events=find_events(body, lang=lang, quotes=quotes, dates=dates),
    )
