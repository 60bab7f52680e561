"""The fact sheet: everything the knowledge base holds about one alliance, every line cited."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from csto_kb.languages import LangText, Reading, read_name
from csto_kb.schemas.entities import NameOut
from csto_kb.schemas.facts import EventOut, ForceLevelOut, MembershipOut, OrganisationFactOut
from csto_kb.schemas.statements import EntityRef, StatementOut

FACTSHEET_SCHEMA_VERSION: Literal[5] = 5
"""Version 5 (from 4): force levels lose ``unit_original`` and gain ``units`` (what is counted in every
language held, ``lang``, ``text``, ``is_original``, as titles), ``unit_lang`` (the language of ``unit``, which is
the original label, as before) and ``wording`` with ``wording_lang`` (the figure as its first source writes it:
that evidence's words, which the seed's and extracted figures held in ``unit_original``).

Version 4 (from 3): any language. The new ``lang`` is the sheet's reading language (``--lang``, ``en`` by
default): a name, a title or a quote is shown in it, else in English, else in its original, with the
original beside (`csto_kb.languages`). The new ``entity_names`` holds every name of every entity the sheet
refers to, by entity id, each with its language tag, so a reader of any language finds its names. Roles and
events lose ``title_ar`` and gain ``titles`` (``lang``, ``text``, ``is_original``: one per language held);
their ``title`` is the original title, as before. Organisation facts likewise lose ``text_en`` and gain
``texts`` (the fact in every language held, the original among them); their ``text`` and ``lang`` are the
original's, as before. ``statement_selection`` gains ``counted_all``: a sheet counts
up to 100,000 matching statements, and past that says "more than" (its counts are then lower bounds).

Version 3 (from 2): the sheet is a summary. ``statements`` holds the statements its rule selects, not
every one; the new ``statement_selection`` states that rule (``latest``: everything the alliance's own
officials said and the latest few of every other speaker, each part capped; or ``all``), how many statements
match in all, how many of each shown speaker's are shown, and the commands that list them all. A source's
``number`` is now its database id (it was its position in the list), so citations read the same in every
sheet and in ``source show``.

Version 2 (from 1): every statement and fact carries ``evidence``, the list of every source supporting it
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

    number: int = Field(description="the number its citations show: the source's database id")
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


class SpeakerCount(BaseModel):
    """How many of one speaker's statements match the sheet, and how many of them it shows."""

    speaker: EntityRef
    official: bool = Field(
        description="the speaker is the alliance, one of its bodies, or holds a role in it"
    )
    matching: int
    shown: int


class StatementSelection(BaseModel):
    """Which of the alliance's statements the sheet shows, and what it leaves out."""

    rule: Literal["latest", "all"] = Field(
        description="latest: everything the alliance's officials said (the latest `limit`) and the latest "
        "`per_speaker` of every other speaker (the latest `limit` of those); all: every statement"
    )
    per_speaker: int | None = Field(
        description="latest rule: statements shown per speaker outside the alliance"
    )
    limit: int | None = Field(description="latest rule: the cap on officials' statements, and on the others'")
    matching: int = Field(description="statements about the alliance or by its officials (by the as-of date)")
    by_officials: int = Field(description="of those, statements by the alliance's officials")
    speakers: int = Field(description="distinct speakers of the matching statements")
    counted_all: bool = Field(
        default=True,
        description="false when more statements match than a sheet counts (100,000): matching, by_officials "
        "and speakers are then lower bounds",
    )
    shown: int
    speaker_counts: list[SpeakerCount] = Field(
        description="each speaker shown, officials first, then by name"
    )
    full_export: list[str] = Field(description="commands that list every matching statement")

    @property
    def hidden(self) -> int:
        return self.matching - self.shown


class FactSheet(BaseModel):
    """Version 5 of the fact sheet; the JSON export is this model, validated."""

    schema_version: Literal[5] = FACTSHEET_SCHEMA_VERSION
    generated_at: dt.datetime
    as_of: str | None
    lang: str = Field(default="en", description="the reading language: names, titles and quotes in it first")
    alliance: AllianceOut
    founding: list[EventOut]
    members: list[MembershipOut]
    obligations: list[OrganisationFactOut]
    characterisations: list[OrganisationFactOut]
    practices: list[OrganisationFactOut]
    forces: list[ForceLevelOut]
    events: list[EventOut]
    statements: list[StatementOut]
    statement_selection: StatementSelection
    sources: list[CitedSource]
    entity_names: dict[int, list[NameOut]] = Field(
        default_factory=dict, description="every name of every entity the sheet refers to, by entity id"
    )

    def name_reading(self, entity_id: int, key: str) -> Reading:
        """An entity's name for this sheet's reader (`csto_kb.languages.read`): the primary name counts as
        the original; the key stands in for an entity with no name."""
        names = self.entity_names.get(entity_id, [])
        return read_name([LangText(n.lang, n.name, n.is_primary) for n in names], self.lang, key)

    def source_number(self, source_id: int) -> int:
        """The number a citation of the source shows: the source's database id."""
        return source_id
