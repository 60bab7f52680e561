"""`who-said` and `export statements` in the reader's language (`--lang`): names, role titles and the
translation read by the one rule (requested language, then English, then the original beside), Russian end to
end, and the columns and keys every format adds for it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from csto_kb.exporters.rows import CSV_COLUMNS, READING_COLUMNS, Reader
from csto_kb.languages import LangText
from tests.helpers import Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]

RU = "Армения не получила помощи от союзников"
EN = "Armenia received no help from its allies"


@pytest.fixture
def russian_statement(cli: Cli, db_url: str, tmp_path: Path) -> None:
    """Pashinyan with a Cyrillic alias, a title in Russian, and a Russian statement with an English
    translation, from a Russian source."""
    ok(cli("entity", "alias", "Nikol Pashinyan", "Никол Пашинян", "--lang", "ru"))
    # The seed's open-ended role ends, so that the new statement's date finds the new one alone.
    [seed] = json.loads(ok(cli("who-said", "--speaker", "Pashinyan", "--format", "json")).stdout)
    ok(cli("role", "edit", str(seed["role"]["id"]), "--until", "2023", "--reason", "a new term from 2024"))
    article = tmp_path / "tass.txt"
    article.write_text(f"Пашинян заявил: «{RU}».\n", encoding="utf-8")
    ok(cli("source", "add", str(article), "--lang", "ru", "--published", "2024-03-01"))
    ok(
        cli(
            "role", "add", "Nikol Pashinyan", "Armenia", "--title", "Prime Minister of Armenia (2024)",
            "--title-translation", "ru=Премьер-министр Армении", "--since", "2024", "--source", "2",
            "--evidence", "Пашинян",
        )
    )  # fmt: skip
    ok(
        cli(
            "statement", "add", "--speaker", "Никол Пашинян", "--quote", RU, "--lang", "ru", "--source", "2",
            "--said-on", "2024-03-01", "--about", "CSTO", "--translation", EN, "--translation-lang", "en",
        )
    )  # fmt: skip


def who_said(cli: Cli, *args: str) -> str:
    return ok(cli("who-said", "--speaker", "Пашинян", "--from", "2024", *args)).stdout


@pytest.mark.usefixtures("russian_statement")
def test_who_said_in_russian_shows_the_russian_name_title_and_the_quote_alone(cli: Cli) -> None:
    [row] = json.loads(who_said(cli, "--lang", "ru", "--format", "json"))
    assert row["quote"] == RU
    assert (row["speaker_name"], row["speaker_name_lang"]) == ("Никол Пашинян", "ru")
    assert (row["role_title"], row["role_title_lang"]) == ("Премьер-министр Армении", "ru")
    assert row["organisation_name_lang"] == "en"  # Armenia has no Russian name: English, the next in the rule
    assert row["about_names"] == [
        {"key": "csto", "name": "Collective Security Treaty Organization", "lang": "en"}
    ]
    # The quote is itself Russian: a Russian reader is shown no translation.
    assert (row["translation"], row["translation_lang"]) == (None, None)
    # The fixed-language fields are as they were.
    assert (row["speaker"]["name_en"], row["speaker"]["name_ar"]) == ("Nikol Pashinyan", "نيكول باشينيان")

    table = who_said(cli, "--lang", "ru")
    assert "Никол Пашинян (Nikol Pashinyan)" in table
    assert "Премьер-министр Армении" in table
    assert RU.split()[0] in table
    assert "allies" not in table
    assert table.endswith("\n1 statement\n")

    md = who_said(cli, "--lang", "ru", "--format", "md")
    assert md.startswith("### #13 · 2024-03-01 · Никол Пашинян (Nikol Pashinyan), Премьер-министр Армении (")

    [record] = csv.DictReader(io.StringIO(who_said(cli, "--lang", "ru", "--format", "csv")))
    assert (record["speaker_name"], record["speaker_name_lang"]) == ("Никол Пашинян", "ru")
    assert (record["role_title"], record["translation"], record["translation_lang"]) == (
        "Премьер-министр Армении",
        "",
        "",
    )
    assert (record["speaker"], record["translation_en"]) == ("Nikol Pashinyan", EN)


@pytest.mark.usefixtures("russian_statement")
def test_who_said_in_english_shows_the_english_translation_beside_the_russian_quote(cli: Cli) -> None:
    for args in ((), ("--lang", "en")):
        [row] = json.loads(who_said(cli, *args, "--format", "json"))
        assert (row["speaker_name"], row["speaker_name_lang"]) == ("Nikol Pashinyan", "en")
        assert (row["role_title"], row["role_title_lang"]) == ("Prime Minister of Armenia (2024)", "en")
        assert (row["translation"], row["translation_lang"]) == (EN, "en")

    table = who_said(cli, "--lang", "en")
    assert "Nikol Pashinyan (\u2068نيكول باشينيان\u2069)" in table  # Arabic isolated from the Latin beside it
    assert "Prime Minister of Armenia (2024)" in table
    assert "— Armenia received" in table
    assert "allies" in table

    [record] = csv.DictReader(io.StringIO(who_said(cli, "--lang", "en", "--format", "csv")))
    assert (record["speaker_name"], record["translation"], record["translation_lang"]) == (
        "Nikol Pashinyan",
        EN,
        "en",
    )


@pytest.mark.usefixtures("russian_statement")
def test_a_reader_of_a_language_held_nowhere_reads_english(cli: Cli) -> None:
    [row] = json.loads(who_said(cli, "--lang", "fr", "--format", "json"))
    assert (row["speaker_name_lang"], row["role_title_lang"], row["translation_lang"]) == ("en", "en", "en")
    # A regional tag reads its language, and the tag is taken in any letter case.
    [regional] = json.loads(who_said(cli, "--lang", "RU-ru", "--format", "json"))
    assert regional["speaker_name"] == "Никол Пашинян"


@pytest.mark.usefixtures("russian_statement")
def test_export_statements_reads_in_the_language_asked_for(cli: Cli) -> None:
    lines = ok(cli("export", "statements", "--format", "jsonl", "--source", "2", "--lang", "ru")).stdout
    [row] = [json.loads(line) for line in lines.splitlines()]
    assert (row["speaker_name"], row["role_title"]) == ("Никол Пашинян", "Премьер-министр Армении")
    rows = list(csv.DictReader(io.StringIO(ok(cli("export", "statements", "--lang", "ru")).stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    [mine] = [r for r in rows if r["quote"] == RU]
    assert (mine["speaker_name"], mine["about_names"]) == (
        "Никол Пашинян",
        "Collective Security Treaty Organization",
    )
    # Every seed statement by Pashinyan reads his Russian name too; the seed's Arabic quotes, with no Russian
    # translation, read the English one.
    seed = next(r for r in rows if r["speaker_key"] == "nikol-pashinyan" and r["lang"] == "ar")
    assert (seed["speaker_name"], seed["translation_lang"]) == ("Никол Пашинян", "en")


@pytest.mark.usefixtures("russian_statement")
def test_what_was_recorded_at_a_moment_reads_in_the_language_asked_for_too(cli: Cli) -> None:
    [row] = json.loads(who_said(cli, "--as-recorded-at", "2100-01-01", "--lang", "ru", "--format", "json"))
    assert (row["quote"], row["speaker_name"], row["role_title"]) == (
        RU,
        "Никол Пашинян",
        "Премьер-министр Армении",
    )


@pytest.mark.parametrize("command", [("who-said",), ("export", "statements")])
@pytest.mark.parametrize("tag", ["russian", "en_US", "", "r"])
def test_a_reading_language_that_is_not_a_tag_is_refused_and_nothing_is_written(
    cli: Cli, engine: Engine, tmp_path: Path, command: tuple[str, ...], tag: str
) -> None:
    before = table_counts(engine)
    target = tmp_path / "out.csv"
    one_line_error(cli(*command, "--lang", tag, "-o", str(target)), 2, "lang", "BCP 47")
    assert not target.exists()
    assert table_counts(engine) == before


def test_the_csv_columns_end_with_the_reading_columns() -> None:
    assert CSV_COLUMNS[-len(READING_COLUMNS) :] == READING_COLUMNS
    # The columns before them keep their place: scripts reading by position are not broken.
    assert CSV_COLUMNS[:8] == (
        "id", "said_on", "said_on_precision", "said_on_basis", "date_text", "speaker_key", "speaker", "speaker_ar",
    )  # fmt: skip


def test_a_reader_without_an_entitys_names_reads_its_english_and_arabic_ones() -> None:
    ref = {"id": 7, "key": "armenia", "name_en": "Armenia", "name_ar": "أرمينيا"}
    assert Reader("ru").name(ref).shown == LangText("en", "Armenia", True)
    assert Reader("ar").name(ref).beside == LangText("en", "Armenia", True)
    nameless = {"id": 8, "key": "somewhere", "name_en": None, "name_ar": None}
    assert Reader("ru").name(nameless).shown.text == "somewhere"
    held = {7: (LangText("en", "Armenia", True), LangText("ru", "Армения", True))}
    assert Reader("ru", held).name(ref).shown == LangText("ru", "Армения", True)


def test_json_ld_names_an_entity_in_every_language_it_has_a_name_in(cli: Cli, db_url: str) -> None:
    ok(cli("entity", "alias", "Nikol Pashinyan", "Никол Пашинян", "--lang", "ru"))
    graph = json.loads(ok(cli("export", "jsonld")).stdout)["@graph"]
    [person] = [node for node in graph if node.get("identifier") == "nikol-pashinyan"]
    assert person["name"] == [
        {"@value": "Nikol Pashinyan", "@language": "en"},
        {"@value": "نيكول باشينيان", "@language": "ar"},
        {"@value": "Никол Пашинян", "@language": "ru"},
    ]


def test_a_stream_that_lets_names_go_still_reads_every_row_in_the_readers_language(
    cli: Cli, db_url: str
) -> None:
    """With room for two entities, roles and sources at a time and batches of two statements, every
    statement still finds its speaker's, organisation's and subjects' names (read again when let go)."""
    from csto_kb.exporters.rows import csv_row
    from csto_kb.sql import direct
    from csto_kb.sql.run import Lookups, StatementFilter, statement_rows

    ok(cli("entity", "alias", "Armenia", "Армения", "--lang", "ru"))
    ok(cli("entity", "alias", "Nikol Pashinyan", "Никол Пашинян", "--lang", "ru"))
    # Belfer's four statements fall in two batches: the second finds his role read, its organisation let go.
    ok(cli("entity", "alias", "Euro-Gulf Information Centre", "Евро-Персидский центр", "--lang", "ru"))

    def export(lookups: Lookups, batch_size: int) -> list[list[object]]:
        opened = direct.open_ready(db_url)
        assert opened is not None
        connection, dialect = opened
        try:
            rows = statement_rows(
                connection, dialect, StatementFilter(), lambda *_: 0, lookups=lookups, batch_size=batch_size
            )
            reader = Reader("ru", lookups.names)
            reader.HELD = 1
            return [csv_row(s, reader) for s in rows]
        finally:
            connection.close()

    tight = Lookups(bound=2)
    assert export(tight, 2) == export(Lookups(), 500)
    assert len(tight.entities) <= 2 + 2 * 4  # emptied as it went: at most a batch's entities past the bound
    [pashinyan] = [r for r in export(Lookups(bound=2), 2) if r[5] == "nikol-pashinyan"]
    assert pashinyan[CSV_COLUMNS.index("speaker_name")] == "Никол Пашинян"
    assert pashinyan[CSV_COLUMNS.index("organisation_name")] == "Армения"
    belfer = [
        r[CSV_COLUMNS.index("organisation_name")]
        for r in export(Lookups(bound=2), 2)
        if r[5] == "mitchell-belfer"
    ]
    assert belfer.count("Евро-Персидский центр") == 3  # the fourth is in no recorded role
