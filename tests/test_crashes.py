"""kill -9 in the middle of the work: the database stays consistent, and running the command again finishes it.

Each case starts the real CLI as its own process, kills it with SIGKILL after a seeded random delay, checks the
database (SQLite's integrity and foreign-key checks; every article and every statement list all or nothing),
then runs the same command again.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url

from csto_kb.db.engine import make_engine
from tests.helpers import Databases, Run, candidate_total, count, table_counts

pytestmark = pytest.mark.slow  # kill -9 at many moments

Cli = Callable[..., Run]

REPO = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO / "seeds" / "000_a04cb8df2fb7d647.txt"
SPEAKER = "stanislav-zas"
RANDOM_SEED = 20_240_613
BATCH = 300


@dataclass
class CrashLog:
    """What the kill points hit: killed while running, or the process had already finished."""

    name: str
    delays: list[float] = field(default_factory=list)
    killed_running: int = 0
    finished_first: int = 0
    done_after_kill: int = 0
    undone_after_kill: int = 0

    def report(self) -> str:
        return (
            f"{self.name}: {len(self.delays)} kill points ({', '.join(f'{d:.2f}' for d in self.delays)} s): "
            f"{self.killed_running} killed mid-run, {self.finished_first} had finished; "
            f"afterwards {self.done_after_kill} whole, {self.undone_after_kill} absent, 0 partial"
        )


def kill_after(delay: float, url: str, *args: str) -> bool:
    """Run the CLI, SIGKILL it after ``delay`` seconds; True when it was still running when killed."""
    env = {k: v for k, v in os.environ.items() if k != "CSTO_KB_DATABASE_URL"}
    process = subprocess.Popen(
        [sys.executable, "-m", "csto_kb", "--db", url, *args],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True
    finally:
        if process.stderr is not None:
            process.stderr.close()


def assert_consistent(url: str, engine: Engine) -> None:
    """The storage engine's own checks: SQLite's integrity and foreign keys, or PostgreSQL's acceptance of
    a full read of every table."""
    if engine.dialect.name == "sqlite":
        assert_sqlite_file_intact(url, missing_ok=False)
    table_counts(engine)  # every table still readable


def assert_sqlite_file_intact(url: str, *, missing_ok: bool) -> None:
    """SQLite's integrity and foreign-key checks pass on the file behind ``url`` (if it exists, with
    ``missing_ok``)."""
    path = make_url(url).database
    assert path is not None
    if missing_ok and not Path(path).exists():
        return
    connection = sqlite3.connect(path)  # opening it replays or discards the write-ahead log
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def delays(n: int, low: float, high: float, salt: int) -> list[float]:
    rng = random.Random(RANDOM_SEED + salt)
    return sorted(round(rng.uniform(low, high), 2) for _ in range(n))


def timed_run(url: str, *args: str) -> float:
    """Run the CLI to the end; its wall time calibrates the kill delays to this machine's current speed."""
    env = {k: v for k, v in os.environ.items() if k != "CSTO_KB_DATABASE_URL"}
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "csto_kb", "--db", url, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return time.monotonic() - began


