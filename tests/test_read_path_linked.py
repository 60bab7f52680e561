"""`export jsonld` and `export quickstatements` through the compiled queries.

What each prints is pinned in `tests/golden/linked-data.json` (recorded before these exports left the ORM, on
the SOURCE_DATE_EPOCH clock): the seed with a speaker linked to Wikidata, the seed's publisher linked too, a
second source whose publisher has no id, a statement made after the as-of date, the default base and another,
with and without --create-missing and --qid. A ready database read by its driver alone prints the same as
the full open, and imports no SQLAlchemy to do it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, add_source, imports_of, matches_golden, ok, printed_alike_either_way

Cli = Callable[..., Run]
GOLDEN = Path(__file__).with_name("golden") / "linked-data.json"
EPOCH = "1704067200"  # 2024-01-01T00:00:00Z
BY = ("--by", "tester")
SPEAKER_QID = "Q97000001"
PUBLISHER_QID = "Q97000002"

EXPORTS = [
    ("export", "jsonld"),
    ("export", "jsonld", "CSTO", "--as-of", "2022-03"),
    ("export", "jsonld", "--base", "https://kb.example.org/csto"),
    ("export", "quickstatements"),
    ("export", "quickstatements", "--create-missing"),
    ("export", "quickstatements", "--as-of", "2022-03", "--create-missing"),
    ("export", "quickstatements", "--qid", "csto=Q100", "--qid", "mitchell-belfer=Q300"),
]


@pytest.fixture
def linked(cli: Cli, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The seed with Stanislav Zas and the seed's publisher on Wikidata, the seed's source at an address,
    and a later quote from a second source whose publisher has no id."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    ok(cli("entity", "link", "Stanislav Zas", f"wikidata={SPEAKER_QID}", *BY))
    ok(cli("entity", "link", "sky-news-arabia", f"wikidata={PUBLISHER_QID}", *BY))
    ok(
        cli(
            "source", "edit", "1", "--url", "https://www.skynewsarabia.com/world/csto", "--reason", "found it"
        )
    )
    second = add_source(cli, tmp_path, 'Zas said: "The alliance stands firm."\n', published="2024-02-23")
    ok(cli(
        "statement", "add", "--speaker", "Stanislav Zas", "--quote", "The alliance stands firm.",
        "--source", str(second), "--about", "CSTO", "--said-on", "2024-02", *BY,
    ))  # fmt: skip
    return db_url


def printed(cli: Cli) -> dict[str, str]:
    return {" ".join(args): ok(cli(*args)).stdout for args in EXPORTS}


def test_linked_data_exports_print_what_they_printed_when_read_from_the_orm(cli: Cli, linked: str) -> None:
    shown = printed(cli)
    golden = matches_golden(shown, GOLDEN)
    # What the golden file holds is what each case is there for.
    jsonld = golden["export jsonld"]
    assert f'"sameAs": "http://www.wikidata.org/entity/{SPEAKER_QID}"' in jsonld
    assert "The alliance stands firm." in jsonld
    assert "The alliance stands firm." not in golden["export jsonld CSTO --as-of 2022-03"]
    assert (
        "https://kb.example.org/csto/entity/csto"
        in golden["export jsonld --base https://kb.example.org/csto"]
    )
    statements = golden["export quickstatements"]
    assert f"{SPEAKER_QID}\tP1683\t" in statements
    assert f"\tS248\t{PUBLISHER_QID}" in statements
    assert "mitchell-belfer has no Wikidata id" in statements
    assert "CREATE" in golden["export quickstatements --create-missing"]
    assert "LAST\tP31\tQ5" in golden["export quickstatements --create-missing"]
    assert "stands firm" not in golden["export quickstatements --as-of 2022-03 --create-missing"]
    qids = golden["export quickstatements --qid csto=Q100 --qid mitchell-belfer=Q300"]
    assert "Q300\tP1683\t" in qids
    assert "\tP463\tQ100\t" in qids


@pytest.mark.parametrize("args", EXPORTS, ids=[" ".join(a[1:]) for a in EXPORTS])
def test_the_driver_alone_prints_what_the_full_path_prints(
    cli: Cli, linked: str, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    assert len(printed_alike_either_way(cli, args, linked, monkeypatch)) > 1000


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["export", "jsonld", "--as-of", "2022"], f"http://www.wikidata.org/entity/{SPEAKER_QID}"),
        (["export", "quickstatements", "--create-missing"], f"\tS248\t{PUBLISHER_QID}"),
    ],
)
def test_linked_data_exports_on_a_ready_database_import_no_sqlalchemy(
    linked: str, backend: str, argv: list[str], needle: str
) -> None:
    # The fact sheet is a pydantic model: only SQLAlchemy and Alembic stay out.
    heavy = ["alembic", "sqlalchemy"]
    done = imports_of(argv, heavy, db_url=linked)
    assert done.loaded == []
    assert needle in done.stdout
