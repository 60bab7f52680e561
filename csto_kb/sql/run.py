"""Run the compiled read queries on a DB-API connection: sqlite3, or psycopg (directly or under SQLAlchemy).

Only the standard library is imported here, so a read command that uses this module directly starts in a
fraction of the time SQLAlchemy's import takes. The ORM services call the same functions with the DB-API
connection underneath their session: there is one implementation of each query, whichever way it runs.

Statements come back as plain dicts in the JSON shape of `csto_kb.schemas.statements.StatementOut`
(``model_dump(mode="json")``), which is also what the renderers take. A statement's own columns come from one
query; what it refers to is read per batch of rows, and what rows share (an entity's key and names, a role,
a source) once per command, kept in `Lookups`: the renderers read every name of every entity from there.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from csto_kb.dates import PartialDate, upper_bound
from csto_kb.errors import Ambiguous, InvalidInput, NotFound
from csto_kb.labels import date_precision, source_label
from csto_kb.languages import LangText
from csto_kb.sql.compiled import SQL
from csto_kb.text import normalise, normalise_for_search

Row = dict[str, Any]
Resolver = Callable[[str, str], int]
"""Turns (name, field) into one entity id, or raises the error that explains why it cannot."""

# FTS5's trigram index answers for needles of three characters or more; shorter ones scan with LIKE.
TRIGRAM = 3
ID_LIST = "{ids}"
"""Where a compiled query takes its list of ids: `csto_kb.sql.definitions.ID_LIST`, repeated here because that
module needs SQLAlchemy (a test holds the two equal). Other lists are named likewise: ``{parts}``,
``{officials}``."""
STREAM_BATCH_SIZE = 1000
"""Rows per fetch when streaming an export: each batch costs its own lookups (a round trip each on
PostgreSQL), so fewer, larger batches are faster; memory stays bounded by one batch."""
HELD_PER_KIND = 100_000
"""How many entities, roles or sources a streaming export keeps read at most (`Lookups.bound`)."""


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


def closest_names(connection: Any, dialect: str, name: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` stored spellings nearest to ``name`` (difflib's ratio, 0.5 at least), nearest first."""
    import difflib

    cursor = connection.cursor()
    try:
        cursor.execute(SQL[dialect]["all_entity_names"])
        names = dict(cursor.fetchall())
    finally:
        cursor.close()
    return [names[m] for m in difflib.get_close_matches(normalise(name), list(names), n=limit, cutoff=0.5)]


def resolve_name(connection: Any, dialect: str, name: str, field: str = "entity") -> int:
    """The id of the one entity ``name`` designates (`find_entity_ids`); NotFound naming the closest known
    names, or Ambiguous listing the first candidates. Every read that takes a name answers through here."""
    found = find_entity_ids(connection, dialect, name)
    if len(found) == 1:
        return found[0]
    if not found:
        close = closest_names(connection, dialect, name)
        hint = f"; closest known: {', '.join(close)}" if close else ""
        raise NotFound(f"{field}: no entity is called {name!r}{hint}")
    shown = Lookups()
    shown.load_entities(connection, dialect, found[:5])
    listed = ", ".join(f"{shown.display_name(i)} ({shown.entities[i]['key']})" for i in found[:5])
    raise Ambiguous(f"{field}: {name!r} could be {listed}; give the key or a fuller name")


# --- what statements share, read once per id ---------------------------------------------------------------


def listed(ids: Iterable[int]) -> str:
    """Ids as an SQL list: each goes through ``int``, which refuses anything else, so the list needs no
    parameters whatever its length."""
    return ", ".join(map(str, map(int, ids)))


def with_ids(sql: str, ids: Iterable[int] | None = None, **lists: Iterable[int]) -> str:
    """``sql`` with its lists of ids written in (`listed`): ``ids`` where ``{ids}`` stands, each of ``lists``
    where its name does. An empty list matches nothing."""
    named = {"ids": ids, **lists} if ids is not None else lists
    for name, values in named.items():
        sql = sql.replace(f"{{{name}}}", listed(sorted(set(values))) or "NULL")
    return sql


def fetch_all(connection: Any, sql: str, params: Row | None = None) -> list[tuple[Any, ...]]:
    """Every row of one query, as tuples."""
    cursor = connection.cursor()
    try:
        cursor.execute(sql, params or {})
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _lookup(connection: Any, dialect: str, name: str, ids: Collection[int]) -> list[tuple[Any, ...]]:
    """The rows of the batch lookup ``name`` (csto_kb.sql.definitions.BATCH_LOOKUPS) for these ids."""
    if not ids:
        return []
    cursor = connection.cursor()
    try:
        cursor.execute(with_ids(SQL[dialect][name], ids))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def name_in(names: Sequence[LangText], lang: str) -> str | None:
    """The primary name in a language, else the first one in it (``Entity.name_in``)."""
    first = None
    for name in names:
        if name.lang == lang:
            if name.original:
                return name.text
            first = first or name.text
    return first


