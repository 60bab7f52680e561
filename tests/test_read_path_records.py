"""One record and its history (`statement show` …) through the compiled queries, with or without SQLAlchemy.

What the records' SQL reads must be what the ORM objects gave (the model's own reading of a statement and its
change log), and a ready database answered by its driver alone must print what the full path prints, byte for
byte, on both engines.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput, NotFound
from csto_kb.labels import date_precision
from csto_kb.model import Change, Entity, Evidence, Source, Statement
from csto_kb.schemas.entities import EntityOut, SourceOut
from csto_kb.schemas.statements import (
    ChangeOut,
    EntityRef,
    EvidenceOut,
    SourceRef,
    StatementDetail,
    StatementOut,
)
from csto_kb.services.entities import get_entity
from csto_kb.services.history import recent_change_rows, version_rows
from csto_kb.services.queries import find_statements, who_said_rows
from csto_kb.services.sources import get_source
from csto_kb.services.statements import show_statement
from csto_kb.sql import direct
from csto_kb.sql.changes import in_date_range, parse_moment
from csto_kb.sql.records import entity_list, source_list, statement_detail
from csto_kb.sql.run import StatementFilter
from csto_kb.text import normalise_for_search
from tests.helpers import Run, imports_of, ok, one_line_error, printed_alike_either_way

Cli = Callable[..., Run]
UNSOURCED = 5
"""A statement whose every evidence `changed` withdraws behind the rules' back."""


def _quote(engine: Engine, statement_id: int) -> str:
    with engine.connect() as connection:
        quote: str = connection.execute(
            text("SELECT quote FROM statement WHERE id = :id"), {"id": statement_id}
        ).scalar_one()
    return quote


@pytest.fixture
def changed(cli: Cli, engine: Engine, tmp_path: Path) -> Engine:
    """The seed after corrections: #11 with a second source, a new venue, a translation and one subject
    more; #12 retracted; Armenia with ids elsewhere; #5 with every evidence withdrawn (only written around
    the rules, which keep one)."""
    quote = _quote(engine, 11)
    path = tmp_path / "second.txt"
    path.write_text(f"وقال زاس إن {quote}.\n", encoding="utf-8")
    added = ok(
        cli("source", "add", str(path), "--lang", "ar", "--publisher", "Reuters", "--published", "2022-02-20")
    )
    match = re.search(r"added source (\d+):", added.stdout)
    assert match is not None
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Zas",
            "--quote",
            quote,
            "--source",
            match.group(1),
            "--by",
            "ana",
        )
    )
    ok(
        cli(
            "statement",
            "edit",
            "11",
            "--venue",
            "press conference",
            "--translation",
            "the organisation may send peacekeepers",
            "--about",
            "armenia",
            "--reason",
            "venue and subject",
            "--by",
            "omar",
        )
    )
    ok(cli("statement", "retract", "12", "--reason", "duplicate report", "--by", "omar"))
    ok(cli("entity", "link", "armenia", "wikidata=Q399", "viaf=158822968", "--by", "ana"))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence SET retracted_at = recorded_at WHERE statement_id = :id"), {"id": UNSOURCED}
        )
    return engine


def orm_detail(session: Session, statement_id: int) -> StatementDetail:
    """`statement show` as it read through the ORM: the model's reading of the statement, and its changes."""
    statement = session.get(Statement, statement_id)
    assert statement is not None
    changes = session.scalars(
        select(Change)
        .where(Change.table_name == "statement", Change.row_id == statement_id)
        .order_by(Change.id)
    ).all()
    base = StatementOut.model_validate(statement).model_dump()
    return StatementDetail(**base, history=[ChangeOut.model_validate(c) for c in changes])


