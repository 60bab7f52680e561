"""/factsheet/KEY: the HTML fact sheet exporter's document as it is, optionally as of a date (``as_of``) and in
a reading language (``lang``); /api/factsheet/KEY is its JSON twin, with the same parameters."""

from __future__ import annotations

import asyncio
from collections import OrderedDict

from pydantic import Field
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from csto_kb.languages import ENGLISH
from csto_kb.schemas.common import LangCode, Model, PartialDateStr
from csto_kb.schemas.factsheet import FactSheet
from csto_kb.services.browse import latest_change
from csto_kb.services.factsheet import build_factsheet
from csto_kb.web.requests import call, json_of, path_text, query_as, reader
from csto_kb.web.security import FACTSHEET_CSP


class FactSheetQuery(Model):
    as_of: PartialDateStr | None = Field(default=None, description="the sheet as it stood on this date")
    lang: LangCode = Field(
        default=ENGLISH,
        description="the reading language, a BCP 47 tag (en, ar, ru …): names, titles, quotes "
        "and the sheet's own words in it, else in English",
    )


async def sheet(request: Request) -> FactSheet:
    query = query_as(request, FactSheetQuery)
    return await call(
        build_factsheet, reader(request), path_text(request, "key"), query.as_of, lang=query.lang
    )


# Rendered sheets by (alliance, as_of, lang, newest change), touched only on the event loop's thread: the same
# data gives the same document, and any write moves the newest change on, so a cached sheet is never one the
# data has outgrown.
_RENDERED: OrderedDict[tuple[str, str | None, str, int], str] = OrderedDict()
_RENDERED_SIZE = 32
_BUILDING: dict[tuple[str, str | None, str, int], asyncio.Lock] = {}


async def page(request: Request) -> Response:
    from csto_kb.exporters.factsheet_html import render

    query = query_as(request, FactSheetQuery)
    key = (path_text(request, "key"), query.as_of, query.lang, await call(latest_change, reader(request)))
    # One request builds a sheet; the others asking for it meanwhile wait for that one instead of each
    # building it again (a burst of readers after a write would otherwise build it once per reader).
    async with _BUILDING.setdefault(key, asyncio.Lock()):
        html = _RENDERED.get(key)
        if html is None:
            html = render(await sheet(request))
            _RENDERED[key] = html
            while len(_RENDERED) > _RENDERED_SIZE:
                _RENDERED.popitem(last=False)
    _BUILDING.pop(key, None)
    return HTMLResponse(html, headers={"content-security-policy": FACTSHEET_CSP})


async def api(request: Request) -> Response:
    return json_of(await sheet(request))


def routes(*, read_only: bool) -> list[Route]:
    return [Route("/factsheet/{key}", page), Route("/api/factsheet/{key}", api)]
