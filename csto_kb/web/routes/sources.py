"""/sources/ID: a source's metadata and stored text, every span that supports a claim marked and linked."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from csto_kb.services.browse import source_view
from csto_kb.web.requests import call, json_of, path_id, reader
from csto_kb.web.templating import render


async def page(request: Request) -> Response:
    view = await call(source_view, reader(request), path_id(request))
    return render(request, "source.html", view=view, source=view.source)


async def api(request: Request) -> Response:
    return json_of(await call(source_view, reader(request), path_id(request)))


def routes(*, read_only: bool) -> list[Route]:
    return [Route("/sources/{id}", page), Route("/api/sources/{id}", api)]
