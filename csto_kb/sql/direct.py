"""Answering a read with the database driver alone, when nothing else is due.

The full path (SQLAlchemy engine, migrations, seeding) is what a command needs the first time, or after an
upgrade of csto-kb; afterwards, a read needs none of it. This module opens the database with its driver
(the standard library's sqlite3, or psycopg) when it is already at the newest schema revision and holds
data, and otherwise returns None so that the caller takes the full path, which creates, upgrades or seeds
the database (or explains why it cannot be opened) and then runs the same SQL on its driver connection. A
server that does not answer, and a name that matches no entity or several, are answered here, in the words
the full path would use.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from itertools import chain
from typing import Any, TypeVar

from csto_kb.db.constants import HEAD_REVISION, SQLITE_BUSY_TIMEOUT_MS
from csto_kb.sql import facts
from csto_kb.sql.changes import statements_as_recorded
from csto_kb.sql.run import (
    STREAM_BATCH_SIZE,
    Lookups,
    Resolver,
    Row,
    StatementFilter,
    resolve_name,
    statement_rows,
)

T = TypeVar("T")

_PG_SCHEMES = ("postgresql+psycopg://", "postgresql://")


class NotReady(Exception):
    """The database is not at the newest revision, or holds nothing yet: the full path creates, upgrades or
    seeds it."""


def sqlite_path(url: str) -> str | None:
    """The file of a plain ``sqlite:///PATH`` URL; None for anything else (memory, URI options, escapes)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix) :]
    if not path or path == ":memory:" or path.startswith("file:") or any(c in path for c in "?%#"):
        return None
    return path


def _ready(connection: Any) -> None:
    """Raise NotReady unless the database is at the newest revision and holds data."""
    cursor = connection.cursor()
    try:
        cursor.execute("SELECT version_num FROM alembic_version")
        revision = cursor.fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            raise NotReady
        cursor.execute("SELECT 1 FROM entity LIMIT 1")
        if cursor.fetchone() is None:
            raise NotReady  # empty: the full path seeds it
    finally:
        cursor.close()


def _open_sqlite(url: str) -> sqlite3.Connection | None:
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
        _ready(connection)
        connection.execute("BEGIN")  # one snapshot for every query of the command
    except (sqlite3.Error, NotReady):
        connection.close()
        return None
    return connection


def _open_postgresql(url: str) -> Any | None:
    if not url.startswith(_PG_SCHEMES):
        return None
    try:
        import psycopg
    except ImportError:
        return None  # the full path says how to install the driver
    # libpq reads the same URL once SQLAlchemy's driver suffix is dropped; anything it does not accept (an
    # option only SQLAlchemy knows) fails here, and the full path takes over.
    conninfo = "postgresql://" + url.split("://", 1)[1]
    try:
        connection = psycopg.connect(conninfo, connect_timeout=10)
    except psycopg.OperationalError as error:
        # No server answered (or it refused this user or database): the full path would only try again, and
        # wait as long again, to say the same.
        from csto_kb.errors import unreachable
        from csto_kb.settings import mask_url

        raise unreachable(mask_url(url), error) from None
    except Exception:
        return None
    try:
        # One snapshot for every query of the command, and the server refuses any write.
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        _ready(connection)
    except (psycopg.Error, NotReady):
        connection.close()
        return None
    return connection


def open_ready(url: str) -> tuple[Any, str] | None:
    """A driver connection to the knowledge base at ``url`` and its dialect, if it is ready to read as it
    is; else None."""
    connection = _open_sqlite(url)
    if connection is not None:
        return connection, "sqlite"
    pg = _open_postgresql(url)
    return (pg, "postgresql") if pg is not None else None


def run(opened: tuple[Any, str], work: Callable[[Any, str], T]) -> T:
    """``work``'s result on a connection `open_ready` gave, which it then closes, having written nothing."""
    connection, dialect = opened
    try:
        return work(connection, dialect)
    finally:
        connection.rollback()  # nothing was written; this ends the snapshot
        connection.close()


def read(url: str, work: Callable[[Any, str], T]) -> T | None:
    """``work``'s result from one read-only transaction, or None when the database is not ready to read as
    it is (`csto_kb.cli.context.KB.read` then opens it fully)."""
    opened = open_ready(url)
    return None if opened is None else run(opened, work)


def resolver(connection: Any, dialect: str) -> Resolver:
    """Names to entity ids on this connection; a name matching no entity or several is answered as the full
    path answers it (`csto_kb.sql.run.resolve_name`)."""

    def resolve(name: str, field: str) -> int:
        return resolve_name(connection, dialect, name, field)

    return resolve


Work = Callable[[Any, str], T]
"""What a read does on a driver connection and its dialect's name (`read`, `csto_kb.cli.context.KB.read`)."""


def who_said(f: StatementFilter, lookups: Lookups | None = None) -> Work[list[Row]]:
    """The statements matching ``f`` (with ``as_recorded_at``, as then recorded); ``lookups`` receives every
    name of every entity they refer to."""
    moment = f.as_recorded_at
    if moment is not None:
        return lambda c, d: statements_as_recorded(c, d, f, moment, resolver(c, d), lookups)
    return lambda c, d: list(statement_rows(c, d, f, resolver(c, d), lookups=lookups))


def stream_statements(
    f: StatementFilter,
    consume: Callable[[Iterator[Row]], None],
    lookups: Lookups | None = None,
    *,
    batch_size: int = STREAM_BATCH_SIZE,
) -> Work[None]:
    """Feed the statements matching ``f`` to ``consume`` as they are read (``as_recorded_at`` aside).

    The first row is read before ``consume`` starts, so a name matching nothing, or a bad filter, stops the
    export before anything is written. ``lookups`` receives the names of the entities read so far.
    """

    def work(connection: Any, dialect: str) -> None:
        rows = statement_rows(
            connection,
            dialect,
            f,
            resolver(connection, dialect),
            lookups=lookups,
            batch_size=batch_size,
            server_side=True,
        )
        first = next(rows, None)
        consume(rows if first is None else chain([first], rows))

    return work


def members(alliance: str, on: str | None) -> Work[list[Row]]:
    """An alliance's memberships (`csto_kb.sql.facts.member_rows`)."""
    return lambda c, d: facts.member_rows(c, d, resolver(c, d)(alliance, "alliance"), on)


def forces(organisation: str | None) -> Work[list[Row]]:
    """Force figures, of one organisation or all."""

    def work(connection: Any, dialect: str) -> list[Row]:
        org_id = resolver(connection, dialect)(organisation, "alliance") if organisation else None
        return facts.force_rows(connection, dialect, org_id)

    return work


def events(involving: str | None) -> Work[list[Row]]:
    """Events in date order, of one entity and its parts or all."""

    def work(connection: Any, dialect: str) -> list[Row]:
        entity_id = resolver(connection, dialect)(involving, "entity") if involving else None
        return facts.event_rows(connection, dialect, None if entity_id is None else [entity_id])

    return work


def claim(table: str, claim_id: int) -> Work[Row]:
    """One claim other than a statement, by its table and id (`csto_kb.sql.facts.claim`)."""
    return lambda c, d: facts.claim(c, d, table, claim_id)
