"""extract, ingest, review and eval through the command line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.extraction.evaluate import token_f1
from csto_kb.resources import seeds_dir
from csto_kb.services.seed import load_seeds
from tests.corpus import DEV, require
from tests.helpers import Databases, Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]
SEED_TEXT = seeds_dir() / "000_a04cb8df2fb7d647.txt"
REUTERS = DEV / "04_ar_reuters_investing_zas_peacekeepers.txt"


@pytest.fixture
def entities_only(databases: Databases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """A database holding the curated entities but no article, so the seed article can be ingested afresh."""
    url = databases.empty()
    migrate.upgrade(url)
    folder = tmp_path / "entities-only"
    folder.mkdir()
    shutil.copy(seeds_dir() / "entities.yaml", folder / "entities.yaml")
    engine = make_engine(url)
    load_seeds(UnitOfWork(engine), folder)
    monkeypatch.setenv("CSTO_KB_DATABASE_URL", url)
    yield engine
    engine.dispose()


def article(tmp_path: Path, body: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_extract_prints_the_seed_statements_as_json_and_writes_nothing(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    run = ok(cli("extract", str(SEED_TEXT), "--lang", "ar", "--published", "2022-04-15", "--format", "json"))
    payload = json.loads(run.stdout)
    body = SEED_TEXT.read_text(encoding="utf-8")
    assert len(payload["statements"]) == 12
    for item in payload["statements"]:
        for key in (
            "speaker",
            "speaker_mention",
            "speaker_role",
            "quote",
            "quote_start",
            "quote_end",
            "direct",
            "cue",
            "date_text",
            "said_on",
            "confidence",
        ):
            assert key in item
        assert body[item["quote_start"] : item["quote_end"]] == item["quote"]
    assert payload["statements"][0]["speaker_key"] == "nikol-pashinyan"
    assert payload["statements"][0]["said_on"] == "2022-04-13"
    assert {f["count"] for f in payload["force_levels"]} == {17000, 4000}
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    ("content", "args", "needle"),
    [
        (b"\xff\xfe not utf-8", ["--lang", "ar"], "not UTF-8"),
        (b"---\nlang: ar\n---\n   \n", [], "no text"),
        ("نص عربي قصير".encode(), ["--lang", "fr"], "lang"),
        ("نص عربي قصير".encode(), [], "lang"),
        ("نص".encode(), ["--lang", "ar", "--published", "2022-02-30"], "published"),
    ],
    ids=["not-utf8", "empty-body", "unknown-language", "no-language", "bad-date"],
)
def test_extract_and_ingest_refuse_bad_articles_in_one_line(
    cli: Cli, engine: Engine, tmp_path: Path, content: bytes, args: list[str], needle: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    before = table_counts(engine)
    one_line_error(cli("extract", str(path), *args), 2, needle)
    one_line_error(cli("ingest", str(path), *args), 2, needle)
    assert table_counts(engine) == before


def test_ingesting_the_same_text_twice_is_a_no_op_that_says_so(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    run = ok(cli("ingest", str(SEED_TEXT), "--lang", "ar"))
    assert "already ingested as source 1" in run.stdout
    assert table_counts(engine) == before


def test_ingest_then_accept_everything_reproduces_the_curated_seed(cli: Cli, entities_only: Engine) -> None:
    engine = entities_only
    run = ok(
        cli(
            "ingest",
            str(SEED_TEXT),
            "--lang",
            "ar",
            "--published",
            "2022-04-15",
            "--publisher",
            "Sky News Arabia",
            "--by",
            "reviewer",
        )
    )
    assert "12 statement" in run.stdout
    assert count(engine, "candidate", "WHERE status = 'pending'") >= 12
    assert count(engine, "statement") == 0

    accepted = ok(cli("review", "accept", "--all-from", "1", "--by", "reviewer")).stdout
    # The figures say "the organisation" (المنظمة): they wait until a reviewer names it.
    assert accepted.count("left pending") == 2

    curated = yaml.safe_load((seeds_dir() / "000_a04cb8df2fb7d647.yaml").read_text(encoding="utf-8"))[
        "statements"
    ]
    with engine.connect() as connection:
        stored = connection.execute(
            text(
                "SELECT e.key, s.quote, v.method, v.extractor_version, v.span_start, v.span_end, s.said_on "
                "FROM statement s JOIN entity e ON e.id = s.speaker_id "
                "JOIN evidence v ON v.statement_id = s.id ORDER BY v.span_start"
            )
        ).all()
    assert len(stored) == 12
    for row, gold in zip(stored, curated, strict=True):
        assert row.key == gold["speaker"]
        assert token_f1(row.quote, gold["quote"]) >= 0.9
        assert row.method == "extracted"
        assert row.extractor_version
    assert stored[0].said_on == "2022-04-13"
    assert count(engine, "candidate", "WHERE status = 'accepted' AND statement_id IS NOT NULL") == 12
    assert count(engine, "force_level") == 0
    figures = json.loads(ok(cli("review", "list", "--kind", "force_level", "--format", "json")).stdout)
    for figure in figures:
        ok(cli("review", "edit", str(figure["id"]), "--organisation", "CSTO"))
    ok(cli("review", "accept", *(str(f["id"]) for f in figures)))
    with engine.connect() as connection:
        levels = connection.execute(
            text("SELECT count, approximate, readiness FROM force_level ORDER BY count")
        ).all()
    assert [tuple(level) for level in levels] == [
        (4000, True, "peacekeeping"),
        (17000, False, "permanent_alert"),
    ]
    # The unit as extracted is the Arabic source's own word, the original label.
    with engine.connect() as connection:
        units = connection.execute(text("SELECT lang, text, is_original FROM force_level_unit")).all()
    assert sorted((lang, unit, bool(o)) for lang, unit, o in units) == [("ar", "جندي", True)] * 2
    assert count(engine, "change", "WHERE table_name = 'statement' AND by = 'reviewer'") == 12


def test_accepting_a_statement_already_stored_links_to_it(
    cli: Cli, entities_only: Engine, tmp_path: Path
) -> None:
    engine = entities_only
    ok(cli("ingest", str(SEED_TEXT), "--lang", "ar", "--published", "2022-04-15"))
    first = json.loads(ok(cli("review", "list", "--kind", "statement", "--format", "json")).stdout)[0]
    ok(cli("review", "accept", str(first["id"])))
    # The same sentence reported by a second article: accepting it links to the statement already stored.
    copy = article(
        tmp_path, "وقال رئيس الوزراء الأرميني نيكول باشينيان إن " + first["payload"]["quote"] + ".\n"
    )
    ok(cli("ingest", str(copy), "--lang", "ar"))
    second = json.loads(
        ok(cli("review", "list", "--source", "2", "--kind", "statement", "--format", "json")).stdout
    )
    run = ok(cli("review", "accept", str(second[0]["id"])))
    assert "linked to existing statement #1" in run.stdout
    assert count(engine, "statement") == 1
    # The corroborating report is kept: statement #1 now cites both articles.
    shown = json.loads(ok(cli("statement", "show", "1", "--format", "json")).stdout)
    assert [e["source"]["id"] for e in shown["evidence"]] == [1, 2]
    assert [e["method"] for e in shown["evidence"]] == ["extracted", "extracted"]


def test_reject_keeps_the_candidate_with_its_reason(cli: Cli, entities_only: Engine) -> None:
    engine = entities_only
    ok(cli("ingest", str(SEED_TEXT), "--lang", "ar", "--published", "2022-04-15"))
    ok(cli("review", "reject", "1", "2", "--reason", "not about the CSTO", "--by", "reviewer"))
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT status, reason, decided_by FROM candidate WHERE id IN (1, 2)")
        ).all()
    assert rows == [("rejected", "not about the CSTO", "reviewer")] * 2
    listed = json.loads(ok(cli("review", "list", "--status", "rejected", "--format", "json")).stdout)
    assert [c["id"] for c in listed] == [1, 2]
    one_line_error(cli("review", "accept", "1"), 1, "already rejected")
    one_line_error(cli("review", "reject", "3", "--reason", " "), 2, "reason")


def test_edit_corrects_a_candidate_before_acceptance_and_keeps_the_proposal(
    cli: Cli, entities_only: Engine
) -> None:
    engine = entities_only
    ok(cli("ingest", str(SEED_TEXT), "--lang", "ar", "--published", "2022-04-15"))
    ok(cli("review", "edit", "4", "--said-on", "2022-04-14", "--speaker", "Mitchell Belfer"))
    shown = json.loads(ok(cli("review", "show", "4", "--format", "json")).stdout)
    assert shown["payload"]["said_on"] == "2022-04-14"
    assert shown["payload"]["speaker_key"] == "mitchell-belfer"
    assert count(engine, "change", "WHERE table_name = 'candidate' AND action = 'update' AND row_id = 4") == 1
    ok(cli("review", "accept", "4"))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT said_on FROM statement")).scalar_one() == "2022-04-14"
    one_line_error(cli("review", "edit", "5", "--said-on", "2022-13"), 2, "said_on")
    one_line_error(cli("review", "edit", "5", "--speaker", "Nobody Known"), 2, "speaker")
    # A part of a name is not a name: a correction must say whom it means.
    before = table_counts(engine)
    one_line_error(cli("review", "edit", "5", "--speaker", "Mitchell"), 2, "speaker", "Mitchell Belfer")
    one_line_error(cli("review", "edit", "5", "--speaker", "Nikol"), 2, "speaker")
    assert table_counts(engine) == before
    one_line_error(cli("review", "edit", "5"), 2, "at least one field")


def test_review_commands_refuse_bad_input_in_one_line(cli: Cli, entities_only: Engine) -> None:
    engine = entities_only
    ok(cli("ingest", str(SEED_TEXT), "--lang", "ar", "--published", "2022-04-15"))
    before = table_counts(engine)
    one_line_error(cli("review", "list", "--status", "maybe"), 2, "status")
    one_line_error(cli("review", "list", "--kind", "rumour"), 2, "kind")
    one_line_error(cli("review", "show", "999"), 1, "999")
    one_line_error(cli("review", "accept"), 2, "ids")
    one_line_error(cli("review", "accept", "1", "--all-from", "1"), 2, "not both")
    one_line_error(cli("review", "accept", "--all-from", "99"), 1, "source")
    one_line_error(cli("review", "accept", "1", "999"), 1, "999")
    assert table_counts(engine) == before


def test_ingest_reads_front_matter_and_resolves_known_speakers(cli: Cli, engine: Engine) -> None:
    require(REUTERS)
    run = ok(cli("ingest", str(REUTERS), "--format", "json"))
    report = json.loads(run.stdout)
    assert report["already_stored"] is False
    candidates = json.loads(
        ok(
            cli(
                "review",
                "list",
                "--source",
                str(report["source_id"]),
                "--kind",
                "statement",
                "--format",
                "json",
            )
        ).stdout
    )
    assert any(c["payload"]["speaker_key"] == "stanislav-zas" for c in candidates)
    with engine.connect() as connection:
        published = connection.execute(text("SELECT published_on FROM source WHERE id = 2")).scalar_one()
    assert published == "2022-02-19"


def test_eval_prints_precision_recall_and_f1_per_article_and_language(cli: Cli) -> None:
    require(REUTERS)
    run = ok(cli("eval", str(DEV)))
    assert "04_ar_reuters_investing_zas_peacekeepers" in run.stdout
    assert "strict attr" in run.stdout
    report = json.loads(ok(cli("eval", str(DEV), "--format", "json")).stdout)
    for lang in ("ar", "en"):
        strict = report["by_lang"][lang]["strict_attribution"]
        assert strict["gold"] > 0


def test_eval_scores_the_curated_seed(cli: Cli) -> None:
    report = json.loads(ok(cli("eval", "--seed", "--format", "json")).stdout)
    assert report["overall"]["attribution"]["gold"] == 12
    assert report["overall"]["attribution"]["correct"] == 12


def test_eval_refuses_a_missing_folder_or_both_inputs(cli: Cli, tmp_path: Path) -> None:
    one_line_error(cli("eval"), 2, "directory")
    one_line_error(cli("eval", str(tmp_path / "nowhere")), 2, "not a folder")
    one_line_error(cli("eval", str(tmp_path)), 2, "no *.txt")
    one_line_error(cli("eval", str(tmp_path), "--seed"), 2, "directory")
