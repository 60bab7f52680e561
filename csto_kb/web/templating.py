"""The Jinja2 environment: templates shipped in the package, every value escaped, helpers for direction."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from csto_kb.labels import said_on_label
from csto_kb.languages import ENGLISH, LangText, is_right_to_left, read_rows
from csto_kb.web.config import WebConfig
from csto_kb.web.highlight import highlighted
from csto_kb.web.security import csrf_token
from csto_kb.web.timeline import timeline


def text_dir(lang: str | None) -> str:
    """``rtl`` for a right-to-left language, else ``auto`` (the browser looks at the first strong letter)."""
    if lang and is_right_to_left(lang):
        return "rtl"
    return "auto"


def titles_in_reading_order(rows: list[Any]) -> list[LangText]:
    """A role's or an event's titles: the one an English reader sees first (the one rule,
    `csto_kb.languages.read`), then the others in the order they were recorded."""
    reading = read_rows(rows, ENGLISH)
    if reading is None:
        return []
    rest = [LangText(r.lang, r.text, r.is_original) for r in rows if r.lang != reading.shown.lang]
    return [reading.shown, *rest]


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
    environment.globals.update(
        text_dir=text_dir,
        titles_in_reading_order=titles_in_reading_order,
        said_on_label=said_on_label,
        highlighted=highlighted,
    )
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
