"""The change log read with the compiled queries on a DB-API connection: one record's changes and versions,
the recent changes, and what was recorded at a past moment.

Standard library only, as `csto_kb.sql.run`: `history`, `log` and `statement show` answer a ready database
without SQLAlchemy, and the services call the same functions with the connection under their session.
Changes come back in the JSON form of `csto_kb.schemas.statements.ChangeOut` (``model_dump(mode="json")``),
which the commands print as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from csto_kb.dates import upper_bound
from csto_kb.errors import InvalidInput, NotFound
from csto_kb.labels import date_precision
from csto_kb.sql.compiled import SQL, TRACKED_TABLES
from csto_kb.sql.run import (
    Lookups,
    Resolver,
    Row,
    StatementFilter,
    _moment,
    fetch_all,
    json_value,
    partial_date,
    statement_rows,
    with_ids,
)
from csto_kb.text import normalise_for_search

CHUNK = 1000
"""Rows whose changes one query reads: the ids are written into the SQL, so this bounds its length."""


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


def tracked(table: str, field: str) -> str:
    """``table`` if the change log records its rows; else InvalidInput naming ``field`` and the choices."""
    if table not in TRACKED_TABLES:
        raise InvalidInput(f"{field}: expected one of {', '.join(TRACKED_TABLES)}, got {table!r}")
    return table


def moment_param(dialect: str, moment: dt.datetime) -> Any:
    """A moment to compare with the change log's ``at``: on SQLite that column holds text, as SQLAlchemy
    writes it (``YYYY-MM-DD HH:MM:SS.ffffff``), and compares as text, so the moment is written the same way."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if dialect == "sqlite" else moment


def change_row(values: tuple[Any, ...]) -> Row:
    """A row of CHANGE_COLUMNS (csto_kb.sql.definitions) as ChangeOut's JSON form."""
    change_id, at, by, action, reason, before, after = values
    return {
        "id": change_id,
        "at": _moment(at),
        "by": by,
        "action": action,
        "reason": reason,
        "before": json_value(before),
        "after": json_value(after),
    }


def changes_of(connection: Any, dialect: str, table: str, row_id: int) -> list[Row]:
    """Every change to one record, oldest first."""
    found = fetch_all(connection, SQL[dialect]["changes_of"], {"table": table, "row_id": row_id})
    return [change_row(values) for values in found]


def versions(connection: Any, dialect: str, table: str, row_id: int) -> list[Row]:
    """Every version of one record, oldest first, as `history --format json` prints it: its number, the
    change (ChangeOut's JSON form), the record's state after it, and the values it replaced."""
    tracked(table, "of")
    changes = changes_of(connection, dialect, table, row_id)
    if not changes:
        raise NotFound(f"{table}: no {table} with id {row_id} has been recorded")
    out: list[Row] = []
    state: Row = {}
    for number, change in enumerate(changes, start=1):
        after = change["after"] or {}
        if change["action"] == "insert":
            state = dict(after)
            changed: Row = {}
        else:
            before = change["before"] or {}
            changed = {key: {"before": before.get(key), "after": value} for key, value in after.items()}
            state = {**state, **after}
        out.append({"version": number, "change": change, "state": dict(state), "changed": changed})
    return out


def recent_changes(
    connection: Any,
    dialect: str,
    *,
    since: dt.datetime | None = None,
    by: str | None = None,
    table: str | None = None,
    limit: int = 50,
) -> list[Row]:
    """The most recent changes first, as `log --format json` prints them: the table and row changed, then
    the change (ChangeOut's JSON form)."""
    if table is not None:
        tracked(table, "table")
    sql = SQL[dialect]
    given = {"since": None if since is None else moment_param(dialect, since), "by": by, "table": table}
    params = {name: value for name, value in given.items() if value is not None}
    text = sql["change_log_select"]
    if params:
        text += " WHERE " + " AND ".join(sql[f"change_filter_{name}"] for name in params)
    text += f" ORDER BY {sql['change_log_order']} {sql['limit']}"
    found = fetch_all(connection, text, {**params, "limit": limit})
    return [{"table": values[0], "row_id": values[1], **change_row(values[2:])} for values in found]


def states_at(
    connection: Any, dialect: str, table: str, row_ids: Iterable[int], moment: dt.datetime
) -> dict[int, Row]:
    """The rows of ``table`` as the knowledge base recorded them at ``moment`` (absent: not yet recorded,
    or deleted by then), each a dict of its columns as the change log keeps them."""
    ids = sorted(set(row_ids))
    params = {"table": table, "moment": moment_param(dialect, moment)}
    states: dict[int, Row] = {}
    cursor = connection.cursor()
    try:
        for start in range(0, len(ids), CHUNK):
            cursor.execute(with_ids(SQL[dialect]["changes_up_to"], ids[start : start + CHUNK]), params)
            for row_id, action, after in cursor.fetchall():
                if action == "insert":
                    states[row_id] = dict(json_value(after) or {})
                elif action == "delete":
                    states.pop(row_id, None)
                elif row_id in states:
                    states[row_id].update(json_value(after) or {})
    finally:
        cursor.close()
    return states


