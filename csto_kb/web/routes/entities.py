"""/entities/KEY: names, roles over time, membership episodes as a timeline, statements by and about it."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from csto_kb.services.browse import entity_view
from csto_kb.web.requests import call, json_of, path_text, reader
from csto_kb.web.templating import render


async def page(request: Request) -> Response:
    view = await call(entity_view, reader(request), path_text(request, "key"))
    return render(request, "entity.html", view=view, entity=view.entity)


async def api(request: Request) -> Response:
    return json_of(await call(entity_view, reader(request), path_text(request, "key")))


def routes(*, read_only: bool) -> list[Route]:
    return [Route("/entities/{key}", page), Route("/api/entities/{key}", api)]
