"""The inline SVG statement timeline of the HTML fact sheet: speakers down the side, one mark per statement.

The pictures scale with the page (a fixed viewBox, ``width: 100%``), so they fit a 1280 px screen and an A4
page alike, and the axis's ticks are chosen for that fixed width, so their labels never overlap. A speaker's
label is their name read by the one reading rule (`csto_kb.languages`): the name in the reader's language
above the original (or a name in another script) beside it; a name written left to right starts at the left
of the label column, one written right to left ends at its right edge; both sit on the middle of their row.
Partial dates are drawn at their precision: a statement known only to the month is a bar across that month,
not a point on its first day. Its words are the sheet's labels, in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from csto_kb.dates import PartialDate
from csto_kb.exporters.factsheet_labels import SheetLabels
from csto_kb.exporters.ticks import Tick, choose_ticks
from csto_kb.languages import LangText, Reading, is_right_to_left
from csto_kb.schemas.factsheet import FactSheet
from csto_kb.schemas.statements import StatementOut

WIDTH = 960
LABEL_WIDTH = 250
RIGHT_MARGIN = 24
AXIS_HEIGHT = 34
ROW_HEIGHT = 38
LANE_HEIGHT = 14
MARK_HEIGHT = 10
FONT = 12
# A generous average advance for 12 px Latin text; labels longer than the column are shortened with "…" and
# keep their full text in a <title>, so nothing is drawn outside the picture.
CHAR_WIDTH = 6.9


@dataclass(frozen=True)
class Span:
    """The days a partial date (or an interval between two) may cover."""

    start: dt.date
    end: dt.date


def _span(value: str) -> Span:
    date = PartialDate.parse(value)
    return Span(date.first_day, date.last_day)


class Scale:
    """Maps days onto the drawing's x axis, between the label column and the right margin."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        if last <= first:
            last = first + dt.timedelta(days=1)
        self.first = first
        self.last = last
        self.left = LABEL_WIDTH + 8
        self.right = WIDTH - RIGHT_MARGIN

    def x(self, day: dt.date) -> float:
        fraction = (day - self.first).days / (self.last - self.first).days
        return round(self.left + fraction * (self.right - self.left), 1)

    def ticks(self) -> list[Tick]:
        """Months, quarters or years, whichever the span and the width allow without labels overlapping."""
        return choose_ticks(self.first, self.last, self.left, self.right, CHAR_WIDTH * (FONT - 1) / FONT)


def _fit(text: str, width: float) -> str:
    limit = int(width / CHAR_WIDTH)
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


def _line(name: LangText, baseline: float) -> str:
    """One line of a label in its language: left to right from the column's left edge, or right to left
    ending at its right edge (a little larger: Arabic script reads small beside Latin at one size)."""
    text = f"<title>{escape(name.text)}</title>{escape(_fit(name.text, LABEL_WIDTH - 8))}"
    if is_right_to_left(name.lang):
        return (
            f'<text class="label" lang="{escape(name.lang)}" direction="rtl" x="{LABEL_WIDTH - 8}" y="{baseline}" '
            f'font-size="{FONT + 1}" text-anchor="start">{text}</text>'
        )
    return f'<text class="label" lang="{escape(name.lang)}" x="0" y="{baseline}" font-size="{FONT}">{text}</text>'


def _label(name: Reading, y: float) -> str:
    """The name read above the one beside it (when there is one), the pair centred on ``y``."""
    # Baselines: a 12 px line's glyphs sit about 4 px above and 8 px below the middle of its box.
    if name.beside is None:
        return _line(name.shown, y + 4)
    return _line(name.shown, y - 3) + _line(name.beside, y + FONT)


def _axis(scale: Scale, top: float, bottom: float) -> list[str]:
    out = [
        f'<line class="axis" x1="{scale.left}" y1="{bottom}" x2="{scale.right}" y2="{bottom}" '
        'stroke="#666" stroke-width="1"/>'
    ]
    for tick in scale.ticks():
        x, text = tick.x, tick.label
        out.append(
            f'<line class="grid" x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="#ddd" stroke-width="1"/>'
        )
        out.append(
            f'<text class="tick" x="{x}" y="{bottom + 16}" font-size="{FONT - 1}" text-anchor="middle">'
            f"{escape(text)}</text>"
        )
    return out


