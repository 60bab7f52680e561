"""English statements: subject-first attributions ("X said that …"), inverted ones ("…," said X), quotes
before their attribution, and "according to X".
"""

from __future__ import annotations

import re

from csto_kb.extraction import english
from csto_kb.extraction.attribution import TRIM, AttributionCore, Content, Found
from csto_kb.extraction.cues import Cue
from csto_kb.extraction.quotes import QUOTE_CHARS, QuoteSpan
from csto_kb.extraction.script import paragraph_bounds, trim_span
from csto_kb.extraction.speakers import Mention

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "col", "st", "u.s", "u.k", "u.n", "lt", "maj", "sgt", "jan", "feb",
                  "aug", "sept", "oct", "nov", "dec", "no", "vs", "etc"}  # fmt: skip


def is_abbreviation(body: str, dot: int) -> bool:
    start = dot
    while start > 0 and (body[start - 1].isalpha() or body[start - 1] == "."):
        start -= 1
    word = body[start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _strip_connective(body: str, start: int, end: int) -> int:
    """Drop ", which" / ", as" / "and" left before an attribution that ends content."""
    text = body[start:end]
    trimmed = re.sub(r"(?:[,\s]+(?:which|who|as|and|but|while|because))?[,\s]*$", "", text)
    return start + len(trimmed)


class EnglishStatements(AttributionCore):
    """Attributed statements of an English article."""

    lang = "en"

    @staticmethod
    def abbreviation(body: str, dot: int) -> bool:
        return is_abbreviation(body, dot)

    def breaks_content(self, cue: Cue) -> bool:
        return True

    def content_end_before(self, start: int, cue: Cue) -> int:
        # Content ends before the later cue's subject ("…, Pashinyan said"), and before a connective.
        end = cue.start
        mention = english.subject_before(self.body, start, cue.start)
        if mention is not None:
            end = mention.start
            lead = self.body[start:end].rstrip()
            if mention.role and lead.endswith(mention.role):
                end = start + len(lead) - len(mention.role)  # "… that Defence Minister Omar Haddad said"
        return _strip_connective(self.body, start, end)

    def coordinated(self, start: int, end: int) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in _AND_THAT.finditer(self.body, start, end)
            if self.quotes.containing(m.start()) is None and m.start() - start > 10 and end - m.end() > 10
        ]

    def headline_subject(self, start: int, end: int) -> Mention | None:
        return english.subject_after(self.body, start, end)

    def uncued(self) -> None:
        """Speech after a colon, its speaker named before it: "Pashinyan was blunt: …", "His verdict: …"."""
        body = self.body
        for m in _COLON_SPEECH.finditer(body):
            colon = m.end() - 1
            if self.quotes.containing(colon) is not None or any(f.start <= colon < f.end for f in self.found):
                continue
            s_start, _ = self.sentences.bounds(m.start())
            if s_start > m.start("lead") or body[s_start : m.start("lead")].strip():
                continue
            lead = m.group("lead")
            possessive = m.group("possessive")
            if possessive:
                pronoun = {"his": "he", "her": "she", "their": "they"}.get(possessive.lower())
                mention = (
                    Mention(pronoun, m.start("possessive"), m.end("possessive"), "", "", "pronoun")
                    if pronoun
                    else english.subject_after(body, m.start("possessive"), m.end("possessive"))
                )
            else:
                who_start, who_end = m.span("who")
                mention = english.subject_after(body, who_start, who_end)
                if mention is not None and mention.end < who_end:
                    mention = None
            if mention is None or not lead.strip():
                continue
            content = self.content(colon + 1, len(self.cues))
            if content is None or any(f.start <= content[0] < f.end for f in self.found):
                continue
            speaker = self.registry.resolve(mention, "?")
            self.found.append(Found(speaker, mention, ":", *content, *self._date(m.start(), colon), 0.7, colon,
                                    "speech after a colon, without a speech verb"))  # fmt: skip

    def people_with_titles(self) -> list[Mention]:
        return english.people_with_titles(self.body)

    def attribute(self, index: int, cue: Cue) -> None:
        body = self.body
        s_start, s_end = self.sentences.bounds(cue.start)
        para_start, _ = paragraph_bounds(body, cue.start)
        s_start = max(s_start, para_start)
        next_start = self.cues[index + 1].start if index + 1 < len(self.cues) else len(body)
        limit = min(s_end, next_start)
        kind = cue.form.kind
        if kind == "nominal":
            self._nominal(index, cue, s_start, s_end)
            return
        if kind == "participle":
            self._participle(index, cue, s_start, limit)
            return
        if cue.form.lemma == "quote":
            self._quoted_as_saying(index, cue, s_start, s_end)
            return
        # The subject ends where the cue begins; it starts after the last quotation or clause mark before it.
        subject_from = s_start
        previous = self.quotes.last_before(cue.start)
        if previous is not None and s_start <= previous.close < cue.start:
            subject_from = max(subject_from, previous.outer_end)
        # "NATO chief Mark Rutte, who spoke in Brussels, said": the speaker stands before the aside
        aside = _ASIDE.search(body, subject_from, cue.start)
        subject_end = aside.start() if aside is not None else cue.start
        mention = english.subject_before(body, subject_from, subject_end)
        if mention is not None and english.is_outlet(mention.text) and self.consumed > s_start:
            return  # "…, Peskov told Zvezda television, Reuters reported": the agency relays Peskov
        inverted = False
        if mention is None:
            mention = english.subject_after(body, cue.end, limit)
            inverted = mention is not None
        quote_before = self._quote_before(s_start, cue.start)
        content: Content | None = None
        attribution = (s_start, s_end)
        opener_re = english.OBJECT_OPENER if kind == "object" else english.OPENER
        opener = None
        search_from = mention.end if inverted and mention is not None else cue.end
        for m in opener_re.finditer(body, search_from, limit):
            # A quotation opens the content only right after the cue ("said: “…”"); further on it is a
            # fragment inside a paraphrase ("acknowledged Putin’s “special role”").
            if m.group().strip() in QUOTE_CHARS and (
                self.quotes.starting_at(m.start()) is None or body[search_from : m.start()].strip(" ,:")
            ):
                continue
            if len(body[cue.end : m.start()].split()) > 12:
                break
            opener = m
            break
        say_verb = cue.form.lemma == "say"
        if quote_before is not None and (
            opener is None or (opener.group() in QUOTE_CHARS and opener.start() > cue.end + 40)
        ):
            s, e = trim_span(body, quote_before.inner_start, quote_before.inner_end, " \t\n,")
            content = (s, e, True, False)
            attribution = (quote_before.outer_end, s_end)
        elif opener is not None:
            start = (
                opener.start()
                if opener.group() in QUOTE_CHARS
                else (opener.start() if kind == "object" else opener.end())
            )
            content = self.content(start, index)
            attribution = (s_start, start)
        elif (
            cue.form.lemma in ("say",)
            and cue.text.lower() not in ("told", "tells")
            and (thatless := english.thatless_start(body, search_from, limit)) is not None
        ):
            content = self.content(thatless, index)
            attribution = (s_start, thatless)
        elif cue.form.lemma == "dismissed" and re.search(r"\bas\b", body[cue.end : limit]):
            content = self.content(cue.end, index)  # "dismissed the reports as fabrications"
        elif not say_verb and kind == "verb" and mention is not None:
            content = self.content(cue.end, index, fragment_only=True)
            if content is not None and not content[2]:
                content = None
        if content is None and mention is not None and not inverted:
            # "content, the ministry said on Friday": the clause before the subject is the content; after
            # an earlier attribution in the sentence ("…, he added, and …, he stressed") it starts there.
            clause_from = max(s_start, self.consumed)
            before = body[clause_from : mention.start].rstrip()
            if mention.role and before.endswith(mention.role):
                before = before[: -len(mention.role)].rstrip()  # "…, Prime Minister Nikol Pashinyan said"
                before = before[:-4].rstrip() if before.lower().endswith(" the") else before
            after = _CHANNEL.split(body[cue.end : s_end], maxsplit=1)[0]
            if next_start < s_end and body[cue.end : next_start].lstrip().startswith(","):
                after = ""  # "…, she added, and …, she stressed": what follows belongs to the next cue
            if before.endswith(",") and opener is None:
                s, e = trim_span(body, clause_from, clause_from + len(before), TRIM)
                s = _skip_conjunction(body, s, e)
                rest = _parenthetical_rest(body, cue.end, s_end)
                if rest is not None and e - s > 3:
                    # "The talks, the minister insisted, were never on the agenda": two segments
                    speaker = self.speaker(mention, cue)
                    if speaker is not None:
                        self.emit(cue, speaker, mention, (s, e, False, False), (cue.start, s_end), 0.85)
                        self.emit(cue, speaker, mention, (*rest, False, False), (cue.start, s_end), 0.85)
                    return
                if e - s > 10 and len(after.split()) <= 6:
                    content = (s, e, False, not QUOTE_CHARS.isdisjoint(body[s:e]))
                    attribution = (cue.start, s_end)
        if content is None:
            if mention is not None:
                self.speaker(mention, cue)
            return
        if content[0] < self.consumed and content[1] <= self.consumed:
            return
        speaker = self.speaker(mention, cue)
        if speaker is None:
            return
        self.emit(cue, speaker, mention, content, attribution, 0.9 if mention is not None else 0.7)

    def _participle(self, index: int, cue: Cue, s_start: int, limit: int) -> None:
        """ "…, saying that …": the speaker is the main clause's subject, else the sentence's last speaker."""
        body = self.body
        if not body[s_start : cue.start].rstrip().endswith(","):
            return
        opener = english.OPENER.search(body, cue.end, limit)
        if opener is not None and len(body[cue.end : opener.start()].split()) <= 6:
            start = opener.start() if opener.group() in QUOTE_CHARS else opener.end()
        else:
            start = english.thatless_start(body, cue.end, limit) or -1
        if start < 0:
            return
        content = self.content(start, index)
        if content is None:
            return
        mention = english.subject_after(body, s_start, cue.start)
        if mention is not None and mention.start > s_start + 1:
            mention = None
        if mention is not None and (
            mention.kind == "pronoun" or not (mention.name or mention.role or mention.kind == "institution")
        ):
            mention = None  # fmt: skip
        speaker = self.speaker(mention, cue)
        if speaker is None:
            return
        reason = "" if mention is not None else f"speaker of the participle taken to be {speaker.name}"
        self.emit(cue, speaker, mention, content, (s_start, start), 0.8 if mention else 0.7, reason)

    def _quoted_as_saying(self, index: int, cue: Cue, s_start: int, s_end: int) -> None:
        """ "Reuters quoted Peskov as saying …": the one quoted speaks, before or after the phrase."""
        body = self.body
        m = _AS_SAYING.match(body, cue.end, s_end)
        if m is None:
            return
        who_start = m.start("who")
        if (article := _INDEFINITE.match(body, who_start)) is not None:
            who_start = article.end()  # "quoted a senior official as saying"
        mention = english.subject_after(body, who_start, m.end("who"))
        if mention is None:
            return
        quote = self._quote_before(s_start, cue.start)
        if quote is not None:
            s, e = trim_span(body, quote.inner_start, quote.inner_end, " \t\n,")
            content: Content | None = (s, e, True, False)
        else:
            # "… as saying: “…”" or "… as saying that …": the content follows the phrase
            start = m.end()
            if (that := _THAT.match(body, start)) is not None:
                start = that.end()
            while start < s_end and body[start] in " :":
                start += 1
            content = self.content(start, index)
        if content is None:
            return
        speaker = self.speaker(mention, cue)
        if speaker is not None:
            self.emit(cue, speaker, mention, content, (s_start, s_end), 0.85)

    def _quote_before(self, s_start: int, cue_start: int) -> QuoteSpan | None:
        """An unused quotation closing shortly before the cue, with only the speaker phrase between."""
        last = self.quotes.last_before(cue_start)
        if (
            last is None
            or not last.closed
            or not s_start <= last.close < cue_start
            or last.open in self.used_quotes
        ):
            return None
        between = self.body[last.outer_end : cue_start]
        if len(between.split()) > 8 or any(ch in between for ch in ".!?\n"):
            return None
        return last

    def _nominal(self, index: int, cue: Cue, s_start: int, s_end: int) -> None:
        body = self.body
        if cue.text.lower() != "according to":
            return  # "as reported by TASS" names the relaying agency, not a speaker
        lead = body[s_start : cue.start].strip()
        if not lead:
            comma = body.find(",", cue.end, s_end)
            if comma < 0:
                return
            mention = english.subject_after(body, cue.end, comma)
            content = self.content(comma + 1, index)
            attribution = (s_start, comma)
        else:
            mention = english.subject_after(body, cue.end, s_end)
            s, e = trim_span(body, s_start, cue.start, TRIM)
            content = (s, e, False, False) if e - s > 10 and s >= self.consumed else None
            attribution = (cue.start, s_end)
        if content is None or mention is None:
            return
        speaker = self.speaker(mention, cue)
        if speaker is not None:
            self.emit(cue, speaker, mention, content, attribution, 0.8)


