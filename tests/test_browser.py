"""The HTML fact sheet in a real browser: Arabic right-to-left, nothing overflowing on screen or on A4,
one timeline mark per member and per statement, no console errors.

Needs Playwright for Python and Debian's Chromium (no browser download). Without them the tests skip, except
under CI (the CI variable set), where they fail. With CSTO_KB_UPDATE_DOCS=1 the seed's screenshots are
written to docs/screenshots/; otherwise they go to the test's temporary directory.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.exporters.factsheet_html import render
from csto_kb.schemas.factsheet import FactSheet
from csto_kb.services.exports import with_clock
from csto_kb.services.factsheet import build_factsheet

pytestmark = pytest.mark.slow  # a real browser

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CSTO_KB_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIXED_CLOCK = dt.datetime(2024, 1, 1)
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch
SCREEN = {"width": 1280, "height": 900}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


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


@pytest.fixture(scope="module")
def seed_sheet(templates: dict[str, str]) -> FactSheet:
    """The seed's fact sheet, read once from the SQLite template (rendering does not depend on the engine)."""
    from csto_kb.db.engine import make_engine

    engine = make_engine(templates["sqlite"])
    try:
        return with_clock(build_factsheet(UnitOfWork(engine), "csto"), FIXED_CLOCK)
    finally:
        engine.dispose()


def _hostile(sheet: FactSheet) -> FactSheet:
    """The sheet with a statement whose quote and translation hold markup, as a careless source might."""
    first = sheet.statements[0]
    bad = first.model_copy(
        update={
            "id": 999,
            "quote": "<script>window.__pwned = 1</script> “<img src=x onerror=alert(1)>”",
            "translations": [
                t.model_copy(update={"text": "<b>bold</b> & </blockquote>"}) for t in first.translations
            ],
            "venue": '"><svg onload=alert(1)>',
        }
    )
    return sheet.model_copy(update={"statements": [*sheet.statements, bad]})


class Loaded:
    def __init__(self, page: Page, errors: list[str]) -> None:
        self.page = page
        self.errors = errors


def _open(browser: Browser, html: str, tmp_path: Path, width: int = SCREEN["width"]) -> Loaded:
    path = tmp_path / "sheet.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": SCREEN["height"]})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return Loaded(page, errors)


OVERFLOW_SCRIPT = """
() => {
  const doc = document.documentElement;
  const problems = [];
  if (doc.scrollWidth > window.innerWidth) problems.push(`document ${doc.scrollWidth} > ${window.innerWidth}`);
  for (const el of document.querySelectorAll('main *')) {
    const parent = el.parentElement;
    if (!parent || el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    const box = el.getBoundingClientRect();
    const outer = parent.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.right > outer.right + 1 || box.left < outer.left - 1 || el.scrollWidth > el.clientWidth + 1
        && getComputedStyle(el).overflowX !== 'visible' && el.clientWidth > 0)
      problems.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className.baseVal ?? el.className}: ` +
                    `${box.left}-${box.right} outside ${outer.left}-${outer.right}`);
  }
  for (const svg of document.querySelectorAll('svg')) {
    const outer = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      if (box.left < outer.left - 1 || box.right > outer.right + 1)
        problems.push(`svg text "${text.textContent}" ${box.left}-${box.right} outside ${outer.left}-${outer.right}`);
    }
  }
  return problems;
}
"""


def _no_overflow(page: Page) -> None:
    problems: list[str] = page.evaluate(OVERFLOW_SCRIPT)
    assert problems == []


