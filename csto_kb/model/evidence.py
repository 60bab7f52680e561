"""Evidence: that a source, at a span of its stored text, supports a claim; a claim can have several."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from csto_kb.model.base import METHODS, Base, Timestamped

if TYPE_CHECKING:
    from csto_kb.model.sources import Source

CLAIM_TABLES = ("statement", "membership", "role", "force_level", "event", "organisation_fact")
"""The kinds of claim evidence can support; ``Evidence`` has one foreign key column per kind."""


def claim_column(table: str) -> str:
    """The evidence column that points at a claim of this table."""
    if table not in CLAIM_TABLES:
        raise ValueError(f"not a claim table: {table}")
    return f"{table}_id"


def _exactly_one_claim() -> CheckConstraint:
    # CASE rather than adding booleans: PostgreSQL has no boolean arithmetic.
    terms = " + ".join(f"(CASE WHEN {claim_column(t)} IS NULL THEN 0 ELSE 1 END)" for t in CLAIM_TABLES)
    return CheckConstraint(f"{terms} = 1", name="one_claim")


class Evidence(Timestamped, Base):
    """One source's support for one claim: where in its text, how it was found, by whom and how sure.

    The same statement printed by a second outlet is one statement with two evidence rows. A span is
    required when the source stores its text (it is checked against that text); a source known only by
    its address or from a broadcast supports a claim without one. Evidence is retracted, never deleted.
    """

    __tablename__ = "evidence"
    __table_args__ = (
        _exactly_one_claim(),
        CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name="span",
        ),
        CheckConstraint(f"method IN ({', '.join(repr(m) for m in METHODS)})", name="method"),
        CheckConstraint("confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name="confidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    membership_id: Mapped[int | None] = mapped_column(
        ForeignKey("membership.id", ondelete="CASCADE"), index=True
    )
    role_id: Mapped[int | None] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), index=True)
    force_level_id: Mapped[int | None] = mapped_column(
        ForeignKey("force_level.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    organisation_fact_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_fact.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="RESTRICT"), index=True)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16), default="curated")
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(String(2000))
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    retracted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    retracted_reason: Mapped[str | None] = mapped_column(String(2000))

    source: Mapped[Source] = relationship()

    @property
    def claim_table(self) -> str:
        return next(t for t in CLAIM_TABLES if getattr(self, claim_column(t)) is not None)

    @property
    def claim_id(self) -> int:
        return int(getattr(self, claim_column(self.claim_table)))
