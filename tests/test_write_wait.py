"""A writer waits a stated time for another one (a long import) and then gives up cleanly: exit 75, one line
naming what holds the lock when it announced itself, nothing written. Both engines."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Engine

from csto_kb.db.engine import make_engine, writer
from csto_kb.db.write_lock import announce, holder
from tests.helpers import Databases, Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]
QUOTE = "ويضم هذا التحالف السياسي العسكري"


def add(cli: Cli, *root: str) -> Run:
    return cli(
        *root, "statement", "add", "--speaker", "Stanislav Zas", "--said-on", "2022-04-13",
        "--quote", QUOTE, "--lang", "ar", "--source", "1", "--new",
    )  # fmt: skip


@contextmanager
def lock_held(engine: Engine, what: str | None = None) -> Iterator[None]:
    """Hold the write lock as a long import does, announcing itself when ``what`` is given."""
    with writer(engine).connect() as connection, connection.begin():
        connection.exec_driver_sql("SELECT 1")  # the transaction begins: the lock is taken
        if what is None:
            yield
        else:
            with announce(connection, what, "alice"):
                yield


def test_a_writer_gives_up_after_the_wait_and_names_the_import_holding_the_lock(
    cli: Cli, engine: Engine
) -> None:
    before = table_counts(engine)
    with lock_held(engine, "import statements of big.jsonl"):
        started = time.monotonic()
        run = add(cli, "--wait", "0.5")
        waited = time.monotonic() - started
        error = one_line_error(
            run, 75, "the database is busy", "import statements of big.jsonl by alice since", "waited 0.5 s",
            "--wait SECONDS",
        )  # fmt: skip
        assert "wrote nothing" in error
    assert waited < 20  # it gave up rather than waiting for the holder
    assert table_counts(engine) == before
    ok(add(cli, "--wait", "0.5"))  # once the lock is free the same command goes through


def test_an_unannounced_writer_is_called_another_writer(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    with lock_held(engine):
        one_line_error(add(cli, "--wait", "0.2"), 75, "another writer holds the write lock", "waited 0.2 s")
    assert table_counts(engine) == before


def test_the_wait_can_be_set_from_the_environment(
    cli: Cli, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CSTO_KB_WAIT", "0.3")
    with lock_held(engine):
        one_line_error(add(cli), 75, "waited 0.3 s")


def test_the_announcement_ends_with_the_work(engine: Engine) -> None:
    with lock_held(engine, "restore of team.bundle"):
        assert holder(engine) == holder(engine) is not None
        assert str(holder(engine)).startswith("restore of team.bundle by alice since ")
    assert holder(engine) is None


def test_a_writer_of_another_database_on_the_server_is_not_named(
    engine: Engine, databases: Databases
) -> None:
    """On PostgreSQL the write lock is one database's: an import into another database of the same server
    neither blocks this one's writers nor is named as holding their lock."""
    other = make_engine(databases.seeded())
    try:
        with lock_held(other, "import statements of elsewhere.jsonl"):
            assert str(holder(other)).startswith("import statements of elsewhere")
            assert holder(engine) is None
    finally:
        other.dispose()


def test_a_note_left_by_a_killed_process_is_not_believed(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the server forgets a dead client's application_name itself")
    import socket
    from pathlib import Path

    database = Path(str(engine.url.database))
    note = database.with_name(database.name + "-writer.json")
    # No process has id 2**22 + 1 on Linux (pid_max is at most 2**22).
    note.write_text(
        json.dumps(
            {"what": "import", "by": "bob", "since": "x", "pid": 2**22 + 1, "host": socket.gethostname()}
        )
    )
    assert holder(engine) is None


@pytest.mark.parametrize("value", ["-1", "soon", "86401", ""])
def test_a_wait_that_is_not_a_number_of_seconds_is_refused(cli: Cli, engine: Engine, value: str) -> None:
    before = table_counts(engine)
    run = add(cli, "--wait", value)
    assert run.exit_code == 2
    assert "--wait" in run.stderr
    assert "Traceback" not in run.stderr
    assert table_counts(engine) == before
