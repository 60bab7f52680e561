"""Finding entities by any of their names, in either script, and adding entities and aliases."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from csto_kb.db.constants import ENTITY_KINDS
from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.errors import Ambiguous, Duplicate, InvalidInput
from csto_kb.langtags import canonical_lang
from csto_kb.model import Entity, EntityName
from csto_kb.schemas.entities import EntityOut
from csto_kb.text import normalise, normalise_for_search

_ARABIC = re.compile(r"[\u0600-\u06FF]")


def language_tag(value: str, *, field: str = "lang") -> str:
    """``value`` as a canonical BCP 47 tag; InvalidInput naming ``field`` otherwise (an empty value too)."""
    try:
        return canonical_lang(value)
    except ValueError as error:
        raise InvalidInput(f"{field}: {error}") from None


def guess_lang(name: str) -> str:
    """``ar`` for a name in Arabic script, ``en`` for one in Latin letters only, ``und`` (BCP 47's
    "undetermined") for any other: Cyrillic is Russian, Kazakh, Kyrgyz, Tajik or Belarusian alike, so the
    script does not tell, and ``--lang`` should."""
    if _ARABIC.search(name):
        return "ar"
    letters = [c for c in name if c.isalpha()]
    return "en" if all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in letters) else "und"


def slugify(name: str) -> str:
    """A key from a Latin name (``Stanislav Zas`` → ``stanislav-zas``); Arabic names fall back to ``entity``."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(name)).strip("-")
    return slug or "entity"


def _entities_with_names(session: Session, ids: list[int]) -> list[Entity]:
    query = (
        select(Entity)
        .where(Entity.id.in_(ids), Entity.merged_into_id.is_(None))
        .options(selectinload(Entity.names))
        .order_by(Entity.id)
    )
    return list(session.scalars(query))


def find_entities(session: Session, name: str, *, exact: bool = False) -> list[Entity]:
    """Entities called ``name`` (see `csto_kb.sql.run.find_entity_ids` for the rules), with their names;
    ``exact``: only by key or by a whole normalised name or alias, never by some of its words."""
    from csto_kb.sql.run import find_entity_ids

    ids = find_entity_ids(*driver_connection(session), name, words=not exact)
    return _entities_with_names(session, ids) if ids else []


def closest_names(session: Session, name: str, limit: int = 3) -> list[str]:
    from csto_kb.sql.run import closest_names as closest

    return closest(*driver_connection(session), name, limit)


def resolve_entity(session: Session, name: str, *, field: str = "entity") -> Entity:
    """The one entity ``name`` designates; NotFound (with the closest names) or Ambiguous otherwise, in the
    words of `csto_kb.sql.run.resolve_name`, which the driver path answers with too."""
    from csto_kb.sql.run import resolve_name

    return _entities_with_names(session, [resolve_name(*driver_connection(session), name, field)])[0]


# An id typed as a name: at most 18 digits, so that it always fits a 64-bit integer.
_ENTITY_ID = re.compile(r"[0-9]{1,18}")


def resolve_for_write(
    session: Session, name: str, *, field: str = "entity", create_person: bool = False
) -> Entity:
    """The entity a write names: by its key, its id, or a whole name or alias (after normalisation).

    Searching may find "Nikol" in "Nikol Pashinyan"; a write may not, or a statement would be stored under
    whoever happens to carry the word. An unknown name is refused naming the closest known ones, or, with
    ``create_person``, becomes a new person. Every service that stores a reference to an entity calls this.
    """
    found = find_entities(session, name, exact=True)
    if not found and _ENTITY_ID.fullmatch(name.strip()):
        found = _entities_with_names(session, [int(name.strip())])
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"{e.display_name} ({e.key})" for e in found[:5])
        raise Ambiguous(f"{field}: {name!r} could be {listed}; give the key")
    if create_person:
        return create_entity(session, name=name, kind="person", lang=guess_lang(name))
    close = closest_names(session, name)
    hint = f"; closest known: {', '.join(close)}" if close else ""
    how = " (or --create-speaker to add a new person)" if field == "speaker" else ""
    raise InvalidInput(
        f"{field}: no entity is called exactly {name!r}{hint}; give a whole name, alias or key{how}"
    )


