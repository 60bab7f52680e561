"""Streaming writers for statements as CSV and JSON Lines: one row written per statement, as it arrives.

Both follow one small protocol (``write`` a record, ``finalize`` at the end), so the command that feeds
them never holds more than the batch the database returned. The CSV columns are those of
``who-said --format csv``; a JSON line is the statement exactly as ``who-said --format json`` shows it. Both
carry what a reader of the `Reader`'s language is shown (the READING_COLUMNS).
"""

from __future__ import annotations

import csv
import json
from typing import Protocol, TextIO

from csto_kb.exporters.rows import CSV_COLUMNS, Reader, Row, csv_row, json_row


class StatementWriter(Protocol):
    def write(self, statement: Row) -> None: ...

    def finalize(self) -> None: ...


class CsvStatementWriter:
    """RFC 4180 CSV with a header row; cells keep their newlines and Arabic text as is (UTF-8)."""

    def __init__(self, out: TextIO, reader: Reader) -> None:
        self.out = out
        self.reader = reader
        self._writer = csv.writer(out, lineterminator="\n")
        self._writer.writerow(CSV_COLUMNS)

    def write(self, statement: Row) -> None:
        self._writer.writerow(csv_row(statement, self.reader))

    def finalize(self) -> None:
        self.out.flush()


class JsonLinesStatementWriter:
    """One JSON object per line (https://jsonlines.org), Arabic unescaped."""

    def __init__(self, out: TextIO, reader: Reader) -> None:
        self.out = out
        self.reader = reader

    def write(self, statement: Row) -> None:
        # A row is a tree (its shared parts, a speaker or a source, are shared dicts, never cycles): the
        # encoder's cycle check would only cost time on every nested object.
        line = json.dumps(json_row(statement, self.reader), ensure_ascii=False, check_circular=False)
        self.out.write(line + "\n")

    def finalize(self) -> None:
        self.out.flush()


WRITERS: dict[str, type[CsvStatementWriter] | type[JsonLinesStatementWriter]] = {
    "csv": CsvStatementWriter,
    "jsonl": JsonLinesStatementWriter,
}
