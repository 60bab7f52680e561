"""Small helpers shared by the renderers: escaping, right-to-left isolation, a text as read, JSON.

Standard library only, so that a read command rendering rows from `csto_kb.sql.run` imports neither pydantic
nor SQLAlchemy.
"""

from __future__ import annotations

import json

from csto_kb.languages import RIGHT_TO_LEFT_TEXT, Reading, is_right_to_left

# Hebrew, Arabic, Syriac, Thaana, NKo … and the Arabic presentation forms.
RIGHT_TO_LEFT = RIGHT_TO_LEFT_TEXT


def isolate(text: str) -> str:
    """Plain text holding right-to-left script between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
    (U+2068, U+2069), so that it cannot reorder the Latin text and numbers beside it."""
    return f"\u2068{text}\u2069" if RIGHT_TO_LEFT.search(text) else text


def md_escape(text: str) -> str:
    """Escape what Markdown or embedded HTML would otherwise interpret in user text."""
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("|", "\\|")
        .replace("\n", " ")
    )


def span_text(start: int | None, end: int | None) -> str:
    return f"chars {start}–{end}" if start is not None else "no span"


def md_lang_text(text: str, lang: str) -> str:
    """Markdown of text in a language: marked right to left with its ``lang`` when the language is written
    so; otherwise as it is (isolated when it holds right-to-left script)."""
    if is_right_to_left(lang):
        return f'<span dir="rtl" lang="{lang}">{md_escape(text)}</span>'
    return isolate(md_escape(text))


def md_reading(reading: Reading) -> str:
    """Markdown of what the reader is shown, with the original (or, for the original itself, the text in
    another language) beside it."""
    shown = md_lang_text(reading.shown.text, reading.shown.lang)
    if reading.beside is None:
        return shown
    return f"{shown} ({md_lang_text(reading.beside.text, reading.beside.lang)})"


def text_reading(reading: Reading, *, isolated: bool = True) -> str:
    """Plain text of what the reader is shown with what stands beside it, ``Armenia (أرمينيا)``; each part
    isolated when it holds right-to-left script (unless ``isolated`` is False)."""
    mark = isolate if isolated else str
    shown = mark(reading.shown.text)
    return shown if reading.beside is None else f"{shown} ({mark(reading.beside.text)})"


def _json_form(value: object) -> object:
    # A pydantic model (anything with model_dump) is written as its JSON form; pydantic itself is not imported.
    dump = getattr(value, "model_dump", None)
    if dump is None:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
    return dump(mode="json")


def to_json(data: object) -> str:
    """Pretty JSON that keeps Arabic readable (no \\u escapes): of rows, lists and dicts as they are, and of
    pydantic models (or lists of them) in their JSON form (``model_dump(mode="json")``)."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_form) + "\n"
