"""The csto-kb benchmark suite: cold-process timings of queries, help, bulk import, export and the fact sheet,
against sqlite-utils and a Python + driver floor, at several scales, on SQLite and PostgreSQL.

Each figure is the median (with min and max) over N runs of a new process (the operating system's file cache
stays warm: "cold" means a fresh interpreter, not a cold disk). Peak memory is the child's maximum resident set
size, from GNU time. Results are kept per scale and engine in WORKDIR/results and rendered, with everything
measured so far, into --results (bench/RESULTS.md).

Run from the repository root:
    .venv/bin/python -m bench.run --scales 10000,100000 --engines sqlite,postgresql --runs 5
    .venv/bin/python -m bench.run --scales 1000000 --engines sqlite --runs 5 --heavy-runs 1
    .venv/bin/python -m bench.run --tiny            # the smoke run: 200 statements, one run each
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

FLOOR_SQLITE = """
import sqlite3, sys, json
c = sqlite3.connect(sys.argv[1])
rows = c.execute(sys.argv[2], json.loads(sys.argv[3])).fetchall()
sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str))
"""
FLOOR_PG = """
import psycopg, sys, json
c = psycopg.connect(sys.argv[1])
rows = c.execute(sys.argv[2], json.loads(sys.argv[3])).fetchall()
sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str))
"""

STATEMENT_ROWS = """
SELECT s.*, ev.span_start, ev.span_end, e.key AS speaker_key, src.title AS source_title, src.publisher, src.url
FROM statement s JOIN entity e ON e.id = s.speaker_id
JOIN evidence ev ON ev.id = (SELECT min(id) FROM evidence WHERE statement_id = s.id)
JOIN source src ON src.id = ev.source_id
"""
ORDER = " ORDER BY s.said_on IS NULL, s.said_on, s.id"
BY_SPEAKER = (
    STATEMENT_ROWS
    + " WHERE s.speaker_id = (SELECT entity_id FROM entity_name WHERE name_norm = {p} LIMIT 1)"
    + " AND s.retracted_at IS NULL"
    + ORDER
)
BY_WORDS = STATEMENT_ROWS + " WHERE s.quote_norm LIKE {p} AND s.retracted_at IS NULL" + ORDER
# csto-kb's own trigram index on SQLite (csto_kb.db.search_index): the floor for the indexed search.
BY_WORDS_FTS = (
    STATEMENT_ROWS
    + " WHERE s.id IN (SELECT rowid FROM statement_fts WHERE statement_fts MATCH {p})"
    + " AND s.retracted_at IS NULL"
    + ORDER
)
# sqlite-utils searches its own FTS5 table, over a copy of the same normalised quotes.
SQLITE_UTILS_QUOTES = "baseline_quotes"  # names starting sqlite_ are reserved
EVERYTHING = STATEMENT_ROWS + " WHERE s.retracted_at IS NULL" + ORDER

ROWS = [
    (
        "1",
        "who-said --speaker X --format json",
        "≤ 0.5× sqlite-utils query (within 2× of the Python + driver floor)",
        0.5,
    ),
    ("2", 'who-said --contains "قوات حفظ السلام"', "≤ 1.0× sqlite-utils search (FTS5)", 1.0),
    ("3", "csto-kb --help", "≤ 1.0× sqlite-utils --help", 1.0),
    ("3", "csto-kb who-said --help", "≤ 1.0× sqlite-utils --help", 1.0),
    (
        "4",
        "import statements (JSON Lines, validated)",
        "≤ 2.0× sqlite-utils insert --nl (stretch 1.0×); ≤ 200 MB",
        2.0,
    ),
    ("5", "export statements --format csv", "≤ 1.0× sqlite-utils query --csv; ≤ 150 MB", 1.0),
    ("5", "export statements --format jsonl", "≤ 1.0× sqlite-utils query --nl; ≤ 150 MB", 1.0),
    ("6", "factsheet csto --format html", "≤ 0.5 s (PostgreSQL ≤ 1.0 s)", 0.5),
    ("7", "extraction throughput", "linear in length", 0.0),
]
MEMORY_GOAL_MB = {"4": 200.0, "5": 150.0}
ABSOLUTE_ON_POSTGRESQL = {"6": 1.0}
"""Rows whose goal is a time, with PostgreSQL's own limit."""
PEER_GOALS = {"1": 1.5, "2": 1.5, "4": 3.0, "5": 2.0}
"""PostgreSQL against csto-kb on SQLite at the same scale (its "SQLite peer"): the most it may take."""


