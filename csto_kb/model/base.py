"""The declarative base, its naming convention, and the columns every sourced fact carries."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

if TYPE_CHECKING:
    from csto_kb.model.sources import Source

# Named constraints let Alembic's batch mode on SQLite find and recreate them, and keep migrations stable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PARTIAL_DATE = String(10)
"""A partial date as its ISO prefix: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (see csto_kb.dates)."""

METHODS = ("curated", "extracted", "entered", "imported")


def partial_date_check(column: str) -> CheckConstraint:
    """A CHECK that a partial-date column holds 4, 7 or 10 characters (the form is validated at the edge)."""
    return CheckConstraint(f"{column} IS NULL OR length({column}) IN (4, 7, 10)", name=f"{column}_form")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Timestamped:
    """When the row was recorded (UTC)."""

    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Evidenced(Timestamped):
    """Provenance shared by every fact: the source and character span that support it, and how it got here.

    A fact without a span is allowed only when its source has no stored text (a broadcast, a printed book).
    """

    @declared_attr
    def source_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("source.id", ondelete="RESTRICT"), index=True)

    @declared_attr
    def source(cls) -> Mapped[Source]:
        return relationship("Source")

    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16), default="curated")
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(String(2000))
    # Facts are retracted, never deleted: the row stays for history and leaves default queries.
    retracted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    retracted_reason: Mapped[str | None] = mapped_column(String(2000))


def evidence_checks() -> tuple[CheckConstraint, ...]:
    """The CHECKs every evidenced table carries: a well-formed span and a known method."""
    methods = ", ".join(f"'{m}'" for m in METHODS)
    return (
        CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name="span",
        ),
        CheckConstraint(f"method IN ({methods})", name="method"),
        CheckConstraint("confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name="confidence"),
    )
