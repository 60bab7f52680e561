"""Adding, correcting, retracting and showing statements. Corrections keep every previous version."""

from __future__ import annotations

import hashlib
import itertools
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.dates import PartialDate
from csto_kb.db import history
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import Conflict, Duplicate, InvalidInput, KBError, NotFound
from csto_kb.model import Change, Entity, Role, Source, Statement, Translation
from csto_kb.model.base import utcnow
from csto_kb.schemas.statements import ChangeOut, StatementDetail, StatementEdit, StatementIn, StatementOut
from csto_kb.services.entities import resolve_for_write
from csto_kb.services.evidence import check_span, locate
from csto_kb.text import normalise_for_search, quote_key


def statement_uid(session: Session, source: Source, span: tuple[int, int] | None, speaker: Entity) -> str:
    """A stable identity, hashed from the source text, span and speaker where there are such.

    Hashing makes the same statement loaded into two databases get the same uid. A retracted statement keeps
    its uid, so a statement re-added from the same span gets the next uid in the sequence.
    """
    if span is None or source.sha256 is None:
        return uuid.uuid4().hex
    identity = f"{source.sha256}:{span[0]}:{span[1]}:{speaker.key}"
    for n in itertools.count():
        uid = hashlib.sha256((identity if n == 0 else f"{identity}:{n}").encode()).hexdigest()[:32]
        if session.scalars(select(Statement.id).where(Statement.uid == uid)).first() is None:
            return uid
    raise AssertionError("unreachable")


def role_on(session: Session, speaker: Entity, said_on: str | None) -> Role | None:
    """The speaker's role on a date: the only live role whose interval holds the date, if exactly one does."""
    roles = session.scalars(
        select(Role).where(Role.person_id == speaker.id, Role.retracted_at.is_(None)).order_by(Role.id)
    ).all()
    if said_on is not None:
        day = str(PartialDate.parse(said_on))
        roles = [
            r
            for r in roles
            if (r.valid_from or "") <= day and (r.valid_to is None or day <= r.valid_to + "~")
        ]
    return roles[0] if len(roles) == 1 else None


def find_duplicate(session: Session, speaker_id: int, key: str, said_on: str | None) -> Statement | None:
    query = select(Statement).where(
        Statement.speaker_id == speaker_id, Statement.quote_key == key, Statement.retracted_at.is_(None)
    )
    query = query.where(Statement.said_on.is_(None) if said_on is None else Statement.said_on == said_on)
    return session.scalars(query).first()


def _speaker(session: Session, data: StatementIn) -> Entity:
    return resolve_for_write(session, data.speaker, field="speaker", create_person=data.create_speaker)


def create_statement(session: Session, data: StatementIn, *, by: str) -> Statement:
    """Build and flush a statement inside the caller's transaction (used by add, the seed and ingestion)."""
    source = session.get(Source, data.source)
    if source is None:
        raise NotFound(f"source: no source has id {data.source}; `csto-kb source list` shows them")
    speaker = _speaker(session, data)
    if data.span_start is not None and data.span_end is not None:
        check_span(source, data.span_start, data.span_end, data.quote, field="quote")
        span: tuple[int, int] | None = (data.span_start, data.span_end)
    else:
        span = locate(source, data.quote, field="quote")
    key = quote_key(data.quote)
    existing = find_duplicate(session, speaker.id, key, data.said_on)
    if existing is not None:
        raise Duplicate(
            f"statement: the same quote by the same speaker on that date exists as #{existing.id}",
            existing.id,
        )
    if data.role is not None:
        role = session.get(Role, data.role)
        if role is None or role.person_id != speaker.id:
            raise InvalidInput(f"role: role {data.role} is not a role of {speaker.display_name}")
    else:
        role = role_on(session, speaker, data.said_on)
    about = [resolve_for_write(session, name, field="about") for name in data.about]
    statement = Statement(
        uid=statement_uid(session, source, span, speaker),
        speaker=speaker,
        role=role,
        speaker_mention=data.speaker_mention,
        role_text=data.role_text,
        said_on=data.said_on,
        date_text=data.date_text,
        venue=data.venue,
        quote=data.quote,
        quote_norm=normalise_for_search(data.quote),
        quote_key=key,
        lang=data.lang,
        mode=data.mode,
        cue=data.cue,
        source=source,
        span_start=span[0] if span else None,
        span_end=span[1] if span else None,
        method=data.method,
        extractor_version=data.extractor_version,
        confidence=data.confidence,
        note=data.note,
        recorded_by=by,
        about=list({e.id: e for e in about}.values()),
        translations=[],
    )
    if data.translation:
        statement.translations.append(
            Translation(lang=data.translation_lang, text=data.translation, translator=data.translator or by)
        )
    session.add(statement)
    session.flush()
    return statement


