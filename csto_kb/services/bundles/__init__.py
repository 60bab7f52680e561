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

One module per job: `format` (the manifest, the row encoding, opening an archive), `export` (writing a
bundle), `verify` (checking one before anything is restored) and `restore` (loading a verified one).
"""

from csto_kb.services.bundles.export import export_bundle
from csto_kb.services.bundles.format import (
    BATCH_ROWS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEMBER_SUFFIX,
    BundleManifest,
    Progress,
    TableEntry,
    VerifiedBundle,
    encode_row,
    manifest_bytes,
)
from csto_kb.services.bundles.restore import RestoreReport, restore_bundle, tables_with_rows
from csto_kb.services.bundles.verify import read_bundle, schema_columns

__all__ = [
    "BATCH_ROWS",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "MEMBER_SUFFIX",
    "BundleManifest",
    "Progress",
    "RestoreReport",
    "TableEntry",
    "VerifiedBundle",
    "encode_row",
    "export_bundle",
    "manifest_bytes",
    "read_bundle",
    "restore_bundle",
    "schema_columns",
    "tables_with_rows",
]
