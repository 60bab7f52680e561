"""Read views for browsing: a statement with each source's text around its span, a source with every span it
supports, an entity's profile, and the review queue with each proposal in its sentence."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import NotFound
from csto_kb.labels import said_on_label
from csto_kb.model import (
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
)
from csto_kb.model.evidence import CLAIM_TABLES
from csto_kb.schemas.browse import (
    EntityView,
    EvidenceInText,
    ReviewItem,
    ReviewQueue,
    SourceView,
    SpanInText,
    StatementView,
    SupportedSpan,
)
from csto_kb.schemas.entities import EntityOut
from csto_kb.schemas.facts import MembershipOut
from csto_kb.schemas.review import CandidateOut
from csto_kb.schemas.statements import RoleOut, StatementOut
from csto_kb.services.entities import resolve_entity
from csto_kb.services.queries import statement_rows
from csto_kb.services.sources import get_source
from csto_kb.services.statements import show_statement
from csto_kb.sql.run import StatementFilter

REACH = 400
"""Characters of context shown either side of a span."""
REVIEW_REACH = 200
"""Less around a candidate: the reviewer reads its sentence, and many candidates fit on a screen."""
PROFILE_STATEMENTS = 20


def span_in_text(body: str, start: int, end: int, reach: int = REACH) -> SpanInText:
    """``body[start:end]`` with up to ``reach`` characters either side, cut at a space where one is near."""
    begin = max(0, start - reach)
    if begin > 0:
        space = body.find(" ", begin, start)
        begin = space + 1 if space != -1 else begin
    finish = min(len(body), end + reach)
    if finish < len(body):
        space = body.rfind(" ", end, finish)
        finish = space if space != -1 else finish
    return SpanInText(
        before=body[begin:start],
        text=body[start:end],
        after=body[end:finish],
        span_start=start,
        span_end=end,
        starts_text=begin == 0,
        ends_text=finish == len(body),
    )


def statement_view(uow: UnitOfWork, statement_id: int) -> StatementView:
    """A statement with its history, and the text each of its sources has around the span."""
    detail = show_statement(uow, statement_id)
    with uow:
        session = uow.session
        evidence = []
        for item in detail.evidence:
            source = session.get(Source, item.source.id)
            assert source is not None
            excerpt = None
            if source.body is not None and item.span_start is not None and item.span_end is not None:
                excerpt = span_in_text(source.body, item.span_start, item.span_end)
            evidence.append(EvidenceInText(evidence=item, lang=source.lang, excerpt=excerpt))
    return StatementView(
        statement=detail,
        said_on_words=said_on_label(detail.said_on, detail.said_on_basis),
        evidence=evidence,
    )


def _claim_label(evidence: Evidence) -> tuple[str, int]:
    for table in CLAIM_TABLES:
        claim_id = getattr(evidence, f"{table}_id")
        if claim_id is not None:
            return table, int(claim_id)
    raise AssertionError("evidence supports no claim")


def _claim_entity(session: Session, table: str, claim_id: int) -> str | None:
    """The key of the entity a fact is about: the member, the role's holder, the figure's organisation, the
    fact's subject, the event's first participant (a statement has a page of its own)."""
    entity_id: int | None = None
    if table == "membership":
        membership = session.get(Membership, claim_id)
        entity_id = membership.member_id if membership else None
    elif table == "role":
        role = session.get(Role, claim_id)
        entity_id = role.person_id if role else None
    elif table == "force_level":
        level = session.get(ForceLevel, claim_id)
        entity_id = level.organisation_id if level else None
    elif table == "organisation_fact":
        fact = session.get(OrganisationFact, claim_id)
        entity_id = fact.subject_id if fact else None
    elif table == "event":
        entity_id = session.scalar(
            select(EventParticipant.entity_id).where(EventParticipant.event_id == claim_id).limit(1)
        )
    if entity_id is None:
        return None
    entity = session.get(Entity, entity_id)
    return entity.key if entity else None


def source_view(uow: UnitOfWork, source_id: int) -> SourceView:
    """A source's metadata, its stored text, and every live span of it that supports a claim."""
    source, body = get_source(uow, source_id)
    with uow:
        session = uow.session
        rows = session.scalars(
            select(Evidence)
            .where(
                Evidence.source_id == source_id,
                Evidence.retracted_at.is_(None),
                Evidence.span_start.is_not(None),
            )
            .order_by(Evidence.span_start, Evidence.span_end.desc(), Evidence.id)
        ).all()
        spans = []
        for evidence in rows:
            table, claim_id = _claim_label(evidence)
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
                    entity_key=_claim_entity(session, table, claim_id),
                )
            )
        return SourceView(source=source, body=body, spans=spans)


