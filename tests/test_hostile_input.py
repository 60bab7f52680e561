"""Hostile and broken input: every value is stored verbatim, or refused with one line and exit code 2 and the
database left byte-for-byte as it was.

Property-based (hypothesis) over `statement add`, `extract`/`ingest`, the seed loader and `who-said`, plus
explicit cases for 10 MB quotes, malformed dates, absurd force counts and duplicate YAML keys. Each test makes
its database once and checks, per example, that a refusal changed nothing (a SHA-256 over a full dump).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from csto_kb.dates import PartialDate
from csto_kb.db.engine import make_engine
from csto_kb.db.migrate import ensure_current
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import InvalidInput, KBError
from csto_kb.frontmatter import split_front_matter
from csto_kb.langtags import canonical_lang
from csto_kb.resources import seeds_dir
from csto_kb.schemas.sources import SourceIn
from csto_kb.services.seed import load_seeds
from csto_kb.services.sources import create_source
from tests.helpers import Databases, Run, one_line_error

Cli = Callable[..., Run]

SPEAKER = "stanislav-zas"
# Per-example work is a CLI run and a dump of the database; these keep each test file near a minute per engine.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    # No shrinking: a shrink replays the CLI hundreds of times; the failing input is printed as found.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    # The database fixture is made once per test on purpose: every example must leave it unchanged on refusal,
    # and an accepted example only adds rows no later example depends on.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- what hostile looks like ---------------------------------------------------------------------------------

NASTY_PIECES = [
    "\u202e",  # right-to-left override
    "\u2066\u2069",  # isolates
    "\u200d",  # zero-width joiner
    "\u200b",  # zero-width space
    "\ufeff",  # byte-order mark inside text
    "\x00",  # NUL
    "\x07\x1b[31m",  # bell, an ANSI colour escape
    "\r\n",
    "\t",
    "'; DROP TABLE statement; --",
    '" OR 1=1 --',
    "Robert'); DROP TABLE entity;--",
    "%_\\",
    "$1 :param ?",
    "قال الأمين العام ",
    "ـــ",  # tatweel
    "“اذا لزم الأمر”",
    "e\u0301",  # a combining accent
    "\U0001f600",
]
LONE_SURROGATE = "\udcff"  # what bytes that are not UTF-8 on a command line decode to
hostile_text = st.lists(
    st.one_of(st.sampled_from(NASTY_PIECES), st.text(max_size=6)), min_size=0, max_size=5
).map("".join)
# The quote alone may also carry a lone surrogate (each option gets one in an explicit test below).
hostile_quote = st.lists(
    st.one_of(st.sampled_from([*NASTY_PIECES, LONE_SURROGATE]), st.text(max_size=6)), min_size=1, max_size=5
).map("".join)
DATES = [
    "2022-02-30",
    "2022-13",
    "2022-00",
    "yesterday-ish",
    "0000",
    "2022-2-3",
    " 2022-04-13 ",
    "2999-12-31",  # in the future
    "2022-04-13T10:00",
    "٢٠٢٢",  # Arabic-Indic digits
    "2022-04-13'; --",
]
# Valid values dominate the fuzzed fields so that most examples reach the database; every malformed date and
# language code is tried on its own in an explicit test below.
hostile_date = st.one_of(st.none(), st.dates().map(str), st.sampled_from(DATES))
LANGS = ["ar", "en", "zz", "EN", " ar ", "xx-yy", "klingon", "", "a", "ar'--", "\u202ear"]
hostile_lang = st.sampled_from([None, "ar", "en", "ar-sa", None, "ar", "en", "EN", *LANGS])


# --- the database's fingerprint ----------------------------------------------------------------------------


def fingerprint(engine: Engine) -> str:
    """A SHA-256 over every row of every table: SQLite's own dump, or on PostgreSQL every row of every
    table of the public schema, in a stable order. Sequences are left out: PostgreSQL spends values on
    refused inserts, which changes no data."""
    digest = hashlib.sha256()
    if engine.dialect.name == "sqlite":
        path = make_url(str(engine.url)).database
        assert path is not None
        dump = sqlite3.connect(path)
        try:
            for line in dump.iterdump():
                digest.update(line.encode("utf-8", "surrogatepass"))
        finally:
            dump.close()
        return digest.hexdigest()
    with engine.connect() as connection:
        tables = connection.execute(
            text(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
            )
        ).scalars()
        for table in list(tables):
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).all()
            digest.update(table.encode())
            for row in sorted(repr(tuple(r)) for r in rows):
                digest.update(row.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class Tally:
    """How many inputs a test tried, and how each ended."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.outcomes: dict[str, int] = {}

    def add(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.outcomes.values())

    def report(self) -> str:
        parts = ", ".join(f"{n} {k}" for k, n in sorted(self.outcomes.items()))
        return f"{self.name}: {self.total} inputs tried ({parts})"


