"""Read-only questions: who said what, who belongs to an alliance on a date, what forces it has, what happened.

Memberships, forces and events are read by `csto_kb.sql.facts`, which the command line also runs on a
ready database without SQLAlchemy; here they are run under a unit of work, whose resolver explains a name
that matches nothing or several."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.dates import upper_bound
from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.labels import date_precision
from csto_kb.model import Entity, Evidence, Source
from csto_kb.schemas.facts import EventOut, ForceLevelOut, MembershipOut
from csto_kb.schemas.statements import EntityRef, EvidenceOut, SourceRef, StatementOut
from csto_kb.services import history
from csto_kb.services.entities import resolve_entity
from csto_kb.sql import facts
from csto_kb.sql.run import Lookups, Row, partial_date
from csto_kb.sql.run import StatementFilter as StatementFilter
from csto_kb.text import normalise_for_search


def statement_rows(session: Session, f: StatementFilter, **options: Any) -> Iterator[Row]:
    """Statements matching ``f`` as rows in StatementOut's JSON form, through the compiled queries."""
    from csto_kb.sql.run import statement_rows as run

    def resolve(name: str, field: str) -> int:
        return resolve_entity(session, name, field=field).id

    return run(*driver_connection(session), f, resolve, **options)


def find_statements(session: Session, f: StatementFilter) -> list[StatementOut]:
    if f.as_recorded_at is not None:
        return _as_recorded(session, f, f.as_recorded_at)
    return [StatementOut.model_validate(row) for row in statement_rows(session, f)]


def _in_date_range(said_on: str | None, date_from: str | None, date_to: str | None) -> bool:
    """The --from/--to rule of statements_query, for values read from the change log."""
    if said_on is None:
        return date_from is None and date_to is None
    if date_from is not None:
        start = partial_date(date_from, "from")
        if said_on < str(start) and said_on not in {str(d) for d in start.coarser()}:
            return False
    return date_to is None or said_on < upper_bound(str(partial_date(date_to, "to")))


def _as_recorded(session: Session, f: StatementFilter, moment: dt.datetime) -> list[StatementOut]:
    """Statements as the knowledge base recorded them at ``moment`` (transaction time), from the change log.

    Rows are selected by the filters whose values the log does not version (about, org, source), then their
    state at ``moment`` is rebuilt and the other filters are applied to it.
    """
    coarse = replace(
        f,
        speaker=None,
        date_from=None,
        date_to=None,
        contains=None,
        direct=None,
        include_retracted=True,
        limit=None,
        as_recorded_at=None,
    )
    current = find_statements(session, coarse)
    states = history.states_at(session, "statement", [s.id for s in current], moment)
    speaker_id = resolve_entity(session, f.speaker, field="speaker").id if f.speaker else None
    needle = normalise_for_search(f.contains) if f.contains else None
    speakers: dict[int, EntityRef] = {}
    evidence = _evidence_as_recorded(session, [s.id for s in current], moment)
    out: list[StatementOut] = []
    for statement in current:
        state = states.get(statement.id)
        if state is None:
            continue
        retracted_at = state.get("retracted_at")
        if retracted_at and not f.include_retracted:
            continue
        if speaker_id is not None and state["speaker_id"] != speaker_id:
            continue
        if not _in_date_range(state.get("said_on"), f.date_from, f.date_to):
            continue
        if needle and needle not in state["quote_norm"]:
            continue
        if f.direct is not None and (state["mode"] == "direct") != f.direct:
            continue
        speaker = statement.speaker
        if state["speaker_id"] != speaker.id:
            if state["speaker_id"] not in speakers:
                entity = session.get(Entity, state["speaker_id"])
                speakers[state["speaker_id"]] = EntityRef.model_validate(entity)
            speaker = speakers[state["speaker_id"]]
        said_on = state.get("said_on")
        out.append(
            statement.model_copy(
                update={
                    "speaker": speaker,
                    "said_on": said_on,
                    "said_on_precision": date_precision(said_on),
                    **{
                        k: state[k]
                        for k in (
                            "date_text",
                            "venue",
                            "quote",
                            "mode",
                            "cue",
                            "role_text",
                            "speaker_mention",
                            "retracted_reason",
                        )
                    },
                    "said_on_basis": state.get("said_on_basis", "stated"),
                    **_evidence_fields(evidence.get(statement.id, [])),
                    "retracted_at": dt.datetime.fromisoformat(retracted_at) if retracted_at else None,
                }
            )
        )
    out.sort(key=lambda s: (s.said_on is None, s.said_on or "", s.id))
    return out[: f.limit] if f.limit is not None else out


def _evidence_as_recorded(
    session: Session, statement_ids: list[int], moment: dt.datetime
) -> dict[int, list[EvidenceOut]]:
    """Each statement's evidence as it stood at ``moment``: recorded by then and not yet retracted."""
    ids: list[int] = []
    for start in range(0, len(statement_ids), 500):
        chunk = statement_ids[start : start + 500]
        ids += session.scalars(select(Evidence.id).where(Evidence.statement_id.in_(chunk))).all()
    states = history.states_at(session, "evidence", ids, moment)
    sources: dict[int, SourceRef] = {}
    out: dict[int, list[EvidenceOut]] = {}
    for evidence_id in sorted(states):
        state = states[evidence_id]
        if state.get("retracted_at"):
            continue
        source_id = int(state["source_id"])
        if source_id not in sources:
            sources[source_id] = SourceRef.model_validate(session.get(Source, source_id))
        out.setdefault(int(state["statement_id"]), []).append(
            EvidenceOut(
                id=evidence_id,
                source=sources[source_id],
                span_start=state.get("span_start"),
                span_end=state.get("span_end"),
                method=state.get("method", "curated"),
                extractor_version=state.get("extractor_version"),
                confidence=state.get("confidence"),
                recorded_at=dt.datetime.fromisoformat(state["recorded_at"]),
                recorded_by=state.get("recorded_by"),
            )
        )
    return out


def _evidence_fields(evidence: list[EvidenceOut]) -> dict[str, Any]:
    """A StatementOut's evidence and first-source fields from the evidence it had at a moment."""
    if not evidence:
        return {}
    first = evidence[0]
    return {
        "evidence": evidence,
        "source": first.source,
        "span_start": first.span_start,
        "span_end": first.span_end,
        "method": first.method,
        "confidence": first.confidence,
    }


def who_said(uow: UnitOfWork, f: StatementFilter) -> list[StatementOut]:
    """Statements matching the filter, in date order."""
    with uow:
        return find_statements(uow.session, f)


def who_said_rows(uow: UnitOfWork, f: StatementFilter, lookups: Lookups | None = None) -> list[Row]:
    """The same, as rows in StatementOut's JSON form (what the renderers take); ``lookups`` receives every
    name of every entity they refer to."""
    lookups = Lookups() if lookups is None else lookups
    with uow:
        if f.as_recorded_at is None:
            return list(statement_rows(uow.session, f, lookups=lookups))
        rows = [s.model_dump(mode="json") for s in _as_recorded(uow.session, f, f.as_recorded_at)]
        lookups.load_refs(*driver_connection(uow.session), rows)
        return rows


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
