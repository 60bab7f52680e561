"""One statement in full for `statement show`, and the role line the fact sheets print (lists of statements
are rendered from rows: csto_kb.exporters.rows)."""

from __future__ import annotations

from csto_kb.exporters.common import both_names, span_text
from csto_kb.labels import said_on_label
from csto_kb.schemas.statements import StatementDetail, StatementOut


def role_line(s: StatementOut) -> str:
    """The speaker's role as recorded, else as the source writes it."""
    if s.role is not None:
        return s.role.title
    return s.role_text


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
    if s.said_on_basis == "not_after":
        lines[3] = (
            f"Said on:   {said_on_label(s.said_on, s.said_on_basis)} (its source's publication; no date of its own)"
        )
    for i, e in enumerate(s.evidence):
        lines.append(
            f"{'Source:' if len(s.evidence) == 1 else 'Sources:' if i == 0 else '':<10} "
            f"[{e.source.id}] {e.source.label}, {span_text(e.span_start, e.span_end)} "
            f"(evidence #{e.id}, {e.method}"
            + (f", confidence {e.confidence:.2f}" if e.confidence is not None else "")
            + f", by {e.recorded_by or 'unknown'} {e.recorded_at:%Y-%m-%d})"
        )
    lines.append(f"Recorded:  {s.recorded_at:%Y-%m-%d %H:%M} UTC by {s.recorded_by or 'unknown'}")
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
