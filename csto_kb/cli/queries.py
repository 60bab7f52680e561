"""Query commands: who-said, members, forces, events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from csto_kb.cli.context import KB
from csto_kb.cli.filters import (
    AboutOption,
    FromOption,
    IncludeRetractedOption,
    LangOption,
    OrgOption,
    SourceFilterOption,
    SpeakerOption,
    ToOption,
    reading_language,
)
from csto_kb.cli.output import OUTPUT_HELP, Format, ListFormat, simple_table, write
from csto_kb.cli.types import RECORD_ID

if TYPE_CHECKING:
    from collections.abc import Sequence

    from csto_kb.exporters.rows import Reader, Row


def who_said(
    ctx: typer.Context,
    speaker: SpeakerOption = None,
    about: AboutOption = None,
    org: OrgOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    contains: Annotated[
        str | None,
        typer.Option(help="Words the quote contains, ignoring diacritics, alef forms, case and punctuation."),
    ] = None,
    direct_only: Annotated[
        bool | None,
        typer.Option(
            "--direct/--reported",
            help="Only direct quotes, or only indirect and mixed ones.",
            show_default=False,
        ),
    ] = None,
    source: SourceFilterOption = None,
    include_retracted: IncludeRetractedOption = False,
    limit: Annotated[
        int | None, typer.Option(help="Show at most this many statements.", click_type=RECORD_ID)
    ] = None,
    as_recorded_at: Annotated[
        str | None,
        typer.Option(
            help="What the knowledge base said at this UTC moment (YYYY-MM-DD[THH:MM[:SS]]): statements as then "
            "recorded, before later corrections and retractions."
        ),
    ] = None,
    lang: LangOption = "en",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
) -> None:
    """Who said what, when, in which role, according to which source; sorted by date."""
    from csto_kb.exporters.rows import Reader
    from csto_kb.sql import direct
    from csto_kb.sql.run import Lookups, StatementFilter

    reading = reading_language(lang)
    moment = None
    if as_recorded_at is not None:
        from csto_kb.sql.changes import parse_moment

        moment = parse_moment(as_recorded_at)
    kb: KB = ctx.obj
    f = StatementFilter(
        speaker=speaker,
        about=about,
        org=org,
        date_from=date_from,
        date_to=date_to,
        contains=contains,
        direct=direct_only,
        source=source,
        include_retracted=include_retracted,
        limit=limit,
        as_recorded_at=moment,
    )
    lookups = Lookups()
    found = kb.read(direct.who_said(f, lookups))
    write(render_statements(found, fmt, Reader(reading, lookups.names)), output)


def render_statements(found: Sequence[Row], fmt: Format, reader: Reader) -> str:
    from csto_kb.exporters import rows as render

    if fmt is Format.json:
        from csto_kb.exporters.common import to_json

        return to_json([render.json_row(s, reader) for s in found])
    if fmt is Format.csv:
        return render.to_csv(found, reader)
    if fmt is Format.md:
        return render.to_markdown(found, reader)
    if not found:
        return "No statements match.\n"
    return render.to_table(found, reader) + f"{len(found)} statement{'s' if len(found) != 1 else ''}\n"


def members(
    ctx: typer.Context,
    alliance: Annotated[str, typer.Argument(help="The alliance: any of its names or its key.")] = "csto",
    on: Annotated[
        str | None,
        typer.Option(help="Members on this date (YYYY, YYYY-MM or YYYY-MM-DD); default: all recorded."),
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Who belongs to an alliance, with status and since/until, as sources state it."""
    from csto_kb.exporters.common import to_json
    from csto_kb.exporters.rows import names_line
    from csto_kb.sql import direct

    found = ctx.obj.read(direct.members(alliance, on))
    if fmt is ListFormat.json:
        write(to_json(found))
        return
    # Not isolated: the plain table pads by characters, and isolates take none of the width.
    rows = [
        [
            names_line(m["member"], isolated=False),
            m["status"],
            m["valid_from"] or "—",
            m["valid_to"] or "—",
            f"[{m['source_id']}]",
        ]
        for m in found
    ]
    write(
        simple_table(["Member", "Status", "Since", "Until", "Source"], rows)
        if rows
        else (f"No members recorded on {on}." if on else "No members recorded.")
    )


def forces(
    ctx: typer.Context,
    alliance: Annotated[str | None, typer.Argument(help="The organisation; default: all.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Force levels as each source gives them; figures that disagree are all listed."""
    from csto_kb.exporters.common import to_json
    from csto_kb.exporters.rows import names_line
    from csto_kb.sql import direct

    found = ctx.obj.read(direct.forces(alliance))
    if fmt is ListFormat.json:
        write(to_json(found))
        return
    rows = [
        [
            f["organisation"]["name_en"] or f["organisation"]["key"],
            f["unit"],
            ("about " if f["approximate"] else "") + f"{f['count']:,}",
            f["readiness"].replace("_", " "),
            f["as_of"] or "—",
            names_line(f["asserted_by"], isolated=False) if f["asserted_by"] else "—",
            f"[{f['source_id']}]",
        ]
        for f in found
    ]
    headers = ["Organisation", "Unit", "Count", "Readiness", "As of", "Asserted by", "Source"]
    write(simple_table(headers, rows) if rows else "No force levels recorded.")


def events(
    ctx: typer.Context,
    involving: Annotated[
        str | None, typer.Option(help="Only events this entity (or one of its parts) took part in.")
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Dated events in order: foundings, incursions, interventions, wars, meetings, sessions."""
    from csto_kb.exporters.common import to_json
    from csto_kb.sql import direct

    found = ctx.obj.read(direct.events(involving))
    if fmt is ListFormat.json:
        write(to_json(found))
        return
    rows = [
        [
            (e["starts_on"] or "—") + (f" – {e['ends_on']}" if e["ends_on"] else ""),
            e["kind"],
            e["title"],
            ", ".join(p["entity"]["name_en"] or p["entity"]["key"] for p in e["participants"]),
            f"[{e['source_id']}]",
        ]
        for e in found
    ]
    write(
        simple_table(["Date", "Kind", "Event", "Participants", "Source"], rows)
        if rows
        else "No events recorded."
    )


def register(app: typer.Typer, name: str) -> None:
    """Add the command called ``name`` to ``app``."""
    commands: dict[str, Callable[..., None]] = {
        "who-said": who_said,
        "members": members,
        "forces": forces,
        "events": events,
    }
    app.command(name)(commands[name])
