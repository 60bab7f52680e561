"""Ingesting articles as pending candidates, and reviewing them: accept into facts, reject with a reason."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from csto_kb.db import history
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import Conflict, InvalidInput, NotFound
from csto_kb.model import Candidate, Entity, ForceLevel, Source, Statement
from csto_kb.model.base import utcnow
from csto_kb.schemas.extraction import Extraction, ForceFigureCandidate, StatementCandidate
from csto_kb.schemas.review import CandidateOut, IngestReport, ReviewOutcome
from csto_kb.schemas.sources import SourceIn
from csto_kb.schemas.statements import StatementIn
from csto_kb.schemas.validation import parse
from csto_kb.services.entities import create_entity, find_entities, guess_lang, resolve_for_write
from csto_kb.services.sources import create_source
from csto_kb.services.statements import create_statement
from csto_kb.text import normalise, quote_key, sha256_text

SUPPORTED_LANGUAGES = ("ar", "en")


def gazetteer_entries(session: Session) -> list[tuple[str, str, list[str]]]:
    """(key, display name, every alias) of every entity, for the extractor to resolve speakers with."""
    entities = session.scalars(select(Entity).options(selectinload(Entity.names))).all()
    return [(e.key, e.display_name, [n.name for n in e.names]) for e in entities]


def run_extractor(session: Session | None, body: str, lang: str, published: str | None) -> Extraction:
    """The extractor over ``body``, resolving speakers through the knowledge base's aliases when given one."""
    from csto_kb.dates import PartialDate
    from csto_kb.extraction import extract
    from csto_kb.extraction.gazetteer import Gazetteer

    if lang not in SUPPORTED_LANGUAGES:
        raise InvalidInput(f"lang: extraction reads {' and '.join(SUPPORTED_LANGUAGES)}, not {lang!r}")
    if not body.strip():
        raise InvalidInput("text: the article body is empty")
    day = None
    if published:
        parsed = PartialDate.parse(published)
        day = parsed.first_day if parsed.precision == "day" else None
    gazetteer = Gazetteer(gazetteer_entries(session)) if session is not None else None
    return extract(body, lang=lang, published=day, gazetteer=gazetteer)


def ingest_article(uow: UnitOfWork, source: SourceIn) -> IngestReport:
    """Store the source and its candidates as pending review, in one step; the same text twice is a no-op."""
    if source.body is None:
        raise InvalidInput("text: ingestion needs the article's text")
    with uow:
        session = uow.session
        existing = session.scalars(select(Source).where(Source.sha256 == sha256_text(source.body))).first()
        if existing is not None:
            counts = Counter(
                c.kind for c in session.scalars(select(Candidate).where(Candidate.source_id == existing.id))
            )
            return IngestReport(
                source_id=existing.id, already_stored=True, candidates=dict(counts), extractor_version=None
            )
        extraction = run_extractor(session, source.body, source.lang, source.published)
        stored = create_source(session, source)
        kinds: Counter[str] = Counter()
        groups: list[tuple[str, list[Any]]] = [
            ("statement", extraction.statements),
            ("force_level", extraction.force_levels),
            ("founding", extraction.foundings),
            ("membership", extraction.memberships),
            ("event", extraction.events),
        ]
        for kind, items in groups:
            for position, item in enumerate(items):
                session.add(
                    Candidate(
                        source=stored,
                        kind=kind,
                        position=position,
                        payload=item.model_dump(mode="json"),
                        extractor_version=extraction.extractor_version,
                        confidence=item.confidence,
                    )
                )
                kinds[kind] += 1
        session.flush()
        report = IngestReport(
            source_id=stored.id,
            already_stored=False,
            candidates=dict(kinds),
            extractor_version=extraction.extractor_version,
        )
        uow.commit()
        return report


def list_candidates(
    uow: UnitOfWork, *, source: int | None = None, status: str | None = "pending", kind: str | None = None
) -> list[CandidateOut]:
    with uow:
        query = select(Candidate).order_by(Candidate.source_id, Candidate.kind, Candidate.position)
        if source is not None:
            query = query.where(Candidate.source_id == source)
        if status is not None:
            query = query.where(Candidate.status == status)
        if kind is not None:
            query = query.where(Candidate.kind == kind)
        return [CandidateOut.model_validate(c) for c in uow.session.scalars(query)]


