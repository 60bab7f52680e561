"""Text normalisation used for lookup and search, in Arabic and Latin script."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# The rules follow Lucene's ArabicNormalizer, plus case and accent folding for Latin script. NFKD splits
# hamza-carrying alefs (أ إ آ) into a bare alef and a combining mark, so dropping combining marks (category Mn)
# removes Arabic harakat and Latin accents in one pass.
_ARABIC_MAP = {
    "\u0640": "",  # tatweel
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0649": "\u064a",  # alef maksura -> yeh
    "\u0629": "\u0647",  # teh marbuta -> heh
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic digits
}
_ARABIC_FOLDED = frozenset(_ARABIC_MAP)


_MET: set[str] = set()
"""Every character met so far, and among them the combining marks (Mn): each looked up once."""
_MARKS: set[str] = set()


def _marks_among(chars: set[str]) -> set[str]:
    for char in chars - _MET:
        if unicodedata.category(char) == "Mn":
            _MARKS.add(char)
        _MET.add(char)  # after: a thread that finds it met finds it among the marks if it is one
    return chars & _MARKS


_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def _folded(text: str) -> str:
    """`normalise` before its spaces are collapsed.

    str.translate looks every character of a non-ASCII text up in its table, one by one; a quote holds only
    a few distinct characters, so each one to drop or replace is found in the set of them (set operations, in
    C) and replaced with str.replace, in C too. No replacement makes a character another one replaces (the Arabic map's results are
    not among its sources), so one after another they do what one translation would.
    """
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    present = set(decomposed)
    for char in _marks_among(present):
        decomposed = decomposed.replace(char, "")
    folded = unicodedata.normalize("NFC", decomposed)
    # The Arabic map's sources have no decomposition and are no marks: present after NFC as before it.
    for char in present & _ARABIC_FOLDED:
        folded = folded.replace(char, _ARABIC_MAP[char])
    return folded.casefold()


def normalise(text: str) -> str:
    """Fold a name or text so that spellings differing only in diacritics, alef forms, case or accents match."""
    # str.split() splits at runs of exactly the characters the regular expression \s matches, and drops them
    # at either end.
    return " ".join(_folded(text).split())


def normalise_for_search(text: str) -> str:
    """Like `normalise`, with punctuation turned to spaces, so a phrase matches whatever quotes surround it."""
    return " ".join(_PUNCTUATION.sub(" ", _folded(text)).split())


def quote_key(text: str) -> str:
    """A short fingerprint of a quote's normalised words, used to find duplicate statements."""
    return quote_key_of_norm(normalise_for_search(text))


def quote_key_of_norm(norm: str) -> str:
    """``quote_key`` of a quote whose ``normalise_for_search`` form is ``norm`` (saves normalising twice)."""
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def sha256_text(text: str) -> str:
    """The SHA-256 of a text as UTF-8: the identity of a stored source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