class Lookups:
    """What statements share, read once per id for one command: each entity's key and every name (``names``,
    in the order recorded, ``original`` marking a primary name), each role with its titles, each source.

    A batch of rows asks only for the ids it has not seen, so a command reads each entity's names once however
    many statements refer to it, and renderers find every name of every entity a row refers to here. With a
    ``bound``, a kind holding that many is emptied before more are read, so a stream over a knowledge base of
    any size keeps its memory bounded (what a batch needs is read after, so its rows find everything);
    without one, everything read stays, as a command holding all its rows needs.
    """

    def __init__(self, bound: int | None = None) -> None:
        self.bound = bound
        self.names: dict[int, tuple[LangText, ...]] = {}
        self.entities: dict[int, Row] = {}
        """Each loaded entity's EntityRef in its JSON form: one dict, shared by every row naming it."""
        self._roles: dict[int, Row] = {}
        self._sources: dict[int, Row] = {}

    def _full(self, held: int, new: int) -> bool:
        return self.bound is not None and held + new > self.bound

    def load_entities(self, connection: Any, dialect: str, ids: Iterable[int]) -> None:
        asked = set(ids)
        wanted = asked - self.entities.keys()
        if not wanted:
            return
        if self._full(len(self.entities), len(wanted)):
            self.entities.clear()
            self.names.clear()
            wanted = asked
        held: dict[int, list[LangText]] = {i: [] for i in wanted}
        for entity_id, lang, name, is_primary in _lookup(connection, dialect, "entity_names", wanted):
            held[entity_id].append(LangText(lang, name, bool(is_primary)))
        for entity_id, key in _lookup(connection, dialect, "entities", wanted):
            names = tuple(held[entity_id])
            self.names[entity_id] = names
            self.entities[entity_id] = {
                "id": entity_id,
                "key": key,
                "name_en": name_in(names, "en"),
                "name_ar": name_in(names, "ar"),
            }

    def display_name(self, entity_id: int) -> str:
        """English name, else Arabic, else the first name, else the key (``Entity.display_name``)."""
        names = self.names.get(entity_id, ())
        return (
            name_in(names, "en")
            or name_in(names, "ar")
            or (names[0].text if names else str(self.entities[entity_id]["key"]))
        )

    def load(
        self,
        connection: Any,
        dialect: str,
        *,
        entities: Iterable[int] = (),
        roles: Iterable[int] = (),
        sources: Iterable[int] = (),
    ) -> None:
        """Read the entities, roles and sources not read yet, and the entities those roles and sources name
        (organisations, publishers): at most five queries, whatever the number of ids."""
        roles, sources = set(roles), set(sources)
        new_roles = roles - self._roles.keys()
        if self._full(len(self._roles), len(new_roles)):
            self._roles.clear()
            new_roles = roles
        new_sources = sources - self._sources.keys()
        if self._full(len(self._sources), len(new_sources)):
            self._sources.clear()
            new_sources = sources
        role_rows = _lookup(connection, dialect, "roles", new_roles)
        source_rows = _lookup(connection, dialect, "sources", new_sources)
        titles: dict[int, list[Row]] = {i: [] for i in new_roles}
        for role_id, lang, text, is_original in _lookup(connection, dialect, "role_titles", new_roles):
            titles[role_id].append({"lang": lang, "text": text, "is_original": bool(is_original)})
        # The organisations of every role in the batch, those read before too: their names may have been
        # let go since (a bound), and the rows' renderers read them.
        named = set(entities)
        named |= {r[1] for r in role_rows if r[1] is not None}
        named |= {
            known["organisation"]["id"]
            for i in roles - new_roles
            if (known := self._roles[i])["organisation"] is not None
        }
        named |= {r[4] for r in source_rows if r[4] is not None}
        self.load_entities(connection, dialect, named)
        for role_id, organisation_id, valid_from, valid_to in role_rows:
            held = titles[role_id]
            original = next((t for t in held if t["is_original"]), held[0] if held else None)
            self._roles[role_id] = {
                "id": role_id,
                "title": original["text"] if original is not None else "",
                "titles": held,
                "organisation": None if organisation_id is None else self.entities[organisation_id],
                "valid_from": valid_from,
                "valid_to": valid_to,
            }
        for source_id, title, url, publisher, publisher_id, published_on, basis, sha256 in source_rows:
            by = self.display_name(publisher_id) if publisher_id is not None else None
            self._sources[source_id] = source_ref(
                source_id, title, url, publisher, by, published_on, basis, sha256
            )

    def role(self, role_id: int) -> Row:
        """A loaded role as RoleOut's JSON form (shared by every row in that role)."""
        return self._roles[role_id]

    def source(self, source_id: int) -> Row:
        """A loaded source as SourceRef's JSON form (shared by every row citing it)."""
        return self._sources[source_id]

    def load_refs(self, connection: Any, dialect: str, rows: Iterable[Row]) -> None:
        """Read the names of every entity these StatementOut JSON rows refer to (rows built elsewhere, from
        the change log)."""
        ids: set[int] = set()
        for row in rows:
            ids.add(int(row["speaker"]["id"]))
            ids |= {int(a["id"]) for a in row["about"]}
            if row["role"] is not None and row["role"]["organisation"] is not None:
                ids.add(int(row["role"]["organisation"]["id"]))
        self.load_entities(connection, dialect, ids)


