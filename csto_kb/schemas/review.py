"""What comes out of ingestion and review."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from csto_kb.schemas.common import OutModel


class CandidateOut(OutModel):
    id: int
    source_id: int
    kind: str
    status: str
    position: int
    payload: dict[str, Any]
    extractor_version: str
    confidence: float
    recorded_at: dt.datetime
    decided_at: dt.datetime | None
    decided_by: str | None
    reason: str | None
    statement_id: int | None
    force_level_id: int | None
    context: str | None = None
    """The sentence around the proposal in the source's text, the proposed span between ⟦ and ⟧."""


class IngestReport(OutModel):
    source_id: int
    already_stored: bool
    candidates: dict[str, int]
    extractor_version: str | None
    unchanged: int = 0


class ReviewOutcome(OutModel):
    candidate_id: int
    status: str
    statement_id: int | None = None
    force_level_id: int | None = None
    linked_existing: bool = False
    facts: list[str] = Field(
        default_factory=list, description="what a membership or founding candidate became: membership #7 …"
    )
    note: str | None = None


class ArticleOutcome(OutModel):
    """What became of one article of a batch: stored (or found stored already), or why it was not."""

    name: str = Field(description="the file, or feed.jsonl:LINE")
    source_id: int | None = None
    already_stored: bool = False
    candidates: dict[str, int] = Field(default_factory=dict)
    error: str | None = Field(default=None, description="why it was not stored; nothing of it was written")


class BatchReport(OutModel):
    """A batch of articles ingested one by one, each whole or not at all."""

    articles: int
    ingested: int
    already_stored: int
    failed: int
    candidates: dict[str, int] = Field(description="new candidates pending review, by kind, over the batch")
    extractor_version: str | None
    outcomes: list[ArticleOutcome]
