"""factsheet --format html: one self-contained, bilingual file, every line footnoted, all user text escaped."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.helpers import Run, ok, one_line_error, table_counts
from tests.test_factsheet import (
    ESCAPE_QUOTE,
    add_escape_statement,
    add_untranslated_statement,
    seed_statements,
)

Cli = Callable[..., Run]
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EPOCH = "1704067200"  # 2024-01-01T00:00:00Z


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def factsheet_html(cli: Cli, tmp_path: Path, *args: str) -> str:
    target = tmp_path / "csto.html"
    run = ok(cli("factsheet", "CSTO", "--format", "html", "-o", str(target), *args))
    assert run.stdout == ""
    assert str(target) in run.stderr
    return target.read_text(encoding="utf-8")


def section(html: str, ident: str) -> str:
    match = re.search(rf'<section id="{ident}".*?</section>', html, re.S)
    assert match, ident
    return match.group(0)


def test_html_fact_sheet_is_one_self_contained_file(cli: Cli, db_url: str, tmp_path: Path) -> None:
    html = factsheet_html(cli, tmp_path)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')
    doc = parse(html)
    tags = [t for t, _ in doc.tags]
    assert "script" not in tags
    assert "link" not in tags
    assert "img" not in tags
    assert tags.count("style") == 1
    assert tags.count("svg") == 1  # the statement timeline; the membership chart is HTML
    for tag, attrs in doc.tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert value == "" or value.startswith(("#", "https://", "http://")), (tag, attrs)
        assert tag != "a" or (attrs.get("href") or "").startswith("#"), attrs  # the seed has no URLs
    assert "@media print" in html
    assert "@page { size: A4" in html


def test_html_fact_sheet_has_every_section_in_order(cli: Cli, db_url: str, tmp_path: Path) -> None:
    html = factsheet_html(cli, tmp_path)
    order = ["identity", "members", "obligations", "forces", "events", "statements", "sources"]
    positions = [html.index(f'<section id="{ident}"') for ident in order]
    assert positions == sorted(positions)
    assert (
        '<h1><span class="name" lang="en" dir="auto">Collective Security Treaty Organization</span> '
        '<span class="beside" lang="ar" dir="rtl">'
    ) in html


def test_html_members_have_both_names_status_dates_and_a_footnote(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    members = section(factsheet_html(cli, tmp_path), "members")
    rows = re.findall(r"<tr><td>.*?</tr>", members)
    assert len(rows) == 6
    assert rows[0].startswith(
        '<tr><td><span class="name" lang="en" dir="auto">Armenia</span> · '
        '<span class="original" lang="ar" dir="rtl">أرمينيا</span></td>'
    )
    for row in rows:
        assert "<td>member</td><td>2002</td><td>—</td>" in row
        assert '<a href="#source-1" ' in row
        assert "[1, chars 253–358]" in row
    assert members.count('class="mark membership status-member open"') == 6
    assert '<li><span class="swatch status-member"></span>member</li>' in members
    assert members.count('<p class="episodes">') == 6


def test_html_quotes_every_statement_in_arabic_beside_its_translation(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    statements = section(factsheet_html(cli, tmp_path, "--statements", "all"), "statements")
    for s in seed_statements():
        assert (
            f'<blockquote class="original quote" lang="ar" dir="rtl">{s["quote"]}</blockquote>' in statements
        )
        assert s["translation"].replace("'", "&#x27;").replace('"', "&quot;") in statements
        assert f"[1, chars {s['start']}–{s['end']}]" in statements
    ids = [int(i) for i in re.findall(r'<article class="statement" id="statement-(\d+)"', statements)]
    assert ids == [11, 12, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3]
    assert "2022-04</time> (known to the month)" in statements
    assert "2022-02-19</time> (exact day)" in statements
    assert statements.count('class="mark statement"') == 12


def test_html_forces_show_figures_side_by_side_with_dates_and_sources(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    forces = section(factsheet_html(cli, tmp_path), "forces")
    assert "about 4,000" in forces
    assert "17,000" in forces
    assert forces.count("as of 2022-02-19") == 2
    assert "[1, chars 3163–3205]" in forces
    assert "[1, chars 3120–3160]" in forces


def test_every_footnote_points_at_a_numbered_source(cli: Cli, db_url: str, tmp_path: Path) -> None:
    html = factsheet_html(cli, tmp_path)
    targets = set(re.findall(r'href="#(source-\d+)"', html))
    assert targets == {"source-1"}
    assert (
        '<li id="source-1" value="1">Sky News Arabia, <time datetime="2022-04-15">2022-04-15</time> (inferred)'
        in html
    )
    for ident in ("identity", "members", "obligations", "forces", "events"):
        body = re.sub(
            r"<figure>.*?</figure>", "", section(html, ident), flags=re.S
        )  # the chart cites nothing
        lines = re.findall(r"<tr><td>.*?</tr>|<li>.*?</li>|<div class=\"figure-card\".*?</div></div>", body)
        assert all('class="cite"' in line for line in lines), ident


def test_html_escapes_user_text(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    add_escape_statement(cli, tmp_path)
    html = factsheet_html(cli, tmp_path)
    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | the alliance_stands *firm* &amp; ready." in html
    # The English quote is the original an English reader is shown: its English "translation" is not.
    assert "bold</b>" not in html
    assert ESCAPE_QUOTE in "".join(parse(html).text)
    assert '<li id="source-2" value="2">source 2' in html


def test_html_says_what_it_shows_and_how_to_list_every_statement(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    statements = section(factsheet_html(cli, tmp_path), "statements")
    assert statements.count('<article class="statement"') == 11
    assert "<strong>Shown: 11 of 12 statements by 5 speakers (2 by officials).</strong>" in statements
    assert "Mitchell Belfer</span> · " in statements
    assert ": 3 of 4" in statements
    assert "<code>csto-kb export statements --about csto</code>" in statements
    assert "<code>--statements all</code>" in statements
    every = section(factsheet_html(cli, tmp_path, "--statements", "all"), "statements")
    assert "not shown" not in every


def test_html_marks_an_untranslated_quote(cli: Cli, db_url: str, tmp_path: Path) -> None:
    add_untranslated_statement(cli)
    html = factsheet_html(cli, tmp_path)
    article = re.search(r'<article class="statement" id="statement-13".*?</article>', html, re.S)
    assert article
    assert '<span class="untranslated" title="No translation is recorded">untranslated</span>' in article[0]
    assert html.count('class="untranslated"') == 1


def test_html_sources_are_numbered_by_id_and_print_each_title_once(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    article = tmp_path / "sana.txt"
    article.write_text("قال الأمين العام: المنظمة جاهزة.\n", encoding="utf-8")
    added = ok(
        cli(
            "source",
            "add",
            str(article),
            "--lang",
            "ar",
            "--publisher",
            "سانا",
            "--title",
            "المنظمة جاهزة",
            "--published",
            "2023-05-16",
        )
    )
    assert added.stdout.startswith("added source 2:")
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Stanislav Zas",
            "--quote",
            "المنظمة جاهزة",
            "--source",
            "2",
            "--about",
            "CSTO",
            "--said-on",
            "2023-05-16",
        )
    )
    html = factsheet_html(cli, tmp_path)
    item = re.search(r'<li id="source-2" value="2">.*?</li>', html)
    assert item
    assert item[0].count("المنظمة جاهزة") == 1
    assert item[0].startswith(
        '<li id="source-2" value="2"><bdi>سانا</bdi>, <cite class="title" lang="ar" dir="rtl">المنظمة جاهزة</cite>, '
        '<time datetime="2023-05-16">2023-05-16</time>'
    )
    assert "[2, chars" in html


def test_html_as_of_a_date(cli: Cli, db_url: str, tmp_path: Path) -> None:
    html = factsheet_html(cli, tmp_path, "--as-of", "2022-03")
    assert "as it stood on 2022-03" in html
    assert section(html, "statements").count('<article class="statement"') == 2
    assert "Mitchell Belfer" not in html


def test_html_for_an_alliance_with_nothing_recorded(cli: Cli, db_url: str) -> None:
    html = ok(cli("factsheet", "NATO", "--format", "html")).stdout
    assert "No memberships recorded." in html
    assert "<svg" not in html


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (("--as-of", "2022-02-30"), 2, ("as-of", "2022-02-30")),
        (("--format", "htm"), 2, ("--format", "htm")),
        (("Atlantis",), 1, ("alliance", "Atlantis")),
    ],
)
def test_html_factsheet_refuses_bad_input_and_writes_no_file(
    cli: Cli, engine: Engine, tmp_path: Path, args: tuple[str, ...], code: int, needles: tuple[str, ...]
) -> None:
    target = tmp_path / "sheet.html"
    before = table_counts(engine)
    one_line_error(cli("factsheet", "--format", "html", *args, "-o", str(target)), code, *needles)
    assert not target.exists()
    assert table_counts(engine) == before


@pytest.mark.parametrize(("name", "fmt"), [("csto-factsheet.html", "html"), ("csto-factsheet.md", "md")])
def test_the_published_seed_fact_sheet_is_current(
    cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch, name: str, fmt: str
) -> None:
    """docs/ holds the seed's fact sheet as the code renders it today (CSTO_KB_UPDATE_DOCS=1 rewrites it)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    text = ok(cli("factsheet", "CSTO", "--format", fmt)).stdout
    path = DOCS / name
    if os.environ.get("CSTO_KB_UPDATE_DOCS") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"docs/{name} is stale; CSTO_KB_UPDATE_DOCS=1 rewrites it"
    )
