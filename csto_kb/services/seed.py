"""Loading the curated seed files: entities first, then each article with every fact it supports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput, KBError
from csto_kb.model import (
    Entity,
    Event,
    EventParticipant,
    ForceLevel,
    Membership,
    OrganisationFact,
    Role,
    Source,
    Statement,
)
from csto_kb.schemas.seed import ArticleFile, EntitiesFile, Span
from csto_kb.schemas.sources import SourceIn
from csto_kb.schemas.statements import StatementIn
from csto_kb.schemas.validation import parse
from csto_kb.services.entities import add_name
from csto_kb.services.evidence import check_span
from csto_kb.services.sources import create_source
from csto_kb.services.statements import create_statement
from csto_kb.text import sha256_text
from csto_kb.yamlfiles import load_yaml

ENTITIES_FILE = "entities.yaml"
M = TypeVar("M", bound=BaseModel)


@dataclass
class SeedReport:
    entities_added: int = 0
    names_added: int = 0
    sources_added: list[str] = field(default_factory=list)
    sources_already_loaded: list[str] = field(default_factory=list)
    statements_added: int = 0
    facts_added: int = 0


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

    def __init__(self, session: Session, path: Path, report: SeedReport) -> None:
        self.session = session
        self.where = path.name
        self.report = report

    def fail(self, entry: str, message: str) -> InvalidInput:
        return InvalidInput(f"{self.where}: {entry}: {message}")

    def entity(self, key: str, entry: str) -> Entity:
        found = self.session.scalars(select(Entity).where(Entity.key == key)).first()
        if found is None:
            raise self.fail(entry, f"unknown entity key {key!r} (entities are listed in {ENTITIES_FILE})")
        return found

    def span(self, source: Source, span: Span, entry: str) -> dict[str, Any]:
        try:
            check_span(source, span.start, span.end, span.text, field="text")
        except InvalidInput as error:
            raise self.fail(f"{entry}.evidence", str(error)) from None
        return {"source": source, "span_start": span.start, "span_end": span.end, "method": "curated"}

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
        roles: dict[str, Role] = {}
        for i, r in enumerate(data.roles):
            entry = f"roles[{i}]"
            role = Role(
                key=r.key,
                person=self.entity(r.person, f"{entry}.person"),
                organisation=self.entity(r.organisation, f"{entry}.organisation") if r.organisation else None,
                title=r.title,
                title_ar=r.title_ar,
                valid_from=r.since,
                valid_to=r.until,
                note=r.note,
                **self.span(source, r.evidence, entry),
            )
            session.add(role)
            roles[r.key] = role
        session.flush()

        statements: dict[str, Statement] = {}
        for i, s in enumerate(data.statements):
            entry = f"statements[{i}]"
            role_id = None
            if s.role is not None:
                if s.role not in roles:
                    raise self.fail(f"{entry}.role", f"unknown role key {s.role!r}")
                role_id = roles[s.role].id
            speaker = self.entity(s.speaker, f"{entry}.speaker")
            about = [self.entity(key, f"{entry}.about").key for key in s.about]
            try:
                statement = create_statement(
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
                        translator="csto-kb curators",
                        method="curated",
                        note=s.note,
                    ),
                    by=by,
                )
            except KBError as error:
                raise self.fail(entry, str(error)) from None
            statements[s.id] = statement
            self.report.statements_added += 1

        def statement_ref(ref: str | None, entry: str) -> Statement | None:
            if ref is None:
                return None
            if ref not in statements:
                raise self.fail(f"{entry}.statement", f"unknown statement id {ref!r}")
            return statements[ref]

        facts: list[object] = []
        for i, m in enumerate(data.memberships):
            entry = f"memberships[{i}]"
            facts.append(
                Membership(
                    alliance=self.entity(m.alliance, f"{entry}.alliance"),
                    member=self.entity(m.member, f"{entry}.member"),
                    status=m.status,
                    valid_from=m.since,
                    valid_to=m.until,
                    note=m.note,
                    **self.span(source, m.evidence, entry),
                )
            )
        for i, e in enumerate(data.events):
            entry = f"events[{i}]"
            facts.append(
                Event(
                    key=e.key,
                    kind=e.kind,
                    title=e.title,
                    title_ar=e.title_ar,
                    starts_on=e.starts_on,
                    ends_on=e.ends_on,
                    date_text=e.date_text,
                    note=e.note,
                    participants=[
                        EventParticipant(
                            entity=self.entity(p.entity, f"{entry}.participants[{j}]"), role=p.role
                        )
                        for j, p in enumerate(e.participants)
                    ],
                    **self.span(source, e.evidence, entry),
                )
            )
        for i, f in enumerate(data.organisation_facts):
            entry = f"organisation_facts[{i}]"
            facts.append(
                OrganisationFact(
                    subject=self.entity(f.subject, f"{entry}.subject"),
                    kind=f.kind,
                    text=f.text,
                    lang=data.source.lang,
                    text_en=f.text_en,
                    statement=statement_ref(f.statement, entry),
                    note=f.note,
                    **self.span(source, f.evidence, entry),
                )
            )
        for i, fl in enumerate(data.force_levels):
            entry = f"force_levels[{i}]"
            facts.append(
                ForceLevel(
                    organisation=self.entity(fl.organisation, f"{entry}.organisation"),
                    unit=fl.unit,
                    unit_original=fl.unit_ar,
                    count=fl.count,
                    approximate=fl.approximate,
                    readiness=fl.readiness,
                    as_of=fl.as_of,
                    statement=statement_ref(fl.statement, entry),
                    note=fl.note,
                    **self.span(source, fl.evidence, entry),
                )
            )
        session.add_all(facts)
        session.flush()
        self.report.facts_added += len(facts) + len(roles)


def _load_entities(session: Session, path: Path, report: SeedReport) -> None:
    data = _read(path, EntitiesFile)
    by_key: dict[str, Entity] = {e.key: e for e in session.scalars(select(Entity))}
    for seed in data.entities:
        entity = by_key.get(seed.key)
        if entity is None:
            entity = Entity(key=seed.key, kind=seed.kind, description=seed.description, names=[])
            session.add(entity)
            by_key[seed.key] = entity
            report.entities_added += 1
        for name in seed.names:
            report.names_added += add_name(session, entity, name.name, name.lang)
    for i, seed in enumerate(data.entities):
        if seed.part_of is not None:
            if seed.part_of not in by_key:
                raise InvalidInput(f"{path.name}: entities[{i}].part_of: unknown entity key {seed.part_of!r}")
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
            already = session.scalars(select(Source.id).where(Source.sha256 == sha256_text(text))).first()
            if already is not None:
                report.sources_already_loaded.append(article.source.file)
                continue
            _Loader(session, path, report).load(article, text, uow.by)
            report.sources_added.append(article.source.file)
        uow.commit()
    return report
