"""From a new article to a sourced fact sheet, as a newcomer walks it: sources of every kind, extracting again,
review that can repair a span, subjects and a date, a second outlet's report, and curated articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.resources import seeds_dir
from csto_kb.services.seed import load_seeds
from tests.helpers import Databases, Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"

ARTICLE = """\
---
url: "https://news.invalid/2024/02/26/zas"
publisher: "Caucasus Wire"
published: 2024-02-26
lang: en
---
MOSCOW - The alliance remains ready to help Armenia, CSTO Secretary General Imangali Tasmagambetov said \
on Monday. "The door stays open for Yerevan," he told reporters, adding that no member had asked to leave.
"""
QUOTE = "The door stays open for Yerevan,"
SECOND_OUTLET = (
    'ASTANA (Feb 26) - "The door stays open for Yerevan," Tasmagambetov told reporters in Moscow on Monday.\n'
)


def ids_in(pattern: str, output: str) -> list[int]:
    return [int(n) for n in re.findall(pattern, output)]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "zas.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_the_newcomers_path_from_source_add_to_a_fact_sheet_citing_two_outlets(
    cli: Cli, engine: Engine, article: Path, tmp_path: Path
) -> None:
    ok(cli("entity", "add", "Imangali Tasmagambetov", "--kind", "person", "--alias", "Tasmagambetov"))
    [source] = ids_in(r"added source (\d+)", ok(cli("source", "add", str(article))).stdout)
    ingested = ok(cli("ingest", "--source", str(source))).stdout
    assert f"extracted source {source} again" in ingested
    candidates = json.loads(ok(cli("review", "list", "--source", str(source), "--format", "json")).stdout)
    # Whatever the extractor proposed from the article, the reviewer makes it the quote it should be.
    direct = next(c for c in candidates if c["kind"] == "statement")
    shown = ok(cli("review", "show", str(direct["id"]))).stdout
    assert "In context:" in shown
    assert "⟦" in shown

    # The reviewer repairs the span, the speaker, the subjects and the date, then accepts.
    ok(
        cli(
            "review", "edit", str(direct["id"]), "--quote", QUOTE, "--speaker", "Tasmagambetov",
            "--about", "CSTO", "--about", "Armenia", "--said-on", "2024-02-26",
        )
    )  # fmt: skip
    accepted = ok(cli("review", "accept", str(direct["id"]))).stdout
    [statement] = ids_in(r"stored as statement #(\d+)", accepted)

    # A second outlet prints the same words: one more source of the same statement.
    second = tmp_path / "second.txt"
    second.write_text(SECOND_OUTLET, encoding="utf-8")
    [other] = ids_in(
        r"added source (\d+)",
        ok(cli("source", "add", str(second), "--lang", "en", "--publisher", "Steppe Daily", "--published",
               "2024-02-26")).stdout,
    )  # fmt: skip
    run = ok(cli("statement", "add", "--speaker", "Tasmagambetov", "--quote", QUOTE, "--source", str(other),
                 "--said-on", "2024-02-26"))  # fmt: skip
    assert f"statement #{statement} was already stored" in run.stdout

    sheet = json.loads(ok(cli("factsheet", "CSTO", "--format", "json")).stdout)
    [line] = [s for s in sheet["statements"] if s["id"] == statement]
    assert [e["source"]["id"] for e in line["evidence"]] == [source, other]
    assert {a["key"] for a in line["about"]} == {"csto", "armenia"}
    assert line["said_on"] == "2024-02-26"
    markdown = ok(cli("factsheet", "CSTO")).stdout
    numbers = {s["id"]: s["number"] for s in sheet["sources"]}
    assert f"[{numbers[source]}, chars" in markdown
    assert f"[{numbers[other]}, chars" in markdown


def test_review_edit_of_a_span_not_in_the_text_is_refused_and_keeps_the_candidate(
    cli: Cli, engine: Engine, article: Path
) -> None:
    ok(cli("ingest", str(article)))
    [first] = json.loads(ok(cli("review", "list", "--kind", "statement", "--format", "json")).stdout)[:1]
    before = table_counts(engine)
    one_line_error(cli("review", "edit", str(first["id"]), "--quote", "words never printed"), 2, "quote:")
    one_line_error(cli("review", "edit", str(first["id"]), "--about", "Atlantis"), 2, "about")
    one_line_error(cli("review", "edit", str(first["id"]), "--start", "3"), 2, "quote")
    assert table_counts(engine) == before


def test_statements_without_a_date_of_their_own_are_not_after_the_publication(
    cli: Cli, engine: Engine, article: Path
) -> None:
    ok(cli("ingest", str(article)))
    ok(cli("review", "accept", "--all-from", "2"))
    rows = json.loads(ok(cli("who-said", "--source", "2", "--format", "json")).stdout)
    assert rows
    assert {(s["said_on"], s["said_on_basis"]) for s in rows} <= {
        ("2024-02-26", "not_after"),
        ("2024-02-26", "stated"),
    }
    table = ok(cli("who-said", "--source", "2")).stdout
    if any(s["said_on_basis"] == "not_after" for s in rows):
        assert "not after 2024-02-26" in table


# --- sources ---------------------------------------------------------------------------------------------


def test_a_source_known_by_its_address_alone_can_be_cited(cli: Cli, engine: Engine) -> None:
    run = ok(cli("source", "add", "--url", "https://tass.invalid/x", "--publisher", "TASS", "--published",
                 "2022-02-19", "--title", "Zas on peacekeepers"))  # fmt: skip
    [source] = ids_in(r"added source (\d+)", run.stdout)
    assert "reference, no stored text" in run.stdout
    added = ok(cli("statement", "add", "--speaker", "Zas", "--quote", "We are ready to act", "--lang", "en",
                   "--source", str(source)))  # fmt: skip
    [statement] = ids_in(r"added statement #(\d+)", added.stdout)
    [(start, kind)] = [
        tuple(r)
        for r in engine.connect().execute(
            text(
                "SELECT e.span_start, s.kind FROM evidence e JOIN source s ON s.id = e.source_id "
                "WHERE e.statement_id = :id"
            ),
            {"id": statement},
        )
    ]
    assert (start, kind) == (None, "reference")
    one_line_error(cli("source", "add", "--url", "https://tass.invalid/x"), 1, "already stored")
    one_line_error(cli("source", "add"), 2, "url")


def test_an_excerpt_is_stored_as_such_and_spans_are_checked_against_it(cli: Cli, engine: Engine) -> None:
    excerpt = "Zas said the organisation was ready to send peacekeepers."
    run = ok(cli("source", "add", "--excerpt", excerpt, "--url", "https://paywalled.invalid/a", "--published",
                 "2022-02-19"))  # fmt: skip
    [source] = ids_in(r"added source (\d+)", run.stdout)
    shown = ok(cli("source", "show", str(source))).stdout
    assert "Kind:      excerpt" in shown
    one_line_error(
        cli("statement", "add", "--speaker", "Zas", "--quote", "not in the excerpt", "--source", str(source)),
        2,
        "quote:",
    )
    one_line_error(cli("source", "add", "--excerpt", " "), 2, "excerpt")
    one_line_error(cli("source", "add", "--excerpt", "a", "--transcript", "b"), 2, "one of")


def test_source_edit_corrects_metadata_with_history_and_moves_undated_statements(
    cli: Cli, engine: Engine, article: Path
) -> None:
    [source] = ids_in(r"added source (\d+)", ok(cli("source", "add", str(article))).stdout)
    ok(cli("statement", "add", "--speaker", "Zas", "--quote", QUOTE, "--source", str(source)))
    sha = engine.connect().execute(text("SELECT sha256 FROM source WHERE id = :id"), {"id": source}).scalar()

    ok(cli("source", "edit", str(source), "--published", "2024-02-25", "--inferred", "--reason", "wire date"))

    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT published_on, published_basis, sha256 FROM source WHERE id = :id"), {"id": source}
        ).one()
        said_on = connection.execute(
            text(
                "SELECT said_on FROM statement s JOIN evidence e ON e.statement_id = s.id WHERE e.source_id = :id"
            ),
            {"id": source},
        ).scalar()
    assert tuple(row) == ("2024-02-25", "inferred", sha)
    assert said_on == "2024-02-25"
    history = json.loads(ok(cli("history", str(source), "--of", "source", "--format", "json")).stdout)
    assert history[-1]["changed"]["published_on"] == {"before": "2024-02-26", "after": "2024-02-25"}
    one_line_error(cli("source", "edit", str(source), "--reason", "nothing"), 2, "at least one field")
    one_line_error(cli("source", "edit", "99", "--title", "x", "--reason", "x"), 1, "99")
    one_line_error(
        cli("source", "edit", str(source), "--published", "2024-13", "--reason", "x"), 2, "published"
    )


def test_a_stated_date_after_a_corrected_publication_is_refused(
    cli: Cli, engine: Engine, article: Path
) -> None:
    [source] = ids_in(r"added source (\d+)", ok(cli("source", "add", str(article))).stdout)
    ok(cli("statement", "add", "--speaker", "Zas", "--quote", QUOTE, "--source", str(source), "--said-on",
           "2024-02-26"))  # fmt: skip
    before = table_counts(engine)
    one_line_error(
        cli("source", "edit", str(source), "--published", "2024-02-20", "--reason", "x"), 2, "published", "#"
    )
    assert table_counts(engine) == before


def test_ingest_source_extracts_again_only_what_is_new(cli: Cli, engine: Engine, article: Path) -> None:
    ok(cli("ingest", str(article)))
    pending = count(engine, "candidate")
    again = ok(cli("ingest", "--source", "2")).stdout
    assert f"{pending} proposed before" in again
    assert count(engine, "candidate") == pending
    one_line_error(cli("ingest", "--source", "99"), 1, "99")
    one_line_error(cli("ingest"), 2, "FILE… or --source")
    one_line_error(cli("ingest", "--source", "2", "--lang", "ar"), 2, "source edit")


# --- statement edit: subjects ------------------------------------------------------------------------------


def test_statement_edit_adds_and_drops_subjects_with_history(cli: Cli, engine: Engine) -> None:
    ok(
        cli(
            "statement", "edit", "12", "--about", "Armenia", "--about", "CSTO", "--reason", "it is about them"
        )
    )
    ok(cli("statement", "edit", "12", "--drop-about", "Armenia", "--reason", "not about Armenia after all"))

    shown = json.loads(ok(cli("statement", "show", "12", "--format", "json")).stdout)
    assert "armenia" not in {a["key"] for a in shown["about"]}
    assert "csto" in {a["key"] for a in shown["about"]}
    changes = [c for c in shown["history"] if c["after"] and "about" in c["after"]]
    assert "armenia" in changes[0]["after"]["about"]
    assert "armenia" not in changes[1]["after"]["about"]
    one_line_error(
        cli("statement", "edit", "12", "--drop-about", "Belarus", "--reason", "x"), 2, "drop_about"
    )
    one_line_error(cli("statement", "edit", "12", "--about", "Atlantis", "--reason", "x"), 2, "about")


def test_review_accepts_a_member_list_and_a_founding_into_facts(cli: Cli, engine: Engine) -> None:
    ok(cli("ingest", "--source", "1"))
    candidates = json.loads(ok(cli("review", "list", "--source", "1", "--format", "json")).stdout)
    members = next(c for c in candidates if c["kind"] == "membership")
    founding = next(c for c in candidates if c["kind"] == "founding")
    memberships = count(engine, "membership")

    run = ok(cli("review", "accept", str(members["id"]), str(founding["id"])))

    # The seed holds these six memberships and the founding, from the same article: nothing is doubled.
    assert count(engine, "membership") == memberships
    assert "stored before" in run.stdout


# --- curated articles ------------------------------------------------------------------------------------


def test_import_curated_loads_a_nato_article_beside_the_csto_seed(cli: Cli, engine: Engine) -> None:
    nato = next(EXAMPLES.glob("10_*.yaml"))
    run = ok(cli("import", "curated", str(nato)))
    assert run.stdout.startswith(f"imported {nato.name}:")

    sheet = json.loads(ok(cli("factsheet", "NATO", "--format", "json")).stdout)
    assert sheet["alliance"]["key"] == "nato"
    assert {m["member"]["key"] for m in sheet["members"]} >= {"finland", "sweden"}
    assert sheet["statements"]
    for s in sheet["statements"]:
        for e in s["evidence"]:
            assert e["method"] == "curated"
    # The CSTO's sheet is as it was.
    assert len(json.loads(ok(cli("factsheet", "CSTO", "--format", "json")).stdout)["members"]) == 6
    again = ok(cli("import", "curated", str(nato))).stdout
    assert "nothing changed" in again


def test_armenias_frozen_participation_from_a_curated_report_shows_in_the_csto_fact_sheet(
    cli: Cli, engine: Engine
) -> None:
    freeze = next(EXAMPLES.glob("39_*.yaml"))
    ok(cli("import", "curated", str(freeze)))

    on_2024 = json.loads(ok(cli("members", "CSTO", "--on", "2024-06", "--format", "json")).stdout)
    on_2023 = json.loads(ok(cli("members", "CSTO", "--on", "2023-06", "--format", "json")).stdout)
    assert {m["member"]["key"]: m["status"] for m in on_2024}["armenia"] == "frozen"
    assert {m["member"]["key"]: m["status"] for m in on_2023}["armenia"] == "member"
    sheet = json.loads(ok(cli("factsheet", "CSTO", "--format", "json")).stdout)
    episodes = [(m["status"], m["valid_from"]) for m in sheet["members"] if m["member"]["key"] == "armenia"]
    assert episodes == [("member", "2002"), ("frozen", "2024-02")]
    quotes = [s["quote"] for s in sheet["statements"]]
    assert any("frozen our participation" in q for q in quotes)


def test_a_curated_statement_joining_a_stored_one_says_which_translation_it_did_not_store(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    quote = (
        "المنظمة قد ترسل قوات لحفظ السلام إلى مناطق في شرق أوكرانيا يسيطر عليها المتمردون المدعومون من موسكو "
        "“إذا لزم الأمر”"
    )
    said = "وقال زاس إن "
    (tmp_path / "again.txt").write_text(f"{said}{quote}.\n", encoding="utf-8")
    document = {
        "source": {"file": "again.txt", "lang": "ar", "published": "2022-02-20"},
        "statements": [
            {
                "id": "s1",
                "speaker": "stanislav-zas",
                "mode": "indirect",
                "quote": quote,
                "start": len(said),
                "end": len(said) + len(quote),
                "said_on": "2022-02-19",
                "translation": "Other words",
            }
        ],
    }
    path = tmp_path / "again.yaml"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    with engine.connect() as connection:
        before = (
            connection.execute(text("SELECT text FROM translation WHERE statement_id = 11")).scalars().all()
        )

    run = ok(cli("import", "curated", str(path)))

    assert "0 statements" in run.stdout
    assert "translations not stored" in run.stdout
    assert "statements[0] (#11, en)" in run.stdout
    with engine.connect() as connection:
        after = (
            connection.execute(text("SELECT text FROM translation WHERE statement_id = 11")).scalars().all()
        )
        sources = connection.execute(
            text("SELECT count(*) FROM evidence WHERE statement_id = 11")
        ).scalar_one()
    assert after == before
    assert sources == 2


def test_import_curated_refuses_a_span_that_is_not_in_its_text_and_writes_nothing(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    freeze = next(EXAMPLES.glob("39_*.yaml"))
    broken = tmp_path / freeze.name
    (tmp_path / freeze.with_suffix(".txt").name).write_bytes(freeze.with_suffix(".txt").read_bytes())
    yaml_text = freeze.read_text(encoding="utf-8")
    broken.write_text(yaml_text.replace("status: frozen", "status: paused", 1), encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("import", "curated", str(broken)), 2, "status")
    one_line_error(cli("import", "curated", str(tmp_path / "missing.yaml")), 2, "missing.yaml")
    assert table_counts(engine) == before


def test_both_examples_load_into_a_database_built_from_the_seed_on_every_engine(databases: Databases) -> None:
    url = databases.empty()
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        load_seeds(UnitOfWork(engine), seeds_dir())
        from csto_kb.services.seed import import_curated

        for path in sorted(EXAMPLES.glob("*.yaml")):
            report = import_curated(UnitOfWork(engine), path)
            assert report.sources_added, path.name
        assert count(engine, "source") == 3
    finally:
        engine.dispose()