def _get(session: Session, candidate_id: int) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound(f"candidate: no candidate has id {candidate_id}")
    return candidate


def show_candidate(uow: UnitOfWork, candidate_id: int) -> CandidateOut:
    with uow:
        return CandidateOut.model_validate(_get(uow.session, candidate_id))


def _speaker_for(session: Session, proposal: StatementCandidate) -> Entity:
    """The proposed speaker: the resolved entity, a unique match of its name, or a new entity."""
    if proposal.speaker_key:
        found = session.scalars(select(Entity).where(Entity.key == proposal.speaker_key)).first()
        if found is not None:
            return found
    matches = find_entities(session, proposal.speaker, exact=True)
    if len(matches) == 1:
        return matches[0]
    folded = normalise(proposal.speaker)
    institution = any(word in folded for word in ("وزاره", "ministry", "ministere", "منظمه", "organization"))
    return create_entity(
        session,
        name=proposal.speaker,
        kind="ministry"
        if institution and ("وزاره" in folded or "ministry" in folded)
        else ("organisation" if institution else "person"),
        lang=guess_lang(proposal.speaker),
    )


def _accept_statement(session: Session, candidate: Candidate, by: str) -> ReviewOutcome:
    proposal = StatementCandidate.model_validate(candidate.payload)
    speaker = _speaker_for(session, proposal)
    # The same statement already stored (same speaker, same normalised quote, whatever its date or source):
    # link the candidate to it rather than store it twice.
    existing = session.scalars(
        select(Statement).where(
            Statement.speaker_id == speaker.id,
            Statement.quote_key == quote_key(proposal.quote),
            Statement.retracted_at.is_(None),
        )
    ).first()
    if existing is not None:
        candidate.statement = existing
        return ReviewOutcome(
            candidate_id=candidate.id, status="accepted", statement_id=existing.id, linked_existing=True
        )
    statement = create_statement(
        session,
        StatementIn(
            speaker=speaker.key,
            quote=proposal.quote,
            lang=candidate.source.lang,
            source=candidate.source_id,
            said_on=proposal.said_on,
            date_text=proposal.date_text,
            mode=proposal.mode,
            cue=proposal.cue,
            speaker_mention=proposal.speaker_mention,
            role_text=proposal.speaker_role,
            span_start=proposal.quote_start,
            span_end=proposal.quote_end,
            method="extracted",
            extractor_version=candidate.extractor_version,
            confidence=proposal.confidence,
        ),
        by=by,
    )
    candidate.statement = statement
    return ReviewOutcome(candidate_id=candidate.id, status="accepted", statement_id=statement.id)


def _accept_force_level(session: Session, candidate: Candidate) -> ReviewOutcome:
    p = candidate.payload
    if not p.get("organisation"):
        raise InvalidInput(f"candidate {candidate.id}: the figure names no organisation; edit it first")
    organisation = resolve_for_write(session, str(p["organisation"]), field="organisation")
    level = ForceLevel(
        organisation=organisation,
        unit=str(p["unit"]),
        unit_original=str(p["text"]),
        count=int(p["count"]),
        approximate=bool(p["approximate"]),
        readiness=str(p["readiness"]),
        as_of=candidate.source.published_on,
        source=candidate.source,
        span_start=int(p["start"]),
        span_end=int(p["end"]),
        method="extracted",
        extractor_version=candidate.extractor_version,
        confidence=candidate.confidence,
        note="as of the source's publication date",
    )
    session.add(level)
    session.flush()
    candidate.force_level = level
    return ReviewOutcome(candidate_id=candidate.id, status="accepted", force_level_id=level.id)


def _decide(session: Session, candidate: Candidate, status: str, by: str) -> None:
    if candidate.status != "pending":
        raise Conflict(f"candidate: {candidate.id} was already {candidate.status}")
    candidate.status = status
    candidate.decided_at = utcnow()
    candidate.decided_by = by


