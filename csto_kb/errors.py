"""The one error family of csto-kb; the CLI turns each class into an exit code in one place.

Exit codes: 0 success; 1 not found, conflict, or a database that refused the work; 2 bad input; 3 the
database could not be reached (no server answering, a SQLite file that is missing or cannot be opened).
"""

from __future__ import annotations

import copy
import sys
from typing import Self


class KBError(Exception):
    """Base class of every error the knowledge base reports to its users."""

    exit_code = 1

    def prefixed(self, prefix: str) -> Self:
        """The same error with ``prefix`` before its message; its class and attributes are kept."""
        clone = copy.copy(self)
        clone.args = (f"{prefix}{self}", *self.args[1:])
        return clone


class NotFound(KBError):
    """A record that was asked for does not exist."""

    exit_code = 1


class Conflict(KBError):
    """The change would contradict what is already stored."""

    exit_code = 1


class Duplicate(Conflict):
    """The record already exists; the message names the existing id."""

    def __init__(self, message: str, existing_id: int | None = None) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class Ambiguous(Conflict):
    """A name matches more than one record."""


class InvalidInput(KBError):
    """Input that does not have the expected form; the message names the field."""

    exit_code = 2


class ReadOnly(KBError):
    """The knowledge base was opened read-only and the command would write."""

    exit_code = 1


class DatabaseError(KBError):
    """The database refused the work, or is in a state csto-kb cannot work with."""

    exit_code = 1


class DatabaseUnreachable(DatabaseError):
    """The database could not be reached: no server answers, or the SQLite file cannot be opened."""

    exit_code = 3


def unreachable(url: str, error: BaseException) -> DatabaseUnreachable:
    """The one message for a connection that failed: the URL (its password masked by the caller) and the
    driver's first line, which says why (refused, timed out, unknown host, database or user)."""
    lines = str(error).strip().splitlines()
    detail = lines[0] if lines else type(error).__name__
    return DatabaseUnreachable(f"cannot connect to the database {url}: {detail}")


class Busy(DatabaseError):
    """Another writer held the write lock for longer than this one would wait; nothing was written. The exit
    code is EX_TEMPFAIL's: a script may run the command again later."""

    exit_code = 75


class Incomplete(KBError):
    """Work on many items was done for some and not for others; each failure was reported on its own."""

    exit_code = 1


def driver_errors(kind: str = "Error") -> tuple[type[BaseException], ...]:
    """The exception classes called ``kind`` (``Error``, ``DataError`` …) of the drivers, SQLAlchemy and, for
    ``Error``, Alembic: what a database raised that the database layer did not translate into this family.

    Those not imported cannot have been raised, so they are not imported to find out: a read command's normal
    way out passes through the check too, and importing SQLAlchemy there would cost its whole start-up.
    """
    import sqlite3

    found: list[type[BaseException]] = [getattr(sqlite3, kind)]
    if "sqlalchemy.exc" in sys.modules:
        from sqlalchemy import exc

        found.append(getattr(exc, "SQLAlchemyError" if kind == "Error" else kind))
    if "psycopg" in sys.modules:
        import psycopg

        found.append(getattr(psycopg, kind))
    if kind == "Error" and "alembic.util.exc" in sys.modules:
        from alembic.util.exc import CommandError

        found.append(CommandError)
    return tuple(found)
