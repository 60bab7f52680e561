"""export statements | jsonld | quickstatements | schema, and golden files of the seed's fact sheet."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from csto_kb.exporters.rows import CSV_COLUMNS
from csto_kb.schemas.factsheet import FactSheet
from csto_kb.schemas.statements import StatementOut
from csto_kb.sql.run import StatementFilter
from tests.helpers import Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]
GOLDEN = Path(__file__).resolve().parent / "golden"
# Seed statement ids in date order (said_on as stored, then id).
STATEMENTS_IN_DATE_ORDER = [11, 12, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3]
EPOCH = "1704067200"  # 2024-01-01T00:00:00Z


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


# --- export statements ------------------------------------------------------------------------------------


def test_export_statements_as_csv_streams_every_statement_in_date_order(cli: Cli, db_url: str) -> None:
    run = ok(cli("export", "statements", "--format", "csv", "-o", "-"))
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert [int(r["id"]) for r in rows] == STATEMENTS_IN_DATE_ORDER
    assert rows[0]["speaker_ar"] == "ستانيسلاف زاس"
    assert rows[2]["said_on_precision"] == "month"
    assert run.stdout == ok(cli("who-said", "--org", "CSTO", "--format", "csv")).stdout or len(rows) == 12


def test_export_statements_as_json_lines_matches_the_statement_schema(cli: Cli, db_url: str) -> None:
    run = ok(cli("export", "statements", "--format", "jsonl"))
    lines = run.stdout.splitlines()
    assert len(lines) == 12
    statements = [StatementOut.model_validate_json(line) for line in lines]
    assert [s.id for s in statements] == STATEMENTS_IN_DATE_ORDER
    assert "ستانيسلاف" in lines[0]  # Arabic is written as is, not \\u-escaped


def test_export_statements_filters_and_writes_a_file(cli: Cli, db_url: str, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "belfer.csv"
    run = ok(cli("export", "statements", "--speaker", "Mitchell Belfer", "-o", str(target)))
    assert run.stdout == ""
    assert str(target) in run.stderr
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert [r["id"] for r in rows] == ["4", "5", "6", "7"]
    assert [p.name for p in target.parent.iterdir()] == ["belfer.csv"]  # no temporary file left behind


def test_export_statements_with_no_match_writes_only_the_header(cli: Cli, db_url: str) -> None:
    run = ok(cli("export", "statements", "--to", "2001"))
    assert run.stdout == ",".join(CSV_COLUMNS) + "\n"
    assert ok(cli("export", "statements", "--format", "jsonl", "--to", "2001")).stdout == ""


def test_export_statements_fetches_in_batches(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bounded memory: with a batch of 5, the 12 statements arrive in 3 fetches from the driver's cursor,
    the first of them before anything is consumed, instead of one list of everything (then the undated
    statements' part, empty in the seed). Read as `export statements` reads them (`direct.stream_statements`)."""
    from csto_kb.sql import direct

    fetched: list[int] = []

    class CountingCursor:
        def __init__(self, cursor: Any) -> None:
            self._cursor = cursor

        def fetchmany(self, size: int) -> Any:
            rows = self._cursor.fetchmany(size)
            fetched.append(len(rows))
            return rows

        def __getattr__(self, name: str) -> Any:
            return getattr(self._cursor, name)

    class CountingConnection:
        def __init__(self, connection: Any) -> None:
            self._connection = connection

        def cursor(self, *args: Any, **kwargs: Any) -> CountingCursor:
            return CountingCursor(self._connection.cursor(*args, **kwargs))

        def __getattr__(self, name: str) -> Any:
            return getattr(self._connection, name)

    open_ready = direct.open_ready

    def counting(url: str) -> tuple[Any, str] | None:
        opened = open_ready(url)
        assert opened is not None
        return CountingConnection(opened[0]), opened[1]

    monkeypatch.setattr(direct, "open_ready", counting)
    ids: list[int] = []

    def consume(rows: Iterator[dict[str, Any]]) -> None:
        ids.append(next(rows)["id"])
        assert fetched == [5]
        ids.extend(row["id"] for row in rows)

    direct.read(db_url, direct.stream_statements(StatementFilter(), consume, batch_size=5))
    assert ids == STATEMENTS_IN_DATE_ORDER
    assert fetched == [5, 5, 2, 0, 0]


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (("--format", "xlsx"), 2, ("--format", "xlsx")),
        (("--from", "2022-13"), 2, ("from",)),
        (("--speaker", "Nobody Known"), 1, ("speaker", "Nobody Known")),
    ],
)
def test_export_statements_refuses_bad_input_and_writes_no_file(
    cli: Cli, engine: Engine, tmp_path: Path, args: tuple[str, ...], code: int, needles: tuple[str, ...]
) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.csv"
    before = table_counts(engine)
    one_line_error(cli("export", "statements", *args, "-o", str(target)), code, *needles)
    assert list(target.parent.iterdir()) == []
    assert table_counts(engine) == before


# --- export schema ----------------------------------------------------------------------------------------


