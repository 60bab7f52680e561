"""The factsheet command: an alliance's sourced fact sheet as Markdown or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from csto_kb.cli.output import OUTPUT_HELP, SheetFormat, write


def factsheet(
    ctx: typer.Context,
    alliance: Annotated[str, typer.Argument(help="The alliance: any of its names or its key.")] = "csto",
    fmt: Annotated[SheetFormat, typer.Option("--format", "-f", help="Output format.")] = SheetFormat.md,
    as_of: Annotated[
        str | None, typer.Option(help="The alliance as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
) -> None:
    """A fact sheet to hand to colleagues: names, founding, members, obligations, forces, events, statements,
    and numbered sources behind every line."""
    from csto_kb.exporters.common import to_json
    from csto_kb.exporters.factsheet_markdown import render
    from csto_kb.services.factsheet import build_factsheet

    sheet = build_factsheet(ctx.obj.uow(), alliance, as_of)
    write(to_json(sheet) if fmt is SheetFormat.json else render(sheet), output)


def register(app: typer.Typer) -> None:
    app.command()(factsheet)
