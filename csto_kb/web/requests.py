"""What every route shares: the configuration, units of work on the one engine, input read through pydantic,
and services run off the event loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput, NotFound
from csto_kb.limits import text_problem
from csto_kb.schemas.validation import parse
from csto_kb.web.config import WebConfig
from csto_kb.web.responses import JSON

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
MAX_ID = 2**63 - 1


def config_of(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.config
    return config


def reader(request: Request) -> UnitOfWork:
    """A unit of work that only reads: it neither waits for nor holds the write lock."""
    return UnitOfWork(request.app.state.engine, read_only=True)


def writer(request: Request, by: str, reason: str | None = None) -> UnitOfWork:
    """A unit of work for one decision, recorded in the change log under ``by``."""
    return UnitOfWork(request.app.state.engine, by=by, reason=reason)


async def call(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a service (blocking database work) in the thread pool."""
    return await run_in_threadpool(function, *args, **kwargs)


def refuse_nul(name: str, value: object) -> None:
    """No text may hold a NUL character: PostgreSQL cannot store one, and no name or quote has one."""
    values = value if isinstance(value, list) else [value]
    if any(isinstance(v, str) and "\x00" in v for v in values):
        raise InvalidInput(f"{name[:40]}: contains a NUL character")


def given(items: list[tuple[str, str]]) -> dict[str, str]:
    """Query or form fields as one value each; an empty field (a form's blank box) counts as not given."""
    out: dict[str, str] = {}
    for name, value in items:
        refuse_nul(name, name)
        refuse_nul(name, value)
        if name in out:
            raise InvalidInput(f"{name[:40]}: give it once")
        if value != "":
            out[name] = value
    return out


def query_as(request: Request, model: type[M], *, ignore: tuple[str, ...] = ()) -> M:
    """The query string validated as ``model`` (unknown parameters are refused, naming them)."""
    fields = given([(k, v) for k, v in request.query_params.multi_items() if k not in ignore])
    return parse(model, fields)


def form_fields(form: list[tuple[str, str]], *, ignore: tuple[str, ...] = ("csrf_token",)) -> dict[str, str]:
    return given([(k, v) for k, v in form if k not in ignore])


def path_id(request: Request, name: str = "id") -> int:
    """A record id from the path: a whole number from 1 to 2^63−1, or 404."""
    raw = str(request.path_params[name])
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_ID:
        raise NotFound(f"{name}: no record has id {raw[:40]!r}")
    return int(raw)


def path_text(request: Request, name: str) -> str:
    raw = str(request.path_params[name])
    refuse_nul(name, raw)
    problem = text_problem(name, raw, limit=300)
    if problem:
        raise InvalidInput(problem)
    return raw


def json_of(model: BaseModel | list[BaseModel], status_code: int = 200) -> JSON:
    if isinstance(model, list):
        return JSON([m.model_dump(mode="json") for m in model], status_code=status_code)
    return JSON(model.model_dump(mode="json"), status_code=status_code)


def remembered_reviewer(request: Request) -> str | None:
    """The reviewer's name the review page remembers in a cookie (URL-quoted: it may be in any script)."""
    from urllib.parse import unquote

    value = request.cookies.get("csto_kb_reviewer")
    return unquote(value) if value else None


def reviewer(request: Request, fields: dict[str, Any]) -> str:
    """Who decides: the form's ``by``, else the name the review page remembers, else the server's."""
    name = str(fields.pop("by", None) or remembered_reviewer(request) or config_of(request).reviewer)
    problem = text_problem("by", name)
    if problem or not name.strip():
        raise InvalidInput(problem or "by: give the reviewer's name")
    return name.strip()
