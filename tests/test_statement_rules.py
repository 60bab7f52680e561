"""The statement write rules (`csto_kb.services.statement_rules`): each rule on its own, and the two ways of
storing statements, one at a time (`statement add`) and in bulk (`import statements`), storing the same rows
and change log for the same input, on both engines.

Source 1 is the seeded Sky News Arabia article (published, by inference, on 2022-04-15); statement #11 is
Stanislav Zas on 2022-02-19, from characters 2961–3076 of it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from sqlalchemy import Engine, text

from csto_kb.db.engine import make_engine
from csto_kb.errors import Conflict, InvalidInput, NotFound
from csto_kb.schemas.statements import StatementIn
from csto_kb.services import statement_rules as rules
from csto_kb.text import normalise_for_search, quote_key
from tests.helpers import Databases, Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]

S11_QUOTE = (
    "المنظمة قد ترسل قوات لحفظ السلام إلى مناطق في شرق أوكرانيا يسيطر عليها المتمردون المدعومون من موسكو "
    "“إذا لزم الأمر”"
)
# Words of the seeded article that occur once in it and overlap no stored statement of the speakers below.
DEMANDS = "تصاعدت المطالب الداخلية بإمكانية تفعيل مهام قوات الأمن الجماعي"
ISOLATION = "في مواجهة العزلة التي فرضها الغرب"
FOUNDED = "وتأسست منظمة معاهدة الأمن الجماعي في 2002"
ALLIANCE = "ويضم هذا التحالف السياسي العسكري"


class Interval(NamedTuple):
    id: int
    valid_from: str | None
    valid_to: str | None


class Stored(NamedTuple):
    id: int
    said_on: str | None
    said_on_basis: str


def statement(**fields: Any) -> StatementIn:
    return StatementIn.model_validate({"speaker": "Zas", "quote": "q", "lang": "ar", "source": 1, **fields})


class Source(NamedTuple):
    id: int
    published_on: str | None


# -- each rule on its own --------------------------------------------------------------------------------
def test_the_role_at_a_date_is_the_only_interval_holding_it() -> None:
    roles = [Interval(1, "2010", "2014-06"), Interval(2, "2014-07", None), Interval(3, None, "2009")]
    assert rules.role_on_date(roles, "2012-03-01") == roles[0]
    assert rules.role_on_date(roles, "2014-06-30") == roles[0]  # the end month is held to its last day
    assert rules.role_on_date(roles, "2020") == roles[1]
    assert rules.role_on_date(roles, "2005") == roles[2]
    overlapping = [*roles, Interval(4, "2012", "2013")]
    assert rules.role_on_date(overlapping, "2012-05") is None  # held by two roles: neither is chosen
    assert rules.role_on_date(overlapping, "2011") == roles[0]
    assert rules.role_on_date(roles, None) is None  # three roles, no date
    assert rules.role_on_date(roles[:1], None) == roles[0]  # one role, no date: that role


def test_a_given_role_must_be_a_live_role_of_the_speaker() -> None:
    roles = [Interval(4, None, None), Interval(9, "2020", None)]
    assert rules.statement_role(9, roles, "2001", "Zas") == roles[1]  # given wins over the date
    assert rules.statement_role(None, roles, "2001", "Zas") == roles[0]
    with pytest.raises(InvalidInput, match="role: role 5 is not a role of Zas"):
        rules.statement_role(5, roles, None, "Zas")


def test_an_undated_statement_is_dated_not_after_its_source_and_a_later_date_is_refused() -> None:
    source = Source(7, "2022-04-15")
    assert rules.statement_date(statement(), source) == ("2022-04-15", "not_after")
    assert rules.statement_date(statement(), Source(7, None)) == (None, "stated")
    assert rules.statement_date(statement(said_on="2022-04"), source) == ("2022-04", "stated")
    with pytest.raises(InvalidInput, match="said_on: 2022-05 is after the publication of source 7"):
        rules.statement_date(statement(said_on="2022-05"), source)


def test_the_uid_sequence_is_hashed_from_source_span_and_speaker_and_skips_taken_uids() -> None:
    identity = rules.uid_identity("abc", (3, 9), "stanislav-zas")
    assert identity == "abc:3:9:stanislav-zas"
    first, second, third = [uid for uid, _ in zip(rules.uid_sequence(identity), range(3), strict=False)]
    assert len({first, second, third}) == 3
    assert all(len(u) == 32 for u in (first, second, third))
    assert rules.first_uid(identity) == first
    assert rules.free_uid(identity, lambda uid: uid in {first, second}) == third
    assert rules.uid_identity(None, (3, 9), "x") is None
    assert rules.uid_identity("abc", None, "x") is None
    assert rules.first_uid(None) != rules.first_uid(None)  # no text to hash: a random uid each time


def test_the_same_statement_is_the_oldest_with_a_compatible_date() -> None:
    stored = [Stored(3, "2021", "stated"), Stored(5, "2022-02", "stated"), Stored(8, None, "stated")]
    assert rules.same_among(stored, "2022-02-19", "stated") == stored[1]
    assert rules.same_among(stored[:2], "2020", "stated") is None
    assert rules.same_among(stored, "2020", "stated") == stored[2]  # an undated one can be any day
    # A "not after" bound matches any stated date on or before it.
    assert rules.same_among([Stored(1, "2022-04-15", "not_after")], "2022-03", "stated") == Stored(
        1, "2022-04-15", "not_after"
    )
    assert rules.same_among([Stored(1, "2022-04-15", "not_after")], "2022-05", "stated") is None
    assert rules.same_date(None, "")
    assert rules.same_date("2022", "2022")
    assert not rules.same_date(None, "2022")
    assert not rules.same_date("2022", "2022-02")
    assert (
        rules.live_identity(1, "k", None)
        == rules.live_identity(1, "k", "")
        != rules.live_identity(1, "k", "2022")
    )


def test_quote_forms_normalise_once_into_the_search_form_and_the_duplicate_key() -> None:
    for quote in (S11_QUOTE, "“We are ready,” he said.", "الْمُنَظَّمَة"):
        assert rules.quote_forms(quote) == (normalise_for_search(quote), quote_key(quote))


def test_the_method_is_the_inputs_or_else_the_paths_own() -> None:
    assert rules.evidence_method(statement(), "imported") == "imported"
    assert rules.evidence_method(statement(method="curated"), "imported") == "curated"
    assert rules.evidence_method(statement(method="entered"), "imported") == "entered"


# -- the two paths, side by side -------------------------------------------------------------------------
def rows(engine: Engine, sql: str, **params: Any) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        return [dict(r) for r in connection.execute(text(sql), params).mappings()]


IDS_AND_TIMES = {"id", "statement_id", "recorded_at"}
ROLES_OF = "SELECT r.id FROM role r JOIN entity e ON e.id = r.person_id WHERE e.key = :key ORDER BY r.id"


def without(values: dict[str, Any], keys: set[str] = IDS_AND_TIMES) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in keys}


def stored_after(engine: Engine, first_id: int) -> dict[str, list[Any]]:
    """What was stored for the statements from ``first_id`` on, without ids and timestamps: the rows, the
    subjects, and the change log's inserts with the values they record."""
    statements = rows(engine, "SELECT * FROM statement WHERE id >= :n ORDER BY id", n=first_id)
    evidence = rows(engine, "SELECT * FROM evidence WHERE statement_id >= :n ORDER BY id", n=first_id)
    translations = rows(engine, "SELECT * FROM translation WHERE statement_id >= :n ORDER BY id", n=first_id)
    about = rows(
        engine,
        "SELECT s.uid, a.entity_id FROM statement_about a JOIN statement s ON s.id = a.statement_id "
        "WHERE s.id >= :n ORDER BY s.id, a.entity_id",
        n=first_id,
    )
    logged: list[Any] = []
    for table, written in (("statement", statements), ("evidence", evidence), ("translation", translations)):
        for row in written:
            for change in rows(
                engine,
                "SELECT * FROM change WHERE table_name = :t AND row_id = :id AND action = 'insert'",
                t=table,
                id=row["id"],
            ):
                after = change["after"]
                after = json.loads(after) if isinstance(after, str) else dict(after)
                assert after["id"] == row["id"]
                logged.append((table, change["by"], change["before"], without(after)))
    return {
        "statement": [without(s) for s in statements],
        "evidence": [without(e) for e in evidence],
        "translation": [without(t) for t in translations],
        "about": about,
        "change": logged,
    }


