"""Attributed statements: for each cue, who speaks and what they say, with exact offsets into the body.

One pass over the cues in text order. For each cue the content is looked for after it (complementiser,
colon or quotation mark), else before it (a quotation or clause ending just before "…، قال X" / "…, X said").
Speakers are resolved through the article's running registry, so dropped subjects and pronouns go to the
last speaker of the matching gender. Quotations left unattributed right after an attributed one continue it
("…" قال X. "…").
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from csto_kb.extraction import arabic, english
from csto_kb.extraction.cues import Cue, find_cues
from csto_kb.extraction.dates import DateMention, find_dates, merge_adjacent
from csto_kb.extraction.gazetteer import Gazetteer
from csto_kb.extraction.quotes import QUOTE_CHARS, QuoteIndex, QuoteSpan, find_quotes
from csto_kb.extraction.script import SENTENCE_END, paragraph_bounds, trim_span
from csto_kb.extraction.speakers import Mention, Speaker, SpeakerRegistry
from csto_kb.schemas.extraction import StatementCandidate

_TRIM = " \t\n،,.:;؛—–-"
_HEADLINE = re.compile(r"^(?P<who>[^:\n\d]{2,60}?)\s*:\s+(?P<what>\S[^\n]{10,300})$", re.MULTILINE)


@dataclass
class _Found:
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


class _Sentences:
    """Sentence boundaries outside quotation marks, for bisecting."""

    def __init__(self, body: str, quotes: QuoteIndex, lang: str) -> None:
        ends: list[int] = []
        for m in SENTENCE_END.finditer(body):
            if m.group() != "\n" and quotes.containing(m.start()) is not None:
                continue
            if lang == "en" and m.group() == "." and _abbreviation(body, m.start()):
                continue
            ends.append(m.start())
        self.ends = ends
        self.length = len(body)

    def bounds(self, position: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.ends, position)
        start = self.ends[i - 1] + 1 if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else self.length
        return start, end


_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "col", "st", "u.s", "u.k", "u.n", "lt", "maj", "sgt", "jan", "feb",
                  "aug", "sept", "oct", "nov", "dec", "no", "vs", "etc"}  # fmt: skip


def _abbreviation(body: str, dot: int) -> bool:
    start = dot
    while start > 0 and (body[start - 1].isalpha() or body[start - 1] == "."):
        start -= 1
    word = body[start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


class StatementExtractor:
    """Statements of one article; construct per article, call `run`."""

    def __init__(
        self,
        body: str,
        lang: str,
        published: dt.date | None,
        gazetteer: Gazetteer | None,
        quotes: QuoteIndex | None = None,
        dates: list[DateMention] | None = None,
    ) -> None:
        self.body = body
        self.lang = "ar" if lang == "ar" else "en"
        self.published = published
        self.gazetteer = gazetteer
        self.quotes = quotes if quotes is not None else QuoteIndex(find_quotes(body))
        # Date expressions are found once for the whole body and picked by range for each statement.
        if dates is None:
            dates = find_dates(body, lang=self.lang, published=published)
        self.dates = merge_adjacent(body, [d for d in dates if self.quotes.containing(d.start) is None])
        self._date_starts = [d.start for d in self.dates]
        self.cues = find_cues(body, lang=self.lang, quotes=self.quotes)
        self.sentences = _Sentences(body, self.quotes, self.lang)
        self.registry = SpeakerRegistry(gazetteer)
        self.found: list[_Found] = []
        self.used_quotes: set[int] = set()
        self.consumed = 0

    # --- shared helpers --------------------------------------------------------------------------------

    def _clause_start(self, cue: Cue) -> int:
        start, _ = self.sentences.bounds(cue.start)
        para_start, _ = paragraph_bounds(self.body, cue.start)
        start = max(start, para_start)
        for mark in "،,:":
            i = self.body.rfind(mark, start, cue.start)
            if i >= 0 and self.quotes.containing(i) is None:
                start = max(start, i + 1)
        return start

    def _breaks_content(self, cue: Cue) -> bool:
        if self.lang == "en":
            return True
        if cue.prefixed or cue.form.kind == "participle":
            return True
        before = self.body[max(0, cue.start - 3) : cue.start].rstrip()
        return before.endswith(("،", ","))

    def _content_end(self, start: int, index: int) -> int:
        """Where content starting at ``start`` ends: sentence end, a new clause, or the next cue's attribution."""
        _, end = self.sentences.bounds(start)
        for later in itertools.islice(self.cues, index + 1, None):
            if later.start >= end:
                break
            if later.start > start and self._breaks_content(later):
                end = later.start - later.prefixed
                if self.lang == "en":
                    mention = english.subject_before(self.body, start, later.start)
                    if mention is not None:
                        end = mention.start
                    end = _strip_connective(self.body, start, end)
                break
        if self.lang == "ar":
            for m in arabic.CLAUSE_BREAK.finditer(self.body, start, end):
                if self.quotes.containing(m.start()) is None:
                    end = m.start()
                    break
        return end

    def _content(
        self, start: int, index: int, *, fragment_only: bool = False
    ) -> tuple[int, int, bool, bool] | None:
        """(start, end, direct, mixed) of content beginning at ``start``; None when there is none."""
        body = self.body
        while start < len(body) and body[start] in " \t":
            start += 1
        quote = self.quotes.starting_at(start)
        end = self._content_end(start, index)
        if quote is not None:
            tail = body[quote.outer_end : max(end, quote.outer_end)].strip(_TRIM)
            if not tail or quote.outer_end >= end:
                s, e = trim_span(body, quote.inner_start, quote.inner_end, " \t\n")
                return (s, e, True, False) if e > s else None
        if fragment_only:
            inner = self.quotes.first_after(start)
            if inner is not None and inner.open < end and inner.closed:
                s, e = trim_span(body, inner.inner_start, inner.inner_end, " \t\n")
                return (s, e, True, True)
        s, e = trim_span(body, start, end, _TRIM)
        # Keep a closing quotation mark whose opening mark is inside the content.
        if e < len(body) and body[e] in QUOTE_CHARS and (q := self.quotes.ending_at(e)) and q.open >= s:
            e += 1
        if e - s < 3:
            return None
        mixed = any(ch in QUOTE_CHARS for ch in body[s:e])
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

    def _emit(self, cue: Cue, speaker: Speaker, mention: Mention | None, content: tuple[int, int, bool, bool],
              attribution: tuple[int, int], confidence: float) -> None:  # fmt: skip
        start, end, direct, mixed = content
        date_text, said_on = self._date(*attribution)
        self.found.append(
            _Found(
                speaker, mention, cue.text, start, end, direct, mixed, date_text, said_on, confidence, cue.end
            )
        )
        self.consumed = max(self.consumed, end, cue.end)
        quote = self.quotes.containing(start)
        if quote is not None:
            self.used_quotes.add(quote.open)
        for q in self.quotes.opening_in(start, end):
            self.used_quotes.add(q.open)

    def _preceding_quote(self, position: int) -> QuoteSpan | None:
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

    def _speaker(self, mention: Mention | None, cue: Cue) -> Speaker | None:
        gender = cue.form.gender
        if mention is not None:
            if mention.gender == "f" and gender == "?":
                gender = "f"
            return self.registry.resolve(mention, gender)
        speaker = self.registry.last(gender)
        if speaker is not None:
            self.registry.note(speaker)
        return speaker

    # --- Arabic ------------------------------------------------------------------------------------------

    def _arabic(self, index: int, cue: Cue) -> None:
        body = self.body
        s_start, s_end = self.sentences.bounds(cue.start)
        # The attribution may hold an occasion ("في تصريحات لـ…") or "قائلا" before the content opens.
        next_start = next(
            (
                c.start
                for c in itertools.islice(self.cues, index + 1, None)
                if (c.form.kind != "venue" and c.form.lemma != "قال") or c.form.kind == "verb"
            ),
            len(body),
        )
        limit = min(s_end, next_start)
        clause_start = self._clause_start(cue)
        kind = cue.form.kind
        if kind == "nominal":
            self._arabic_nominal(index, cue, s_start, s_end, clause_start)
            return
        opener = None
        for m in arabic.OPENER.finditer(body, cue.end, limit):
            if m.group("quote") and self.quotes.starting_at(m.start()) is None:
                continue
            if arabic.complementiser_is_speech(body, m):
                opener = m
                break
        region_end = opener.start() if opener else limit
        mention: Mention | None = None
        if kind == "venue":
            mention = (
                arabic.parse_subject(body, clause_start, cue.start, self.gazetteer)
                if clause_start < cue.start
                else None
            )
            if mention is None or opener is None:
                return
        elif kind != "participle":
            # An object cue after its subject ("بوتين دعا دول المنظمة إلى …") has its object, not its subject,
            # after the verb.
            mention = (
                arabic.svo_subject(body, clause_start, cue.start - cue.prefixed, self.gazetteer)
                if kind == "object"
                else None
            )
            svo = mention is not None
            if mention is None:
                mention = arabic.parse_subject(body, cue.end, region_end, self.gazetteer)
            if mention is None:
                mention = arabic.svo_subject(body, clause_start, cue.start - cue.prefixed, self.gazetteer)
                svo = mention is not None
        else:
            svo = False
        content: tuple[int, int, bool, bool] | None = None
        if opener is not None:
            start = opener.start() if opener.group("quote") else opener.end()
            content = self._content(start, index)
        elif kind == "object" and svo:
            content = self._content(cue.end, index)
        elif (prep := arabic.OBJECT_PREPOSITION.match(body, cue.end + 1)) and cue.form.lemma == "حذر":
            content = self._content(prep.end(), index)
        if content is None:
            quote = self._preceding_quote(cue.start - (1 if cue.prefixed else 0))
            if quote is not None and mention is not None:
                s, e = trim_span(body, quote.inner_start, quote.inner_end, " \t\n")
                content = (s, e, True, False)
                speaker = self._speaker(mention, cue)
                if speaker is not None:
                    self._emit(cue, speaker, mention, content, (cue.start, s_end), 0.8)
                return
            if mention is not None and kind != "venue":
                self._speaker(
                    mention, cue
                )  # "ما قاله رئيس الوزراء، نيكول باشينيان": remembered for later cues
            return
        speaker = self._speaker(mention, cue)
        if speaker is None:
            return
        attribution = (max(s_start, self.consumed), content[0])
        confidence = 0.9 if mention is not None else 0.75
        self._emit(cue, speaker, mention, content, attribution, confidence)

    def _arabic_nominal(self, index: int, cue: Cue, s_start: int, s_end: int, clause_start: int) -> None:
        body = self.body
        # "وبحسب X، …" and "ووفق بيان لـX فإن …" open a clause: the content follows the source. Otherwise
        # ("…، بحسب X.") the content precedes it.
        opener = arabic.NOMINAL_OPENER.search(body, cue.end, s_end)
        at_clause_start = (
            cue.prefixed
            or not body[s_start : cue.start].strip()
            or body[: cue.start].rstrip().endswith(("،", ","))
        )
        forward = opener is not None and (at_clause_start or opener.group().strip(" ،,:") != "")
        if forward:
            assert opener is not None
            mention = arabic.nominal_source(body, cue.end, opener.start(), self.gazetteer)
            start = opener.end()
            if fa_inna := arabic.FA_INNA.match(body, start):
                start = fa_inna.end()  # "بحسب X، فإنه …": the content follows فإن
            content = self._content(start, index)
            attribution = (s_start, opener.end())
        else:
            end = body.find("،", cue.end, s_end)
            mention = arabic.nominal_source(body, cue.end, s_end if end < 0 else end, self.gazetteer)
            s, e = trim_span(body, s_start, cue.start, _TRIM)
            content = (
                (s, e, False, any(c in QUOTE_CHARS for c in body[s:e]))
                if e - s > 10 and s >= self.consumed
                else None
            )
            attribution = (cue.start, s_end)
        if content is None or mention is None:
            return
        speaker = self._speaker(mention, cue)
        if speaker is not None:
            self._emit(cue, speaker, mention, content, attribution, 0.8)

    # --- English -----------------------------------------------------------------------------------------

    def _english(self, index: int, cue: Cue) -> None:
        body = self.body
        s_start, s_end = self.sentences.bounds(cue.start)
        para_start, _ = paragraph_bounds(body, cue.start)
        s_start = max(s_start, para_start)
        next_start = self.cues[index + 1].start if index + 1 < len(self.cues) else len(body)
        limit = min(s_end, next_start)
        kind = cue.form.kind
        if kind == "nominal":
            self._english_nominal(index, cue, s_start, s_end)
            return
        # The subject ends where the cue begins; it starts after the last quotation or clause mark before it.
        subject_from = s_start
        previous = self.quotes.last_before(cue.start)
        if previous is not None and s_start <= previous.close < cue.start:
            subject_from = max(subject_from, previous.outer_end)
        mention = english.subject_before(body, subject_from, cue.start)
        inverted = False
        if mention is None:
            mention = english.subject_after(body, cue.end, limit)
            inverted = mention is not None
        quote_before = self._english_quote_before(s_start, cue.start)
        content: tuple[int, int, bool, bool] | None = None
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
            content = self._content(start, index)
            attribution = (s_start, start)
        elif (
            cue.form.lemma in ("say",)
            and cue.text.lower() not in ("told", "tells")
            and (thatless := english.thatless_start(body, search_from, limit)) is not None
        ):
            content = self._content(thatless, index)
            attribution = (s_start, thatless)
        elif not say_verb and kind == "verb" and mention is not None:
            content = self._content(cue.end, index, fragment_only=True)
            if content is not None and not content[2]:
                content = None
        if content is None and mention is not None and not inverted:
            # "content, the ministry said on Friday": the clause before the subject is the content.
            before = body[s_start : mention.start].rstrip()
            after = body[cue.end : s_end]
            if (
                before.endswith(",")
                and opener is None
                and len(after.split()) <= 6
                and s_start >= self.consumed
            ):
                s, e = trim_span(body, s_start, len(before), _TRIM)
                if e - s > 10:
                    content = (s, e, False, any(c in QUOTE_CHARS for c in body[s:e]))
                    attribution = (cue.start, s_end)
        if content is None:
            if mention is not None:
                self._speaker(mention, cue)
            return
        if content[0] < self.consumed and content[1] <= self.consumed:
            return
        speaker = self._speaker(mention, cue)
        if speaker is None:
            return
        self._emit(cue, speaker, mention, content, attribution, 0.9 if mention is not None else 0.7)

    def _english_quote_before(self, s_start: int, cue_start: int) -> QuoteSpan | None:
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

    def _english_nominal(self, index: int, cue: Cue, s_start: int, s_end: int) -> None:
        body = self.body
        if cue.text.lower() != "according to":
            return  # "as reported by TASS" names the relaying agency, not a speaker
        lead = body[s_start : cue.start].strip()
        if not lead:
            comma = body.find(",", cue.end, s_end)
            if comma < 0:
                return
            mention = english.subject_after(body, cue.end, comma)
            content = self._content(comma + 1, index)
            attribution = (s_start, comma)
        else:
            mention = english.subject_after(body, cue.end, s_end)
            s, e = trim_span(body, s_start, cue.start, _TRIM)
            content = (s, e, False, False) if e - s > 10 and s >= self.consumed else None
            attribution = (cue.start, s_end)
        if content is None or mention is None:
            return
        speaker = self._speaker(mention, cue)
        if speaker is not None:
            self._emit(cue, speaker, mention, content, attribution, 0.8)

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
            self.found.append(_Found(previous.speaker, None, previous.cue, s, e, True, False, previous.date_text,
                                     previous.said_on, 0.7, previous.cue_end))  # fmt: skip
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
            if self.lang == "ar":
                mention = arabic.parse_subject(self.body, who_start, who_end, self.gazetteer)
            else:
                mention = english.subject_after(self.body, who_start, who_end)
            if mention is None or mention.end - mention.start < who_end - who_start - 1:
                continue
            content = self._content(m.start("what"), len(self.cues))
            if content is None or any(f.start <= content[0] < f.end for f in self.found):
                continue
            speaker = self.registry.resolve(mention, "?")
            self.found.append(
                _Found(
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
                )
            )

    def run(self) -> list[StatementCandidate]:
        self._headlines()
        self.consumed = 0
        for index, cue in enumerate(self.cues):
            if cue.start < self.consumed:
                continue
            if self.lang == "ar":
                self._arabic(index, cue)
            else:
                self._english(index, cue)
        self._continuations()
        self.found.sort(key=lambda f: f.start)
        return [self._candidate(f) for f in self.found]

    def _candidate(self, f: _Found) -> StatementCandidate:
        mention = f.mention
        speaker = f.speaker
        if mention is not None and mention.kind == "pronoun":
            surface = mention.text
        else:
            surface = mention.text if mention is not None else ""
        mode = "direct" if f.direct and not f.mixed else ("mixed" if f.mixed else "indirect")
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
            confidence=f.confidence,
        )


def _strip_connective(body: str, start: int, end: int) -> int:
    """Drop ", which" / ", as" / "and" left before an attribution that ends content."""
    text = body[start:end]
    trimmed = re.sub(r"(?:[,\s]+(?:which|who|as|and|but|while|because))?[,\s]*$", "", text)
    return start + len(trimmed)


def extract_statements(
    body: str,
    *,
    lang: str,
    published: dt.date | None,
    gazetteer: Gazetteer | None,
    quotes: QuoteIndex | None = None,
    dates: list[DateMention] | None = None,
) -> list[StatementCandidate]:
    """Attributed statements of an article body (quotation spans and dates may be passed in if already found)."""
    return StatementExtractor(body, lang, published, gazetteer, quotes, dates).run()
