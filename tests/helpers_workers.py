"""Worker processes for the concurrency tests, run as ``python -m tests.helpers_workers MODE JSON-ARGS``.

Each worker is a real OS process with its own engine and connections, calling the service layer in a loop the
way many CLI invocations would, and prints one JSON line: what it did and every error it met (an error is a
failure of the promise "no error reaches the user", so the test asserts the list is empty).
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from csto_kb.db.engine import make_engine
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import Conflict, KBError
from csto_kb.schemas.sources import SourceIn
from csto_kb.schemas.statements import StatementIn
from csto_kb.services.review import ingest_article
from csto_kb.services.statements import add_statement, add_statements


def _wait_until(start_at: float) -> None:
    """A barrier across processes: every worker starts its work at the same wall-clock moment."""
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)


def add_many(engine: Engine, args: dict[str, Any]) -> dict[str, Any]:
    """Add each quote as its own statement, one transaction each."""
    _wait_until(args["start_at"])
    added, errors = 0, []
    for quote in args["quotes"]:
        data = StatementIn(speaker=args["speaker"], quote=quote, lang="en", source=args["source"])
        try:
            add_statement(UnitOfWork(engine, by=args["by"]), data)
            added += 1
        except Exception as error:  # every error counts against the promise; keep its kind and message
            errors.append(f"{type(error).__name__}: {error}")
    return {"added": added, "errors": errors}


def race_same(engine: Engine, args: dict[str, Any]) -> dict[str, Any]:
    """For each round, add the round's quote at the round's start time: every worker adds the same one."""
    won, duplicates, errors = [], 0, []
    for round_, (quote, start_at) in enumerate(zip(args["quotes"], args["start_times"], strict=True)):
        data = StatementIn(speaker=args["speaker"], quote=quote, lang="en", source=args["source"])
        _wait_until(start_at)
        try:
            add_statement(UnitOfWork(engine, by=args["by"]), data)
            won.append(round_)
        except Conflict as error:
            # Refused as a duplicate, or (PostgreSQL, same instant) as a collision on the statement's uid;
            # either way one line in the knowledge base's words, never the driver's.
            if "\n" in str(error) or "duplicate key value" in str(error):
                errors.append(f"raw or multi-line refusal: {error!r}")
            duplicates += 1
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
    return {"won": won, "duplicates": duplicates, "errors": errors}


def write_batches(engine: Engine, args: dict[str, Any]) -> dict[str, Any]:
    """Ingest articles (source + candidates in one transaction) and add statement lists (one transaction
    each), alternating, while a reader watches."""
    done, errors = 0, []
    batches = args["batches"]
    for i, article in enumerate(args["articles"]):
        try:
            ingest_article(
                UnitOfWork(engine, by="race-writer"),
                SourceIn(body=article["body"], title=article["title"], lang="ar", published="2022-02-19"),
            )
            if i < len(batches):
                batch = batches[i]
                items = [
                    StatementIn(speaker=args["speaker"], quote=q, lang="en", source=args["source"])
                    for q in batch["quotes"]
                ]
                add_statements(UnitOfWork(engine, by=batch["by"]), items)
            done += 1
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
    return {"done": done, "errors": errors}


def read_whole(engine: Engine, args: dict[str, Any]) -> dict[str, Any]:
    """Until the stop file appears, count in one read transaction every race article's candidates and every
    batch's statements; any article or batch seen partly is a violation."""
    expected_candidates: dict[str, int] = args["candidates_by_title"]
    batch_size: int = args["batch_size"]
    stop = Path(args["stop_file"])
    rounds, violations = 0, []
    sources_seen: set[int] = set()
    batches_seen: set[int] = set()
    engine = engine.execution_options(isolation_level="REPEATABLE READ") if args["postgresql"] else engine
    while not stop.exists() or rounds < 3:
        with engine.connect() as connection, connection.begin():
            # Two separate queries on purpose: only a real snapshot keeps them consistent with each other.
            sources = connection.execute(
                text("SELECT id, title FROM source WHERE title LIKE 'race-article-%'")
            ).all()
            per_source: dict[int, int] = dict(
                connection.execute(text("SELECT source_id, count(*) FROM candidate GROUP BY source_id")).all()
            )
            per_batch = connection.execute(
                text(
                    "SELECT recorded_by, count(*) FROM statement "
                    "WHERE recorded_by LIKE 'race-batch-%' GROUP BY recorded_by"
                )
            ).all()
        rounds += 1
        for source_id, title in sources:
            got = per_source.get(source_id, 0)
            if got != expected_candidates[title]:
                violations.append(f"{title}: {got} of {expected_candidates[title]} candidates")
        for by, n in per_batch:
            if n != batch_size:
                violations.append(f"{by}: {n} of {batch_size} statements")
        sources_seen.add(len(sources))
        batches_seen.add(len(per_batch))
    return {
        "rounds": rounds,
        "violations": violations[:20],
        "distinct_source_counts": len(sources_seen),
        "distinct_batch_counts": len(batches_seen),
    }


MODES = {"add": add_many, "race": race_same, "write": write_batches, "read": read_whole}


def main() -> int:
    mode, args_path = sys.argv[1], sys.argv[2]
    args = json.loads(Path(args_path).read_text(encoding="utf-8"))
    engine = make_engine(args["url"])
    try:
        outcome = MODES[mode](engine, args)
    except KBError as error:
        outcome = {"errors": [f"{type(error).__name__}: {error}"]}
    except Exception:
        outcome = {"errors": [traceback.format_exc()]}
    finally:
        engine.dispose()
    print(json.dumps(outcome))
    return 1 if outcome.get("errors") else 0


if __name__ == "__main__":
    raise SystemExit(main())
