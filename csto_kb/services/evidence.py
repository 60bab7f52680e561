"""Checking that a fact's span matches the stored text of its source."""

from __future__ import annotations

from csto_kb.errors import InvalidInput
from csto_kb.model import Source


def check_span(source: Source, start: int, end: int, text: str, *, field: str) -> None:
    """Refuse a span whose characters in the source's stored text are not exactly ``text``."""
    if source.body is None:
        raise InvalidInput(f"{field}: source {source.id} has no stored text to check the span against")
    if end > len(source.body):
        raise InvalidInput(
            f"{field}: span {start}-{end} ends past the source's {len(source.body)} characters"
        )
    found = source.body[start:end]
    if found != text:
        raise InvalidInput(
            f"{field}: span {start}-{end} of source {source.id} reads {found[:60]!r}, not {text[:60]!r}"
        )


def locate(source: Source, text: str, *, field: str) -> tuple[int, int] | None:
    """The span of ``text`` in the source's stored text, or None when the source stores no text.

    Refuses a text that is not there, or that occurs more than once (then the caller must give the span).
    """
    if source.body is None:
        return None
    start = source.body.find(text)
    if start < 0:
        raise InvalidInput(
            f"{field}: not found in the stored text of source {source.id}; it must be quoted exactly as written"
        )
    if source.body.find(text, start + 1) >= 0:
        raise InvalidInput(
            f"{field}: occurs more than once in source {source.id}; give the span's start and end"
        )
    return start, start + len(text)
