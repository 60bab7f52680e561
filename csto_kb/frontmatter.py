"""YAML front matter of article files (url, publisher, published, lang …) and the body after it.

Every value is read as the text written (`csto_kb.yamlfiles.TextLoader`)."""

from __future__ import annotations

from typing import Any

import yaml

from csto_kb.errors import InvalidInput
from csto_kb.yamlfiles import load_yaml_as_text


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between two ``---`` lines, and the body after it (the text itself when there is none)."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        raise InvalidInput("front matter: opening '---' line has no closing '---' line")
    try:
        meta = load_yaml_as_text(text[4:end]) or {}
    except yaml.YAMLError as error:
        raise InvalidInput(f"front matter: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(meta, dict):
        raise InvalidInput("front matter: expected key: value lines")
    return meta, text[end + len("\n---\n") :]
