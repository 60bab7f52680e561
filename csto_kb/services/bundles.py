"""Backup bundles: every table as JSON Lines in one zip with a checksummed manifest, and its verified restore.

A bundle is a zip archive (chosen over tar: the manifest and any member can be read without unpacking the
rest, every member carries a CRC-32, and a truncated archive loses its central directory and fails to open
at all, so damage is found before anything is written). It holds:

- ``<table>.jsonl`` for every table of the model: one JSON object per row, rows in primary-key order, keys
  in the table's column order, datetimes as ISO 8601, JSON columns as JSON values, booleans as booleans;
- ``manifest.json``: the format and its version, the schema (Alembic) revision, when it was made, and per
  table its row count and the SHA-256 of its member.

Identical data gives byte-identical members on SQLite and PostgreSQL. ``created_at`` comes from
``SOURCE_DATE_EPOCH`` when set, so then the whole archive is byte-identical too: member timestamps are
fixed and members are written in a fixed order.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import decimal
import functools
import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    Table,
    and_,
    bindparam,
    func,
    inspect,
    literal,
    select,
    table,
    text,
    update,
)
from sqlalchemy import types as sqltypes
from sqlalchemy.exc import DBAPIError, StatementError

from csto_kb.db.search_index import is_search_index_table
from csto_kb.errors import Conflict, DatabaseError, InvalidInput
from csto_kb.files import publish
from csto_kb.schemas.validation import describe
from csto_kb.settings import mask_url

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


@dataclass(frozen=True)
class RestoreReport:
    """What a restore loaded, and the revision the database ended at."""

    rows: dict[str, int]
    bundle_revision: str
    final_revision: str


# --- encoding ---------------------------------------------------------------------------------------------


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


def _decoder(column: Column[Any]) -> Callable[[Any], Any] | None:
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


# --- export -----------------------------------------------------------------------------------------------


def _member_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever the platform writing it
    info.external_attr = 0o644 << 16
    return info


def _ordered_by_key(table_: Table, dialect: str) -> Any:
    """SELECT of every row in primary-key order, the same order on both engines.

    PostgreSQL sorts text by the database's locale; "C" is byte order, which is SQLite's BINARY order.
    """
    keys: list[Any] = []
    for column in table_.primary_key.columns:
        is_text = isinstance(column.type, sqltypes.String)
        keys.append(column.collate("C") if is_text and dialect == "postgresql" else column)
    return select(table_).order_by(*keys)


def export_bundle(
    engine: Engine,
    path: Path,
    *,
    created_at: dt.datetime | None = None,
    progress: Progress | None = None,
) -> BundleManifest:
    """Write every table of the knowledge base to the bundle ``path``, replacing it only once complete.

    All tables are read in one repeatable-read transaction, so the bundle is a consistent snapshot while
    others keep writing; rows are streamed in batches, so memory does not grow with the tables.
    ``created_at`` defaults to SOURCE_DATE_EPOCH when set (a reproducible archive), else now.
    """
    from csto_kb.db.migrate import HEAD_REVISION, current_revision
    from csto_kb.model import Base
    from csto_kb.services.exports import clock_from_environment

    stamp = created_at or clock_from_environment() or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    revision = current_revision(engine)
    if revision != HEAD_REVISION:
        raise DatabaseError(
            f"the database is at schema revision {revision or 'none'}, not {HEAD_REVISION}; "
            "run `csto-kb db upgrade` first"
        )
    temporary = _temporary_beside(path)
    try:
        entries: dict[str, TableEntry] = {}
        with os.fdopen(temporary[0], "wb") as out, zipfile.ZipFile(out, "w") as archive:
            connection = engine.connect()
            if engine.dialect.name == "postgresql":
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection, connection.begin():
                tables = Base.metadata.sorted_tables
                total = 0
                if progress is not None:
                    total = sum(_count(connection, t.name) for t in tables)
                    progress(0, total)
                done = 0
                for table_ in tables:
                    entry, written = _write_member(archive, connection, table_)
                    entries[table_.name] = entry
                    done += written
                    if progress is not None:
                        progress(done, max(total, done))
            manifest = BundleManifest(
                format=FORMAT,
                format_version=FORMAT_VERSION,
                schema_revision=revision,
                created_at=stamp,
                tables=dict(sorted(entries.items())),
            )
            with archive.open(_member_info(MANIFEST), "w") as member:
                member.write(manifest_bytes(manifest))
        publish(temporary[1], path)
    except OSError as error:
        Path(temporary[1]).unlink(missing_ok=True)
        raise InvalidInput(f"file: cannot write {path} ({error.strerror or error})") from None
    except BaseException:
        Path(temporary[1]).unlink(missing_ok=True)
        raise
    return manifest


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


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A temporary file in the bundle's folder, renamed over it when complete (a reader never sees half)."""
    if path.is_dir():
        raise InvalidInput(f"file: {path} is a folder; give the bundle's file name")
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise InvalidInput(f"file: cannot write {path} ({error.strerror or error})") from None


