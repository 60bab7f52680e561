"""Records every insert, edit and retraction made through a session into the change log.

Recording happens in the session's flush, so no service can forget it and the log commits or rolls back
with the change it describes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Date, DateTime, event, insert, inspect
from sqlalchemy.orm import MANYTOONE, InstanceState, Session, UOWTransaction

from csto_kb.model import Base, Change
from csto_kb.model.base import utcnow

_PENDING = "csto_kb.pending_changes"


def track(session: Session, *, by: str, reason: str | None) -> None:
    """Record the changes made through ``session`` as made by ``by``, for ``reason``."""
    session.info["by"] = by
    session.info["reason"] = reason
    session.info[_PENDING] = []


def give_reason(session: Session, reason: str) -> None:
    """Record ``reason`` with the changes flushed from now on in this session."""
    session.info["reason"] = reason


def record_update(session: Session, obj: Base, before: dict[str, Any], after: dict[str, Any]) -> None:
    """Log a change the flush cannot see on its own (a many-to-many list such as a statement's subjects).

    Written at once rather than at the next flush: the list may already have been flushed by a query's
    autoflush, and a flush with nothing left to write runs no flush events.
    """
    if _PENDING not in session.info:
        return
    row_id = getattr(obj, "id")  # noqa: B009 - every tracked class has an id
    session.connection().execute(
        insert(Change),
        [
            change_row(
                at=utcnow(),
                by=session.info["by"],
                reason=session.info["reason"],
                action="update",
                table=obj.__tablename__,
                row_id=row_id,
                before=before,
                after=after,
            )
        ],
    )


def change_row(
    *,
    at: dt.datetime,
    by: str,
    reason: str | None,
    action: str,
    table: str,
    row_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> dict[str, Any]:
    """The values of one change-log row: what the flush writes, and what a bulk write that bypasses the
    ORM writes for its rows."""
    return {
        "at": at,
        "by": by,
        "reason": reason,
        "action": action,
        "table_name": table,
        "row_id": row_id,
        "before": before,
        "after": after,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


@functools.cache
def _snapshot_plan(model: type[Base]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The attributes a snapshot of a row of ``model`` holds (every column, in the mapper's order), and
    those of them that hold dates or timestamps."""
    attrs = inspect(model).column_attrs
    dated = tuple(a.key for a in attrs if isinstance(a.columns[0].type, Date | DateTime))
    return tuple(a.key for a in attrs), dated


def snapshot(model: type[Base], values: Mapping[str, Any]) -> dict[str, Any]:
    """A row of ``model`` as the change log keeps it: every column, JSON-ready, dates as ISO text.

    The flush records an inserted object with it, and a bulk write its rows' values, so both keep the same.
    """
    keys, dated = _snapshot_plan(model)
    row = {key: values[key] for key in keys}
    for key in dated:
        value = row[key]
        if value is not None:
            row[key] = _iso(value)
    return row


@functools.lru_cache(maxsize=64)
def _iso(value: dt.date) -> str:
    """A date's ISO text; the rows of one bulk batch share one timestamp, written out once."""
    return value.isoformat()


def _snapshot(obj: Base) -> dict[str, Any]:
    keys, _ = _snapshot_plan(type(obj))
    return snapshot(type(obj), {key: getattr(obj, key) for key in keys})


class _Synced:
    """A foreign key's new value, which the flush fills in from the object it now refers to."""


_SYNCED = _Synced()


def _references_changed(state: InstanceState[Any], before: dict[str, Any], after: dict[str, Any]) -> None:
    """Add to ``before``/``after`` the foreign keys of the many-to-one references set to another object.

    A correction may set a reference (``statement.speaker = entity``) rather than its column: the column
    then changes only during the flush, after `_collect` has read the columns' history, and the change
    would go unrecorded. The old value is the column's now; the new one is read once the flush has synced it.
    """
    mapper = state.mapper
    for relationship in mapper.relationships:
        if relationship.direction is not MANYTOONE or not state.attrs[relationship.key].history.has_changes():
            continue
        for local, _remote in relationship.local_remote_pairs:
            key = mapper.get_property_by_column(local).key
            if key not in after:
                before[key] = getattr(state.obj(), key)
                after[key] = _SYNCED


def _fill_synced(entry: tuple[Base, str, dict[str, Any] | None, dict[str, Any] | None]) -> bool:
    """Put the synced foreign keys' values into a pending change; False when nothing is left of it (a
    reference set to the object it already referred to)."""
    obj, action, before, after = entry
    if action == "insert" or before is None or after is None:
        return True
    for key in [k for k, v in after.items() if v is _SYNCED]:
        value = getattr(obj, key)
        if before[key] == value:
            del before[key], after[key]
        else:
            after[key] = value
    return bool(after)


def _tracked(obj: object) -> bool:
    return isinstance(obj, Base) and not isinstance(obj, Change) and hasattr(obj, "id")


@event.listens_for(Session, "before_flush")
def _collect(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    if _PENDING not in session.info:
        return
    pending: list[tuple[Base, str, dict[str, Any] | None, dict[str, Any] | None]] = session.info[_PENDING]
    for obj in session.new:
        if _tracked(obj):
            pending.append((obj, "insert", None, None))
    for obj in session.dirty:
        if not _tracked(obj) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                before[attr.key] = _jsonable(hist.deleted[0] if hist.deleted else None)
                after[attr.key] = _jsonable(hist.added[0] if hist.added else None)
        _references_changed(state, before, after)
        if after:
            retracting = before.get("retracted_at") is None and after.get("retracted_at") is not None
            pending.append((obj, "retract" if retracting else "update", before, after))
    for obj in session.deleted:
        if _tracked(obj):
            pending.append((obj, "delete", _snapshot(obj), None))


@event.listens_for(Session, "after_flush")
def _write(session: Session, _flush: UOWTransaction) -> None:
    pending = session.info.get(_PENDING)
    if not pending:
        return
    now = utcnow()
    pending[:] = [entry for entry in pending if _fill_synced(entry)]
    rows = [
        change_row(
            at=now,
            by=session.info["by"],
            reason=session.info["reason"],
            action=action,
            table=obj.__tablename__,
            row_id=getattr(obj, "id"),  # noqa: B009 - every tracked class has an id; Base does not say so
            before=before,
            after=_snapshot(obj) if action == "insert" else after,
        )
        for obj, action, before, after in pending
    ]
    pending.clear()
    session.connection().execute(insert(Change), rows)
