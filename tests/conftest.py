"""Test fixtures: every test gets a fresh database, on SQLite and on PostgreSQL.

SQLite databases are copies of a template file migrated and seeded once per run; PostgreSQL databases are
created from a template database (CREATE DATABASE … TEMPLATE), which copies files instead of replaying the
migrations and the seed for every test, and are made ahead and dropped in the background
(`tests.helpers.PostgresServer`). Set CSTO_KB_TEST_ENGINES=sqlite to run on SQLite alone. Shared helpers
live in `tests.helpers`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

from csto_kb.cli.app import application
from csto_kb.db.engine import make_engine
from csto_kb.services.bootstrap import open_knowledge_base
from tests.helpers import ENGINES, Databases, PostgresServer, Run, postgres_problem

app = application()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real data directory or database."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.delenv("CSTO_KB_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer | None]:
    """The test server's databases for this run, or None when PostgreSQL is left out or unreachable."""
    if "postgresql" not in ENGINES or postgres_problem() is not None:
        yield None
        return
    server = PostgresServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def templates(
    tmp_path_factory: pytest.TempPathFactory, postgres_server: PostgresServer | None
) -> dict[str, str]:
    """One migrated and seeded database per engine, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_knowledge_base(f"sqlite:///{path}").dispose()
    made = {"sqlite": f"sqlite:///{path}"}
    if postgres_server is not None:
        made["postgresql"] = postgres_server.template_url
    return made


@pytest.fixture(params=ENGINES)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "postgresql":
        problem = postgres_problem()
        if problem is not None:
            if os.environ.get("CI"):
                pytest.fail(f"PostgreSQL tests must run in CI: {problem}")
            pytest.skip(problem)
    return name


@pytest.fixture
def databases(
    backend: str, tmp_path: Path, templates: dict[str, str], postgres_server: PostgresServer | None
) -> Iterator[Databases]:
    factory = Databases(backend, tmp_path, templates[backend], postgres_server)
    yield factory
    factory.drop_all()


@pytest.fixture
def db_url(databases: Databases, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh database holding the curated seed; the CLI under test uses it through the environment."""
    url = databases.seeded()
    monkeypatch.setenv("CSTO_KB_DATABASE_URL", url)
    return url


@pytest.fixture
def empty_db_url(databases: Databases, monkeypatch: pytest.MonkeyPatch) -> str:
    url = databases.empty()
    monkeypatch.setenv("CSTO_KB_DATABASE_URL", url)
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def cli_command() -> typer.core.TyperGroup:
    """The whole command line as Click commands, built once: Typer's test runner would build them again for
    every invocation, which costs more than most commands take to run."""
    command = typer.main.get_command(app)
    assert isinstance(command, typer.core.TyperGroup)
    return command


@pytest.fixture
def cli(cli_command: typer.core.TyperGroup, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run the CLI in-process as a user would, with stdout and stderr kept apart."""
    runner = CliRunner()
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: cli_command)

    def run(*args: str, input: str | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr, result)

    return run