def _ids(connection: Any, dialect: str, name: str, ids: Sequence[int]) -> list[int]:
    """The first column of the query ``name`` over these ids, CHUNK at a time."""
    out: list[int] = []
    cursor = connection.cursor()
    try:
        for start in range(0, len(ids), CHUNK):
            cursor.execute(with_ids(SQL[dialect][name], ids[start : start + CHUNK]))
            out += [int(r[0]) for r in cursor.fetchall()]
    finally:
        cursor.close()
    return out


def in_date_range(said_on: str | None, date_from: str | None, date_to: str | None) -> bool:
    """The --from/--to rule of the who-said query (`csto_kb.sql.run.statement_conditions`), for values read
    from the change log."""
    if said_on is None:
        return date_from is None and date_to is None
    if date_from is not None:
        start = partial_date(date_from, "from")
        if said_on < str(start) and said_on not in {str(d) for d in start.coarser()}:
            return False
    return date_to is None or said_on < upper_bound(str(partial_date(date_to, "to")))


# The columns of a statement's state that replace its current values as they are.
_AS_RECORDED = (
    "date_text",
    "venue",
    "quote",
    "mode",
    "cue",
    "role_text",
    "speaker_mention",
    "retracted_reason",
)


def statements_as_recorded(
    connection: Any,
    dialect: str,
    f: StatementFilter,
    moment: dt.datetime,
    resolve: Resolver,
    lookups: Lookups | None = None,
) -> list[Row]:
    """Statements matching ``f`` as the knowledge base recorded them at ``moment`` (transaction time), from
    the change log, in StatementOut's JSON form; ``lookups`` receives every name of every entity they refer
    to.

    Rows are selected by the filters whose values the log does not version (about, org, source), then their
    state at that moment is rebuilt and the other filters are applied to it. What the log does not version
    (the role, the source count, the sources' own metadata) is shown as it is now.
    """
    lookups = Lookups() if lookups is None else lookups
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
    current = list(statement_rows(connection, dialect, coarse, resolve, lookups=lookups))
    ids = [row["id"] for row in current]
    states = states_at(connection, dialect, "statement", ids, moment)
    speaker_id = resolve(f.speaker, "speaker") if f.speaker else None
    needle = normalise_for_search(f.contains) if f.contains else None
    evidence = _evidence_as_recorded(connection, dialect, ids, moment, lookups)
    lookups.load_entities(connection, dialect, {int(state["speaker_id"]) for state in states.values()})
    out: list[Row] = []
    for row in current:
        state = states.get(row["id"])
        if state is None:
            continue
        retracted_at = state.get("retracted_at")
        if retracted_at and not f.include_retracted:
            continue
        if speaker_id is not None and state["speaker_id"] != speaker_id:
            continue
        said_on = state.get("said_on")
        if not in_date_range(said_on, f.date_from, f.date_to):
            continue
        if needle and needle not in state["quote_norm"]:
            continue
        if f.direct is not None and (state["mode"] == "direct") != f.direct:
            continue
        cited = evidence.get(row["id"], [])
        first = cited[0] if cited else None
        out.append(
            {
                **row,
                "speaker": lookups.entities[int(state["speaker_id"])],
                "said_on": said_on,
                "said_on_precision": date_precision(said_on),
                **{key: state[key] for key in _AS_RECORDED},
                "said_on_basis": state.get("said_on_basis", "stated"),
                # Evidence none of which had been recorded yet leaves the current citation (the statement
                # was recorded with one, so this is a log written around the rules).
                **(
                    {}
                    if first is None
                    else {
                        "evidence": cited,
                        "source_count": len(cited),
                        "source": first["source"],
                        "span_start": first["span_start"],
                        "span_end": first["span_end"],
                        "method": first["method"],
                        "confidence": first["confidence"],
                    }
                ),
                "retracted_at": _moment(retracted_at) if retracted_at else None,
            }
        )
    out.sort(key=lambda s: (s["said_on"] is None, s["said_on"] or "", s["id"]))
    return out[: f.limit] if f.limit is not None else out


def _evidence_as_recorded(
    connection: Any, dialect: str, statement_ids: Sequence[int], moment: dt.datetime, lookups: Lookups
) -> dict[int, list[Row]]:
    """Each statement's evidence as it stood at ``moment`` (recorded by then and not yet withdrawn), oldest
    first, in EvidenceOut's JSON form."""
    states = states_at(
        connection, dialect, "evidence", _ids(connection, dialect, "evidence_ids_of", statement_ids), moment
    )
    live = {
        evidence_id: state for evidence_id, state in sorted(states.items()) if not state.get("retracted_at")
    }
    lookups.load(connection, dialect, sources={int(state["source_id"]) for state in live.values()})
    out: dict[int, list[Row]] = {}
    for evidence_id, state in live.items():
        confidence = state.get("confidence")
        out.setdefault(int(state["statement_id"]), []).append(
            {
                "id": evidence_id,
                "source": lookups.source(int(state["source_id"])),
                "span_start": state.get("span_start"),
                "span_end": state.get("span_end"),
                "method": state.get("method", "curated"),
                "extractor_version": state.get("extractor_version"),
                "confidence": None if confidence is None else float(confidence),
                "recorded_at": _moment(state["recorded_at"]),
                "recorded_by": state.get("recorded_by"),
                "retracted_at": None,
                "retracted_reason": None,
            }
        )
    return out
