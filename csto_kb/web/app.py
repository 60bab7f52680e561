"""The application factory: one engine, the routes of every page and its JSON twin, security in front."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from csto_kb.web.config import WebConfig
from csto_kb.web.errors import HANDLERS
from csto_kb.web.security import SecurityMiddleware

PAGES = ("home", "search", "statements", "sources", "entities", "review", "factsheet", "reconcile", "openapi")


def routes(*, read_only: bool) -> list[BaseRoute]:
    found: list[BaseRoute] = []
    for name in PAGES:
        found += import_module(f"csto_kb.web.routes.{name}").routes(read_only=read_only)
    found.append(Mount("/static", app=StaticFiles(packages=[("csto_kb.web", "static")]), name="static"))
    return found


def create_app(config: WebConfig, engine: Engine | None = None) -> Starlette:
    """The web application over the knowledge base at ``config.url`` (or over ``engine`` when given).

    Read-only, the database is opened read-only and no write route exists at all.
    """
    if engine is None:
        from csto_kb.services.bootstrap import open_knowledge_base

        engine = open_knowledge_base(config.url, read_only=config.read_only)
    handlers: Any = HANDLERS
    app = Starlette(
        routes=routes(read_only=config.read_only),
        middleware=[Middleware(SecurityMiddleware, config=config)],
        exception_handlers=handlers,
    )
    app.state.config = config
    app.state.engine = engine
    return app
