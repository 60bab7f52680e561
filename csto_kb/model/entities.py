"""Entities (countries, alliances, bodies, ministries, media, people), their names, and people's roles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from csto_kb.db.constants import ENTITY_KINDS
from csto_kb.model.base import (
    PARTIAL_DATE,
    Base,
    Evidenced,
    Timestamped,
    Titled,
    one_per_language,
    partial_date_check,
)


class Entity(Timestamped, Base):
    """Anything that can speak, belong, be spoken about or publish: a country, an alliance, a person …"""

    __tablename__ = "entity"
    __table_args__ = (CheckConstraint(f"kind IN ({', '.join(repr(k) for k in ENTITY_KINDS)})", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    part_of_id: Mapped[int | None] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))
    description: Mapped[str | None] = mapped_column(String(1000))
    # Set when the entity was found to be the same as another and merged into it (see EntityMerge).
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))

    names: Mapped[list[EntityName]] = relationship(
        back_populates="entity", order_by="EntityName.id", cascade="all, delete-orphan"
    )
    part_of: Mapped[Entity | None] = relationship(remote_side=[id], foreign_keys=[part_of_id])
    external_ids: Mapped[list[ExternalId]] = relationship(
        back_populates="entity", order_by="ExternalId.scheme", cascade="all, delete-orphan"
    )

    def external_id(self, scheme: str) -> str | None:
        """The entity's identifier in ``scheme`` (``wikidata`` …), or None."""
        return next((x.value for x in self.external_ids if x.scheme == scheme), None)

    def name_in(self, lang: str) -> str | None:
        """The primary name in a language, or None when the entity has no name in it."""
        for name in self.names:
            if name.lang == lang and name.is_primary:
                return name.name
        return next((n.name for n in self.names if n.lang == lang), None)

    @property
    def name_en(self) -> str | None:
        return self.name_in("en")

    @property
    def name_ar(self) -> str | None:
        return self.name_in("ar")

    @property
    def part_of_key(self) -> str | None:
        return self.part_of.key if self.part_of is not None else None

    @property
    def display_name(self) -> str:
        return self.name_in("en") or self.name_in("ar") or (self.names[0].name if self.names else self.key)


class ExternalId(Timestamped, Base):
    """The entity's identifier in another knowledge base: a scheme (``wikidata``, ``viaf`` …) and a value.

    One value per entity and scheme, and a value names one entity: two entities with the same Wikidata id
    are one entity to merge, not two to keep."""

    __tablename__ = "external_id"
    __table_args__ = (
        UniqueConstraint("scheme", "value", name="uq_external_id_value"),
        UniqueConstraint("entity_id", "scheme", name="uq_external_id_scheme"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    scheme: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(200))

    entity: Mapped[Entity] = relationship(back_populates="external_ids")


class EntityName(Timestamped, Base):
    """One spelling of an entity's name in one language, with its normalised form for lookup."""

    __tablename__ = "entity_name"
    __table_args__ = (UniqueConstraint("entity_id", "lang", "name_norm"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    lang: Mapped[str] = mapped_column(String(8))
    name_norm: Mapped[str] = mapped_column(String(300), index=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    entity: Mapped[Entity] = relationship(back_populates="names")


class Role(Titled, Evidenced, Base):
    """A person's title, optionally in an organisation, over an interval (open where the source gives no bound)."""

    __tablename__ = "role"
    __table_args__ = (
        partial_date_check("valid_from"),
        partial_date_check("valid_to"),
        Index("ix_role_person_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(80), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))
    valid_from: Mapped[str | None] = mapped_column(PARTIAL_DATE)
    valid_to: Mapped[str | None] = mapped_column(PARTIAL_DATE)

    person: Mapped[Entity] = relationship(foreign_keys=[person_id])
    organisation: Mapped[Entity | None] = relationship(foreign_keys=[organisation_id])
    titles: Mapped[list[RoleTitle]] = relationship(
        order_by="RoleTitle.id", cascade="all, delete-orphan", lazy="selectin"
    )


class RoleTitle(Timestamped, Base):
    """A role's title in one language; one per language, and one of them the original."""

    __tablename__ = "role_title"
    __table_args__ = one_per_language("role_id", "role_title")

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(String(300))
    is_original: Mapped[bool] = mapped_column(Boolean, default=False)


class EntityMerge(Timestamped, Base):
    """Two entities found to be the same: which rows moved to the survivor, so the merge can be undone."""

    __tablename__ = "entity_merge"

    id: Mapped[int] = mapped_column(primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"))
    merged_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"), index=True)
    by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(String(2000))
    # {"table.column": [row ids moved]}, plus "statement_about.dropped" and "entity_name.kept" lists.
    moved: Mapped[dict[str, Any]] = mapped_column(JSON)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str | None] = mapped_column(String(100))