def test_a_statement_read_by_the_compiled_queries_is_the_one_the_orm_read(changed: Engine) -> None:
    with UnitOfWork(changed, read_only=True) as uow:
        ids = list(uow.session.scalars(select(Statement.id).order_by(Statement.id)))
        expected = {i: orm_detail(uow.session, i).model_dump(mode="json") for i in ids}
    assert len(ids) >= 12
    for statement_id in ids:
        shown = show_statement(UnitOfWork(changed, read_only=True), statement_id)
        # Key order included: --format json prints the model as it is.
        assert json.dumps(shown.model_dump(mode="json"), ensure_ascii=False) == json.dumps(
            expected[statement_id], ensure_ascii=False
        ), statement_id
    assert len(expected[11]["evidence"]) == 2
    assert [c["action"] for c in expected[11]["history"]][-1] == "update"
    assert expected[12]["retracted_at"] is not None
    assert expected[UNSOURCED]["evidence"] == []
    assert expected[UNSOURCED]["source"]["id"] == 1


def test_the_driver_reads_the_statement_the_full_path_reads(
    changed: Engine, db_url: str, backend: str
) -> None:
    for statement_id in (1, 11, 12, UNSOURCED):
        found = direct.read(db_url, lambda c, d, i=statement_id: statement_detail(c, d, i))  # type: ignore[misc]
        assert found is not None
        assert StatementDetail.model_validate(found) == show_statement(
            UnitOfWork(changed, read_only=True), statement_id
        )
    with pytest.raises(NotFound, match="statement: no statement has id 999"):
        direct.read(db_url, lambda c, d: statement_detail(c, d, 999))


def orm_versions(session: Session, table: str, row_id: int) -> list[dict[str, Any]]:
    """`history --format json` as it read through the ORM."""
    changes = session.scalars(
        select(Change).where(Change.table_name == table, Change.row_id == row_id).order_by(Change.id)
    ).all()
    out: list[dict[str, Any]] = []
    state: dict[str, Any] = {}
    for number, change in enumerate(changes, start=1):
        changed: dict[str, Any] = {}
        if change.action == "insert":
            state = dict(change.after or {})
        else:
            changed = {
                key: {"before": (change.before or {}).get(key), "after": value}
                for key, value in (change.after or {}).items()
            }
            state = {**state, **(change.after or {})}
        change_json = ChangeOut.model_validate(change).model_dump(mode="json")
        out.append({"version": number, "change": change_json, "state": dict(state), "changed": changed})
    return out


def orm_log(session: Session, **filters: Any) -> list[dict[str, Any]]:
    """`log --format json` as it read through the ORM."""
    query = select(Change).order_by(Change.id.desc()).limit(filters.get("limit", 50))
    if filters.get("since") is not None:
        query = query.where(Change.at >= filters["since"])
    if filters.get("by") is not None:
        query = query.where(Change.by == filters["by"])
    if filters.get("table") is not None:
        query = query.where(Change.table_name == filters["table"])
    return [
        {"table": c.table_name, "row_id": c.row_id, **ChangeOut.model_validate(c).model_dump(mode="json")}
        for c in session.scalars(query)
    ]


def test_versions_and_the_log_read_by_the_compiled_queries_are_what_the_orm_read(changed: Engine) -> None:
    with UnitOfWork(changed, read_only=True) as uow:
        [first_edit] = uow.session.scalars(
            select(Change.at).where(Change.by == "ana").order_by(Change.id).limit(1)
        )
    since = parse_moment(first_edit.isoformat())
    records = [("statement", 11), ("statement", 12), ("statement", UNSOURCED), ("source", 1), ("entity", 1)]
    logs: list[dict[str, Any]] = [
        {},
        {"limit": 3},
        {"by": "omar"},
        {"table": "statement", "limit": 500},
        {"since": since},
        {"since": since, "by": "ana", "table": "evidence"},
    ]
    with UnitOfWork(changed, read_only=True) as uow:
        expected_versions = [orm_versions(uow.session, *record) for record in records]
        expected_logs = [orm_log(uow.session, **filters) for filters in logs]
    for record, expected in zip(records, expected_versions, strict=True):
        found = version_rows(UnitOfWork(changed, read_only=True), *record)
        assert json.dumps(found, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False), record
    for filters, expected in zip(logs, expected_logs, strict=True):
        found = recent_change_rows(UnitOfWork(changed, read_only=True), **filters)
        assert json.dumps(found, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False), filters
    assert [len(v) for v in expected_versions[:2]] == [3, 2]
    assert {c["by"] for c in expected_logs[4]} == {"ana", "omar"}
    assert {c["table"] for c in expected_logs[5]} == {"evidence"}


