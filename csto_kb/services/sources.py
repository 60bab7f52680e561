"""Storing sources (an article's full text with its metadata), listing and showing them."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.errors import Duplicate, InvalidInput, NotFound
from csto_kb.model import Entity, Evidence, Source, Statement
from csto_kb.schemas.entities import SourceOut
from csto_kb.schemas.sources import SourceEdit, SourceIn
from csto_kb.services.entities import find_entities
from csto_kb.text import sha256_text


def create_source(session: Session, data: SourceIn) -> Source:
    """Build and flush a source; a text stored already is refused with the existing id."""
    digest = sha256_text(data.body) if data.body is not None else None
    if data.body is not None and not data.body.strip():
        raise InvalidInput("text: the article body is empty (give --url alone to cite a source without text)")
    if digest is not None:
        existing = session.scalars(select(Source).where(Source.sha256 == digest)).first()
        if existing is not None:
            raise Duplicate(f"source: the same text is already stored as source {existing.id}", existing.id)
    elif data.url:
        existing = session.scalars(
            select(Source).where(Source.url == data.url, Source.body.is_(None))
        ).first()
        if existing is not None:
            raise Duplicate(f"source: {data.url} is already stored as source {existing.id}", existing.id)
    publisher, publisher_entity = _publisher(session, data.publisher)
    source = Source(
        sha256=digest,
        title=data.title,
        url=data.url,
        kind=data.kind,
        publisher=publisher,
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


def _publisher(session: Session, name: str | None) -> tuple[str | None, Entity | None]:
    """The publisher as stored: a known media entity's name and the entity, else the name as given."""
    if not name:
        return None, None
    matches = [e for e in find_entities(session, name, exact=True) if e.kind in ("media", "organisation")]
    entity = matches[0] if len(matches) == 1 else None
    return (entity.display_name if entity else name), entity


def _redate_statements(session: Session, source: Source) -> None:
    """Keep the statements this source reports consistent with its corrected publication date.

    A statement dated only by this source ("not after" its publication) moves with the date; one with a
    stated date after the new publication date is refused, since a report cannot precede what it reports.
    """
    from csto_kb.services.statement_rules import check_said_on

    reported = session.scalars(
        select(Statement)
        .join(Evidence, Evidence.statement_id == Statement.id)
        .where(
            Evidence.source_id == source.id, Evidence.retracted_at.is_(None), Statement.retracted_at.is_(None)
        )
    ).all()
    for statement in reported:
        if statement.said_on_basis == "not_after":
            if statement.first_evidence.source_id == source.id and source.published_on is not None:
                statement.said_on = source.published_on
        else:
            try:
                check_said_on(source, statement.said_on)
            except InvalidInput:
                raise InvalidInput(
                    f"published: {source.published_on} is before statement #{statement.id}, said on "
                    f"{statement.said_on}, which source {source.id} reports"
                ) from None


def edit_source(uow: UnitOfWork, source_id: int, edit: SourceEdit) -> SourceOut:
    """Correct a source's metadata; the change log keeps what it replaces. Its text never changes."""
    given = edit.model_dump(exclude_unset=True, exclude_none=True)
    if not given:
        raise InvalidInput("edit: give at least one field to change")
    with uow:
        source = uow.session.get(Source, source_id)
        if source is None:
            raise NotFound(f"source: no source has id {source_id}")
        if "kind" in given and source.body is None:
            raise InvalidInput(f"kind: source {source_id} stores no text; it stays a reference")
        if "publisher" in given:
            source.publisher, source.publisher_entity = _publisher(uow.session, given.pop("publisher"))
        redate = "published" in given
        if redate:
            source.published_on = given.pop("published")
            if "published_basis" not in given and source.published_basis == "unknown":
                source.published_basis = "stated"
        for field, value in given.items():
            setattr(source, field, value)
        uow.session.flush()  # one change-log entry for the whole correction
        if redate:
            _redate_statements(uow.session, source)
            uow.session.flush()
        out = _out(uow.session, source)
        uow.commit()
        return out


def _out(session: Session, source: Source) -> SourceOut:
    count = (
        session.scalar(
            select(func.count(Evidence.id)).where(
                Evidence.source_id == source.id,
                Evidence.statement_id.is_not(None),
                Evidence.retracted_at.is_(None),
            )
        )
        or 0
    )
    return SourceOut.model_validate(source).model_copy(update={"statements": count})


def add_source(uow: UnitOfWork, data: SourceIn) -> SourceOut:
    with uow:
        source = create_source(uow.session, data)
        out = _out(uow.session, source)
        uow.commit()
        return out


def get_source(uow: UnitOfWork, source_id: int) -> tuple[SourceOut, str | None]:
    """A source's metadata and its stored text, read by the compiled queries (`csto_kb.sql.records`), which
    `source show` also runs without SQLAlchemy on a ready database."""
    from csto_kb.sql.records import source_detail

    with uow:
        row, body = source_detail(*driver_connection(uow.session), source_id)
        return SourceOut.model_validate(row), body
