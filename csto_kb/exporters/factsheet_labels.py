"""The fact sheet's own words (section titles, column heads, short notes), in every language the catalogue holds.

The catalogue is data, `factsheet_labels.json`, one block per language (English, Arabic and Russian today):
adding a language is adding a block (and, for its plural forms, a rule in `PLURAL_RULES`). The HTML and the
Markdown sheet read it through the one reading rule (`csto_kb.languages`): the reader's language when the
catalogue has it (``ar-SA`` reads ``ar``), else English. A label with values is a `str.format` template; its
caller escapes the values for its format.

What counts things ("12 statements") is a plural entry: one form per plural category of the language
(Unicode CLDR's cardinal categories: English says ``one`` and ``other``, Russian ``one``, ``few`` and
``many``, Arabic ``zero``, ``one``, ``two``, ``few``, ``many`` and ``other``), each with ``{n}`` for the
number. A language may write its counting sentences as "statements: 12", so that its forms need no noun.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from csto_kb.languages import ENGLISH, LangText, language_name, read

if TYPE_CHECKING:
    from csto_kb.schemas.factsheet import StatementSelection

CATALOGUE_FILE = Path(__file__).with_name("factsheet_labels.json")


class LanguageBlock(TypedDict):
    """One language's labels by key, its plural entries (forms by plural category) by key, and its names of
    the catalogue's languages by tag."""

    labels: dict[str, str]
    plurals: dict[str, dict[str, str]]
    language_names: dict[str, str]


def _russian(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    return "few" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "many"


def _arabic(n: int) -> str:
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    if 3 <= n % 100 <= 10:
        return "few"
    return "many" if 11 <= n % 100 <= 99 else "other"


PLURAL_RULES: dict[str, Callable[[int], str]] = {
    "en": lambda n: "one" if n == 1 else "other",
    "ru": _russian,
    "ar": _arabic,
}
"""The plural category of a whole number, by language (CLDR's cardinal rules for integers); a language
without a rule here uses its ``other`` forms."""


def plural_category(lang: str, n: int) -> str:
    """``one``, ``few``, ``many`` … : which form of a counted word ``lang`` uses for ``n``."""
    rule = PLURAL_RULES.get(lang) or PLURAL_RULES.get(lang.split("-", 1)[0].lower())
    return rule(abs(n)) if rule is not None else "other"


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

    def count(self, key: str, n: int) -> str:
        """The plural entry ``key`` for ``n`` ("1 statement", "12 statements"), the number written with
        thousands separated as every number of the sheet is."""
        forms = catalogue()[self.lang]["plurals"][key]
        form = forms.get(plural_category(self.lang, n)) or forms["other"]
        return form.format(n=f"{n:,}")

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


def shown_counts(labels: SheetLabels, sel: StatementSelection) -> str:
    """What every format says of the selection: "Shown: 100 of 1,234 statements by 56 speakers …", in the
    sheet's language; past the count's limit, "more than" and "at least" (the counts are lower bounds)."""

    def bounded(text: str, bound: str) -> str:
        return text if sel.counted_all else labels(bound, amount=text)

    # Past the count's limit, `matching` is the limit plus one: more than the limit match.
    matching = sel.matching - (0 if sel.counted_all else 1)
    return labels(
        "shown",
        shown=f"{sel.shown:,}",
        statements=bounded(labels.count("statements", matching), "more_than"),
        speakers=bounded(labels.count("speakers", sel.speakers), "at_least"),
        officials=bounded(f"{sel.by_officials:,}", "at_least"),
    )
