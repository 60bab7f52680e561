"""The JSON twins of the web pages, on SQLite and PostgreSQL: they answer what the services answer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select
from starlette.testclient import TestClient

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.model import Change, Source
from csto_kb.schemas.browse import EntityView, ReviewQueue, SearchResult, SourceView, StatementView
from csto_kb.schemas.factsheet import FactSheet
from csto_kb.services.bootstrap import open_knowledge_base
from csto_kb.services.factsheet import build_factsheet
from csto_kb.services.queries import who_said
from csto_kb.sql.run import StatementFilter
from tests.web_helpers import client, csrf, ingest_asbarez, make_app


@pytest.fixture
def web(engine: Engine, db_url: str) -> Iterator[TestClient]:
    with client(make_app(engine, db_url)) as c:
        yield c


def body_of(engine: Engine, source_id: int) -> str:
    with UnitOfWork(engine, read_only=True) as uow:
        source = uow.session.get(Source, source_id)
        assert source is not None
        assert source.body is not None
        return source.body


@pytest.mark.parametrize(
    ("params", "f"),
    [
        ({}, StatementFilter()),
        ({"speaker": "Pashinyan"}, StatementFilter(speaker="Pashinyan")),
        ({"org": "CSTO"}, StatementFilter(org="CSTO")),
        (
            {"about": "Kazakhstan", "from": "2022-01", "to": "2022-12"},
            StatementFilter(about="Kazakhstan", date_from="2022-01", date_to="2022-12"),
        ),
        ({"contains": "الأمن الجماعي"}, StatementFilter(contains="الأمن الجماعي")),
        ({"mode": "reported", "source": "1"}, StatementFilter(direct=False, source=1)),
    ],
)
def test_search_finds_what_who_said_finds(
    web: TestClient, engine: Engine, params: dict[str, str], f: StatementFilter
) -> None:
    answer = web.get("/api/search", params=params)
    assert answer.status_code == 200, answer.text
    result = SearchResult.model_validate(answer.json())
    expected = who_said(UnitOfWork(engine, read_only=True), f)
    assert [s.id for s in result.statements] == [s.id for s in expected]
    assert result.total == len(expected)
    assert result.statements == expected


def test_each_facet_count_is_what_its_filter_finds(web: TestClient) -> None:
    result = SearchResult.model_validate(web.get("/api/search").json())
    names = {f.name for f in result.facets}
    assert names == {"speaker", "organisation", "month", "source", "mode", "subject"}
    checked = 0
    for facet in result.facets:
        for value in facet.values:
            if not value.params:
                continue
            narrowed = SearchResult.model_validate(web.get("/api/search", params=value.params).json())
            if facet.name == "subject":
                # about= also finds statements about the entity's parts.
                assert narrowed.total >= value.count, (facet.name, value)
            elif facet.name == "month" and len(value.params["from"]) == 7:
                # A month's filter also keeps the statements dated only to its year.
                assert narrowed.total >= value.count, (facet.name, value)
            else:
                assert narrowed.total == value.count, (facet.name, value)
            checked += 1
    assert checked >= 10


def test_facets_count_within_the_filtered_statements_and_mark_the_selected_value(web: TestClient) -> None:
    result = SearchResult.model_validate(web.get("/api/search", params={"speaker": "nikol-pashinyan"}).json())
    speakers = next(f for f in result.facets if f.name == "speaker")
    assert [(v.params, v.count, v.selected) for v in speakers.values] == [
        ({"speaker": "nikol-pashinyan"}, result.total, True)
    ]
    modes = next(f for f in result.facets if f.name == "mode")
    assert sum(v.count for v in modes.values) == result.total


def test_pages_follow_one_another_without_gap_or_repeat(web: TestClient, engine: Engine) -> None:
    every = [s.id for s in who_said(UnitOfWork(engine, read_only=True), StatementFilter())]
    seen: list[int] = []
    after = None
    pages = 0
    while True:
        params = {"limit": "5", **({"after": after} if after else {})}
        page = SearchResult.model_validate(web.get("/api/search", params=params).json())
        assert page.total == len(every)
        seen += [s.id for s in page.statements]
        pages += 1
        after = page.next_after
        if after is None:
            break
    assert seen == every
    assert pages == (len(every) + 4) // 5


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2022-02-31"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"limit": "0"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"source": "-1"}, "source"),
        ({"mode": "shouted"}, "mode"),
        ({"after": "nonsense"}, "after"),
        ({"speakr": "Zas"}, "speakr"),
        ({"speaker": "x" * 301}, "speaker"),
    ],
)
def test_bad_search_input_is_a_one_line_error_naming_the_field(
    web: TestClient, params: dict[str, str], field: str
) -> None:
    answer = web.get("/api/search", params=params)
    assert answer.status_code in (400, 422), answer.text
    message = answer.json()["error"]
    assert message.startswith(f"{field}:"), message
    assert "\n" not in message
    assert "Traceback" not in message


def test_an_unknown_speaker_is_not_found_with_the_closest_names(web: TestClient) -> None:
    answer = web.get("/api/search", params={"speaker": "Pashinyanov"})
    assert answer.status_code == 404
    assert answer.json()["error"].startswith("speaker:")
    page = web.get("/search", params={"speaker": "Pashinyanov"})
    assert page.status_code == 404
    assert 'value="Pashinyanov"' in page.text
    assert "speaker:" in page.text


def test_a_statement_carries_each_source_text_around_its_exact_span(web: TestClient, engine: Engine) -> None:
    answer = web.get("/api/statements/1")
    assert answer.status_code == 200
    view = StatementView.model_validate(answer.json())
    assert view.statement.id == 1
    assert view.statement.speaker.key == "nikol-pashinyan"
    assert view.statement.history
    assert view.statement.history[0].action == "insert"
    assert view.evidence
    for item in view.evidence:
        body = body_of(engine, item.evidence.source.id)
        excerpt = item.excerpt
        assert excerpt is not None
        assert excerpt.text == body[excerpt.span_start : excerpt.span_end]
        assert (excerpt.span_start, excerpt.span_end) == (item.evidence.span_start, item.evidence.span_end)
        start = excerpt.span_start - len(excerpt.before)
        assert (
            body[start : excerpt.span_end + len(excerpt.after)]
            == excerpt.before + excerpt.text + excerpt.after
        )
    assert web.get("/api/statements/99999").status_code == 404


def test_a_source_lists_every_span_it_supports(web: TestClient, engine: Engine) -> None:
    view = SourceView.model_validate(web.get("/api/sources/1").json())
    assert view.body == body_of(engine, 1)
    assert view.source.kind == "full_text"
    tables = {s.claim_table for s in view.spans}
    assert {"statement", "membership", "force_level", "event"} <= tables
    statements = {s.claim_id for s in view.spans if s.claim_table == "statement"}
    assert statements == set(range(1, 13))
    assert all(0 <= s.span_start < s.span_end <= len(view.body) for s in view.spans)
    members = {s.entity_key for s in view.spans if s.claim_table == "membership"}
    assert {"armenia", "russia"} <= members
    assert all(s.entity_key for s in view.spans if s.claim_table != "statement")


def test_an_entity_has_its_names_roles_episodes_and_statements(web: TestClient) -> None:
    person = EntityView.model_validate(web.get("/api/entities/Pashinyan").json())
    assert person.entity.key == "nikol-pashinyan"
    assert {n.name for n in person.entity.names} >= {"Nikol Pashinyan", "نيكول باشينيان"}
    assert person.roles
    assert person.roles[0].title
    assert person.statements_by_total == len(person.statements_by) >= 1
    alliance = EntityView.model_validate(web.get("/api/entities/csto").json())
    assert len({m.member.key for m in alliance.members}) == 6
    armenia = EntityView.model_validate(web.get("/api/entities/armenia").json())
    assert [m.alliance.key for m in armenia.memberships] == ["csto"]
    assert armenia.statements_about_total >= 1
    missing = web.get("/api/entities/atlantis")
    assert missing.status_code == 404
    assert missing.json()["error"].startswith("entity:")


def test_the_fact_sheet_twin_is_the_fact_sheet(web: TestClient, engine: Engine) -> None:
    sheet = FactSheet.model_validate(web.get("/api/factsheet/csto").json())
    expected = build_factsheet(UnitOfWork(engine, read_only=True), "csto")
    assert sheet.model_dump(exclude={"generated_at"}) == expected.model_dump(exclude={"generated_at"})
    older = FactSheet.model_validate(web.get("/api/factsheet/csto", params={"as_of": "2010"}).json())
    assert older.as_of == "2010"
    page = web.get("/factsheet/csto", params={"as_of": "2023-06"})
    assert page.status_code == 200
    assert page.text.startswith("<!DOCTYPE html>")
    assert "as it stood on 2023-06" in page.text
    bad = web.get("/api/factsheet/csto", params={"as_of": "2023-13"})
    assert bad.status_code == 400
    assert bad.json()["error"].startswith("as_of:")


def test_the_fact_sheet_page_and_its_twin_take_a_reading_language(web: TestClient, engine: Engine) -> None:
    russian = web.get("/factsheet/csto", params={"lang": "ru", "as_of": "2023-06"})
    assert russian.status_code == 200
    assert '<html lang="ru" dir="ltr">' in russian.text
    assert "по состоянию на 2023-06" in russian.text
    assert "Показано заявлений:" in russian.text
    # A rendered sheet is kept per language: the English one is not the Russian one cached.
    english = web.get("/factsheet/csto", params={"as_of": "2023-06"})
    assert '<html lang="en" dir="ltr">' in english.text
    arabic = web.get("/factsheet/csto", params={"lang": "ar-SA"})
    assert '<html lang="ar" dir="rtl">' in arabic.text
    twin = FactSheet.model_validate(web.get("/api/factsheet/csto", params={"lang": "ar"}).json())
    expected = build_factsheet(UnitOfWork(engine, read_only=True), "csto", lang="ar")
    assert twin.lang == "ar"
    assert twin.model_dump(exclude={"generated_at"}) == expected.model_dump(exclude={"generated_at"})


@pytest.mark.parametrize("path", ["/factsheet/csto", "/api/factsheet/csto"])
@pytest.mark.parametrize("lang", ["12", "english please", "e"])
def test_a_bad_reading_language_is_refused_in_one_line_naming_lang(
    web: TestClient, path: str, lang: str
) -> None:
    answer = web.get(path, params={"lang": lang})
    assert answer.status_code == 400
    if path.startswith("/api/"):
        assert answer.json()["error"].startswith("lang:")
    else:
        assert "lang:" in answer.text
        assert "Traceback" not in answer.text


def _post(web: TestClient, path: str, body: dict[str, Any]) -> Any:
    return web.post(path, json=body, headers={"X-CSRF-Token": csrf(web)})


def test_review_decisions_go_through_the_services_and_name_the_reviewer(
    web: TestClient, engine: Engine
) -> None:
    source_id = ingest_asbarez(engine)
    queue = ReviewQueue.model_validate(web.get("/api/review").json())
    assert queue.total == 11
    confidences = [i.candidate.confidence for i in queue.items]
    assert confidences == sorted(confidences)
    body = body_of(engine, source_id)
    for item in queue.items:
        assert item.excerpt is not None
        p = item.candidate.payload
        assert item.excerpt.text == body[p["quote_start"] : p["quote_end"]]
    first, second, third = (i.candidate for i in queue.items[-3:])

    accepted = _post(web, f"/api/review/{first.id}/accept", {"by": "reviewer-anna"})
    assert accepted.status_code == 200, accepted.text
    statement_id = accepted.json()[0]["statement_id"]
    assert web.get(f"/api/statements/{statement_id}").json()["statement"]["recorded_by"] == "reviewer-anna"

    rejected = _post(
        web, f"/api/review/{second.id}/reject", {"by": "reviewer-anna", "reason": "a paraphrase"}
    )
    assert rejected.status_code == 200, rejected.text
    again = _post(web, f"/api/review/{second.id}/accept", {})
    assert again.status_code == 409
    assert again.json()["error"].startswith("candidate:")

    quote = str(third.payload["quote"])
    start = int(third.payload["quote_start"]) + quote.index(" ") + 1
    words = body[start : int(third.payload["quote_end"])]
    edited = _post(
        web,
        f"/api/review/{third.id}/edit",
        {
            "quote": words,
            "quote_start": start,
            "quote_end": start + len(words),
            "said_on": "2024-02",
            "by": "ed",
        },
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["payload"]["quote_start"] == start
    assert edited.json()["payload"]["said_on"] == "2024-02"
    item = web.get(f"/api/review/{third.id}").json()
    assert item["excerpt"]["text"] == words

    with UnitOfWork(engine, read_only=True) as uow:
        decisions = uow.session.scalars(
            select(Change).where(Change.table_name == "candidate").order_by(Change.id)
        ).all()
        by_row = {(c.row_id, c.by) for c in decisions if c.action == "update"}
    assert {(first.id, "reviewer-anna"), (second.id, "reviewer-anna"), (third.id, "ed")} <= by_row
    assert ReviewQueue.model_validate(web.get("/api/review").json()).total == 9


def test_a_review_edit_that_names_no_known_speaker_is_refused_naming_the_field(
    web: TestClient, engine: Engine
) -> None:
    ingest_asbarez(engine)
    candidate = web.get("/api/review").json()["items"][0]["candidate"]
    answer = _post(web, f"/api/review/{candidate['id']}/edit", {"speaker": "Nobody Atall"})
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("speaker:")
    unknown = _post(web, f"/api/review/{candidate['id']}/edit", {"colour": "red"})
    assert unknown.status_code == 400
    assert unknown.json()["error"].startswith("colour:")


def test_reconciliation_speaks_the_w3c_api(web: TestClient) -> None:
    manifest = web.get("/api/reconcile").json()
    assert manifest["versions"] == ["0.2"]
    assert "{{id}}" in manifest["view"]["url"]
    assert {"id": "person", "name": "person"} in manifest["defaultTypes"]
    queries = '{"q0": {"query": "Pashinyan"}, "q1": {"query": "باشينيان", "type": "person"}, "q2": {"query": "Belarus", "type": "person"}, "q3": {"query": "Pashinyann"}}'
    for answer in (
        web.get("/api/reconcile", params={"queries": queries}),
        web.post("/api/reconcile", data={"queries": queries}),
    ):
        assert answer.status_code == 200, answer.text
        results = answer.json()
        assert results["q0"]["result"][0]["id"] == "nikol-pashinyan"
        assert results["q0"]["result"][0]["match"] is True
        assert results["q1"]["result"][0]["id"] == "nikol-pashinyan"
        assert results["q1"]["result"][0]["type"] == [{"id": "person", "name": "person"}]
        assert results["q2"]["result"] == []
        fuzzy = results["q3"]["result"]
        assert fuzzy
        assert fuzzy[0]["id"] == "nikol-pashinyan"
        assert fuzzy[0]["match"] is False
        assert fuzzy[0]["score"] < 100
    bad = web.get("/api/reconcile", params={"queries": "{not json"})
    assert bad.status_code == 400
    assert bad.json()["error"].startswith("queries:")
    wrong = web.get("/api/reconcile", params={"queries": '{"q0": {"query": ""}}'})
    assert wrong.status_code == 400
    assert wrong.json()["error"].startswith("queries.q0.query:")


def test_the_openapi_document_describes_every_json_twin(web: TestClient) -> None:
    document = web.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert {
        "/api/search",
        "/api/statements/{id}",
        "/api/sources/{id}",
        "/api/entities/{key}",
        "/api/review",
        "/api/factsheet/{key}",
        "/api/reconcile",
        "/api/review/{id}/accept",
    } <= paths
    schemas = document["components"]["schemas"]
    assert {
        "SearchResult",
        "StatementView",
        "SourceView",
        "EntityView",
        "ReviewQueue",
        "FactSheet",
        "StatementOut",
    } <= set(schemas)
    for path in paths:
        for method in document["paths"][path].values():
            ref = (
                method["responses"]
                .get("200", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema")
            )
            if ref:
                assert ref["$ref"].rsplit("/", 1)[1] in schemas


def test_every_page_answers_html_with_its_twin(web: TestClient) -> None:
    for path in ("/search", "/statements/1", "/sources/1", "/entities/csto", "/review", "/factsheet/csto"):
        page = web.get(path)
        assert page.status_code == 200, (path, page.text[:200])
        assert page.headers["content-type"].startswith("text/html")
        if path != "/factsheet/csto":
            assert web.get("/api" + path).status_code == 200
    assert web.get("/", follow_redirects=False).headers["location"] == "/search"


def test_read_only_serves_pages_and_has_no_write_route(db_url: str, engine: Engine) -> None:
    ingest_asbarez(engine)
    read_only = open_knowledge_base(db_url, read_only=True)
    try:
        with client(make_app(read_only, db_url, read_only=True)) as web:
            assert web.get("/search").status_code == 200
            queue = web.get("/review")
            assert queue.status_code == 200
            assert "<form" not in queue.text.split("<main", 1)[1].split("</main>")[0].replace(
                '<form class="filters"', ""
            )
            candidate = web.get("/api/review").json()["items"][0]["candidate"]["id"]
            token = csrf(web)
            for path in (
                f"/review/{candidate}/accept",
                f"/api/review/{candidate}/accept",
                "/review/reviewer",
            ):
                answer = web.post(path, data={"csrf_token": token}, headers={"X-CSRF-Token": token})
                assert answer.status_code in (404, 405), (path, answer.status_code)
            assert "/api/review/{id}/accept" not in web.get("/api/openapi.json").json()["paths"]
    finally:
        read_only.dispose()


def test_the_reviewer_named_on_the_page_is_remembered_for_the_next_decisions(
    web: TestClient, engine: Engine
) -> None:
    ingest_asbarez(engine)
    token = csrf(web)
    remembered = web.post(
        "/review/reviewer", data={"csrf_token": token, "by": "Лейла"}, follow_redirects=False
    )
    assert remembered.status_code == 303
    assert 'value="Лейла"' in web.get("/review").text
    candidate = web.get("/api/review").json()["items"][0]["candidate"]["id"]
    decided = web.post(f"/review/{candidate}/reject", data={"csrf_token": token, "reason": "a headline"})
    assert decided.status_code == 200  # the redirect back to the queue, followed
    item = web.get(f"/api/review/{candidate}").json()["candidate"]
    assert (item["status"], item["decided_by"], item["reason"]) == ("rejected", "Лейла", "a headline")


def _second_copy_candidate(engine: Engine, candidate_id: int, said_on: str) -> int:
    """A pending candidate proposing what ``candidate_id`` proposed, from another copy of its article and
    with another date: a possible duplicate of the statement the first became."""
    from csto_kb.model import Candidate
    from csto_kb.schemas.sources import SourceIn
    from csto_kb.services.sources import add_source

    with UnitOfWork(engine, read_only=True) as uow:
        first = uow.session.get(Candidate, candidate_id)
        assert first is not None
        body, payload = first.source.body, dict(first.payload)
    assert body is not None
    copy = add_source(
        UnitOfWork(engine, by="tester"), SourceIn(body=body + "\n" + said_on, lang="en", publisher="Copy")
    )
    with UnitOfWork(engine, by="tester") as uow:
        second = Candidate(
            source_id=copy.id,
            kind="statement",
            status="pending",
            position=0,
            payload={**payload, "said_on": said_on},
            extractor_version="rules-2",
            confidence=0.1,
        )
        uow.session.add(second)
        uow.session.flush()
        made = second.id
        uow.commit()
    return made


def test_a_possible_duplicate_is_offered_as_one_more_source_or_a_statement_of_its_own(
    web: TestClient, engine: Engine
) -> None:
    ingest_asbarez(engine)
    items = web.get("/api/review").json()["items"]
    first = next(i["candidate"] for i in items if i["candidate"]["payload"].get("said_on"))
    stored = _post(web, f"/api/review/{first['id']}/accept", {}).json()[0]["statement_id"]
    token = csrf(web)
    for said_on, choice, expect_new in (
        ("2023-11", {"same_as": str(stored)}, False),
        ("2023-10", {"distinct": "true"}, True),
    ):
        second = _second_copy_candidate(engine, first["id"], said_on)
        refused = web.post(
            f"/review/{second}/accept", data={"csrf_token": token}, headers={"HX-Request": "true"}
        )
        assert refused.status_code == 409
        assert f"possible duplicate of #{stored}" in refused.text
        assert 'name="same_as"' in refused.text
        assert 'name="distinct"' in refused.text
        accepted = web.post(
            f"/review/{second}/accept", data={"csrf_token": token, **choice}, headers={"HX-Request": "true"}
        )
        assert accepted.status_code == 200, accepted.text
        statement_id = web.get(f"/api/review/{second}").json()["candidate"]["statement_id"]
        assert (statement_id != stored) is expect_new
    sources = web.get(f"/api/statements/{stored}").json()["statement"]["source_count"]
    assert sources == 2


def test_past_the_sample_the_facets_count_the_newest_matches_and_say_so(
    web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csto_kb.services import search

    whole = SearchResult.model_validate(web.get("/api/search").json())
    assert whole.facets_over is None
    monkeypatch.setattr(search, "FACET_SAMPLE", 5)
    monkeypatch.setattr(search, "_COUNTED", type(search._COUNTED)())  # counted afresh, as after a write
    sampled = SearchResult.model_validate(web.get("/api/search", params={"limit": "7"}).json())
    assert sampled.total == whole.total > 5  # the total is still every match
    assert sampled.facets_over == 5
    modes = next(f for f in sampled.facets if f.name == "mode")
    assert sum(v.count for v in modes.values) == 5
    speakers = next(f for f in sampled.facets if f.name == "speaker")
    assert sum(v.count for v in speakers.values) == 5
    every = SearchResult.model_validate(web.get("/api/search", params={"limit": "500"}).json()).statements
    newest = sorted(every, key=lambda s: (s.said_on is not None, s.said_on or "", s.id), reverse=True)[:5]
    assert len(speakers.values) == len({s.speaker.id for s in newest})
    page = web.get("/search", params={"limit": "7"})
    assert f"Counts in the newest 5 of {whole.total:,} statements." in page.text


def test_a_phrase_in_most_quotes_is_paged_along_the_dates_alike(
    web: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phrase found in most quotes is read along the date index on SQLite (`search._Tables`): the pages and
    the sampled facets are those of reading every match and sorting it."""
    from csto_kb.services import search

    monkeypatch.setattr(search, "FACET_SAMPLE", 4)

    def pages() -> tuple[list[int], list[Any]]:
        search._COUNTED.clear()
        seen: list[int] = []
        after = None
        facets: list[Any] = []
        while True:
            params = {"contains": "الأ", "limit": "2", **({"after": after} if after else {})}
            page = SearchResult.model_validate(web.get("/api/search", params=params).json())
            facets = facets or page.facets
            seen += [s.id for s in page.statements]
            after = page.next_after
            if after is None:
                return seen, facets

    every = [s.id for s in who_said(UnitOfWork(engine, read_only=True), StatementFilter(contains="الأ"))]
    assert len(every) > 8
    along, along_facets = pages()
    assert along == every
    if engine.dialect.name == "sqlite":
        assert search._Tables(matches=len(every), rows=max(every)).table(3) != "statement"
    monkeypatch.setattr(search._Tables, "table", lambda self, k: "statement")
    sorted_, sorted_facets = pages()
    assert sorted_ == every
    assert along_facets == sorted_facets
