"""The fact sheet's own words (section titles, column heads, short notes), in every language the catalogue holds.

The catalogue is data, `factsheet_labels.json`, one block per language (English, Arabic and Russian today):
adding a language is adding a block. The HTML and the Markdown sheet read it through the one reading rule
(`csto_kb.languages`): the reader's language when the catalogue has it (``ar-SA`` reads ``ar``), else English.
A label with values is a `str.format` template; its caller escapes the values for its format. Sentences that
count things ("Shown: 12 of 40 statements …") stay English: their plural forms are not written here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypedDict

from csto_kb.languages import ENGLISH, LangText, language_name, read

CATALOGUE_FILE = Path(__file__).with_name("factsheet_labels.json")


class LanguageBlock(TypedDict):
    """One language's labels by key, and its names of the catalogue's languages by tag."""

    labels: dict[str, str]
    language_names: dict[str, str]


@cache
def catalogue() -> dict[str, LanguageBlock]:
    """Every language's block, by language tag."""
    blocks: dict[str, LanguageBlock] = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return blocks


def _held(entries: dict[str, str]) -> list[LangText]:
    # English is the catalogue's original: every key has it, so the rule always finds a text.
    return [LangText(lang, text, lang == ENGLISH) for lang, text in entries.items()]


def _shown(entries: dict[str, str], lang: str) -> str:
    reading = read(_held(entries), lang)
    assert reading is not None  # every entry has its English
    return reading.shown.text


@dataclass(frozen=True)
class SheetLabels:
    """The labels a reader sees; ``lang`` is the language they are written in (the reader's, or English)."""

    lang: str

    def __call__(self, key: str, **values: str) -> str:
        """The label ``key`` in this language (else English), its ``{…}`` filled with ``values``."""
        text = _shown({lang: block["labels"][key] for lang, block in catalogue().items()}, self.lang)
        return text.format(**values) if values else text

    def value(self, kind: str, code: str) -> str:
        """A stored code (a status, a readiness, a participant's part, a mode) as its label ``kind_code`` says
        it; the code itself when the catalogue has no label for it."""
        key = f"{kind}_{code}"
        return self(key) if key in catalogue()[ENGLISH]["labels"] else code

    def language(self, lang: str) -> str:
        """A language's name, in this one when the catalogue names it ("русский"), else in English."""
        names = catalogue()[self.lang]["language_names"]
        return names.get(lang) or names.get(lang.split("-", 1)[0].lower()) or language_name(lang)


def separator(lang: str) -> str:
    """What separates several texts in ``lang`` on one line: ``; ``, or the Arabic ``؛ `` for Arabic."""
    return labels_for(lang)("list_separator")


def labels_for(lang: str) -> SheetLabels:
    """The labels for a reader of ``lang``: in it when the catalogue has it, else in English."""
    reading = read([LangText(held, held, held == ENGLISH) for held in catalogue()], lang)
    assert reading is not None
    return SheetLabels(reading.shown.lang)
