"""The membership timeline of the HTML fact sheet: one row per state, one segment per membership episode.

Drawn with HTML and CSS rather than SVG, so that names stay readable at phone width and each label shares a
grid row with its bar (they cannot drift apart). A segment's colour and pattern say its status (member,
frozen, withdrawn …, see the legend), its position the episode's dates; a start known only to the year or
month is paler over that year or month, and an episode still in force ends in an arrow. Positions are
percentages of the track; the axis's ticks are chosen for the narrowest track (a phone), so their labels
never overlap at any width. Its words (legend, episodes, tooltips) are the sheet's labels, in the reader's
language (`csto_kb.exporters.factsheet_labels`); its names are read by the one reading rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from csto_kb.dates import PartialDate
from csto_kb.exporters.factsheet_labels import SheetLabels
from csto_kb.exporters.ticks import choose_ticks
from csto_kb.languages import direction
from csto_kb.schemas.facts import MembershipOut
from csto_kb.vocabulary import MEMBERSHIP_STATUSES

NARROWEST_TRACK = 300.0
"""The track's width in CSS pixels on a 390 px phone, less a margin: ticks are chosen to fit it."""
TICK_CHAR_WIDTH = 8.0
"""A generous advance of one 12 px tick-label character (DejaVu Sans digits are 7.6 px)."""

CSS = """
.mchart { margin: 8px 0 4px; }
.mchart .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0;
  margin: 0 0 8px; font-size: 0.85rem; color: var(--muted); }
.mchart .legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 22px; height: 12px; border-radius: 2px; flex: none; }
.mrow { display: grid; grid-template-columns: 14rem minmax(0, 1fr); grid-template-areas: "label track"
  ". episodes"; column-gap: 12px; align-items: center; padding: 6px 0; border-bottom: 1px solid var(--rule); }
.mrow .mlabel { grid-area: label; display: flex; flex-wrap: wrap; justify-content: space-between;
  align-items: baseline; gap: 0 8px; min-width: 0; }
.mrow .mlabel .name-en { font-weight: 600; }
.mrow .track { grid-area: track; position: relative; height: 24px; background: var(--tint);
  border-radius: 3px; overflow: hidden; }
.mrow .episodes { grid-area: episodes; margin: 4px 0 0; font-size: 0.82rem; color: var(--muted); }
.mrow .episodes .swatch { width: 14px; height: 9px; margin-inline-end: 4px; }
.mrow.axis { border-bottom: 0; padding-top: 2px; }
.mrow.axis .track { background: none; height: 18px; overflow: visible; border-top: 1px solid #666;
  border-radius: 0; }
.track .grid { position: absolute; top: 0; bottom: 0; width: 0; border-inline-start: 1px solid #d5d9df; }
.track .tick { position: absolute; top: 2px; transform: translateX(-50%); font-size: 12px; line-height: 1;
  white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; }
.track .mark { position: absolute; top: 3px; bottom: 3px; min-width: 3px; border-radius: 3px; }
.track .mark.open { border-start-end-radius: 0; border-end-end-radius: 0;
  clip-path: polygon(0 0, calc(100% - 9px) 0, 100% 50%, calc(100% - 9px) 100%, 0 100%); }
.track .uncertain { position: absolute; top: 3px; bottom: 3px; background: rgba(255, 255, 255, 0.5); }
.status-member { background: #2f6f9f; }
.status-applicant { background: repeating-linear-gradient(135deg, #8fb9da 0 4px, #e4eff8 4px 8px); }
.status-observer { background: #8a8f98; }
.status-partner { background: repeating-linear-gradient(90deg, #5f9670 0 6px, #b5d6be 6px 9px); }
.status-suspended { background: repeating-linear-gradient(45deg, #c28a1b 0 5px, #f3dca4 5px 9px); }
.status-frozen { background: repeating-linear-gradient(135deg, #4d9cc0 0 3px, #d6edf6 3px 7px); }
.status-withdrawn { background: repeating-linear-gradient(45deg, #a34a4a 0 3px, #f4dede 3px 7px); }
.status-former { background: #d7aaaa; }
.mchart .legend .open-mark { width: 22px; height: 12px; background: #2f6f9f;
  clip-path: polygon(0 0, 13px 0, 100% 50%, 13px 100%, 0 100%); }
.mchart .legend .pale-mark { background: linear-gradient(90deg, #97b7cf 0 50%, #2f6f9f 50%); }
.mchart .swatch, .mchart .mark, .mchart .uncertain { -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
@media (max-width: 720px) {
  .mrow { grid-template-columns: minmax(0, 1fr); grid-template-areas: "label" "track" "episodes";
    row-gap: 4px; }
}
"""


