"""Titles read as head and qualifiers, and how well a named person fits one: pure functions."""

from __future__ import annotations

import pytest

from csto_kb.extraction.coreference import compatible, read_title


@pytest.mark.parametrize(
    ("title", "role", "name", "fit"),
    [
        ("الزعيم البيلاروسي", "رئيس بيلاروس", "ألكسندر لوكاشينكو", 2),
        ("رئيس الوزراء السويدي", "رئيس الوزراء السويدي", "أولف كريسترسون", 2),
        ("الرئيس الروسي", "الرئيس", "بوتين", 1),
        ("الرئيس الروسي", "الرئيس البيلاروسي", "لوكاشينكو", 0),
        ("رئيس الوزراء", "الرئيس", "بوتين", 0),
        ("the President", "Belarusian President", "Aleksandr Lukashenko", 1),
        ("the head of state", "Belarusian President", "Aleksandr Lukashenko", 1),
        ("the Belarusian leader", "President", "Aleksandr Lukashenko", 1),
        ("the prime minister", "Armenian Prime Minister", "Nikol Pashinyan", 1),
        ("the Armenian premier", "Armenian Prime Minister", "Nikol Pashinyan", 2),
        ("the minister", "Prime Minister", "Nikol Pashinyan", 0),
    ],
)
def test_how_well_a_named_person_fits_a_title(title: str, role: str, name: str, fit: int) -> None:
    read = read_title(title)
    assert read is not None
    assert compatible(read, role, name) == fit


def test_words_without_a_known_head_are_no_title() -> None:
    assert read_title("البيان") is None
    assert read_title("the ministry") is None
