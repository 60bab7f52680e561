"""Adding, correcting, retracting and showing statements. Corrections keep every previous version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text, literal, select
from sqlalchemy.orm import Session

from csto_kb.db import history
from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.errors import Conflict, Duplicate, InvalidInput, KBError, NotFound
from csto_kb.model import Entity, Evidence, Role, Statement, Translation
from csto_kb.model.base import utcnow
from csto_kb.schemas.statements import (
    KeptTranslation,
    StatementAdded,
    StatementDetail,
    StatementEdit,
    StatementIn,
    StatementOut,
)
from csto_kb.services import statement_rules as rules
from csto_kb.services.entities import resolve_for_write
from csto_kb.services.evidence import attach, evidence_from, get_source, locate, resolve_span
from csto_kb.services.statement_rules import check_said_on

ENTERED = "entered"
"""The evidence method of a statement stored one at a time whose input does not say how it was obtained."""


def _uid_taken(session: Session) -> Callable[[str], bool]:
    return lambda uid: session.scalars(select(Statement.id).where(Statement.uid == uid)).first() is not None


def _live_roles(session: Session, speaker: Entity) -> list[Role]:
    return list(
        session.scalars(
            select(Role).where(Role.person_id == speaker.id, Role.retracted_at.is_(None)).order_by(Role.id)
        )
    )


def find_duplicate(session: Session, speaker_id: int, key: str, said_on: str | None) -> Statement | None:
    """The live statement with exactly this speaker, quote and date (what the unique index holds)."""
    query = select(Statement).where(
        Statement.speaker_id == speaker_id, Statement.quote_key == key, Statement.retracted_at.is_(None)
    )
    query = query.where(Statement.said_on.is_(None) if said_on is None else Statement.said_on == said_on)
    return session.scalars(query).first()


def same_quote(session: Session, speaker_id: int, key: str) -> list[Statement]:
    """The speaker's live statements with this quote key, in id order: among them the duplicate rule finds
    the one a new statement is, may be, or repeats (`statement_rules.match`)."""
    live = select(Statement).where(Statement.speaker_id == speaker_id, Statement.retracted_at.is_(None))
    return list(session.scalars(live.where(Statement.quote_key == key).order_by(Statement.id)))


def near_duplicate(session: Session, speaker_id: int, quote_norm: str) -> Statement | None:
    """The oldest live statement of the speaker whose normalised quote contains this one, or is contained in
    it (`statement_rules.near`)."""
    if len(quote_norm) < rules.NEAR_MIN_LENGTH:
        return None
    dialect = session.get_bind().dialect.name
    query = select(Statement).where(
        Statement.speaker_id == speaker_id,
        Statement.retracted_at.is_(None),
        rules.near_clause(dialect, Statement.quote_norm, literal(quote_norm, Text)),
    )
    return session.scalars(query.order_by(Statement.id).limit(1)).first()


def _name(session: Session, entity_id: int) -> str:
    entity = session.get(Entity, entity_id)
    return entity.display_name if entity is not None else f"entity {entity_id}"


def _speaker(session: Session, data: StatementIn) -> Entity:
    return resolve_for_write(session, data.speaker, field="speaker", create_person=data.create_speaker)


@dataclass(frozen=True)
class Recorded:
    """What storing a statement did: a new statement, or a new source for one already stored."""

    statement: Statement
    evidence: Evidence
    new: bool
    kept_translations: tuple[dict[str, Any], ...] = ()
    """Translations given that read otherwise than the stored statement's by the same translator in the same
    language: not stored (`statement_rules.joined_translations`)."""


def record_statement(session: Session, data: StatementIn, *, by: str) -> Recorded:
    """Store a statement inside the caller's transaction (add, import, review, the seed, curated files).

    The same statement from another source (same speaker, same normalised quote, a compatible date)
    becomes a second evidence of the stored one. A statement that may be the same (the quote on another
    date, or within a longer one) is refused until the caller chooses: ``same_as`` links it as evidence,
    ``distinct`` stores it on its own.
    """
    source = get_source(session, data.source)
    speaker = _speaker(session, data)
    span = resolve_span(source, data.quote, data.span_start, data.span_end, field="quote")
    said_on, basis = rules.statement_date(data, source)
    quote = rules.quote_forms(data.quote)

    def supported(claim: Statement) -> Evidence:
        return attach(session, claim, source, span, by=by, **rules.evidence_terms(data, ENTERED))

    if data.same_as is not None:
        target = rules.same_as_target(
            data.same_as, session.get(Statement, data.same_as), speaker.id, lambda i: _name(session, i)
        )
        kept = _join(session, target, data, by)
        return Recorded(target, supported(target), new=False, kept_translations=kept)

    kind, other = rules.match(
        same_quote(session, speaker.id, quote.key),
        said_on,
        basis,
        distinct=data.distinct,
        near_one=lambda: near_duplicate(session, speaker.id, quote.norm),
    )
    if kind == "same" and other is not None:
        if evidence_from(other, source) is not None:
            raise Duplicate(
                f"statement: the same quote by the same speaker from source {source.id} exists as #{other.id}",
                other.id,
            )
        kept = _join(session, other, data, by)
        return Recorded(other, supported(other), new=False, kept_translations=kept)
    if kind == "possible" and other is not None:
        raise Conflict(
            f"statement: {rules.possible_duplicate(f'#{other.id}', other.said_on)}; "
            f"give --same-as {other.id} to add this source to it, or --new to store it apart"
        )
    if kind == "identical":
        raise Duplicate(f"statement: the same quote by the same speaker on {said_on or 'no date'} is stored")

    role = rules.statement_role(data.role, _live_roles(session, speaker), said_on, speaker.display_name)
    identity = rules.uid_identity(source.sha256, span, speaker.key)
    columns = rules.statement_columns(
        data,
        uid=rules.free_uid(identity, _uid_taken(session)),
        speaker_id=speaker.id,
        role_id=role.id if role is not None else None,
        said_on=said_on,
        basis=basis,
        quote=quote,
        by=by,
    )
    statement = Statement(**columns, speaker=speaker, role=role, about=[], translations=[])
    _add_subjects(session, statement, data.about)
    translation = rules.translation_columns(data, by)
    if translation is not None:
        statement.translations.append(Translation(**translation))
    session.add(statement)
    session.flush()
    return Recorded(statement, supported(statement), new=True)


def _add_subjects(session: Session, statement: Statement, names: list[str]) -> None:
    """Add what the statement is about, keeping the subjects it has (none is dropped, none doubled)."""
    given = {entity.id: entity for entity in (resolve_for_write(session, n, field="about") for n in names)}
    for entity_id in rules.added_subjects((e.id for e in statement.about), given):
        statement.about.append(given[entity_id])


def _join(session: Session, statement: Statement, data: StatementIn, by: str) -> tuple[dict[str, Any], ...]:
    """Add to a stored statement what its new source's input gives beside the source: subjects it lacks
    (its list logged before and after, as `statement edit --about` is: the flush does not see list changes),
    and a translation in a language and by a translator it has none from. The one it has is kept, replacing
    it is a correction (`statement edit --translation`): a given translation that reads otherwise is
    returned, for the caller to report."""
    before = [e.key for e in statement.about]
    _add_subjects(session, statement, data.about)
    after = [e.key for e in statement.about]
    if after != before:
        history.record_update(session, statement, {"about": before}, {"about": after})
    translation = rules.translation_columns(data, by)
    have = ((t.lang, t.translator, t.text) for t in statement.translations)
    joined = rules.joined_translations(have, [translation] if translation is not None else [])
    for added in joined.added:
        statement.translations.append(Translation(**added))
    return tuple(joined.kept)


def add_statements(uow: UnitOfWork, items: list[StatementIn]) -> list[StatementAdded]:
    """Store several statements in one transaction: all of them, or none when one is refused."""
    with uow:
        added = []
        for i, data in enumerate(items):
            try:
                added.append(_added(record_statement(uow.session, data, by=uow.by)))
            except KBError as error:
                if len(items) == 1:
                    raise
                error.args = (f"item [{i}]: {error}",)
                raise
        uow.commit()
        return added


def _added(recorded: Recorded) -> StatementAdded:
    return StatementAdded(
        statement=StatementOut.model_validate(recorded.statement),
        evidence_id=recorded.evidence.id,
        new=recorded.new,
        kept_translations=[
            KeptTranslation(lang=t["lang"], translator=t["translator"]) for t in recorded.kept_translations
        ],
    )


def add_statement(uow: UnitOfWork, data: StatementIn) -> StatementAdded:
    """Store a new statement, or the new source of a stored one; refuses unknown speakers (unless asked to
    create them), bad spans, dates after the source's publication and possible duplicates."""
    with uow:
        added = _added(record_statement(uow.session, data, by=uow.by))
        uow.commit()
        return added