def _start(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a partial start date may mean."""
    date = PartialDate.parse(value)
    return date.first_day, date.last_day


def _episode_text(m: MembershipOut, labels: SheetLabels) -> str:
    status = labels.value("status", m.status)
    if m.valid_to:
        return labels("episode_between", status=status, start=m.valid_from or "", end=m.valid_to)
    return labels("episode_since", status=status, date=m.valid_from or "")


def membership_chart(
    members: Sequence[MembershipOut],
    until: dt.date,
    labels: SheetLabels,
    cells: dict[str, str],
    names: dict[str, str],
) -> str:
    """The chart's HTML: a legend, one row per member state, an axis; empty when no episode has a start.

    ``cells`` gives each member key's label cell (its names, already escaped and direction-isolated),
    ``names`` the name its tooltips say; its own words are ``labels``'.
    """
    dated = [m for m in members if m.valid_from]
    if not dated:
        return ""
    first = min(_start(m.valid_from)[0] for m in dated if m.valid_from)
    ends = [PartialDate.parse(m.valid_to).last_day for m in dated if m.valid_to]
    last = max([until, *ends])
    if last <= first:
        last = first + dt.timedelta(days=1)
    span = (last - first).days

    def pct(day: dt.date) -> float:
        return round(max(0.0, min(100.0, (day - first).days / span * 100)), 2)

    ticks = choose_ticks(first, last, 0.0, NARROWEST_TRACK, TICK_CHAR_WIDTH)
    grid = "".join(
        f'<span class="grid" style="left:{t.x / NARROWEST_TRACK * 100:.2f}%"></span>' for t in ticks
    )

    # The chart's time runs left to right on every page; its words keep their own language's direction.
    rtl = ' dir="rtl"' if direction(labels.lang) == "rtl" else ""
    rows: dict[str, list[MembershipOut]] = {}
    for m in dated:
        rows.setdefault(m.member.key, []).append(m)
    out: list[str] = []
    for key, episodes in rows.items():
        episodes.sort(key=lambda m: (m.valid_from or "", m.id))
        marks: list[str] = []
        for m in episodes:
            assert m.valid_from is not None
            start, start_last = _start(m.valid_from)
            end = PartialDate.parse(m.valid_to).last_day if m.valid_to else until
            left, right = pct(start), pct(max(end, start))
            tooltip = labels(
                "episode_title",
                who=names[key],
                status=labels.value("status", m.status),
                start=m.valid_from,
                end=m.valid_to or labels("in_force"),
            )
            open_end = "" if m.valid_to else " open"
            marks.append(
                f'<span class="mark membership status-{escape(m.status)}{open_end}" data-member="{escape(key)}" '
                f'data-status="{escape(m.status)}" data-from="{escape(m.valid_from)}" '
                f'data-to="{escape(m.valid_to or "")}" style="left:{left}%;width:{max(0.0, right - left):.2f}%" '
                f'title="{escape(tooltip)}"></span>'
            )
            if start_last > start:
                # The start is known only to the year or month: paler over the days it may mean.
                marks.append(
                    f'<span class="uncertain" style="left:{left}%;width:{pct(start_last) - left:.2f}%"></span>'
                )
        episode_list = " · ".join(
            f'<span class="episode"{rtl}><span class="swatch status-{escape(m.status)}"></span>'
            f"{escape(_episode_text(m, labels))}</span>"
            for m in episodes
        )
        out.append(
            f'<div class="mrow" data-member="{escape(key)}"><div class="mlabel">{cells[key]}</div>'
            f'<div class="track">{grid}{"".join(marks)}</div><p class="episodes">{episode_list}</p></div>'
        )
    axis = "".join(
        f'<span class="tick" style="left:{t.x / NARROWEST_TRACK * 100:.2f}%">{escape(t.label)}</span>'
        for t in ticks
    )
    present = [s for s in MEMBERSHIP_STATUSES if any(m.status == s for m in dated)]
    legend = "".join(
        f'<li{rtl}><span class="swatch status-{s}"></span>{escape(labels.value("status", s))}</li>'
        for s in present
    )
    legend += f'<li{rtl}><span class="swatch open-mark"></span>{escape(labels("legend_in_force"))}</li>'
    if any(_start(m.valid_from)[1] > _start(m.valid_from)[0] for m in dated if m.valid_from):
        legend += f'<li{rtl}><span class="swatch pale-mark"></span>{escape(labels("legend_pale_start"))}</li>'
    return (
        f'<div class="mchart" id="membership-timeline" role="group" '
        f'aria-label="{escape(labels("membership_timeline"))}">'
        f'<ul class="legend" aria-label="{escape(labels("legend"))}">{legend}</ul>{"".join(out)}'
        f'<div class="mrow axis" aria-hidden="true"><div></div><div class="track">{axis}</div></div></div>'
    )