def test_statement_add_and_import_statements_store_the_same_rows_and_change_log(
    cli: Cli, databases: Databases, tmp_path: Path
) -> None:
    one_at_a_time, bulk = databases.seeded(), databases.seeded()
    engine = make_engine(one_at_a_time)
    body = rows(engine, "SELECT body FROM source WHERE id = 1")[0]["body"]
    founded = body.index(FOUNDED)
    roles = {
        key: [r["id"] for r in rows(engine, ROLES_OF, key=key)]
        for key in ("stanislav-zas", "mitchell-belfer", "nikol-pashinyan")
    }
    assert [len(r) for r in roles.values()] == [1, 2, 1]
    sha256 = rows(engine, "SELECT sha256 FROM source WHERE id = 1")[0]["sha256"]
    s11_uid = rows(engine, "SELECT uid FROM statement WHERE id = 11")[0]["uid"]
    items: list[dict[str, Any]] = [
        # Every column the input can set, a translation, subjects named twice; Zas's one role by date.
        {
            "speaker": "Zas",
            "quote": DEMANDS,
            "lang": "ar",
            "source": 1,
            "said_on": "2022-02-19",
            "date_text": "السبت",
            "mode": "indirect",
            "cue": "قال",
            "venue": "a briefing",
            "speaker_mention": "زاس",
            "role_text": "الأمين العام",
            "about": ["csto", "CSTO"],
            "translation": "internal demands grew to activate the collective security forces",
            "translator": "R. T.",
            "method": "curated",
            "confidence": 0.75,
            "note": "a note",
        },
        # Undated: "not after" the source's publication; two roles, so none by date; no method given.
        {"speaker": "ميتشل بيلفر", "quote": ISOLATION, "lang": "ar", "source": 1},
        # A role given, a span given, a month.
        {
            "speaker": "mitchell-belfer",
            "quote": FOUNDED,
            "lang": "ar",
            "source": 1,
            "said_on": "2022-04",
            "role": roles["mitchell-belfer"][1],
            "span_start": founded,
            "span_end": founded + len(FOUNDED),
            "method": "extracted",
            "extractor_version": "v9",
        },
        {
            "speaker": "nikol-pashinyan",
            "quote": ALLIANCE,
            "lang": "ar",
            "source": 1,
            "said_on": "2022",
            "method": "entered",
        },
        # The span of retracted statement #11 again: its uid is taken, so the next one in the sequence.
        {
            "speaker": "stanislav-zas",
            "quote": S11_QUOTE,
            "lang": "ar",
            "source": 1,
            "said_on": "2022-02-19",
            "method": "curated",
        },
    ]
    (tmp_path / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "items.jsonl").write_text(
        "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8"
    )
    first_id = count(engine, "statement") + 1
    for url in (one_at_a_time, bulk):
        ok(cli("--db", url, "statement", "retract", "11", "--reason", "re-entered", "--by", "loader"))
    ok(
        cli(
            "--db",
            one_at_a_time,
            "statement",
            "add",
            "--from-file",
            str(tmp_path / "items.json"),
            "--by",
            "loader",
        )
    )
    run = ok(cli("--db", bulk, "import", "statements", str(tmp_path / "items.jsonl"), "--by", "loader"))
    assert run.stdout == "imported 5 statements\n"

    bulk_engine = make_engine(bulk)
    try:
        added, imported = stored_after(engine, first_id), stored_after(bulk_engine, first_id)
    finally:
        engine.dispose()
        bulk_engine.dispose()
    assert len(added["statement"]) == 5
    # The one difference the rules allow: a line that does not say how it was obtained was "imported".
    assert [e["method"] for e in added["evidence"]] == [
        "curated",
        "entered",
        "extracted",
        "entered",
        "curated",
    ]
    assert imported["evidence"][1]["method"] == "imported"
    imported["evidence"][1]["method"] = "entered"
    evidence_changes = [c for c in imported["change"] if c[0] == "evidence"]
    assert evidence_changes[1][3]["method"] == "imported"
    evidence_changes[1][3]["method"] = "entered"
    assert imported == added

    stored = added["statement"]
    assert [s["said_on"] for s in stored] == ["2022-02-19", "2022-04-15", "2022-04", "2022", "2022-02-19"]
    assert [s["said_on_basis"] for s in stored] == ["stated", "not_after", "stated", "stated", "stated"]
    zas, pashinyan = roles["stanislav-zas"][0], roles["nikol-pashinyan"][0]
    assert [s["role_id"] for s in stored] == [zas, None, roles["mitchell-belfer"][1], pashinyan, zas]
    identity = rules.uid_identity(sha256, (2961, 3076), "stanislav-zas")
    assert rules.first_uid(identity) == s11_uid
    assert stored[4]["uid"] == rules.free_uid(identity, lambda uid: uid == s11_uid) != s11_uid


