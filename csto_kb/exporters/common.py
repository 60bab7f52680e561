"""Small helpers shared by the renderers: citations, names in both scripts, JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from pydantic import BaseModel

# md_escape and span_text live with the row renderers; imported from here too by the fact-sheet renderers.
from csto_kb.exporters.rows import md_escape as md_escape
from csto_kb.exporters.rows import names
from csto_kb.exporters.rows import span_text as span_text
from csto_kb.schemas.statements import EntityRef

# Hebrew, Arabic, Syriac, Thaana, NKo … and the Arabic presentation forms.
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def isolate(text: str) -> str:
    """Plain text holding right-to-left script between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
    (U+2068, U+2069), so that it cannot reorder the Latin text and numbers beside it."""
    return f"\u2068{text}\u2069" if RIGHT_TO_LEFT.search(text) else text


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
