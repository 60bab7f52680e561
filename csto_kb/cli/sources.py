"""source list | show | add."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from csto_kb.cli.output import ListFormat, simple_table, write
from csto_kb.cli.types import RECORD_ID

app = typer.Typer(help="The articles and documents every fact is traced to.", no_args_is_help=True)


@app.command("list")
def list_(
    ctx: typer.Context,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List sources with their ids, for citing and for `statement add --source`."""
    from csto_kb.exporters.common import to_json
    from csto_kb.services.sources import list_sources

    found = list_sources(ctx.obj.reader())
    if fmt is ListFormat.json:
        write(to_json(found))
        return
    rows = [[str(s.id), s.label, s.lang, str(s.statements), s.url or ""] for s in found]
    write(simple_table(["Id", "Source", "Lang", "Statements", "URL"], rows) if rows else "No sources.")


@app.command("show")
def show(
    ctx: typer.Context,
    source_id: Annotated[int, typer.Argument(help="The source's id.", metavar="ID", click_type=RECORD_ID)],
    text: Annotated[bool, typer.Option("--text", help="Print the stored text too.")] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """One source: publication, how its date is known, its text's checksum and size."""
    import json

    from csto_kb.services.sources import get_source

    source, body = get_source(ctx.obj.reader(), source_id)
    if fmt is ListFormat.json:
        payload = source.model_dump(mode="json") | ({"body": body} if text else {})
        write(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    lines = [
        f"Source {source.id}: {source.label}",
        f"Publisher: {source.publisher or '—'}",
        f"Title:     {source.title or '—'}",
        f"URL:       {source.url or '—'}",
        f"Language:  {source.lang}",
        f"Published: {source.published_on or 'unknown'} ({source.published_basis})",
    ]
    if source.published_note:
        lines.append(f"           {source.published_note}")
    lines += [
        f"Text:      {source.body_chars if source.body_chars is not None else 'not stored'} characters"
        + (f", SHA-256 {source.sha256}" if source.sha256 else ""),
        f"Added:     {source.added_at:%Y-%m-%d %H:%M} UTC; {source.statements} statements",
    ]
    if text and body is not None:
        lines += ["", body]
    write("\n".join(lines))


@app.command("add")
def add(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="The article as UTF-8 text, optionally with YAML front matter (url, publisher, "
            "published, lang, title)."
        ),
    ],
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    title: Annotated[str | None, typer.Option(help="Its headline.")] = None,
    publisher: Annotated[
        str | None, typer.Option(help="Who published it (a media entity's name or key).")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Its language: ar, en …")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    inferred: Annotated[
        bool | None,
        typer.Option(
            "--inferred/--stated",
            help="Whether the publication date was worked out or read off the page.",
            show_default=False,
        ),
    ] = None,
    date_note: Annotated[str | None, typer.Option(help="How the publication date is known.")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
) -> None:
    """Store an article's full text and metadata; the same text twice is refused with the existing id."""
    from csto_kb.cli.articles import read_article
    from csto_kb.schemas.sources import SourceIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.sources import add_source

    options = {
        "url": url,
        "title": title,
        "publisher": publisher,
        "lang": lang,
        "published": published,
        "inferred": inferred,
        "date_note": date_note,
    }
    fields = read_article(file, options)
    source = add_source(ctx.obj.uow(by=by), parse(SourceIn, fields))
    write(f"added source {source.id}: {source.label} ({source.body_chars} characters)")
