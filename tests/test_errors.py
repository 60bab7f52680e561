"""The driver errors the CLI and the web app recognise: one list, owned by `csto_kb.errors`."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import psycopg
import pytest
from sqlalchemy import exc
from starlette.requests import Request

from csto_kb.errors import driver_errors
from csto_kb.web.errors import on_unexpected


def test_the_driver_errors_are_those_of_each_imported_layer() -> None:
    found = driver_errors()
    assert set(found) >= {sqlite3.Error, exc.SQLAlchemyError, psycopg.Error}
    data = driver_errors("DataError")
    assert set(data) == {sqlite3.DataError, exc.DataError, psycopg.DataError}


def _api_request() -> Request:
    return Request(
        {"type": "http", "method": "GET", "path": "/api/statements", "headers": [], "query_string": b""}
    )


@pytest.mark.parametrize(
    "error",
    [
        psycopg.DataError("value too long"),
        sqlite3.DataError("bad"),
        exc.DataError("SELECT 1", {}, Exception("x")),
    ],
)
def test_a_value_the_database_cannot_hold_is_bad_input_on_the_web(error: Exception) -> None:
    response = asyncio.run(on_unexpected(_api_request(), error))
    assert response.status_code == 400
    assert json.loads(bytes(response.body)) == {
        "error": "input: the database cannot store or compare a value as given"
    }


def test_any_other_error_is_a_server_error_that_names_nothing_inside() -> None:
    response = asyncio.run(on_unexpected(_api_request(), psycopg.OperationalError("secret detail")))
    assert response.status_code == 500
    assert b"secret" not in bytes(response.body)
