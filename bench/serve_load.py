"""Load on `csto-kb serve`: concurrent clients on the search, statement and fact sheet pages.

Builds (once, under ``--work``) a knowledge base of ``--statements`` generated statements with
`bench.generate`, starts ``csto-kb serve --read-only`` on 127.0.0.1 in its own process, and runs ``--clients``
threads for ``--seconds``, each keeping one HTTP/1.1 connection open and asking, at random, for a search page
(no filter, a speaker, a word of the quotes, or the next page of one of those), a statement page, or the fact
sheet. It reports requests per second, the median and 99th percentile latency and the errors, overall and per
page.

With ``--datasette`` and Datasette installed, the same clients then ask Datasette, serving the same SQLite
file, for what it can answer alike: the table page filtered by speaker and sorted by date (search), and a row
page (statement); it has no fact sheet. Datasette is not a dependency of csto-kb.

Run: python -m bench.serve_load --statements 10000 --clients 20 --seconds 60 [--db URL] [--datasette]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
Pick = Callable[[random.Random], tuple[str, str]]
"""Chooses the next request: (page kind, path)."""


@dataclass
class Tally:
    """Latencies (seconds) and errors per kind of page, from every client."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, problem: str | None) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if problem is not None:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                if len(self.examples) < 5:
                    self.examples.append(f"{kind}: {problem}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(port: int, path: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped (exit {process.returncode})")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer {path} within {timeout:.0f} s")


def get_json(port: int, path: str) -> object:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    answer = connection.getresponse()
    body = answer.read()
    if answer.status != 200:
        raise SystemExit(f"{path}: {answer.status} {body[:200]!r}")
    return json.loads(body)


