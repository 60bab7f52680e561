"""Importing statements in bulk from JSON Lines: validated, streamed, written in batches in one transaction.

The rules are those of ``record_statement`` (known speaker, source with a matching span, a date not after the
source's publication, one live statement per speaker, quote and date, the same statement from another source
kept as one more evidence of it, a possible duplicate waiting for ``same_as`` or ``distinct``), and they are the
same functions (`csto_kb.services.statement_rules`), fed by lookups made for batches: speakers and aliases
come from a map loaded once, roles likewise, source texts from a bounded cache, the stored statements a line is
or may be and taken uids from a few joins per batch, and rows go in with the driver's executemany. The ORM is bypassed for speed, so the change log is written here, in bulk, with the values the
ORM's flush would record (`csto_kb.db.history.snapshot`).

The whole file is one unit of work: a bad line rolls everything back, so nothing of a refused file is
written, and memory stays bounded by one batch however long the file is.
"""

from __future__ import annotations

import json
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, cast

from pydantic import ValidationError
from sqlalchemy import (
    Column,
    Connection,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    case,
    func,
    select,
)
from sqlalchemy.orm import Session

from csto_kb.db import history, search_index
from csto_kb.db.bulk_write import Ids, RowWriter
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.db.write_lock import announce
from csto_kb.errors import Ambiguous, Conflict, Duplicate, InvalidInput, KBError, NotFound
from csto_kb.model import (
    Change,
    Entity,
    EntityName,
    Evidence,
    Role,
    Source,
    Statement,
    Translation,
    statement_about,
)
from csto_kb.model.base import utcnow
from csto_kb.schemas.interchange import from_export, is_exported
from csto_kb.schemas.statements import StatementIn
from csto_kb.services import statement_rules as rules
from csto_kb.services.entities import resolve_for_write
from csto_kb.services.evidence import locate, resolve_span
from csto_kb.text import normalise

BATCH_SIZE = 2000
"""Statements per executemany: large enough to amortise round trips, small enough to keep memory flat."""

SOURCE_CACHE_SIZE = 512
"""Source texts kept in memory; files list statements article by article, so a small cache hits."""

PREFETCH = 64
"""Sources read in one query when a statement names a source not in the cache."""

IMPORT_CACHE_KIB = -16 * 1024
"""SQLite's page cache while importing, in its negative-means-KiB form (16 MiB; it fills only as needed)."""

DEFERRED_INDEXES = ("ix_statement_said_on", "ix_statement_speaker_said_on")
"""Indexes of the statement table that a large import on SQLite drops and builds again before it commits.

Each holds dates in no particular order, so every new statement lands on some page in the middle of it:
100k statements took 1.9 s longer to insert with them than without, and building both afterwards 0.2 s.
Only indexes that serve reading are deferred: the unique ones (the uid, the duplicate rule's identity) stay,
since the import's own duplicate and uid checks look rows up through them.
"""

DEFER_AT = 4
"""A file defers those indexes once it has written a DEFER_AT-th of the statements stored before it: the
rebuild costs about an eighth, per row of the whole table, of what inserting into them costs per new row."""

IMPORTED = "imported"
"""The evidence method of a line that does not say how its statement was obtained."""

DuplicatePolicy = Literal["skip", "refuse"]

# Every column, the id included (taken ahead, `csto_kb.db.bulk_write.Ids`), so that each row of a batch binds
# the same parameters.
_STATEMENT_COLUMNS = [c.key for c in Statement.__table__.columns]
_TRANSLATION_COLUMNS = [c.key for c in Translation.__table__.columns]
_EVIDENCE_COLUMNS = [c.key for c in Evidence.__table__.columns]
_CHANGE_COLUMNS = [c.key for c in Change.__table__.columns if c.key != "id"]  # nobody refers to them
_MODELS: dict[str, Any] = {"statement": Statement, "evidence": Evidence, "translation": Translation}

# Keys of one batch, joined against the statement table to find duplicates and taken uids with the indexes.
_keys_metadata = MetaData()
_batch_keys = Table(
    "csto_kb_import_keys",
    _keys_metadata,
    Column("line", Integer, primary_key=True),
    Column("speaker_id", Integer),
    Column("quote_key", String(32)),
    Column("quote_norm", Text),
    Column("said_on", String(10)),
    Column("uid", String(32)),
    prefixes=["TEMPORARY"],
)


# The stored statements a line may lie within or contain, as the word signatures found them (`_Signatures`):
# the near question is asked of the database for these pairs alone.
_near_pairs = Table(
    "csto_kb_import_near",
    _keys_metadata,
    Column("line", Integer, primary_key=True),
    Column("statement_id", Integer, primary_key=True),
    prefixes=["TEMPORARY"],
)


def _held(statement_id: int, signature: int) -> tuple[int, int, int]:
    """How `_Signatures` holds a statement: its id, then its `statement_rules.word_signature` as two 64-bit
    halves (every word, the inside words)."""
    return statement_id, signature & rules.HALF, signature >> 64


