"""Entities' ids in other knowledge bases (Wikidata …): `entity link`, the seed's ids, QuickStatements that refer
to items instead of creating them and reference every line, JSON-LD that rdflib reads, and migration 0007."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from tests.helpers import MIGRATION_NOTES, Databases, Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]

SEED_IDS = {
    "csto": "Q318693",
    "nato": "Q7184",
    "russia": "Q159",
    "armenia": "Q399",
    "belarus": "Q184",
    "kazakhstan": "Q232",
    "kyrgyzstan": "Q813",
    "tajikistan": "Q863",
}


def ids_of(cli: Cli, name: str) -> dict[str, str]:
    shown = json.loads(ok(cli("entity", "show", name, "--format", "json")).stdout)
    return dict(shown["external_ids"])


# --- entity link -----------------------------------------------------------------------------------------------


def test_the_seed_carries_the_wikidata_ids_of_its_countries_and_alliances(cli: Cli, db_url: str) -> None:
    for key, qid in SEED_IDS.items():
        assert ids_of(cli, key) == {"wikidata": qid}
    assert ids_of(cli, "stanislav-zas") == {}  # no id is written that a reference did not confirm
    assert "Id in wikidata: Q399" in ok(cli("entity", "show", "Armenia")).stdout


def test_entity_link_stores_ids_in_their_canonical_form(cli: Cli, db_url: str) -> None:
    out = ok(
        cli("entity", "link", "Stanislav Zas", "wikidata=https://www.wikidata.org/wiki/q12345", "viaf=123")
    ).stdout
    assert out.strip() == "stanislav-zas: viaf 123, wikidata Q12345"
    assert ids_of(cli, "Zas") == {"viaf": "123", "wikidata": "Q12345"}
    ok(cli("entity", "link", "Zas", "wikidata=Q12345"))  # the same again changes nothing


def test_a_value_that_is_another_entitys_id_is_refused(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(
        cli("entity", "link", "Belarus", "wikidata=Q399"), 1, "wikidata:", "Armenia", "entity merge"
    )
    one_line_error(cli("entity", "link", "Armenia", "wikidata=Q1"), 1, "already has Q399", "--replace")
    assert table_counts(engine) == before
    ok(cli("entity", "link", "Armenia", "wikidata=Q1", "--replace", "--by", "Editor E"))
    assert ids_of(cli, "Armenia") == {"wikidata": "Q1"}
    with engine.connect() as connection:
        by = connection.execute(
            text("SELECT count(*) FROM change WHERE table_name = 'external_id' AND by = 'Editor E'")
        ).scalar_one()
    assert by >= 1  # the correction is in the change log


@pytest.mark.parametrize(
    ("pair", "needles"),
    [
        ("wikidata", ("external id:", "SCHEME=VALUE")),
        ("wikidata=", ("wikidata:", "Q399")),
        ("wikidata=Q0", ("wikidata:", "Q0")),
        ("wikidata=P31", ("wikidata:", "P31")),
        ("Wiki Data=Q5", ("external id:", "scheme")),
        ("viaf=a b", ("viaf:", "without spaces")),
        ("viaf=" + "9" * 201, ("viaf:", "200")),
    ],
)
def test_entity_link_refuses_malformed_ids(
    cli: Cli, engine: Engine, pair: str, needles: tuple[str, ...]
) -> None:
    before = table_counts(engine)
    one_line_error(cli("entity", "link", "Armenia", pair), 2, *needles)
    assert table_counts(engine) == before


def test_entity_link_names_an_entity_exactly(cli: Cli, db_url: str) -> None:
    one_line_error(cli("entity", "link", "Arm", "wikidata=Q5"), 2, "exactly", "Armenia")


# --- QuickStatements -----------------------------------------------------------------------------------------


def _reported_source(cli: Cli, tmp: Path, **meta: str) -> int:
    article = tmp / "report.txt"
    article.write_text('Zas told reporters: "The alliance stands firm."\n', encoding="utf-8")
    options = [x for k, v in meta.items() for x in (f"--{k}", v)]
    out = ok(cli("source", "add", str(article), "--lang", "en", *options)).stdout
    source = int(out.split()[2].rstrip(":"))
    ok(cli("statement", "add", "--speaker", "Stanislav Zas", "--quote", "The alliance stands firm.",
           "--source", str(source), "--said-on", "2023-03-02", "--about", "CSTO"))  # fmt: skip
    return source


def test_every_line_carries_its_sources_reference_set(cli: Cli, db_url: str, tmp_path: Path) -> None:
    ok(cli("entity", "add", "Test Wire", "--kind", "media"))
    ok(cli("entity", "link", "Test Wire", "wikidata=Q424242"))
    ok(cli("entity", "link", "Stanislav Zas", "wikidata=Q12345"))
    source = _reported_source(
        cli,
        tmp_path,
        url="https://testwire.invalid/a",
        title="Firm",
        publisher="Test Wire",
        published="2023-03-03",
    )
    first = ok(cli("export", "quickstatements")).stdout
    [line] = [x for x in first.splitlines() if x.startswith("Q12345\tP1683")]
    assert line.startswith('Q12345\tP1683\ten:"The alliance stands firm."\tP585\t+2023-03-02T00:00:00Z/11\t')
    assert (
        '\tS854\t"https://testwire.invalid/a"\tS1476\ten:"Firm"\tS577\t+2023-03-03T00:00:00Z/11\tS248\tQ424242 '
        f"/* csto-kb statement 13 by stanislav-zas; source {source}, "
    ) in line
    assert "CREATE" not in first
    assert ok(cli("export", "quickstatements")).stdout == first  # the same data gives the same file


def test_a_claim_whose_source_offers_no_reference_is_left_out_with_a_comment(cli: Cli, db_url: str) -> None:
    out = ok(cli("export", "quickstatements")).stdout
    # The seed's article has no address, no headline and an inferred date; its publisher has no id.
    assert "\tP463\t" not in out
    assert (
        "/* left out, its source has no address, headline, stated date or publisher id: csto-kb membership 2"
        in out
    )


def test_create_missing_creates_people_with_a_label_in_every_language(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    ok(cli("entity", "alias", "Stanislav Zas", "Станислав Зась", "--lang", "ru"))
    _reported_source(cli, tmp_path, url="https://testwire.invalid/b")
    left_out = ok(cli("export", "quickstatements")).stdout
    assert "/* csto-kb entity stanislav-zas has no Wikidata id: 1 lines left out" in left_out
    lines = ok(cli("export", "quickstatements", "--create-missing")).stdout.splitlines()
    at = lines.index(
        "CREATE /* csto-kb entity stanislav-zas: no Wikidata id (entity link stanislav-zas wikidata=Q…) */"
    )
    labels = lines[at + 1 : at + 4]
    assert labels == [
        'LAST\tLar\t"ستانيسلاف زاس"',
        'LAST\tLen\t"Stanislav Zas"',
        'LAST\tLru\t"Станислав Зась"',
    ]
    assert lines[at + 4] == "LAST\tP31\tQ5"
    assert lines[at + 5].startswith("LAST\tP1683\t")


# --- JSON-LD, read by rdflib -----------------------------------------------------------------------------------

# The part of schema.org's JSON-LD context the export relies on (nothing can be fetched while testing):
# its vocabulary, and the two terms whose values are addresses.
SCHEMA_CONTEXT = {"@vocab": "http://schema.org/", "sameAs": {"@type": "@id"}, "url": {"@type": "@id"}}


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")  # inside rdflib's own JSON-LD parser
def test_the_jsonld_export_is_a_graph_rdflib_reads(cli: Cli, db_url: str) -> None:
    from rdflib import RDF, Graph, Namespace, URIRef

    document = json.loads(ok(cli("export", "jsonld")).stdout)
    assert document["@context"] == "https://schema.org/"
    document["@context"] = SCHEMA_CONTEXT
    graph = Graph().parse(data=json.dumps(document), format="json-ld")
    schema = Namespace("http://schema.org/")
    csto = URIRef("https://csto-kb.invalid/entity/csto")
    assert (csto, RDF.type, schema.Organization) in graph
    assert (csto, schema.sameAs, URIRef("http://www.wikidata.org/entity/Q318693")) in graph
    armenia = URIRef("https://csto-kb.invalid/entity/armenia")
    assert (armenia, schema.sameAs, URIRef("http://www.wikidata.org/entity/Q399")) in graph
    people = set(graph.subjects(RDF.type, schema.Person))
    assert URIRef("https://csto-kb.invalid/entity/stanislav-zas") in people
    quotes = set(graph.subjects(RDF.type, schema.Quotation))
    assert len(quotes) >= 12
    for quote in quotes:
        if (quote, schema.spokenByCharacter, None) in graph:
            assert set(graph.objects(quote, schema.spokenByCharacter)) <= people | set(
                graph.subjects(RDF.type, schema.GovernmentOrganization)
            ) | set(graph.subjects(RDF.type, schema.Organization))
    cited = {c for q in quotes for c in graph.objects(q, schema.citation)}
    assert any(str(c).startswith("https://csto-kb.invalid/source/1#char=") for c in cited)


# --- migration 0007 ------------------------------------------------------------------------------------------


def test_0007_down_keeps_the_ids_in_the_change_log_and_up_takes_them_back(databases: Databases) -> None:
    seeded = databases.seeded()
    engine = make_engine(seeded)
    try:
        before = table_counts(engine)
        with engine.connect() as connection:
            ids = connection.execute(
                text("SELECT entity_id, scheme, value FROM external_id ORDER BY 1")
            ).all()
        assert len(ids) == len(SEED_IDS) + 3  # and Azerbaijan, Ukraine, the United States
        migrate.downgrade(seeded, "0006")
        assert migrate.current_revision(engine) == "0006"
        with engine.connect() as connection:
            notes = connection.execute(
                text("SELECT count(*) FROM change WHERE table_name = 'external_id' AND action = 'delete'")
            ).scalar_one()
        assert notes == len(ids)
        migrate.upgrade(seeded)
        with engine.connect() as connection:
            assert (
                connection.execute(text("SELECT entity_id, scheme, value FROM external_id ORDER BY 1")).all()
                == ids
            )
        assert table_counts(engine) == before
        with engine.connect() as connection:
            notes = connection.execute(
                text("SELECT action, count(*) FROM change WHERE by = :by GROUP BY action ORDER BY action"),
                {"by": MIGRATION_NOTES},
            ).all()
        assert [tuple(n) for n in notes] == [
            ("delete", len(ids)),
            ("insert", len(ids)),
        ]  # the log says what happened
        migrate.check(seeded)
    finally:
        engine.dispose()


# --- merges ----------------------------------------------------------------------------------------------------


def test_a_merge_of_two_items_is_refused_and_a_merge_keeps_the_duplicates_id(
    cli: Cli, engine: Engine
) -> None:
    ok(cli("entity", "add", "Republic of Testland", "--kind", "country"))
    ok(cli("entity", "link", "Republic of Testland", "wikidata=Q999999"))
    before = table_counts(engine)
    one_line_error(
        cli("entity", "merge", "Armenia", "Republic of Testland", "--reason", "same?"),
        1, "armenia is wikidata Q399", "Q999999", "nothing was merged",
    )  # fmt: skip
    assert table_counts(engine) == before

    ok(cli("entity", "add", "Testland Republic", "--kind", "country"))
    ok(cli("entity", "merge", "Testland Republic", "Republic of Testland", "--reason", "one state"))
    assert ids_of(cli, "testland-republic") == {"wikidata": "Q999999"}  # the id moved with the merge
    ok(cli("entity", "unmerge", "republic-of-testland", "--reason", "two after all"))
    assert ids_of(cli, "republic-of-testland") == {"wikidata": "Q999999"}
    assert ids_of(cli, "testland-republic") == {}