def _shots_dir(tmp_path: Path) -> Path:
    if os.environ.get("CSTO_KB_UPDATE_DOCS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return SCREENSHOTS
    return tmp_path


def test_arabic_quotes_render_right_to_left(browser: Browser, seed_sheet: FactSheet, tmp_path: Path) -> None:
    loaded = _open(browser, render(seed_sheet), tmp_path)
    directions: list[dict[str, Any]] = loaded.page.evaluate(
        """() => [...document.querySelectorAll('blockquote.quote')].map(q => ({
            lang: q.lang, direction: getComputedStyle(q).direction, align: getComputedStyle(q).textAlign}))"""
    )
    assert len(directions) == len(seed_sheet.statements)
    assert all(d["lang"] == "ar" and d["direction"] == "rtl" for d in directions), directions
    names: list[str] = loaded.page.evaluate(
        """() => [...document.querySelectorAll('#members td [lang=ar]')].map(n => getComputedStyle(n).direction)"""
    )
    assert names == ["rtl"] * len(seed_sheet.members)
    assert loaded.errors == []


def test_nothing_overflows_a_1280_px_screen(browser: Browser, seed_sheet: FactSheet, tmp_path: Path) -> None:
    loaded = _open(browser, render(seed_sheet), tmp_path)
    _no_overflow(loaded.page)
    loaded.page.screenshot(path=str(_shots_dir(tmp_path) / "csto-factsheet-1280.png"), full_page=True)
    assert loaded.errors == []


def test_the_a4_print_layout_has_no_overflow_and_prints(
    browser: Browser, seed_sheet: FactSheet, tmp_path: Path
) -> None:
    loaded = _open(browser, render(seed_sheet), tmp_path, width=A4_WIDTH_PX)
    loaded.page.emulate_media(media="print")
    _no_overflow(loaded.page)
    assert loaded.page.evaluate("() => getComputedStyle(document.querySelector('nav')).display") == "none"
    breaks = loaded.page.evaluate(
        "() => [...document.querySelectorAll('section')].map(s => getComputedStyle(s).breakBefore)"
    )
    assert breaks == ["auto"] + ["page"] * (len(breaks) - 1)
    loaded.page.screenshot(path=str(_shots_dir(tmp_path) / "csto-factsheet-a4.png"), full_page=True)
    pdf = loaded.page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") >= 2
    (tmp_path / "csto-factsheet.pdf").write_bytes(pdf)
    assert loaded.errors == []


def test_timelines_have_one_mark_per_member_and_per_statement(
    browser: Browser, seed_sheet: FactSheet, tmp_path: Path
) -> None:
    loaded = _open(browser, render(seed_sheet), tmp_path)
    members: list[str] = loaded.page.evaluate(
        "() => [...document.querySelectorAll('#membership-timeline .mark.membership')].map(m => m.dataset.member)"
    )
    assert sorted(members) == sorted(m.member.key for m in seed_sheet.members)
    marks: list[str] = loaded.page.evaluate(
        "() => [...document.querySelectorAll('#statement-timeline .mark.statement')].map(m => m.dataset.statement)"
    )
    assert sorted(map(int, marks)) == sorted(s.id for s in seed_sheet.statements)
    # Every mark is drawn with a size, and links to its statement in the sheet.
    sizes: list[float] = loaded.page.evaluate(
        "() => [...document.querySelectorAll('#statement-timeline .mark')].map(m => m.getBoundingClientRect().width)"
    )
    assert all(size > 3 for size in sizes)
    for mark in marks:
        assert loaded.page.locator(f"#statement-{mark}").count() == 1
    labels: list[str] = loaded.page.evaluate(
        """() => [...document.querySelectorAll('#membership-timeline text[lang=ar]')].map(
            t => getComputedStyle(t).direction)"""
    )
    assert labels == ["rtl"] * len(seed_sheet.members)
    assert loaded.errors == []


def test_markup_in_a_quote_shows_as_text_and_never_runs(
    browser: Browser, seed_sheet: FactSheet, tmp_path: Path
) -> None:
    loaded = _open(browser, render(_hostile(seed_sheet)), tmp_path)
    page = loaded.page
    assert page.evaluate("() => window.__pwned === undefined")
    assert (
        page.evaluate("() => document.querySelectorAll('main script, main img, article svg, main b').length")
        == 0
    )
    quote = page.locator("#statement-999 blockquote.quote").inner_text()
    assert "<script>window.__pwned = 1</script>" in quote
    assert "<b>bold</b> & </blockquote>" in page.locator("#statement-999 .translation").inner_text()
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert loaded.errors == []
