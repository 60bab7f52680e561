"""The standing probe (`tests/probe.py`) within the suite: a bounded number of hostile values through every
option and argument of every command and through every file format, each run clean, on both engines."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.helpers import Run, one_line_error
from tests.probe import (
    BASES,
    FILE_SLOTS,
    Probe,
    Slot,
    WebProbe,
    WebSlot,
    hostile_values,
    option_slots,
    web_slots,
)
from tests.test_hostile_input import fingerprint

Cli = Callable[..., Run]

SLOTS = option_slots()
PROBE = settings(
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def probe(engine: Engine, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Probe:
    monkeypatch.chdir(tmp_path)  # whatever a command writes beside it lands here
    probe = Probe(engine, tmp_path)
    probe.prepare()
    return probe


@pytest.fixture
def web_probe(probe: Probe, engine: Engine, db_url: str) -> Iterator[WebProbe]:
    from tests.web_helpers import client, ingest_asbarez, make_app

    ingest_asbarez(engine)
    with client(make_app(engine, db_url)) as web:
        yield WebProbe(probe, web, candidate=1)


def test_the_probe_finds_a_slot_for_every_command_that_takes_a_value() -> None:
    commands = {s.argv[0] if s.argv[0] != "--wait" else "--wait" for s in SLOTS}
    assert {
        "statement",
        "membership",
        "entity",
        "source",
        "review",
        "who-said",
        "ingest",
        "import",
    } <= commands
    assert len(SLOTS) > 200
    assert any(s.name == "statement add --quote" for s in SLOTS)
    assert all(s.argv.count(None) == 1 for s in SLOTS)


@pytest.mark.slow
@settings(PROBE, max_examples=300)
@given(data=st.data())
def test_hostile_values_in_every_option_and_argument_end_cleanly(probe: Probe, data: st.DataObject) -> None:
    slot: Slot = data.draw(st.sampled_from(SLOTS), label="slot")
    value: str = data.draw(hostile_values, label="value")
    assert probe.run_slot(slot, value) == "clean", probe.failures[-1]


@pytest.mark.slow
@settings(PROBE, max_examples=120)
@given(name=st.sampled_from(sorted(FILE_SLOTS)), value=hostile_values)
def test_hostile_values_in_every_file_format_end_cleanly(probe: Probe, name: str, value: str) -> None:
    assert probe.run_file(name, value) == "clean", probe.failures[-1]


# --- what the probe found, kept as plain tests -------------------------------------------------------------


@pytest.mark.parametrize("command", [("statement", "add"), ("statement", "edit")])
def test_a_translator_without_a_translation_is_refused_not_dropped(
    cli: Cli, engine: Engine, command: tuple[str, str]
) -> None:
    base = BASES[command] if command[1] == "add" else ["1", "--reason", "probe"]
    before = fingerprint(engine)
    one_line_error(cli(*command, *base, "--translator", "A. Translator"), 2, "translator:", "--translation")
    assert fingerprint(engine) == before


def test_a_bad_value_of_a_root_option_is_one_line(cli: Cli, engine: Engine) -> None:
    one_line_error(cli("--wait", "soon", "statement", "show", "1"), 2, "--wait", "soon")


@pytest.mark.slow
@settings(PROBE, max_examples=150)
@given(data=st.data())
def test_hostile_values_in_every_route_of_the_web_application_end_cleanly(
    web_probe: WebProbe, data: st.DataObject
) -> None:
    slot: WebSlot = data.draw(st.sampled_from(web_slots(web_probe.client.app)), label="slot")
    value: str = data.draw(hostile_values, label="value")
    assert web_probe.run(slot, value) == "clean", web_probe.probe.failures[-1]


def test_the_probe_reaches_every_route_of_the_web_application(web_probe: WebProbe) -> None:
    slots = web_slots(web_probe.client.app)
    paths = {s.path for s in slots}
    assert {
        "/search",
        "/api/search",
        "/statements/{id}",
        "/review/{id}/{action:str}",
        "/api/reconcile",
    } <= paths
    assert {s.where for s in slots} == {"path", "query", "form", "json"}
