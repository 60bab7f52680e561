"""The rules a new statement follows, written once for both ways of storing one.

`csto_kb.services.statements.record_statement` stores one statement at a time through the ORM;
`csto_kb.services.bulk_import` stores batches through the driver. Both call these functions, which are pure:
each caller brings what the rule needs (the speaker's roles, a way to ask whether a uid is taken, the stored
statements with the same quote) from its own kind of lookup, a query in the one case and a batch join or a
map loaded once in the other. A change to a rule is then made here, once.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, NamedTuple, Protocol, TypeVar

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, func, or_

from csto_kb.dates import PartialDate, upper_bound
from csto_kb.errors import Conflict, InvalidInput, NotFound
from csto_kb.schemas.statements import StatementIn
from csto_kb.text import normalise_for_search, quote_key_of_norm


class Dated(Protocol):
    """A source as far as dating a statement goes."""

    @property
    def id(self) -> int: ...
    @property
    def published_on(self) -> str | None: ...


class RoleInterval(Protocol):
    """A live role as far as dating goes: its id and the interval it was held (partial dates, open ends)."""

    @property
    def id(self) -> int: ...
    @property
    def valid_from(self) -> str | None: ...
    @property
    def valid_to(self) -> str | None: ...


class StoredDate(Protocol):
    """A stored statement as far as the duplicate rule goes: its date and how the date is known."""

    @property
    def said_on(self) -> str | None: ...
    @property
    def said_on_basis(self) -> str: ...


class Target(Protocol):
    """A stored statement as far as ``same_as`` goes: whose it is, and whether it is live."""

    @property
    def id(self) -> int: ...
    @property
    def speaker_id(self) -> int: ...
    @property
    def retracted_at(self) -> Any: ...


R = TypeVar("R", bound=RoleInterval)
S = TypeVar("S", bound=StoredDate)
T = TypeVar("T", bound=Target)


@functools.lru_cache(maxsize=1 << 16)
def _day(text: str) -> str:
    """A partial date in its canonical form, for comparing with bounds (dates repeat: each is read once)."""
    return str(PartialDate.parse(text))


@functools.lru_cache(maxsize=1 << 16)
def _bound(text: str) -> str:
    return upper_bound(text)


# -- the quote -------------------------------------------------------------------------------------------
class QuoteForms(NamedTuple):
    """A quote's normalised words (what `--contains` searches) and their fingerprint (the duplicate rule)."""

    norm: str
    key: str


def quote_forms(quote: str) -> QuoteForms:
    """Both forms from one normalisation (normalising is the costliest step of a statement's preparation)."""
    norm = normalise_for_search(quote)
    return QuoteForms(norm, quote_key_of_norm(norm))


# -- the date --------------------------------------------------------------------------------------------
def check_said_on(source: Dated, said_on: str | None) -> None:
    """Refuse a date after the source's publication: a report cannot quote what was not yet said."""
    if said_on is None or source.published_on is None:
        return
    if _day(said_on) > _bound(source.published_on):
        raise InvalidInput(
            f"said_on: {said_on} is after the publication of source {source.id} ({source.published_on}); "
            "a source reports only what was said before it"
        )


def statement_date(data: StatementIn, source: Dated) -> tuple[str | None, str]:
    """The statement's date and its basis: as given (and not after the source's publication), or, when
    none is given, the source's publication as an upper bound ("not_after")."""
    said_on, basis = data.said_on, data.said_on_basis
    if said_on is None and source.published_on is not None:
        said_on, basis = source.published_on, "not_after"
    if basis == "stated":
        check_said_on(source, said_on)
    return said_on, basis


# -- the role --------------------------------------------------------------------------------------------
def role_on_date(roles: Sequence[R], said_on: str | None) -> R | None:
    """Among a speaker's live roles, the only one whose interval holds the date, if exactly one does."""
    if said_on is not None:
        day = _day(said_on)
        roles = [
            r
            for r in roles
            if (r.valid_from or "") <= day and (r.valid_to is None or day <= r.valid_to + "~")
        ]
    return roles[0] if len(roles) == 1 else None


