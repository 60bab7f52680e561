"""Use cases behind the exports: streaming statements, the fact sheet's JSON Schema, a reproducible clock
(`csto_kb.services.reproducible`), and the entity kinds linked-data formats need."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.model import Entity
from csto_kb.schemas.factsheet import FACTSHEET_SCHEMA_VERSION, FactSheet
from csto_kb.services.queries import statement_rows
from csto_kb.services.reproducible import clock_from_environment as clock_from_environment
from csto_kb.services.reproducible import with_clock as with_clock
from csto_kb.sql.run import HELD_PER_KIND, STREAM_BATCH_SIZE, Lookups, Row, StatementFilter

BATCH_SIZE = STREAM_BATCH_SIZE
"""Rows fetched per round trip while streaming: memory stays bounded by one batch and its lookups."""

SCHEMA_ID = f"https://csto-kb.invalid/schemas/factsheet/v{FACTSHEET_SCHEMA_VERSION}.json"


def stream_statements(
    uow: UnitOfWork, f: StatementFilter, batch_size: int = BATCH_SIZE, lookups: Lookups | None = None
) -> Iterator[Row]:
    """Statements matching ``f`` in date order, as rows in StatementOut's JSON form, one batch at a time.

    PostgreSQL streams through a server-side cursor, SQLite steps through the result; each batch's
    translations, subjects and sources are read together, and each entity's names once (into ``lookups``).
    The unit of work stays open while the caller iterates, so consume the iterator before using ``uow``
    again. Bad filters raise on the first ``next()``, before anything is yielded.
    """
    with uow:
        yield from statement_rows(
            uow.session, f, batch_size=batch_size, server_side=True, lookups=lookups or Lookups(HELD_PER_KIND)
        )


def factsheet_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the fact sheet that ``factsheet --format json`` prints."""
    schema = FactSheet.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def entity_kinds(uow: UnitOfWork, keys: Iterable[str]) -> dict[str, str]:
    """Each entity key's kind (country, person, ministry …), which JSON-LD needs to type a node."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    with uow:
        rows = uow.session.execute(select(Entity.key, Entity.kind).where(Entity.key.in_(wanted)))
        return {str(key): str(kind) for key, kind in rows}


def sheet_entity_keys(sheet: FactSheet) -> set[str]:
    """Every entity a fact sheet mentions."""
    keys = {sheet.alliance.key}
    keys |= {m.member.key for m in sheet.members}
    keys |= {s.speaker.key for s in sheet.statements}
    keys |= {a.key for s in sheet.statements for a in s.about}
    keys |= {p.entity.key for e in (*sheet.founding, *sheet.events) for p in e.participants}
    keys |= {f.asserted_by.key for f in sheet.forces if f.asserted_by}
    return keys


@dataclass(frozen=True)
class LinkedEntities:
    """What the linked-data exports know of the entities a sheet names: each one's kind, Wikidata id and
    primary name per language, and the Wikidata id of each cited source's publisher."""

    kinds: dict[str, str]
    qids: dict[str, str]
    labels: dict[str, dict[str, str]]
    publisher_qids: dict[int, str]


def linked_entities(uow: UnitOfWork, sheet: FactSheet) -> LinkedEntities:
    """The sheet's entities as the linked-data exports need them, read in one unit of work."""
    from csto_kb.model import ExternalId, Source
    from csto_kb.services.external_ids import WIKIDATA

    keys = sorted(sheet_entity_keys(sheet))
    source_ids = [src.id for src in sheet.sources]
    with uow:
        session = uow.session
        entities = session.scalars(
            select(Entity).where(Entity.key.in_(keys)).options(selectinload(Entity.names))
        ).all()
        qids = {
            str(key): str(value)
            for key, value in session.execute(
                select(Entity.key, ExternalId.value)
                .join(ExternalId, ExternalId.entity_id == Entity.id)
                .where(ExternalId.scheme == WIKIDATA, Entity.key.in_(keys))
            )
        }
        publishers = {
            int(source_id): str(value)
            for source_id, value in session.execute(
                select(Source.id, ExternalId.value)
                .join(ExternalId, ExternalId.entity_id == Source.publisher_id)
                .where(ExternalId.scheme == WIKIDATA, Source.id.in_(source_ids))
            )
        }
        labels: dict[str, dict[str, str]] = {}
        for entity in entities:
            for lang in sorted({n.lang for n in entity.names}):
                name = entity.name_in(lang)
                if name:
                    labels.setdefault(entity.key, {})[lang] = name
        return LinkedEntities(
            kinds={e.key: e.kind for e in entities}, qids=qids, labels=labels, publisher_qids=publishers
        )