def test_a_retracted_role_is_refused_on_both_paths(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    role = rows(engine, ROLES_OF, key="stanislav-zas")[0]["id"]
    ok(cli("role", "retract", str(role), "--reason", "wrong title", "--by", "loader"))
    counts = table_counts(engine)
    item = {"speaker": "Zas", "quote": DEMANDS, "lang": "ar", "source": 1, "role": role}
    (tmp_path / "one.json").write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "one.jsonl").write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    one_line_error(
        cli("statement", "add", "--from-file", str(tmp_path / "one.json")),
        2,
        "role",
        f"role {role} is not a role of",
    )
    one_line_error(
        cli("import", "statements", str(tmp_path / "one.jsonl")), 2, "line 1", "role", f"role {role}"
    )
    assert table_counts(engine) == counts


# -- possible duplicates, same_as and distinct ----------------------------------------------------------
PEACE = "قوة حفظ سلام متخصصة قوامها نحو 4 آلاف جندي"  # a part of #12, Zas's statement of 2022-02-19
DEMANDS_PART = "المطالب الداخلية بإمكانية تفعيل مهام"  # a part of DEMANDS


def test_a_quote_containing_or_contained_in_another_is_near_it_from_twenty_characters() -> None:
    assert rules.near("abcdefghijklmnopqrst", "xx abcdefghijklmnopqrst yy")
    assert rules.near("xx abcdefghijklmnopqrst yy", "abcdefghijklmnopqrst")
    assert not rules.near("abcdefghijklmnopqrs", "xx abcdefghijklmnopqrs yy")  # 19 characters: too short
    assert not rules.near("xx abcdefghijklmnopqrs yy", "abcdefghijklmnopqrs")
    assert not rules.near("abcdefghijklmnopqrst", "abcdefghijklmnopqrsx")


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("abcdefghijklmnopqrst", "xx abcdefghijklmnopqrst yy"),
        ("xx abcdefghijklmnopqrst yy", "abcdefghijklmnopqrst"),
        ("abcdefghijklmnopqrs", "xx abcdefghijklmnopqrs yy"),
        ("xx abcdefghijklmnopqrs yy", "abcdefghijklmnopqrs"),
        ("abcdefghijklmnopqrst", "abcdefghijklmnopqrsx"),
        (normalise_for_search(PEACE), normalise_for_search("لدى المنظمة “قوة قوامها 17 ألف جندي”، " + PEACE)),
        (normalise_for_search(S11_QUOTE), normalise_for_search(DEMANDS)),
        ("a%b_c" * 5, "x" + "a%b_c" * 5),  # no pattern characters: containment, not LIKE
    ],
)
def test_the_sql_near_test_is_the_python_one(engine: Engine, given: str, stored: str) -> None:
    from sqlalchemy import Text, literal, select

    dialect = engine.dialect.name
    clause = rules.near_clause(dialect, literal(stored, Text), literal(given, Text))
    with engine.connect() as connection:
        assert bool(connection.execute(select(clause)).scalar_one()) is rules.near(given, stored)


