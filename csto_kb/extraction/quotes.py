"""Quotation spans: which parts of the body sit inside quotation marks.

Marks are paired within a paragraph, never across one: news excerpts break off mid-quote, and a stray mark
must not swallow the rest of the article. Typographic quotes are often mistyped (“…“), so inside a “ quote
either curly double mark closes it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPENERS = {"“": "”“", "«": "»", '"': '"'}
QUOTE_CHARS = frozenset('“”«»"')


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``open`` is the opening mark's offset, ``close`` the closing mark's (or the paragraph end)."""

    open: int
    close: int
    closed: bool

    @property
    def inner_start(self) -> int:
        return self.open + 1

    @property
    def inner_end(self) -> int:
        return self.close

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark."""
        return self.close + 1 if self.closed else self.close


_MARKS_AND_BREAKS = re.compile(r"[“”«»\"\n]")


def find_quotes(body: str) -> list[QuoteSpan]:
    """All quotation spans of the body, in order; one regex pass over the marks and line breaks only."""
    spans: list[QuoteSpan] = []
    opened_at = -1
    closers = ""
    depth = 0
    for match in _MARKS_AND_BREAKS.finditer(body):
        index, char = match.start(), match.group()
        if char == "\n":
            if opened_at >= 0:
                spans.append(QuoteSpan(opened_at, index, closed=False))
                opened_at = -1
            continue
        if opened_at < 0:
            if char in OPENERS:
                opened_at, closers, depth = index, OPENERS[char], 0
            continue
        if char == "«" and closers == "»":
            depth += 1  # guillemets nest properly in careful text
        elif char in closers:
            if depth:
                depth -= 1
                continue
            spans.append(QuoteSpan(opened_at, index, closed=True))
            opened_at = -1
    if opened_at >= 0:
        spans.append(QuoteSpan(opened_at, len(body), closed=False))
    return spans


class QuoteIndex:
    """Fast 'is this offset inside a quotation?' over sorted spans."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = spans
        self._opens = [s.open for s in spans]

    def containing(self, position: int) -> QuoteSpan | None:
        """The quotation whose marks enclose ``position`` (marks included), if any."""
        i = bisect.bisect_right(self._opens, position) - 1
        if i >= 0 and position <= self.spans[i].close:
            return self.spans[i]
        return None

    def starting_at(self, position: int) -> QuoteSpan | None:
        i = bisect.bisect_left(self._opens, position)
        if i < len(self._opens) and self._opens[i] == position:
            return self.spans[i]
        return None

    def ending_at(self, position: int) -> QuoteSpan | None:
        """The closed quotation whose closing mark sits at ``position``."""
        i = bisect.bisect_right(self._opens, position) - 1
        if i >= 0 and self.spans[i].closed and self.spans[i].close == position:
            return self.spans[i]
        return None

    def opening_in(self, start: int, end: int) -> list[QuoteSpan]:
        """Quotations whose opening mark lies in [start, end)."""
        return self.spans[bisect.bisect_left(self._opens, start) : bisect.bisect_left(self._opens, end)]

    def last_before(self, position: int) -> QuoteSpan | None:
        """The last quotation opening before ``position``."""
        i = bisect.bisect_left(self._opens, position) - 1
        return self.spans[i] if i >= 0 else None

    def first_after(self, position: int) -> QuoteSpan | None:
        i = bisect.bisect_left(self._opens, position)
        return self.spans[i] if i < len(self.spans) else None