class _Signatures:
    """Per speaker, the ids and word signatures (`statement_rules.word_signature`) of the live statements:
    what keeps the near question (`statement_rules.near`) off the database for nearly every line.

    Asked in SQL for every line, the question read each of the speaker's statements from the table: at a
    million statements that was 1.3 s per batch of 2,000 lines. A speaker's statements stored before the
    import are read once, when a line first names the speaker; those the import writes are added as written.
    Twenty-four bytes per statement (its id and the signature's two halves), in one array per speaker, in id
    order.
    """

    def __init__(self, connection: Connection, last_id_before: int) -> None:
        self.connection = connection
        self.last_id_before = last_id_before
        self.by_speaker: dict[int, array[int]] = {}
        self.read: set[int] = set()
        """Speakers whose statements stored before the import are held (those it writes are held at once)."""

    def load(self, speakers: set[int]) -> None:
        """Read the live statements stored before the import of the speakers not read yet."""
        s = Statement.__table__.c
        missing = sorted(speakers - self.read)
        self.read.update(missing)
        before: dict[int, array[int]] = {speaker_id: array("Q") for speaker_id in missing}
        for start in range(0, len(missing), 500):  # bounded IN lists: SQLite caps bound variables
            query = (
                select(s.speaker_id, s.id, s.quote_norm)
                .where(
                    s.speaker_id.in_(bindparam("ids", expanding=True)),
                    s.retracted_at.is_(None),
                    s.id <= self.last_id_before,
                )
                .order_by(s.id)
            )
            for speaker_id, statement_id, norm in self.connection.execute(
                query, {"ids": missing[start : start + 500]}
            ):
                before[speaker_id].extend(_held(statement_id, rules.word_signature(norm)))
        for speaker_id, held in before.items():
            # Stored before the import, so older than any it wrote: id order is kept.
            self.by_speaker[speaker_id] = held + self.by_speaker.get(speaker_id, array("Q"))

    def add(self, speaker_id: int, statement_id: int, signature: int) -> None:
        self.by_speaker.setdefault(speaker_id, array("Q")).extend(_held(statement_id, signature))

    def candidates(self, speaker_id: int, signature: int) -> list[int]:
        """The speaker's statements whose quote may lie within this one or contain it, in id order."""
        held = self.by_speaker.get(speaker_id)
        if not held:
            return []
        _, every, inside = _held(0, signature)
        # `statement_rules.may_be_near`, on the two halves as held (inline: it runs for every pair).
        return [
            held[i]
            for i in range(0, len(held), 3)
            if (inside & ~held[i + 1]) == 0 or (held[i + 2] & ~every) == 0
        ]


@dataclass
class SkippedDuplicate:
    line: int
    existing_id: int | None
    """The stored statement it duplicates, or None when it repeats an earlier line of the same file."""


def _statement_or_line(existing_id: int | None, earlier_line: int | None) -> str:
    """A statement as a report names it: "#12" when stored, "line 3" when an earlier line of the file."""
    return f"#{existing_id}" if existing_id else f"line {earlier_line}"


@dataclass
class HeldBack:
    """A line that may be a statement already stored or an earlier line (`statement_rules.match`): not
    stored, until the line says ``same_as`` (the statement it is) or ``distinct`` (a statement of its own)."""

    line: int
    existing_id: int | None
    """The stored statement it may be, or None when it is an earlier line of the same batch."""
    earlier_line: int | None
    said_on: str | None
    """The date of the statement it may be."""

    @property
    def other(self) -> str:
        return _statement_or_line(self.existing_id, self.earlier_line)


@dataclass
class KeptLineTranslation:
    """A line's translation not stored: the statement it joins has one by the same translator in the same
    language that reads otherwise, and keeps it (`statement_rules.joined_translations`)."""

    line: int
    existing_id: int | None
    """The stored statement the line joins, or None when it joins an earlier line of the same file."""
    earlier_line: int | None
    lang: str
    translator: str

    @property
    def other(self) -> str:
        return _statement_or_line(self.existing_id, self.earlier_line)


def _listed(count: int, shown: list[str]) -> str:
    """The first lines a report lists (`MAX_LISTED_DUPLICATES`), and how many more there are."""
    return ", ".join(shown) + (f" and {count - len(shown)} more" if count > len(shown) else "")


@dataclass
class ImportReport:
    """What an import did: lines read, statements written, sources added to stored statements, duplicates
    skipped, possible duplicates held back and translations kept (the first of each with their lines)."""

    lines: int = 0
    imported: int = 0
    translations: int = 0
    corroborated: int = 0
    skipped: list[SkippedDuplicate] = field(default_factory=list)
    skipped_count: int = 0
    merged: int = 0
    """Lines that are an earlier line's statement from another source: stored as one, with both sources."""
    held_back: list[HeldBack] = field(default_factory=list)
    held_back_count: int = 0
    kept_translations: list[KeptLineTranslation] = field(default_factory=list)
    """Translations lines gave and the import did not store (`statement_rules.joined_translations`)."""
    kept_translations_count: int = 0

    def keep(
        self, line: int, existing_id: int | None, earlier_line: int | None, kept: list[dict[str, Any]]
    ) -> None:
        for t in kept:
            self.kept_translations_count += 1
            if len(self.kept_translations) < MAX_LISTED_DUPLICATES:
                self.kept_translations.append(
                    KeptLineTranslation(line, existing_id, earlier_line, t["lang"], t["translator"])
                )

    def summary(self) -> str:
        text = f"imported {self.imported} statement{'s' if self.imported != 1 else ''}"
        if self.corroborated:
            text += f"; {self.corroborated} already stored, added as one more source"
        if self.merged:
            text += f"; {self.merged} the statement of an earlier line, stored with it as one more source"
        if self.skipped_count:
            shown = _listed(
                self.skipped_count,
                [
                    f"line {s.line}"
                    + (f" (= #{s.existing_id})" if s.existing_id else " (repeats an earlier line)")
                    for s in self.skipped
                ],
            )
            text += (
                f"; skipped {self.skipped_count} duplicate{'s' if self.skipped_count != 1 else ''}: {shown}"
            )
        if self.held_back_count:
            shown = _listed(
                self.held_back_count,
                [f"line {h.line} (may be {h.other}, {h.said_on or 'undated'})" for h in self.held_back],
            )
            plural = "s" if self.held_back_count != 1 else ""
            text += (
                f"; held back {self.held_back_count} possible duplicate{plural}, not stored: {shown} "
                '(give such a line "same_as": ID to add its source to that statement, or "distinct": true '
                "to store it apart)"
            )
        if self.kept_translations_count:
            shown = _listed(
                self.kept_translations_count,
                [
                    f"line {k.line} ({k.lang} by {k.translator}; {k.other} keeps its own)"
                    for k in self.kept_translations
                ],
            )
            plural = "s" if self.kept_translations_count != 1 else ""
            text += (
                f"; {self.kept_translations_count} translation{plural} not stored, their statement having "
                f"another by the same translator: {shown} "
                "(`statement edit ID --translation TEXT --translation-lang LANG --translator NAME` replaces one)"
            )
        return text


MAX_LISTED_DUPLICATES = 20


