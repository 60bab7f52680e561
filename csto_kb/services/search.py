"""Searching statements page by page, with the count of each facet (speaker, organisation, month, source,
mode, subject) over everything that matches.

The filters are those of who-said (`csto_kb.sql.run.statement_conditions`), so a search and the command line
find the same statements. Pages follow the who-said order (date, undated last, then id) by keyset: the next
page starts after the last statement shown, so page 200 costs what page 1 costs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.errors import InvalidInput
from csto_kb.labels import source_label
from csto_kb.model import Entity, Source
from csto_kb.schemas.browse import Facet, FacetValue, SearchQuery, SearchResult
from csto_kb.schemas.statements import StatementOut
from csto_kb.services.entities import resolve_entity
from csto_kb.sql.run import StatementFilter, statement_conditions, statement_rows_by_id

FACET_SIZE = 15
FACET_SAMPLE = 10_000
"""Past this many matching statements, the facets count the newest this-many (`SearchResult.facets_over`)."""
_UNDATED = "~"


def statement_filter(query: SearchQuery) -> StatementFilter:
    direct = None if query.mode is None else query.mode == "direct"
    return StatementFilter(
        speaker=query.speaker,
        about=query.about,
        org=query.org,
        date_from=query.date_from,
        date_to=query.date_to,
        contains=query.contains,
        direct=direct,
        source=query.source,
        include_retracted=query.include_retracted,
    )


def encode_cursor(said_on: str | None, statement_id: int) -> str:
    return f"{said_on or _UNDATED}_{statement_id}"


def decode_cursor(after: str) -> tuple[str | None, int]:
    said_on, _, number = after.rpartition("_")
    if not number.isdigit() or not said_on or len(said_on) > 10 or int(number) > 2**63 - 1:
        raise InvalidInput(f"after: {after!r} is not a page position (use next_after of the previous page)")
    if said_on != _UNDATED and not all(c.isdigit() or c == "-" for c in said_on):
        raise InvalidInput(f"after: {after!r} is not a page position (use next_after of the previous page)")
    return (None if said_on == _UNDATED else said_on), int(number)


class _Sql:
    """Raw SQL on the session's DB-API connection, written once for both parameter styles."""

    def __init__(self, session: Session) -> None:
        self.connection, self.dialect = driver_connection(session)

    def param(self, name: str) -> str:
        return f":{name}" if self.dialect == "sqlite" else f"%({name})s"

    def rows(self, text: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        cursor = self.connection.cursor()
        try:
            cursor.execute(text, params)
            return [tuple(r) for r in cursor.fetchall()]
        finally:
            cursor.close()


# Facets and totals of recent queries, keyed by the query and the newest change-log id: every write adds a change,
# so a cached answer is used only while nothing has been written since it was counted.
_COUNTED: OrderedDict[tuple[Any, ...], tuple[int, list[Facet], int | None]] = OrderedDict()
_COUNTED_SIZE = 256
_COUNTED_LOCK = threading.Lock()
_COUNTING: dict[tuple[Any, ...], threading.Lock] = {}


def search_statements(uow: UnitOfWork, query: SearchQuery, *, facets: bool = True) -> SearchResult:
    """One page of the statements matching ``query``, the total, and (unless ``facets`` is False) the facets."""
    with uow:
        session = uow.session
        sql = _Sql(session)

        def resolve(name: str, field: str) -> int:
            return resolve_entity(session, name, field=field).id

        where, params = statement_conditions(sql.dialect, statement_filter(query), resolve)
        where_text = " WHERE " + " AND ".join(where) if where else ""
        version = sql.rows("SELECT max(id) FROM change", {})[0][0]
        tables = _tables(sql, query, params, (str(uow.engine.url), version))
        statements, next_after = _page(sql, query, where, params, tables)
        key: tuple[Any, ...] = (sql.dialect, str(uow.engine.url), version, facets, where_text)
        key += (tuple(sorted(params.items())),)
        key += (
            query.speaker,
            query.org,
            query.about,
            query.date_from,
            query.date_to,
            query.source,
            query.mode,
        )
        with _COUNTED_LOCK:
            counting = _COUNTING.setdefault(key, threading.Lock())
        # One search counts; the same search arriving meanwhile waits for its counts instead of counting too.
        with counting:
            with _COUNTED_LOCK:
                counted = _COUNTED.get(key)
                if counted is not None:
                    _COUNTED.move_to_end(key)
            if counted is None:
                total = int(sql.rows(f"SELECT count(*) FROM statement{where_text}", params)[0][0])
                sampled = facets and total > FACET_SAMPLE
                found_facets = (
                    _facets(session, sql, query, where_text, params, tables, sampled=sampled)
                    if facets
                    else []
                )
                counted = (total, found_facets, FACET_SAMPLE if sampled else None)
                with _COUNTED_LOCK:
                    _COUNTED[key] = counted
                    while len(_COUNTED) > _COUNTED_SIZE:
                        _COUNTED.popitem(last=False)
        with _COUNTED_LOCK:
            _COUNTING.pop(key, None)
        total, found, facets_over = counted
        return SearchResult(
            total=total,
            statements=statements,
            next_after=next_after,
            facets=[f.model_copy(deep=True) for f in found],
            facets_over=facets_over,
        )


# How many quotes hold a phrase, by database and version: the trigram index answers in milliseconds, but a
# common word's every page would ask it again.
_MATCHES: OrderedDict[tuple[Any, ...], tuple[int, int]] = OrderedDict()
_MATCHES_LOCK = threading.Lock()


@dataclass(frozen=True)
class _Tables:
    """Which way to read the statement table for ``k`` statements in date order.

    SQLite cannot tell how many rows the trigram index gives, so it fetches every match to sort them by date:
    for a word found in a quarter of a million quotes, 0.2–0.5 s. Reading along the date index and keeping the
    matches stops once ``k`` are found instead. With ``m`` matches among ``n`` statements that reads about
    ``k·n/m`` index entries against ``m`` rows fetched and sorted, so the index wins once ``m² > k·n``.
    """

    matches: int = 0
    rows: int = 0

    def table(self, k: int) -> str:
        if self.matches * self.matches > k * self.rows:
            return "statement INDEXED BY ix_statement_said_on"
        return "statement"


def _tables(sql: _Sql, query: SearchQuery, params: dict[str, Any], database: tuple[Any, ...]) -> _Tables:
    """How the statement table is read for this search (see `_Tables`); only a phrase searched on SQLite
    with no other entity filter (those have their own indexes, which the planner is left to choose) needs
    telling."""
    phrase = params.get("contains_phrase")
    if sql.dialect != "sqlite" or phrase is None or query.speaker or query.about or query.org or query.source:
        return _Tables()
    key = (*database, phrase)
    with _MATCHES_LOCK:
        known = _MATCHES.get(key)
    if known is None:
        matches = sql.rows(
            "SELECT count(*) FROM statement_fts WHERE statement_fts MATCH :contains_phrase",
            {"contains_phrase": phrase},
        )[0][0]
        rows = sql.rows("SELECT coalesce(max(id), 0) FROM statement", {})[0][0]
        known = (int(matches), int(rows))
        with _MATCHES_LOCK:
            _MATCHES[key] = known
            while len(_MATCHES) > _COUNTED_SIZE:
                _MATCHES.popitem(last=False)
    return _Tables(*known)


def _page(
    sql: _Sql, query: SearchQuery, where: list[str], params: dict[str, Any], tables: _Tables
) -> tuple[list[StatementOut], str | None]:
    """The page's statements and the position after it. The ids come first, from the index on the date, and
    only the page's rows are then read whole (reading every matching row whole to sort it costs more than
    the page itself)."""
    # Dated statements first, oldest first, then the undated ones, as two reads that each follow an index
    # (the date's, the key's) and stop at the page's end: one ORDER BY putting NULLs last would sort every match.
    page_params = dict(params)
    wanted = query.limit + 1
    dated = [*where, "statement.said_on IS NOT NULL"]
    undated = [*where, "statement.said_on IS NULL"]
    after_said_on: str | None = None
    if query.after is not None:
        after_said_on, last_id = decode_cursor(query.after)
        page_params["after_id"] = last_id
        i = sql.param("after_id")
        if after_said_on is None:
            undated.append(f"statement.id > {i}")
        else:
            page_params["after_said_on"] = after_said_on
            s = sql.param("after_said_on")
            dated.append(f"(statement.said_on > {s} OR (statement.said_on = {s} AND statement.id > {i}))")

    def read(table: str, conditions: list[str], order: str, limit: int) -> list[int]:
        text = f"SELECT statement.id FROM {table} WHERE {' AND '.join(conditions)} ORDER BY {order} LIMIT {limit}"
        return [int(r[0]) for r in sql.rows(text, page_params)]

    ids = (
        []
        if query.after is not None and after_said_on is None
        else read(tables.table(wanted), dated, "statement.said_on, statement.id", wanted)
    )
    if len(ids) < wanted:
        ids += read("statement", undated, "statement.id", wanted - len(ids))
    if not ids:
        return [], None
    rows = statement_rows_by_id(sql.connection, sql.dialect, ids[: query.limit])
    statements = [StatementOut.model_validate(r) for r in rows]
    next_after = None
    if len(ids) > query.limit:
        last = statements[-1]
        next_after = encode_cursor(last.said_on, last.id)
    return statements, next_after


def _entities(session: Session, ids: list[int]) -> dict[int, Entity]:
    if not ids:
        return {}
    query = select(Entity).where(Entity.id.in_(ids)).options(selectinload(Entity.names))
    return {e.id: e for e in session.scalars(query)}


def _entity_facet(
    session: Session,
    name: Literal["speaker", "organisation", "subject"],
    counted: list[tuple[Any, ...]],
    param: str,
    current: str | None,
) -> Facet:
    entities = _entities(session, [int(r[0]) for r in counted])
    values = []
    for entity_id, n in counted:
        entity = entities[int(entity_id)]
        selected = current is not None and current in (entity.key, entity.display_name)
        values.append(
            FacetValue(
                label=entity.name_en or entity.display_name,
                label_ar=entity.name_ar,
                count=int(n),
                params={param: entity.key},
                selected=selected,
            )
        )
    return Facet(name=name, values=values)


def _facets(
    session: Session,
    sql: _Sql,
    query: SearchQuery,
    where_text: str,
    params: dict[str, Any],
    tables: _Tables,
    *,
    sampled: bool,
) -> list[Facet]:
    # Over many matches the facets count the newest FACET_SAMPLE of them, read along the date index, rather
    # than group every match six ways: the page says so, and the counts stay a guide to narrowing the search.
    if sampled:
        # The sample's ids are read once: the six counts then look up ten thousand rows by key, instead of
        # each finding and sorting every match again.
        newest = sql.rows(
            f"SELECT statement.id FROM {tables.table(FACET_SAMPLE)}{where_text} "
            f"ORDER BY statement.said_on DESC NULLS LAST, statement.id DESC LIMIT {FACET_SAMPLE}",
            params,
        )
        listed = ",".join(str(int(r[0])) for r in newest) or "NULL"
        base, where = "statement", f" WHERE statement.id IN ({listed})"
    else:
        base, where = "statement", where_text

    def counts(
        select_from: str, group: str, *, distinct: bool = False, order: str = "2 DESC, 1"
    ) -> list[Any]:
        number = "count(DISTINCT statement.id)" if distinct else "count(*)"
        joined = base + select_from.removeprefix("statement")
        return sql.rows(
            f"SELECT {group}, {number} FROM {joined}{where} GROUP BY {group} ORDER BY {order} LIMIT {FACET_SIZE}",
            params,
        )

    facets = [
        _entity_facet(
            session, "speaker", counts("statement", "statement.speaker_id"), "speaker", query.speaker
        )
    ]
    # The organisations a speaker belongs to as the org filter reads them: the body itself, the body it is
    # part of, and every body in which it holds a role.
    affiliation = (
        "(SELECT entity.id AS person_id, entity.id AS org_id FROM entity WHERE entity.kind != 'person' "
        "UNION SELECT entity.id, entity.part_of_id FROM entity WHERE entity.part_of_id IS NOT NULL "
        "UNION SELECT role.person_id, role.organisation_id FROM role WHERE role.organisation_id IS NOT NULL)"
    )
    facets.append(
        _entity_facet(
            session,
            "organisation",
            counts(
                f"statement JOIN {affiliation} affiliation ON affiliation.person_id = statement.speaker_id",
                "affiliation.org_id",
                distinct=True,
            ),
            "org",
            query.org,
        )
    )
    months = counts("statement", "substr(statement.said_on, 1, 7)", order="1 DESC")
    month_values = []
    for month, n in months:
        if month is None:
            month_values.append(FacetValue(label="undated", count=int(n), params={}))
            continue
        label = month if len(month) == 7 else f"{month} (year only)"
        chosen = query.date_from == month and query.date_to == month
        month_values.append(
            FacetValue(label=label, count=int(n), params={"from": month, "to": month}, selected=chosen)
        )
    facets.append(Facet(name="month", values=month_values))
    by_source = counts(
        "statement JOIN evidence ON evidence.statement_id = statement.id AND evidence.retracted_at IS NULL",
        "evidence.source_id",
        distinct=True,
    )
    sources = {
        s.id: s
        for s in session.scalars(
            select(Source)
            .where(Source.id.in_([int(r[0]) for r in by_source]))
            .options(selectinload(Source.publisher_entity).selectinload(Entity.names))
        )
    }
    facets.append(
        Facet(
            name="source",
            values=[
                FacetValue(
                    label=_source_label(sources[int(source_id)]),
                    count=int(n),
                    params={"source": str(source_id)},
                    selected=query.source == int(source_id),
                )
                for source_id, n in by_source
            ],
        )
    )
    # Grouped by the stored mode (an index's column) and folded into the two values the mode filter knows.
    by_mode: dict[str, int] = {}
    for mode, n in counts("statement", "statement.mode"):
        folded = "direct" if mode == "direct" else "reported"
        by_mode[folded] = by_mode.get(folded, 0) + int(n)
    facets.append(
        Facet(
            name="mode",
            values=[
                FacetValue(label=m, count=n, params={"mode": m}, selected=query.mode == m)
                for m, n in sorted(by_mode.items(), key=lambda item: -item[1])
            ],
        )
    )
    facets.append(
        _entity_facet(
            session,
            "subject",
            counts(
                "statement JOIN statement_about subject ON subject.statement_id = statement.id",
                "subject.entity_id",
            ),
            "about",
            query.about,
        )
    )
    return facets


def _source_label(source: Source) -> str:
    publisher = source.publisher or (
        source.publisher_entity.display_name if source.publisher_entity else None
    )
    return source_label(
        source.id,
        publisher=publisher,
        title=source.title,
        published_on=source.published_on,
        published_basis=source.published_basis,
    )
