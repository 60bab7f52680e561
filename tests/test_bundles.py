"""export bundle | import bundle: backups that lose nothing, restore on either engine, and refuse damage."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, inspect, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.db.migrate import HEAD_REVISION
from csto_kb.model import CLAIM_TABLES, Base
from csto_kb.services.bundles import (
    MANIFEST,
    encode_row,
    export_bundle,
    read_bundle,
    schema_columns,
    tables_with_rows,
)
from tests.helpers import (
    ENGINES,
    Databases,
    PostgresServer,
    Run,
    ok,
    one_line_error,
    postgres_problem,
    table_counts,
)

Cli = Callable[..., Run]
EPOCH = "1704067200"  # 2024-01-01T00:00:00Z


# --- helpers ----------------------------------------------------------------------------------------------


def export(cli: Cli, url: str, path: Path) -> Path:
    run = ok(cli("--db", url, "export", "bundle", str(path)))
    assert run.stdout.startswith(f"wrote {path}: ")
    return path


def restore(cli: Cli, url: str, path: Path) -> Run:
    return cli("--db", url, "import", "bundle", str(path))


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def manifest_of(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(members(path)[MANIFEST])
    return document


def without_created_at(manifest: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in manifest.items() if key != "created_at"}


def write_bundle(target: Path, contents: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    return target


def with_fresh_checksums(contents: dict[str, bytes], **manifest_changes: Any) -> dict[str, bytes]:
    """The members as given, with a manifest whose counts and checksums describe them."""
    manifest = json.loads(contents[MANIFEST])
    manifest.update(manifest_changes)
    manifest["tables"] = {
        name.removesuffix(".jsonl"): {
            "rows": data.count(b"\n"),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        for name, data in sorted(contents.items())
        if name != MANIFEST
    }
    return {**contents, MANIFEST: json.dumps(manifest, indent=2).encode()}


def is_blank(url: str) -> bool:
    """No tables at all: the restore stopped before creating anything."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return inspect(connection).get_table_names() == []
    finally:
        engine.dispose()


