"""Every command documents itself and is documented in the README; the README's test command is CI's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from csto_kb.cli.app import application

app = application()

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, typer.core.TyperCommand | typer.core.TyperGroup]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, typer.core.TyperCommand | typer.core.TyperGroup]] = []

    def walk(prefix: str, command: typer.core.TyperCommand | typer.core.TyperGroup) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            path = f"{prefix} {name}".strip()
            found.append((path, sub))
            walk(path, sub)

    walk("", root)  # type: ignore[arg-type]
    return found


COMMANDS = _commands()


def test_the_command_tree_is_what_the_readme_describes() -> None:
    paths = {path for path, _ in COMMANDS}
    assert {
        "who-said",
        "members",
        "forces",
        "events",
        "factsheet",
        "statement add",
        "statement edit",
        "statement retract",
        "statement show",
        "entity alias",
        "source add",
        "db check",
    } <= paths


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_help_text(
    path: str, command: typer.core.TyperCommand | typer.core.TyperGroup
) -> None:
    assert (command.help or "").strip(), f"{path} has no help text"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS])
def test_every_command_appears_in_the_readme(path: str) -> None:
    parent, _, leaf = path.rpartition(" ")
    # Sub-commands may be listed together ("entity list | show | add | alias").
    grouped = re.search(rf"`{re.escape(parent)} [^`]*\b{re.escape(leaf)}\b[^`]*`", README) if parent else None
    assert f"`{path}" in README or f"csto-kb {path}" in README or grouped, f"{path} is not in the README"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    command = "python3 -m venv .venv && .venv/bin/pip install '.[dev]' && .venv/bin/pytest"
    assert command in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci


def test_the_readme_main_command_installs_and_shows_the_fact_sheet() -> None:
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/csto-kb factsheet CSTO" in README
