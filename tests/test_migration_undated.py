"""Revision 0006: the duplicate rule's unique index holds for statements without a date too, on both engines;
a database already holding such a pair is not upgraded, and nothing is changed."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import IntegrityError

from csto_kb.db import migrate
from csto_kb.db.engine import make_engine
from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import DatabaseError, Duplicate
from tests.helpers import Databases, table_counts

COPIED = [
    "speaker_id",
    "role_id",
    "speaker_mention",
    "role_text",
    "said_on_basis",
    "date_text",
    "venue",
    "quote",
    "quote_norm",
    "quote_key",
    "lang",
    "mode",
    "cue",
    "recorded_by",
    "note",
    "recorded_at",
]


def copy_undated(connection: Connection, statement_id: int, uid: str) -> None:
    """A second live row of a stored statement, undated, as a writer that skipped the rule would add it."""
    columns = ", ".join(COPIED)
    connection.execute(
        text(
            f"INSERT INTO statement (uid, said_on, {columns}) "
            f"SELECT :uid, NULL, {columns} FROM statement WHERE id = :id"
        ),
        {"uid": uid, "id": statement_id},
    )


def add_in_unit_of_work(engine: Engine, statement_id: int, uid: str) -> None:
    with UnitOfWork(engine) as uow:
        copy_undated(uow.session.connection(), statement_id, uid)
        uow.commit()


def undate(connection: Connection, statement_id: int) -> None:
    connection.execute(text("UPDATE statement SET said_on = NULL WHERE id = :id"), {"id": statement_id})


def test_the_index_refuses_a_second_undated_statement(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            undate(connection, 1)
        with pytest.raises(IntegrityError), engine.begin() as connection:
            copy_undated(connection, 1, "f" * 32)
        # A unit of work reports the same refusal as the duplicate it is, in one line.
        with pytest.raises(Duplicate, match="same quote by the same speaker"):
            add_in_unit_of_work(engine, 1, "e" * 32)
        # A retracted row does not count: the rule is about live statements.
        with engine.begin() as connection:
            connection.execute(text("UPDATE statement SET retracted_at = recorded_at WHERE id = 1"))
            copy_undated(connection, 1, "d" * 32)
    finally:
        engine.dispose()


def test_an_upgrade_over_undated_twins_is_refused_and_changes_nothing(databases: Databases) -> None:
    url = databases.seeded()
    engine = make_engine(url)
    try:
        migrate.downgrade(url, "0005")
        with engine.begin() as connection:
            undate(connection, 2)
            copy_undated(connection, 2, "c" * 32)
        before = table_counts(engine)
        with pytest.raises(DatabaseError, match=r"1 undated statements are stored twice \(#2 and #\d+\)"):
            migrate.upgrade(url)
        assert migrate.current_revision(engine) == "0005"
        assert table_counts(engine) == before

        # Once one of them is retracted the upgrade goes through, and the index holds from then on.
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE statement SET retracted_at = recorded_at WHERE uid = :u"), {"u": "c" * 32}
            )
        migrate.upgrade(url)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        with pytest.raises(IntegrityError), engine.begin() as connection:
            copy_undated(connection, 2, "b" * 32)
        migrate.check(url)
    finally:
        engine.dispose()


def test_down_to_0005_and_up_again_with_undated_statements(databases: Databases) -> None:
    url = databases.seeded()
    engine: Engine = make_engine(url)
    try:
        with engine.begin() as connection:
            undate(connection, 3)
        before = table_counts(engine)
        migrate.downgrade(url, "0005")
        migrate.upgrade(url)
        assert table_counts(engine) == before
        migrate.check(url)
    finally:
        engine.dispose()
