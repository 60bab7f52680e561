"""What every command shares: the database URL, the author of changes, and a lazily opened knowledge base."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from csto_kb.db.unit_of_work import UnitOfWork


class KB:
    """Opens the knowledge base on first use: commands that fail validation never touch the database."""

    def __init__(self, url: str, *, read_only: bool = False, wait_s: float | None = None) -> None:
        self.url = url
        self.read_only = read_only
        self.wait_s = wait_s
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from csto_kb.db.constants import DEFAULT_WAIT_S
            from csto_kb.services.bootstrap import open_knowledge_base

            wait_s = DEFAULT_WAIT_S if self.wait_s is None else self.wait_s
            self._engine = open_knowledge_base(self.url, read_only=self.read_only, wait_s=wait_s)
        return self._engine

    def writable_url(self, what: str) -> str:
        """The URL for a command that writes outside a unit of work; refused when opened read-only."""
        if self.read_only:
            from csto_kb.errors import ReadOnly

            raise ReadOnly(
                f"the knowledge base is open read-only (--read-only or CSTO_KB_READ_ONLY=1); {what} writes"
            )
        return self.url

    def read(self, work: Callable[[Any, str], T]) -> T:
        """``work``'s result, given a driver connection (sqlite3 or psycopg) and its dialect's name, in one
        read-only transaction: every read command answers through here.

        A database ready to read is opened by its driver alone (`csto_kb.sql.direct`), without SQLAlchemy.
        Otherwise (its first use, an upgrade due, a URL only SQLAlchemy opens) the full open creates, upgrades
        or seeds it, or says why it cannot, and ``work`` runs on the driver connection under a read-only unit
        of work: the same SQL either way, and the ORM only ever writes.
        """
        from csto_kb.sql import direct

        opened = direct.open_ready(self.url)
        if opened is not None:
            return direct.run(opened, work)
        from csto_kb.db.unit_of_work import driver_connection

        with self.reader() as uow:
            return work(*driver_connection(uow.session))

    def reader(self) -> UnitOfWork:
        """A unit of work for a command that only reads: it never waits for, nor holds, the write lock."""
        from csto_kb.db.unit_of_work import UnitOfWork

        return UnitOfWork(self.engine, read_only=True)

    def uow(self, *, by: str | None = None, reason: str | None = None) -> UnitOfWork:
        from csto_kb.db.unit_of_work import UnitOfWork

        return UnitOfWork(self.engine, by=by, reason=reason)
