"""Memberships, force levels, events and organisation facts, read with the compiled queries on a DB-API
connection (sqlite3, or psycopg directly or under SQLAlchemy's session).

Standard library only, as `csto_kb.sql.run`: `members`, `forces`, `events`, each kind's `show` and the fact
sheet answer a ready database without SQLAlchemy, and the ORM services call these same functions with the
connection under their session. Each claim comes back as a plain dict in the JSON shape of its output schema
(``MembershipOut``, ``ForceLevelOut``, ``EventOut``, ``OrganisationFactOut``, ``RoleFactOut`` in
`csto_kb.schemas.facts`: ``model_dump(mode="json")``, keys in the same order), which the commands print as
they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from csto_kb.dates import upper_bound
from csto_kb.db.constants import CLAIM_NAMES
from csto_kb.errors import NotFound
from csto_kb.sql.compiled import FACT_SQL
from csto_kb.sql.run import ID_LIST as ID_LIST
from csto_kb.sql.run import Row, _moment, json_list, json_value, partial_date, source_ref
from csto_kb.sql.run import with_ids as with_ids


def fetch(connection: Any, sql: str, params: Row | None = None) -> list[Row]:
    """The rows of one query, each a dict by column name."""
    cursor = connection.cursor()
    try:
        cursor.execute(sql, params or {})
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    finally:
        cursor.close()


def execute(connection: Any, sql: str) -> None:
    """One statement that returns no rows (a setting)."""
    cursor = connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def fetch_values(connection: Any, sql: str, params: Row | None = None) -> list[Any]:
    """The first column of every row."""
    cursor = connection.cursor()
    try:
        cursor.execute(sql, params or {})
        return [r[0] for r in cursor.fetchall()]
    finally:
        cursor.close()


def _ref(value: Any) -> Row | None:
    """An EntityRef's JSON form from the database's JSON object."""
    entity = json_value(value)
    if entity is None:
        return None
    return {
        "id": int(entity["id"]),
        "key": entity["key"],
        "name_en": entity["name_en"],
        "name_ar": entity["name_ar"],
    }


def _language_rows(value: Any) -> list[Row]:
    """TitleOut's JSON form of each language row, in the order recorded."""
    return [
        {"lang": t["lang"], "text": t["text"], "is_original": bool(t["is_original"])}
        for t in json_list(value)
    ]


def _original(rows: Sequence[Row]) -> Row | None:
    """The row marked original (the first when none is: `csto_kb.model.base.original_row`)."""
    return next((r for r in rows if r["is_original"]), rows[0] if rows else None)


def _evidence(value: Any) -> list[Row]:
    """EvidenceOut's JSON form of each live evidence, oldest first."""
    return [
        {
            "id": int(e["id"]),
            "source": source_ref(
                e["source_id"],
                e["title"],
                e["url"],
                e["publisher"],
                e["publisher_entity"],
                e["published_on"],
                e["published_basis"],
                e["sha256"],
            ),
            "span_start": e["span_start"],
            "span_end": e["span_end"],
            "method": e["method"],
            "extractor_version": e["extractor_version"],
            "confidence": e["confidence"],
            "recorded_at": _moment(e["recorded_at"]),
            "recorded_by": e["recorded_by"],
            "retracted_at": None,
            "retracted_reason": None,
        }
        for e in json_list(value)
    ]


def _citation(c: Row) -> Row:
    """Citation's fields, first in every claim's JSON form."""
    return {
        "evidence": _evidence(c["evidence"]),
        "source_id": c["source_id"],
        "span_start": c["span_start"],
        "span_end": c["span_end"],
        "method": c["method"],
        "note": c["note"],
    }


# --- memberships ----------------------------------------------------------------------------------------


def membership_row(c: Row) -> Row:
    return {
        **_citation(c),
        "id": int(c["id"]),
        "alliance": _ref(c["alliance"]),
        "member": _ref(c["member"]),
        "status": c["status"],
        "valid_from": c["valid_from"],
        "valid_to": c["valid_to"],
    }


def member_rows(connection: Any, dialect: str, alliance_id: int, on: str | None = None) -> list[Row]:
    """An alliance's membership episodes, by member name; with ``on``, each member's standing on that date.

    A member's standing on a date is the episode that began last among those whose interval holds the date:
    "member since 2002" and "frozen since 2024-02" answer "frozen" in June 2024 and "member" in June 2023.
    An episode given to the month or year holds every day of it.
    """
    day = str(partial_date(on, "on")) if on is not None else None
    rows = [
        membership_row(c)
        for c in fetch(connection, FACT_SQL[dialect]["memberships"], {"alliance_id": alliance_id})
    ]
    if day is not None:
        holding = [
            m
            for m in rows
            if (m["valid_from"] is None or m["valid_from"] <= upper_bound(day))
            and (m["valid_to"] is None or upper_bound(m["valid_to"]) >= day)
        ]
        standing: dict[int, Row] = {}
        for m in sorted(holding, key=lambda m: (m["valid_from"] or "", m["id"])):
            standing[m["member"]["id"]] = m  # a later start replaces an earlier one
        rows = list(standing.values())
    return sorted(rows, key=lambda m: (m["member"]["name_en"] or m["member"]["key"], m["valid_from"] or ""))