# --- statements -----------------------------------------------------------------------------------------


def statement_queries(dialect: str, f: StatementFilter, resolve: Resolver) -> list[tuple[str, Row]]:
    """The SQL and parameters of a who-said query (``as_recorded_at`` aside: that one reads the change
    log), in parts to read one after the other.

    Dated statements, then undated ones: each part is read along an index in its order, where one ORDER BY
    putting undated statements last would sort every matching row before returning the first.
    """
    sql = SQL[dialect]
    where, params = statement_conditions(dialect, f, resolve)
    parts = []
    for part, order in (("dated", "dated_order"), ("undated", "undated_order")):
        text = sql["statement_select"] + " WHERE " + " AND ".join([*where, sql[f"filter_{part}"]])
        parts.append((f"{text} ORDER BY {sql[order]}", params))
    return parts


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
    lookups: Lookups | None = None,
    batch_size: int = 500,
    server_side: bool = False,
) -> Iterator[Row]:
    """Statements matching ``f`` in date order, fetched ``batch_size`` rows at a time.

    ``server_side`` asks psycopg for a named cursor, so PostgreSQL streams instead of sending every row at
    once (sqlite3 always steps through the result). Bad filters raise before the query runs. ``lookups``
    keeps the entities, roles and sources read (a new one when not given).
    """
    lookups = Lookups() if lookups is None else lookups
    parts = statement_queries(dialect, f, resolve)
    left = f.limit
    for text, params in parts:
        if left is not None:
            if left <= 0:
                return
            text += " " + SQL[dialect]["limit"]
            params = {**params, "limit": left}
        if server_side and dialect == "postgresql":
            cursor = connection.cursor(name="csto_kb_statements")
        else:
            cursor = connection.cursor()
        try:
            cursor.execute(text, params)
            while batch := cursor.fetchmany(batch_size):
                if left is not None:
                    left -= len(batch)
                yield from statement_batch(connection, dialect, batch, lookups)
        finally:
            cursor.close()


def statement_rows_by_id(
    connection: Any,
    dialect: str,
    ids: Sequence[int],
    lookups: Lookups | None = None,
    *,
    unsourced: bool = False,
) -> list[Row]:
    """The statements with these ids (a short list someone chose), in date order; ``unsourced``: see
    `statement_batch`."""
    if not ids:
        return []
    sql = SQL[dialect]
    text = (
        f"{sql['statement_select']} WHERE statement.id IN ({listed(sorted(set(ids)))}) "
        f"ORDER BY {sql['statement_order']}"
    )
    cursor = connection.cursor()
    try:
        cursor.execute(text)
        flat = cursor.fetchall()
    finally:
        cursor.close()
    return statement_batch(
        connection, dialect, flat, Lookups() if lookups is None else lookups, unsourced=unsourced
    )


