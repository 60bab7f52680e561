"""Nothing lost, nothing corrupted: many processes writing at once, a reader during an ingest, a duplicate race.

Every writer is a real OS process (tests/helpers_workers.py, or the csto-kb CLI itself), so SQLite's file
locks and PostgreSQL's row locks are exercised as users meet them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.helpers import Databases, Run, candidate_total, count, ok, table_counts

pytestmark = pytest.mark.slow  # many processes at once

Cli = Callable[..., Run]

REPO = Path(__file__).resolve().parent.parent
SPEAKER = "stanislav-zas"
WORKERS = 8
PER_WORKER = 200
CLI_PER_WORKER = 1


def drill_quote(n: int) -> str:
    return f"Drill sentence {n:05d} holds."


def add_drill_source(cli: Cli, tmp_path: Path, sentences: int, title: str = "drill") -> int:
    """A source whose stored text holds ``sentences`` distinct quotable sentences; returns its id."""
    path = tmp_path / f"{title}.txt"
    path.write_text(" ".join(drill_quote(n) for n in range(sentences)) + "\n", encoding="utf-8")
    run = ok(cli("source", "add", str(path), "--lang", "en", "--title", title))
    return int(run.stdout.split("added source ")[1].split(":")[0])


def start_worker(mode: str, args: dict[str, Any], tmp_path: Path, name: str) -> subprocess.Popen[str]:
    args_file = tmp_path / f"{name}.json"
    args_file.write_text(json.dumps(args), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers_workers", mode, str(args_file)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], timeout: float = 240) -> dict[str, Any]:
    stdout, stderr = process.communicate(timeout=timeout)
    assert stdout.strip(), f"worker printed nothing; stderr: {stderr[-2000:]}"
    outcome: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    return outcome


def cli_process(url: str, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "CSTO_KB_DATABASE_URL"}
    return subprocess.Popen(
        [sys.executable, "-m", "csto_kb", "--db", url, *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def live_identities_unique(engine: Engine) -> None:
    with engine.connect() as connection:
        twins = connection.execute(
            text(
                "SELECT speaker_id, quote_key, said_on, count(*) FROM statement WHERE retracted_at IS NULL "
                "GROUP BY speaker_id, quote_key, said_on HAVING count(*) > 1"
            )
        ).all()
    assert twins == []


def test_eight_processes_adding_200_statements_each_lose_nothing(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    total = WORKERS * PER_WORKER
    source = add_drill_source(cli, tmp_path, total)
    before = count(engine, "statement")
    start_at = time.time() + 3  # every worker has imported everything and waits at the same barrier
    began = time.monotonic()
    workers = [
        start_worker(
            "add",
            {
                "url": db_url,
                "source": source,
                "speaker": SPEAKER,
                "by": f"worker-{w}",
                "start_at": start_at,
                "quotes": [drill_quote(n) for n in range(w * PER_WORKER, (w + 1) * PER_WORKER)],
            },
            tmp_path,
            f"add-{w}",
        )
        for w in range(WORKERS)
    ]
    outcomes = [finish(p) for p in workers]
    elapsed = time.monotonic() - began
    errors = [e for o in outcomes for e in o["errors"]]
    assert errors == [], errors[:5]
    assert sum(o["added"] for o in outcomes) == total
    assert count(engine, "statement") == before + total
    reported = f"WHERE id IN (SELECT statement_id FROM evidence WHERE source_id = {source})"
    assert count(engine, "statement", reported) == total
    for w in range(WORKERS):
        assert count(engine, "statement", f"WHERE recorded_by = 'worker-{w}'") == PER_WORKER
    live_identities_unique(engine)
    with engine.connect() as connection:
        quotes = {
            q
            for (q,) in connection.execute(
                text(
                    "SELECT quote FROM statement WHERE id IN "
                    f"(SELECT statement_id FROM evidence WHERE source_id = {source})"
                )
            )
        }
        logged = connection.execute(
            text(
                "SELECT count(*) FROM change WHERE table_name = 'statement' AND action = 'insert' AND by LIKE 'worker-%'"
            )
        ).scalar_one()
    assert quotes == {drill_quote(n) for n in range(total)}
    assert logged == total  # every insert has its change-log entry: the log commits with the change
    print(f"\n{WORKERS} writers x {PER_WORKER} statements: {total} rows held in {elapsed:.1f} s, 0 errors")


def test_eight_cli_processes_adding_statements_at_once_lose_nothing(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    total = WORKERS * CLI_PER_WORKER
    source = add_drill_source(cli, tmp_path, total)
    before = count(engine, "statement")
    began = time.monotonic()
    failures: list[str] = []
    # Eight shells, each running its statements one `csto-kb statement add` after another.
    waves: list[list[subprocess.Popen[str]]] = []
    for i in range(CLI_PER_WORKER):
        wave = [
            cli_process(
                db_url,
                "statement", "add",
                "--speaker", SPEAKER,
                "--quote", drill_quote(w * CLI_PER_WORKER + i),
                "--source", str(source),
                "--by", f"cli-worker-{w}",
            )
            for w in range(WORKERS)
        ]  # fmt: skip
        waves.append(wave)
        for process in wave:
            _, stderr = process.communicate(timeout=120)
            if process.returncode != 0 or stderr:
                failures.append(f"exit {process.returncode}: {stderr.strip()[-500:]}")
    elapsed = time.monotonic() - began
    assert failures == []
    assert count(engine, "statement") == before + total
    live_identities_unique(engine)
    print(f"\n{WORKERS} CLI writers x {CLI_PER_WORKER}: {total} rows held in {elapsed:.1f} s, 0 errors")


def test_eight_cli_processes_adding_the_same_statement_store_it_once(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    source = add_drill_source(cli, tmp_path, 3)
    before = table_counts(engine)
    processes = [
        cli_process(
            db_url,
            "statement",
            "add",
            "--speaker",
            SPEAKER,
            "--quote",
            drill_quote(1),
            "--source",
            str(source),
        )
        for _ in range(WORKERS)
    ]
    results = [(p, *p.communicate(timeout=120)) for p in processes]
    winners = [r for r in results if r[0].returncode == 0]
    losers = [r for r in results if r[0].returncode != 0]
    assert len(winners) == 1, [r[2] for r in results]
    for process, stdout, stderr in losers:
        assert process.returncode == 1, stderr
        assert stdout == ""
        assert stderr.startswith("error: statement: "), stderr
        assert stderr.count("\n") == 1, stderr
        assert "Traceback" not in stderr
        assert "duplicate key value" not in stderr
        assert "UNIQUE" not in stderr
    assert count(engine, "statement") == before["statement"] + 1
    live_identities_unique(engine)


def test_processes_racing_on_the_same_statement_round_after_round_store_each_once(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    """The service-level race with a barrier: all workers insert the same statement in the same millisecond,
    which on PostgreSQL reaches the unique index itself, not only the duplicate check."""
    rounds = 10
    source = add_drill_source(cli, tmp_path, rounds)
    before = count(engine, "statement")
    first = time.time() + 3
    start_times = [first + 0.2 * r for r in range(rounds)]
    workers = [
        start_worker(
            "race",
            {
                "url": db_url,
                "source": source,
                "speaker": SPEAKER,
                "by": f"racer-{w}",
                "quotes": [drill_quote(r) for r in range(rounds)],
                "start_times": start_times,
            },
            tmp_path,
            f"race-{w}",
        )
        for w in range(WORKERS)
    ]
    outcomes = [finish(p) for p in workers]
    errors = [e for o in outcomes for e in o["errors"]]
    assert errors == [], errors[:5]
    wins = sorted(r for o in outcomes for r in o["won"])
    assert wins == list(range(rounds)), "each round must have exactly one winner"
    assert sum(o["duplicates"] for o in outcomes) == rounds * (WORKERS - 1)
    assert count(engine, "statement") == before + rounds
    live_identities_unique(engine)


def test_a_reader_never_sees_half_an_article_or_half_a_statement_list(
    cli: Cli, engine: Engine, db_url: str, backend: str, tmp_path: Path
) -> None:
    seed_article = (REPO / "seeds" / "000_a04cb8df2fb7d647.txt").read_text(encoding="utf-8")
    articles = []
    for n in range(8):
        body = (seed_article + "\n") * (1 + n % 2) + f"\nrace-article-{n}\n"
        articles.append(
            {"title": f"race-article-{n}", "body": body, "candidates": candidate_total(engine, body)}
        )
    batch_size = 40
    source = add_drill_source(cli, tmp_path, batch_size * len(articles))
    batches = [
        {"by": f"race-batch-{b}", "quotes": [drill_quote(b * batch_size + i) for i in range(batch_size)]}
        for b in range(len(articles))
    ]
    stop_file = tmp_path / "stop"
    reader = start_worker(
        "read",
        {
            "url": db_url,
            "candidates_by_title": {a["title"]: a["candidates"] for a in articles},
            "batch_size": batch_size,
            "stop_file": str(stop_file),
            "postgresql": backend == "postgresql",
        },
        tmp_path,
        "reader",
    )
    time.sleep(1.5)  # let the reader start reading before the first write
    writer = start_worker(
        "write",
        {"url": db_url, "speaker": SPEAKER, "source": source, "articles": articles, "batches": batches},
        tmp_path,
        "writer",
    )
    written = finish(writer)
    stop_file.touch()
    seen = finish(reader)
    assert written["errors"] == []
    assert written["done"] == len(articles)
    assert "errors" not in seen, seen
    assert seen["violations"] == []
    # The reader really read while the writer wrote: it saw several different stages of the work.
    assert seen["distinct_source_counts"] >= 3, seen
    with engine.connect() as connection:
        stored = connection.execute(
            text(
                "SELECT s.title, count(c.id) FROM source s LEFT JOIN candidate c ON c.source_id = s.id "
                "WHERE s.title LIKE 'race-article-%' GROUP BY s.title"
            )
        ).all()
    assert dict(stored) == {a["title"]: a["candidates"] for a in articles}
    assert count(engine, "statement", "WHERE recorded_by LIKE 'race-batch-%'") == batch_size * len(batches)
    print(f"\nreader: {seen['rounds']} consistent snapshots during {len(articles)} ingests and batches")


def test_two_processes_opening_an_empty_database_at_once_migrate_and_seed_it_once(
    databases: Databases,
) -> None:
    """Three first uses at once: the migration engine and every unit of work write one at a time (BEGIN
    IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so one migrates and seeds, the others find it done."""
    url = databases.empty()
    processes = [cli_process(url, "source", "list") for _ in range(3)]
    results = [(p.returncode, out, err) for p in processes for out, err in [p.communicate(timeout=120)]]
    assert [r[0] for r in results] == [0, 0, 0], [r[2] for r in results]
    from csto_kb.db.engine import make_engine

    engine = make_engine(url)
    try:
        template = make_engine(databases.template)
        try:
            assert table_counts(engine) == table_counts(template)
        finally:
            template.dispose()
        assert count(engine, "source") == 1
    finally:
        engine.dispose()