def _get(session: Session, statement_id: int) -> Statement:
    statement = session.get(Statement, statement_id)
    if statement is None:
        raise NotFound(f"statement: no statement has id {statement_id}")
    return statement


def edit_statement(uow: UnitOfWork, statement_id: int, edit: StatementEdit) -> StatementOut:
    """Correct a statement in place; the change log keeps the values it replaces."""
    columns = edit.column_changes()
    if (
        not columns
        and edit.speaker is None
        and edit.quote is None
        and edit.translation is None
        and not edit.about
        and not edit.drop_about
    ):
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
        spans = _respanned(statement, edit.quote) if edit.quote is not None else {}
        forms = rules.quote_forms(edit.quote) if edit.quote is not None else None
        key = forms.key if forms is not None else statement.quote_key
        said_on = columns.get("said_on", statement.said_on)
        if "said_on" in columns:
            columns["said_on_basis"] = "stated"
            for evidence in statement.live_evidence:
                check_said_on(evidence.source, said_on)
        duplicate = find_duplicate(session, speaker.id, key, said_on)
        if duplicate is not None and duplicate.id != statement.id:
            raise Duplicate(
                f"statement: the corrected statement would duplicate #{duplicate.id}", duplicate.id
            )
        statement.speaker = speaker
        if edit.quote is not None and forms is not None:
            statement.quote = edit.quote
            statement.quote_norm, statement.quote_key = forms
            for evidence, span in spans.items():
                evidence.span_start, evidence.span_end = span
        for field, value in columns.items():
            setattr(statement, field, value)
        if edit.about or edit.drop_about:
            _change_subjects(session, statement, edit.about, edit.drop_about)
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