# A channel after the attribution ("…, X said, according to state media") is no part of it.
_CHANNEL = re.compile(
    r",\s*(?:according to|citing|as reported by|quoted by)\b|,\s*[A-Z][\w ]{0,40}\breported\b"
)
_AS_SAYING = re.compile(r"\s+(?P<who>[^,.;:“”\"]{2,80}?)\s+as\s+(?:saying|telling\s+\w+)\b")
_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+")
_INDEFINITE = re.compile(r"(?:a|an)\s+", re.IGNORECASE)
_THAT = re.compile(r"\s+that\b")
_ASIDE = re.compile(r",\s*(?:who|which|speaking|writing|talking|addressing)\b[^,]{0,80},\s*$")
_CONJUNCTION = re.compile(r"(?:and|but)\s+", re.IGNORECASE)


def _skip_conjunction(body: str, start: int, end: int) -> int:
    m = _CONJUNCTION.match(body, start, end)
    return m.end() if m else start


def _parenthetical_rest(body: str, cue_end: int, s_end: int) -> tuple[int, int] | None:
    """The second segment after an attribution set inside its sentence (", the minister insisted, were …")."""
    m = re.compile(r"(?:\s+(?:on|last|this)\s+[A-Z]\w+|\s+(?:yesterday|today|later))?\s*,\s*").match(
        body, cue_end
    )
    if m is None or m.end() >= s_end:
        return None
    start, end = trim_span(body, m.end(), s_end, TRIM)
    words = body[start:end].split()
    if len(words) < 3 or words[0].lower() in english.PRONOUNS or words[0][:1].isupper():
        return None  # a new clause with its own subject, or the attribution's own adverbial
    if words[0].lower() in (
        "according",
        "citing",
        "as",
        "which",
        "who",
        "adding",
        "saying",
        "noting",
        "and",
        "but",
    ):
        return None
    return start, end


# "Pashinyan was blunt:", "The minister was clear on one point:", "His verdict:", "Peskov's answer was simple:"
_COLON_SPEECH = re.compile(
    r"(?P<lead>(?:(?P<possessive>His|Her|Their|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:[’']s)?\s+"
    r"(?:message|verdict|answer|reply|response|conclusion|position|words|warning)(?:\s+(?:was|is))?"
    r"(?:\s+(?:clear|simple|blunt|short))?)"
    r"|(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}|[Hh]e|[Ss]he|[Tt]hey|The\s+\w+(?:\s+\w+)?)\s+"
    r"(?:was|were|is|remained|sounded)\s+(?:blunt|clear|categorical|direct|firm|emphatic|unequivocal|adamant|"
    r"explicit)(?:\s+[a-z]+){0,4})\s*:"
)
