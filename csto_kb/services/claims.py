"""Adding, correcting and retracting the facts other than statements: memberships, roles, force figures,
events and organisation facts, each with its evidence.

A fact that is already stored (the same episode, role, figure, event or text) is not stored twice: the new
source becomes one more evidence of it, as for statements. Corrections and retractions go through the
unit of work, so the change log keeps every earlier value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.db import history
from csto_kb.db.constants import CLAIM_NAMES
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import Conflict, Duplicate, InvalidInput, NotFound
from csto_kb.model import (
    Entity,
    Event,
    EventParticipant,
    EventTitle,
    Evidence,
    ForceLevel,
    ForceLevelUnit,
    Membership,
    OrganisationFact,
    OrganisationFactText,
    Role,
    RoleTitle,
)
from csto_kb.model.base import Evidenced, utcnow
from csto_kb.schemas.claims import (
    EventEdit,
    EventIn,
    EvidenceIn,
    ForceLevelEdit,
    ForceLevelIn,
    MembershipEdit,
    MembershipIn,
    OrganisationFactEdit,
    OrganisationFactIn,
    RoleEdit,
    RoleIn,
)
from csto_kb.schemas.facts import EventOut, ForceLevelOut, MembershipOut, OrganisationFactOut, RoleFactOut
from csto_kb.services.entities import resolve_for_write
from csto_kb.services.evidence import attach, evidence_from, get_source, resolve_span
from csto_kb.services.evidence import retract_evidence as _retract_evidence
from csto_kb.services.statement_rules import dates_compatible
from csto_kb.text import normalise_for_search

Claim = TypeVar("Claim", bound=Evidenced)

ALLIANCE_KINDS = ("alliance", "organisation", "body")
MEMBER_KINDS = ("country", "organisation", "alliance", "body")


@dataclass(frozen=True)
class ClaimKind:
    """How one kind of fact is named on the command line, stored, and shown."""

    name: str
    model: type[Evidenced]
    out: type[BaseModel]


KINDS: dict[str, ClaimKind] = {
    table: ClaimKind(CLAIM_NAMES[table], model, out)
    for table, model, out in (
        ("membership", Membership, MembershipOut),
        ("role", Role, RoleFactOut),
        ("force_level", ForceLevel, ForceLevelOut),
        ("event", Event, EventOut),
        ("organisation_fact", OrganisationFact, OrganisationFactOut),
    )
}


@dataclass(frozen=True)
class ClaimAdded:
    """What adding did: a new fact, or one more source for a stored one (``new`` false)."""

    table: str
    claim: BaseModel
    claim_id: int
    evidence_id: int
    sources: int
    new: bool


def _entity(session: Session, name: str, field: str, kinds: tuple[str, ...]) -> Entity:
    entity = resolve_for_write(session, name, field=field)
    if entity.kind not in kinds:
        raise InvalidInput(
            f"{field}: {entity.display_name} is a {entity.kind}, expected one of {', '.join(kinds)}"
        )
    return entity


def _evidence(session: Session, claim: Evidenced, given: EvidenceIn, by: str) -> Evidence:
    source = get_source(session, given.source)
    if given.text is None and source.body is not None:
        raise InvalidInput(
            f"evidence: source {source.id} stores its text; give the words that support the fact, as written"
        )
    span = (
        resolve_span(source, given.text, given.span_start, given.span_end, field="evidence")
        if given.text
        else None
    )
    return attach(session, claim, source, span, method=given.method, by=by, note=given.note)


def _store(
    session: Session,
    by: str,
    table: str,
    given: EvidenceIn,
    existing: Callable[[Session], Evidenced | None],
    build: Callable[[Session], Evidenced],
) -> ClaimAdded:
    """Store a new fact with its evidence, or the evidence alone when the same fact is stored already."""
    kind = KINDS[table]
    claim = existing(session)
    new = claim is None
    if claim is None:
        claim = build(session)
        session.add(claim)
        session.flush()
    elif evidence_from(claim, get_source(session, given.source)) is not None:
        raise Duplicate(
            f"{table}: the same {kind.name} from source {given.source} is stored as #{claim.id}", claim.id
        )
    evidence = _evidence(session, claim, given, by)
    out = kind.out.model_validate(claim)
    return ClaimAdded(table, out, claim.id, evidence.id, len(claim.live_evidence), new)


def in_transaction(
    record: Callable[[Session, Any, str], ClaimAdded],
) -> Callable[[UnitOfWork, Any], ClaimAdded]:
    """The one-transaction form of a ``record_…`` function, for callers that add one fact."""

    def add(uow: UnitOfWork, data: Any) -> ClaimAdded:
        with uow:
            added = record(uow.session, data, uow.by)
            uow.commit()
            return added

    add.__doc__ = record.__doc__
    return add


def _live(session: Session, model: type[Claim], *where: Any) -> Claim | None:
    query = select(model).where(model.retracted_at.is_(None), *where).order_by(model.id)
    return session.scalars(query).first()


# --- adding -------------------------------------------------------------------------------------------------


def record_membership(session: Session, data: MembershipIn, by: str) -> ClaimAdded:
    """Record one episode of a membership (member, frozen, withdrawn …) with its evidence."""

    def parties(session: Session) -> tuple[Entity, Entity]:
        alliance = _entity(session, data.alliance, "alliance", ALLIANCE_KINDS)
        member = _entity(session, data.member, "member", MEMBER_KINDS)
        if alliance.id == member.id:
            raise InvalidInput("member: an alliance is not a member of itself")
        return alliance, member

    def existing(session: Session) -> Membership | None:
        # The same episode: same parties and status, and a start that can be the same day (one unknown,
        # or one a coarser form of the other: "2002" and "2002-05-14").
        alliance, member = parties(session)
        episodes = session.scalars(
            select(Membership)
            .where(
                Membership.alliance_id == alliance.id,
                Membership.member_id == member.id,
                Membership.status == data.status,
                Membership.retracted_at.is_(None),
            )
            .order_by(Membership.id)
        )
        return next(
            (m for m in episodes if dates_compatible(m.valid_from, "stated", data.since, "stated")), None
        )

    def build(session: Session) -> Membership:
        alliance, member = parties(session)
        return Membership(
            alliance=alliance,
            member=member,
            status=data.status,
            valid_from=data.since,
            valid_to=data.until,
            note=data.note,
            evidence=[],
        )

    return _store(session, by, "membership", data.evidence, existing, build)


def record_role(session: Session, data: RoleIn, by: str) -> ClaimAdded:
    """Record a person's title (in an organisation) over an interval, with its evidence."""

    def parties(session: Session) -> tuple[Entity, Entity | None]:
        person = _entity(session, data.person, "person", ("person",))
        organisation = (
            resolve_for_write(session, data.organisation, field="organisation") if data.organisation else None
        )
        return person, organisation

    def existing(session: Session) -> Role | None:
        person, organisation = parties(session)
        for role in session.scalars(
            select(Role).where(Role.person_id == person.id, Role.retracted_at.is_(None)).order_by(Role.id)
        ):
            same_title = normalise_for_search(role.title) == normalise_for_search(data.title)
            if (
                same_title
                and role.organisation_id == (organisation.id if organisation else None)
                and (role.valid_from == data.since)
            ):
                return role
        return None

    def build(session: Session) -> Role:
        person, organisation = parties(session)
        return Role(
            key=data.key,
            person=person,
            organisation=organisation,
            titles=[RoleTitle(lang=lang, text=text, is_original=o) for lang, text, o in data.title_rows()],
            valid_from=data.since,
            valid_to=data.until,
            note=data.note,
            evidence=[],
        )

    return _store(session, by, "role", data.evidence, existing, build)


