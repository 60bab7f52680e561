"""Attributed statements: who said what, when, where, in which role, according to which source."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Table, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from csto_kb.labels import date_precision
from csto_kb.model.base import PARTIAL_DATE, Base, Evidenced, Timestamped, partial_date_check
from csto_kb.model.entities import Entity, Role

MODES = ("direct", "indirect", "mixed")
DATE_BASES = ("stated", "not_after")
"""How ``said_on`` is known: ``stated`` by a date expression (or the person who entered it); ``not_after``
when nothing dates the statement but its source's publication, which is then an upper bound."""

statement_about = Table(
    "statement_about",
    Base.metadata,
    Column("statement_id", ForeignKey("statement.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", ForeignKey("entity.id", ondelete="RESTRICT"), primary_key=True, index=True),
)


class Statement(Evidenced, Base):
    """A statement as its sources report it: the quote exactly as written, with its speaker and date.

    Where it was reported is its evidence: one row per source and span (``Evidenced.evidence``)."""

    __tablename__ = "statement"
    __table_args__ = (
        partial_date_check("said_on"),
        CheckConstraint(f"mode IN ({', '.join(repr(m) for m in MODES)})", name="mode"),
        CheckConstraint(f"said_on_basis IN ({', '.join(repr(b) for b in DATE_BASES)})", name="said_on_basis"),
        Index("ix_statement_speaker_said_on", "speaker_id", "said_on"),
        Index("ix_statement_said_on", "said_on"),
        # The duplicate rule, enforced by the database for live rows: one speaker, one quote, one date; no
        # date counts as one date (a unique index would take NULLs for distinct values).
        Index(
            "uq_statement_live_identity",
            "speaker_id",
            "quote_key",
            text("coalesce(said_on, '')"),
            unique=True,
            sqlite_where=text("retracted_at IS NULL"),
            postgresql_where=text("retracted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # A stable identity: hashed from the first source's text and span where there is one, so reloading is a
    # no-op.
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))
    role_id: Mapped[int | None] = mapped_column(ForeignKey("role.id", ondelete="RESTRICT"))
    speaker_mention: Mapped[str] = mapped_column(String(300), default="")
    role_text: Mapped[str] = mapped_column(String(500), default="")
    said_on: Mapped[str | None] = mapped_column(PARTIAL_DATE)
    said_on_basis: Mapped[str] = mapped_column(String(10), default="stated", server_default="stated")
    date_text: Mapped[str] = mapped_column(String(300), default="")
    venue: Mapped[str | None] = mapped_column(String(300))
    quote: Mapped[str] = mapped_column(Text)
    quote_norm: Mapped[str] = mapped_column(Text)
    quote_key: Mapped[str] = mapped_column(String(32))
    lang: Mapped[str] = mapped_column(String(8))
    mode: Mapped[str] = mapped_column(String(10))
    cue: Mapped[str] = mapped_column(String(100), default="")
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    speaker: Mapped[Entity] = relationship(foreign_keys=[speaker_id])
    role: Mapped[Role | None] = relationship()
    about: Mapped[list[Entity]] = relationship(secondary=statement_about, order_by=Entity.id)
    translations: Mapped[list[Translation]] = relationship(
        back_populates="statement", order_by="Translation.id", cascade="all, delete-orphan"
    )

    @property
    def said_on_precision(self) -> str | None:
        return date_precision(self.said_on)

    def translation_in(self, lang: str) -> str | None:
        return next((t.text for t in self.translations if t.lang == lang), None)


class Translation(Timestamped, Base):
    """A statement's quote in another language, with who translated it."""

    __tablename__ = "translation"
    __table_args__ = (UniqueConstraint("statement_id", "lang", "translator"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    translator: Mapped[str] = mapped_column(String(200))

    statement: Mapped[Statement] = relationship(back_populates="translations")
