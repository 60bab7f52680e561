"""The change log read with the compiled queries on a DB-API connection: one record's changes and versions,
the recent changes, and what was recorded at a past moment.

Standard library only, as `csto_kb.sql.run`: `history`, `log` and `statement show` answer a ready database
without SQLAlchemy, and the services call the same functions with the connection under their session.
Changes come back in the JSON form of `csto_kb.schemas.statements.ChangeOut` (``model_dump(mode="json")``),
which the commands print as they are.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from csto_kb.errors import InvalidInput, NotFound
from csto_kb.sql.compiled import SQL, TRACKED_TABLES
from csto_kb.sql.run import Row, _moment


def parse_moment(text: str, field_name: str = "as-recorded-at") -> dt.datetime:
    """An ISO date or date-time, read as UTC (the change log's clock); a bare date means the end of that day."""
    try:
        if len(text.strip()) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text.strip()), dt.time.max)
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f"{field_name}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (UTC), got {text!r}"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def tracked(table: str, field: str) -> str:
    """``table`` if the change log records its rows; else InvalidInput naming ``field`` and the choices."""
    if table not in TRACKED_TABLES:
        raise InvalidInput(f"{field}: expected one of {', '.join(TRACKED_TABLES)}, got {table!r}")
    return table


def moment_param(dialect: str, moment: dt.datetime) -> Any:
    """A moment to compare with the change log's ``at``: on SQLite that column holds text, as SQLAlchemy
    writes it (``YYYY-MM-DD HH:MM:SS.ffffff``), and compares as text, so the moment is written the same way."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if dialect == "sqlite" else moment


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


def versions(connection: Any, dialect: str, table: str, row_id: int) -> list[Row]:
    """Every version of one record, oldest first, as `history --format json` prints it: its number, the
    change (ChangeOut's JSON form), the record's state after it, and the values it replaced."""
    tracked(table, "of")
    changes = changes_of(connection, dialect, table, row_id)
    if not changes:
        raise NotFound(f"{table}: no {table} with id {row_id} has been recorded")
    out: list[Row] = []
    state: Row = {}
    for number, change in enumerate(changes, start=1):
        after = change["after"] or {}
        if change["action"] == "insert":
            state = dict(after)
            changed: Row = {}
        else:
            before = change["before"] or {}
            changed = {key: {"before": before.get(key), "after": value} for key, value in after.items()}
            state = {**state, **after}
        out.append({"version": number, "change": change, "state": dict(state), "changed": changed})
    return out


def recent_changes(
    connection: Any,
    dialect: str,
    *,
    since: dt.datetime | None = None,
    by: str | None = None,
    table: str | None = None,
    limit: int = 50,
) -> list[Row]:
    """The most recent changes first, as `log --format json` prints them: the table and row changed, then
    the change (ChangeOut's JSON form)."""
    if table is not None:
        tracked(table, "table")
    sql = SQL[dialect]
    given = {"since": None if since is None else moment_param(dialect, since), "by": by, "table": table}
    params = {name: value for name, value in given.items() if value is not None}
    text = sql["change_log_select"]
    if params:
        text += " WHERE " + " AND ".join(sql[f"change_filter_{name}"] for name in params)
    text += f" ORDER BY {sql['change_log_order']} {sql['limit']}"
    cursor = connection.cursor()
    try:
        cursor.execute(text, {**params, "limit": limit})
        return [
            {"table": values[0], "row_id": values[1], **change_row(values[2:])}
            for values in cursor.fetchall()
        ]
    finally:
        cursor.close()
