"""Upgrading a populated database from the first revision keeps every row and every value, on both engines."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import Engine, inspect, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from tests.conftest import Databases

FIRST_REVISION = "0001"


def checksums(engine: Engine, columns: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
    """Per table: the row count and a SHA-256 of its rows (the given columns, in primary-key order)."""
    inspector = inspect(engine)
    out: dict[str, tuple[int, str]] = {}
    with engine.connect() as connection:
        for table, names in sorted(columns.items()):
            order = ", ".join(inspector.get_pk_constraint(table)["constrained_columns"]) or names[0]
            rows = connection.execute(text(f"SELECT {', '.join(names)} FROM {table} ORDER BY {order}")).all()
            digest = hashlib.sha256()
            for row in rows:
                digest.update(json.dumps([str(v) for v in row], ensure_ascii=False).encode())
            out[table] = (len(rows), digest.hexdigest())
    return out


def test_upgrading_a_populated_database_from_the_first_revision_keeps_every_row(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        migrate.downgrade(url, FIRST_REVISION)
        inspector = inspect(engine)
        columns = {
            table: [c["name"] for c in inspector.get_columns(table)]
            for table in inspector.get_table_names()
            if table != "alembic_version"
        }
        before = checksums(engine, columns)
        assert before["statement"][0] == 12
        assert before["change"][0] > 100

        migrate.upgrade(url)

        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert checksums(engine, columns) == before
        migrate.check(url)
    finally:
        engine.dispose()
