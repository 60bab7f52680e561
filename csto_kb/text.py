"""Text normalisation used for lookup and search, in Arabic and Latin script."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# The rules follow Lucene's ArabicNormalizer, plus case and accent folding for Latin script. NFKD splits
# hamza-carrying alefs (أ إ آ) into a bare alef and a combining mark, so dropping combining marks (category Mn)
# removes Arabic harakat and Latin accents in one pass.
_ARABIC_MAP = str.maketrans(
    {
        "\u0640": None,  # tatweel
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u0629": "\u0647",  # teh marbuta -> heh
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic digits
    }
)


class _CombiningMarks(dict[int, int | None]):
    """A str.translate table that drops combining marks (Mn) and keeps every other character.

    Filled as characters are met: the first sight of a character costs a category lookup, every later one
    a dictionary hit inside str.translate's C loop, several times faster than testing each character of a
    long quote in Python.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) == "Mn" else code
        self[code] = kept
        return kept


_MARKS = _CombiningMarks()
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold a name or text so that spellings differing only in diacritics, alef forms, case or accents match."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    stripped = decomposed.translate(_MARKS)
    folded = unicodedata.normalize("NFC", stripped).translate(_ARABIC_MAP).casefold()
    return _SPACES.sub(" ", folded).strip()


def normalise_for_search(text: str) -> str:
    """Like `normalise`, with punctuation turned to spaces, so a phrase matches whatever quotes surround it."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", normalise(text))).strip()


def quote_key(text: str) -> str:
    """A short fingerprint of a quote's normalised words, used to find duplicate statements."""
    return quote_key_of_norm(normalise_for_search(text))


def quote_key_of_norm(norm: str) -> str:
    """``quote_key`` of a quote whose ``normalise_for_search`` form is ``norm`` (saves normalising twice)."""
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def sha256_text(text: str) -> str:
    """The SHA-256 of a text as UTF-8: the identity of a stored source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
