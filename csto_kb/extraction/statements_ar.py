"""Arabic statements: verb-first attributions ("قال X إن …"), participles, "بحسب X" sources, venues.

The speaker phrase is read after the cue (or before it, subject first); the content opens at a
complementiser, a colon or a quotation mark, and ends at the sentence end, a new clause or the next
attribution.
"""

from __future__ import annotations

import itertools
from typing import Any

from csto_kb.extraction import arabic
from csto_kb.extraction.attribution import TRIM, AttributionCore, Content
from csto_kb.extraction.cues import Cue
from csto_kb.extraction.quotes import QUOTE_CHARS
from csto_kb.extraction.script import trim_span
from csto_kb.extraction.speakers import Mention


class ArabicStatements(AttributionCore):
    """Attributed statements of an Arabic article."""

    lang = "ar"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # subjects written before their verb inside another attribution, found while reading it
        self.subject_hints: dict[int, Mention] = {}

    def breaks_content(self, cue: Cue) -> bool:
        # A bare verb inside content is often the content's own verb ("… قال لنا"); an attribution is
        # marked by an attached و/ف, a participle, or a comma before the verb.
        if cue.prefixed or cue.form.kind == "participle":
            return True
        before = self.body[max(0, cue.start - 3) : cue.start].rstrip()
        return before.endswith(("،", ","))

    def clause_break(self, start: int, end: int) -> int:
        for m in arabic.CLAUSE_BREAK.finditer(self.body, start, end):
            if self.quotes.containing(m.start()) is None:
                return m.start()
        return end

    def coordinated(self, start: int, end: int) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in arabic.COORDINATED.finditer(self.body, start, end)
            if self.quotes.containing(m.start()) is None and m.start() - start > 10 and end - m.end() > 10
        ]

    def following_date(self, position: int) -> tuple[str, str | None]:
        _, end = self.sentences.bounds(position)
        m = arabic.CAME_THAT.match(self.body, end + 1)
        if m is None:
            return "", None
        next_start, next_end = self.sentences.bounds(m.end())
        return self._date(next_start, next_end)

    def headline_subject(self, start: int, end: int) -> Mention | None:
        return arabic.parse_subject(self.body, start, end, self.gazetteer)

    def people_with_titles(self) -> list[Mention]:
        people = []
        for m in arabic.TITLE_HEAD.finditer(self.body):
            _, end = self.sentences.bounds(m.start())
            mention = arabic.parse_subject(self.body, m.start(), min(end, m.start() + 120), self.gazetteer)
            if mention is not None and mention.name and mention.role:
                people.append(mention)
        return people

    def attribute(self, index: int, cue: Cue) -> None:
        body = self.body
        s_start, s_end = self.sentences.bounds(cue.start)
        # The attribution may hold an occasion ("في تصريحات لـ…"), "قائلا", or, after a verb, the channel
        # it was reported through ("وصرح الرئيس، وفقا لبيان صدر عن مكتبه: …") before the content opens.
        next_start = next(
            (
                c.start
                for c in itertools.islice(self.cues, index + 1, None)
                if (
                    (c.form.kind != "venue" and c.form.lemma != "قال")
                    and not (c.form.kind == "nominal" and cue.form.kind == "verb")
                )
                or c.form.kind == "verb"
            ),
            len(body),
        )
        limit = min(s_end, next_start)
        clause_start = self.clause_start(cue)
        kind = cue.form.kind
        if kind == "nominal":
            self._nominal(index, cue, s_start, s_end, clause_start)
            return
        opener = None
        quoted_name: Mention | None = None
        for m in arabic.OPENER.finditer(body, cue.end, limit):
            if m.group("quote") and self.quotes.starting_at(m.start()) is None:
                continue
            if m.group("quote") and opener is None and quoted_name is None:
                quoted_name = self._quoted_name(cue, m.start(), limit)
                if quoted_name is not None:
                    continue  # "وأوضح «أبو الغيط»، أن …": the marks set off the speaker's name
            if arabic.complementiser_is_speech(body, m):
                opener = m
                break
        region_end = opener.start() if opener else limit
        mention: Mention | None = quoted_name or self.subject_hints.pop(cue.start, None)
        reason = ""
        if cue.form.lemma == "نقل":
            # "ونقلت الوكالة عن الرئيس قوله إن …": the one quoted is the speaker, the outlet relays
            saying = arabic.QUOTED_SAYING.search(body, cue.end, region_end + 1)
            if saying is None or opener is None:
                return
            mention = arabic.parse_subject(body, saying.start("who"), saying.end("who"), self.gazetteer)
            if mention is None:
                return
        if mention is None and (relative := arabic.relative_antecedent(body, clause_start, cue)) is not None:
            mention = relative  # "… بالوزير سامي حداد الذي قال إن …"
            reason = f"speaker is a relative pronoun resolved to {relative.name}"
        if kind == "venue":
            mention = (
                arabic.parse_subject(body, clause_start, cue.start, self.gazetteer)
                if clause_start < cue.start
                else None
            )
            if mention is None or opener is None:
                return
        elif kind != "participle" and mention is None:
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
        if opener is not None and (source := self._relayed_source(mention, index, opener.start())):
            mention = source
        outlet = mention is not None and arabic.is_outlet(mention.text)
        if opener is not None and outlet and self._nested_attribution(opener.end(), index, s_end):
            return  # "وقالت وكالة رويترز إن الوزير سامي حداد أكد أن …": the minister speaks
        content: Content | None = None
        if opener is not None:
            start = opener.start() if opener.group("quote") else opener.end()
            content = self.content(start, index)
        elif kind == "object" and svo:
            content = self.content(cue.end, index)
        elif (prep := arabic.OBJECT_PREPOSITION.match(body, cue.end + 1)) and cue.form.lemma == "حذر":
            content = self.content(prep.end(), index)
        if content is None:
            quote = self.preceding_quote(cue.start - (1 if cue.prefixed else 0))
            if quote is not None and mention is not None:
                s, e = trim_span(body, quote.inner_start, quote.inner_end, " \t\n")
                content = (s, e, True, False)
                speaker = self.speaker(mention, cue)
                if speaker is not None:
                    self.emit(cue, speaker, mention, content, (cue.start, s_end), 0.8)
                return
            if mention is not None and kind != "venue":
                self.speaker(
                    mention, cue
                )  # "ما قاله رئيس الوزراء، نيكول باشينيان": remembered for later cues
            return
        speaker = self.speaker(mention, cue)
        if speaker is None:
            return
        attribution = (max(s_start, self.consumed), content[0])
        confidence = 0.9 if mention is not None else 0.75
        if reason:
            confidence = 0.8
        self.emit(cue, speaker, mention, content, attribution, confidence, reason)

    def _quoted_name(self, cue: Cue, mark: int, limit: int) -> Mention | None:
        """A name of one to three words in quotation marks right after the cue, with the content's
        complementiser still to come."""
        quote = self.quotes.starting_at(mark)
        if quote is None or not quote.closed or self.body[cue.end : mark].strip():
            return None
        inner = self.body[quote.inner_start : quote.inner_end]
        if not 1 <= len(inner.split()) <= 3 or arabic.COMPLEMENTISER_AHEAD.search(inner):
            return None
        ahead = arabic.COMPLEMENTISER_AHEAD.search(self.body, quote.outer_end, limit)
        if ahead is None:
            return None
        mention = arabic.parse_subject(self.body, quote.inner_start, quote.inner_end, self.gazetteer)
        return mention if mention is not None and mention.kind == "person" and mention.name else None

    def _nested_attribution(self, start: int, index: int, s_end: int) -> bool:
        """Whether content at ``start`` opens with a subject and its own speech verb; remembers the subject
        for that verb."""
        for later in itertools.islice(self.cues, index + 1, None):
            if later.start >= min(s_end, start + 100):
                return False
            if later.form.kind not in ("verb", "object"):
                continue
            subject = arabic.parse_subject(self.body, start, later.start - later.prefixed, self.gazetteer)
            if subject is None or subject.end < later.start - later.prefixed - 2:
                return False
            self.subject_hints[later.start] = subject
            return True
        return False

    def _cue_before(self, index: int, position: int, start: int) -> bool:
        """Whether a cue earlier than the ``index``-th lies in body[start:position]."""
        return any(start <= c.start < position for c in self.cues[max(0, index - 3) : index])

    def _verb_cue_opens(self, position: int, index: int) -> bool:
        """Whether a speech verb (its own attribution) begins the clause at ``position``."""
        later = self.cues[index + 1] if index + 1 < len(self.cues) else None
        if later is None or later.form.kind not in ("verb", "object"):
            return False
        return not self.body[position : later.start - later.prefixed].strip()

    def _relayed_source(self, mention: Mention | None, index: int, end: int) -> Mention | None:
        """The source an outlet quotes ("وقالت الوكالة، نقلا عن مصادر مقربة …، إن"), which is the speaker."""
        if mention is None or not arabic.is_outlet(mention.text):
            return None
        for later in itertools.islice(self.cues, index + 1, None):
            if later.start >= end:
                break
            if later.form.kind == "nominal":
                stop = self.body.find("،", later.end, end)
                return arabic.nominal_source(self.body, later.end, end if stop < 0 else stop, self.gazetteer)
        return None

    def _nominal(self, index: int, cue: Cue, s_start: int, s_end: int, clause_start: int) -> None:
        body = self.body
        if cue.form.lemma == "على لسان":
            # "وجاء هذا الإعلان على لسان توكاييف": names who spoke, for the cues that follow
            stop = min((i for i in (body.find(c, cue.end, s_end) for c in "،,") if i >= 0), default=s_end)
            mention = arabic.nominal_source(body, cue.end, stop, self.gazetteer)
            if mention is not None:
                self.speaker(mention, cue)
            return
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
            if self._verb_cue_opens(start, index):
                return  # "ووفقا لوكالة رويترز، قال المجلس إن …": the council speaks, the agency relays
            if fa_inna := arabic.FA_INNA.match(body, start):
                start = fa_inna.end()  # "بحسب X، فإنه …": the content follows فإن
            content = self.content(start, index)
            attribution = (s_start, opener.end())
        else:
            end = body.find("،", cue.end, s_end)
            mention = arabic.nominal_source(body, cue.end, s_end if end < 0 else end, self.gazetteer)
            s, e = trim_span(body, s_start, cue.start, TRIM)
            # "وأكد على أن …، وفق ما نقلته …": the content starts after the verb's complementiser
            lead = arabic.OPENER.search(body, s, min(e, s + 25))
            if lead is not None and lead.group("comp") and self._cue_before(index, lead.start(), s):
                s = lead.end()
                while s < e and body[s].isspace():
                    s += 1
            content = (
                (s, e, False, not QUOTE_CHARS.isdisjoint(body[s:e]))
                if e - s > 10 and s >= self.consumed
                else None
            )
            attribution = (cue.start, s_end)
        if content is None or mention is None:
            return
        speaker = self.speaker(mention, cue)
        if speaker is not None:
            self.emit(cue, speaker, mention, content, attribution, 0.8)
