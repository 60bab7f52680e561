"""The migrations: one head, a clean upgrade, up/down/up for every revision, models that match, rows kept.

After alvassin/alembic-quickstart's tests/migrations/test_stairway.py. Every test runs on SQLite and on
PostgreSQL through the ``databases`` fixture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.db.search_index import is_search_index_table
from csto_kb.errors import DatabaseError
from csto_kb.model import Base
from csto_kb.resources import migrations_dir, seeds_dir
from tests.helpers import Databases, Run, table_counts

pytestmark = pytest.mark.slow  # every migration up and down

if TYPE_CHECKING:
    from alembic.script import Script, ScriptDirectory

MODEL_TABLES = set(Base.metadata.tables)


def _script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(migrations_dir()))


def _revisions() -> list[Script]:
    """Every revision, oldest first."""
    return list(reversed(list(_script_directory().walk_revisions())))


def _one_step_down(revision: Script) -> str:
    """Where downgrading one step from ``revision`` lands: its parent, or base for the first revision."""
    down = revision.down_revision
    if down is None:
        return "base"
    if isinstance(down, str):
        return down
    return "-1"  # a merge point has several parents; step back relative to it


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def _revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


@pytest.fixture
def url_at_head(databases: Databases) -> str:
    """A database migrated to the newest revision, holding no rows."""
    url = databases.empty()
    migrate.upgrade(url)
    return url


@pytest.fixture
def engine_at_head(url_at_head: str) -> Iterator[Engine]:
    engine = make_engine(url_at_head)
    yield engine
    engine.dispose()


# --- the revision graph ----------------------------------------------------------------------------------


def test_migrations_have_a_single_head_equal_to_head_revision() -> None:
    heads = _script_directory().get_heads()
    assert heads == [migrate.HEAD_REVISION]


def test_migrations_have_a_single_base() -> None:
    assert len(_script_directory().get_bases()) == 1


def test_every_revision_is_known_to_ensure_current() -> None:
    assert migrate.known_revisions() == {r.revision for r in _revisions()}
    assert migrate.HEAD_REVISION in migrate.known_revisions()


# --- upgrade from empty ----------------------------------------------------------------------------------


def test_upgrade_from_empty_creates_every_model_table(databases: Databases) -> None:
    url = databases.empty()
    assert _revision(url) is None
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        tables = _tables(engine)
        assert MODEL_TABLES | {"alembic_version"} <= tables
        # Anything else must be a hand-made search index, which env.py leaves out of comparisons.
        assert {
            t for t in tables - MODEL_TABLES - {"alembic_version"} if not is_search_index_table(t)
        } == set()
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert set(table_counts(engine).values()) == {0}
    finally:
        engine.dispose()


def test_an_upgrade_that_fails_in_its_last_revision_leaves_nothing_of_the_earlier_ones(
    databases: Databases,
) -> None:
    # A table in the way of the newest revision's CREATE TABLE makes the upgrade fail after the earlier
    # revisions ran. The whole upgrade is one transaction, so none of it may stay (SQLite included, where
    # Alembic would otherwise commit after each revision).
    url = databases.empty()
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE entity_merge (id INTEGER PRIMARY KEY)"))
        with pytest.raises(Exception, match="entity_merge"):
            migrate.upgrade(url)
        assert migrate.current_revision(engine) is None
        assert _tables(engine) == {"entity_merge"}
    finally:
        engine.dispose()


def test_ensure_current_upgrades_an_empty_database_and_reports_it(databases: Databases) -> None:
    engine = make_engine(databases.empty())
    try:
        assert migrate.ensure_current(engine) is True
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert _tables(engine) >= MODEL_TABLES
        assert migrate.ensure_current(engine) is False
    finally:
        engine.dispose()


def test_ensure_current_refuses_a_database_from_a_newer_version(engine_at_head: Engine) -> None:
    with engine_at_head.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    with pytest.raises(
        DatabaseError, match="revision ffffffffffff, which this version of csto-kb does not know"
    ):
        migrate.ensure_current(engine_at_head)


# --- the stairway: up, down, up for every revision -------------------------------------------------------


@pytest.mark.parametrize("revision", _revisions(), ids=lambda r: r.revision)
def test_every_revision_upgrades_downgrades_and_upgrades_again(
    databases: Databases, revision: Script
) -> None:
    url = databases.empty()
    down = _one_step_down(revision)

    migrate.upgrade(url, revision.revision)
    assert _revision(url) == revision.revision

    migrate.downgrade(url, down)
    expected_after_downgrade = None if down == "base" else revision.down_revision
    assert _revision(url) == expected_after_downgrade

    migrate.upgrade(url, revision.revision)
    assert _revision(url) == revision.revision


def test_downgrade_to_base_removes_every_model_table(url_at_head: str) -> None:
    migrate.downgrade(url_at_head, "base")
    engine = make_engine(url_at_head)
    try:
        assert _tables(engine) & MODEL_TABLES == set()
        assert migrate.current_revision(engine) is None
    finally:
        engine.dispose()


# --- models match migrations -----------------------------------------------------------------------------


def test_models_and_migrations_agree_at_head(url_at_head: str) -> None:
    migrate.check(url_at_head)  # raises DatabaseError when autogenerate finds a difference


def test_check_fails_when_the_database_has_a_column_the_models_lack(
    url_at_head: str, engine_at_head: Engine
) -> None:
    with engine_at_head.begin() as connection:
        connection.execute(text("ALTER TABLE entity ADD COLUMN surplus INTEGER"))
    with pytest.raises(DatabaseError, match="models and migrations differ") as raised:
        migrate.check(url_at_head)
    assert "surplus" in str(raised.value)


def test_check_fails_when_a_model_table_is_missing(url_at_head: str, engine_at_head: Engine) -> None:
    with engine_at_head.begin() as connection:
        connection.execute(text("DROP TABLE statement_about"))
    with pytest.raises(DatabaseError, match="statement_about"):
        migrate.check(url_at_head)


# --- upgrades with rows in the tables --------------------------------------------------------------------


def test_upgrading_a_seeded_database_at_head_keeps_every_row(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        before = table_counts(engine)
        assert before["statement"] == 12
        migrate.upgrade(url)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert table_counts(engine) == before
    finally:
        engine.dispose()


def test_a_seeded_database_goes_down_to_base_and_back_up_to_empty_tables(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        assert sum(table_counts(engine).values()) > 0

        migrate.downgrade(url, "base")
        assert _tables(engine) & MODEL_TABLES == set()
        assert migrate.current_revision(engine) is None

        migrate.upgrade(url)
        assert _tables(engine) >= MODEL_TABLES
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert set(table_counts(engine).values()) == {0}
        migrate.check(url)
    finally:
        engine.dispose()


_LATER_REVISIONS = [r for r in _revisions() if r.down_revision is not None]


@pytest.mark.parametrize("revision", _LATER_REVISIONS, ids=lambda r: r.revision)
def test_stepping_a_seeded_database_down_and_up_again_keeps_its_rows(
    databases: Databases, revision: Script
) -> None:
    # Only revisions after the first can be undone without dropping the seeded tables; with one revision
    # there is nothing to run yet, and pytest reports the empty parameter set as skipped.
    url = databases.seeded()
    engine = make_engine(url)
    try:
        before = table_counts(engine)
        migrate.downgrade(url, _one_step_down(revision))
        migrate.upgrade(url)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert table_counts(engine) == before
    finally:
        engine.dispose()


def test_ensure_current_leaves_a_seeded_database_at_head_untouched(
    databases: Databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_alembic(url: str, revision: str = "head") -> None:
        raise AssertionError("ensure_current ran Alembic on a database already at head")

    engine = make_engine(databases.seeded())
    try:
        before = table_counts(engine)
        monkeypatch.setattr(migrate, "upgrade", no_alembic)
        assert migrate.ensure_current(engine) is False
        assert table_counts(engine) == before
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    finally:
        engine.dispose()


# --- foreign keys after migrating ------------------------------------------------------------------------


def test_sqlite_foreign_keys_stay_enforced_after_a_migration(backend: str, url_at_head: str) -> None:
    if backend != "sqlite":
        pytest.skip("PRAGMA foreign_keys is SQLite's; PostgreSQL always enforces foreign keys")
    engine = make_engine(url_at_head)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_a_migrated_database_refuses_a_dangling_foreign_key(engine_at_head: Engine) -> None:
    with pytest.raises(IntegrityError), engine_at_head.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO entity_name (entity_id, name, lang, name_norm, is_primary, recorded_at) "
                "VALUES (999999, 'Nobody', 'en', 'nobody', false, CURRENT_TIMESTAMP)"
            )
        )


# --- the packaged resources ------------------------------------------------------------------------------


def test_migrations_dir_holds_the_alembic_environment_and_revisions() -> None:
    directory = migrations_dir()
    assert (directory / "env.py").is_file()
    assert (directory / "script.py.mako").is_file()
    versions = sorted(p.name for p in (directory / "versions").glob("*.py"))
    assert versions
    assert any(name.startswith(f"{migrate.HEAD_REVISION}_") for name in versions)


def test_seeds_dir_holds_the_entities_and_the_article_with_its_facts() -> None:
    directory = seeds_dir()
    for name in ("entities.yaml", "000_a04cb8df2fb7d647.txt", "000_a04cb8df2fb7d647.yaml"):
        assert (directory / name).is_file(), name
        assert (directory / name).stat().st_size > 0, name


def test_alembic_config_points_at_the_packaged_migrations() -> None:
    config = migrate.alembic_config("sqlite:///unused.sqlite3")
    assert config.get_main_option("script_location") == str(migrations_dir())
    assert config.attributes["database_url"] == "sqlite:///unused.sqlite3"


# --- the db commands -------------------------------------------------------------------------------------


def test_db_current_reports_a_seeded_database_up_to_date(cli: Callable[..., Run], db_url: str) -> None:
    run = cli("db", "current")
    assert run.exit_code == 0, run.stderr
    assert f"revision {migrate.HEAD_REVISION}" in run.stdout
    assert "up to date" in run.stdout


def test_db_check_agrees_on_a_seeded_database(cli: Callable[..., Run], db_url: str) -> None:
    run = cli("db", "check")
    assert run.exit_code == 0, run.stderr
    assert "agree" in run.stdout


def test_db_check_fails_in_one_line_when_the_schema_drifted(cli: Callable[..., Run], engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE entity ADD COLUMN surplus INTEGER"))
    run = cli("db", "check")
    assert run.exit_code == 1
    assert run.stderr.startswith("error: models and migrations differ")
    assert run.stderr.count("\n") == 1
    assert "Traceback" not in run.stderr


def test_db_downgrade_to_base_empties_and_db_upgrade_restores_the_schema(
    cli: Callable[..., Run], db_url: str
) -> None:
    down = cli("db", "downgrade", "base")
    assert down.exit_code == 0, down.stderr
    assert "base (empty)" in down.stdout

    current = cli("db", "current")
    assert current.exit_code == 0, current.stderr
    assert "empty" in current.stdout
    assert f"behind (newest is {migrate.HEAD_REVISION})" in current.stdout

    up = cli("db", "upgrade")
    assert up.exit_code == 0, up.stderr
    assert f"database at revision {migrate.HEAD_REVISION}" in up.stdout

    again = cli("db", "current")
    assert "up to date" in again.stdout
    assert _revision(db_url) == migrate.HEAD_REVISION


def test_db_downgrade_to_an_unknown_revision_fails_in_one_line(cli: Callable[..., Run], db_url: str) -> None:
    run = cli("db", "downgrade", "nonsense")
    assert run.exit_code != 0
    assert run.stderr.startswith("error: ")
    assert run.stderr.count("\n") == 1, run.stderr
    assert "nonsense" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert _revision(db_url) == migrate.HEAD_REVISION


def test_db_commands_do_not_print_the_database_password(cli: Callable[..., Run]) -> None:
    run = cli("--db", "postgresql+psycopg://kb:s3cret-pw@127.0.0.1:1/nowhere", "db", "current")
    assert run.exit_code != 0
    assert "s3cret-pw" not in run.stdout + run.stderr
    assert run.stderr.startswith("error: ")
