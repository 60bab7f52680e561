"""Restoring a verified bundle into an empty database, at the bundle's schema revision, then upgrading it."""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    MetaData,
    Table,
    and_,
    bindparam,
    inspect,
    literal,
    select,
    table,
    text,
    update,
)
from sqlalchemy import types as sqltypes
from sqlalchemy.exc import DBAPIError, StatementError

from csto_kb.errors import Conflict, DatabaseError, InvalidInput
from csto_kb.services.bundles.format import (
    BATCH_ROWS,
    MEMBER_SUFFIX,
    Progress,
    TableEntry,
    VerifiedBundle,
    count_rows,
    damaged,
    data_tables,
    decoder,
    open_archive,
)
from csto_kb.settings import mask_url


@dataclass(frozen=True)
class RestoreReport:
    """What a restore loaded, and the revision the database ended at."""

    rows: dict[str, int]
    bundle_revision: str
    final_revision: str


def tables_with_rows(connection: Connection) -> list[str]:
    """The tables holding at least one row (the schema revision's own table and the search index aside)."""
    names = data_tables(inspect(connection).get_table_names())
    return [n for n in names if connection.execute(select(literal(1)).select_from(table(n)).limit(1)).first()]


def _refuse_if_not_empty(connection: Connection, url: str) -> None:
    filled = tables_with_rows(connection)
    if filled:
        raise Conflict(
            f"the database {mask_url(url)} is not empty (rows in {', '.join(filled[:5])}"
            f"{' …' if len(filled) > 5 else ''}); restore a bundle into an empty database"
        )


def restore_bundle(url: str, bundle: VerifiedBundle, *, progress: Progress | None = None) -> RestoreReport:
    """Load a verified bundle into the empty database at ``url``, and bring it to the newest revision.

    One transaction does it all: the schema made at the bundle's revision, the rows inserted as they were
    (ids, change log and all, with Core statements, so no new change-log rows appear), and the upgrade of an
    older bundle to the newest revision. The migrations join that transaction (DDL is transactional on both
    engines), so a restore interrupted anywhere, by an error or a kill, leaves the database as it was: a second
    `import bundle` finds it empty and starts afresh. There is no state in between to recognise or resume.
    """
    from csto_kb.db import migrate
    from csto_kb.db.engine import make_engine
    from csto_kb.db.unit_of_work import current_user
    from csto_kb.db.write_lock import announce

    revision = bundle.manifest.schema_revision
    # Foreign keys off, as for every migration (batch mode copies tables on SQLite; a cascade would empty their
    # children); the integrity of what was loaded is checked before the commit instead.
    engine = make_engine(url, foreign_keys=False)
    try:
        with (
            engine.connect() as connection,
            connection.begin(),
            announce(connection, f"import bundle {bundle.path.name}", current_user()),
        ):
            _refuse_if_not_empty(connection, url)
            before = migrate.revision_on(connection)
            if before is not None and before not in migrate.known_revisions():
                raise DatabaseError(
                    f"the database is at schema revision {before}, which this version of csto-kb does not know"
                )
            if before != revision:
                if before is not None:
                    migrate.downgrade(
                        url, "base", connection=connection
                    )  # nothing to lose: every table is empty
                migrate.upgrade(url, revision, connection=connection)
            loaded = _load(connection, bundle, progress)
            if revision != migrate.HEAD_REVISION:
                migrate.upgrade(url, "head", connection=connection)
            _check_foreign_keys(connection)
            final = migrate.revision_on(connection) or "none"
    finally:
        engine.dispose()
    return RestoreReport(rows=loaded, bundle_revision=revision, final_revision=final)


def _check_foreign_keys(connection: Connection) -> None:
    """SQLite loaded with its checks off: every reference must still hold before the commit."""
    if connection.dialect.name != "sqlite":
        return  # PostgreSQL checked each row as it went in
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, row_id, parent, _ = broken[0]
        raise InvalidInput(
            f"bundle: {len(broken)} rows refer to rows it does not hold (first: {table} row {row_id} → {parent}); "
            "nothing was restored"
        )


def _load(connection: Connection, bundle: VerifiedBundle, progress: Progress | None) -> dict[str, int]:
    manifest = bundle.manifest
    metadata = MetaData()
    metadata.reflect(connection, only=list(manifest.tables))
    total = manifest.total_rows
    done = 0
    if progress is not None:
        progress(0, total)
    loaded: dict[str, int] = {}
    with open_archive(bundle.path) as archive:
        # sorted_tables puts parents before children; a table's references to itself wait (see below).
        for table_ in metadata.sorted_tables:
            entry = manifest.tables[table_.name]
            loaded[table_.name] = 0
            for batch_rows in _insert_table(connection, archive, bundle.path, table_, entry):
                loaded[table_.name] += batch_rows
                done += batch_rows
                if progress is not None:
                    progress(done, total)
            stored = count_rows(connection, table_.name)
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
        raise damaged(path, member, error) from None
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
    decoders = {c.name: d for c in table_.columns if (d := decoder(c)) is not None}
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
