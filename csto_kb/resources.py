"""Where the packaged migrations and curated seed files are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _packaged_or_checkout(name: str) -> Path:
    # A wheel carries these folders inside the package; a source checkout (or an editable install) keeps them
    # at the top of the repository, beside the package.
    packaged = _PACKAGE / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def migrations_dir() -> Path:
    """The Alembic script directory."""
    return _packaged_or_checkout("migrations")


def seeds_dir() -> Path:
    """The curated seed files: article texts and their YAML facts."""
    return _packaged_or_checkout("seeds")
