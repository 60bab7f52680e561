"""Where the annotated corpus lives for tests, and what a test does when it is missing.

The corpus sits beside the repository (``../shared/corpus`` from its root), as in CI's checkout;
``CSTO_KB_CORPUS`` points elsewhere. Locally a missing corpus skips the tests that need it; under CI
(``CI`` set and not "false"/"0") it fails them, so a moved corpus cannot turn the quality gates off silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("CSTO_KB_CORPUS") or ROOT.parent / "shared" / "corpus")
DEV = CORPUS / "dev"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "false", "0")


def require(path: Path) -> None:
    """Skip the calling test when ``path`` is missing, or fail it under CI."""
    if path.exists():
        return
    message = f"the annotated corpus is not at {path} (set CSTO_KB_CORPUS to its folder)"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def dev_articles() -> list[Path]:
    """The dev articles, or one missing path so that parametrised tests still run and `require` decides."""
    found = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
    return found or [DEV / "missing.txt"]
