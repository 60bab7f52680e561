"""The fact sheet's read queries, defined once in SQLAlchemy Core: the alliance, its memberships, organisation
facts, force levels and events (which `members`, `forces` and `events` list too), its statement selection, the
sources it cites, the names of the entities it shows, and those entities' and publishers' Wikidata ids
(the linked-data exports).

As in `csto_kb.sql.definitions`, nothing here runs a query: `csto_kb.sql.generate` compiles these into
`csto_kb.sql.compiled` (``FACT_SQL``), and `csto_kb.sql.facts` and `csto_kb.services.factsheet` run that SQL
on a plain DB-API connection, under SQLAlchemy's session or without it.

A claim (membership, force level, event, organisation fact) comes back in one row with its lists (evidence,
titles, participants) as JSON built by the database. Its first evidence is the oldest live one, else the
oldest of all, as `csto_kb.model.base.Evidenced.first_evidence` says.

Lists of ids (the entities an event may involve, the sources cited …) are short lists someone chose; they
are written into the SQL as integers where ``{ids}`` stands (`id_list`), so a list needs no parameters
whatever its length.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    distinct,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import JSON

from csto_kb.model import (
    Entity,
    EntityName,
    Event,
    EventParticipant,
    EventTitle,
    Evidence,
    ExternalId,
    ForceLevel,
    ForceLevelUnit,
    Membership,
    OrganisationFact,
    OrganisationFactText,
    Role,
    RoleTitle,
    Source,
    Statement,
    statement_about,
)
from csto_kb.services.external_ids import WIKIDATA
from csto_kb.sql.definitions import ID_LIST as ID_LIST
from csto_kb.sql.definitions import _key, in_ids, not_in_ids, param

# --- JSON built by the database: one round trip returns a claim with its lists ---------------------------


class json_obj(FunctionElement[Any]):
    """A JSON object from alternating keys and values."""

    type = JSON()
    inherit_cache = True
    name = "json_obj"


class json_rows(FunctionElement[Any]):
    """The JSON array of one json_obj per row of the enclosing SELECT (``[]`` when there is none)."""

    type = JSON()
    inherit_cache = True
    name = "json_rows"


@compiles(json_obj, "sqlite")
def _json_obj_sqlite(element: json_obj, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_object({compiler.process(element.clauses, **kw)})"


@compiles(json_obj, "postgresql")
def _json_obj_postgresql(element: json_obj, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_build_object({compiler.process(element.clauses, **kw)})"


@compiles(json_rows, "sqlite")
def _json_rows_sqlite(element: json_rows, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_group_array(json({compiler.process(element.clauses, **kw)}))"


@compiles(json_rows, "postgresql")
def _json_rows_postgresql(element: json_rows, compiler: SQLCompiler, **kw: Any) -> str:
    return f"coalesce(json_agg({compiler.process(element.clauses, **kw)}), '[]'::json)"


# --- entities -------------------------------------------------------------------------------------------


def name_in(entity_id: Any, lang: str) -> ColumnElement[str | None]:
    """The entity's primary name in a language, else its first name in it (Entity.name_in)."""
    primary_first = case((EntityName.is_primary, 0), else_=1)
    return (
        select(EntityName.name)
        .where(EntityName.entity_id == entity_id, EntityName.lang == _key(lang))
        .order_by(primary_first, EntityName.id)
        .limit(1)
        .scalar_subquery()
    )


