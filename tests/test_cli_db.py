"""db seed and db upgrade through the command line (the other db commands are in test_migrations)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from csto_kb.db.migrate import HEAD_REVISION
from tests.helpers import Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]


def test_db_seed_on_a_seeded_database_stores_nothing_and_says_the_article_is_there(
    cli: Cli, engine: Engine
) -> None:
    before = table_counts(engine)
    run = ok(cli("db", "seed"))
    assert "already stored: 000_a04cb8df2fb7d647.txt" in run.stdout
    assert "0 entities" in run.stdout
    assert table_counts(engine) == before


def test_db_seed_fills_a_freshly_migrated_empty_database(cli: Cli, empty_db_url: str) -> None:
    ok(cli("db", "upgrade"))
    run = ok(cli("db", "seed"))
    assert "12 statements" in run.stdout
    from csto_kb.db.engine import make_engine

    engine = make_engine(empty_db_url)
    try:
        assert count(engine, "statement") == 12
    finally:
        engine.dispose()


def test_db_upgrade_to_an_unknown_revision_fails_in_one_line_and_changes_nothing(
    cli: Cli, engine: Engine
) -> None:
    before = table_counts(engine)
    one_line_error(cli("db", "upgrade", "nonsense"), 1, "nonsense")
    assert table_counts(engine) == before
    assert HEAD_REVISION in ok(cli("db", "current")).stdout


def test_db_commands_refuse_an_unsupported_database_url(cli: Cli) -> None:
    one_line_error(cli("--db", "mysql://root@127.0.0.1/test", "db", "current"), 2, "database URL", "mysql")
