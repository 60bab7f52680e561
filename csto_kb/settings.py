"""Where the knowledge base lives: one database URL, from an option, the environment or the default."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "csto-kb"


def default_database_url() -> str:
    """A SQLite file in the user's data directory (created on first use)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "csto-kb.sqlite3"
    return f"sqlite:///{path}"


class Settings(BaseSettings):
    """Settings read from ``CSTO_KB_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="CSTO_KB_", extra="ignore")

    database_url: str = ""

    def resolved_database_url(self, override: str | None = None) -> str:
        return override or self.database_url or default_database_url()


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"