def orm_source(session: Session, source_id: int) -> tuple[SourceOut, str | None]:
    """`source show` as it read through the ORM: the model, and how many statements cite it."""
    source = session.get(Source, source_id)
    assert source is not None
    count = session.scalar(
        select(func.count(Evidence.id)).where(
            Evidence.source_id == source_id,
            Evidence.statement_id.is_not(None),
            Evidence.retracted_at.is_(None),
        )
    )
    return SourceOut.model_validate(source).model_copy(update={"statements": count}), source.body


def test_entities_and_sources_read_by_the_compiled_queries_are_what_the_orm_read(changed: Engine) -> None:
    with UnitOfWork(changed, read_only=True) as uow:
        entities = {
            e.key: EntityOut.model_validate(e).model_dump(mode="json")
            for e in uow.session.scalars(select(Entity).where(Entity.merged_into_id.is_(None)))
        }
        sources = {i: orm_source(uow.session, i) for i in uow.session.scalars(select(Source.id))}
    for key, expected in entities.items():
        found = get_entity(UnitOfWork(changed, read_only=True), key).model_dump(mode="json")
        assert json.dumps(found, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False), key
    for source_id, (expected_source, expected_body) in sources.items():
        source, body = get_source(UnitOfWork(changed, read_only=True), source_id)
        assert source.model_dump(mode="json") == expected_source.model_dump(mode="json"), source_id
        assert body == expected_body
    assert entities["armenia"]["external_ids"] == {"viaf": "158822968", "wikidata": "Q399"}
    assert any(e["part_of_key"] for e in entities.values())
    assert len(sources) == 2
    assert sources[1][0].statements == 11  # the seed's twelve, less the one whose evidence is withdrawn


def test_the_lists_of_entities_and_sources_read_by_the_compiled_queries_are_what_the_orm_read(
    changed: Engine, db_url: str, backend: str
) -> None:
    def orm_entities(session: Session, kind: str | None) -> list[dict[str, Any]]:
        query = select(Entity).where(Entity.merged_into_id.is_(None)).order_by(Entity.kind, Entity.key)
        if kind:
            query = query.where(Entity.kind == kind)
        return [EntityOut.model_validate(e).model_dump(mode="json") for e in session.scalars(query)]

    kinds = [None, "country", "person", "media"]
    with UnitOfWork(changed, read_only=True) as uow:
        expected_entities = {kind: orm_entities(uow.session, kind) for kind in kinds}
        expected_sources = [
            orm_source(uow.session, i)[0].model_dump(mode="json")
            for i in uow.session.scalars(select(Source.id).order_by(Source.id))
        ]
    for kind in kinds:
        found = direct.read(db_url, lambda c, d, k=kind: entity_list(c, d, k))  # type: ignore[misc]
        assert found is not None
        as_models = [EntityOut.model_validate(e).model_dump(mode="json") for e in found]
        assert json.dumps(as_models, ensure_ascii=False) == json.dumps(
            expected_entities[kind], ensure_ascii=False
        ), kind
    found_sources = direct.read(db_url, source_list)
    assert found_sources is not None
    assert [SourceOut.model_validate(s).model_dump(mode="json") for s in found_sources] == expected_sources
    everything = expected_entities[None]
    assert [e["external_ids"] for e in everything if e["key"] == "armenia"] == [
        {"viaf": "158822968", "wikidata": "Q399"}
    ]
    assert len(everything) > len(expected_entities["country"]) > 0
    assert {e["kind"] for e in expected_entities["person"]} == {"person"}
    assert [s["statements"] for s in expected_sources] == [11, 1]
    with pytest.raises(InvalidInput, match="kind: expected one of country, "):
        direct.read(db_url, lambda c, d: entity_list(c, d, "planet"))


