"""JSON answers that are safe even where a careless client renders them as HTML."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse


class JSON(JSONResponse):
    """JSON with ``<``, ``>`` and ``&`` written as escapes: the same data, but no markup in the bytes."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode("utf-8")
