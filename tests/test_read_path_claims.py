"""`membership show`, `role show`, `force show`, `event show` and `fact show` through the compiled queries.

What each prints, as text and as JSON, is pinned in `tests/golden/claim-show.json` (the times evidence was
recorded at, and a claim retracted at, are masked): a claim cited by several sources, one of them withdrawn; a
claim whose every source is withdrawn; claims missing every optional field; a retracted claim, which `show`
still finds and marks. A ready database read by its driver alone prints the same as the full open,
and imports no SQLAlchemy to do it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.services.claims import KINDS as CLAIM_KINDS
from csto_kb.sql import facts
from tests.helpers import (
    Run,
    add_source,
    imports_of,
    matches_golden,
    ok,
    one_line_error,
    printed_alike_either_way,
)

Cli = Callable[..., Run]
GOLDEN = Path(__file__).with_name("golden") / "claim-show.json"

FIRST = (
    "Wire report. The alliance admitted Azerbaijan as an observer, officials said. Stanislav Zas, acting as its "
    "envoy, spoke. A drill called Echo took place. Some 500 medics stand ready. The alliance shares its "
    "maps with members.\n"
)
SECOND = "Second report. Stanislav Zas, acting as its envoy, spoke again. Some 500 medics stand ready.\n"
BY = ("--by", "tester")

# What the fixture leaves, by command: seeded claims with two more sources, one of them then withdrawn; new
# claims with no optional field; the seeded membership whose every source is withdrawn; a retracted event.
SHOWN = [
    ("membership", "1"),
    ("membership", "2"),
    ("membership", "7"),
    ("role", "1"),
    ("role", "6"),
    ("force", "1"),
    ("force", "3"),
    ("event", "1"),
    ("event", "7"),
    ("fact", "1"),
    ("fact", "4"),
]


@pytest.fixture
def claims(cli: Cli, engine: Engine, tmp_path: Path) -> dict[str, int]:
    first = add_source(cli, tmp_path, FIRST, published="2024-02-23")
    second = add_source(cli, tmp_path, SECOND, published="2024-02-24")
    ids: dict[str, int] = {}

    def added(*args: str) -> int:
        match = re.search(r"#(\d+)", ok(cli(*args, *BY)).stdout)
        assert match is not None, args
        return int(match.group(1))

    ids["membership"] = added(
        "membership", "add", "csto", "Azerbaijan", "--status", "observer", "--source", str(first),
        "--evidence", "admitted Azerbaijan as an observer",
    )  # fmt: skip
    ids["role"] = added(
        "role", "add", "Stanislav Zas", "--title", "envoy", "--source", str(first), "--evidence", "envoy"
    )
    ids["force"] = added(
        "force", "add", "csto", "--count", "500", "--unit", "medics", "--source", str(first),
        "--evidence", "Some 500 medics stand ready",
    )  # fmt: skip
    ids["event"] = added(
        "event", "add", "A drill called Echo", "--source", str(first), "--evidence", "A drill called Echo"
    )
    ids["fact"] = added(
        "fact", "add", "csto", "--kind", "practice", "--text", "The alliance shares its maps with members.",
        "--source", str(first), "--evidence", "The alliance shares its maps with members.",
    )  # fmt: skip
    # A second source for a new claim, and two more for seeded ones, the seed's own then withdrawn.
    ok(cli("evidence", "add", f"role:{ids['role']}", "--source", str(second), "--evidence", "envoy", *BY))
    ok(cli("evidence", "add", f"force:{ids['force']}", "--source", str(second), "--evidence", "500", *BY))
    for claim in ("role:1", "force:1", "event:1", "fact:1", "membership:2"):
        ok(cli("evidence", "add", claim, "--source", str(first), "--evidence", "Wire report", *BY))
        ok(cli("evidence", "add", claim, "--source", str(second), "--evidence", "Second report", *BY))
        seeded = _first_evidence(engine, claim)
        ok(cli("evidence", "retract", str(seeded), "--reason", "superseded", *BY))
    with engine.begin() as connection:
        connection.execute(text("UPDATE evidence SET retracted_at = recorded_at WHERE membership_id = 1"))
    ok(cli("event", "retract", str(ids["event"]), "--reason", "not an event", *BY))
    return ids


def _first_evidence(engine: Engine, claim: str) -> int:
    kind, claim_id = claim.split(":")
    column = {"role": "role_id", "force": "force_level_id", "event": "event_id", "fact": "organisation_fact_id",
              "membership": "membership_id"}[kind]  # fmt: skip
    with engine.connect() as connection:
        found = connection.execute(
            text(f"SELECT min(id) FROM evidence WHERE {column} = :id"), {"id": claim_id}
        )
        return int(found.scalar_one())


def _masked(output: str) -> str:
    """The output with the moments evidence was recorded and claims retracted at masked: what differs by run."""
    output = re.sub(r'"(recorded_at|retracted_at)": "[^"]+"', r'"\1": "…"', output)
    return re.sub(r"\[RETRACTED \d{4}-\d{2}-\d{2}:", "[RETRACTED …:", output)


def printed(cli: Cli) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, claim_id in SHOWN:
        out[f"{kind} show {claim_id}"] = _masked(ok(cli(kind, "show", claim_id)).stdout)
        out[f"{kind} show {claim_id} --format json"] = _masked(
            ok(cli(kind, "show", claim_id, "--format", "json")).stdout
        )
    return out


def test_the_fixture_leaves_the_claims_the_golden_file_names(claims: dict[str, int]) -> None:
    assert claims == {"membership": 7, "role": 6, "force": 3, "event": 7, "fact": 4}


def test_show_prints_what_it_printed_when_read_from_the_orm(cli: Cli, claims: dict[str, int]) -> None:
    shown = printed(cli)
    golden = matches_golden(shown, GOLDEN)
    # What the golden file holds is what each case is there for.
    assert golden["role show 1"].count("(evidence #") == 2
    assert "Organisation:" not in golden["role show 6"]
    assert '"evidence": []' in golden["membership show 1 --format json"]
    assert "Valid from:" not in golden["membership show 7"]
    assert golden["event show 7"].startswith("Event #7  [RETRACTED …: not an event]\n")
    assert (
        '"retracted_at": "…",\n  "retracted_reason": "not an event"' in golden["event show 7 --format json"]
    )
    assert '"retracted_at": null,\n  "retracted_reason": null\n}' in golden["event show 1 --format json"]
    assert "Sources:       none: the support of every source was withdrawn" in golden["membership show 1"]
    # Lists are written in words: each text with its language, each participant with its part.
    assert (
        "Titles:        Prime Minister of Armenia (en, original); رئيس الوزراء الأرميني (ar)"
        in golden["role show 1"]
    )
    assert "Participants:  Collective Security Treaty Organization (subject)" in golden["event show 1"]


@pytest.mark.parametrize("shown", SHOWN, ids=[" ".join(s) for s in SHOWN])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_the_driver_alone_prints_what_the_full_path_prints(
    cli: Cli,
    claims: dict[str, int],
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    shown: tuple[str, str],
    fmt: str,
) -> None:
    kind, claim_id = shown
    assert (
        len(printed_alike_either_way(cli, (kind, "show", claim_id, "--format", fmt), db_url, monkeypatch))
        > 150
    )


KINDS = [
    ("membership", "membership"),
    ("role", "role"),
    ("force", "force figure"),
    ("event", "event"),
    ("fact", "organisation fact"),
]


@pytest.mark.parametrize(("command", "noun"), KINDS, ids=[k for k, _ in KINDS])
def test_an_unknown_id_is_not_found_in_one_line_through_either_path(
    cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch, command: str, noun: str
) -> None:
    table = {"force": "force_level", "fact": "organisation_fact"}.get(command, command)
    needle = f"error: {table}: no {noun} has id 999\n"
    assert one_line_error(cli(command, "show", "999"), 1) == needle
    monkeypatch.setattr("csto_kb.sql.direct.open_ready", lambda url: None)
    assert one_line_error(cli(command, "show", "999"), 1) == needle


@pytest.mark.parametrize("command", [k for k, _ in KINDS])
def test_an_id_that_is_not_one_is_refused_before_the_database_is_opened(cli: Cli, command: str) -> None:
    one_line_error(cli(command, "show", "one"), 2, "one")
    one_line_error(cli(command, "show", "0"), 2)


@pytest.mark.parametrize(("command", "noun"), KINDS, ids=[k for k, _ in KINDS])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_shows_on_a_ready_database_import_no_sqlalchemy(
    db_url: str, backend: str, command: str, noun: str, fmt: str
) -> None:
    argv = [command, "show", "1", "--format", fmt]
    heavy = ["alembic", "pydantic", "sqlalchemy"]
    done = imports_of(argv, heavy, db_url=db_url)
    assert done.loaded == []
    assert "Sky News Arabia" in done.stdout


def test_every_claim_read_by_the_compiled_queries_is_the_model_the_orm_reads(
    claims: dict[str, int], engine: Engine
) -> None:
    # Every claim of every kind, retracted ones among them, in the JSON form `show` prints, keys in order:
    # its output model's, then when and why it was retracted.
    retracted = 0
    with UnitOfWork(engine, read_only=True) as uow:
        connection, dialect = driver_connection(uow.session)
        for table, kind in CLAIM_KINDS.items():
            stored = list(uow.session.scalars(select(kind.model).order_by(kind.model.id)))
            assert stored, table
            for orm in stored:
                row = facts.claim(connection, dialect, table, orm.id)
                expected = {
                    **kind.out.model_validate(orm).model_dump(mode="json"),
                    "retracted_at": orm.retracted_at.isoformat() if orm.retracted_at else None,
                    "retracted_reason": orm.retracted_reason,
                }
                assert json.dumps(row, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
                retracted += orm.retracted_at is not None
    assert retracted >= 1
