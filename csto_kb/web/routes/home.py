"""/: where to start; /login: the access token, when the server has one; /api/csrf: a token for API writes."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from csto_kb.web.requests import config_of, form_fields
from csto_kb.web.responses import JSON
from csto_kb.web.security import ACCESS_COOKIE, access_cookie_value, checked_form, csrf_token, token_matches
from csto_kb.web.templating import render


async def home(request: Request) -> Response:
    return RedirectResponse("/search", status_code=303)


def _local_path(value: str | None) -> str:
    """Only a path on this server: a login never sends the browser elsewhere."""
    if not value or not value.startswith("/") or value.startswith("//") or urlsplit(value).netloc:
        return "/search"
    return value[:2000]


async def login_page(request: Request) -> Response:
    next_path = _local_path(request.query_params.get("next"))
    return render(request, "login.html", next_path=next_path, problem=None)


async def login(request: Request) -> Response:
    config = config_of(request)
    fields = form_fields(await checked_form(request, config))
    next_path = _local_path(fields.get("next"))
    if config.token is None:
        return RedirectResponse(next_path, status_code=303)
    if not token_matches(config, fields.get("token", "")):
        return render(
            request, "login.html", status_code=403, next_path=next_path, problem="token: not the right one"
        )
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(ACCESS_COOKIE, access_cookie_value(config), httponly=True, samesite="strict")
    return response


async def favicon(request: Request) -> Response:
    # Browsers ask for it on every page, the fact sheet's included; there is none, and that is no error.
    return Response(status_code=204)


async def api_csrf(request: Request) -> Response:
    return JSON({"csrf_token": csrf_token(request, config_of(request))})


def routes(*, read_only: bool) -> list[Route]:
    return [
        Route("/", home),
        Route("/login", login_page),
        Route("/login", login, methods=["POST"]),
        Route("/api/csrf", api_csrf),
        Route("/favicon.ico", favicon),
    ]