def _count(connection: Connection, name: str) -> int:
    return int(connection.execute(select(func.count()).select_from(table(name))).scalar_one())


def _write_member(archive: zipfile.ZipFile, connection: Connection, table_: Table) -> tuple[TableEntry, int]:
    columns = [column.name for column in table_.columns]
    digest = hashlib.sha256()
    rows = 0
    query = _ordered_by_key(table_, connection.dialect.name)
    # force_zip64: a member may pass 2 GiB, and its size is not known when the header is written.
    with archive.open(_member_info(table_.name + MEMBER_SUFFIX), "w", force_zip64=True) as member:
        result = connection.execution_options(yield_per=BATCH_ROWS).execute(query)
        for batch in result.partitions():
            chunk = b"".join(encode_row(columns, row) for row in batch)
            digest.update(chunk)
            member.write(chunk)
            rows += len(batch)
    return TableEntry(rows=rows, sha256=digest.hexdigest()), rows


# --- verification -----------------------------------------------------------------------------------------


def _data_tables(names: list[str]) -> list[str]:
    """The tables a bundle carries: not the schema revision's, and not the search index's.

    The search index is derived from ``statement`` and rebuilt as rows are restored; it is no data of its
    own. Its FTS5 shadow tables hold rows even when ``statement`` is empty (its configuration), so counting
    them would also make every freshly migrated SQLite database look filled.
    """
    return sorted(n for n in names if n != "alembic_version" and not is_search_index_table(n))


@functools.cache
def schema_columns(revision: str) -> dict[str, tuple[str, ...]]:
    """Each table's columns at a schema revision, read from a scratch SQLite database migrated to it.

    This lets a bundle be checked against its own revision's schema before the target is touched.
    """
    from csto_kb.db import migrate
    from csto_kb.db.engine import make_engine

    with tempfile.TemporaryDirectory(prefix="csto-kb-schema-") as folder:
        url = f"sqlite:///{Path(folder) / 'schema.sqlite3'}"
        migrate.upgrade(url, revision)
        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                inspector = inspect(connection)
                return {
                    name: tuple(column["name"] for column in inspector.get_columns(name))
                    for name in _data_tables(inspector.get_table_names())
                }
        finally:
            engine.dispose()


def _open_archive(path: Path) -> zipfile.ZipFile:
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


def _damaged(path: Path, member: str, error: Exception) -> InvalidInput:
    return InvalidInput(f"bundle: {path} is damaged: cannot read {member} ({error})")


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> BundleManifest:
    names = archive.namelist()
    if MANIFEST not in names:
        raise InvalidInput(f"bundle: {path} has no {MANIFEST}; it is not a csto-kb bundle or is damaged")
    try:
        raw = archive.read(MANIFEST)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise _damaged(path, MANIFEST, error) from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise InvalidInput(f"bundle: {MANIFEST} in {path} is not JSON ({error})") from None
    try:
        return BundleManifest.model_validate(document)
    except ValidationError as error:
        raise InvalidInput(describe(error, where=f"bundle: {MANIFEST}: ")) from None


def read_bundle(path: Path) -> VerifiedBundle:
    """Open and verify a whole bundle, writing nothing anywhere; InvalidInput names the first problem.

    Checked: the archive and its CRCs, the manifest's form, that its revision is one this version knows,
    that the members are exactly the tables of that revision, each member's SHA-256 and row count, and
    that every row is a JSON object with exactly the table's columns.
    """
    from csto_kb.db.migrate import known_revisions

    with _open_archive(path) as archive:
        manifest = _read_manifest(path, archive)
        known = known_revisions()
        if manifest.schema_revision not in known:
            raise InvalidInput(
                f"bundle: schema revision {manifest.schema_revision} is unknown to this version of csto-kb "
                f"(it knows {', '.join(sorted(known))}); a newer csto-kb may read it"
            )
        names = archive.namelist()
        if len(names) != len(set(names)):
            raise InvalidInput(f"bundle: {path} holds a member twice")
        expected = {name + MEMBER_SUFFIX for name in manifest.tables}
        missing = sorted(expected - set(names))
        if missing:
            raise InvalidInput(f"bundle: {path} is missing {', '.join(missing)}, which its manifest lists")
        unexpected = sorted(set(names) - expected - {MANIFEST})
        if unexpected:
            raise InvalidInput(
                f"bundle: {path} holds {', '.join(unexpected)}, which its manifest does not list"
            )
        schema = schema_columns(manifest.schema_revision)
        absent = sorted(set(schema) - set(manifest.tables))
        if absent:
            raise InvalidInput(
                f"bundle: no table {', '.join(absent)}, which schema revision {manifest.schema_revision} has"
            )
        foreign = sorted(set(manifest.tables) - set(schema))
        if foreign:
            raise InvalidInput(
                f"bundle: table {', '.join(foreign)} is not part of schema revision {manifest.schema_revision}"
            )
        for name, entry in manifest.tables.items():
            _verify_member(path, archive, name, entry, schema[name])
    return VerifiedBundle(path=path, manifest=manifest)


