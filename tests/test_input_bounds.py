"""Every text field has a maximum length and must be valid UTF-8, every id and limit a range: input beyond
them is refused with one line and exit code 2 before any query, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from csto_kb.cli.types import MAX_INTEGER
from csto_kb.limits import LIMITS, limit_of
from tests.helpers import Run, one_line_error, table_counts

Cli = Callable[..., Run]

HUGE = "x" * 100_000
TOO_BIG = str(MAX_INTEGER + 1)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["who-said", "--speaker", HUGE], "speaker"),
        (["who-said", "--contains", HUGE], "contains"),
        (["who-said", "--about", HUGE], "about"),
        (["statement", "add", "--speaker", HUGE, "--create-speaker", "--quote", "q", "--source", "1"], "speaker"),
        (["statement", "add", "--speaker", "stanislav-zas", "--quote", "q", "--source", "1", "--cue", HUGE], "cue"),
        (["entity", "add", HUGE, "--kind", "person"], "name"),
        (["review", "edit", "1", "--role", HUGE], "role"),
        (["statement", "retract", "1", "--reason", HUGE], "reason"),
    ],
)  # fmt: skip
def test_an_over_long_text_value_is_refused_before_any_query(
    cli: Cli, engine: Engine, args: list[str], field: str
) -> None:
    before = table_counts(engine)
    one_line_error(cli(*args), 2, f"{field}: at most {limit_of(field):,} characters")
    assert table_counts(engine) == before


def test_the_limits_match_the_columns_that_store_the_fields() -> None:
    from csto_kb.model import Base

    columns = Base.metadata.tables
    pairs = {
        "venue": columns["statement"].c.venue,
        "cue": columns["statement"].c.cue,
        "role_text": columns["statement"].c.role_text,
        "date_text": columns["statement"].c.date_text,
        "speaker_mention": columns["statement"].c.speaker_mention,
        "name": columns["entity_name"].c.name,
        "key": columns["entity"].c.key,
        "lang": columns["statement"].c.lang,
        "translator": columns["translation"].c.translator,
        "url": columns["source"].c.url,
        "title": columns["source"].c.title,
        "publisher": columns["source"].c.publisher,
        "reason": columns["change"].c.reason,
        "by": columns["change"].c.by,
    }
    assert {field: LIMITS[field] for field in pairs} == {
        f: getattr(c.type, "length", None) for f, c in pairs.items()
    }


def test_an_over_long_field_in_a_statement_file_is_refused(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    listing = tmp_path / "long.yaml"
    listing.write_text(f"speaker: {HUGE}\nquote: q\nlang: en\nsource: 1\n", encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("statement", "add", "--from-file", str(listing)), 2, "speaker: at most 300 characters")
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    "args",
    [
        ["statement", "show", TOO_BIG],
        ["statement", "edit", TOO_BIG, "--reason", "r", "--cue", "c"],
        ["statement", "retract", TOO_BIG, "--reason", "r"],
        ["history", TOO_BIG],
        ["source", "show", TOO_BIG],
        ["review", "show", TOO_BIG],
        ["review", "accept", TOO_BIG],
        ["review", "reject", TOO_BIG, "--reason", "r"],
        ["review", "edit", TOO_BIG, "--cue", "c"],
        ["who-said", "--source", TOO_BIG],
        ["who-said", "--limit", TOO_BIG],
        ["log", "--limit", TOO_BIG],
        ["statement", "add", "--speaker", "stanislav-zas", "--quote", "q", "--source", TOO_BIG],
        ["statement", "show", "0"],
    ],
)
def test_an_id_or_limit_beyond_64_bits_is_refused_in_one_line(
    cli: Cli, engine: Engine, args: list[str]
) -> None:
    before = table_counts(engine)
    one_line_error(cli(*args), 2, "is not in the range 1<=x<=9223372036854775807")
    assert table_counts(engine) == before


def test_the_largest_id_is_looked_up_and_not_found(cli: Cli, backend: str, db_url: str) -> None:
    # PostgreSQL's id columns are 32-bit; the driver sends a larger id as a bigint, which matches no row.
    one_line_error(
        cli("statement", "show", str(MAX_INTEGER)), 1, f"statement: no statement has id {MAX_INTEGER}"
    )


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["review", "edit", "1", "--cue", "bad \ud800 text"], "cue"),
        (["who-said", "--speaker", "Zas \udcff"], "speaker"),
        (["entity", "add", "Name \udcff", "--kind", "person"], "name"),
        (["source", "add", "article.txt", "--title", "\udcff"], "title"),
    ],
)
def test_a_lone_surrogate_in_any_text_option_is_refused_naming_the_field(
    cli: Cli, engine: Engine, args: list[str], field: str
) -> None:
    before = table_counts(engine)
    one_line_error(cli(*args), 2, f"{field}: not valid UTF-8 text")
    assert table_counts(engine) == before


def test_a_5000_digit_number_in_a_statement_file_is_refused(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    listing = tmp_path / "digits.yaml"
    listing.write_text(
        f"speaker: stanislav-zas\nquote: q\nlang: en\nsource: {'2' * 5000}\n", encoding="utf-8"
    )
    before = table_counts(engine)
    one_line_error(cli("statement", "add", "--from-file", str(listing)), 2, "from-file", "digits")
    assert table_counts(engine) == before