def _exported(raw: str | bytes) -> dict[str, Any] | None:
    """The object of a line `export statements` wrote, or None when the line is not one."""
    try:
        line = json.loads(raw)
    except ValueError:
        return None
    return line if isinstance(line, dict) and is_exported(line) else None


def _error_text(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "json_invalid":
        return f"not valid JSON ({first.get('ctx', {}).get('error', message)})"
    if not where:
        # A rule across fields (span_start and span_end); name the first field the message mentions.
        where = next((f for f in ("span_start", "span_end") if f in message), "line")
    return f"{where}: {message}"


class _Speakers:
    """Speaker names resolved from a map of keys and normalised aliases loaded once (not a query per row)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[str, int] = {}
        self.by_alias: dict[str, int | None] = {}  # None: the alias names more than one entity
        self.keys: dict[int, str] = {}
        for entity_id, key in session.execute(select(Entity.id, Entity.key)):
            self.by_key[key] = entity_id
            self.keys[entity_id] = key
        for entity_id, norm in session.execute(select(EntityName.entity_id, EntityName.name_norm)):
            known = self.by_alias.get(norm, entity_id)
            self.by_alias[norm] = entity_id if known == entity_id else None
        self.fallback: dict[str, int] = {}  # spellings met in the file, resolved once

    def resolve(self, name: str, *, field: str, create: bool = False) -> int:
        found = self.by_key.get(name.strip()) or self.fallback.get(name)
        if found is not None:
            return found
        norm = normalise(name)
        if norm in self.by_alias:
            entity_id = self.by_alias[norm]
            if entity_id is not None:
                self.fallback[name] = entity_id  # the raw spelling, so that it is normalised only once
                return entity_id
        # Ambiguous, an id, or unknown (created or refused): the rule every write follows decides.
        entity = resolve_for_write(self.session, name, field=field, create_person=create)
        entity_id = entity.id
        self.keys[entity_id] = entity.key
        self.by_key[entity.key] = entity_id
        self.by_alias.setdefault(norm, entity_id)
        self.fallback[name] = entity_id
        return entity_id


class _Sources:
    """Sources by id, with their stored text, kept in a small least-recently-used cache."""

    def __init__(self, session: Session, size: int = SOURCE_CACHE_SIZE) -> None:
        self.session = session
        self.size = size
        self.cache: OrderedDict[int, Source | None] = OrderedDict()

    def prefetch(self, ids: Iterable[int]) -> None:
        missing = sorted({i for i in ids if i not in self.cache})
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            found = {
                s.id: s
                for s in self.session.execute(
                    select(Source.id, Source.sha256, Source.body, Source.published_on).where(
                        Source.id.in_(chunk)
                    )
                )
            }
            for source_id in chunk:
                row = found.get(source_id)
                self.cache[source_id] = (
                    None
                    if row is None
                    else Source(id=row.id, sha256=row.sha256, body=row.body, published_on=row.published_on)
                )
        while len(self.cache) > max(self.size, len(missing)):
            self.cache.popitem(last=False)

    def local_id(self, exported: Mapping[str, Any]) -> int:
        """This database's id of a source another database exported: the same text (by its SHA-256), or
        for a source without text the same address."""
        sha, url = exported.get("sha256"), exported.get("url")
        if sha:
            found = self.session.scalars(select(Source.id).where(Source.sha256 == sha)).first()
        elif url:
            found = self.session.scalars(
                select(Source.id).where(Source.url == url, Source.body.is_(None))
            ).first()
        else:
            raise InvalidInput("source: the exported source names neither its text's SHA-256 nor its address")
        if found is None:
            what = f"SHA-256 {sha}" if sha else f"address {url}"
            raise NotFound(f"source: no stored source has the {what}; add the source first (`source add`)")
        return int(found)

    def get(self, source_id: int) -> Source | None:
        if source_id not in self.cache:
            # Files list statements article by article and articles are numbered as they are added, so the
            # next sources are likely to follow: fetch a run of them in one query.
            self.prefetch(range(source_id, source_id + PREFETCH))
        self.cache.move_to_end(source_id)
        return self.cache[source_id]


class _RoleInterval(NamedTuple):
    id: int
    valid_from: str | None
    valid_to: str | None


class _Roles:
    """People's live roles, loaded once, in id order: what `statement_rules.statement_role` chooses among."""

    def __init__(self, session: Session) -> None:
        self.by_person: dict[int, list[_RoleInterval]] = {}
        query = select(Role.id, Role.person_id, Role.valid_from, Role.valid_to).where(
            Role.retracted_at.is_(None)
        )
        for role_id, person_id, valid_from, valid_to in session.execute(query.order_by(Role.id)):
            self.by_person.setdefault(person_id, []).append(_RoleInterval(role_id, valid_from, valid_to))

    def of(self, person_id: int) -> list[_RoleInterval]:
        return self.by_person.get(person_id, [])


@dataclass
class _Row:
    line: int
    values: dict[str, Any]
    about: list[int]
    translations: list[dict[str, Any]]
    """The line's translation, and those of later lines that are the same statement (`_join`)."""
    uid_identity: str | None
    """What the uid is hashed from (`statement_rules.uid_identity`), for the next uid when it is taken."""
    evidence: dict[str, Any]
    more_evidence: list[dict[str, Any]] = field(default_factory=list)
    same_as: int | None = None
    distinct: bool = False
    exported: bool = False
    """A line `export statements` wrote: the lines of one export are held apart (`statement_rules.held_apart`)."""
    signature: int = 0
    """Its quote's `statement_rules.word_signature`."""

    # What the duplicate rule reads of a statement (`statement_rules.StoredDate`), for an earlier line.
    @property
    def said_on(self) -> str | None:
        return cast("str | None", self.values["said_on"])

    @property
    def said_on_basis(self) -> str:
        return cast(str, self.values["said_on_basis"])

    def sources(self) -> set[int]:
        return {e["source_id"] for e in (self.evidence, *self.more_evidence)}


class _Stored(NamedTuple):
    """A stored statement as the duplicate rule and ``same_as`` read it."""

    id: int
    speaker_id: int
    said_on: str | None
    said_on_basis: str
    retracted_at: Any


_Match = tuple[rules.MatchKind, "_Stored | _Row | None"]
_NO_NEAR: tuple[_Stored | None, _Stored | None] = (None, None)


def _asks_near(row: _Row) -> bool:
    """Whether a line asks if a stored statement's quote contains it or lies within it: the costly question
    of the duplicate rule, which ``same_as``, ``distinct`` and short quotes do not ask."""
    return row.same_as is None and not row.distinct and len(row.values["quote_norm"]) >= rules.NEAR_MIN_LENGTH


def _lines(lines: Iterable[str | bytes]) -> Iterator[tuple[int, str | bytes]]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, line


class _Importer:
    def __init__(self, uow: UnitOfWork, duplicates: DuplicatePolicy, batch_size: int) -> None:
        self.uow = uow
        self.session = uow.session
        self.duplicates = duplicates
        self.batch_size = batch_size
        self.speakers = _Speakers(self.session)
        self.sources = _Sources(self.session)
        self.roles = _Roles(self.session)
        self.report = ImportReport()
        self.connection: Connection = self.session.connection()
        self._cache_size: int | None = None
        self._analysed_at = 0
        """How many statements this import had written when it last analysed the tables (`_refresh_statistics`)."""
        # Statements with a larger id were written by this import (writers queue, `csto_kb.db.engine.writer`):
        # what the lines of one export are held apart from, and what the search index adds at the end.
        self._last_id_before = int(
            self.connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM statement").scalar_one()
        )
        if self.connection.dialect.name == "sqlite":
            # Each statement lands in indexes keyed by hashes (its uid, the duplicate rule), so inserts touch
            # pages all over them; with SQLite's default 2 MiB page cache those pages are read again and again
            # as the indexes outgrow it. Importing 1M statements took 259 s with 2 MiB, 247 s with 16 MiB and
            # 242 s with 64 MiB, at peaks of 159, 176 and 220 MB: past 16 MiB the cache buys memory, not time.
            self._cache_size = int(self.connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
            self.connection.exec_driver_sql(f"PRAGMA cache_size={IMPORT_CACHE_KIB}")
            # The search index's insert trigger indexes row by row, which cost seven times what indexing all
            # the new rows in one statement at the end does. Inside this transaction the trigger is dropped
            # and recreated in `close`; writers queue (csto_kb.db.engine.writer), so no other write can
            # happen meanwhile, and a failure or a crash rolls the drop back with everything else.
            self.connection.exec_driver_sql(search_index.SQLITE_INSERT_TRIGGER_DROP)
        # Dropped inside this transaction, like the trigger: readers keep their snapshot, which has them, and
        # a failure rolls the drop back.
        self._deferred: list[Index] = []
        _batch_keys.create(self.connection, checkfirst=False)
        _near_pairs.create(self.connection, checkfirst=False)
        connection = self.connection
        self.signatures = _Signatures(connection, self._last_id_before)
        self.insert_keys = RowWriter(connection, _batch_keys, [c.key for c in _batch_keys.columns])
        self.insert_pairs = RowWriter(connection, _near_pairs, ["line", "statement_id"])
        self.insert_statement = RowWriter(connection, Statement.__table__, _STATEMENT_COLUMNS)
        self.insert_about = RowWriter(connection, statement_about, ["statement_id", "entity_id"])
        self.insert_translation = RowWriter(connection, Translation.__table__, _TRANSLATION_COLUMNS)
        self.insert_evidence = RowWriter(connection, Evidence.__table__, _EVIDENCE_COLUMNS)
        self.insert_change = RowWriter(connection, Change.__table__, _CHANGE_COLUMNS)
        self.statement_ids = Ids(connection, "statement")
        self.evidence_ids = Ids(connection, "evidence")
        self.translation_ids = Ids(connection, "translation")

    def close(self) -> None:
        _batch_keys.drop(self.connection)
        _near_pairs.drop(self.connection)
        if self.connection.dialect.name == "postgresql" and self.report.imported:
            # Fresh statistics for the planner: autovacuum would get there later, but queries right after a
            # large load would be planned for the tables as they were. (A role that does not own the tables
            # gets a warning and no analysis, not an error.)
            self.connection.exec_driver_sql(
                "ANALYZE statement, evidence, statement_about, translation, change"
            )
        if self._cache_size is not None:
            # The page cache back to its size first: building an index or the search index reads the table
            # once, in order, and gains nothing from a large cache, while filling it (and the sorter beside
            # it) took 100 MB more at 1M statements; the two date indexes even build faster (1.3 s, not 2.5).
            self.connection.exec_driver_sql(f"PRAGMA cache_size={self._cache_size}")
            for index in self._deferred:
                index.create(self.connection)
            self.connection.exec_driver_sql(search_index.SQLITE_INDEX_ROWS_AFTER, (self._last_id_before,))
            self.connection.exec_driver_sql(search_index.SQLITE_INSERT_TRIGGER)

    # -- one line -------------------------------------------------------------------------------------
    def prepare(self, number: int, raw: str | bytes, now: Any) -> _Row:
        further: list[dict[str, Any]] = []
        exported: dict[str, Any] | None = None
        try:
            data = StatementIn.model_validate_json(raw)
        except ValidationError as error:
            # Not an input line: perhaps a line `export statements` wrote (checked only now, so that input
            # lines pay nothing for it).
            exported = _exported(raw)
            if exported is None:
                raise InvalidInput(_error_text(error)) from None
            fields, further = from_export(exported, self.sources.local_id)
            try:
                data = StatementIn.model_validate(fields)
            except ValidationError as error:
                raise InvalidInput(_error_text(error)) from None
        source = self.sources.get(data.source)
        if source is None:
            raise NotFound(f"source: no source has id {data.source}; `csto-kb source list` shows them")
        speaker_id = self.speakers.resolve(data.speaker, field="speaker", create=data.create_speaker)
        span = resolve_span(source, data.quote, data.span_start, data.span_end, field="quote")
        said_on, basis = rules.statement_date(data, source)
        role = rules.statement_role(data.role, self.roles.of(speaker_id), said_on, data.speaker)
        about = list(dict.fromkeys(self.speakers.resolve(name, field="about") for name in data.about))
        identity = rules.uid_identity(source.sha256, span, self.speakers.keys[speaker_id])
        values: dict[str, Any] = dict.fromkeys(_STATEMENT_COLUMNS)
        values.update(
            rules.statement_columns(
                data,
                uid=rules.first_uid(identity),  # a taken one is replaced, batch by batch, in `_free_uids`
                speaker_id=speaker_id,
                role_id=role.id if role is not None else None,
                said_on=said_on,
                basis=basis,
                quote=rules.quote_forms(data.quote),
                by=self.uow.by,
            ),
            recorded_at=now,
        )
        evidence: dict[str, Any] = dict.fromkeys(_EVIDENCE_COLUMNS)
        evidence.update(
            rules.evidence_terms(data, IMPORTED),
            source_id=source.id,
            span_start=span[0] if span else None,
            span_end=span[1] if span else None,
            recorded_by=self.uow.by,
            recorded_at=now,
        )
        translation = rules.translation_columns(data, self.uow.by)
        translations = []
        if translation is not None:
            translations.append({**dict.fromkeys(_TRANSLATION_COLUMNS), **translation, "recorded_at": now})
        more = [self._further_evidence(data.quote, e, now) for e in further]
        return _Row(
            number,
            values,
            about,
            translations,
            identity,
            evidence,
            more,
            same_as=data.same_as,
            distinct=data.distinct,
            exported=exported is not None,
            signature=rules.word_signature(values["quote_norm"]),
        )

    def _further_evidence(self, quote: str, given: dict[str, Any], now: Any) -> dict[str, Any]:
        """Evidence row values for one more source of an exported statement (its span checked)."""
        source = self.sources.get(given["source"])
        assert source is not None  # local_id found it
        span = None
        if given["span_start"] is not None and source.body is not None:
            # The span holds this source's own wording (a translation or paraphrase may differ from the quote).
            span = (int(given["span_start"]), int(given["span_end"]))
            if not 0 <= span[0] < span[1] <= len(source.body):
                raise InvalidInput(
                    f"evidence: span {span[0]}-{span[1]} lies outside source {source.id}'s text"
                )
        elif source.body is not None:
            span = locate(source, quote, field="evidence")
        evidence: dict[str, Any] = dict.fromkeys(_EVIDENCE_COLUMNS)
        evidence.update(
            source_id=source.id,
            span_start=span[0] if span else None,
            span_end=span[1] if span else None,
            method=given["method"],
            extractor_version=given["extractor_version"],
            confidence=given["confidence"],
            recorded_by=self.uow.by,
            recorded_at=now,
        )
        return evidence

    # -- one batch ------------------------------------------------------------------------------------
    def write(self, rows: list[_Row]) -> None:
        rows = self._new(rows)
        if not rows:
            return
        evidence: list[dict[str, Any]] = []
        translations: list[dict[str, Any]] = []
        about: list[dict[str, int]] = []
        for row, statement_id in zip(rows, self.statement_ids.take(len(rows)), strict=True):
            row.values["id"] = statement_id
            self.signatures.add(row.values["speaker_id"], statement_id, row.signature)
            for e in (row.evidence, *row.more_evidence):
                e["statement_id"] = statement_id
                evidence.append(e)
            about += [{"statement_id": statement_id, "entity_id": e} for e in row.about]
            for translation in row.translations:
                translation["statement_id"] = statement_id
                translations.append(translation)
        connection = self.connection
        self.insert_statement.write(connection, [r.values for r in rows])
        changes = [self._change("statement", r.values) for r in rows]
        self._insert_evidence(evidence, changes)
        self.insert_about.write(connection, about)
        self._insert_translations(translations, changes)
        self.insert_change.write(connection, changes)
        self.report.imported += len(rows)
        self._defer_indexes()
        self._refresh_statistics()

    def _refresh_statistics(self) -> None:
        """On PostgreSQL, ANALYZE the tables each batch reads whenever this import has doubled them.

        The planner sizes a join by the tables' statistics, which only ANALYZE renews: autovacuum never
        counts rows of a transaction not yet committed. Planned from the statistics of before the load, each
        batch's joins hashed the whole statement table, growing with every batch: 0.22 s a batch at 300k
        statements, against 2.7 ms by index once analysed. ANALYZE inside the transaction counts its own
        rows; at each doubling it reads a bounded sample, about ten times for a million statements.
        """
        if self.connection.dialect.name != "postgresql":
            return
        if self.report.imported - self._analysed_at < max(
            self._analysed_at + self._last_id_before, self.batch_size
        ):
            return
        self.connection.exec_driver_sql("ANALYZE statement, evidence")
        self._analysed_at = self.report.imported

    def _defer_indexes(self) -> None:
        """Drop the `DEFERRED_INDEXES` once this import is large beside what was stored (SQLite only: on
        PostgreSQL dropping an index locks readers out of the table until the commit)."""
        if self._cache_size is None or self._deferred:
            return
        if self.report.imported * DEFER_AT < max(self._last_id_before, self.batch_size):
            return
        table = cast(Table, Statement.__table__)
        self._deferred = [i for i in table.indexes if i.name in DEFERRED_INDEXES]
        for index in self._deferred:
            index.drop(self.connection)

    def _insert_translations(self, translations: list[dict[str, Any]], changes: list[dict[str, Any]]) -> None:
        """Insert translation rows (their statement ids set) and add their change-log rows to ``changes``."""
        for translation, translation_id in zip(
            translations, self.translation_ids.take(len(translations)), strict=True
        ):
            translation["id"] = translation_id
        self.insert_translation.write(self.connection, translations)
        changes += [self._change("translation", t) for t in translations]
        self.report.translations += len(translations)

    def _insert_evidence(self, evidence: list[dict[str, Any]], changes: list[dict[str, Any]]) -> None:
        """Insert evidence rows (their statement ids set) and add their change-log rows to ``changes``."""
        for e, evidence_id in zip(evidence, self.evidence_ids.take(len(evidence)), strict=True):
            e["id"] = evidence_id
        self.insert_evidence.write(self.connection, evidence)
        changes += [self._change("evidence", e) for e in evidence]

    def _change(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """The change-log row of an inserted row, as the ORM's flush would write it."""
        return history.change_row(
            at=values["recorded_at"],
            by=self.uow.by,
            reason=self.uow.reason,
            action="insert",
            table=table,
            row_id=values["id"],
            before=None,
            after=history.snapshot(_MODELS[table], values),
        )

    def _new(self, rows: list[_Row]) -> list[_Row]:
        """The rows to store as new statements, each with a free uid.

        Every other row is what the duplicate rule (`statement_rules.match`, as `statement add` asks it) or
        its ``same_as`` says it is: one more source, and its subjects, of a stored statement or of an earlier
        line; a duplicate (skipped, or refused); or a possible duplicate (held back, or refused). The batch's
        keys are written once for every question asked of the stored statements.
        """
        self._write_keys(rows)
        same_quote = self._same_quote_stored()
        near = self._near_stored(rows)
        targets = self._stored({r.same_as for r in rows if r.same_as is not None})
        keep: list[_Row] = []
        kept_by_speaker: dict[int, list[_Row]] = {}
        joins: list[tuple[_Row, _Stored | _Row]] = []
        outcomes: dict[int, SkippedDuplicate | HeldBack] = {}
        for row in rows:
            speaker_id = row.values["speaker_id"]
            if row.same_as is not None:
                try:
                    target = rules.same_as_target(
                        row.same_as, targets.get(row.same_as), speaker_id, self._speaker_name
                    )
                except KBError as error:
                    raise error.prefixed(f"line {row.line}: ") from None
                joins.append((row, target))
                continue
            earlier = kept_by_speaker.setdefault(speaker_id, [])
            kind, other = self._match(
                row, same_quote.get(row.line, []), near.get(row.line, _NO_NEAR), earlier
            )
            if kind == "new":
                keep.append(row)
                earlier.append(row)
            elif kind == "same":
                assert other is not None
                joins.append((row, other))
            elif kind == "identical":
                stored_id = other.id if isinstance(other, _Stored) else None
                outcomes[row.line] = SkippedDuplicate(row.line, stored_id)
            else:
                assert other is not None
                outcomes[row.line] = (
                    HeldBack(row.line, other.id, None, other.said_on)
                    if isinstance(other, _Stored)
                    else HeldBack(row.line, None, other.line, other.said_on)
                )
        self._join(joins, outcomes)
        for line in sorted(outcomes):
            self._set_aside(outcomes[line])
        self._free_uids(keep)
        return keep

    def _match(
        self,
        row: _Row,
        same_quote: list[_Stored],
        near: tuple[_Stored | None, _Stored | None],
        earlier: list[_Row],
    ) -> _Match:
        """What `statement_rules.match` says of a row among the speaker's live statements with the same quote
        key (``same_quote``, in id order), the first whose quote contains it or lies within it (``near``: of
        all, and of those stored before this import), and the earlier lines of this batch (``earlier``)."""
        said_on, basis = row.said_on, row.said_on_basis
        key, norm = row.values["quote_key"], row.values["quote_norm"]
        earlier_same = [r for r in earlier if r.values["quote_key"] == key]
        if not row.exported:
            candidates: list[_Stored | _Row] = [*same_quote, *earlier_same]

            def near_one() -> _Stored | _Row | None:
                return near[0] or next((r for r in earlier if rules.near(norm, r.values["quote_norm"])), None)

            return rules.match(
                candidates,
                said_on,
                basis,
                distinct=row.distinct,
                near_one=near_one,
            )
        # A line of an export is asked about what was stored before the import; the export's own other lines
        # (stored by earlier batches, or earlier in this one) are apart from it but on the same date.
        before = [s for s in same_quote if s.id <= self._last_id_before]
        found = rules.match(before, said_on, basis, distinct=row.distinct, near_one=lambda: near[1])
        kind, other = cast(_Match, found)
        if kind == "new":
            ours: list[_Stored | _Row] = [
                *(s for s in same_quote if s.id > self._last_id_before),
                *earlier_same,
            ]
            other = next((o for o in ours if not rules.held_apart(o, said_on)), None)
            if other is not None:
                kind = "identical"
        return kind, other

    def _empty(self, table: Table) -> None:
        """Empty one of the import's temporary tables for the next batch. On PostgreSQL by TRUNCATE: a DELETE
        leaves its rows as dead tuples that nothing vacuums in a temporary table, so every later batch's joins
        scanned all the earlier batches' keys (a million-line import took six times as long). SQLite's DELETE
        without a condition empties the table as quickly."""
        verb = "TRUNCATE" if self.connection.dialect.name == "postgresql" else "DELETE FROM"
        self.connection.exec_driver_sql(f"{verb} {table.name}")

    def _write_keys(self, rows: list[_Row]) -> None:
        """The batch's keys, into the table the questions below join against the statement table."""
        connection = self.connection
        self._empty(_batch_keys)
        self.insert_keys.write(
            connection,
            [
                {
                    "line": r.line,
                    "speaker_id": r.values["speaker_id"],
                    "quote_key": r.values["quote_key"],
                    "quote_norm": r.values["quote_norm"],
                    "said_on": r.values["said_on"],
                    "uid": r.values["uid"],
                }
                for r in rows
            ],
        )

    def _same_quote_stored(self) -> dict[int, list[_Stored]]:
        """Per line, the speaker's live statements with the same quote key, in id order."""
        k, s = _batch_keys.c, Statement.__table__.c
        found: dict[int, list[_Stored]] = {}
        query = (
            select(k.line, s.id, s.speaker_id, s.said_on, s.said_on_basis, s.retracted_at)
            .join(
                Statement.__table__,
                (s.speaker_id == k.speaker_id) & (s.quote_key == k.quote_key) & s.retracted_at.is_(None),
            )
            .order_by(k.line, s.id)
        )
        for line, *stored in self.connection.execute(query):
            found.setdefault(line, []).append(_Stored(*stored))
        return found

    def _near_stored(self, rows: list[_Row]) -> dict[int, tuple[_Stored | None, _Stored | None]]:
        """Per line that asks it, the speaker's oldest live statement whose quote contains the line's or lies
        within it (`statement_rules.near_clause`, the test `statement add` runs), and the oldest of those
        stored before this import: asked of the database for the statements the word signatures let pass."""
        asking = [r for r in rows if _asks_near(r)]
        self.signatures.load({r.values["speaker_id"] for r in asking})
        pairs = [
            {"line": r.line, "statement_id": statement_id}
            for r in asking
            for statement_id in self.signatures.candidates(r.values["speaker_id"], r.signature)
        ]
        if not pairs:
            return {}
        self._empty(_near_pairs)
        self.insert_pairs.write(self.connection, pairs)
        k, p, s = _batch_keys.c, _near_pairs.c, Statement.__table__.c
        dialect = self.connection.dialect.name
        query = (
            select(p.line, func.min(s.id), func.min(case((s.id <= self._last_id_before, s.id))))
            .join(_batch_keys, k.line == p.line)
            .join(Statement.__table__, s.id == p.statement_id)
            .where(s.retracted_at.is_(None), rules.near_clause(dialect, s.quote_norm, k.quote_norm))
            .group_by(p.line)
        )
        firsts = self.connection.execute(query).all()
        stored = self._stored({i for _, *ids in firsts for i in ids if i is not None})
        return {line: (stored[first], stored.get(first_before)) for line, first, first_before in firsts}

    def _stored(self, ids: set[int]) -> dict[int, _Stored]:
        """Stored statements by id, retracted ones included (``same_as`` says why it refuses one)."""
        s = Statement.__table__.c
        found: dict[int, _Stored] = {}
        listed = sorted(ids)
        for start in range(0, len(listed), 500):  # bounded IN lists: SQLite caps bound variables
            query = select(s.id, s.speaker_id, s.said_on, s.said_on_basis, s.retracted_at).where(
                s.id.in_(bindparam("ids", expanding=True))
            )
            for row in self.connection.execute(query, {"ids": listed[start : start + 500]}):
                found[row.id] = _Stored(*row)
        return found

    def _speaker_name(self, entity_id: int) -> str:
        entity = self.session.get(Entity, entity_id)
        return entity.display_name if entity is not None else f"entity {entity_id}"

    def _join(
        self, joins: list[tuple[_Row, _Stored | _Row]], outcomes: dict[int, SkippedDuplicate | HeldBack]
    ) -> None:
        """Add each joining row's sources and subjects to the statement it is, stored or an earlier line of the
        batch; a row whose every source that statement has already is a duplicate (into ``outcomes``)."""
        supported = self._sources_of({t.id for _, t in joins if isinstance(t, _Stored)})
        corroborating: list[dict[str, Any]] = []
        subjects: dict[int, list[int]] = {}
        translated: dict[int, list[tuple[int, dict[str, Any]]]] = {}  # statement id: (line, translation)
        for row, target in joins:
            given = [row.evidence, *row.more_evidence]
            if isinstance(target, _Row):
                sources = target.sources()
                new = [e for e in given if e["source_id"] not in sources]
                if not new:
                    outcomes[row.line] = SkippedDuplicate(row.line, None)
                    continue
                target.more_evidence += new
                target.about += rules.added_subjects(target.about, row.about)
                held = ((t["lang"], t["translator"], t["text"]) for t in target.translations)
                joined = rules.joined_translations(held, row.translations)
                # Copies: one line's translation row is written once, for one statement.
                target.translations += [dict(t) for t in joined.added]
                self.report.keep(row.line, None, target.line, joined.kept)
                self.report.merged += 1
                continue
            new = [
                {**e, "statement_id": target.id}
                for e in given
                if (target.id, e["source_id"]) not in supported
            ]
            if not new:
                outcomes[row.line] = SkippedDuplicate(row.line, target.id)
                continue
            supported.update((target.id, e["source_id"]) for e in new)
            corroborating += new
            subjects.setdefault(target.id, []).extend(row.about)
            translated.setdefault(target.id, []).extend((row.line, t) for t in row.translations)
        if corroborating:
            changes: list[dict[str, Any]] = []
            self._insert_evidence(corroborating, changes)
            changes += self._add_subjects(subjects)
            self._insert_translations(self._missing_translations(translated), changes)
            self.insert_change.write(self.connection, changes)
            self.report.corroborated += len(corroborating)

    def _missing_translations(
        self, given: dict[int, list[tuple[int, dict[str, Any]]]]
    ) -> list[dict[str, Any]]:
        """The translations the lines give of stored statements that have none in that language by that
        translator. The one a statement has is kept (replacing it is a correction, `statement edit`): a
        line's that reads otherwise goes into the report."""
        given = {statement_id: rows for statement_id, rows in given.items() if rows}
        have: dict[int, list[tuple[str, str, str]]] = {}
        ids = sorted(given)
        t = Translation.__table__.c
        for start in range(0, len(ids), 500):
            query = select(t.statement_id, t.lang, t.translator, t.text).where(
                t.statement_id.in_(bindparam("ids", expanding=True))
            )
            for statement_id, lang, translator, text in self.connection.execute(
                query, {"ids": ids[start : start + 500]}
            ):
                have.setdefault(statement_id, []).append((lang, translator, text))
        missing: list[dict[str, Any]] = []
        for statement_id in ids:
            held = have.get(statement_id, [])
            for line, translation in given[statement_id]:
                # One line at a time, each seeing those added before it: the report names the line.
                joined = rules.joined_translations(held, [translation])
                for added in joined.added:
                    held.append((added["lang"], added["translator"], added["text"]))
                    missing.append({**added, "statement_id": statement_id})
                self.report.keep(line, statement_id, None, joined.kept)
        return missing

    def _add_subjects(self, given: dict[int, list[int]]) -> list[dict[str, Any]]:
        """Add to stored statements the subjects their new sources' lines name and they lack; the change-log
        rows of their lists of subjects, before and after (as `statement edit --about` logs them)."""
        given = {statement_id: about for statement_id, about in given.items() if about}
        if not given:
            return []
        have: dict[int, list[int]] = {}
        ids = sorted(given)
        for start in range(0, len(ids), 500):
            query = (
                select(statement_about.c.statement_id, statement_about.c.entity_id)
                .where(statement_about.c.statement_id.in_(bindparam("ids", expanding=True)))
                .order_by(statement_about.c.statement_id, statement_about.c.entity_id)
            )
            for statement_id, entity_id in self.connection.execute(query, {"ids": ids[start : start + 500]}):
                have.setdefault(statement_id, []).append(entity_id)
        rows: list[dict[str, int]] = []
        changes: list[dict[str, Any]] = []
        now = utcnow()
        keys = self.speakers.keys
        for statement_id in ids:
            before = have.get(statement_id, [])
            added = rules.added_subjects(before, given[statement_id])
            if not added:
                continue
            rows += [{"statement_id": statement_id, "entity_id": e} for e in added]
            changes.append(
                history.change_row(
                    at=now,
                    by=self.uow.by,
                    reason=self.uow.reason,
                    action="update",
                    table="statement",
                    row_id=statement_id,
                    before={"about": [keys[e] for e in before]},
                    after={"about": [keys[e] for e in (*before, *added)]},
                )
            )
        self.insert_about.write(self.connection, rows)
        return changes

    def _sources_of(self, statement_ids: set[int]) -> set[tuple[int, int]]:
        """The (statement, source) pairs of the live evidence of these statements, read in a few queries
        (a re-imported file would otherwise cost one query per line)."""
        ids = sorted(statement_ids)
        pairs: set[tuple[int, int]] = set()
        for start in range(0, len(ids), 500):  # bounded IN lists: SQLite caps bound variables
            pairs.update(
                (statement, source)
                for statement, source in self.connection.execute(
                    select(Evidence.statement_id, Evidence.source_id).where(
                        Evidence.statement_id.in_(bindparam("ids", expanding=True)),
                        Evidence.retracted_at.is_(None),
                    ),
                    {"ids": ids[start : start + 500]},
                )
                if statement is not None  # never: the query asks for these statements' evidence
            )
        return pairs

    def _set_aside(self, outcome: SkippedDuplicate | HeldBack) -> None:
        """A duplicate skipped or a possible duplicate held back, listed in the report; with ``refuse``, the
        refusal of the whole file."""
        if isinstance(outcome, HeldBack):
            if self.duplicates == "refuse":
                choice = (
                    f'"same_as": {outcome.existing_id} to add its source to it, or "distinct": true to store it apart'
                    if outcome.existing_id
                    else '"distinct": true to store it apart'
                )
                raise Conflict(
                    f"line {outcome.line}: statement: "
                    f"{rules.possible_duplicate(outcome.other, outcome.said_on)}; give the line {choice}"
                )
            self.report.held_back_count += 1
            if len(self.report.held_back) < MAX_LISTED_DUPLICATES:
                self.report.held_back.append(outcome)
            return
        if self.duplicates == "refuse":
            where = f"#{outcome.existing_id}" if outcome.existing_id else "an earlier line of the file"
            raise Duplicate(
                f"line {outcome.line}: statement: the same quote by the same speaker on that date exists as {where}",
                outcome.existing_id,
            )
        self.report.skipped_count += 1
        if len(self.report.skipped) < MAX_LISTED_DUPLICATES:
            self.report.skipped.append(outcome)

    def _free_uids(self, rows: list[_Row]) -> None:
        """Give a statement whose first uid is taken the next free one of its sequence (the rule of
        `statement_rules.free_uid`), asking the database one uid at a time only for those.

        That happens when the same span is re-added after a retraction, or said again on another date.
        """
        k, s = _batch_keys.c, Statement.__table__.c
        taken = set(
            self.connection.execute(select(k.line).join(Statement.__table__, s.uid == k.uid)).scalars()
        )
        in_batch: set[str] = set()

        def held(uid: str) -> bool:
            return (
                uid in in_batch
                or self.connection.execute(select(s.id).where(s.uid == uid)).first() is not None
            )

        for row in rows:
            if row.line in taken or row.values["uid"] in in_batch:
                row.values["uid"] = rules.free_uid(row.uid_identity, held)
            in_batch.add(row.values["uid"])


def import_statements(
    uow: UnitOfWork,
    lines: Iterable[str | bytes],
    *,
    duplicates: DuplicatePolicy = "skip",
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    what: str | None = None,
) -> ImportReport:
    """Store the statements of a JSON Lines stream, all of them or none.

    Each non-blank line is one ``StatementIn`` object. A line that fails validation, names an unknown speaker
    or source, or quotes text its source does not hold refuses the whole stream, with its line number.
    A line that is a live statement or an earlier line (same speaker and normalised quote, a compatible date)
    adds its sources, subjects and translation to it, or is a duplicate when it brings no new source: skipped
    and reported. A line that may be one (`statement_rules.match`) and says neither ``same_as`` nor
    ``distinct`` is held back and reported. With ``duplicates="refuse"`` either refuses the stream like any
    other bad line.
    ``progress`` is called with the number of lines read after each batch. ``what`` is how the import
    announces itself to writers that wait meanwhile (`csto_kb.db.write_lock`).
    """
    with uow, announce(uow.session.connection(), what or uow.reason or "import statements", uow.by):
        importer = _Importer(uow, duplicates, batch_size)
        report = importer.report
        batch: list[_Row] = []
        now = utcnow()
        for number, raw in _lines(lines):
            report.lines = number
            try:
                batch.append(importer.prepare(number, raw, now))
            except (InvalidInput, NotFound, Ambiguous) as error:
                raise error.prefixed(f"line {number}: ") from None
            if len(batch) >= batch_size:
                importer.write(batch)
                batch = []
                now = utcnow()
                if progress is not None:
                    progress(number)
        importer.write(batch)
        if progress is not None:
            progress(report.lines)
        importer.close()
        uow.commit()
        return report