def record_force_level(session: Session, data: ForceLevelIn, by: str) -> ClaimAdded:
    """Record a force figure as a source gives it; figures that disagree are kept side by side."""

    def existing(session: Session) -> ForceLevel | None:
        organisation = resolve_for_write(session, data.organisation, field="organisation")
        return _live(
            session,
            ForceLevel,
            ForceLevel.organisation_id == organisation.id,
            ForceLevel.count == data.count,
            ForceLevel.readiness == data.readiness,
            ForceLevel.as_of.is_(None) if data.as_of is None else ForceLevel.as_of == data.as_of,
        )

    def build(session: Session) -> ForceLevel:
        # A unit as the source writes it is in the source's language.
        source_lang = get_source(session, data.evidence.source).lang
        return ForceLevel(
            organisation=resolve_for_write(session, data.organisation, field="organisation"),
            count=data.count,
            units=[
                ForceLevelUnit(lang=lang, text=text, is_original=o)
                for lang, text, o in data.unit_rows(source_lang)
            ],
            approximate=data.approximate,
            readiness=data.readiness,
            as_of=data.as_of,
            statement_id=data.statement_id,
            note=data.note,
            evidence=[],
        )

    return _store(session, by, "force_level", data.evidence, existing, build)


def record_event(session: Session, data: EventIn, by: str) -> ClaimAdded:
    """Record an event with its participants and evidence."""

    def existing(session: Session) -> Event | None:
        for event in session.scalars(
            select(Event).where(Event.kind == data.kind, Event.retracted_at.is_(None)).order_by(Event.id)
        ):
            if event.starts_on == data.starts_on and normalise_for_search(
                event.title
            ) == normalise_for_search(data.title):
                return event
        return None

    def build(session: Session) -> Event:
        participants = [
            EventParticipant(entity=resolve_for_write(session, p.entity, field="participant"), role=p.role)
            for p in data.participants
        ]
        seen = {(p.entity.id, p.role) for p in participants}
        if len(seen) != len(participants):
            raise InvalidInput("participant: the same entity is given twice in the same part")
        return Event(
            key=data.key,
            kind=data.kind,
            titles=[EventTitle(lang=lang, text=text, is_original=o) for lang, text, o in data.title_rows()],
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            date_text=data.date_text,
            participants=participants,
            note=data.note,
            evidence=[],
        )

    return _store(session, by, "event", data.evidence, existing, build)


