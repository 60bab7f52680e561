"""Matching names against the knowledge base's entities, for a reconciliation client such as OpenRefine."""

from __future__ import annotations

import difflib

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from csto_kb.db.constants import ENTITY_KINDS
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput
from csto_kb.model import Entity, EntityName
from csto_kb.schemas.reconcile import (
    MAX_QUERIES,
    ReconcileCandidate,
    ReconcileQuery,
    ReconcileResult,
    TypeRef,
)
from csto_kb.services.entities import find_entities
from csto_kb.text import normalise


def _kinds(query: ReconcileQuery) -> set[str]:
    kinds = {query.type} if isinstance(query.type, str) else set(query.type or [])
    unknown = kinds - set(ENTITY_KINDS)
    if unknown:
        raise InvalidInput(f"type: expected one of {', '.join(ENTITY_KINDS)}, got {sorted(unknown)[0]!r}")
    return kinds


def _by_words(session: Session, norm: str, limit: int) -> list[Entity]:
    """Entities with a name containing one of the query's words of three letters or more."""
    words = [w for w in norm.split() if len(w) >= 3][:10]
    if not words:
        return []
    ids = session.scalars(
        select(EntityName.entity_id)
        .where(or_(*(EntityName.name_norm.contains(w, autoescape=True) for w in words)))
        .distinct()
        .limit(limit)
    ).all()
    query = (
        select(Entity)
        .where(Entity.id.in_(ids), Entity.merged_into_id.is_(None))
        .options(selectinload(Entity.names))
    )
    return list(session.scalars(query))


def _by_spelling(session: Session, norm: str, limit: int) -> list[Entity]:
    """Entities with a name spelt nearly like the query (a letter more, fewer or different)."""
    names: dict[str, set[int]] = {}
    for name_norm, entity_id in session.execute(select(EntityName.name_norm, EntityName.entity_id)):
        names.setdefault(name_norm, set()).add(entity_id)
    close = difflib.get_close_matches(norm, list(names), n=limit, cutoff=0.75)
    ids = {i for name in close for i in names[name]}
    query = (
        select(Entity)
        .where(Entity.id.in_(ids), Entity.merged_into_id.is_(None))
        .options(selectinload(Entity.names))
    )
    return list(session.scalars(query))


def _candidate(entity: Entity, norm: str, key: str) -> ReconcileCandidate:
    names = {n.name_norm for n in entity.names}
    whole = norm in names or key == entity.key
    score = 100.0 if whole else max(difflib.SequenceMatcher(None, norm, n).ratio() for n in names) * 100
    return ReconcileCandidate(
        id=entity.key,
        name=entity.display_name,
        description=entity.description,
        type=[TypeRef(id=entity.kind, name=entity.kind)],
        score=round(score, 1),
        match=False,
    )


def reconcile(uow: UnitOfWork, queries: dict[str, ReconcileQuery]) -> dict[str, ReconcileResult]:
    """Candidates for each query, best first; ``match`` is set when exactly one has the whole name."""
    if len(queries) > MAX_QUERIES:
        raise InvalidInput(f"queries: at most {MAX_QUERIES} in one batch, got {len(queries)}")
    out: dict[str, ReconcileResult] = {}
    with uow:
        session = uow.session
        for query_id, query in queries.items():
            kinds = _kinds(query)
            norm = normalise(query.query)
            found = (
                find_entities(session, query.query)
                or _by_words(session, norm, query.limit * 5)
                or _by_spelling(session, norm, query.limit)
            )
            if kinds:
                found = [e for e in found if e.kind in kinds]
            candidates = sorted(
                (_candidate(e, norm, query.query.strip()) for e in found), key=lambda c: (-c.score, c.id)
            )[: query.limit]
            whole = [c for c in candidates if c.score == 100.0]
            if len(whole) == 1:
                whole[0].match = True
            out[query_id] = ReconcileResult(result=candidates)
    return out
