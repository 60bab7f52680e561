"""A database that cannot be reached is exit 3, one line on stderr, never a traceback, on either engine."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from csto_kb.errors import DatabaseError, DatabaseUnreachable, Duplicate, InvalidInput, NotFound, ReadOnly
from tests.helpers import POSTGRES_URL, Run, one_line_error

Cli = Callable[..., Run]
UNREACHABLE = 3

COMMANDS = [
    ["who-said", "--speaker", "Pashinyan"],
    ["--read-only", "who-said"],
    ["members"],
    ["statement", "show", "1"],
    ["entity", "add", "Someone", "--kind", "person"],
    ["db", "current"],
    ["db", "upgrade"],
]


def unreachable_url(backend: str, tmp_path: Path) -> str:
    """A database of ``backend`` that cannot be opened: a SQLite path that is a folder, or a PostgreSQL
    database the running server does not have."""
    if backend == "sqlite":
        folder = tmp_path / "a-folder.sqlite3"
        folder.mkdir()
        return f"sqlite:///{folder}"
    return (
        make_url(POSTGRES_URL).set(database="csto_kb_no_such_database").render_as_string(hide_password=False)
    )


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_a_database_that_cannot_be_opened_is_exit_3_in_one_line(
    cli: Cli, backend: str, tmp_path: Path, args: list[str]
) -> None:
    url = unreachable_url(backend, tmp_path)
    one_line_error(cli("--db", url, *args), UNREACHABLE, "database")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_a_closed_postgresql_port_is_exit_3_without_the_password(cli: Cli, args: list[str]) -> None:
    run = cli("--db", "postgresql+psycopg://u:s3cret@127.0.0.1:1/x", *args)
    one_line_error(run, UNREACHABLE, "cannot connect to the database", "u:***@127.0.0.1:1/x", "refused")
    assert "s3cret" not in run.stdout + run.stderr


def test_a_sqlite_file_under_a_file_is_exit_3(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder\n")
    url = f"sqlite:///{tmp_path / 'a-file' / 'kb.sqlite3'}"
    one_line_error(cli("--db", url, "who-said"), UNREACHABLE, "cannot create the folder")


def test_reading_a_sqlite_file_in_a_missing_folder_is_exit_3_and_creates_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    missing = tmp_path / "not-there" / "kb.sqlite3"
    one_line_error(cli("--db", str(missing), "--read-only", "who-said"), UNREACHABLE, "no such SQLite file")
    assert not missing.parent.exists()


def test_exit_codes_tell_unreachable_apart_from_not_found_and_bad_input() -> None:
    assert issubclass(DatabaseUnreachable, DatabaseError)
    codes = {cls: cls("x").exit_code for cls in (NotFound, ReadOnly, DatabaseError, InvalidInput)}
    assert codes == {NotFound: 1, ReadOnly: 1, DatabaseError: 1, InvalidInput: 2}
    assert DatabaseUnreachable("x").exit_code == UNREACHABLE


def test_a_prefixed_error_keeps_its_class_and_attributes() -> None:
    prefixed = Duplicate("statement: stored already", existing_id=11).prefixed("line 3: ")
    assert type(prefixed) is Duplicate
    assert (str(prefixed), prefixed.existing_id) == ("line 3: statement: stored already", 11)


class _HangingUp:
    """A port that accepts each connection and closes it at once, counting them: a server that is not
    PostgreSQL's, or one going down."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = self.server.getsockname()[1]
        self.accepted = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.accepted += 1
            connection.close()

    def close(self) -> None:
        self.server.close()


@pytest.mark.parametrize("args", [["who-said"], ["members"], ["export", "statements"]], ids=" ".join)
def test_a_read_tries_a_server_that_hangs_up_once(cli: Cli, args: list[str]) -> None:
    port = _HangingUp()
    try:
        run = cli("--db", f"postgresql://u@127.0.0.1:{port.port}/x?sslmode=disable", *args)
    finally:
        port.close()
    one_line_error(run, UNREACHABLE, "cannot connect to the database", f"127.0.0.1:{port.port}/x")
    assert port.accepted == 1
