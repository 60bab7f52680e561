"""Reading new articles: extract (print candidates), ingest (store them for review), eval (measure accuracy)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from csto_kb.cli.output import ListFormat, write
from csto_kb.cli.types import RECORD_ID
from csto_kb.errors import InvalidInput


def read_article(file: Path, options: dict[str, Any]) -> dict[str, Any]:
    """The fields of a SourceIn from a UTF-8 article file, its front matter, and options that override it."""
    from csto_kb.frontmatter import split_front_matter

    try:
        raw = file.read_bytes()
    except OSError as error:
        raise InvalidInput(f"file: cannot read {file} ({error.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"file: {file} is not UTF-8 text (bad byte at offset {error.start})") from None
    meta, body = split_front_matter(text.removeprefix("\ufeff"))
    if not body.strip():
        raise InvalidInput(f"file: {file} has no text after its front matter")
    inferred = options.get("inferred")
    if inferred is None:
        inferred = _flag(meta.get("published_inferred"), "published_inferred")

    def given(key: str) -> Any:
        # An option given, even empty, overrides the front matter; an empty value is then refused by the
        # field's own check rather than read as "not given".
        value = options.get(key)
        return meta.get(key) if value is None else value

    fields: dict[str, Any] = {
        "body": body,
        "file_name": file.name,
        "title": given("title"),
        "url": given("url"),
        "publisher": given("publisher"),
        "lang": given("lang"),
        "published": given("published"),
        "published_basis": "inferred" if inferred else "stated",
        "published_note": options.get("date_note"),
    }
    if fields["lang"] is None:
        raise InvalidInput("lang: give --lang (ar, en …) or a lang: line in the front matter")
    return fields


def _flag(value: Any, field: str) -> bool:
    """A yes/no front-matter value, which the front-matter reader keeps as the text written."""
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("true", "yes", "on"):
        return True
    if text in ("false", "no", "off"):
        return False
    raise InvalidInput(f"front matter: {field}: expected true or false, got {value!r}")


FileArg = Annotated[
    Path,
    typer.Argument(
        help="The article as UTF-8 text, optionally with YAML front matter (url, publisher, published, lang)."
    ),
]
LangOpt = Annotated[str | None, typer.Option(help="Its language, ar or en (overrides the front matter).")]
PublishedOpt = Annotated[
    str | None,
    typer.Option(help="Publication date, YYYY-MM-DD: resolves weekdays and 'yesterday' (overrides)."),
]


def extract(
    ctx: typer.Context,
    file: FileArg,
    lang: LangOpt = None,
    published: PublishedOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Print the statements, figures and facts an article yields; nothing is written."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.sources import SourceIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.review import run_extractor

    source = parse(SourceIn, read_article(file, {"lang": lang, "published": published}))
    assert source.body is not None
    with ctx.obj.reader() as uow:
        extraction = run_extractor(uow.session, source.body, source.lang, source.published)
    if fmt is ListFormat.json:
        write(to_json(extraction))
        return
    lines = [f"{len(extraction.statements)} statements ({extraction.extractor_version}):"]
    for s in extraction.statements:
        who = s.speaker + (f" [{s.speaker_key}]" if s.speaker_key else " [new]")
        lines.append(
            f"  {s.quote_start}-{s.quote_end} {who} · {s.cue} · {s.mode} · {s.said_on or s.date_text or 'undated'}"
        )
        lines.append(f"      {s.quote[:140]}")
    for f in extraction.force_levels:
        lines.append(
            f"force: {'about ' if f.approximate else ''}{f.count:,} {f.unit} ({f.readiness}) — {f.text}"
        )
    for fo in extraction.foundings:
        lines.append(f"founding: {fo.organisation} {fo.year}")
    for m in extraction.memberships:
        lines.append(f"members of {m.alliance}: {', '.join(m.members)}")
    for e in extraction.events:
        lines.append(f"event: {e.starts_on or e.date_text} {e.description}")
    write("\n".join(lines))


def ingest(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The article as UTF-8 text, optionally with YAML front matter (url, publisher, published, "
            "lang). Leave out with --source.",
            show_default=False,
        ),
    ] = None,
    source_id: Annotated[
        int | None,
        typer.Option(
            "--source",
            help="Extract again from this stored source instead of a file (new proposals only).",
            metavar="ID",
            click_type=RECORD_ID,
        ),
    ] = None,
    lang: LangOpt = None,
    published: PublishedOpt = None,
    url: Annotated[str | None, typer.Option(help="Where it was published (overrides).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it (overrides).")] = None,
    title: Annotated[str | None, typer.Option(help="Its headline.")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Store an article and its candidates as pending review (`review list`), or extract again from a stored
    source with --source. The same text twice is stored once; a stored source can be extracted again."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.sources import SourceIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.review import extract_again, ingest_article

    if (file is None) == (source_id is None):
        raise InvalidInput("file: give an article FILE or --source ID, not both")
    if file is None:
        assert source_id is not None
        overrides = [
            n
            for n, v in (
                ("lang", lang),
                ("published", published),
                ("url", url),
                ("publisher", publisher),
                ("title", title),
            )
            if v
        ]
        if overrides:
            raise InvalidInput(
                f"{overrides[0]}: correct a stored source with `source edit`, then extract again"
            )
        report = extract_again(ctx.obj.uow(by=by), source_id)
    else:
        options = {"lang": lang, "published": published, "url": url, "publisher": publisher, "title": title}
        source = parse(SourceIn, read_article(file, options))
        report = ingest_article(ctx.obj.uow(by=by), source)
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(report.candidates.items())) or "no new candidates"
    if fmt is ListFormat.json:
        write(to_json(report))
    elif source_id is not None:
        write(
            f"extracted source {report.source_id} again ({report.extractor_version}): {counts} pending review, "
            f"{report.unchanged} proposed before"
        )
    elif report.already_stored:
        write(
            f"already ingested as source {report.source_id}; nothing changed "
            f"(`ingest --source {report.source_id}` extracts it again)"
        )
    else:
        write(
            f"ingested source {report.source_id}: {counts} pending review (csto-kb review list --source {report.source_id})"
        )


def evaluate(
    directory: Annotated[
        Path | None,
        typer.Argument(help="A folder of annotated articles (NN_lang_name.txt with NN_lang_name.gold.json)."),
    ] = None,
    seed: Annotated[
        bool, typer.Option("--seed", help="Score against the curated seed article instead.")
    ] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Precision, recall and F1 of the extractor for quote detection and attribution, all and strict
    (flagged items left out), per article and per language. Speakers resolve through the curated aliases."""
    import json
    from dataclasses import asdict

    from csto_kb.extraction import Gazetteer
    from csto_kb.extraction.evaluate import render, score_directory, score_seed
    from csto_kb.resources import seeds_dir

    if seed == (directory is not None):
        raise InvalidInput("directory: give a folder of annotated articles, or --seed")
    gazetteer = Gazetteer.from_entities_yaml(seeds_dir() / "entities.yaml")
    if directory is not None:
        if not directory.is_dir():
            raise InvalidInput(f"directory: {directory} is not a folder")
        report = score_directory(directory, gazetteer=gazetteer)
        if not report.articles:
            raise InvalidInput(f"directory: {directory} holds no *.txt with a matching *.gold.json")
    else:
        article = seeds_dir() / "000_a04cb8df2fb7d647.txt"
        report = score_seed(
            article, article.with_suffix(".yaml"), seeds_dir() / "entities.yaml", gazetteer=gazetteer
        )
    if fmt is ListFormat.json:
        write(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    else:
        write(render(report))


def register(app: typer.Typer, name: str) -> None:
    """Add the command called ``name`` to ``app``."""
    commands: dict[str, Callable[..., None]] = {
        "extract": extract,
        "ingest": ingest,
        "eval": evaluate,
    }
    app.command(name)(commands[name])
