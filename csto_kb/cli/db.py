"""db upgrade | downgrade | current | check | seed: the database's schema and curated content."""

from __future__ import annotations

from typing import Annotated

import typer

from csto_kb.cli.output import write

app = typer.Typer(help="Create, migrate and check the database.", no_args_is_help=True)


@app.command("upgrade")
def upgrade(
    ctx: typer.Context,
    revision: Annotated[str, typer.Argument(help="The revision to upgrade to.")] = "head",
) -> None:
    """Upgrade the database schema (every command does this on first use)."""
    from csto_kb.db import migrate

    migrate.upgrade(ctx.obj.writable_url("db upgrade"), revision)
    write(f"database at revision {_current(ctx.obj.url)}")


@app.command("downgrade")
def downgrade(
    ctx: typer.Context,
    revision: Annotated[
        str, typer.Argument(help="The revision to go back to ('base' empties the database).")
    ],
) -> None:
    """Downgrade the database schema to an earlier revision."""
    from csto_kb.db import migrate

    migrate.downgrade(ctx.obj.writable_url("db downgrade"), revision)
    write(f"database at revision {_current(ctx.obj.url) or 'base (empty)'}")


@app.command("current")
def current(ctx: typer.Context) -> None:
    """Show the database's schema revision and the newest one this version knows."""
    from csto_kb.db.migrate import HEAD_REVISION
    from csto_kb.settings import mask_url

    revision = _current(ctx.obj.url, must_exist=True)
    state = "up to date" if revision == HEAD_REVISION else f"behind (newest is {HEAD_REVISION})"
    write(f"{mask_url(ctx.obj.url)}: revision {revision or 'none (empty database)'}, {state}")


@app.command("check")
def check(ctx: typer.Context) -> None:
    """Fail when the models and the migrations applied to this database differ."""
    from csto_kb.db import migrate

    migrate.check(ctx.obj.url)
    write("models and migrations agree")


@app.command("seed")
def seed(ctx: typer.Context) -> None:
    """Load the curated seed (entities and articles); what is already stored is left as it is."""
    from csto_kb.db.engine import make_engine
    from csto_kb.db.migrate import ensure_current
    from csto_kb.services.bootstrap import seed_database

    engine = make_engine(ctx.obj.writable_url("db seed"))
    ensure_current(engine)
    report = seed_database(engine)
    loaded = ", ".join(report.sources_added) or "no new articles"
    skipped = (
        f"; already stored: {', '.join(report.sources_already_loaded)}"
        if report.sources_already_loaded
        else ""
    )
    write(
        f"seeded: {report.entities_added} entities, {report.names_added} names, {loaded} "
        f"({report.statements_added} statements, {report.facts_added} other facts){skipped}"
    )


def _current(url: str, *, must_exist: bool = False) -> str | None:
    from csto_kb.db.engine import make_engine
    from csto_kb.db.migrate import current_revision

    engine = make_engine(url, must_exist=must_exist)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()
