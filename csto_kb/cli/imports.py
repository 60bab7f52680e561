"""import bundle | statements: bringing data into the knowledge base in bulk."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from csto_kb.cli.output import write

app = typer.Typer(
    help="Bring data in: a backup bundle, or statements in bulk from JSON Lines.", no_args_is_help=True
)


@app.command("bundle")
def bundle(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A bundle written by `export bundle`.", metavar="FILE")],
) -> None:
    """Restore a bundle into an empty database (SQLite or PostgreSQL), ids and change log as they were.
    The whole bundle is verified first (checksums, counts, schema revision), so a damaged one is refused
    before anything is written; a bundle from an older schema revision is upgraded after loading."""
    from csto_kb.cli.output import ProgressOnStderr
    from csto_kb.services.bundles import read_bundle, restore_bundle

    # ctx.obj.engine would migrate and seed the database first; a restore needs it empty.
    url = ctx.obj.writable_url("import bundle")
    verified = read_bundle(file)
    progress = ProgressOnStderr("restoring")
    try:
        report = restore_bundle(url, verified, progress=progress)
    finally:
        progress.close()
    upgraded = (
        f", upgraded to {report.final_revision}" if report.final_revision != report.bundle_revision else ""
    )
    write(
        f"restored {file}: {sum(report.rows.values())} rows in {len(report.rows)} tables "
        f"(schema revision {report.bundle_revision}{upgraded})"
    )


def _register() -> None:
    # `import statements` lives in a module of its own (it is long); it joins the sub-app here.
    from csto_kb.cli.import_statements import statements

    app.command("statements")(statements)


_register()
