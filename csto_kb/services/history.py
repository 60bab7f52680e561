"""Reading the change log: one record's versions, recent changes, and what was recorded at a past moment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput, NotFound
from csto_kb.model import Base, Change
from csto_kb.schemas.statements import ChangeOut

TRACKED_TABLES = tuple(
    sorted(name for name, table in Base.metadata.tables.items() if "id" in table.c and name != "change")
)


@dataclass
class Version:
    """A record as it stood after one change."""

    number: int
    change: ChangeOut
    state: dict[str, Any]
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)


def parse_moment(text: str, field_name: str = "as-recorded-at") -> dt.datetime:
    """An ISO date or date-time, read as UTC (the change log's clock); a bare date means the end of that day."""
    try:
        if len(text.strip()) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text.strip()), dt.time.max)
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f"{field_name}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (UTC), got {text!r}"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def _fold(changes: Iterable[Change]) -> dict[int, dict[str, Any]]:
    """Row states after applying changes in order: an insert gives the whole row, later changes the new values."""
    states: dict[int, dict[str, Any]] = {}
    for change in changes:
        if change.action == "insert":
            states[change.row_id] = dict(change.after or {})
        elif change.action == "delete":
            states.pop(change.row_id, None)
        elif change.row_id in states:
            states[change.row_id].update(change.after or {})
    return states


def record_versions(uow: UnitOfWork, table: str, row_id: int) -> list[Version]:
    """Every version of one record, oldest first, with what each change altered."""
    if table not in TRACKED_TABLES:
        raise InvalidInput(f"of: expected one of {', '.join(TRACKED_TABLES)}, got {table!r}")
    with uow:
        changes = uow.session.scalars(
            select(Change).where(Change.table_name == table, Change.row_id == row_id).order_by(Change.id)
        ).all()
        if not changes:
            raise NotFound(f"{table}: no {table} with id {row_id} has been recorded")
        versions: list[Version] = []
        state: dict[str, Any] = {}
        for number, change in enumerate(changes, start=1):
            if change.action == "insert":
                state = dict(change.after or {})
                changed: dict[str, tuple[Any, Any]] = {}
            else:
                changed = {
                    key: ((change.before or {}).get(key), value)
                    for key, value in (change.after or {}).items()
                }
                state = {**state, **(change.after or {})}
            versions.append(Version(number, ChangeOut.model_validate(change), dict(state), changed))
        return versions


def recent_changes(
    uow: UnitOfWork,
    *,
    since: dt.datetime | None = None,
    by: str | None = None,
    table: str | None = None,
    limit: int = 50,
) -> list[tuple[str, int, ChangeOut]]:
    """The most recent changes first: (table, row id, change)."""
    if table is not None and table not in TRACKED_TABLES:
        raise InvalidInput(f"table: expected one of {', '.join(TRACKED_TABLES)}, got {table!r}")
    with uow:
        query = select(Change).order_by(Change.id.desc()).limit(limit)
        if since is not None:
            query = query.where(Change.at >= since)
        if by is not None:
            query = query.where(Change.by == by)
        if table is not None:
            query = query.where(Change.table_name == table)
        return [(c.table_name, c.row_id, ChangeOut.model_validate(c)) for c in uow.session.scalars(query)]


def states_at(
    session: Session, table: str, row_ids: Iterable[int], moment: dt.datetime
) -> dict[int, dict[str, Any]]:
    """The rows of ``table`` as the knowledge base recorded them at ``moment`` (absent: not yet recorded)."""
    ids = list(row_ids)
    out: dict[int, dict[str, Any]] = {}
    # Bounded IN lists: SQLite caps the number of bound variables per statement.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        changes = session.scalars(
            select(Change)
            .where(Change.table_name == table, Change.row_id.in_(chunk), Change.at <= moment)
            .order_by(Change.id)
        )
        out.update(_fold(changes))
    return out
