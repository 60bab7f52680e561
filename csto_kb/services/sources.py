"""Storing sources (an article's full text with its metadata), listing and showing them."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import Duplicate, InvalidInput, NotFound
from csto_kb.model import Source, Statement
from csto_kb.schemas.entities import SourceOut
from csto_kb.schemas.sources import SourceIn
from csto_kb.services.entities import find_entities
from csto_kb.text import sha256_text


def create_source(session: Session, data: SourceIn) -> Source:
    """Build and flush a source; a text stored already is refused with the existing id."""
    digest = sha256_text(data.body) if data.body is not None else None
    if data.body is not None and not data.body.strip():
        raise InvalidInput("text: the article body is empty")
    if digest is not None:
        existing = session.scalars(select(Source).where(Source.sha256 == digest)).first()
        if existing is not None:
            raise Duplicate(f"source: the same text is already stored as source {existing.id}", existing.id)
    publisher_entity = None
    if data.publisher:
        matches = [
            e
            for e in find_entities(session, data.publisher, exact=True)
            if e.kind in ("media", "organisation")
        ]
        publisher_entity = matches[0] if len(matches) == 1 else None
    source = Source(
        sha256=digest,
        title=data.title,
        url=data.url,
        publisher=publisher_entity.display_name if publisher_entity else data.publisher,
        publisher_entity=publisher_entity,
        lang=data.lang,
        published_on=data.published,
        published_basis=data.published_basis if data.published else "unknown",
        published_note=data.published_note,
        file_name=data.file_name,
        body=data.body,
        body_chars=len(data.body) if data.body is not None else None,
    )
    session.add(source)
    session.flush()
    return source


def _out(session: Session, source: Source) -> SourceOut:
    count = session.scalar(select(func.count(Statement.id)).where(Statement.source_id == source.id)) or 0
    return SourceOut.model_validate(source).model_copy(update={"statements": count})


def add_source(uow: UnitOfWork, data: SourceIn) -> SourceOut:
    with uow:
        source = create_source(uow.session, data)
        out = _out(uow.session, source)
        uow.commit()
        return out


def list_sources(uow: UnitOfWork) -> list[SourceOut]:
    with uow:
        return [_out(uow.session, s) for s in uow.session.scalars(select(Source).order_by(Source.id))]


def get_source(uow: UnitOfWork, source_id: int) -> tuple[SourceOut, str | None]:
    """A source's metadata and its stored text."""
    with uow:
        source = uow.session.get(Source, source_id)
        if source is None:
            raise NotFound(f"source: no source has id {source_id}")
        return _out(uow.session, source), source.body