def refusal_kind(run: Run) -> str:
    """'refused (field)': the field a one-line error names, for the tally."""
    return f"refused ({run.stderr.removeprefix('error: ').split(':')[0][:20]})"


def refused_cleanly(run: Run, engine: Engine, before: str, *, allowed: tuple[int, ...] = (2,)) -> None:
    """Exit code in ``allowed`` with one line on stderr, and not a byte of the database changed."""
    assert run.exit_code in allowed, f"exit {run.exit_code}: {run.stderr!r}"
    one_line_error(run, run.exit_code)
    assert fingerprint(engine) == before, "a refused command changed the database"


def invoke(cli: Cli, *args: str) -> Run:
    """The CLI in-process; an exception escaping it (a traceback for a user) fails with the input named."""
    try:
        return cli(*args)
    except Exception as error:
        pytest.fail(f"traceback instead of a one-line error: {type(error).__name__}: {error} for {args!r}")


_counter = itertools.count()


def new_source(engine: Engine, body: str) -> int | None:
    """A source whose text starts with ``body``; None when the text cannot be a source at all."""
    try:
        with UnitOfWork(engine, by="hostile-setup") as uow:
            source = create_source(uow.session, SourceIn(body=body, lang="en"))
            uow.commit()
            return source.id
    except (KBError, UnicodeEncodeError, ValidationError):
        return None


# --- statement add ---------------------------------------------------------------------------------------------


def statement_row(engine: Engine, statement_id: int) -> dict[str, Any]:
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT * FROM statement WHERE id = :id"), {"id": statement_id}
        ).mappings()
        found = dict(row.one())
        found["translations"] = (
            connection.execute(
                text("SELECT text FROM translation WHERE statement_id = :id"), {"id": statement_id}
            )
            .scalars()
            .all()
        )
    return found