def test_kill_9_during_ingest_leaves_every_article_whole_or_absent(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    calibration = tmp_path / "calibration.txt"
    calibration.write_text((seed_text + "\n") * 25 + "\ncalibration\n", encoding="utf-8")
    took = timed_run(db_url, "ingest", str(calibration), "--lang", "ar", "--published", "2022-02-19")
    log = CrashLog("ingest")
    # Kill anywhere from start-up to the end of a normal run: early kills test "nothing yet", late ones
    # land inside the transaction or its commit.
    for point, delay in enumerate(delays(4, 0.4 * took, 1.05 * took, salt=1)):
        body = (seed_text + "\n") * 25 + f"\ncrash-article-{point}\n"
        article = tmp_path / f"crash-{point}.txt"
        article.write_text(body, encoding="utf-8")
        expected = candidate_total(engine, body)
        command = (
            "ingest",
            str(article),
            "--lang",
            "ar",
            "--published",
            "2022-02-19",
            "--title",
            f"crash-{point}",
        )
        log.delays.append(delay)
        if kill_after(delay, db_url, *command):
            log.killed_running += 1
        else:
            log.finished_first += 1
        assert_consistent(db_url, engine)
        with engine.connect() as connection:
            sources = connection.execute(
                text("SELECT id FROM source WHERE title = :t"), {"t": f"crash-{point}"}
            ).all()
        assert len(sources) <= 1
        if sources:
            assert count(engine, "candidate", f"WHERE source_id = {sources[0][0]}") == expected
            log.done_after_kill += 1
        else:
            log.undone_after_kill += 1
        rerun = cli("--db", db_url, *command)
        assert rerun.exit_code == 0, rerun.stderr
        with engine.connect() as connection:
            source_id = connection.execute(
                text("SELECT id FROM source WHERE title = :t"), {"t": f"crash-{point}"}
            ).scalar_one()
        assert count(engine, "candidate", f"WHERE source_id = {source_id}") == expected
    print("\n" + log.report())
    assert log.killed_running >= 2, "too few kill points landed while the command ran"


def test_kill_9_during_a_large_statement_list_leaves_it_whole_or_absent(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    kill_points = 4
    drill = tmp_path / "drill.txt"
    drill.write_text(
        " ".join(f"Crash sentence {n:05d} holds." for n in range(BATCH * (kill_points + 1))) + "\n",
        encoding="utf-8",
    )
    added = cli("--db", db_url, "source", "add", str(drill), "--lang", "en", "--title", "crash-drill")
    assert added.exit_code == 0, added.stderr
    source = int(added.stdout.split("added source ")[1].split(":")[0])

    def listing(batch: int) -> Path:
        items = [
            {"speaker": SPEAKER, "quote": f"Crash sentence {n:05d} holds.", "lang": "en", "source": source}
            for n in range(batch * BATCH, (batch + 1) * BATCH)
        ]
        path = tmp_path / f"batch-{batch}.json"
        path.write_text(json.dumps(items), encoding="utf-8")
        return path

    took = timed_run(
        db_url, "statement", "add", "--from-file", str(listing(kill_points)), "--by", "calibration"
    )
    log = CrashLog("statement add --from-file")
    for point, delay in enumerate(delays(kill_points, 0.4 * took, 1.05 * took, salt=2)):
        by = f"crash-batch-{point}"
        command = ("statement", "add", "--from-file", str(listing(point)), "--by", by)
        log.delays.append(delay)
        if kill_after(delay, db_url, *command):
            log.killed_running += 1
        else:
            log.finished_first += 1
        assert_consistent(db_url, engine)
        stored = count(engine, "statement", f"WHERE recorded_by = '{by}'")
        logged = count(engine, "change", f"WHERE by = '{by}' AND table_name = 'statement'")
        assert stored in (0, BATCH)
        assert logged == stored  # the change log commits or vanishes with the rows it describes
        if stored:
            log.done_after_kill += 1
            continue  # running it again would be refused as duplicates: the work is already whole
        log.undone_after_kill += 1
        rerun = cli("--db", db_url, *command)
        assert rerun.exit_code == 0, rerun.stderr
        assert count(engine, "statement", f"WHERE recorded_by = '{by}'") == BATCH
    print("\n" + log.report())
    assert log.killed_running >= 2, "too few kill points landed while the command ran"


def test_kill_9_during_first_use_leaves_a_database_the_next_run_completes(
    cli: Cli, databases: Databases, backend: str
) -> None:
    took = timed_run(databases.empty(), "source", "list")
    log = CrashLog("first use (migrate + seed)")
    for delay in delays(3, 0.4 * took, 1.0 * took, salt=3):
        url = databases.empty()
        log.delays.append(delay)
        if kill_after(delay, url, "source", "list"):
            log.killed_running += 1
        else:
            log.finished_first += 1
        engine = make_engine(url)
        try:
            if backend == "sqlite":
                assert_sqlite_file_intact(url, missing_ok=True)
            rerun = cli("--db", url, "source", "list")
            assert rerun.exit_code == 0, rerun.stderr
            template = make_engine(databases.template)
            try:
                assert table_counts(engine) == table_counts(template)
            finally:
                template.dispose()
        finally:
            engine.dispose()
    print("\n" + log.report())


def rows_or_none(url: str) -> dict[str, int] | None:
    """Rows per table, or None while the database holds no schema at all."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("statement"):
                return None
        return table_counts(engine)
    finally:
        engine.dispose()


def test_kill_9_during_bundle_import_leaves_the_database_empty_or_whole(
    cli: Cli, engine: Engine, db_url: str, databases: Databases, backend: str, tmp_path: Path
) -> None:
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    article = tmp_path / "big.txt"
    article.write_text((seed_text + "\n") * 40 + "\nbundle article\n", encoding="utf-8")
    assert cli("--db", db_url, "ingest", str(article), "--lang", "ar").exit_code == 0
    bundle = tmp_path / "backup.zip"
    exported = cli("--db", db_url, "export", "bundle", str(bundle))
    assert exported.exit_code == 0, exported.stderr
    expected = table_counts(engine)
    took = timed_run(databases.empty(), "import", "bundle", str(bundle))
    log = CrashLog("import bundle")
    for delay in delays(3, 0.4 * took, 1.05 * took, salt=4):
        url = databases.empty()
        log.delays.append(delay)
        if kill_after(delay, url, "import", "bundle", str(bundle)):
            log.killed_running += 1
        else:
            log.finished_first += 1
        if backend == "sqlite":
            assert_sqlite_file_intact(url, missing_ok=True)
        found = rows_or_none(url)
        if found == expected:
            log.done_after_kill += 1
            continue
        assert found is None or set(found.values()) == {0}, f"half a bundle: {found}"
        log.undone_after_kill += 1
        rerun = cli("--db", url, "import", "bundle", str(bundle))
        assert rerun.exit_code == 0, rerun.stderr
        assert rows_or_none(url) == expected
    print("\n" + log.report())