def _statements(session: Session, f: StatementFilter) -> tuple[list[StatementOut], int]:
    rows = list(statement_rows(session, f))
    return [StatementOut.model_validate(r) for r in rows[:PROFILE_STATEMENTS]], len(rows)


def entity_view(uow: UnitOfWork, name: str) -> EntityView:
    """An entity's names, roles over time, membership episodes, and the statements by and about it."""
    with uow:
        session = uow.session
        entity = resolve_entity(session, name)
        roles = session.scalars(
            select(Role)
            .where(Role.person_id == entity.id, Role.retracted_at.is_(None))
            .order_by(Role.valid_from.is_(None), Role.valid_from, Role.id)
        ).all()
        episodes = select(Membership).where(Membership.retracted_at.is_(None))
        episodes = episodes.options(
            selectinload(Membership.member).selectinload(Entity.names),
            selectinload(Membership.alliance).selectinload(Entity.names),
        )
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
        by, by_total = _statements(session, StatementFilter(speaker=entity.key))
        about, about_total = _statements(session, StatementFilter(about=entity.key))
        return EntityView(
            entity=EntityOut.model_validate(entity),
            roles=[RoleOut.model_validate(r) for r in roles],
            memberships=[MembershipOut.model_validate(m) for m in as_member],
            members=[MembershipOut.model_validate(m) for m in as_alliance],
            statements_by=by,
            statements_about=about,
            statements_by_total=by_total,
            statements_about_total=about_total,
        )


def review_queue(uow: UnitOfWork, *, limit: int = 50, source: int | None = None) -> ReviewQueue:
    """Pending candidates, the least confident first, each with its proposed span in the source's text."""
    with uow:
        session = uow.session
        pending = select(Candidate).where(Candidate.status == "pending")
        if source is not None:
            pending = pending.where(Candidate.source_id == source)
        total = session.scalar(select(func.count()).select_from(pending.subquery())) or 0
        chosen = session.scalars(
            pending.options(selectinload(Candidate.source))
            .order_by(Candidate.confidence, Candidate.source_id, Candidate.kind, Candidate.position)
            .limit(limit)
        ).all()
        return ReviewQueue(total=total, items=[_review_item(c) for c in chosen])


def review_item(uow: UnitOfWork, candidate_id: int) -> ReviewItem:
    with uow:
        candidate = uow.session.get(Candidate, candidate_id)
        if candidate is None:
            raise NotFound(f"candidate: no candidate has id {candidate_id}")
        return _review_item(candidate)


def candidate_span(candidate: Candidate) -> tuple[int, int]:
    """The characters of the source's text a candidate proposes (a statement's quote, a figure's words)."""
    p = candidate.payload
    if candidate.kind == "statement":
        return int(p["quote_start"]), int(p["quote_end"])
    return int(p["start"]), int(p["end"])


def _review_item(candidate: Candidate) -> ReviewItem:
    body = candidate.source.body
    excerpt = None
    if body is not None:
        start, end = candidate_span(candidate)
        if 0 <= start < end <= len(body):
            excerpt = span_in_text(body, start, end, reach=REVIEW_REACH)
    return ReviewItem(
        candidate=CandidateOut.model_validate(candidate), lang=candidate.source.lang, excerpt=excerpt
    )


def latest_change(uow: UnitOfWork) -> int:
    """The id of the newest change-log entry: it moves with every write, so it versions whatever is read."""
    with uow:
        return int(uow.session.scalar(select(func.max(Change.id))) or 0)
