"""Merging two entities found to be the same, and undoing the merge exactly."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from csto_kb.db import history
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import Conflict, InvalidInput, NotFound
from csto_kb.model import Base, Entity, EntityMerge, EntityName, EventParticipant, statement_about
from csto_kb.model.base import utcnow
from csto_kb.services.entities import resolve_for_write

# Foreign keys to the entity table that a merge treats on their own, each for a reason, rather than by
# moving the referring row's column: the merge's own record and the merged entity's mark of it (they name
# the two entities on purpose), names (a name the survivor already has stays behind), and the two
# association tables, whose rows have no id of their own (they are moved, or dropped when the survivor
# already has the row, with their key in the merge record).
HANDLED_APART: frozenset[tuple[str, str]] = frozenset(
    {
        ("entity", "merged_into_id"),
        ("entity_merge", "survivor_id"),
        ("entity_merge", "merged_id"),
        ("entity_name", "entity_id"),
        ("event_participant", "entity_id"),
        ("statement_about", "entity_id"),
    }
)


def entity_references() -> list[tuple[type[Any], str]]:
    """Every other column pointing at an entity, by the mapped class that holds it: a merge moves them all.

    Read from the model's foreign keys, so a column added later that refers to an entity moves with a merge
    without anyone remembering to list it here.
    """
    entity = Entity.__table__
    classes = {mapper.local_table: mapper.class_ for mapper in Base.registry.mappers}
    references: list[tuple[type[Any], str]] = []
    for table_ in Base.metadata.sorted_tables:
        for key in sorted(table_.foreign_keys, key=lambda fk: fk.parent.name):
            if key.column.table is entity and (table_.name, key.parent.name) not in HANDLED_APART:
                references.append((classes[table_], key.parent.name))
    return references


REFERENCES = entity_references()


def _refuse_two_items(survivor: Entity, merged: Entity) -> None:
    """Two entities with different ids in one scheme are two items of that knowledge base, not one."""
    theirs = {x.scheme: x.value for x in merged.external_ids}
    for mine in survivor.external_ids:
        if theirs.get(mine.scheme, mine.value) != mine.value:
            raise Conflict(
                f"external id: {survivor.key} is {mine.scheme} {mine.value} and {merged.key} is "
                f"{theirs[mine.scheme]}: two items there, not one; nothing was merged"
            )


def merge_entities(uow: UnitOfWork, survivor_name: str, merged_name: str, reason: str) -> dict[str, int]:
    """Merge ``merged`` into ``survivor``: its statements, roles, facts and names move; the merge is recorded."""
    if not reason.strip():
        raise InvalidInput("reason: say why the two are the same")
    with uow:
        session = uow.session
        history.give_reason(session, reason)
        survivor = resolve_for_write(session, survivor_name, field="survivor")
        merged = resolve_for_write(session, merged_name, field="duplicate")
        if survivor.id == merged.id:
            raise InvalidInput(
                f"duplicate: {merged_name!r} and {survivor_name!r} are the same entity already"
            )
        _refuse_two_items(survivor, merged)
        moved: dict[str, Any] = {}
        # ORM updates, one object at a time, so that every moved row gets its entry in the change log.
        for model, column in REFERENCES:
            rows = session.scalars(select(model).where(getattr(model, column) == merged.id)).all()
            if rows:
                moved[f"{model.__tablename__}.{column}"] = [row.id for row in rows]
            for row in rows:
                setattr(row, column, survivor.id)
        participants = session.scalars(
            select(EventParticipant).where(EventParticipant.entity_id == merged.id)
        ).all()
        if participants:
            moved["event_participant"] = [[p.event_id, p.role] for p in participants]
        for p in participants:
            session.execute(
                update(EventParticipant)
                .where(
                    EventParticipant.event_id == p.event_id,
                    EventParticipant.entity_id == merged.id,
                    EventParticipant.role == p.role,
                )
                .values(entity_id=survivor.id)
            )
        about = session.execute(
            select(statement_about.c.statement_id).where(statement_about.c.entity_id == merged.id)
        )
        about_ids = [row[0] for row in about]
        already = set(
            session.scalars(
                select(statement_about.c.statement_id).where(
                    statement_about.c.entity_id == survivor.id, statement_about.c.statement_id.in_(about_ids)
                )
            )
        )
        moved["statement_about.moved"] = [i for i in about_ids if i not in already]
        moved["statement_about.dropped"] = [i for i in about_ids if i in already]
        session.execute(delete(statement_about).where(statement_about.c.entity_id == merged.id))
        if moved["statement_about.moved"]:
            session.execute(
                insert(statement_about),
                [{"statement_id": i, "entity_id": survivor.id} for i in moved["statement_about.moved"]],
            )
        have = {(n.lang, n.name_norm) for n in survivor.names}
        moved_names, kept_names = [], []
        for name in list(merged.names):
            if (name.lang, name.name_norm) in have:
                kept_names.append(name.id)  # the survivor already has it: it stays with the duplicate
            else:
                moved_names.append(name.id)
                name.entity_id = survivor.id
                name.is_primary = False
        moved["entity_name.entity_id"], moved["entity_name.kept"] = moved_names, kept_names
        merged.merged_into_id = survivor.id
        session.add(
            EntityMerge(survivor_id=survivor.id, merged_id=merged.id, by=uow.by, reason=reason, moved=moved)
        )
        session.flush()
        summary = {key: len(ids) for key, ids in moved.items() if ids}
        uow.commit()
        return summary


def unmerge_entity(uow: UnitOfWork, merged_key: str, reason: str) -> str:
    """Undo the latest merge of the entity with key ``merged_key``, moving back exactly what it moved."""
    if not reason.strip():
        raise InvalidInput("reason: say why the merge is undone")
    with uow:
        session = uow.session
        history.give_reason(session, reason)
        merged = session.scalars(select(Entity).where(Entity.key == merged_key)).first()
        if merged is None:
            raise NotFound(f"key: no entity has key {merged_key!r}")
        record = session.scalars(
            select(EntityMerge)
            .where(EntityMerge.merged_id == merged.id, EntityMerge.undone_at.is_(None))
            .order_by(EntityMerge.id.desc())
        ).first()
        if record is None or merged.merged_into_id is None:
            raise Conflict(f"key: {merged_key!r} is not merged into another entity")
        moved = record.moved
        for model, column in REFERENCES:
            for row_id in moved.get(f"{model.__tablename__}.{column}", []):
                row = session.get(model, row_id)
                if row is not None and getattr(row, column) == record.survivor_id:
                    setattr(row, column, merged.id)
        for event_id, role in moved.get("event_participant", []):
            session.execute(
                update(EventParticipant)
                .where(
                    EventParticipant.event_id == event_id,
                    EventParticipant.entity_id == record.survivor_id,
                    EventParticipant.role == role,
                )
                .values(entity_id=merged.id)
            )
        back = moved.get("statement_about.moved", [])
        if back:
            session.execute(
                delete(statement_about).where(
                    statement_about.c.entity_id == record.survivor_id,
                    statement_about.c.statement_id.in_(back),
                )
            )
        restore = back + moved.get("statement_about.dropped", [])
        if restore:
            session.execute(
                insert(statement_about), [{"statement_id": i, "entity_id": merged.id} for i in restore]
            )
        _restore_names(session, moved.get("entity_name.entity_id", []), merged)
        merged.merged_into_id = None
        record.undone_at = utcnow()
        record.undone_by = uow.by
        session.flush()
        survivor = session.get(Entity, record.survivor_id)
        uow.commit()
        return survivor.key if survivor is not None else str(record.survivor_id)


def _restore_names(session: Session, name_ids: list[int], merged: Entity) -> None:
    for name_id in name_ids:
        name = session.get(EntityName, name_id)
        if name is not None:
            name.entity_id = merged.id
    session.flush()
    session.expire(merged, ["names"])
    langs: set[str] = set()
    for name in sorted(merged.names, key=lambda n: n.id):
        # The first name in each language is the primary one again, as it was before the merge.
        name.is_primary = name.lang not in langs
        langs.add(name.lang)
