"""The normaliser's fast form gives exactly what its first, translate-based form gave: stored quote_norm
values, alias keys and search needles made before and after it must keep matching."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from csto_kb.text import normalise, normalise_for_search

# The first form, kept here as the reference.
_REFERENCE_ARABIC_MAP = str.maketrans(
    {
        "\u0640": None,
        "\u0671": "\u0627",
        "\u0649": "\u064a",
        "\u0629": "\u0647",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def reference_normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    folded = unicodedata.normalize("NFC", stripped).translate(_REFERENCE_ARABIC_MAP).casefold()
    return _SPACES.sub(" ", folded).strip()


def reference_normalise_for_search(text: str) -> str:
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", reference_normalise(text))).strip()


# Arabic letters, harakat, tatweel, the folded letters and digits, Latin with accents, Hangul jamo (which
# NFC composes), punctuation, every kind of space, and anything else.
_ALPHABET = st.one_of(
    st.sampled_from(
        list("ابةىيهأإآٱـًٌٍَُِّْٰ٠١٢٩۰۹éeÉ\u0301\u0308ﬁẞßİ\u1100\u1161\u11a8“”«»\"'.,!?-_ \t\n\u00a0\u2028\u3000\x1c")
    ),
    st.characters(),
)
TEXTS = st.text(_ALPHABET, max_size=80)


@settings(max_examples=2000, deadline=None)
@given(TEXTS)
def test_normalise_gives_what_the_translate_based_form_gave(text: str) -> None:
    assert normalise(text) == reference_normalise(text)
    assert normalise_for_search(text) == reference_normalise_for_search(text)


def test_normalise_folds_arabic_forms_marks_case_and_spaces() -> None:
    assert normalise("  الْمُنَظَّمَةُ\u0640  ") == "المنظمه"
    assert normalise("Mitchell  A. BELFER") == "mitchell a. belfer"
    assert normalise_for_search("“إذا لزم الأمر”، ٢٠٢٢") == "اذا لزم الامر 2022"
    assert normalise("ى ٱ ۳") == "ي ا 3"
