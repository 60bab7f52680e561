"""/review: the extractor's candidates, least confident first; accept, reject with a reason, or correct one.

Every decision goes through `csto_kb.services.review` in its own unit of work, recorded in the change log
under the reviewer's name. Forms answer htmx with the candidate's card, and a plain browser with a redirect
back to the queue.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from pydantic import Field
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from csto_kb.errors import Conflict, InvalidInput, KBError, NotFound
from csto_kb.schemas.browse import ReviewDecision, ReviewEdit
from csto_kb.schemas.common import Model
from csto_kb.schemas.validation import parse
from csto_kb.services import review
from csto_kb.services.browse import review_item, review_queue
from csto_kb.web.errors import status_of
from csto_kb.web.requests import (
    MAX_ID,
    call,
    config_of,
    form_fields,
    json_of,
    path_id,
    query_as,
    reader,
    refuse_nul,
    remembered_reviewer,
    reviewer,
    writer,
)
from csto_kb.web.security import CSRF_HEADER, check_csrf, checked_form
from csto_kb.web.templating import render

REVIEWER_COOKIE = "csto_kb_reviewer"
ACTIONS = ("accept", "reject", "edit")
# The statement rules' refusal of a statement that may be a stored one names it; the card offers both ways on.
POSSIBLE_DUPLICATE = re.compile(r"possible duplicate of #(\d+)")


class QueueQuery(Model):
    source: int | None = Field(default=None, gt=0, le=MAX_ID)
    limit: int = Field(default=50, ge=1, le=500)


async def page(request: Request) -> Response:
    query = query_as(request, QueueQuery)
    queue = await call(review_queue, reader(request), limit=query.limit, source=query.source)
    name = remembered_reviewer(request) or config_of(request).reviewer
    return render(request, "review.html", queue=queue, reviewer=name)


async def api_queue(request: Request) -> Response:
    query = query_as(request, QueueQuery)
    return json_of(await call(review_queue, reader(request), limit=query.limit, source=query.source))


async def api_item(request: Request) -> Response:
    return json_of(await call(review_item, reader(request), path_id(request)))


def _about(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [name.strip() for name in value.split(",") if name.strip()]


async def _decide(request: Request, action: str, fields: dict[str, Any]) -> Any:
    """Carry out one decision on the candidate in the path; what the service returns."""
    candidate_id = path_id(request)
    by = reviewer(request, fields)
    if action == "accept":
        choice = parse(ReviewDecision, fields)
        return await call(
            review.accept,
            writer(request, by),
            [candidate_id],
            same_as=choice.same_as,
            distinct=choice.distinct,
        )
    if action == "reject":
        decision = parse(ReviewDecision, fields)
        if decision.reason is None:
            raise InvalidInput("reason: say why the candidate is rejected")
        return await call(
            review.reject, writer(request, by, decision.reason), [candidate_id], decision.reason
        )
    edit = parse(ReviewEdit, fields)
    changes = edit.changes()
    if not changes:
        raise InvalidInput("edit: give at least one field to change")
    return await call(review.edit, writer(request, by, "corrected in review"), candidate_id, changes)


def _action(request: Request) -> str:
    action = str(request.path_params["action"])
    if action not in ACTIONS:
        raise NotFound(f"action: expected accept, reject or edit, got {action[:40]!r}")
    return action


async def decide_from_form(request: Request) -> Response:
    action = _action(request)
    form = await checked_form(request, config_of(request))
    fields: dict[str, Any] = form_fields(form)
    if action == "edit" and "about" in fields:
        fields["about"] = _about(fields["about"])
    candidate_id = path_id(request)
    problem = None
    duplicate_of = None
    status = 200
    try:
        await _decide(request, action, fields)
    except KBError as error:
        problem, status = str(error), status_of(error)
        if isinstance(error, Conflict) and (found := POSSIBLE_DUPLICATE.search(problem)):
            duplicate_of = int(found[1])
    if request.headers.get("hx-request") != "true":
        if problem is not None:
            return render(request, "error.html", status_code=status, status=status, message=problem)
        return RedirectResponse(f"/review#c-{candidate_id}", status_code=303)
    item = await call(review_item, reader(request), candidate_id)
    return render(
        request, "_candidate.html", status_code=status, item=item, problem=problem, duplicate_of=duplicate_of
    )


async def decide_from_json(request: Request) -> Response:
    action = _action(request)
    check_csrf(request, config_of(request), request.headers.get(CSRF_HEADER))
    raw = await request.body()
    try:
        fields = json.loads(raw or b"{}")
    except ValueError:
        raise InvalidInput("body: not JSON") from None
    if not isinstance(fields, dict):
        raise InvalidInput("body: expected a JSON object")
    for name, value in fields.items():
        refuse_nul(str(name), value)
    outcome = await _decide(request, action, fields)
    return json_of(outcome)


async def set_reviewer(request: Request) -> Response:
    form = await checked_form(request, config_of(request))
    fields = form_fields(form)
    name = reviewer(request, {"by": fields.get("by", "")} if fields.get("by") else {})
    response = RedirectResponse("/review", status_code=303)
    response.set_cookie(REVIEWER_COOKIE, quote(name), httponly=True, samesite="strict")
    return response


def routes(*, read_only: bool) -> list[Route]:
    found = [
        Route("/review", page),
        Route("/api/review", api_queue),
        Route("/api/review/{id}", api_item),
    ]
    if not read_only:
        found += [
            Route("/review/reviewer", set_reviewer, methods=["POST"]),
            Route("/review/{id}/{action:str}", decide_from_form, methods=["POST"]),
            Route("/api/review/{id}/{action:str}", decide_from_json, methods=["POST"]),
        ]
    return found
