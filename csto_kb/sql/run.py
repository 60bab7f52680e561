"""Run the compiled read queries on a DB-API connection: sqlite3, or psycopg (directly or under SQLAlchemy).

Only the standard library is imported here, so a read command that uses this module directly starts in a
fraction of the time SQLAlchemy's import takes. The ORM services call the same functions with the DB-API
connection underneath their session: there is one implementation of each query, whichever way it runs.

Statements come back as plain dicts in the JSON shape of `csto_kb.schemas.statements.StatementOut`
(``model_dump(mode="json")``), which is also what the renderers take.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from csto_kb.dates import PartialDate, upper_bound
from csto_kb.errors import InvalidInput
from csto_kb.labels import date_precision, source_label
from csto_kb.sql.compiled import SQL
from csto_kb.text import normalise, normalise_for_search

Row = dict[str, Any]
Resolver = Callable[[str, str], int]
"""Turns (name, field) into one entity id, or raises the error that explains why it cannot."""

# FTS5's trigram index answers for needles of three characters or more; shorter ones scan with LIKE.
TRIGRAM = 3


@dataclass(frozen=True)
class StatementFilter:
    """The who-said filters; every one is optional and they combine with AND."""

    speaker: str | None = None
    about: str | None = None
    org: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    contains: str | None = None
    direct: bool | None = None
    source: int | None = None
    include_retracted: bool = False
    limit: int | None = None
    as_recorded_at: dt.datetime | None = None


def partial_date(value: str, field: str) -> PartialDate:
    """``value`` as a partial date, or InvalidInput naming ``field`` and the expected form."""
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise InvalidInput(f"{field}: {error}") from None


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards escaped for ``ESCAPE '/'``."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def fts_phrase(text: str) -> str:
    """An FTS5 phrase matching ``text`` literally: inside double quotes, a double quote is doubled."""
    return '"' + text.replace('"', '""') + '"'


# --- entities -------------------------------------------------------------------------------------------


def find_entity_ids(connection: Any, dialect: str, name: str, *, words: bool = True) -> list[int]:
    """Entities called ``name``: by key, by an exact normalised alias, else (unless ``words`` is False) by
    whole words of an alias.

    An entity merged into another is found as the one it was merged into.
    """
    sql = SQL[dialect]
    cursor = connection.cursor()
    try:
        cursor.execute(sql["entity_by_key"], {"key": name.strip()})
        by_key = cursor.fetchone()
        if by_key is not None:
            entity_id, merged_into = by_key
            while merged_into is not None:
                entity_id = merged_into
                cursor.execute(sql["entity_merged_into"], {"id": entity_id})
                merged_into = cursor.fetchone()[0]
            return [int(entity_id)]
        norm = normalise(name)
        if not norm:
            return []
        cursor.execute(sql["entities_by_name"], {"norm": norm})
        exact = [int(r[0]) for r in cursor.fetchall()]
        if exact or not words:
            return exact
        cursor.execute(sql["entities_by_words"], {"padded": f"% {like_escape(norm)} %"})
        return [int(r[0]) for r in cursor.fetchall()]
    finally:
        cursor.close()


# --- statements -----------------------------------------------------------------------------------------


def statement_query(dialect: str, f: StatementFilter, resolve: Resolver) -> tuple[str, Row]:
    """The SQL and parameters of a who-said query (``as_recorded_at`` aside: that one reads the change log)."""
    sql = SQL[dialect]
    where, params = statement_conditions(dialect, f, resolve)
    text = sql["statement_select"]
    if where:
        text += " WHERE " + " AND ".join(where)
    text += " ORDER BY " + sql["statement_order"]
    if f.limit is not None:
        text += " " + sql["limit"]
        params["limit"] = f.limit
    return text, params


def statement_conditions(dialect: str, f: StatementFilter, resolve: Resolver) -> tuple[list[str], Row]:
    """The WHERE fragments (on the ``statement`` table, to be joined with AND) and parameters of ``f``."""
    sql = SQL[dialect]
    where: list[str] = []
    params: Row = {}

    def add(name: str, **values: Any) -> None:
        where.append(sql[f"filter_{name}"])
        params.update(values)

    if not f.include_retracted:
        add("live")
    if f.speaker:
        add("speaker", speaker_id=resolve(f.speaker, "speaker"))
    if f.about:
        add("about", about_id=resolve(f.about, "about"))
    if f.org:
        add("org", org_id=resolve(f.org, "org"))
    # An empty --from or --to is refused as a date, not taken as no bound.
    start = partial_date(f.date_from, "from") if f.date_from is not None else None
    end = partial_date(f.date_to, "to") if f.date_to is not None else None
    if start is not None and end is not None and str(start) > str(end):
        raise InvalidInput(f"to: {f.date_to} is before --from {f.date_from}")
    if start is not None:
        coarser = [str(d) for d in start.coarser()] + [None, None]
        add("date_from", date_from=str(start), from_year=coarser[0], from_month=coarser[1])
    if end is not None:
        add("date_to", date_to_bound=upper_bound(str(end)))
    if f.contains is not None:
        needle = normalise_for_search(f.contains)
        if not needle:
            raise InvalidInput("contains: give words to search for")
        if dialect == "sqlite" and len(needle) >= TRIGRAM:
            add("contains_indexed", contains_phrase=fts_phrase(needle))
        else:
            add("contains", contains_pattern=f"%{like_escape(needle)}%")
    if f.direct is not None:
        add("direct" if f.direct else "reported")
    if f.source is not None:
        add("source", source_id=f.source)
    return where, params


def statement_rows(
    connection: Any,
    dialect: str,
    f: StatementFilter,
    resolve: Resolver,
    *,
    batch_size: int = 500,
    server_side: bool = False,
) -> Iterator[Row]:
    """Statements matching ``f`` in date order, fetched ``batch_size`` rows at a time.

    ``server_side`` asks psycopg for a named cursor, so PostgreSQL streams instead of sending every row at
    once (sqlite3 always steps through the result). Bad filters raise before the query runs.
    """
    text, params = statement_query(dialect, f, resolve)
    if server_side and dialect == "postgresql":
        cursor = connection.cursor(name="csto_kb_statements")
    else:
        cursor = connection.cursor()
    try:
        cursor.execute(text, params)
        names = [c[0] for c in cursor.description]
        while batch := cursor.fetchmany(batch_size):
            for values in batch:
                yield statement_row(dict(zip(names, values, strict=True)))
    finally:
        cursor.close()


def statement_rows_by_id(connection: Any, dialect: str, ids: list[int]) -> list[Row]:
    """The statements with these ids (a short list someone chose), in date order.

    The ids are written into the SQL as integers (``int`` refuses anything else), so the list needs no
    parameters whatever its length.
    """
    if not ids:
        return []
    sql = SQL[dialect]
    listed = ", ".join(str(int(i)) for i in sorted(set(ids)))
    text = f"{sql['statement_select']} WHERE statement.id IN ({listed}) ORDER BY {sql['statement_order']}"
    cursor = connection.cursor()
    try:
        cursor.execute(text)
        names = [c[0] for c in cursor.description]
        return [statement_row(dict(zip(names, values, strict=True))) for values in cursor.fetchall()]
    finally:
        cursor.close()


def _json_list(value: Any) -> list[Row]:
    # SQLite returns JSON as text; psycopg has already decoded it.
    items: list[Row] = json.loads(value) if isinstance(value, str | bytes) else list(value or [])
    return sorted(items, key=lambda item: int(item["id"]))


def _moment(value: Any) -> str | None:
    """A timestamp as pydantic writes a naive datetime in JSON (ISO 8601 with a T, no zero microseconds)."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 26 and value[10] == " " and value[19] == ".":
        # SQLAlchemy's SQLite form, "YYYY-MM-DD HH:MM:SS.ffffff": rewritten without parsing (every row has one).
        text = value[:10] + "T" + value[11:]
        return text[:19] if text.endswith(".000000") else text
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment.isoformat()