@pytest.mark.slow  # many generated inputs
def test_statement_add_stores_hostile_text_verbatim_or_refuses_it_cleanly(
    cli: Cli, engine: Engine, db_url: str
) -> None:
    statement_tally = Tally("statement add")

    # 50 examples: empty and malformed language tags are refused, and on PostgreSQL a NUL too; enough must still be stored.
    @settings(FUZZ, max_examples=50)
    @given(
        quote=hostile_quote,
        venue=hostile_text,
        cue=hostile_text,
        date_text=hostile_text,
        mention=hostile_text,
        role_text=hostile_text,
        translation=st.one_of(st.none(), hostile_text),
        said_on=hostile_date,
        lang=hostile_lang,
    )
    def check(
        quote: str,
        venue: str,
        cue: str,
        date_text: str,
        mention: str,
        role_text: str,
        translation: str | None,
        said_on: str | None,
        lang: str | None,
    ) -> None:
        source = new_source(engine, f"{quote}\n\n(hostile example {next(_counter)})") or 1
        before = fingerprint(engine)
        args = [
            "statement", "add",
            f"--speaker={SPEAKER}", f"--quote={quote}", "--source", str(source),
            "--start", "0", "--end", str(max(len(quote), 1)),
            f"--venue={venue}", f"--cue={cue}", f"--date-text={date_text}",
            f"--mention={mention}", f"--role-text={role_text}",
        ]  # fmt: skip
        if translation is not None:
            args.append(f"--translation={translation}")
        if said_on is not None:
            args.append(f"--said-on={said_on}")
        if lang is not None:
            args.append(f"--lang={lang}")
        run = invoke(cli, *args)
        if run.exit_code != 0:
            # A possible duplicate of an earlier example (its quote on another date) is refused as such
            # (exit 1); anything else is bad input.
            duplicate = "possible duplicate of" in run.stderr
            refused_cleanly(run, engine, before, allowed=(1,) if duplicate else (2,))
            statement_tally.add("duplicate" if duplicate else refusal_kind(run))
            return
        statement_id = int(re.findall(r"#(\d+)", run.stdout)[0])
        if "was already stored" in run.stdout:
            # The same quote as an earlier example, from this example's own source: one more evidence.
            with engine.connect() as connection:
                sources = connection.execute(
                    text("SELECT source_id FROM evidence WHERE statement_id = :id"), {"id": statement_id}
                ).scalars()
                assert source in set(sources)
            statement_tally.add("another source of a stored statement")
            return
        row = statement_row(engine, statement_id)
        assert row["quote"] == quote
        assert (row["venue"], row["cue"], row["date_text"]) == (venue, cue, date_text)
        assert (row["speaker_mention"], row["role_text"]) == (mention, role_text)
        assert row["translations"] == ([translation] if translation else [])
        expected_date = str(PartialDate.parse(said_on)) if said_on is not None else None
        assert row["said_on"] == expected_date
        if lang is not None:
            assert row["lang"] == canonical_lang(lang)
        statement_tally.add("stored verbatim")

    check()
    print("\n" + statement_tally.report())
    assert statement_tally.total >= 30
    stored = statement_tally.outcomes.get("stored verbatim", 0)
    assert stored + statement_tally.outcomes.get("another source of a stored statement", 0) >= 8


@pytest.mark.slow  # many generated inputs
def test_statement_add_takes_each_malformed_date_and_language_verbatim_or_refuses_it(
    cli: Cli, engine: Engine, db_url: str
) -> None:
    tally = Tally("dates and language codes")
    cases = [(said_on, "en") for said_on in DATES] + [("2022-04-13", lang) for lang in LANGS[2:]]
    for n, (said_on, lang) in enumerate(cases):
        quote = f"Case {n}: said on {said_on!r} in {lang!r}."
        source = new_source(engine, f"{quote} (date and language case)")
        assert source is not None
        before = fingerprint(engine)
        run = invoke(
            cli, "statement", "add", "--speaker", SPEAKER, f"--quote={quote}", "--source", str(source),
            f"--said-on={said_on}", f"--lang={lang}",
        )  # fmt: skip
        if run.exit_code != 0:
            refused_cleanly(run, engine, before)
            tally.add(refusal_kind(run))
            continue
        row = statement_row(engine, int(re.findall(r"#(\d+)", run.stdout)[0]))
        assert row["said_on"] == str(PartialDate.parse(said_on)), said_on
        # Only a well-formed language tag is stored, in its canonical case; an empty --lang is refused.
        assert row["lang"] == canonical_lang(lang), lang
        tally.add("stored")
    print("\n" + tally.report())
    assert tally.total == len(cases)


