"""Building an alliance's fact sheet from the stored facts, as they stand today or on a given date."""

from __future__ import annotations

from sqlalchemy import select

from csto_kb.dates import PartialDate, upper_bound
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput
from csto_kb.model import Entity, OrganisationFact, Source
from csto_kb.model.base import utcnow
from csto_kb.schemas.entities import NameOut
from csto_kb.schemas.facts import Citation, OrganisationFactOut
from csto_kb.schemas.factsheet import AllianceOut, CitedSource, FactSheet
from csto_kb.schemas.statements import StatementOut
from csto_kb.services import queries
from csto_kb.services.entities import resolve_entity


def _on_or_before(value: str | None, as_of: str | None) -> bool:
    """Whether a partial date may lie on or before ``as_of`` (undated facts are kept)."""
    return as_of is None or value is None or value < upper_bound(as_of)


def build_factsheet(uow: UnitOfWork, alliance: str = "csto", as_of: str | None = None) -> FactSheet:
    """The fact sheet of ``alliance``; with ``as_of``, only what was true or said by that date."""
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
        about = queries.StatementFilter(about=org.key, date_to=as_of)
        spoken = queries.StatementFilter(org=org.key, date_to=as_of)
        statements = {s.id: s for s in queries.find_statements(session, about)}
        statements.update({s.id: s for s in queries.find_statements(session, spoken)})
        ordered = sorted(statements.values(), key=lambda s: (s.said_on is None, s.said_on or "", s.id))

        cited: list[int] = []
        claims: list[Citation | StatementOut] = [*members, *facts, *forces, *events, *ordered]
        for source_id in (e.source.id for claim in claims for e in claim.evidence):
            if source_id not in cited:
                cited.append(source_id)
        sources = {s.id: s for s in session.scalars(select(Source).where(Source.id.in_(cited)))}
        return FactSheet(
            generated_at=utcnow(),
            as_of=as_of,
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
            sources=[
                CitedSource(
                    number=n,
                    id=sources[i].id,
                    label=sources[i].label,
                    publisher=sources[i].publisher,
                    title=sources[i].title,
                    url=sources[i].url,
                    lang=sources[i].lang,
                    published_on=sources[i].published_on,
                    published_basis=sources[i].published_basis,
                    published_note=sources[i].published_note,
                    sha256=sources[i].sha256,
                )
                for n, i in enumerate(cited, start=1)
            ],
        )
