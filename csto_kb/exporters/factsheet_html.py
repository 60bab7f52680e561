"""The fact sheet as one self-contained HTML file: inline CSS and SVG, bilingual, every line footnoted.

Built with the standard library: ``html.escape`` on every piece of user text and plain string joining, so a
quote holding ``<script>`` is shown as text. It reads on a 1280 px screen and on a phone, and prints on A4
(print CSS: sections follow one another, no card, row or quote split across pages, long words and URLs
wrapped instead of cut). User text that holds right-to-left script is isolated (``<bdi>``, or ``dir`` on its
own element), so an Arabic publisher before a date does not reorder the line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from csto_kb.dates import PartialDate
from csto_kb.exporters.common import RIGHT_TO_LEFT
from csto_kb.exporters.factsheet_labels import SheetLabels, labels_for, separator, shown_counts
from csto_kb.exporters.membership_chart import CSS as MEMBERSHIP_CSS
from csto_kb.exporters.membership_chart import membership_chart
from csto_kb.exporters.svg import statement_timeline
from csto_kb.languages import (
    ENGLISH,
    LangText,
    Reading,
    direction,
    is_right_to_left,
    read,
    read_rows,
    same_language,
)
from csto_kb.schemas.facts import Citation, ForceLevelOut, OrganisationFactOut
from csto_kb.schemas.factsheet import FactSheet
from csto_kb.schemas.statements import EntityRef, StatementOut

CSS = (
    """
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6470; --rule: #d9dde3; --accent: #2f6f9f;
  --paper: #fff; --tint: #f4f6f9; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; background: var(--tint); color: var(--ink);
  font: 1rem/1.55 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; background: var(--paper); }
[lang|=ar], [lang|=fa], [lang|=ur] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Geeza Pro",
  "Arial", serif; line-height: 1.7; }
:not(html)[lang|=ar], :not(html)[lang|=fa], :not(html)[lang|=ur] { font-size: 1.08em; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 4px; }
h1 .beside { display: block; font-size: 1.5rem; color: var(--muted); }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin: 36px 0 12px; }
h3 { font-size: 1.05rem; margin: 20px 0 8px; }
p, li, td, th, blockquote, dd { overflow-wrap: anywhere; }
a { color: var(--accent); }
.stamp { color: var(--muted); font-style: italic; margin: 0 0 16px; }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 0; list-style: none; }
nav li::before { content: "§ "; color: var(--muted); }
.cite { font-size: 0.78em; white-space: nowrap; vertical-align: super; line-height: 0; direction: ltr;
  unicode-bidi: isolate; }
