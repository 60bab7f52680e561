"""One article file, read by what its name says it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from csto_kb.articles.fields import Overrides
from csto_kb.articles.text_files import read_text_file
from csto_kb.articles.web_pages import SUFFIXES as WEB_PAGE_SUFFIXES
from csto_kb.articles.web_pages import read_web_page


def read_article(file: Path, options: Overrides) -> dict[str, Any]:
    """The fields of a SourceIn from a saved web page (``.html``, ``.htm``, ``.xhtml``) or, for any other
    name, a UTF-8 text file with optional front matter."""
    if file.suffix.lower() in WEB_PAGE_SUFFIXES:
        return read_web_page(file, options)
    return read_text_file(file, options)