def statement_role(given: int | None, roles: Sequence[R], said_on: str | None, speaker: str) -> R | None:
    """The role a statement is said in: the one given, which must be one of the speaker's live ``roles``,
    else the one the date finds (`role_on_date`)."""
    if given is None:
        return role_on_date(roles, said_on)
    role = next((r for r in roles if r.id == given), None)
    if role is None:
        raise InvalidInput(f"role: role {given} is not a role of {speaker}")
    return role


# -- the uid ---------------------------------------------------------------------------------------------
def uid_identity(source_sha256: str | None, span: tuple[int, int] | None, speaker_key: str) -> str | None:
    """What a statement's uid is hashed from: its first source's text, span and speaker, where there are
    such (None: a source without stored text, whose statements get random uids)."""
    if span is None or source_sha256 is None:
        return None
    return f"{source_sha256}:{span[0]}:{span[1]}:{speaker_key}"


def uid_sequence(identity: str | None) -> Iterator[str]:
    """The uids a statement may take, in order: the hash of its identity, then of identity:1, identity:2 …

    Hashing makes the same statement loaded into two databases get the same uid. A retracted statement keeps
    its uid, so a statement re-added from the same span takes the next one in the sequence.
    """
    if identity is None:
        while True:
            yield uuid.uuid4().hex
    n = 0
    while True:
        yield hashlib.sha256((identity if n == 0 else f"{identity}:{n}").encode()).hexdigest()[:32]
        n += 1


def first_uid(identity: str | None) -> str:
    """The uid a statement takes when nothing holds it yet (the common case, checked in batches)."""
    return next(uid_sequence(identity))


def free_uid(identity: str | None, taken: Callable[[str], bool]) -> str:
    """The first uid of the sequence that ``taken`` says no statement holds."""
    return next(uid for uid in uid_sequence(identity) if not taken(uid))


# -- the duplicate rule ----------------------------------------------------------------------------------
def live_identity(speaker_id: int, key: str, said_on: str | None) -> tuple[int, str, str]:
    """What the unique index holds for a live statement: speaker, quote key, and the date, no date counting
    as one date (``coalesce(said_on, '')``)."""
    return speaker_id, key, said_on or ""


def same_date(stored: str | None, given: str | None) -> bool:
    """Whether two dates are one for the unique index of live statements (speaker, quote key, date), no date
    counting as one date (``coalesce(said_on, '')``)."""
    return (stored or "") == (given or "")


def dates_compatible(stored: str | None, stored_basis: str, given: str | None, given_basis: str) -> bool:
    """Whether two dates can be the same day: one unknown, one a coarser form of the other, or a stated
    date on or before a "not after" bound."""
    if stored is None or given is None:
        return True
    if stored_basis == "not_after" and given_basis == "not_after":
        return True
    if stored_basis == "not_after" or given_basis == "not_after":
        bound, day = (stored, given) if stored_basis == "not_after" else (given, stored)
        return _day(day) <= _bound(bound)
    return stored.startswith(given) or given.startswith(stored)


def same_among(same_quote: Iterable[S], said_on: str | None, basis: str) -> S | None:
    """The stored statement a new one is: the first (oldest) of the speaker's live statements with the same
    quote key whose date is compatible. ``same_quote`` comes in id order."""
    return next((s for s in same_quote if dates_compatible(s.said_on, s.said_on_basis, said_on, basis)), None)


NEAR_MIN_LENGTH = 20
"""The shortest normalised quote that can be a possible duplicate of another by containing it or being
contained in it: shorter ones ("yes", a slogan) are contained in too much to mean anything."""


def near(given_norm: str, stored_norm: str) -> bool:
    """Whether two normalised quotes of one speaker may be one statement: one contains the other, each at
    least `NEAR_MIN_LENGTH` long. `near_clause` is the same test in SQL."""
    if len(given_norm) < NEAR_MIN_LENGTH:
        return False
    return given_norm in stored_norm or (len(stored_norm) >= NEAR_MIN_LENGTH and stored_norm in given_norm)


