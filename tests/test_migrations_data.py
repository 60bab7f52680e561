"""Upgrading a populated database from the first revision keeps every row and every value, on both engines."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import Engine, inspect, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from tests.helpers import MIGRATION_NOTES, Databases

pytestmark = pytest.mark.slow  # every migration with rows in the tables

FIRST_REVISION = "0001"
CLAIM_TABLES = ("statement", "membership", "role", "force_level", "event", "organisation_fact")
# Revision 0005 moved these columns of each claim table into `evidence` (one row per claim, checked below).
MOVED = ["source_id", "span_start", "span_end", "method", "extractor_version", "confidence"]
# Revision 0008 moved these columns of role and event into role_title and event_title rows.
TITLED = ("role", "event")
# Revision 0009 moved these columns of organisation_fact into organisation_fact_text rows.
FACT_WORDS = ("text", "lang", "text_en")
# Revision 0010 moved these columns of force_level into force_level_unit rows.
FORCE_UNITS = ("unit", "unit_original")


def checksums(engine: Engine, columns: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
    """Per table: the row count and a SHA-256 of its rows (the given columns, in primary-key order)."""
    inspector = inspect(engine)
    out: dict[str, tuple[int, str]] = {}
    with engine.connect() as connection:
        for table, names in sorted(columns.items()):
            order = ", ".join(inspector.get_pk_constraint(table)["constrained_columns"]) or names[0]
            # The change log's migration notes are written by the downgrade and upgrade themselves.
            where = f" WHERE by <> '{MIGRATION_NOTES}'" if table == "change" else ""
            rows = connection.execute(
                text(f"SELECT {', '.join(names)} FROM {table}{where} ORDER BY {order}")
            ).all()
            digest = hashlib.sha256()
            for row in rows:
                digest.update(json.dumps([str(v) for v in row], ensure_ascii=False).encode())
            out[table] = (len(rows), digest.hexdigest())
    return out


def provenance(engine: Engine, query: str) -> list[tuple[object, ...]]:
    """The rows of a query, sorted, as tuples."""
    with engine.connect() as connection:
        return sorted(tuple(row) for row in connection.execute(text(query)).all())


def test_upgrading_a_populated_database_from_the_first_revision_keeps_every_row(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        migrate.downgrade(url, FIRST_REVISION)
        inspector = inspect(engine)
        columns = {
            table: [
                c["name"]
                for c in inspector.get_columns(table)
                if not (table in CLAIM_TABLES and c["name"] in MOVED)
                and not (table in TITLED and c["name"] in ("title", "title_ar"))
                and not (table == "organisation_fact" and c["name"] in FACT_WORDS)
                and not (table == "force_level" and c["name"] in FORCE_UNITS)
                # An undated statement is dated "not after" its source's publication on the way up.
                and not (table == "statement" and c["name"] == "said_on")
            ]
            for table in inspector.get_table_names()
            if table != "alembic_version"
        }
        before = checksums(engine, columns)
        moved_before = {
            t: provenance(engine, f"SELECT id, {', '.join(MOVED)} FROM {t}") for t in CLAIM_TABLES
        }
        dates_before = provenance(engine, "SELECT id, said_on FROM statement")
        titles_before = {t: provenance(engine, f"SELECT id, title, title_ar FROM {t}") for t in TITLED}
        words_before = provenance(engine, f"SELECT id, {', '.join(FACT_WORDS)} FROM organisation_fact")
        units_before = provenance(engine, "SELECT id, unit FROM force_level")
        assert before["statement"][0] == 12
        assert before["change"][0] > 100

        migrate.upgrade(url)

        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert checksums(engine, columns) == before
        for t in CLAIM_TABLES:
            moved = provenance(
                engine, f"SELECT {t}_id, {', '.join(MOVED)} FROM evidence WHERE {t}_id IS NOT NULL"
            )
            assert moved == moved_before[t], t
        published = {
            row[0]: row[1]
            for row in provenance(
                engine,
                "SELECT e.statement_id, s.published_on FROM evidence e JOIN source s ON s.id = e.source_id "
                "WHERE e.statement_id IS NOT NULL",
            )
        }
        for t in TITLED:
            english = {
                r[0]: r[1]
                for r in provenance(engine, f"SELECT {t}_id, text FROM {t}_title WHERE lang = 'en'")
            }
            arabic = {
                r[0]: r[1]
                for r in provenance(engine, f"SELECT {t}_id, text FROM {t}_title WHERE lang = 'ar'")
            }
            assert [(i, english[i], arabic.get(i)) for i, _, _ in titles_before[t]] == titles_before[t], t
        original = {
            r[0]: (r[1], r[2])
            for r in provenance(
                engine, "SELECT fact_id, text, lang FROM organisation_fact_text WHERE is_original"
            )
        }
        english = {
            r[0]: r[1]
            for r in provenance(
                engine,
                "SELECT fact_id, text FROM organisation_fact_text WHERE lang = 'en' AND NOT is_original",
            )
        }
        assert words_before
        assert [(i, *original[i], english.get(i)) for i, _, _, _ in words_before] == words_before
        # The seed's units are English; its unit_original, the figure's words, is its evidence's span.
        assert units_before
        assert provenance(engine, "SELECT force_level_id, text FROM force_level_unit WHERE is_original") == (
            units_before
        )
        assert provenance(engine, "SELECT DISTINCT lang FROM force_level_unit") == [("en",)]
        dated = {row[0]: row[1] for row in dates_before}
        for statement_id, said_on in provenance(engine, "SELECT id, said_on FROM statement"):
            assert said_on == (dated[statement_id] or published[statement_id])
        migrate.check(url)
    finally:
        engine.dispose()
