"""Every page of `csto-kb serve` in Debian's Chromium, against a real server on a random local port.

Arabic renders right to left, each `<mark>` holds exactly the characters of its stored span, the review
flow works from the keyboard and by selecting words, facets and pages lead where they say, nothing
overflows at 1280 or 390 pixels, and no page logs a console error. With CSTO_KB_UPDATE_DOCS=1 the
screenshots are written to docs/screenshots/.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy.engine import make_url

from csto_kb.db.engine import make_engine
from tests.test_browser import CHROMIUM, LAUNCH_ARGS, OVERFLOW_SCRIPT, _shots_dir, _unavailable
from tests.web_helpers import ingest_asbarez, make_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow
WIDTHS = (1280, 390)
REVIEWER = "browser-reviewer"


class Server:
    """uvicorn serving the application in a thread, on a port the system chooses."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed with the Asbarez article's candidates pending, served on SQLite (pages do not depend on
    the engine; the JSON twins are tested on both)."""
    path = tmp_path_factory.mktemp("served") / "kb.sqlite3"
    shutil.copyfile(make_url(templates["sqlite"]).database or "", path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    ingest_asbarez(engine)
    app = make_app(engine, url, reviewer="server-default", allowed_hosts=("127.0.0.1",))
    with Server(app) as address:
        yield address
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright; no browser download needed)")
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        _unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    executable = CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield launched
        launched.close()


class Opened:
    def __init__(self, page: Page, errors: list[str]) -> None:
        self.page = page
        self.errors = errors


def open_page(browser: Browser, url: str, width: int = 1280) -> Opened:
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    answer = page.goto(url)
    assert answer is not None
    assert answer.status == 200, (url, answer.status)
    page.wait_for_load_state("load")
    return Opened(page, errors)


def api(page: Page, base_url: str, path: str) -> Any:
    answer = page.request.get(base_url + path)
    assert answer.status == 200, (path, answer.status)
    return answer.json()


def check_layout(opened: Opened, name: str, tmp_path: Path) -> None:
    """No overflow at either width, no console error; a screenshot of each."""
    page = opened.page
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(50)
        problems: list[str] = page.evaluate(OVERFLOW_SCRIPT)
        assert problems == [], (name, width)
        page.screenshot(path=str(_shots_dir(tmp_path) / f"serve-{name}-{width}.png"))
    assert opened.errors == []


def test_a_statement_marks_exactly_its_span_in_each_source_right_to_left(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    opened = open_page(browser, f"{base_url}/statements/1")
    page = opened.page
    body = api(page, base_url, "/api/sources/1")["body"]
    marks: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll('.evidence mark')].map(m => ({
            text: m.textContent, start: +m.dataset.start, end: +m.dataset.end,
            dir: getComputedStyle(m.parentElement).direction}))"""
    )
    assert marks
    for mark in marks:
        assert mark["text"] == body[mark["start"] : mark["end"]]
        assert mark["dir"] == "rtl"
    quote = page.evaluate(
        "() => { const q = document.querySelector('blockquote.quote'); return [q.lang, getComputedStyle(q).direction]; }"
    )
    assert quote == ["ar", "rtl"]
    assert page.locator("#said-on").inner_text() == "2022-04-13"
    check_layout(opened, "statement", tmp_path)


