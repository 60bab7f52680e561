"""One record as its `show` command prints it, read with the compiled queries on a DB-API connection.

Standard library only, as `csto_kb.sql.run`: `statement show`, `entity show`, `source show` and the lists of
entities and sources answer a ready database without SQLAlchemy, and the services call the same functions
with the connection under their session. Each record comes back in the JSON form of its output schema (``StatementDetail``, ``EntityOut``,
``SourceOut``), which the command validates into the model its renderer takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from csto_kb.db.constants import ENTITY_KINDS
from csto_kb.errors import InvalidInput, NotFound
from csto_kb.sql.changes import changes_of
from csto_kb.sql.compiled import SQL
from csto_kb.sql.run import Lookups, Row, _moment, fetch_all, statement_rows_by_id, with_ids


def statement_detail(connection: Any, dialect: str, statement_id: int, lookups: Lookups | None = None) -> Row:
    """A statement with its whole history of changes (StatementDetail's JSON form); NotFound if there is
    none with this id."""
    found = statement_rows_by_id(connection, dialect, [statement_id], lookups, unsourced=True)
    if not found:
        raise NotFound(f"statement: no statement has id {statement_id}")
    return {**found[0], "history": changes_of(connection, dialect, "statement", statement_id)}


def entity_detail(connection: Any, dialect: str, entity_id: int, lookups: Lookups | None = None) -> Row:
    """An entity with every name and its ids elsewhere (EntityOut's JSON form); NotFound if none has this id."""
    sql = SQL[dialect]
    found = fetch_all(connection, sql["entity_detail"], {"id": entity_id})
    if not found:
        raise NotFound(f"entity: no entity has id {entity_id}")
    [(kind, description, part_of_key)] = found
    lookups = Lookups() if lookups is None else lookups
    lookups.load_entities(connection, dialect, [entity_id])
    external_ids = dict(fetch_all(connection, sql["external_ids_of"], {"id": entity_id}))
    return _entity_row(lookups, entity_id, kind, description, part_of_key, external_ids)


def entity_list(
    connection: Any, dialect: str, kind: str | None = None, lookups: Lookups | None = None
) -> list[Row]:
    """Every entity not merged into another, of one ``kind`` if given, by kind and key (EntityOut's JSON
    form); InvalidInput for a kind there is none of. ``lookups`` keeps their names (`Lookups.display_name`)."""
    sql = SQL[dialect]
    if kind:
        if kind not in ENTITY_KINDS:
            raise InvalidInput(f"kind: expected one of {', '.join(ENTITY_KINDS)}, got {kind!r}")
        found = fetch_all(connection, sql["entity_list_of_kind"], {"kind": kind})
    else:
        found = fetch_all(connection, sql["entity_list"])
    ids = [int(row[0]) for row in found]
    lookups = Lookups() if lookups is None else lookups
    lookups.load_entities(connection, dialect, ids)
    external_ids: dict[int, dict[str, str]] = {i: {} for i in ids}
    if ids:
        for entity_id, scheme, value in fetch_all(connection, with_ids(sql["external_ids_in"], ids)):
            external_ids[int(entity_id)][scheme] = value
    return [
        _entity_row(lookups, int(entity_id), kind_, description, part_of_key, external_ids[int(entity_id)])
        for entity_id, kind_, description, part_of_key in found
    ]


def _entity_row(
    lookups: Lookups,
    entity_id: int,
    kind: str,
    description: str | None,
    part_of_key: str | None,
    external_ids: dict[str, str],
) -> Row:
    ref = lookups.entities[entity_id]
    return {
        "id": entity_id,
        "key": ref["key"],
        "kind": kind,
        "name_en": ref["name_en"],
        "name_ar": ref["name_ar"],
        "description": description,
        "part_of_key": part_of_key,
        "names": [
            {"name": n.text, "lang": n.lang, "is_primary": n.original} for n in lookups.names[entity_id]
        ],
        "external_ids": external_ids,
    }


def source_detail(
    connection: Any, dialect: str, source_id: int, lookups: Lookups | None = None
) -> tuple[Row, str | None]:
    """A source's metadata (SourceOut's JSON form, with how many statements it supports) and its stored
    text; NotFound if none has this id."""
    sql = SQL[dialect]
    found = fetch_all(connection, sql["source_detail"], {"id": source_id})
    if not found:
        raise NotFound(f"source: no source has id {source_id}")
    [(*columns, body)] = found
    # Labelled as every citation of it is (`Lookups.source`): by its publisher, else its publisher entity.
    lookups = Lookups() if lookups is None else lookups
    lookups.load(connection, dialect, sources=[source_id])
    [(statements,)] = fetch_all(connection, sql["source_statement_count"], {"id": source_id})
    return _source_row(lookups, source_id, columns, int(statements)), body


def source_list(connection: Any, dialect: str) -> list[Row]:
    """Every source by id, as `source_detail` has it but for its text."""
    sql = SQL[dialect]
    found = fetch_all(connection, sql["source_list"])
    lookups = Lookups()
    lookups.load(connection, dialect, sources=[int(row[0]) for row in found])
    counts = {int(i): int(n) for i, n in fetch_all(connection, sql["source_statement_counts"])}
    return [
        _source_row(lookups, int(source_id), columns, counts.get(int(source_id), 0))
        for source_id, *columns in found
    ]


def _source_row(lookups: Lookups, source_id: int, columns: Sequence[Any], statements: int) -> Row:
    (
        title,
        url,
        publisher,
        lang,
        published_on,
        published_basis,
        published_note,
        kind,
        file_name,
        sha256,
        body_chars,
        added_at,
    ) = columns
    return {
        "id": source_id,
        "label": lookups.source(source_id)["label"],
        "title": title,
        "url": url,
        "publisher": publisher,
        "lang": lang,
        "published_on": published_on,
        "published_basis": published_basis,
        "published_note": published_note,
        "kind": kind,
        "file_name": file_name,
        "sha256": sha256,
        "body_chars": body_chars,
        "added_at": _moment(added_at),
        "statements": statements,
    }
