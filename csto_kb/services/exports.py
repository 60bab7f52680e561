"""Use cases behind the exports: the fact sheet's JSON Schema, and a reproducible clock
(`csto_kb.services.reproducible`). What linked-data formats need of a sheet's entities is
`csto_kb.services.linked_entities`."""

from __future__ import annotations

from typing import Any

from csto_kb.schemas.factsheet import FACTSHEET_SCHEMA_VERSION, FactSheet
from csto_kb.services.reproducible import clock_from_environment as clock_from_environment
from csto_kb.services.reproducible import with_clock as with_clock

SCHEMA_ID = f"https://csto-kb.invalid/schemas/factsheet/v{FACTSHEET_SCHEMA_VERSION}.json"


def factsheet_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the fact sheet that ``factsheet --format json`` prints."""
    schema = FactSheet.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
