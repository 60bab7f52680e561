"""import bundle | statements: bringing data into the knowledge base in bulk."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Bring data in: a backup bundle, or statements in bulk from JSON Lines.", no_args_is_help=True
)
