"""The reader and editor roles the README documents for teams on PostgreSQL: the reader queries, cannot write."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.helpers import POSTGRES_URL, Run, ok, one_line_error

Cli = Callable[..., Run]
README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def readme_sql(role: str) -> list[str]:
    """The SQL statements of the README's block for one role, with names made unique to this test run."""
    block = re.search(rf"```sql\n(-- {role}.*?)```", README, flags=re.DOTALL)
    assert block, f"the README has no SQL block for the {role} role"
    body = "\n".join(line for line in block.group(1).splitlines() if not line.startswith("--"))
    return [statement.strip() for statement in body.split(";") if statement.strip()]


@pytest.fixture
def roles(backend: str, db_url: str) -> Iterator[dict[str, str]]:
    if backend != "postgresql":
        pytest.skip("database roles are PostgreSQL's")
    suffix = str(os.getpid())
    database = make_url(db_url).database or ""
    names = {"reader": f"csto_reader_{suffix}", "editor": f"csto_editor_{suffix}"}
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for role, name in names.items():
            for statement in readme_sql(role):
                statement = statement.replace(f"csto_{role}", name).replace("csto_kb", database)
                # Trust authentication here: the README's password clause is not needed to log in.
                statement = re.sub(r" PASSWORD '[^']*'", "", statement)
                connection.execute(text(statement))
    admin.dispose()
    yield {
        role: make_url(db_url).set(username=name).render_as_string(hide_password=False)
        for role, name in names.items()
    }
    drop = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with drop.connect() as connection:
        for name in names.values():
            connection.execute(text(f'DROP OWNED BY "{name}"'))
    drop.dispose()
    final = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with final.connect() as connection:
        for name in names.values():
            connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    final.dispose()


def test_the_reader_role_can_query_but_not_write(cli: Cli, roles: dict[str, str]) -> None:
    reader = roles["reader"]
    assert "Zas" in ok(cli("--db", reader, "who-said", "--speaker", "Zas")).stdout
    ok(cli("--db", reader, "factsheet", "CSTO", "--format", "json"))
    one_line_error(
        cli(
            "--db",
            reader,
            "statement",
            "add",
            "--speaker",
            "Zas",
            "--source",
            "1",
            "--lang",
            "ar",
            "--quote",
            "لم يغير هذا مجرى المعركة",
        ),
        1,
        "permission denied",
    )
    one_line_error(cli("--db", reader, "entity", "alias", "Zas", "Stas Zas"), 1, "permission denied")


def test_the_editor_role_can_add_correct_and_retract(cli: Cli, roles: dict[str, str]) -> None:
    editor = roles["editor"]
    run = ok(
        cli(
            "--db",
            editor,
            "statement",
            "add",
            "--speaker",
            "Zas",
            "--source",
            "1",
            "--lang",
            "ar",
            "--quote",
            "لم يغير هذا مجرى المعركة",
            "--by",
            "editor",
        )
    )
    assert "added statement #13" in run.stdout
    ok(cli("--db", editor, "statement", "edit", "13", "--said-on", "2022-04", "--reason", "month"))
    ok(cli("--db", editor, "statement", "retract", "13", "--reason", "misattributed: Belfer said it"))
    ok(cli("--db", editor, "entity", "alias", "Zas", "Stas Zas"))
