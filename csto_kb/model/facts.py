"""Sourced facts about alliances: memberships, events, obligations and characterisations, force levels."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from csto_kb.model.base import (
    PARTIAL_DATE,
    Base,
    Evidenced,
    Timestamped,
    Titled,
    TitleRow,
    one_per_language,
    original_row,
    partial_date_check,
    text_in,
)
from csto_kb.model.entities import Entity
from csto_kb.model.statements import Statement
from csto_kb.vocabulary import MEMBERSHIP_STATUSES as MEMBERSHIP_STATUSES

EVENT_KINDS = ("founding", "incursion", "intervention", "war", "meeting", "session", "other")
PARTICIPANT_ROLES = ("subject", "actor", "target", "location")
ORGANISATION_FACT_KINDS = ("obligation", "characterisation", "practice")
READINESS = ("permanent_alert", "peacekeeping", "other")


def _one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    return CheckConstraint(f"{column} IN ({', '.join(repr(v) for v in values)})", name=column)


class Membership(Evidenced, Base):
    """One episode of a state's membership of an alliance: a status over a valid-time interval.

    A state that was a member, then froze its participation, then came back has three episodes."""

    __tablename__ = "membership"
    __table_args__ = (
        partial_date_check("valid_from"),
        partial_date_check("valid_to"),
        _one_of("status", MEMBERSHIP_STATUSES),
        Index("ix_membership_alliance_member", "alliance_id", "member_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alliance_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))
    member_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(12))
    valid_from: Mapped[str | None] = mapped_column(PARTIAL_DATE)
    valid_to: Mapped[str | None] = mapped_column(PARTIAL_DATE)

    alliance: Mapped[Entity] = relationship(foreign_keys=[alliance_id])
    member: Mapped[Entity] = relationship(foreign_keys=[member_id])


class Event(Titled, Evidenced, Base):
    """Something that happened over a (partial) date interval: a founding, an incursion, a session …"""

    __tablename__ = "event"
    __table_args__ = (
        partial_date_check("starts_on"),
        partial_date_check("ends_on"),
        _one_of("kind", EVENT_KINDS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[str | None] = mapped_column(PARTIAL_DATE, index=True)
    ends_on: Mapped[str | None] = mapped_column(PARTIAL_DATE)
    date_text: Mapped[str] = mapped_column(String(300), default="")

    participants: Mapped[list[EventParticipant]] = relationship(
        cascade="all, delete-orphan", order_by="EventParticipant.entity_id"
    )
    titles: Mapped[list[EventTitle]] = relationship(
        order_by="EventTitle.id", cascade="all, delete-orphan", lazy="selectin"
    )


class EventTitle(Timestamped, Base):
    """An event's title in one language; one per language, and one of them the original."""

    __tablename__ = "event_title"
    __table_args__ = one_per_language("event_id", "event_title")

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(String(300))
    is_original: Mapped[bool] = mapped_column(Boolean, default=False)


class EventParticipant(Base):
    """An entity's part in an event: its subject, an actor, a target or the place."""

    __tablename__ = "event_participant"
    __table_args__ = (_one_of("role", PARTICIPANT_ROLES),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entity.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(10), primary_key=True)

    entity: Mapped[Entity] = relationship()


class OrganisationFact(Evidenced, Base):
    """A fact about an organisation in words: an obligation, a characterisation, a standing practice.

    Its words are a row per language (``texts``), one of them the original: the fact as the source wrote it."""

    __tablename__ = "organisation_fact"
    __table_args__ = (_one_of("kind", ORGANISATION_FACT_KINDS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statement.id", ondelete="RESTRICT"))

    subject: Mapped[Entity] = relationship()
    statement: Mapped[Statement | None] = relationship()
    texts: Mapped[list[OrganisationFactText]] = relationship(
        order_by="OrganisationFactText.id", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def original_text(self) -> TitleRow | None:
        return original_row(self.texts)

    @property
    def text(self) -> str:
        """The fact as the source wrote it (the original), in its own language."""
        original = self.original_text
        return original.text if original is not None else ""

    @property
    def lang(self) -> str:
        """The language of the original text."""
        original = self.original_text
        return original.lang if original is not None else ""

    def text_in(self, lang: str) -> str | None:
        """The fact in exactly this language, or None."""
        return text_in(self.texts, lang)


class OrganisationFactText(Timestamped, Base):
    """An organisation fact's words in one language; one per language, and one of them the original."""

    __tablename__ = "organisation_fact_text"
    __table_args__ = one_per_language("fact_id", "organisation_fact_text")

    id: Mapped[int] = mapped_column(primary_key=True)
    fact_id: Mapped[int] = mapped_column(ForeignKey("organisation_fact.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    is_original: Mapped[bool] = mapped_column(Boolean, default=False)


class ForceLevel(Evidenced, Base):
    """A figure for an organisation's forces as some source gives it; conflicting figures coexist as rows.

    What is counted (troops, a peacekeeping force …) is a label per language (``units``), one of them the
    original: the label as first recorded. The figure as the source writes it is its evidence's words."""

    __tablename__ = "force_level"
    __table_args__ = (
        partial_date_check("as_of"),
        _one_of("readiness", READINESS),
        CheckConstraint("count > 0", name="count_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"), index=True)
    count: Mapped[int] = mapped_column(Integer)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    readiness: Mapped[str] = mapped_column(String(20))
    as_of: Mapped[str | None] = mapped_column(PARTIAL_DATE)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statement.id", ondelete="RESTRICT"))

    organisation: Mapped[Entity] = relationship()
    statement: Mapped[Statement | None] = relationship()
    units: Mapped[list[ForceLevelUnit]] = relationship(
        order_by="ForceLevelUnit.id", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def asserted_by(self) -> Entity | None:
        return self.statement.speaker if self.statement is not None else None

    @property
    def original_unit(self) -> TitleRow | None:
        return original_row(self.units)

    @property
    def unit(self) -> str:
        """What is counted, as first recorded (the original label), in its own language."""
        original = self.original_unit
        return original.text if original is not None else ""

    @property
    def unit_lang(self) -> str:
        """The language of the original label."""
        original = self.original_unit
        return original.lang if original is not None else ""

    def unit_in(self, lang: str) -> str | None:
        """The label in exactly this language, or None."""
        return text_in(self.units, lang)

    @property
    def wording(self) -> str | None:
        """The figure as its first source writes it: that evidence's words (None when the source stores no
        text or the evidence has no span)."""
        if not self.evidence:
            return None
        first = self.first_evidence
        body = first.source.body
        if body is None or first.span_start is None or first.span_end is None:
            return None
        return body[first.span_start : first.span_end]

    @property
    def wording_lang(self) -> str | None:
        """The language of `wording`: its source's."""
        return self.first_evidence.source.lang if self.wording is not None else None


class ForceLevelUnit(Timestamped, Base):
    """A force figure's label (what is counted) in one language; one per language, one of them the original."""

    __tablename__ = "force_level_unit"
    __table_args__ = one_per_language("force_level_id", "force_level_unit")

    id: Mapped[int] = mapped_column(primary_key=True)
    force_level_id: Mapped[int] = mapped_column(ForeignKey("force_level.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(String(300))
    is_original: Mapped[bool] = mapped_column(Boolean, default=False)