def record_organisation_fact(session: Session, data: OrganisationFactIn, by: str) -> ClaimAdded:
    """Record an obligation, characterisation or practice of an organisation, with its evidence."""

    def existing(session: Session) -> OrganisationFact | None:
        subject = resolve_for_write(session, data.subject, field="subject")
        norm = normalise_for_search(data.text)
        for fact in session.scalars(
            select(OrganisationFact).where(
                OrganisationFact.subject_id == subject.id,
                OrganisationFact.kind == data.kind,
                OrganisationFact.retracted_at.is_(None),
            )
        ):
            if any(normalise_for_search(t.text) == norm for t in fact.texts if t.is_original):
                return fact
        return None

    def build(session: Session) -> OrganisationFact:
        return OrganisationFact(
            subject=resolve_for_write(session, data.subject, field="subject"),
            kind=data.kind,
            texts=[
                OrganisationFactText(lang=lang, text=text, is_original=o)
                for lang, text, o in data.text_rows()
            ],
            statement_id=data.statement_id,
            note=data.note,
            evidence=[],
        )

    return _store(session, by, "organisation_fact", data.evidence, existing, build)


add_membership = in_transaction(record_membership)
add_role = in_transaction(record_role)
add_force_level = in_transaction(record_force_level)
add_event = in_transaction(record_event)
add_organisation_fact = in_transaction(record_organisation_fact)


# --- correcting, retracting ---------------------------------------------------------------------------------


_EDIT_COLUMNS: dict[str, dict[str, str]] = {
    "membership": {"status": "status", "since": "valid_from", "until": "valid_to", "note": "note"},
    "role": {
        "since": "valid_from",
        "until": "valid_to",
        "note": "note",
    },
    "force_level": {
        "count": "count",
        "approximate": "approximate",
        "readiness": "readiness",
        "as_of": "as_of",
        "note": "note",
    },
    "event": {
        "kind": "kind",
        "starts_on": "starts_on",
        "ends_on": "ends_on",
        "date_text": "date_text",
        "note": "note",
    },
    "organisation_fact": {"kind": "kind", "note": "note"},
}
# Edits of a title: the original's text (None), or the title in one language (created when missing).
_EDIT_TITLES: dict[str, str | None] = {"title": None, "title_ar": "ar"}


# Edits of an organisation fact's words, as of a title: the original's text (None), or one language's.
_EDIT_TEXTS: dict[str, str | None] = {"text": None, "text_en": "en"}


def _set_text(fact: OrganisationFact, lang: str | None, text: str) -> None:
    current = fact.original_text if lang is None else next((t for t in fact.texts if t.lang == lang), None)
    if current is not None:
        current.text = text
    else:
        fact.texts.append(OrganisationFactText(lang=lang or "en", text=text, is_original=not fact.texts))


def _set_unit(force: ForceLevel, lang: str | None, text: str) -> None:
    """Correct a figure's label: the original's (``lang`` None) or one language's, created when missing."""
    current = force.original_unit if lang is None else next((u for u in force.units if u.lang == lang), None)
    if current is not None:
        current.text = text
    else:
        force.units.append(ForceLevelUnit(lang=lang or "en", text=text, is_original=not force.units))


def _set_title(claim: Evidenced, lang: str | None, text: str) -> None:
    assert isinstance(claim, Role | Event)
    row_class = RoleTitle if isinstance(claim, Role) else EventTitle
    rows: list[RoleTitle] | list[EventTitle] = claim.titles
    current = claim.original_title if lang is None else next((t for t in rows if t.lang == lang), None)
    if current is not None:
        current.text = text
    else:
        claim.titles.append(row_class(lang=lang or "en", text=text, is_original=not rows))  # type: ignore[arg-type]


# A claim's language rows: the field that corrects the original, and the one that adds or corrects a language.
_LANGUAGE_ROWS = {"title": "title_translations", "unit": "unit_translations", "text": "text_translations"}


