"""The unit of work: one session, one transaction; leaving the block without commit() rolls everything back."""

from __future__ import annotations

import getpass
from types import TracebackType
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from csto_kb.db import history
from csto_kb.db.engine import write_wait_s, writer
from csto_kb.db.write_lock import busy_message
from csto_kb.errors import Busy, Conflict, DatabaseError, Duplicate, InvalidInput, KBError

# PostgreSQL's SQLSTATEs for a transaction that lost a race with another one.
_PG_RACE_LOST = {"40001": "serialization failure", "40P01": "deadlock"}
_PG_LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout ran out while waiting for the writers' advisory lock
_STATEMENT_IDENTITY = "uq_statement_live_identity"
_STATEMENT_IDENTITY_SQLITE = "index 'uq_statement_live_identity'"  # an expression index is named, not listed
_STATEMENT_UID = "uq_statement_uid"
_STATEMENT_UID_SQLITE = "statement.uid"


def current_user() -> str:
    """The operating-system user, recorded as the author of a change when no --by is given."""
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry and no USER variable, as in some containers
        return "unknown"


class UnitOfWork:
    """Owns a session and its transaction for one use case; services call commit() when the work is whole.

    Concurrency. A unit of work cannot be re-run from inside: the use case's code is the body of its
    ``with`` block. So instead of retrying the use case, it waits its turn before its first read: on SQLite
    its transaction begins with BEGIN IMMEDIATE, where SQLite's busy handler retries for up to the busy
    timeout; on PostgreSQL it first takes a transaction-scoped advisory lock (see
    `csto_kb.db.engine.writer`). Writers then run one after another, each reading what the earlier ones
    committed, so the duplicate check cannot be raced and no "database is locked" reaches the user. Driver
    errors that still happen, at a flush inside the block or at commit, leave as one-line domain errors
    (Duplicate, Conflict, InvalidInput or DatabaseError) after a rollback.

    ``read_only=True`` skips the wait, so a long read (a streamed export, a query) neither holds SQLite's
    write lock nor queues behind writers; such a unit of work must not write.
    """

    session: Session

    def __init__(
        self,
        engine: Engine,
        *,
        by: str | None = None,
        reason: str | None = None,
        read_only: bool = False,
    ) -> None:
        self.engine = engine
        self.by = by or current_user()
        self.reason = reason
        self.read_only = read_only

    def __enter__(self) -> UnitOfWork:
        bind = self.engine if self.read_only else writer(self.engine)
        self.session = Session(bind, expire_on_commit=False, autoflush=True)
        history.track(self.session, by=self.by, reason=self.reason)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
        if isinstance(exc, DBAPIError):
            # A flush inside the block (services flush to get ids) met the database's refusal.
            raise self._translate(exc) from None
        if isinstance(exc, UnicodeEncodeError) and "surrogates" in exc.reason:
            # Bytes that are not UTF-8 on the command line arrive as lone surrogates, which no driver can
            # encode; refuse them as bad input rather than let the encoder's traceback reach the user.
            raise InvalidInput(
                f"text: {exc.object[max(exc.start - 20, 0) : exc.start]!r}… is followed by bytes that are not "
                "UTF-8; nothing was written"
            ) from None

    def commit(self) -> None:
        try:
            self.session.commit()
        except DBAPIError as error:
            self.session.rollback()
            raise self._translate(error) from None

    def _translate(self, error: DBAPIError) -> KBError:
        translated = translate(error)
        if isinstance(translated, Busy):
            # Said after the rollback, from a connection of its own: who holds the lock, how long we waited.
            return Busy(busy_message(self.engine, write_wait_s(self.engine)))
        return translated


def _first_line(error: DBAPIError) -> str:
    lines = str(error.orig).strip().splitlines()
    return lines[0] if lines else type(error.orig).__name__


def translate(error: DBAPIError) -> KBError:
    """The domain error for a driver error; its message is one line and names no SQL."""
    detail = _first_line(error)
    sqlstate = getattr(error.orig, "sqlstate", None)
    if isinstance(error, IntegrityError):
        constraint = getattr(getattr(error.orig, "diag", None), "constraint_name", None)
        if constraint == _STATEMENT_IDENTITY or _STATEMENT_IDENTITY_SQLITE in detail:
            return Duplicate(
                "statement: the same quote by the same speaker on that date was stored by another writer "
                "at the same moment; nothing was written"
            )
        if constraint == _STATEMENT_UID or detail.endswith(_STATEMENT_UID_SQLITE):
            # The uid hashes source, span and speaker, so two writers adding the same span at once collide
            # here before the duplicate rule's index is reached.
            return Conflict(
                "statement: another writer stored a statement from the same span of the same source by the "
                "same speaker at the same moment; nothing was written (run the command again: a duplicate "
                "is then refused as one)"
            )
        return Conflict(
            f"the change conflicts with stored data ({constraint or detail}); nothing was written"
        )
    if isinstance(error, DataError):
        return InvalidInput(f"the database cannot store a value as given: {detail}")
    if sqlstate in _PG_RACE_LOST:
        return DatabaseError(
            f"the change lost a race with another writer ({_PG_RACE_LOST[sqlstate]}); nothing was written, "
            "run the command again"
        )
    if sqlstate == _PG_LOCK_NOT_AVAILABLE or (
        isinstance(error, OperationalError) and ("locked" in detail or "busy" in detail)
    ):
        return Busy("the database is busy: another writer holds the write lock; nothing was written")
    return DatabaseError(f"the database refused the change: {detail}")


def driver_connection(session: Session) -> tuple[Any, str]:
    """The DB-API connection under ``session``'s transaction, and the dialect's name, for `csto_kb.sql.run`.

    Pending changes are flushed first, so the compiled queries see what the unit of work has done so far.
    """
    session.flush()
    connection = session.connection()
    return connection.connection.dbapi_connection, connection.dialect.name
