"""Every article in what the user names: files, folders, patterns (``'saved/*.html'``) and JSON Lines feeds.

A folder gives the articles directly inside it (``.txt``, web pages and feeds, in name order), not those in its
sub-folders: a page saved "complete" by a browser keeps its images, scripts and frames in a ``NAME_files``
folder beside it, which are not articles. A name that matches nothing is an error before anything is read, so a
typo stops the command rather than passing for an empty folder.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from csto_kb.articles.feeds import SUFFIX as FEED_SUFFIX
from csto_kb.articles.feeds import count_articles, feed_lines, read_feed_line
from csto_kb.articles.fields import Overrides
from csto_kb.articles.reading import read_article
from csto_kb.articles.web_pages import SUFFIXES as WEB_PAGE_SUFFIXES
from csto_kb.errors import InvalidInput

FOLDER_SUFFIXES = (".txt", FEED_SUFFIX, *WEB_PAGE_SUFFIXES)
"""What a folder is searched for."""

_PATTERN_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class Article:
    """One article to read: ``name`` is what a report calls it (a path, or ``feed.jsonl:3``); ``read`` gives
    its SourceIn fields or raises the error that says why it cannot be read."""

    name: str
    read: Callable[[], dict[str, Any]]


@dataclass(frozen=True)
class Collected:
    files: list[Path]
    options: Overrides
    total: int

    def __iter__(self) -> Iterator[Article]:
        for file in self.files:
            if file.suffix.lower() == FEED_SUFFIX:
                for number, raw in feed_lines(file):
                    yield Article(
                        f"{file}:{number}", partial(read_feed_line, file, number, raw, self.options)
                    )
            else:
                yield Article(str(file), partial(read_article, file, self.options))


def _files(name: Path) -> list[Path]:
    if name.is_dir():
        found = sorted(
            p
            for p in name.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in FOLDER_SUFFIXES
        )
        if not found:
            raise InvalidInput(
                f"file: the folder {name} holds no articles ({', '.join('*' + s for s in FOLDER_SUFFIXES)})"
            )
        return found
    if name.exists():
        return [name]
    if _PATTERN_CHARACTERS & set(str(name)):
        matches = sorted(Path(p) for p in glob.glob(str(name)) if Path(p).is_file())
        if not matches:
            raise InvalidInput(f"file: no file matches {name}")
        return matches
    raise InvalidInput(f"file: {name} does not exist")


def collect(names: list[Path], options: Overrides) -> Collected:
    """The articles in ``names``, each file once, in the order given; options that describe one article only
    are refused when there are several."""
    files: list[Path] = []
    seen: set[Path] = set()
    for name in names:
        for file in _files(name):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    total = sum(count_articles(f) if f.suffix.lower() == FEED_SUFFIX else 1 for f in files)
    options.refuse_for_many(total)
    return Collected(files, options, total)
