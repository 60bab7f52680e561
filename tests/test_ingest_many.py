"""Ingesting what analysts have: saved web pages, folders, patterns and JSON Lines feeds, each article whole or
not at all, with a summary of what became of each."""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.helpers import Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]
PAGES = Path(__file__).resolve().parent / "pages"
AR_PAGE = PAGES / "ar_news_page.html"
EN_PAGE = PAGES / "en_news_page.html"

TEXT_ARTICLE = """\
---
url: "https://wire.invalid/2023/11/23/minsk"
publisher: "Minsk Test Desk"
published: 2023-11-23
lang: en
---
MINSK - "Our common security is built here, together," Belarusian President Alexander Lukashenko said on \
Thursday at the summit of the alliance.
"""


def feed_line(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


FEED_ARTICLE = feed_line(
    text='Kazakh Foreign Minister Murat Nurtleu said on Tuesday that "the alliance must answer its members".',
    lang="en",
    url="https://steppe.invalid/2023/10/03/nurtleu",
    publisher="Steppe Test Agency",
    published="2023-10-03",
)


def stored_sources(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, title, url, publisher, lang, published_on, body FROM source ORDER BY id")
        )
        return [dict(row._mapping) for row in rows]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of three articles, one of each kind: a text file, a saved web page and a one-line feed."""
    path = tmp_path / "articles"
    path.mkdir()
    (path / "minsk.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    shutil.copy(EN_PAGE, path / "deployment.html")
    (path / "feed.jsonl").write_text(FEED_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: reading a saved page must fetch nothing."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_a_saved_web_page_is_stored_as_its_article_text_and_metadata(
    cli: Cli, engine: Engine, no_network: None
) -> None:
    before = count(engine, "source")
    out = ok(cli("ingest", str(AR_PAGE))).stdout
    assert out.startswith("ingested source ")
    [source] = stored_sources(engine)[before:]
    assert source["title"] == "تدريبات مشتركة لقوات المنظمة في الخريف"
    assert source["url"] == "https://akhbar.invalid/world/2023/05/16/csto-drills"
    assert source["lang"] == "ar-EG"
    assert str(source["published_on"]) == "2023-05-16"
    body = source["body"]
    assert "قوات الرد السريع التابعة للمنظمة جاهزة" in body
    # Menus, most-read links, comments, scripts and the footer are not the article.
    for chrome in ("الأكثر قراءة", "التعليقات", "جميع الحقوق محفوظة", "analytics", "font-family", "رياضة"):
        assert chrome not in body
    shown = ok(cli("source", "show", str(source["id"]))).stdout
    assert "شبكة أخبار الاختبار" in shown
    # The tag ar-EG is read by the Arabic extractor; every proposed span is the stored text's.
    candidates = json.loads(
        ok(cli("review", "list", "--source", str(source["id"]), "--format", "json")).stdout
    )
    statements = [c for c in candidates if c["kind"] == "statement"]
    assert statements
    for candidate in statements:
        payload = candidate["payload"]
        assert body[payload["quote_start"] : payload["quote_end"]] == payload["quote"]
    assert any("شويغو" in c["payload"]["speaker"] for c in statements)


def test_options_win_over_what_the_page_says(cli: Cli, engine: Engine) -> None:
    ok(
        cli(
            "ingest",
            str(EN_PAGE),
            "--publisher",
            "Another Desk",
            "--published",
            "2024-03-09",
            "--title",
            "A headline of our own",
        )
    )
    source = stored_sources(engine)[-1]
    assert (source["publisher"], str(source["published_on"]), source["title"]) == (
        "Another Desk",
        "2024-03-09",
        "A headline of our own",
    )
    assert source["url"] == "https://testwire.invalid/news/2024/03/08/alliance-deployment"


def test_source_add_and_extract_read_web_pages_too(cli: Cli, engine: Engine) -> None:
    added = ok(cli("source", "add", str(EN_PAGE))).stdout
    assert "Test Wire" in added
    body = stored_sources(engine)[-1]["body"]
    assert body.startswith("Alliance chief rules out new deployment\n")
    assert "cookies" not in body
    printed = ok(cli("extract", str(EN_PAGE), "--format", "json")).stdout
    speakers = {s["speaker"] for s in json.loads(printed)["statements"]}
    assert any("Tasmagambetov" in s for s in speakers)


def test_a_page_without_a_language_needs_lang(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    page = tmp_path / "untagged.html"
    page.write_text(
        EN_PAGE.read_text(encoding="utf-8").replace('<html lang="en">', "<html>"), encoding="utf-8"
    )
    before = table_counts(engine)
    one_line_error(cli("ingest", str(page)), 2, "lang:", "declares no language", "--lang")
    assert table_counts(engine) == before
    ok(cli("ingest", str(page), "--lang", "en"))
    assert stored_sources(engine)[-1]["lang"] == "en"


def test_a_page_declaring_a_malformed_language_is_refused(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    page = tmp_path / "bad_lang.html"
    page.write_text(
        EN_PAGE.read_text(encoding="utf-8").replace('<html lang="en">', '<html lang="english_UK">'),
        encoding="utf-8",
    )
    before = table_counts(engine)
    one_line_error(cli("ingest", str(page)), 2, "lang:", "english_UK", "BCP 47")
    assert table_counts(engine) == before


def test_a_page_with_no_article_text_is_refused(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text('<html lang="en"><head><title>Nothing</title></head><body><nav>Home</nav></body></html>')
    before = table_counts(engine)
    one_line_error(cli("ingest", str(page)), 2, "file:", "no article text")
    assert table_counts(engine) == before


def test_a_folder_of_three_articles_is_ingested_and_a_second_run_skips_them(
    cli: Cli, engine: Engine, folder: Path, no_network: None
) -> None:
    before = count(engine, "source")
    run = ok(cli("ingest", str(folder)))
    assert "3 articles: 3 ingested, 0 already stored (skipped), 0 failed" in run.stdout
    assert "pending review:" in run.stdout
    assert "statement" in run.stdout
    sources = stored_sources(engine)[before:]
    assert {s["publisher"] for s in sources} == {"Minsk Test Desk", "Test Wire", "Steppe Test Agency"}
    pending = count(engine, "candidate", "WHERE status = 'pending'")
    assert pending >= 3

    again = json.loads(ok(cli("ingest", str(folder), "--format", "json")).stdout)
    assert (again["articles"], again["ingested"], again["already_stored"], again["failed"]) == (3, 0, 3, 0)
    assert again["candidates"] == {}
    assert sorted(o["source_id"] for o in again["outcomes"]) == sorted(s["id"] for s in sources)
    assert count(engine, "source") == before + 3
    assert count(engine, "candidate", "WHERE status = 'pending'") == pending


def test_one_bad_article_is_reported_without_stopping_the_rest(
    cli: Cli, engine: Engine, folder: Path
) -> None:
    (folder / "broken.txt").write_bytes(b"---\nlang: en\n---\nA Latin-1 byte \xe9 in the text.\n")
    (folder / "feed.jsonl").write_text(
        FEED_ARTICLE
        + feed_line(text="The minister said nothing new.", lang="english")
        + "{not json\n"
        + feed_line(text="An extra key.", lang="en", author="someone")
        + feed_line(text="A number for a date.", lang="en", published=2023)
        + "\n",
        encoding="utf-8",
    )
    before = count(engine, "source")
    run = cli("ingest", str(folder), "--format", "json")
    assert run.exit_code == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stderr == "error: 5 of 8 articles were not ingested (see above)\n"
    report = json.loads(run.stdout)
    assert (report["articles"], report["ingested"], report["failed"]) == (8, 3, 5)
    errors = {o["name"].rsplit("/", 1)[-1]: o["error"] for o in report["outcomes"] if o["error"]}
    assert errors["broken.txt"].startswith("file:")
    assert "not UTF-8" in errors["broken.txt"]
    assert errors["feed.jsonl:2"].startswith("lang:")
    assert errors["feed.jsonl:3"].startswith("line: not a JSON object")
    assert errors["feed.jsonl:4"].startswith("author: not a field")
    assert errors["feed.jsonl:5"].startswith("published: expected a JSON string")
    assert count(engine, "source") == before + 3

    table = cli("ingest", str(folder))
    assert table.exit_code == 1
    assert "8 articles: 0 ingested, 3 already stored (skipped), 5 failed" in table.stdout
    assert "broken.txt: file:" in table.stdout


def test_patterns_and_several_names_are_read_once_each(cli: Cli, engine: Engine, folder: Path) -> None:
    before = count(engine, "source")
    report = json.loads(
        ok(cli("ingest", str(folder / "*.html"), str(folder / "deployment.html"), "--format", "json")).stdout
    )
    assert (report["articles"], report["ingested"]) == (1, 1)
    assert count(engine, "source") == before + 1


@pytest.mark.parametrize(
    ("names", "needles"),
    [
        (["missing-folder"], ("file:", "does not exist")),
        (["*.nothing"], ("file:", "no file matches")),
        (["empty-folder"], ("file:", "holds no articles")),
    ],
)
def test_names_that_give_no_article_stop_before_anything_is_read(
    cli: Cli, engine: Engine, folder: Path, names: list[str], needles: tuple[str, ...]
) -> None:
    (folder.parent / "empty-folder").mkdir()
    before = table_counts(engine)
    one_line_error(cli("ingest", str(folder), *(str(folder.parent / n) for n in names)), 2, *needles)
    assert table_counts(engine) == before


@pytest.mark.parametrize("option", ["--url", "--title", "--published"])
def test_options_that_describe_one_article_are_refused_for_many(
    cli: Cli, engine: Engine, folder: Path, option: str
) -> None:
    before = table_counts(engine)
    value = "2024-01-01" if option == "--published" else "https://one.invalid/"
    one_line_error(cli("ingest", str(folder), option, value), 2, f"{option[2:]}:", "3 articles")
    assert table_counts(engine) == before


def test_a_publisher_given_once_names_every_article_of_a_batch(
    cli: Cli, engine: Engine, folder: Path
) -> None:
    before = count(engine, "source")
    ok(cli("ingest", str(folder), "--publisher", "Clippings Desk"))
    assert {s["publisher"] for s in stored_sources(engine)[before:]} == {"Clippings Desk"}


def test_a_feed_line_in_a_language_the_extractor_does_not_read_is_one_failure(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    feed = tmp_path / "mixed.jsonl"
    feed.write_text(
        FEED_ARTICLE + feed_line(text="Лавров заявил, что союз готов.", lang="ru"), encoding="utf-8"
    )
    run = cli("ingest", str(feed), "--format", "json")
    assert run.exit_code == 1
    report = json.loads(run.stdout)
    assert report["ingested"] == 1
    [failure] = [o for o in report["outcomes"] if o["error"]]
    assert failure["name"].endswith("mixed.jsonl:2")
    assert failure["error"].startswith("lang: extraction reads ar and en, not 'ru'")