def test_a_source_marks_every_supported_span_on_its_exact_characters(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    opened = open_page(browser, f"{base_url}/sources/1")
    page = opened.page
    view = api(page, base_url, "/api/sources/1")
    body = view["body"]
    assert page.evaluate("() => document.querySelector('.source-text').textContent") == body
    assert page.evaluate("() => getComputedStyle(document.querySelector('.source-text')).direction") == "rtl"
    pieces: list[dict[str, Any]] = page.evaluate(
        "() => [...document.querySelectorAll('.source-text mark')].map(m => ({ids: m.dataset.evidence.split(' '), text: m.textContent}))"
    )
    for span in view["spans"]:
        joined = "".join(p["text"] for p in pieces if str(span["evidence_id"]) in p["ids"])
        assert joined == body[span["span_start"] : span["span_end"]], span
    unlinked = page.evaluate(
        "() => [...document.querySelectorAll('.source-text mark')].filter(m => !m.querySelector('a')).length"
    )
    assert unlinked == 0
    check_layout(opened, "source", tmp_path)
    page.set_viewport_size({"width": 1280, "height": 900})
    statement = next(s for s in view["spans"] if s["claim_table"] == "statement")
    page.locator(f"#ev-{statement['evidence_id']} a").click()
    page.wait_for_url(f"**/statements/{statement['claim_id']}")
    assert opened.errors == []


def test_facets_narrow_the_search_and_pages_follow_on(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    opened = open_page(browser, f"{base_url}/search?limit=5")
    page = opened.page
    total = int(page.locator("#total").inner_text())
    first_page = page.locator("article.statement").evaluate_all("a => a.map(e => e.id)")
    assert len(first_page) == 5
    page.locator("#next-page").click()
    page.wait_for_url("**after=**")
    second_page = page.locator("article.statement").evaluate_all("a => a.map(e => e.id)")
    assert second_page
    assert not set(first_page) & set(second_page)
    speaker = page.locator("[data-facet=speaker] li").first
    count = int(speaker.locator(".count").inner_text())
    speaker.locator("a").click()
    page.wait_for_url("**speaker=**")
    assert int(page.locator("#total").inner_text()) == count <= total
    assert page.locator("[data-facet=speaker] li.selected").count() == 1
    # The form searches in place (htmx) and the address follows, so the result can be bookmarked.
    page.goto(f"{base_url}/search")
    page.fill("input[name=speaker]", "باشينيان")
    page.click("form.filters button")
    page.wait_for_url("**speaker=**")
    page.wait_for_function("() => document.querySelector('#total').textContent === '1'")
    assert (
        page.locator("article.statement blockquote.quote").evaluate("q => getComputedStyle(q).direction")
        == "rtl"
    )
    check_layout(opened, "search", tmp_path)


def test_an_entity_shows_its_episodes_as_a_timeline(browser: Browser, base_url: str, tmp_path: Path) -> None:
    opened = open_page(browser, f"{base_url}/entities/csto")
    page = opened.page
    members = api(page, base_url, "/api/entities/csto")["members"]
    shown = page.locator(".timeline .episode").evaluate_all("a => a.map(e => +e.dataset.membership)")
    assert sorted(shown) == sorted(m["id"] for m in members)
    widths = page.locator(".timeline .episode").evaluate_all(
        "a => a.map(e => e.getBoundingClientRect().width)"
    )
    assert all(w > 3 for w in widths)
    assert page.locator("h1 bdi[lang=ar]").evaluate("b => getComputedStyle(b).direction") == "rtl"
    check_layout(opened, "entity", tmp_path)
    person = open_page(browser, f"{base_url}/entities/nikol-pashinyan")
    assert person.page.locator("article.statement").count() >= 1
    assert person.errors == []


def test_the_review_flow_from_the_keyboard_and_by_selecting_words(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    opened = open_page(browser, f"{base_url}/review")
    page = opened.page
    page.fill("#reviewer", REVIEWER)
    cards = page.locator("article.candidate.status-pending").evaluate_all("a => a.map(e => e.id)")
    assert len(cards) >= 3
    confidences = page.locator("article.candidate .confidence").evaluate_all(
        "a => a.map(e => +e.textContent)"
    )
    assert confidences == sorted(confidences)
    check_layout(opened, "review", tmp_path)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Accept the first with "a".
    first = cards[0]
    page.locator(f"#{first}").focus()
    page.keyboard.press("a")
    page.wait_for_selector(f"#{first}.status-accepted")
    statement_link = page.locator(f"#{first} a[href^='/statements/']")
    statement_id = int(statement_link.get_attribute("href").rsplit("/", 1)[1])  # type: ignore[union-attr]
    assert api(page, base_url, f"/api/statements/{statement_id}")["statement"]["recorded_by"] == REVIEWER

    # Correct the second one's span by selecting its last words, then save with "s".
    second = cards[1]
    selected: dict[str, Any] = page.evaluate(
        """(id) => {
            const context = document.querySelector('#' + id + ' .context');
            const mark = context.querySelector('mark');
            const text = mark.firstChild;
            const cut = text.textContent.indexOf(' ') + 1;
            const range = document.createRange();
            range.setStart(text, cut);
            range.setEnd(text, text.textContent.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            context.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return {words: range.toString(), offset: +context.dataset.offset};
        }""",
        second,
    )
    form = page.locator(f"#{second} form.edit-form")
    assert form.locator("textarea[name=quote]").input_value() == selected["words"]
    start = int(form.locator("input[name=quote_start]").input_value())
    page.locator(f"#{second}").focus()
    page.keyboard.press("s")
    page.wait_for_function(
        "([id, words]) => { const m = document.querySelector('#' + id + ' .context mark'); return m && m.textContent === words; }",
        arg=[second, selected["words"]],
    )
    candidate_id = int(second.removeprefix("c-"))
    item = api(page, base_url, f"/api/review/{candidate_id}")
    assert item["candidate"]["payload"]["quote_start"] == start
    assert item["excerpt"]["text"] == selected["words"]
    body = api(page, base_url, f"/api/sources/{item['candidate']['source_id']}")["body"]
    assert body[start : start + len(selected["words"])] == selected["words"]

    # Reject the third with "r", a reason and Enter.
    third = cards[2]
    page.locator(f"#{third}").focus()
    page.keyboard.press("r")
    page.keyboard.type("not a statement")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#{third}.status-rejected")
    rejected = api(page, base_url, f"/api/review/{int(third.removeprefix('c-'))}")["candidate"]
    assert rejected["reason"] == "not a statement"
    assert rejected["decided_by"] == REVIEWER
    assert opened.errors == []


def test_the_fact_sheet_page_is_the_exporter_document(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    opened = open_page(browser, f"{base_url}/factsheet/csto?as_of=2023")
    page = opened.page
    assert "as it stood on 2023" in page.locator("header .stamp").inner_text()
    assert page.locator("blockquote.quote").first.evaluate("q => getComputedStyle(q).direction") == "rtl"
    check_layout(opened, "factsheet", tmp_path)


def test_an_error_page_is_one_line_and_styled(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    answer = page.goto(f"{base_url}/statements/424242")
    assert answer is not None
    assert answer.status == 404
    assert page.locator(".problem").inner_text() == "statement: no statement has id 424242"