def _verify_member(
    path: Path, archive: zipfile.ZipFile, name: str, entry: TableEntry, columns: tuple[str, ...]
) -> None:
    member = name + MEMBER_SUFFIX
    wanted = set(columns)
    digest = hashlib.sha256()
    rows = 0
    problem: str | None = None  # reported only once the checksum holds: damage explains bad JSON best
    try:
        with archive.open(member) as stream:
            for line in stream:
                digest.update(line)
                rows += 1
                if problem is None:
                    problem = _row_problem(line, wanted)
                    if problem is not None:
                        problem = f"row {rows}: {problem}"
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise _damaged(path, member, error) from None
    if digest.hexdigest() != entry.sha256:
        raise InvalidInput(f"bundle: {member} in {path} does not match its checksum; the bundle is damaged")
    if rows != entry.rows:
        raise InvalidInput(f"bundle: {member} holds {rows} rows, its manifest says {entry.rows}")
    if problem is not None:
        raise InvalidInput(f"bundle: {member}: {problem}")


def _row_problem(line: bytes, wanted: set[str]) -> str | None:
    if not line.endswith(b"\n"):
        return "the last line is cut off"
    try:
        record = json.loads(line)
    except ValueError as error:
        return f"not JSON ({error})"
    if not isinstance(record, dict):
        return "not a JSON object"
    if record.keys() != wanted:
        extra = sorted(record.keys() - wanted)
        lacking = sorted(wanted - record.keys())
        parts = ([f"unknown columns {', '.join(extra)}"] if extra else []) + (
            [f"missing columns {', '.join(lacking)}"] if lacking else []
        )
        return "; ".join(parts)
    return None


# --- restore ----------------------------------------------------------------------------------------------


def tables_with_rows(connection: Connection) -> list[str]:
    """The tables holding at least one row (the schema revision's own table and the search index aside)."""
    names = _data_tables(inspect(connection).get_table_names())
    return [n for n in names if connection.execute(select(literal(1)).select_from(table(n)).limit(1)).first()]


def _refuse_if_not_empty(connection: Connection, url: str) -> None:
    filled = tables_with_rows(connection)
    if filled:
        raise Conflict(
            f"the database {mask_url(url)} is not empty (rows in {', '.join(filled[:5])}"
            f"{' …' if len(filled) > 5 else ''}); restore a bundle into an empty database"
        )


def restore_bundle(url: str, bundle: VerifiedBundle, *, progress: Progress | None = None) -> RestoreReport:
    """Load a verified bundle into the empty database at ``url``, then upgrade it to the newest revision.

    The schema is created at the bundle's revision and the rows are inserted as they were (ids, change log
    and all) with Core statements, so no new change-log rows appear. All rows go in one transaction; if it
    fails, nothing is kept, and a schema this call created is removed again.
    """
    from csto_kb.db import migrate
    from csto_kb.db.engine import make_engine

    revision = bundle.manifest.schema_revision
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            _refuse_if_not_empty(connection, url)
        before = migrate.current_revision(engine)
        if before is not None and before not in migrate.known_revisions():
            raise DatabaseError(
                f"the database is at schema revision {before}, which this version of csto-kb does not know"
            )
        if before != revision:
            if before is not None:
                migrate.downgrade(url, "base")  # nothing to lose: every table is empty
            migrate.upgrade(url, revision)
        try:
            with engine.begin() as connection:
                _refuse_if_not_empty(connection, url)
                loaded = _load(connection, bundle, progress)
        except BaseException:
            if before is None:
                with contextlib.suppress(Exception):  # the load's own error is the one to report
                    migrate.downgrade(url, "base")
            raise
        if revision != migrate.HEAD_REVISION:
            migrate.upgrade(url, "head")
        final = migrate.current_revision(engine) or "none"
    finally:
        engine.dispose()
    return RestoreReport(rows=loaded, bundle_revision=revision, final_revision=final)


