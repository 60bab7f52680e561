"""entity list | show | add | alias."""

from __future__ import annotations

from typing import Annotated

import typer

from csto_kb.cli.output import ListFormat, simple_table, write

app = typer.Typer(
    help="Countries, alliances, bodies, ministries, media and people, with their names.", no_args_is_help=True
)

KINDS = "country, alliance, organisation, body, ministry, legislature, media or person"


@app.command("list")
def list_(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option(help=f"Only entities of this kind: {KINDS}.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List entities with their English and Arabic names."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.entities import EntityOut
    from csto_kb.sql.records import entity_list

    found = [EntityOut.model_validate(e) for e in ctx.obj.read(lambda c, d: entity_list(c, d, kind))]
    if fmt is ListFormat.json:
        write(to_json(found))
        return
    rows = [[str(e.id), e.key, e.kind, e.name_en or "", e.name_ar or ""] for e in found]
    write(simple_table(["Id", "Key", "Kind", "English", "Arabic"], rows) if rows else "No entities.")


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Any of the entity's names, in either script, or its key.")],
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """One entity with all its names."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.entities import EntityOut
    from csto_kb.sql import direct
    from csto_kb.sql.records import entity_detail

    e = EntityOut.model_validate(
        ctx.obj.read(lambda c, d: entity_detail(c, d, direct.resolver(c, d)(name, "entity")))
    )
    if fmt is ListFormat.json:
        write(to_json(e))
        return
    lines = [f"{e.name_en or e.key} [{e.key}], {e.kind}, id {e.id}"]
    if e.part_of_key:
        lines.append(f"Part of:  {e.part_of_key}")
    if e.description:
        lines.append(f"About:    {e.description}")
    lines += [f"Name ({n.lang}{', primary' if n.is_primary else ''}): {n.name}" for n in e.names]
    lines += [f"Id in {scheme}: {value}" for scheme, value in e.external_ids.items()]
    write("\n".join(lines))


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The entity's name.")],
    kind: Annotated[str, typer.Option(help=f"What it is: {KINDS}.")],
    key: Annotated[str | None, typer.Option(help="A short stable key (default: from the name).")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of the name (default: from its script).")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Another name (repeatable).")] = None,
    part_of: Annotated[
        str | None, typer.Option(help="The entity it belongs to (a ministry's country …).")
    ] = None,
    description: Annotated[str | None, typer.Option(help="One line saying what it is.")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
) -> None:
    """Add an entity."""
    from csto_kb.db.constants import ENTITY_KINDS
    from csto_kb.errors import InvalidInput
    from csto_kb.services.entities import add_entity

    if kind not in ENTITY_KINDS:
        raise InvalidInput(f"kind: expected {KINDS}, got {kind!r}")
    if not name.strip():
        raise InvalidInput("name: must not be empty")
    e = add_entity(
        ctx.obj.uow(by=by),
        name=name,
        kind=kind,
        key=key,
        lang=lang,
        description=description,
        part_of=part_of,
        aliases=alias,
    )
    write(f"added entity {e.key} (id {e.id})")


@app.command("alias")
def alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name the entity already has, or its key.")],
    new_name: Annotated[str, typer.Argument(help="The name to add.", metavar="ALIAS")],
    lang: Annotated[str | None, typer.Option(help="Language of the name (default: from its script).")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
) -> None:
    """Give an entity another name, so that spelling finds it too."""
    from csto_kb.errors import InvalidInput
    from csto_kb.services.entities import add_alias

    if not new_name.strip():
        raise InvalidInput("alias: must not be empty")
    e = add_alias(ctx.obj.uow(by=by), name, new_name, lang)
    write(f"{e.key} is now also called {new_name!r}")


@app.command("link")
def link(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name the entity has, or its key.")],
    ids: Annotated[
        list[str],
        typer.Argument(
            help="SCHEME=VALUE, one or more: wikidata=Q399 (q399 and the item's address work too), viaf=…",
            metavar="SCHEME=VALUE...",
        ),
    ],
    replace: Annotated[
        bool, typer.Option("--replace", help="Change an id the entity already has in that scheme.")
    ] = False,
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
) -> None:
    """Record the entity's ids in other knowledge bases (Wikidata …): exports then refer to the item instead
    of creating one. A value that is another entity's id is refused."""
    from csto_kb.services.external_ids import link_entity

    e = link_entity(ctx.obj.uow(by=by), name, ids, replace=replace)
    write(f"{e.key}: " + ", ".join(f"{scheme} {value}" for scheme, value in e.external_ids.items()))


@app.command("merge")
def merge(
    ctx: typer.Context,
    survivor: Annotated[str, typer.Argument(help="The entity that stays: a name, alias or key.")],
    duplicate: Annotated[str, typer.Argument(help="The entity found to be the same: a name, alias or key.")],
    reason: Annotated[str, typer.Option(help="Why the two are the same (kept with the merge).")],
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
) -> None:
    """Merge DUPLICATE into SURVIVOR: statements, roles, facts and names move; `entity unmerge` undoes it."""
    from csto_kb.services.merges import merge_entities

    moved = merge_entities(ctx.obj.uow(by=by, reason=reason), survivor, duplicate, reason)
    detail = ", ".join(f"{n} {what}" for what, n in sorted(moved.items())) or "nothing to move"
    write(f"merged {duplicate!r} into {survivor!r}: {detail}")


@app.command("unmerge")
def unmerge(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The key of the entity that was merged into another.")],
    reason: Annotated[str, typer.Option(help="Why the merge is undone.")],
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
) -> None:
    """Undo the latest merge of an entity: everything it moved goes back."""
    from csto_kb.services.merges import unmerge_entity

    survivor = unmerge_entity(ctx.obj.uow(by=by, reason=reason), key, reason)
    write(f"{key} is separate from {survivor} again")
