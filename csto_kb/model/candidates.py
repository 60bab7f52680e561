"""Candidates: what the extractor proposed from an article, pending review until accepted or rejected."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from csto_kb.db.constants import CANDIDATE_KINDS, CANDIDATE_STATUSES
from csto_kb.model.base import Base, Timestamped
from csto_kb.model.facts import ForceLevel
from csto_kb.model.sources import Source
from csto_kb.model.statements import Statement


class Candidate(Timestamped, Base):
    """One proposed fact, with the extractor's payload as it was proposed (edits are logged as changes)."""

    __tablename__ = "candidate"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in CANDIDATE_KINDS)})", name="kind"),
        CheckConstraint(f"status IN ({', '.join(repr(s) for s in CANDIDATE_STATUSES)})", name="status"),
        Index("ix_candidate_source_status", "source_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    position: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    extractor_version: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(String(2000))
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statement.id", ondelete="RESTRICT"))
    force_level_id: Mapped[int | None] = mapped_column(ForeignKey("force_level.id", ondelete="RESTRICT"))

    source: Mapped[Source] = relationship()
    statement: Mapped[Statement | None] = relationship()
    force_level: Mapped[ForceLevel | None] = relationship()
