"""/search: who said what, filtered as who-said is, with facets and pages."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from csto_kb.errors import KBError
from csto_kb.schemas.browse import SearchQuery, SearchResult
from csto_kb.services.search import search_statements
from csto_kb.web.errors import status_of
from csto_kb.web.requests import call, json_of, query_as, reader
from csto_kb.web.templating import render


async def search_result(request: Request) -> tuple[SearchQuery, SearchResult]:
    query = query_as(request, SearchQuery)
    return query, await call(search_statements, reader(request), query)


async def page(request: Request) -> Response:
    try:
        query, result = await search_result(request)
    except KBError as error:
        # The form stays, filled as it was, with the problem above it.
        fields = {k: v for k, v in request.query_params.items() if v}
        return render(
            request,
            "search.html",
            status_code=status_of(error),
            query=None,
            fields=fields,
            result=None,
            problem=str(error),
        )
    fields = query.params()
    template = "_results.html" if request.headers.get("hx-request") == "true" else "search.html"
    return render(request, template, query=query, fields=fields, result=result, problem=None)


async def api(request: Request) -> Response:
    _, result = await search_result(request)
    return json_of(result)


def routes(*, read_only: bool) -> list[Route]:
    return [Route("/search", page), Route("/api/search", api)]
