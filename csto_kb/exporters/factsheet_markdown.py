"""The fact sheet as Markdown that renders well in common wikis; every line cites a numbered source."""

from __future__ import annotations

from csto_kb.exporters.common import isolate, md_escape
from csto_kb.exporters.common import md_lang_text as _lang_text
from csto_kb.exporters.common import md_reading as _reading
from csto_kb.labels import said_on_label
from csto_kb.languages import (
    ENGLISH,
    LangText,
    language_name,
    read,
    read_rows,
    same_language,
)
from csto_kb.schemas.facts import Citation
from csto_kb.schemas.factsheet import CitedSource, FactSheet
from csto_kb.schemas.statements import EntityRef, StatementOut

READINESS_LABELS = {"permanent_alert": "permanent alert", "peacekeeping": "peacekeeping", "other": "other"}


def _cite(sheet: FactSheet, fact: Citation | StatementOut) -> str:
    """One bracket per source supporting the fact: ``[1, chars 3–9][4]``."""
    return "".join(
        f"[{sheet.source_number(e.source.id)}"
        + (f", chars {e.span_start}–{e.span_end}" if e.span_start is not None else "")
        + "]"
        for e in fact.evidence
    )


def _names(sheet: FactSheet, entity: EntityRef) -> str:
    return _reading(sheet.name_reading(entity.id, entity.key))


def _date(value: str | None) -> str:
    return value or "—"


def _source_head(src: CitedSource) -> str:
    """Publisher, title and date, each once; an Arabic publisher or title isolated from the date."""
    head = [isolate(md_escape(src.publisher))] if src.publisher else []
    if src.title:
        head.append(f"“{isolate(md_escape(src.title))}”")
    if src.published_on:
        head.append(src.published_on + (" (inferred)" if src.published_basis == "inferred" else ""))
    return ", ".join(head) if head else md_escape(src.label)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def _selection(sheet: FactSheet) -> str:
    """What the sheet shows of the statements and how to list them all."""
    sel = sheet.statement_selection
    shown = sel.shown_line()
    if sel.rule == "all":
        rule = "every statement about the alliance or by its officials"
    else:
        rule = (
            f"everything the alliance's own officials said (the latest {sel.limit:,} at most) and the latest "
            f"{_plural(sel.per_speaker or 0, 'statement')} of every other speaker (the latest {sel.limit:,} at most)"
        )
    text = f"*{shown}: {rule}.*"
    if sel.hidden:
        commands = " and ".join(f"`{c}`" for c in sel.full_export)
        text += (
            f" *{_plural(sel.hidden, 'statement')} not shown; every one: {commands}, or `--statements all`.*"
        )
    return text


