"""The fact sheet: everything the knowledge base holds about one alliance, every line cited."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from csto_kb.schemas.entities import NameOut
from csto_kb.schemas.facts import EventOut, ForceLevelOut, MembershipOut, OrganisationFactOut
from csto_kb.schemas.statements import StatementOut

FACTSHEET_SCHEMA_VERSION: Literal[1] = 1


class AllianceOut(BaseModel):
    id: int
    key: str
    name_en: str | None
    name_ar: str | None
    names: list[NameOut]
    description: str | None


class CitedSource(BaseModel):
    """A source in the fact sheet's numbered list."""

    number: int
    id: int
    label: str
    publisher: str | None
    title: str | None
    url: str | None
    lang: str
    published_on: str | None
    published_basis: str
    published_note: str | None
    sha256: str | None


class FactSheet(BaseModel):
    """Version 1 of the fact sheet; the JSON export is this model, validated."""

    schema_version: Literal[1] = FACTSHEET_SCHEMA_VERSION
    generated_at: dt.datetime
    as_of: str | None
    alliance: AllianceOut
    founding: list[EventOut]
    members: list[MembershipOut]
    obligations: list[OrganisationFactOut]
    characterisations: list[OrganisationFactOut]
    practices: list[OrganisationFactOut]
    forces: list[ForceLevelOut]
    events: list[EventOut]
    statements: list[StatementOut]
    sources: list[CitedSource]

    def source_number(self, source_id: int) -> int:
        return next(s.number for s in self.sources if s.id == source_id)