def add_statements(uow: UnitOfWork, items: list[StatementIn]) -> list[StatementOut]:
    """Store several statements in one transaction: all of them, or none when one is refused."""
    with uow:
        added = []
        for i, data in enumerate(items):
            try:
                added.append(StatementOut.model_validate(create_statement(uow.session, data, by=uow.by)))
            except KBError as error:
                if len(items) == 1:
                    raise
                raise type(error)(f"item [{i}]: {error}") from None
        uow.commit()
        return added


def add_statement(uow: UnitOfWork, data: StatementIn) -> StatementOut:
    """Store a new statement; refuses unknown speakers (unless asked to create them), bad spans and duplicates."""
    with uow:
        statement = create_statement(uow.session, data, by=uow.by)
        out = StatementOut.model_validate(statement)
        uow.commit()
        return out


def _get(session: Session, statement_id: int) -> Statement:
    statement = session.get(Statement, statement_id)
    if statement is None:
        raise NotFound(f"statement: no statement has id {statement_id}")
    return statement


def edit_statement(uow: UnitOfWork, statement_id: int, edit: StatementEdit) -> StatementOut:
    """Correct a statement in place; the change log keeps the values it replaces."""
    columns = edit.column_changes()
    if not columns and edit.speaker is None and edit.quote is None and edit.translation is None:
        raise InvalidInput("edit: give at least one field to change")
    with uow:
        session = uow.session
        statement = _get(session, statement_id)
        if statement.retracted_at is not None:
            raise Conflict(f"statement: #{statement_id} is retracted; add a new statement instead")
        # Work out the corrected identity and refuse a duplicate before touching the row, so the database's
        # unique index never sees the collision.
        speaker = (
            resolve_for_write(session, edit.speaker, field="speaker") if edit.speaker else statement.speaker
        )
        span = locate(statement.source, edit.quote, field="quote") if edit.quote is not None else None
        key = quote_key(edit.quote) if edit.quote is not None else statement.quote_key
        said_on = columns.get("said_on", statement.said_on)
        duplicate = find_duplicate(session, speaker.id, key, said_on)
        if duplicate is not None and duplicate.id != statement.id:
            raise Duplicate(
                f"statement: the corrected statement would duplicate #{duplicate.id}", duplicate.id
            )
        statement.speaker = speaker
        if edit.quote is not None:
            statement.quote = edit.quote
            statement.quote_norm = normalise_for_search(edit.quote)
            statement.quote_key = key
            statement.span_start, statement.span_end = span if span else (None, None)
        for field, value in columns.items():
            setattr(statement, field, value)
        if edit.translation is not None:
            lang, who = edit.translation_lang, edit.translator or uow.by
            current = next(
                (t for t in statement.translations if t.lang == lang and t.translator == who), None
            )
            if current is None:
                statement.translations.append(Translation(lang=lang, text=edit.translation, translator=who))
            else:
                current.text = edit.translation
        session.flush()
        out = StatementOut.model_validate(statement)
        uow.commit()
        return out


def retract_statement(uow: UnitOfWork, statement_id: int, reason: str) -> StatementOut:
    """Take a statement out of default queries; it stays stored and visible with --include-retracted."""
    if not reason.strip():
        raise InvalidInput("reason: say why the statement is retracted")
    with uow:
        statement = _get(uow.session, statement_id)
        if statement.retracted_at is not None:
            raise Conflict(
                f"statement: #{statement_id} was already retracted on {statement.retracted_at:%Y-%m-%d}"
            )
        history.give_reason(uow.session, reason)
        statement.retracted_at = utcnow()
        statement.retracted_reason = reason
        uow.session.flush()
        out = StatementOut.model_validate(statement)
        uow.commit()
        return out


def show_statement(uow: UnitOfWork, statement_id: int) -> StatementDetail:
    """A statement with its full history of changes."""
    with uow:
        statement = _get(uow.session, statement_id)
        changes = uow.session.scalars(
            select(Change)
            .where(Change.table_name == "statement", Change.row_id == statement_id)
            .order_by(Change.id)
        ).all()
        base = StatementOut.model_validate(statement).model_dump()
        return StatementDetail(**base, history=[ChangeOut.model_validate(c) for c in changes])
