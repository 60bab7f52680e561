"""The database a user names: URLs, postgres:// and plain file paths are accepted; anything else is refused
saying what was given (password masked) and what is expected; reading a database that is not there is an
error that creates nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from csto_kb.settings import database_url
from tests.helpers import Run, ok, one_line_error

Cli = Callable[..., Run]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://analyst@db.example.org/csto", "postgresql://analyst@db.example.org/csto"),
        ("postgresql+psycopg://analyst@db/csto", "postgresql+psycopg://analyst@db/csto"),
        ("sqlite:///kb.sqlite3", "sqlite:///kb.sqlite3"),
        ("/srv/kb/x.sqlite3", "sqlite:////srv/kb/x.sqlite3"),
    ],
)
def test_database_url_accepts_urls_postgres_and_absolute_paths(given: str, expected: str) -> None:
    assert database_url(given) == expected


def test_database_url_takes_relative_and_home_paths_as_sqlite_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url("team.sqlite3") == f"sqlite:///{tmp_path / 'team.sqlite3'}"
    assert database_url("~/kb.sqlite3") == f"sqlite:///{Path.home() / 'kb.sqlite3'}"


def test_a_plain_path_opens_the_sqlite_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    ok(cli("--db", "relative.sqlite3", "entity", "show", "CSTO"))
    assert (tmp_path / "relative.sqlite3").is_file()
    ok(cli("--db", "~/in-home.sqlite3", "entity", "show", "CSTO"))
    assert (Path.home() / "in-home.sqlite3").is_file()


def test_the_same_database_answers_under_another_spelling_of_its_url(cli: Cli, db_url: str) -> None:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        other = str(url.database)  # the file's path alone
    else:
        other = "postgres://" + url.render_as_string(hide_password=False).split("://", 1)[1]
    assert "up to date" in ok(cli("--db", other, "db", "current")).stdout


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("mysql://analyst:s3cret@db/csto", "mysql://analyst:***@db/csto"),
        ("postgresql://analyst:s3cret@db:port/csto", "postgresql://analyst:***@db:port/csto"),
        ("foo:bar", "foo:bar"),
        ("sqlite://kb.sqlite3", "sqlite://kb.sqlite3"),
    ],
)
def test_an_unusable_url_is_refused_saying_what_was_given_and_what_is_expected(
    cli: Cli, given: str, shown: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    message = one_line_error(cli("--db", given, "db", "current"), 2, shown, "sqlite:///PATH", "postgresql://")
    assert "s3cret" not in message
    assert list(tmp_path.iterdir()) == []


def test_an_empty_db_option_is_refused(cli: Cli) -> None:
    one_line_error(cli("--db", "", "who-said"), 2, "database URL: empty")


@pytest.mark.parametrize(
    "args",
    [
        ["--read-only", "who-said"],
        ["--read-only", "entity", "list"],
        ["--read-only", "statement", "show", "1"],
        ["db", "current"],
        ["--read-only", "db", "current"],
    ],
)
def test_reading_a_missing_sqlite_file_is_an_error_that_creates_nothing(
    cli: Cli, tmp_path: Path, args: list[str]
) -> None:
    missing = tmp_path / "not-yet" / "kb.sqlite3"
    for spelling in (str(missing), f"sqlite:///{missing}"):
        one_line_error(cli("--db", spelling, *args), 3, str(missing), "no such SQLite file")
    assert not missing.parent.exists()


@pytest.mark.parametrize("stray", ["prod", "not a database url"])
def test_a_stray_word_is_refused_not_made_into_a_new_file(
    cli: Cli, stray: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    one_line_error(cli("--db", stray, "members"), 2, f"cannot parse {stray!r}", "a path to a SQLite file")
    assert list(tmp_path.iterdir()) == []
