"""Answering a read from a SQLite file with the standard library's sqlite3 alone, when nothing else is due.

The full path (SQLAlchemy engine, migrations, seeding) is what a command needs the first time, or after an
upgrade of csto-kb; afterwards, a read needs none of it. This module opens the file directly when it is a
plain SQLite file, already at the newest schema revision and holding data, and otherwise returns None so
the caller takes the full path, which creates, upgrades or seeds the database, or explains what is wrong.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from itertools import chain
from typing import TypeVar

from csto_kb.db.constants import HEAD_REVISION, SQLITE_BUSY_TIMEOUT_MS
from csto_kb.sql.run import Row, StatementFilter, find_entity_ids, statement_rows

T = TypeVar("T")


class Fallback(Exception):
    """The direct path cannot answer (say, a name matching no entity or several): take the full one, whose
    messages explain the problem."""


def sqlite_path(url: str) -> str | None:
    """The file of a plain ``sqlite:///PATH`` URL; None for anything else (memory, URI options, escapes)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix) :]
    if not path or path == ":memory:" or path.startswith("file:") or any(c in path for c in "?%#"):
        return None
    return path


def open_ready(url: str) -> sqlite3.Connection | None:
    """A connection to the knowledge base at ``url`` if it is ready to read as it is, else None."""
    path = sqlite_path(url)
    if path is None or not os.path.isfile(path):
        return None
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA query_only=1")  # this path only reads; let SQLite hold it to that
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            raise Fallback
        if connection.execute("SELECT 1 FROM entity LIMIT 1").fetchone() is None:
            raise Fallback  # empty: the full path seeds it
    except (sqlite3.Error, Fallback):
        connection.close()
        return None
    return connection


def read(url: str, work: Callable[[sqlite3.Connection], T]) -> T | None:
    """``work``'s result from one read transaction (one consistent snapshot), or None to take the full path."""
    connection = open_ready(url)
    if connection is None:
        return None
    try:
        connection.execute("BEGIN")
        try:
            return work(connection)
        finally:
            connection.execute("COMMIT")
    except Fallback:
        return None
    finally:
        connection.close()


def _resolve(connection: sqlite3.Connection) -> Callable[[str, str], int]:
    def resolve(name: str, field: str) -> int:
        found = find_entity_ids(connection, "sqlite", name)
        if len(found) != 1:
            raise Fallback
        return found[0]

    return resolve


def who_said(url: str, f: StatementFilter) -> list[Row] | None:
    """The statements matching ``f``, or None when the full path must answer."""
    if f.as_recorded_at is not None:
        return None  # rebuilt from the change log by the full path
    return read(url, lambda c: list(statement_rows(c, "sqlite", f, _resolve(c))))


def stream_statements(url: str, f: StatementFilter, consume: Callable[[Iterator[Row]], None]) -> bool:
    """Feed the statements matching ``f`` to ``consume`` as they are read; False when the full path must.

    The first row is read before ``consume`` starts, so a name the full path must explain, or a bad filter,
    stops the export before anything is written.
    """

    def work(connection: sqlite3.Connection) -> bool:
        rows = statement_rows(connection, "sqlite", f, _resolve(connection))
        first = next(rows, None)
        consume(rows if first is None else chain([first], rows))
        return True

    if f.as_recorded_at is not None:
        return False
    return read(url, work) is not None
