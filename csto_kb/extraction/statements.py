"""Attributed statements: for each cue, who speaks and what they say, with exact offsets into the body.

A thin driver over one module per language (`statements_ar`, `statements_en`), each a subclass of the
shared attribution core (`attribution`). A new language is a new module registered in `PROCEDURES`.
"""

from __future__ import annotations

import datetime as dt

from csto_kb.extraction.attribution import AttributionCore
from csto_kb.extraction.dates import DateMention
from csto_kb.extraction.gazetteer import Gazetteer
from csto_kb.extraction.quotes import QuoteIndex
from csto_kb.extraction.statements_ar import ArabicStatements
from csto_kb.extraction.statements_en import EnglishStatements
from csto_kb.schemas.extraction import StatementCandidate

PROCEDURES: dict[str, type[AttributionCore]] = {"ar": ArabicStatements, "en": EnglishStatements}
_FALLBACK = "en"


def extract_statements(
    body: str,
    *,
    lang: str,
    published: dt.date | None,
    gazetteer: Gazetteer | None,
    quotes: QuoteIndex | None = None,
    dates: list[DateMention] | None = None,
) -> list[StatementCandidate]:
    """Attributed statements of an article body (quotation spans and dates may be passed in if already found)."""
    procedure = PROCEDURES.get(lang, PROCEDURES[_FALLBACK])
    return procedure(body, published, gazetteer, quotes, dates).run()
