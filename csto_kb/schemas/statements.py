"""What goes into and comes out of the knowledge base about statements."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from csto_kb.schemas.common import (
    LangCode,
    Method,
    Mode,
    Model,
    NonBlank,
    OutModel,
    PartialDateStr,
    claim_view,
)


def _translator_needs_translation(translator: str | None, translation: str | None) -> None:
    # A translator alone would be dropped: there is no translation to credit.
    if translator is not None and translation is None:
        raise ValueError(
            "translator: give the translation too (--translation); a translator alone is kept nowhere"
        )


class StatementIn(Model):
    """A new statement, as given on the command line, in a JSON/YAML file, or by an extractor."""

    speaker: NonBlank = Field(description="the speaker's name or alias, in any script, or an entity key")
    quote: NonBlank = Field(description="the quote exactly as the source writes it, in its original language")
    lang: LangCode
    source: int = Field(description="the id of the source that reports the statement", gt=0)
    said_on: PartialDateStr | None = None
    date_text: str = ""
    mode: Mode = "direct"
    cue: str = ""
    venue: str | None = None
    speaker_mention: str = ""
    role_text: str = ""
    role: int | None = Field(
        default=None, description="the id of the speaker's role; found by date when absent"
    )
    span_start: int | None = Field(default=None, ge=0)
    span_end: int | None = Field(default=None, gt=0)
    about: list[NonBlank] = Field(default_factory=list)
    translation: str | None = None
    translation_lang: LangCode = "en"
    translator: str | None = None
    method: Method = "entered"
    extractor_version: str | None = None
    confidence: float | None = Field(default=None, ge=0, le=1)
    note: str | None = None
    create_speaker: bool = False
    said_on_basis: Literal["stated", "not_after"] = Field(
        default="stated", description="not_after: said_on is only a bound, the source's publication date"
    )
    same_as: int | None = Field(
        default=None, gt=0, description="the id of the stored statement this source reports too"
    )
    distinct: bool = Field(default=False, description="store apart even when it may be a stored statement")

    @model_validator(mode="after")
    def _span_complete(self) -> StatementIn:
        _translator_needs_translation(self.translator, self.translation)
        if (self.span_start is None) != (self.span_end is None):
            raise ValueError("span_start and span_end go together")
        if self.span_start is not None and self.span_end is not None and self.span_end <= self.span_start:
            raise ValueError("span_end must be greater than span_start")
        return self


class StatementEdit(Model):
    """A correction: only the fields given change; the previous values stay in the history."""

    speaker: NonBlank | None = None
    quote: NonBlank | None = None
    said_on: PartialDateStr | None = None
    date_text: str | None = None
    mode: Mode | None = None
    cue: str | None = None
    venue: str | None = None
    role_text: str | None = None
    translation: str | None = None
    translation_lang: LangCode = "en"
    translator: str | None = None
    about: list[NonBlank] = Field(default_factory=list, description="subjects to add")
    drop_about: list[NonBlank] = Field(default_factory=list, description="subjects to remove")

    @model_validator(mode="after")
    def _translator_with_translation(self) -> StatementEdit:
        _translator_needs_translation(self.translator, self.translation)
        return self

    def column_changes(self) -> dict[str, str]:
        """The plain columns to overwrite (speaker, quote and translation need more than a set)."""
        plain = ("said_on", "date_text", "mode", "cue", "venue", "role_text")
        return {k: v for k in plain if (v := getattr(self, k)) is not None}


class EntityRef(OutModel):
    id: int
    key: str
    name_en: str | None
    name_ar: str | None


class SourceRef(OutModel):
    id: int
    label: str
    url: str | None
    publisher: str | None
    published_on: str | None
    published_basis: str
    sha256: str | None = Field(
        default=None, description="the SHA-256 of its text: the same article in another database has it too"
    )


class TranslationOut(OutModel):
    lang: str
    text: str
    translator: str


class TitleOut(OutModel):
    """A title in one language; ``is_original`` on the one as first recorded."""

    lang: str
    text: str
    is_original: bool


class RoleOut(OutModel):
    id: int
    title: str = Field(description="the original title, in its own language")
    titles: list[TitleOut] = Field(description="the title in every language held, the original among them")
    organisation: EntityRef | None
    valid_from: str | None
    valid_to: str | None


class EvidenceOut(OutModel):
    """One source's support for a claim: which source, which characters of its text, how it was found."""

    id: int
    source: SourceRef
    span_start: int | None
    span_end: int | None
    method: str
    extractor_version: str | None
    confidence: float | None
    recorded_at: dt.datetime
    recorded_by: str | None
    retracted_at: dt.datetime | None = None
    retracted_reason: str | None = None


class StatementOut(OutModel):
    """A statement with everything needed to cite it."""

    id: int
    speaker: EntityRef
    speaker_mention: str
    role: RoleOut | None
    role_text: str
    said_on: str | None
    said_on_precision: str | None
    date_text: str
    venue: str | None
    quote: str
    lang: str
    mode: str
    cue: str
    translations: list[TranslationOut]
    about: list[EntityRef]
    said_on_basis: str
    evidence: list[EvidenceOut] = Field(description="every source reporting it, oldest first")
    source_count: int = Field(default=0, description="how many sources report it (len(evidence))")
    source: SourceRef = Field(description="the first source that reported it (evidence[0])")
    span_start: int | None
    span_end: int | None
    method: str
    confidence: float | None
    recorded_at: dt.datetime
    recorded_by: str | None
    retracted_at: dt.datetime | None
    retracted_reason: str | None

    _from_claim = model_validator(mode="before")(claim_view)

    @model_validator(mode="after")
    def _count_sources(self) -> StatementOut:
        self.source_count = len(self.evidence)
        return self


class KeptTranslation(OutModel):
    """A translation given with a source of a stored statement and not stored: the statement has one by the
    same translator in the same language, which reads otherwise and stays (`statement edit --translation`
    replaces it)."""

    lang: str
    translator: str


class StatementAdded(OutModel):
    """What adding did: a new statement, or a new source for a stored one (``new`` false)."""

    statement: StatementOut
    evidence_id: int
    new: bool
    kept_translations: list[KeptTranslation] = Field(default_factory=list)


class ChangeOut(OutModel):
    id: int
    at: dt.datetime
    by: str
    action: str
    reason: str | None
    before: dict[str, object] | None
    after: dict[str, object] | None


class StatementDetail(StatementOut):
    history: list[ChangeOut]
