"""Read-only access: the database itself refuses writes, and the session says so in plain words first."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, UOWTransaction

from csto_kb.errors import ReadOnly

READ_ONLY_OPTION = "csto_kb_read_only"


def read_only(engine: Engine) -> Engine:
    """The engine with every connection made read-only by the database (SQLite query_only, PostgreSQL
    default_transaction_read_only), marked so that sessions refuse a write before sending it."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        cursor.close()
        if engine.dialect.name != "sqlite":
            # The driver ran the SET inside a transaction; a SET is undone by rollback, so keep it.
            dbapi_connection.commit()

    return engine.execution_options(**{READ_ONLY_OPTION: True})


@event.listens_for(Session, "before_flush")
def _refuse_writes(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    bind = session.get_bind()
    if not bind.get_execution_options().get(READ_ONLY_OPTION):
        return
    if session.new or session.dirty or session.deleted:
        raise ReadOnly(
            "the knowledge base is open read-only (--read-only or CSTO_KB_READ_ONLY=1) and this command writes; "
            "nothing was written"
        )
