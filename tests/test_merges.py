"""Merging two entities that turn out to be the same, recorded and undoable."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Engine, text

from csto_kb.model import Base
from csto_kb.services.merges import HANDLED_APART, REFERENCES
from tests.helpers import Run, count, ok, one_line_error

Cli = Callable[..., Run]


def entity_foreign_keys() -> set[tuple[str, str]]:
    """(table, column) of every foreign key in the model that points at the entity table."""
    entity = Base.metadata.tables["entity"]
    return {
        (table.name, key.parent.name)
        for table in Base.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table is entity
    }


# The tables whose rows a merge moves (the entity table and the merge record aside).
TABLES = tuple(sorted({table for table, _ in entity_foreign_keys()} - {"entity", "entity_merge"}))


def test_a_merge_moves_every_foreign_key_to_an_entity_or_handles_it_apart() -> None:
    moved = {(model.__tablename__, column) for model, column in REFERENCES}
    assert moved | HANDLED_APART == entity_foreign_keys()
    assert not moved & HANDLED_APART
    assert ("statement", "speaker_id") in moved
    assert ("source", "publisher_id") in moved


def snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables a merge touches, in a stable order (the change log itself left out)."""
    with engine.connect() as connection:
        return {
            table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))]
            for table in TABLES
        }


def test_merge_moves_statements_and_aliases_and_unmerge_restores_everything(cli: Cli, engine: Engine) -> None:
    ok(cli("entity", "add", "M. Belfer", "--kind", "person", "--key", "m-belfer", "--alias", "ميشيل بلفر"))
    ok(
        cli(
            "statement",
            "add",
            "--speaker",
            "m-belfer",
            "--source",
            "1",
            "--lang",
            "ar",
            "--mode",
            "direct",
            "--quote",
            "لم يغير هذا مجرى المعركة",
            "--about",
            "Belarus",
        )
    )
    before = snapshot(engine)
    changes_before = count(engine, "change")

    run = ok(cli("entity", "merge", "Mitchell Belfer", "m-belfer", "--reason", "same analyst", "--by", "ana"))
    assert "1 statement.speaker_id" in run.stdout

    belfer = json.loads(ok(cli("who-said", "--speaker", "Mitchell Belfer", "--format", "json")).stdout)
    assert len(belfer) == 5
    # The duplicate's names now find the survivor, and so does its key.
    assert len(json.loads(ok(cli("who-said", "--speaker", "ميشيل بلفر", "--format", "json")).stdout)) == 5
    assert (
        json.loads(ok(cli("entity", "show", "m-belfer", "--format", "json")).stdout)["key"]
        == "mitchell-belfer"
    )
    assert "m-belfer" not in ok(cli("entity", "list")).stdout
    assert count(engine, "change", "WHERE by = 'ana' AND reason = 'same analyst'") >= 3
    assert count(engine, "entity_merge") == 1

    ok(cli("entity", "unmerge", "m-belfer", "--reason", "two different people after all", "--by", "omar"))
    assert snapshot(engine) == before
    assert count(engine, "change") > changes_before
    assert (
        len(json.loads(ok(cli("who-said", "--speaker", "Mitchell Belfer", "--format", "json")).stdout)) == 4
    )
    assert len(json.loads(ok(cli("who-said", "--speaker", "m-belfer", "--format", "json")).stdout)) == 1
    with engine.connect() as connection:
        assert connection.execute(text("SELECT undone_by FROM entity_merge")).scalar_one() == "omar"


def test_merge_of_a_country_moves_its_memberships_and_event_roles(cli: Cli, engine: Engine) -> None:
    ok(cli("entity", "add", "Republic of Belarus (duplicate)", "--kind", "country", "--key", "belarus-2"))
    ok(cli("entity", "merge", "belarus-2", "Belarus", "--reason", "test"))
    members = json.loads(ok(cli("members", "CSTO", "--format", "json")).stdout)
    assert "belarus-2" in {m["member"]["key"] for m in members}
    before_keys = {m["member"]["key"] for m in members}
    ok(cli("entity", "unmerge", "belarus", "--reason", "undo"))
    after = {m["member"]["key"] for m in json.loads(ok(cli("members", "CSTO", "--format", "json")).stdout)}
    assert after == (before_keys - {"belarus-2"}) | {"belarus"}


def test_merge_and_unmerge_refuse_bad_input_in_one_line(cli: Cli, engine: Engine) -> None:
    changes = count(engine, "change")
    one_line_error(cli("entity", "merge", "Zas", "Zas", "--reason", "x"), 2, "same entity")
    one_line_error(cli("entity", "merge", "Zas", "Nobody", "--reason", "x"), 2, "duplicate")
    one_line_error(cli("entity", "merge", "Zas", "Pashinyan", "--reason", " "), 2, "reason")
    one_line_error(cli("entity", "unmerge", "stanislav-zas", "--reason", "x"), 1, "not merged")
    one_line_error(cli("entity", "unmerge", "nobody", "--reason", "x"), 1, "nobody")
    assert count(engine, "change") == changes
