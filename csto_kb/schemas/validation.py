"""Turning pydantic validation errors into one-line InvalidInput errors that name the field."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from csto_kb.errors import InvalidInput

M = TypeVar("M", bound=BaseModel)


def field_path(loc: tuple[int | str, ...]) -> str:
    """``('statements', 3, 'said_on')`` → ``statements[3].said_on``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "input"


def describe(error: ValidationError, *, where: str = "") -> str:
    """The first problem as ``field: message``; an unknown field (a typo) is named before what it left missing."""
    errors = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    if first["type"] == "extra_forbidden":
        message = "unknown field (check its spelling)"
    else:
        message = first["msg"].removeprefix("Value error, ")
    more = len(errors) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    if not first["loc"]:  # a rule across fields: its message names them
        return f"{where}{message}{suffix}"
    return f"{where}{field_path(tuple(first['loc']))}: {message}{suffix}"


def parse(model: type[M], data: Any, *, where: str = "") -> M:
    """Validate ``data`` as ``model``, raising InvalidInput with the first failing field named."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(describe(error, where=where)) from None
