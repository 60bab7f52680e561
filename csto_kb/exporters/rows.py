"""Renderers for statements as rows (StatementOut's JSON form): terminal table, CSV, Markdown, JSON.

Standard library only (Rich is imported by the table alone), so a read command that renders rows from
`csto_kb.sql.run` never imports pydantic or SQLAlchemy.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from csto_kb.labels import said_on_label

Row = Mapping[str, Any]

CSV_COLUMNS = (
    "id",
    "said_on",
    "said_on_precision",
    "said_on_basis",
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
    "sources",
    "span_start",
    "span_end",
    "method",
    "retracted_at",
)


def names(name_en: str | None, name_ar: str | None, key: str) -> str:
    """``English (العربية)``, or whichever of the two the entity has, else its key."""
    if name_en and name_ar:
        return f"{name_en} ({name_ar})"
    return name_en or name_ar or key


def both_names(entity: Row) -> str:
    return names(entity["name_en"], entity["name_ar"], entity["key"])


def span_text(start: int | None, end: int | None) -> str:
    return f"chars {start}–{end}" if start is not None else "no span"


def md_escape(text: str) -> str:
    """Escape what Markdown or embedded HTML would otherwise interpret in user text."""
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("|", "\\|")
        .replace("\n", " ")
    )


def role_line(s: Row) -> str:
    """The speaker's role as recorded, else as the source writes it."""
    role = s["role"]
    return str(role["title"]) if role is not None else str(s["role_text"])


def english(s: Row) -> str:
    return next((t["text"] for t in s["translations"] if t["lang"] == "en"), "")


def csv_row(s: Row) -> list[object]:
    speaker = s["speaker"]
    return [
        s["id"],
        s["said_on"] or "",
        s["said_on_precision"] or "",
        s["said_on_basis"],
        s["date_text"],
        speaker["key"],
        speaker["name_en"] or "",
        speaker["name_ar"] or "",
        s["role"]["title"] if s["role"] else "",
        s["role_text"],
        s["mode"],
        s["cue"],
        s["venue"] or "",
        s["lang"],
        s["quote"],
        english(s),
        s["source"]["id"],
        s["source"]["label"],
        s["source_count"],
        "" if s["span_start"] is None else s["span_start"],
        "" if s["span_end"] is None else s["span_end"],
        s["method"],
        s["retracted_at"] or "",
    ]


def to_json(rows: Iterable[Row] | Row) -> str:
    """Pretty JSON that keeps Arabic readable (no \\u escapes)."""
    payload = dict(rows) if isinstance(rows, Mapping) else [dict(r) for r in rows]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: Iterable[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(s) for s in rows)
    return buffer.getvalue()


def to_markdown(rows: Iterable[Row]) -> str:
    lines: list[str] = []
    for s in rows:
        role = role_line(s)
        lines.append(
            f"### #{s['id']} · {said_on_label(s['said_on'], s['said_on_basis'])} · {both_names(s['speaker'])}"
            + (f", {role}" if role else "")
        )
        lines.append("")
        lines.append(
            f'> <span dir="rtl" lang="{s["lang"]}">{md_escape(s["quote"])}</span>'
            if s["lang"] == "ar"
            else f"> {md_escape(s['quote'])}"
        )
        for t in s["translations"]:
            lines.append(">")
            lines.append(f"> *{md_escape(t['text'])}* ({t['lang']}, translated by {t['translator']})")
        lines.append("")
        details = [
            s["mode"],
            f"cue “{s['cue']}”" if s["cue"] else "",
            s["venue"] or "",
            f"date as written “{s['date_text']}”" if s["date_text"] else "",
        ]
        lines.append(" · ".join(d for d in details if d))
        cited = "; ".join(
            f"{e['source']['label']}, {span_text(e['span_start'], e['span_end'])}" for e in s["evidence"]
        )
        lines.append(
            f"Source{'s' if len(s['evidence']) > 1 else ''}: {cited}"
            + (" — **retracted**: " + (s["retracted_reason"] or "") if s["retracted_at"] else "")
        )
        lines.append("")
    return "\n".join(lines) if lines else "_No statements match._\n"


def to_table(rows: Sequence[Row], width: int | None = None) -> str:
    """A plain terminal table; Rich is imported here only, so other formats do not pay for it."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True, expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Speaker and role")
    table.add_column("Quote / translation", ratio=3)
    table.add_column("Source")
    for s in rows:
        translation = english(s)
        role = role_line(s)
        table.add_row(
            str(s["id"]),
            said_on_label(s["said_on"], s["said_on_basis"]),
            both_names(s["speaker"]) + (f"\n{role}" if role else ""),
            s["quote"] + (f"\n— {translation}" if translation else ""),
            "\n".join(
                f"[{e['source']['id']}] {e['source']['label']}\n{span_text(e['span_start'], e['span_end'])}"
                for e in s["evidence"]
            ),
        )
    width = width or shutil.get_terminal_size((140, 24)).columns
    buffer = io.StringIO()
    Console(file=buffer, width=width, highlight=False, markup=False, emoji=False).print(table)
    return buffer.getvalue()
