"""Cutting a source's text into pieces at the edges of the spans that support claims, so that each piece
inside a span can be marked and linked, overlapping spans included."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from urllib.parse import quote

from csto_kb.schemas.browse import SupportedSpan

CLAIM_PAGES = {"statement": "/statements/{id}"}


@dataclass(frozen=True)
class Piece:
    """Consecutive characters of the text covered by the same spans (none: plain text)."""

    text: str
    spans: tuple[SupportedSpan, ...]
    first_of: tuple[int, ...]
    """The evidence ids whose span begins with this piece (the anchor a citation links to)."""

    @property
    def evidence_ids(self) -> str:
        return " ".join(str(s.evidence_id) for s in self.spans)

    @property
    def href(self) -> str | None:
        """The page of the innermost claim shown here: a statement's own page, else the page of the entity
        the fact is about."""
        for span in sorted(self.spans, key=lambda s: s.span_end - s.span_start):
            page = CLAIM_PAGES.get(span.claim_table)
            if page:
                return page.format(id=span.claim_id)
            if span.entity_key:
                return f"/entities/{quote(span.entity_key)}"
        return None

    @property
    def title(self) -> str:
        return "; ".join(s.label for s in self.spans)


def highlighted(body: str, spans: list[SupportedSpan]) -> list[Piece]:
    """``body`` as pieces; the pieces joined give ``body`` back exactly."""
    inside = [s for s in spans if 0 <= s.span_start < s.span_end <= len(body)]
    edges = sorted({0, len(body), *(s.span_start for s in inside), *(s.span_end for s in inside)})
    pieces = []
    for start, end in itertools.pairwise(edges):
        covering = tuple(s for s in inside if s.span_start <= start and end <= s.span_end)
        first = tuple(s.evidence_id for s in covering if s.span_start == start)
        pieces.append(Piece(body[start:end], covering, first))
    return pieces
