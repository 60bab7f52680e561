"""The serve command: the knowledge base as a local web application (pages and their JSON twins)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from csto_kb.errors import InvalidInput

TOKEN_VARIABLE = "CSTO_KB_TOKEN"
MIN_TOKEN_LENGTH = 16
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def read_token(token_file: Path | None) -> str | None:
    """The access token from ``--token-file`` or the environment; too short a token is refused."""
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidInput(f"token_file: cannot read {token_file}: {type(error).__name__}") from None
        source = "token_file"
    else:
        token = os.environ.get(TOKEN_VARIABLE, "").strip()
        source = TOKEN_VARIABLE
        if not token:
            return None
    if len(token) < MIN_TOKEN_LENGTH or any(c.isspace() for c in token):
        raise InvalidInput(
            f"{source}: the access token must be at least {MIN_TOKEN_LENGTH} characters without spaces "
            "(for example: python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
        )
    return token


def serve(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Anything but a loopback address (127.0.0.1, ::1, localhost) needs "
            f"an access token ({TOKEN_VARIABLE} or --token-file)."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    read_only: Annotated[
        bool,
        typer.Option(
            "--read-only", help="Serve the pages only: the database opens read-only, no write route."
        ),
    ] = False,
    token_file: Annotated[
        Path | None,
        typer.Option(
            help=f"A file holding the access token (instead of {TOKEN_VARIABLE}); every request must then "
            "carry it. The token is never printed or logged.",
            dir_okay=False,
        ),
    ] = None,
    reviewer: Annotated[
        str | None,
        typer.Option(help="Who review decisions are recorded as, unless the page names another reviewer."),
    ] = None,
) -> None:
    """Serve the knowledge base as a local web application: search with facets, statements, sources,
    entities, the review queue and fact sheets, each page with a JSON twin under /api, and a
    reconciliation service for OpenRefine at /api/reconcile."""
    from csto_kb.db.unit_of_work import current_user
    from csto_kb.web.config import WebConfig, is_loopback

    token = read_token(token_file)
    if not is_loopback(host) and token is None:
        raise InvalidInput(
            f"host: {host} is reachable from other machines; set {TOKEN_VARIABLE} or --token-file to serve "
            "on it (the default, 127.0.0.1, is reachable from this machine only)"
        )
    read_only = read_only or ctx.obj.read_only
    try:
        from csto_kb.web.app import create_app
    except ModuleNotFoundError as missing:
        from csto_kb.errors import KBError

        raise KBError(
            f"serve needs the web extra ({missing.name} is not installed): pip install 'csto-kb[web]'"
        ) from None
    from csto_kb.services.bootstrap import open_knowledge_base

    engine = open_knowledge_base(ctx.obj.url, read_only=read_only)
    # Without a token, only local names are accepted in the Host header: a page elsewhere whose name
    # resolves to 127.0.0.1 cannot use the server.
    allowed = None if token is not None else (*LOCAL_HOSTS, host)
    config = WebConfig(
        url=ctx.obj.url,
        read_only=read_only,
        reviewer=reviewer or current_user(),
        token=token,
        allowed_hosts=allowed,
    )
    app = create_app(config, engine)
    import uvicorn

    shown = f"[{host}]" if ":" in host else host
    mode = ", read-only" if read_only else ""
    guarded = ", access token required" if token else ""
    typer.echo(f"csto-kb serving http://{shown}:{port}/search{mode}{guarded} (Ctrl+C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, access_log=False)


def register(app: typer.Typer, name: str) -> None:
    """Add the command called ``name`` to ``app``."""
    app.command(name)(serve)
