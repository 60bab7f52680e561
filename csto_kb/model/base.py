"""The declarative base, its naming convention, and the columns every sourced fact carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import CheckConstraint, DateTime, Index, MetaData, String, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

if TYPE_CHECKING:
    from csto_kb.model.evidence import Evidence

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
    """A claim: supported by one or more evidence rows (csto_kb.model.evidence), retracted, never deleted."""

    id: Mapped[int]
    note: Mapped[str | None] = mapped_column(String(2000))
    # Facts are retracted, never deleted: the row stays for history and leaves default queries.
    retracted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    retracted_reason: Mapped[str | None] = mapped_column(String(2000))

    @declared_attr
    def evidence(cls) -> Mapped[list[Evidence]]:
        return relationship(
            "Evidence",
            foreign_keys=f"Evidence.{cls.__tablename__}_id",  # type: ignore[attr-defined]
            order_by="Evidence.id",
            cascade="all, delete-orphan",
        )

    @property
    def live_evidence(self) -> list[Evidence]:
        """The evidence not retracted, oldest first."""
        return [e for e in self.evidence if e.retracted_at is None]

    @property
    def first_evidence(self) -> Evidence:
        """The oldest live evidence (the oldest of all when every one is retracted)."""
        live = self.live_evidence
        return live[0] if live else self.evidence[0]


class TitleRow(Protocol):
    """A language row of a claim (a role's or an event's title, a fact's words): one language, its text,
    whether it is the original."""

    lang: str
    text: str
    is_original: bool


def original_row(rows: Sequence[TitleRow]) -> TitleRow | None:
    """The row marked original among one claim's language rows (the first row when none is marked)."""
    return next((r for r in rows if r.is_original), rows[0] if rows else None)


def text_in(rows: Sequence[TitleRow], lang: str) -> str | None:
    """The text of the row in exactly this language, or None."""
    return next((r.text for r in rows if r.lang == lang), None)


def one_per_language(owner: str, table: str) -> tuple[UniqueConstraint, Index]:
    """The constraints of a table of language rows: one row per owner and language, and at most one original."""
    live = text("is_original")
    return (
        UniqueConstraint(owner, "lang"),
        Index(f"uq_{table}_original", owner, unique=True, sqlite_where=live, postgresql_where=live),
    )


class Titled:
    """A claim whose title is a row per language (``titles``), one of them the original."""

    titles: Sequence[TitleRow]

    @property
    def title(self) -> str:
        """The title as first recorded (the original), in its own language."""
        original = self.original_title
        return original.text if original is not None else ""

    @property
    def original_title(self) -> TitleRow | None:
        return original_row(self.titles)

    def title_in(self, lang: str) -> str | None:
        """The title in exactly this language, or None."""
        return text_in(self.titles, lang)