def stored_rows(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return tables_with_rows(connection)
    finally:
        engine.dispose()


def highest_id(url: str, table: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(f"SELECT max(id) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def revision_at(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def counts_at(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        return table_counts(engine)
    finally:
        engine.dispose()


@pytest.fixture
def seed_bundle(cli: Cli, db_url: str, tmp_path: Path) -> Path:
    return export(cli, db_url, tmp_path / "seed.zip")


# --- export -----------------------------------------------------------------------------------------------


def test_export_bundle_has_a_manifest_with_the_head_revision_and_every_tables_count(
    cli: Cli, engine: Engine, seed_bundle: Path
) -> None:
    manifest = manifest_of(seed_bundle)
    contents = members(seed_bundle)

    assert manifest["format"] == "csto-kb-bundle"
    assert manifest["format_version"] == 1
    assert manifest["schema_revision"] == HEAD_REVISION
    assert {name: entry["rows"] for name, entry in manifest["tables"].items()} == table_counts(engine)
    assert set(contents) == {MANIFEST} | {f"{name}.jsonl" for name in Base.metadata.tables}
    for name, entry in manifest["tables"].items():
        data = contents[f"{name}.jsonl"]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        rows = [json.loads(line) for line in data.splitlines()]
        assert len(rows) == entry["rows"]
        columns = [c.name for c in Base.metadata.tables[name].columns]
        assert all(list(row) == columns for row in rows), f"{name}: columns out of table order"


def test_export_bundle_writes_rows_in_key_order_with_typed_values(seed_bundle: Path) -> None:
    contents = members(seed_bundle)
    changes = [json.loads(line) for line in contents["change.jsonl"].splitlines()]
    assert [c["id"] for c in changes] == sorted(c["id"] for c in changes)
    assert isinstance(changes[0]["after"], dict)  # a JSON column is an object, not a string
    assert "T" in changes[0]["at"]  # datetimes in ISO 8601
    names = [json.loads(line) for line in contents["entity_name.jsonl"].splitlines()]
    assert {type(n["is_primary"]) for n in names} == {bool}
    about = [json.loads(line) for line in contents["statement_about.jsonl"].splitlines()]
    keys = [(a["statement_id"], a["entity_id"]) for a in about]
    assert keys == sorted(keys)
    assert "ستانيسلاف".encode() in contents["statement.jsonl"]  # Arabic as UTF-8, not \\u escapes


def test_export_bundle_is_byte_identical_with_source_date_epoch(
    cli: Cli, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = export(cli, db_url, tmp_path / "first.zip")
    second = export(cli, db_url, tmp_path / "second.zip")

    assert first.read_bytes() == second.read_bytes()
    assert manifest_of(first)["created_at"] == "2024-01-01T00:00:00Z"
    assert {info.date_time for info in zipfile.ZipFile(first).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_export_bundle_reports_progress_up_to_every_row(engine: Engine, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    manifest = export_bundle(
        engine, tmp_path / "b.zip", progress=lambda done, total: seen.append((done, total))
    )
    assert seen[0] == (0, manifest.total_rows)
    assert seen[-1] == (manifest.total_rows, manifest.total_rows)


# --- round trips ------------------------------------------------------------------------------------------


def test_export_import_export_gives_identical_members(
    cli: Cli, databases: Databases, seed_bundle: Path, tmp_path: Path
) -> None:
    target = databases.empty()

    run = ok(restore(cli, target, seed_bundle))
    again = export(cli, target, tmp_path / "again.zip")

    assert run.stdout.startswith(f"restored {seed_bundle}: ")
    before, after = members(seed_bundle), members(again)
    assert {n: d for n, d in before.items() if n != MANIFEST} == {
        n: d for n, d in after.items() if n != MANIFEST
    }
    assert without_created_at(manifest_of(seed_bundle)) == without_created_at(manifest_of(again))


def test_a_restored_database_takes_new_rows_after_the_restored_ids(
    cli: Cli, databases: Databases, seed_bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = databases.empty()
    ok(restore(cli, target, seed_bundle))
    before = {name: highest_id(target, name) for name in ("statement", "entity", "change")}
    monkeypatch.setenv("CSTO_KB_DATABASE_URL", target)

    ok(cli("statement", "add", "--speaker", "Stanislav Zas", "--quote", "ويضم هذا التحالف", "--source", "1"))
    ok(cli("entity", "add", "Someone New", "--kind", "person"))

    assert highest_id(target, "statement") == before["statement"] + 1
    assert highest_id(target, "entity") == before["entity"] + 1
    assert highest_id(target, "change") > before["change"]


def test_restore_sets_a_parent_with_a_higher_id_than_its_child(
    cli: Cli, databases: Databases, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    # After edits a parent can come later than its child; PostgreSQL checks foreign keys row by row.
    with engine.begin() as connection:
        last = connection.execute(text("SELECT max(id) FROM entity")).scalar_one()
        connection.execute(text("UPDATE entity SET part_of_id = :last WHERE id = 1"), {"last": last})
    bundle = export(cli, db_url, tmp_path / "tree.zip")
    target = databases.empty()

    ok(restore(cli, target, bundle))

    assert (
        members(export(cli, target, tmp_path / "again.zip"))["entity.jsonl"]
        == members(bundle)["entity.jsonl"]
    )


def test_restore_streams_tables_larger_than_one_batch(
    cli: Cli, databases: Databases, engine: Engine, tmp_path: Path
) -> None:
    rows = [
        {"at": "2024-01-01 00:00:00", "by": "bench", "action": "update", "table_name": "entity", "row_id": i}
        for i in range(2_500)
    ]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO change (at, by, action, table_name, row_id, before, after) "
                "VALUES (:at, :by, :action, :table_name, :row_id, NULL, NULL)"
            ),
            rows,
        )
    url = engine.url.render_as_string(hide_password=False)
    bundle = export(cli, url, tmp_path / "big.zip")
    target = databases.empty()

    ok(restore(cli, target, bundle))

    assert counts_at(target) == counts_at(url)
    assert (
        members(export(cli, target, tmp_path / "again.zip"))["change.jsonl"]
        == members(bundle)["change.jsonl"]
    )


@pytest.fixture
def both_engines(
    tmp_path: Path, templates: dict[str, str], postgres_server: PostgresServer | None
) -> Iterator[dict[str, Databases]]:
    """Database factories for SQLite and PostgreSQL together, for bundles that cross from one to the other."""
    if "postgresql" not in ENGINES:
        pytest.skip("PostgreSQL left out by CSTO_KB_TEST_ENGINES")
    problem = postgres_problem()
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the cross-engine test must run in CI: {problem}")
        pytest.skip(problem)
    factories = {
        name: Databases(name, tmp_path, templates[name], postgres_server) for name in ("sqlite", "postgresql")
    }
    yield factories
    factories["postgresql"].drop_all()


@pytest.mark.parametrize(("first", "second"), [("sqlite", "postgresql"), ("postgresql", "sqlite")])
def test_bundles_cross_engines_both_ways_unchanged(
    cli: Cli, both_engines: dict[str, Databases], tmp_path: Path, first: str, second: str
) -> None:
    original = export(cli, both_engines[first].seeded(), tmp_path / "original.zip")
    across = both_engines[second].empty()
    ok(restore(cli, across, original))
    crossed = export(cli, across, tmp_path / "crossed.zip")
    back = both_engines[first].empty()
    ok(restore(cli, back, crossed))
    returned = export(cli, back, tmp_path / "returned.zip")

    expected = {n: d for n, d in members(original).items() if n != MANIFEST}
    assert {n: d for n, d in members(crossed).items() if n != MANIFEST} == expected
    assert {n: d for n, d in members(returned).items() if n != MANIFEST} == expected
    assert without_created_at(manifest_of(returned)) == without_created_at(manifest_of(original))


# --- refusals ---------------------------------------------------------------------------------------------


def test_import_into_a_database_with_rows_exits_1_and_writes_nothing(
    cli: Cli, db_url: str, seed_bundle: Path
) -> None:
    before = counts_at(db_url)

    one_line_error(restore(cli, db_url, seed_bundle), 1, "not empty")

    assert counts_at(db_url) == before


def test_import_into_an_empty_database_already_at_head_restores(
    cli: Cli, databases: Databases, seed_bundle: Path
) -> None:
    target = databases.empty()
    migrate.upgrade(target)

    ok(restore(cli, target, seed_bundle))

    assert {name: entry["rows"] for name, entry in manifest_of(seed_bundle)["tables"].items()} == counts_at(
        target
    )


def _flip_a_byte_in_a_member(contents: dict[str, bytes], path: Path) -> None:
    # The zip's own CRC finds a change in the stored bytes before the checksum does.
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("statement.jsonl")
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 20] ^= 0xFF
    path.write_bytes(bytes(data))


def _change_a_member_behind_the_manifest(contents: dict[str, bytes], path: Path) -> None:
    original = contents["statement.jsonl"]
    contents["statement.jsonl"] = original.replace(b'{"id":1,', b'{"id":99,', 1)
    assert contents["statement.jsonl"] != original
    write_bundle(path, contents)


def _truncate(contents: dict[str, bytes], path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _drop_the_manifest(contents: dict[str, bytes], path: Path) -> None:
    write_bundle(path, {n: d for n, d in contents.items() if n != MANIFEST})


def _drop_a_member(contents: dict[str, bytes], path: Path) -> None:
    write_bundle(path, {n: d for n, d in contents.items() if n != "entity.jsonl"})


def _claim_an_unknown_revision(contents: dict[str, bytes], path: Path) -> None:
    write_bundle(path, with_fresh_checksums(contents, schema_revision="9999"))


def _miscount_rows(contents: dict[str, bytes], path: Path) -> None:
    contents["translation.jsonl"] = b"\n".join(contents["translation.jsonl"].splitlines()[1:]) + b"\n"
    manifest = json.loads(contents[MANIFEST])
    manifest["tables"]["translation"]["sha256"] = hashlib.sha256(contents["translation.jsonl"]).hexdigest()
    write_bundle(path, {**contents, MANIFEST: json.dumps(manifest).encode()})


def _rename_a_column(contents: dict[str, bytes], path: Path) -> None:
    contents["role.jsonl"] = contents["role.jsonl"].replace(b'"valid_from":', b'"valid_form":')
    write_bundle(path, with_fresh_checksums(contents))


def _not_a_zip(contents: dict[str, bytes], path: Path) -> None:
    path.write_text("id,quote\n1,hello\n")


@pytest.mark.parametrize(
    ("damage", "needle"),
    [
        (_flip_a_byte_in_a_member, "damaged"),
        (_change_a_member_behind_the_manifest, "does not match its checksum"),
        (_truncate, "damaged"),
        (_drop_the_manifest, "no manifest.json"),
        (_drop_a_member, "missing entity.jsonl"),
        (_claim_an_unknown_revision, "revision 9999 is unknown"),
        (_miscount_rows, "manifest says"),
        (_rename_a_column, "unknown columns valid_form"),
        (_not_a_zip, "not a bundle"),
    ],
)
def test_a_damaged_bundle_exits_2_before_anything_is_written(
    cli: Cli,
    databases: Databases,
    seed_bundle: Path,
    tmp_path: Path,
    damage: Callable[[dict[str, bytes], Path], None],
    needle: str,
) -> None:
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(seed_bundle.read_bytes())
    damage(members(seed_bundle), damaged)
    target = databases.empty()

    one_line_error(restore(cli, target, damaged), 2, needle)

    assert is_blank(target)


def test_a_bundle_the_database_refuses_leaves_the_target_empty(
    cli: Cli, databases: Databases, seed_bundle: Path, tmp_path: Path
) -> None:
    contents = members(seed_bundle)
    first, *rest = contents["membership.jsonl"].splitlines(keepends=True)
    row = json.loads(first)
    row["member_id"] = 999_999  # no such entity: a foreign key the checksum cannot vouch for
    contents["membership.jsonl"] = json.dumps(row).encode() + b"\n" + b"".join(rest)
    refused = write_bundle(tmp_path / "refused.zip", with_fresh_checksums(contents))
    target = databases.empty()

    one_line_error(restore(cli, target, refused), 2, "membership")

    assert stored_rows(target) == []
    assert revision_at(target) is None


# --- older schema revisions -------------------------------------------------------------------------------


def bundle_at_revision(head_bundle: Path, revision: str, target: Path) -> Path:
    """The head bundle cut down to an older revision's tables and columns, as that revision would write it."""
    columns = schema_columns(revision)
    contents: dict[str, bytes] = {MANIFEST: members(head_bundle)[MANIFEST]}
    head = members(head_bundle)
    # Before 0005 each claim held its one source and span itself: taken back from its first evidence.
    first_evidence: dict[tuple[str, int], dict[str, Any]] = {}
    for line in head["evidence.jsonl"].splitlines():
        evidence = json.loads(line)
        claim = next((t, evidence[f"{t}_id"]) for t in CLAIM_TABLES if evidence[f"{t}_id"] is not None)
        first_evidence.setdefault(claim, evidence)
    # Before 0008 a role's and an event's titles were two columns, title (English) and title_ar.
    titles: dict[tuple[str, int], dict[str, Any]] = {}
    for owner in ("role", "event"):
        for line in head[f"{owner}_title.jsonl"].splitlines():
            title = json.loads(line)
            column = {"en": "title", "ar": "title_ar"}[title["lang"]]
            titles.setdefault((owner, title[f"{owner}_id"]), {"title_ar": None})[column] = title["text"]
    # Before 0009 an organisation fact's words were text (with its lang) and text_en.
    for line in head["organisation_fact_text.jsonl"].splitlines():
        words = json.loads(line)
        held = titles.setdefault(("organisation_fact", words["fact_id"]), {"text_en": None})
        if words["is_original"]:
            held.update(text=words["text"], lang=words["lang"])
        else:
            held["text_en"] = words["text"]
    # Before 0010 a force figure's label was unit (the English row, else the original) and unit_original.
    for line in head["force_level_unit.jsonl"].splitlines():
        label = json.loads(line)
        held = titles.setdefault(("force_level", label["force_level_id"]), {"unit_original": None})
        if label["lang"] == "en" or "unit" not in held:
            held["unit"] = label["text"]
    for name, data in head.items():
        table_name = name.removesuffix(".jsonl")
        if name == MANIFEST or table_name not in columns:
            continue
        kept = [c for c in columns[table_name] if c in Base.metadata.tables[table_name].columns]
        kept += [c for c in columns[table_name] if c not in kept]
        rows = [json.loads(line) for line in data.splitlines()]
        for row in rows:
            if table_name in CLAIM_TABLES:
                row.update({k: v for k, v in first_evidence[(table_name, row["id"])].items() if k not in row})
                row.update(titles.get((table_name, row["id"]), {}))
            if row.get("said_on_basis") == "not_after":
                row["said_on"] = None
        contents[name] = b"".join(encode_row(kept, [row[c] for c in kept]) for row in rows)
    return write_bundle(target, with_fresh_checksums(contents, schema_revision=revision))


def test_a_bundle_from_revision_0001_restores_and_ends_at_head(
    cli: Cli, databases: Databases, seed_bundle: Path, tmp_path: Path
) -> None:
    old = bundle_at_revision(seed_bundle, "0001", tmp_path / "0001.zip")
    assert read_bundle(old).manifest.schema_revision == "0001"
    assert "candidate.jsonl" not in members(old)
    target = databases.empty()

    run = ok(restore(cli, target, old))

    assert f"upgraded to {HEAD_REVISION}" in run.stdout
    assert revision_at(target) == HEAD_REVISION
    expected = {name: entry["rows"] for name, entry in manifest_of(old)["tables"].items()}
    restored = counts_at(target)
    assert {name: restored[name] for name in expected} == expected
    assert restored["candidate"] == 0
    # Revision 0008 moved each role's and event's title into rows: one English row each, plus the Arabic.
    assert restored["role_title"] >= expected["role"]
    assert restored["event_title"] >= expected["event"]
    # Revision 0009 moved each organisation fact's words into rows: the original, plus the English.
    assert restored["organisation_fact_text"] >= expected["organisation_fact"]
    # Revision 0010 moved each force figure's label into rows: one each for the seed's.
    assert restored["force_level_unit"] == expected["force_level"]


@pytest.mark.slow  # migrations
def test_a_bundle_from_an_older_revision_restores_into_an_empty_database_at_head(
    cli: Cli, databases: Databases, seed_bundle: Path, tmp_path: Path
) -> None:
    old = bundle_at_revision(seed_bundle, "0001", tmp_path / "0001.zip")
    target = databases.empty()
    migrate.upgrade(target)

    ok(restore(cli, target, old))

    assert revision_at(target) == HEAD_REVISION
    assert counts_at(target)["statement"] == manifest_of(old)["tables"]["statement"]["rows"]


@pytest.mark.slow  # migrations
def test_a_restore_stopped_between_load_and_upgrade_leaves_nothing_and_runs_again(
    cli: Cli, databases: Databases, seed_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = bundle_at_revision(seed_bundle, "0001", tmp_path / "0001.zip")
    target = databases.empty()
    real_upgrade = migrate.upgrade

    def stopped_before_head(
        url: str, revision: str = "head", *, connection: Connection | None = None
    ) -> None:
        if revision == "head":  # the rows are in, at revision 0001: the process dies here
            raise RuntimeError("killed between the load and the upgrade")
        real_upgrade(url, revision, connection=connection)

    monkeypatch.setattr(migrate, "upgrade", stopped_before_head)
    with pytest.raises(RuntimeError, match="killed"):
        restore(cli, target, old)
    # Not left at 0001 with the rows in (which a second restore would refuse as not empty): nothing at all.
    assert revision_at(target) is None
    assert stored_rows(target) == []

    monkeypatch.setattr(migrate, "upgrade", real_upgrade)
    ok(restore(cli, target, old))
    assert revision_at(target) == HEAD_REVISION
    assert counts_at(target)["statement"] == manifest_of(old)["tables"]["statement"]["rows"]


# --- bad input at the command line ------------------------------------------------------------------------


def test_export_bundle_to_an_unwritable_path_exits_2(cli: Cli, db_url: str, tmp_path: Path) -> None:
    one_line_error(cli("export", "bundle", str(tmp_path / "missing" / "b.zip")), 2, "cannot write")
    one_line_error(cli("export", "bundle", str(tmp_path)), 2, "is a folder")
    one_line_error(cli("export", "bundle", "-"), 2, "file name")
    assert not (tmp_path / "missing").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_import_bundle_of_a_missing_file_exits_2(cli: Cli, empty_db_url: str, tmp_path: Path) -> None:
    one_line_error(cli("import", "bundle", str(tmp_path / "nowhere.zip")), 2, "does not exist")
    assert is_blank(empty_db_url)
