"""Saved web pages (``.html``): the article's main text and its metadata, as a news-extraction library reads them.

trafilatura finds the main text (leaving out menus, links lists, comments and footers) and the metadata (title,
site name, publication date, canonical address) in the page's markup: Open Graph and article meta tags, JSON-LD,
the ``<title>``. It reads only the bytes it is given; nothing is fetched. The language is the one the page
declares on its ``<html>`` element (or in a content-language or ``og:locale`` meta tag). What the options give
wins over what the page says.
"""

from __future__ import annotations

import contextlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from csto_kb.articles.fields import Overrides, source_fields
from csto_kb.articles.text_files import read_bytes
from csto_kb.errors import InvalidInput
from csto_kb.langtags import canonical_lang

SUFFIXES = (".html", ".htm", ".xhtml")
MIN_WORDS = 10
"""Fewer words than this are what is left of a page with no article: a menu's or a footer's links, which the
library's fallback extraction can return when it finds nothing better."""


class _DeclaredLanguage(HTMLParser):
    """The language a page declares for itself, read from its head only."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "html":
            lang = values.get("lang") or values.get("xml:lang")
            if lang:
                self.found.setdefault("html", lang)
        elif tag == "meta":
            if values.get("http-equiv", "").lower() == "content-language" and values.get("content"):
                self.found.setdefault("meta", values["content"].split(",")[0])
            if values.get("property", "").lower() == "og:locale" and values.get("content"):
                self.found.setdefault("og", values["content"].replace("_", "-"))
        elif tag == "body":
            raise _HeadRead


class _HeadRead(Exception):
    """Raised to stop reading at ``<body>``: the declaration is in the head."""


def declared_language(page: str) -> str | None:
    """The page's own language tag, in canonical form, or None when it declares none."""
    parser = _DeclaredLanguage()
    with contextlib.suppress(_HeadRead):
        parser.feed(page)
    for where in ("html", "meta", "og"):
        if where in parser.found:
            value = parser.found[where].strip()
            try:
                return canonical_lang(value)
            except ValueError:
                raise InvalidInput(
                    f"lang: the page declares its language as {value!r}, not a BCP 47 tag; give --lang"
                ) from None
    return None


def read_web_page(file: Path, options: Overrides) -> dict[str, Any]:
    """The fields of a SourceIn from a saved web page; the stored text is the extracted main text."""
    import trafilatura

    raw = read_bytes(file)
    page = trafilatura.utils.decode_file(raw)
    try:
        document = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            # Dates from the page's markup and address only: a date guessed from the running text may be any
            # date the article mentions.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # the parser's own errors on markup it cannot read, whatever their class
        raise InvalidInput(f"file: {file} cannot be read as a web page ({type(error).__name__})") from None
    text = getattr(document, "text", None) or ""
    if len(text.split()) < MIN_WORDS:
        raise InvalidInput(f"file: found no article text in the web page {file}")
    own: dict[str, Any] = {
        "title": getattr(document, "title", None) or None,
        "url": getattr(document, "url", None) or None,
        "publisher": getattr(document, "sitename", None) or None,
        "published": getattr(document, "date", None) or None,
    }
    if options.lang is None:
        own["lang"] = declared_language(page)
        if own["lang"] is None:
            raise InvalidInput(f"lang: the web page {file} declares no language; give --lang (ar, en …)")
    return source_fields(own, text, file.name, options)