def test_statement_add_refuses_invalid_utf8_on_the_command_line(
    cli: Cli, engine: Engine, db_url: str
) -> None:
    """Bytes that are not UTF-8 arrive on the command line as lone surrogates; each text option refuses them."""
    source = new_source(engine, "A quote that is fine.")
    assert source is not None
    before = fingerprint(engine)
    for option in [
        "--venue",
        "--cue",
        "--date-text",
        "--mention",
        "--role-text",
        "--translation",
        "--speaker",
    ]:
        values = {"--speaker": SPEAKER, "--quote": "A quote that is fine.", "--source": str(source)}
        values[option] = "bad \udcff byte"
        run = invoke(cli, "statement", "add", *itertools.chain.from_iterable(values.items()))
        refused_cleanly(run, engine, before)


def test_statement_add_stores_over_long_fields_or_refuses_them_on_every_engine(
    cli: Cli, engine: Engine, db_url: str
) -> None:
    """Columns have lengths (venue 300, cue 100 …) that SQLite ignores and PostgreSQL enforces."""
    source = new_source(engine, "A quote for the long fields.")
    assert source is not None
    for n, (option, column, size) in enumerate(
        [("--venue", "venue", 301), ("--cue", "cue", 101), ("--mention", "speaker_mention", 301)]
    ):
        before = fingerprint(engine)
        value = "x" * size
        run = invoke(
            cli, "statement", "add", "--speaker", SPEAKER, "--quote", "A quote for the long fields.",
            "--source", str(source), "--said-on", f"200{n}", f"{option}={value}",
        )  # fmt: skip
        if run.exit_code != 0:
            # The same quote on another date is a possible duplicate of the one stored before it (exit 1).
            refused_cleanly(run, engine, before, allowed=(1,) if "possible duplicate" in run.stderr else (2,))
            continue
        assert statement_row(engine, int(re.findall(r"#(\d+)", run.stdout)[0]))[column] == value


# --- SQL metacharacters through every text option of statement add and who-said ------------------------------

INJECTIONS = [
    "'; DROP TABLE statement; --",
    "Robert'); DROP TABLE entity;--",
    '" OR "1"="1',
    "1 OR 1=1",
    "%' UNION SELECT quote FROM statement --",
    "\\'; SELECT pg_sleep(5); --",
    "$$; DELETE FROM source; $$",
    "_%",
]


@pytest.mark.slow  # many generated inputs
def test_sql_metacharacters_are_stored_and_queried_verbatim(cli: Cli, engine: Engine, db_url: str) -> None:
    for payload in INJECTIONS:
        stored_and_found_verbatim(cli, engine, payload)
    print(f"\nSQL metacharacters: {len(INJECTIONS)} payloads x 8 options of statement add, 5 of who-said")


