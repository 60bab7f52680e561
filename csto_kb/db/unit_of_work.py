"""The unit of work: one session, one transaction; leaving the block without commit() rolls everything back."""

from __future__ import annotations

import getpass
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from csto_kb.db import history
from csto_kb.errors import Conflict, DatabaseError


def current_user() -> str:
    """The operating-system user, recorded as the author of a change when no --by is given."""
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry and no USER variable, as in some containers
        return "unknown"


class UnitOfWork:
    """Owns a session and its transaction for one use case; services call commit() when the work is whole."""

    session: Session

    def __init__(self, engine: Engine, *, by: str | None = None, reason: str | None = None) -> None:
        self.engine = engine
        self.by = by or current_user()
        self.reason = reason

    def __enter__(self) -> UnitOfWork:
        self.session = Session(self.engine, expire_on_commit=False, autoflush=True)
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

    def commit(self) -> None:
        try:
            self.session.commit()
        except IntegrityError as error:
            self.session.rollback()
            raise Conflict(f"the change conflicts with stored data: {error.orig}") from None
        except OperationalError as error:
            self.session.rollback()
            raise DatabaseError(f"the database refused the change: {error.orig}") from None
