"""The fact sheet's size and time when every statement in the database is about the alliance.

The main benchmark's data puts a fixed 200 statements about the CSTO at every scale, so its fact sheet does
not grow. Here the same generated knowledge base (``bench.generate``) is made the worst case for a sheet:
every statement is about the CSTO, and the first 20 generated people count as the CSTO's own (``part_of``
the CSTO), so its officials said about 20 × scale / 20,000 statements each. Then, per rule:

- the HTML's size;
- building the sheet and rendering it in one process (``build_factsheet`` + the HTML exporter), the part
  that grows with the data, median of the runs;
- the command's wall time in a new process (``csto-kb factsheet csto --format html``), start-up included.

Run: python -m bench.factsheet --scales 10000,100000 [--runs 3] [--all-up-to 20000]
(``--statements all`` is measured only up to ``--all-up-to`` statements: it renders every one.)
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

WORK = Path(__file__).resolve().parent / ".work"
OFFICIALS = 20


def build(scale: int) -> str:
    """A SQLite database of ``scale`` generated statements, all about the CSTO; its URL (built once)."""
    data = WORK / f"data-{scale}"
    path = WORK / f"factsheet-{scale}.sqlite3"
    url = f"sqlite:///{path}"
    if path.exists():
        return url
    if not (data / "done").exists():
        write_dataset(data, scale)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    partial_url = f"sqlite:///{partial}"
    build_base(partial_url, data)
    print(import_statements(partial_url, data), file=sys.stderr)
    import sqlite3

    connection = sqlite3.connect(partial)
    with connection:
        (csto,) = connection.execute("SELECT id FROM entity WHERE key = 'csto'").fetchone()
        connection.execute(
            "INSERT INTO statement_about (statement_id, entity_id) SELECT id, ? FROM statement "
            "WHERE id NOT IN (SELECT statement_id FROM statement_about WHERE entity_id = ?)",
            (csto, csto),
        )
        keys = [f"person-{n:05d}" for n in range(1, OFFICIALS + 1)]
        connection.execute(
            f"UPDATE entity SET part_of_id = ? WHERE key IN ({', '.join('?' * len(keys))})", (csto, *keys)
        )
    connection.execute("ANALYZE")
    connection.close()
    partial.rename(path)
    return url


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
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    print("| statements | rule | HTML size | build + render (s) | command wall time (s) |")
    print("| --- | --- | --- | --- | --- |")
    for scale in (int(s) for s in args.scales.split(",")):
        url = build(scale)
        rules = ["latest"] + (["all"] if scale <= args.all_up_to else [])
        for rule in rules:
            seconds, size = in_process(url, rule, args.runs)
            wall = command(url, rule, args.runs, WORK / f"factsheet-{scale}-{rule}.html")
            print(f"| {scale:,} | {rule} | {size / 1e6:.2f} MB | {seconds:.2f} | {wall:.2f} |", flush=True)


if __name__ == "__main__":
    main()