def _svg(kind: str, title: str, description: str, height: float, body: list[str]) -> str:
    ident = f"{kind}-timeline"
    return (
        f'<svg class="timeline {ident}" id="{ident}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _lanes(spans: Sequence[tuple[float, float]]) -> list[int]:
    """Greedy lanes so that marks of one speaker that overlap on the axis are stacked, not hidden."""
    ends: list[float] = []
    lanes: list[int] = []
    for x1, x2 in spans:
        lane = next((i for i, end in enumerate(ends) if end + 3 <= x1), None)
        if lane is None:
            lane = len(ends)
            ends.append(x2)
        else:
            ends[lane] = x2
        lanes.append(lane)
    return lanes


def statement_timeline(sheet: FactSheet, labels: SheetLabels) -> str:
    """The sheet's statements: speakers down the side, dates across; one mark per statement, linked to it
    in the sheet."""
    statements = sheet.statements
    dated = [s for s in statements if s.said_on]
    undated = [s for s in statements if not s.said_on]
    if not statements:
        return ""
    spans = [_span(s.said_on) for s in dated if s.said_on]
    first = min((sp.start for sp in spans), default=dt.date(2000, 1, 1))
    last = max((sp.end for sp in spans), default=first)
    # A little room on both sides, so that marks on the first and last day are not cut.
    pad = dt.timedelta(days=max(2, (last - first).days // 30))
    scale = Scale(first - pad, last + pad)
    if undated:
        scale.right -= 70

    speakers: dict[str, list[StatementOut]] = {}
    for s in statements:
        speakers.setdefault(s.speaker.key, []).append(s)

    body: list[str] = []
    y = 0.0
    rows: list[str] = []
    for said in speakers.values():
        boxes: list[tuple[float, float]] = []
        for s in said:
            if s.said_on:
                span = _span(s.said_on)
                x1, x2 = scale.x(span.start), scale.x(span.end + dt.timedelta(days=1))
                boxes.append((x1, max(x2, x1 + MARK_HEIGHT)))
            else:
                boxes.append((scale.right + 30, scale.right + 30 + MARK_HEIGHT))
        lanes = _lanes(boxes)
        height = max(ROW_HEIGHT, (max(lanes) + 1) * LANE_HEIGHT + 12)
        speaker = said[0].speaker
        name = sheet.name_reading(speaker.id, speaker.key)
        rows.append(_label(name, y + height / 2))
        for s, (x1, x2), lane in zip(said, boxes, lanes, strict=True):
            top = y + 6 + lane * LANE_HEIGHT
            tooltip = labels(
                "mark_title", id=str(s.id), date=s.said_on or labels("undated"), who=name.shown.text
            )
            shape = (
                f'<circle cx="{x1 + MARK_HEIGHT / 2}" cy="{top + MARK_HEIGHT / 2}" r="{MARK_HEIGHT / 2}"'
                if s.said_on_precision in (None, "day")
                else f'<rect x="{x1}" y="{top}" width="{x2 - x1}" height="{MARK_HEIGHT}" rx="4"'
            )
            fill = "#9a9a9a" if not s.said_on else "#b5542c"
            rows.append(
                f'<a href="#statement-{s.id}">{shape} class="mark statement" data-statement="{s.id}" '
                f'data-precision="{s.said_on_precision or "none"}" fill="{fill}" fill-opacity="0.85" '
                f'stroke="#fff" stroke-width="1"><title>{escape(tooltip)}</title></{shape.split()[0][1:]}></a>'
            )
        rows.append(
            f'<line class="row" x1="0" y1="{y + height}" x2="{WIDTH}" y2="{y + height}" stroke="#eee"/>'
        )
        y += height
    body += _axis(scale, 0, y + 4)
    if undated:
        body.append(
            f'<text class="tick" x="{scale.right + 35}" y="{y + 20}" font-size="{FONT - 1}" '
            f'text-anchor="middle">{escape(labels("undated"))}</text>'
        )
    body += rows
    description = labels(
        "statement_timeline_description",
        statements=labels.count("statements", len(statements)),
        speakers=labels.count("speakers", len(speakers)),
    )
    return _svg("statement", labels("statement_timeline"), description, y + AXIS_HEIGHT + 8, body)
