"""A write names an entity exactly (a whole name or alias, a key or an id), or is refused: searching may find
"Nikol" in "Nikol Pashinyan", storing may not."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.helpers import Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]
QUOTE = "ويضم هذا التحالف السياسي العسكري"  # in the seed article (source 1)


def speaker_of(engine: Engine, statement_id: int) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(
                text("SELECT e.key FROM statement s JOIN entity e ON e.id = s.speaker_id WHERE s.id = :id"),
                {"id": statement_id},
            ).scalar_one()
        )


def added_id(run: Run) -> int:
    return int(re.findall(r"#(\d+)", run.stdout)[0])


def test_create_speaker_creates_the_person_a_longer_name_begins_with(cli: Cli, engine: Engine) -> None:
    ok(cli("entity", "add", "Zorbaprobe Alpha", "--kind", "person"))
    run = ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "Zorbaprobe",
            "--create-speaker",
            "--quote",
            QUOTE,
            "--source",
            "1",
        )
    )
    assert speaker_of(engine, added_id(run)) == "zorbaprobe"


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [("--speaker", "Nikol", "speaker"), ("--speaker", "Pashin", "speaker"), ("--about", "Kazakh", "about")],
)
def test_statement_add_refuses_a_part_of_a_name_naming_the_closest(
    cli: Cli, engine: Engine, option: str, value: str, field: str
) -> None:
    values = {"--speaker": "nikol-pashinyan", "--quote": QUOTE, "--source": "1", option: value}
    before = table_counts(engine)
    run = cli("statement", "add", *[part for pair in values.items() for part in pair])
    one_line_error(run, 2, f"{field}: no entity is called exactly {value!r}")
    assert table_counts(engine) == before


def test_statement_edit_and_entity_commands_refuse_a_part_of_a_name(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(cli("statement", "edit", "1", "--speaker", "Nikol", "--reason", "r"), 2, "speaker")
    one_line_error(cli("entity", "alias", "Nikol", "Никол"), 2, "entity")
    one_line_error(
        cli("entity", "add", "Yerevan office", "--kind", "body", "--part-of", "Armen"), 2, "part_of"
    )
    one_line_error(cli("entity", "merge", "Nikol", "stanislav-zas", "--reason", "r"), 2, "survivor")
    assert table_counts(engine) == before


def test_a_whole_alias_a_key_or_an_id_still_names_the_speaker(cli: Cli, engine: Engine) -> None:
    for n, speaker in enumerate(["nikol-pashinyan", "نيكول باشينيان", "NIKOL PASHINYAN"]):
        run = ok(
            cli(
                "statement",
                "add",
                "--speaker",
                speaker,
                "--quote",
                QUOTE,
                "--source",
                "1",
                "--said-on",
                f"200{n}",
                "--new",  # the same quote on another date would otherwise be a possible duplicate
            )
        )
        assert speaker_of(engine, added_id(run)) == "nikol-pashinyan"
    with engine.connect() as connection:
        entity_id = connection.execute(
            text("SELECT id FROM entity WHERE key = 'nikol-pashinyan'")
        ).scalar_one()
    run = ok(cli("statement", "add", "--speaker", str(entity_id), "--quote", QUOTE, "--source", "1", "--new"))
    assert speaker_of(engine, added_id(run)) == "nikol-pashinyan"


def test_who_said_still_finds_a_speaker_by_part_of_the_name(cli: Cli, db_url: str) -> None:
    found = json.loads(ok(cli("who-said", "--speaker", "Nikol", "--format", "json")).stdout)
    assert {s["speaker"]["key"] for s in found} == {"nikol-pashinyan"}


def test_import_refuses_a_part_of_a_name(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    lines = tmp_path / "statements.jsonl"
    row = {"speaker": "Nikol", "quote": QUOTE, "lang": "ar", "source": 1}
    lines.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("import", "statements", str(lines)), 2, "speaker", "Nikol")
    assert table_counts(engine) == before
