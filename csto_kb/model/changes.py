"""The change log: every insert, edit and retraction, with who, when, why, and the values before and after."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from csto_kb.model.base import Base, utcnow

CHANGE_ACTIONS = ("insert", "update", "retract", "merge", "delete")


class Change(Base):
    """One recorded change to one row; together they give every record's history."""

    __tablename__ = "change"
    __table_args__ = (
        CheckConstraint(f"action IN ({', '.join(repr(a) for a in CHANGE_ACTIONS)})", name="action"),
        Index("ix_change_table_row", "table_name", "row_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    by: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(2000))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
