"""Language tags: well-formed BCP 47 (RFC 5646), in its canonical letter case, at most 8 characters.

One validator for every place a language is read (command-line options, YAML and front matter, JSON Lines), so
`ar-sa` and `ar-SA` are one language everywhere and `english`, `en_US` or an empty value are refused. Well-formed
is checked, not registered: `zz` passes, as the IANA registry is not shipped.
"""

from __future__ import annotations

import re

MAX_LENGTH = 8
"""The size of every lang column in the model."""

# RFC 5646 section 2.1, without the grandfathered tags and with the primary language limited to ISO 639's two or
# three letters: the 4-letter (reserved) and 5-8-letter (registered) forms would let `english` through.
_TAG = re.compile(
    r"""
    [a-z]{2,3}(?:-[a-z]{3}){0,3}              # language, extended language subtags
    (?:-[a-z]{4})?                            # script
    (?:-(?:[a-z]{2}|[0-9]{3}))?               # region
    (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*  # variants
    (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*       # extensions
    (?:-x(?:-[a-z0-9]{1,8})+)?                # private use
    """,
    re.ASCII | re.IGNORECASE | re.VERBOSE,
)

EXPECTED = "a BCP 47 language tag such as ar, en or ar-SA"


def canonical_lang(value: str) -> str:
    """``value`` as a canonical tag (``EN`` → ``en``, ``ar-sa`` → ``ar-SA``, ``sr-latn`` → ``sr-Latn``);
    ValueError saying what is expected otherwise. Surrounding spaces are ignored."""
    tag = value.strip()
    if not _TAG.fullmatch(tag):
        raise ValueError(f"expected {EXPECTED}, got {value!r}")
    if len(tag) > MAX_LENGTH:
        raise ValueError(f"expected {EXPECTED} of at most {MAX_LENGTH} characters, got {value!r}")
    out: list[str] = []
    singleton = False  # from the first singleton (an extension or x-) on, every subtag stays lowercase
    for n, part in enumerate(tag.lower().split("-")):
        singleton = singleton or (n > 0 and len(part) == 1)
        if n > 0 and not singleton and len(part) == 4 and part.isalpha():
            part = part.title()  # script
        elif n > 0 and not singleton and len(part) == 2:
            part = part.upper()  # region
        out.append(part)
    return "-".join(out)
