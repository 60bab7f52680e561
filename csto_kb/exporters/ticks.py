"""Choosing the date ticks of a timeline axis for the span it covers, so that their labels never overlap.

A pure function of the span, the axis's width and the width of a label's character: it tries months,
quarters, half-years, then years in steps of 1, 2, 5, 10, 20, 50 and 100, and takes the finest step whose
labels, centred on their ticks, keep a gap between them and stay inside the axis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

GAP = 10.0
"""The least room between two neighbouring labels, in the axis's units."""


@dataclass(frozen=True)
class Tick:
    """A labelled day on the axis, at ``x``."""

    day: dt.date
    label: str
    x: float


def _month_label(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def _quarter_label(day: dt.date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def _half_label(day: dt.date) -> str:
    return f"{day.year} H{(day.month - 1) // 6 + 1}"


def _year_label(day: dt.date) -> str:
    return str(day.year)


# (step in months, label of a tick); the year steps keep ticks on years divisible by the step.
STEPS = (
    (1, _month_label),
    (3, _quarter_label),
    (6, _half_label),
    (12, _year_label),
    (24, _year_label),
    (60, _year_label),
    (120, _year_label),
    (240, _year_label),
    (600, _year_label),
    (1200, _year_label),
)


def _starts(first: dt.date, last: dt.date, months: int) -> Iterator[dt.date]:
    """First days of months on the step's grid (months since year 0 divisible by the step), within the span."""
    index = first.year * 12 + first.month - 1
    index += -index % months
    while True:
        day = dt.date(index // 12, index % 12 + 1, 1)
        if day > last:
            return
        if day >= first:
            yield day
        index += months


def choose_ticks(
    first: dt.date, last: dt.date, left: float, right: float, char_width: float, gap: float = GAP
) -> list[Tick]:
    """Ticks for the days ``first``…``last`` drawn from ``left`` to ``right``; labels never overlap.

    ``char_width`` is a generous average advance of one label character. The finest step whose labels fit
    wins. A span holding no step's tick (a few days inside one month) gets its month as one tick in the
    middle, if that fits.
    """
    if last <= first or right <= left:
        return []
    days = (last - first).days

    def x(day: dt.date) -> float:
        return round(left + (day - first).days / days * (right - left), 1)

    def half(tick: Tick) -> float:
        return len(tick.label) * char_width / 2

    for months, label in STEPS:
        ticks = [Tick(day, label(day), x(day)) for day in _starts(first, last, months)]
        inside = [t for t in ticks if t.x - half(t) >= left and t.x + half(t) <= right]
        if not inside:
            continue
        if all(b.x - a.x >= half(a) + half(b) + gap for a, b in pairwise(inside)):
            return inside
    middle = first + (last - first) / 2
    only = Tick(middle, _month_label(middle), x(middle))
    return [only] if only.x - half(only) >= left and only.x + half(only) <= right else []
