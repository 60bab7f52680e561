"""The read queries, defined once in SQLAlchemy Core.

Nothing here runs a query. `csto_kb.sql.generate` compiles these definitions for each dialect into
`csto_kb.sql.compiled`, and `csto_kb.sql.run` executes that SQL on a plain DB-API connection. The read path
of a command therefore needs only the database driver, not SQLAlchemy (whose import alone costs more than
a whole query), while the SQL itself still comes from the models: when a column changes, the generated
module changes with it, and a test fails until it is regenerated.

A who-said query is assembled from pieces: the SELECT of a statement's own columns, one WHERE fragment per
filter, and the ORDER BY. Each piece is compiled on its own, and `run` joins the ones a filter needs with
AND. Parameters are named (``:name`` on SQLite, ``%(name)s`` on PostgreSQL), so the pieces combine freely.

What a statement shows beside its own columns is read per batch of statements, not per row: its
translations, subjects and evidence by the batch's statement ids, and the entities (key and every name),
roles (with their titles) and sources the batch refers to by their ids, each id once per command (`run`
keeps what it has read). A correlated subquery per name and per list was most of an export's time.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.types import Integer, NullType

from csto_kb.db.search_index import SQLITE_QUOTE_SEARCH_TABLE
from csto_kb.model import (
    CLAIM_TABLES,
    Base,
    Candidate,
    Change,
    Entity,
    EntityName,
    EventParticipant,
    Evidence,
    ExternalId,
    ForceLevel,
    Membership,
    OrganisationFact,
    Role,
    RoleTitle,
    Source,
    Statement,
    Translation,
    statement_about,
)


class param(ColumnElement[Any]):
    """A named parameter, written in the driver's own style (``:name`` for sqlite3, ``%(name)s`` for psycopg).

    Not a bindparam: the pieces are compiled with their constants inlined (literal_binds), which a bindparam
    without a value cannot survive; and its name, unlike an anonymous bind's, is what `run` supplies.
    """

    inherit_cache = True

    def __init__(self, name: str, type_: Any = None) -> None:
        self.name = name
        self.type = type_ if type_ is not None else NullType()


@compiles(param)
def _param_named(element: param, compiler: SQLCompiler, **kw: Any) -> str:
    return f":{element.name}"


@compiles(param, "postgresql")
def _param_pyformat(element: param, compiler: SQLCompiler, **kw: Any) -> str:
    return f"%({element.name})s"


def _key(name: str) -> ColumnElement[str]:
    # Constants are written into the SQL, not bound: the compiled text must carry no parameters other than
    # the ones `run` supplies by name.
    return literal_column(f"'{name}'")


ID_LIST = "{ids}"
"""Where `id_list` stands in the compiled SQL: `csto_kb.sql.run.with_ids` writes the integers there. A query may
take more than one list, each by its name (``{parts}``, ``{officials}``): a list of any length then needs no
parameters."""


class id_list(ColumnElement[Any]):
    """A list of integer ids, written into the SQL at run time in place of ``{name}``."""

    inherit_cache = True
    type = Integer()

    def __init__(self, name: str = "ids") -> None:
        self.name = name


@compiles(id_list)
def _id_list(element: id_list, compiler: SQLCompiler, **kw: Any) -> str:
    return f"({{{element.name}}})"


def in_ids(column: Any, name: str = "ids") -> ColumnElement[bool]:
    """``column IN (…)``, the ids written in at run time."""
    condition: ColumnElement[bool] = column.bool_op("IN")(id_list(name))
    return condition


def not_in_ids(column: Any, name: str) -> ColumnElement[bool]:
    condition: ColumnElement[bool] = column.bool_op("NOT IN")(id_list(name))
    return condition


# --- entities -------------------------------------------------------------------------------------------

ENTITY_BY_KEY = select(Entity.id, Entity.merged_into_id).where(Entity.key == param("key"))
ENTITY_MERGED_INTO = select(Entity.merged_into_id).where(Entity.id == param("id"))
# Names are matched whole, else as whole words of a longer name; merged-away entities are not candidates.
_live_name = and_(EntityName.entity_id == Entity.id, Entity.merged_into_id.is_(None))
ENTITIES_BY_NAME = (
    select(EntityName.entity_id)
    .join(Entity, _live_name)
    .where(EntityName.name_norm == param("norm"))
    .distinct()
    .order_by(EntityName.entity_id)
)
ENTITIES_BY_WORDS = (
    select(EntityName.entity_id)
    .join(Entity, _live_name)
    .where((_key(" ") + EntityName.name_norm + _key(" ")).like(param("padded"), escape="/"))
    .distinct()
    .order_by(EntityName.entity_id)
)

# --- statements -----------------------------------------------------------------------------------------

# A statement's own columns: everything else it shows is read by id (the batch lookups below).
STATEMENT_COLUMNS = select(
    Statement.id,
    Statement.speaker_mention,
    Statement.role_text,
    Statement.said_on,
    Statement.date_text,
    Statement.venue,
    Statement.quote,
    Statement.lang,
    Statement.mode,
    Statement.cue,
    Statement.said_on_basis,
    Statement.recorded_at,
    Statement.recorded_by,
    Statement.retracted_at,
    Statement.retracted_reason,
    Statement.speaker_id,
    Statement.role_id,
).select_from(Statement)

# The batch lookups, each over the ids `run` writes in: a statement's lists by the statements' ids, and
# what statements share (entities, their names, roles, their titles, sources) by their own ids. Each is
# ordered by the id looked up, then its own: the order of the index it is read along (SQLite's indexes end
# with the rowid), so no sort is needed, and each owner's rows come in the order recorded.
BATCH_LOOKUPS: dict[str, ClauseElement] = {
    "translations_of": select(
        Translation.statement_id, Translation.lang, Translation.text, Translation.translator
    )
    .where(in_ids(Translation.statement_id))
    .order_by(Translation.statement_id, Translation.id),
    "about_of": select(statement_about.c.statement_id, statement_about.c.entity_id)
    .where(in_ids(statement_about.c.statement_id))
    .order_by(statement_about.c.statement_id, statement_about.c.entity_id),
    # A statement's evidence oldest first (ids grow with time): the first is its source.
    "evidence_of": select(
        Evidence.statement_id,
        Evidence.id,
        Evidence.source_id,
        Evidence.span_start,
        Evidence.span_end,
        Evidence.method,
        Evidence.extractor_version,
        Evidence.confidence,
        Evidence.recorded_at,
        Evidence.recorded_by,
    )
    .where(in_ids(Evidence.statement_id), Evidence.retracted_at.is_(None))
    .order_by(Evidence.statement_id, Evidence.id),
    # Every evidence, withdrawn too, of statements that have no live one: a statement shown on its own
    # still cites its oldest (the model's `first_evidence`).
    "any_evidence_of": select(
        Evidence.statement_id,
        Evidence.source_id,
        Evidence.span_start,
        Evidence.span_end,
        Evidence.method,
        Evidence.confidence,
    )
    .where(in_ids(Evidence.statement_id))
    .order_by(Evidence.statement_id, Evidence.id),
    "entities": select(Entity.id, Entity.key).where(in_ids(Entity.id)),
    "entity_names": select(EntityName.entity_id, EntityName.lang, EntityName.name, EntityName.is_primary)
    .where(in_ids(EntityName.entity_id))
    .order_by(EntityName.entity_id, EntityName.id),
    "roles": select(Role.id, Role.organisation_id, Role.valid_from, Role.valid_to).where(in_ids(Role.id)),
    "role_titles": select(RoleTitle.role_id, RoleTitle.lang, RoleTitle.text, RoleTitle.is_original)
    .where(in_ids(RoleTitle.role_id))
    .order_by(RoleTitle.role_id, RoleTitle.id),
    # The language and text of sources, for the browsing views' excerpts.
    "source_texts": select(Source.id, Source.lang, Source.body).where(in_ids(Source.id)),
    "sources": select(
        Source.id,
        Source.title,
        Source.url,
        Source.publisher,
        Source.publisher_id,
        Source.published_on,
        Source.published_basis,
        Source.sha256,
    ).where(in_ids(Source.id)),
}

# The FTS5 index of csto_kb.db.search_index: rowid is the statement's id.
_fts = table(SQLITE_QUOTE_SEARCH_TABLE, column("rowid"), column(SQLITE_QUOTE_SEARCH_TABLE))
_parts_of_about = select(Entity.id).where(
    or_(Entity.id == param("about_id"), Entity.part_of_id == param("about_id"))
)
_org_members = select(Entity.id).where(
    or_(
        Entity.id == param("org_id"),
        Entity.part_of_id == param("org_id"),
        Entity.id.in_(select(Role.person_id).where(Role.organisation_id == param("org_id"))),
    )
)

STATEMENT_FILTERS: dict[str, ColumnElement[bool]] = {
    "live": Statement.retracted_at.is_(None),
    "speaker": Statement.speaker_id == param("speaker_id"),
    "about": Statement.id.in_(
        select(statement_about.c.statement_id).where(statement_about.c.entity_id.in_(_parts_of_about))
    ),
    "org": Statement.speaker_id.in_(_org_members),
    # A statement dated more coarsely than the bound ("2022" for --from 2022-03) may fall inside it: kept.
    "date_from": or_(
        Statement.said_on >= param("date_from"),
        Statement.said_on == param("from_year"),
        Statement.said_on == param("from_month"),
    ),
    "date_to": Statement.said_on < param("date_to_bound"),
    "contains": Statement.quote_norm.like(param("contains_pattern"), escape="/"),
    # SQLite: the same substring test through the trigram index (needles of three characters or more).
    "contains_indexed": Statement.id.in_(
        select(_fts.c.rowid).where(_fts.c.statement_fts.op("MATCH")(param("contains_phrase")))
    ),
    "dated": Statement.said_on.is_not(None),
    "undated": Statement.said_on.is_(None),
    "direct": Statement.mode == _key("direct"),
    "reported": Statement.mode != _key("direct"),
    "source": Statement.id.in_(
        select(Evidence.statement_id).where(
            Evidence.source_id == param("source_id"), Evidence.retracted_at.is_(None)
        )
    ),
}

# Undated statements sort last; ties keep the order in which they were recorded.
STATEMENT_ORDER = (Statement.said_on.is_(None), Statement.said_on, Statement.id)
# The same order read in two parts along the date index, dated then undated, instead of one sort of every
# row: `run` uses these for what may be every statement (an export).
DATED_ORDER = (Statement.said_on, Statement.id)
UNDATED_ORDER = (Statement.id,)

# --- one record and its history ---------------------------------------------------------------------------

# A change as ChangeOut has it, in its order.
CHANGE_COLUMNS = (Change.id, Change.at, Change.by, Change.action, Change.reason, Change.before, Change.after)

TRACKED_TABLES = tuple(
    sorted(name for name, t in Base.metadata.tables.items() if "id" in t.c and name != "change")
)
"""The tables whose rows the change log records (`csto_kb.db.history`), by name: what `history --of` and
`log --of` accept. Generated into `csto_kb.sql.compiled` with the SQL, for the read path to check."""

# The recent changes, newest first, assembled as a who-said query is: the SELECT, one WHERE fragment per
# filter given, the order and a LIMIT.
CHANGE_LOG_SELECT = select(Change.table_name, Change.row_id, *CHANGE_COLUMNS)
CHANGE_LOG_FILTERS: dict[str, ColumnElement[bool]] = {
    "since": Change.at >= param("since"),
    "by": Change.by == param("by"),
    "table": Change.table_name == param("table"),
}
CHANGE_LOG_ORDER = (Change.id.desc(),)

_parent = aliased(Entity, name="parent")
_ENTITY_LIST = (
    select(Entity.id, Entity.kind, Entity.description, _parent.key)
    .select_from(Entity)
    .outerjoin(_parent, _parent.id == Entity.part_of_id)
    .where(Entity.merged_into_id.is_(None))
)
_SOURCE_COLUMNS = (
    Source.title,
    Source.url,
    Source.publisher,
    Source.lang,
    Source.published_on,
    Source.published_basis,
    Source.published_note,
    Source.kind,
    Source.file_name,
    Source.sha256,
    Source.body_chars,
    Source.added_at,
)
# Evidence that supports a statement, and is not withdrawn: what a source's statement count counts.
_supports_statement = (Evidence.statement_id.is_not(None), Evidence.retracted_at.is_(None))

RECORD_QUERIES: dict[str, ClauseElement] = {
    # One record's changes, oldest first (ids grow with time).
    "changes_of": select(*CHANGE_COLUMNS)
    .where(Change.table_name == param("table"), Change.row_id == param("row_id"))
    .order_by(Change.id),
    # What the change log had recorded of some rows of a table by a moment, to fold in order: an insert gives
    # the whole row, each later change its new values.
    "changes_up_to": select(Change.row_id, Change.action, Change.after)
    .where(Change.table_name == param("table"), in_ids(Change.row_id), Change.at <= param("moment"))
    .order_by(Change.id),
    # Every evidence of some statements, withdrawn too: what they had at a past moment is among them.
    "evidence_ids_of": select(Evidence.id).where(in_ids(Evidence.statement_id)).order_by(Evidence.id),
    # An entity's own columns beside its key and names (read by the batch lookups): EntityOut's.
    "entity_detail": select(Entity.kind, Entity.description, _parent.key)
    .select_from(Entity)
    .outerjoin(_parent, _parent.id == Entity.part_of_id)
    .where(Entity.id == param("id")),
    "external_ids_of": select(ExternalId.scheme, ExternalId.value)
    .where(ExternalId.entity_id == param("id"))
    .order_by(ExternalId.scheme),
    # A source's columns beside its reference form (the batch lookup, which labels it): SourceOut's, and its
    # text.
    "source_detail": select(*_SOURCE_COLUMNS, Source.body).where(Source.id == param("id")),
    # How many statements a source supports: its live evidence of statements.
    "source_statement_count": select(func.count(Evidence.id)).where(
        Evidence.source_id == param("id"), *_supports_statement
    ),
    # Every source as `source list` shows it, without its text, and how many statements each supports (a
    # source supporting none has no row).
    "source_list": select(Source.id, *_SOURCE_COLUMNS).order_by(Source.id),
    "source_statement_counts": select(Evidence.source_id, func.count(Evidence.id))
    .where(*_supports_statement)
    .group_by(Evidence.source_id),
    # Every entity not merged away, as `entity list` orders them, with the columns `entity_detail` reads; of
    # one kind; and the ids elsewhere of some entities.
    "entity_list": _ENTITY_LIST.order_by(Entity.kind, Entity.key),
    "entity_list_of_kind": _ENTITY_LIST.where(Entity.kind == param("kind")).order_by(Entity.kind, Entity.key),
    "external_ids_in": select(ExternalId.entity_id, ExternalId.scheme, ExternalId.value)
    .where(in_ids(ExternalId.entity_id))
    .order_by(ExternalId.entity_id, ExternalId.scheme),
}

# --- the browsing views ----------------------------------------------------------------------------------

# Which claim an evidence supports: the table of its one claim column that is set (a CHECK holds it to one),
# and that column's value.
_claim_columns = [getattr(Evidence, f"{t}_id") for t in CLAIM_TABLES]
_claim_table = case(*((c.is_not(None), _key(t)) for c, t in zip(_claim_columns, CLAIM_TABLES, strict=True)))
# The entity a fact is about: the member, the role's holder, the figure's organisation, the fact's subject, the
# event's first participant in the order `events` lists them (a statement has a page of its own: none).
_span_membership = aliased(Membership, name="span_membership")
_span_role = aliased(Role, name="span_role")
_span_force = aliased(ForceLevel, name="span_force_level")
_span_fact = aliased(OrganisationFact, name="span_fact")
_span_entity = aliased(Entity, name="span_entity")
_first_participant = (
    select(EventParticipant.entity_id)
    .where(EventParticipant.event_id == Evidence.event_id)
    .order_by(EventParticipant.entity_id, EventParticipant.role)
    .limit(1)
    .scalar_subquery()
)
# A candidate as CandidateOut has it, in its order.
CANDIDATE_COLUMNS = (
    Candidate.id,
    Candidate.source_id,
    Candidate.kind,
    Candidate.status,
    Candidate.position,
    Candidate.payload,
    Candidate.extractor_version,
    Candidate.confidence,
    Candidate.recorded_at,
    Candidate.decided_at,
    Candidate.decided_by,
    Candidate.reason,
    Candidate.statement_id,
    Candidate.force_level_id,
)
# `review list`, assembled as the change log is: the SELECT, one WHERE fragment per filter given, an order.
CANDIDATE_SELECT = select(*CANDIDATE_COLUMNS)
CANDIDATE_FILTERS: dict[str, ColumnElement[bool]] = {
    "source": Candidate.source_id == param("source_id"),
    "status": Candidate.status == param("status"),
    "kind": Candidate.kind == param("kind"),
}
_in_text_order = (Candidate.source_id, Candidate.kind, Candidate.position)
CANDIDATE_ORDERS = {"doubtful": (Candidate.confidence, *_in_text_order), "text": _in_text_order}
_pending = Candidate.status == _key("pending")
# The least confident first: the reviewer's time goes where the extractor was least sure.
_review_order = (Candidate.confidence, Candidate.source_id, Candidate.kind, Candidate.position)

BROWSE_QUERIES: dict[str, ClauseElement] = {
    # Every live span of a source's text that supports a claim, in the order of the text.
    "source_spans": select(
        Evidence.id,
        _claim_table.label("claim_table"),
        func.coalesce(*_claim_columns).label("claim_id"),
        Evidence.span_start,
        Evidence.span_end,
        _span_entity.key,
    )
    .select_from(Evidence)
    .outerjoin(_span_membership, _span_membership.id == Evidence.membership_id)
    .outerjoin(_span_role, _span_role.id == Evidence.role_id)
    .outerjoin(_span_force, _span_force.id == Evidence.force_level_id)
    .outerjoin(_span_fact, _span_fact.id == Evidence.organisation_fact_id)
    .outerjoin(
        _span_entity,
        _span_entity.id
        == func.coalesce(
            _span_membership.member_id,
            _span_role.person_id,
            _span_force.organisation_id,
            _span_fact.subject_id,
            _first_participant,
        ),
    )
    .where(
        Evidence.source_id == param("id"), Evidence.retracted_at.is_(None), Evidence.span_start.is_not(None)
    )
    .order_by(Evidence.span_start, Evidence.span_end.desc(), Evidence.id),
    # A person's live roles over time, undated last.
    "roles_of_person": select(Role.id)
    .where(Role.person_id == param("id"), Role.retracted_at.is_(None))
    .order_by(Role.valid_from.is_(None), Role.valid_from, Role.id),
    "pending_candidates": select(*CANDIDATE_COLUMNS)
    .where(_pending)
    .order_by(*_review_order)
    .limit(param("limit")),
    "pending_candidates_of_source": select(*CANDIDATE_COLUMNS)
    .where(_pending, Candidate.source_id == param("source_id"))
    .order_by(*_review_order)
    .limit(param("limit")),
    "pending_count": select(func.count(Candidate.id)).where(_pending),
    "pending_count_of_source": select(func.count(Candidate.id)).where(
        _pending, Candidate.source_id == param("source_id")
    ),
    "candidate": select(*CANDIDATE_COLUMNS).where(Candidate.id == param("id")),
    # The newest change's id: it moves with every write, so it versions whatever is read.
    "latest_change": select(func.coalesce(func.max(Change.id), 0)),
}

LOOKUPS: dict[str, ClauseElement] = {
    "entity_by_key": ENTITY_BY_KEY,
    "entity_merged_into": ENTITY_MERGED_INTO,
    "entities_by_name": ENTITIES_BY_NAME,
    "entities_by_words": ENTITIES_BY_WORDS,
    # Every spelling, for the closest names a name matching nothing is answered with.
    "all_entity_names": select(EntityName.name_norm, EntityName.name).order_by(EntityName.id),
}