def _original_given_twice(claim: Evidenced, given: dict[str, Any]) -> None:
    """Refuse an edit that corrects the original twice: with its own field and as a translation in its
    language (which would win would depend on the order they are applied in)."""
    original = (
        claim.original_title
        if isinstance(claim, Role | Event)
        else claim.original_unit
        if isinstance(claim, ForceLevel)
        else claim.original_text
        if isinstance(claim, OrganisationFact)
        else None
    )
    for field, translations in _LANGUAGE_ROWS.items():
        if original is not None and field in given and original.lang in given.get(translations, {}):
            raise InvalidInput(
                f"{translations}: {original.lang} is the original's language, corrected with {field}; "
                "give it once"
            )


_INTERVALS = {
    "membership": ("valid_from", "valid_to"),
    "role": ("valid_from", "valid_to"),
    "event": ("starts_on", "ends_on"),
}


def _get(session: Session, table: str, claim_id: int) -> Evidenced:
    kind = KINDS[table]
    claim = session.get(kind.model, claim_id)
    if claim is None:
        raise NotFound(f"{table}: no {kind.name} has id {claim_id}")
    return claim


def edit_claim(
    uow: UnitOfWork,
    table: str,
    claim_id: int,
    edit: MembershipEdit | RoleEdit | ForceLevelEdit | EventEdit | OrganisationFactEdit,
) -> BaseModel:
    """Correct a fact in place; the change log keeps the values it replaces."""
    given = {k: v for k, v in edit.model_dump(exclude_unset=True).items() if v is not None and v != {}}
    if not given:
        raise InvalidInput("edit: give at least one field to change")
    with uow:
        claim = _get(uow.session, table, claim_id)
        if claim.retracted_at is not None:
            raise Conflict(f"{table}: #{claim_id} is retracted; add a new one instead")
        _original_given_twice(claim, given)
        for field, value in given.items():
            if field in _EDIT_TITLES:
                _set_title(claim, _EDIT_TITLES[field], value)
            elif isinstance(claim, Role | Event) and field == "title_translations":
                for lang, text in value.items():
                    _set_title(claim, lang, text)
            elif isinstance(claim, OrganisationFact) and field in _EDIT_TEXTS:
                _set_text(claim, _EDIT_TEXTS[field], value)
            elif isinstance(claim, OrganisationFact) and field == "text_translations":
                for lang, text in value.items():
                    _set_text(claim, lang, text)
            elif isinstance(claim, ForceLevel) and field in ("unit", "unit_translations"):
                for lang, text in ({None: value} if field == "unit" else value).items():
                    _set_unit(claim, lang, text)
            else:
                setattr(claim, _EDIT_COLUMNS[table][field], value)
        if table in _INTERVALS:
            start, end = (getattr(claim, c) for c in _INTERVALS[table])
            if start is not None and end is not None and end < start:
                raise InvalidInput(f"until: {end} is before since ({start})")
        uow.session.flush()
        out = KINDS[table].out.model_validate(claim)
        uow.commit()
        return out


def retract_claim(uow: UnitOfWork, table: str, claim_id: int, reason: str) -> BaseModel:
    """Take a fact out of default queries; it stays stored, with its history."""
    if not reason.strip():
        raise InvalidInput("reason: say why it is retracted")
    with uow:
        claim = _get(uow.session, table, claim_id)
        if claim.retracted_at is not None:
            raise Conflict(f"{table}: #{claim_id} was already retracted on {claim.retracted_at:%Y-%m-%d}")
        history.give_reason(uow.session, reason)
        claim.retracted_at = utcnow()
        claim.retracted_reason = reason
        uow.session.flush()
        out = KINDS[table].out.model_validate(claim)
        uow.commit()
        return out


def add_evidence(uow: UnitOfWork, table: str, claim_id: int, given: EvidenceIn) -> int:
    """One more source for a stored fact or statement; the new evidence's id."""
    with uow:
        if table == "statement":
            from csto_kb.model import Statement

            claim: Evidenced | None = uow.session.get(Statement, claim_id)
            if claim is None:
                raise NotFound(f"statement: no statement has id {claim_id}")
        else:
            claim = _get(uow.session, table, claim_id)
        if evidence_from(claim, get_source(uow.session, given.source)) is not None:
            raise Conflict(f"evidence: source {given.source} already supports {table} #{claim_id}")
        evidence = _evidence(uow.session, claim, given, uow.by)
        uow.commit()
        return evidence.id


def retract_evidence(uow: UnitOfWork, evidence_id: int, reason: str) -> Evidence:
    """Withdraw one source's support for a claim (the claim keeps its other sources)."""
    with uow:
        evidence = _retract_evidence(uow.session, evidence_id, reason)
        uow.commit()
        return evidence
