"""Who speaks: mentions at a cue, and the article's running list of speakers they resolve to.

A later mention is usually shorter than the first one (a surname, a bare role, "the ministry", a pronoun
or no subject at all), so each mention is resolved against the speakers met so far: by shared name words,
by the same role, by an institution's head noun, or, for pronouns and dropped subjects, by recency and gender.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from csto_kb.extraction.coreference import compatible, read_title
from csto_kb.extraction.cues import Gender
from csto_kb.extraction.gazetteer import Gazetteer
from csto_kb.extraction.script import fold_arabic

Kind = Literal["person", "institution", "pronoun"]


@dataclass(frozen=True)
class Mention:
    """A speaker as written at one cue: the mention's span, its name and role parts, what kind it is."""

    text: str
    start: int
    end: int
    name: str
    role: str
    kind: Kind
    gender: Gender = "?"


@dataclass
class Speaker:
    name: str
    role: str
    kind: Kind
    gender: Gender
    key: str | None = None
    words: set[str] = field(default_factory=set)
    titled: bool = False  # known so far by a title alone ("الرئيس الروسي"), not by a name
    title: str = ""  # the title it was resolved from, once resolved to a named person


def _words(text: str) -> set[str]:
    return {w for w in fold_arabic(text).casefold().replace("’s", "").replace("'s", "").split() if len(w) > 1}


_FUNCTION_WORDS = {"the", "of", "and", "al", "ال"}


def head_noun(text: str) -> str:
    """The institution's head noun, folded: وزارة for الوزارة and لوزارة, ministry for "the Defense Ministry"."""
    words = [w for w in fold_arabic(text).casefold().split() if w not in _FUNCTION_WORDS]
    if not words:
        return ""
    first = words[0]
    for prefix in ("لل", "ال", "ل", "و"):
        if first.startswith(prefix) and len(first) - len(prefix) >= 3:
            first = first[len(prefix) :]
            break
    return first


_ENGLISH_HEADS = ("ministry", "office", "service", "government", "council", "committee", "organization",
                  "organisation", "agency", "department", "kremlin", "pentagon", "alliance", "bloc", "embassy")  # fmt: skip


def _english_head(text: str) -> str | None:
    lowered = text.casefold()
    for head in _ENGLISH_HEADS:
        if head in lowered.split() or lowered.endswith(head):
            return head
    return None


class SpeakerRegistry:
    """The speakers of one article, in order of last attribution."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer
        self.speakers: list[Speaker] = []
        self._recent: list[Speaker] = []  # most recent last

    def _touch(self, speaker: Speaker) -> Speaker:
        if speaker in self._recent:
            self._recent.remove(speaker)
        self._recent.append(speaker)
        return speaker

    def last(self, gender: Gender, kind: Kind | None = None) -> Speaker | None:
        """The most recent speaker of this gender (any gender for "?"), optionally of one kind."""
        for speaker in reversed(self._recent):
            if kind is not None and speaker.kind != kind:
                continue
            if gender in ("?", "p") or speaker.gender in ("?", gender):
                return speaker
        return None

    def note(self, speaker: Speaker) -> None:
        """Record that this speaker was just attributed something (for dropped subjects and pronouns)."""
        self._touch(speaker)

    def resolve(self, mention: Mention, gender: Gender) -> Speaker:
        """The speaker a mention refers to, creating one for a new name; updates recency."""
        if mention.kind == "pronoun":
            wanted: Gender = {"he": "m", "she": "f"}.get(mention.text.casefold(), "?")  # type: ignore[assignment]
            kind: Kind | None = "institution" if mention.text.casefold() in ("it", "they") else None
            found = self.last(wanted, kind) or self.last(wanted)
            if found is not None:
                if found.gender == "?" and wanted != "?":
                    found.gender = wanted
                return self._touch(found)
            unresolved = self._new(mention.text, "", "person", wanted)
            unresolved.titled = True  # a pronoun with no speaker before it: the article may name its referent
            return self._touch(unresolved)
        entity = None
        if self.gazetteer is not None:
            entity = self.gazetteer.lookup(mention.name or mention.text)
        if entity is not None:
            for speaker in self.speakers:
                if speaker.key == entity.key:
                    return self._update(speaker, mention, gender)
        if mention.name:
            words = _words(mention.name)
            for speaker in reversed(self.speakers):
                if speaker.kind == "person" and words and (words <= speaker.words or speaker.words <= words):
                    return self._update(speaker, mention, gender, entity.key if entity else None)
        elif mention.role:
            role = fold_arabic(mention.role).casefold()
            for speaker in reversed(self.speakers):
                theirs = fold_arabic(speaker.role).casefold()
                if theirs and (
                    theirs == role or (len(role.split()) > 1 and (role in theirs or theirs in role))
                ):
                    return self._update(speaker, mention, gender)
            # "الزعيم البيلاروسي" after "رئيس بيلاروس ألكسندر لوكاشينكو": same office, same country
            title = read_title(mention.role)
            if title is not None and title.qualifiers:
                for speaker in reversed(self._recent):
                    strong = compatible(title, speaker.role, speaker.name) == 2
                    if strong and speaker.kind == "person" and not speaker.titled:
                        return self._update(speaker, mention, gender)
        if mention.kind == "institution":
            head = head_noun(mention.text) if not _english_head(mention.text) else _english_head(mention.text)
            definite_only = len(_words(mention.text) - {"the"}) <= 1 or mention.text.casefold().startswith(
                ("the ministry", "the press service", "the office", "the government", "the department")
            )
            for speaker in reversed(self._recent):
                if speaker.kind != "institution":
                    continue
                theirs = _english_head(speaker.name) or head_noun(speaker.name)
                if head and theirs == head and (definite_only or _words(mention.text) <= speaker.words):
                    return self._update(speaker, mention, gender)
        name = mention.name or mention.text
        speaker = self._new(name, mention.role, mention.kind, gender if gender != "p" else "?")
        speaker.key = entity.key if entity else None
        speaker.titled = mention.kind == "person" and not mention.name and entity is None
        return self._touch(speaker)

    def _new(self, name: str, role: str, kind: Kind, gender: Gender) -> Speaker:
        if kind == "institution" and name[:4].casefold() == "the ":
            name = name[4:]  # "the Defense Ministry of Kazakhstan" is named "Defense Ministry of Kazakhstan"
        speaker = Speaker(name, role, kind if kind != "pronoun" else "person", gender, None, _words(name))
        self.speakers.append(speaker)
        return speaker

    def _update(self, speaker: Speaker, mention: Mention, gender: Gender, key: str | None = None) -> Speaker:
        if speaker.titled and mention.name:
            speaker.title, speaker.titled = speaker.name, False
            speaker.name, speaker.words = mention.name, _words(mention.name)
        if mention.name and len(_words(mention.name)) > len(speaker.words) and speaker.kind == "person":
            speaker.name = mention.name
            speaker.words = _words(mention.name)
        if mention.role and not speaker.role:
            speaker.role = mention.role
        if speaker.gender == "?" and gender in ("m", "f"):
            speaker.gender = gender
        if key and not speaker.key:
            speaker.key = key
        return self._touch(speaker)
