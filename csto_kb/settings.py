"""Where the knowledge base lives: one database URL, from an option, the environment or the default."""

from __future__ import annotations

import os
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
        return override or self.database_url or default_database_url()


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"
