"""Hostile input to every route: markup, overlong fields, forged and missing CSRF tokens, wrong access
tokens, foreign Host headers. Nothing runs, nothing is written, every refusal is one line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from starlette.routing import Route
from starlette.testclient import TestClient

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.schemas.statements import StatementIn
from csto_kb.services.statements import add_statement
from tests.helpers import Run, table_counts
from tests.web_helpers import client, csrf, ingest_asbarez, make_app

SCRIPT = "<script>alert(1)</script>"
TOKEN = "s3cret-token-for-tests-only"
Cli = Callable[..., Run]


def post_routes(web: TestClient) -> list[str]:
    app = web.app
    found = []
    for route in app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Route) and route.methods and "POST" in route.methods:
            found.append(route.path)
    return found


def get_routes(web: TestClient) -> list[str]:
    return [
        r.path
        for r in web.app.routes  # type: ignore[attr-defined]
        if isinstance(r, Route) and r.methods and "GET" in r.methods
    ]


def concrete(path: str, candidate: int) -> str:
    """A route's path with its parameters filled in."""
    path = path.replace("{id}/{action:str}", f"{candidate}/accept").replace("{id}", str(candidate))
    return path.replace("{key}", "csto")


@pytest.fixture
def candidate(engine: Engine) -> int:
    ingest_asbarez(engine)
    return 1


@pytest.fixture
def web(engine: Engine, db_url: str, candidate: int) -> Iterator[TestClient]:
    with client(make_app(engine, db_url)) as c:
        yield c


def no_traceback(text: str) -> None:
    assert "Traceback" not in text
    assert 'File "' not in text


def test_every_get_route_escapes_markup_given_in_its_query_and_path(web: TestClient, candidate: int) -> None:
    routes = get_routes(web)
    assert len(routes) >= 15
    for path in routes:
        for url in (concrete(path, candidate), path.replace("{id}", SCRIPT).replace("{key}", SCRIPT)):
            for params in (
                {"speaker": SCRIPT},
                {"q": SCRIPT, "next": "javascript:alert(1)"},
                {"from": SCRIPT},
            ):
                answer = web.get(url.replace("{action:str}", "accept"), params=params)
                assert answer.status_code < 500, (url, params, answer.text[:300])
                assert SCRIPT not in answer.text, (url, params)
                assert "javascript:alert" not in answer.text
                no_traceback(answer.text)


def test_stored_markup_shows_as_text_on_every_page(web: TestClient, engine: Engine) -> None:
    body = web.get("/api/sources/1").json()["body"]
    words = body[656:736]
    added = add_statement(
        UnitOfWork(engine, by=SCRIPT),
        StatementIn(
            speaker="Zas",
            quote=words,
            lang="ar",
            source=1,
            venue=f'"><img src=x onerror=alert(1)>{SCRIPT}',
            translation=f"<b>{SCRIPT}</b>",
            distinct=True,
        ),
    )
    statement_id = added.statement.id
    for path in (
        f"/statements/{statement_id}",
        "/search?speaker=Zas",
        "/sources/1",
        "/entities/stanislav-zas",
    ):
        page = web.get(path)
        assert page.status_code == 200, path
        assert SCRIPT not in page.text, path
        assert "<img src=x" not in page.text, path
        if "sources" not in path:
            assert "&lt;script&gt;" in page.text, path


@pytest.mark.parametrize(
    "token",
    [None, "", "forged", "0" * 64, "a" * 10_000],
    ids=["missing", "empty", "forged", "hex-shaped", "huge"],
)
def test_every_post_route_refuses_a_missing_or_forged_csrf_token(
    web: TestClient, engine: Engine, candidate: int, token: str | None
) -> None:
    routes = post_routes(web)
    assert set(routes) >= {
        "/review/{id}/{action:str}",
        "/api/review/{id}/{action:str}",
        "/review/reviewer",
        "/login",
    }
    before = table_counts(engine)
    web.get("/review")  # the browser has its cookie
    for path in routes:
        if path == "/api/reconcile":
            continue  # only reads: it takes no token
        url = concrete(path, candidate)
        form = {"reason": "x", "by": "mallory"} | ({"csrf_token": token} if token is not None else {})
        headers = {"X-CSRF-Token": token} if token else {}
        for answer in (web.post(url, data=form), web.post(url, json=form, headers=headers)):
            assert answer.status_code in (400, 403), (url, answer.status_code, answer.text[:200])
            no_traceback(answer.text)
    assert table_counts(engine) == before


