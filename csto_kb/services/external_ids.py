"""Entities' identifiers in other knowledge bases: the one owner of what a scheme and a value may be.

A scheme is a short lower-case name (``wikidata``, ``viaf``, ``isni`` …). A Wikidata id is ``Q`` and a number; it
may be given as ``q399`` or as the item's address (``https://www.wikidata.org/wiki/Q399``) and is stored as
``Q399``. Any other scheme's value is kept as written, without white space. An entity has one value per scheme,
and a value names one entity.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import Conflict, Duplicate, InvalidInput
from csto_kb.model import Entity, ExternalId
from csto_kb.schemas.entities import EntityOut
from csto_kb.services.entities import resolve_for_write

WIKIDATA = "wikidata"
_SCHEME = re.compile(r"[a-z][a-z0-9_-]{0,39}")
_QID = re.compile(r"Q[1-9][0-9]{0,11}")
_WIKIDATA_ADDRESS = re.compile(r"https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/(Q[0-9]+)/?", re.I)
_VALUE_LIMIT = 200


def parse_pair(pair: str) -> tuple[str, str]:
    """``SCHEME=VALUE`` as a checked (scheme, value); InvalidInput naming what is wrong otherwise."""
    scheme, sep, value = pair.partition("=")
    if not sep:
        raise InvalidInput(f"external id: expected SCHEME=VALUE such as wikidata=Q399, got {pair!r}")
    return checked(scheme, value)


def checked(scheme: str, value: str) -> tuple[str, str]:
    """A scheme and value in their stored form."""
    scheme = scheme.strip().lower()
    if not _SCHEME.fullmatch(scheme):
        raise InvalidInput(
            f"external id: the scheme must be a short lower-case name such as wikidata, got {scheme!r}"
        )
    value = value.strip()
    if scheme == WIKIDATA:
        address = _WIKIDATA_ADDRESS.fullmatch(value)
        value = (address.group(1) if address else value).upper()
        if not _QID.fullmatch(value):
            raise InvalidInput(f"wikidata: expected an item id such as Q399, got {value!r}")
    elif not value or len(value) > _VALUE_LIMIT or any(c.isspace() or not c.isprintable() for c in value):
        raise InvalidInput(
            f"{scheme}: expected an identifier of 1 to {_VALUE_LIMIT} characters without spaces, got {value!r}"
        )
    return scheme, value


def link(session: Session, entity: Entity, scheme: str, value: str, *, replace: bool = False) -> bool:
    """Give ``entity`` the identifier; False when it already had it. Another entity's identifier is a
    Conflict (the two are one entity to merge); a different value in the same scheme needs ``replace``."""
    scheme, value = checked(scheme, value)
    holder = session.scalars(
        select(ExternalId).where(ExternalId.scheme == scheme, ExternalId.value == value)
    ).first()
    if holder is not None and holder.entity_id != entity.id:
        raise Conflict(
            f"{scheme}: {value} is already the id of {holder.entity.display_name} ({holder.entity.key}); "
            f"if they are one entity, merge them (entity merge {holder.entity.key} {entity.key})"
        )
    current = next((x for x in entity.external_ids if x.scheme == scheme), None)
    if current is not None and current.value == value:
        return False
    if current is not None:
        if not replace:
            raise Duplicate(
                f"{scheme}: {entity.display_name} already has {current.value}; give --replace to change it",
                entity.id,
            )
        current.value = value
    else:
        entity.external_ids.append(ExternalId(scheme=scheme, value=value))
    session.flush()
    return True


def link_entity(uow: UnitOfWork, name: str, pairs: list[str], *, replace: bool = False) -> EntityOut:
    """Give the entity named ``name`` the identifiers ``SCHEME=VALUE``, all or none."""
    if not pairs:
        raise InvalidInput("external id: give at least one SCHEME=VALUE, such as wikidata=Q399")
    parsed = [parse_pair(p) for p in pairs]
    schemes = [s for s, _ in parsed]
    if len(set(schemes)) < len(schemes):
        raise InvalidInput("external id: give each scheme once")
    with uow:
        entity = resolve_for_write(uow.session, name)
        for scheme, value in parsed:
            link(uow.session, entity, scheme, value, replace=replace)
        uow.commit()
        return EntityOut.model_validate(entity)
