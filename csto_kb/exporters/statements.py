"""One statement in full for `statement show` (StatementDetail's JSON form: the row shape of every statement
renderer, with its history)."""

from __future__ import annotations

from csto_kb.exporters.common import span_text
from csto_kb.exporters.rows import Row, names_line, role_line
from csto_kb.labels import said_on_label


def describe(s: Row) -> str:
    """One statement in full, with its history (StatementDetail's JSON form), for `statement show`."""
    lines = [
        f"Statement #{s['id']}"
        + (f"  [RETRACTED {s['retracted_at'][:10]}: {s['retracted_reason']}]" if s["retracted_at"] else ""),
        f"Speaker:   {names_line(s['speaker'], isolated=False)} [{s['speaker']['key']}]"
        + (f", as “{s['speaker_mention']}”" if s["speaker_mention"] else ""),
        f"Role:      {role_line(s) or '—'}"
        + (f" (as written: {s['role_text']})" if s["role"] and s["role_text"] else ""),
        f"Said on:   {s['said_on'] or 'undated'}"
        + (f" ({s['said_on_precision']} precision)" if s["said_on_precision"] else "")
        + (f"; as written: {s['date_text']}" if s["date_text"] else ""),
        f"Venue:     {s['venue'] or '—'}",
        f"Mode:      {s['mode']}" + (f", cue “{s['cue']}”" if s["cue"] else ""),
        f"Quote ({s['lang']}): {s['quote']}",
    ]
    lines += [f"Translation ({t['lang']}, {t['translator']}): {t['text']}" for t in s["translations"]]
    if s["about"]:
        lines.append("About:     " + ", ".join(e["name_en"] or e["key"] for e in s["about"]))
    if s["said_on_basis"] == "not_after":
        lines[3] = (
            f"Said on:   {said_on_label(s['said_on'], s['said_on_basis'])} (its source's publication; no date of "
            "its own)"
        )
    evidence = s["evidence"]
    for i, e in enumerate(evidence):
        lines.append(
            f"{'Source:' if len(evidence) == 1 else 'Sources:' if i == 0 else '':<10} "
            f"[{e['source']['id']}] {e['source']['label']}, {span_text(e['span_start'], e['span_end'])} "
            f"(evidence #{e['id']}, {e['method']}"
            + (f", confidence {e['confidence']:.2f}" if e["confidence"] is not None else "")
            + f", by {e['recorded_by'] or 'unknown'} {e['recorded_at'][:10]})"
        )
    lines.append(f"Recorded:  {_minute(s['recorded_at'])} UTC by {s['recorded_by'] or 'unknown'}")
    lines.append("History:")
    for change in s["history"]:
        what = ""
        if change["action"] != "insert" and change["after"]:
            what = "; ".join(
                f"{k}: {(change['before'] or {}).get(k)!r} → {v!r}"
                for k, v in change["after"].items()
                if k != "recorded_at"
            )
        reason = f" — {change['reason']}" if change["reason"] else ""
        lines.append(
            f"  {_minute(change['at'])} {change['action']} by {change['by']}{reason}"
            + (f": {what}" if what else "")
        )
    return "\n".join(lines) + "\n"


def _minute(moment: str) -> str:
    """``YYYY-MM-DD HH:MM`` of an ISO 8601 timestamp as JSON writes it."""
    return moment[:16].replace("T", " ")