def render(sheet: FactSheet) -> str:
    a = sheet.alliance
    name = sheet.name_reading(a.id, a.key)
    heading = _lang_text(name.shown.text, name.shown.lang)
    if name.beside is not None:
        heading += f" · {_lang_text(name.beside.text, name.beside.lang)}"
    out: list[str] = [f"# {heading}", ""]
    stamp = f"as it stood on {sheet.as_of}" if sheet.as_of else "as currently recorded"
    out += [
        f"*Fact sheet {stamp}, generated {sheet.generated_at:%Y-%m-%d} by csto-kb. "
        "Each line cites a numbered source below and the character span of its stored text.*",
        "",
    ]

    out += ["## Identity and founding", ""]
    for lang in sorted({n.lang for n in a.names}, key=lambda x: (x != sheet.lang, x != ENGLISH)):
        joined = ("؛ " if lang == "ar" else "; ").join(n.name for n in a.names if n.lang == lang)
        out.append(f"- **Names ({language_name(lang)}):** {_lang_text(joined, lang)}")
    if a.description:
        out.append(f"- {md_escape(a.description)}")
    for event in sheet.founding:
        written = f" (“{md_escape(event.date_text)}”)" if event.date_text else ""
        out.append(f"- **Founded:** {_date(event.starts_on)}{written} {_cite(sheet, event)}")
    out.append("")

    out += ["## Members", ""]
    if sheet.members:
        out += ["| Member | Status | Since | Until | Source |", "| --- | --- | --- | --- | --- |"]
        for m in sheet.members:
            out.append(
                f"| {_names(sheet, m.member)} | {m.status} | {_date(m.valid_from)} | "
                f"{_date(m.valid_to)} | {_cite(sheet, m)} |"
            )
    else:
        out.append("_No memberships recorded._")
    out.append("")

    for heading, facts in (
        ("Obligations", sheet.obligations),
        ("Characterisations", sheet.characterisations),
        ("Practices", sheet.practices),
    ):
        if not facts:
            continue
        out += [f"## {heading}", ""]
        for f in facts:
            # The fact in the reading language, then the original; "untranslated" when it is not held in it.
            reading = read_rows(f.texts, sheet.lang)
            original = reading.original or reading.shown if reading is not None else LangText(f.lang, f.text)
            if reading is not None and reading.original is not None:
                shown = f"{_lang_text(reading.shown.text, reading.shown.lang)} "
            else:
                shown = "" if same_language(original.lang, sheet.lang) else "**[untranslated]** "
            out.append(f"- {shown}— {_lang_text(original.text, original.lang)} {_cite(sheet, f)}")
        out.append("")

    out += ["## Forces", ""]
    if sheet.forces:
        out += [
            "| Unit | Count | Readiness | As of | Asserted by | Source |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for force in sheet.forces:
            count = ("about " if force.approximate else "") + f"{force.count:,}"
            who = _names(sheet, force.asserted_by) if force.asserted_by else "—"
            out.append(
                f"| {md_escape(force.unit)} | {count} | {READINESS_LABELS[force.readiness]} | "
                f"{_date(force.as_of)} | {who} | {_cite(sheet, force)} |"
            )
    else:
        out.append("_No force levels recorded._")
    out.append("")

    out += ["## Key events", ""]
    if sheet.events:
        out += ["| Date | Event | Participants | Source |", "| --- | --- | --- | --- |"]
        for e in sheet.events:
            when = _date(e.starts_on) + (f" – {e.ends_on}" if e.ends_on else "")
            who = "; ".join(f"{_names(sheet, p.entity)} ({p.role})" for p in e.participants)
            title = read_rows(e.titles, sheet.lang)
            event_name = _reading(title) if title is not None else md_escape(e.title)
            out.append(f"| {when} | {event_name} | {who} | {_cite(sheet, e)} |")
    else:
        out.append("_No events recorded._")
    out.append("")

    out += ["## Statements", ""]
    if not sheet.statements:
        out += ["_No statements recorded._", ""]
    else:
        out += [_selection(sheet), ""]
    for s in sheet.statements:
        role_title = read_rows(s.role.titles, sheet.lang) if s.role is not None else None
        role = _reading(role_title) if role_title is not None else md_escape(s.role_text)
        precision = (
            f" ({s.said_on_precision})" if s.said_on_precision and s.said_on_precision != "day" else ""
        )
        out.append(
            f"**{said_on_label(s.said_on, s.said_on_basis)}{precision} — {_names(sheet, s.speaker)}**"
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
            out += [">", "> **[untranslated]**"]
        out.append("")
        details = [
            s.mode,
            f"cue “{isolate(md_escape(s.cue))}”" if s.cue else "",
            isolate(md_escape(s.venue)) if s.venue else "",
            f"date as written “{isolate(md_escape(s.date_text))}”" if s.date_text else "",
        ]
        out.append(" · ".join(d for d in details if d) + f" {_cite(sheet, s)}")
        out.append("")

    out += ["## Sources", ""]
    if sheet.sources:
        out += ["_Numbered by their id in the knowledge base (`csto-kb source show ID`)._", ""]
    for src in sheet.sources:
        parts = [_source_head(src)]
        if src.url:
            parts.append(f"<{src.url}>")
        if src.published_basis == "inferred" and src.published_note:
            parts.append(f"publication date inferred: {md_escape(src.published_note)}")
        if src.sha256:
            parts.append(f"text SHA-256 `{src.sha256[:16]}…`")
        out.append(f"{src.number}. " + " — ".join(parts))
    out.append("")
    return "\n".join(out)
