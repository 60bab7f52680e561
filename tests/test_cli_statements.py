"""`statement add | show | edit | retract` as a user runs them: exit code, output and what the database holds.

Source 1 is the seeded Sky News Arabia article; its statements are #1..#12 in the seed's order, and #11 and #12
are Stanislav Zas on 2022-02-19.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from csto_kb.model import Change
from tests.helpers import Run, count, one_line_error, table_counts

Cli = Callable[..., Run]

ZAS = "stanislav-zas"
S11_QUOTE = (
    "المنظمة قد ترسل قوات لحفظ السلام إلى مناطق في شرق أوكرانيا يسيطر عليها المتمردون المدعومون من موسكو "
    "“إذا لزم الأمر”"
)
S12_QUOTE = (
    "لدى المنظمة “قوة قوامها 17 ألف جندي في حالة تأهب دائم، وقوة حفظ سلام متخصصة قوامها نحو 4 آلاف جندي”"
)
# Substrings of the seeded article that occur once in it and are no statement of their own.
FORCE_QUOTE = "قوة قوامها 17 ألف جندي في حالة تأهب دائم"
PEACE_QUOTE = "قوة حفظ سلام متخصصة قوامها نحو 4 آلاف جندي"
ALLIANCE_QUOTE = "ويضم هذا التحالف السياسي العسكري"
PARLIAMENT_QUOTE = "جلسة بالبرلمان"
CSTO_NAME = "منظمة معاهدة الأمن الجماعي"  # occurs several times in the article

REUTERS_TEXT = (
    "MINSK, Feb 19 (Reuters) - The Collective Security Treaty Organization could send peacekeepers to "
    "eastern Ukraine if necessary, its Secretary General Stanislav Zas said on Saturday.\n"
    '"We are ready to act," Zas told reporters in Minsk.\n'
)
REUTERS_QUOTE = "We are ready to act"
# #11's quote as another outlet prints it: harakat on المنظمة, a bare alef in الى, straight quotation marks.
S11_VARIANT = (
    "المُنظّمة قد ترسل قوات لحفظ السلام الى مناطق في شرق أوكرانيا يسيطر عليها المتمردون المدعومون من موسكو "
    '"إذا لزم الأمر"'
)


# --- helpers -------------------------------------------------------------------------------------------------


def statement_row(engine: Engine, statement_id: int) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = (
            connection.execute(text("SELECT * FROM statement WHERE id = :id"), {"id": statement_id})
            .mappings()
            .first()
        )
    return dict(row) if row is not None else None


def stored(engine: Engine, statement_id: int) -> dict[str, Any]:
    """The statement's row, with its first live evidence's source, span and method beside its columns."""
    row = statement_row(engine, statement_id)
    assert row is not None, f"statement #{statement_id} is not stored"
    with engine.connect() as connection:
        first = (
            connection.execute(
                text(
                    "SELECT source_id, span_start, span_end, method, extractor_version, confidence "
                    "FROM evidence WHERE statement_id = :id AND retracted_at IS NULL ORDER BY id LIMIT 1"
                ),
                {"id": statement_id},
            )
            .mappings()
            .one()
        )
    return row | dict(first)


def evidence_rows(engine: Engine, statement_id: int) -> list[dict[str, Any]]:
    """Every evidence of a statement, oldest first."""
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT * FROM evidence WHERE statement_id = :id ORDER BY id"), {"id": statement_id}
        ).mappings()
        return [dict(r) for r in rows]


def source_body(engine: Engine, source_id: int) -> str:
    with engine.connect() as connection:
        body = connection.execute(
            text("SELECT body FROM source WHERE id = :id"), {"id": source_id}
        ).scalar_one()
    assert isinstance(body, str)
    return body


def entity_id(engine: Engine, key: str) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(text("SELECT id FROM entity WHERE key = :key"), {"key": key}).scalar_one()
        )


def about_keys(engine: Engine, statement_id: int) -> set[str]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT e.key FROM statement_about sa JOIN entity e ON e.id = sa.entity_id "
                "WHERE sa.statement_id = :id"
            ),
            {"id": statement_id},
        ).scalars()
        return set(rows)


def translations(engine: Engine, statement_id: int) -> list[tuple[str, str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT lang, text, translator FROM translation WHERE statement_id = :id ORDER BY id"),
            {"id": statement_id},
        ).all()
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def statement_changes(engine: Engine, statement_id: int, action: str | None = None) -> list[dict[str, Any]]:
    """The change log of one statement, oldest first, with the JSON columns decoded on either engine."""
    query = select(Change).where(Change.table_name == "statement", Change.row_id == statement_id)
    if action is not None:
        query = query.where(Change.action == action)
    with Session(engine) as session:
        return [
            {"action": c.action, "by": c.by, "reason": c.reason, "before": c.before, "after": c.after}
            for c in session.scalars(query.order_by(Change.id))
        ]


def added_ids(run: Run) -> list[int]:
    return [int(n) for n in re.findall(r"^added statement #(\d+): ", run.stdout, flags=re.MULTILINE)]


def json_ids(payload: str) -> list[int]:
    return [int(item["id"]) for item in json.loads(payload)]


def add_source(cli: Cli, tmp_path: Path, body: str, *, lang: str = "en", name: str = "reuters.txt") -> int:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    run = cli(
        "source", "add", str(path), "--lang", lang, "--publisher", "Reuters", "--published", "2022-02-19"
    )
    assert run.exit_code == 0, run.stderr
    match = re.search(r"added source (\d+):", run.stdout)
    assert match is not None, run.stdout
    return int(match.group(1))


def zas_adds(cli: Cli, quote: str, *extra: str) -> Run:
    """`statement add` for Zas on 2022-02-19 citing the seeded article, as the issue writes it.

    The quotes these tests add are parts of #12, Zas's own statement, which makes each a possible duplicate
    of it: --new stores them apart (the duplicate rule itself is tested on its own below).
    """
    return cli(
        "statement", "add", "--speaker", "Stanislav Zas", "--said-on", "2022-02-19",
        "--quote", quote, "--lang", "ar", "--source", "1", "--new", *extra,
    )  # fmt: skip


# --- statement add --------------------------------------------------------------------------------------------


def test_add_in_the_issue_form_stores_the_statement_with_the_span_found_in_the_source(
    cli: Cli, engine: Engine
) -> None:
    run = zas_adds(cli, FORCE_QUOTE, "--by", "Analyst A")

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    assert run.stdout == f"added statement #{new_id}: Stanislav Zas, 2022-02-19, source 1\n"
    assert count(engine, "statement") == 13
    row = stored(engine, new_id)
    assert row["speaker_id"] == entity_id(engine, ZAS)
    assert (row["quote"], row["lang"], row["said_on"], row["source_id"]) == (
        FORCE_QUOTE,
        "ar",
        "2022-02-19",
        1,
    )
    assert (row["mode"], row["method"], row["recorded_by"]) == ("direct", "entered", "Analyst A")
    assert row["retracted_at"] is None
    body = source_body(engine, 1)
    assert (row["span_start"], row["span_end"]) == (body.index(FORCE_QUOTE), body.index(FORCE_QUOTE) + 40)
    assert body[row["span_start"] : row["span_end"]] == FORCE_QUOTE
    [insert] = statement_changes(engine, new_id)
    assert (insert["action"], insert["by"]) == ("insert", "Analyst A")


@pytest.mark.parametrize(
    "speaker",
    ["Stanislav Zas", "Zas", "Stanislau Zas", "stanislav zas", "زاس", "ستانيسلاف زاس", "stanislav-zas"],
    ids=[
        "english-name",
        "english-alias",
        "other-spelling",
        "lower-case",
        "arabic-alias",
        "arabic-name",
        "key",
    ],
)
def test_add_resolves_the_speaker_by_any_alias_in_either_script_or_by_key(
    cli: Cli, engine: Engine, speaker: str
) -> None:
    before = count(engine, "entity")

    run = cli("statement", "add", "--speaker", speaker, "--quote", ALLIANCE_QUOTE, "--source", "1")

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    assert "Stanislav Zas, not after 2022-04-15, source 1" in run.stdout
    row = stored(engine, new_id)
    assert row["speaker_id"] == entity_id(engine, ZAS)
    # No date of its own: dated by its source's publication, as a bound.
    assert (row["said_on"], row["said_on_basis"]) == ("2022-04-15", "not_after")
    assert row["lang"] == "ar"  # guessed from the quote's script
    assert count(engine, "entity") == before


def test_add_with_start_and_end_stores_that_occurrence_of_a_quote_found_several_times(
    cli: Cli, engine: Engine
) -> None:
    body = source_body(engine, 1)
    start = body.index("الأمين العام لمنظمة معاهدة الأمن الجماعي ستانيسلاف") + len("الأمين العام ل")
    assert body.count(CSTO_NAME) > 1
    assert body[start : start + len(CSTO_NAME)] == CSTO_NAME
    counts = table_counts(engine)

    ambiguous = cli("statement", "add", "--speaker", "Zas", "--quote", CSTO_NAME, "--source", "1")
    one_line_error(ambiguous, 2, "quote:", "more than once")
    assert table_counts(engine) == counts

    run = cli(
        "statement", "add", "--speaker", "Zas", "--quote", CSTO_NAME, "--source", "1",
        "--start", str(start), "--end", str(start + len(CSTO_NAME)),
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    row = stored(engine, new_id)
    assert (row["span_start"], row["span_end"]) == (start, start + len(CSTO_NAME))
    assert body[row["span_start"] : row["span_end"]] == row["quote"] == CSTO_NAME


def test_add_about_is_repeatable_and_each_entity_is_stored_once(cli: Cli, engine: Engine) -> None:
    run = zas_adds(cli, FORCE_QUOTE, "--about", "CSTO", "--about", "أوكرانيا", "--about", "csto")

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    assert about_keys(engine, new_id) == {"csto", "ukraine"}
    assert count(engine, "statement_about", f"WHERE statement_id = {new_id}") == 2


def test_add_about_an_unknown_entity_is_refused_and_writes_nothing(cli: Cli, engine: Engine) -> None:
    counts = table_counts(engine)

    run = zas_adds(cli, FORCE_QUOTE, "--about", "CSTO", "--about", "Atlantis")

    one_line_error(run, 2, "about:", "Atlantis")
    assert table_counts(engine) == counts


def test_add_stores_the_translation_with_its_language_and_translator(cli: Cli, engine: Engine) -> None:
    english = "a force of 17,000 troops on permanent alert"

    run = zas_adds(cli, FORCE_QUOTE, "--translation", english, "--by", "Analyst A")

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    assert translations(engine, new_id) == [("en", english, "Analyst A")]
    shown = cli("statement", "show", str(new_id))
    assert f"Translation (en, Analyst A): {english}" in shown.stdout


def test_add_translation_in_another_language_by_a_named_translator(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(cli, tmp_path, REUTERS_TEXT)
    run = cli(
        "statement", "add", "--speaker", "Zas", "--quote", REUTERS_QUOTE, "--source", str(source),
        "--translation", "نحن مستعدون للتحرك", "--translation-lang", "AR", "--translator", "Translator T",
    )  # fmt: skip

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    assert translations(engine, new_id) == [("ar", "نحن مستعدون للتحرك", "Translator T")]


def test_add_json_output_parses_and_carries_the_stored_id(cli: Cli, engine: Engine) -> None:
    run = zas_adds(cli, PEACE_QUOTE, "--format", "json", "--about", "csto")

    assert run.exit_code == 0, run.stderr
    [added] = json.loads(run.stdout)
    row = stored(engine, added["id"])
    assert added["quote"] == row["quote"] == PEACE_QUOTE
    assert added["speaker"]["key"] == ZAS
    assert added["said_on"] == "2022-02-19"
    assert added["said_on_precision"] == "day"
    assert (added["span_start"], added["span_end"]) == (row["span_start"], row["span_end"])
    assert added["source"]["id"] == 1
    assert [e["key"] for e in added["about"]] == ["csto"]
    assert added["role"]["title"] == "Secretary General of the Collective Security Treaty Organization"
    assert row["role_id"] == added["role"]["id"]


def test_add_to_a_newly_added_source_guesses_english_from_the_quote(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(cli, tmp_path, REUTERS_TEXT)
    assert source == 2

    run = cli(
        "statement", "add", "--speaker", "Zas", "--said-on", "2022-02-19", "--quote", REUTERS_QUOTE,
        "--source", "2", "--venue", "remarks to reporters", "--cue", "told",
    )  # fmt: skip

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    assert run.stdout.endswith("source 2\n")
    row = stored(engine, new_id)
    assert (row["lang"], row["source_id"], row["venue"], row["cue"]) == (
        "en",
        2,
        "remarks to reporters",
        "told",
    )
    assert REUTERS_TEXT[row["span_start"] : row["span_end"]] == REUTERS_QUOTE
    assert source_body(engine, 2)[row["span_start"] : row["span_end"]] == REUTERS_QUOTE


# --- statement add: refused input -----------------------------------------------------------------------------

BAD_ADDS: list[tuple[str, list[str | None], int, list[str]]] = [
    ("impossible-day", ["--said-on", "2022-02-30"], 2, ["said_on:", "2022-02-30"]),
    ("month-13", ["--said-on", "2022-13"], 2, ["said_on:", "2022-13"]),
    ("word-for-date", ["--said-on", "yesterday"], 2, ["said_on:", "yesterday"]),
    ("mode-shouted", ["--mode", "shouted"], 2, ["mode:"]),
    ("lang-word", ["--lang", "arabic"], 2, ["lang:", "arabic"]),
    ("quote-not-in-source", ["--quote", "قوة قوامها 18 ألف جندي"], 2, ["quote:", "not found", "source 1"]),
    ("span-not-the-quote", ["--start", "10", "--end", "50"], 2, ["quote:", "span 10-50"]),
    ("span-past-the-end", ["--start", "5000", "--end", "5040"], 2, ["quote:", "5000-5040"]),
    ("half-a-span", ["--start", "3120"], 2, ["span_start"]),
    ("empty-quote", ["--quote", ""], 2, ["quote:", "empty"]),
    ("blank-quote", ["--quote", "   "], 2, ["quote:", "empty"]),
    ("missing-speaker", ["--speaker", None], 2, ["speaker:", "required"]),
    ("missing-quote", ["--quote", None], 2, ["quote:", "required"]),
    ("blank-speaker", ["--speaker", " "], 2, ["speaker:", "empty"]),
    ("unknown-source", ["--source", "99"], 1, ["source:", "99"]),
]


@pytest.mark.parametrize(
    ("changes", "code", "fragments"), [b[1:] for b in BAD_ADDS], ids=[b[0] for b in BAD_ADDS]
)
def test_add_refuses_bad_input_with_one_line_naming_the_field_and_writes_nothing(
    cli: Cli, engine: Engine, changes: list[str | None], code: int, fragments: list[str]
) -> None:
    options: dict[str, str | None] = {
        "--speaker": "Stanislav Zas",
        "--said-on": "2022-02-19",
        "--quote": FORCE_QUOTE,
        "--lang": "ar",
        "--source": "1",
    }
    for name, value in zip(changes[::2], changes[1::2], strict=True):
        assert name is not None
        options[name] = value
    args = [part for name, value in options.items() if value is not None for part in (name, value)]
    counts = table_counts(engine)

    run = cli("statement", "add", *args)

    one_line_error(run, code, *fragments)
    assert table_counts(engine) == counts


@pytest.mark.parametrize(
    ("speaker", "closest"),
    [("Stanislav Zaz", "Stanislav Zas"), ("ستانيسلاف زاز", "ستانيسلاف زاس")],
    ids=["latin", "arabic"],
)
def test_add_unknown_speaker_is_refused_with_the_closest_known_names(
    cli: Cli, engine: Engine, speaker: str, closest: str
) -> None:
    counts = table_counts(engine)

    run = cli("statement", "add", "--speaker", speaker, "--quote", FORCE_QUOTE, "--source", "1")

    one_line_error(run, 2, "speaker:", speaker, "closest known:", closest)
    assert table_counts(engine) == counts


def test_add_with_create_speaker_creates_the_person_and_adds_the_statement(cli: Cli, engine: Engine) -> None:
    counts = table_counts(engine)

    run = cli(
        "statement", "add", "--speaker", "Ivan Petrov", "--create-speaker", "--said-on", "2022-04",
        "--quote", ALLIANCE_QUOTE, "--source", "1",
    )  # fmt: skip

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    assert "Ivan Petrov, 2022-04, source 1" in run.stdout
    with engine.connect() as connection:
        person = connection.execute(text("SELECT id, kind FROM entity WHERE key = 'ivan-petrov'")).one()
        names = connection.execute(
            text("SELECT name, lang FROM entity_name WHERE entity_id = :id"), {"id": person.id}
        ).all()
    assert person.kind == "person"
    assert [tuple(n) for n in names] == [("Ivan Petrov", "en")]
    assert stored(engine, new_id)["speaker_id"] == person.id
    after = table_counts(engine)
    assert (after["entity"], after["entity_name"], after["statement"]) == (
        counts["entity"] + 1,
        counts["entity_name"] + 1,
        counts["statement"] + 1,
    )
    said = cli("who-said", "--speaker", "Ivan Petrov", "--format", "json")
    assert said.exit_code == 0
    assert json_ids(said.stdout) == [new_id]


def test_add_create_speaker_does_not_create_a_second_entity_for_a_known_speaker(
    cli: Cli, engine: Engine
) -> None:
    entities = count(engine, "entity")

    run = cli(
        "statement", "add", "--speaker", "زاس", "--create-speaker", "--quote", ALLIANCE_QUOTE, "--source", "1"
    )

    assert run.exit_code == 0, run.stderr
    assert stored(engine, added_ids(run)[0])["speaker_id"] == entity_id(engine, ZAS)
    assert count(engine, "entity") == entities


# --- statement add: duplicates --------------------------------------------------------------------------------


def test_add_duplicate_is_refused_with_the_existing_id(cli: Cli, engine: Engine) -> None:
    counts = table_counts(engine)

    run = cli(
        "statement",
        "add",
        "--speaker",
        "زاس",
        "--said-on",
        "2022-02-19",
        "--quote",
        S11_QUOTE,
        "--source",
        "1",
    )

    one_line_error(run, 1, "statement:", "#11")
    assert table_counts(engine) == counts


def test_add_same_quote_from_another_source_with_other_diacritics_becomes_its_second_evidence(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(cli, tmp_path, f"وقال زاس إن {S11_VARIANT}.\n", lang="ar", name="variant.txt")
    body = source_body(engine, source)

    run = cli(
        "statement", "add", "--speaker", "Stanislav Zas", "--said-on", "2022-02-19",
        "--quote", S11_VARIANT, "--lang", "ar", "--source", str(source),
    )  # fmt: skip

    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith(f"statement #11 was already stored: source {source} ")
    assert count(engine, "statement") == 12
    first, second = evidence_rows(engine, 11)
    assert (first["source_id"], second["source_id"]) == (1, source)
    assert body[second["span_start"] : second["span_end"]] == S11_VARIANT
    assert stored(engine, 11)["quote"] == S11_QUOTE  # the statement keeps the words it was first stored with


def test_add_same_quote_from_the_same_source_again_is_refused_with_the_existing_id(
    cli: Cli, engine: Engine
) -> None:
    counts = table_counts(engine)

    run = cli(
        "statement", "add", "--speaker", "Zas", "--said-on", "2022-02-19", "--quote", S11_QUOTE,
        "--source", "1",
    )  # fmt: skip

    one_line_error(run, 1, "statement:", "#11", "source 1")
    assert table_counts(engine) == counts


def test_add_same_quote_said_on_another_date_is_a_possible_duplicate_until_new_is_given(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(
        cli, tmp_path, f"وكرر زاس في 18 فبراير أن {S11_QUOTE}.\n", lang="ar", name="again.txt"
    )
    counts = table_counts(engine)
    args = ("statement", "add", "--speaker", "Zas", "--said-on", "2022-02-18", "--quote", S11_QUOTE,
            "--source", str(source))  # fmt: skip

    refused = cli(*args)
    one_line_error(refused, 1, "possible duplicate of #11", "--same-as 11", "--new")
    assert table_counts(engine) == counts

    run = cli(*args, "--new")
    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    assert stored(engine, new_id)["said_on"] == "2022-02-18"
    assert stored(engine, new_id)["quote_key"] == stored(engine, 11)["quote_key"]


def test_add_a_part_of_a_stored_quote_is_a_possible_duplicate_and_same_as_links_it(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(cli, tmp_path, f"قال زاس إن {FORCE_QUOTE}.\n", lang="ar", name="part.txt")
    args = ("statement", "add", "--speaker", "Zas", "--said-on", "2022-02-19", "--quote", FORCE_QUOTE,
            "--source", str(source))  # fmt: skip

    one_line_error(cli(*args), 1, "possible duplicate of #12")
    run = cli(*args, "--same-as", "12")

    assert run.exit_code == 0, run.stderr
    assert count(engine, "statement") == 12
    assert [e["source_id"] for e in evidence_rows(engine, 12)] == [1, source]


def test_add_same_as_with_subjects_and_a_translation_adds_them_to_the_stored_statement_logged(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(cli, tmp_path, f"قال زاس إن {FORCE_QUOTE}.\n", lang="ar", name="part.txt")
    before = [c["after"] for c in statement_changes(engine, 12, "update")]
    translations = count(engine, "translation", "WHERE statement_id = 12")
    run = cli("statement", "add", "--speaker", "Zas", "--said-on", "2022-02-19", "--quote", FORCE_QUOTE,
              "--source", str(source), "--same-as", "12", "--about", "Belarus",
              "--translation", "a force of 17,000 troops", "--translator", "R. T.")  # fmt: skip

    assert run.exit_code == 0, run.stderr
    updates = [c for c in statement_changes(engine, 12, "update") if c["after"] not in before]
    assert [(c["before"], c["after"]) for c in updates] == [
        ({"about": ["csto"]}, {"about": ["csto", "belarus"]})
    ]
    assert count(engine, "translation", "WHERE statement_id = 12") == translations + 1
    assert count(engine, "translation", "WHERE statement_id = 12 AND translator = 'R. T.'") == 1


def test_add_same_as_a_missing_statement_is_refused_naming_the_field(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    source = add_source(cli, tmp_path, f"قال زاس إن {FORCE_QUOTE}.\n", lang="ar", name="part.txt")
    counts = table_counts(engine)
    run = cli("statement", "add", "--speaker", "Zas", "--quote", FORCE_QUOTE, "--source", str(source),
              "--same-as", "999")  # fmt: skip
    one_line_error(run, 1, "same_as: no statement has id 999")
    assert table_counts(engine) == counts


def test_add_said_on_after_the_source_was_published_is_refused_naming_the_field(
    cli: Cli, engine: Engine
) -> None:
    counts = table_counts(engine)

    run = zas_adds(cli, FORCE_QUOTE, "--said-on", "2031-01-01")

    one_line_error(run, 2, "said_on:", "2031-01-01", "2022-04-15")
    assert table_counts(engine) == counts


def test_show_and_who_said_list_every_source_of_a_statement(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    source = add_source(cli, tmp_path, f"وقال زاس إن {S11_QUOTE}.\n", lang="ar", name="second.txt")
    assert (
        cli("statement", "add", "--speaker", "Zas", "--quote", S11_QUOTE, "--source", str(source)).exit_code
        == 0
    )

    shown = cli("statement", "show", "11")
    found = cli("who-said", "--speaker", "Zas", "--format", "json")

    assert shown.exit_code == 0, shown.stderr
    assert "[1] Sky News Arabia" in shown.stdout
    assert f"[{source}] Reuters, 2022-02-19" in shown.stdout
    [s11] = [s for s in json.loads(found.stdout) if s["id"] == 11]
    assert [e["source"]["id"] for e in s11["evidence"]] == [1, source]


# --- statement add --from-file --------------------------------------------------------------------------------


def test_add_from_a_json_file(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "statement.json"
    item = {
        "speaker": "Stanislav Zas",
        "quote": FORCE_QUOTE,
        "lang": "ar",
        "source": 1,
        "said_on": "2022-02-19",
        "mode": "mixed",
        "about": ["csto"],
        "translation": "a force of 17,000 troops on permanent alert",
        "distinct": True,
    }
    path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")

    run = cli("statement", "add", "--from-file", str(path), "--by", "Importer")

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    row = stored(engine, new_id)
    assert (row["quote"], row["mode"], row["said_on"], row["recorded_by"]) == (
        FORCE_QUOTE,
        "mixed",
        "2022-02-19",
        "Importer",
    )
    assert about_keys(engine, new_id) == {"csto"}
    assert translations(engine, new_id) == [("en", item["translation"], "Importer")]
    assert count(engine, "statement") == 13


def test_add_from_a_yaml_list_adds_both_statements(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "statements.yaml"
    path.write_text(
        f"""\
