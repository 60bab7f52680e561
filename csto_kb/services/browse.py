"""Read views for browsing: a statement with each source's text around its span, a source with every span it
supports, an entity's profile, and the review queue with each proposal in its sentence.

Everything is read by the compiled queries (`csto_kb.sql.records`, `csto_kb.sql.browse`, `csto_kb.sql.facts`)
on the connection under the unit of work's session; only a name is resolved through the model, whose
resolver explains a name that matches nothing or several."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.labels import said_on_label
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
from csto_kb.schemas.entities import EntityOut, SourceOut
from csto_kb.schemas.facts import MembershipOut
from csto_kb.schemas.review import CandidateOut
from csto_kb.schemas.statements import RoleOut, StatementDetail, StatementOut
from csto_kb.services.entities import resolve_entity
from csto_kb.services.queries import statement_rows
from csto_kb.sql import browse, facts
from csto_kb.sql.records import entity_detail, source_detail, statement_detail
from csto_kb.sql.run import Lookups, Row, StatementFilter

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
    with uow:
        connection, dialect = driver_connection(uow.session)
        detail = StatementDetail.model_validate(statement_detail(connection, dialect, statement_id))
        texts = browse.source_texts(connection, dialect, {item.source.id for item in detail.evidence})
    evidence = []
    for item in detail.evidence:
        lang, body = texts[item.source.id]
        excerpt = None
        if body is not None and item.span_start is not None and item.span_end is not None:
            excerpt = span_in_text(body, item.span_start, item.span_end)
        evidence.append(EvidenceInText(evidence=item, lang=lang, excerpt=excerpt))
    return StatementView(
        statement=detail,
        said_on_words=said_on_label(detail.said_on, detail.said_on_basis),
        evidence=evidence,
    )


def source_view(uow: UnitOfWork, source_id: int) -> SourceView:
    """A source's metadata, its stored text, and every live span of it that supports a claim."""
    with uow:
        connection, dialect = driver_connection(uow.session)
        source, body = source_detail(connection, dialect, source_id)
        spans = browse.source_spans(connection, dialect, source_id)
    return SourceView(
        source=SourceOut.model_validate(source),
        body=body,
        spans=[SupportedSpan.model_validate(span) for span in spans],
    )


def _statements(session: Session, f: StatementFilter, lookups: Lookups) -> tuple[list[StatementOut], int]:
    rows = list(statement_rows(session, f, lookups=lookups))
    return [StatementOut.model_validate(r) for r in rows[:PROFILE_STATEMENTS]], len(rows)


def entity_view(uow: UnitOfWork, name: str) -> EntityView:
    """An entity's names, roles over time, membership episodes, and the statements by and about it."""
    with uow:
        session = uow.session
        entity = resolve_entity(session, name)
        connection, dialect = driver_connection(session)
        lookups = Lookups()
        detail = entity_detail(connection, dialect, entity.id, lookups)
        roles = browse.person_roles(connection, dialect, entity.id, lookups)
        as_member, as_alliance = facts.entity_memberships(connection, dialect, entity.id)
        by, by_total = _statements(session, StatementFilter(speaker=entity.key), lookups)
        about, about_total = _statements(session, StatementFilter(about=entity.key), lookups)
    return EntityView(
        entity=EntityOut.model_validate(detail),
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
        connection, dialect = driver_connection(uow.session)
        total, chosen = browse.pending_candidates(connection, dialect, limit=limit, source=source)
        texts = browse.source_texts(connection, dialect, {c["source_id"] for c in chosen})
    return ReviewQueue(total=total, items=[_review_item(c, *texts[c["source_id"]]) for c in chosen])


def review_item(uow: UnitOfWork, candidate_id: int) -> ReviewItem:
    with uow:
        connection, dialect = driver_connection(uow.session)
        found = browse.candidate(connection, dialect, candidate_id)
        [(lang, body)] = browse.source_texts(connection, dialect, [found["source_id"]]).values()
    return _review_item(found, lang, body)


def candidate_span(kind: str, payload: dict[str, Any]) -> tuple[int, int]:
    """The characters of the source's text a candidate proposes (a statement's quote, a figure's words)."""
    if kind == "statement":
        return int(payload["quote_start"]), int(payload["quote_end"])
    return int(payload["start"]), int(payload["end"])


def _review_item(candidate: Row, lang: str, body: str | None) -> ReviewItem:
    excerpt = None
    if body is not None:
        start, end = candidate_span(candidate["kind"], candidate["payload"])
        if 0 <= start < end <= len(body):
            excerpt = span_in_text(body, start, end, reach=REVIEW_REACH)
    return ReviewItem(candidate=CandidateOut.model_validate(candidate), lang=lang, excerpt=excerpt)


def latest_change(uow: UnitOfWork) -> int:
    """The id of the newest change-log entry: it moves with every write, so it versions whatever is read."""
    with uow:
        return browse.latest_change(*driver_connection(uow.session))
