"""A standing probe of every input the command line reads: each option and argument of each command, and each
file format (statement files, JSON Lines, curated YAML, front matter, saved web pages, bundles).

The slots come from the command tree itself, so an option added tomorrow is probed tomorrow. For one hostile
value in one slot, the command runs in-process as a user would run it, and the run is put in one class:

- ``clean``: exit 0, or exit 1, 2 or 75 with one ``error:`` line and no traceback;
- ``traceback``: an exception escaped the command;
- ``wrong exit code``: any other exit, or a failure that did not say why in one line;
- ``wrote on failure``: the command failed and the database is not as it was (a checksum of every table);
- ``stored other than given``: the command succeeded, wrote, and the free text it was given is nowhere in what
  it stored (text fields only; names that resolve, dates and language tags are normalised on purpose).

`tests/test_probe.py` runs a bounded number of examples in the suite; `bench/probe.py` runs thousands per
engine and prints the counts.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import typer
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from csto_kb.cli.app import app, application
from tests.test_hostile_input import NASTY_PIECES, fingerprint

CLASSES = ("clean", "traceback", "wrong exit code", "wrote on failure", "stored other than given")
FAILURE_CODES = (1, 2, 75)

# Commands whose job is not a short request: they are probed by their own tests.
SKIPPED_COMMANDS = {("serve",), ("eval",), ("db", "downgrade"), ("db", "upgrade")}
# Parameters that name files the probe writes itself (the file formats are probed as slots of their own).
FILE_PARAMETERS = {"file", "files", "output", "directory", "from_file"}

QUOTE = "ويضم هذا التحالف السياسي العسكري"  # a phrase of the curated article, source 1
# What each command needs to get past its required parameters, so that the hostile value is what is tested.
BASES: dict[tuple[str, ...], list[str]] = {
    ("statement", "add"): ["--speaker", "Stanislav Zas", "--quote", QUOTE, "--source", "1", "--lang", "ar",
                           "--said-on", "2022-04-13", "--new"],
    ("statement", "show"): ["1"],
    ("statement", "edit"): ["1", "--reason", "probe"],
    ("statement", "retract"): ["1", "--reason", "probe"],
    ("membership", "add"): ["CSTO", "Armenia", "--source", "1", "--status", "member", "--since", "2002"],
    ("role", "add"): ["Stanislav Zas", "CSTO", "--title", "Secretary General", "--since", "2020"],
    ("force", "add"): ["CSTO", "--count", "1000", "--source", "1"],
    ("event", "add"): ["A probe meeting", "--source", "1"],
    ("fact", "add"): ["CSTO", "--source", "1", "--kind", "principle", "--text", "probe text"],
    ("evidence", "add"): ["statement:1", "--source", "1"],
    ("evidence", "retract"): ["1", "--reason", "probe"],
    ("entity", "show"): ["Armenia"],
    ("entity", "add"): ["Probe Person", "--kind", "person"],
    ("entity", "alias"): ["Armenia", "Probe Alias"],
    ("entity", "merge"): ["Armenia", "Belarus", "--reason", "probe"],
    ("entity", "unmerge"): ["armenia", "--reason", "probe"],
    ("source", "show"): ["1"],
    ("source", "add"): ["--excerpt", "A probe excerpt.", "--lang", "en", "--title", "Probe"],
    ("source", "edit"): ["1", "--reason", "probe"],
    ("review", "show"): ["1"],
    ("review", "reject"): ["1", "--reason", "probe"],
    ("review", "edit"): ["1"],
    ("history",): ["1"],
    ("members",): ["CSTO"],
    ("forces",): ["CSTO"],
    ("factsheet",): ["CSTO"],
}  # fmt: skip
for kind in ("membership", "role", "force", "event", "fact"):
    BASES.setdefault((kind, "show"), ["1"])
    BASES.setdefault((kind, "edit"), ["1", "--reason", "probe"])
    BASES.setdefault((kind, "retract"), ["1", "--reason", "probe"])

# Free text a successful write must store as given (surrounding white space aside).
FREE_TEXT = {
    "quote", "date_text", "cue", "venue", "mention", "role_text", "translation", "translator", "note", "reason",
    "title", "title_ar", "text", "text_en", "unit", "unit_original", "description", "url", "date_note",
    "excerpt", "transcript", "by", "name", "new_name",
}  # fmt: skip


@dataclass(frozen=True)
class Slot:
    """One place a hostile value goes: ``argv`` with ``None`` where the value is put."""

    name: str
    argv: tuple[str | None, ...]
    free_text: bool

    def command_line(self, value: str) -> list[str]:
        return [value if part is None else part for part in self.argv]


def _commands(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))
    else:
        yield path, command


def option_slots() -> list[Slot]:
    """A slot for every option and argument that takes a value, in every command but the skipped ones."""
    root = typer.main.get_command(application())
    slots: list[Slot] = []
    for path, command in _commands(root, ()):
        if path in SKIPPED_COMMANDS or path[:1] in SKIPPED_COMMANDS:
            continue
        base = BASES.get(path, [])
        for param in command.params:
            if param.name in FILE_PARAMETERS or param.name == "help":
                continue
            kind = getattr(param.type, "name", "")
            if kind in ("boolean", "choice"):
                continue
            free = param.name in FREE_TEXT and path[-1] in ("add", "edit", "alias", "retract", "reject")
            if param.param_type_name == "argument":
                # The argument's place in the base: the base's first words are the arguments, in order.
                arguments = [p for p in command.params if p.param_type_name == "argument"]
                index = arguments.index(param)
                words: list[str | None] = list(base)
                if index < len(words) and not str(words[index]).startswith("-"):
                    words[index] = None
                else:
                    words.insert(index, None)
                slots.append(Slot(f"{' '.join(path)} {param.name.upper()}", (*path, *words), free))
            else:
                option = max(param.opts, key=len)
                words = list(base)
                if option in words:  # the base gives it: the hostile value replaces the base's
                    at = words.index(option)
                    words[at + 1] = None
                else:
                    words += [option, None]
                slots.append(Slot(f"{' '.join(path)} {option}", (*path, *words), free))
    # The root's --wait; --db is left out: a hostile value there is a new SQLite file wherever it points.
    slots.append(Slot("--wait", ("--wait", None, "statement", "show", "1"), False))
    return slots


# --- hostile values ------------------------------------------------------------------------------------------

NUMBERS = ["0", "-1", "1e3", "9223372036854775807", "9223372036854775808", "2" * 400, "0x10", " 1", "１"]
DATES = [
    "2022-02-30",
    "2022-13",
    "0000",
    "0001",
    "2022-2-3",
    "2999-12-31",
    "٢٠٢٢",
    "",
    " ",
    "2022-04-13'; --",
]
LANGS = ["", " ", "english", "e", "a1", "en_US", "\U0001f1ec\U0001f1e7", "en\x00", "%", "ar-sa", "x" * 40]
hostile_values = st.one_of(
    st.lists(st.one_of(st.sampled_from(NASTY_PIECES), st.text(max_size=8)), max_size=5).map("".join),
    st.sampled_from([*NUMBERS, *DATES, *LANGS]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["x" * 5_000, "ب" * 100_001, "\udcff", "a\udcffb", "\x00", "-", "--help", "--format"]),
)


# --- file formats ----------------------------------------------------------------------------------------------

ARTICLE = """---
url: "https://probe.invalid/a"
publisher: "Probe Desk"
published: {published}
lang: {lang}
title: {title}
---
MOSCOW - "The alliance is ready," Secretary General Stanislav Zas said on Monday{body}.
"""
PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="{publisher}"><meta property="article:published_time" content="{published}">
</head><body><article><h1>{title}</h1><p>"The alliance is ready for any task," Secretary General Stanislav Zas
said on Monday{body}, speaking to reporters after a meeting of the joint staff in Moscow.</p></article></body>
</html>"""


