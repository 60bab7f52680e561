"""import statements: statements in bulk from a JSON Lines file or standard input."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from enum import StrEnum
from typing import IO, Annotated, Any

import typer

from csto_kb.cli.output import ListFormat, write
from csto_kb.errors import InvalidInput

BY_HELP = "Who makes the change (default: your operating-system user)."


class OnDuplicate(StrEnum):
    skip = "skip"
    refuse = "refuse"


def _open(path: str) -> tuple[IO[bytes], int | None]:
    """The file (or standard input for '-') in binary, and its size when known, for the progress bar."""
    if path == "-":
        return sys.stdin.buffer, None
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the caller's ExitStack
    except OSError as error:
        raise InvalidInput(f"file: cannot read {path} ({error.strerror})") from None
    return handle, os.fstat(handle.fileno()).st_size


def _counted(handle: IO[bytes], advance: Callable[[int], None] | None) -> Iterator[bytes]:
    for line in handle:
        if advance is not None:
            advance(len(line))
        yield line


def statements(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help="A JSON Lines file, one statement per line; '-' reads standard input.")
    ],
    on_duplicate: Annotated[
        OnDuplicate,
        typer.Option(
            help="A line that is a statement already stored or an earlier line (same speaker, normalised "
            "quote and date, from a source it has) is skipped, and one that may be one (the quote on another "
            'date, or within a longer quote of the speaker\'s) is held back until the line says "same_as" '
            "or \"distinct\"; both are listed. 'refuse' refuses the whole file instead."
        ),
    ] = OnDuplicate.skip,
    by: Annotated[str | None, typer.Option(help=BY_HELP)] = None,
    fmt: Annotated[
        ListFormat,
        typer.Option("--format", "-f", help="Output format: a summary line, or the report in JSON."),
    ] = ListFormat.table,
) -> None:
    """Import statements in bulk from JSON Lines: each line an object with the fields of `statement add
    --from-file` (speaker, quote, lang, source, said_on, mode, cue, about, translation …). Every line is
    validated; a bad line refuses the whole file (exit 2, naming the line and the field) and nothing is
    written. A line with "same_as": ID adds its source to that stored statement; one with "distinct": true is
    stored apart even where it may be a stored statement. Duplicates are skipped and possible duplicates held
    back, each listed, unless --on-duplicate refuse."""
    from csto_kb.cli.context import KB
    from csto_kb.exporters.common import to_json
    from csto_kb.services.bulk_import import import_statements

    kb: KB = ctx.obj
    with ExitStack() as stack:
        handle, size = _open(file)
        if file != "-":
            stack.enter_context(handle)
        advance: Callable[[int], None] | None = None
        if sys.stderr.isatty():
            # Bytes read out of the file's size; standard input has no size, so the bar counts bytes.
            bar: Any = typer.progressbar(
                length=size, label="importing", file=sys.stderr, show_pos=size is None
            )
            advance = stack.enter_context(bar).update
        report = import_statements(
            kb.uow(by=by, reason=f"import statements {file}"),
            _counted(handle, advance),
            duplicates="refuse" if on_duplicate is OnDuplicate.refuse else "skip",
            what="import statements " + ("from standard input" if file == "-" else os.path.basename(file)),
        )
    if fmt is ListFormat.json:
        write(to_json(dataclasses.asdict(report)))
    else:
        write(report.summary())