def display_name(entity: Any) -> ColumnElement[str]:
    """English name, else Arabic, else the first name, else the key (Entity.display_name)."""
    first = (
        select(EntityName.name)
        .where(EntityName.entity_id == entity.id)
        .order_by(EntityName.id)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(name_in(entity.id, "en"), name_in(entity.id, "ar"), first, entity.key)


def entity_ref_json(entity_id: Any) -> ColumnElement[Any]:
    """The EntityRef of the entity with this id, as a JSON object.

    Everything is looked up by the id through scalar subqueries (primary-key and index lookups), never
    joined: a join let PostgreSQL, with statistics from before a bulk load, scan the entity table once per
    statement.
    """
    key = select(Entity.key).where(Entity.id == entity_id).scalar_subquery()
    return json_obj(
        _key("id"),
        entity_id,
        _key("key"),
        key,
        _key("name_en"),
        name_in(entity_id, "en"),
        _key("name_ar"),
        name_in(entity_id, "ar"),
    )


def _text(value: str) -> ColumnElement[str]:
    # JSON keys are written into the SQL, not bound (see `csto_kb.sql.definitions._key`).
    return literal_column(f"'{value}'")


# --- a claim's evidence ---------------------------------------------------------------------------------


def _evidence_json(of_claim: ColumnElement[bool]) -> ColumnElement[Any]:
    """The claim's live evidence as a JSON array, in the keys `csto_kb.sql.run.statement_row` reads."""
    source = aliased(Source, name="evidence_source")
    publisher = aliased(Entity, name="evidence_publisher")
    return (
        select(
            json_rows(
                json_obj(
                    _text("id"),
                    Evidence.id,
                    _text("source_id"),
                    Evidence.source_id,
                    _text("title"),
                    source.title,
                    _text("url"),
                    source.url,
                    _text("publisher"),
                    source.publisher,
                    _text("publisher_entity"),
                    display_name(publisher),
                    _text("published_on"),
                    source.published_on,
                    _text("published_basis"),
                    source.published_basis,
                    _text("sha256"),
                    source.sha256,
                    _text("span_start"),
                    Evidence.span_start,
                    _text("span_end"),
                    Evidence.span_end,
                    _text("method"),
                    Evidence.method,
                    _text("extractor_version"),
                    Evidence.extractor_version,
                    _text("confidence"),
                    Evidence.confidence,
                    _text("recorded_at"),
                    Evidence.recorded_at,
                    _text("recorded_by"),
                    Evidence.recorded_by,
                )
            )
        )
        .select_from(Evidence)
        .join(source, source.id == Evidence.source_id)
        .outerjoin(publisher, publisher.id == source.publisher_id)
        .where(of_claim, Evidence.retracted_at.is_(None))
        .scalar_subquery()
    )


def _first_evidence_id(of_claim: ColumnElement[bool]) -> ColumnElement[int]:
    """The oldest live evidence of the claim, else its oldest (ids grow with time)."""
    live = select(func.min(Evidence.id)).where(of_claim, Evidence.retracted_at.is_(None)).scalar_subquery()
    every = select(func.min(Evidence.id)).where(of_claim).scalar_subquery()
    return func.coalesce(live, every)


def _language_rows(table: Any, owner: ColumnElement[bool]) -> ColumnElement[Any]:
    """A claim's language rows (titles, texts, unit labels) as a JSON array of id, lang, text, is_original."""
    return (
        select(
            json_rows(
                json_obj(
                    _text("id"),
                    table.id,
                    _text("lang"),
                    table.lang,
                    _text("text"),
                    table.text,
                    _text("is_original"),
                    table.is_original,
                )
            )
        )
        .where(owner)
        .scalar_subquery()
    )


def _claim_columns(first: Any, claim: Any) -> list[ColumnElement[Any]]:
    """Citation's columns: the first evidence's source and span, the claim's note."""
    return [
        first.source_id.label("source_id"),
        first.span_start.label("span_start"),
        first.span_end.label("span_end"),
        first.method.label("method"),
        claim.note.label("note"),
    ]


# --- memberships, organisation facts, force levels, events ----------------------------------------------

_membership_first = aliased(Evidence, name="first_evidence")


def _memberships(where: ColumnElement[bool], *order: Any, live: bool = True) -> Select[Any]:
    """The membership episodes ``where`` selects, in MembershipOut's columns; with ``live``, those not
    retracted."""
    return (
        select(
            Membership.id,
            entity_ref_json(Membership.alliance_id).label("alliance"),
            entity_ref_json(Membership.member_id).label("member"),
            Membership.status,
            Membership.valid_from,
            Membership.valid_to,
            *_claim_columns(_membership_first, Membership),
            _evidence_json(Evidence.membership_id == Membership.id).label("evidence"),
        )
        .select_from(Membership)
        .outerjoin(
            _membership_first,
            _membership_first.id == _first_evidence_id(Evidence.membership_id == Membership.id),
        )
        .where(where, *([Membership.retracted_at.is_(None)] if live else []))
        .order_by(*order)
    )


MEMBERSHIPS = _memberships(Membership.alliance_id == param("alliance_id"), Membership.id)
# An entity's page: the episodes in which it is the member, by alliance, and in which it is the alliance, by
# member, each in the order of its start.
MEMBERSHIPS_AS_MEMBER = _memberships(
    Membership.member_id == param("entity_id"), Membership.alliance_id, Membership.valid_from, Membership.id
)
MEMBERSHIPS_AS_ALLIANCE = _memberships(
    Membership.alliance_id == param("entity_id"), Membership.member_id, Membership.valid_from, Membership.id
)
# One by its id, retracted or not: `membership show` finds what it is asked for.
MEMBERSHIP = _memberships(Membership.id == param("id"), live=False)

# An alliance's parts: itself and its bodies.
_parts = select(Entity.id).where(or_(Entity.id == param("org_id"), Entity.part_of_id == param("org_id")))

_fact_first = aliased(Evidence, name="first_evidence")
_ORGANISATION_FACT_COLUMNS = (
    select(
        OrganisationFact.id,
        entity_ref_json(OrganisationFact.subject_id).label("subject"),
        OrganisationFact.kind,
        _language_rows(OrganisationFactText, OrganisationFactText.fact_id == OrganisationFact.id).label(
            "texts"
        ),
        OrganisationFact.statement_id,
        *_claim_columns(_fact_first, OrganisationFact),
        _evidence_json(Evidence.organisation_fact_id == OrganisationFact.id).label("evidence"),
    )
    .select_from(OrganisationFact)
    .outerjoin(
        _fact_first,
        _fact_first.id == _first_evidence_id(Evidence.organisation_fact_id == OrganisationFact.id),
    )
)
ORGANISATION_FACTS = _ORGANISATION_FACT_COLUMNS.where(
    OrganisationFact.subject_id.in_(_parts), OrganisationFact.retracted_at.is_(None)
).order_by(OrganisationFact.id)
ORGANISATION_FACT = _ORGANISATION_FACT_COLUMNS.where(OrganisationFact.id == param("id"))

_force_first = aliased(Evidence, name="first_evidence")
_force_source = aliased(Source, name="first_source")
# The figure as its first source writes it: those characters of the source's stored text, when it stores
# one and the evidence has a span (ForceLevel.wording). SQL counts characters from 1.
_wording = case(
    (
        and_(
            _force_source.body.is_not(None),
            _force_first.span_start.is_not(None),
            _force_first.span_end.is_not(None),
        ),
        func.substr(
            _force_source.body, _force_first.span_start + 1, _force_first.span_end - _force_first.span_start
        ),
    ),
    else_=None,
)
_asserted_by = (
    select(entity_ref_json(Statement.speaker_id))
    .where(Statement.id == ForceLevel.statement_id)
    .scalar_subquery()
)
_FORCE_LEVEL_COLUMNS = (
    select(
        ForceLevel.id,
        entity_ref_json(ForceLevel.organisation_id).label("organisation"),
        _language_rows(ForceLevelUnit, ForceLevelUnit.force_level_id == ForceLevel.id).label("units"),
        _wording.label("wording"),
        _force_source.lang.label("wording_lang"),
        ForceLevel.count,
        ForceLevel.approximate,
        ForceLevel.readiness,
        ForceLevel.as_of,
        ForceLevel.statement_id,
        _asserted_by.label("asserted_by"),
        *_claim_columns(_force_first, ForceLevel),
        _evidence_json(Evidence.force_level_id == ForceLevel.id).label("evidence"),
    )
    .select_from(ForceLevel)
    .outerjoin(_force_first, _force_first.id == _first_evidence_id(Evidence.force_level_id == ForceLevel.id))
    .outerjoin(_force_source, _force_source.id == _force_first.source_id)
)
_FORCE_LEVELS = _FORCE_LEVEL_COLUMNS.where(ForceLevel.retracted_at.is_(None))
FORCE_LEVEL = _FORCE_LEVEL_COLUMNS.where(ForceLevel.id == param("id"))
_FORCE_ORDER = (ForceLevel.organisation_id, ForceLevel.readiness, ForceLevel.as_of, ForceLevel.id)
FORCE_LEVELS = _FORCE_LEVELS.order_by(*_FORCE_ORDER)
FORCE_LEVELS_OF = _FORCE_LEVELS.where(ForceLevel.organisation_id == param("organisation_id")).order_by(
    *_FORCE_ORDER
)

_event_first = aliased(Evidence, name="first_evidence")
_participants = (
    select(
        json_rows(
            json_obj(
                _text("entity_id"),
                EventParticipant.entity_id,
                _text("entity"),
                entity_ref_json(EventParticipant.entity_id),
                _text("role"),
                EventParticipant.role,
            )
        )
    )
    .where(EventParticipant.event_id == Event.id)
    .scalar_subquery()
)
_EVENT_COLUMNS = (
    select(
        Event.id,
        Event.key,
        Event.kind,
        _language_rows(EventTitle, EventTitle.event_id == Event.id).label("titles"),
        Event.starts_on,
        Event.ends_on,
        Event.date_text,
        _participants.label("participants"),
        *_claim_columns(_event_first, Event),
        _evidence_json(Evidence.event_id == Event.id).label("evidence"),
    )
    .select_from(Event)
    .outerjoin(_event_first, _event_first.id == _first_evidence_id(Evidence.event_id == Event.id))
)
_EVENTS = _EVENT_COLUMNS.where(Event.retracted_at.is_(None))
EVENT = _EVENT_COLUMNS.where(Event.id == param("id"))
_EVENT_ORDER = (Event.starts_on.is_(None), Event.starts_on, Event.id)
EVENTS = _EVENTS.order_by(*_EVENT_ORDER)
# Events that an entity of the list, or a part of one, took part in.
_involved = select(Entity.id).where(or_(in_ids(Entity.id), in_ids(Entity.part_of_id)))
EVENTS_INVOLVING = _EVENTS.where(
    Event.id.in_(select(EventParticipant.event_id).where(EventParticipant.entity_id.in_(_involved)))
).order_by(*_EVENT_ORDER)

# --- roles -----------------------------------------------------------------------------------------------

_role_first = aliased(Evidence, name="first_evidence")
ROLE = (
    select(
        Role.id,
        entity_ref_json(Role.person_id).label("person"),
        # A role in no organisation has none to name (not an EntityRef of nothing).
        case((Role.organisation_id.is_(None), None), else_=entity_ref_json(Role.organisation_id)).label(
            "organisation"
        ),
        _language_rows(RoleTitle, RoleTitle.role_id == Role.id).label("titles"),
        Role.valid_from,
        Role.valid_to,
        *_claim_columns(_role_first, Role),
        _evidence_json(Evidence.role_id == Role.id).label("evidence"),
    )
    .select_from(Role)
    .outerjoin(_role_first, _role_first.id == _first_evidence_id(Evidence.role_id == Role.id))
    .where(Role.id == param("id"))
)

# One claim by its id, retracted or not, by the table it is stored in: what `show` reads.
CLAIMS: dict[str, Select[Any]] = {
    "membership": MEMBERSHIP,
    "role": ROLE,
    "force_level": FORCE_LEVEL,
    "event": EVENT,
    "organisation_fact": ORGANISATION_FACT,
}

_CLAIM_MODELS: dict[str, Any] = {
    "membership": Membership,
    "role": Role,
    "force_level": ForceLevel,
    "event": Event,
    "organisation_fact": OrganisationFact,
}

CLAIM_RETRACTIONS: dict[str, Select[Any]] = {
    table: select(model.retracted_at, model.retracted_reason).where(model.id == param("id"))
    for table, model in _CLAIM_MODELS.items()
}
"""When and why a claim was retracted (both null for a live one), which `show` says beside the claim."""

# --- the alliance, the sources it cites, the names of what it shows -------------------------------------

ALLIANCE = select(
    Entity.id,
    Entity.key,
    name_in(Entity.id, "en").label("name_en"),
    name_in(Entity.id, "ar").label("name_ar"),
    Entity.description,
).where(Entity.id == param("org_id"))
ENTITY_NAMES = (
    select(EntityName.entity_id, EntityName.name, EntityName.lang, EntityName.is_primary)
    .where(in_ids(EntityName.entity_id))
    .order_by(EntityName.id)
)
_publisher = aliased(Entity, name="publisher")
SOURCES = (
    select(
        Source.id,
        Source.title,
        Source.url,
        Source.publisher,
        display_name(_publisher).label("publisher_entity"),
        Source.lang,
        Source.published_on,
        Source.published_basis,
        Source.published_note,
        Source.sha256,
    )
    .outerjoin(_publisher, _publisher.id == Source.publisher_id)
    .where(in_ids(Source.id))
    .order_by(Source.id)
)

# What the linked-data exports need beyond the sheet: each entity's kind and Wikidata id, and the Wikidata id
# of each cited source's publisher (`csto_kb.services.linked_entities`).
LINKED_ENTITIES = (
    select(
        Entity.id,
        Entity.key,
        Entity.kind,
        select(ExternalId.value)
        .where(ExternalId.entity_id == Entity.id, ExternalId.scheme == _key(WIKIDATA))
        .scalar_subquery()
        .label("wikidata"),
    )
    .where(in_ids(Entity.id))
    .order_by(Entity.id)
)
PUBLISHER_WIKIDATA_IDS = (
    select(Source.id, ExternalId.value)
    .join(ExternalId, ExternalId.entity_id == Source.publisher_id)
    .where(ExternalId.scheme == _key(WIKIDATA), in_ids(Source.id))
    .order_by(Source.id)
)

# --- the statements a sheet may show --------------------------------------------------------------------

# The alliance's officials: the alliance, its bodies, and the people holding a role in it. Read first, with
# its parts, and written into the queries below as lists of ids: PostgreSQL cannot tell how many rows a
# subquery with OR gives (it guessed half the entities, so it scanned every statement), a list it can.
OFFICIALS = _parts.union(select(Role.person_id).where(Role.organisation_id == param("org_id")))
_by_officials = in_ids(Statement.speaker_id, "officials")
# Two spellings of one condition, for two ways of reading. Counting every candidate, the planner does best
# starting from the subjects' index (IN). Walking statements in date order, or one speaker's, a check per
# statement (EXISTS on the subjects' primary key) keeps the date or speaker index in charge, so LIMIT stops
# the walk early: at 1M statements, 1.7 s for the newest thousand becomes 0.02 s.
_about = Statement.id.in_(
    select(statement_about.c.statement_id).where(in_ids(statement_about.c.entity_id, "parts"))
)
_about_each = (
    select(statement_about.c.statement_id)
    .where(statement_about.c.statement_id == Statement.id, in_ids(statement_about.c.entity_id, "parts"))
    .exists()
)


def _live(dated: bool) -> list[ColumnElement[bool]]:
    """Not retracted, and with ``dated`` said before the as-of date's end (:as_of_bound)."""
    live: list[ColumnElement[bool]] = [Statement.retracted_at.is_(None)]
    if dated:
        live.append(Statement.said_on < param("as_of_bound"))
    return live


def _newest(conditions: list[ColumnElement[bool]], limit: str, name: str) -> Any:
    """The newest :``limit`` statements meeting ``conditions`` (id, said_on, speaker_id), newest first and
    undated last, as a subquery.

    Read in two parts, the dated newest first and then the undated by id, each along an index, and merged:
    PostgreSQL's index on the date, read backwards, gives undated statements first, so one ``ORDER BY said_on
    DESC NULLS LAST`` made it sort every candidate (1 s at 1M statements) where the walk takes milliseconds.
    """
    columns = (Statement.id, Statement.said_on, Statement.speaker_id)
    dated = (
        select(*columns)
        .where(*conditions, Statement.said_on.is_not(None))
        .order_by(Statement.said_on.desc(), Statement.id.desc())
        .limit(param(limit))
        .subquery(f"{name}_dated")
    )
    undated = (
        select(*columns)
        .where(*conditions, Statement.said_on.is_(None))
        .order_by(Statement.id.desc())
        .limit(param(limit))
        .subquery(f"{name}_undated")
    )
    both = union_all(select(dated), select(undated)).subquery(f"{name}_both")
    return (
        select(both.c.id, both.c.said_on, both.c.speaker_id)
        .order_by(both.c.said_on.desc().nulls_last(), both.c.id.desc())
        .limit(param(limit))
        .subquery(name)
    )


def _selection_queries(dated: bool) -> dict[str, ClauseElement]:
    """The statement selection's queries; ``{parts}`` and ``{officials}`` take the alliance's lists."""
    live = _live(dated)

    def others(about: ColumnElement[bool]) -> tuple[Any, Any]:
        """The newest :prefix statements of other speakers, and the latest :per_speaker of each among them."""
        newest = _newest([*live, about, not_in_ids(Statement.speaker_id, "officials")], "prefix", "newest")
        rank = func.row_number().over(
            partition_by=newest.c.speaker_id,
            order_by=(newest.c.said_on.desc().nulls_last(), newest.c.id.desc()),
        )
        ranked = select(newest.c.id, newest.c.said_on, rank.label("rank")).subquery("ranked")
        chosen = (
            select(ranked.c.id)
            .where(ranked.c.rank <= param("per_speaker"))
            .order_by(ranked.c.said_on.desc().nulls_last(), ranked.c.id.desc())
            .limit(param("limit"))
        )
        return chosen, select(func.count()).select_from(newest)

    others_each, held_each = others(_about_each)
    others_in, held_in = others(_about)
    official = case((_by_officials, 1), else_=0).label("official")
    officials_latest = _newest([*live, _by_officials], "limit", "latest")

    def counted(about: ColumnElement[bool]) -> ClauseElement:
        rows = (
            select(Statement.speaker_id, official)
            .where(*live, or_(about, _by_officials))
            .limit(param("count_limit"))
            .subquery("counted")
        )
        return select(
            func.count(), func.coalesce(func.sum(rows.c.official), 0), func.count(distinct(rows.c.speaker_id))
        )

    return {
        # The officials' latest statements.
        "officials_latest": select(officials_latest.c.id),
        # Among the newest :prefix statements of other speakers, the latest :per_speaker of each speaker: walking
        # statements in date order (each), or from the subjects' index when few statements are about the
        # alliance (in).
        "others_ranked_each": others_each,
        "others_held_each": held_each,
        "others_ranked_in": others_in,
        "others_held_in": held_in,
        # Matching statements, those by officials, and their speakers, up to :count_limit statements.
        "totals_in": counted(_about),
        "totals_each": counted(_about_each),
        # Each listed speaker's matching statements, and whether they are an official.
        "per_speaker": select(Statement.speaker_id, func.count(), func.max(case((_by_officials, 1), else_=0)))
        .where(*live, or_(_about_each, _by_officials), in_ids(Statement.speaker_id))
        .group_by(Statement.speaker_id),
    }


QUERIES: dict[str, ClauseElement] = {
    "memberships": MEMBERSHIPS,
    "memberships_as_member": MEMBERSHIPS_AS_MEMBER,
    "memberships_as_alliance": MEMBERSHIPS_AS_ALLIANCE,
    "organisation_facts": ORGANISATION_FACTS,
    "force_levels": FORCE_LEVELS,
    "force_levels_of": FORCE_LEVELS_OF,
    "events": EVENTS,
    "events_involving": EVENTS_INVOLVING,
    "alliance": ALLIANCE,
    "parts": _parts,
    "officials": OFFICIALS,
    "statement_extent": select(func.coalesce(func.max(Statement.id), 0)),
    "entity_names": ENTITY_NAMES,
    "sources": SOURCES,
    "linked_entities": LINKED_ENTITIES,
    "publisher_wikidata_ids": PUBLISHER_WIKIDATA_IDS,
    # Whether more subject rows than :count_limit name the alliance or a part (counted up to there): it picks
    # the spelling of the totals (IN or EXISTS).
    "about_rows": select(func.count()).select_from(
        select(statement_about.c.statement_id)
        .where(in_ids(statement_about.c.entity_id, "parts"))
        .limit(param("count_limit"))
        .subquery("about_rows")
    ),
    **{f"{table}_by_id": query for table, query in CLAIMS.items()},
    **{f"{table}_retraction": query for table, query in CLAIM_RETRACTIONS.items()},
    **{f"sheet_{key}": query for key, query in _selection_queries(dated=False).items()},
    **{f"sheet_{key}_dated": query for key, query in _selection_queries(dated=True).items()},
}
"""Every query of this module by name, as `csto_kb.sql.compiled.FACT_SQL` holds them compiled."""
