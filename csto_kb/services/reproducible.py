"""The fixed time of a reproducible build (``SOURCE_DATE_EPOCH``), and a fact sheet stamped with it.

Apart from the exports' other use cases, so that a command reading through the driver alone stamps its
sheet without importing SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from csto_kb.errors import InvalidInput

if TYPE_CHECKING:
    from csto_kb.schemas.factsheet import FactSheet


def clock_from_environment(environ: dict[str, str] | None = None) -> dt.datetime | None:
    """The fixed time of a reproducible build, from ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC).

    The convention of reproducible-builds.org: with it set, exported files are byte-for-byte the same on
    every run, which golden-file tests and the published docs rely on.
    """
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return None
    try:
        seconds = int(value)
    except ValueError:
        raise InvalidInput(f"SOURCE_DATE_EPOCH: expected whole seconds since 1970, got {value!r}") from None
    return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)


def with_clock(sheet: FactSheet, at: dt.datetime | None) -> FactSheet:
    """The sheet stamped as generated at ``at`` (unchanged when ``at`` is None)."""
    return sheet if at is None else sheet.model_copy(update={"generated_at": at})