def test_the_word_signatures_of_near_quotes_always_pass_and_of_unrelated_ones_rarely() -> None:
    import random

    rng = random.Random(20220415)
    words = normalise_for_search(S11_QUOTE + " " + DEMANDS + " " + PEACE).split(" ")
    quotes = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 40))) for _ in range(400)]
    checked = 0
    for quote in quotes:
        # Any part of at least twenty characters, cut anywhere, even inside a word.
        start = rng.randrange(0, max(1, len(quote) - 20))
        part = quote[start : rng.randint(start + 20, len(quote))] if len(quote) >= 20 else quote
        for given, stored in ((part, quote), (quote, part)):
            if rules.near(given, stored):
                checked += 1
                assert rules.may_be_near(rules.word_signature(given), rules.word_signature(stored))
    assert checked > 500
    # Quotes of twenty words or more drawn from the same few dozen words pass for one another rarely (a real
    # vocabulary is far larger): the database is asked about the few that pass. How rarely depends on how the
    # process hashes strings (under 2 % in 30 hash seeds tried).
    signatures = [rules.word_signature(q) for q in quotes if len(q.split(" ")) >= 20]
    unrelated = [rules.may_be_near(a, b) for i, a in enumerate(signatures) for b in signatures[i + 1 :]]
    assert len(set(words)) < 100
    assert sum(unrelated) / len(unrelated) < 0.04


