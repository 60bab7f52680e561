"""export statements | jsonld | quickstatements | schema | bundle: the knowledge base for spreadsheets, scripts
and other tools, and as a backup bundle."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from csto_kb.cli.filters import (
    AboutOption,
    FromOption,
    IncludeRetractedOption,
    LangOption,
    OrgOption,
    SourceFilterOption,
    SpeakerOption,
    ToOption,
    reading_language,
)
from csto_kb.cli.output import OUTPUT_HELP, write
from csto_kb.errors import InvalidInput
from csto_kb.files import publish

if TYPE_CHECKING:
    from csto_kb.cli.context import KB
    from csto_kb.schemas.factsheet import FactSheet
    from csto_kb.services.linked_entities import LinkedEntities

app = typer.Typer(
    help="Export the knowledge base: statements as CSV or JSON Lines, the fact sheet as JSON-LD or "
    "QuickStatements, the fact sheet's JSON Schema, and everything as a backup bundle.",
    no_args_is_help=True,
)


class TabularFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


AllianceArg = Annotated[str, typer.Argument(help="The alliance: any of its names or its key.")]
AsOfOption = Annotated[
    str | None, typer.Option(help="The alliance as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD).")
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)]


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file that appears only once it is complete (written beside it, then renamed)."""
    if output is None or str(output) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent or Path("."))
    except OSError as error:
        raise InvalidInput(f"output: cannot write {output} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        publish(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    typer.echo(f"wrote {output}", err=True)


@app.command("statements")
def statements(
    ctx: typer.Context,
    fmt: Annotated[TabularFormat, typer.Option("--format", "-f", help="Output format.")] = TabularFormat.csv,
    speaker: SpeakerOption = None,
    about: AboutOption = None,
    org: OrgOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    source: SourceFilterOption = None,
    include_retracted: IncludeRetractedOption = False,
    lang: LangOption = "en",
    output: OutputOption = None,
) -> None:
    """Every statement, in date order, streamed as CSV or JSON Lines for spreadsheets and scripts (memory
    stays bounded however many there are)."""

    from csto_kb.exporters.rows import Reader
    from csto_kb.exporters.tabular import WRITERS
    from csto_kb.sql import direct
    from csto_kb.sql.run import HELD_PER_KIND, Lookups, Row, StatementFilter

    reading = reading_language(lang)
    kb: KB = ctx.obj
    f = StatementFilter(
        speaker=speaker,
        about=about,
        org=org,
        date_from=date_from,
        date_to=date_to,
        source=source,
        include_retracted=include_retracted,
    )

    # Each batch's entities' names land in `lookups` as it is read, before its rows reach the writer.
    lookups = Lookups(HELD_PER_KIND)
    reader = Reader(reading, lookups.names)

    def consume(rows: Iterator[Row]) -> None:
        import gc

        # The rows and what they share hold no reference cycles, so reference counting frees each batch;
        # the cycle collector would only walk the growing caches again and again (≈ 10 % of an export).
        gc.disable()
        try:
            with _destination(output) as out:
                writer = WRITERS[fmt.value](out, reader)
                for statement in rows:
                    writer.write(statement)
                writer.finalize()
        finally:
            gc.enable()

    kb.read(direct.stream_statements(f, consume, lookups))


def _sheet(kb: KB, alliance: str, as_of: str | None) -> tuple[FactSheet, LinkedEntities]:
    """The fact sheet (on the SOURCE_DATE_EPOCH clock when set) and what linked data needs of its entities,
    read in one transaction."""
    from csto_kb.services.factsheet import EVERY_STATEMENT, read_factsheet
    from csto_kb.services.linked_entities import read_linked_entities
    from csto_kb.services.reproducible import clock_from_environment, with_clock
    from csto_kb.sql import direct

    clock = clock_from_environment()

    def read(connection: Any, dialect: str) -> tuple[FactSheet, LinkedEntities]:
        # Linked-data exports carry every statement: they feed other databases, not readers.
        sheet = read_factsheet(
            connection,
            dialect,
            direct.resolver(connection, dialect),
            alliance,
            as_of,
            statements=EVERY_STATEMENT,
        )
        return sheet, read_linked_entities(connection, dialect, sheet)

    sheet, linked = kb.read(read)
    return with_clock(sheet, clock), linked


@app.command("jsonld")
def jsonld(
    ctx: typer.Context,
    alliance: AllianceArg = "csto",
    as_of: AsOfOption = None,
    base: Annotated[
        str, typer.Option(help="Base IRI of the node ids: where the knowledge base is published.")
    ] = "https://csto-kb.invalid/",
    output: OutputOption = None,
) -> None:
    """The fact sheet as schema.org JSON-LD: Organization, members with start and end dates, Person,
    Quotation (spokenByCharacter, creator) with the citation of its source span."""
    import json

    from csto_kb.exporters.linked_data import to_jsonld

    if not base.lower().startswith(("http://", "https://")):
        raise InvalidInput(f"base: expected an http(s) IRI such as https://example.org/kb/, got {base!r}")
    sheet, linked = _sheet(ctx.obj, alliance, as_of)
    write(json.dumps(to_jsonld(sheet, linked, base), ensure_ascii=False, indent=2), output)


@app.command("quickstatements")
def quickstatements(
    ctx: typer.Context,
    alliance: AllianceArg = "csto",
    qid: Annotated[
        list[str] | None,
        typer.Option(
            help="KEY=Q123: the Wikidata item of an entity key for this export, over the stored one (repeat). "
            "`entity link KEY wikidata=Q123` stores it."
        ),
    ] = None,
    create_missing: Annotated[
        bool,
        typer.Option(
            "--create-missing",
            help="Create items for members and speakers without a Wikidata id (left out by default, with a "
            "comment): people as P31 Q5, with a label in every language held.",
        ),
    ] = False,
    as_of: AsOfOption = None,
    output: OutputOption = None,
) -> None:
    """The fact sheet as a Wikidata QuickStatements batch: memberships (P463 with P580/P582 at their date
    precision) and direct quotes (P1683 with P585), each line with its source's references (S854 address,
    S1476 headline, S577 date, S248 publisher). Entities are referred to by their Wikidata ids."""
    from csto_kb.exporters.linked_data import parse_qids, to_quickstatements

    qids = parse_qids(qid or [])
    sheet, linked = _sheet(ctx.obj, alliance, as_of)
    write(to_quickstatements(sheet, linked, qids, create_missing=create_missing), output)


@app.command("schema")
def schema(output: OutputOption = None) -> None:
    """The JSON Schema of `factsheet --format json` (the versioned FactSheet model), for validating it
    elsewhere."""
    import json

    from csto_kb.services.exports import factsheet_json_schema

    write(json.dumps(factsheet_json_schema(), ensure_ascii=False, indent=2), output)


@app.command("bundle")
def bundle(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="The bundle to write, a zip file (replaced once complete).", metavar="FILE")
    ],
) -> None:
    """Back up everything (every table, the change log included) as one bundle: a zip of JSON Lines per
    table with a manifest of the schema revision, row counts and SHA-256 checksums. Restore it with
    `import bundle`. With SOURCE_DATE_EPOCH set, the same data gives a byte-identical file."""
    from csto_kb.services.bundles import export_bundle

    if str(file) == "-":
        raise InvalidInput("file: a bundle is a zip archive; give a file name, not '-'")
    if file.is_dir():
        raise InvalidInput(f"file: {file} is a folder; give the bundle's file name")
    if not file.parent.is_dir():
        raise InvalidInput(f"file: cannot write {file} (no folder {file.parent})")
    from csto_kb.cli.output import ProgressOnStderr

    progress = ProgressOnStderr("exporting")
    try:
        manifest = export_bundle(ctx.obj.engine, file, progress=progress)
    finally:
        progress.close()
    write(
        f"wrote {file}: {manifest.total_rows} rows in {len(manifest.tables)} tables, "
        f"schema revision {manifest.schema_revision}"
    )
