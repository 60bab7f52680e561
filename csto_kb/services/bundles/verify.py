"""Verifying a bundle before anything is restored: archive, manifest, checksums, and each row's columns."""

from __future__ import annotations

import functools
import hashlib
import json
import tempfile
import zipfile
import zlib
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import inspect

from csto_kb.errors import InvalidInput
from csto_kb.schemas.validation import describe
from csto_kb.services.bundles.format import (
    MANIFEST,
    MEMBER_SUFFIX,
    BundleManifest,
    TableEntry,
    VerifiedBundle,
    damaged,
    data_tables,
    open_archive,
)


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
                    for name in data_tables(inspector.get_table_names())
                }
        finally:
            engine.dispose()


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> BundleManifest:
    names = archive.namelist()
    if MANIFEST not in names:
        raise InvalidInput(f"bundle: {path} has no {MANIFEST}; it is not a csto-kb bundle or is damaged")
    try:
        raw = archive.read(MANIFEST)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise damaged(path, MANIFEST, error) from None
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

    with open_archive(path) as archive:
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
        raise damaged(path, member, error) from None
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