def _respanned(statement: Statement, quote: str) -> dict[Evidence, tuple[int, int]]:
    """The new spans of a corrected quote: in every source whose span held the old quote word for word.

    The first source must hold the corrected quote; a source that reports the statement in other words (a
    translation, a paraphrase linked by a reviewer) keeps its span.
    """
    first = statement.first_evidence
    spans: dict[Evidence, tuple[int, int]] = {}
    for evidence in statement.live_evidence:
        body = evidence.source.body
        if body is None or evidence.span_start is None:
            continue
        held_quote = body[evidence.span_start : evidence.span_end] == statement.quote
        if evidence is not first and not (held_quote and quote in body):
            continue
        span = locate(evidence.source, quote, field="quote")
        if span is not None:
            spans[evidence] = span
    return spans


def _change_subjects(session: Session, statement: Statement, add: list[str], drop: list[str]) -> None:
    """Add and remove subjects, logging the list before and after (the flush does not see list changes)."""
    before = [e.key for e in statement.about]
    dropped = {resolve_for_write(session, name, field="drop_about").id for name in drop}
    missing = dropped - {e.id for e in statement.about}
    if missing:
        raise InvalidInput(f"drop_about: statement #{statement.id} is not about {', '.join(drop)}")
    statement.about = [e for e in statement.about if e.id not in dropped]
    _add_subjects(session, statement, add)
    after = [e.key for e in statement.about]
    if after != before:
        history.record_update(session, statement, {"about": before}, {"about": after})


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
    """A statement with its full history of changes, read by the compiled queries (`csto_kb.sql.records`),
    which `statement show` also runs without SQLAlchemy on a ready database."""
    from csto_kb.sql.records import statement_detail

    with uow:
        return StatementDetail.model_validate(statement_detail(*driver_connection(uow.session), statement_id))
