"""The fact sheet as Markdown that renders well in common wikis; every line cites a numbered source."""

from __future__ import annotations

from csto_kb.exporters.common import isolate, md_escape
from csto_kb.exporters.common import md_lang_text as _lang_text
from csto_kb.exporters.common import md_reading as _reading
from csto_kb.exporters.factsheet_labels import SheetLabels, labels_for, separator, shown_counts
from csto_kb.languages import (
    ENGLISH,
    LangText,
    Reading,
    is_right_to_left,
    read,
    read_rows,
    same_language,
)
from csto_kb.schemas.facts import Citation
from csto_kb.schemas.factsheet import CitedSource, FactSheet
from csto_kb.schemas.statements import EntityRef, StatementOut


def _cite(sheet: FactSheet, labels: SheetLabels, fact: Citation | StatementOut) -> str:
    """One bracket per source supporting the fact: ``[1, chars 3–9][4]``."""
    brackets = []
    for e in fact.evidence:
        number = str(sheet.source_number(e.source.id))
        if e.span_start is None:
            brackets.append(f"[{number}]")
            continue
        span = f"{e.span_start}–{e.span_end}"
        # After right-to-left words a range's digits would read as that script's numbers and swap places.
        span = f"\u2066{span}\u2069" if is_right_to_left(labels.lang) else span
        brackets.append(f"[{labels('cite_span', number=number, span=span)}]")
    return "".join(brackets)


def _names(sheet: FactSheet, entity: EntityRef) -> str:
    return _reading(sheet.name_reading(entity.id, entity.key))


def _date(value: str | None) -> str:
    return value or "—"


def _source_head(src: CitedSource, labels: SheetLabels) -> str:
    """Publisher, title and date, each once; an Arabic publisher or title isolated from the date."""
    head = [isolate(md_escape(src.publisher))] if src.publisher else []
    if src.title:
        head.append(f"“{isolate(md_escape(src.title))}”")
    if src.published_on:
        inferred = " " + labels("inferred") if src.published_basis == "inferred" else ""
        head.append(src.published_on + inferred)
    return ", ".join(head) if head else md_escape(src.label)


def _said_on(labels: SheetLabels, s: StatementOut) -> str:
    """A statement's date: ``2022-04-13``; ``not after 2022-04-15`` when only its source's publication bounds
    it; ``undated``."""
    if s.said_on is None:
        return labels("undated")
    return labels("not_after_short", date=s.said_on) if s.said_on_basis == "not_after" else s.said_on


def _header(labels: SheetLabels, *keys: str) -> str:
    """A table's head and its rule."""
    return f"| {' | '.join(labels(k) for k in keys)} |\n|{' --- |' * len(keys)}"


def _selection(sheet: FactSheet, labels: SheetLabels) -> str:
    """What the sheet shows of the statements and how to list them all."""
    sel = sheet.statement_selection
    if sel.rule == "all":
        rule = labels("rule_all_short")
    else:
        rule = labels(
            "rule_latest_short",
            limit=f"{sel.limit:,}",
            per_speaker=labels.count("statements", sel.per_speaker or 0),
        )
    text = f"*{shown_counts(labels, sel)}: {rule}.*"
    if sel.hidden:
        commands = labels("and").join(f"`{c}`" for c in sel.full_export)
        hidden = labels(
            "hidden_short",
            statements=labels.count("statements", sel.hidden),
            commands=commands,
            all="`--statements all`",
        )
        text += f" *{hidden}*"
    return text


