"""One record as its `show` command prints it, read with the compiled queries on a DB-API connection.

Standard library only, as `csto_kb.sql.run`: `statement show`, `entity show` and `source show` answer a ready
database without SQLAlchemy, and the services call the same functions with the connection under their
session. Each record comes back in the JSON form of its output schema (``StatementDetail``, ``EntityOut``,
``SourceOut``), which the command validates into the model its renderer takes.
"""

from __future__ import annotations

from typing import Any

from csto_kb.errors import NotFound
from csto_kb.sql.changes import changes_of
from csto_kb.sql.compiled import SQL
from csto_kb.sql.run import Lookups, Row, _moment, fetch_all, statement_rows_by_id


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
        "external_ids": dict(fetch_all(connection, sql["external_ids_of"], {"id": entity_id})),
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
    [
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
            body,
        )
    ] = found
    # Labelled as every citation of it is (`Lookups.source`): by its publisher, else its publisher entity.
    lookups = Lookups() if lookups is None else lookups
    lookups.load(connection, dialect, sources=[source_id])
    [(statements,)] = fetch_all(connection, sql["source_statement_count"], {"id": source_id})
    row = {
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
        "statements": int(statements),
    }
    return row, body
