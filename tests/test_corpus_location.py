"""Where tests look for the annotated corpus, and that CI fails rather than skips without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import corpus


@pytest.mark.parametrize(
    ("value", "expected"), [("true", True), ("1", True), ("false", False), ("0", False), ("", False)]
)
def test_ci_is_on_unless_unset_false_or_zero(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: bool
) -> None:
    monkeypatch.setenv("CI", value)
    assert corpus.in_ci() is expected


def test_a_missing_corpus_skips_locally_and_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere" / "dev"
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        corpus.require(missing)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        corpus.require(missing)
    corpus.require(tmp_path)  # present: nothing happens


def test_the_default_corpus_is_beside_the_repository() -> None:
    root = Path(corpus.__file__).resolve().parent.parent
    if not os.environ.get("CSTO_KB_CORPUS"):
        assert root.parent / "shared" / "corpus" == corpus.CORPUS