def test_the_rule_asks_same_then_possible_then_identical() -> None:
    stored = [Stored(3, "2021", "stated"), Stored(5, "2022-02-19", "stated")]
    never = lambda: pytest.fail("near_one asked")  # noqa: E731
    assert rules.match(stored, "2022-02", "stated", distinct=False, near_one=never) == ("same", stored[1])
    # The same quote on another date: possible, and the contained quotes are not asked about.
    assert rules.match(stored, "2020", "stated", distinct=False, near_one=never) == ("possible", stored[0])
    assert rules.match([], "2020", "stated", distinct=False, near_one=lambda: stored[1]) == (
        "possible",
        stored[1],
    )
    assert rules.match([], "2020", "stated", distinct=False, near_one=lambda: None) == ("new", None)
    # distinct stores apart whatever it may be, but not on the very date of one (the unique index).
    assert rules.match(stored, "2022-02", "stated", distinct=True, near_one=never) == ("new", None)
    assert rules.match(stored, "2022-02-19", "stated", distinct=True, near_one=never) == (
        "identical",
        stored[1],
    )
    assert rules.match([Stored(4, None, "stated")], None, "stated", distinct=True, near_one=never) == (
        "identical",
        Stored(4, None, "stated"),
    )


def test_a_line_of_an_export_is_held_apart_from_the_others_unless_on_the_same_date() -> None:
    assert rules.held_apart(Stored(1, "2022-02", "stated"), "2022-02-19")
    assert rules.held_apart(Stored(1, None, "stated"), "2022")
    assert not rules.held_apart(Stored(1, "2022-02-19", "stated"), "2022-02-19")
    assert not rules.held_apart(Stored(1, None, "stated"), None)


class Target(NamedTuple):
    id: int
    speaker_id: int
    retracted_at: str | None


def test_same_as_names_a_live_statement_of_the_same_speaker() -> None:
    names = {1: "Stanislav Zas", 2: "Nikol Pashinyan"}.__getitem__
    live = Target(11, 1, None)
    assert rules.same_as_target(11, live, 1, names) is live
    with pytest.raises(NotFound, match="same_as: no statement has id 11"):
        rules.same_as_target(11, None, 1, names)
    with pytest.raises(Conflict, match="same_as: statement #11 is retracted"):
        rules.same_as_target(11, Target(11, 1, "2026-01-01"), 1, names)
    with pytest.raises(InvalidInput, match="same_as: statement #11 is by Stanislav Zas, not Nikol Pashinyan"):
        rules.same_as_target(11, live, 2, names)


def test_a_joined_statement_gains_translations_from_new_translators_and_keeps_its_own() -> None:
    have = [("en", "curators", "The alliance may send peacekeepers")]

    def given(lang: str, translator: str, words: str) -> dict[str, Any]:
        return {"lang": lang, "translator": translator, "text": words}

    same = given("en", "curators", "The alliance may send peacekeepers")
    otherwise = given("en", "curators", "The organisation could send peacekeepers")
    russian = given("ru", "curators", "Организация может направить миротворцев")
    another = given("en", "R. T.", "The organisation could send peacekeepers")
    joined = rules.joined_translations(have, [same, otherwise, russian, another, dict(russian)])
    assert joined.added == [russian, another]  # each language and translator once
    assert joined.kept == [otherwise]  # the same words again are no loss; other words by them are
