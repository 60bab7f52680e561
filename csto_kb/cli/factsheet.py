"""The factsheet command: an alliance's sourced fact sheet as Markdown, JSON or one self-contained HTML file."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csto_kb.cli.output import OUTPUT_HELP, write
from csto_kb.cli.types import RECORD_ID

# The defaults of csto_kb.services.factsheet (PER_SPEAKER, LIMIT), repeated as literals so that --help
# needs no import of the service and its pydantic models (a test holds them equal).
PER_SPEAKER = 3
LIMIT = 50


class FactsheetFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"


class StatementsShown(StrEnum):
    latest = "latest"
    all = "all"


def factsheet(
    ctx: typer.Context,
    alliance: Annotated[str, typer.Argument(help="The alliance: any of its names or its key.")] = "csto",
    fmt: Annotated[
        FactsheetFormat,
        typer.Option("--format", "-f", help="Output format: md (wikis), json (scripts), html (to share)."),
    ] = FactsheetFormat.md,
    as_of: Annotated[
        str | None, typer.Option(help="The alliance as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    statements: Annotated[
        StatementsShown,
        typer.Option(
            help="Which statements to show: latest (everything the alliance's officials said and the latest "
            "few of every other speaker, each part capped by --limit) or all."
        ),
    ] = StatementsShown.latest,
    per_speaker: Annotated[
        int,
        typer.Option(
            help="With --statements latest: how many of each other speaker's.", click_type=RECORD_ID
        ),
    ] = PER_SPEAKER,
    limit: Annotated[
        int,
        typer.Option(
            help="With --statements latest: at most this many by the alliance's officials, and as many by "
            "other speakers.",
            click_type=RECORD_ID,
        ),
    ] = LIMIT,
    lang: Annotated[
        str,
        typer.Option(
            help="Reading language (a BCP 47 tag: en, ru, ar …): names, titles and translations in it, else "
            "in English, else the original; originals are always shown beside."
        ),
    ] = "en",
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
) -> None:
    """A fact sheet to hand to colleagues: names, founding, members, obligations, forces, events, statements,
    and numbered sources behind every line. It stays a summary at any size: it shows the statements that
    matter (see --statements), says how many it leaves out and which `export statements` command lists them
    all. HTML is one self-contained file that reads on screen and prints on A4. SOURCE_DATE_EPOCH, when set,
    fixes the "generated" time."""
    from csto_kb.services.factsheet import StatementRule, read_factsheet
    from csto_kb.services.reproducible import clock_from_environment, with_clock
    from csto_kb.sql import direct

    rule = StatementRule(statements.value, per_speaker=per_speaker, limit=limit)
    clock = clock_from_environment()
    sheet = ctx.obj.read(
        lambda c, d: read_factsheet(c, d, direct.resolver(c, d), alliance, as_of, statements=rule, lang=lang)
    )
    sheet = with_clock(sheet, clock)
    if fmt is FactsheetFormat.json:
        from csto_kb.exporters.common import to_json

        text = to_json(sheet)
    elif fmt is FactsheetFormat.html:
        from csto_kb.exporters.factsheet_html import render as render_html

        text = render_html(sheet)
    else:
        from csto_kb.exporters.factsheet_markdown import render

        text = render(sheet)
    write(text, output)


def register(app: typer.Typer, name: str) -> None:
    """Add the command called ``name`` to ``app``."""
    commands: dict[str, Callable[..., None]] = {
        "factsheet": factsheet,
    }
    app.command(name)(commands[name])
