"""import bundle | statements | curated: bringing data into the knowledge base in bulk."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from csto_kb.cli.output import write

app = typer.Typer(
    help="Bring data in: a backup bundle, statements in bulk from JSON Lines, or a curated article.",
    no_args_is_help=True,
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


@app.command("curated")
def curated(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="A curated article in the seed's YAML format; the text file its source.file names lies "
            "beside it.",
            metavar="FILE",
        ),
    ],
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
) -> None:
    """Load a whole curated article: its entities, source, roles, memberships, events, facts, force figures
    and statements, every one with its evidence, all of them or none. A fact or statement already stored
    gets the article as one more source; an article stored already changes nothing."""
    from csto_kb.services.seed import CURATORS, import_curated

    report = import_curated(ctx.obj.uow(by=by), file)
    if report.sources_already_loaded:
        write(f"{file.name}: its text is stored already; nothing changed")
        return
    kept = ""
    if report.translations_kept:
        kept = (
            f"; translations not stored, their stored statement keeping its own by the same translator: "
            f"{', '.join(report.translations_kept)} (`statement edit ID --translation TEXT --translation-lang LANG "
            f"--translator {shlex.quote(CURATORS)}` replaces one)"
        )
    write(
        f"imported {file.name}: {report.entities_added} entities, {report.statements_added} statements, "
        f"{report.facts_added} facts{kept}"
    )


def _register() -> None:
    # `import statements` lives in a module of its own (it is long); it joins the sub-app here.
    from csto_kb.cli.import_statements import statements

    app.command("statements")(statements)


_register()
