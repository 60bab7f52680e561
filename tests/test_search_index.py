"""The substring index over statement.quote_norm: FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL.

It must exist after every upgrade, find exactly the rows `quote_norm LIKE '%…%'` finds, follow inserts,
edits and deletes, come and go with its migration, stay out of `db check` and of backup bundles, and be
filled again when a bundle is restored. Seeded statement #11 is the only one containing "حفظ السلام".
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, MetaData, Table, insert, inspect, select, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.db.search_index import PG_QUOTE_TRGM_INDEX, is_search_index_table
from csto_kb.model import Base
from csto_kb.services.bundles import tables_with_rows
from csto_kb.text import normalise_for_search, quote_key
from tests.helpers import Databases, Run, ok

Cli = Callable[..., Run]

BEFORE_INDEX = "0003"
PEACEKEEPING = "حفظ السلام"  # in seeded statement #11 only
PEACEKEEPING_STATEMENT = 11
TRIGGERS = {"statement_fts_ai", "statement_fts_ad", "statement_fts_au"}
STATEMENT = Base.metadata.tables["statement"]


# --- helpers ----------------------------------------------------------------------------------------------


def fts_ids(connection: Connection, needle: str) -> list[int]:
    """Statements the FTS5 index finds for a needle, asked as a phrase (its trigrams in a row)."""
    phrase = '"' + needle.replace('"', '""') + '"'
    rows = connection.execute(
        text("SELECT rowid FROM statement_fts WHERE statement_fts MATCH :phrase ORDER BY rowid"),
        {"phrase": phrase},
    )
    return [int(r) for r in rows.scalars()]


def like_ids(connection: Connection, needle: str) -> list[int]:
    """Statements whose normalised quote contains the needle, found the way who-said --contains finds them."""
    query = select(STATEMENT.c.id).where(STATEMENT.c.quote_norm.contains(needle, autoescape=True))
    return [int(i) for i in connection.execute(query.order_by(STATEMENT.c.id)).scalars()]


def sqlite_objects(connection: Connection) -> dict[str, set[str]]:
    rows = connection.execute(text("SELECT type, name FROM sqlite_master WHERE name LIKE 'statement_fts%'"))
    found: dict[str, set[str]] = {"table": set(), "trigger": set()}
    for kind, name in rows:
        found.setdefault(kind, set()).add(name)
    return found


def pg_index_definition(connection: Connection) -> str | None:
    return connection.execute(
        text("SELECT indexdef FROM pg_indexes WHERE tablename = 'statement' AND indexname = :name"),
        {"name": PG_QUOTE_TRGM_INDEX},
    ).scalar()


def assert_index_present(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            objects = sqlite_objects(connection)
            assert "statement_fts" in objects["table"]
            assert objects["trigger"] == TRIGGERS
        else:
            definition = pg_index_definition(connection)
            assert definition is not None, f"{PG_QUOTE_TRGM_INDEX} is missing"
            assert "USING gin (quote_norm gin_trgm_ops)" in definition


def assert_index_absent(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            assert sqlite_objects(connection) == {"table": set(), "trigger": set()}
        else:
            assert pg_index_definition(connection) is None


def assert_index_finds_every_row(engine: Engine) -> None:
    """Each statement is found by a needle taken from its own quote, as LIKE finds it."""
    with engine.connect() as connection:
        quotes = connection.execute(select(STATEMENT.c.id, STATEMENT.c.quote_norm)).all()
        assert quotes
        for statement_id, quote_norm in quotes:
            needle = quote_norm[:12]
            assert statement_id in like_ids(connection, needle)
            if engine.dialect.name == "sqlite":
                assert fts_ids(connection, needle) == like_ids(connection, needle)


def add_statement_like(connection: Connection, model_id: int, quote: str) -> int:
    """A new statement with another statement's speaker and source and the given quote, by Core insert.

    The tables are read from the database, so that this works at an older revision too.
    """
    tables = MetaData()
    statement = Table("statement", tables, autoload_with=connection)
    row = dict(connection.execute(select(statement).where(statement.c.id == model_id)).mappings().one())
    del row["id"]
    norm = normalise_for_search(quote)
    row.update(uid=quote_key(quote), quote=quote, quote_norm=norm, quote_key=quote_key(quote))
    new_id = int(connection.execute(insert(statement).values(row).returning(statement.c.id)).scalar_one())
    if inspect(connection).has_table("evidence"):
        evidence = Table("evidence", tables, autoload_with=connection)
        first = dict(
            connection.execute(select(evidence).where(evidence.c.statement_id == model_id)).mappings().first()
            or {}
        )
        del first["id"]
        connection.execute(insert(evidence).values({**first, "statement_id": new_id}))
    return new_id


@pytest.fixture
def seeded_engine(databases: Databases) -> Iterator[Engine]:
    engine = make_engine(databases.seeded())
    yield engine
    engine.dispose()


def sqlite_only(backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("FTS5 is SQLite's; PostgreSQL maintains its own indexes")


# --- the names --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "statement_fts",
        "statement_fts_data",
        "statement_fts_idx",
        "statement_fts_docsize",
        "statement_fts_config",
    ],
)
def test_the_fts5_table_and_its_shadow_tables_are_search_index_tables(name: str) -> None:
    assert is_search_index_table(name)


@pytest.mark.parametrize("name", [*sorted(Base.metadata.tables), "alembic_version", "statement_ftsx"])
def test_model_tables_are_not_search_index_tables(name: str) -> None:
    assert not is_search_index_table(name)


# --- after upgrade ----------------------------------------------------------------------------------------


def test_an_upgrade_from_empty_creates_the_index(databases: Databases) -> None:
    url = databases.empty()
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        assert_index_present(engine)
    finally:
        engine.dispose()


def test_the_seeded_database_is_indexed(seeded_engine: Engine) -> None:
    assert_index_present(seeded_engine)
    assert_index_finds_every_row(seeded_engine)


def test_the_fts5_index_finds_exactly_what_like_finds(backend: str, seeded_engine: Engine) -> None:
    # Needles of several lengths from every offset step of every quote, across word boundaries and not.
    sqlite_only(backend)
    with seeded_engine.connect() as connection:
        quotes = connection.execute(select(STATEMENT.c.quote_norm)).scalars().all()
        needles = {q[i : i + n] for q in quotes for i in range(0, len(q), 5) for n in (3, 4, 7, 15)}
        needles = {n for n in needles if len(n) >= 3}
        assert len(needles) > 500
        for needle in sorted(needles):
            assert fts_ids(connection, needle) == like_ids(connection, needle), needle
        assert fts_ids(connection, PEACEKEEPING) == [PEACEKEEPING_STATEMENT]
        assert fts_ids(connection, "لا يوجد هذا النص") == []


def test_models_and_migrations_agree_with_the_index_in_place(databases: Databases) -> None:
    url = databases.seeded()
    migrate.check(url)  # raises DatabaseError if autogenerate proposes dropping the index or its tables


def test_db_check_agrees_with_the_index_in_place(cli: Cli, db_url: str) -> None:
    run = ok(cli("db", "check"))
    assert "agree" in run.stdout


# --- kept in step (SQLite triggers) -----------------------------------------------------------------------


def test_inserting_a_statement_indexes_its_quote(backend: str, seeded_engine: Engine) -> None:
    sqlite_only(backend)
    with seeded_engine.begin() as connection:
        new_id = add_statement_like(connection, 12, "المنظمة سترسل كتيبة استطلاع إلى الحدود الجبلية")
    with seeded_engine.connect() as connection:
        assert fts_ids(connection, "كتيبه استطلاع") == [new_id]
        assert fts_ids(connection, "يبه است") == [new_id]  # a needle starting and ending inside words


def test_changing_a_quote_moves_the_statement_in_the_index(backend: str, seeded_engine: Engine) -> None:
    sqlite_only(backend)
    with seeded_engine.begin() as connection:
        connection.execute(
            STATEMENT.update()
            .where(STATEMENT.c.id == PEACEKEEPING_STATEMENT)
            .values(quote_norm=normalise_for_search("المنظمة قد ترسل مراقبين عسكريين"))
        )
    with seeded_engine.connect() as connection:
        assert fts_ids(connection, PEACEKEEPING) == []
        assert fts_ids(connection, "مراقبين عسكريين") == [PEACEKEEPING_STATEMENT]
        assert like_ids(connection, "مراقبين عسكريين") == [PEACEKEEPING_STATEMENT]


def test_an_update_leaving_the_quote_alone_keeps_the_statement_indexed(
    backend: str, seeded_engine: Engine
) -> None:
    sqlite_only(backend)
    with seeded_engine.begin() as connection:
        connection.execute(
            STATEMENT.update().where(STATEMENT.c.id == PEACEKEEPING_STATEMENT).values(venue="Moscow")
        )
    with seeded_engine.connect() as connection:
        assert fts_ids(connection, PEACEKEEPING) == [PEACEKEEPING_STATEMENT]


def test_deleting_a_statement_removes_it_from_the_index(backend: str, seeded_engine: Engine) -> None:
    sqlite_only(backend)
    quote = "المنظمة سترسل كتيبة استطلاع إلى الحدود الجبلية"
    with seeded_engine.begin() as connection:
        new_id = add_statement_like(connection, 12, quote)
    with seeded_engine.begin() as connection:
        connection.execute(STATEMENT.delete().where(STATEMENT.c.id == new_id))
    with seeded_engine.connect() as connection:
        assert fts_ids(connection, "كتيبه استطلاع") == []
        assert fts_ids(connection, PEACEKEEPING) == [PEACEKEEPING_STATEMENT]


# --- used by PostgreSQL -----------------------------------------------------------------------------------


def test_postgresql_answers_a_substring_like_from_the_trigram_index(
    backend: str, seeded_engine: Engine
) -> None:
    if backend != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL's")
    with seeded_engine.connect() as connection:
        # Twelve rows are cheaper to scan than to look up: forbid the scan to see that the index can serve.
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(
            connection.execute(
                text("EXPLAIN SELECT id FROM statement WHERE quote_norm LIKE '%قوات حفظ%'")
            ).scalars()
        )
        assert PG_QUOTE_TRGM_INDEX in plan, plan
        assert like_ids(connection, PEACEKEEPING) == [PEACEKEEPING_STATEMENT]


# --- the migration down and up ----------------------------------------------------------------------------


def test_downgrading_below_the_index_removes_it_and_upgrading_restores_it_filled(
    databases: Databases,
) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        migrate.downgrade(url, BEFORE_INDEX)
        assert migrate.current_revision(engine) == BEFORE_INDEX
        assert_index_absent(engine)

        migrate.upgrade(url)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert_index_present(engine)
        assert_index_finds_every_row(engine)
        migrate.check(url)
    finally:
        engine.dispose()


def test_upgrading_a_populated_database_from_0003_indexes_the_rows_already_there(
    backend: str, databases: Databases
) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        migrate.downgrade(url, BEFORE_INDEX)
        # Written with no index and no trigger in place, as a database made before the index would hold it.
        with engine.begin() as connection:
            new_id = add_statement_like(connection, 12, "المنظمة سترسل كتيبة استطلاع إلى الحدود الجبلية")

        migrate.upgrade(url)

        assert_index_finds_every_row(engine)
        with engine.connect() as connection:
            assert like_ids(connection, "كتيبه استطلاع") == [new_id]
            if backend == "sqlite":
                assert fts_ids(connection, "كتيبه استطلاع") == [new_id]
                assert fts_ids(connection, PEACEKEEPING) == [PEACEKEEPING_STATEMENT]
    finally:
        engine.dispose()


# --- backups ----------------------------------------------------------------------------------------------


def _restored_peacekeeping(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            return fts_ids(connection, PEACEKEEPING)
        return like_ids(connection, PEACEKEEPING)


def test_a_bundle_carries_no_search_index_table(cli: Cli, db_url: str, tmp_path: Path) -> None:
    bundle = tmp_path / "seed.zip"
    ok(cli("--db", db_url, "export", "bundle", str(bundle)))
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert [n for n in names if is_search_index_table(n.removesuffix(".jsonl"))] == []
    assert "statement.jsonl" in names


def test_a_migrated_database_without_rows_counts_as_empty(databases: Databases) -> None:
    # FTS5 stores its configuration as a row of statement_fts_config even when nothing is indexed.
    url = databases.empty()
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            assert tables_with_rows(connection) == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("target_state", ["blank", "migrated"])
def test_a_restored_bundle_leaves_the_index_filled(
    cli: Cli, db_url: str, databases: Databases, tmp_path: Path, target_state: str
) -> None:
    bundle = tmp_path / "seed.zip"
    ok(cli("--db", db_url, "export", "bundle", str(bundle)))
    target = databases.empty()
    if target_state == "migrated":
        migrate.upgrade(target)

    ok(cli("--db", target, "import", "bundle", str(bundle)))

    engine = make_engine(target)
    try:
        assert_index_present(engine)
        assert _restored_peacekeeping(engine) == [PEACEKEEPING_STATEMENT]
        assert_index_finds_every_row(engine)
    finally:
        engine.dispose()
