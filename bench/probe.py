"""The standing probe at scale: thousands of hostile values through every option, argument and file format of
the command line, on each engine, with the count of runs in each class (`tests/probe.py` says what they mean).

Run: PYTHONPATH=. python bench/probe.py [--examples 10000] [--web-examples 2000] [--engines sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from bench.run import pg_admin
from csto_kb.db.engine import make_engine
from csto_kb.services.bootstrap import open_knowledge_base
from tests.probe import CLASSES, FILE_SLOTS, Probe, WebProbe, hostile_values, option_slots, web_slots


def fresh_database(engine: str, folder: Path) -> str:
    if engine == "sqlite":
        return f"sqlite:///{folder / 'probe.sqlite3'}"
    name = f"csto_kb_probe_{os.getpid()}"
    pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    pg_admin(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def _examples(count: int) -> settings:
    """Hypothesis drawing ``count`` values, nothing kept between runs: a measurement, not a test."""
    return settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


def _probe_web(probe: Probe, engine: Engine, url: str, examples: int, rng: random.Random) -> None:
    """Hostile values through every route of `csto-kb serve` over the same database."""
    from tests.web_helpers import client, ingest_asbarez, make_app

    ingest_asbarez(engine)
    with client(make_app(engine, url)) as web:
        web_probe = WebProbe(probe, web, candidate=1)
        slots = web_slots(web.app)

        @_examples(examples)
        @given(data=st.data())
        def one(data: st.DataObject) -> None:
            web_probe.run(rng.choice(slots), data.draw(hostile_values))

        one()


def probe_engine(
    engine_name: str, examples: int, file_share: float, seed: int, web_examples: int = 0
) -> tuple[Probe, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = fresh_database(engine_name, folder)
        open_knowledge_base(url).dispose()
        os.environ["CSTO_KB_DATABASE_URL"] = url
        engine = make_engine(url)
        cwd = Path.cwd()
        os.chdir(folder)  # whatever a command writes beside it lands in the temporary folder
        try:
            probe = Probe(engine, folder)
            probe.prepare()
            slots = option_slots()
            rng = random.Random(seed)
            started = time.monotonic()

            @_examples(examples)
            @given(data=st.data())
            def one(data: st.DataObject) -> None:
                value = data.draw(hostile_values)
                if rng.random() < file_share:
                    probe.run_file(rng.choice(sorted(FILE_SLOTS)), value)
                else:
                    probe.run_slot(rng.choice(slots), value)

            one()
            if web_examples:
                _probe_web(probe, engine, url, web_examples, rng)
            return probe, time.monotonic() - started
        finally:
            os.chdir(cwd)
            engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=10_000, help="runs per engine")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--file-share", type=float, default=0.25, help="share of runs that go through a file")
    parser.add_argument("--seed", type=int, default=20221215)
    parser.add_argument(
        "--web-examples", type=int, default=0, help="runs through the web application's routes"
    )
    args = parser.parse_args()
    print(f"{len(option_slots())} option and argument slots, {len(FILE_SLOTS)} file slots")
    print(f"{'engine':11} {'tried':>7} " + " ".join(f"{c:>24}" for c in CLASSES) + f" {'seconds':>8}")
    for engine_name in args.engines.split(","):
        probe, seconds = probe_engine(
            engine_name, args.examples, args.file_share, args.seed, args.web_examples
        )
        tried = sum(probe.counts.values())
        print(
            f"{engine_name:11} {tried:>7} "
            + " ".join(f"{probe.counts.get(c, 0):>24}" for c in CLASSES)
            + f" {seconds:>8.0f}"
        )
        print(f"    exit codes: {dict(sorted(probe.exit_codes.items()))}")
        for failure in probe.failures[:20]:
            print(f"    {failure}")


if __name__ == "__main__":
    main()
