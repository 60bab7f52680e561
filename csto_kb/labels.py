"""How a stored fact is labelled for people: a source's short citation, a partial date's precision.

Shared by the models and by the read path that works on plain rows, so both label alike.
"""

from __future__ import annotations

_PRECISION = {4: "year", 7: "month", 10: "day"}


def date_precision(partial_date: str | None) -> str | None:
    """``year``, ``month`` or ``day`` for a stored ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    return _PRECISION.get(len(partial_date)) if partial_date else None


def said_on_label(said_on: str | None, basis: str) -> str:
    """A statement's date for people: ``2022-04-13``; ``not after 2022-04-15`` when only its source's
    publication bounds it; ``undated``."""
    if said_on is None:
        return "undated"
    return f"not after {said_on}" if basis == "not_after" else said_on


def source_label(
    source_id: int,
    *,
    publisher: str | None,
    title: str | None,
    published_on: str | None,
    published_basis: str,
) -> str:
    """A short citation: publisher, title and date (marked when the date is inferred)."""
    parts = [publisher, f"“{title}”" if title else None]
    if published_on:
        parts.append(published_on + (" (inferred)" if published_basis == "inferred" else ""))
    return ", ".join(p for p in parts if p) or f"source {source_id}"
