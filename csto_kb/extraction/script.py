"""Regex building blocks that tolerate Arabic spelling variation, and the text's sentence and clause ends.

Every pattern here matches the body as written: offsets must point into the original text, so instead of
normalising the body (which would shift offsets when diacritics are dropped) the patterns themselves accept
harakat and tatweel after any letter and every spelling of alef, yeh and teh marbuta.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Harakat (fathatan … sukun), superscript alef and tatweel may follow any Arabic letter.
MARKS = "\u064b-\u0652\u0670\u0640"
_MARKS_OPT = f"[{MARKS}]*"

# A "word character" for boundaries: Python's \w does not include harakat, so a boundary test with \b would
# fire between a letter and its own vowel sign.
WORD_CHAR = rf"[\w{MARKS}]"
BEFORE_WORD = rf"(?<!{WORD_CHAR})"
AFTER_WORD = rf"(?!{WORD_CHAR})"

_LETTER_CLASSES = {
    "ا": "[اأإآٱ]",
    "أ": "[اأإآٱ]",
    "إ": "[اأإآٱ]",
    "آ": "[اأإآٱ]",
    "ي": "[يى]",
    "ى": "[يى]",
    "ة": "[ةه]",
    "ه": "[ةه]",
}

# Attached particles that may precede an Arabic word: conjunctions و/ف, prepositions ب/ل/ك, and the article.
ARABIC_PREFIX = "(?:[وف]?(?:[بلك]|لل|ال|بال|كال)?)"


def arabic_word(word: str) -> str:
    """A regex body matching ``word`` with any diacritics and any alef/yeh/teh-marbuta spelling."""
    parts: list[str] = []
    for char in word:
        if char == " ":
            parts.append(r"\s+")
            continue
        parts.append(_LETTER_CLASSES.get(char, re.escape(char)) + _MARKS_OPT)
    return "".join(parts)


def alternation(words: Iterable[str], *, arabic: bool) -> str:
    """An alternation of words, longest first so that ``أضافت`` is preferred over ``أضاف``."""
    unique = sorted(set(words), key=len, reverse=True)
    if arabic:
        return "|".join(arabic_word(w) for w in unique)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff]")
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
        **{chr(c): None for c in range(0x064B, 0x0653)}, "\u0670": None, "\u0640": None,
    }
)  # fmt: skip


def fold_arabic(text: str) -> str:
    """Drop diacritics and unify alef, yeh and teh marbuta: for comparing words, never for offsets."""
    return text.translate(_ARABIC_FOLD)


# Sentence ends: a full stop, question or exclamation mark followed by space or end, or a line break.
SENTENCE_END = re.compile(r"[.!?؟](?=\s|$|[\"”»’])|\n")
WORD = re.compile(rf"{WORD_CHAR}+(?:[-'’]{WORD_CHAR}+)*")


def words_with_offsets(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their offsets (shifted by ``base``)."""
    return [(m.group(), m.start() + base, m.end() + base) for m in WORD.finditer(text)]


def paragraph_bounds(body: str, position: int) -> tuple[int, int]:
    """Start and end of the line (paragraph) holding ``position``."""
    start = body.rfind("\n", 0, position) + 1
    end = body.find("\n", position)
    return start, len(body) if end < 0 else end


def trim_span(body: str, start: int, end: int, strip: str = " \t\n،,.:;") -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace and the given punctuation."""
    while start < end and body[start] in strip:
        start += 1
    while end > start and body[end - 1] in strip:
        end -= 1
    return start, end
