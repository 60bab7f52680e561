"""JSON Lines feeds of articles: one JSON object a line, as scrapers and news APIs write them.

A line holds ``text`` and ``lang`` (unless ``--lang`` gives it) and may hold ``url``, ``publisher``,
``published``, ``title`` and ``published_inferred``. Any other key is refused, so that nothing a feed gives is
silently dropped. Blank lines are skipped. Each line is read when its turn comes, so a bad line is reported on
its own and a large feed is never held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from csto_kb.articles.fields import Overrides, source_fields
from csto_kb.errors import InvalidInput

SUFFIX = ".jsonl"
FIELDS = ("text", "lang", "url", "publisher", "published", "title", "published_inferred")


def feed_lines(feed: Path) -> Iterator[tuple[int, bytes]]:
    """The numbered non-blank lines of a feed, as bytes: each is decoded when read, so one bad line is
    one failure."""
    try:
        with feed.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield number, raw
    except OSError as error:
        raise InvalidInput(f"file: cannot read {feed} ({error.strerror})") from None


def count_articles(feed: Path) -> int:
    return sum(1 for _ in feed_lines(feed))


def read_feed_line(feed: Path, number: int, raw: bytes, options: Overrides) -> dict[str, Any]:
    """The fields of a SourceIn from line ``number`` of a feed."""
    try:
        line = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"line: not UTF-8 text (bad byte at offset {error.start})") from None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"line: not a JSON object ({error.msg} at column {error.colno})") from None
    if not isinstance(item, dict):
        raise InvalidInput("line: expected a JSON object with text, lang, url, publisher, published")
    unknown = sorted(set(item) - set(FIELDS))
    if unknown:
        raise InvalidInput(f"{unknown[0]}: not a field of a feed line; expected {', '.join(FIELDS)}")
    for key, value in item.items():
        if value is not None and not isinstance(value, str) and key != "published_inferred":
            raise InvalidInput(f"{key}: expected a JSON string, got {json.dumps(value)[:40]}")
    text = item.get("text")
    if not text or not text.strip():
        raise InvalidInput("text: the article's text is missing or empty")
    return source_fields(item, text, f"{feed.name}:{number}", options)
