"""/api/openapi.json: the JSON twins described as OpenAPI 3.1, their schemas generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from csto_kb import __version__
from csto_kb.schemas.browse import (
    EntityView,
    ReviewDecision,
    ReviewEdit,
    ReviewItem,
    ReviewQueue,
    SearchResult,
    SourceView,
    StatementView,
)
from csto_kb.schemas.factsheet import FactSheet
from csto_kb.schemas.reconcile import ReconcileResult, ServiceManifest
from csto_kb.schemas.review import CandidateOut, ReviewOutcome
from csto_kb.web.requests import config_of
from csto_kb.web.responses import JSON

MODELS: list[type[BaseModel]] = [
    SearchResult,
    StatementView,
    SourceView,
    EntityView,
    ReviewQueue,
    ReviewItem,
    ReviewDecision,
    ReviewEdit,
    ReviewOutcome,
    CandidateOut,
    FactSheet,
    ServiceManifest,
    ReconcileResult,
]
SEARCH_PARAMETERS = [
    ("speaker", "a name or alias of the speaker, in any script, or an entity key"),
    ("about", "an entity the statement is about (or a part of it)"),
    ("org", "statements by an organisation, its parts and the holders of its roles"),
    ("from", "a partial date: YYYY, YYYY-MM or YYYY-MM-DD"),
    ("to", "a partial date: YYYY, YYYY-MM or YYYY-MM-DD"),
    ("contains", "words the quote contains (normalised: diacritics, alef forms, case)"),
    ("mode", "direct or reported"),
    ("source", "a source id"),
    ("include_retracted", "true to include retracted statements"),
    ("after", "the next_after of the previous page"),
    ("limit", "statements per page, 1–500 (default 50)"),
]


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _get(
    summary: str, model: type[BaseModel], parameters: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": parameters or [],
            "responses": {
                "200": {"description": summary, "content": {"application/json": {"schema": _ref(model)}}},
                "400": {"description": 'bad input: {"error": "field: problem"}'},
                "404": {"description": "no such record"},
            },
        }
    }


def _in_path(name: str, kind: str = "integer") -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": kind}}


def _in_query(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string"},
    }


def document(*, read_only: bool) -> dict[str, Any]:
    _, definitions = models_json_schema(
        [(m, "serialization") for m in MODELS], ref_template="#/components/schemas/{model}"
    )
    paths: dict[str, Any] = {
        "/api/search": _get(
            "statements matching who-said filters, a page at a time, with facet counts",
            SearchResult,
            [_in_query(n, d) for n, d in SEARCH_PARAMETERS],
        ),
        "/api/statements/{id}": _get(
            "a statement, its history, and each source's text around its span",
            StatementView,
            [_in_path("id")],
        ),
        "/api/sources/{id}": _get(
            "a source, its text, and every span supporting a claim", SourceView, [_in_path("id")]
        ),
        "/api/entities/{key}": _get(
            "an entity's names, roles, membership episodes and statements",
            EntityView,
            [_in_path("key", "string")],
        ),
        "/api/review": _get("pending candidates, least confident first", ReviewQueue),
        "/api/review/{id}": _get("one candidate in its sentence", ReviewItem, [_in_path("id")]),
        "/api/factsheet/{key}": _get(
            "the fact sheet of an alliance",
            FactSheet,
            [
                _in_path("key", "string"),
                _in_query("as_of", "a partial date"),
                _in_query("lang", "the reading language, a BCP 47 tag (en, ar, ru …)"),
            ],
        ),
        "/api/reconcile": {
            **_get("the reconciliation service manifest, or with queries= the candidates", ServiceManifest),
            "post": {
                "summary": "candidates for a batch of names (form field queries, a JSON object)",
                "responses": {"200": {"description": "{query id: {result: [candidate]}}"}},
            },
        },
    }
    if not read_only:
        for action, body in (("accept", ReviewDecision), ("reject", ReviewDecision), ("edit", ReviewEdit)):
            paths[f"/api/review/{{id}}/{action}"] = {
                "post": {
                    "summary": f"{action} a candidate (header X-CSRF-Token required)",
                    "parameters": [_in_path("id")],
                    "requestBody": {"content": {"application/json": {"schema": _ref(body)}}},
                    "responses": {
                        "200": {"description": "what the decision did"},
                        "403": {"description": "no valid CSRF token"},
                        "409": {"description": "the candidate was already decided, or a possible duplicate"},
                    },
                }
            }
    return {
        "openapi": "3.1.0",
        "info": {"title": "csto-kb", "version": __version__},
        "paths": paths,
        "components": {"schemas": definitions["$defs"]},
    }


async def openapi(request: Request) -> Response:
    return JSON(document(read_only=config_of(request).read_only))


def routes(*, read_only: bool) -> list[Route]:
    return [Route("/api/openapi.json", openapi)]
