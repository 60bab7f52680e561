"""Ingesting articles as pending candidates, and reviewing them: accept into facts, reject with a reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.db import history
from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.errors import Conflict, Duplicate, InvalidInput, NotFound
from csto_kb.model import Candidate, Entity, ForceLevel, ForceLevelUnit, Source
from csto_kb.model.base import utcnow
from csto_kb.schemas.extraction import Extraction, ForceFigureCandidate, StatementCandidate
from csto_kb.schemas.review import CandidateOut, IngestReport, ReviewOutcome
from csto_kb.schemas.sources import SourceIn
from csto_kb.schemas.statements import StatementIn
from csto_kb.schemas.validation import parse
from csto_kb.services.entities import (
    create_entity,
    find_entities,
    guess_lang,
    resolve_for_write,
)
from csto_kb.services.evidence import attach, resolve_span
from csto_kb.services.sources import create_source
from csto_kb.services.statements import record_statement
from csto_kb.sql.browse import place
from csto_kb.text import normalise, sha256_text

if TYPE_CHECKING:
    from csto_kb.extraction.gazetteer import Gazetteer

SUPPORTED_LANGUAGES = ("ar", "en")


def knowledge_base_gazetteer(connection: Any, dialect: str) -> Gazetteer:
    """The knowledge base's entities (those not merged into another), with every name and alias, for the
    extractor to resolve speakers with; read by the compiled queries on a DB-API connection (the one reader's,
    or a unit of work's: `driver_connection`). Building it reads every entity, so a batch builds it once:
    ingesting adds no entity."""
    from csto_kb.extraction.gazetteer import Gazetteer
    from csto_kb.sql.records import entity_list
    from csto_kb.sql.run import Lookups

    lookups = Lookups()
    # In id order, the order entities were added in, which settles which entity a shared alias finds first.
    entities = sorted(entity_list(connection, dialect, lookups=lookups), key=lambda e: int(e["id"]))
    return Gazetteer(
        [(e["key"], lookups.display_name(e["id"]), [n["name"] for n in e["names"]]) for e in entities],
        kinds={e["key"]: e["kind"] for e in entities},
        descriptions={e["key"]: e["description"] or "" for e in entities},
    )


def extraction_language(lang: str) -> str:
    """The extractor's language for a source's tag (``ar-EG`` is read as ``ar``); refused when it has none."""
    base = lang.split("-")[0].lower()
    if base not in SUPPORTED_LANGUAGES:
        raise InvalidInput(f"lang: extraction reads {' and '.join(SUPPORTED_LANGUAGES)}, not {lang!r}")
    return base


def run_extractor(body: str, lang: str, published: str | None, *, gazetteer: Gazetteer | None) -> Extraction:
    """The extractor over ``body``, resolving speakers through the ``gazetteer`` of a knowledge base's names
    (`knowledge_base_gazetteer`), or through none."""
    from csto_kb.dates import PartialDate
    from csto_kb.extraction import extract

    language = extraction_language(lang)
    if not body.strip():
        raise InvalidInput("text: the article body is empty")
    day = None
    if published:
        parsed = PartialDate.parse(published)
        day = parsed.first_day if parsed.precision == "day" else None
    return extract(body, lang=language, published=day, gazetteer=gazetteer)


def ingest_article(uow: UnitOfWork, source: SourceIn, *, gazetteer: Gazetteer | None = None) -> IngestReport:
    """Store the source and its candidates as pending review, in one step; the same text twice is a no-op.
    A batch passes the ``gazetteer`` it built once."""
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
        if gazetteer is None:
            gazetteer = knowledge_base_gazetteer(*driver_connection(session))
        extraction = run_extractor(source.body, source.lang, source.published, gazetteer=gazetteer)
        stored = create_source(session, source)
        kinds, _ = _add_candidates(session, stored, extraction)
        report = IngestReport(
            source_id=stored.id,
            already_stored=False,
            candidates=dict(kinds),
            extractor_version=extraction.extractor_version,
        )
        uow.commit()
        return report


def extract_again(uow: UnitOfWork, source_id: int) -> IngestReport:
    """Run the extractor again over a stored source's text (after it improved, or after the source's
    metadata was corrected): candidates it already proposed at the same place are not proposed twice."""
    with uow:
        session = uow.session
        source = session.get(Source, source_id)
        if source is None:
            raise NotFound(f"source: no source has id {source_id}")
        if source.body is None:
            raise InvalidInput(f"source: source {source_id} stores no text to extract from")
        gazetteer = knowledge_base_gazetteer(*driver_connection(session))
        extraction = run_extractor(source.body, source.lang, source.published_on, gazetteer=gazetteer)
        kinds, unchanged = _add_candidates(session, source, extraction)
        report = IngestReport(
            source_id=source.id,
            already_stored=True,
            candidates=dict(kinds),
            extractor_version=extraction.extractor_version,
            unchanged=unchanged,
        )
        uow.commit()
        return report


def _add_candidates(session: Session, source: Source, extraction: Extraction) -> tuple[Counter[str], int]:
    """Store the extraction's proposals as pending candidates, except those already proposed at the same
    place of this source; the counts added per kind, and how many were there already."""
    known = {
        place(c.kind, c.payload)
        for c in session.scalars(select(Candidate).where(Candidate.source_id == source.id))
    }
    kinds: Counter[str] = Counter()
    unchanged = 0
    groups: list[tuple[str, list[Any]]] = [
        ("statement", extraction.statements),
        ("force_level", extraction.force_levels),
        ("founding", extraction.foundings),
        ("membership", extraction.memberships),
        ("event", extraction.events),
    ]
    for kind, items in groups:
        for position, item in enumerate(items):
            payload = item.model_dump(mode="json")
            if place(kind, payload) in known:
                unchanged += 1
                continue
            session.add(
                Candidate(
                    source=source,
                    kind=kind,
                    position=position,
                    payload=payload,
                    extractor_version=extraction.extractor_version,
                    confidence=item.confidence,
                )
            )
            kinds[kind] += 1
    session.flush()
    return kinds, unchanged


def _get(session: Session, candidate_id: int) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound(f"candidate: no candidate has id {candidate_id}")
    return candidate


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


def _accept_statement(
    session: Session, candidate: Candidate, by: str, *, same_as: int | None = None, distinct: bool = False
) -> ReviewOutcome:
    proposal = StatementCandidate.model_validate(candidate.payload)
    speaker = _speaker_for(session, proposal)
    data = StatementIn(
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
        about=proposal.about,
        method="extracted",
        extractor_version=candidate.extractor_version,
        confidence=proposal.confidence,
        same_as=same_as,
        distinct=distinct,
    )
    try:
        recorded = record_statement(session, data, by=by)
    except Duplicate as error:
        # Extracted again from a source that already supports the stored statement: nothing to add.
        if error.existing_id is None or error.args[0].startswith("evidence"):
            raise
        candidate.statement_id = error.existing_id
        return ReviewOutcome(
            candidate_id=candidate.id, status="accepted", statement_id=error.existing_id, linked_existing=True
        )
    candidate.statement = recorded.statement
    return ReviewOutcome(
        candidate_id=candidate.id,
        status="accepted",
        statement_id=recorded.statement.id,
        linked_existing=not recorded.new,
    )


def _accept_force_level(session: Session, candidate: Candidate, by: str) -> ReviewOutcome:
    p = candidate.payload
    if not p.get("organisation"):
        raise InvalidInput(f"candidate {candidate.id}: the figure names no organisation; edit it first")
    organisation = resolve_for_write(session, str(p["organisation"]), field="organisation")
    level = ForceLevel(
        organisation=organisation,
        # The unit as extracted is the source's own word; the figure's words are its evidence's span.
        units=[ForceLevelUnit(lang=candidate.source.lang, text=str(p["unit"]), is_original=True)],
        count=int(p["count"]),
        approximate=bool(p["approximate"]),
        readiness=str(p["readiness"]),
        as_of=candidate.source.published_on,
        note="as of the source's publication date",
    )
    session.add(level)
    attach(
        session,
        level,
        candidate.source,
        (int(p["start"]), int(p["end"])),
        method="extracted",
        by=by,
        extractor_version=candidate.extractor_version,
        confidence=candidate.confidence,
    )
    candidate.force_level = level
    return ReviewOutcome(candidate_id=candidate.id, status="accepted", force_level_id=level.id)


def _decide(session: Session, candidate: Candidate, status: str, by: str) -> None:
    if candidate.status != "pending":
        raise Conflict(f"candidate: {candidate.id} was already {candidate.status}")
    candidate.status = status
    candidate.decided_at = utcnow()
    candidate.decided_by = by


def accept(
    uow: UnitOfWork,
    ids: list[int] | None = None,
    *,
    all_from: int | None = None,
    same_as: int | None = None,
    distinct: bool = False,
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
                outcomes.append(
                    _accept_statement(session, candidate, uow.by, same_as=same_as, distinct=distinct)
                )
            elif candidate.kind == "force_level":
                outcomes.append(_accept_force_level(session, candidate, uow.by))
            elif candidate.kind in ("membership", "founding"):
                outcomes.append(_accept_fact(session, candidate, uow.by))
            else:
                raise InvalidInput(
                    f"candidate {candidate.id}: {candidate.kind} candidates are recorded for reading; "
                    "add the fact with `event add` and reject the candidate"
                )
            session.flush()
        uow.commit()
        return outcomes


def _accept_fact(session: Session, candidate: Candidate, by: str) -> ReviewOutcome:
    """A member list becomes one membership per member; a founding year, a founding event. Each goes
    through the same rules as `membership add` and `event add` (a fact stored already gets one more
    source)."""
    from csto_kb.schemas.claims import EventIn, EvidenceIn, MembershipIn, ParticipantIn
    from csto_kb.services.claims import ClaimAdded, record_event, record_membership

    p = candidate.payload
    evidence = EvidenceIn(
        source=candidate.source_id,
        text=str(p["text"]),
        span_start=int(p["start"]),
        span_end=int(p["end"]),
        method="extracted",
    )
    facts: list[str] = []

    def record(table: str, store: Callable[[], ClaimAdded]) -> None:
        try:
            facts.append(f"{table} #{store().claim_id}")
        except Duplicate as error:  # this source supports it already (extracted again): nothing to add
            facts.append(f"{table} #{error.existing_id} (stored before)")

    if candidate.kind == "membership":
        for member in p["members"]:
            data = MembershipIn(alliance=str(p["alliance"]), member=str(member), evidence=evidence)
            record("membership", lambda data=data: record_membership(session, data, by))  # type: ignore[misc]
    else:
        organisation = resolve_for_write(session, str(p["organisation"]), field="organisation")
        founding = EventIn(
            kind="founding",
            title=f"Founding of {organisation.display_name}",
            starts_on=str(p["year"]),
            participants=[ParticipantIn(entity=organisation.key, role="subject")],
            evidence=evidence,
        )
        record("event", lambda: record_event(session, founding, by))
    return ReviewOutcome(candidate_id=candidate.id, status="accepted", facts=facts)


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
    "statement": (
        "speaker",
        "speaker_mention",
        "speaker_role",
        "said_on",
        "date_text",
        "mode",
        "cue",
        "quote",
        "quote_start",
        "quote_end",
        "about",
    ),
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
        if "quote" in changes:
            # The corrected span: the words as written, found (or checked at the given offsets) in the text.
            start, end = changes.get("quote_start"), changes.get("quote_end")
            span = resolve_span(
                candidate.source,
                str(changes["quote"]),
                int(str(start)) if start is not None else None,
                int(str(end)) if end is not None else None,
                field="quote",
            )
            if span is not None:
                payload["quote_start"], payload["quote_end"] = span
        elif "quote_start" in changes or "quote_end" in changes:
            raise InvalidInput(
                "quote: give the corrected words with the offsets (--quote with --start/--end)"
            )
        if "about" in changes:
            payload["about"] = [
                resolve_for_write(session, str(name), field="about").key for name in changes["about"]
            ]
        schema = StatementCandidate if candidate.kind == "statement" else ForceFigureCandidate
        parse(schema, payload)  # refuse an edit that breaks the candidate
        candidate.payload = payload
        session.flush()
        out = CandidateOut.model_validate(candidate)
        uow.commit()
        return out
