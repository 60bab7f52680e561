"""How long an analyst's `statement add` waits while a large `import statements` runs, and how it ends.

For each engine: builds a generated knowledge base of ``--scale`` statements' entities and sources, starts
``csto-kb import statements`` of its statements in a process of its own, and meanwhile runs ``csto-kb statement
add`` every ``--every`` seconds in another, each with ``--wait``. Prints the import's duration and, for the adds:
how many ran, went through, gave up (exit 75) or failed otherwise, and the median and longest wait.

Run: PYTHONPATH=. python bench/bench_writer_wait.py [--scale 100000] [--wait 30] [--engines sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import build_base, write_dataset
from bench.run import pg_admin

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
QUOTE = "ويضم هذا التحالف السياسي العسكري"  # a phrase of the curated article (source 1)


def kb(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "csto_kb", "--db", url, *args]


def fresh_url(engine: str, scale: int) -> str:
    if engine == "sqlite":
        path = WORK / f"wait-{scale}.sqlite3"
        for suffix in ("", "-wal", "-shm", "-writer.json"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name = f"csto_kb_wait_{scale}"
    pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    pg_admin(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def measure(engine: str, scale: int, wait: float, every: float, wait_option: bool) -> dict[str, object]:
    data = WORK / f"data-{scale}"
    if not (data / "done").exists():
        write_dataset(data, scale)
    url = fresh_url(engine, scale)
    build_base(url, data)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    importer = subprocess.Popen(
        kb(url, "import", "statements", str(data / "statements.jsonl")),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    waits: list[float] = []
    outcomes = {"stored": 0, "gave up": 0, "failed": 0}
    messages: set[str] = set()
    n = 0
    time.sleep(min(2.0, every))  # the import takes the lock first
    while importer.poll() is None:
        n += 1
        begin = time.monotonic()
        said_on = (dt.date(2022, 1, 1) + dt.timedelta(days=n % 100)).isoformat()  # one new statement each
        add = subprocess.run(
            kb(url, *(("--wait", str(wait)) if wait_option else ()), "statement", "add", "--speaker",
               "Stanislav Zas", "--said-on", said_on, "--quote", QUOTE, "--lang", "ar", "--source", "1", "--new"),
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        waits.append(time.monotonic() - begin)
        if add.returncode == 0:
            outcomes["stored"] += 1
        elif add.returncode == 75:
            outcomes["gave up"] += 1
            messages.add(add.stderr.strip().split(" since ")[0])
        else:
            outcomes["failed"] += 1
            messages.add(add.stderr.strip()[:160])
        time.sleep(max(0.0, every - (time.monotonic() - begin)))
    import_s = time.monotonic() - started
    if importer.returncode != 0:
        raise SystemExit(f"the import failed: {importer.stderr.read().decode() if importer.stderr else ''}")
    return {
        "engine": engine,
        "import_s": import_s,
        "adds": len(waits),
        **outcomes,
        "median_wait_s": statistics.median(waits) if waits else 0.0,
        "longest_wait_s": max(waits, default=0.0),
        "messages": sorted(messages),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--wait", type=float, default=30.0, help="each add's --wait")
    parser.add_argument("--every", type=float, default=2.0, help="seconds between two adds")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument(
        "--without-wait-option", action="store_true", help="for a version of csto-kb that has no --wait"
    )
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"{'engine':11} {'import s':>9} {'adds':>5} {'stored':>7} {'gave up':>8} {'failed':>7} "
          f"{'median wait s':>14} {'longest wait s':>15}")  # fmt: skip
    for engine in args.engines.split(","):
        r = measure(engine, args.scale, args.wait, args.every, not args.without_wait_option)
        print(
            f"{r['engine']:11} {r['import_s']:>9.1f} {r['adds']:>5} {r['stored']:>7} {r['gave up']:>8} "
            f"{r['failed']:>7} {r['median_wait_s']:>14.2f} {r['longest_wait_s']:>15.2f}"
        )
        for message in r["messages"]:  # type: ignore[attr-defined]
            print(f"    {message}")


if __name__ == "__main__":
    main()
