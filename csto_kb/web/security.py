"""Who may use the application and how a write proves it came from its own page.

- CSRF: each browser gets a random cookie; every form carries HMAC(secret, cookie) and a POST without the
  right one is refused (403). The cookie is SameSite=Strict and HttpOnly, so another site can neither send
  nor read it.
- Access token: when one is set, every request needs it, as ``Authorization: Bearer TOKEN`` or as the cookie
  the login form sets (which holds a keyed hash of it, never the token). Comparisons use
  `hmac.compare_digest`.
- Host header: on a loopback address without a token, only local names are accepted, so a page on another
  site whose name resolves to 127.0.0.1 cannot read the answers.
- Every response carries a strict Content-Security-Policy: scripts and styles from this server only.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.requests import HTTPConnection, Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from csto_kb.errors import InvalidInput
from csto_kb.web.config import WebConfig
from csto_kb.web.responses import JSON

CSRF_COOKIE = "csto_kb_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
ACCESS_COOKIE = "csto_kb_access"
MAX_FORM_BYTES = 1_000_000
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The fact sheet is one self-contained document with its styles inline and no script.
FACTSHEET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
OPEN_PATHS = ("/static/", "/login")


class Forbidden(Exception):
    """A write without a valid CSRF token, or a request without the access token."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


def _digest(secret: bytes, value: str, purpose: str) -> str:
    return hmac.new(secret, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def browser_id(connection: HTTPConnection) -> str:
    """The CSRF cookie of this browser, or the one about to be set on the response."""
    state = connection.scope.setdefault("state", {})
    if "csrf_cookie" not in state:
        given = connection.cookies.get(CSRF_COOKIE, "")
        valid = 20 <= len(given) <= 100 and given.replace("-", "").replace("_", "").isalnum()
        state["csrf_cookie"] = given if valid else secrets.token_urlsafe(32)
        state["csrf_cookie_new"] = not valid
    return str(state["csrf_cookie"])


def csrf_token(connection: HTTPConnection, config: WebConfig) -> str:
    """The token every form of this page carries."""
    return _digest(config.secret, browser_id(connection), "csrf")


def check_csrf(request: Request, config: WebConfig, given: str | None) -> None:
    """Refuse (403) a write whose token is missing or is not this browser's."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not given:
        raise Forbidden("csrf_token: missing; reload the page and try again")
    expected = _digest(config.secret, cookie, "csrf")
    if not hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace")):
        raise Forbidden("csrf_token: not valid for this browser; reload the page and try again")


async def read_form(request: Request, *, max_fields: int = 50) -> list[tuple[str, str]]:
    """The fields of a posted URL-encoded form, in order; a body too long or of another type is refused.

    Every form of the application is URL-encoded (none uploads a file), so the standard library reads it.
    """
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_FORM_BYTES):
        raise Forbidden(f"body: at most {MAX_FORM_BYTES:,} bytes", status=413)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise InvalidInput(
            f"body: expected a form (application/x-www-form-urlencoded), got {kind[:80] or 'none'}"
        )
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise Forbidden(f"body: at most {MAX_FORM_BYTES:,} bytes", status=413)
    try:
        return parse_qsl(
            body.decode("utf-8"), keep_blank_values=True, max_num_fields=max_fields, errors="strict"
        )
    except UnicodeDecodeError:
        raise InvalidInput("body: not UTF-8 text") from None
    except ValueError:
        raise InvalidInput(f"body: at most {max_fields} fields") from None


async def checked_form(request: Request, config: WebConfig) -> list[tuple[str, str]]:
    """The posted form's fields, once its CSRF token is checked."""
    fields = await read_form(request)
    tokens = [v for k, v in fields if k == CSRF_FIELD]
    check_csrf(request, config, tokens[0] if len(tokens) == 1 else request.headers.get(CSRF_HEADER))
    return fields


def access_cookie_value(config: WebConfig) -> str:
    assert config.token is not None
    return _digest(config.secret, config.token, "access")


def has_access(connection: HTTPConnection, config: WebConfig) -> bool:
    """Whether the request carries the access token (always true when none is set)."""
    if config.token is None:
        return True
    header = connection.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        given = header[7:].strip().encode("utf-8", "replace")
        return hmac.compare_digest(given, config.token.encode())
    cookie = connection.cookies.get(ACCESS_COOKIE, "")
    return hmac.compare_digest(cookie.encode("utf-8", "replace"), access_cookie_value(config).encode())


def token_matches(config: WebConfig, given: str) -> bool:
    return config.token is not None and hmac.compare_digest(
        given.encode("utf-8", "replace"), config.token.encode()
    )


class SecurityMiddleware:
    """Host check, access token and response headers, in front of every route."""

    def __init__(self, app: ASGIApp, config: WebConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        path = connection.url.path
        refusal = self._refusal(connection, path)
        if refusal is not None:
            await self._send_with_headers(refusal, scope, receive, send, connection)
            return
        await self._send_with_headers(self.app, scope, receive, send, connection)

    def _refusal(self, connection: HTTPConnection, path: str) -> Response | None:
        hosts = self.config.allowed_hosts
        if hosts is not None and host_name(connection.headers.get("host", "")) not in hosts:
            return _refuse(path, 400, "host: this server answers only to local addresses")
        if path.startswith(OPEN_PATHS) or has_access(connection, self.config):
            return None
        if path.startswith("/api/"):
            return _refuse(path, 401, "token: give the access token (Authorization: Bearer …)")
        return RedirectResponse(f"/login?next={quote(path, safe='/')}", status_code=303)

    async def _send_with_headers(
        self, app: ASGIApp, scope: Scope, receive: Receive, send: Send, connection: HTTPConnection
    ) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cache-control", b"no-store"),
                ]
                state = scope.get("state", {})
                if state.get("csrf_cookie_new"):
                    cookie = f"{CSRF_COOKIE}={state['csrf_cookie']}; Path=/; HttpOnly; SameSite=Strict"
                    headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        await app(scope, receive, with_headers)


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``127.0.0.1:8000`` → ``127.0.0.1``, ``[::1]:80`` → ``[::1]``."""
    if header.startswith("["):
        return header.split("]", 1)[0] + "]"
    return header.rsplit(":", 1)[0]


def _refuse(path: str, status: int, message: str) -> Response:
    if path.startswith("/api/"):
        return JSON({"error": message}, status_code=status)
    from html import escape

    return Response(
        f"<!DOCTYPE html><title>Error {status}</title><h1>Error {status}</h1><p>{escape(message)}</p>",
        status_code=status,
        media_type="text/html",
    )
