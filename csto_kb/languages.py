"""Which of a thing's texts a reader sees: the one rule for names, titles and translations in any language.

A name, a title or a quote may be held in many languages, one of them the original (the language the
source wrote it in). A reader asks for a language; they are shown the text in that language, else the
English one, else the original, and the original beside it whenever what they are shown is not the
original itself. Every renderer that picks a text in a language goes through `read`, so the fact sheet,
`who-said` and the exports agree, and adding a language touches data, not code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

ENGLISH = "en"
"""The language read when the requested one is missing."""

# Languages written right to left (ISO 639 primary subtags), and the right-to-left scripts (ISO 15924).
_RTL_LANGUAGES = frozenset(
    {
        "ar",
        "arc",
        "ckb",
        "dv",
        "fa",
        "ha-Arab",
        "he",
        "iw",
        "ks",
        "ku-Arab",
        "pnb",
        "ps",
        "sd",
        "syr",
        "ug",
        "ur",
        "yi",
    }
)
_RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"})
_LTR_SCRIPTS = frozenset({"Latn", "Cyrl", "Grek", "Armn", "Geor"})
# Hebrew, Arabic, Syriac, Thaana, NKo … and the Arabic presentation forms.
RIGHT_TO_LEFT_TEXT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


@dataclass(frozen=True, slots=True)
class LangText:
    """One text in one language; ``original`` when it is the text as the source wrote it."""

    lang: str
    text: str
    original: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """What a reader is shown: ``shown``, and ``original`` beside it when ``shown`` is a translation.

    ``other`` is, when ``shown`` is the original itself, the first text held in another language: a name or
    a title is written with it beside (``Collective Security Treaty Organization · منظمة معاهدة الأمن
    الجماعي``), so a reader can match it to sources in that script; a quote is not."""

    shown: LangText
    original: LangText | None
    other: LangText | None = None

    @property
    def is_translation(self) -> bool:
        return self.original is not None

    @property
    def beside(self) -> LangText | None:
        """What a name or a title shows beside ``shown``: the original, else the text in another language."""
        return self.original or self.other


def _primary(lang: str) -> str:
    return lang.split("-", 1)[0].lower()


def _matches(lang: str, wanted: str) -> bool:
    """``ru`` reads ``ru`` and ``ru-RU``; ``ar-SA`` reads ``ar-SA``, then ``ar``."""
    return lang == wanted or _primary(lang) == _primary(wanted)


def same_language(lang: str, wanted: str) -> bool:
    """Whether a text in ``lang`` reads as ``wanted``: the same tag, or a tag of the same language."""
    return _matches(lang, wanted)


def read(texts: Iterable[LangText], lang: str) -> Reading | None:
    """The text a reader of ``lang`` sees, with the original beside it; None when there is no text at all.

    The requested language first (the exact tag, then any tag of the same language), then English, then
    the original (the first text when none is marked original)."""
    held = list(texts)
    if not held:
        return None
    original = next((t for t in held if t.original), held[0])
    shown = (
        next((t for t in held if t.lang == lang), None)
        or next((t for t in held if _matches(t.lang, lang)), None)
        or next((t for t in held if t.lang == ENGLISH), None)
        or next((t for t in held if _matches(t.lang, ENGLISH)), None)
        or original
    )
    if shown != original:
        return Reading(shown, original)
    return Reading(shown, None, next((t for t in held if t.lang != shown.lang), None))


def read_name(names: Iterable[LangText], lang: str, key: str) -> Reading:
    """An entity's name for a reader of ``lang``: `read` over its names, primary names first (``original``
    marks a primary name, and the first primary one counts as the original); the key stands in for an
    entity with no name."""
    held = sorted(names, key=lambda n: not n.original)
    reading = read(held, lang)
    return reading if reading is not None else Reading(LangText(ENGLISH, key, True), None)


class TextRow(Protocol):
    """A stored text row: a title, a name (``is_original`` then means primary)."""

    @property
    def lang(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def is_original(self) -> bool: ...


def texts_of(rows: Iterable[TextRow]) -> list[LangText]:
    """Stored title rows (the model's or an output schema's) as LangTexts."""
    return [LangText(r.lang, r.text, r.is_original) for r in rows]


def read_rows(rows: Iterable[TextRow], lang: str) -> Reading | None:
    """`read` over stored title rows."""
    return read(texts_of(rows), lang)


def shown_text(texts: Iterable[LangText], lang: str) -> str | None:
    """Just the text a reader of ``lang`` sees (see `read`)."""
    reading = read(texts, lang)
    return reading.shown.text if reading is not None else None


def is_right_to_left(lang: str) -> bool:
    """Whether a language tag is written right to left: by its script subtag when it has one
    (``az-Arab``, ``ku-Latn``), else by its language."""
    parts = lang.split("-")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            script = part.title()
            if script in _RTL_SCRIPTS:
                return True
            if script in _LTR_SCRIPTS:
                return False
    return lang in _RTL_LANGUAGES or parts[0].lower() in _RTL_LANGUAGES


def direction(lang: str) -> str:
    """``rtl`` or ``ltr``, for an HTML ``dir`` attribute."""
    return "rtl" if is_right_to_left(lang) else "ltr"


def language_name(lang: str) -> str:
    """A language's English name for labels (``Names (Russian)``); the tag itself when it is not listed."""
    return _NAMES.get(lang) or _NAMES.get(_primary(lang)) or lang


_NAMES = {
    "ar": "Arabic",
    "en": "English",
    "ru": "Russian",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "fa": "Persian",
    "he": "Hebrew",
    "hy": "Armenian",
    "kk": "Kazakh",
    "ky": "Kyrgyz",
    "tg": "Tajik",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "tr": "Turkish",
    "zh": "Chinese",
    "ur": "Urdu",
}
