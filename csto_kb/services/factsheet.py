"""Building an alliance's fact sheet from the stored facts, as they stand today or on a given date.

One implementation, whichever way the database is opened: the sheet is read with the compiled queries
(`csto_kb.sql.factsheet_definitions`) on a DB-API connection. `read_factsheet` takes that connection; the
command line hands it the driver's own on a ready database (`csto_kb.sql.direct`), without SQLAlchemy, and
`build_factsheet` the one under a unit of work's session (the web app, a database to create or upgrade
first). Only pydantic and the standard library are imported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from csto_kb.dates import PartialDate, upper_bound
from csto_kb.errors import InvalidInput
from csto_kb.labels import source_label
from csto_kb.langtags import canonical_lang
from csto_kb.languages import ENGLISH
from csto_kb.schemas.entities import NameOut
from csto_kb.schemas.facts import Citation, EventOut, ForceLevelOut, MembershipOut, OrganisationFactOut
from csto_kb.schemas.factsheet import AllianceOut, CitedSource, FactSheet, SpeakerCount, StatementSelection
from csto_kb.schemas.statements import EntityRef, StatementOut
from csto_kb.sql import facts
from csto_kb.sql.compiled import FACT_SQL
from csto_kb.sql.run import Resolver, StatementFilter, statement_rows, statement_rows_by_id

if TYPE_CHECKING:
    from csto_kb.db.unit_of_work import UnitOfWork

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
    """The statements a sheet may show: live, about the alliance or by its officials, by the date.

    Their SQL is `csto_kb.sql.factsheet_definitions` (``sheet_…``, and ``sheet_…_dated`` with an as-of date);
    what is read in which order, and when to stop, is decided here.
    """

    def __init__(self, connection: Any, dialect: str, org_id: int, as_of: str | None) -> None:
        self.connection = connection
        self.sql = FACT_SQL[dialect]
        self.dated = "_dated" if as_of is not None else ""
        self.params: dict[str, Any] = {}
        if as_of is not None:
            self.params["as_of_bound"] = upper_bound(as_of)
        # The alliance and its bodies (the sheet is about them), and those with the people holding a role in
        # it (its officials): read once, written into every query as lists of ids.
        self.lists = {
            name: [int(i) for i in facts.fetch_values(connection, self.sql[name], {"org_id": org_id})]
            for name in ("parts", "officials")
        }
        self._about_count: int | None = None
        self._extent: int | None = None

    def _query(self, name: str, ids: list[int] | None = None) -> str:
        return facts.with_ids(self.sql[f"sheet_{name}{self.dated}"], ids, **self.lists)

    def _values(self, name: str, **params: Any) -> list[Any]:
        return facts.fetch_values(self.connection, self._query(name), {**self.params, **params})

    def chosen_ids(self, rule: StatementRule) -> list[int]:
        """The ids the rule picks: the officials' latest, then the others' latest few each, cut by the database."""
        officials = self._values("officials_latest", limit=rule.limit)
        return [*(int(i) for i in officials), *self._others(rule)]

    def _others(self, rule: StatementRule) -> list[int]:
        """The latest ``per_speaker`` statements of each other speaker, the latest ``limit`` of those.

        A statement's rank among its speaker's statements, newest first, depends only on that speaker's newer
        statements. So ranking just the newest ``prefix`` candidates gives every one of them its true rank, and
        when that prefix holds ``limit`` qualifying statements they are the answer: any other comes later. The
        prefix grows until it does, or holds every candidate. The ranking then costs what the page shows, not
        what the database holds.
        """
        prefix = max(PREFIX_START, rule.limit * rule.per_speaker)
        while True:
            spelling = self._spelling(prefix)
            chosen = [
                int(i)
                for i in self._values(
                    f"others_ranked_{spelling}", prefix=prefix, per_speaker=rule.per_speaker, limit=rule.limit
                )
            ]
            if len(chosen) >= rule.limit:
                return chosen
            [held] = self._values(f"others_held_{spelling}", prefix=prefix)
            if int(held or 0) < prefix:
                return chosen  # the prefix holds every candidate
            prefix *= 4

    def about_count(self) -> int:
        """How many statements are about the alliance, counted up to just past ``COUNT_LIMIT`` along the
        subjects' index (milliseconds whatever the database holds)."""
        if self._about_count is None:
            about = facts.with_ids(self.sql["about_rows"], **self.lists)
            [rows] = facts.fetch_values(self.connection, about, {"count_limit": COUNT_LIMIT + 1})
            self._about_count = int(rows or 0)
        return self._about_count

    def _spelling(self, prefix: int) -> str:
        """How to find the newest ``prefix`` candidates: walking statements in date order and checking each
        (``each``), or listing every statement about the alliance from the subjects' index and sorting them
        (``in``).

        With ``m`` statements about the alliance among ``n``, the walk reads about ``prefix·n/m`` statements
        and the list ``m``: the walk wins when the alliance is in many statements (a million about the CSTO:
        0.02 s against seconds), the list when it is in few (200 among a million: 4 s of walking the whole
        table for the 1,000 it never finds, against a millisecond).
        """
        m = self.about_count()
        if m > COUNT_LIMIT:
            return "each"
        if self._extent is None:
            [extent] = facts.fetch_values(self.connection, self.sql["statement_extent"], {})
            self._extent = int(extent or 0)
        return "in" if m * m < prefix * self._extent else "each"

    def totals(self) -> tuple[int, int, int, bool]:
        """How many statements match, how many of them officials made, how many speakers made them, and whether
        those are all: beyond ``COUNT_LIMIT`` matching statements the counting stops, and the three are lower
        bounds (a summary says "more than 100,000"; the export lists them all)."""
        # Few statements about the alliance: the subjects' index gives them, all counted. Many: each statement
        # is checked in turn until past the limit, so the count stops early instead of listing a million ids.
        spelling = "totals_in" if self.about_count() <= COUNT_LIMIT else "totals_each"
        [(matching, by_officials, speakers)] = [
            tuple(r.values())
            for r in facts.fetch(
                self.connection, self._query(spelling), {**self.params, "count_limit": COUNT_LIMIT + 1}
            )
        ]
        return int(matching), int(by_officials), int(speakers), int(matching) <= COUNT_LIMIT

    def per_speaker(self, speaker_ids: list[int]) -> dict[int, tuple[int, bool]]:
        """For each of these speakers: how many of their statements match, and whether they are an official."""
        if not speaker_ids:
            return {}
        rows = facts.fetch(self.connection, self._query("per_speaker", speaker_ids), self.params)
        return {int(s): (int(n), bool(o)) for s, n, o in (tuple(r.values()) for r in rows)}


