"""Every failure becomes one line: an HTML error page, or ``{"error": …}`` under /api; never a traceback."""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from csto_kb.errors import Conflict, DatabaseError, InvalidInput, KBError, NotFound, ReadOnly, driver_errors
from csto_kb.web.responses import JSON
from csto_kb.web.security import Forbidden

log = logging.getLogger("csto_kb.web")

STATUS: list[tuple[type[KBError], int]] = [
    (NotFound, 404),
    (InvalidInput, 400),
    (ReadOnly, 403),
    (Conflict, 409),
    (DatabaseError, 503),
]


def status_of(error: KBError) -> int:
    return next((status for kind, status in STATUS if isinstance(error, kind)), 400)


def error_response(request: Request, status: int, message: str) -> Response:
    first_line = " ".join(message.split())
    if request.url.path.startswith("/api/"):
        return JSON({"error": first_line}, status_code=status)
    from csto_kb.web.templating import render

    return render(request, "error.html", status_code=status, status=status, message=first_line)


async def on_kb_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, KBError)
    return error_response(request, status_of(error), str(error))


async def on_forbidden(request: Request, error: Exception) -> Response:
    assert isinstance(error, Forbidden)
    return error_response(request, error.status, str(error))


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    messages = {404: "no such page", 405: "this address does not take that method"}
    return error_response(
        request, error.status_code, error.detail or messages.get(error.status_code, "error")
    )


async def on_unexpected(request: Request, error: Exception) -> Response:
    if isinstance(error, driver_errors("DataError")):
        # A value the database cannot hold that the checks at the edge did not foresee: still bad input.
        return error_response(request, 400, "input: the database cannot store or compare a value as given")
    # The details go to the server's log (for whoever runs it); the page says only that it failed.
    log.error("%s %s failed: %s", request.method, request.url.path, type(error).__name__, exc_info=error)
    return error_response(request, 500, "the server could not answer this request; the error is in its log")


HANDLERS = {
    KBError: on_kb_error,
    Forbidden: on_forbidden,
    HTTPException: on_http_error,
    Exception: on_unexpected,
}
