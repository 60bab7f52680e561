"""What goes into the knowledge base about facts other than statements, and about their evidence.

Every fact is a claim that one or more sources support: each input names its source and the words that
support it (``evidence``, exactly as written, or a span); a source that stores no text needs neither.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from csto_kb.errors import InvalidInput
from csto_kb.schemas.common import LangCode, Method, Model, NonBlank, PartialDateStr

MembershipStatus = Literal[
    "member", "applicant", "observer", "partner", "suspended", "frozen", "withdrawn", "former"
]
Readiness = Literal["permanent_alert", "peacekeeping", "other"]
EventKind = Literal["founding", "incursion", "intervention", "war", "meeting", "session", "other"]
FactKind = Literal["obligation", "characterisation", "practice"]
ParticipantRole = Literal["subject", "actor", "target", "location"]


class EvidenceIn(Model):
    """Where a source supports a claim: the words as the source writes them, or their span."""

    source: int = Field(gt=0, description="the id of the source")
    text: str | None = Field(
        default=None, description="the supporting words exactly as written (located in the source's text)"
    )
    span_start: int | None = Field(default=None, ge=0)
    span_end: int | None = Field(default=None, gt=0)
    method: Method = "entered"
    note: str | None = None

    @model_validator(mode="after")
    def _span_complete(self) -> EvidenceIn:
        if (self.span_start is None) != (self.span_end is None):
            raise ValueError("span_start and span_end go together")
        if self.span_start is not None and self.span_end is not None and self.span_end <= self.span_start:
            raise ValueError("span_end must be greater than span_start")
        if self.span_start is not None and self.text is None:
            raise ValueError("a span needs the text it holds (evidence)")
        return self


def _ordered(since: str | None, until: str | None) -> None:
    if since is not None and until is not None and until < since:
        raise ValueError(f"until ({until}) is before since ({since})")


class MembershipIn(Model):
    """One episode of a state's membership: member, frozen, withdrawn … from one date to another."""

    alliance: NonBlank
    member: NonBlank
    status: MembershipStatus = "member"
    since: PartialDateStr | None = None
    until: PartialDateStr | None = None
    note: str | None = None
    evidence: EvidenceIn

    @model_validator(mode="after")
    def _dates(self) -> MembershipIn:
        _ordered(self.since, self.until)
        return self


class MembershipEdit(Model):
    status: MembershipStatus | None = None
    since: PartialDateStr | None = None
    until: PartialDateStr | None = None
    note: str | None = None


class TitledIn(Model):
    """A title in its original language, with the same title in other languages beside it."""

    title: NonBlank = Field(description="the title as the source writes it")
    title_lang: LangCode = Field(default="en", description="the language of title")
    title_ar: str | None = Field(default=None, description="the title in Arabic (as title_translations ar)")
    title_translations: dict[LangCode, NonBlank] = Field(
        default_factory=dict, description="the title in other languages, by language tag"
    )

    @model_validator(mode="after")
    def _one_title_per_language(self) -> TitledIn:
        langs = [self.title_lang, *self.title_translations]
        if self.title_ar:
            langs.append("ar")
        if len(set(langs)) != len(langs):
            raise ValueError(
                "title: one title per language (title_lang, title_ar and title_translations overlap)"
            )
        return self

    def title_rows(self) -> list[tuple[str, str, bool]]:
        """Every title given as (language, text, is the original), the original first."""
        rows = [(self.title_lang, self.title, True)]
        if self.title_ar:
            rows.append(("ar", self.title_ar, False))
        rows += [(lang, text, False) for lang, text in self.title_translations.items()]
        return rows


class RoleIn(TitledIn):
    """A person's title, in an organisation where there is one, over an interval."""

    person: NonBlank
    organisation: NonBlank | None = None
    key: str | None = Field(default=None, description="a stable key, as curated files give one")
    since: PartialDateStr | None = None
    until: PartialDateStr | None = None
    note: str | None = None
    evidence: EvidenceIn

    @model_validator(mode="after")
    def _dates(self) -> RoleIn:
        _ordered(self.since, self.until)
        return self


class RoleEdit(Model):
    title: NonBlank | None = Field(default=None, description="the original title, corrected")
    title_ar: str | None = Field(default=None, description="the Arabic title (as title_translations ar)")
    title_translations: dict[LangCode, NonBlank] = Field(
        default_factory=dict, description="the title in other languages (each created when missing)"
    )
    since: PartialDateStr | None = None
    until: PartialDateStr | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _arabic_once(self) -> RoleEdit:
        if self.title_ar and "ar" in self.title_translations:
            raise ValueError("title: one title per language (title_ar and title_translations ar overlap)")
        return self