def _selection(
    candidates: _Candidates,
    rule: StatementRule,
    shown: list[StatementOut],
    org_key: str,
    as_of: str | None,
) -> StatementSelection:
    matching, by_officials, speakers, counted_all = candidates.totals()
    counts = candidates.per_speaker(sorted({s.speaker.id for s in shown}))
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
    connection: Any, dialect: str, org_id: int, org_key: str, as_of: str | None, rule: StatementRule
) -> tuple[list[StatementOut], StatementSelection]:
    """The statements ``rule`` picks for the sheet of alliance ``org_id``, in date order, with their counts."""
    candidates = _Candidates(connection, dialect, org_id, as_of)
    if rule.rule == "all":
        # Both filters name the alliance itself, already found.
        def alliance(name: str, field: str) -> int:
            return org_id

        every: dict[int, dict[str, Any]] = {}
        for f in (StatementFilter(about=org_key, date_to=as_of), StatementFilter(org=org_key, date_to=as_of)):
            every.update((row["id"], row) for row in statement_rows(connection, dialect, f, alliance))
        ordered = sorted(every.values(), key=lambda s: (s["said_on"] is None, s["said_on"] or "", s["id"]))
    else:
        ordered = statement_rows_by_id(connection, dialect, candidates.chosen_ids(rule))
    shown = [StatementOut.model_validate(row) for row in ordered]
    return shown, _selection(candidates, rule, shown, org_key, as_of)


