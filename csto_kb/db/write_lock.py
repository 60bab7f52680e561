"""Waiting for the write lock, and saying who holds it.

Writers take turns (`csto_kb.db.engine.writer`): SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock. A writer
waits at most ``--wait`` seconds (30 by default) and then gives up, having written nothing, with a message that
names what holds the lock when that is known: long work (a bulk import of statements, a bundle restore)
announces itself while it runs. On PostgreSQL the announcement is the transaction's ``application_name``, which
the server shows to everyone in ``pg_stat_activity`` and restores when the transaction ends; on SQLite, whose writers
share one machine, it is a small file beside the database that names its process, and a note whose process is
gone is ignored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from csto_kb.db.constants import DEFAULT_WAIT_S as DEFAULT_WAIT_S

# The key of the PostgreSQL advisory lock writers queue on ("csto" in ASCII); any constant would do.
PG_WRITER_LOCK = 0x6373746F
_APPLICATION_NAME_LIMIT = 63  # PostgreSQL truncates longer names
_PG_PREFIX = "csto-kb:"
_NOTE_SUFFIX = "-writer.json"


def _sqlite_note(engine: Engine) -> Path | None:
    database = engine.url.database
    if (
        engine.dialect.name != "sqlite"
        or not database
        or database == ":memory:"
        or database.startswith("file:")
    ):
        return None
    return Path(database).expanduser().with_name(Path(database).name + _NOTE_SUFFIX)


@contextlib.contextmanager
def announce(connection: Connection, what: str, by: str) -> Iterator[None]:
    """Tell waiting writers that ``what`` (by ``by``) holds the write lock until the block ends."""
    since = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    engine = connection.engine
    if engine.dialect.name == "postgresql":
        # For this transaction only: the server restores the name when it ends, however it ends.
        # The name holds 63 characters: the time of day only, and what is done cut to fit.
        suffix = f" by {by[:16]} since {since[11:16]} UTC"
        name = f"{_PG_PREFIX}{what[: _APPLICATION_NAME_LIMIT - len(_PG_PREFIX) - len(suffix)]}{suffix}"
        connection.exec_driver_sql("SELECT set_config('application_name', %(name)s, true)", {"name": name})
        yield
        return
    note = _sqlite_note(engine)
    if note is None:
        yield
        return
    record = {"what": what, "by": by, "since": since, "pid": os.getpid(), "host": socket.gethostname()}
    with contextlib.suppress(OSError):  # a folder one may not write in: waiters then only learn less
        note.write_text(json.dumps(record), encoding="utf-8")
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if _read_note(note).get("pid") == os.getpid():
                note.unlink()


def _read_note(note: Path) -> dict[str, object]:
    try:
        record = json.loads(note.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _alive(pid: object, host: object) -> bool:
    if not isinstance(pid, int):
        return False
    if host != socket.gethostname():
        return True  # a process of another machine sharing the folder: it cannot be checked from here
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder(engine: Engine) -> str | None:
    """What holds the write lock, as announced ("import statements of big.jsonl by alice since …"), or None."""
    if engine.dialect.name == "postgresql":
        try:
            with engine.connect() as connection:
                row = connection.execute(
                    text(
                        # Advisory locks belong to one database: a writer of another database on the same
                        # server holds its own, and is not the one this writer waits for.
                        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                        "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = :key "
                        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    ),
                    {"key": PG_WRITER_LOCK},
                ).first()
        except Exception:  # asking is a courtesy: a server that will not say leaves the message shorter
            return None
        name = str(row[0]) if row else ""
        return name.removeprefix(_PG_PREFIX) if name.startswith(_PG_PREFIX) else None
    note = _sqlite_note(engine)
    if note is None:
        return None
    record = _read_note(note)
    if not record or not _alive(record.get("pid"), record.get("host")):
        return None
    return f"{record.get('what')} by {record.get('by')} since {record.get('since')}"


def busy_message(engine: Engine, waited_s: float) -> str:
    """The one line a writer that gave up prints."""
    who = holder(engine)
    held = f"{who} holds the write lock" if who else "another writer holds the write lock"
    return (
        f"the database is busy: {held}; waited {waited_s:g} s and wrote nothing. Run the command again "
        "later, or wait longer with --wait SECONDS"
    )
