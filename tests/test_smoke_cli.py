from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from tests.helpers import Run, count


def test_who_said_finds_pashinyan_by_english_name(cli: Callable[..., Run], engine: Engine) -> None:
    run = cli("who-said", "--speaker", "Pashinyan", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert '"nikol-pashinyan"' in run.stdout
    assert count(engine, "statement") == 12