def test_a_token_made_for_another_browser_is_refused(db_url: str, engine: Engine, candidate: int) -> None:
    app = make_app(engine, db_url)
    with client(app) as alice, client(app) as mallory:
        stolen = csrf(alice)
        csrf(mallory)
        answer = mallory.post(f"/review/{candidate}/accept", data={"csrf_token": stolen})
        assert answer.status_code == 403
        assert answer.headers["content-type"].startswith("text/html")
        api = mallory.post(f"/api/review/{candidate}/accept", json={}, headers={"X-CSRF-Token": stolen})
        assert api.status_code == 403
        assert api.json()["error"].startswith("csrf_token:")
        # The right browser with its own token is let through.
        assert (
            alice.post(
                f"/api/review/{candidate}/accept", json={}, headers={"X-CSRF-Token": stolen}
            ).status_code
            == 200
        )


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("reason", "r" * 2_001, "reason"),
        ("by", "b" * 101, "by"),
        ("speaker", "s" * 301, "speaker"),
        ("said_on", "2024-02-30", "said_on"),
        ("quote_start", "-5", "quote_start"),
        ("about", "x" * 301, "about"),
        ("colour", "red", "colour"),
    ],
)
def test_overlong_or_malformed_fields_are_refused_naming_the_field(
    web: TestClient, engine: Engine, candidate: int, field: str, value: str, named: str
) -> None:
    before = table_counts(engine)
    token = csrf(web)
    action = "reject" if field in ("reason", "by") else "edit"
    form = {"csrf_token": token, field: value} | ({"reason": "fine"} if field == "by" else {})
    answer = web.post(f"/review/{candidate}/{action}", data=form, headers={"HX-Request": "true"})
    assert answer.status_code in (400, 422), answer.text[:300]
    assert f"{named}" in answer.text
    api = web.post(
        f"/api/review/{candidate}/{action}",
        json={k: v for k, v in form.items() if k != "csrf_token"},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code in (400, 422)
    message = api.json()["error"]
    assert message.startswith(f"{named}") or f"[0].{named}" in message or f"{named}:" in message, message
    assert "\n" not in message
    assert table_counts(engine) == before


def test_a_body_over_the_limit_is_refused_before_it_is_read(web: TestClient, candidate: int) -> None:
    token = csrf(web)
    answer = web.post(f"/review/{candidate}/reject", data={"csrf_token": token, "reason": "x" * 1_100_000})
    assert answer.status_code == 413
    too_many = web.post(
        f"/review/{candidate}/reject", data={f"f{i}": "1" for i in range(80)} | {"csrf_token": token}
    )
    assert too_many.status_code == 400


@pytest.fixture
def guarded(engine: Engine, db_url: str, candidate: int) -> Iterator[TestClient]:
    with client(make_app(engine, db_url, token=TOKEN)) as c:
        yield c


@pytest.mark.parametrize("given", [None, "", "wrong", TOKEN + "x", TOKEN[:-1], TOKEN.upper()])
def test_with_an_access_token_every_route_refuses_a_wrong_one(
    guarded: TestClient, engine: Engine, candidate: int, given: str | None
) -> None:
    before = table_counts(engine)
    headers = {"Authorization": f"Bearer {given}"} if given is not None else {}
    for path in get_routes(guarded) + post_routes(guarded):
        if path == "/login":
            continue
        url = concrete(path, candidate)
        for answer in (
            guarded.get(url, headers=headers, follow_redirects=False),
            guarded.post(url, headers=headers, follow_redirects=False),
        ):
            if url.startswith("/api/"):
                assert answer.status_code == 401, (url, answer.status_code)
                assert answer.json()["error"].startswith("token:")
            else:
                assert answer.status_code == 303, (url, answer.status_code)
                assert answer.headers["location"].startswith("/login?next=")
            assert TOKEN not in answer.text
    assert table_counts(engine) == before


def test_the_right_access_token_opens_every_page_by_header_or_by_login(guarded: TestClient) -> None:
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert guarded.get("/api/search", headers=bearer).status_code == 200
    assert guarded.get("/static/style.css").status_code == 200  # no secret there
    login = guarded.get("/login?next=/entities/csto")
    assert login.status_code == 200
    assert TOKEN not in login.text
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', login.text)
    assert token is not None
    wrong = guarded.post("/login", data={"csrf_token": token[1], "token": "nope", "next": "/entities/csto"})
    assert wrong.status_code == 403
    right = guarded.post(
        "/login",
        data={"csrf_token": token[1], "token": TOKEN, "next": "/entities/csto"},
        follow_redirects=False,
    )
    assert right.status_code == 303
    assert right.headers["location"] == "/entities/csto"
    assert TOKEN not in right.headers.get("set-cookie", "")
    assert guarded.get("/entities/csto").status_code == 200
    elsewhere = guarded.post(
        "/login",
        data={"csrf_token": token[1], "token": TOKEN, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert elsewhere.headers["location"] == "/search"


def test_a_foreign_host_header_is_refused_on_a_local_server(engine: Engine, db_url: str) -> None:
    app = make_app(engine, db_url, allowed_hosts=("127.0.0.1", "localhost", "[::1]"))
    with client(app, base_url="http://127.0.0.1:8000") as web:
        assert web.get("/search").status_code == 200
        assert web.get("/search", headers={"Host": "localhost:8000"}).status_code == 200
        refused = web.get("/api/search", headers={"Host": "evil.example"})
        assert refused.status_code == 400
        assert refused.json()["error"].startswith("host:")


def test_every_page_has_a_strict_content_security_policy(web: TestClient) -> None:
    page = web.get("/search")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    cookie = page.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    sheet = web.get("/factsheet/csto").headers["content-security-policy"]
    assert "script-src" not in sheet


def test_serve_refuses_another_host_without_a_token(cli: Cli, db_url: str, tmp_path: Path) -> None:
    run = cli("serve", "--host", "0.0.0.0")
    assert run.exit_code == 2
    assert run.stderr.startswith("error: host: 0.0.0.0 is reachable from other machines")
    short = tmp_path / "short"
    short.write_text("abc\n", encoding="utf-8")
    run = cli("serve", "--host", "0.0.0.0", "--token-file", str(short))
    assert run.exit_code == 2
    assert "token_file:" in run.stderr
    assert "abc" not in run.stderr


def test_serve_with_a_token_never_prints_it(
    cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import uvicorn

    started: dict[str, object] = {}

    def fake_run(app: object, **options: object) -> None:
        started.update(options, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("CSTO_KB_TOKEN", TOKEN)
    run = cli("serve", "--host", "0.0.0.0", "--port", "8123")
    assert run.exit_code == 0, run.stderr
    assert started["host"] == "0.0.0.0"
    assert started["port"] == 8123
    assert "access token required" in run.stderr
    assert TOKEN not in run.stdout + run.stderr
    assert started["access_log"] is False
    app = started["app"]
    assert TOKEN not in repr(app.state.config)  # type: ignore[attr-defined]
    monkeypatch.delenv("CSTO_KB_TOKEN")
    ok_local = cli("serve", "--read-only")
    assert ok_local.exit_code == 0, ok_local.stderr
    assert "read-only" in ok_local.stderr


def test_markup_posted_with_a_valid_token_is_stored_as_text_and_shown_escaped(
    web: TestClient, engine: Engine, candidate: int
) -> None:
    token = csrf(web)
    answer = web.post(
        f"/review/{candidate}/reject",
        data={"csrf_token": token, "reason": SCRIPT, "by": f'"><b>{SCRIPT}'},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 200
    assert SCRIPT not in answer.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in answer.text
    item = web.get(f"/api/review/{candidate}").json()["candidate"]
    assert item["reason"] == SCRIPT
    assert item["decided_by"] == f'"><b>{SCRIPT}'
    edited = web.post(
        f"/review/{candidate + 1}/edit",
        data={"csrf_token": token, "about": SCRIPT, "speaker": SCRIPT},
        headers={"HX-Request": "true"},
    )
    assert edited.status_code == 400
    assert SCRIPT not in edited.text


def test_a_nul_character_anywhere_is_bad_input_on_both_engines(web: TestClient, candidate: int) -> None:
    for path in get_routes(web):
        url = concrete(path, candidate)
        for answer in (
            web.get(url, params={"speaker": "a\x00b"}),
            web.get(path.replace("{id}", "1").replace("{key}", "a%00b")),
        ):
            assert answer.status_code < 500, (url, answer.status_code)
            no_traceback(answer.text)
    assert web.get("/api/search", params={"org": "\x00"}).json()["error"] == "org: contains a NUL character"
    token = csrf(web)
    form = web.post(f"/review/{candidate}/reject", data={"csrf_token": token, "reason": "x\x00"})
    assert form.status_code == 400
    api = web.post(
        f"/api/review/{candidate}/edit", json={"about": ["a\x00"]}, headers={"X-CSRF-Token": token}
    )
    assert api.status_code == 400
    assert api.json()["error"] == "about: contains a NUL character"
    reconcile = web.post("/api/reconcile", data={"queries": '{"q0": {"query": "a\\u0000"}}'})
    assert reconcile.status_code == 400
