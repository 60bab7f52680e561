"""What comes out of the knowledge base about memberships, forces, events and organisation facts."""

from __future__ import annotations

from pydantic import Field, model_validator

from csto_kb.schemas.common import OutModel, claim_view
from csto_kb.schemas.statements import EntityRef, EvidenceOut, TitleOut


class Citation(OutModel):
    """Where a fact comes from: every source supporting it, and the first one's source and span."""

    evidence: list[EvidenceOut] = Field(description="every source supporting it, oldest first")
    source_id: int
    span_start: int | None
    span_end: int | None
    method: str
    note: str | None

    _from_claim = model_validator(mode="before")(claim_view)


class MembershipOut(Citation):
    id: int
    alliance: EntityRef
    member: EntityRef
    status: str
    valid_from: str | None
    valid_to: str | None


class ForceLevelOut(Citation):
    id: int
    organisation: EntityRef
    unit: str = Field(description="what is counted, as first recorded (the original label), in its language")
    unit_lang: str = Field(description="the language of the original label")
    units: list[TitleOut] = Field(description="the label in every language held, the original among them")
    wording: str | None = Field(
        description="the figure as its first source writes it (its evidence's words), when that source "
        "stores its text"
    )
    wording_lang: str | None = Field(description="the language of wording: its source's")
    count: int
    approximate: bool
    readiness: str
    as_of: str | None
    statement_id: int | None
    asserted_by: EntityRef | None


class ParticipantOut(OutModel):
    entity: EntityRef
    role: str


class EventOut(Citation):
    id: int
    key: str | None
    kind: str
    title: str = Field(description="the original title, in its own language")
    titles: list[TitleOut] = Field(description="the title in every language held, the original among them")
    starts_on: str | None
    ends_on: str | None
    date_text: str
    participants: list[ParticipantOut]


class OrganisationFactOut(Citation):
    id: int
    subject: EntityRef
    kind: str
    text: str = Field(description="the fact as the source wrote it (the original), in its own language")
    lang: str = Field(description="the language of the original text")
    texts: list[TitleOut] = Field(description="the fact in every language held, the original among them")
    statement_id: int | None


class RoleFactOut(Citation):
    """A person's role as a fact of its own, with its evidence."""

    id: int
    person: EntityRef
    organisation: EntityRef | None
    title: str = Field(description="the original title, in its own language")
    titles: list[TitleOut] = Field(description="the title in every language held, the original among them")
    valid_from: str | None
    valid_to: str | None
