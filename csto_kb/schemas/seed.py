"""The curated seed files: entities.yaml and one YAML file of facts per article (see seeds/)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from csto_kb.schemas.claims import MembershipStatus
from csto_kb.schemas.common import LangCode, Mode, Model, NonBlank, PartialDateStr

_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _key(value: str) -> str:
    if not _KEY.match(value):
        raise ValueError(f"expected a lowercase slug such as nikol-pashinyan, got {value!r}")
    return value


Key = Annotated[str, AfterValidator(_key)]
EntityKind = Literal[
    "country", "alliance", "organisation", "body", "ministry", "legislature", "media", "person"
]


class NameSeed(Model):
    name: NonBlank
    lang: LangCode


class EntitySeed(Model):
    key: Key
    kind: EntityKind
    part_of: Key | None = None
    description: str | None = None
    names: list[NameSeed] = Field(min_length=1)
    external_ids: dict[str, str] = Field(
        default_factory=dict, description="identifiers in other knowledge bases: {wikidata: Q399}"
    )


class EntitiesFile(Model):
    entities: list[EntitySeed]


class Span(Model):
    """Where the article states the fact: offsets into the text, and the text itself as a check."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: NonBlank


class Evidenced(Model):
    evidence: Span
    note: str | None = None


class SourceSeed(Model):
    file: NonBlank
    publisher: Key | None = None
    title: str | None = None
    url: str | None = None
    lang: LangCode
    published: PartialDateStr | None = None
    published_basis: Literal["stated", "inferred", "unknown"] = "unknown"
    published_note: str | None = None


class RoleSeed(Evidenced):
    key: Key
    person: Key
    organisation: Key | None = None
    title: NonBlank
    title_lang: LangCode = "en"
    title_ar: str | None = None
    title_translations: dict[LangCode, NonBlank] = Field(default_factory=dict)
    since: PartialDateStr | None = None
    until: PartialDateStr | None = None


class MembershipSeed(Evidenced):
    alliance: Key
    member: Key
    status: MembershipStatus
    since: PartialDateStr | None = None
    until: PartialDateStr | None = None


class ParticipantSeed(Model):
    entity: Key
    role: Literal["subject", "actor", "target", "location"]


class EventSeed(Evidenced):
    key: Key
    kind: Literal["founding", "incursion", "intervention", "war", "meeting", "session", "other"]
    title: NonBlank
    title_lang: LangCode = "en"
    title_ar: str | None = None
    title_translations: dict[LangCode, NonBlank] = Field(default_factory=dict)
    starts_on: PartialDateStr | None = None
    ends_on: PartialDateStr | None = None
    date_text: str = ""
    participants: list[ParticipantSeed] = Field(default_factory=list)


class OrganisationFactSeed(Evidenced):
    subject: Key
    kind: Literal["obligation", "characterisation", "practice"]
    text: NonBlank
    text_en: str | None = None
    text_translations: dict[LangCode, NonBlank] = Field(default_factory=dict)
    statement: str | None = None


class ForceLevelSeed(Evidenced):
    organisation: Key
    unit: NonBlank
    unit_ar: str | None = None
    count: int = Field(gt=0, le=2_147_483_647)  # the column is a 32-bit integer on PostgreSQL
    approximate: bool = False
    readiness: Literal["permanent_alert", "peacekeeping", "other"]
    as_of: PartialDateStr | None = None
    statement: str | None = None


class StatementSeed(Model):
    id: NonBlank
    speaker: Key
    speaker_mention: str = ""
    role: Key | None = None
    role_text: str = ""
    cue: str = ""
    mode: Mode
    quote: NonBlank
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    said_on: PartialDateStr | None = None
    date_text: str = ""
    venue: str | None = None
    about: list[Key] = Field(default_factory=list)
    translation: str | None = None
    note: str | None = None


class ArticleFile(Model):
    """One curated article: its source, the entities it brings, and every fact and statement it supports."""

    source: SourceSeed
    entities: list[EntitySeed] = Field(default_factory=list)
    roles: list[RoleSeed] = Field(default_factory=list)
    memberships: list[MembershipSeed] = Field(default_factory=list)
    events: list[EventSeed] = Field(default_factory=list)
    organisation_facts: list[OrganisationFactSeed] = Field(default_factory=list)
    force_levels: list[ForceLevelSeed] = Field(default_factory=list)
    statements: list[StatementSeed] = Field(default_factory=list)
