"""The fact sheet's size and time when every statement in the database is about the alliance.

The main benchmark's data puts a fixed 200 statements about the CSTO at every scale, so its fact sheet does
not grow. Here the same generated knowledge base (``bench.generate``) is made the worst case for a sheet:
every statement is about the CSTO, and the first 20 generated people count as the CSTO's own (``part_of``
the CSTO), so its officials said about 20 × scale / 20,000 statements each. Then, per rule:

- the HTML's size;
- building the sheet and rendering it in one process (``build_factsheet`` + the HTML exporter), the part
  that grows with the data, median of the runs;
- the command's wall time in a new process (``csto-kb factsheet csto --format html``), start-up included.

Run: python -m bench.factsheet --scales 10000,100000 [--runs 3] [--all-up-to 20000] [--engines sqlite,postgresql]
(``--statements all`` is measured only up to ``--all-up-to`` statements: it renders every one.) PostgreSQL
databases are made on the server of ``--postgres`` (the local test server by default) and kept for the
next run, as the SQLite files are.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import build_base, import_statements, write_dataset
from bench.run import PG_ADMIN_URL, pg_admin, pg_exists, pg_url

WORK = Path(__file__).resolve().parent / ".work"
OFFICIALS = 20


def build(scale: int, engine: str = "sqlite", admin: str = PG_ADMIN_URL) -> str:
    """A database of ``scale`` generated statements, all about the CSTO; its URL (built once)."""
    data = WORK / f"data-{scale}"
    if engine == "sqlite":
        path = WORK / f"factsheet-{scale}.sqlite3"
        if path.exists():
            return f"sqlite:///{path}"
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        partial_url = f"sqlite:///{partial}"
    else:
        name = f"csto_factsheet_{scale}"
        if pg_exists(name, admin):
            return pg_url(name, admin)
        pg_admin(f'DROP DATABASE IF EXISTS "{name}_partial" WITH (FORCE)', admin)
        pg_admin(f'CREATE DATABASE "{name}_partial"', admin)
        partial_url = pg_url(f"{name}_partial", admin)
    if not (data / "done").exists():
        write_dataset(data, scale)
    build_base(partial_url, data)
    print(import_statements(partial_url, data), file=sys.stderr)
    _about_the_csto(partial_url)
    if engine == "sqlite":
        import sqlite3

        connection = sqlite3.connect(partial)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # nothing left in a -wal file of the old name
        connection.close()
        partial.rename(path)
        return f"sqlite:///{path}"
    pg_admin(f'ALTER DATABASE "{name}_partial" RENAME TO "{name}"', admin)
    return pg_url(name, admin)


def _about_the_csto(url: str) -> None:
    """Every statement about the CSTO, and the first generated people its own; statistics refreshed."""
    from sqlalchemy import bindparam, text

    from csto_kb.db.engine import make_engine

    engine = make_engine(url)
    keys = [f"person-{n:05d}" for n in range(1, OFFICIALS + 1)]
    with engine.begin() as connection:
        csto = connection.execute(text("SELECT id FROM entity WHERE key = 'csto'")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO statement_about (statement_id, entity_id) SELECT id, :csto FROM statement "
                "WHERE id NOT IN (SELECT statement_id FROM statement_about WHERE entity_id = :csto)"
            ),
            {"csto": csto},
        )
        connection.execute(
            text("UPDATE entity SET part_of_id = :csto WHERE key IN :keys").bindparams(
                bindparam("keys", expanding=True)
            ),
            {"csto": csto, "keys": keys},
        )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))
    engine.dispose()


def in_process(url: str, statements: str, runs: int) -> tuple[float, int]:
    """Median seconds to build and render the sheet in this process, and the HTML's size in bytes."""
    from csto_kb.db.engine import make_engine
    from csto_kb.db.unit_of_work import UnitOfWork
    from csto_kb.exporters.factsheet_html import render
    from csto_kb.services.factsheet import StatementRule, build_factsheet

    engine = make_engine(url)
    times: list[float] = []
    size = 0
    try:
        for _ in range(runs):
            start = time.perf_counter()
            html = render(build_factsheet(UnitOfWork(engine), "csto", statements=StatementRule(statements)))  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
            size = len(html.encode("utf-8"))
    finally:
        engine.dispose()
    return statistics.median(times), size


def command(url: str, statements: str, runs: int, out: Path) -> float:
    """Median wall time of ``csto-kb factsheet csto --format html`` in a new process."""
    exe = Path(sys.executable).with_name("csto-kb")
    env = {**os.environ, "CSTO_KB_DATABASE_URL": url}
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(exe), "factsheet", "csto", "--format", "html", "--statements", statements, "-o", str(out)],
            check=True,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", default="10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--all-up-to", type=int, default=20_000)
    parser.add_argument("--engines", default="sqlite", help="sqlite, postgresql, or both")
    parser.add_argument(
        "--postgres", default=PG_ADMIN_URL, help="URL of a PostgreSQL database to connect as admin"
    )
    parser.add_argument("--build-only", action="store_true", help="make the databases, measure nothing")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    if not args.build_only:
        print("| engine | statements | rule | HTML size | build + render (s) | command wall time (s) |")
        print("| --- | --- | --- | --- | --- | --- |")
    for engine in args.engines.split(","):
        for scale in (int(s) for s in args.scales.split(",")):
            url = build(scale, engine, args.postgres)
            if args.build_only:
                continue
            rules = ["latest"] + (["all"] if scale <= args.all_up_to else [])
            for rule in rules:
                seconds, size = in_process(url, rule, args.runs)
                wall = command(url, rule, args.runs, WORK / f"factsheet-{scale}-{rule}.html")
                print(
                    f"| {engine} | {scale:,} | {rule} | {size / 1e6:.2f} MB | {seconds:.2f} | {wall:.2f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
