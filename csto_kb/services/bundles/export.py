"""Writing a bundle: every table, read in one consistent snapshot, streamed into a zip beside its target."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, select
from sqlalchemy import types as sqltypes

from csto_kb.errors import DatabaseError, InvalidInput
from csto_kb.files import publish
from csto_kb.services.bundles.format import (
    BATCH_ROWS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEMBER_SUFFIX,
    ZIP_TIMESTAMP,
    BundleManifest,
    Progress,
    TableEntry,
    count_rows,
    encode_row,
    manifest_bytes,
)


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
                    total = sum(count_rows(connection, t.name) for t in tables)
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


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A temporary file in the bundle's folder, renamed over it when complete (a reader never sees half)."""
    if path.is_dir():
        raise InvalidInput(f"file: {path} is a folder; give the bundle's file name")
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise InvalidInput(f"file: cannot write {path} ({error.strerror or error})") from None


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
