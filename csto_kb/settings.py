"""Where the knowledge base lives: one database URL, from an option, the environment or the default."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "csto-kb"
ENV_DATABASE_URL = "CSTO_KB_DATABASE_URL"


def default_database_url() -> str:
    """A SQLite file in the user's data directory (created on first use)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "csto-kb.sqlite3"
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class Settings:
    """Settings read from ``CSTO_KB_*`` environment variables.

    One variable does not justify a settings library: importing pydantic-settings cost every command
    about 0.05–0.1 s of start-up, more than the query itself.
    """

    database_url: str = field(default_factory=lambda: os.environ.get(ENV_DATABASE_URL, ""))

    def resolved_database_url(self, override: str | None = None) -> str:
        """The URL of ``--db`` when given (an empty one is refused), else of the environment or the default."""
        if override is not None:
            return database_url(override)
        return database_url(self.database_url or default_database_url())


EXPECTED_URLS = "sqlite:///PATH, a path to a SQLite file (such as ./kb.sqlite3), or postgresql://USER@HOST/DB"
"""The forms `database_url` accepts, for error messages."""


def database_url(given: str) -> str:
    """The SQLAlchemy URL for what a user gave as the database: a URL as it is; ``postgres://…`` (as many
    hosting services print it, and SQLAlchemy refuses) as ``postgresql://…``; a path to a SQLite file,
    absolute, relative to the current folder, or starting with ``~``, as ``sqlite:///`` and its absolute path.

    A path is what has a folder in it (``/``), starts with ``~``, ends like a SQLite file (``.sqlite3``,
    ``.sqlite``, ``.db``) or names an existing file: a stray word (``--db prod``, ``--db "not a url"``) is
    refused instead of silently becoming a new, empty database in the current folder.

    Every way in (``--db``, ``CSTO_KB_DATABASE_URL``, `csto_kb.db.engine.make_engine`) goes through here.
    """
    if not given.strip():
        from csto_kb.errors import InvalidInput

        raise InvalidInput(f"database URL: empty; expected {EXPECTED_URLS}")
    if given.startswith("postgres://"):
        return "postgresql://" + given.removeprefix("postgres://")
    if not _SCHEME.match(given) and _looks_like_a_path(given):
        return f"sqlite:///{Path(given).expanduser().absolute()}"
    return given


# What begins a URL (RFC 3986 scheme and colon): anything else is a file path.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_SQLITE_SUFFIXES = (".sqlite3", ".sqlite", ".db", ".db3")


def _looks_like_a_path(given: str) -> bool:
    return (
        "/" in given
        or os.sep in given
        or given.startswith("~")
        or given.lower().endswith(_SQLITE_SUFFIXES)
        or Path(given).is_file()
    )


# user:password@ in a URL: what mask_url hides even in a URL it cannot parse.
_PASSWORD = re.compile(r"(://[^/@:]*:)[^/@]*@")


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return _PASSWORD.sub(r"\1***@", url)
