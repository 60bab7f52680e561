"""history and log: every record's versions and the recent changes, from the change log."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer

from csto_kb.cli.output import ListFormat, simple_table, write
from csto_kb.cli.types import RECORD_ID


def _second(moment: str) -> str:
    """``YYYY-MM-DD HH:MM:SS`` of an ISO 8601 timestamp as JSON writes it."""
    return moment[:19].replace("T", " ")


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
    from csto_kb.sql.changes import versions

    found = ctx.obj.read(lambda c, d: versions(c, d, of, record_id))
    if fmt is ListFormat.json:
        write(json.dumps(found, ensure_ascii=False, indent=2))
        return
    lines = [f"{of} {record_id}: {len(found)} version{'s' if len(found) != 1 else ''}"]
    for v in found:
        c = v["change"]
        lines.append(
            f"v{v['version']}  {_second(c['at'])} UTC  {c['action']} by {c['by']}"
            + (f" — {c['reason']}" if c["reason"] else "")
        )
        for key, values in v["changed"].items():
            lines.append(f"      {key}: {_value(values['before'])} → {_value(values['after'])}")
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
    from csto_kb.sql.changes import parse_moment, recent_changes

    moment = None
    if since is not None:
        moment = parse_moment(since, "since")
        if len(since.strip()) == 10:  # a bare date means from the start of that day
            moment = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    found = ctx.obj.read(lambda c, d: recent_changes(c, d, since=moment, by=by, table=table, limit=limit))
    if fmt is ListFormat.json:
        write(json.dumps(found, ensure_ascii=False, indent=2))
        return
    rows = [
        [_second(c["at"]), c["by"], c["action"], f"{c['table']} {c['row_id']}", _value(c["reason"] or "")]
        for c in found
    ]
    write(simple_table(["At (UTC)", "By", "Action", "Record", "Reason"], rows) if rows else "No changes.")


def register(app: typer.Typer, name: str) -> None:
    """Add the command called ``name`` to ``app``."""
    commands: dict[str, Callable[..., None]] = {
        "history": history,
        "log": log,
    }
    app.command(name)(commands[name])