def add_name(session: Session, entity: Entity, name: str, lang: str | None = None) -> bool:
    """Give ``entity`` another name; False when it already has it. The first name in a language is primary."""
    lang = guess_lang(name) if lang is None else language_tag(lang)
    norm = normalise(name)
    if not normalise_for_search(name):
        raise InvalidInput(f"name: {name!r} must contain letters or digits")
    if any(n.lang == lang and n.name_norm == norm for n in entity.names):
        return False
    primary = not any(n.lang == lang for n in entity.names)
    entity.names.append(EntityName(name=name.strip(), lang=lang, name_norm=norm, is_primary=primary))
    return True


def create_entity(
    session: Session,
    *,
    name: str,
    kind: str,
    key: str | None = None,
    lang: str | None = None,
    description: str | None = None,
    part_of: Entity | None = None,
) -> Entity:
    """A new entity with one name; the key is derived from the name unless given."""
    if kind not in ENTITY_KINDS:
        raise InvalidInput(f"kind: expected one of {', '.join(ENTITY_KINDS)}, got {kind!r}")
    base = key or slugify(name)
    if key and session.scalars(select(Entity.id).where(Entity.key == key)).first() is not None:
        raise Duplicate(f"key: an entity with key {key!r} already exists")
    candidate, n = base, 1
    while session.scalars(select(Entity.id).where(Entity.key == candidate)).first() is not None:
        n += 1
        candidate = f"{base}-{n}"
    entity = Entity(key=candidate, kind=kind, description=description, part_of=part_of, names=[])
    add_name(session, entity, name, lang)
    session.add(entity)
    session.flush()
    return entity


def add_entity(
    uow: UnitOfWork,
    *,
    name: str,
    kind: str,
    key: str | None = None,
    lang: str | None = None,
    description: str | None = None,
    part_of: str | None = None,
    aliases: list[str] | None = None,
) -> EntityOut:
    """Add an entity unless one with the same name and kind exists already."""
    lang = None if lang is None else language_tag(lang)
    with uow:
        session = uow.session
        for existing in find_entities(session, name, exact=True):
            if existing.kind == kind and normalise(name) in {n.name_norm for n in existing.names}:
                raise Duplicate(
                    f"name: {existing.display_name} already exists as {existing.key}", existing.id
                )
        parent = resolve_for_write(session, part_of, field="part_of") if part_of else None
        entity = create_entity(
            session, name=name, kind=kind, key=key, lang=lang, description=description, part_of=parent
        )
        for alias in aliases or []:
            add_name(session, entity, alias)
        uow.commit()
        return EntityOut.model_validate(entity)


def add_alias(uow: UnitOfWork, entity_name: str, alias: str, lang: str | None = None) -> EntityOut:
    """Give an existing entity another name; a name another entity already has is refused."""
    lang = None if lang is None else language_tag(lang)
    with uow:
        session = uow.session
        entity = resolve_for_write(session, entity_name)
        norm = normalise(alias)
        other = session.scalars(
            select(EntityName).where(EntityName.name_norm == norm, EntityName.entity_id != entity.id)
        ).first()
        if other is not None:
            raise Duplicate(
                f"alias: {alias!r} already names {other.entity.display_name} ({other.entity.key})"
            )
        if not add_name(session, entity, alias, lang):
            raise Duplicate(f"alias: {entity.display_name} is already called {alias!r}", entity.id)
        uow.commit()
        return EntityOut.model_validate(entity)


def get_entity(uow: UnitOfWork, name: str) -> EntityOut:
    """The one entity ``name`` designates, read by the compiled queries (`csto_kb.sql.records`), which
    `entity show` also runs without SQLAlchemy on a ready database."""
    from csto_kb.sql.records import entity_detail

    with uow:
        entity = resolve_entity(uow.session, name)
        return EntityOut.model_validate(entity_detail(*driver_connection(uow.session), entity.id))
