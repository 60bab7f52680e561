"""Renderers for statements as rows (StatementOut's JSON form): terminal table, CSV, Markdown, and the JSON
form with what a reader is shown.

Every statement renderer takes this one shape: the read path (`csto_kb.sql.run`) yields it, and a caller
holding a pydantic StatementOut dumps it (``model_dump(mode="json")``). What a reader is shown in their
language (names, role titles, the translation) comes from a `Reader`. Standard library only (Rich is imported
by the table alone), so a read command never imports pydantic or SQLAlchemy.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from csto_kb.exporters.common import isolate, md_escape, md_lang_text, md_reading, span_text, text_reading
from csto_kb.labels import said_on_label
from csto_kb.languages import ENGLISH, LangText, Reading, read, read_name

Row = Mapping[str, Any]

READING_COLUMNS = (
    "speaker_name",
    "speaker_name_lang",
    "organisation_name",
    "organisation_name_lang",
    "role_title",
    "role_title_lang",
    "about_names",
    "translation",
    "translation_lang",
)
"""What a reader of ``--lang`` is shown, by the one reading rule (csto_kb.languages): the last CSV columns and
JSON keys. The columns before them keep their fixed languages (``speaker`` English, ``speaker_ar`` Arabic,
``role`` the original title, ``translation_en`` English)."""

CSV_COLUMNS = (
    "id",
    "said_on",
    "said_on_precision",
    "said_on_basis",
    "date_text",
    "speaker_key",
    "speaker",
    "speaker_ar",
    "role",
    "role_text",
    "mode",
    "cue",
    "venue",
    "lang",
    "quote",
    "translation_en",
    "source_id",
    "source",
    "sources",
    "span_start",
    "span_end",
    "method",
    "retracted_at",
    *READING_COLUMNS,
)


class Reader:
    """What a reader of ``lang`` is shown of statement rows, by the one rule of `csto_kb.languages`.

    ``names`` holds every name of the entities the rows refer to, by entity id (`csto_kb.sql.run.Lookups`);
    an entity not there is read from its row's English and Arabic names. Each entity's and each role's
    reading is worked out once (up to `HELD` of each, then afresh).
    """

    HELD = 100_000

    def __init__(self, lang: str = ENGLISH, names: Mapping[int, Sequence[LangText]] | None = None) -> None:
        self.lang = lang
        self.names = names if names is not None else {}
        self._entities: dict[int, Reading] = {}
        self._roles: dict[int, Reading | None] = {}

    def name(self, entity: Row) -> Reading:
        """An entity's name: in the reader's language, else English, else the primary one."""
        entity_id = entity["id"]
        reading = self._entities.get(entity_id)
        if reading is None:
            held = self.names.get(entity_id)
            if held is None:
                held = [
                    LangText(lang, name, True)
                    for lang, name in ((ENGLISH, entity["name_en"]), ("ar", entity["name_ar"]))
                    if name
                ]
            reading = read_name(held, self.lang, str(entity["key"]))
            if len(self._entities) >= self.HELD:
                self._entities.clear()
            self._entities[entity_id] = reading
        return reading

    def role(self, s: Row) -> Reading | None:
        """The recorded role's title in the reader's language, else English, else the original; None without
        a recorded role (or a title)."""
        role = s["role"]
        if role is None:
            return None
        role_id = role["id"]
        if role_id not in self._roles:
            if len(self._roles) >= self.HELD:
                self._roles.clear()
            titles = [LangText(t["lang"], t["text"], bool(t["is_original"])) for t in role["titles"]]
            self._roles[role_id] = read(titles, self.lang)
        return self._roles[role_id]

    def translation(self, s: Row) -> LangText | None:
        """The quote as the reader is shown it beside the original: its translation into their language,
        else into English; None when they read the quote itself (or no translation is held)."""
        translations = s["translations"]
        if not translations:
            return None
        held = [
            LangText(s["lang"], s["quote"], True),
            *(LangText(t["lang"], t["text"]) for t in translations),
        ]
        reading = read(held, self.lang)
        return reading.shown if reading is not None and reading.original is not None else None

    def _shown(self, s: Row) -> tuple[LangText, LangText | None, LangText | None, LangText | None]:
        """What the READING_COLUMNS hold of a row but its subjects: the speaker's name, the organisation's,
        the role's title and the translation, as shown."""
        role = s["role"]
        organisation = role["organisation"] if role is not None else None
        title = self.role(s)
        return (
            self.name(s["speaker"]).shown,
            self.name(organisation).shown if organisation is not None else None,
            title.shown if title is not None else None,
            self.translation(s),
        )

    def fields(self, s: Row) -> dict[str, Any]:
        """The READING_COLUMNS of a row, for JSON: names and titles with their language tags (None where
        there is nothing to show); the subjects as a list of their keys and names."""
        speaker, organisation, title, translation = self._shown(s)
        return {
            "speaker_name": speaker.text,
            "speaker_name_lang": speaker.lang,
            "organisation_name": organisation.text if organisation else None,
            "organisation_name_lang": organisation.lang if organisation else None,
            "role_title": title.text if title else None,
            "role_title_lang": title.lang if title else None,
            "about_names": [
                {"key": a["key"], "name": (n := self.name(a).shown).text, "lang": n.lang} for a in s["about"]
            ],
            "translation": translation.text if translation else None,
            "translation_lang": translation.lang if translation else None,
        }

    def cells(self, s: Row) -> tuple[str, ...]:
        """The READING_COLUMNS of a row, for CSV: empty where there is nothing to show; the subjects' names
        joined by ``; ``."""
        speaker, organisation, title, translation = self._shown(s)
        about = s["about"]
        return (
            speaker.text,
            speaker.lang,
            organisation.text if organisation else "",
            organisation.lang if organisation else "",
            title.text if title else "",
            title.lang if title else "",
            "; ".join([self.name(a).shown.text for a in about]) if about else "",
            translation.text if translation else "",
            translation.lang if translation else "",
        )