def accept(
    uow: UnitOfWork, ids: list[int] | None = None, *, all_from: int | None = None
) -> list[ReviewOutcome]:
    """Accept candidates into facts (method "extracted").

    Named candidates are accepted all together or not at all. With ``all_from``, every pending statement and
    figure of the source is accepted, except figures whose organisation is not a known entity: those stay
    pending, reported with the reason, for ``review edit`` to settle.
    """
    with uow:
        session = uow.session
        if all_from is not None:
            if session.get(Source, all_from) is None:
                raise NotFound(f"source: no source has id {all_from}")
            chosen = list(
                session.scalars(
                    select(Candidate)
                    .where(
                        Candidate.source_id == all_from,
                        Candidate.status == "pending",
                        Candidate.kind.in_(("statement", "force_level")),
                    )
                    .order_by(Candidate.kind.desc(), Candidate.position)
                )
            )
        else:
            chosen = [_get(session, i) for i in ids or []]
        if not chosen:
            raise InvalidInput("accept: give candidate ids or --all-from SOURCE with pending candidates")
        outcomes = []
        for candidate in chosen:
            if candidate.kind == "force_level" and all_from is not None:
                problem = _unresolved_organisation(session, candidate)
                if problem:
                    outcomes.append(ReviewOutcome(candidate_id=candidate.id, status="pending", note=problem))
                    continue
            _decide(session, candidate, "accepted", uow.by)
            if candidate.kind == "statement":
                outcomes.append(_accept_statement(session, candidate, uow.by))
            elif candidate.kind == "force_level":
                outcomes.append(_accept_force_level(session, candidate))
            else:
                raise InvalidInput(
                    f"candidate {candidate.id}: {candidate.kind} candidates are recorded for reading; "
                    "add the fact by hand and reject the candidate"
                )
            session.flush()
        uow.commit()
        return outcomes


def _unresolved_organisation(session: Session, candidate: Candidate) -> str | None:
    name = candidate.payload.get("organisation")
    if not name:
        return "the figure names no organisation"
    if len(find_entities(session, str(name), exact=True)) != 1:
        return f"organisation {name!r} is not one known entity"
    return None


def reject(uow: UnitOfWork, ids: list[int], reason: str) -> list[ReviewOutcome]:
    """Reject candidates; each record stays, with the reason."""
    if not reason.strip():
        raise InvalidInput("reason: say why the candidates are rejected")
    with uow:
        history.give_reason(uow.session, reason)
        outcomes = []
        for candidate_id in ids:
            candidate = _get(uow.session, candidate_id)
            _decide(uow.session, candidate, "rejected", uow.by)
            candidate.reason = reason
            outcomes.append(ReviewOutcome(candidate_id=candidate.id, status="rejected"))
        uow.commit()
        return outcomes


EDITABLE: dict[str, tuple[str, ...]] = {
    "statement": ("speaker", "speaker_mention", "speaker_role", "said_on", "date_text", "mode", "cue"),
    "force_level": ("organisation", "count", "approximate", "readiness"),
}


def edit(uow: UnitOfWork, candidate_id: int, changes: dict[str, Any]) -> CandidateOut:
    """Correct a pending candidate before accepting it; the change log keeps the proposal."""
    if not changes:
        raise InvalidInput("edit: give at least one field to change")
    with uow:
        session = uow.session
        candidate = _get(session, candidate_id)
        if candidate.status != "pending":
            raise Conflict(f"candidate: {candidate.id} was already {candidate.status}")
        editable = EDITABLE.get(candidate.kind, ())
        unknown = sorted(set(changes) - set(editable))
        if unknown:
            allowed = ", ".join(editable) or "nothing"
            raise InvalidInput(
                f"{unknown[0]}: not editable on a {candidate.kind} candidate (editable: {allowed})"
            )
        payload = {**candidate.payload, **changes}
        if "speaker" in changes:
            speaker = resolve_for_write(session, str(changes["speaker"]), field="speaker")
            payload["speaker"], payload["speaker_key"] = speaker.display_name, speaker.key
        if "organisation" in changes:
            payload["organisation"] = resolve_for_write(
                session, str(changes["organisation"]), field="organisation"
            ).key
        schema = StatementCandidate if candidate.kind == "statement" else ForceFigureCandidate
        parse(schema, payload)  # refuse an edit that breaks the candidate
        candidate.payload = payload
        session.flush()
        out = CandidateOut.model_validate(candidate)
        uow.commit()
        return out
