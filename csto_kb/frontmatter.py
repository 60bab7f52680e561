"""YAML front matter of article files (url, publisher, published, lang …) and the body after it."""

from __future__ import annotations

from typing import Any

import yaml

from csto_kb.errors import InvalidInput


class _TextDates(yaml.SafeLoader):
    """A YAML loader that keeps dates as text, so a bad date is reported by the field that holds it."""


_TextDates.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between two ``---`` lines, and the body after it (the text itself when there is none)."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        raise InvalidInput("front matter: opening '---' line has no closing '---' line")
    try:
        meta = yaml.load(text[4:end], Loader=_TextDates) or {}  # _TextDates is a SafeLoader
    except yaml.YAMLError as error:
        raise InvalidInput(f"front matter: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(meta, dict):
        raise InvalidInput("front matter: expected key: value lines")
    return meta, text[end + len("\n---\n") :]
