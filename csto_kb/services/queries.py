"""Read-only questions: who said what, who belongs to an alliance on a date, what forces it has, what happened.

Memberships, forces and events are read by `csto_kb.sql.facts`, which the command line also runs on a
ready database without SQLAlchemy; here they are run under a unit of work, whose resolver explains a name
that matches nothing or several."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.schemas.facts import EventOut, ForceLevelOut, MembershipOut
from csto_kb.schemas.statements import StatementOut
from csto_kb.services.entities import resolve_entity
from csto_kb.sql import facts
from csto_kb.sql.changes import statements_as_recorded
from csto_kb.sql.run import Lookups, Resolver, Row
from csto_kb.sql.run import StatementFilter as StatementFilter


def _resolver(session: Session) -> Resolver:
    """Names to entity ids; a name matching no entity or several is explained (`resolve_entity`)."""

    def resolve(name: str, field: str) -> int:
        return resolve_entity(session, name, field=field).id

    return resolve


def statement_rows(session: Session, f: StatementFilter, **options: Any) -> Iterator[Row]:
    """Statements matching ``f`` as rows in StatementOut's JSON form, through the compiled queries."""
    from csto_kb.sql.run import statement_rows as run

    return run(*driver_connection(session), f, _resolver(session), **options)


def statement_rows_matching(
    session: Session, f: StatementFilter, lookups: Lookups | None = None
) -> list[Row]:
    """The same as a list, or with ``as_recorded_at`` the statements as then recorded, from the change log
    (`csto_kb.sql.changes.statements_as_recorded`, which who-said also runs without SQLAlchemy)."""
    if f.as_recorded_at is None:
        return list(statement_rows(session, f, lookups=lookups))
    connection, dialect = driver_connection(session)
    return statements_as_recorded(connection, dialect, f, f.as_recorded_at, _resolver(session), lookups)


def find_statements(session: Session, f: StatementFilter) -> list[StatementOut]:
    return [StatementOut.model_validate(row) for row in statement_rows_matching(session, f)]


def who_said(uow: UnitOfWork, f: StatementFilter) -> list[StatementOut]:
    """Statements matching the filter, in date order."""
    with uow:
        return find_statements(uow.session, f)


def who_said_rows(uow: UnitOfWork, f: StatementFilter, lookups: Lookups | None = None) -> list[Row]:
    """The same, as rows in StatementOut's JSON form (what the renderers take); ``lookups`` receives every
    name of every entity they refer to."""
    with uow:
        return statement_rows_matching(uow.session, f, lookups)


def members(uow: UnitOfWork, alliance: str, on: str | None = None) -> list[MembershipOut]:
    """An alliance's memberships; with ``on``, only those valid on that date (valid time)."""
    return [MembershipOut.model_validate(m) for m in member_rows(uow, alliance, on)]


def member_rows(uow: UnitOfWork, alliance: str, on: str | None = None) -> list[Row]:
    """The same, as rows in MembershipOut's JSON form (what the command line prints)."""
    with uow:
        org = resolve_entity(uow.session, alliance, field="alliance")
        return facts.member_rows(*driver_connection(uow.session), org.id, on)


def forces(uow: UnitOfWork, organisation: str | None = None) -> list[ForceLevelOut]:
    """Force figures, each as its source gives it; figures that disagree are all listed."""
    return [ForceLevelOut.model_validate(f) for f in force_rows(uow, organisation)]


def force_rows(uow: UnitOfWork, organisation: str | None = None) -> list[Row]:
    """The same, as rows in ForceLevelOut's JSON form."""
    with uow:
        org_id = resolve_entity(uow.session, organisation, field="alliance").id if organisation else None
        return facts.force_rows(*driver_connection(uow.session), org_id)


def events(uow: UnitOfWork, involving: str | None = None) -> list[EventOut]:
    """Events in date order, optionally only those an entity (or one of its parts) took part in."""
    return [EventOut.model_validate(e) for e in event_rows(uow, involving)]


def event_rows(uow: UnitOfWork, involving: str | None = None) -> list[Row]:
    """The same, as rows in EventOut's JSON form."""
    with uow:
        entity_id = resolve_entity(uow.session, involving, field="entity").id if involving else None
        return facts.event_rows(*driver_connection(uow.session), None if entity_id is None else [entity_id])
