"""The language-neutral attribution core: sentences, content spans, dates and speakers of one article.

A language module subclasses `AttributionCore` and says, for each cue, where its speaker and its content
are (`attribute`), which later cue ends content, and how a headline's speaker phrase reads. The core then
does what every language shares: content spans with exact offsets, the statement's date, the running
speaker registry, continuations of direct quotes, headline attributions and the candidates themselves.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from csto_kb.extraction.coreference import compatible, read_title
from csto_kb.extraction.cues import Cue, find_cues
from csto_kb.extraction.dates import DateMention, find_dates, merge_adjacent
from csto_kb.extraction.gazetteer import AliasMatch, Gazetteer
from csto_kb.extraction.quotes import QUOTE_CHARS, QuoteIndex, QuoteSpan, find_quotes
from csto_kb.extraction.script import SENTENCE_END, paragraph_bounds, trim_span
from csto_kb.extraction.speakers import Mention, Speaker, SpeakerRegistry
from csto_kb.schemas.extraction import StatementCandidate

TRIM = " \t\n،,.:;؛—–-"
_HEADLINE = re.compile(r"^(?P<who>[^:\n\d]{2,60}?)\s*:\s+(?P<what>\S[^\n]{10,300})$", re.MULTILINE)
# (start, end, direct, mixed) of reported content
Content = tuple[int, int, bool, bool]
_PRONOUNS = {"he", "she", "they"}
# People speak and outlets report; what a statement is about are the bodies and countries it names.
_NOT_SUBJECTS = {"person", "media"}


@dataclass
class Found:
    """A statement found: its speaker, the cue, the content span and its date."""

    speaker: Speaker
    mention: Mention | None
    cue: str
    start: int
    end: int
    direct: bool
    mixed: bool
    date_text: str
    said_on: str | None
    confidence: float
    cue_end: int
    reason: str = ""


class Sentences:
    """Sentence boundaries outside quotation marks, for bisecting."""

    def __init__(self, body: str, quotes: QuoteIndex, abbreviation: Callable[[str, int], bool]) -> None:
        ends: list[int] = []
        for m in SENTENCE_END.finditer(body):
            if m.group() != "\n" and quotes.containing(m.start()) is not None:
                continue
            if m.group() == "." and abbreviation(body, m.start()):
                continue
            ends.append(m.start())
        self.ends = ends
        self.length = len(body)

    def bounds(self, position: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.ends, position)
        start = self.ends[i - 1] + 1 if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else self.length
        return start, end


class AttributionCore:
    """Statements of one article; a language module subclasses it, construct per article, call `run`."""

    lang = ""

    def __init__(
        self,
        body: str,
        published: dt.date | None,
        gazetteer: Gazetteer | None,
        quotes: QuoteIndex | None = None,
        dates: list[DateMention] | None = None,
    ) -> None:
        self.body = body
        self.published = published
        self.gazetteer = gazetteer
        self.quotes = quotes if quotes is not None else QuoteIndex(find_quotes(body))
        # Date expressions are found once for the whole body and picked by range for each statement.
        if dates is None:
            dates = find_dates(body, lang=self.lang, published=published)
        self.dates = merge_adjacent(body, [d for d in dates if self.quotes.containing(d.start) is None])
        self._date_starts = [d.start for d in self.dates]
        self.cues = find_cues(body, lang=self.lang, quotes=self.quotes)
        self.sentences = Sentences(body, self.quotes, self.abbreviation)
        self.registry = SpeakerRegistry(gazetteer)
        self.found: list[Found] = []
        self._entity_mentions: list[AliasMatch] | None = None
        self._entity_starts: list[int] = []
        self.used_quotes: set[int] = set()
        self.consumed = 0

    # --- what a language module says --------------------------------------------------------------------

    def attribute(self, index: int, cue: Cue) -> None:
        """Find the speaker and content of ``cue`` (the ``index``-th cue) and `emit` a statement if any."""
        raise NotImplementedError

    def breaks_content(self, cue: Cue) -> bool:
        """Whether a later cue inside reported content starts a new attribution, ending the content."""
        raise NotImplementedError

    def content_end_before(self, start: int, cue: Cue) -> int:
        """Where content starting at ``start`` ends when the attribution of a later ``cue`` follows it."""
        return cue.start - cue.prefixed

    def clause_break(self, start: int, end: int) -> int:
        """Where a new clause of the narrative ends content in body[start:end] (``end`` if none)."""
        return end

    def headline_subject(self, start: int, end: int) -> Mention | None:
        """The speaker phrase of a headline "X: …", filling body[start:end]."""
        raise NotImplementedError

    def coordinated(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where indirect content repeats its complementiser ("إن … ، وإنه …", "that … and that …"): for
        each repetition, the end of the complement before it and the start of the one after it."""
        return []

    def uncued(self) -> None:
        """Statements a language marks without a speech verb, found after the cues (none by default)."""

    def people_with_titles(self) -> list[Mention]:
        """Every person the body names with a title ("الرئيس الروسي فلاديمير بوتين"), cue or not."""
        return []

    @staticmethod
    def abbreviation(body: str, dot: int) -> bool:
        """Whether the full stop at ``dot`` ends an abbreviation rather than a sentence."""
        return False

    # --- shared helpers --------------------------------------------------------------------------------

    def clause_start(self, cue: Cue) -> int:
        start, _ = self.sentences.bounds(cue.start)
        para_start, _ = paragraph_bounds(self.body, cue.start)
        start = max(start, para_start)
        for mark in "،,:":
            i = self.body.rfind(mark, start, cue.start)
            if i >= 0 and self.quotes.containing(i) is None:
                start = max(start, i + 1)
        return start

    def _content_end(self, start: int, index: int) -> int:
        """Where content starting at ``start`` ends: sentence end, a new clause, or the next cue's attribution."""
        _, end = self.sentences.bounds(start)
        for later in itertools.islice(self.cues, index + 1, None):
            if later.start >= end:
                break
            if later.start > start and self.breaks_content(later):
                end = self.content_end_before(start, later)
                break
        return self.clause_break(start, end)

    def content(self, start: int, index: int, *, fragment_only: bool = False) -> Content | None:
        """(start, end, direct, mixed) of content beginning at ``start``; None when there is none."""
        body = self.body
        while start < len(body) and body[start] in " \t":
            start += 1
        quote = self.quotes.starting_at(start)
        end = self._content_end(start, index)
        if quote is not None:
            tail = body[quote.outer_end : max(end, quote.outer_end)].strip(TRIM)
            if not tail or quote.outer_end >= end:
                s, e = trim_span(body, quote.inner_start, quote.inner_end, " \t\n")
                return (s, e, True, False) if e > s else None
        if fragment_only:
            inner = self.quotes.first_after(start)
            if inner is not None and inner.open < end and inner.closed:
                s, e = trim_span(body, inner.inner_start, inner.inner_end, " \t\n")
                return (s, e, True, True)
        s, e = trim_span(body, start, end, TRIM)
        # Keep a closing quotation mark whose opening mark is inside the content.
        if e < len(body) and body[e] in QUOTE_CHARS and (q := self.quotes.ending_at(e)) and q.open >= s:
            e += 1
        if e - s < 3:
            return None
        mixed = not QUOTE_CHARS.isdisjoint(body[s:e])
        return s, e, False, mixed

    def _date(self, start: int, end: int) -> tuple[str, str | None]:
        i = bisect.bisect_left(self._date_starts, start)
        mentions = []
        while i < len(self.dates) and self.dates[i].end <= end:
            mentions.append(self.dates[i])
            i += 1
        if not mentions:
            return "", None
        best = next((m for m in mentions if m.date is not None), mentions[0])
        return best.text, str(best.date) if best.date else None

    def emit(self, cue: Cue, speaker: Speaker, mention: Mention | None, content: Content,
             attribution: tuple[int, int], confidence: float, reason: str = "") -> None:  # fmt: skip
        """Record a statement; a speaker not named at the cue lowers the confidence, and says why."""
        start, end, direct, mixed = content
        date_text, said_on = self._date(*attribution)
        if not date_text:
            date_text, said_on = self.following_date(max(end, cue.end))
        pieces = [(start, end)]
        if not direct:
            for first_end, next_start in self.coordinated(start, end):
                pieces[-1] = (pieces[-1][0], first_end)
                pieces.append((next_start, end))
        for piece_start, piece_end in pieces[:-1]:
            self.found.append(
                Found(speaker, mention, cue.text, piece_start, piece_end, direct,
                      not QUOTE_CHARS.isdisjoint(self.body[piece_start:piece_end]), date_text, said_on,
                      confidence, cue.end, reason)
            )  # fmt: skip
        start, end = pieces[-1]
        mixed = mixed and not QUOTE_CHARS.isdisjoint(self.body[start:end])
        self.found.append(
            Found(speaker, mention, cue.text, start, end, direct, mixed, date_text, said_on, confidence, cue.end,
                  reason)
        )  # fmt: skip
        self.consumed = max(self.consumed, end, cue.end)
        quote = self.quotes.containing(start)
        if quote is not None:
            self.used_quotes.add(quote.open)
        for q in self.quotes.opening_in(start, end):
            self.used_quotes.add(q.open)

    def following_date(self, position: int) -> tuple[str, str | None]:
        """A date from the sentence after the statement when it only dates the statement ("جاء ذلك … السبت")."""
        return "", None

    def preceding_quote(self, position: int) -> QuoteSpan | None:
        """An unused quotation that ends right before ``position`` (only spaces and commas between)."""
        i = position
        while i > 0 and self.body[i - 1] in " \t،,":
            i -= 1
        if i == 0 or self.body[i - 1] not in QUOTE_CHARS:
            return None
        quote = self.quotes.ending_at(i - 1)
        if quote is None or quote.open in self.used_quotes:
            return None
        return quote

    def speaker(self, mention: Mention | None, cue: Cue) -> Speaker | None:
        gender = cue.form.gender
        if mention is not None:
            if mention.gender == "f" and gender == "?":
                gender = "f"
            return self.registry.resolve(mention, gender)
        speaker = self.registry.last(gender)
        if speaker is not None:
            self.registry.note(speaker)
        return speaker

    # --- after the cues ----------------------------------------------------------------------------------

    def _continuations(self) -> None:
        """A quotation right after an attributed direct quote, with no cue of its own, continues it."""
        by_end = sorted(self.found, key=lambda f: f.end)
        ends = [f.end for f in by_end]
        cue_starts = [c.start for c in self.cues]
        for quote in self.quotes.spans:
            if quote.open in self.used_quotes or not quote.closed:
                continue
            if len(self.body[quote.inner_start : quote.inner_end].split()) < 4:
                continue
            i = bisect.bisect_right(ends, quote.open) - 1
            if i < 0:
                continue
            previous = by_end[i]
            gap = self.body[previous.end : quote.open]
            if gap.count("\n") > 1 or len(gap) > 200 or not previous.direct:
                continue
            j = bisect.bisect_left(cue_starts, previous.end)
            if j < len(cue_starts) and cue_starts[j] < quote.open and cue_starts[j] > previous.cue_end:
                continue
            if not re.search(r"[.!?؟]\s*$|\n\s*$", gap):
                continue
            s, e = trim_span(self.body, quote.inner_start, quote.inner_end, " \t\n")
            self.found.append(Found(previous.speaker, None, previous.cue, s, e, True, False, previous.date_text,
                                     previous.said_on, 0.7, previous.cue_end,
                                    f"continues the quotation attributed to {previous.speaker.name}"))  # fmt: skip
            self.used_quotes.add(quote.open)

    def _headlines(self) -> None:
        """Headline attributions "X: …" on a line of their own, with no cue on the line."""
        cue_starts = [c.start for c in self.cues]
        for m in _HEADLINE.finditer(self.body):
            who_start, who_end = m.span("who")
            if len(m.group("who").split()) > 4:
                continue
            i = bisect.bisect_left(cue_starts, m.start())
            if i < len(cue_starts) and cue_starts[i] < m.end():
                continue
            mention = self.headline_subject(who_start, who_end)
            if mention is None or mention.end - mention.start < who_end - who_start - 1:
                continue
            content = self.content(m.start("what"), len(self.cues))
            if content is None or any(f.start <= content[0] < f.end for f in self.found):
                continue
            speaker = self.registry.resolve(mention, "?")
            self.found.append(
                Found(
                    speaker,
                    mention,
                    ":",
                    content[0],
                    content[1],
                    content[2],
                    content[3],
                    "",
                    None,
                    0.6,
                    m.start("what"),
                    "headline attribution",
                )
            )

    def run(self) -> list[StatementCandidate]:
        self._headlines()
        self.consumed = 0
        for index, cue in enumerate(self.cues):
            if cue.start < self.consumed:
                continue
            self.attribute(index, cue)
        self.uncued()
        self._continuations()
        self._resolve_titles()
        self.found.sort(key=lambda f: f.start)
        # where each cue's first content begins (coordinated items share their cue's speaker phrase)
        self._first_content: dict[int, int] = {}
        for f in self.found:
            self._first_content.setdefault(f.cue_end, f.start)
        return [self._candidate(f) for f in self.found]

    def _resolve_titles(self) -> None:
        """Speakers known only by a title take the name of the person the article names with it."""
        titled: dict[int, tuple[Speaker, int]] = {}
        for f in self.found:
            if f.speaker.titled and id(f.speaker) not in titled:
                titled[id(f.speaker)] = (f.speaker, f.start)
        if not titled:
            return
        people: list[tuple[str, str, str | None, int]] = [
            (s.name, s.role, s.key, next((f.start for f in self.found if f.speaker is s), 0))
            for s in self.registry.speakers
            if s.kind == "person" and not s.titled
        ]
        people += [(m.name, m.role, None, m.start) for m in self.people_with_titles() if m.name]
        for speaker, position in titled.values():
            if speaker.name.casefold() in _PRONOUNS:
                # "Anna Berg spoke on Tuesday. On Wednesday, she said …": the person named last before it
                before = [(at, name, key) for name, _, key, at in people if at < position]
                if before:
                    _, name, key = max(before)
                    speaker.title, speaker.titled = speaker.name, False
                    speaker.name, speaker.key = name, key
                continue
            title = read_title(speaker.role or speaker.name)
            if title is None:
                continue
            scored = [
                (compatible(title, role, name), -abs(at - position), name, key)
                for name, role, key, at in people
            ]
            best = max(scored, default=None)
            if best is not None and best[0] > 0:
                name, key = best[2], best[3]
            elif not title.qualifiers and (named := self._named_before(speaker)) is not None:
                # a bare "الرئيس" / "the President": the person the article has named just before it
                name, key = named.name, named.key
            else:
                continue
            speaker.title, speaker.titled = speaker.name, False
            speaker.name, speaker.key = name, speaker.key or key

    def _named_before(self, titled: Speaker) -> Speaker | None:
        """The named person met last before ``titled`` was (the registry keeps speakers in order met)."""
        named = None
        for s in self.registry.speakers:
            if s is titled:
                return named
            if s.kind == "person" and not s.titled:
                named = s
        return named

    def _candidate(self, f: Found) -> StatementCandidate:
        mention = f.mention
        speaker = f.speaker
        if mention is not None and mention.kind == "pronoun":
            surface = mention.text
        else:
            surface = mention.text if mention is not None else ""
        mode = "direct" if f.direct and not f.mixed else ("mixed" if f.mixed else "indirect")
        confidence, doubt = _speaker_doubt(mention, speaker, f.confidence)
        if f.reason and doubt.startswith(("speaker not named", "speaker is a pronoun resolved")):
            reason = f.reason  # the reason given when found already says how the speaker was found
        else:
            reason = "; ".join(r for r in (f.reason, doubt) if r)
        return StatementCandidate(
            speaker=speaker.name,
            speaker_key=speaker.key,
            speaker_mention=surface,
            speaker_role=(mention.role if mention is not None and mention.role else speaker.role),
            quote=self.body[f.start : f.end],
            quote_start=f.start,
            quote_end=f.end,
            direct=f.direct,
            mode=mode,
            cue=f.cue,
            date_text=f.date_text,
            said_on=f.said_on,
            confidence=confidence,
            confidence_reason=reason,
            about=self._about(f),
        )

    def _about(self, f: Found) -> list[str]:
        """Gazetteer keys of the bodies and countries named in the quote and its sentence, speaker left out."""
        if self.gazetteer is None:
            return []
        if self._entity_mentions is None:
            # one pass over the body for all statements, instead of one per statement's sentence
            self._entity_mentions = self.gazetteer.find_all(self.body)
            self._entity_starts = [m.start for m in self._entity_mentions]
        start = min(f.start, self.sentences.bounds(min(f.cue_end, f.start))[0])
        end = max(f.end, self.sentences.bounds(f.end)[1])
        keys: list[str] = []
        first = bisect.bisect_left(self._entity_starts, start)
        last = bisect.bisect_left(self._entity_starts, end)
        # The speaker phrase ("ميتشل بيلفر، رئيس مركز …، قال") describes who speaks, not what about.
        content_start = self._first_content.get(f.cue_end, f.start)
        phrase = (
            (f.mention.start, content_start)
            if f.mention is not None and f.mention.start < content_start
            else (0, 0)
        )
        for found in self._entity_mentions[first:last]:
            entity = found.entity
            if entity.kind in _NOT_SUBJECTS or entity.key == f.speaker.key or entity.key in keys:
                continue
            if phrase[0] <= found.start < phrase[1] and f.cue_end <= content_start:
                continue
            keys.append(entity.key)
        return keys


def _speaker_doubt(mention: Mention | None, speaker: Speaker, confidence: float) -> tuple[float, str]:
    """Lower confidence, with the reason, when the speaker is not named where the statement is made."""
    if mention is None:
        return min(confidence, 0.75), f"speaker not named in the sentence; taken to be {speaker.name}"
    if mention.kind == "pronoun" and speaker.name.casefold() in _PRONOUNS:
        return min(confidence, 0.5), "speaker is a pronoun the article does not resolve"
    if mention.kind == "pronoun":
        return min(confidence, 0.8), f"speaker is a pronoun resolved to {speaker.name}"
    if not mention.name and speaker.title:
        return min(confidence, 0.85), f"speaker is a title resolved to {speaker.name}"
    if not mention.name and mention.role and speaker.name != mention.text:
        return min(confidence, 0.85), f"speaker is a title resolved to {speaker.name}"
    if not mention.name and mention.kind == "person":
        return min(confidence, 0.7), "speaker is a title the article does not name"
    return confidence, ""