class ForceLevelIn(Model):
    """A figure for an organisation's forces as a source gives it."""

    organisation: NonBlank
    count: int = Field(gt=0, le=2_147_483_647)
    unit: NonBlank = Field(default="troops", description="what is counted, in unit_lang: the original label")
    unit_lang: LangCode = Field(default="en", description="the language of unit")
    unit_translations: dict[LangCode, NonBlank] = Field(
        default_factory=dict, description="what is counted in other languages, by language tag"
    )
    unit_original: str | None = Field(
        default=None,
        description="the unit as the source writes it, in the source's language (the original, unit beside "
        "it); when it is the evidence's words, the evidence keeps them",
    )
    approximate: bool = False
    readiness: Readiness = "other"
    as_of: PartialDateStr | None = None
    statement_id: int | None = Field(default=None, description="the statement that gives the figure")
    note: str | None = None
    evidence: EvidenceIn

    @model_validator(mode="after")
    def _one_unit_per_language(self) -> ForceLevelIn:
        if self.unit_lang in self.unit_translations:
            raise ValueError(f"unit: one unit per language ({self.unit_lang} is given twice)")
        return self

    def unit_rows(self, source_lang: str) -> list[tuple[str, str, bool]]:
        """Every label given as (language, text, is the original), the original first.

        ``unit_original`` is the label in ``source_lang`` (the evidence's source's language) and the original,
        unless it is the evidence's words themselves (the figure as the source writes it), which the evidence
        keeps, or the unit again."""
        rows = [(self.unit_lang, self.unit, True)]
        written = (self.unit_original or "").strip()
        if written and written != self.unit.strip() and written != (self.evidence.text or "").strip():
            if source_lang == self.unit_lang or source_lang in self.unit_translations:
                raise InvalidInput(
                    f"unit_original: one unit per language (the source's language, {source_lang}, is given "
                    "twice)"
                )
            rows = [(source_lang, written, True), (self.unit_lang, self.unit, False)]
        return rows + [(lang, text, False) for lang, text in self.unit_translations.items()]


class ForceLevelEdit(Model):
    count: int | None = Field(default=None, gt=0, le=2_147_483_647)
    unit: NonBlank | None = Field(default=None, description="the original label, corrected")
    unit_translations: dict[LangCode, NonBlank] = Field(
        default_factory=dict, description="the label in other languages (each created when missing)"
    )
    approximate: bool | None = None
    readiness: Readiness | None = None
    as_of: PartialDateStr | None = None
    note: str | None = None


class ParticipantIn(Model):
    entity: NonBlank
    role: ParticipantRole = "actor"


class EventIn(TitledIn):
    """Something that happened over a (partial) date interval, with who took part in it and how."""

    kind: EventKind
    key: str | None = Field(default=None, description="a stable key, as curated files give one")
    starts_on: PartialDateStr | None = None
    ends_on: PartialDateStr | None = None
    date_text: str = ""
    participants: list[ParticipantIn] = Field(default_factory=list)
    note: str | None = None
    evidence: EvidenceIn

    @model_validator(mode="after")
    def _dates(self) -> EventIn:
        _ordered(self.starts_on, self.ends_on)
        return self


class EventEdit(Model):
    kind: EventKind | None = None
    title: NonBlank | None = Field(default=None, description="the original title, corrected")
    title_translations: dict[LangCode, NonBlank] = Field(
        default_factory=dict, description="the title in other languages (each created when missing)"
    )
    starts_on: PartialDateStr | None = None
    ends_on: PartialDateStr | None = None
    date_text: str | None = None
    note: str | None = None


class OrganisationFactIn(Model):
    """A fact about an organisation in words: an obligation, a characterisation, a standing practice."""

    subject: NonBlank
    kind: FactKind
    text: NonBlank = Field(description="the fact as the source writes it")
    lang: LangCode = Field(description="the language of text")
    text_en: str | None = Field(default=None, description="the fact in English (as text_translations en)")
    text_translations: dict[LangCode, NonBlank] = Field(
        default_factory=dict, description="the fact in other languages, by language tag"
    )
    statement_id: int | None = Field(default=None, description="the statement that states the fact")
    note: str | None = None
    evidence: EvidenceIn

    @model_validator(mode="after")
    def _one_text_per_language(self) -> OrganisationFactIn:
        langs = [self.lang, *self.text_translations]
        if self.text_en and not (self.lang == "en" and self.text_en == self.text):
            langs.append("en")
        if len(set(langs)) != len(langs):
            raise ValueError("text: one text per language (lang, text_en and text_translations overlap)")
        return self

    def text_rows(self) -> list[tuple[str, str, bool]]:
        """Every text given as (language, text, is the original), the original first."""
        rows = [(self.lang, self.text, True)]
        if self.text_en and not (self.lang == "en" and self.text_en == self.text):
            rows.append(("en", self.text_en, False))
        rows += [(lang, text, False) for lang, text in self.text_translations.items()]
        return rows


class OrganisationFactEdit(Model):
    kind: FactKind | None = None
    text: NonBlank | None = Field(default=None, description="the original text, corrected")
    text_en: str | None = Field(default=None, description="the English text (created when missing)")
    text_translations: dict[LangCode, NonBlank] = Field(
        default_factory=dict, description="the text in other languages (each created when missing)"
    )
    note: str | None = None