def near_clause(
    dialect: str, stored_norm: SQLColumnExpression[Any], given_norm: SQLColumnExpression[Any]
) -> ColumnElement[bool]:
    """`near` as a condition on a stored statement's ``quote_norm`` and a given one (a bound value, or a
    column of a batch of lines)."""
    # instr/strpos rather than LIKE: no pattern to escape, and no cap on its length (SQLite refuses LIKE
    # patterns over 50,000 bytes).
    position = func.strpos if dialect == "postgresql" else func.instr
    return and_(
        func.length(given_norm) >= NEAR_MIN_LENGTH,
        or_(
            position(stored_norm, given_norm) > 0,
            and_(func.length(stored_norm) >= NEAR_MIN_LENGTH, position(given_norm, stored_norm) > 0),
        ),
    )


def word_signature(norm: str) -> int:
    """Two 64-bit sets of a normalised quote's words, hashed, in one integer: every word (low half) and the
    words inside it (high half: all but the first and the last, which a quote lying within another may cut).

    If one quote lies within another, its inside words are words of the other, so `may_be_near` is a
    condition `near` never fails, which costs a few integer operations where `near` reads both quotes: it
    lets a bulk import ask the database about only the few statements that pass it. (Python's string hash
    changes from one process to the next: signatures are compared within one.)
    """
    words = norm.split(" ")
    every = inside = 0
    for word in words:
        every |= 1 << (hash(word) & 63)
    for word in words[1:-1]:
        inside |= 1 << (hash(word) & 63)
    return inside << 64 | every


HALF = (1 << 64) - 1
"""The mask of one half of a `word_signature`."""


def may_be_near(a: int, b: int) -> bool:
    """Whether two quotes with these `word_signature` values may be `near`: the inside words of one are all
    among the words of the other."""
    return ((a >> 64) & ~b & HALF) == 0 or ((b >> 64) & ~a & HALF) == 0


MatchKind = Literal["same", "possible", "identical", "new"]


def match(
    same_quote: Sequence[S],
    said_on: str | None,
    basis: str,
    *,
    distinct: bool,
    near_one: Callable[[], S | None],
) -> tuple[MatchKind, S | None]:
    """What a new statement is among its speaker's live statements, asked in this order:

    - ``same``: the statement it is (`same_among`): its source becomes one more evidence of it;
    - ``possible``: one it may be, the first with the same quote on another date, else the first whose quote
      contains it or is contained in it (``near_one``, asked only then: it is the costly question). It waits
      for the caller's choice: ``same_as`` or ``distinct``;
    - ``identical`` (only when ``distinct``): one with the same quote on the same date, which the unique index
      holds once: a duplicate whatever the caller chose;
    - ``new``: nothing it is or may be.

    ``same_quote`` is the speaker's live statements with the same quote key, in id order; ``distinct``
    skips the first two questions.
    """
    if not distinct:
        same = same_among(same_quote, said_on, basis)
        if same is not None:
            return "same", same
        maybe = same_quote[0] if same_quote else near_one()
        if maybe is not None:
            return "possible", maybe
    identical = next((s for s in same_quote if same_date(s.said_on, said_on)), None)
    if identical is not None:
        return "identical", identical
    return "new", None


def possible_duplicate(what: str, said_on: str | None) -> str:
    """How a refusal names the statement a new one may be (``what``: "#12", "line 3")."""
    return f"possible duplicate of {what} ({said_on or 'undated'})"


def held_apart(other: StoredDate, said_on: str | None) -> bool:
    """Whether a statement written from another line of the same export is apart from this line's, whatever
    their quotes: the database that exported them held them as two statements (a possible duplicate stored
    with ``distinct``, or the same quote on two compatible dates), so importing the export keeps them two.
    Only the same date joins them, as the unique index would."""
    return not same_date(other.said_on, said_on)


