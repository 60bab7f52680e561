"""Language tags are well-formed BCP 47 in canonical case wherever a language is read; an empty value given
explicitly is refused, not read as "not given"; front matter is read as the text written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from csto_kb.langtags import canonical_lang
from tests.helpers import Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]
QUOTE = "ويضم هذا التحالف السياسي العسكري"  # in the seed article (source 1)
MEANINGLESS = ["", " ", "english", "e", "a1", "en_US", "🇬🇧", "en\x00", "%", "x-ab", "en-", "ar--SA"]


@pytest.mark.parametrize(
    ("given", "canonical"),
    [("ar", "ar"), ("EN", "en"), ("ar-sa", "ar-SA"), ("sr-latn", "sr-Latn"), ("es-419", "es-419"),
     ("zh-hant", "zh-Hant"), ("de-1901", "de-1901"), ("en-a-bbb", "en-a-bbb"), ("zz", "zz"), (" ar ", "ar")],
)  # fmt: skip
def test_a_well_formed_tag_is_kept_in_canonical_case(given: str, canonical: str) -> None:
    assert canonical_lang(given) == canonical


@pytest.mark.parametrize("meaningless", [*MEANINGLESS, "klingon", "zh-Hant-TW", "\u212aa"])
def test_a_value_that_is_no_language_tag_is_refused(meaningless: str) -> None:
    with pytest.raises(ValueError, match="BCP 47"):
        canonical_lang(meaningless)


@pytest.mark.parametrize("lang", MEANINGLESS)
def test_every_command_that_takes_a_language_refuses_a_meaningless_one(
    cli: Cli, engine: Engine, lang: str
) -> None:
    before = table_counts(engine)
    for args in (
        ["entity", "add", "Ivan Petrov", "--kind", "person", "--lang", lang],
        ["entity", "alias", "stanislav-zas", "Stas Zas", "--lang", lang],
        ["statement", "add", "--speaker", "stanislav-zas", "--quote", QUOTE, "--source", "1", "--lang", lang],
        ["statement", "add", "--speaker", "stanislav-zas", "--quote", QUOTE, "--source", "1",
         "--translation", "t", "--translation-lang", lang],
    ):  # fmt: skip
        one_line_error(cli(*args), 2, "lang", "BCP 47")
    assert table_counts(engine) == before


def test_a_language_is_stored_in_canonical_case(cli: Cli, engine: Engine) -> None:
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "stanislav-zas",
            "--quote",
            QUOTE,
            "--source",
            "1",
            "--lang",
            "ar-sa",
        )
    )
    ok(cli("entity", "add", "Ivan Petrov", "--kind", "person", "--lang", "EN"))
    with engine.connect() as connection:
        assert (
            connection.execute(text("SELECT lang FROM statement ORDER BY id DESC LIMIT 1")).scalar()
            == "ar-SA"
        )
        name_lang = connection.execute(
            text("SELECT lang FROM entity_name WHERE name = 'Ivan Petrov'")
        ).scalar()
    assert name_lang == "en"


def test_files_and_json_lines_refuse_a_meaningless_language(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    before = table_counts(engine)
    listing = tmp_path / "statement.yaml"
    listing.write_text(
        f"speaker: stanislav-zas\nquote: {QUOTE}\nlang: english\nsource: 1\n", encoding="utf-8"
    )
    one_line_error(cli("statement", "add", "--from-file", str(listing)), 2, "lang", "BCP 47")
    lines = tmp_path / "statements.jsonl"
    row = {"speaker": "stanislav-zas", "quote": QUOTE, "lang": "en_US", "source": 1}
    lines.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    one_line_error(cli("import", "statements", str(lines)), 2, "lang", "BCP 47")
    article = tmp_path / "article.txt"
    article.write_text("---\nlang: english\n---\nA short article.\n", encoding="utf-8")
    one_line_error(cli("source", "add", str(article)), 2, "lang", "BCP 47")
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["who-said", "--from", ""], "from"),
        (["who-said", "--to", ""], "to"),
        (["export", "statements", "--from", ""], "from"),
        (["export", "statements", "--to", ""], "to"),
    ],
)
def test_an_empty_date_filter_is_refused_not_ignored(
    cli: Cli, engine: Engine, args: list[str], field: str
) -> None:
    one_line_error(cli(*args), 2, f"{field}:")


@pytest.mark.parametrize(
    ("front_matter", "options"),
    [
        ("lang: en\n", ["--published", ""]),
        ("lang: en\npublished: ''\n", []),
        ('lang: en\npublished: ""\n', []),
    ],
)
def test_an_empty_publication_date_is_refused(
    cli: Cli, engine: Engine, tmp_path: Path, front_matter: str, options: list[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(f"---\n{front_matter}---\nA short article.\n", encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("source", "add", str(article), *options), 2, "published")
    assert table_counts(engine) == before


def test_front_matter_values_are_read_as_written(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "---\nlang: no\npublished: 0001\npublished_inferred: false\ntitle: 2022\n---\nEn kort artikkel.\n",
        encoding="utf-8",
    )
    ok(cli("source", "add", str(article)))
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT lang, published_on, published_basis, title FROM source ORDER BY id DESC LIMIT 1")
        ).one()
    assert tuple(row) == ("no", "0001", "stated", "2022")


def test_a_5000_digit_number_in_front_matter_is_refused_naming_the_field(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(f"---\nlang: en\npublished: {'2' * 5000}\n---\nA short article.\n", encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("source", "add", str(article)), 2, "published")
    one_line_error(cli("extract", str(article)), 2, "published")
    assert table_counts(engine) == before