def names_line(entity: Row, reader: Reader | None = None, *, isolated: bool = True) -> str:
    """An entity's name as read, with the original or its name in another script beside: ``Nikol Pashinyan
    (نيكول باشينيان)`` (plain text; see `text_reading` for ``isolated``)."""
    return text_reading((reader or Reader()).name(entity), isolated=isolated)


def role_line(s: Row) -> str:
    """The speaker's role as recorded (its original title), else as the source writes it."""
    role = s["role"]
    return str(role["title"]) if role is not None else str(s["role_text"])


def english(s: Row) -> str:
    return next((t["text"] for t in s["translations"] if t["lang"] == ENGLISH), "")


def csv_row(s: Row, reader: Reader) -> list[object]:
    speaker = s["speaker"]
    return [
        s["id"],
        s["said_on"] or "",
        s["said_on_precision"] or "",
        s["said_on_basis"],
        s["date_text"],
        speaker["key"],
        speaker["name_en"] or "",
        speaker["name_ar"] or "",
        s["role"]["title"] if s["role"] else "",
        s["role_text"],
        s["mode"],
        s["cue"],
        s["venue"] or "",
        s["lang"],
        s["quote"],
        english(s),
        s["source"]["id"],
        s["source"]["label"],
        s["source_count"],
        "" if s["span_start"] is None else s["span_start"],
        "" if s["span_end"] is None else s["span_end"],
        s["method"],
        s["retracted_at"] or "",
        *reader.cells(s),
    ]


def json_row(s: Row, reader: Reader) -> dict[str, Any]:
    """A statement for JSON: StatementOut's JSON form, then the READING_COLUMNS."""
    return {**s, **reader.fields(s)}


def to_csv(rows: Iterable[Row], reader: Reader | None = None) -> str:
    reader = reader or Reader()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(s, reader) for s in rows)
    return buffer.getvalue()


def _translations_read_first(s: Row, reader: Reader) -> list[Row]:
    """Every translation of a statement, the one the reader is shown first."""
    shown = reader.translation(s)
    translations = list(s["translations"])
    if shown is None:
        return translations
    return sorted(translations, key=lambda t: not (t["lang"] == shown.lang and t["text"] == shown.text))


def to_markdown(rows: Iterable[Row], reader: Reader | None = None) -> str:
    reader = reader or Reader()
    lines: list[str] = []
    for s in rows:
        role = reader.role(s)
        role_md = md_reading(role) if role is not None else md_escape(role_line(s))
        lines.append(
            f"### #{s['id']} · {said_on_label(s['said_on'], s['said_on_basis'])} · {md_reading(reader.name(s['speaker']))}"
            + (f", {role_md}" if role_md else "")
        )
        lines.append("")
        lines.append(f"> {md_lang_text(s['quote'], s['lang'])}")
        for t in _translations_read_first(s, reader):
            lines.append(">")
            lines.append(
                f"> *{md_lang_text(t['text'], t['lang'])}* ({t['lang']}, translated by {t['translator']})"
            )
        lines.append("")
        details = [
            s["mode"],
            f"cue “{isolate(md_escape(s['cue']))}”" if s["cue"] else "",
            isolate(md_escape(s["venue"])) if s["venue"] else "",
            f"date as written “{isolate(md_escape(s['date_text']))}”" if s["date_text"] else "",
        ]
        lines.append(" · ".join(d for d in details if d))
        cited = "; ".join(
            f"{e['source']['label']}, {span_text(e['span_start'], e['span_end'])}" for e in s["evidence"]
        )
        lines.append(
            f"Source{'s' if len(s['evidence']) > 1 else ''}: {cited}"
            + (" — **retracted**: " + (s["retracted_reason"] or "") if s["retracted_at"] else "")
        )
        lines.append("")
    return "\n".join(lines) if lines else "_No statements match._\n"


def to_table(rows: Sequence[Row], reader: Reader | None = None, width: int | None = None) -> str:
    """A plain terminal table; Rich is imported here only, so other formats do not pay for it. Terminals do
    not reorder right-to-left text reliably: every name, title and quote holding it is isolated."""
    from rich.console import Console
    from rich.table import Table

    reader = reader or Reader()
    table = Table(show_lines=True, expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Speaker and role")
    table.add_column("Quote / translation", ratio=3)
    table.add_column("Source")
    for s in rows:
        translation = reader.translation(s)
        role = reader.role(s)
        role_text = text_reading(role) if role is not None else isolate(role_line(s))
        table.add_row(
            str(s["id"]),
            said_on_label(s["said_on"], s["said_on_basis"]),
            names_line(s["speaker"], reader) + (f"\n{role_text}" if role_text else ""),
            isolate(s["quote"]) + (f"\n— {isolate(translation.text)}" if translation else ""),
            "\n".join(
                f"[{e['source']['id']}] {e['source']['label']}\n{span_text(e['span_start'], e['span_end'])}"
                for e in s["evidence"]
            ),
        )
    width = width or shutil.get_terminal_size((140, 24)).columns
    buffer = io.StringIO()
    Console(file=buffer, width=width, highlight=False, markup=False, emoji=False).print(table)
    return buffer.getvalue()
