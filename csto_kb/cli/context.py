"""What every command shares: the database URL, the author of changes, and a lazily opened knowledge base."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from csto_kb.db.unit_of_work import UnitOfWork


class KB:
    """Opens the knowledge base on first use: commands that fail validation never touch the database."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from csto_kb.services.bootstrap import open_knowledge_base

            self._engine = open_knowledge_base(self.url)
        return self._engine

    def uow(self, *, by: str | None = None, reason: str | None = None) -> UnitOfWork:
        from csto_kb.db.unit_of_work import UnitOfWork

        return UnitOfWork(self.engine, by=by, reason=reason)
