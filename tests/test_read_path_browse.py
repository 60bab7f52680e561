"""The browsing views (a statement, a source, an entity, the review queue) read by the compiled queries.

Each view must be what the ORM objects gave: these tests read every one of them as the views read it before
(the model's objects and the schemas' reading of them) and hold the compiled queries' answer to it, key order
included, on both engines.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import BaseModel
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, selectinload

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import NotFound
from csto_kb.labels import said_on_label
from csto_kb.model import (
    CLAIM_TABLES,
    Candidate,
    Change,
    Entity,
    EventParticipant,
    Evidence,
    ForceLevel,
    Membership,
    OrganisationFact,
    Role,
    Source,
    Statement,
)
from csto_kb.schemas.browse import (
    EntityView,
    EvidenceInText,
    ReviewItem,
    ReviewQueue,
    SourceView,
    StatementView,
    SupportedSpan,
)
from csto_kb.schemas.entities import EntityOut, SourceOut
from csto_kb.schemas.facts import MembershipOut
from csto_kb.schemas.review import CandidateOut
from csto_kb.schemas.statements import ChangeOut, RoleOut, StatementDetail, StatementOut
from csto_kb.services import browse
from csto_kb.services.queries import statement_rows
from csto_kb.sql.run import StatementFilter
from tests.helpers import Run, ok
from tests.web_helpers import ingest_asbarez

Cli = Callable[..., Run]


@pytest.fixture
def browsed(cli: Cli, engine: Engine, tmp_path: Path) -> Engine:
    """The seed with a second article's candidates pending, #11 cited by a second source, #12 retracted,
    and a role given dates (roles undated and dated to order)."""
    ingest_asbarez(engine)
    with engine.connect() as connection:
        quote = connection.execute(text("SELECT quote FROM statement WHERE id = 11")).scalar_one()
    path = tmp_path / "second.txt"
    path.write_text(f"وقال زاس إن {quote}.\n", encoding="utf-8")
    ok(cli("source", "add", str(path), "--lang", "ar", "--publisher", "Reuters", "--published", "2022-02-20"))
    ok(cli("statement", "add", "--speaker", "Zas", "--quote", quote, "--source", "3"))
    ok(cli("statement", "retract", "12", "--reason", "duplicate report"))
    return engine


def same(found: BaseModel, expected: BaseModel) -> None:
    as_json = json.dumps(found.model_dump(mode="json"), ensure_ascii=False)
    assert as_json == json.dumps(expected.model_dump(mode="json"), ensure_ascii=False)


# --- the views as they were read through the ORM ----------------------------------------------------------


def orm_statement_view(session: Session, statement_id: int) -> StatementView:
    statement = session.get(Statement, statement_id)
    assert statement is not None
    changes = session.scalars(
        select(Change)
        .where(Change.table_name == "statement", Change.row_id == statement_id)
        .order_by(Change.id)
    ).all()
    detail = StatementDetail(
        **StatementOut.model_validate(statement).model_dump(),
        history=[ChangeOut.model_validate(c) for c in changes],
    )
    evidence = []
    for item in detail.evidence:
        source = session.get(Source, item.source.id)
        assert source is not None
        excerpt = None
        if source.body is not None and item.span_start is not None and item.span_end is not None:
            excerpt = browse.span_in_text(source.body, item.span_start, item.span_end)
        evidence.append(EvidenceInText(evidence=item, lang=source.lang, excerpt=excerpt))
    return StatementView(
        statement=detail, said_on_words=said_on_label(detail.said_on, detail.said_on_basis), evidence=evidence
    )


def _orm_claim_entity(session: Session, table: str, claim_id: int) -> str | None:
    entity_id: int | None = None
    if table == "membership":
        entity_id = session.get(Membership, claim_id).member_id  # type: ignore[union-attr]
    elif table == "role":
        entity_id = session.get(Role, claim_id).person_id  # type: ignore[union-attr]
    elif table == "force_level":
        entity_id = session.get(ForceLevel, claim_id).organisation_id  # type: ignore[union-attr]
    elif table == "organisation_fact":
        entity_id = session.get(OrganisationFact, claim_id).subject_id  # type: ignore[union-attr]
    elif table == "event":
        # The first participant in the order `events` lists them. The view once took whichever row came first
        # (LIMIT 1 with no order): the same on SQLite, which reads them along the key, but on PostgreSQL the
        # one stored first.
        entity_id = session.scalar(
            select(EventParticipant.entity_id)
            .where(EventParticipant.event_id == claim_id)
            .order_by(EventParticipant.entity_id, EventParticipant.role)
            .limit(1)
        )
    if entity_id is None:
        return None
    entity = session.get(Entity, entity_id)
    return entity.key if entity else None


def orm_source_view(session: Session, source_id: int) -> SourceView:
    source = session.get(Source, source_id)
    assert source is not None
    count = session.scalar(
        select(func.count(Evidence.id)).where(
            Evidence.source_id == source_id,
            Evidence.statement_id.is_not(None),
            Evidence.retracted_at.is_(None),
        )
    )
    spans = []
    for evidence in session.scalars(
        select(Evidence)
        .where(
            Evidence.source_id == source_id, Evidence.retracted_at.is_(None), Evidence.span_start.is_not(None)
        )
        .order_by(Evidence.span_start, Evidence.span_end.desc(), Evidence.id)
    ):
        [(table, claim_id)] = [
            (t, int(getattr(evidence, f"{t}_id")))
            for t in CLAIM_TABLES
            if getattr(evidence, f"{t}_id") is not None
        ]
        assert evidence.span_start is not None
        assert evidence.span_end is not None
        spans.append(
            SupportedSpan(
                evidence_id=evidence.id,
                claim_table=table,
                claim_id=claim_id,
                span_start=evidence.span_start,
                span_end=evidence.span_end,
                label=f"{table.replace('_', ' ')} #{claim_id}",
                entity_key=_orm_claim_entity(session, table, claim_id),
            )
        )
    out = SourceOut.model_validate(source).model_copy(update={"statements": count})
    return SourceView(source=out, body=source.body, spans=spans)


def orm_entity_view(session: Session, key: str) -> EntityView:
    entity = session.scalars(select(Entity).where(Entity.key == key)).one()
    roles = session.scalars(
        select(Role)
        .where(Role.person_id == entity.id, Role.retracted_at.is_(None))
        .order_by(Role.valid_from.is_(None), Role.valid_from, Role.id)
    ).all()
    episodes = select(Membership).where(Membership.retracted_at.is_(None))
    as_member = session.scalars(
        episodes.where(Membership.member_id == entity.id).order_by(
            Membership.alliance_id, Membership.valid_from, Membership.id
        )
    ).all()
    as_alliance = session.scalars(
        episodes.where(Membership.alliance_id == entity.id).order_by(
            Membership.member_id, Membership.valid_from, Membership.id
        )
    ).all()
    by = list(statement_rows(session, StatementFilter(speaker=entity.key)))
    about = list(statement_rows(session, StatementFilter(about=entity.key)))
    return EntityView(
        entity=EntityOut.model_validate(entity),
        roles=[RoleOut.model_validate(r) for r in roles],
        memberships=[MembershipOut.model_validate(m) for m in as_member],
        members=[MembershipOut.model_validate(m) for m in as_alliance],
        statements_by=[StatementOut.model_validate(r) for r in by[: browse.PROFILE_STATEMENTS]],
        statements_about=[StatementOut.model_validate(r) for r in about[: browse.PROFILE_STATEMENTS]],
        statements_by_total=len(by),
        statements_about_total=len(about),
    )


def _orm_review_item(candidate: Candidate) -> ReviewItem:
    body = candidate.source.body
    excerpt = None
    if body is not None:
        start, end = browse.candidate_span(candidate.kind, candidate.payload)
        if 0 <= start < end <= len(body):
            excerpt = browse.span_in_text(body, start, end, reach=browse.REVIEW_REACH)
    return ReviewItem(
        candidate=CandidateOut.model_validate(candidate), lang=candidate.source.lang, excerpt=excerpt
    )


def orm_review_queue(session: Session, limit: int, source: int | None) -> ReviewQueue:
    pending = select(Candidate).where(Candidate.status == "pending")
    if source is not None:
        pending = pending.where(Candidate.source_id == source)
    total = session.scalar(select(func.count()).select_from(pending.subquery())) or 0
    chosen = session.scalars(
        pending.options(selectinload(Candidate.source))
        .order_by(Candidate.confidence, Candidate.source_id, Candidate.kind, Candidate.position)
        .limit(limit)
    ).all()
    return ReviewQueue(total=total, items=[_orm_review_item(c) for c in chosen])


# --- the views now -----------------------------------------------------------------------------------------


def test_statement_views_are_what_the_orm_read(browsed: Engine) -> None:
    with UnitOfWork(browsed, read_only=True) as uow:
        ids = list(uow.session.scalars(select(Statement.id).order_by(Statement.id)))
        expected = {i: orm_statement_view(uow.session, i) for i in ids}
    for statement_id in ids:
        same(browse.statement_view(UnitOfWork(browsed, read_only=True), statement_id), expected[statement_id])
    assert [e.lang for e in expected[11].evidence] == ["ar", "ar"]
    assert all(e.excerpt is not None for e in expected[11].evidence)
    with pytest.raises(NotFound, match="statement: no statement has id 999"):
        browse.statement_view(UnitOfWork(browsed, read_only=True), 999)


def test_source_views_are_what_the_orm_read(browsed: Engine) -> None:
    with UnitOfWork(browsed, read_only=True) as uow:
        ids = list(uow.session.scalars(select(Source.id).order_by(Source.id)))
        expected = {i: orm_source_view(uow.session, i) for i in ids}
    for source_id in ids:
        same(browse.source_view(UnitOfWork(browsed, read_only=True), source_id), expected[source_id])
    tables = {s.claim_table for s in expected[1].spans}
    assert {"statement", "membership", "force_level", "event"} <= tables
    assert any(s.entity_key for s in expected[1].spans if s.claim_table == "event")
    with pytest.raises(NotFound, match="source: no source has id 999"):
        browse.source_view(UnitOfWork(browsed, read_only=True), 999)


def test_entity_views_are_what_the_orm_read(browsed: Engine) -> None:
    with UnitOfWork(browsed, read_only=True) as uow:
        keys = list(uow.session.scalars(select(Entity.key).where(Entity.merged_into_id.is_(None))))
        expected = {key: orm_entity_view(uow.session, key) for key in keys}
    for key in keys:
        same(browse.entity_view(UnitOfWork(browsed, read_only=True), key), expected[key])
    assert expected["csto"].members
    assert expected["armenia"].memberships
    assert any(v.roles for v in expected.values())
    assert expected["stanislav-zas"].statements_by_total == 1  # #12 is retracted


@pytest.mark.parametrize(("limit", "source"), [(50, None), (3, None), (500, 2), (5, 1)])
def test_the_review_queue_is_what_the_orm_read(browsed: Engine, limit: int, source: int | None) -> None:
    with UnitOfWork(browsed, read_only=True) as uow:
        expected = orm_review_queue(uow.session, limit, source)
        ids = list(uow.session.scalars(select(Candidate.id)))
        items = {i: _orm_review_item(c) for i in ids if (c := uow.session.get(Candidate, i)) is not None}
        newest = uow.session.scalar(select(func.max(Change.id)))
    same(browse.review_queue(UnitOfWork(browsed, read_only=True), limit=limit, source=source), expected)
    for candidate_id, item in items.items():
        same(browse.review_item(UnitOfWork(browsed, read_only=True), candidate_id), item)
    assert browse.latest_change(UnitOfWork(browsed, read_only=True)) == newest
    assert len(ids) >= 11
    assert expected.total == (0 if source == 1 else 11)
    with pytest.raises(NotFound, match="candidate: no candidate has id 999"):
        browse.review_item(UnitOfWork(browsed, read_only=True), 999)
