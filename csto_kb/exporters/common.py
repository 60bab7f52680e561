"""Small helpers shared by the renderers: citations, names in both scripts, JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import BaseModel

from csto_kb.schemas.statements import EntityRef


def both_names(entity: EntityRef) -> str:
    """``English (العربية)``, or whichever of the two the entity has."""
    if entity.name_en and entity.name_ar:
        return f"{entity.name_en} ({entity.name_ar})"
    return entity.name_en or entity.name_ar or entity.key


def span_text(start: int | None, end: int | None) -> str:
    return f"chars {start}–{end}" if start is not None else "no span"


def to_json(data: BaseModel | Sequence[BaseModel]) -> str:
    """Pretty JSON that keeps Arabic readable (no \\u escapes)."""
    if isinstance(data, BaseModel):
        payload: object = data.model_dump(mode="json")
    else:
        payload = [item.model_dump(mode="json") for item in data]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def md_escape(text: str) -> str:
    """Escape what Markdown or embedded HTML would otherwise interpret in user text."""
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("|", "\\|")
        .replace("\n", " ")
    )
