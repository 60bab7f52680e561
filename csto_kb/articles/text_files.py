"""Articles as UTF-8 text files, optionally with YAML front matter (url, publisher, published, lang …)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from csto_kb.articles.fields import Overrides, source_fields
from csto_kb.errors import InvalidInput
from csto_kb.frontmatter import split_front_matter


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text without a byte-order mark; the one-line error names the file and the first bad byte."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"file: {name} is not UTF-8 text (bad byte at offset {error.start})") from None


def read_bytes(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as error:
        raise InvalidInput(f"file: cannot read {file} ({error.strerror})") from None


def read_text_file(file: Path, options: Overrides) -> dict[str, Any]:
    """The fields of a SourceIn from a text file: the body after the front matter is kept byte for byte,
    so that spans and the text's SHA-256 refer to what the file holds."""
    meta, body = split_front_matter(decode(read_bytes(file), str(file)))
    if not body.strip():
        raise InvalidInput(f"file: {file} has no text after its front matter")
    return source_fields(meta, body, file.name, options)
