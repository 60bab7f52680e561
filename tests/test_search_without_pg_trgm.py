"""Untested paths: PostgreSQL where pg_trgm cannot be used.

Migration 0004 creates pg_trgm's GIN index only when the server offers the extension and the migrating role
may create it (in a savepoint, so a refusal costs only the index). Here the role owns its schema but has no
CREATE privilege on the database, which a trusted extension such as pg_trgm requires: the migration then
skips the index, and `who-said --contains` must still answer, by scanning.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from csto_kb.db.search_index import PG_QUOTE_TRGM_INDEX
from csto_kb.services.bootstrap import open_knowledge_base
from tests.helpers import POSTGRES_URL, Run, ok

Cli = Callable[..., Run]
NEEDLE = "17 ألف جندي"  # in one quote of the seed article
_counter = itertools.count()


@pytest.fixture
def url_without_pg_trgm(backend: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database, to be migrated by a role that may not create extensions in it."""
    if backend != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL's; SQLite's trigram index is built in")
    suffix = f"{os.getpid()}_{next(_counter)}"
    role, name = f"csto_kb_no_ext_{suffix}", f"csto_kb_test_no_trgm_{suffix}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))  # owned by the admin: no CREATE for the role
    in_database = create_engine(make_url(POSTGRES_URL).set(database=name), isolation_level="AUTOCOMMIT")
    with in_database.connect() as connection:
        connection.execute(text(f'ALTER SCHEMA public OWNER TO "{role}"'))  # its tables, not its extensions
    in_database.dispose()
    url = make_url(POSTGRES_URL).set(database=name, username=role, password=None)
    monkeypatch.setenv("CSTO_KB_DATABASE_URL", url.render_as_string(hide_password=False))
    yield url.render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def test_who_said_contains_scans_where_pg_trgm_cannot_be_installed(
    cli: Cli, url_without_pg_trgm: str
) -> None:
    engine = open_knowledge_base(url_without_pg_trgm)  # migrates (0004 included) and seeds, as that role
    try:
        with engine.connect() as connection:
            offered = connection.execute(
                text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
            ).scalar_one()
            installed = connection.execute(
                text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")
            ).scalar_one()
            indexed = connection.execute(
                text("SELECT count(*) FROM pg_indexes WHERE indexname = :name"), {"name": PG_QUOTE_TRGM_INDEX}
            ).scalar_one()
            plan = "\n".join(
                connection.execute(
                    text("EXPLAIN SELECT id FROM statement WHERE quote_norm LIKE '%جندي%'")
                ).scalars()
            )
            expected = connection.execute(
                text("SELECT id FROM statement WHERE quote LIKE :needle ORDER BY id"),
                {"needle": f"%{NEEDLE}%"},
            ).scalars()
            expected_ids = list(expected)
    finally:
        engine.dispose()
    # The server offers pg_trgm (the path under test is the refusal, not its absence), but it was not installed.
    assert (offered, installed, indexed) == (1, 0, 0)
    assert "Seq Scan" in plan
    assert len(expected_ids) == 1
    found = json.loads(ok(cli("who-said", "--contains", NEEDLE, "--format", "json")).stdout)
    assert [s["id"] for s in found] == expected_ids
    assert NEEDLE in found[0]["quote"]
    none = json.loads(ok(cli("who-said", "--contains", "no quote says this", "--format", "json")).stdout)
    assert none == []