def _orm_states(
    session: Session, table: str, ids: list[int], moment: dt.datetime
) -> dict[int, dict[str, Any]]:
    states: dict[int, dict[str, Any]] = {}
    for change in session.scalars(
        select(Change)
        .where(Change.table_name == table, Change.row_id.in_(ids), Change.at <= moment)
        .order_by(Change.id)
    ):
        if change.action == "insert":
            states[change.row_id] = dict(change.after or {})
        elif change.action == "delete":
            states.pop(change.row_id, None)
        elif change.row_id in states:
            states[change.row_id].update(change.after or {})
    return states


def orm_as_recorded(session: Session, f: StatementFilter, moment: dt.datetime) -> list[dict[str, Any]]:
    """`who-said --as-recorded-at` as it read through the ORM: today's rows of the filters the log does not
    version, each model copied with its values then (the source count left as it is now)."""
    coarse = StatementFilter(about=f.about, org=f.org, source=f.source, include_retracted=True)
    current = find_statements(session, coarse)
    ids = [s.id for s in current]
    states = _orm_states(session, "statement", ids, moment)
    evidence_ids = list(session.scalars(select(Evidence.id).where(Evidence.statement_id.in_(ids))))
    evidence: dict[int, list[EvidenceOut]] = {}
    for evidence_id, state in sorted(_orm_states(session, "evidence", evidence_ids, moment).items()):
        if not state.get("retracted_at"):
            evidence.setdefault(int(state["statement_id"]), []).append(
                EvidenceOut(
                    id=evidence_id,
                    source=SourceRef.model_validate(session.get(Source, int(state["source_id"]))),
                    span_start=state.get("span_start"),
                    span_end=state.get("span_end"),
                    method=state.get("method", "curated"),
                    extractor_version=state.get("extractor_version"),
                    confidence=state.get("confidence"),
                    recorded_at=dt.datetime.fromisoformat(state["recorded_at"]),
                    recorded_by=state.get("recorded_by"),
                )
            )
    speaker = session.scalar(select(Entity.id).where(Entity.key == f.speaker)) if f.speaker else None
    out: list[StatementOut] = []
    for statement in current:
        if statement.id not in states:
            continue
        state = states[statement.id]
        if state.get("retracted_at") and not f.include_retracted:
            continue
        if speaker is not None and state["speaker_id"] != speaker:
            continue
        if not in_date_range(state.get("said_on"), f.date_from, f.date_to):
            continue
        if f.contains and normalise_for_search(f.contains) not in state["quote_norm"]:
            continue
        if f.direct is not None and (state["mode"] == "direct") != f.direct:
            continue
        cited = evidence.get(statement.id, [])
        first = (
            {}
            if not cited
            else {
                "evidence": cited,
                "source_count": len(cited),
                "source": cited[0].source,
                "span_start": cited[0].span_start,
                "span_end": cited[0].span_end,
                "method": cited[0].method,
                "confidence": cited[0].confidence,
            }
        )
        retracted_at = state.get("retracted_at")
        update = {
            "speaker": EntityRef.model_validate(session.get(Entity, state["speaker_id"])),
            "said_on": state.get("said_on"),
            "said_on_precision": date_precision(state.get("said_on")),
            **{
                k: state[k]
                for k in (
                    "date_text",
                    "venue",
                    "quote",
                    "mode",
                    "cue",
                    "role_text",
                    "speaker_mention",
                    "retracted_reason",
                )
            },
            "said_on_basis": state.get("said_on_basis", "stated"),
            **first,
            "retracted_at": dt.datetime.fromisoformat(retracted_at) if retracted_at else None,
        }
        out.append(statement.model_copy(update=update))
    out.sort(key=lambda s: (s.said_on is None, s.said_on or "", s.id))
    return [s.model_dump(mode="json") for s in (out[: f.limit] if f.limit is not None else out)]


