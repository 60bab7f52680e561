"""Reading new articles: extract (print candidates), ingest (store them for review), eval (measure accuracy)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from csto_kb.cli.output import ListFormat, write
from csto_kb.cli.types import RECORD_ID
from csto_kb.errors import InvalidInput

if TYPE_CHECKING:
    from csto_kb.articles import Overrides
    from csto_kb.articles.collect import Collected

FileArg = Annotated[
    Path,
    typer.Argument(
        help="The article: UTF-8 text, optionally with YAML front matter (url, publisher, published, lang), "
        "or a saved web page (.html)."
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
    from csto_kb.articles import Overrides, read_article
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.sources import SourceIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.review import knowledge_base_gazetteer, run_extractor

    source = parse(SourceIn, read_article(file, Overrides(lang=lang, published=published)))
    assert source.body is not None
    gazetteer = ctx.obj.read(knowledge_base_gazetteer)
    extraction = run_extractor(source.body, source.lang, source.published, gazetteer=gazetteer)
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
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Articles: UTF-8 text files with optional YAML front matter (url, publisher, published, lang), "
            "saved web pages (.html), JSON Lines feeds (.jsonl: one article a line with text, lang, url, "
            "publisher, published, title), folders of these, or patterns such as 'saved/*.html'. Leave out "
            "with --source.",
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
    url: Annotated[
        str | None, typer.Option(help="Where it was published (overrides; one article only).")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it (overrides).")] = None,
    title: Annotated[str | None, typer.Option(help="Its headline (one article only).")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who makes the change (default: your operating-system user).")
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Store articles and their candidates as pending review (`review list`), or extract again from a stored
    source with --source. The same text twice is stored once. With several articles, each is stored whole or
    not at all: a bad one is reported at the end without stopping the rest, and the exit code is then
    non-zero."""
    from csto_kb.articles import Overrides, collect
    from csto_kb.exporters.common import to_json
    from csto_kb.services.review import extract_again

    options = Overrides(lang=lang, published=published, url=url, publisher=publisher, title=title)
    if (not files) == (source_id is None):
        raise InvalidInput("file: give article FILE… or --source ID, not both")
    if not files:
        assert source_id is not None
        if options.given():
            raise InvalidInput(
                f"{options.given()[0]}: correct a stored source with `source edit`, then extract again"
            )
        report = extract_again(ctx.obj.uow(by=by), source_id)
        if fmt is ListFormat.json:
            write(to_json(report))
        else:
            write(
                f"extracted source {report.source_id} again ({report.extractor_version}): "
                f"{_counts(report.candidates)} pending review, {report.unchanged} proposed before"
            )
        return
    collected = collect(files, options)
    if len(files) == 1 and collected.total == 1 and collected.files == files:
        _ingest_one(ctx, collected.files[0], options, by, fmt)
    else:
        _ingest_many(ctx, collected, by, fmt)


def _counts(candidates: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in sorted(candidates.items())) or "no new candidates"


def _ingest_one(ctx: typer.Context, file: Path, options: Overrides, by: str | None, fmt: ListFormat) -> None:
    from csto_kb.articles import read_article
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.sources import SourceIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.review import ingest_article

    source = parse(SourceIn, read_article(file, options))
    report = ingest_article(ctx.obj.uow(by=by), source)
    if fmt is ListFormat.json:
        write(to_json(report))
    elif report.already_stored:
        write(
            f"already ingested as source {report.source_id}; nothing changed "
            f"(`ingest --source {report.source_id}` extracts it again)"
        )
    else:
        write(
            f"ingested source {report.source_id}: {_counts(report.candidates)} pending review "
            f"(csto-kb review list --source {report.source_id})"
        )


def _ingest_many(ctx: typer.Context, collected: Collected, by: str | None, fmt: ListFormat) -> None:
    from csto_kb.cli.output import ProgressOnStderr
    from csto_kb.errors import Incomplete
    from csto_kb.exporters.common import to_json
    from csto_kb.services.ingest import ingest_articles

    bar = ProgressOnStderr("ingesting", min_total=2)
    try:
        report = ingest_articles(
            ctx.obj.uow(by=by), collected, progress=lambda done: bar(done, collected.total)
        )
    finally:
        bar.close()
    if fmt is ListFormat.json:
        write(to_json(report))
    else:
        lines = [
            f"{report.articles} articles: {report.ingested} ingested, {report.already_stored} already stored "
            f"(skipped), {report.failed} failed",
            f"pending review: {_counts(report.candidates)} (csto-kb review list)",
        ]
        failures = [o for o in report.outcomes if o.error is not None]
        if failures:
            lines.append("not ingested (nothing of them was stored):")
            lines += [f"  {o.name}: {o.error}" for o in failures]
        write("\n".join(lines))
    if report.failed:
        raise Incomplete(f"{report.failed} of {report.articles} articles were not ingested (see above)")


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