def client(port: int, pick: Pick, until: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while time.monotonic() < until:
        kind, path = pick(rng)
        started = time.perf_counter()
        problem = None
        try:
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            answer = connection.getresponse()
            answer.read()
            if answer.status >= 400:
                problem = f"{answer.status} {path}"
        except (OSError, http.client.HTTPException) as error:
            problem = f"{type(error).__name__} {path}"
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        tally.add(kind, time.perf_counter() - started, problem)
    connection.close()


def run_load(port: int, pick: Pick, clients: int, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    until = time.monotonic() + seconds
    started = time.monotonic()
    threads = [
        threading.Thread(target=client, args=(port, pick, until, tally, n), daemon=True)
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def report(name: str, tally: Tally, elapsed: float) -> str:
    lines = [
        f"### {name}",
        "",
        "| page | requests | requests/s | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    every: list[float] = []
    for kind in sorted(tally.latencies):
        values = tally.latencies[kind]
        every += values
        lines.append(
            f"| {kind} | {len(values)} | {len(values) / elapsed:.1f} | {statistics.median(values) * 1000:.0f} "
            f"| {percentile(values, 0.99) * 1000:.0f} | {tally.errors.get(kind, 0)} |"
        )
    if every:
        lines.append(
            f"| **all** | {len(every)} | {len(every) / elapsed:.1f} | {statistics.median(every) * 1000:.0f} "
            f"| {percentile(every, 0.99) * 1000:.0f} | {sum(tally.errors.values())} |"
        )
    lines += [f"- {example}" for example in tally.examples]
    return "\n".join(lines)


def build_database(statements: int, work: Path) -> str:
    """A SQLite knowledge base of generated statements under ``work`` (built once per scale)."""
    from bench.generate import build_base, import_statements, write_dataset

    data = work / f"data-{statements}"
    database = work / f"serve-{statements}.sqlite3"
    url = f"sqlite:///{database}"
    if (work / f"serve-{statements}.done").exists():
        return url
    if not (data / "done").exists():
        write_dataset(data, statements)
    for leftover in work.glob(f"serve-{statements}.sqlite3*"):
        leftover.unlink()
    build_base(url, data)
    print(import_statements(url, data), file=sys.stderr)
    (work / f"serve-{statements}.done").write_text("ok\n", encoding="utf-8")
    return url


def csto_kb_picker(port: int) -> Pick:
    """Requests like a reader's: searches (with pages), statements, the fact sheet."""
    first = get_json(port, "/api/search?limit=500")
    assert isinstance(first, dict)
    ids = [int(s["id"]) for s in first["statements"]]
    facets = {f["name"]: f["values"] for f in first["facets"]}
    speakers = [v["params"]["speaker"] for v in facets["speaker"]]
    words = sorted({w for s in first["statements"][:100] for w in str(s["quote"]).split() if len(w) > 4})[:50]
    cursors: list[str] = []
    for params in ({}, {"speaker": speakers[0]}):
        page = get_json(port, "/api/search?" + urlencode(params))
        assert isinstance(page, dict)
        if page["next_after"]:
            cursors.append(urlencode({**params, "after": page["next_after"]}))

    def pick(rng: random.Random) -> tuple[str, str]:
        roll = rng.random()
        if roll < 0.45:
            return "statement", f"/statements/{rng.choice(ids)}"
        if roll < 0.85:
            choice = rng.random()
            if choice < 0.25:
                return "search", "/search"
            if choice < 0.6:
                return "search", "/search?" + urlencode({"speaker": rng.choice(speakers)})
            if choice < 0.8 and words:
                return "search", "/search?" + urlencode({"contains": rng.choice(words)})
            return "search", "/search?" + (rng.choice(cursors) if cursors else "")
        return "factsheet", "/factsheet/csto"

    return pick


def serve_csto_kb(url: str, clients: int, seconds: float) -> str:
    port = free_port()
    environment = {**os.environ, "TYPER_USE_RICH": "0"}
    command = [sys.executable, "-m", "csto_kb", "--db", url, "serve", "--read-only", "--port", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, env=environment)
    try:
        wait_for(port, "/search", server)
        pick = csto_kb_picker(port)
        tally, elapsed = run_load(port, pick, clients, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return report(f"csto-kb serve ({clients} clients, {seconds:.0f} s)", tally, elapsed)


def serve_datasette(url: str, clients: int, seconds: float) -> str | None:
    executable = shutil.which("datasette")
    if executable is None or not url.startswith("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    port = free_port()
    command = [
        executable,
        "serve",
        "--immutable",
        str(path),
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "20000",
    ]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    database = path.stem
    try:
        wait_for(port, f"/{database}.json", server)
        rows = get_json(port, f"/{database}/statement.json?_size=500&_shape=array&_col=id&_col=speaker_id")
        assert isinstance(rows, list)
        ids = [int(r["id"]) for r in rows]
        speakers = sorted({int(r["speaker_id"]) for r in rows})

        def pick(rng: random.Random) -> tuple[str, str]:
            if rng.random() < 0.53:  # the csto-kb mix without the fact sheet: 45 : 40
                return "statement", f"/{database}/statement/{rng.choice(ids)}"
            if rng.random() < 0.4:
                return "search", f"/{database}/statement?_sort=said_on"
            return "search", f"/{database}/statement?" + urlencode(
                {"speaker_id": rng.choice(speakers), "_sort": "said_on"}
            )

        tally, elapsed = run_load(port, pick, clients, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return report(f"Datasette on the same file ({clients} clients, {seconds:.0f} s)", tally, elapsed)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, default=10_000, help="scale of the generated database")
    parser.add_argument("--db", help="serve this database instead of a generated one")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".work")
    parser.add_argument(
        "--datasette", action="store_true", help="also load Datasette on the same SQLite file"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    url = args.db or build_database(args.statements, args.work)
    print(f"## `csto-kb serve` under load: {args.db or f'{args.statements:,} generated statements'}\n")
    print(serve_csto_kb(url, args.clients, args.seconds))
    if args.datasette:
        print()
        print(
            serve_datasette(url, args.clients, args.seconds)
            or "Datasette is not installed or the database is not SQLite."
        )


if __name__ == "__main__":
    main()
