"""The timeline axis chooses months, quarters or years for the span it covers, and labels never overlap."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from csto_kb.exporters.ticks import Tick, choose_ticks

CHAR = 6.9


def _apart(ticks: list[Tick], left: float, right: float) -> bool:
    """Labels centred on their ticks: inside the axis and with a gap between neighbours."""
    half = [len(t.label) * CHAR / 2 for t in ticks]
    inside = all(left <= t.x - h and t.x + h <= right for t, h in zip(ticks, half, strict=True))
    return inside and all(
        b.x - a.x >= ha + hb for (a, ha), (b, hb) in pairwise(zip(ticks, half, strict=True))
    )


@pytest.mark.parametrize(
    ("first", "last", "width", "labels"),
    [
        (dt.date(2022, 1, 10), dt.date(2022, 3, 20), 680, ["2022-02", "2022-03"]),
        (
            dt.date(2021, 1, 10),
            dt.date(2022, 7, 10),
            680,
            ["2021 Q2", "2021 Q3", "2021 Q4", "2022 Q1", "2022 Q2"],
        ),
        (dt.date(2021, 1, 10), dt.date(2022, 7, 10), 300, ["2021 H2", "2022 H1"]),
        (dt.date(2013, 5, 1), dt.date(2023, 5, 1), 680, [str(y) for y in range(2014, 2024)]),
        (dt.date(2013, 5, 1), dt.date(2023, 5, 1), 300, ["2014", "2016", "2018", "2020", "2022"]),
        (dt.date(1992, 5, 15), dt.date(2024, 1, 1), 300, ["1995", "2000", "2005", "2010", "2015", "2020"]),
    ],
)
def test_ticks_follow_the_span_and_the_width(
    first: dt.date, last: dt.date, width: float, labels: list[str]
) -> None:
    ticks = choose_ticks(first, last, 0, width, CHAR)
    assert [t.label for t in ticks] == labels
    assert _apart(ticks, 0, width)
    assert [t.x for t in ticks] == sorted(t.x for t in ticks)


@pytest.mark.parametrize("years", [1, 3, 7, 25, 80, 300])
@pytest.mark.parametrize("width", [120, 300, 680, 2000])
def test_labels_never_overlap_whatever_the_span_and_width(years: int, width: float) -> None:
    first = dt.date(1900, 3, 7)
    ticks = choose_ticks(first, first + dt.timedelta(days=365 * years), 0, width, CHAR)
    assert _apart(ticks, 0, width)


def test_a_few_days_inside_one_month_get_that_month() -> None:
    ticks = choose_ticks(dt.date(2022, 4, 2), dt.date(2022, 4, 20), 0, 600, CHAR)
    assert [t.label for t in ticks] == ["2022-04"]
    assert choose_ticks(dt.date(2022, 4, 2), dt.date(2022, 4, 2), 0, 600, CHAR) == []
