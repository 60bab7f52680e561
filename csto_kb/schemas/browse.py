"""What the browsing views take and give: a search with facets and pages, a statement with the text of
each source around its span, a source with every span it supports, an entity's profile, the review queue.

The views reuse the output schemas of the rest of the knowledge base (`StatementOut`, `SourceOut`,
`EntityOut`, `MembershipOut` …); these models only add what a reader browsing needs around them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from csto_kb.schemas.common import Model, NonBlank, PartialDateStr
from csto_kb.schemas.entities import EntityOut, SourceOut
from csto_kb.schemas.facts import MembershipOut
from csto_kb.schemas.review import CandidateOut
from csto_kb.schemas.statements import EvidenceOut, RoleOut, StatementDetail, StatementOut

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class SearchQuery(Model):
    """The who-said filters of a search, as a form or a URL gives them; every one is optional."""

    speaker: NonBlank | None = None
    about: NonBlank | None = None
    org: NonBlank | None = None
    date_from: PartialDateStr | None = Field(default=None, alias="from")
    date_to: PartialDateStr | None = Field(default=None, alias="to")
    contains: NonBlank | None = None
    mode: Literal["direct", "reported"] | None = None
    source: int | None = Field(default=None, gt=0, le=2**63 - 1)
    include_retracted: bool = False
    after: str | None = Field(default=None, max_length=64, description="where the page starts (next_after)")
    limit: int = Field(default=PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def params(self, **changes: str | None) -> dict[str, str]:
        """The query as URL parameters, with ``changes`` applied (None removes one); the page restarts."""
        values: dict[str, str | None] = {
            "speaker": self.speaker,
            "about": self.about,
            "org": self.org,
            "from": self.date_from,
            "to": self.date_to,
            "contains": self.contains,
            "mode": self.mode,
            "source": str(self.source) if self.source is not None else None,
            "include_retracted": "true" if self.include_retracted else None,
            "limit": str(self.limit) if self.limit != PAGE_SIZE else None,
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v is not None}


class FacetValue(BaseModel):
    """One value of a facet: how many of the matching statements have it, and the filters that select it."""

    label: str
    label_ar: str | None = None
    count: int
    params: dict[str, str] = Field(description="the filters to add to the query to keep only these")
    selected: bool = False


class Facet(BaseModel):
    name: Literal["speaker", "organisation", "month", "source", "mode", "subject"]
    values: list[FacetValue]


class SearchResult(BaseModel):
    """One page of statements matching a search, with the counts of each facet over all matches."""

    total: int = Field(description="how many statements match, on every page")
    statements: list[StatementOut]
    next_after: str | None = Field(description="give as `after` for the next page; null on the last")
    facets: list[Facet]
    facets_over: int | None = Field(
        default=None,
        description="when set, the facets count the newest this-many matching statements, not all of them",
    )


class SpanInText(BaseModel):
    """A span of a source's stored text with some text either side, to show it in place."""

    before: str
    text: str = Field(description="exactly the characters span_start … span_end of the stored text")
    after: str
    span_start: int
    span_end: int
    starts_text: bool = Field(description="`before` begins the stored text")
    ends_text: bool = Field(description="`after` ends the stored text")


class EvidenceInText(BaseModel):
    evidence: EvidenceOut
    lang: str = Field(description="the language of the source's text")
    excerpt: SpanInText | None = Field(description="null when the source stores no text")


class StatementView(BaseModel):
    statement: StatementDetail
    said_on_words: str = Field(description="the date as people read it: 2022-04-13, not after …, undated")
    evidence: list[EvidenceInText]


class SupportedSpan(BaseModel):
    """A span of the source's text that supports a claim."""

    evidence_id: int
    claim_table: str
    claim_id: int
    span_start: int
    span_end: int
    label: str
    entity_key: str | None = Field(
        default=None, description="for a fact: the entity it is about (member, holder, organisation, subject)"
    )


class SourceView(BaseModel):
    source: SourceOut
    body: str | None
    spans: list[SupportedSpan]


class EntityView(BaseModel):
    entity: EntityOut
    roles: list[RoleOut]
    memberships: list[MembershipOut] = Field(description="episodes in which it is the member, by start")
    members: list[MembershipOut] = Field(description="episodes in which it is the alliance, by member")
    statements_by: list[StatementOut]
    statements_about: list[StatementOut]
    statements_by_total: int
    statements_about_total: int


class ReviewItem(BaseModel):
    candidate: CandidateOut
    lang: str
    excerpt: SpanInText | None


class ReviewQueue(BaseModel):
    """Pending candidates, the least confident first."""

    total: int
    items: list[ReviewItem]


class ReviewEdit(Model):
    """A correction of a candidate from the review page: only the fields given change."""

    speaker: NonBlank | None = None
    said_on: PartialDateStr | None = None
    quote: NonBlank | None = None
    quote_start: int | None = Field(default=None, ge=0, le=2**63 - 1)
    quote_end: int | None = Field(default=None, gt=0, le=2**63 - 1)
    about: list[NonBlank] | None = None

    def changes(self) -> dict[str, object]:
        return self.model_dump(exclude_none=True)


class ReviewDecision(Model):
    by: NonBlank | None = Field(default=None, description="who decides; default: the server's reviewer")
    reason: NonBlank | None = Field(default=None, description="why it is rejected (reject only)")
    same_as: int | None = Field(
        default=None, gt=0, le=2**63 - 1, description="accept as one more source of this stored statement"
    )
    distinct: bool = Field(
        default=False, description="accept as a statement of its own, though it may be a stored one"
    )
