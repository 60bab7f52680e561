"""Loading the curated seed files: entities first, then each article with every fact it supports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput, KBError
from csto_kb.model import Entity, Source, Statement
from csto_kb.schemas.claims import (
    EventIn,
    EvidenceIn,
    ForceLevelIn,
    MembershipIn,
    OrganisationFactIn,
    ParticipantIn,
    RoleIn,
)
from csto_kb.schemas.seed import ArticleFile, EntitiesFile, EntitySeed, Span
from csto_kb.schemas.sources import SourceIn
from csto_kb.schemas.statements import StatementIn
from csto_kb.schemas.validation import parse
from csto_kb.services.claims import (
    ClaimAdded,
    record_event,
    record_force_level,
    record_membership,
    record_organisation_fact,
    record_role,
)
from csto_kb.services.entities import add_name
from csto_kb.services.external_ids import link
from csto_kb.services.sources import create_source
from csto_kb.services.statements import record_statement
from csto_kb.text import sha256_text
from csto_kb.yamlfiles import load_yaml

ENTITIES_FILE = "entities.yaml"
M = TypeVar("M", bound=BaseModel)


CURATORS = "csto-kb curators"
"""Who a curated file's translations are credited to."""


@dataclass
class SeedReport:
    entities_added: int = 0
    names_added: int = 0
    sources_added: list[str] = field(default_factory=list)
    sources_already_loaded: list[str] = field(default_factory=list)
    statements_added: int = 0
    facts_added: int = 0
    translations_kept: list[str] = field(default_factory=list)
    """Statements of the file that joined a stored one whose translation by the same translator reads
    otherwise: "statements[3] (#11, en)"; that one is kept, the file's is not stored."""


def _read(path: Path, model: type[M]) -> M:
    try:
        data: Any = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InvalidInput(
            f"{path.name}: cannot be read as UTF-8 YAML ({str(error).splitlines()[0]})"
        ) from None
    return parse(model, data, where=f"{path.name}: ")


class _Loader:
    """Loads one article file; every error names the file, the entry and the field."""

    def __init__(self, session: Session, path: Path, report: SeedReport, by: str) -> None:
        self.session = session
        self.by = by
        self.where = path.name
        self.report = report

    def fail(self, entry: str, message: str) -> InvalidInput:
        return InvalidInput(f"{self.where}: {entry}: {message}")

    def entity(self, key: str, entry: str) -> Entity:
        found = self.session.scalars(select(Entity).where(Entity.key == key)).first()
        if found is None:
            raise self.fail(entry, f"unknown entity key {key!r} (entities are listed in {ENTITIES_FILE})")
        return found

    def evidence(self, source: Source, span: Span) -> EvidenceIn:
        return EvidenceIn(
            source=source.id, text=span.text, span_start=span.start, span_end=span.end, method="curated"
        )

    def record(self, entry: str, record: Callable[[Session, Any, str], ClaimAdded], data: Any) -> int:
        """Store one fact through the same rules as every other path; its id (a stored one's, when the
        same fact is there already and this article becomes one more source of it)."""
        try:
            added = record(self.session, data, self.by)
        except KBError as error:
            # "evidence: span …" becomes "roles[2].evidence: span …": the entry and its field in one path.
            field, sep, message = str(error).partition(": ")
            if sep and field.isidentifier():
                raise self.fail(f"{entry}.{field}", message) from None
            raise self.fail(entry, str(error)) from None
        self.report.facts_added += added.new
        return added.claim_id

    def load(self, article: ArticleFile, text: str, by: str) -> None:
        session, data = self.session, article
        source = create_source(
            session,
            SourceIn(
                body=text,
                file_name=data.source.file,
                title=data.source.title,
                url=data.source.url,
                publisher=data.source.publisher,
                lang=data.source.lang,
                published=data.source.published,
                published_basis=data.source.published_basis,
                published_note=data.source.published_note,
            ),
        )
        roles: dict[str, int] = {}
        for i, r in enumerate(data.roles):
            entry = f"roles[{i}]"
            self.entity(r.person, f"{entry}.person")
            if r.organisation:
                self.entity(r.organisation, f"{entry}.organisation")
            roles[r.key] = self.record(
                entry,
                record_role,
                RoleIn(
                    key=r.key,
                    person=r.person,
                    organisation=r.organisation,
                    title=r.title,
                    title_lang=r.title_lang,
                    title_ar=r.title_ar,
                    title_translations=r.title_translations,
                    since=r.since,
                    until=r.until,
                    note=r.note,
                    evidence=self.evidence(source, r.evidence),
                ),
            )

        statements: dict[str, Statement] = {}
        for i, s in enumerate(data.statements):
            entry = f"statements[{i}]"
            role_id = None
            if s.role is not None:
                if s.role not in roles:
                    raise self.fail(f"{entry}.role", f"unknown role key {s.role!r}")
                role_id = roles[s.role]
            speaker = self.entity(s.speaker, f"{entry}.speaker")
            about = [self.entity(key, f"{entry}.about").key for key in s.about]
            try:
                recorded = record_statement(
                    session,
                    StatementIn(
                        speaker=speaker.key,
                        quote=s.quote,
                        lang=data.source.lang,
                        source=source.id,
                        said_on=s.said_on,
                        date_text=s.date_text,
                        mode=s.mode,
                        cue=s.cue,
                        venue=s.venue,
                        speaker_mention=s.speaker_mention,
                        role_text=s.role_text,
                        role=role_id,
                        span_start=s.start,
                        span_end=s.end,
                        about=about,
                        translation=s.translation,
                        translator=CURATORS if s.translation is not None else None,
                        method="curated",
                        note=s.note,
                    ),
                    by=by,
                )
            except KBError as error:
                raise self.fail(entry, str(error)) from None
            statements[s.id] = recorded.statement
            self.report.statements_added += recorded.new
            self.report.translations_kept += [
                f"{entry} (#{recorded.statement.id}, {t['lang']})" for t in recorded.kept_translations
            ]

        def statement_ref(ref: str | None, entry: str) -> int | None:
            if ref is None:
                return None
            if ref not in statements:
                raise self.fail(f"{entry}.statement", f"unknown statement id {ref!r}")
            return statements[ref].id

        for i, m in enumerate(data.memberships):
            entry = f"memberships[{i}]"
            self.entity(m.alliance, f"{entry}.alliance")
            self.entity(m.member, f"{entry}.member")
            data_in = MembershipIn(
                alliance=m.alliance,
                member=m.member,
                status=m.status,
                since=m.since,
                until=m.until,
                note=m.note,
                evidence=self.evidence(source, m.evidence),
            )
            self.record(entry, record_membership, data_in)
        for i, e in enumerate(data.events):
            entry = f"events[{i}]"
            for j, p in enumerate(e.participants):
                self.entity(p.entity, f"{entry}.participants[{j}]")
            event = EventIn(
                key=e.key,
                kind=e.kind,
                title=e.title,
                title_lang=e.title_lang,
                title_ar=e.title_ar,
                title_translations=e.title_translations,
                starts_on=e.starts_on,
                ends_on=e.ends_on,
                date_text=e.date_text,
                participants=[ParticipantIn(entity=p.entity, role=p.role) for p in e.participants],
                note=e.note,
                evidence=self.evidence(source, e.evidence),
            )
            self.record(entry, record_event, event)
        for i, f in enumerate(data.organisation_facts):
            entry = f"organisation_facts[{i}]"
            self.entity(f.subject, f"{entry}.subject")
            fact = OrganisationFactIn(
                subject=f.subject,
                kind=f.kind,
                text=f.text,
                lang=data.source.lang,
                text_en=f.text_en,
                text_translations=f.text_translations,
                statement_id=statement_ref(f.statement, entry),
                note=f.note,
                evidence=self.evidence(source, f.evidence),
            )
            self.record(entry, record_organisation_fact, fact)
        for i, fl in enumerate(data.force_levels):
            entry = f"force_levels[{i}]"
            self.entity(fl.organisation, f"{entry}.organisation")
            level = ForceLevelIn(
                organisation=fl.organisation,
                unit=fl.unit,
                unit_original=fl.unit_ar,
                count=fl.count,
                approximate=fl.approximate,
                readiness=fl.readiness,
                as_of=fl.as_of,
                statement_id=statement_ref(fl.statement, entry),
                note=fl.note,
                evidence=self.evidence(source, fl.evidence),
            )
            self.record(entry, record_force_level, level)