def test_statements_as_recorded_at_every_moment_are_what_the_orm_rebuilt(
    cli: Cli, changed: Engine, db_url: str, backend: str
) -> None:
    with changed.connect() as connection:
        [first_of_11] = connection.execute(
            text("SELECT min(id) FROM evidence WHERE statement_id = 11")
        ).scalars()
    # Later corrections: #4 redated, #11's first source withdrawn; and #4 given to another speaker behind the
    # log's back, so that the speaker it recorded is not today's.
    ok(cli("statement", "edit", "4", "--said-on", "2022-03", "--reason", "misdated"))
    ok(cli("evidence", "retract", str(first_of_11), "--reason", "the wire's copy is the one to cite"))
    with changed.begin() as connection:
        connection.execute(
            text(
                "UPDATE statement SET speaker_id = (SELECT id FROM entity WHERE key = 'stanislav-zas') WHERE id = 4"
            )
        )
    with UnitOfWork(changed, read_only=True) as uow:
        moments = sorted(set(uow.session.scalars(select(Change.at).where(Change.by != "csto-kb seed"))))
    assert len(moments) >= 6
    filters = [
        StatementFilter(),
        StatementFilter(speaker="stanislav-zas"),
        StatementFilter(speaker="mitchell-belfer", date_from="2022-02", date_to="2022-04-14"),
        StatementFilter(about="armenia", include_retracted=True),
        StatementFilter(contains="السلام", direct=True, limit=2),
        StatementFilter(source=2, include_retracted=True),
    ]
    checked = 0
    for moment in [dt.datetime(2000, 1, 1), *moments, dt.datetime(2100, 1, 1)]:
        for f in filters:
            with UnitOfWork(changed, read_only=True) as uow:
                expected = orm_as_recorded(uow.session, f, moment)
            asked = replace(f, as_recorded_at=moment)
            through_the_session = who_said_rows(UnitOfWork(changed, read_only=True), asked)
            through_the_driver = direct.read(db_url, direct.who_said(asked))
            as_json = json.dumps(expected, ensure_ascii=False)
            assert json.dumps(through_the_session, ensure_ascii=False) == as_json, (moment, f)
            assert json.dumps(through_the_driver, ensure_ascii=False) == as_json, (moment, f)
            checked += len(expected)
    assert checked > 100
    # What the corrections changed is seen before and after them.
    before, after = moments[0], moments[-1]
    [then] = [
        s
        for s in direct.read(db_url, direct.who_said(StatementFilter(as_recorded_at=before))) or []
        if s["id"] == 4
    ]
    [now] = [
        s
        for s in direct.read(db_url, direct.who_said(StatementFilter(as_recorded_at=after))) or []
        if s["id"] == 4
    ]
    assert (then["speaker"]["key"], then["said_on"]) == ("mitchell-belfer", "2022-04")
    assert (now["speaker"]["key"], now["said_on"]) == ("mitchell-belfer", "2022-03")
    [today] = [s for s in direct.read(db_url, direct.who_said(StatementFilter())) or [] if s["id"] == 4]
    assert today["speaker"]["key"] == "stanislav-zas"
    [s11] = [
        s
        for s in direct.read(db_url, direct.who_said(StatementFilter(as_recorded_at=after))) or []
        if s["id"] == 11
    ]
    assert [e["source"]["id"] for e in s11["evidence"]] == [2]


