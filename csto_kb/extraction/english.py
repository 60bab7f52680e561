"""English rules: the speaker phrase before a cue ("Prime Minister Nikol Pashinyan again said"), after it
("…," said Pashinyan), and what opens reported content ("that", a colon, a quotation mark).

English marks names with capitals, so a speaker phrase is read as a run of capitalised words, role and
institution nouns, "of", "the" and possessives; the capitalised words after the last title word are the name.
"""

from __future__ import annotations

import re

from csto_kb.extraction.speakers import Mention

OPENER = re.compile(r"\bthat\b|(?P<colon>:)|(?P<quote>[“«\"])")
OBJECT_OPENER = re.compile(r"\b(?:for|over)\b")
# "head of state" is one title word, so that "state" alone ("Russian state media") stays no role.
_TOKEN = re.compile(r"[Hh]ead of [Ss]tate\b|[A-Za-z\u00C0-\u024F][\w’'.\-]*|[,—–()“”\"«»;:]")

PRONOUNS = {"he", "she", "it", "they"}
_DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
               "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
               "week", "month", "year"}  # fmt: skip
# Words that may stand between a speaker and the cue: adverbs and auxiliaries.
_SKIPPABLE = {"also", "again", "further", "has", "have", "had", "later", "previously", "then", "reportedly",
              "repeatedly", "earlier", "once", "would", "will", "recently", "publicly", "separately", "however",
              "even", "now", "already", "too"}  # fmt: skip
ROLE_WORDS = {"prime", "minister", "president", "secretary", "general", "foreign", "defense", "defence",
              "spokesman", "spokeswoman", "spokesperson", "ambassador", "chairman", "chairwoman", "head", "director",
              "deputy", "chief", "commander", "analyst", "expert", "professor", "senator", "gen.", "col.", "dr.",
              "mr.", "ms.", "mrs.", "chancellor", "king", "queen", "envoy", "representative", "official", "leader",
              "officials", "leaders", "lawmaker", "mp", "premier", "researcher", "fellow", "adviser", "advisor",
              "aide", "aides", "colonel", "lieutenant", "major", "head of state", "senior", "former", "top"}  # fmt: skip
INSTITUTION_WORDS = {"ministry", "office", "service", "government", "council", "committee", "organization",
                     "organisation", "agency", "department", "kremlin", "pentagon", "alliance", "bloc", "embassy",
                     "army", "military", "press", "parliament", "assembly", "commission", "union", "nato", "csto",
                     "sources", "source", "news", "authorities"}  # fmt: skip
_STRONG_INSTITUTION = {"ministry", "office", "service", "government", "council", "committee", "agency",
                       "department", "kremlin", "pentagon", "embassy", "parliament", "commission"}  # fmt: skip
# Lower-case particles inside a name ("Ursula von der Leyen", "Mohammed bin Salman", "Ahmed al-Sharaa").
NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "da",
    "di",
    "du",
    "la",
    "le",
    "bin",
    "ibn",
    "al",
    "el",
    "abu",
}
_LOWER_NP = ROLE_WORDS | INSTITUTION_WORDS | NAME_PARTICLES | {"of", "the", "for", "and"}
# News outlets report speech; they are its speaker only when nobody else is named.
OUTLETS = {"reuters", "tass", "ria", "novosti", "interfax", "afp", "ap", "associated", "bloomberg", "xinhua",
           "anadolu", "sputnik", "bbc", "cnn", "media", "television", "tv", "newspaper", "outlet", "agency",
           "radio", "france24", "zvezda"}  # fmt: skip
# Surnames end in -ian too (Pashinian), so nationality adjectives are listed, not guessed from endings.
NATIONALITIES = {
    "russian", "american", "armenian", "azerbaijani", "azeri", "belarusian", "kazakh", "kyrgyz", "tajik", "uzbek",
    "turkmen", "ukrainian", "georgian", "moldovan", "chinese", "turkish", "iranian", "french", "german", "british",
    "italian", "spanish", "polish", "finnish", "swedish", "norwegian", "danish", "dutch", "belgian", "hungarian",
    "serbian", "czech", "austrian", "lithuanian", "latvian", "estonian", "israeli", "palestinian", "syrian",
    "iraqi", "egyptian", "saudi", "qatari", "emirati", "indian", "pakistani", "afghan", "japanese", "korean",
    "western", "soviet", "european", "african", "arab", "canadian", "brazilian", "nigerien", "malian", "sudanese",
}  # fmt: skip


