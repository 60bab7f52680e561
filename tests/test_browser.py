"""The HTML fact sheet in a real browser: Arabic right-to-left and isolated from the Latin beside it,
nothing overflowing at 1280 px, on a 390 px phone or on A4, a print of a few pages, timeline ticks that
never overlap, membership episodes with labels level with their bars, no console errors.

Needs Playwright for Python and Debian's Chromium (no browser download). Without them the tests skip, except
under CI (the CI variable set), where they fail. With CSTO_KB_UPDATE_DOCS=1 the seed's screenshots are
written to docs/screenshots/; otherwise they go to the test's temporary directory.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.exporters.factsheet_html import render
from csto_kb.schemas.entities import NameOut
from csto_kb.schemas.facts import MembershipOut
from csto_kb.schemas.factsheet import FactSheet
from csto_kb.schemas.statements import EntityRef
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
PHONE = 390
# The seed's sheet prints on this many A4 pages (sections follow one another; no forced page breaks).
SEED_PDF_PAGES = 6


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
    assert breaks == ["auto"] * len(breaks)  # sections are packed, not one to a page
    avoid = loaded.page.evaluate(
        """() => ['article.statement', '.figure-card', '.mrow', 'ol.sources li', 'tr'].map(
            s => getComputedStyle(document.querySelector(s)).breakInside)"""
    )
    assert avoid == ["avoid"] * 5
    loaded.page.screenshot(path=str(_shots_dir(tmp_path) / "csto-factsheet-a4.png"), full_page=True)
    pdf = loaded.page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert _pages(pdf) == SEED_PDF_PAGES
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
        """() => [...document.querySelectorAll('#membership-timeline .name-ar')].map(
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


def _pages(pdf: bytes) -> int:
    """The number of pages of a PDF: its page objects (``/Type /Page``, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


def test_nothing_overflows_a_phone(browser: Browser, seed_sheet: FactSheet, tmp_path: Path) -> None:
    for sheet in (seed_sheet, _with_episodes(seed_sheet)):
        loaded = _open(browser, render(sheet), tmp_path, width=PHONE)
        _no_overflow(loaded.page)
        assert loaded.errors == []
    loaded = _open(browser, render(seed_sheet), tmp_path, width=PHONE)
    loaded.page.screenshot(path=str(_shots_dir(tmp_path) / "csto-factsheet-390.png"), full_page=True)


def test_the_sheet_read_in_arabic_is_a_right_to_left_page_that_fits_a_screen_and_a_phone(
    browser: Browser, seed_sheet: FactSheet, tmp_path: Path
) -> None:
    arabic = seed_sheet.model_copy(update={"lang": "ar"})
    for width in (SCREEN["width"], PHONE):
        loaded = _open(browser, render(arabic), tmp_path, width=width)
        _no_overflow(loaded.page)
        assert loaded.errors == []
    page = loaded.page
    assert page.evaluate("() => getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.evaluate("() => document.querySelector('#members-h').textContent") == "الأعضاء"
    # A date inside an Arabic line, a citation's range of characters and the charts read left to right, their
    # digits in order; the citation itself, in Arabic words, reads right to left.
    kept: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('.cite bdi, .figure-card .meta bdi, .mchart')].map(
            e => getComputedStyle(e).direction)"""
    )
    assert kept
    assert set(kept) == {"ltr"}
    cites: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('.cite')].map(e => getComputedStyle(e).direction)"""
    )
    assert cites
    assert set(cites) == {"rtl"}


def _spread(sheet: FactSheet, first: dt.date, last: dt.date) -> FactSheet:
    """The sheet with its statements dated evenly from ``first`` to ``last`` and its memberships over the
    same span (the sheet's clock is ``last``)."""
    n = len(sheet.statements)
    step = (last - first) / (n - 1)
    statements = [
        s.model_copy(update={"said_on": (first + step * i).isoformat(), "said_on_precision": "day"})
        for i, s in enumerate(sheet.statements)
    ]
    members = [m.model_copy(update={"valid_from": first.isoformat()}) for m in sheet.members]
    return sheet.model_copy(
        update={
            "statements": statements,
            "members": members,
            "generated_at": dt.datetime.combine(last, dt.time()),
        }
    )


TICK_BOXES = """
(selector) => [...document.querySelectorAll(selector)].map(t => {
  const b = t.getBoundingClientRect();
  return {text: t.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom};
})
"""


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (dt.date(2022, 2, 19), dt.date(2022, 4, 14)),  # 2 months
        (dt.date(2021, 1, 10), dt.date(2022, 7, 10)),  # 18 months
        (dt.date(2013, 5, 1), dt.date(2023, 5, 1)),  # 10 years
    ],
)
@pytest.mark.parametrize("width", [SCREEN["width"], PHONE])
def test_timeline_tick_labels_never_overlap(
    browser: Browser, seed_sheet: FactSheet, tmp_path: Path, first: dt.date, last: dt.date, width: int
) -> None:
    loaded = _open(browser, render(_spread(seed_sheet, first, last)), tmp_path, width=width)
    for selector in ("#statement-timeline text.tick", "#membership-timeline .tick"):
        boxes: list[dict[str, Any]] = loaded.page.evaluate(TICK_BOXES, selector)
        assert len(boxes) >= 2, (selector, boxes)
        for a, b in itertools.pairwise(boxes):
            assert a["right"] <= b["left"], (selector, a, b)
    _no_overflow(loaded.page)
    assert loaded.errors == []


def _ref(key: str, en: str, ar: str, ident: int) -> EntityRef:
    return EntityRef(id=ident, key=key, name_en=en, name_ar=ar)


