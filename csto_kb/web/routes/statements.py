"""/statements/ID: one statement, who said it in which role, when, its history, every source's words."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from csto_kb.services.browse import statement_view
from csto_kb.web.requests import call, json_of, path_id, reader
from csto_kb.web.templating import render


async def page(request: Request) -> Response:
    view = await call(statement_view, reader(request), path_id(request))
    return render(request, "statement.html", view=view, s=view.statement)


async def api(request: Request) -> Response:
    return json_of(await call(statement_view, reader(request), path_id(request)))


def routes(*, read_only: bool) -> list[Route]:
    return [Route("/statements/{id}", page), Route("/api/statements/{id}", api)]
