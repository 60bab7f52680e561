"""The read queries, defined once in SQLAlchemy Core.

Nothing here runs a query. `csto_kb.sql.generate` compiles these definitions for each dialect into
`csto_kb.sql.compiled`, and `csto_kb.sql.run` executes that SQL on a plain DB-API connection. The read path
of a command therefore needs only the database driver, not SQLAlchemy (whose import alone costs more than
a whole query), while the SQL itself still comes from the models: when a column changes, the generated
module changes with it, and a test fails until it is regenerated.

A who-said query is assembled from pieces: the SELECT with its joins, one WHERE fragment per filter, and
the ORDER BY. Each piece is compiled on its own, and `run` joins the ones a filter needs with AND.
Parameters are named (``:name`` on SQLite, ``%(name)s`` on PostgreSQL), so the pieces combine freely.
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
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import JSON, NullType

from csto_kb.db.search_index import SQLITE_QUOTE_SEARCH_TABLE
from csto_kb.model import (
    Entity,
    EntityName,
    Evidence,
    Role,
    RoleTitle,
    Source,
    Statement,
    Translation,
    statement_about,
)

# --- JSON built by the database: one round trip returns a statement with its lists ----------------------


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
    # Keys and constant languages are written into the SQL, not bound: the compiled text must carry no
    # parameters other than the ones `run` supplies by name.
    return literal_column(f"'{name}'")


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

speaker = aliased(Entity, name="speaker")
organisation = aliased(Entity, name="organisation")
publisher = aliased(Entity, name="publisher")

_translations = (
    select(
        json_rows(
            json_obj(
                _key("id"),
                Translation.id,
                _key("lang"),
                Translation.lang,
                _key("text"),
                Translation.text,
                _key("translator"),
                Translation.translator,
            )
        )
    )
    .where(Translation.statement_id == Statement.id)
    .scalar_subquery()
)
_role_titles = (
    select(
        json_rows(
            json_obj(
                _key("id"),
                RoleTitle.id,
                _key("lang"),
                RoleTitle.lang,
                _key("text"),
                RoleTitle.text,
                _key("is_original"),
                RoleTitle.is_original,
            )
        )
    )
    .where(RoleTitle.role_id == Role.id)
    .scalar_subquery()
)
_about = (
    select(json_rows(entity_ref_json(statement_about.c.entity_id)))
    .where(statement_about.c.statement_id == Statement.id)
    .scalar_subquery()
)

_evidence_source = aliased(Source, name="evidence_source")
_evidence_publisher = aliased(Entity, name="evidence_publisher")
_live_evidence = and_(Evidence.statement_id == Statement.id, Evidence.retracted_at.is_(None))
_evidence = (
    select(
        json_rows(
            json_obj(
                _key("id"),
                Evidence.id,
                _key("source_id"),
                Evidence.source_id,
                _key("title"),
                _evidence_source.title,
                _key("url"),
                _evidence_source.url,
                _key("publisher"),
                _evidence_source.publisher,
                _key("publisher_entity"),
                display_name(_evidence_publisher),
                _key("published_on"),
                _evidence_source.published_on,
                _key("published_basis"),
                _evidence_source.published_basis,
                _key("sha256"),
                _evidence_source.sha256,
                _key("span_start"),
                Evidence.span_start,
                _key("span_end"),
                Evidence.span_end,
                _key("method"),
                Evidence.method,
                _key("extractor_version"),
                Evidence.extractor_version,
                _key("confidence"),
                Evidence.confidence,
                _key("recorded_at"),
                Evidence.recorded_at,
                _key("recorded_by"),
                Evidence.recorded_by,
            )
        )
    )
    .select_from(Evidence)
    .join(_evidence_source, _evidence_source.id == Evidence.source_id)
    .outerjoin(_evidence_publisher, _evidence_publisher.id == _evidence_source.publisher_id)
    .where(_live_evidence)
    .scalar_subquery()
)
# A statement's first source is its oldest live evidence (ids grow with time).
_first_evidence = aliased(Evidence, name="first_evidence")
_first_evidence_id = select(func.min(Evidence.id)).where(_live_evidence).scalar_subquery()

STATEMENT_COLUMNS = (
    select(
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
        _first_evidence.span_start,
        _first_evidence.span_end,
        _first_evidence.method,
        _first_evidence.confidence,
        Statement.recorded_at,
        Statement.recorded_by,
        Statement.retracted_at,
        Statement.retracted_reason,
        speaker.id.label("speaker_id"),
        speaker.key.label("speaker_key"),
        name_in(speaker.id, "en").label("speaker_name_en"),
        name_in(speaker.id, "ar").label("speaker_name_ar"),
        Role.id.label("role_id"),
        _role_titles.label("role_titles"),
        Role.valid_from.label("role_valid_from"),
        Role.valid_to.label("role_valid_to"),
        organisation.id.label("organisation_id"),
        organisation.key.label("organisation_key"),
        name_in(organisation.id, "en").label("organisation_name_en"),
        name_in(organisation.id, "ar").label("organisation_name_ar"),
        Source.id.label("source_id"),
        Source.title.label("source_title"),
        Source.url.label("source_url"),
        Source.publisher.label("source_publisher"),
        display_name(publisher).label("source_publisher_entity"),
        Source.published_on.label("source_published_on"),
        Source.published_basis.label("source_published_basis"),
        Source.sha256.label("source_sha256"),
        _translations.label("translations"),
        _about.label("about"),
        _evidence.label("evidence"),
    )
    .select_from(Statement)
    .join(speaker, speaker.id == Statement.speaker_id)
    .join(_first_evidence, _first_evidence.id == _first_evidence_id)
    .join(Source, Source.id == _first_evidence.source_id)
    .outerjoin(Role, Role.id == Statement.role_id)
    .outerjoin(organisation, organisation.id == Role.organisation_id)
    .outerjoin(publisher, publisher.id == Source.publisher_id)
)

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

LOOKUPS: dict[str, ClauseElement] = {
    "entity_by_key": ENTITY_BY_KEY,
    "entity_merged_into": ENTITY_MERGED_INTO,
    "entities_by_name": ENTITIES_BY_NAME,
    "entities_by_words": ENTITIES_BY_WORDS,
}
