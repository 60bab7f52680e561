"""The one error family of csto-kb; the CLI turns each class into an exit code in one place."""

from __future__ import annotations


class KBError(Exception):
    """Base class of every error the knowledge base reports to its users."""

    exit_code = 1


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


class DatabaseError(KBError):
    """The database cannot be reached or is in a state csto-kb cannot work with."""

    exit_code = 1


class Incomplete(KBError):
    """Work on many items was done for some and not for others; each failure was reported on its own."""

    exit_code = 1


class Busy(DatabaseError):
    """Another writer held the write lock for longer than this one would wait; nothing was written. The exit
    code is EX_TEMPFAIL's: a script may run the command again later."""

    exit_code = 75
