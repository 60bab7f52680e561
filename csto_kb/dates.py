"""Partial dates: a year, a month or a day, kept at the precision the source gives.

A partial date is stored as its ISO prefix (``2002``, ``2021-05``, ``2022-04-13``). That text sorts in date
order, shows its precision by its length, and reads the same in the database, in exports and on screen.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Literal

Precision = Literal["year", "month", "day"]

_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EXPECTED_FORM = "YYYY, YYYY-MM or YYYY-MM-DD"


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; ordered like its ISO text (``2022`` < ``2022-04``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError naming the expected form otherwise."""
        match = _FORM.match(text.strip())
        if not match:
            raise ValueError(f"expected {EXPECTED_FORM}, got {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is out of range in {text!r} (expected {EXPECTED_FORM})")
        if day is not None:
            assert month is not None
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(
                    f"{text!r} is not a day of the calendar (expected {EXPECTED_FORM})"
                ) from None
        if year < 1:
            raise ValueError(f"year must be positive in {text!r} (expected {EXPECTED_FORM})")
        return cls(year, month, day)

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def coarser(self) -> list[PartialDate]:
        """The partial dates that contain this one, coarsest first (``2022``, ``2022-04`` for ``2022-04-13``)."""
        out = []
        if self.month is not None:
            out.append(PartialDate(self.year))
        if self.day is not None:
            out.append(PartialDate(self.year, self.month))
        return out

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def upper_bound(text: str) -> str:
    """A string greater than every stored partial date that starts with ``text`` (for ``<`` comparisons)."""
    # '~' sorts after digits and '-', so "2022-12~" is above "2022-12" and "2022-12-31" but below "2023".
    return text + "~"
