"""Sources: the articles, statements and documents every fact is traced to."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from csto_kb.labels import source_label
from csto_kb.model.base import PARTIAL_DATE, Base, partial_date_check, utcnow
from csto_kb.model.entities import Entity

PUBLISHED_BASES = ("stated", "inferred", "unknown")
SOURCE_KINDS = ("full_text", "excerpt", "transcript", "reference")
"""What a source stores: the whole article, the part of it one has (behind a paywall, say), a transcript of
something heard (a press conference, a broadcast), or nothing but a reference (an address, a title)."""


class Source(Base):
    """A published text, stored in full where we have it, identified by the SHA-256 of that text."""

    __tablename__ = "source"
    __table_args__ = (
        partial_date_check("published_on"),
        CheckConstraint(
            f"published_basis IN ({', '.join(repr(b) for b in PUBLISHED_BASES)})", name="published_basis"
        ),
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in SOURCE_KINDS)})", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    publisher: Mapped[str | None] = mapped_column(String(300))
    publisher_id: Mapped[int | None] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))
    lang: Mapped[str] = mapped_column(String(8))
    published_on: Mapped[str | None] = mapped_column(PARTIAL_DATE)
    published_basis: Mapped[str] = mapped_column(String(10), default="unknown")
    published_note: Mapped[str | None] = mapped_column(String(2000))
    kind: Mapped[str] = mapped_column(String(12), default="full_text", server_default="full_text")
    file_name: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)
    body_chars: Mapped[int | None] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    publisher_entity: Mapped[Entity | None] = relationship()

    @property
    def label(self) -> str:
        """A short citation: publisher, title and date."""
        return source_label(
            self.id,
            publisher=self.publisher
            or (self.publisher_entity.display_name if self.publisher_entity else None),
            title=self.title,
            published_on=self.published_on,
            published_basis=self.published_basis,
        )