def _check(instance: Any, schema: dict[str, Any], defs: dict[str, Any], where: str = "$") -> None:
    """A small JSON Schema check (type, required, properties, items, anyOf, $ref): enough to prove the
    exported schema describes what `factsheet --format json` prints, without a jsonschema dependency."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:
        errors = []
        for option in schema["anyOf"]:
            try:
                _check(instance, option, defs, where)
                return
            except AssertionError as error:
                errors.append(str(error))
        raise AssertionError(f"{where}: no anyOf option matches: {errors}")
    kind = schema.get("type")
    types: dict[str, type | tuple[type, ...]] = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "number": (int, float),
        "boolean": bool,
        "null": type(None),
    }
    if kind:
        assert isinstance(instance, types[kind]), f"{where}: expected {kind}, got {instance!r}"
    if "const" in schema:
        assert instance == schema["const"], where
    if isinstance(instance, dict):
        assert set(schema.get("required", [])) <= set(instance), f"{where}: missing required keys"
        if schema.get("additionalProperties") is False:
            assert set(instance) <= set(schema.get("properties", {})), where
        for key, sub in schema.get("properties", {}).items():
            if key in instance:
                _check(instance[key], sub, defs, f"{where}.{key}")
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            _check(item, schema["items"], defs, f"{where}[{i}]")


def test_export_schema_describes_the_json_fact_sheet(cli: Cli, db_url: str) -> None:
    schema = json.loads(ok(cli("export", "schema")).stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "FactSheet"
    assert schema["properties"]["schema_version"]["const"] == 5
    sheet = json.loads(ok(cli("factsheet", "--format", "json")).stdout)
    _check(sheet, schema, schema["$defs"])
    broken = {**sheet, "members": [{"member": "Armenia"}]}
    with pytest.raises(AssertionError):
        _check(broken, schema, schema["$defs"])


def test_export_schema_to_a_file_and_bad_output_path(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "factsheet.schema.json"
    ok(cli("export", "schema", "-o", str(target)))
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "FactSheet"
    one_line_error(cli("export", "schema", "-o", str(tmp_path / "missing" / "x.json")), 2, "output")


# --- JSON-LD ----------------------------------------------------------------------------------------------


def _graph(cli: Cli, *args: str) -> list[dict[str, Any]]:
    document = json.loads(ok(cli("export", "jsonld", *args)).stdout)
    assert document["@context"] == "https://schema.org/"
    graph: list[dict[str, Any]] = document["@graph"]
    return graph


def test_export_jsonld_describes_the_alliance_members_and_quotations(cli: Cli, db_url: str) -> None:
    graph = _graph(cli)
    by_id = {node["@id"]: node for node in graph}
    alliance = by_id["https://csto-kb.invalid/entity/csto"]
    assert alliance["@type"] == "Organization"
    assert {"@value": "منظمة معاهدة الأمن الجماعي", "@language": "ar"} in alliance["name"]
    assert alliance["foundingDate"] == "2002"
    assert len(alliance["member"]) == 6
    armenia = next(r for r in alliance["member"] if r["member"]["@id"].endswith("/armenia"))
    assert armenia == {
        "@type": "OrganizationRole",
        "member": {"@id": "https://csto-kb.invalid/entity/armenia"},
        "roleName": "member",
        "startDate": "2002",
        "subjectOf": [{"@id": "https://csto-kb.invalid/source/1#char=253,358"}],
    }
    assert by_id["https://csto-kb.invalid/entity/armenia"]["@type"] == "Country"
    assert by_id["https://csto-kb.invalid/entity/stanislav-zas"]["@type"] == "Person"
    quotes = [n for n in graph if n["@type"] == "Quotation"]
    assert sorted(int(q["@id"].rsplit("/", 1)[1]) for q in quotes) == sorted(STATEMENTS_IN_DATE_ORDER)
    zas = by_id["https://csto-kb.invalid/statement/11"]
    assert (
        zas["spokenByCharacter"] == zas["creator"] == {"@id": "https://csto-kb.invalid/entity/stanislav-zas"}
    )
    assert zas["text"]["@language"] == "ar"
    assert zas["dateCreated"] == "2022-02-19"
    assert zas["citation"] == [{"@id": "https://csto-kb.invalid/source/1#char=2961,3076"}]
    assert zas["workTranslation"][0]["inLanguage"] == "en"
    span = by_id["https://csto-kb.invalid/source/1#char=2961,3076"]
    assert span["isPartOf"] == {"@id": "https://csto-kb.invalid/source/1"}
    source = by_id["https://csto-kb.invalid/source/1"]
    assert source["identifier"]["propertyID"] == "sha256"


def test_export_jsonld_with_a_published_base(cli: Cli, db_url: str, tmp_path: Path) -> None:
    target = tmp_path / "csto.jsonld"
    ok(cli("export", "jsonld", "CSTO", "--base", "https://kb.example.org/csto", "-o", str(target)))
    ids = [n["@id"] for n in json.loads(target.read_text(encoding="utf-8"))["@graph"]]
    assert all(i.startswith("https://kb.example.org/csto/") for i in ids)


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (("--base", "javascript:alert(1)"), 2, ("base",)),
        (("--as-of", "2022-02-30"), 2, ("as-of",)),
        (("Atlantis",), 1, ("alliance", "Atlantis")),
    ],
)
def test_export_jsonld_refuses_bad_input(
    cli: Cli, db_url: str, args: tuple[str, ...], code: int, needles: tuple[str, ...]
) -> None:
    one_line_error(cli("export", "jsonld", *args), code, *needles)


# --- QuickStatements --------------------------------------------------------------------------------------


def test_export_quickstatements_gives_memberships_with_start_time_precision(cli: Cli, db_url: str) -> None:
    ok(
        cli(
            "source", "edit", "1", "--url", "https://www.skynewsarabia.com/world/csto", "--reason", "found it"
        )
    )
    run = ok(cli("export", "quickstatements", "--qid", "csto=Q100", "--qid", "russia=Q200"))
    lines = run.stdout.splitlines()
    reference = '\tS854\t"https://www.skynewsarabia.com/world/csto"'
    assert (
        f"Q200\tP463\tQ100\tP580\t+2002-00-00T00:00:00Z/9{reference} "
        "/* csto-kb membership 1: russia member of csto; source 1, chars 253–358 */"
    ) in lines
    # Armenia's stored Wikidata id is used: nothing is created.
    assert (
        f"Q399\tP463\tQ100\tP580\t+2002-00-00T00:00:00Z/9{reference} "
        "/* csto-kb membership 2: armenia member of csto; source 1, chars 253–358 */"
    ) in lines
    assert not any(line.startswith(("CREATE", "LAST")) for line in lines)
    # The speakers have no Wikidata id in the seed: their quotes are left out, with a comment that says so.
    assert "/* csto-kb entity mitchell-belfer has no Wikidata id: 4 lines left out" in run.stdout
    created = ok(cli("export", "quickstatements", "--create-missing")).stdout.splitlines()
    quotes = [line for line in created if "\tP1683\t" in line]
    assert len(quotes) == 7  # the direct quotes; reported speech is not a quotation
    assert any("\tP585\t+2022-04-00T00:00:00Z/10" in q for q in quotes)
    assert any("\tP585\t+2022-04-14T00:00:00Z/11" in q for q in quotes)
    assert all(line.count("\t") >= 2 or line.startswith(("CREATE", "/*")) for line in created)
    assert all(re.fullmatch(r"[^\n\t]*(\t[^\n\t]+)*", line) for line in created)


def test_quickstatements_references_the_source_url(cli: Cli, db_url: str, tmp_path: Path) -> None:
    article = tmp_path / "tass.txt"
    article.write_text('Zas said: The alliance stands "firm".\n', encoding="utf-8")
    ok(cli("source", "add", str(article), "--lang", "en", "--url", "https://example.org/a?b=1"))
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Stanislav Zas",
            "--quote",
            'The alliance stands "firm".',
            "--source",
            "2",
            "--about",
            "CSTO",
            "--said-on",
            "2022-05",
        )
    )
    run = ok(cli("export", "quickstatements", "--qid", "csto=Q100", "--qid", "stanislav-zas=Q300"))
    line = next(x for x in run.stdout.splitlines() if "statement 13 " in x)
    assert line.startswith('Q300\tP1683\ten:"The alliance stands ”firm”."\tP585\t+2022-05-00T00:00:00Z/10\t')
    assert '\tS854\t"https://example.org/a?b=1" /* csto-kb statement 13 by stanislav-zas; source 2' in line


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (("--qid", "csto=100"), 2, ("qid", "csto=100")),
        (("--qid", "csto=Q1", "--as-of", "soon"), 2, ("as-of",)),
    ],
)
def test_export_quickstatements_refuses_bad_input(
    cli: Cli, db_url: str, args: tuple[str, ...], code: int, needles: tuple[str, ...]
) -> None:
    one_line_error(cli("export", "quickstatements", *args), code, *needles)


# --- golden files of the seed's fact sheet ----------------------------------------------------------------


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CSTO_KB_UPDATE_DOCS") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; CSTO_KB_UPDATE_DOCS=1 rewrites it"


_RECORDED = re.compile(r'"recorded_at": "[^"]+"')


def test_markdown_fact_sheet_matches_its_golden_file(cli: Cli, db_url: str, fixed_clock: None) -> None:
    _golden("csto-factsheet.md", ok(cli("factsheet", "CSTO", "--format", "md")).stdout)


def test_json_fact_sheet_matches_its_golden_file(cli: Cli, db_url: str, fixed_clock: None) -> None:
    text = ok(cli("factsheet", "CSTO", "--format", "json")).stdout
    assert FactSheet.model_validate_json(text).generated_at.isoformat() == "2024-01-01T00:00:00"
    # When the seed was loaded is not part of the sheet's content.
    _golden("csto-factsheet.json", _RECORDED.sub('"recorded_at": "…"', text))


def test_a_bad_source_date_epoch_is_one_line(cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    one_line_error(cli("factsheet"), 2, "SOURCE_DATE_EPOCH")
