"""What the extractor proposes from an article: candidates for review, never stored facts.

Offsets are character offsets into the article body (the text after any front matter). Statement keys are
named as in the annotated corpus's gold files (``speaker``, ``speaker_mention``, ``speaker_role``, ``quote``,
``quote_start``, ``quote_end``, ``direct``, ``cue``, ``date_text``), plus ``mode``, ``said_on``,
``confidence`` with its ``confidence_reason``, and ``about`` (the subjects, as gazetteer keys).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from csto_kb.schemas.common import Mode


class Candidate(BaseModel):
    """Where in the body the candidate comes from, and how sure the extractor is."""

    text: str = Field(description="the supporting text, exactly body[start:end]")
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    confidence: float = Field(ge=0, le=1)


class StatementCandidate(BaseModel):
    speaker: str = Field(description="the fullest name of the speaker found in the article")
    speaker_key: str | None = Field(
        default=None, description="the key of a known entity the speaker resolves to; None proposes a new one"
    )
    speaker_mention: str = Field(
        description="the surface mention at this cue; '' where the subject is dropped"
    )
    speaker_role: str = Field(description="the role or title as written, '' if none")
    quote: str = Field(description="exactly body[quote_start:quote_end]")
    quote_start: int = Field(ge=0)
    quote_end: int = Field(gt=0)
    direct: bool = Field(description="true only when the content sits inside quotation marks")
    mode: Mode
    cue: str = Field(description="the speech verb or marker as written, without a leading و/ف")
    date_text: str = Field(description="the date expression attached to this statement, '' if none")
    said_on: str | None = Field(default=None, description="the resolved partial date, YYYY[-MM[-DD]]")
    confidence: float = Field(ge=0, le=1)
    confidence_reason: str = Field(
        default="",
        description="why the confidence is what it is, in a few words ('' for a plain attribution)",
    )
    about: list[str] = Field(
        default_factory=list,
        description="gazetteer keys of the bodies and countries the quote and its sentence mention, in order",
    )


class ForceFigureCandidate(Candidate):
    organisation: str | None = Field(description="the organisation the figure belongs to, as named")
    count: int = Field(gt=0)
    approximate: bool
    unit: str = Field(description="the unit as written (جندي, troops …)")
    readiness: Literal["permanent_alert", "peacekeeping", "other"]


class FoundingCandidate(Candidate):
    organisation: str
    year: int


class MembershipCandidate(Candidate):
    alliance: str
    members: list[str]
    stated_count: int | None = None


class EventCandidate(Candidate):
    description: str
    date_text: str
    starts_on: str | None = None


class Extraction(BaseModel):
    """Everything one article yields, for review."""

    extractor_version: str
    lang: str
    published: str | None
    statements: list[StatementCandidate] = Field(default_factory=list)
    force_levels: list[ForceFigureCandidate] = Field(default_factory=list)
    foundings: list[FoundingCandidate] = Field(default_factory=list)
    memberships: list[MembershipCandidate] = Field(default_factory=list)
    events: list[EventCandidate] = Field(default_factory=list)
