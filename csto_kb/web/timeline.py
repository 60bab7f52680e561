"""Membership episodes laid out on a time axis, as bars positioned in percent of the axis (CSS only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from csto_kb.schemas.facts import MembershipOut


@dataclass(frozen=True)
class Bar:
    episode: MembershipOut
    left: float
    width: float
    label: str


@dataclass(frozen=True)
class Row:
    key: str
    name: str
    name_ar: str | None
    bars: list[Bar]


@dataclass(frozen=True)
class Axis:
    start: int
    end: int
    rows: list[Row]
    ticks: list[tuple[int, float]]


def _year(value: str | None, default: int) -> int:
    return int(value[:4]) if value else default


def timeline(
    episodes: list[MembershipOut], *, by: str = "alliance", today: dt.date | None = None
) -> Axis | None:
    """One row per alliance (``by="alliance"``) or per member, one bar per episode; None without episodes."""
    if not episodes:
        return None
    this_year = (today or dt.date.today()).year
    start = min(_year(e.valid_from, this_year) for e in episodes)
    end = max(max(_year(e.valid_to, this_year) for e in episodes), this_year) + 1
    span = max(end - start, 1)
    rows: dict[int, Row] = {}
    for episode in episodes:
        who = episode.alliance if by == "alliance" else episode.member
        row = rows.setdefault(who.id, Row(who.key, who.name_en or who.key, who.name_ar, []))
        first = _year(episode.valid_from, start)
        last = _year(episode.valid_to, end - 1)
        left = 100 * (first - start) / span
        width = max(100 * (last + 1 - first) / span, 1.5)
        until = episode.valid_to or "now"
        label = f"{episode.status}, {episode.valid_from or '?'} – {until}"
        row.bars.append(Bar(episode, round(left, 2), round(min(width, 100 - left), 2), label))
    step = max(1, span // 6)
    ticks = [(year, round(100 * (year - start) / span, 2)) for year in range(start, end, step)]
    return Axis(start, end, list(rows.values()), ticks)