def is_outlet(text: str) -> bool:
    return any(w.strip(".,").lower() in OUTLETS for w in text.split())


def _nisba_alone(tokens: list[tuple[str, int, int]]) -> bool:
    """A nationality adjective with nothing after it ("according to Russian state media") names nobody."""
    words = [t[0].lower() for t in tokens if t[0].lower() != "the"]
    return len(words) == 1 and words[0] in NATIONALITIES


def _is_capitalised(token: str) -> bool:
    # "al-Sisi" is a capitalised name behind its particle
    return token[:1].isupper() or (token[:3].lower() in ("al-", "el-") and token[3:4].isupper())


def _np_token(token: str) -> bool:
    bare = token.lower().removesuffix("’s").removesuffix("'s")
    return _is_capitalised(token) or bare in _LOWER_NP


def _tokens(body: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start() + start, m.end() + start) for m in _TOKEN.finditer(body[start:end])]


def _phrase(body: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """Read a run of noun-phrase tokens as a pronoun, an institution, or a role with or without a name."""
    while tokens and tokens[0][0].lower() in {"of", "and", "for"}:
        tokens = tokens[1:]
    if not tokens:
        return None
    start, end = tokens[0][1], tokens[-1][2]
    text = body[start:end]
    lowered = [t.lower().removesuffix("’s").removesuffix("'s") for t, _, _ in tokens]
    if len(tokens) == 1 and lowered[0] in PRONOUNS:
        return Mention(text, start, end, "", "", "pronoun")
    last_role = max((i for i, w in enumerate(lowered) if w in ROLE_WORDS), default=-1)
    has_institution = any(w in INSTITUTION_WORDS for w in lowered)
    named_after_role = last_role >= 0 and all(
        _is_capitalised(t[0]) and w not in INSTITUTION_WORDS
        for t, w in zip(tokens[last_role + 1 :], lowered[last_role + 1 :], strict=True)
    )
    if last_role + 1 == len(tokens):
        named_after_role = False
    # "Kremlin spokesman Dmitry Peskov" is a person; "the Kremlin press service" an institution
    if not named_after_role and (
        (last_role < 0 and has_institution) or any(w in _STRONG_INSTITUTION for w in lowered)
    ):
        return Mention(text, start, end, "", "", "institution")
    name_tokens = [
        t
        for t in tokens[last_role + 1 :]
        if (_is_capitalised(t[0]) or t[0].lower() in NAME_PARTICLES) and t[0].lower() != "the"
    ]
    while name_tokens and name_tokens[0][0].lower() in NAME_PARTICLES:
        name_tokens = name_tokens[1:]
    if _nisba_alone(tokens):
        return None
    role_tokens = tokens[: last_role + 1]
    while (
        role_tokens
        and role_tokens[0][0].lower() == "the"
        and len(role_tokens) > 1
        and role_tokens[1][0][0].isupper()
    ):
        role_tokens = role_tokens[1:]  # "the Armenian Prime Minister" → role "Armenian Prime Minister"
    role = body[role_tokens[0][1] : role_tokens[-1][2]] if role_tokens else ""
    if name_tokens and len(name_tokens) == len(tokens) - last_role - 1:
        name = body[name_tokens[0][1] : name_tokens[-1][2]]
        return Mention(name, name_tokens[0][1], name_tokens[-1][2], name, role, "person")
    if role:
        return Mention(text, start, end, "", role, "person")
    if all(_is_capitalised(t) for t, _, _ in tokens):
        return Mention(text, start, end, text, "", "person")
    return None


def subject_before(body: str, start: int, end: int) -> Mention | None:
    """The speaker phrase ending just before a cue at ``end``, within body[start:end]."""
    tokens = _tokens(body, start, end)
    while tokens:
        last = tokens[-1][0].lower()
        if last in _SKIPPABLE:
            tokens.pop()
        elif last in _DATE_WORDS and len(tokens) > 1 and tokens[-2][0].lower() in ("on", "last", "this"):
            del tokens[-2:]  # "Nikol Pashinian on Wednesday criticized"
        elif (
            last in ("yesterday", "today")
            or (last.isdigit() and len(tokens) > 2 and tokens[-2][0].lower() in _DATE_WORDS)
            or (
                last == ","
                and len(tokens) > 1
                and tokens[-2][0].lower() in _DATE_WORDS | {"yesterday", "today"}
            )
        ):
            tokens.pop()
        else:
            break
    apposition = bool(tokens) and tokens[-1][0] == ","
    if apposition:
        tokens.pop()  # "The bloc’s secretary general, Stanislav Zas, said"
    k = len(tokens)
    if k and tokens[k - 1][0].lower() in PRONOUNS:
        k -= 1
    else:
        while k > 0 and _np_token(tokens[k - 1][0]) and tokens[k - 1][0].lower() not in PRONOUNS:
            k -= 1
    phrase = tokens[k:]
    if phrase and phrase[0][0].lower() in PRONOUNS and len(phrase) > 1:
        phrase = phrase[1:]
    if not phrase:
        return None
    # A pronoun only counts when it sits right before the cue.
    if phrase[-1][0].lower() in PRONOUNS and len(phrase) == 1:
        return _phrase(body, phrase)
    mention = _phrase(body, [t for t in phrase if t[0].lower() not in PRONOUNS])
    if mention is None:
        return None
    if apposition and mention.name and not mention.role and k >= 2 and tokens[k - 1][0] == ",":
        j = k - 1
        while j > 0 and _np_token(tokens[j - 1][0]):
            j -= 1
        before = _phrase(body, tokens[j : k - 1])
        if before is not None and before.role:
            return Mention(mention.text, mention.start, mention.end, mention.name, before.role, "person")
    return mention


def subject_after(body: str, start: int, end: int) -> Mention | None:
    """The speaker phrase right after a cue ("…," said Pashinyan)."""
    tokens = _tokens(body, start, end)
    k = 0
    while k < len(tokens) and _np_token(tokens[k][0]) and k < 8:
        k += 1
    # a name particle ends no name: "Ursula von der Leyen"
    while k and tokens[k - 1][0].lower() in NAME_PARTICLES - {"al", "el"}:
        k -= 1
    if k == 0:
        return None
    return _phrase(body, tokens[:k])


# Where a title may begin in running text: "President Sadyr Japarov", "Prime Minister Nikol Pashinyan".
TITLE_START = re.compile(
    r"\b(?:[A-Z][a-z]+\s+)?(?:President|Prime\s+Minister|Minister|Secretary|Chancellor|Premier|Spokesman|"
    r"Spokeswoman|Ambassador|King|Leader|Chairman|Envoy)\s+[A-Z]"
)


def people_with_titles(body: str) -> list[Mention]:
    """Every person named with a title ("Belarusian President Aleksandr Lukashenko") in running text."""
    people = []
    for m in TITLE_START.finditer(body):
        mention = subject_after(body, m.start(), min(len(body), m.end() + 60))
        if mention is not None and mention.name and mention.role:
            people.append(mention)
    return people


_PREPOSITIONS = {"on", "in", "at", "during", "last", "this", "to", "after", "before", "with", "by", "from",
                 "earlier", "later", "yesterday", "today", "as", "while", "when", "through", "via", "a", "an"}  # fmt: skip


def thatless_start(body: str, start: int, end: int) -> int | None:
    """Where a that-less complement begins after "said": the next word, unless it is an adverbial."""
    tokens = _tokens(body, start, end)
    words = [t for t in tokens if t[0] not in ",—–()"]
    if len(words) < 4 or tokens[0][0] in ",.":
        return None
    if words[0][0].lower() in _PREPOSITIONS:
        return None
    return words[0][1]
