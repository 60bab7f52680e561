"""One record as its `show` command prints it, read with the compiled queries on a DB-API connection.

Standard library only, as `csto_kb.sql.run`: `statement show` answers a ready database without SQLAlchemy,
and the services call the same functions with the connection under their session. Each record comes back in
the JSON form of its output schema (``StatementDetail`` …), which the command validates into the model its
renderer takes.
"""

from __future__ import annotations

from typing import Any

from csto_kb.errors import NotFound
from csto_kb.sql.changes import changes_of
from csto_kb.sql.run import Lookups, Row, statement_rows_by_id


def statement_detail(connection: Any, dialect: str, statement_id: int, lookups: Lookups | None = None) -> Row:
    """A statement with its whole history of changes (StatementDetail's JSON form); NotFound if there is
    none with this id."""
    found = statement_rows_by_id(connection, dialect, [statement_id], lookups, unsourced=True)
    if not found:
        raise NotFound(f"statement: no statement has id {statement_id}")
    return {**found[0], "history": changes_of(connection, dialect, "statement", statement_id)}
