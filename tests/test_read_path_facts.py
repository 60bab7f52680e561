"""The fact sheet, members, forces and events through the compiled queries, with or without SQLAlchemy.

The claims' SQL (`csto_kb.sql.factsheet_definitions`) must read what the models say (first evidence,
original title, the figure's words …), and a ready database answered by its driver alone must print what
the full path prints, byte for byte.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from csto_kb.cli import factsheet as factsheet_cli
from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.errors import Ambiguous, NotFound
from csto_kb.model import Event, ForceLevel, Membership, OrganisationFact
from csto_kb.schemas.facts import EventOut, ForceLevelOut, MembershipOut, OrganisationFactOut
from csto_kb.services import factsheet, queries
from csto_kb.services.entities import resolve_entity
from csto_kb.sql import direct, facts, factsheet_definitions
from csto_kb.sql.compiled import FACT_SQL
from tests.helpers import Run, imports_of, ok, one_line_error, printed_alike_either_way

Cli = Callable[..., Run]
REPO = Path(__file__).resolve().parent.parent
REPORT = (
    "A wire report: the alliance keeps a force of some 20,000 troops on permanent alert, officials said.\n"
)
REPORT_WORDS = "some 20,000 troops on permanent alert"


def add_source(cli: Cli, tmp_path: Path, body: str) -> int:
    path = tmp_path / "report.txt"
    path.write_text(body, encoding="utf-8")
    run = ok(
        cli("source", "add", str(path), "--lang", "en", "--publisher", "Wire", "--published", "2024-03-01")
    )
    match = re.search(r"added source (\d+):", run.stdout)
    assert match is not None
    return int(match.group(1))


def as_json(models: list[BaseModel] | list[dict[str, Any]]) -> str:
    return json.dumps(
        [m.model_dump(mode="json") if isinstance(m, BaseModel) else m for m in models], ensure_ascii=False
    )


@pytest.fixture
def varied(cli: Cli, engine: Engine, tmp_path: Path) -> Engine:
    """The seed, and claims whose first evidence is not their oldest: force figure 1 cited by a second source
    whose words stand first once the original evidence is withdrawn; a membership whose every evidence is
    withdrawn (kept by the model's rule: its oldest evidence still gives its source)."""
    source = add_source(cli, tmp_path, REPORT)
    ok(cli("evidence", "add", "force:1", "--source", str(source), "--evidence", REPORT_WORDS))
    with engine.begin() as connection:
        [first] = connection.execute(
            text("SELECT min(id) FROM evidence WHERE force_level_id = 1 AND source_id <> :s"), {"s": source}
        ).scalars()
        connection.execute(
            text("UPDATE evidence SET retracted_at = recorded_at WHERE id = :id"), {"id": first}
        )
        connection.execute(text("UPDATE evidence SET retracted_at = recorded_at WHERE membership_id = 1"))
    return engine


def test_claims_read_by_the_compiled_queries_are_the_models_read_from_the_orm(varied: Engine) -> None:
    engine = varied
    with UnitOfWork(engine, read_only=True) as uow:
        connection, dialect = driver_connection(uow.session)
        csto = int(uow.session.execute(text("SELECT id FROM entity WHERE key = 'csto'")).scalar_one())
        pairs: list[tuple[type[BaseModel], type[Any], list[dict[str, Any]]]] = [
            (MembershipOut, Membership, facts.member_rows(connection, dialect, csto)),
            (ForceLevelOut, ForceLevel, facts.force_rows(connection, dialect)),
            (EventOut, Event, facts.event_rows(connection, dialect)),
            (OrganisationFactOut, OrganisationFact, facts.organisation_fact_rows(connection, dialect, csto)),
        ]
        for schema, model, rows in pairs:
            assert rows, model.__name__
            expected = _orm_read(uow.session, schema, model, [r["id"] for r in rows])
            # Key order included: the list commands print these rows as they are.
            assert as_json(rows) == as_json(expected), model.__name__
            assert as_json(rows) == as_json([schema.model_validate(r) for r in rows])
    [force] = [r for r in rows_of(engine, "force_rows") if r["id"] == 1]
    assert force["wording"] == REPORT_WORDS
    assert force["wording_lang"] == "en"
    [withdrawn] = [m for m in rows_of(engine, "member_rows", "csto") if m["id"] == 1]
    assert withdrawn["evidence"] == []
    assert withdrawn["source_id"] == 1


def rows_of(engine: Engine, name: str, *args: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = getattr(queries, name)(UnitOfWork(engine, read_only=True), *args)
    return rows


def _orm_read(session: Session, schema: type[BaseModel], model: type[Any], ids: list[int]) -> list[BaseModel]:
    """The claims through their ORM objects and the schema's own reading of them (`claim_view`)."""
    found = {o.id: o for o in session.scalars(select(model).where(model.id.in_(ids)))}
    return [schema.model_validate(found[i]) for i in ids]


COMMANDS = [
    ("factsheet", "csto", "--format", "md"),
    ("factsheet", "csto", "--format", "json"),
    ("factsheet", "csto", "--format", "html"),
    ("factsheet", "منظمة معاهدة الأمن الجماعي", "--format", "html", "--lang", "ar"),
    ("factsheet", "csto", "--format", "json", "--lang", "ru", "--as-of", "2022-04"),
    ("factsheet", "csto", "--format", "md", "--statements", "all"),
    ("factsheet", "csto", "--format", "html", "--per-speaker", "1", "--limit", "2", "--as-of", "2022-04-14"),
    ("members",),
    ("members", "csto", "--on", "2024-06", "--format", "json"),
    ("forces",),
    ("forces", "csto", "--format", "json"),
    ("events",),
    ("events", "--involving", "armenia", "--format", "json"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_the_driver_alone_prints_what_the_full_path_prints(
    cli: Cli, db_url: str, backend: str, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert len(printed_alike_either_way(cli, args, db_url, monkeypatch)) > 200


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (("factsheet", "Atlantis"), 1, ("alliance", "Atlantis")),
        (("factsheet", "csto", "--lang", "12"), 2, ("lang",)),
        (("factsheet", "csto", "--as-of", "2022-13"), 2, ("as-of", "2022-13")),
        (("members", "Atlantis"), 1, ("alliance", "Atlantis")),
        (("members", "csto", "--on", "2024-13"), 2, ("on", "2024-13")),
        (("forces", "Atlantis"), 1, ("alliance", "Atlantis")),
        (("events", "--involving", "Atlantis"), 1, ("entity", "Atlantis")),
    ],
)
def test_bad_input_on_a_ready_database_is_one_line_from_either_path(
    cli: Cli, db_url: str, args: tuple[str, ...], code: int, needles: tuple[str, ...]
) -> None:
    # A name matching nothing is left to the full path, which names the closest ones; a bad date or language
    # is refused by the one rule both paths run.
    one_line_error(cli(*args), code, *needles)


@pytest.mark.parametrize(
    ("argv", "heavy"),
    [
        (["factsheet", "csto", "--format", "html"], ["alembic", "sqlalchemy"]),
        (
            ["factsheet", "csto", "--format", "json", "--lang", "ar", "--as-of", "2022"],
            ["alembic", "sqlalchemy"],
        ),
        (["members", "--format", "json"], ["alembic", "pydantic", "sqlalchemy"]),
        (["forces", "csto"], ["alembic", "pydantic", "sqlalchemy"]),
        (["events", "--involving", "csto"], ["alembic", "pydantic", "sqlalchemy"]),
    ],
)
def test_reads_on_a_ready_database_import_no_sqlalchemy(
    db_url: str, backend: str, argv: list[str], heavy: list[str]
) -> None:
    done = imports_of(argv, heavy, db_url=db_url)
    assert done.loaded == []
    assert len(done.stdout) > 200


def test_a_name_the_driver_cannot_settle_is_answered_as_the_full_path_answers_it(
    db_url: str, backend: str, cli: Cli, engine: Engine
) -> None:
    assert direct.read(db_url, direct.members("CSTO", None)) is not None
    for ask in (
        lambda: direct.read(db_url, direct.members("Atlantis", None)),
        lambda: direct.read(db_url, direct.forces("Atlantis")),
        lambda: direct.read(db_url, direct.events("Atlantis")),
        lambda: direct.read(
            db_url, lambda c, d: factsheet.read_factsheet(c, d, direct.resolver(c, d), "Atlantis")
        ),
    ):
        with pytest.raises(NotFound, match="no entity is called 'Atlantis'"):
            ask()
    # The same words as through a unit of work, which a database on its first use is read through.
    with UnitOfWork(engine, read_only=True) as uow, pytest.raises(NotFound) as full:
        resolve_entity(uow.session, "Atlantis", field="alliance")
    with pytest.raises(NotFound) as driver:
        direct.read(db_url, direct.members("Atlantis", None))
    assert str(driver.value) == str(full.value)
    # Several entities answering to a word: listed, as the full path lists them.
    cli("entity", "add", "Atlantis North", "--kind", "country")
    cli("entity", "add", "Atlantis South", "--kind", "country")
    with pytest.raises(
        Ambiguous, match=r"'Atlantis' could be Atlantis North \(atlantis-north\), Atlantis South"
    ):
        direct.read(db_url, direct.forces("Atlantis"))


def test_id_lists_are_written_in_as_integers_and_an_empty_one_matches_nothing(engine: Engine) -> None:
    assert facts.ID_LIST == factsheet_definitions.ID_LIST
    for queries_of_a_dialect in FACT_SQL.values():
        for sql in queries_of_a_dialect.values():
            assert "{" not in facts.with_ids(sql, [1, 2], parts=[3], officials=[3, 4])
    assert facts.with_ids("x IN ({ids})", [3, 1, 3]) == "x IN (1, 3)"
    with pytest.raises(ValueError, match="invalid literal"):
        facts.with_ids("x IN ({ids})", ["1) OR (1=1"])  # type: ignore[list-item]
    with UnitOfWork(engine, read_only=True) as uow:
        connection, dialect = driver_connection(uow.session)
        assert facts.event_rows(connection, dialect, []) == []
        assert len(facts.event_rows(connection, dialect, None)) >= 6


def test_the_command_lines_defaults_are_the_services() -> None:
    # Repeated in the command module so that --help imports no service.
    assert (factsheet_cli.PER_SPEAKER, factsheet_cli.LIMIT) == (factsheet.PER_SPEAKER, factsheet.LIMIT)
