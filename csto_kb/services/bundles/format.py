"""What a bundle holds: its manifest, how rows are encoded and decoded, and opening its archive."""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Column, Connection, func, select, table
from sqlalchemy import types as sqltypes

from csto_kb.db.search_index import is_search_index_table
from csto_kb.errors import InvalidInput

FORMAT = "csto-kb-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEMBER_SUFFIX = ".jsonl"
BATCH_ROWS = 1000
"""Rows per round trip, both ways: memory stays bounded by one batch however large a table is."""

# The earliest time a zip header can hold; a constant so the same data always gives the same archive bytes.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all) as a bundle is written or restored."""


class TableEntry(BaseModel):
    """What the manifest says about one table's member."""

    model_config = ConfigDict(extra="forbid")

    rows: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class BundleManifest(BaseModel):
    """The bundle's table of contents: enough to verify every member before anything is restored."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["csto-kb-bundle"]
    format_version: Literal[1]
    schema_revision: str = Field(pattern=r"^[0-9A-Za-z_]{1,32}$")
    created_at: dt.datetime
    tables: dict[str, TableEntry]

    @property
    def total_rows(self) -> int:
        return sum(entry.rows for entry in self.tables.values())


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle whose members all match the manifest and the schema of its revision."""

    path: Path
    manifest: BundleManifest


def manifest_bytes(manifest: BundleManifest) -> bytes:
    """The manifest as written into a bundle: indented JSON, keys in a fixed order, UTC time with a Z."""
    created = manifest.created_at
    if created.tzinfo is not None:
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    document = {
        "format": manifest.format,
        "format_version": manifest.format_version,
        "schema_revision": manifest.schema_revision,
        "created_at": created.isoformat(timespec="seconds") + "Z",
        "tables": {name: entry.model_dump() for name, entry in manifest.tables.items()},
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- rows -------------------------------------------------------------------------------------------------


def _encode_value(value: Any) -> Any:
    """JSON for the column values json.dumps does not know (the rest are JSON already)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot store a {type(value).__name__} in a bundle")


# One encoder for every row: building one per call costs more than encoding a short row.
_ROW_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_encode_value
)


def encode_row(columns: list[str], row: Any) -> bytes:
    """One row as a JSON Lines record: keys in column order, compact separators, non-ASCII kept as is."""
    return (_ROW_ENCODER.encode(dict(zip(columns, row, strict=True))) + "\n").encode("utf-8")


def decoder(column: Column[Any]) -> Callable[[Any], Any] | None:
    """Turns a JSON value back into what the column's type binds, for the types JSON cannot carry."""
    kind = column.type
    if isinstance(kind, sqltypes.DateTime):
        return dt.datetime.fromisoformat
    if isinstance(kind, sqltypes.Date):
        return dt.date.fromisoformat
    if isinstance(kind, sqltypes.Time):
        return dt.time.fromisoformat
    if isinstance(kind, sqltypes.Numeric) and not isinstance(kind, sqltypes.Float) and kind.asdecimal:
        return decimal.Decimal
    if isinstance(kind, sqltypes.LargeBinary):
        return base64.b64decode
    return None


# --- tables and archives ----------------------------------------------------------------------------------


def data_tables(names: list[str]) -> list[str]:
    """The tables a bundle carries: not the schema revision's, and not the search index's.

    The search index is derived from ``statement`` and rebuilt as rows are restored; it is no data of its
    own. Its FTS5 shadow tables hold rows even when ``statement`` is empty (its configuration), so counting
    them would also make every freshly migrated SQLite database look filled.
    """
    return sorted(n for n in names if n != "alembic_version" and not is_search_index_table(n))


def count_rows(connection: Connection, name: str) -> int:
    return int(connection.execute(select(func.count()).select_from(table(name))).scalar_one())


def open_archive(path: Path) -> zipfile.ZipFile:
    """The bundle's zip archive, open for reading; InvalidInput when it is missing or no zip at all."""
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InvalidInput(f"file: {path} does not exist") from None
    except IsADirectoryError:
        raise InvalidInput(f"file: {path} is a folder, not a bundle") from None
    except OSError as error:
        raise InvalidInput(f"file: cannot read {path} ({error.strerror or error})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        raise InvalidInput(f"bundle: {path} is damaged or not a bundle ({error})") from None


def damaged(path: Path, member: str, error: Exception) -> InvalidInput:
    return InvalidInput(f"bundle: {path} is damaged: cannot read {member} ({error})")
