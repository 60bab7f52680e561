"""`role edit` and `event edit` add or correct a title in any language with `--title-translation LANG=TEXT`, as
`role add`, `event add` and `fact edit` take it; the change log keeps every earlier title, and a bad tag or a
title given twice is refused in one line, nothing written.

In the seed, role 2 is Stanislav Zas's "Secretary General of the Collective Security Treaty Organization" and
event 1 the CSTO's founding, each with its English title (the original) and an Arabic one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select, text

from csto_kb.model import Change
from tests.helpers import Run, ok, one_line_error, table_counts

Cli = Callable[..., Run]

RU_ROLE = "Генеральный секретарь ОДКБ"
RU_ROLE_FULL = "Генеральный секретарь Организации Договора о коллективной безопасности"
RU_EVENT = "Основание Организации Договора о коллективной безопасности"


def titles(engine: Engine, owner: str, owner_id: int) -> dict[str, tuple[str, bool]]:
    with engine.connect() as connection:
        found = connection.execute(
            text(f"SELECT lang, text, is_original FROM {owner}_title WHERE {owner}_id = :id"),
            {"id": owner_id},
        )
        return {lang: (title, bool(original)) for lang, title, original in found}


def title_changes(engine: Engine, owner: str) -> list[tuple[object, ...]]:
    """The change log's entries for a table of titles, other than the seed's."""
    with engine.connect() as connection:
        query = (
            select(Change.action, Change.before, Change.after, Change.reason)
            .where(Change.table_name == f"{owner}_title", Change.by != "csto-kb seed")
            .order_by(Change.id)
        )
        return [tuple(row) for row in connection.execute(query)]


def test_role_edit_adds_and_corrects_a_title_in_another_language_with_history(
    cli: Cli, engine: Engine
) -> None:
    run = ok(
        cli(
            "role", "edit", "2", "--title-translation", f"RU={RU_ROLE}", "--reason", "a Russian title",
            "--format", "json",
        )
    )  # fmt: skip
    shown = json.loads(run.stdout)
    assert {"lang": "ru", "text": RU_ROLE, "is_original": False} in shown["titles"]
    ok(cli("role", "edit", "2", "--title-translation", f"ru={RU_ROLE_FULL}", "--reason", "the full name"))

    held = titles(engine, "role", 2)
    assert held["ru"] == (RU_ROLE_FULL, False)
    assert held["en"] == ("Secretary General of the Collective Security Treaty Organization", True)
    assert held["ar"] == ("الأمين العام لمنظمة معاهدة الأمن الجماعي", False)
    changes = title_changes(engine, "role")
    assert [(action, reason) for action, _, _, reason in changes] == [
        ("insert", "a Russian title"),
        ("update", "the full name"),
    ]
    assert (changes[1][1], changes[1][2]) == ({"text": RU_ROLE}, {"text": RU_ROLE_FULL})


def test_event_edit_adds_a_title_the_russian_fact_sheet_then_reads(cli: Cli, engine: Engine) -> None:
    ok(cli("event", "edit", "1", "--title-translation", f"ru={RU_EVENT}", "--reason", "a Russian title"))
    # The Arabic one is corrected the same way.
    ok(cli("event", "edit", "1", "--title-translation", "ar=تأسيس المنظمة", "--reason", "shorter"))

    held = titles(engine, "event", 1)
    assert held["ru"] == (RU_EVENT, False)
    assert held["ar"] == ("تأسيس المنظمة", False)
    assert [(a, r) for a, _, _, r in title_changes(engine, "event")] == [
        ("insert", "a Russian title"),
        ("update", "shorter"),
    ]
    # The founding, read in Russian, with the original beside it.
    html = ok(cli("factsheet", "CSTO", "--lang", "ru", "--format", "html")).stdout
    assert (
        f'<span class="shown" lang="ru" dir="auto">{RU_EVENT}</span> · '
        '<span class="original" lang="en" dir="auto">Founding of the Collective Security Treaty Organization</span>'
    ) in html


@pytest.mark.parametrize("owner", ["role", "event"])
@pytest.mark.parametrize(
    ("options", "needles"),
    [
        (["--title-translation", "klingon=x"], ["title-translation", "BCP 47", "klingon"]),
        (["--title-translation", "en_US=x"], ["title-translation", "BCP 47"]),
        (["--title-translation", "ru"], ["title-translation", "LANG=TEXT"]),
        (["--title-translation", "ru=  "], ["title-translation", "LANG=TEXT"]),
        (["--title-translation", "ru=a", "--title-translation", "RU=b"], ["title-translation", "ru is given twice"]),
        (["--title-translation", "ru=" + "я" * 301], ["title_translations", "at most 300 characters"]),
        (["--title", "Corrected", "--title-translation", "en=Other"], ["title_translations", "original's language"]),
    ],
)  # fmt: skip
def test_a_bad_title_translation_on_edit_is_refused_in_one_line_without_writing(
    cli: Cli, engine: Engine, owner: str, options: list[str], needles: list[str]
) -> None:
    claim_id = "2" if owner == "role" else "1"
    before, held = table_counts(engine), titles(engine, owner, int(claim_id))
    one_line_error(cli(owner, "edit", claim_id, *options, "--reason", "x"), 2, *needles)
    assert table_counts(engine) == before
    assert titles(engine, owner, int(claim_id)) == held


def test_role_edit_refuses_the_arabic_title_given_twice(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    run = cli("role", "edit", "2", "--title-ar", "أ", "--title-translation", "ar=ب", "--reason", "x")
    one_line_error(run, 2, "one title per language")
    assert table_counts(engine) == before
