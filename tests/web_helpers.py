"""What the web tests share: an application over a test database, an article with candidates to review."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.testclient import TestClient

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.schemas.sources import SourceIn
from csto_kb.services.review import ingest_article
from csto_kb.web.app import create_app
from csto_kb.web.config import WebConfig

ROOT = Path(__file__).resolve().parent.parent
ASBAREZ = ROOT / "docs" / "examples" / "39_asbarez_pashinyan_csto_freeze.txt"


def make_app(engine: Engine, url: str, **settings: object) -> Starlette:
    config = WebConfig(url=url, **{"reviewer": "tester", **settings})  # type: ignore[arg-type]
    return create_app(config, engine)


def client(app: Starlette, **options: object) -> TestClient:
    return TestClient(app, raise_server_exceptions=False, **options)  # type: ignore[arg-type]


def csrf(web: TestClient) -> str:
    """A CSRF token for this client (its cookie is set by the same answer)."""
    token: str = web.get("/api/csrf").json()["csrf_token"]
    return token


def ingest_asbarez(engine: Engine) -> int:
    """Store the Asbarez article (English) with its eleven candidates pending; the source's id."""
    body = ASBAREZ.read_text(encoding="utf-8")
    report = ingest_article(
        UnitOfWork(engine, by="ingester"),
        SourceIn(body=body, lang="en", published="2024-02-23", publisher="Asbarez", published_basis="stated"),
    )
    return report.source_id
