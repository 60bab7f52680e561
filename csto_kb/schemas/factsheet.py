"""The fact sheet: everything the knowledge base holds about one alliance, every line cited."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from csto_kb.schemas.entities import NameOut
from csto_kb.schemas.facts import EventOut, ForceLevelOut, MembershipOut, OrganisationFactOut
from csto_kb.schemas.statements import StatementOut

FACTSHEET_SCHEMA_VERSION: Literal[2] = 2
"""Version 2 (from 1): every statement and fact carries ``evidence``, the list of every source supporting it
(source, span, method, extractor version, confidence, who recorded it and when), oldest first; its
``source``/``source_id``, ``span_start``, ``span_end`` and ``method`` are those of the first evidence, as in
version 1. Statements gain ``said_on_basis`` (``stated``, or ``not_after`` when ``said_on`` is only its
source's publication date). Membership statuses gain applicant, partner, frozen and withdrawn."""


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
    """Version 2 of the fact sheet; the JSON export is this model, validated."""

    schema_version: Literal[2] = FACTSHEET_SCHEMA_VERSION
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