def stored_and_found_verbatim(cli: Cli, engine: Engine, payload: str) -> None:
    speaker = f"Speaker {payload}"
    quote = f"Quote {payload} ends"
    source = new_source(engine, f"Preface. {quote}. Afterword.")
    assert source is not None
    run = invoke(
        cli, "statement", "add", "--speaker", speaker, "--create-speaker", "--quote", quote,
        "--source", str(source), "--lang", "en",
        "--venue", payload, "--cue", payload, "--date-text", payload, "--mention", payload,
        "--role-text", payload, "--translation", payload, "--translator", payload,
        "--format", "json",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    added = json.loads(run.stdout)[0]
    row = statement_row(engine, added["id"])
    assert row["quote"] == quote
    assert {row[k] for k in ("venue", "cue", "date_text", "speaker_mention", "role_text")} == {payload}
    assert row["translations"] == [payload]
    with engine.connect() as connection:
        names = (
            connection.execute(
                text("SELECT name FROM entity_name WHERE entity_id = :id"), {"id": row["speaker_id"]}
            )
            .scalars()
            .all()
        )
    assert speaker in names
    before = fingerprint(engine)
    found = invoke(cli, "who-said", "--speaker", speaker, "--format", "json")
    assert found.exit_code == 0, found.stderr
    assert [s["quote"] for s in json.loads(found.stdout)] == [quote]
    by_words = invoke(cli, "who-said", "--contains", quote, "--format", "json")
    assert by_words.exit_code == 0, by_words.stderr
    assert quote in [s["quote"] for s in json.loads(by_words.stdout)]
    for option in ("--about", "--org", "--speaker"):
        missing = invoke(cli, "who-said", option, f"nobody {payload}", "--format", "json")
        assert missing.exit_code in (0, 1), missing.stderr
        if missing.exit_code:
            one_line_error(missing, 1)
    for option in ("--from", "--to"):
        refused_cleanly(invoke(cli, "who-said", option, payload), engine, before)
    assert fingerprint(engine) == before  # queries wrote nothing, and every table is still there


# --- huge and empty quotes ----------------------------------------------------------------------------------------


@pytest.mark.slow  # 10 MB of text
def test_a_10_mb_quote_is_stored_verbatim_and_an_empty_one_refused(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    unit = "قال الأمين العام “إذا لزم الأمر” \u202e "
    quote = unit * (10_000_000 // len(unit.encode("utf-8")) + 1)
    assert len(quote.encode("utf-8")) >= 10_000_000
    article = tmp_path / "huge.txt"
    article.write_text(quote, encoding="utf-8")
    ok = invoke(cli, "source", "add", str(article), "--lang", "ar")
    assert ok.exit_code == 0, ok.stderr
    source = ok.stdout.split("added source ")[1].split(":")[0]
    run = invoke(cli, "statement", "add", "--speaker", SPEAKER, "--quote", quote, "--source", source)
    assert run.exit_code == 0, run.stderr
    statement_id = int(re.findall(r"#(\d+)", run.stdout)[0])
    assert statement_row(engine, statement_id)["quote"] == quote
    before = fingerprint(engine)
    for empty in ("", "   ", "\u200b"):
        refused = invoke(
            cli, "statement", "add", "--speaker", SPEAKER, f"--quote={empty}", "--source", source
        )
        refused_cleanly(refused, engine, before)


# --- statement add --from-file with broken YAML ------------------------------------------------------------------

FROM_FILE_CASES = {
    "month 13": "speaker: stanislav-zas\nquote: '{q}'\nlang: en\nsource: {s}\nsaid_on: 2022-13\n",
    "vague date": "speaker: stanislav-zas\nquote: '{q}'\nlang: en\nsource: {s}\nsaid_on: yesterday-ish\n",
    "unknown language": "speaker: stanislav-zas\nquote: '{q}'\nlang: klingon\nsource: {s}\n",
    "negative source": "speaker: stanislav-zas\nquote: '{q}'\nlang: en\nsource: -1\n",
    "not a mapping": "- - - [\n",
    "tab-indented": "speaker: stanislav-zas\n\tquote: '{q}'\n",
    "control character": 'speaker: stanislav-zas\nquote: "\x07{q}"\nlang: en\nsource: {s}\n',
    "a YAML bomb": "a: &a ['x','x','x','x','x','x','x','x','x']\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
}
DUPLICATE_KEYS = "speaker: stanislav-zas\nquote: '{q}'\nlang: en\nsource: {s}\nlang: ar\n"


def test_statement_add_from_a_broken_file_is_refused_in_one_line(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    for n, (case, content) in enumerate(sorted(FROM_FILE_CASES.items())):
        quote = f"A sentence for the {case} case."
        source = new_source(engine, quote)
        before = fingerprint(engine)
        listing = tmp_path / f"broken-{n}.yaml"
        listing.write_text(content.format(q=quote, s=source), encoding="utf-8")
        refused_cleanly(invoke(cli, "statement", "add", "--from-file", str(listing)), engine, before)


def test_statement_add_from_a_file_with_an_unquoted_impossible_date_is_refused(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    quote = "A sentence for the unquoted impossible date case."
    source = new_source(engine, quote)
    before = fingerprint(engine)
    listing = tmp_path / "impossible.yaml"
    listing.write_text(
        f"speaker: stanislav-zas\nquote: '{quote}'\nlang: en\nsource: {source}\nsaid_on: 2022-02-30\n",
        encoding="utf-8",
    )
    refused_cleanly(invoke(cli, "statement", "add", "--from-file", str(listing)), engine, before)


def test_statement_add_from_a_file_that_is_not_utf8_is_refused(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    before = fingerprint(engine)
    listing = tmp_path / "latin1.yaml"
    listing.write_bytes(b"speaker: stanislav-zas\nquote: '\xe9t\xe9 \xff'\nlang: en\nsource: 1\n")
    refused_cleanly(invoke(cli, "statement", "add", "--from-file", str(listing)), engine, before)


def test_statement_add_from_a_file_with_duplicate_keys_is_refused(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    quote = "A sentence for the duplicate-key case."
    source = new_source(engine, quote)
    before = fingerprint(engine)
    listing = tmp_path / "twice.yaml"
    listing.write_text(DUPLICATE_KEYS.format(q=quote, s=source), encoding="utf-8")
    refused_cleanly(invoke(cli, "statement", "add", "--from-file", str(listing)), engine, before)


# --- extract and ingest -------------------------------------------------------------------------------------------

article_text = st.lists(
    st.one_of(
        st.sampled_from(NASTY_PIECES[:-1]),  # a file cannot hold a lone surrogate
        st.sampled_from(
            [
                "قال الأمين العام لمنظمة معاهدة الأمن الجماعي ستانيسلاف زاس إن ",
                "“المنظمة مستعدة”",
                '"We are ready," Zas said on Saturday.',
                "17 ألف جندي ",
                "---\n",
                "\n",
            ]
        ),
        st.text(max_size=12),
    ),
    max_size=8,
).map("".join)


@pytest.mark.slow  # many generated articles
def test_extract_and_ingest_store_hostile_articles_verbatim_or_refuse_them(
    cli: Cli, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    tally = Tally("extract + ingest")

    @FUZZ
    @given(
        body=article_text,
        lang=st.sampled_from(["ar", "en"] * 5 + [None, *LANGS]),
        published=hostile_date,
        broken_bytes=st.sampled_from([b""] * 9 + [b"\xff\xfe", b"\xc3(", b"\xed\xa0\x80"]),
    )
    def check(body: str, lang: str | None, published: str | None, broken_bytes: bytes) -> None:
        n = next(_counter)
        article = tmp_path / f"article-{n}.txt"
        raw = body.encode("utf-8") + broken_bytes + f"\nhostile article {n}\n".encode()
        article.write_bytes(raw)
        options = [
            *(["--lang", lang] if lang is not None else []),
            *([f"--published={published}"] if published is not None else []),
        ]
        before = fingerprint(engine)
        extracted = invoke(cli, "extract", str(article), *options, "--format", "json")
        if extracted.exit_code != 0:
            refused_cleanly(extracted, engine, before)
        assert fingerprint(engine) == before, "extract wrote to the database"
        ingested = invoke(cli, "ingest", str(article), *options, "--format", "json")
        if ingested.exit_code != 0:
            refused_cleanly(ingested, engine, before)
            # Only storing can fail where reading succeeded: PostgreSQL keeps no NUL in text, SQLite does.
            assert extracted.exit_code != 0 or "cannot store" in ingested.stderr, ingested.stderr
            tally.add(refusal_kind(ingested))
            return
        report = json.loads(ingested.stdout)
        _, expected_body = split_front_matter(raw.decode("utf-8").removeprefix("\ufeff"))
        with engine.connect() as connection:
            stored = connection.execute(
                text("SELECT body FROM source WHERE id = :id"), {"id": report["source_id"]}
            ).scalar_one()
        assert stored == expected_body
        tally.add("stored verbatim")

    check()
    print("\n" + tally.report())
    assert tally.total >= 30
    assert tally.outcomes.get("stored verbatim", 0) >= 8


# --- the seed loader on mutated seed files ---------------------------------------------------------------------


@pytest.fixture
def fresh_migrated(databases: Databases) -> Iterator[Callable[[], Engine]]:
    """Makes empty, migrated databases quickly: one migration, then file copies or template databases."""
    url = databases.empty()
    engine = make_engine(url)
    ensure_current(engine)
    engine.dispose()
    made: list[Engine] = []

    def fresh() -> Engine:
        made.append(make_engine(databases.copy_of(url)))
        return made[-1]

    yield fresh
    for engine in made:
        engine.dispose()


ARTICLE_YAML = "000_a04cb8df2fb7d647.yaml"


def load_or_refusal(engine: Engine, seeds: Path) -> InvalidInput | None:
    """Load the seed folder; the InvalidInput it was refused with, or None. Any other outcome fails."""
    try:
        load_seeds(UnitOfWork(engine, by="hostile-seed"), seeds)
    except InvalidInput as error:
        return error
    except KBError as error:
        pytest.fail(f"refused with exit code {error.exit_code}, not 2: {type(error).__name__}: {error}")
    except Exception as error:
        pytest.fail(f"traceback: {type(error).__name__}: {error}")
    return None


SEED_MUTATIONS: dict[str, tuple[str, str]] = {
    # name: (text in the article's YAML, its replacement)
    "negative force count": ("count: 17000", "count: -17000"),
    "zero force count": ("count: 17000", "count: 0"),
    "force count as words": ("count: 17000", "count: many"),
    "fractional force count": ("count: 17000", "count: 17000.5"),
    "force count beyond 32 bits": ("count: 17000", "count: 3000000000"),
    "force count beyond 64 bits": ("count: 17000", "count: 100000000000000000000000000000"),
    "impossible date": ('said_on: "2022-04-13"', 'said_on: "2022-02-30"'),
    "impossible unquoted date": ('said_on: "2022-04-13"', "said_on: 2022-02-30"),
    "month 13": ('said_on: "2022-04-13"', 'said_on: "2022-13"'),
    "vague date": ('said_on: "2022-04-13"', 'said_on: "yesterday-ish"'),
    # After the article's publication: refused, like any statement dated after its source.
    "date in the future": ('said_on: "2022-04-13"', 'said_on: "2999-04-13"'),
    "unknown language code": ("  lang: ar", "  lang: zz"),
    "malformed language code": ("  lang: ar", "  lang: arabic"),
    "bidi override in a unit": ('unit: "Forces on permanent alert"', 'unit: "Forces \u202eon alert"'),
    "NUL in a unit": ('unit: "Forces on permanent alert"', 'unit: "Forces \\0 on alert"'),
    "duplicate key": ("count: 17000", "count: 17000\n    count: 99"),
}
# What a loaded value must read back as, for the mutations that may be accepted.
ACCEPTED_CHECKS: dict[str, tuple[str, object]] = {
    "unknown language code": ("SELECT lang FROM source", "zz"),
    # SQLite's LIKE stops at a NUL, so these read the first force level by id.
    "bidi override in a unit": (
        "SELECT text FROM force_level_unit ORDER BY id LIMIT 1",
        "Forces \u202eon alert",
    ),
    "NUL in a unit": ("SELECT text FROM force_level_unit ORDER BY id LIMIT 1", "Forces \x00 on alert"),
}
# Known bugs the tests mark as expected failures (none at present; the test stays for the next one).
SEED_BUGS: dict[str, str] = {}


def mutated_seeds(tmp_path: Path, case: str) -> Path:
    """A copy of the curated seed folder with one mutation applied to the article's YAML."""
    seeds = tmp_path / f"seeds-{next(_counter)}"
    shutil.copytree(seeds_dir(), seeds)
    article = seeds / ARTICLE_YAML
    old, new = SEED_MUTATIONS[case]
    original = article.read_text(encoding="utf-8")
    assert old in original
    article.write_text(original.replace(old, new, 1), encoding="utf-8")
    return seeds


def check_seed_mutation(engine: Engine, seeds: Path, case: str, backend: str) -> str:
    before = fingerprint(engine)
    refusal = load_or_refusal(engine, seeds)
    if refusal is not None:
        assert str(refusal)
        assert "\n" not in str(refusal)
        assert fingerprint(engine) == before, case
        # PostgreSQL refuses what its column types cannot hold (NUL, counts beyond 32 bits) that SQLite keeps.
        assert case not in ACCEPTED_CHECKS or backend == "postgresql", f"{case} refused: {refusal}"
        return "refused"
    assert case in ACCEPTED_CHECKS, f"{case}: the loader accepted it"
    query, expected = ACCEPTED_CHECKS[case]
    with engine.connect() as connection:
        assert connection.execute(text(query)).scalar() == expected, case
    return "stored"


def seed_bugs(backend: str) -> dict[str, str]:
    return dict(SEED_BUGS)


@pytest.mark.slow  # a database per mutated file
def test_seed_loader_on_mutated_seed_files_stores_the_value_or_refuses_it(
    fresh_migrated: Callable[[], Engine], backend: str, tmp_path: Path
) -> None:
    tally = Tally("mutated seed files")
    for case in sorted(set(SEED_MUTATIONS) - set(seed_bugs(backend))):
        tally.add(check_seed_mutation(fresh_migrated(), mutated_seeds(tmp_path, case), case, backend))
    print("\n" + tally.report())


@pytest.mark.parametrize("case", ["impossible unquoted date", "duplicate key", "force count beyond 64 bits"])
def test_seed_loader_on_mutated_seed_files_known_bugs(
    fresh_migrated: Callable[[], Engine],
    backend: str,
    tmp_path: Path,
    case: str,
    request: pytest.FixtureRequest,
) -> None:
    bug = seed_bugs(backend).get(case)
    if bug is None:
        check_seed_mutation(fresh_migrated(), mutated_seeds(tmp_path, case), case, backend)
        return
    request.applymarker(pytest.mark.xfail(strict=True, reason=bug))
    check_seed_mutation(fresh_migrated(), mutated_seeds(tmp_path, case), case, backend)


@pytest.mark.slow  # a database per generated input
def test_seed_loader_stores_any_positive_force_count_it_accepts_or_refuses_it(
    fresh_migrated: Callable[[], Engine], tmp_path: Path
) -> None:
    tally = Tally("seed force counts")
    seeds = tmp_path / "fuzzed-seeds"
    shutil.copytree(seeds_dir(), seeds)
    original = (seeds / ARTICLE_YAML).read_text(encoding="utf-8")

    @settings(FUZZ, max_examples=12)
    @given(count=st.integers(min_value=-(2**31), max_value=2**62))
    def check(count: int) -> None:
        (seeds / ARTICLE_YAML).write_text(
            original.replace("count: 17000", f"count: {count}", 1), encoding="utf-8"
        )
        engine = fresh_migrated()
        before = fingerprint(engine)
        refusal = load_or_refusal(engine, seeds)
        if refusal is not None:
            assert "\n" not in str(refusal)
            assert fingerprint(engine) == before
            assert count <= 0 or count >= 2**31, f"{count} refused: {refusal}"
            tally.add("refused")
            return
        assert count > 0
        with engine.connect() as connection:
            stored = connection.execute(
                text(
                    "SELECT f.count FROM force_level f JOIN force_level_unit u ON u.force_level_id = f.id "
                    "WHERE u.text LIKE 'Forces on permanent%'"
                )
            ).scalar_one()
        assert stored == count
        tally.add("stored")

    check()
    print("\n" + tally.report())
    assert tally.total >= 10
