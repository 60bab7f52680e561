"""Test fixtures: every test gets a fresh database, on SQLite and on PostgreSQL.

SQLite databases are copies of a template file migrated and seeded once per run; PostgreSQL databases are
created from a template database (CREATE DATABASE … TEMPLATE), which copies files instead of replaying the
migrations and the seed for every test. Set CSTO_KB_TEST_ENGINES=sqlite to run on SQLite alone.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner, Result

from csto_kb.cli.app import application
from csto_kb.db.engine import make_engine
from csto_kb.services.bootstrap import open_knowledge_base

app = application()

POSTGRES_URL = os.environ.get(
    "CSTO_KB_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ENGINES = [e for e in os.environ.get("CSTO_KB_TEST_ENGINES", "sqlite,postgresql").split(",") if e]
_counter = itertools.count()


def _postgres_problem() -> str | None:
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:
        return f"PostgreSQL at {make_url(POSTGRES_URL).render_as_string(hide_password=True)} unreachable: {error}"
    return None


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real data directory or database."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.delenv("CSTO_KB_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")


class Databases:
    """Makes fresh databases of one engine: empty ones, and ones holding the curated seed."""

    def __init__(self, backend: str, tmp_path: Path, template: str) -> None:
        self.backend = backend
        self.tmp_path = tmp_path
        self.template = template
        self.created: list[str] = []

    def empty(self) -> str:
        n = next(_counter)
        if self.backend == "sqlite":
            return f"sqlite:///{self.tmp_path / f'empty-{n}.sqlite3'}"
        return self._create_pg(f"csto_kb_test_{os.getpid()}_{n}", template=None)

    def seeded(self) -> str:
        n = next(_counter)
        if self.backend == "sqlite":
            target = self.tmp_path / f"seeded-{n}.sqlite3"
            shutil.copyfile(make_url(self.template).database or "", target)
            return f"sqlite:///{target}"
        return self._create_pg(f"csto_kb_test_{os.getpid()}_{n}", template=make_url(self.template).database)

    def _create_pg(self, name: str, template: str | None) -> str:
        admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            suffix = f' TEMPLATE "{template}"' if template else ""
            connection.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
        admin.dispose()
        self.created.append(name)
        return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if not self.created:
            return
        admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for name in self.created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One migrated and seeded database per engine, copied for each test."""
    made: dict[str, str] = {}
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = open_knowledge_base(f"sqlite:///{path}")
    engine.dispose()
    made["sqlite"] = f"sqlite:///{path}"
    pg_template = None
    if "postgresql" in ENGINES and _postgres_problem() is None:
        factory = Databases("postgresql", path.parent, "")
        pg_template = factory._create_pg(f"csto_kb_template_{os.getpid()}", template=None)
        engine = open_knowledge_base(pg_template)
        engine.dispose()
        made["postgresql"] = pg_template
    yield made
    if pg_template is not None:
        Databases("postgresql", path.parent, "").drop_all()
        admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "csto_kb_template_{os.getpid()}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=ENGINES)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "postgresql":
        problem = _postgres_problem()
        if problem is not None:
            if os.environ.get("CI"):
                pytest.fail(f"PostgreSQL tests must run in CI: {problem}")
            pytest.skip(problem)
    return name


@pytest.fixture
def databases(backend: str, tmp_path: Path, templates: dict[str, str]) -> Iterator[Databases]:
    factory = Databases(backend, tmp_path, templates[backend])
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


@dataclass
class Run:
    """The outcome of one CLI invocation."""

    exit_code: int
    stdout: str
    stderr: str
    result: Result


@pytest.fixture
def cli() -> Callable[..., Run]:
    """Run the CLI in-process as a user would, with stdout and stderr kept apart."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr, result)

    return run


def count(engine: Engine, table: str, where: str = "") -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table} {where}")).scalar_one())


MIGRATION_NOTES = "csto-kb migration 0007"
"""Who the change-log notes of a schema downgrade and upgrade are by (migration 0007 keeps ids there)."""


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table of the model that the database has: a cheap fingerprint for 'nothing was written'.
    The change log's migration notes are not counted: a downgrade and upgrade write them, on purpose."""
    from sqlalchemy import inspect

    from csto_kb.model import Base

    present = set(inspect(engine).get_table_names())
    return {
        name: count(engine, name, f"WHERE by <> '{MIGRATION_NOTES}'" if name == "change" else "")
        for name in sorted(Base.metadata.tables)
        if name in present
    }


def ok(run: Run) -> Run:
    """The run succeeded, without a traceback anywhere."""
    assert run.exit_code == 0, f"exit {run.exit_code}: {run.stderr}"
    assert "Traceback" not in run.stdout + run.stderr
    return run


def one_line_error(run: Run, code: int, *needles: str) -> str:
    """The run failed with ``code``, printed nothing on stdout and one line on stderr, ``error: …``,
    containing every needle."""
    assert run.exit_code == code, f"exit {run.exit_code}, expected {code}: {run.stdout}{run.stderr}"
    assert run.stdout == ""
    assert run.stderr.startswith("error: "), run.stderr
    assert run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.endswith("\n"), run.stderr
    assert "Traceback" not in run.stderr
    for needle in needles:
        assert needle in run.stderr, f"{needle!r} not in {run.stderr!r}"
    return run.stderr


def candidate_total(engine: Engine, body: str) -> int:
    """How many candidates the extractor finds in an Arabic article dated 2022-02-19."""
    from csto_kb.db.unit_of_work import UnitOfWork
    from csto_kb.services.review import run_extractor

    with UnitOfWork(engine, read_only=True) as uow:
        extraction = run_extractor(uow.session, body, "ar", "2022-02-19")
    return sum(
        len(group)
        for group in (
            extraction.statements,
            extraction.force_levels,
            extraction.foundings,
            extraction.memberships,
            extraction.events,
        )
    )
