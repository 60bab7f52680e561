"""The Jinja2 environment: templates shipped in the package, every value escaped, helpers for direction."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from csto_kb.labels import said_on_label
from csto_kb.web.config import WebConfig
from csto_kb.web.highlight import highlighted
from csto_kb.web.security import csrf_token
from csto_kb.web.timeline import timeline

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})


def text_dir(lang: str | None) -> str:
    """``rtl`` for a right-to-left language, else ``auto`` (the browser looks at the first strong letter)."""
    if lang and lang.split("-")[0].lower() in RTL_LANGUAGES:
        return "rtl"
    return "auto"


def query(params: dict[str, str]) -> str:
    return urlencode(params)


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("csto_kb.web", "templates"),
        autoescape=True,  # every template, whatever its name: user text never becomes markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(text_dir=text_dir, said_on_label=said_on_label, highlighted=highlighted)
    environment.globals.update(timeline=timeline)
    environment.filters["query"] = query
    return environment


ENVIRONMENT = _environment()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The page ``template`` with ``context``, plus what every page needs (the CSRF token, the mode)."""
    config: WebConfig = request.app.state.config
    page = ENVIRONMENT.get_template(template).render(
        request=request,
        path=request.url.path,
        read_only=config.read_only,
        csrf_token=csrf_token(request, config),
        **context,
    )
    return HTMLResponse(page, status_code=status_code)