def _with_episodes(sheet: FactSheet) -> FactSheet:
    """The seed's sheet with the episodes of a few more articles: Armenia froze its participation, Uzbekistan
    was a member twice and withdrew, Serbia is an observer."""
    base = sheet.members[0]

    def episode(member: MembershipOut | EntityRef, status: str, start: str, end: str | None) -> MembershipOut:
        ref = member.member if isinstance(member, MembershipOut) else member
        return base.model_copy(update={"member": ref, "status": status, "valid_from": start, "valid_to": end})

    armenia = next(m for m in sheet.members if m.member.key == "armenia")
    uzbekistan = _ref("uzbekistan", "Uzbekistan", "أوزبكستان", 901)
    serbia = _ref("serbia", "Serbia", "صربيا", 902)
    members = [m for m in sheet.members if m.member.key != "armenia"]
    members += [
        episode(armenia, "member", "2002", "2023-06-30"),
        episode(armenia, "frozen", "2023-07", None),
        episode(uzbekistan, "member", "2006-08-16", "2012-06-28"),
        episode(uzbekistan, "suspended", "2012-06-28", "2012-12-19"),
        episode(uzbekistan, "withdrawn", "2012-12-19", None),
        episode(serbia, "observer", "2013-04", None),
    ]
    members.sort(key=lambda m: (m.member.name_en or "", m.valid_from or ""))
    # The sheet carries every name of the entities it shows, by id: the two new states' too.
    names = dict(sheet.entity_names)
    for ref in (uzbekistan, serbia):
        names[ref.id] = [
            NameOut(name=ref.name_en or ref.key, lang="en", is_primary=True),
            NameOut(name=ref.name_ar or ref.key, lang="ar", is_primary=True),
        ]
    return sheet.model_copy(update={"members": members, "entity_names": names})


@pytest.mark.parametrize("width", [SCREEN["width"], PHONE])
def test_membership_episodes_are_segments_with_their_labels_beside_their_bars(
    browser: Browser, seed_sheet: FactSheet, tmp_path: Path, width: int
) -> None:
    sheet = _with_episodes(seed_sheet)
    loaded = _open(browser, render(sheet), tmp_path, width=width)
    page = loaded.page
    segments: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll('#membership-timeline .mark.membership')].map(m => ({
            member: m.dataset.member, status: m.dataset.status, background: getComputedStyle(m).backgroundImage
              + getComputedStyle(m).backgroundColor, left: m.getBoundingClientRect().left,
            right: m.getBoundingClientRect().right, width: m.getBoundingClientRect().width}))"""
    )
    assert len(segments) == len(sheet.members)
    armenia = [s for s in segments if s["member"] == "armenia"]
    assert [s["status"] for s in armenia] == ["member", "frozen"]
    assert armenia[0]["right"] <= armenia[1]["left"] + 1  # one after the other on one row
    looks = {s["status"]: s["background"] for s in segments}
    assert len(set(looks.values())) == len(looks) == 5  # member, frozen, suspended, withdrawn, observer
    assert all(s["width"] >= 3 for s in segments)
    legend = page.locator("#membership-timeline .legend li").all_inner_texts()
    assert legend[:5] == ["member", "observer", "suspended", "frozen", "withdrawn"]
    assert "frozen since 2023-07" in page.locator('.mrow[data-member="armenia"] .episodes').inner_text()
    rows: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll('#membership-timeline .mrow:not(.axis)')].map(r => {
            const box = e => e.getBoundingClientRect();
            const en = box(r.querySelector('.name-en')), ar = box(r.querySelector('.name-ar'));
            const bar = box(r.querySelector('.track'));
            return {en: [en.top, en.bottom, en.left, en.right], ar: [ar.top, ar.bottom, ar.left, ar.right],
                    bar: [bar.top, bar.bottom], direction: getComputedStyle(r.querySelector('.name-ar')).direction};
        })"""
    )
    assert len(rows) == 8
    for row in rows:
        assert row["direction"] == "rtl"
        assert row["en"][3] <= row["ar"][2]  # English first, Arabic after it: never on top of each other
        if width == SCREEN["width"]:
            # Names and bar share a line: the bar's middle lies within both names' line boxes.
            middle = (row["bar"][0] + row["bar"][1]) / 2
            for name in (row["en"], row["ar"]):
                assert name[0] - 4 <= middle <= name[1] + 4, row
        else:
            # On a phone the names sit just above their bar.
            assert 0 <= row["bar"][0] - max(row["en"][1], row["ar"][1]) <= 12, row
    _no_overflow(page)
    page.locator("#members figure").screenshot(path=str(tmp_path / f"episodes-{width}.png"))
    assert loaded.errors == []


def test_an_arabic_publisher_does_not_reorder_the_date_beside_it(
    browser: Browser, seed_sheet: FactSheet, tmp_path: Path
) -> None:
    source = seed_sheet.sources[0].model_copy(
        update={"publisher": "سانا", "published_on": "2023-05-16", "published_basis": "stated"}
    )
    loaded = _open(browser, render(seed_sheet.model_copy(update={"sources": [source]})), tmp_path)
    boxes: dict[str, Any] = loaded.page.evaluate(
        """() => { const item = document.querySelector('#source-1');
            const box = e => { const b = e.getBoundingClientRect(); return [b.left, b.right]; };
            return {publisher: box(item.querySelector('bdi')), date: box(item.querySelector('time')),
                    text: item.innerText}; }"""
    )
    assert boxes["text"].startswith("سانا, 2023-05-16")
    # Read left to right, as an English line: the publisher, then its date, digits in order.
    assert boxes["publisher"][1] <= boxes["date"][0]
    assert loaded.errors == []