def statement_batch(
    connection: Any,
    dialect: str,
    flat: Sequence[Sequence[Any]],
    lookups: Lookups,
    *,
    unsourced: bool = False,
) -> list[Row]:
    """Rows of `statement_select` (its columns in the order of STATEMENT_COLUMNS) as the nested dicts of
    StatementOut's JSON form (same keys, same order), their lists read for the whole batch at once.

    A statement without live evidence is left out, unless ``unsourced``: then it comes with no evidence and
    cites its oldest withdrawn one, as the model's `first_evidence` does (a statement shown by its id is
    shown whatever the state of its sources).

    Every export row passes through here: it unpacks tuples by position and builds each dict once, as a
    literal, rather than going through a dict of columns.
    """
    if not flat:
        return []
    ids = [c[0] for c in flat]
    translations: dict[int, list[Row]] = {i: [] for i in ids}
    for statement_id, lang, text, translator in _lookup(connection, dialect, "translations_of", ids):
        translations[statement_id].append({"lang": lang, "text": text, "translator": translator})
    about: dict[int, list[int]] = {i: [] for i in ids}
    for statement_id, entity_id in _lookup(connection, dialect, "about_of", ids):
        about[statement_id].append(entity_id)
    cited = _lookup(connection, dialect, "evidence_of", ids)
    withdrawn: list[tuple[Any, ...]] = []
    if unsourced:
        bare = set(ids) - {e[0] for e in cited}
        withdrawn = _lookup(connection, dialect, "any_evidence_of", bare)
    lookups.load(
        connection,
        dialect,
        entities={c[15] for c in flat}.union(*about.values()),
        roles={c[16] for c in flat if c[16] is not None},
        sources={e[2] for e in cited} | {e[1] for e in withdrawn},
    )
    source = lookups.source
    oldest: dict[int, Row] = {}
    for statement_id, source_id, span_start, span_end, method, confidence in withdrawn:
        if statement_id not in oldest:
            oldest[statement_id] = {
                "source": source(source_id),
                "span_start": span_start,
                "span_end": span_end,
                "method": method,
                "confidence": confidence,
            }
    evidence: dict[int, list[Row]] = {i: [] for i in ids}
    for (
        statement_id,
        evidence_id,
        source_id,
        span_start,
        span_end,
        method,
        extractor_version,
        confidence,
        recorded_at,
        recorded_by,
    ) in cited:
        evidence[statement_id].append(
            {
                "id": evidence_id,
                "source": source(source_id),
                "span_start": span_start,
                "span_end": span_end,
                "method": method,
                "extractor_version": extractor_version,
                "confidence": confidence,
                "recorded_at": _moment(recorded_at),
                "recorded_by": recorded_by,
                "retracted_at": None,
                "retracted_reason": None,
            }
        )
    entity, role = lookups.entities, lookups.role
    out = []
    for (
        statement_id,
        speaker_mention,
        role_text,
        said_on,
        date_text,
        venue,
        quote,
        lang,
        mode,
        cue,
        said_on_basis,
        recorded_at,
        recorded_by,
        retracted_at,
        retracted_reason,
        speaker_id,
        role_id,
    ) in flat:
        shown = evidence[statement_id]
        first = shown[0] if shown else oldest.get(statement_id)
        if first is None:
            # A statement is shown with a source: the last live one cannot be retracted (only the statement
            # can), so this is a row written around that rule, or changed since this batch was read.
            continue
        out.append(
            {
                "id": statement_id,
                "speaker": entity[speaker_id],
                "speaker_mention": speaker_mention,
                "role": None if role_id is None else role(role_id),
                "role_text": role_text,
                "said_on": said_on,
                "said_on_precision": date_precision(said_on),
                "date_text": date_text,
                "venue": venue,
                "quote": quote,
                "lang": lang,
                "mode": mode,
                "cue": cue,
                "translations": translations[statement_id],
                "about": [entity[e] for e in about[statement_id]],
                "said_on_basis": said_on_basis,
                "evidence": shown,
                "source_count": len(shown),
                "source": first["source"],
                "span_start": first["span_start"],
                "span_end": first["span_end"],
                "method": first["method"],
                "confidence": first["confidence"],
                "recorded_at": _moment(recorded_at),
                "recorded_by": recorded_by,
                "retracted_at": _moment(retracted_at),
                "retracted_reason": retracted_reason,
            }
        )
    return out


def json_value(value: Any) -> Any:
    """A JSON column's or JSON expression's value: SQLite returns the text, psycopg has decoded it already."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def json_list(value: Any) -> list[Row]:
    """A list the database built as JSON, in id order (SQLite returns JSON as text; psycopg decodes it)."""
    items: list[Row] = json.loads(value) if isinstance(value, str | bytes) else list(value or [])
    return sorted(items, key=lambda item: int(item["id"]))


def source_ref(
    source_id: Any,
    title: Any,
    url: Any,
    publisher: Any,
    publisher_name: Any,
    published_on: Any,
    published_basis: Any,
    sha256: Any,
) -> Row:
    """A SourceRef's JSON form; ``publisher_name`` is the publisher entity's name, labelling a source whose
    publisher is given only as an entity."""
    return {
        "id": int(source_id),
        "label": source_label(
            source_id,
            publisher=publisher or publisher_name,
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


# Rows loaded together share their timestamps (a bulk import stamps a whole batch alike: 62 distinct times
# among 100,000 statements of the bench), so each distinct one is written once.
@lru_cache(maxsize=4096)
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
