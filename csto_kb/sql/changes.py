"""The change log read with the compiled queries: one record's changes, on a DB-API connection.

Standard library only, as `csto_kb.sql.run`: a command that shows a record's history answers a ready database
without SQLAlchemy, and the services call the same functions with the connection under their session.
Changes come back in the JSON form of `csto_kb.schemas.statements.ChangeOut` (``model_dump(mode="json")``).
"""

from __future__ import annotations

import json
from typing import Any

from csto_kb.sql.compiled import SQL
from csto_kb.sql.run import Row, _moment


def _document(value: Any) -> Any:
    # SQLite returns a JSON column as text; psycopg has decoded it already.
    return json.loads(value) if isinstance(value, str | bytes) else value


def change_row(values: tuple[Any, ...]) -> Row:
    """A row of CHANGE_COLUMNS (csto_kb.sql.definitions) as ChangeOut's JSON form."""
    change_id, at, by, action, reason, before, after = values
    return {
        "id": change_id,
        "at": _moment(at),
        "by": by,
        "action": action,
        "reason": reason,
        "before": _document(before),
        "after": _document(after),
    }


def changes_of(connection: Any, dialect: str, table: str, row_id: int) -> list[Row]:
    """Every change to one record, oldest first."""
    cursor = connection.cursor()
    try:
        cursor.execute(SQL[dialect]["changes_of"], {"table": table, "row_id": row_id})
        return [change_row(values) for values in cursor.fetchall()]
    finally:
        cursor.close()
