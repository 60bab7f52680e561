"""Throughput of the rule-based extractor: articles/s and chars/s on the seed, and on 1x/4x/16x concatenations
of it to show that time grows linearly with article length.

Run: PYTHONPATH=. python bench/bench_extraction.py [--repeat N] [--runs R]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from csto_kb.extraction import extract
from csto_kb.extraction.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a04cb8df2fb7d647.txt"
ENTITIES = ROOT / "seeds" / "entities.yaml"
PUBLISHED = dt.date(2022, 4, 15)


def seconds_per_article(body: str, repeat: int, runs: int, gazetteer: Gazetteer | None) -> float:
    """Median over ``runs`` of the mean time of one extraction, each run extracting ``repeat`` times."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(repeat):
            extract(body, lang="ar", published=PUBLISHED, gazetteer=gazetteer)
        timings.append((time.perf_counter() - start) / repeat)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    gazetteer = Gazetteer.from_entities_yaml(ENTITIES)
    extract(seed, lang="ar", published=PUBLISHED, gazetteer=gazetteer)  # warm the regex caches

    print(
        f"{'input':22} {'chars':>8} {'ms/article':>11} {'articles/s':>11} {'chars/s':>12} {'ms per 1k chars':>16}"
    )
    for label, body, gaz in [
        ("seed", seed, None),
        ("seed + gazetteer", seed, gazetteer),
        *[(f"seed x{n}", "\n".join([seed] * n), None) for n in (1, 4, 16)],
    ]:
        repeat = max(1, args.repeat // max(1, len(body) // len(seed)))
        per = seconds_per_article(body, repeat, args.runs, gaz)
        print(
            f"{label:22} {len(body):>8} {per * 1000:>11.2f} {1 / per:>11.1f} {len(body) / per:>12.0f}"
            f" {per * 1000 / (len(body) / 1000):>16.3f}"
        )


if __name__ == "__main__":
    main()
