"""Russian names: a Cyrillic alias finds its entity in any case and with ё written as е, as Arabic and Latin
spellings fold; and a Russian statement is stored with its English translation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import Run, ok

Cli = Callable[..., Run]


def test_a_cyrillic_alias_is_found_whatever_its_case_and_yo(cli: Cli, db_url: str, tmp_path: Path) -> None:
    ok(cli("entity", "add", "Pyotr Semyonov", "--kind", "person"))
    ok(cli("entity", "alias", "Pyotr Semyonov", "Пётр Семёнов", "--lang", "ru"))
    article = tmp_path / "ria.txt"
    article.write_text("Семёнов заявил: «Союз готов к любым задачам».\n", encoding="utf-8")
    ok(cli("source", "add", str(article), "--lang", "ru", "--published", "2024-05-06"))
    ok(
        cli(
            "statement", "add", "--speaker", "Пётр Семёнов", "--quote", "Союз готов к любым задачам",
            "--lang", "ru", "--source", "2", "--translation", "The union is ready for any task",
        )
    )  # fmt: skip
    for spelling in ("ПЕТР СЕМЕНОВ", "семенов", "Семёнов"):
        rows = json.loads(ok(cli("who-said", "--speaker", spelling, "--format", "json")).stdout)
        assert [r["quote"] for r in rows] == ["Союз готов к любым задачам"], spelling
        assert rows[0]["translations"][0]["text"] == "The union is ready for any task"
    shown = ok(cli("entity", "show", "пётр семенов")).stdout
    assert "Name (ru, primary): Пётр Семёнов" in shown


def test_a_name_in_a_script_that_does_not_tell_its_language_is_undetermined(cli: Cli, db_url: str) -> None:
    from csto_kb.services.entities import guess_lang

    assert [guess_lang(n) for n in ("Stanislav Zas", "Zàs Ünal", "ستانيسلاف زاس", "Станислав Зась")] == [
        "en", "en", "ar", "und",
    ]  # fmt: skip
    ok(cli("entity", "alias", "Stanislav Zas", "Станіслав Зась"))  # Belarusian or Ukrainian, Cyrillic alike
    assert "Name (und, primary): Станіслав Зась" in ok(cli("entity", "show", "Zas")).stdout
