"""The longest value each text field may hold, checked where input enters (command line, files, JSON Lines)
before any query runs.

The sizes are those of the columns in `csto_kb.model` that store the field, so PostgreSQL (which enforces
them) and SQLite (which does not) accept the same input; fields that are only looked up, never stored, get a
bound that keeps every query's parameters small (SQLite refuses a LIKE pattern over 50,000 bytes).
"""

from __future__ import annotations

NAME = 300
"""A name or alias of an entity (entity_name.name), and everything that is looked up as one."""
DATE = 32
"""A partial date or a moment, as typed: long enough for the date parser to say what is wrong with it."""
LANG = 8
"""A language tag (the lang columns)."""
LONG_TEXT = 16_000_000
"""A quote, a translation or an article body (Text columns): 16 million characters."""
OTHER = 4_096
"""Anything else, such as a file path or a database URL."""

_LOOKED_UP_AS_NAMES = (
    *("speaker", "about", "org", "involving", "alliance", "organisation", "part_of", "survivor"),
    *("duplicate", "entity", "name", "new_name", "alias", "publisher"),
)

LIMITS: dict[str, int] = {
    # who is meant: looked up as an entity's name, alias or key
    **dict.fromkeys(_LOOKED_UP_AS_NAMES, NAME),
    "key": 80,
    "kind": 20,
    # statements
    "quote": LONG_TEXT,
    "translation": LONG_TEXT,
    "body": LONG_TEXT,
    "text": LONG_TEXT,
    "contains": 1_000,
    "mention": 300,
    "speaker_mention": 300,
    "role_text": 500,
    "role": 300,
    "date_text": 300,
    "venue": 300,
    "cue": 100,
    "mode": 10,
    "translator": 200,
    "extractor_version": 32,
    # dates and languages
    **dict.fromkeys(("said_on", "published", "from", "to", "on", "since", "as_of", "as_recorded_at"), DATE),
    **dict.fromkeys(("lang", "translation_lang"), LANG),
    # sources
    "title": 500,
    "url": 2_000,
    "base": 2_000,
    "date_note": 2_000,
    "published_note": 2_000,
    "file_name": 300,
    # figures, review, history
    "unit": 300,
    "unit_translations": 300,
    "title_translations": 300,
    "readiness": 20,
    "status": 12,
    "of": 40,
    "by": 100,
    "reason": 2_000,
    "note": 2_000,
    "description": 1_000,
    "qid": 2_000,
    "revision": 32,
}


def limit_of(field: str) -> int:
    """The most characters ``field`` may hold."""
    return LIMITS.get(field, OTHER)


def text_problem(field: str, value: str, *, limit: int | None = None) -> str | None:
    """Why ``value`` cannot be taken as ``field``'s text (``field: …``), or None when it can; ``limit``
    defaults to `limit_of` the field."""
    limit = limit_of(field) if limit is None else limit
    if len(value) > limit:
        return f"{field}: at most {limit:,} characters, got {len(value):,}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        # Bytes that are not UTF-8 on a command line, or a "\ud800" escape in JSON, arrive as lone surrogates,
        # which no database can store and no terminal can print.
        return f"{field}: not valid UTF-8 text (a lone surrogate at character {error.start + 1})"
    return None