- speaker: زاس
  quote: "{PEACE_QUOTE}"
  lang: ar
  source: 1
  said_on: "2022-02-19"
  distinct: true
- speaker: Pashinyan
  quote: "{PARLIAMENT_QUOTE}"
  lang: ar
  source: 1
  said_on: "2022-04-13"
  venue: session of the Armenian parliament
""",
        encoding="utf-8",
    )

    run = cli("statement", "add", "--from-file", str(path))

    assert run.exit_code == 0, run.stderr
    first, second = added_ids(run)
    assert second == first + 1
    assert "Stanislav Zas, 2022-02-19" in run.stdout
    assert "Nikol Pashinyan, 2022-04-13" in run.stdout
    assert stored(engine, first)["speaker_id"] == entity_id(engine, ZAS)
    assert stored(engine, first)["quote"] == PEACE_QUOTE
    assert stored(engine, second)["speaker_id"] == entity_id(engine, "nikol-pashinyan")
    assert stored(engine, second)["venue"] == "session of the Armenian parliament"
    assert count(engine, "statement") == 14


def test_add_from_stdin(cli: Cli, engine: Engine) -> None:
    document = json.dumps(
        [{"speaker": "Zas", "quote": ALLIANCE_QUOTE, "lang": "ar", "source": 1, "said_on": "2022-02"}],
        ensure_ascii=False,
    )

    run = cli("statement", "add", "--from-file", "-", "--format", "json", input=document)

    assert run.exit_code == 0, run.stderr
    [added] = json.loads(run.stdout)
    row = stored(engine, added["id"])
    assert (row["quote"], row["said_on"]) == (ALLIANCE_QUOTE, "2022-02")
    assert count(engine, "statement") == 13


BAD_FILES: list[tuple[str, list[dict[str, Any]] | str, list[str]]] = [
    (
        "second-item-bad-date",
        [
            {"speaker": "Zas", "quote": PEACE_QUOTE, "lang": "ar", "source": 1, "distinct": True},
            {
                "speaker": "Pashinyan",
                "quote": PARLIAMENT_QUOTE,
                "lang": "ar",
                "source": 1,
                "said_on": "2022-04-31",
            },
        ],
        ["item [1]: said_on", "2022-04-31"],
    ),
    (
        "second-item-quote-not-in-source",
        # The first item is valid and is stored before the second fails: the whole file must roll back.
        [
            {"speaker": "Zas", "quote": PEACE_QUOTE, "lang": "ar", "source": 1, "distinct": True},
            {"speaker": "Pashinyan", "quote": "not in the article", "lang": "ar", "source": 1},
        ],
        ["item [1]: quote:", "not found"],
    ),
    (
        "second-item-duplicate",
        [
            {"speaker": "Zas", "quote": PEACE_QUOTE, "lang": "ar", "source": 1, "distinct": True},
            {"speaker": "Zas", "quote": S12_QUOTE, "lang": "ar", "source": 1, "said_on": "2022-02-19"},
        ],
        ["item [1]: statement:", "#12"],
    ),
    (
        "misspelt-field",
        [{"speeker": "Zas", "quote": PEACE_QUOTE, "lang": "ar", "source": 1}],
        ["from-file:", "speeker:", "unknown field"],
    ),
    ("empty-list", [], ["from-file:", "no statements"]),
    ("not-yaml", "speaker: [unclosed", ["from-file:", "not valid JSON or YAML"]),
]


@pytest.mark.parametrize(("document", "fragments"), [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_add_from_file_with_a_bad_item_writes_nothing_and_names_the_item_and_field(
    cli: Cli, engine: Engine, tmp_path: Path, document: list[dict[str, Any]] | str, fragments: list[str]
) -> None:
    path = tmp_path / "statements.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document, ensure_ascii=False))
    counts = table_counts(engine)

    run = cli("statement", "add", "--from-file", str(path))

    code = 1 if "#12" in fragments else 2
    one_line_error(run, code, *fragments)
    assert table_counts(engine) == counts


def test_add_from_a_missing_file_is_refused(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    counts = table_counts(engine)

    run = cli("statement", "add", "--from-file", str(tmp_path / "nowhere.yaml"))

    one_line_error(run, 2, "from-file:", "nowhere.yaml")
    assert table_counts(engine) == counts


# --- statement show -------------------------------------------------------------------------------------------


def test_show_prints_speaker_role_date_quote_translation_source_and_history(cli: Cli, engine: Engine) -> None:
    counts = table_counts(engine)

    run = cli("statement", "show", "11")

    assert run.exit_code == 0, run.stderr
    out = run.stdout
    assert out.startswith("Statement #11\n")
    assert "Speaker:   Stanislav Zas (ستانيسلاف زاس) [stanislav-zas]" in out
    assert "Role:      Secretary General of the Collective Security Treaty Organization" in out
    assert "Said on:   2022-02-19 (day precision)" in out
    assert f"Quote (ar): {S11_QUOTE}" in out
    assert "Translation (en, csto-kb curators): The organisation could send peacekeeping forces" in out
    row = stored(engine, 11)
    assert (
        f"Source:    [1] Sky News Arabia, 2022-04-15 (inferred), chars {row['span_start']}–{row['span_end']}"
        in out
    )
    assert re.search(r"^History:\n  \S+ \S+ insert by csto-kb seed", out, flags=re.MULTILINE)
    assert "RETRACTED" not in out
    assert table_counts(engine) == counts


def test_show_json_has_the_statement_and_its_history(cli: Cli, engine: Engine) -> None:
    run = cli("statement", "show", "12", "--format", "json")

    assert run.exit_code == 0, run.stderr
    detail = json.loads(run.stdout)
    assert detail["id"] == 12
    assert detail["quote"] == S12_QUOTE == stored(engine, 12)["quote"]
    assert detail["speaker"]["key"] == ZAS
    [insert] = detail["history"]
    assert insert["action"] == "insert"
    assert insert["after"]["id"] == 12
    assert insert["by"] == statement_changes(engine, 12)[0]["by"]


def test_show_unknown_id_is_not_found(cli: Cli, engine: Engine) -> None:
    counts = table_counts(engine)

    run = cli("statement", "show", "99")

    one_line_error(run, 1, "statement:", "99")
    assert table_counts(engine) == counts


# --- statement edit -------------------------------------------------------------------------------------------


def test_edit_said_on_corrects_the_row_and_logs_before_after_reason_and_author(
    cli: Cli, engine: Engine
) -> None:
    reason = "the article's 19 February is the day the remarks were published"

    run = cli("statement", "edit", "11", "--said-on", "2022-02-18", "--reason", reason, "--by", "Checker")

    assert run.exit_code == 0, run.stderr
    assert run.stdout == "corrected statement #11: Stanislav Zas, 2022-02-18, source 1\n"
    row = stored(engine, 11)
    assert row["said_on"] == "2022-02-18"
    assert row["quote"] == S11_QUOTE  # nothing else changed
    [update] = statement_changes(engine, 11, "update")
    assert update["before"] == {"said_on": "2022-02-19"}
    assert update["after"] == {"said_on": "2022-02-18"}
    assert (update["reason"], update["by"]) == (reason, "Checker")
    assert count(engine, "statement") == 12


def test_edit_keeps_the_previous_value_visible_in_show(cli: Cli, engine: Engine) -> None:
    assert (
        cli(
            "statement", "edit", "11", "--said-on", "2022-02-18", "--reason", "misdated", "--by", "Checker"
        ).exit_code
        == 0
    )

    shown = cli("statement", "show", "11")
    as_json = cli("statement", "show", "11", "--format", "json")

    assert shown.exit_code == 0
    assert as_json.exit_code == 0
    assert "Said on:   2022-02-18" in shown.stdout
    assert "update by Checker — misdated: said_on: '2022-02-19' → '2022-02-18'" in shown.stdout
    history = json.loads(as_json.stdout)["history"]
    assert [h["action"] for h in history] == ["insert", "update"]
    assert history[0]["after"]["said_on"] == "2022-02-19"
    assert (history[1]["before"], history[1]["after"]) == (
        {"said_on": "2022-02-19"},
        {"said_on": "2022-02-18"},
    )
    assert len(statement_changes(engine, 11)) == 2


def test_edit_quote_relocates_the_span_in_the_source(cli: Cli, engine: Engine) -> None:
    run = cli(
        "statement", "edit", "12", "--quote", FORCE_QUOTE, "--reason", "only the first figure is quoted"
    )

    assert run.exit_code == 0, run.stderr
    row = stored(engine, 12)
    assert row["quote"] == FORCE_QUOTE
    assert source_body(engine, 1)[row["span_start"] : row["span_end"]] == FORCE_QUOTE
    [update] = statement_changes(engine, 12, "update")
    assert update["before"]["quote"] == S12_QUOTE
    assert update["after"]["quote"] == FORCE_QUOTE
    # The span is the evidence's: its own change log keeps the old one.
    [evidence] = evidence_rows(engine, 12)
    with Session(engine) as session:
        [moved] = session.scalars(
            select(Change).where(
                Change.table_name == "evidence", Change.row_id == evidence["id"], Change.action == "update"
            )
        ).all()
    assert (moved.before or {})["span_start"] == 3107
    assert (moved.after or {})["span_start"] == row["span_start"]


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--said-on", "2022-02-30"], ["said_on:", "2022-02-30"]),
        (["--said-on", "last week"], ["said_on:", "last week"]),
        (["--mode", "shouted"], ["mode:"]),
        (["--quote", "not in the article"], ["quote:", "not found"]),
        ([], ["edit:", "at least one field"]),
        (["--said-on", "2022-02-18", "--reason", "  "], ["reason:"]),
    ],
    ids=["impossible-day", "words-for-date", "bad-mode", "quote-not-in-source", "no-field", "blank-reason"],
)
def test_edit_bad_input_is_refused_and_the_row_is_unchanged(
    cli: Cli, engine: Engine, args: list[str], fragments: list[str]
) -> None:
    before = stored(engine, 11)
    counts = table_counts(engine)
    reason = [] if "--reason" in args else ["--reason", "a correction"]

    run = cli("statement", "edit", "11", *args, *reason)

    one_line_error(run, 2, *fragments)
    assert stored(engine, 11) == before
    assert table_counts(engine) == counts


def test_edit_unknown_id_is_not_found(cli: Cli, engine: Engine) -> None:
    counts = table_counts(engine)

    run = cli("statement", "edit", "99", "--said-on", "2022", "--reason", "a correction")

    one_line_error(run, 1, "statement:", "99")
    assert table_counts(engine) == counts


def test_edit_into_a_duplicate_of_another_statement_is_refused_with_its_id(cli: Cli, engine: Engine) -> None:
    before = stored(engine, 12)
    counts = table_counts(engine)

    # #12 is Zas on 2022-02-19 too: giving it #11's quote would make the two the same statement.
    run = cli("statement", "edit", "12", "--quote", S11_QUOTE, "--reason", "wrong sentence")

    one_line_error(run, 1, "#11")
    assert stored(engine, 12) == before
    assert table_counts(engine) == counts


def test_edit_a_retracted_statement_is_refused(cli: Cli, engine: Engine) -> None:
    assert cli("statement", "retract", "12", "--reason", "misattributed").exit_code == 0
    before = stored(engine, 12)
    counts = table_counts(engine)

    run = cli("statement", "edit", "12", "--said-on", "2022-02-18", "--reason", "a correction")

    one_line_error(run, 1, "#12", "retracted")
    assert stored(engine, 12) == before
    assert table_counts(engine) == counts


# --- statement retract ----------------------------------------------------------------------------------------


def test_retract_hides_the_statement_from_default_queries_but_keeps_it(cli: Cli, engine: Engine) -> None:
    reason = "the figures are the article's, not Zas's words"
    listed = cli("who-said", "--speaker", "Zas", "--format", "json")
    assert listed.exit_code == 0
    assert json_ids(listed.stdout) == [11, 12]

    run = cli("statement", "retract", "12", "--reason", reason, "--by", "Checker")

    assert run.exit_code == 0, run.stderr
    assert run.stdout == "retracted statement #12: Stanislav Zas, 2022-02-19, source 1\n"
    default = cli("who-said", "--speaker", "Zas", "--format", "json")
    assert default.exit_code == 0
    assert json_ids(default.stdout) == [11]
    everything = cli("who-said", "--speaker", "Zas", "--format", "json", "--include-retracted")
    assert everything.exit_code == 0
    assert json_ids(everything.stdout) == [11, 12]
    assert json.loads(everything.stdout)[1]["retracted_reason"] == reason
    row = stored(engine, 12)
    assert row["retracted_at"] is not None
    assert row["retracted_reason"] == reason
    assert count(engine, "statement") == 12
    [retraction] = statement_changes(engine, 12, "retract")
    assert (retraction["by"], retraction["reason"]) == ("Checker", reason)
    assert retraction["before"]["retracted_at"] is None
    assert retraction["after"]["retracted_reason"] == reason
    shown = cli("statement", "show", "12")
    assert shown.stdout.startswith("Statement #12  [RETRACTED ")
    assert reason in shown.stdout


def test_retract_twice_is_refused(cli: Cli, engine: Engine) -> None:
    assert cli("statement", "retract", "12", "--reason", "misattributed").exit_code == 0
    before = stored(engine, 12)
    counts = table_counts(engine)

    run = cli("statement", "retract", "12", "--reason", "again")

    one_line_error(run, 1, "#12", "already retracted")
    assert stored(engine, 12) == before
    assert table_counts(engine) == counts


@pytest.mark.parametrize("reason", ["", "   "], ids=["empty", "blank"])
def test_retract_without_a_reason_is_refused(cli: Cli, engine: Engine, reason: str) -> None:
    counts = table_counts(engine)

    run = cli("statement", "retract", "12", "--reason", reason)

    one_line_error(run, 2, "reason:")
    assert stored(engine, 12)["retracted_at"] is None
    assert table_counts(engine) == counts


def test_retract_unknown_id_is_not_found(cli: Cli, engine: Engine) -> None:
    counts = table_counts(engine)

    run = cli("statement", "retract", "99", "--reason", "no such statement")

    one_line_error(run, 1, "statement:", "99")
    assert table_counts(engine) == counts


def test_retracted_statement_no_longer_blocks_adding_it_again(cli: Cli, engine: Engine) -> None:
    """Retraction frees the speaker-quote-date slot: the same quote can be added again, here with its date fixed."""
    assert cli("statement", "retract", "12", "--reason", "wrong date").exit_code == 0
    old_span = (stored(engine, 12)["span_start"], stored(engine, 12)["span_end"])

    run = cli(
        "statement",
        "add",
        "--speaker",
        "Zas",
        "--said-on",
        "2022-02-18",
        "--quote",
        S12_QUOTE,
        "--source",
        "1",
    )

    assert run.exit_code == 0, run.stderr
    [new_id] = added_ids(run)
    row = stored(engine, new_id)
    assert (row["span_start"], row["span_end"]) == old_span
    assert row["said_on"] == "2022-02-18"
    assert stored(engine, 12)["retracted_at"] is not None


# --- help -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "mentions"),
    [
        ("add", ["--speaker", "--quote", "--source", "--said-on", "--from-file", "--create-speaker"]),
        ("show", ["ID", "--format"]),
        ("edit", ["ID", "--reason", "--said-on"]),
        ("retract", ["ID", "--reason"]),
    ],
)
def test_every_statement_command_has_help(
    cli: Cli, engine: Engine, command: str, mentions: list[str]
) -> None:
    counts = table_counts(engine)

    run = cli("statement", command, "--help")

    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith(f"Usage: csto-kb statement {command} [OPTIONS]"), run.stdout
    for mention in mentions:
        assert mention in run.stdout
    assert run.stderr == ""
    assert table_counts(engine) == counts


def translations_of(engine: Engine, statement_id: int) -> list[tuple[str, str, str]]:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT lang, translator, text FROM translation WHERE statement_id = :id ORDER BY id"),
            {"id": statement_id},
        )
        return [(r.lang, r.translator, r.text) for r in found]


def test_a_second_source_whose_translation_reads_otherwise_keeps_the_stored_one_and_says_so(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    [(lang, translator, stored_text)] = translations_of(engine, 11)
    source = add_source(cli, tmp_path, f"وقال زاس إن {S11_QUOTE}.\n", lang="ar", name="again.txt")
    args = ("statement", "add", "--speaker", "Zas", "--said-on", "2022-02-19", "--quote", S11_QUOTE,
            "--source", str(source), "--translation", "Other words", "--translation-lang", lang,
            "--translator", translator)  # fmt: skip

    run = cli(*args)

    assert run.exit_code == 0, run.stderr
    first, kept = run.stdout.strip().split("; ", 1)
    assert first.startswith(f"statement #11 was already stored: source {source} ")
    assert kept.startswith(f"its translation ({lang} by {translator}) is kept")
    assert (
        f"statement edit 11 --translation TEXT --translation-lang {lang} --translator '{translator}'" in kept
    )
    assert translations_of(engine, 11) == [(lang, translator, stored_text)]
    assert [e["source_id"] for e in evidence_rows(engine, 11)] == [1, source]


def test_json_output_of_a_join_says_on_stderr_which_translation_was_not_stored(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    [(lang, translator, stored_text)] = translations_of(engine, 11)
    source = add_source(cli, tmp_path, f"وقال زاس إن {S11_QUOTE}.\n", lang="ar", name="again.txt")
    run = cli(
        "statement", "add", "--speaker", "Zas", "--said-on", "2022-02-19", "--quote", S11_QUOTE,
        "--source", str(source), "--translation", "Other words", "--translation-lang", lang,
        "--translator", translator, "--format", "json",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    [statement] = json.loads(run.stdout)
    assert statement["id"] == 11
    assert run.stderr.startswith(f"note: its translation ({lang} by {translator}) is kept")
    assert run.stderr.count("\n") == 1
    # Another translator's: stored beside it, and nothing is said.
    again = add_source(cli, tmp_path, f"قال زاس إن {S11_QUOTE}.\n", lang="ar", name="third.txt")
    other = cli(
        "statement", "add", "--speaker", "Zas", "--said-on", "2022-02-19", "--quote", S11_QUOTE,
        "--source", str(again), "--translation", "Other words", "--translation-lang", lang,
        "--translator", "R. T.", "--format", "json",
    )  # fmt: skip
    assert (other.exit_code, other.stderr) == (0, "")
    assert translations_of(engine, 11) == [(lang, translator, stored_text), (lang, "R. T.", "Other words")]
