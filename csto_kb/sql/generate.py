"""Compile the Core definitions in `csto_kb.sql.definitions` and `csto_kb.sql.factsheet_definitions` into
`csto_kb.sql.compiled`.

Run ``python -m csto_kb.sql.generate`` after changing a definition or a model; a test fails while the
module on disk differs from what this produces.
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from csto_kb.sql import definitions as d
from csto_kb.sql import factsheet_definitions as fd

TARGET = Path(__file__).with_name("compiled.py")


def dialects() -> dict[str, Dialect]:
    # Named parameters in each driver's own style: sqlite3 takes :name, psycopg %(name)s.
    return {
        "sqlite": sqlite.dialect(paramstyle="named"),
        "postgresql": postgresql.psycopg.dialect(paramstyle="pyformat"),  # type: ignore[no-untyped-call]
    }


def _sql(element: Any, dialect: Dialect) -> str:
    compiled = element.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
    return " ".join(str(compiled).split())


def compile_all() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for name, dialect in dialects().items():
        pieces = {
            "statement_select": _sql(d.STATEMENT_COLUMNS, dialect),
            "statement_order": ", ".join(_sql(e, dialect) for e in d.STATEMENT_ORDER),
            "dated_order": ", ".join(_sql(e, dialect) for e in d.DATED_ORDER),
            "undated_order": ", ".join(_sql(e, dialect) for e in d.UNDATED_ORDER),
            "limit": f"LIMIT {_sql(d.param('limit'), dialect)}",
        }
        # Parenthesised, so a fragment with OR stays whole when `run` joins fragments with AND.
        pieces |= {f"filter_{key}": f"({_sql(e, dialect)})" for key, e in d.STATEMENT_FILTERS.items()}
        pieces |= {key: _sql(q, dialect) for key, q in d.LOOKUPS.items()}
        pieces |= {key: _sql(q, dialect) for key, q in d.BATCH_LOOKUPS.items()}
        pieces |= {key: _sql(q, dialect) for key, q in d.RECORD_QUERIES.items()}
        pieces |= {key: _sql(q, dialect) for key, q in d.BROWSE_QUERIES.items()}
        pieces["change_log_select"] = _sql(d.CHANGE_LOG_SELECT, dialect)
        pieces["change_log_order"] = ", ".join(_sql(e, dialect) for e in d.CHANGE_LOG_ORDER)
        pieces |= {f"change_filter_{key}": f"({_sql(e, dialect)})" for key, e in d.CHANGE_LOG_FILTERS.items()}
        pieces["candidate_select"] = _sql(d.CANDIDATE_SELECT, dialect)
        pieces |= {
            f"candidate_filter_{key}": f"({_sql(e, dialect)})" for key, e in d.CANDIDATE_FILTERS.items()
        }
        pieces |= {
            f"candidate_order_{key}": ", ".join(_sql(e, dialect) for e in order)
            for key, order in d.CANDIDATE_ORDERS.items()
        }
        out[name] = pieces
    return out


def compile_facts() -> dict[str, dict[str, str]]:
    """The fact sheet's queries (`csto_kb.sql.factsheet_definitions.QUERIES`), by dialect and name."""
    return {
        name: {key: _sql(q, dialect) for key, q in fd.QUERIES.items()} for name, dialect in dialects().items()
    }


def render() -> str:
    body = pprint.pformat(compile_all(), width=110, sort_dicts=True)
    facts = pprint.pformat(compile_facts(), width=110, sort_dicts=True)
    tables = pprint.pformat(d.TRACKED_TABLES, width=110)
    return (
        '"""SQL compiled from csto_kb/sql/definitions.py (SQL) and csto_kb/sql/factsheet_definitions.py (FACT_SQL),\n'
        "and the tables the change log records (TRACKED_TABLES), by `python -m csto_kb.sql.generate`; do not\n"
        'edit."""\n\n'
        f"SQL: dict[str, dict[str, str]] = {body}\n\n"
        f"FACT_SQL: dict[str, dict[str, str]] = {facts}\n\n"
        f"TRACKED_TABLES: tuple[str, ...] = {tables}\n"
    )


def main() -> int:
    text = render()
    if TARGET.exists() and TARGET.read_text(encoding="utf-8") == text:
        print(f"{TARGET} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