def _load(connection: Connection, bundle: VerifiedBundle, progress: Progress | None) -> dict[str, int]:
    manifest = bundle.manifest
    metadata = MetaData()
    metadata.reflect(connection, only=list(manifest.tables))
    total = manifest.total_rows
    done = 0
    if progress is not None:
        progress(0, total)
    loaded: dict[str, int] = {}
    with _open_archive(bundle.path) as archive:
        # sorted_tables puts parents before children; a table's references to itself wait (see below).
        for table_ in metadata.sorted_tables:
            entry = manifest.tables[table_.name]
            loaded[table_.name] = 0
            for batch_rows in _insert_table(connection, archive, bundle.path, table_, entry):
                loaded[table_.name] += batch_rows
                done += batch_rows
                if progress is not None:
                    progress(done, total)
            stored = _count(connection, table_.name)
            if stored != entry.rows:
                raise InvalidInput(
                    f"bundle: {table_.name} restored {stored} rows, its manifest says {entry.rows}"
                )
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection, metadata)
    return loaded


def _records(archive: zipfile.ZipFile, path: Path, name: str, entry: TableEntry) -> Iterator[dict[str, Any]]:
    """The member's rows, hashed again as they are read: a bundle changed since verification is refused."""
    member = name + MEMBER_SUFFIX
    digest = hashlib.sha256()
    try:
        with archive.open(member) as stream:
            for line in stream:
                digest.update(line)
                yield json.loads(line)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise _damaged(path, member, error) from None
    if digest.hexdigest() != entry.sha256:
        raise InvalidInput(f"bundle: {member} in {path} changed while it was restored")


def _insert_table(
    connection: Connection, archive: zipfile.ZipFile, path: Path, table_: Table, entry: TableEntry
) -> Iterator[int]:
    """Insert a member's rows in batches (Core executemany), yielding each batch's size.

    A column referring to its own table (entity.part_of_id) is inserted as NULL and set in a second pass:
    a parent may have a higher id than its child once someone has edited the tree, and PostgreSQL checks
    foreign keys row by row.
    """
    decoders = {c.name: d for c in table_.columns if (d := _decoder(c)) is not None}
    self_refs = [
        c.name
        for c in table_.columns
        if c.nullable and any(fk.column.table is table_ for fk in c.foreign_keys)
    ]
    insert = table_.insert()
    batch: list[dict[str, Any]] = []
    try:
        for record in _records(archive, path, table_.name, entry):
            for name, decode in decoders.items():
                if record[name] is not None:
                    record[name] = decode(record[name])
            for name in self_refs:
                record[name] = None
            batch.append(record)
            if len(batch) == BATCH_ROWS:
                connection.execute(insert, batch)
                yield len(batch)
                batch = []
        if batch:
            connection.execute(insert, batch)
            yield len(batch)
        if self_refs:
            _set_self_references(connection, archive, path, table_, entry, self_refs, decoders)
    except (DBAPIError, StatementError) as error:
        message = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise InvalidInput(f"bundle: the database refused a row of {table_.name}: {message}") from None
    except (ValueError, TypeError, KeyError) as error:
        raise InvalidInput(
            f"bundle: a row of {table_.name} has a value of the wrong form ({error})"
        ) from None


def _set_self_references(
    connection: Connection,
    archive: zipfile.ZipFile,
    path: Path,
    table_: Table,
    entry: TableEntry,
    self_refs: list[str],
    decoders: dict[str, Callable[[Any], Any]],
) -> None:
    keys = list(table_.primary_key.columns)
    statement = (
        update(table_)
        .where(and_(*(key == bindparam(f"key_{key.name}") for key in keys)))
        .values({name: bindparam(f"new_{name}") for name in self_refs})
    )
    batch: list[dict[str, Any]] = []
    for record in _records(archive, path, table_.name, entry):
        if all(record[name] is None for name in self_refs):
            continue
        params = {f"key_{k.name}": _decoded(record, k.name, decoders) for k in keys}
        params.update({f"new_{name}": record[name] for name in self_refs})
        batch.append(params)
        if len(batch) == BATCH_ROWS:
            connection.execute(statement, batch)
            batch = []
    if batch:
        connection.execute(statement, batch)


def _decoded(record: dict[str, Any], name: str, decoders: dict[str, Callable[[Any], Any]]) -> Any:
    value = record[name]
    decode = decoders.get(name)
    return decode(value) if decode is not None and value is not None else value


def _reset_sequences(connection: Connection, metadata: MetaData) -> None:
    """Move each id sequence past the restored ids, so the next insert does not collide with them."""
    preparer = connection.dialect.identifier_preparer
    for table_ in metadata.sorted_tables:
        keys = list(table_.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, sqltypes.Integer):
            continue
        quoted_table = preparer.quote(table_.name)
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": quoted_table, "column": keys[0].name},
        ).scalar()
        if sequence is None:
            continue
        column = preparer.quote(keys[0].name)
        # With no rows, the sequence restarts at 1 (is_called false); otherwise it continues after max(id).
        connection.execute(
            text(
                f"SELECT setval(:sequence, COALESCE(max({column}), 1), max({column}) IS NOT NULL) "
                f"FROM {quoted_table}"
            ),
            {"sequence": sequence},
        )
