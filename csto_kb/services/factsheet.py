"""Building an alliance's fact sheet from the stored facts, as they stand today or on a given date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, case, distinct, func, or_, select
from sqlalchemy.orm import Session

from csto_kb.dates import PartialDate, upper_bound
from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.errors import InvalidInput
from csto_kb.langtags import canonical_lang
from csto_kb.languages import ENGLISH
from csto_kb.model import Entity, EntityName, OrganisationFact, Role, Source, Statement, statement_about
from csto_kb.model.base import utcnow
from csto_kb.schemas.entities import NameOut
from csto_kb.schemas.facts import Citation, OrganisationFactOut
from csto_kb.schemas.factsheet import AllianceOut, CitedSource, FactSheet, SpeakerCount, StatementSelection
from csto_kb.schemas.statements import EntityRef, StatementOut
from csto_kb.services import queries
from csto_kb.services.entities import resolve_entity
from csto_kb.sql.run import statement_rows_by_id

PER_SPEAKER = 3
"""Under the ``latest`` rule, how many statements of each speaker outside the alliance a sheet shows."""
LIMIT = 50
"""Under the ``latest`` rule, the cap on the officials' statements shown, and on the other speakers'."""
COUNT_LIMIT = 100_000
"""Matching statements counted exactly; beyond, a sheet says "more than" (counting a million takes seconds)."""
PREFIX_START = 1_000
"""How many of the newest candidates are ranked first (`_Candidates._others`); grown fourfold as needed."""


@dataclass(frozen=True)
class StatementRule:
    """Which statements a fact sheet shows: the one place the rule is written, for every format.

    ``latest`` keeps the sheet a summary at any size: everything the alliance's own officials said (the
    alliance, its bodies, and people holding a role in it), the latest ``limit`` of it, and the latest
    ``per_speaker`` statements of every other speaker about the alliance, the latest ``limit`` of those.
    ``all`` shows every statement about the alliance or by its officials.
    """

    rule: Literal["latest", "all"] = "latest"
    per_speaker: int = PER_SPEAKER
    limit: int = LIMIT

    def __post_init__(self) -> None:
        if self.per_speaker < 1:
            raise InvalidInput(f"per-speaker: expected 1 or more, got {self.per_speaker}")
        if self.limit < 1:
            raise InvalidInput(f"limit: expected 1 or more, got {self.limit}")


EVERY_STATEMENT = StatementRule("all")


def _on_or_before(value: str | None, as_of: str | None) -> bool:
    """Whether a partial date may lie on or before ``as_of`` (undated facts are kept)."""
    return as_of is None or value is None or value < upper_bound(as_of)


class _Candidates:
    """The statements a sheet may show, as SQL: live, about the alliance or by its officials, by the date."""

    def __init__(self, org_id: int, as_of: str | None) -> None:
        self.officials = select(Entity.id).where(
            or_(
                Entity.id == org_id,
                Entity.part_of_id == org_id,
                Entity.id.in_(select(Role.person_id).where(Role.organisation_id == org_id)),
            )
        )
        self.parts = parts = select(Entity.id).where(or_(Entity.id == org_id, Entity.part_of_id == org_id))
        # Two spellings of one condition, for two ways of reading. Counting every candidate, the planner does
        # best starting from the subjects' index (IN). Walking statements in date order, or one speaker's, a
        # check per statement (EXISTS on the subjects' primary key) keeps the date or speaker index in charge,
        # so LIMIT stops the walk early: at 1M statements, 1.7 s for the newest thousand becomes 0.02 s.
        self.about = Statement.id.in_(
            select(statement_about.c.statement_id).where(statement_about.c.entity_id.in_(parts))
        )
        self.about_each = (
            select(statement_about.c.statement_id)
            .where(statement_about.c.statement_id == Statement.id, statement_about.c.entity_id.in_(parts))
            .exists()
        )
        self.live: list[ColumnElement[bool]] = [Statement.retracted_at.is_(None)]
        if as_of is not None:
            self.live.append(Statement.said_on < upper_bound(as_of))

    @property
    def by_officials(self) -> ColumnElement[bool]:
        return Statement.speaker_id.in_(self.officials)

    def latest_first(self, query: Select[int], limit: int) -> Select[int]:
        return query.order_by(Statement.said_on.desc().nulls_last(), Statement.id.desc()).limit(limit)

    def chosen_ids(self, session: Session, rule: StatementRule) -> list[int]:
        """The ids the rule picks: the officials' latest, then the others' latest few each, cut by the database."""
        officials = self.latest_first(select(Statement.id).where(*self.live, self.by_officials), rule.limit)
        return [*session.scalars(officials), *self._others(session, rule)]

    def _others(self, session: Session, rule: StatementRule) -> list[int]:
        """The latest ``per_speaker`` statements of each other speaker, the latest ``limit`` of those.

        A statement's rank among its speaker's statements, newest first, depends only on that speaker's newer
        statements. So ranking just the newest ``prefix`` candidates gives every one of them its true rank, and
        when that prefix holds ``limit`` qualifying statements they are the answer: any other comes later. The
        prefix grows until it does, or holds every candidate. The ranking then costs what the page shows, not
        what the database holds.
        """
        order = (Statement.said_on.desc().nulls_last(), Statement.id.desc())
        prefix = max(PREFIX_START, rule.limit * rule.per_speaker)
        while True:
            newest = (
                select(Statement.id, Statement.said_on, Statement.speaker_id)
                .where(*self.live, self.about_each, ~self.by_officials)
                .order_by(*order)
                .limit(prefix)
                .subquery("newest")
            )
            rank = func.row_number().over(
                partition_by=newest.c.speaker_id,
                order_by=(newest.c.said_on.desc().nulls_last(), newest.c.id.desc()),
            )
            ranked = select(newest.c.id, newest.c.said_on, rank.label("rank")).subquery("ranked")
            chosen = list(
                session.scalars(
                    select(ranked.c.id)
                    .where(ranked.c.rank <= rule.per_speaker)
                    .order_by(ranked.c.said_on.desc().nulls_last(), ranked.c.id.desc())
                    .limit(rule.limit)
                )
            )
            if len(chosen) >= rule.limit:
                return chosen
            held = session.scalar(select(func.count()).select_from(newest)) or 0
            if held < prefix:
                return chosen  # the prefix holds every candidate
            prefix *= 4

    def totals(self, session: Session) -> tuple[int, int, int, bool]:
        """How many statements match, how many of them officials made, how many speakers made them, and whether
        those are all: beyond ``COUNT_LIMIT`` matching statements the counting stops, and the three are lower
        bounds (a summary says "more than 100,000"; the export lists them all)."""
        official = case((self.by_officials, 1), else_=0).label("official")
        # Few statements about the alliance: the subjects' index gives them, all counted. Many: each statement
        # is checked in turn until past the limit, so the count stops early instead of listing a million ids.
        about_rows = session.scalar(
            select(func.count())
            .select_from(statement_about)
            .where(statement_about.c.entity_id.in_(self.parts))
        )
        about = self.about if (about_rows or 0) <= COUNT_LIMIT else self.about_each
        counted = (
            select(Statement.speaker_id, official)
            .where(*self.live, or_(about, self.by_officials))
            .limit(COUNT_LIMIT + 1)
            .subquery("counted")
        )
        query = select(
            func.count(),
            func.coalesce(func.sum(counted.c.official), 0),
            func.count(distinct(counted.c.speaker_id)),
        )
        matching, by_officials, speakers = session.execute(query).one()
        return int(matching), int(by_officials), int(speakers), int(matching) <= COUNT_LIMIT

    def per_speaker(self, session: Session, speaker_ids: list[int]) -> dict[int, tuple[int, bool]]:
        """For each of these speakers: how many of their statements match, and whether they are an official."""
        if not speaker_ids:
            return {}
        official = func.max(case((self.by_officials, 1), else_=0))
        query = (
            select(Statement.speaker_id, func.count(), official)
            .where(*self.live, or_(self.about_each, self.by_officials), Statement.speaker_id.in_(speaker_ids))
            .group_by(Statement.speaker_id)
        )
        return {int(s): (int(n), bool(o)) for s, n, o in session.execute(query)}


def _selection(
    session: Session,
    candidates: _Candidates,
    rule: StatementRule,
    shown: list[StatementOut],
    org_key: str,
    as_of: str | None,
) -> StatementSelection:
    matching, by_officials, speakers, counted_all = candidates.totals(session)
    counts = candidates.per_speaker(session, sorted({s.speaker.id for s in shown}))
    refs: dict[int, EntityRef] = {s.speaker.id: s.speaker for s in shown}
    shown_by: dict[int, int] = {}
    for s in shown:
        shown_by[s.speaker.id] = shown_by.get(s.speaker.id, 0) + 1
    speaker_counts = sorted(
        (
            SpeakerCount(speaker=refs[i], official=counts[i][1], matching=counts[i][0], shown=shown_by[i])
            for i in shown_by
        ),
        key=lambda c: (not c.official, c.speaker.name_en or c.speaker.key, c.speaker.id),
    )
    to = f" --to {as_of}" if as_of else ""
    return StatementSelection(
        rule=rule.rule,
        per_speaker=rule.per_speaker if rule.rule == "latest" else None,
        limit=rule.limit if rule.rule == "latest" else None,
        matching=matching,
        by_officials=by_officials,
        counted_all=counted_all,
        speakers=speakers,
        shown=len(shown),
        speaker_counts=speaker_counts,
        full_export=[
            f"csto-kb export statements --about {org_key}{to}",
            f"csto-kb export statements --org {org_key}{to}",
        ],
    )


def find_sheet_statements(
    session: Session, org_id: int, org_key: str, as_of: str | None, rule: StatementRule
) -> tuple[list[StatementOut], StatementSelection]:
    """The statements ``rule`` picks for the sheet of alliance ``org_id``, in date order, with their counts."""
    candidates = _Candidates(org_id, as_of)
    if rule.rule == "all":
        about = queries.StatementFilter(about=org_key, date_to=as_of)
        spoken = queries.StatementFilter(org=org_key, date_to=as_of)
        every = {s.id: s for s in queries.find_statements(session, about)}
        every.update({s.id: s for s in queries.find_statements(session, spoken)})
        shown = sorted(every.values(), key=lambda s: (s.said_on is None, s.said_on or "", s.id))
    else:
        rows = statement_rows_by_id(*driver_connection(session), candidates.chosen_ids(session, rule))
        shown = [StatementOut.model_validate(row) for row in rows]
    return shown, _selection(session, candidates, rule, shown, org_key, as_of)


def _publisher(source: Source) -> str | None:
    """The publisher as written on the source, else the name of its publisher entity."""
    entity = source.publisher_entity
    return source.publisher or (entity.display_name if entity is not None else None)


def build_factsheet(
    uow: UnitOfWork,
    alliance: str = "csto",
    as_of: str | None = None,
    *,
    statements: StatementRule = StatementRule(),
    lang: str = ENGLISH,
) -> FactSheet:
    """The fact sheet of ``alliance``; with ``as_of``, only what was true or said by that date.

    ``statements`` chooses which statements it shows (by default the latest rule: a summary at any size);
    ``lang`` is its reading language (names, titles and quotes are read in it, then English, then the
    original: `csto_kb.languages`).
    """
    try:
        lang = canonical_lang(lang)
    except ValueError as error:
        raise InvalidInput(f"lang: {error}") from None
    if as_of is not None:
        try:
            as_of = str(PartialDate.parse(as_of))
        except ValueError as error:
            raise InvalidInput(f"as-of: {error}") from None
    with uow:
        session = uow.session
        org = resolve_entity(session, alliance, field="alliance")
        parts = [org.id, *session.scalars(select(Entity.id).where(Entity.part_of_id == org.id))]
        members = [
            m for m in queries.find_members(session, org.key, on=as_of) if _on_or_before(m.valid_from, as_of)
        ]
        facts = [
            OrganisationFactOut.model_validate(f)
            for f in session.scalars(
                select(OrganisationFact)
                .where(OrganisationFact.subject_id.in_(parts), OrganisationFact.retracted_at.is_(None))
                .order_by(OrganisationFact.id)
            )
        ]
        forces = [f for f in queries.find_forces(session, org.key) if _on_or_before(f.as_of, as_of)]
        events = [
            e
            for e in queries.find_events(session, org.key, also=[m.member.id for m in members])
            if _on_or_before(e.starts_on, as_of)
        ]
        ordered, selection = find_sheet_statements(session, org.id, org.key, as_of, statements)

        claims: list[Citation | StatementOut] = [*members, *facts, *forces, *events, *ordered]
        cited = sorted({e.source.id for claim in claims for e in claim.evidence})
        sources = {s.id: s for s in session.scalars(select(Source).where(Source.id.in_(cited)))}
        sheet = FactSheet(
            generated_at=utcnow(),
            as_of=as_of,
            lang=lang,
            alliance=AllianceOut(
                id=org.id,
                key=org.key,
                name_en=org.name_en,
                name_ar=org.name_ar,
                names=[NameOut.model_validate(n) for n in org.names],
                description=org.description,
            ),
            founding=[e for e in events if e.kind == "founding"],
            members=members,
            obligations=[f for f in facts if f.kind == "obligation"],
            characterisations=[f for f in facts if f.kind == "characterisation"],
            practices=[f for f in facts if f.kind == "practice"],
            forces=forces,
            events=[e for e in events if e.kind != "founding"],
            statements=ordered,
            statement_selection=selection,
            sources=[
                CitedSource(
                    number=i,
                    id=sources[i].id,
                    label=sources[i].label,
                    publisher=_publisher(sources[i]),
                    title=sources[i].title,
                    url=sources[i].url,
                    lang=sources[i].lang,
                    published_on=sources[i].published_on,
                    published_basis=sources[i].published_basis,
                    published_note=sources[i].published_note,
                    sha256=sources[i].sha256,
                )
                for i in cited
            ],
        )
        sheet.entity_names = _names_of(session, {org.id} | _entity_ids(sheet))
        return sheet


def _entity_ids(node: object) -> set[int]:
    """The ids of every entity a part of the sheet refers to."""
    if isinstance(node, EntityRef):
        return {node.id}
    if isinstance(node, BaseModel):
        return set().union(*(_entity_ids(getattr(node, f)) for f in type(node).model_fields))
    if isinstance(node, list):
        return set().union(*(_entity_ids(item) for item in node))
    return set()


def _names_of(session: Session, entity_ids: set[int]) -> dict[int, list[NameOut]]:
    """Every name of these entities, in the order recorded."""
    out: dict[int, list[NameOut]] = {i: [] for i in sorted(entity_ids)}
    for name in session.scalars(
        select(EntityName).where(EntityName.entity_id.in_(entity_ids)).order_by(EntityName.id)
    ):
        out[name.entity_id].append(NameOut.model_validate(name))
    return out
