"""Writing many rows through the driver: ids taken ahead, then one executemany (SQLite) or COPY (PostgreSQL).

SQLAlchemy's per-row parameter handling cost about as much as SQLite's own work for a bulk import's rows, and
reading ids back by a unique key cost a query per table and batch. Here the ids are taken before the insert,
from the table's own sequence, so rows referring to each other (a statement, its evidence, their change-log
rows) are built in Python and written once, and the only per-row work is ordering the values and the few
conversions the column types need (the bind processors SQLAlchemy itself would apply: timestamps as text
on SQLite, JSON documents as text).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, DateTime, insert
from sqlalchemy.types import JSON


class Ids:
    """New ids for one table's rows, taken ahead of inserting them.

    PostgreSQL: from the table's sequence, a batch at a time, so they are unique whatever else runs. SQLite:
    counted on from the largest id, as SQLite itself would number new rows; this holds because a writer's
    transaction holds SQLite's write lock from its first statement (BEGIN IMMEDIATE,
    `csto_kb.db.engine.writer`), so no other connection can insert meanwhile.
    """

    def __init__(self, connection: Connection, table: str) -> None:
        self.connection = connection
        self.table = table
        self.postgresql = connection.dialect.name == "postgresql"
        self.next = 0
        if not self.postgresql:
            self.next = 1 + int(
                connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar_one()
            )

    def take(self, n: int) -> list[int]:
        if n == 0:
            return []
        if self.postgresql:
            found = self.connection.exec_driver_sql(
                "SELECT nextval(pg_get_serial_sequence(%(table)s, 'id')) FROM generate_series(1, %(n)s)",
                {"table": self.table, "n": n},
            ).scalars()
            return sorted(int(i) for i in found)
        first, self.next = self.next, self.next + n
        return list(range(first, self.next))


def _same_as_last(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``processor`` remembering its last value: a batch's rows share one timestamp, converted once."""
    last: list[Any] = [object(), None]

    def process(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, processor(value)
        return last[1]

    return process


class RowWriter:
    """One table's rows, given as dicts with (at least) ``columns``, written in one round per call."""

    def __init__(self, connection: Connection, table: Any, columns: Sequence[str]) -> None:
        dialect = connection.dialect
        self.table = table
        self.copy = dialect.name == "postgresql"
        if self.copy:
            self.keys = list(columns)
            names = ", ".join(dialect.identifier_preparer.quote(table.c[k].name) for k in self.keys)
            self.sql = f"COPY {dialect.identifier_preparer.format_table(table)} ({names}) FROM STDIN"
        else:
            compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
            self.keys = list(compiled.positiontup or [])  # SQLite's parameters are positional ("?")
            self.sql = str(compiled)
        self.processors: list[tuple[int, Callable[[Any], Any]]] = []  # by position in the row's values
        for position, key in enumerate(self.keys):
            column_type = table.c[key].type
            if isinstance(column_type, JSON):
                processor: Callable[[Any], Any] | None = _json_processor(dialect)
            elif self.copy:
                continue  # COPY takes Python values as psycopg adapts them
            else:
                processor = column_type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                wrapped = _same_as_last(processor) if isinstance(column_type, DateTime) else processor
                self.processors.append((position, wrapped))
        self.values = itemgetter(*self.keys)

    def write(self, connection: Connection, rows: list[dict[str, Any]]) -> None:
        """Write ``rows``; their dicts are left as they were (the change log snapshots them afterwards)."""
        if not rows:
            return
        values = self.values
        tuples: list[Any] = (
            [values(row) for row in rows] if len(self.keys) > 1 else [(values(row),) for row in rows]
        )
        if self.processors:
            processors = self.processors
            converted = []
            for row_values in tuples:
                row_values = list(row_values)
                for position, processor in processors:
                    row_values[position] = processor(row_values[position])
                converted.append(tuple(row_values))  # SQLAlchemy passes on tuples or dicts only
            tuples = converted
        if self.copy:
            dbapi = connection.connection.dbapi_connection
            with dbapi.cursor() as cursor, cursor.copy(self.sql) as copy:  # type: ignore[union-attr]
                for row_values in tuples:
                    copy.write_row(row_values)
        else:
            connection.exec_driver_sql(self.sql, tuples)


def _json_processor(dialect: Any) -> Callable[[Any], str]:
    """The engine's JSON serialiser (`csto_kb.db.engine.json_text`), None included, as SQLAlchemy's JSON type
    applies it (a Python None is the JSON document ``null``)."""
    serialise: Callable[[Any], str] = dialect._json_serializer or json.dumps
    return lambda value: "null" if value is None else serialise(value)  # a change row's "before" of an insert
