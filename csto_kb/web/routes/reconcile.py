"""/api/reconcile: the W3C Reconciliation Service API over entity names and aliases.

Without ``queries`` it returns the service manifest; with ``queries`` (a JSON object, in the query string or
a posted form, as OpenRefine sends it) the candidates for each. It only reads, so a POST needs no CSRF token.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from csto_kb.db.constants import ENTITY_KINDS
from csto_kb.errors import InvalidInput
from csto_kb.schemas.reconcile import ReconcileQueries, ServiceManifest, ServiceView, TypeRef
from csto_kb.schemas.validation import parse
from csto_kb.services.reconcile import reconcile
from csto_kb.web.requests import call, json_of, reader
from csto_kb.web.responses import JSON
from csto_kb.web.security import read_form

MAX_QUERIES_TEXT = 200_000


def manifest(request: Request) -> ServiceManifest:
    base = str(request.base_url)
    return ServiceManifest(
        name="csto-kb entities",
        identifierSpace=f"{base}entities/",
        schemaSpace=f"{base}kinds/",
        defaultTypes=[TypeRef(id=k, name=k) for k in ENTITY_KINDS],
        view=ServiceView(url=f"{base}entities/{{{{id}}}}"),
    )


async def service(request: Request) -> Response:
    text: str | None = request.query_params.get("queries")
    if request.method == "POST":
        posted = [v for k, v in await read_form(request, max_fields=10) if k == "queries"]
        text = posted[0] if posted else text
    if text is None:
        return json_of(manifest(request))
    if "\x00" in text or "\\u0000" in text:
        raise InvalidInput("queries: contains a NUL character")
    if len(text) > MAX_QUERIES_TEXT:
        raise InvalidInput(f"queries: at most {MAX_QUERIES_TEXT:,} characters")
    try:
        raw = json.loads(text)
    except ValueError:
        raise InvalidInput('queries: not JSON (expected an object such as {"q0": {"query": "…"}})') from None
    queries = parse(ReconcileQueries, raw, where="queries.").root
    results = await call(reconcile, reader(request), queries)
    return JSON({k: v.model_dump(mode="json") for k, v in results.items()})


def routes(*, read_only: bool) -> list[Route]:
    return [Route("/api/reconcile", service, methods=["GET", "POST"])]