.cite[dir="rtl"] { direction: rtl; }
.cite a { text-decoration: none; }
dl.identity { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 18px; margin: 0; }
dl.identity dt { font-weight: 600; color: var(--muted); }
dl.identity dd { margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 8px 0 16px; }
th, td { text-align: start; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
th { background: var(--tint); font-size: 0.9rem; }
td.num { font-variant-numeric: tabular-nums; }
figure { margin: 12px 0 20px; }
figure svg { display: block; width: 100%; height: auto; font-family: "Noto Sans", "DejaVu Sans", Arial,
  sans-serif; }
figure svg [lang|=ar] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Arial", serif; }
figcaption { color: var(--muted); font-size: 0.9rem; }
ul.facts { padding-inline-start: 20px; }
ul.facts li { margin-bottom: 10px; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
.pair > * { min-width: 0; }
.pair .read { margin: 0; }
.pair .original { margin: 0; padding-inline-start: 12px; border-inline-start: 3px solid var(--rule); }
.forces { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px;
  margin-bottom: 16px; }
.figure-card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.figure-card .count { font-size: 1.6rem; font-weight: 700; }
.disagree { color: #a34a4a; font-weight: 600; }
article.statement { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
article.statement header { margin-bottom: 8px; }
article.statement .who { font-weight: 700; }
article.statement .meta { color: var(--muted); font-size: 0.9rem; }
blockquote { margin: 0; }
blockquote.quote { font-size: 1.05rem; }
.translation { font-style: italic; margin: 0; }
ol.sources li { margin-bottom: 8px; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
.empty { color: var(--muted); font-style: italic; }
.untranslated { display: inline-block; font-size: 0.78rem; font-weight: 600; font-style: normal;
  letter-spacing: 0.02em; color: #7a4d00; background: #fff3d6; border: 1px solid #e0b85c; border-radius: 3px;
  padding: 0 6px; }
.selection { background: var(--tint); border-inline-start: 3px solid var(--accent); padding: 8px 12px;
  margin: 8px 0 12px; }
.selection p { margin: 0 0 4px; }
.selection code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; overflow-wrap: anywhere; }
.selection .counts { font-size: 0.9rem; color: var(--muted); }
ol.sources .number { font-variant-numeric: tabular-nums; }
footer { margin-top: 36px; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 720px) {
  main { padding: 16px; }
  h1 { font-size: 1.5rem; }
  .pair { grid-template-columns: minmax(0, 1fr); }
  dl.identity { grid-template-columns: minmax(0, 1fr); }
  dl.identity dd { margin-bottom: 6px; }
  article.statement { padding: 10px 12px; }
  .cite { white-space: normal; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10pt; }
  body { background: none; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { margin-top: 18px; }
  h2, h3 { break-after: avoid; }
  tr, article.statement, figure figcaption, .figure-card, ol.sources li, ul.facts li, dl.identity, .mrow,
  .selection, .legend { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .cite a { color: var(--accent); }
  article.statement { margin: 8px 0; padding: 8px 12px; }
}
"""
    + MEMBERSHIP_CSS
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _label(labels: SheetLabels, key: str, **html: str) -> str:
    """A label of the sheet, escaped, with its values (HTML already) put in."""
    return _e(labels(key)).format(**html)


def _sentence(labels: SheetLabels, key: str, **html: str) -> str:
    """A label for the text of an element (never an attribute): its quotes and apostrophes stay as written."""
    return escape(labels(key), quote=False).format(**html)


def _iso(text: str) -> str:
    """User text escaped, inside ``<bdi>`` when it holds right-to-left script (its direction then cannot
    leak into the Latin text and numbers around it)."""
    return f"<bdi>{_e(text)}</bdi>" if RIGHT_TO_LEFT.search(text) else _e(text)


def _dir(lang: str) -> str:
    """``rtl`` for a right-to-left language; else ``auto``, the browser looking at the first strong letter."""
    return "rtl" if is_right_to_left(lang) else "auto"


def _lang_text(text: str, lang: str, tag: str = "span", cls: str = "original") -> str:
    """Text in its own language and direction (Arabic, Persian, Hebrew … right-to-left)."""
    return f'<{tag} class="{cls}" lang="{_e(lang)}" dir="{_dir(lang)}">{_e(text)}</{tag}>'


def _reading(reading: Reading, between: str = " · ", cls: str = "shown") -> str:
    """What the reader is shown, with the original beside it when that is a translation."""
    shown = _lang_text(reading.shown.text, reading.shown.lang, "span", cls)
    if reading.beside is None:
        return shown
    return shown + between + _lang_text(reading.beside.text, reading.beside.lang)


def _names(sheet: FactSheet, entity: EntityRef) -> str:
    """The name in the reading language (else English, else the primary one), the primary beside it."""
    return _reading(sheet.name_reading(entity.id, entity.key), cls="name")


def _label_cell(sheet: FactSheet, entity: EntityRef) -> str:
    """The membership chart's label: the name read at the start, the original at the end of one line."""
    reading = sheet.name_reading(entity.id, entity.key)
    shown = _lang_text(reading.shown.text, reading.shown.lang, "span", "name-en")
    if reading.beside is None:
        return shown
    return shown + _lang_text(reading.beside.text, reading.beside.lang, "span", "name-ar")


def _title(titles: list[LangText], sheet: FactSheet, fallback: str, between: str = " · ") -> str:
    reading = read(titles, sheet.lang)
    return _reading(reading, between) if reading is not None else _iso(fallback)


def _date(value: str | None) -> str:
    return _e(value) if value else "—"


def _in_line(labels: SheetLabels, date: str) -> str:
    """A date inside a sentence of the page: on a right-to-left page isolated left to right, since after
    Arabic letters its digits read as Arabic numbers and the hyphens between them reverse their order."""
    return f'<bdi dir="ltr">{date}</bdi>' if direction(labels.lang) == "rtl" else date


def _cite(sheet: FactSheet, labels: SheetLabels, source_id: int, start: int | None, end: int | None) -> str:
    number = str(sheet.source_number(source_id))
    if start is not None:
        text = _label(labels, "cite_span", number=number, span=_in_line(labels, f"{start}–{end}"))
        title = labels("cite_title_span", number=number, start=str(start), end=str(end))
    else:
        text, title = number, labels("cite_title", number=number)
    # Left to right, whatever the page, unless its own words are written right to left (CSS `.cite`).
    rtl = ' dir="rtl"' if direction(labels.lang) == "rtl" else ""
    return f'<sup class="cite"{rtl}><a href="#source-{number}" title="{_e(title)}">[{text}]</a></sup>'


def _cite_fact(sheet: FactSheet, labels: SheetLabels, fact: Citation | StatementOut) -> str:
    """One citation per source supporting the fact."""
    return "".join(_cite(sheet, labels, e.source.id, e.span_start, e.span_end) for e in fact.evidence)


def _table(headers: Iterable[str], rows: list[list[str]], widths: Iterable[str], cls: str) -> str:
    cols = "".join(f'<col style="width:{w}">' for w in widths)
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _left_to_right(labels: SheetLabels, chart: str) -> str:
    """A chart whose time runs left to right, kept so on a right-to-left page (its geometry is drawn so)."""
    return f'<div dir="ltr">{chart}</div>' if direction(labels.lang) == "rtl" else chart


def _section(ident: str, title: str, body: list[str]) -> str:
    return f'<section id="{ident}" aria-labelledby="{ident}-h"><h2 id="{ident}-h">{title}</h2>{"".join(body)}</section>'


def _identity(sheet: FactSheet, labels: SheetLabels) -> str:
    a = sheet.alliance
    rows: list[str] = []
    langs = sorted({n.lang for n in a.names}, key=lambda x: (x != sheet.lang, x != ENGLISH))
    for lang in langs:
        joined = separator(lang).join(n.name for n in a.names if n.lang == lang)
        names = _label(labels, "names", language=_e(labels.language(lang)))
        rows.append(f"<dt>{names}</dt><dd>{_lang_text(joined, lang, 'span', 'names')}</dd>")
    if a.description:
        rows.append(f'<dt>{_label(labels, "description")}</dt><dd dir="auto">{_e(a.description)}</dd>')
    founded = _label(labels, "founded")
    for event in sheet.founding:
        date_text = f'<bdi dir="auto">{_e(event.date_text)}</bdi>'
        written = f" ({_label(labels, 'as_written', text=date_text)})" if event.date_text else ""
        title = _title([LangText(t.lang, t.text, t.is_original) for t in event.titles], sheet, event.title)
        rows.append(
            f"<dt>{founded}</dt><dd>{_date(event.starts_on)}{written} — {title} {_cite_fact(sheet, labels, event)}</dd>"
        )
    if not sheet.founding:
        rows.append(f'<dt>{founded}</dt><dd class="empty">{_label(labels, "no_founding")}</dd>')
    return _section("identity", _label(labels, "identity"), [f'<dl class="identity">{"".join(rows)}</dl>'])


def _members(sheet: FactSheet, labels: SheetLabels, until: dt.date) -> str:
    if not sheet.members:
        return _section(
            "members", _label(labels, "members"), [f'<p class="empty">{_label(labels, "no_members")}</p>']
        )
    rows = [
        [
            _names(sheet, m.member),
            _e(labels.value("status", m.status)),
            _date(m.valid_from),
            _date(m.valid_to),
            _cite_fact(sheet, labels, m),
        ]
        for m in sheet.members
    ]
    body = [
        _table(
            [_label(labels, k) for k in ("member", "status", "since", "until", "source")],
            rows,
            ["38%", "14%", "14%", "14%", "20%"],
            "members",
        )
    ]
    chart = membership_chart(
        sheet.members,
        until,
        labels,
        {m.member.key: _label_cell(sheet, m.member) for m in sheet.members},
        {m.member.key: sheet.name_reading(m.member.id, m.member.key).shown.text for m in sheet.members},
    )
    if chart:
        body.append(
            f"<figure>{_left_to_right(labels, chart)}<figcaption>{_label(labels, 'membership_caption')}</figcaption></figure>"
        )
    return _section("members", _label(labels, "members"), body)


def _untranslated(labels: SheetLabels) -> str:
    return f'<span class="untranslated" title="{_label(labels, "untranslated_note")}">{_label(labels, "untranslated")}</span>'


def _fact_items(sheet: FactSheet, labels: SheetLabels, facts: list[OrganisationFactOut]) -> str:
    items = []
    for f in facts:
        # The fact in the reading language beside the original; "untranslated" when it is not held in it.
        reading = read_rows(f.texts, sheet.lang)
        if reading is not None and reading.original is not None:
            shown = _lang_text(reading.shown.text, reading.shown.lang, "p", "read")
            original = _lang_text(reading.original.text, reading.original.lang, "blockquote")
        else:
            held = reading.shown if reading is not None else LangText(f.lang, f.text, True)
            read_in = same_language(held.lang, sheet.lang)
            shown = '<p class="read"></p>' if read_in else f'<p class="read">{_untranslated(labels)}</p>'
            original = _lang_text(held.text, held.lang, "blockquote")
        items.append(f'<li><div class="pair">{shown}{original}</div>{_cite_fact(sheet, labels, f)}</li>')
    return f'<ul class="facts">{"".join(items)}</ul>'


def _obligations(sheet: FactSheet, labels: SheetLabels) -> str:
    body: list[str] = []
    if sheet.obligations:
        body.append(_fact_items(sheet, labels, sheet.obligations))
    else:
        body.append(f'<p class="empty">{_label(labels, "no_obligations")}</p>')
    for key, facts in (("characterisations", sheet.characterisations), ("practices", sheet.practices)):
        if facts:
            body += [f"<h3>{_label(labels, key)}</h3>", _fact_items(sheet, labels, facts)]
    return _section("obligations", _label(labels, "obligations"), body)


def _force_card(sheet: FactSheet, labels: SheetLabels, force: ForceLevelOut) -> str:
    count = _label(labels, "about", count=f"{force.count:,}") if force.approximate else f"{force.count:,}"
    who = _names(sheet, force.asserted_by) if force.asserted_by else "—"
    # What is counted, read in the sheet's language (the original label beside a translation; the figure's
    # own words below stand for the source's script); below it the figure as the source writes it.
    reading = read_rows(force.units, sheet.lang)
    unit = _reading(Reading(reading.shown, reading.original), cls="unit") if reading is not None else ""
    wording = (
        f"<div>{_lang_text(force.wording, force.wording_lang)}</div>"
        if force.wording and force.wording_lang
        else ""
    )
    return (
        f'<div class="figure-card" data-force="{force.id}"><div class="count">{count}</div>'
        f"<div>{unit}</div>{wording}"
        f'<div class="meta">{_label(labels, "as_of", date=_in_line(labels, _date(force.as_of)))} · {_label(labels, "asserted_by", who=who)} '
        f"{_cite_fact(sheet, labels, force)}</div></div>"
    )


def _forces(sheet: FactSheet, labels: SheetLabels) -> str:
    if not sheet.forces:
        return _section(
            "forces", _label(labels, "forces"), [f'<p class="empty">{_label(labels, "no_forces")}</p>']
        )
    body: list[str] = []
    groups: dict[str, list[ForceLevelOut]] = {}
    for force in sheet.forces:
        groups.setdefault(force.readiness, []).append(force)
    for readiness, forces in groups.items():
        counts = {f.count for f in forces}
        note = (
            f' <span class="disagree">— {_label(labels, "figures_differ", count=str(len(counts)))}</span>'
            if len(counts) > 1
            else ""
        )
        body.append(f"<h3>{_e(labels.value('readiness', readiness))}{note}</h3>")
        body.append(f'<div class="forces">{"".join(_force_card(sheet, labels, f) for f in forces)}</div>')
    return _section("forces", _label(labels, "forces"), body)


def _events(sheet: FactSheet, labels: SheetLabels) -> str:
    if not sheet.events:
        return _section(
            "events", _label(labels, "events"), [f'<p class="empty">{_label(labels, "no_events")}</p>']
        )
    rows = []
    for e in sheet.events:
        when = _date(e.starts_on) + (f" – {_e(e.ends_on)}" if e.ends_on else "")
        name = _title([LangText(t.lang, t.text, t.is_original) for t in e.titles], sheet, e.title, "<br>")
        who = separator(labels.lang).join(
            f"{_names(sheet, p.entity)} ({_e(labels.value('role', p.role))})" for p in e.participants
        )
        rows.append([when, name, who, _cite_fact(sheet, labels, e)])
    headers = [_label(labels, k) for k in ("date", "event", "participants", "source")]
    return _section(
        "events", _label(labels, "events"), [_table(headers, rows, ["14%", "36%", "34%", "16%"], "events")]
    )


def _said_on(s: StatementOut, labels: SheetLabels) -> str:
    if s.said_on and s.said_on_basis == "not_after":
        date = f'<time datetime="{_e(s.said_on)}">{_e(s.said_on)}</time>'
        return _label(labels, "not_after", date=_in_line(labels, date))
    if not s.said_on:
        return _label(labels, "undated")
    precision = s.said_on_precision or "day"
    return f'<time datetime="{_e(s.said_on)}">{_e(s.said_on)}</time> ({_label(labels, f"precision_{precision}")})'


def _statement(sheet: FactSheet, labels: SheetLabels, s: StatementOut) -> str:
    title = read_rows(s.role.titles, sheet.lang) if s.role is not None else None
    if title is not None:
        role = ", " + _reading(title, cls="role")
    else:
        role = f', <span class="role" dir="auto">{_e(s.role_text)}</span>' if s.role_text else ""
    header = (
        f'<span class="who">{_names(sheet, s.speaker)}</span>'
        + role
        + f'<div class="meta">{_said_on(s, labels)}'
        + (f" · {_label(labels, 'as_written', text=_lang_text(s.date_text, s.lang))}" if s.date_text else "")
        + (f" · {_iso(s.venue)}" if s.venue else "")
        + f" · {_e(labels.value('mode', s.mode))}"
        + (f" ({_label(labels, 'cue', cue=_lang_text(s.cue, s.lang))})" if s.cue else "")
        + "</div>"
    )
    # The quote is the original; the reader is shown it in their language, else in English (the one rule).
    held = [LangText(s.lang, s.quote, True), *(LangText(t.lang, t.text) for t in s.translations)]
    reading = read(held, sheet.lang)
    shown = reading.shown if reading is not None and reading.original is not None else None
    english = ""
    if shown is not None:
        translator = next(
            t.translator for t in s.translations if (t.lang, t.text) == (shown.lang, shown.text)
        )
        english = (
            f'<p class="translation" lang="{_e(shown.lang)}" dir="{_dir(shown.lang)}">{_e(shown.text)}'
            f' <span class="meta">({_label(labels, "translated_by", who=_iso(translator))})</span></p>'
        )
    elif s.lang != sheet.lang and s.lang.split("-")[0] != sheet.lang.split("-")[0]:
        english = f'<p class="translation">{_untranslated(labels)}</p>'
    quote = _lang_text(s.quote, s.lang, "blockquote", "original quote")
    body = f'<div class="pair"><div class="en">{english}</div>{quote}</div>' if english else quote
    return (
        f'<article class="statement" id="statement-{s.id}" data-statement="{s.id}"><header>{header}</header>'
        f'{body}<div class="meta">{_label(labels, "statement_number", id=str(s.id))} {_cite_fact(sheet, labels, s)}'
        "</div></article>"
    )


def _code(labels: SheetLabels, text: str) -> str:
    """A command or an option, kept left to right on a right-to-left page."""
    return (
        f'<code dir="ltr">{_e(text)}</code>'
        if direction(labels.lang) == "rtl"
        else f"<code>{_e(text)}</code>"
    )


def _selection(sheet: FactSheet, labels: SheetLabels) -> str:
    """What the sheet shows of the statements, what it leaves out, and how to list them all."""
    sel = sheet.statement_selection
    name = _iso(sheet.name_reading(sheet.alliance.id, sheet.alliance.key).shown.text)
    if sel.rule == "all":
        rule = _sentence(labels, "rule_all", name=name)
    else:
        rule = _sentence(
            labels,
            "rule_latest",
            name=name,
            limit=f"{sel.limit:,}",
            per_speaker=_e(labels.count("statements", sel.per_speaker or 0)),
        )
    parts = [f"<p><strong>{_e(shown_counts(labels, sel))}.</strong> {rule}</p>"]
    if sel.hidden:
        partial = [c for c in sel.speaker_counts if c.matching > c.shown]
        listed = [
            _label(
                labels,
                "speaker_shown",
                name=_names(sheet, c.speaker),
                shown=f"{c.shown:,}",
                matching=f"{c.matching:,}",
            )
            for c in partial[:20]
        ]
        if len(partial) > 20:
            listed.append(_e(labels.count("more_speakers", len(partial) - 20)))
        unseen = sel.speakers - len(sel.speaker_counts)
        others = (
            _label(labels, "speakers_unseen", speakers=_e(labels.count("speakers", unseen)))
            if unseen > 0
            else ""
        )
        if listed:
            line = _label(labels, "speakers_partial", listed=_e(labels("list_separator")).join(listed))
            parts.append(f'<p class="counts">{line}{" " + others if others else ""}</p>')
        elif others:
            parts.append(f'<p class="counts">{others}</p>')
        commands = _e(labels("and")).join(_code(labels, c) for c in sel.full_export)
        hidden = _label(
            labels,
            "hidden",
            statements=_e(labels.count("statements", sel.hidden)),
            commands=commands,
            all=_code(labels, "--statements all"),
            per_speaker=_code(labels, "--per-speaker"),
            limit=_code(labels, "--limit"),
        )
        parts.append(f'<p class="counts">{hidden}</p>')
    return f'<div class="selection">{"".join(parts)}</div>'


def _statements(sheet: FactSheet, labels: SheetLabels) -> str:
    title = _label(labels, "statements")
    if not sheet.statements:
        return _section("statements", title, [f'<p class="empty">{_label(labels, "no_statements")}</p>'])
    timeline = _left_to_right(labels, statement_timeline(sheet, labels))
    body = [
        _selection(sheet, labels),
        f"<figure>{timeline}<figcaption>{_label(labels, 'statement_caption')}</figcaption></figure>",
    ]
    body += [_statement(sheet, labels, s) for s in sheet.statements]
    return _section("statements", title, body)


def _link(url: str) -> str:
    # Only web addresses become links: a javascript: or data: URL in a source record stays inert text.
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}">{_e(url)}</a>'
    return _e(url)


def _sources(sheet: FactSheet, labels: SheetLabels) -> str:
    items = []
    for src in sheet.sources:
        # The label repeats the publisher, title and date; they are written here each in its own element, so
        # the title prints once and an Arabic publisher or title cannot reorder the date beside it.
        head = [_iso(src.publisher)] if src.publisher else []
        if src.title:
            head.append(_lang_text(src.title, src.lang, "cite", "title"))
        if src.published_on:
            inferred = " " + _label(labels, "inferred") if src.published_basis == "inferred" else ""
            head.append(f'<time datetime="{_e(src.published_on)}">{_e(src.published_on)}</time>{inferred}')
        parts = [", ".join(head) if head else _e(src.label)]
        if src.url:
            parts.append(_link(src.url))
        if src.published_basis == "inferred" and src.published_note:
            # A note is written in whatever language its author wrote (the seed's in English): on a
            # right-to-left page it is isolated, so its own direction holds (its full stop stays at its end).
            note = src.published_note
            isolated = f"<bdi>{_e(note)}</bdi>" if direction(labels.lang) == "rtl" else _iso(note)
            parts.append(_label(labels, "publication_inferred", note=isolated))
        if src.sha256:
            parts.append(
                _label(labels, "text_sha256", hash=f'<span class="hash">{_e(src.sha256[:16])}…</span>')
            )
        items.append(f'<li id="source-{src.number}" value="{src.number}">{" — ".join(parts)}</li>')
    title = _label(labels, "sources")
    if not items:
        return _section("sources", title, [f'<p class="empty">{_label(labels, "no_sources")}</p>'])
    note = f'<p class="counts">{_label(labels, "sources_note", command="<code>csto-kb source show ID</code>")}</p>'
    return _section("sources", title, [note, f'<ol class="sources">{"".join(items)}</ol>'])


def _until(sheet: FactSheet) -> dt.date:
    """The right end of the membership timeline: the as-of date, else the day the sheet was made."""
    if sheet.as_of:
        return PartialDate.parse(sheet.as_of).last_day
    return sheet.generated_at.date()


def render(sheet: FactSheet) -> str:
    """The whole sheet as one HTML document."""
    a = sheet.alliance
    # The sheet's own words in the reading language, else English; the page is marked in theirs (every
    # name, title and quote on it carries its own language).
    labels = labels_for(sheet.lang)
    name = sheet.name_reading(a.id, a.key)
    title = name.shown.text
    stamp = (
        _label(labels, "as_it_stood", date=_in_line(labels, _e(sheet.as_of)))
        if sheet.as_of
        else _label(labels, "as_recorded")
    )
    heading = _lang_text(title, name.shown.lang, "span", "name") + (
        " " + _lang_text(name.beside.text, name.beside.lang, "span", "beside") if name.beside else ""
    )
    nav = "".join(
        f'<li><a href="#{ident}">{_label(labels, key)}</a></li>'
        for ident, key in (
            ("identity", "nav_identity"),
            ("members", "members"),
            ("obligations", "obligations"),
            ("forces", "forces"),
            ("events", "events"),
            ("statements", "statements"),
            ("sources", "sources"),
        )
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(labels.lang)}" dir="{direction(labels.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="csto-kb">',
        # Nothing is loaded from elsewhere: no scripts at all, images and styles only from this file.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">',
        f"<title>{_e(title)} — {_label(labels, 'fact_sheet')}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<header><h1>{heading}</h1>"
        '<p class="stamp">'
        + _label(
            labels,
            "stamp",
            stamp=stamp,
            date=_in_line(labels, f"{sheet.generated_at:%Y-%m-%d}"),
            version=str(sheet.schema_version),
            language=_e(labels.language(sheet.lang)),
        )
        + "</p>"
        f'<nav aria-label="{_label(labels, "sections")}"><ol>{nav}</ol></nav></header>',
        _identity(sheet, labels),
        _members(sheet, labels, _until(sheet)),
        _obligations(sheet, labels),
        _forces(sheet, labels),
        _events(sheet, labels),
        _statements(sheet, labels),
        _sources(sheet, labels),
        f"<footer>{_label(labels, 'footer')}</footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)
