"""Small helpers shared by the renderers: citations, names in both scripts, JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import BaseModel

# md_escape and span_text live with the row renderers; imported from here too by the fact-sheet renderers.
from csto_kb.exporters.rows import md_escape as md_escape
from csto_kb.exporters.rows import names
from csto_kb.exporters.rows import span_text as span_text
from csto_kb.schemas.statements import EntityRef


def both_names(entity: EntityRef) -> str:
    """``English (العربية)``, or whichever of the two the entity has."""
    return names(entity.name_en, entity.name_ar, entity.key)


def to_json(data: BaseModel | Sequence[BaseModel]) -> str:
    """Pretty JSON that keeps Arabic readable (no \\u escapes)."""
    if isinstance(data, BaseModel):
        payload: object = data.model_dump(mode="json")
    else:
        payload = [item.model_dump(mode="json") for item in data]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
