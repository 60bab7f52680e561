"""history and log: every record's versions and the recent changes, from the change log."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer

from csto_kb.cli.output import ListFormat, simple_table, write
from csto_kb.cli.types import RECORD_ID


def _value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 80 else text[:77] + "…"


def history(
    ctx: typer.Context,
    record_id: Annotated[int, typer.Argument(help="The record's id.", metavar="ID", click_type=RECORD_ID)],
    of: Annotated[
        str, typer.Option(help="What kind of record: statement, entity, source, membership, role, event …")
    ] = "statement",
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """One record's versions: when, by whom, why, and the values each change replaced."""
    from csto_kb.services.history import record_versions

    versions = record_versions(ctx.obj.reader(), of, record_id)
    if fmt is ListFormat.json:
        payload = [
            {
                "version": v.number,
                "change": v.change.model_dump(mode="json"),
                "state": v.state,
                "changed": {k: {"before": b, "after": a} for k, (b, a) in v.changed.items()},
            }
            for v in versions
        ]
        write(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    lines = [f"{of} {record_id}: {len(versions)} version{'s' if len(versions) != 1 else ''}"]
    for v in versions:
        c = v.change
        lines.append(
            f"v{v.number}  {c.at:%Y-%m-%d %H:%M:%S} UTC  {c.action} by {c.by}"
            + (f" — {c.reason}" if c.reason else "")
        )
        for key, (before, after) in v.changed.items():
            lines.append(f"      {key}: {_value(before)} → {_value(after)}")
    write("\n".join(lines))


def log(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="Changes at or after this UTC date or date-time.")] = None,
    by: Annotated[str | None, typer.Option(help="Only changes made by this person.")] = None,
    table: Annotated[str | None, typer.Option("--of", help="Only changes to this kind of record.")] = None,
    limit: Annotated[
        int, typer.Option(help="At most this many changes, newest first.", click_type=RECORD_ID)
    ] = 50,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """The recent changes, newest first: what changed, when, by whom and why."""
    from csto_kb.services.history import parse_moment, recent_changes

    moment = None
    if since is not None:
        moment = parse_moment(since, "since")
        if len(since.strip()) == 10:  # a bare date means from the start of that day
            moment = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    found = recent_changes(ctx.obj.reader(), since=moment, by=by, table=table, limit=limit)
    if fmt is ListFormat.json:
        payload = [{"table": t, "row_id": r, **c.model_dump(mode="json")} for t, r, c in found]
        write(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    rows = [
        [f"{c.at:%Y-%m-%d %H:%M:%S}", c.by, c.action, f"{t} {r}", _value(c.reason or "")] for t, r, c in found
    ]
    write(simple_table(["At (UTC)", "By", "Action", "Record", "Reason"], rows) if rows else "No changes.")


def register(app: typer.Typer, name: str) -> None:
    """Add the command called ``name`` to ``app``."""
    commands: dict[str, Callable[..., None]] = {
        "history": history,
        "log": log,
    }
    app.command(name)(commands[name])
