"""Titles resolved to the person an article names with them: "الرئيس الروسي" is بوتين when the article
calls him "الرئيس بوتين" before or after; "the head of state" is the president it has named.

Small and explainable: a title is its head noun ("رئيس", "president", with "leader" words taken as one
head) and its qualifiers ("الروسي", "Belarusian", "للحلف"); a named person is a candidate when the heads
agree and no qualifier contradicts; the best candidate shares a qualifier, ties go to the nearest mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from csto_kb.extraction.script import fold_arabic

# Heads that name the same office loosely: a president is "the leader" and "the head of state".
_LEADER = "leader"
_HEAD_SYNONYMS = {
    "رئيس": _LEADER, "زعيم": _LEADER, "قائد": _LEADER, "president": _LEADER, "leader": _LEADER,
    "head": _LEADER, "premier": "prime", "وزراء": "prime",
}  # fmt: skip
_FUNCTION_WORDS = {
    "the", "of", "and", "for", "state", "al", "في", "من", "عن", "على", "العام", "عام", "general",
    "دولة", "الدولة", "mr", "mr.", "ms", "ms.",
}  # fmt: skip
_MINISTER_WORDS = {"وزير", "minister", "وزيرة"}


def _word_stem(word: str) -> str:
    """A comparable stem: folded, without the article or a nisba ending (البيلاروسي → بيلاروس)."""
    w = fold_arabic(word).casefold().strip('،,.()"“”«»')
    for prefix in ("لل", "ال", "ل"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 3:
            w = w[len(prefix) :]
            break
    for suffix in ("يه", "ي", "ian", "ish", "ese", "an", "n", "’s", "'s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    return w[:4]


@dataclass(frozen=True)
class Title:
    head: str
    qualifiers: frozenset[str]


def read_title(role: str) -> Title | None:
    """The head and qualifiers of a title as written, or None when it has no known head."""
    words = [w for w in role.replace("-", " ").split() if fold_arabic(w).casefold() not in _FUNCTION_WORDS]
    if not words:
        return None
    heads = [_head(w) for w in words]
    # "رئيس الوزراء" and "Prime Minister" are one office, not a president or a minister
    head = "prime" if "prime" in heads else next((h for h in heads if h), "")
    if not head:
        return None
    qualifiers = frozenset(
        _word_stem(w) for w, h in zip(words, heads, strict=True) if not h and _word_stem(w)
    )
    return Title(head, qualifiers)


def _head(word: str) -> str:
    folded = fold_arabic(word).casefold()
    for prefix in ("ال", "لل"):
        if folded.startswith(prefix) and len(folded) > 4:
            folded = folded[len(prefix) :]
    if folded in _HEAD_SYNONYMS:
        return _HEAD_SYNONYMS[folded]
    if folded in _MINISTER_WORDS:
        return "minister"
    if folded in {"secretary", "أمين", "امين", "spokesman", "spokeswoman", "spokesperson", "متحدث", "ناطق"}:
        return folded
    if folded in {"prime"}:
        return "prime"
    return ""


def compatible(title: Title, role: str, name: str) -> int:
    """How well a person named ``name`` with ``role`` fits ``title``: 0 not at all, 1 the head, 2 a qualifier too."""
    theirs = read_title(role) if role else None
    if theirs is None or theirs.head != title.head:
        return 0
    stems = theirs.qualifiers | {_word_stem(w) for w in name.split()}
    if title.qualifiers & stems:
        return 2
    # A qualifier of the title that the candidate's title contradicts ("الروسي" against "البيلاروسي").
    if title.qualifiers and theirs.qualifiers and not (title.qualifiers & theirs.qualifiers):
        return 0
    return 1
