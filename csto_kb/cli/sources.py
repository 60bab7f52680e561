"""source list | show | add | edit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from csto_kb.cli.output import ListFormat, simple_table, write
from csto_kb.cli.types import RECORD_ID
from csto_kb.errors import InvalidInput

app = typer.Typer(help="The articles and documents every fact is traced to.", no_args_is_help=True)


@app.command("list")
def list_(
    ctx: typer.Context,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List sources with their ids, for citing and for `statement add --source`."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.entities import SourceOut
    from csto_kb.sql.records import source_list

    found = [SourceOut.model_validate(s) for s in ctx.obj.read(source_list)]
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

    from csto_kb.schemas.entities import SourceOut
    from csto_kb.sql.records import source_detail

    found = ctx.obj.read(lambda c, d: source_detail(c, d, source_id))
    source, body = SourceOut.model_validate(found[0]), found[1]
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
        f"Kind:      {source.kind.replace('_', ' ')}",
        f"Text:      {f'{source.body_chars} characters' if source.body_chars is not None else 'not stored'}"
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
        Path | None,
        typer.Argument(
            help="The article as UTF-8 text, optionally with YAML front matter (url, publisher, "
            "published, lang, title). Leave out for a source known by its address alone, or give "
            "--excerpt or --transcript instead.",
            show_default=False,
        ),
    ] = None,
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    excerpt: Annotated[
        str | None, typer.Option(help="The part of the text you have (behind a paywall, quoted elsewhere).")
    ] = None,
    transcript: Annotated[
        str | None, typer.Option(help="A transcript of something heard: a press conference, a broadcast.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(help="What FILE holds: full_text (the default), excerpt or transcript."),
    ] = None,
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
    """Store a source: an article's full text, an excerpt, a transcript, or only its address. The same text
    (or, without text, the same address) twice is refused with the existing id."""
    from csto_kb.articles import Overrides, read_article
    from csto_kb.schemas.sources import SourceIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.entities import guess_lang
    from csto_kb.services.sources import add_source

    options = Overrides(
        url=url,
        title=title,
        publisher=publisher,
        lang=lang,
        published=published,
        inferred=inferred,
        date_note=date_note,
    )
    given_text = [
        name
        for name, value in (("file", file), ("excerpt", excerpt), ("transcript", transcript))
        if value is not None
    ]
    if len(given_text) > 1:
        raise InvalidInput(f"{given_text[1]}: give one of FILE, --excerpt or --transcript")
    if file is not None:
        fields = read_article(file, options) | {"kind": kind}
    else:
        if kind is not None:
            raise InvalidInput("kind: says what FILE holds; --excerpt and --transcript say it themselves")
        text = excerpt if excerpt is not None else transcript
        if text is not None and not text.strip():
            raise InvalidInput(f"{given_text[0]}: the text is empty")
        fields = {
            "body": text,
            "kind": "excerpt"
            if excerpt is not None
            else "transcript"
            if transcript is not None
            else "reference",
            "title": title,
            "url": url,
            "publisher": publisher,
            "lang": lang or (guess_lang(text) if text else "und"),
            "published": published,
            "published_basis": ("inferred" if inferred else "stated") if published else "unknown",
            "published_note": date_note,
        }
    source = add_source(ctx.obj.uow(by=by), parse(SourceIn, fields))
    size = f"{source.body_chars} characters" if source.body_chars is not None else "no stored text"
    write(f"added source {source.id}: {source.label} ({source.kind.replace('_', ' ')}, {size})")


@app.command("edit")
def edit(
    ctx: typer.Context,
    source_id: Annotated[int, typer.Argument(help="The source's id.", metavar="ID", click_type=RECORD_ID)],
    reason: Annotated[str, typer.Option(help="Why the correction is made (kept in the history).")],
    url: Annotated[str | None, typer.Option(help="The corrected address.")] = None,
    title: Annotated[str | None, typer.Option(help="The corrected headline.")] = None,
    publisher: Annotated[str | None, typer.Option(help="The corrected publisher.")] = None,
    lang: Annotated[str | None, typer.Option(help="The corrected language.")] = None,
    published: Annotated[
        str | None, typer.Option(help="The corrected publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
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
    kind: Annotated[str | None, typer.Option(help="full_text, excerpt or transcript.")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
) -> None:
    """Correct a source's metadata; what it replaces stays in its history (`history ID --of source`).
    The stored text and its SHA-256 never change. Statements dated only by this source move with a
    corrected publication date."""
    from csto_kb.schemas.sources import SourceEdit
    from csto_kb.schemas.validation import parse
    from csto_kb.services.sources import edit_source

    if not reason.strip():
        raise InvalidInput("reason: say why the source is corrected")
    given = {
        "url": url,
        "title": title,
        "publisher": publisher,
        "lang": lang,
        "published": published,
        "published_basis": None if inferred is None else "inferred" if inferred else "stated",
        "published_note": date_note,
        "kind": kind,
    }
    changes = parse(SourceEdit, {k: v for k, v in given.items() if v is not None})
    source = edit_source(ctx.obj.uow(by=by, reason=reason), source_id, changes)
    write(f"corrected source {source.id}: {source.label}")
