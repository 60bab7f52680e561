"""Formats and destinations for command output: tables for people, JSON and CSV for scripts."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from csto_kb.errors import InvalidInput


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class SheetFormat(StrEnum):
    md = "md"
    json = "json"


OUTPUT_HELP = "Write to this file instead of standard output ('-' is standard output)."


def write(text: str, output: Path | None = None) -> None:
    """Print ``text``, or write it to ``output`` (UTF-8), creating nothing on error."""
    if output is None or str(output) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as error:
        raise InvalidInput(f"output: cannot write {output} ({error.strerror})") from None
    typer.echo(f"wrote {output}", err=True)


def simple_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain aligned table for short listings; no colour, so it pastes cleanly."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


PROGRESS_MIN_ROWS = 50_000
"""Below this many rows a bundle is written or restored in moments; a progress bar would only flicker."""


class ProgressOnStderr:
    """A progress bar on standard error for long work (large bundles, many articles), started once the total
    is known; below ``min_total`` items there is none."""

    def __init__(self, label: str, *, min_total: int = PROGRESS_MIN_ROWS) -> None:
        self.label = label
        self.min_total = min_total
        self.bar: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        # Not on a terminal (a log file, a pipe, a test) the bar could only print its label.
        if total < self.min_total or not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = typer.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
