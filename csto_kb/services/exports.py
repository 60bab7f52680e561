"""Use cases behind the exports: streaming statements, the fact sheet's JSON Schema, and a reproducible clock
(`csto_kb.services.reproducible`). What linked-data formats need of a sheet's entities is
`csto_kb.services.linked_entities`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.schemas.factsheet import FACTSHEET_SCHEMA_VERSION, FactSheet
from csto_kb.services.queries import statement_rows
from csto_kb.services.reproducible import clock_from_environment as clock_from_environment
from csto_kb.services.reproducible import with_clock as with_clock
from csto_kb.sql.run import HELD_PER_KIND, STREAM_BATCH_SIZE, Lookups, Row, StatementFilter

BATCH_SIZE = STREAM_BATCH_SIZE
"""Rows fetched per round trip while streaming: memory stays bounded by one batch and its lookups."""

SCHEMA_ID = f"https://csto-kb.invalid/schemas/factsheet/v{FACTSHEET_SCHEMA_VERSION}.json"


def stream_statements(
    uow: UnitOfWork, f: StatementFilter, batch_size: int = BATCH_SIZE, lookups: Lookups | None = None
) -> Iterator[Row]:
    """Statements matching ``f`` in date order, as rows in StatementOut's JSON form, one batch at a time.

    PostgreSQL streams through a server-side cursor, SQLite steps through the result; each batch's
    translations, subjects and sources are read together, and each entity's names once (into ``lookups``).
    The unit of work stays open while the caller iterates, so consume the iterator before using ``uow``
    again. Bad filters raise on the first ``next()``, before anything is yielded.
    """
    with uow:
        yield from statement_rows(
            uow.session, f, batch_size=batch_size, server_side=True, lookups=lookups or Lookups(HELD_PER_KIND)
        )


def factsheet_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the fact sheet that ``factsheet --format json`` prints."""
    schema = FactSheet.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
