"""What tests share besides fixtures: fresh databases of either engine, CLI outcomes and their checks, and
which modules a command imports."""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import Result

POSTGRES_URL = os.environ.get(
    "CSTO_KB_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ENGINES = [e for e in os.environ.get("CSTO_KB_TEST_ENGINES", "sqlite,postgresql").split(",") if e]
_counter = itertools.count()
REPO = Path(__file__).resolve().parent.parent


@functools.cache
def postgres_problem() -> str | None:
    """Why the test server cannot be used, or None; asked once per run."""
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:
        return f"PostgreSQL at {make_url(POSTGRES_URL).render_as_string(hide_password=True)} unreachable: {error}"
    return None


def postgres_url(database: str) -> str:
    return make_url(POSTGRES_URL).set(database=database).render_as_string(hide_password=False)


class PostgresServer:
    """The test databases of one run on the PostgreSQL server: a seeded template, and copies of it.

    The template is migrated and seeded once; each test gets a copy (CREATE DATABASE … TEMPLATE copies
    files instead of replaying the migrations and the seed). Creating a copy and dropping one still take
    a good part of a second when the machine is busy, so copies are made ahead, and used databases
    dropped, on background threads while the tests run: a test waits only when its copy is not ready.
    """

    AHEAD = 3
    """Seeded copies kept ready."""
    THREADS = 2
    """The server waits on its disk more than it computes: two at a time get through more per second."""

    def __init__(self) -> None:
        from csto_kb.services.bootstrap import open_knowledge_base

        self._prefix = f"csto_kb_test_{os.getpid()}_"
        self._admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        self.template = f"csto_kb_template_{os.getpid()}"
        self.template_url = self.create(self.template)
        open_knowledge_base(self.template_url).dispose()
        self._background = ThreadPoolExecutor(self.THREADS, thread_name_prefix="test-databases")
        self._ready: deque[Future[str]] = deque()
        self._dropping: list[Future[None]] = []

    def new_name(self) -> str:
        return f"{self._prefix}{next(_counter)}"

    def create(self, name: str, template: str | None = None) -> str:
        """Create ``name`` now (a copy of ``template``, or an empty database) and return its URL."""
        suffix = f' TEMPLATE "{template}"' if template else ""
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
        return postgres_url(name)

    def seeded(self) -> str:
        """A fresh copy of the seeded template, made ahead of time when possible."""
        while len(self._ready) <= self.AHEAD:
            self._ready.append(self._background.submit(self.create, self.new_name(), self.template))
        return self._ready.popleft().result()

    def drop(self, name: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop_later(self, names: list[str]) -> None:
        self._dropping.extend(self._background.submit(self.drop, name) for name in names)
        self._dropping = [f for f in self._dropping if not f.done() or f.exception() is not None]

    def close(self) -> None:
        """Wait for the background work, then drop every database of this run left, the template last."""
        unused = [f.result() for f in self._ready]
        self._background.shutdown(wait=True)
        for future in self._dropping:
            future.result()  # a drop that failed is reported, not left behind silently
        for url in unused:
            self.drop(make_url(url).database or "")
        self.drop(self.template)
        self._admin.dispose()


class Databases:
    """Makes fresh databases of one engine for one test: empty ones, and ones holding the curated seed.

    SQLite databases are files under the test's folder (a seeded one is a copy of the template file);
    PostgreSQL databases live on the test server and are dropped when the test ends.
    """

    def __init__(self, backend: str, tmp_path: Path, template: str, server: PostgresServer | None) -> None:
        self.backend = backend
        self.tmp_path = tmp_path
        self.template = template
        self.server = server
        self.created: list[str] = []

    def empty(self) -> str:
        """A database with nothing in it: no schema, no rows (on SQLite, a file not made yet)."""
        if self.backend == "sqlite":
            return f"sqlite:///{self.tmp_path / f'empty-{next(_counter)}.sqlite3'}"
        return self._keep(self._server().create(self._server().new_name()))

    def seeded(self) -> str:
        """A database migrated to the newest revision and holding the curated seed."""
        if self.backend == "sqlite":
            return self.copy_of(self.template)
        return self._keep(self._server().seeded())

    def copy_of(self, url: str) -> str:
        """A new database holding what the database at ``url`` holds (nothing may be connected to it on
        PostgreSQL, which copies it as a template)."""
        if self.backend == "sqlite":
            target = self.tmp_path / f"copy-{next(_counter)}.sqlite3"
            shutil.copyfile(make_url(url).database or "", target)
            return f"sqlite:///{target}"
        server = self._server()
        return self._keep(server.create(server.new_name(), template=make_url(url).database))

    def drop_all(self) -> None:
        if self.server is not None and self.created:
            self.server.drop_later(self.created)
        self.created = []

    def _server(self) -> PostgresServer:
        if self.server is None:
            raise RuntimeError("no PostgreSQL test server in this run")
        return self.server

    def _keep(self, url: str) -> str:
        self.created.append(make_url(url).database or "")
        return url


@dataclass
class Run:
    """The outcome of one CLI invocation."""

    exit_code: int
    stdout: str
    stderr: str
    result: Result


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


def add_source(cli: Callable[..., Run], tmp_path: Path, body: str, published: str = "2024-02-23") -> int:
    """A short English source from the wire service ``Wire``, added through the command line; its id."""
    path = tmp_path / f"report-{published}.txt"
    path.write_text(body, encoding="utf-8")
    run = ok(cli("source", "add", str(path), "--lang", "en", "--publisher", "Wire", "--published", published))
    match = re.search(r"added source (\d+):", run.stdout)
    assert match is not None
    return int(match.group(1))


def printed_alike_either_way(
    cli: Callable[..., Run], args: Sequence[str], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> str:
    """What ``args`` prints on a ready database, read by its driver alone, after checking that the full
    open (``open_ready`` finding nothing ready) prints the same; the output."""
    from csto_kb.sql import direct

    opened: list[str] = []
    open_ready = direct.open_ready

    def counted(url: str) -> tuple[Any, str] | None:
        opened.append(url)
        return open_ready(url)

    monkeypatch.setattr(direct, "open_ready", counted)
    through_the_driver = ok(cli(*args)).stdout
    assert opened == [db_url]
    monkeypatch.setattr(direct, "open_ready", lambda url: None)
    assert ok(cli(*args)).stdout == through_the_driver
    return through_the_driver


@dataclass(frozen=True)
class Imported:
    """A command line run in a fresh interpreter: what it printed, and which of the watched modules it
    imported."""

    stdout: str
    loaded: list[str]


def imports_of(
    argv: Sequence[str], watched: Sequence[str] = ("alembic", "sqlalchemy"), *, db_url: str | None = None
) -> Imported:
    """Run ``csto-kb [--db DB_URL] ARGV`` in a fresh interpreter, which must end it without an error, and say
    which of ``watched`` it imported: a test process has them all loaded already, so only a new one tells."""
    full = ["csto-kb", *(["--db", db_url] if db_url is not None else []), *argv]
    probe = (
        "import json, sys\n"
        "from csto_kb.cli.app import main\n"
        f"sys.argv = {full!r}\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        f"loaded = sorted(m for m in {list(watched)!r} if m in sys.modules)\n"
        "print('LOADED', json.dumps(loaded), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    [line] = [x for x in done.stderr.splitlines() if x.startswith("LOADED ")]
    return Imported(done.stdout, json.loads(line.removeprefix("LOADED ")))


def candidate_total(engine: Engine, body: str) -> int:
    """How many candidates the extractor finds in an Arabic article dated 2022-02-19."""
    from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
    from csto_kb.services.review import knowledge_base_gazetteer, run_extractor

    with UnitOfWork(engine, read_only=True) as uow:
        gazetteer = knowledge_base_gazetteer(*driver_connection(uow.session))
    extraction = run_extractor(body, "ar", "2022-02-19", gazetteer=gazetteer)
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


def assert_downgrade_refused(
    url: str, change: str, target: str, needle: str, snapshot: Callable[[Engine], object]
) -> None:
    """After ``change`` (SQL, ``{false}`` standing for the engine's false), a downgrade to ``target`` that would
    lose data is refused naming ``needle``, and leaves the revision, ``snapshot``'s rows and every table's
    count as they were."""
    from csto_kb.db import migrate
    from csto_kb.db.engine import make_engine
    from csto_kb.errors import DatabaseError

    engine = make_engine(url)
    try:
        false = "false" if engine.dialect.name == "postgresql" else "0"
        with engine.begin() as connection:
            connection.execute(text(change.format(false=false)))
        before, counts = snapshot(engine), table_counts(engine)
        with pytest.raises(DatabaseError, match=re.escape(needle)):
            migrate.downgrade(url, target)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert snapshot(engine) == before
        assert table_counts(engine) == counts
    finally:
        engine.dispose()


def matches_golden(shown: dict[str, str], path: Path) -> dict[str, str]:
    """Check what each command printed (``shown``, by command) against the golden file at ``path``, in the
    same order; the golden outputs. After a deliberate change, ``CSTO_KB_WRITE_GOLDEN=1`` rewrites the file
    first (then read the diff before committing it)."""
    if os.environ.get("CSTO_KB_WRITE_GOLDEN"):
        path.write_text(json.dumps(shown, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    golden: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    assert list(shown) == list(golden)
    for command, output in golden.items():
        assert shown[command] == output, command
    return golden