def _checked(lang: str, as_of: str | None) -> tuple[str, str | None]:
    """The reading language and the as-of date in canonical form, or InvalidInput naming the field."""
    try:
        lang = canonical_lang(lang)
    except ValueError as error:
        raise InvalidInput(f"lang: {error}") from None
    if as_of is not None:
        try:
            as_of = str(PartialDate.parse(as_of))
        except ValueError as error:
            raise InvalidInput(f"as-of: {error}") from None
    return lang, as_of


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
    original: `csto_kb.languages`). Read in ``uow``'s transaction; a name that finds no alliance, or
    several, is explained with the closest names (`csto_kb.services.entities.resolve_entity`).
    """
    from csto_kb.db.unit_of_work import driver_connection
    from csto_kb.services.entities import resolve_entity

    lang, as_of = _checked(lang, as_of)
    with uow:
        session = uow.session

        def resolve(name: str, field: str) -> int:
            return resolve_entity(session, name, field=field).id

        return read_factsheet(
            *driver_connection(session), resolve, alliance, as_of, statements=statements, lang=lang
        )


def read_factsheet(
    connection: Any,
    dialect: str,
    resolve: Resolver,
    alliance: str = "csto",
    as_of: str | None = None,
    *,
    statements: StatementRule = StatementRule(),
    lang: str = ENGLISH,
) -> FactSheet:
    """`build_factsheet` on a DB-API connection (one transaction, which the caller owns); ``resolve`` turns
    the alliance's name into its id, or raises the error that explains why it cannot."""
    lang, as_of = _checked(lang, as_of)
    org_id = resolve(alliance, "alliance")
    if dialect == "postgresql":
        # The selection's walks stop early (LIMIT), but their estimated costs, over every statement, pass
        # PostgreSQL's threshold for compiling them: 50 ms of compiling for a query that runs in 100 ms.
        facts.execute(connection, "SET LOCAL jit = off")
    sql = FACT_SQL[dialect]
    [org] = facts.fetch(connection, sql["alliance"], {"org_id": org_id})
    members = [
        MembershipOut.model_validate(m)
        for m in facts.member_rows(connection, dialect, org_id, on=as_of)
        if _on_or_before(m["valid_from"], as_of)
    ]
    sheet_facts = [
        OrganisationFactOut.model_validate(f)
        for f in facts.organisation_fact_rows(connection, dialect, org_id)
    ]
    forces = [
        ForceLevelOut.model_validate(f)
        for f in facts.force_rows(connection, dialect, org_id)
        if _on_or_before(f["as_of"], as_of)
    ]
    involving = [org_id, *(m.member.id for m in members)]
    events = [
        EventOut.model_validate(e)
        for e in facts.event_rows(connection, dialect, involving)
        if _on_or_before(e["starts_on"], as_of)
    ]
    ordered, selection = find_sheet_statements(connection, dialect, org_id, org["key"], as_of, statements)

    claims: list[Citation | StatementOut] = [*members, *sheet_facts, *forces, *events, *ordered]
    cited = sorted({e.source.id for claim in claims for e in claim.evidence})
    names = _names_of(connection, dialect, {org_id} | _entity_ids(claims))
    return FactSheet(
        # Naive UTC, as every timestamp the database holds.
        generated_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        as_of=as_of,
        lang=lang,
        alliance=AllianceOut(
            id=org_id,
            key=org["key"],
            name_en=org["name_en"],
            name_ar=org["name_ar"],
            names=names[org_id],
            description=org["description"],
        ),
        founding=[e for e in events if e.kind == "founding"],
        members=members,
        obligations=[f for f in sheet_facts if f.kind == "obligation"],
        characterisations=[f for f in sheet_facts if f.kind == "characterisation"],
        practices=[f for f in sheet_facts if f.kind == "practice"],
        forces=forces,
        events=[e for e in events if e.kind != "founding"],
        statements=ordered,
        statement_selection=selection,
        sources=_cited_sources(connection, dialect, cited),
        entity_names=names,
    )


def _cited_sources(connection: Any, dialect: str, cited: list[int]) -> list[CitedSource]:
    """The sources with these ids, numbered by their id; a source's publisher is the one written on it, else
    the name of its publisher entity."""
    if not cited:
        return []
    out = []
    for src in facts.fetch(connection, facts.with_ids(FACT_SQL[dialect]["sources"], cited)):
        publisher = src["publisher"] or src["publisher_entity"]
        out.append(
            CitedSource(
                number=src["id"],
                id=src["id"],
                label=source_label(
                    src["id"],
                    publisher=publisher,
                    title=src["title"],
                    published_on=src["published_on"],
                    published_basis=src["published_basis"],
                ),
                publisher=publisher,
                title=src["title"],
                url=src["url"],
                lang=src["lang"],
                published_on=src["published_on"],
                published_basis=src["published_basis"],
                published_note=src["published_note"],
                sha256=src["sha256"],
            )
        )
    return out


def _entity_ids(node: object) -> set[int]:
    """The ids of every entity a part of the sheet refers to."""
    if isinstance(node, EntityRef):
        return {node.id}
    if isinstance(node, BaseModel):
        return set().union(*(_entity_ids(getattr(node, f)) for f in type(node).model_fields))
    if isinstance(node, list):
        return set().union(*(_entity_ids(item) for item in node))
    return set()


def _names_of(connection: Any, dialect: str, entity_ids: set[int]) -> dict[int, list[NameOut]]:
    """Every name of these entities, in the order recorded."""
    out: dict[int, list[NameOut]] = {i: [] for i in sorted(entity_ids)}
    for name in facts.fetch(connection, facts.with_ids(FACT_SQL[dialect]["entity_names"], entity_ids)):
        out[int(name["entity_id"])].append(
            NameOut(name=name["name"], lang=name["lang"], is_primary=bool(name["is_primary"]))
        )
    return out
