"""Engines for SQLite and PostgreSQL from one database URL, with SQLite set up for safe concurrent use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from csto_kb.errors import DatabaseError, InvalidInput
from csto_kb.settings import mask_url

SQLITE_BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    """An engine for ``url``; on SQLite with foreign keys enforced (unless migrating), WAL and a busy timeout."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInput(
            f"database URL: cannot parse {mask_url(url)!r}; expected sqlite:///PATH or postgresql+psycopg://…"
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if "\0" in database:
            raise InvalidInput("database URL: the SQLite path contains a NUL character")
        if database and database != ":memory:" and not database.startswith("file:"):
            folder = Path(database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise InvalidInput(
                    f"database URL: cannot create the folder {folder} for the SQLite file ({error.strerror})"
                ) from None
        engine = create_engine(parsed)
        _configure_sqlite(engine, foreign_keys=foreign_keys)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (ModuleNotFoundError, NoSuchModuleError):
            raise DatabaseError(
                "PostgreSQL support needs the psycopg driver: pip install 'csto-kb[postgres]'"
            ) from None
    raise InvalidInput(
        f"database URL: unsupported database {backend!r}; expected sqlite:///PATH or postgresql+psycopg://…"
    )


def _configure_sqlite(engine: Engine, *, foreign_keys: bool) -> None:
    # pysqlite's own transaction handling starts transactions late and never around DDL, which makes
    # migrations non-atomic; hand transaction control to SQLAlchemy as its SQLite dialect docs advise.
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")