def render(sheet: FactSheet) -> str:
    # The sheet's own words in the reading language, else English (`factsheet_labels`).
    labels = labels_for(sheet.lang)
    rtl = is_right_to_left(labels.lang)
    a = sheet.alliance
    name = sheet.name_reading(a.id, a.key)
    heading = _lang_text(name.shown.text, name.shown.lang)
    if name.beside is not None:
        heading += f" · {_lang_text(name.beside.text, name.beside.lang)}"
    out: list[str] = [f"# {heading}", ""]
    stamp = labels("as_it_stood", date=sheet.as_of) if sheet.as_of else labels("as_recorded")
    out += [f"*{labels('stamp_short', stamp=stamp, date=f'{sheet.generated_at:%Y-%m-%d}')}*", ""]

    out += [f"## {labels('identity')}", ""]
    for lang in sorted({n.lang for n in a.names}, key=lambda x: (x != sheet.lang, x != ENGLISH)):
        joined = separator(lang).join(n.name for n in a.names if n.lang == lang)
        out.append(f"- **{labels('names', language=labels.language(lang))}:** {_lang_text(joined, lang)}")
    if a.description:
        out.append(f"- {md_escape(a.description)}")
    for event in sheet.founding:
        written = f" (“{md_escape(event.date_text)}”)" if event.date_text else ""
        out.append(
            f"- **{labels('founded')}:** {_date(event.starts_on)}{written} {_cite(sheet, labels, event)}"
        )
    out.append("")

    out += [f"## {labels('members')}", ""]
    if sheet.members:
        out += [_header(labels, "member", "status", "since", "until", "source")]
        for m in sheet.members:
            out.append(
                f"| {_names(sheet, m.member)} | {md_escape(labels.value('status', m.status))} | {_date(m.valid_from)} | "
                f"{_date(m.valid_to)} | {_cite(sheet, labels, m)} |"
            )
    else:
        out.append(f"_{labels('no_members')}_")
    out.append("")

    for key, facts in (
        ("obligations", sheet.obligations),
        ("characterisations", sheet.characterisations),
        ("practices", sheet.practices),
    ):
        if not facts:
            continue
        out += [f"## {labels(key)}", ""]
        for f in facts:
            # The fact in the reading language, then the original; "untranslated" when it is not held in it.
            reading = read_rows(f.texts, sheet.lang)
            original = reading.original or reading.shown if reading is not None else LangText(f.lang, f.text)
            if reading is not None and reading.original is not None:
                shown = f"{_lang_text(reading.shown.text, reading.shown.lang)} "
            else:
                shown = "" if same_language(original.lang, sheet.lang) else f"**[{labels('untranslated')}]** "
            out.append(f"- {shown}— {_lang_text(original.text, original.lang)} {_cite(sheet, labels, f)}")
        out.append("")

    out += [f"## {labels('forces')}", ""]
    if sheet.forces:
        out += [_header(labels, "unit", "count", "readiness", "as_of_column", "asserted_by_column", "source")]
        for force in sheet.forces:
            count = labels("about", count=f"{force.count:,}") if force.approximate else f"{force.count:,}"
            who = _names(sheet, force.asserted_by) if force.asserted_by else "—"
            # The label in the reading language, the original beside a translation (as in the HTML sheet).
            label = read_rows(force.units, sheet.lang)
            unit = (
                _reading(Reading(label.shown, label.original)) if label is not None else md_escape(force.unit)
            )
            # A readiness in a table cell is written in lower case, as the other codes are.
            readiness = md_escape(labels.value("readiness", force.readiness).lower())
            out.append(
                f"| {unit} | {count} | {readiness} | {_date(force.as_of)} | {who} | {_cite(sheet, labels, force)} |"
            )
    else:
        out.append(f"_{labels('no_forces')}_")
    out.append("")

    out += [f"## {labels('events')}", ""]
    if sheet.events:
        out += [_header(labels, "date", "event", "participants", "source")]
        for e in sheet.events:
            when = _date(e.starts_on) + (f" – {e.ends_on}" if e.ends_on else "")
            who = separator(labels.lang).join(
                f"{_names(sheet, p.entity)} ({md_escape(labels.value('role', p.role))})"
                for p in e.participants
            )
            title = read_rows(e.titles, sheet.lang)
            event_name = _reading(title) if title is not None else md_escape(e.title)
            out.append(f"| {when} | {event_name} | {who} | {_cite(sheet, labels, e)} |")
    else:
        out.append(f"_{labels('no_events')}_")
    out.append("")

    out += [f"## {labels('statements')}", ""]
    if not sheet.statements:
        out += [f"_{labels('no_statements')}_", ""]
    else:
        out += [_selection(sheet, labels), ""]
    for s in sheet.statements:
        role_title = read_rows(s.role.titles, sheet.lang) if s.role is not None else None
        role = _reading(role_title) if role_title is not None else md_escape(s.role_text)
        precision = (
            f" ({labels(f'precision_short_{s.said_on_precision}')})"
            if s.said_on_precision in ("year", "month")
            else ""
        )
        out.append(
            f"**{_said_on(labels, s)}{precision} — {_names(sheet, s.speaker)}**"
            + (f", {role}" if role else "")
        )
        out.append("")
        out.append(f"> {_lang_text(s.quote, s.lang)}")
        # The quote is the original; the reader is shown it in their language, else in English (the one rule).
        held = [LangText(s.lang, s.quote, True), *(LangText(t.lang, t.text) for t in s.translations)]
        reading = read(held, sheet.lang)
        if reading is not None and reading.original is not None:
            out += [">", f"> *{_lang_text(reading.shown.text, reading.shown.lang)}*"]
        elif s.lang.split("-")[0] != sheet.lang.split("-")[0]:
            out += [">", f"> **[{labels('untranslated')}]**"]
        out.append("")
        details = [
            md_escape(labels.value("mode", s.mode)),
            labels("cue", cue=f"“{isolate(md_escape(s.cue))}”") if s.cue else "",
            isolate(md_escape(s.venue)) if s.venue else "",
            labels("date_as_written", text=f"“{isolate(md_escape(s.date_text))}”") if s.date_text else "",
        ]
        out.append(" · ".join(d for d in details if d) + f" {_cite(sheet, labels, s)}")
        out.append("")

    out += [f"## {labels('sources')}", ""]
    if sheet.sources:
        out += [f"_{labels('sources_note_short', command='`csto-kb source show ID`')}_", ""]
    for src in sheet.sources:
        parts = [_source_head(src, labels)]
        if src.url:
            parts.append(f"<{src.url}>")
        if src.published_basis == "inferred" and src.published_note:
            # Isolated on a right-to-left page, so that the note's own direction holds (as in the HTML sheet).
            note = md_escape(src.published_note)
            parts.append(labels("publication_inferred", note=f"\u2068{note}\u2069" if rtl else note))
        if src.sha256:
            parts.append(labels("text_sha256", hash=f"`{src.sha256[:16]}…`"))
        out.append(f"{src.number}. " + " — ".join(parts))
    out.append("")
    return "\n".join(out)