@dataclass
class Timing:
    """Wall times (s) and peak resident sizes (MB) of repeated runs of one command."""

    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    def text(self) -> str:
        if not self.seconds:
            return "—"
        if len(self.seconds) == 1:
            return f"{self.seconds[0]:.3f}"
        return f"{self.median:.3f} ({min(self.seconds):.3f}–{max(self.seconds):.3f})"

    def memory(self) -> str:
        return f"{max(self.peak_mb):.0f}" if self.peak_mb else "—"


@dataclass
class Row:
    number: str
    what: str
    goal: str
    csto: Timing = field(default_factory=Timing)
    baseline: Timing = field(default_factory=Timing)
    floor: Timing = field(default_factory=Timing)
    note: str = ""

    def ratio(self) -> float | None:
        if self.csto.seconds and self.baseline.seconds:
            return self.csto.median / self.baseline.median
        return None

    def met(self, limit: float) -> str:
        if self.number == "7":
            return self.note and "see below"
        if self.number == "6":
            if not self.csto.seconds:
                return "—"
            ok = self.csto.median <= limit
        else:
            ratio = self.ratio()
            if ratio is None:
                return "—"
            ok = ratio <= limit
        if self.number in MEMORY_GOAL_MB and self.csto.peak_mb:
            ok = ok and max(self.csto.peak_mb) <= MEMORY_GOAL_MB[self.number]
        return "yes" if ok else "**no**"


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSTO_KB_")}
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run_once(command: Sequence[str], *, stdout_path: Path | None = None) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of one process; raises with its stderr when it fails."""
    # Linux keeps a forked child's high-water RSS across exec, so wait4() on a child of this (large) process
    # would report this process's size; GNU time forks from a small process and reports the command's own.
    with (
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r") as peak,
        stdout_path.open("wb") if stdout_path else open(os.devnull, "wb") as out,
    ):
        start = time.perf_counter()
        process = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, *command],
            stdout=out,
            stderr=err,
            env=_environment(),
            cwd=ROOT,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if process.returncode != 0:
            err.seek(0)
            message = err.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)[:300]} exited {process.returncode}: {message}")
        kilobytes = int(peak.read().split()[-1])
    return elapsed, kilobytes / 1024


def measure(
    command: Sequence[str], runs: int, *, before: Any = None, stdout_path: Path | None = None
) -> Timing:
    timing = Timing()
    for _ in range(runs):
        if before is not None:
            before()
        seconds, peak = run_once(command, stdout_path=stdout_path)
        timing.seconds.append(seconds)
        timing.peak_mb.append(peak)
    return timing


def csto(url: str, *args: str) -> list[str]:
    return [str(BIN / "csto-kb"), "--db", url, *args]


def csto_with_import(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "csto_kb", "--db", url, *args]


def sqlite_utils(*args: str) -> list[str]:
    return [str(BIN / "sqlite-utils"), *args]


# --- databases ---------------------------------------------------------------------------------------------
def pg_url(database: str, admin: str = PG_ADMIN_URL) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin).set(database=database).render_as_string(hide_password=False)


def pg_admin(sql: str, admin: str = PG_ADMIN_URL) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(sql))
    engine.dispose()


def pg_exists(database: str, admin: str = PG_ADMIN_URL) -> bool:
    from sqlalchemy import create_engine, text

    engine = create_engine(admin)
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": database}
        ).first()
    engine.dispose()
    return found is not None


def pg_reachable(admin: str = PG_ADMIN_URL) -> bool:
    try:
        pg_exists("postgres", admin)
    except Exception:
        return False
    return True


class Target:
    """Where one engine's databases of one scale live: the base (no statements) and the full one."""

    def __init__(self, engine: str, scale: int, work: Path, admin: str) -> None:
        self.engine, self.scale, self.work, self.admin = engine, scale, work, admin
        if engine == "sqlite":
            self.base_path = work / f"base-{scale}.sqlite3"
            self.full_path = work / f"full-{scale}.sqlite3"
            self.base = f"sqlite:///{self.base_path}"
            self.full = f"sqlite:///{self.full_path}"
        else:
            # Named after the work folder too, so that two work folders (a smoke run's) never share databases.
            tag = hashlib.sha256(str(work).encode()).hexdigest()[:6]
            self.base_name, self.full_name = f"csto_bench_{tag}_base_{scale}", f"csto_bench_{tag}_{scale}"
            self.base = pg_url(self.base_name, admin)
            self.full = pg_url(self.full_name, admin)

    def ensure_base(self, data: Path) -> None:
        if self.engine == "sqlite":
            if not self.base_path.exists():
                partial = self.base_path.with_suffix(".partial")
                _remove_sqlite(partial)
                generate.build_base(f"sqlite:///{partial}", data)
                _checkpoint(partial)
                partial.rename(self.base_path)
                _remove_sqlite(partial)  # the -wal and -shm files left under the old name
            return
        name = self.base_name
        if not pg_exists(name, self.admin):
            pg_admin(f'DROP DATABASE IF EXISTS "{name}_partial" WITH (FORCE)', self.admin)
            pg_admin(f'CREATE DATABASE "{name}_partial"', self.admin)
            generate.build_base(pg_url(f"{name}_partial", self.admin), data)
            pg_admin(f'ALTER DATABASE "{name}_partial" RENAME TO "{name}"', self.admin)

    def fresh_full(self) -> None:
        """Replace the full database with a copy of the base, for an import to fill."""
        if self.engine == "sqlite":
            _remove_sqlite(self.full_path)
            shutil.copyfile(self.base_path, self.full_path)
            return
        pg_admin(f'DROP DATABASE IF EXISTS "{self.full_name}" WITH (FORCE)', self.admin)
        pg_admin(f'CREATE DATABASE "{self.full_name}" TEMPLATE "{self.base_name}"', self.admin)

    def drop(self) -> None:
        if self.engine == "postgresql":
            for name in (self.full_name, self.base_name):
                pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', self.admin)


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# --- the suite -----------------------------------------------------------------------------------------------
def probe_speaker(data: Path) -> tuple[str, str]:
    """The Arabic name of the probe speaker, as given and normalised."""
    from csto_kb.text import normalise

    with (data / "entities.jsonl").open(encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    name = next(n["name"] for n in first["names"] if n["lang"] == "ar")
    return name, normalise(name)


def run_scale(
    engine: str,
    scale: int,
    work: Path,
    runs: int,
    heavy_runs: int,
    admin: str,
    sqlite_rows: dict[str, Row] | None,
    *,
    drop: bool = False,
    skip: frozenset[str] = frozenset(),
) -> dict[str, Row]:
    """Every row of the table for one engine at one scale (``drop``: remove its PostgreSQL databases after)."""
    data = work / f"data-{scale}"
    if not (data / "done").exists():
        generate.write_dataset(data, scale)
    target = Target(engine, scale, work, admin)
    target.ensure_base(data)
    try:
        return _measure_all(target, data, work, runs, heavy_runs, sqlite_rows, skip)
    finally:
        if drop:
            target.drop()


def _measure_all(
    target: Target,
    data: Path,
    work: Path,
    runs: int,
    heavy_runs: int,
    sqlite_rows: dict[str, Row] | None,
    skip: frozenset[str],
) -> dict[str, Row]:
    from csto_kb.text import normalise_for_search

    engine, scale = target.engine, target.scale
    rows = {f"{n} {w}": Row(n, w, g) for n, w, g, _ in ROWS}
    keys = list(rows)
    statements = data / "statements.jsonl"
    out = work / "out"
    out.mkdir(exist_ok=True)

    # 4: bulk import, each run into a fresh copy of the base; the last run leaves the full database.
    row = rows[keys[4]]
    row.csto = measure(
        csto_with_import(target.full, "import", "statements", str(statements)),
        heavy_runs,
        before=target.fresh_full,
    )
    if engine == "sqlite":
        _checkpoint(target.full_path)
        plain = work / f"sqlite-utils-{scale}.db"
        row.baseline = measure(
            sqlite_utils("insert", str(plain), "statement", str(statements), "--nl"),
            heavy_runs,
            before=lambda: _remove_sqlite(plain),
        )
        _remove_sqlite(plain)
    if engine == "sqlite" and "2" not in skip:
        # sqlite-utils search needs an FTS5 table of its own (csto-kb's statement_fts is a trigram index):
        # a copy of the same normalised quotes, which csto-kb never reads.
        with contextlib.closing(sqlite3.connect(target.full_path)) as connection, connection:
            connection.execute(f"DROP TABLE IF EXISTS {SQLITE_UTILS_QUOTES}")
            connection.execute(f"CREATE TABLE {SQLITE_UTILS_QUOTES} AS SELECT id, quote_norm FROM statement")
        run_once(
            sqlite_utils("enable-fts", str(target.full_path), SQLITE_UTILS_QUOTES, "quote_norm", "--fts5")
        )
    if engine != "sqlite" and sqlite_rows is not None:
        row.baseline = sqlite_rows[keys[4]].baseline

    def skipped(number: str) -> bool:
        """Whether row ``number`` is left out (--skip), noting so in its rows."""
        if number in skip:
            for key in keys:
                if rows[key].number == number:
                    rows[key].note = f"not measured at this scale (--skip {number})"
        return number in skip

    speaker, speaker_norm = probe_speaker(data)
    phrase_like = f"%{normalise_for_search(generate.PHRASE)}%"
    if engine == "sqlite":
        db = str(target.full_path)

        def floor(sql: str, value: str) -> list[str]:
            return [sys.executable, "-c", FLOOR_SQLITE, db, sql.format(p="?"), json.dumps([value])]
    else:
        plain_url = target.full.replace("postgresql+psycopg://", "postgresql://")

        def floor(sql: str, value: str) -> list[str]:
            return [sys.executable, "-c", FLOOR_PG, plain_url, sql.format(p="%s"), json.dumps([value])]

    # 1: who-said by speaker.
    row = rows[keys[0]]
    if not skipped("1"):
        row.csto = measure(csto(target.full, "who-said", "--speaker", speaker, "--format", "json"), runs)
        row.floor = measure(floor(BY_SPEAKER, speaker_norm), runs)
    # 2: who-said by words.
    row2 = rows[keys[1]]
    if skipped("2"):
        pass
    elif engine == "sqlite":
        row2.csto = measure(
            csto(target.full, "who-said", "--contains", generate.PHRASE, "--format", "json"), runs
        )
        row2.floor = measure(floor(BY_WORDS_FTS, f'"{normalise_for_search(generate.PHRASE)}"'), runs)
        row2.note = "floor: the same trigram-index query csto-kb runs"
    else:
        row2.csto = measure(
            csto(target.full, "who-said", "--contains", generate.PHRASE, "--format", "json"), runs
        )
        row2.floor = measure(floor(BY_WORDS, phrase_like), runs)
        row2.note = "floor: the same LIKE (pg_trgm index) csto-kb runs"
    if engine == "sqlite":
        if "1" not in skip:
            row.baseline = measure(
                sqlite_utils("query", db, BY_SPEAKER.format(p=":name"), "-p", "name", speaker_norm), runs
            )
        if "2" not in skip:
            row2.baseline = measure(
                sqlite_utils("search", db, SQLITE_UTILS_QUOTES, f'"{normalise_for_search(generate.PHRASE)}"'),
                runs,
            )
    elif sqlite_rows is not None:
        row.baseline, row2.baseline = sqlite_rows[keys[0]].baseline, sqlite_rows[keys[1]].baseline

    # 3: help.
    for key, command in ((keys[2], ["--help"]), (keys[3], ["who-said", "--help"])):
        if skipped("3"):
            break
        rows[key].csto = measure([str(BIN / "csto-kb"), *command], runs)
        rows[key].baseline = measure(sqlite_utils("--help"), runs)
        rows[key].floor = measure([sys.executable, "-c", "pass"], runs)

    # 5: export.
    for key, fmt, flag in ((keys[5], "csv", "--csv"), (keys[6], "jsonl", "--nl")):
        if skipped("5"):
            break
        rows[key].csto = measure(
            csto(target.full, "export", "statements", "--format", fmt, "-o", str(out / f"export.{fmt}")),
            heavy_runs,
        )
        if engine == "sqlite":
            rows[key].baseline = measure(
                sqlite_utils("query", db, EVERYTHING, flag),
                heavy_runs,
                stdout_path=out / f"sqlite-utils.{fmt}",
            )
        elif sqlite_rows is not None:
            rows[key].baseline = sqlite_rows[key].baseline

    # 6: fact sheet.
    if not skipped("6"):
        rows[keys[7]].csto = measure(
            csto(target.full, "factsheet", "csto", "--format", "html", "-o", str(out / "factsheet.html")),
            runs,
        )
    return rows


def extraction(tiny: bool) -> str:
    args = ["--repeat", "1", "--runs", "1"] if tiny else ["--repeat", "20", "--runs", "3"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_extraction.py"), *args],
        env=_environment(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


# --- reporting -----------------------------------------------------------------------------------------------
def table(rows: dict[str, Row], engine: str) -> str:
    baseline = "sqlite-utils" if engine == "sqlite" else "sqlite-utils (same data, SQLite)"
    lines = [
        f"| # | what | csto-kb s, median (min–max) | csto-kb peak MB | {baseline} s | its peak MB "
        "| floor (Python + driver) s | ratio | goal | met |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    # The goals as they stand now, whatever the results file recorded when it was measured.
    limits = {f"{n} {w}": limit for n, w, _, limit in ROWS}
    goals = {f"{n} {w}": goal for n, w, goal, _ in ROWS}
    for key, row in rows.items():
        ratio = row.ratio()
        limit = limits[key]
        if engine == "postgresql":
            limit = ABSOLUTE_ON_POSTGRESQL.get(row.number, limit)
        lines.append(
            f"| {row.number} | {row.what} | {row.csto.text()} | {row.csto.memory()} | {row.baseline.text()} "
            f"| {row.baseline.memory()} | {row.floor.text()} | {f'{ratio:.2f}×' if ratio is not None else '—'} "
            f"| {goals.get(key, row.goal)} | {row.met(limit)} |"
        )
    return "\n".join(lines)


def peer_table(postgresql: dict[str, Row], sqlite: dict[str, Row]) -> str:
    """PostgreSQL's times against csto-kb's own on SQLite, for the rows with a goal of that kind."""
    lines = [
        "| # | what | PostgreSQL s | SQLite s | ratio | goal | met |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for key, row in postgresql.items():
        limit = PEER_GOALS.get(row.number)
        peer = sqlite.get(key)
        if limit is None or peer is None or not row.csto.seconds or not peer.csto.seconds:
            continue
        ratio = row.csto.median / peer.csto.median
        lines.append(
            f"| {row.number} | {row.what} | {row.csto.median:.3f} | {peer.csto.median:.3f} | {ratio:.2f}× "
            f"| ≤ {limit:.1f}× | {'yes' if ratio <= limit else '**no**'} |"
        )
    return "\n".join(lines)


def save(path: Path, rows: dict[str, Row], meta: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"meta": meta, "rows": {k: asdict(r) for k, r in rows.items()}}, ensure_ascii=False)
    )


def load(path: Path) -> tuple[dict[str, Row], dict[str, Any]]:
    raw = json.loads(path.read_text())
    rows = {}
    for key, r in raw["rows"].items():
        rows[key] = Row(
            r["number"],
            r["what"],
            r["goal"],
            Timing(**r["csto"]),
            Timing(**r["baseline"]),
            Timing(**r["floor"]),
            r["note"],
        )
    return rows, raw["meta"]


def _capture(command: Sequence[str]) -> str:
    try:
        return subprocess.run(list(command), capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "unavailable"


def machine(admin: str) -> dict[str, str]:
    info = {
        "nproc": _capture(["nproc"]),
        "free -h": _capture(["free", "-h"]),
        "cpu": next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        ),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlite-utils": _capture([str(BIN / "sqlite-utils"), "--version"]),
    }
    if pg_reachable(admin):
        from sqlalchemy import create_engine, text

        engine = create_engine(admin)
        with engine.connect() as connection:
            info["postgresql"] = str(connection.execute(text("SHOW server_version")).scalar())
        engine.dispose()
    return info


def render(work: Path, output: Path, command: str, revision: str, admin: str) -> str:
    results = sorted(
        (work / "results").glob("*-*.json"),
        key=lambda p: (int(p.stem.split("-")[1]), p.stem.split("-")[0] != "sqlite"),
    )
    info = machine(admin)
    parts = [
        "# Benchmark results",
        "",
        f"Measured on revision `{revision}`. Rendered {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu']}; `nproc`: {info['nproc']}",
        f"- Python {info['python']}, SQLite {info['sqlite']}, {info['sqlite-utils']}, "
        f"PostgreSQL {info.get('postgresql', 'unreachable')} (127.0.0.1, same machine)",
        "",
        "```",
        info["free -h"],
        "```",
        "",
        "## Reproduce",
        "",
        "From the repository's root, with the project installed as users install it (not editable) with the"
        " PostgreSQL driver and sqlite-utils, and PostgreSQL at the default URL (`--postgres` names another):",
        "",
        "```",
        "python -m venv .venv && .venv/bin/pip install '.[postgres,bench]'",
        f".venv/bin/{command}",
        "```",
        "",
        "Every time is the wall time of a new process (median, min–max over the runs noted per section); the file "
        "cache is warm. Peak memory is the process's maximum resident set (GNU time %M). The probes have the same size "
        f"at every scale: the speaker says {generate.PROBE_STATEMENTS} statements, {40} quotes contain the phrase, "
        "200 statements are about the CSTO; so query figures should be flat across scales.",
        "",
    ]
    by_scale: dict[int, dict[str, Row]] = {}
    for path in results:
        rows, meta = load(path)
        parts += [
            f"## {meta['scale']:,} statements — {meta['engine']}",
            "",
            f"Runs: {meta['runs']} (import and export: {meta['heavy_runs']}). Measured {meta['when']}; "
            f"load average before/after: {meta['load_before']} / {meta['load_after']}.",
            "",
            table(rows, meta["engine"]),
            "",
        ]
        if meta["engine"] == "sqlite":
            by_scale[meta["scale"]] = rows
        elif meta["scale"] in by_scale:
            parts += [
                f"PostgreSQL against csto-kb on SQLite at {meta['scale']:,} statements, measured in the same run:",
                "",
                peer_table(rows, by_scale[meta["scale"]]),
                "",
            ]
    extraction_file = work / "results" / "extraction.txt"
    if extraction_file.exists():
        parts += [
            "## 7. Extraction throughput (bench/bench_extraction.py)",
            "",
            "```",
            extraction_file.read_text().rstrip(),
            "```",
            "",
        ]
    notes = ROOT / "bench" / "NOTES.md"
    if notes.exists() and output.resolve().parent == (ROOT / "bench").resolve():
        parts += [notes.read_text()]
    text = "\n".join(parts)
    output.write_text(text)
    return text


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", default="10000,100000,1000000")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--runs", type=int, default=5, help="runs of each query and help command")
    parser.add_argument(
        "--heavy-runs", type=int, default=None, help="runs of import and export (default: 3, 1 at ≥ 1M)"
    )
    parser.add_argument(
        "--tiny", action="store_true", help="a smoke run: 200 statements, one run of everything"
    )
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / ".work")
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help="default: bench/RESULTS.md (WORKDIR/RESULTS.md with --tiny)",
    )
    parser.add_argument(
        "--postgres", default=PG_ADMIN_URL, help="URL of an existing PostgreSQL database to connect as admin"
    )
    parser.add_argument(
        "--render-only", action="store_true", help="measure nothing: rewrite --results from WORKDIR/results"
    )
    parser.add_argument(
        "--command", default=None, help="with --render-only: the command to show as reproducing"
    )
    parser.add_argument(
        "--skip",
        default="",
        help="row numbers not to measure, e.g. 5 (exports take longest at 1M); 1,2,3,5,6 measure the import alone",
    )
    parser.add_argument(
        "--revision", default=None, help="what is measured (default: git describe of the tree)"
    )
    args = parser.parse_args()

    scales = [200] if args.tiny else [int(s) for s in args.scales.split(",") if s]
    runs = 1 if args.tiny else args.runs
    engines = [e for e in args.engines.split(",") if e]
    if "postgresql" in engines and not pg_reachable(args.postgres):
        print(f"PostgreSQL at {args.postgres} is unreachable: measuring SQLite only", file=sys.stderr)
        engines = [e for e in engines if e != "postgresql"]
    if "sqlite" not in engines:
        engines.insert(0, "sqlite")  # PostgreSQL rows borrow SQLite's sqlite-utils baselines
    skip = frozenset(n for n in args.skip.split(",") if n)
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    output = args.results or (work / "RESULTS.md" if args.tiny else ROOT / "bench" / "RESULTS.md")
    revision = (
        args.revision or _capture(["git", "-C", str(ROOT), "describe", "--always", "--dirty"]) or "unknown"
    )
    command = " ".join(["python -m bench.run", *sys.argv[1:]])

    if args.render_only:
        render(work, output, args.command or command, revision, args.postgres)
        print(f"wrote {output}", file=sys.stderr)
        return
    for scale in scales:
        heavy = 1 if args.tiny else args.heavy_runs or (1 if scale >= 1_000_000 else 3)
        sqlite_rows: dict[str, Row] | None = None
        for engine in engines:
            load_before = _load()
            print(f"\n## {scale:,} statements — {engine}", flush=True)
            rows = run_scale(
                engine, scale, work, runs, heavy, args.postgres, sqlite_rows, drop=args.tiny, skip=skip
            )
            if engine == "sqlite":
                sqlite_rows = rows
            meta = {
                "scale": scale,
                "engine": engine,
                "runs": runs,
                "heavy_runs": heavy,
                "when": f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
                "load_before": load_before,
                "load_after": _load(),
            }
            extraction_row = rows[f"7 {ROWS[8][1]}"]
            extraction_row.note = "see the extraction section"
            save(work / "results" / f"{engine}-{scale}.json", rows, meta)
            print(table(rows, engine), flush=True)
    if "7" not in skip:
        text = extraction(args.tiny)
        (work / "results" / "extraction.txt").write_text(text)
        print("\n## 7. extraction throughput\n" + text, flush=True)
    render(work, output, command, revision, args.postgres)
    print(f"wrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
