"""Numbers as news text writes them (١٧, 17, "17 ألف", "نحو 4 آلاف", عشرة, "17,000"), and force figures.

A force figure is a count of troops with its unit as written, whether the text hedges it (نحو, about), and
what the force is kept for (permanent alert, peacekeeping) when the same clause says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from csto_kb.extraction.script import AFTER_WORD, BEFORE_WORD, alternation, arabic_word, fold_arabic

_DIGITS = str.maketrans(
    {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
)

# Number words: Arabic counted nouns take both genders of the numeral (خمس/خمسة), so both are listed.
ARABIC_NUMBER_WORDS: dict[str, int] = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40,
    "خمسين": 50, "خمسون": 50, "مئة": 100, "مائة": 100, "مئات": 100,
}  # fmt: skip
ENGLISH_NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "dozen": 12, "a dozen": 12, "a hundred": 100,
}  # fmt: skip
_MULTIPLIERS_AR = {
    "ألف": 1000,
    "آلاف": 1000,
    "ألفا": 1000,
    "ألفًا": 1000,
    "مليون": 1_000_000,
    "ملايين": 1_000_000,
}
_MULTIPLIERS_EN = {"thousand": 1000, "million": 1_000_000}

_FOLDED_AR_WORDS = {fold_arabic(w): v for w, v in ARABIC_NUMBER_WORDS.items()}
_FOLDED_AR_MULT = {fold_arabic(w): v for w, v in _MULTIPLIERS_AR.items()}

APPROX_AR = [
    "نحو",
    "حوالي",
    "حوالى",
    "قرابة",
    "زهاء",
    "ما يقارب",
    "ما يقرب من",
    "أكثر من",
    "أقل من",
    "أزيد من",
]
APPROX_EN = ["about", "around", "some", "nearly", "almost", "approximately", "roughly", "more than", "over",
             "up to", "an estimated", "at least"]  # fmt: skip

DIGITS = r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[,.٬][0-9\u0660-\u0669\u06f0-\u06f9]{3})*"
ARABIC_NUMBER = (
    rf"(?:{DIGITS}|{BEFORE_WORD}[بل]?(?:{alternation(ARABIC_NUMBER_WORDS, arabic=True)}){AFTER_WORD})"
    rf"(?:\s+(?:{alternation(_MULTIPLIERS_AR, arabic=True)}){AFTER_WORD})?"
)
ENGLISH_NUMBER = (
    rf"(?:{DIGITS}|\b(?:{alternation(ENGLISH_NUMBER_WORDS, arabic=False)})\b)"
    rf"(?:\s+(?:{alternation(_MULTIPLIERS_EN, arabic=False)})\b)?"
)


def parse_number(text: str) -> int | None:
    """The value of a number as written: digits of either script, number words, and ألف/thousand multipliers."""
    words = text.translate(_DIGITS).split()
    if not words:
        return None
    value: int | None = None
    for word in words:
        plain = word.replace(",", "").replace("٬", "")
        folded = fold_arabic(word.lower())
        if plain.isdigit():
            value = int(plain)
        elif folded in _FOLDED_AR_MULT or folded in _MULTIPLIERS_EN:
            value = (value or 1) * (_FOLDED_AR_MULT.get(folded) or _MULTIPLIERS_EN[folded])
        elif folded in _FOLDED_AR_WORDS:
            value = _FOLDED_AR_WORDS[folded]
        elif folded[:1] in "بل" and folded[1:] in _FOLDED_AR_WORDS:
            value = _FOLDED_AR_WORDS[folded[1:]]  # بخمسة, لعشرة: a preposition attached to the numeral
        elif folded in ENGLISH_NUMBER_WORDS:
            value = ENGLISH_NUMBER_WORDS[folded]
        elif folded in ("a", "an"):
            continue
        else:
            return None
    return value


Readiness = Literal["permanent_alert", "peacekeeping", "other"]


@dataclass(frozen=True)
class ForceFigure:
    """A troop count found in the body: [start, end) covers the figure with its unit and readiness."""

    start: int
    end: int
    count: int
    approximate: bool
    unit: str
    readiness: Readiness


_UNITS_AR = ["جندي", "جنود", "عسكري", "عسكريين", "عنصر", "فرد", "مقاتل", "مقاتلين"]
_UNITS_EN = ["troops", "soldiers", "servicemen", "service members", "military personnel", "personnel",
             "peacekeepers", "fighters"]  # fmt: skip

# The figure is matched from its number; a hedge before it (نحو, about) is checked separately, since an
# optional leading alternation would be tried at every position of the text.
_FORCE_AR = re.compile(
    rf"(?P<number>{ARABIC_NUMBER})\s+"
    rf"(?P<unit>(?:{alternation(_UNITS_AR, arabic=True)})){AFTER_WORD}"
    rf"(?P<after>\s+{arabic_word('تقريبا')}|\s+{arabic_word('تقريباً')})?"
)
_FORCE_EN = re.compile(
    rf"(?P<number>{ENGLISH_NUMBER})\s+(?:[A-Za-z-]+\s+)?(?P<unit>{alternation(_UNITS_EN, arabic=False)})\b",
    re.IGNORECASE,
)
_APPROX_BEFORE_AR = re.compile(rf"(?:^|\s)(?:{alternation(APPROX_AR, arabic=True)})\s+$")
_APPROX_BEFORE_EN = re.compile(rf"\b(?:{alternation(APPROX_EN, arabic=False)})\s+$", re.IGNORECASE)
_PERMANENT = re.compile(
    rf"{arabic_word('تأهب دائم')}|{arabic_word('الجاهزية الدائمة')}|{arabic_word('جاهزية دائمة')}|permanent (?:alert|readiness)|constant (?:alert|readiness)",
    re.IGNORECASE,
)
_PEACEKEEPING = re.compile(
    rf"{arabic_word('حفظ سلام')}|{arabic_word('حفظ السلام')}|peace-?keep", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[،,.;؛\n]")


def find_force_figures(body: str, *, lang: str) -> list[ForceFigure]:
    """Troop counts with their unit; readiness read from the clause that holds the figure."""
    pattern = _FORCE_AR if lang == "ar" else _FORCE_EN
    approx_before = _APPROX_BEFORE_AR if lang == "ar" else _APPROX_BEFORE_EN
    figures: list[ForceFigure] = []
    for match in pattern.finditer(body):
        count = parse_number(match.group("number"))
        if not count:
            continue
        # The readiness qualifier follows the unit in the same clause ("… جندي في حالة تأهب دائم") or precedes
        # the figure in the same clause ("قوة حفظ سلام متخصصة قوامها نحو 4 آلاف جندي").
        clause_end = _CLAUSE_END.search(body, match.end())
        after_end = clause_end.start() if clause_end else len(body)
        before_start = max(body.rfind(c, 0, match.start()) for c in "،,.;؛\n") + 1
        if figures:
            before_start = max(before_start, figures[-1].end)  # a qualifier belongs to one figure only
        end = match.end()
        readiness: Readiness = "other"
        if hit := _PERMANENT.search(body, match.end(), after_end):
            readiness, end = "permanent_alert", hit.end()
        elif hit := _PEACEKEEPING.search(body, match.end(), after_end):
            readiness, end = "peacekeeping", hit.end()
        elif _PERMANENT.search(body, before_start, match.start()):
            readiness = "permanent_alert"
        elif _PEACEKEEPING.search(body, before_start, match.start()) or _PEACEKEEPING.search(
            match.group("unit")
        ):
            readiness = "peacekeeping"  # "قوة حفظ سلام … قوامها", or the unit itself ("peacekeepers")
        hedge = approx_before.search(body, max(0, match.start() - 20), match.start())
        start = (
            match.start() if hedge is None else hedge.start() + (1 if body[hedge.start()].isspace() else 0)
        )
        approximate = hedge is not None or bool(match.groupdict().get("after"))
        figures.append(ForceFigure(start, end, count, approximate, match.group("unit"), readiness))
    return figures