COMMANDS = [
    ("statement", "show", "11"),
    ("statement", "show", "11", "--format", "json"),
    ("statement", "show", "12"),
    ("statement", "show", str(UNSOURCED), "--format", "json"),
    ("history", "11"),
    ("history", "11", "--format", "json"),
    ("history", "1", "--of", "source", "--format", "json"),
    ("log",),
    ("log", "--by", "omar", "--format", "json"),
    ("log", "--of", "statement", "--since", "2000-01-01", "--limit", "5"),
    ("entity", "show", "armenia"),
    ("entity", "show", "وزارة الدفاع الكازاخستانية", "--format", "json"),
    ("source", "show", "1"),
    ("source", "show", "1", "--text", "--format", "json"),
    ("source", "show", "2", "--text"),
    ("entity", "list"),
    ("entity", "list", "--kind", "person", "--format", "json"),
    ("source", "list"),
    ("source", "list", "--format", "json"),
    ("who-said", "--as-recorded-at", "2100-01-01"),
    ("who-said", "--speaker", "Zas", "--as-recorded-at", "2100-01-01", "--format", "json", "--lang", "ru"),
    (
        "who-said",
        "--about",
        "armenia",
        "--as-recorded-at",
        "2100-01-01",
        "--include-retracted",
        "--format",
        "csv",
    ),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_the_driver_alone_prints_what_the_full_path_prints(
    cli: Cli, changed: Engine, db_url: str, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    assert len(printed_alike_either_way(cli, args, db_url, monkeypatch)) > 150


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("statement", "show", "999"), ("statement", "999")),
        (("history", "999"), ("statement", "999")),
        (("source", "show", "999"), ("source", "999")),
        # A name matching nothing is answered with the closest names, in the same words either way.
        (("entity", "show", "Stanislav Zass"), ("entity", "Stanislav Zass", "closest")),
        (
            ("who-said", "--speaker", "Stanislav Zass", "--as-recorded-at", "2100-01-01"),
            ("speaker", "closest"),
        ),
    ],
)
def test_what_is_not_there_is_not_found_through_either_path(
    cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    through_the_driver = one_line_error(cli(*args), 1, *needles)
    monkeypatch.setattr(direct, "open_ready", lambda url: None)
    assert one_line_error(cli(*args), 1, *needles) == through_the_driver


def test_an_unknown_kind_is_refused_in_the_same_words_through_either_path(
    cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("entity", "list", "--kind", "planet")
    through_the_driver = one_line_error(cli(*args), 2, "kind", "planet", "country, alliance")
    monkeypatch.setattr(direct, "open_ready", lambda url: None)
    assert one_line_error(cli(*args), 2) == through_the_driver


@pytest.mark.parametrize(
    ("argv", "needle", "heavy"),
    [
        (["statement", "show", "11"], "Statement #11", ["alembic", "sqlalchemy"]),
        (["statement", "show", "12", "--format", "json"], '"history": [', ["alembic", "sqlalchemy"]),
        # The change log's commands print rows as they are read: no model to validate them into.
        (["history", "11"], "statement 11: 1 version", ["alembic", "pydantic", "sqlalchemy"]),
        (
            ["log", "--of", "statement", "--format", "json"],
            '"table": "statement"',
            ["alembic", "pydantic", "sqlalchemy"],
        ),
        (["entity", "show", "Zas", "--format", "json"], '"key": "stanislav-zas"', ["alembic", "sqlalchemy"]),
        (["source", "show", "1", "--text"], "Source 1: ", ["alembic", "sqlalchemy"]),
        (["entity", "list", "--kind", "country"], "armenia", ["alembic", "sqlalchemy"]),
        (["source", "list", "--format", "json"], '"statements": 12', ["alembic", "sqlalchemy"]),
        (
            ["who-said", "--speaker", "Zas", "--as-recorded-at", "2100-01-01", "--format", "json"],
            '"key": "stanislav-zas"',
            ["alembic", "pydantic", "sqlalchemy"],
        ),
    ],
)
def test_shows_on_a_ready_database_import_no_sqlalchemy(
    db_url: str, backend: str, argv: list[str], needle: str, heavy: list[str]
) -> None:
    done = imports_of(argv, heavy, db_url=db_url)
    assert done.loaded == []
    assert needle in done.stdout
