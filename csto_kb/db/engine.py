"""Engines for SQLite and PostgreSQL from one database URL, with SQLite set up for safe concurrent use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from csto_kb.db.constants import SQLITE_BUSY_TIMEOUT_MS as SQLITE_BUSY_TIMEOUT_MS
from csto_kb.db.write_lock import DEFAULT_WAIT_S, PG_WRITER_LOCK
from csto_kb.errors import DatabaseError, DatabaseUnreachable, InvalidInput, unreachable
from csto_kb.settings import EXPECTED_URLS, database_url, mask_url

WRITER = "csto_kb_writer"
"""Execution option marking a unit of work's connection as a writer's (see `writer`)."""

WRITE_WAIT = "csto_kb_write_wait"
"""The execution option holding how many seconds a writer waits for the write lock."""


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_text(value: Any) -> str:
    """How JSON columns are written (the change log's copies of rows above all): compact, and with every
    character as itself, so an Arabic or Cyrillic quote takes a third of the bytes its \\u escapes would.
    One encoder serves every call (json.dumps with options builds one per call)."""
    return _JSON.encode(value)


def writer(engine: Engine) -> Engine:
    """The same engine (same pool, same events) whose transactions wait their turn to write.

    SQLite: they begin with BEGIN IMMEDIATE. In WAL mode a transaction that reads first and writes later (every
    service does: it looks for a duplicate, then inserts) cannot wait for another writer: if someone commits
    after its first read, its snapshot is stale and the write fails at once with "database is locked"
    (SQLITE_BUSY_SNAPSHOT), whatever the busy timeout. BEGIN IMMEDIATE takes the write lock before the first
    read, so writers queue at BEGIN under the busy timeout (SQLite's own retry loop) and each then reads what
    the previous ones committed.

    PostgreSQL: they take a transaction-scoped advisory lock first. Under READ COMMITTED two writers can
    both pass the duplicate check before either commits, and the unique index behind the duplicate rule
    does not catch undated statements (NULL said_on is distinct from NULL), so both would be stored. With
    the lock, the second writer's check runs after the first one's commit. Readers are never blocked.
    """
    if engine.get_execution_options().get("csto_kb_read_only"):
        return engine  # opened read-only (csto_kb.db.read_only): no write lock to take, and SQLite refuses it
    return engine.execution_options(**{WRITER: True})


def write_wait_s(engine: Engine) -> float:
    """How long a writer on ``engine`` waits for another one before giving up."""
    return float(engine.get_execution_options().get(WRITE_WAIT, DEFAULT_WAIT_S))


def make_engine(
    url: str, *, foreign_keys: bool = True, must_exist: bool = False, wait_s: float = DEFAULT_WAIT_S
) -> Engine:
    """An engine for ``url`` (any form `csto_kb.settings.database_url` takes); on SQLite with foreign keys
    enforced (unless migrating), WAL and a busy timeout. A writer waits ``wait_s`` seconds at most for
    another one (`csto_kb.db.write_lock`).

    ``must_exist``: for commands that only read, a SQLite file that is not there is an error, and neither it
    nor its folder is created (SQLite would create an empty file on the first connection).
    """
    url = database_url(url)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise InvalidInput(
            f"database URL: cannot parse {mask_url(url)!r}; expected {EXPECTED_URLS}"
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if "\0" in database:
            raise InvalidInput("database URL: the SQLite path contains a NUL character")
        if parsed.host:  # sqlite://x.db: the path went into the host part, and SQLite would open memory
            raise InvalidInput(f"database URL: {mask_url(url)!r} has two slashes; expected {EXPECTED_URLS}")
        on_disk = bool(database) and database != ":memory:" and not database.startswith("file:")
        if must_exist and on_disk and not Path(database).expanduser().is_file():
            raise DatabaseUnreachable(
                f"database {Path(database).expanduser()}: no such SQLite file (nothing was created; "
                "a command that writes creates it)"
            )
        if on_disk and not must_exist:
            folder = Path(database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseUnreachable(
                    f"database {mask_url(url)}: cannot create the folder {folder} for the SQLite file "
                    f"({error.strerror})"
                ) from None
        engine = create_engine(parsed, json_serializer=json_text)
        _configure_sqlite(engine, foreign_keys=foreign_keys, wait_s=wait_s)
        event.listen(engine, "handle_error", _refuse_unreachable)
        return engine.execution_options(**{WRITE_WAIT: wait_s})
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            engine = create_engine(parsed, pool_pre_ping=True, json_serializer=json_text)
        except (ModuleNotFoundError, NoSuchModuleError):
            raise DatabaseError(
                "PostgreSQL support needs the psycopg driver: pip install 'csto-kb[postgres]'"
            ) from None
        _configure_postgresql(engine, foreign_keys=foreign_keys, wait_s=wait_s)
        event.listen(engine, "handle_error", _refuse_unreachable)
        return engine.execution_options(**{WRITE_WAIT: wait_s})
    raise InvalidInput(
        f"database URL: unsupported database {backend!r} in {mask_url(url)!r}; expected {EXPECTED_URLS}"
    )


def _refuse_unreachable(context: ExceptionContext) -> None:
    """Turn a failure to connect into DatabaseUnreachable, wherever the first connection is made.

    SQLAlchemy calls this for every driver error; one raised while connecting has no connection yet, and
    DB-API drivers raise OperationalError for it (a refused or timed-out connection, an unknown host, a
    database or user the server does not know, a SQLite file that cannot be opened). Errors on an open
    connection (a locked database, a refused change) are left to the unit of work's translation.
    """
    if context.connection is None and isinstance(context.sqlalchemy_exception, OperationalError):
        url = context.engine.url.render_as_string(hide_password=True) if context.engine else "?"
        raise unreachable(url, context.original_exception)


def _configure_sqlite(engine: Engine, *, foreign_keys: bool, wait_s: float) -> None:
    # pysqlite's own transaction handling starts transactions late and never around DDL, which makes
    # migrations non-atomic; hand transaction control to SQLAlchemy as its SQLite dialect docs advise.
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={int(wait_s * 1000)}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    # A migration writes from its first statement, and two processes opening an empty database at once must
    # not both decide it needs the same migration: the migration engine (foreign keys off) always begins
    # IMMEDIATE, so the second waits for the first and then finds the schema current.
    default_immediate = not foreign_keys

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITER, default_immediate)
        if immediate and connection.exec_driver_sql("PRAGMA query_only").scalar():
            immediate = False  # a read-only connection cannot take the write lock, and will not write
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _configure_postgresql(engine: Engine, *, foreign_keys: bool, wait_s: float) -> None:
    # The migration engine (foreign_keys=False, as on SQLite) is a writer throughout: two processes opening an
    # empty database at once then migrate one after the other, and the second finds the schema current.
    default_writer = not foreign_keys

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(WRITER, default_writer):
            # Released by the transaction's commit or rollback, or by the server when the client dies. The
            # wait is bounded by lock_timeout, for this one lock only: the rest of the transaction keeps the
            # server's setting.
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {max(1, int(wait_s * 1000))}")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")
            connection.exec_driver_sql("SET LOCAL lock_timeout = DEFAULT")