def _ref(entity_id: Any, key: Any, name_en: Any, name_ar: Any) -> Row:
    return {"id": int(entity_id), "key": key, "name_en": name_en, "name_ar": name_ar}


def statement_row(c: Row) -> Row:
    """A flat result row as the nested dict of StatementOut's JSON form (same keys, same order)."""
    role = None
    if c["role_id"] is not None:
        organisation = None
        if c["organisation_id"] is not None:
            organisation = _ref(
                c["organisation_id"],
                c["organisation_key"],
                c["organisation_name_en"],
                c["organisation_name_ar"],
            )
        titles = [
            {"lang": t["lang"], "text": t["text"], "is_original": bool(t["is_original"])}
            for t in _json_list(c["role_titles"])
        ]
        original = next((t for t in titles if t["is_original"]), titles[0] if titles else None)
        role = {
            "id": int(c["role_id"]),
            "title": original["text"] if original is not None else "",
            "titles": titles,
            "organisation": organisation,
            "valid_from": c["role_valid_from"],
            "valid_to": c["role_valid_to"],
        }
    translations = [
        {"lang": t["lang"], "text": t["text"], "translator": t["translator"]}
        for t in _json_list(c["translations"])
    ]
    about = [_ref(a["id"], a["key"], a["name_en"], a["name_ar"]) for a in _json_list(c["about"])]
    evidence = [
        {
            "id": int(e["id"]),
            "source": _source_ref(
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
        for e in _json_list(c["evidence"])
    ]
    source = _source_ref(
        c["source_id"],
        c["source_title"],
        c["source_url"],
        c["source_publisher"],
        c["source_publisher_entity"],
        c["source_published_on"],
        c["source_published_basis"],
        c["source_sha256"],
    )
    return {
        "id": int(c["id"]),
        "speaker": _ref(c["speaker_id"], c["speaker_key"], c["speaker_name_en"], c["speaker_name_ar"]),
        "speaker_mention": c["speaker_mention"],
        "role": role,
        "role_text": c["role_text"],
        "said_on": c["said_on"],
        "said_on_precision": date_precision(c["said_on"]),
        "date_text": c["date_text"],
        "venue": c["venue"],
        "quote": c["quote"],
        "lang": c["lang"],
        "mode": c["mode"],
        "cue": c["cue"],
        "translations": translations,
        "about": about,
        "said_on_basis": c["said_on_basis"],
        "evidence": evidence,
        "source_count": len(evidence),
        "source": source,
        "span_start": c["span_start"],
        "span_end": c["span_end"],
        "method": c["method"],
        "confidence": c["confidence"],
        "recorded_at": _moment(c["recorded_at"]),
        "recorded_by": c["recorded_by"],
        "retracted_at": _moment(c["retracted_at"]),
        "retracted_reason": c["retracted_reason"],
    }


def _source_ref(
    source_id: Any,
    title: Any,
    url: Any,
    publisher: Any,
    publisher_entity: Any,
    published_on: Any,
    published_basis: Any,
    sha256: Any,
) -> Row:
    """A SourceRef's JSON form."""
    return {
        "id": int(source_id),
        "label": source_label(
            source_id,
            publisher=publisher or publisher_entity,
            title=title,
            published_on=published_on,
            published_basis=published_basis,
        ),
        "url": url,
        "publisher": publisher,
        "published_on": published_on,
        "published_basis": published_basis,
        "sha256": sha256,
    }
