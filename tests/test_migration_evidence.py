"""Revision 0005 (evidence as its own record) with data in the tables: down and up again keeps every claim's
source and span; a downgrade that would lose a second source, a status or a kind 0004 lacks is refused and
leaves the database as it was. Both engines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from tests.helpers import Databases, Run, ok, table_counts

pytestmark = pytest.mark.slow  # migrations with rows in the tables

Cli = Callable[..., Run]
CLAIMS = ("statement", "membership", "role", "force_level", "event", "organisation_fact")


def provenance(engine: Engine) -> list[tuple[object, ...]]:
    """Every claim's sources and spans, with the claim's table and id (what the downgrade must keep)."""
    with engine.connect() as connection:
        rows: list[tuple[object, ...]] = []
        for table in CLAIMS:
            rows += [
                (table, *r)
                for r in connection.execute(
                    text(
                        f"SELECT {table}_id, source_id, span_start, span_end, method, extractor_version, "
                        f"confidence FROM evidence WHERE {table}_id IS NOT NULL"
                    )
                )
            ]
        return sorted(rows, key=str)


def test_down_to_0004_and_up_again_keeps_every_claims_source_span_and_method(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        before, counts = provenance(engine), table_counts(engine)
        assert len(before) == counts["evidence"] == 34

        migrate.downgrade(url, "0004")
        with engine.connect() as connection:
            old = connection.execute(
                text("SELECT id, source_id, span_start, span_end FROM statement ORDER BY id")
            ).all()
        assert {r[0]: tuple(r[1:]) for r in old} == {
            claim: (source, start, end)
            for table, claim, source, start, end, *_ in before
            if table == "statement"
        }

        migrate.upgrade(url)
        assert provenance(engine) == before
        assert table_counts(engine) == counts
        migrate.check(url)
    finally:
        engine.dispose()


S11_QUOTE = (
    "المنظمة قد ترسل قوات لحفظ السلام إلى مناطق في شرق أوكرانيا يسيطر عليها المتمردون المدعومون من موسكو "
    "“إذا لزم الأمر”"
)


def _frozen_episode(cli: Cli, tmp: Path) -> None:
    path = tmp / "freeze.txt"
    path.write_text("Armenia has frozen its participation in the CSTO.\n", encoding="utf-8")
    ok(cli("source", "add", str(path), "--lang", "en", "--published", "2024-02-23"))
    ok(cli("membership", "add", "CSTO", "Armenia", "--status", "frozen", "--since", "2024-02", "--source", "2",
           "--evidence", "frozen its participation"))  # fmt: skip


def _second_source(cli: Cli, tmp: Path) -> None:
    path = tmp / "second.txt"
    path.write_text(f"وقال زاس إن {S11_QUOTE}.\n", encoding="utf-8")
    ok(cli("source", "add", str(path), "--lang", "ar", "--published", "2022-02-20"))
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Zas",
            "--quote",
            S11_QUOTE,
            "--source",
            "2",
            "--said-on",
            "2022-02-19",
        )
    )


def _excerpt(cli: Cli, tmp: Path) -> None:
    ok(cli("source", "add", "--excerpt", "an excerpt of a paywalled report", "--url", "https://x.invalid/e"))


@pytest.mark.parametrize(
    ("setup", "problem"),
    [(_frozen_episode, "status"), (_second_source, "more than one evidence"), (_excerpt, "excerpt")],
    ids=["frozen-status", "second-source", "excerpt-source"],
)
def test_a_downgrade_that_would_lose_data_is_refused_and_changes_nothing(
    cli: Cli,
    db_url: str,
    tmp_path: Path,
    setup: Callable[[Cli, Path], None],
    problem: str,
) -> None:
    setup(cli, tmp_path)
    engine = make_engine(db_url)
    try:
        counts = table_counts(engine)
        with pytest.raises(RuntimeError, match=problem):
            migrate.downgrade(db_url, "0004")
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert table_counts(engine) == counts
    finally:
        engine.dispose()
