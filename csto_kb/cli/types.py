"""Parameter types shared by every command: record ids, counts and character offsets have one range."""

from __future__ import annotations

# Typer ships its own copy of Click; its parameter types live there.
from typer._click.types import IntRange

MAX_INTEGER = 2**63 - 1
"""The largest value a BIGINT column (PostgreSQL) or an INTEGER (SQLite) holds; larger ones overflow the
drivers, so they are refused as bad input before any query."""

RECORD_ID = IntRange(1, MAX_INTEGER)
"""An id of a statement, source, candidate or any other record; also a count or a limit."""

OFFSET = IntRange(0, MAX_INTEGER)
"""A character offset into a source's text."""