def entity_memberships(connection: Any, dialect: str, entity_id: int) -> tuple[list[Row], list[Row]]:
    """An entity's live membership episodes: those in which it is the member, by alliance, and those in
    which it is the alliance, by member; each by start."""
    sql = FACT_SQL[dialect]
    params = {"entity_id": entity_id}
    return (
        [membership_row(c) for c in fetch(connection, sql["memberships_as_member"], params)],
        [membership_row(c) for c in fetch(connection, sql["memberships_as_alliance"], params)],
    )


# --- organisation facts ---------------------------------------------------------------------------------


def organisation_fact_row(c: Row) -> Row:
    texts = _language_rows(c["texts"])
    original = _original(texts)
    return {
        **_citation(c),
        "id": int(c["id"]),
        "subject": _ref(c["subject"]),
        "kind": c["kind"],
        "text": original["text"] if original is not None else "",
        "lang": original["lang"] if original is not None else "",
        "texts": texts,
        "statement_id": c["statement_id"],
    }


def organisation_fact_rows(connection: Any, dialect: str, org_id: int) -> list[Row]:
    """The live facts (obligations, characterisations, practices) about an alliance and its bodies."""
    return [
        organisation_fact_row(c)
        for c in fetch(connection, FACT_SQL[dialect]["organisation_facts"], {"org_id": org_id})
    ]


# --- force levels ---------------------------------------------------------------------------------------


def force_rows(connection: Any, dialect: str, organisation_id: int | None = None) -> list[Row]:
    """Force figures, each as its source gives it (figures that disagree are all listed); of one
    organisation, or of every one."""
    sql = FACT_SQL[dialect]
    if organisation_id is None:
        found = fetch(connection, sql["force_levels"])
    else:
        found = fetch(connection, sql["force_levels_of"], {"organisation_id": organisation_id})
    return [force_row(c) for c in found]


def force_row(c: Row) -> Row:
    units = _language_rows(c["units"])
    original = _original(units)
    wording = c["wording"]
    return {
        **_citation(c),
        "id": int(c["id"]),
        "organisation": _ref(c["organisation"]),
        "unit": original["text"] if original is not None else "",
        "unit_lang": original["lang"] if original is not None else "",
        "units": units,
        "wording": wording,
        "wording_lang": c["wording_lang"] if wording is not None else None,
        "count": int(c["count"]),
        "approximate": bool(c["approximate"]),
        "readiness": c["readiness"],
        "as_of": c["as_of"],
        "statement_id": c["statement_id"],
        "asserted_by": _ref(c["asserted_by"]),
    }


# --- events ---------------------------------------------------------------------------------------------


def event_rows(connection: Any, dialect: str, involving: Sequence[int] | None = None) -> list[Row]:
    """Events in date order (undated last); with ``involving``, those one of these entities, or a part of
    one, took part in."""
    sql = FACT_SQL[dialect]
    if involving is None:
        found = fetch(connection, sql["events"])
    else:
        found = fetch(connection, with_ids(sql["events_involving"], involving))
    return [event_row(c) for c in found]


def event_row(c: Row) -> Row:
    titles = _language_rows(c["titles"])
    original = _original(titles)
    participants = sorted(json_value(c["participants"]) or [], key=lambda p: (int(p["entity_id"]), p["role"]))
    return {
        **_citation(c),
        "id": int(c["id"]),
        "key": c["key"],
        "kind": c["kind"],
        "title": original["text"] if original is not None else "",
        "titles": titles,
        "starts_on": c["starts_on"],
        "ends_on": c["ends_on"],
        "date_text": c["date_text"],
        "participants": [{"entity": _ref(p["entity"]), "role": p["role"]} for p in participants],
    }


# --- roles ----------------------------------------------------------------------------------------------


def role_row(c: Row) -> Row:
    titles = _language_rows(c["titles"])
    original = _original(titles)
    return {
        **_citation(c),
        "id": int(c["id"]),
        "person": _ref(c["person"]),
        "organisation": _ref(c["organisation"]),
        "title": original["text"] if original is not None else "",
        "titles": titles,
        "valid_from": c["valid_from"],
        "valid_to": c["valid_to"],
    }


# --- one claim ------------------------------------------------------------------------------------------

_CLAIM_ROWS = {
    "membership": membership_row,
    "role": role_row,
    "force_level": force_row,
    "event": event_row,
    "organisation_fact": organisation_fact_row,
}


def claim(connection: Any, dialect: str, table: str, claim_id: int) -> Row:
    """One membership, role, force figure, event or organisation fact by the table it is stored in and its
    id, retracted or not, in its output schema's JSON form followed by when and why it was retracted
    (``retracted_at``, ``retracted_reason``: null for a live one); NotFound if there is none with this id."""
    sql = FACT_SQL[dialect]
    found = fetch(connection, sql[f"{table}_by_id"], {"id": claim_id})
    if not found:
        raise NotFound(f"{table}: no {CLAIM_NAMES[table]} has id {claim_id}")
    [retraction] = fetch(connection, sql[f"{table}_retraction"], {"id": claim_id})
    return {
        **_CLAIM_ROWS[table](found[0]),
        "retracted_at": _moment(retraction["retracted_at"]),
        "retracted_reason": retraction["retracted_reason"],
    }
