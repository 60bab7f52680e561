"""Known entities by alias: resolves a speaker mention to an entity key, whole words only.

Arabic attaches conjunctions, prepositions and the article to the word they govern (وباشينيان, لوزارة,
للناتو), so a mention word matches an alias word when it equals it after dropping such prefixes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from csto_kb.extraction.script import words_with_offsets
from csto_kb.text import normalise_for_search

# Longest first: وبال before و, لل before ل. A stripped form must keep at least three letters, so short
# names that merely start with one of these letters (بوتين keeps بوتين as a form too) still match.
_PREFIXES = (
    "وبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
)


def word_forms(word: str) -> set[str]:
    """A normalised word and the forms left after stripping attached particles."""
    forms = {word}
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            forms.add(word[len(prefix) :])
    # "لل" absorbs the article's alef: للناتو is ل + الناتو.
    if word.startswith("لل") and len(word) >= 5:
        forms.add("ال" + word[2:])
    return forms


# Articles repeat their words; caching the per-word folding keeps lookups cheap.
@functools.lru_cache(maxsize=65536)
def _normalised(word: str) -> str:
    return normalise_for_search(word)


@functools.lru_cache(maxsize=65536)
def _forms(word: str) -> frozenset[str]:
    return frozenset(word_forms(word))


_VOCABULARY_LIMIT = 200_000
"""Words remembered per gazetteer before the memory starts afresh (a few tens of MB at most)."""


@dataclass(frozen=True)
class Entity:
    """A known entity: its key, display name, kind (country, alliance, person …, '' if not given) and
    description (for a person, the office held: "Prime Minister of Armenia")."""

    key: str
    name: str
    kind: str = ""
    description: str = ""


@dataclass(frozen=True)
class AliasMatch:
    """An alias found in a text: the entity, and the character span of the words that matched."""

    entity: Entity
    start: int
    end: int


class Gazetteer:
    """Entities with their aliases, looked up by normalised whole words."""

    def __init__(
        self,
        entries: Iterable[tuple[str, str, Iterable[str]]],
        *,
        kinds: Mapping[str, str] | None = None,
        descriptions: Mapping[str, str] | None = None,
    ) -> None:
        # alias words (each reduced to its bare form) keyed by the first word, longest alias first
        self._by_first: dict[str, list[tuple[tuple[str, ...], Entity]]] = {}
        kinds = kinds or {}
        descriptions = descriptions or {}
        for key, display_name, aliases in entries:
            entity = Entity(key, display_name, kinds.get(key, ""), descriptions.get(key, ""))
            for alias in {display_name, *aliases}:
                words = tuple(normalise_for_search(alias).split())
                if words:
                    self._by_first.setdefault(words[0], []).append((words, entity))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: len(c[0]), reverse=True)
        self._starting: dict[str, tuple[tuple[tuple[str, ...], Entity], ...]] = {}

    @classmethod
    def from_entities_yaml(cls, path: Path) -> Gazetteer:
        """Build from a seeds/entities.yaml file: the first name listed is the display name."""
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entities = data["entities"]
        return cls(
            ((e["key"], e["names"][0]["name"], [n["name"] for n in e["names"]]) for e in entities),
            kinds={e["key"]: str(e.get("kind") or "") for e in entities},
            descriptions={e["key"]: str(e.get("description") or "") for e in entities},
        )

    def find_all(self, text: str, base: int = 0) -> list[AliasMatch]:
        """Non-overlapping alias occurrences in ``text``, longest first at each position."""
        words = words_with_offsets(text, base)
        found: list[AliasMatch] = []
        i = 0
        while i < len(words):
            candidates = self._aliases_from(words[i][0])
            if not candidates:
                i += 1  # most words begin no alias: one dictionary lookup per word
                continue
            best: tuple[int, Entity] | None = None
            for alias_words, entity in candidates:
                n = len(alias_words)
                if best is not None and n <= best[0]:
                    break
                # the first word may carry particles; an alias's inner words must match exactly
                if i + n <= len(words) and all(
                    alias_words[k] == _normalised(words[i + k][0]) for k in range(1, n)
                ):
                    best = (n, entity)
            if best is not None:
                n, entity = best
                found.append(AliasMatch(entity, words[i][1], words[i + n - 1][2]))
                i += n
            else:
                i += 1
        return found

    def _aliases_from(self, word: str) -> tuple[tuple[tuple[str, ...], Entity], ...]:
        """The aliases a word as written can begin (through any of its forms), longest first. Kept per word
        for the gazetteer's life, as a vocabulary: news repeats its words, and the aliases do not change."""
        cached = self._starting.get(word)
        if cached is None:
            forms = _forms(_normalised(word))
            cached = tuple(
                sorted(
                    (c for form in forms for c in self._by_first.get(form, ())),
                    key=lambda c: len(c[0]),
                    reverse=True,
                )
            )
            if len(self._starting) >= _VOCABULARY_LIMIT:
                self._starting.clear()
            self._starting[word] = cached
        return cached

    def lookup(self, mention: str) -> Entity | None:
        """The entity a whole mention names, or the one named by its longest alias inside it."""
        matches = self.find_all(mention)
        if not matches:
            return None
        return max(matches, key=lambda m: m.end - m.start).entity