def same_as_target(given: int, target: T | None, speaker_id: int, speaker_name: Callable[[int], str]) -> T:
    """The stored statement ``same_as`` names, which must exist, be live and be the speaker's."""
    if target is None:
        raise NotFound(f"same_as: no statement has id {given}")
    if target.retracted_at is not None:
        raise Conflict(f"same_as: statement #{given} is retracted")
    if target.speaker_id != speaker_id:
        raise InvalidInput(
            f"same_as: statement #{given} is by {speaker_name(target.speaker_id)}, not {speaker_name(speaker_id)}"
        )
    return target


# -- the rows --------------------------------------------------------------------------------------------
def evidence_method(data: StatementIn, unstated: str) -> str:
    """How the statement was obtained: as the input says, else the storing path's own word ("entered" for
    one typed in, "imported" for a line of a bulk file)."""
    return data.method if "method" in data.model_fields_set else unstated


def evidence_terms(data: StatementIn, unstated_method: str) -> dict[str, Any]:
    """The evidence columns the input decides (the source, span and author come from the caller)."""
    return {
        "method": evidence_method(data, unstated_method),
        "extractor_version": data.extractor_version,
        "confidence": data.confidence,
    }


def statement_columns(
    data: StatementIn,
    *,
    uid: str,
    speaker_id: int,
    role_id: int | None,
    said_on: str | None,
    basis: str,
    quote: QuoteForms,
    by: str,
) -> dict[str, Any]:
    """Every column a new statement sets, from its validated input and what was resolved for it; the rest
    (id, recorded_at, the retraction) is the database's or the column default's."""
    return {
        "uid": uid,
        "speaker_id": speaker_id,
        "role_id": role_id,
        "speaker_mention": data.speaker_mention,
        "role_text": data.role_text,
        "said_on": said_on,
        "said_on_basis": basis,
        "date_text": data.date_text,
        "venue": data.venue,
        "quote": data.quote,
        "quote_norm": quote.norm,
        "quote_key": quote.key,
        "lang": data.lang,
        "mode": data.mode,
        "cue": data.cue,
        "note": data.note,
        "recorded_by": by,
    }


# -- what a new source of a stored statement adds to it ----------------------------------------------------
def added_subjects(have: Iterable[int], given: Iterable[int]) -> list[int]:
    """The subjects (entity ids) a statement gains from an input naming ``given``: those it lacks, each once,
    in the order given; none it has is dropped."""
    held = set(have)
    return [entity for entity in dict.fromkeys(given) if entity not in held]


class JoinedTranslations(NamedTuple):
    """What a stored statement does with the translations an input joining it gives (`joined_translations`)."""

    added: list[dict[str, Any]]
    """Those in a language and by a translator it has none from: stored."""
    kept: list[dict[str, Any]]
    """Those in a language and by a translator it has one from, in other words: not stored, and reported."""


def joined_translations(
    have: Iterable[tuple[str, str, str]], given: Iterable[dict[str, Any]]
) -> JoinedTranslations:
    """Sort the translations (`translation_columns` rows) that inputs joining a statement give, against the
    ones it has (``have``: their (lang, translator, text)). A language and translator it has none from is
    added, each pair once; one it has keeps its text, since replacing it is a correction (`statement edit
    --translation`): a given one that reads otherwise is returned as ``kept``, for the caller to say so."""
    held = {(lang, translator): text for lang, translator, text in have}
    added: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    for translation in given:
        pair = (translation["lang"], translation["translator"])
        if pair not in held:
            held[pair] = translation["text"]
            added.append(translation)
        elif held[pair] != translation["text"]:
            kept.append(translation)
    return JoinedTranslations(added, kept)


def translation_columns(data: StatementIn, by: str) -> dict[str, Any] | None:
    """The translation row given with a statement, credited to its translator or else to who stores it."""
    if not data.translation:
        return None
    return {"lang": data.translation_lang, "text": data.translation, "translator": data.translator or by}