def _line(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


FileMaker = Callable[[Path, str], list[str]]


def _front_matter(place: str) -> FileMaker:
    def make(folder: Path, value: str) -> list[str]:
        fields = {"published": "2022-04-18", "lang": "en", "title": '"Probe"', "body": ""}
        fields[place] = value
        path = folder / "article.txt"
        path.write_bytes(ARTICLE.format(**fields).encode("utf-8", "surrogateescape"))
        return ["ingest", str(path)]

    return make


def _web_page(place: str) -> FileMaker:
    def make(folder: Path, value: str) -> list[str]:
        fields = {"published": "2022-04-18", "lang": "en", "title": "Probe", "publisher": "Probe", "body": ""}
        fields[place] = value
        path = folder / "page.html"
        path.write_bytes(PAGE.format(**fields).encode("utf-8", "surrogateescape"))
        return ["ingest", str(path)]

    return make


def _statement_line(field: str) -> FileMaker:
    def make(folder: Path, value: str) -> list[str]:
        item: dict[str, Any] = {"speaker": "Stanislav Zas", "quote": QUOTE, "source": 1, "lang": "ar",
                                "said_on": "2022-04-12"}  # fmt: skip
        item[field] = value
        path = folder / "statements.jsonl"
        path.write_bytes((_line(**item) + "\n").encode("utf-8", "surrogateescape"))
        return ["import", "statements", str(path)]

    return make


def _statement_file(field: str) -> FileMaker:
    def make(folder: Path, value: str) -> list[str]:
        item: dict[str, Any] = {"speaker": "Stanislav Zas", "quote": QUOTE, "source": 1, "lang": "ar",
                                "said_on": "2022-04-11"}  # fmt: skip
        item[field] = value
        path = folder / "statement.json"
        path.write_bytes(_line(**item).encode("utf-8", "surrogateescape"))
        return ["statement", "add", "--from-file", str(path), "--new"]

    return make


def _feed(field: str) -> FileMaker:
    def make(folder: Path, value: str) -> list[str]:
        item: dict[str, Any] = {"text": 'Zas said on Monday that "the alliance is ready".', "lang": "en",
                                "url": "https://probe.invalid/f", "published": "2022-04-18"}  # fmt: skip
        item[field] = value
        path = folder / "feed.jsonl"
        path.write_bytes((_line(**item) + "\n").encode("utf-8", "surrogateescape"))
        return ["ingest", str(path)]

    return make


def _curated(field: str) -> FileMaker:
    def make(folder: Path, value: str) -> list[str]:
        body = "The alliance was founded in 2002, Zas said."
        (folder / "curated.txt").write_text(body, encoding="utf-8")
        fields = {"lang": "en", "published": "2022-04-18", "speaker": "Stanislav Zas",
                  "quote": "The alliance was founded in 2002"}  # fmt: skip
        fields[field] = value
        document = (
            "source:\n  file: curated.txt\n  lang: {lang}\n  published: {published}\n"
            "statements:\n  - speaker: {speaker}\n    quote: {quote}\n"
        ).format(**{k: json.dumps(v, ensure_ascii=False) for k, v in fields.items()})
        path = folder / "curated.yaml"
        path.write_bytes(document.encode("utf-8", "surrogateescape"))
        return ["import", "curated", str(path)]

    return make


def _bundle(folder: Path, value: str) -> list[str]:
    """A bundle with one member replaced by the hostile value (as its bytes)."""
    source = folder.parent / "probe-bundle.zip"
    target = folder / "bundle.zip"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        names = old.namelist()
        victim = names[sum(map(ord, value)) % len(names)] if value else names[0]
        for name in names:
            data = old.read(name)
            new.writestr(name, value.encode("utf-8", "surrogateescape") if name == victim else data)
    return ["import", "bundle", str(target)]


FILE_SLOTS: dict[str, FileMaker] = {
    **{f"ingest front matter {p}": _front_matter(p) for p in ("published", "lang", "title", "body")},
    **{f"ingest web page {p}": _web_page(p) for p in ("published", "lang", "title", "publisher", "body")},
    **{f"ingest feed {p}": _feed(p) for p in ("text", "lang", "published", "url")},
    **{f"import statements {f}": _statement_line(f)
       for f in ("speaker", "quote", "said_on", "lang", "cue", "translation", "translation_lang")},
    **{f"statement add --from-file {f}": _statement_file(f) for f in ("quote", "said_on", "venue", "about")},
    **{f"import curated {f}": _curated(f) for f in ("lang", "published", "speaker", "quote")},
    "import bundle (a member replaced)": _bundle,
}  # fmt: skip


# --- running and judging ---------------------------------------------------------------------------------------


def text_values(engine: Engine) -> list[str]:
    """Every text value stored in every table: where a free-text value given must be found after a write."""
    from csto_kb.model import Base

    values: list[str] = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(text(f'SELECT * FROM "{table.name}"')):
                values += [s for v in row for s in _strings(v)]
    return values


def _strings(value: object) -> list[str]:
    """The text in a column's value; a JSON column's text is read as JSON, whose escapes hide it otherwise."""
    if isinstance(value, str):
        if value[:1] in "{[":
            try:
                return [value, *_strings(json.loads(value))]
            except ValueError:
                return [value]
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _stored(value: str, values: list[str]) -> bool:
    wanted = {value, value.strip(), unicodedata.normalize("NFC", value).strip()}
    wanted.discard("")
    return not wanted or any(w in v for w in wanted for v in values)


class Probe:
    """Runs hostile values through slots against one database, counting each run's class."""

    def __init__(self, engine: Engine, folder: Path) -> None:
        self.engine = engine
        self.folder = folder
        self.runner = CliRunner()
        self.counts: Counter[str] = Counter()
        self.exit_codes: Counter[int] = Counter()
        self.failures: list[str] = []
        application()  # every command

    def prepare(self) -> None:
        """What some slots need: a candidate to review, a bundle to break. Run with the database URL in
        CSTO_KB_DATABASE_URL."""
        page = self.folder / "seed-page.txt"
        page.write_text(
            ARTICLE.format(published="2022-04-18", lang="en", title="Seed", body=""), encoding="utf-8"
        )
        for argv in (["ingest", str(page)], ["export", "bundle", str(self.folder / "probe-bundle.zip")]):
            result = self.runner.invoke(app, argv)
            assert result.exit_code == 0, result.stderr

    def run(self, name: str, argv: list[str], value: str, free_text: bool) -> str:
        before = fingerprint(self.engine)
        result = self.runner.invoke(app, argv)
        outcome = self._judge(result, before, value, free_text)
        self.counts[outcome] += 1
        self.exit_codes[result.exit_code] += 1
        if outcome != "clean" and len(self.failures) < 50:
            self.failures.append(
                f"{outcome}: {name} = {value[:60]!r}: exit {result.exit_code} {result.stderr[:200]!r}"
            )
        return outcome

    def run_slot(self, slot: Slot, value: str) -> str:
        return self.run(slot.name, slot.command_line(value), value, slot.free_text)

    def run_file(self, name: str, value: str) -> str:
        folder = self.folder / "files"
        folder.mkdir(exist_ok=True)
        return self.run(name, FILE_SLOTS[name](folder, value), value, False)

    def _judge(self, result: Any, before: str, value: str, free_text: bool) -> str:
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            return "traceback"
        if "Traceback" in result.stdout + result.stderr:
            return "traceback"
        if result.exit_code == 0:
            if (
                free_text
                and fingerprint(self.engine) != before
                and not _stored(value, text_values(self.engine))
            ):
                return "stored other than given"
            return "clean"
        one_line = result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
        if result.exit_code not in FAILURE_CODES or not one_line:
            return "wrong exit code"
        if fingerprint(self.engine) != before:
            return "wrote on failure"
        return "clean"


# --- the web pages of `csto-kb serve` ----------------------------------------------------------------------------

GET_PARAMETERS = [
    "speaker", "about", "org", "from", "to", "contains", "mode", "source", "include_retracted", "after", "limit",
    "as_of", "statements", "per_speaker", "status", "kind", "queries", "next", "page", "q",
]  # fmt: skip
POST_FIELDS = [
    "reason", "by", "speaker", "mention", "role", "said_on", "date_text", "mode", "cue", "quote", "quote_start",
    "quote_end", "about", "organisation", "count", "readiness", "same_as", "new", "reviewer", "token", "next",
]  # fmt: skip


URL_VALUE_LIMIT = 2_000
"""What a value in an address can hold: browsers and the HTTP client refuse longer addresses themselves."""


@dataclass(frozen=True)
class WebSlot:
    """One route and one of its inputs: a query parameter, a form field, a JSON field or a path parameter."""

    method: str
    path: str
    where: str  # "query", "form", "json" or "path"
    field: str

    @property
    def name(self) -> str:
        return f"{self.method} {self.path} {self.where}:{self.field}"


def web_slots(app: Any) -> list[WebSlot]:
    """Every route of the web application, each with each input a hostile value can go in."""
    from starlette.routing import Route

    slots: list[WebSlot] = []
    for route in app.routes:
        if not isinstance(route, Route) or route.methods is None:
            continue
        for name in sorted(route.param_convertors):
            slots.append(WebSlot("GET" if "GET" in route.methods else "POST", route.path, "path", name))
        if "GET" in route.methods:
            slots += [WebSlot("GET", route.path, "query", p) for p in GET_PARAMETERS]
        if "POST" in route.methods:
            where = "json" if route.path.startswith("/api/") else "form"
            slots += [WebSlot("POST", route.path, where, f) for f in POST_FIELDS]
    return slots


def _web_path(slot: WebSlot, value: str, candidate: int) -> str:
    fillers = {"id": str(candidate), "key": "csto", "action": "reject"}
    if slot.where == "path":
        fillers[slot.field] = value

    def fill(match: re.Match[str]) -> str:
        return quote(fillers.get(match.group(1), "x"), safe="")

    return re.sub(r"\{([a-z_]+)(?::[a-z]+)?\}", fill, slot.path)


class WebProbe:
    """Hostile values through the web application's routes, with a valid form token so that they reach the
    services: no answer is a server error or a traceback, and a refusal writes nothing."""

    def __init__(self, probe: Probe, client: Any, candidate: int) -> None:
        self.probe = probe
        self.client = client
        self.candidate = candidate
        self.token = str(client.get("/api/csrf").json()["csrf_token"])

    def run(self, slot: WebSlot, value: str) -> str:
        probe = self.probe
        before = fingerprint(probe.engine)
        text_value = value.encode("utf-8", "replace").decode("utf-8")  # a browser sends UTF-8 or nothing
        if slot.where in ("path", "query"):
            text_value = text_value[:URL_VALUE_LIMIT]
        path = _web_path(slot, text_value, self.candidate)
        base = {"reason": "probe"} if slot.field != "reason" else {}
        if slot.method == "GET":
            params = {slot.field: text_value} if slot.where == "query" else {}
            answer = self.client.get(path, params=params)
        elif slot.where == "json":
            body = base | {slot.field: text_value}
            answer = self.client.post(path, json=body, headers={"X-CSRF-Token": self.token})
        else:
            form = (
                {"csrf_token": self.token} | base | ({slot.field: text_value} if slot.where == "form" else {})
            )
            answer = self.client.post(path, data=form)
        if answer.status_code >= 500 or "Traceback" in answer.text:
            outcome = "traceback"
        elif answer.status_code >= 400 and fingerprint(probe.engine) != before:
            outcome = "wrote on failure"
        else:
            outcome = "clean"
        probe.counts[outcome] += 1
        probe.exit_codes[answer.status_code] += 1
        if outcome != "clean" and len(probe.failures) < 50:
            probe.failures.append(
                f"{outcome}: {slot.name} = {value[:60]!r}: {answer.status_code} {answer.text[:200]!r}"
            )
        return outcome
