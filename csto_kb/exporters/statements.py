"""Renderers for lists of statements: a terminal table, CSV, Markdown (JSON is common.to_json)."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Sequence

from csto_kb.exporters.common import both_names, md_escape, span_text
from csto_kb.schemas.statements import StatementDetail, StatementOut

CSV_COLUMNS = (
    "id",
    "said_on",
    "said_on_precision",
    "date_text",
    "speaker_key",
    "speaker",
    "speaker_ar",
    "role",
    "role_text",
    "mode",
    "cue",
    "venue",
    "lang",
    "quote",
    "translation_en",
    "source_id",
    "source",
    "span_start",
    "span_end",
    "method",
    "retracted_at",
)


def role_line(s: StatementOut) -> str:
    """The speaker's role as recorded, else as the source writes it."""
    if s.role is not None:
        return s.role.title
    return s.role_text


def csv_row(s: StatementOut) -> list[object]:
    return [
        s.id,
        s.said_on or "",
        s.said_on_precision or "",
        s.date_text,
        s.speaker.key,
        s.speaker.name_en or "",
        s.speaker.name_ar or "",
        s.role.title if s.role else "",
        s.role_text,
        s.mode,
        s.cue,
        s.venue or "",
        s.lang,
        s.quote,
        next((t.text for t in s.translations if t.lang == "en"), ""),
        s.source.id,
        s.source.label,
        "" if s.span_start is None else s.span_start,
        "" if s.span_end is None else s.span_end,
        s.method,
        s.retracted_at.isoformat() if s.retracted_at else "",
    ]


def to_csv(statements: Sequence[StatementOut]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(s) for s in statements)
    return buffer.getvalue()


def to_markdown(statements: Sequence[StatementOut]) -> str:
    lines: list[str] = []
    for s in statements:
        who = both_names(s.speaker)
        role = role_line(s)
        lines.append(f"### #{s.id} · {s.said_on or 'undated'} · {who}" + (f", {role}" if role else ""))
        lines.append("")
        lines.append(
            f'> <span dir="rtl" lang="{s.lang}">{md_escape(s.quote)}</span>'
            if s.lang == "ar"
            else f"> {md_escape(s.quote)}"
        )
        for t in s.translations:
            lines.append(">")
            lines.append(f"> *{md_escape(t.text)}* ({t.lang}, translated by {t.translator})")
        lines.append("")
        details = [
            s.mode,
            f"cue “{s.cue}”" if s.cue else "",
            s.venue or "",
            f"date as written “{s.date_text}”" if s.date_text else "",
        ]
        lines.append(" · ".join(d for d in details if d))
        lines.append(
            f"Source: {s.source.label}, {span_text(s.span_start, s.span_end)}"
            + (" — **retracted**: " + (s.retracted_reason or "") if s.retracted_at else "")
        )
        lines.append("")
    return "\n".join(lines) if lines else "_No statements match._\n"


def to_table(statements: Sequence[StatementOut], width: int | None = None) -> str:
    """A plain terminal table; Rich is imported here only, so other formats do not pay for it."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True, expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Speaker and role")
    table.add_column("Quote / translation", ratio=3)
    table.add_column("Source")
    for s in statements:
        translation = next((t.text for t in s.translations if t.lang == "en"), "")
        role = role_line(s)
        table.add_row(
            str(s.id),
            s.said_on or "undated",
            both_names(s.speaker) + (f"\n{role}" if role else ""),
            s.quote + (f"\n— {translation}" if translation else ""),
            f"[{s.source.id}] {s.source.label}\n{span_text(s.span_start, s.span_end)}",
        )
    width = width or shutil.get_terminal_size((140, 24)).columns
    buffer = io.StringIO()
    Console(file=buffer, width=width, highlight=False, markup=False, emoji=False).print(table)
    return buffer.getvalue()


def describe(s: StatementDetail) -> str:
    """One statement in full, with its history, for `statement show`."""
    lines = [
        f"Statement #{s.id}"
        + (f"  [RETRACTED {s.retracted_at:%Y-%m-%d}: {s.retracted_reason}]" if s.retracted_at else ""),
        f"Speaker:   {both_names(s.speaker)} [{s.speaker.key}]"
        + (f", as “{s.speaker_mention}”" if s.speaker_mention else ""),
        f"Role:      {role_line(s) or '—'}"
        + (f" (as written: {s.role_text})" if s.role and s.role_text else ""),
        f"Said on:   {s.said_on or 'undated'}"
        + (f" ({s.said_on_precision} precision)" if s.said_on_precision else "")
        + (f"; as written: {s.date_text}" if s.date_text else ""),
        f"Venue:     {s.venue or '—'}",
        f"Mode:      {s.mode}" + (f", cue “{s.cue}”" if s.cue else ""),
        f"Quote ({s.lang}): {s.quote}",
    ]
    lines += [f"Translation ({t.lang}, {t.translator}): {t.text}" for t in s.translations]
    if s.about:
        lines.append("About:     " + ", ".join(e.name_en or e.key for e in s.about))
    lines.append(f"Source:    [{s.source.id}] {s.source.label}, {span_text(s.span_start, s.span_end)}")
    lines.append(
        f"Recorded:  {s.recorded_at:%Y-%m-%d %H:%M} UTC by {s.recorded_by or 'unknown'} ({s.method}"
        + (f", confidence {s.confidence:.2f}" if s.confidence is not None else "")
        + ")"
    )
    lines.append("History:")
    for change in s.history:
        what = ""
        if change.action != "insert" and change.after:
            what = "; ".join(
                f"{k}: {(change.before or {}).get(k)!r} → {v!r}"
                for k, v in change.after.items()
                if k != "recorded_at"
            )
        reason = f" — {change.reason}" if change.reason else ""
        lines.append(
            f"  {change.at:%Y-%m-%d %H:%M} {change.action} by {change.by}{reason}"
            + (f": {what}" if what else "")
        )
    return "\n".join(lines) + "\n"