def _load_entities(session: Session, path: Path, report: SeedReport) -> None:
    _add_entities(session, _read(path, EntitiesFile).entities, path.name, report)


def _add_entities(session: Session, entities: list[EntitySeed], where: str, report: SeedReport) -> None:
    """Add the entities not stored yet, and the names of stored ones that they lack."""
    by_key: dict[str, Entity] = {e.key: e for e in session.scalars(select(Entity))}
    for seed in entities:
        entity = by_key.get(seed.key)
        if entity is None:
            entity = Entity(key=seed.key, kind=seed.kind, description=seed.description, names=[])
            session.add(entity)
            by_key[seed.key] = entity
            report.entities_added += 1
        for name in seed.names:
            report.names_added += add_name(session, entity, name.name, name.lang)
        for scheme, value in seed.external_ids.items():
            try:
                link(session, entity, scheme, value)
            except KBError as error:
                raise InvalidInput(f"{where}: {seed.key}.external_ids: {error}") from None
    for i, seed in enumerate(entities):
        if seed.part_of is not None:
            if seed.part_of not in by_key:
                raise InvalidInput(f"{where}: entities[{i}].part_of: unknown entity key {seed.part_of!r}")
            by_key[seed.key].part_of = by_key[seed.part_of]
    session.flush()


def load_seeds(uow: UnitOfWork, directory: Path) -> SeedReport:
    """Load every seed file in ``directory`` in one transaction; articles already stored are skipped."""
    report = SeedReport()
    with uow:
        session = uow.session
        _load_entities(session, directory / ENTITIES_FILE, report)
        for path in sorted(directory.glob("*.yaml")):
            if path.name == ENTITIES_FILE:
                continue
            article = _read(path, ArticleFile)
            text_path = directory / article.source.file
            try:
                text = text_path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise InvalidInput(
                    f"{path.name}: source.file: cannot read {text_path.name} ({error})"
                ) from None
            _load_article(session, path, article, text, report, uow.by)
        uow.commit()
    return report


def _load_article(
    session: Session, path: Path, article: ArticleFile, text: str, report: SeedReport, by: str
) -> None:
    already = session.scalars(select(Source.id).where(Source.sha256 == sha256_text(text))).first()
    if already is not None:
        report.sources_already_loaded.append(article.source.file)
        return
    _add_entities(session, article.entities, path.name, report)
    _Loader(session, path, report, by).load(article, text, by)
    report.sources_added.append(article.source.file)


def import_curated(uow: UnitOfWork, path: Path) -> SeedReport:
    """Load one curated article file (the seed's format), with the text file it names beside it, in one
    transaction: its entities, source, roles, memberships, events, facts and statements. Facts and
    statements already stored get this article as one more source; an article stored already changes
    nothing."""
    report = SeedReport()
    article = _read(path, ArticleFile)
    text_path = path.parent / article.source.file
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(f"{path.name}: source.file: cannot read {text_path.name} ({error})") from None
    with uow:
        _load_article(uow.session, path, article, text, report, uow.by)
        uow.commit()
    return report
