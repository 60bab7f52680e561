"""Reading the change log: one record's versions, recent changes, and what was recorded at a past moment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.schemas.statements import ChangeOut
from csto_kb.sql import changes
from csto_kb.sql.changes import parse_moment as parse_moment
from csto_kb.sql.compiled import TRACKED_TABLES as TRACKED_TABLES
from csto_kb.sql.run import Row


@dataclass
class Version:
    """A record as it stood after one change."""

    number: int
    change: ChangeOut
    state: dict[str, Any]
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)


def version_rows(uow: UnitOfWork, table: str, row_id: int) -> list[Row]:
    """Every version of one record, oldest first, in the form `history --format json` prints
    (`csto_kb.sql.changes.versions`, which the command also runs without SQLAlchemy on a ready database)."""
    changes.tracked(table, "of")
    with uow:
        return changes.versions(*driver_connection(uow.session), table, row_id)


def record_versions(uow: UnitOfWork, table: str, row_id: int) -> list[Version]:
    """Every version of one record, oldest first, with what each change altered."""
    return [
        Version(
            v["version"],
            ChangeOut.model_validate(v["change"]),
            v["state"],
            {key: (values["before"], values["after"]) for key, values in v["changed"].items()},
        )
        for v in version_rows(uow, table, row_id)
    ]


def recent_change_rows(
    uow: UnitOfWork,
    *,
    since: dt.datetime | None = None,
    by: str | None = None,
    table: str | None = None,
    limit: int = 50,
) -> list[Row]:
    """The most recent changes first, in the form `log --format json` prints (`csto_kb.sql.changes`)."""
    if table is not None:
        changes.tracked(table, "table")
    with uow:
        return changes.recent_changes(
            *driver_connection(uow.session), since=since, by=by, table=table, limit=limit
        )


def recent_changes(
    uow: UnitOfWork,
    *,
    since: dt.datetime | None = None,
    by: str | None = None,
    table: str | None = None,
    limit: int = 50,
) -> list[tuple[str, int, ChangeOut]]:
    """The most recent changes first: (table, row id, change)."""
    return [
        (
            r["table"],
            r["row_id"],
            ChangeOut.model_validate({k: v for k, v in r.items() if k not in ("table", "row_id")}),
        )
        for r in recent_change_rows(uow, since=since, by=by, table=table, limit=limit)
    ]


def states_at(
    session: Session, table: str, row_ids: Iterable[int], moment: dt.datetime
) -> dict[int, dict[str, Any]]:
    """The rows of ``table`` as the knowledge base recorded them at ``moment`` (absent: not yet recorded);
    `csto_kb.sql.changes.states_at` on the connection under ``session``."""
    return changes.states_at(*driver_connection(session), table, row_ids, moment)
