"""What `export statements --format jsonl` writes, read back as input: the export and the import speak one
format, so a file exported from one database imports into another.

An exported line is a statement as shown (``StatementOut``): the speaker and subjects as objects, every
source with its span under ``evidence``; the fields read in the export's language that follow them
(``speaker_name`` … ``translation_lang``) are for readers, and import reads none of them. Sources are named by the SHA-256 of their text (the same article
has the same digest in every database) and, for a source without text, by its address.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from csto_kb.errors import InvalidInput


def is_exported(line: Mapping[str, Any]) -> bool:
    """Whether a JSON Lines object is an exported statement rather than a ``StatementIn``."""
    return isinstance(line.get("speaker"), dict) and isinstance(line.get("evidence"), list)


def _key(value: Any, field: str) -> str:
    if not isinstance(value, dict) or not isinstance(value.get("key"), str):
        raise InvalidInput(f"{field}: expected an object with a key, as `export statements` writes it")
    return str(value["key"])


def from_export(
    line: Mapping[str, Any], source_id: Callable[[Mapping[str, Any]], int]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The ``StatementIn`` fields of an exported statement, and its further sources as evidence fields
    (``source``, ``text``, ``span_start``, ``span_end``, ``method``, ``extractor_version``, ``confidence``).

    ``source_id`` finds the local id of an exported source object (by its SHA-256 or its address).
    """
    if line.get("retracted_at"):
        # Stored as it stands, it would come back live: the retraction would be lost without a word.
        reason = f", {line['retracted_reason']}" if line.get("retracted_reason") else ""
        raise InvalidInput(
            f"retracted_at: this statement was retracted ({line['retracted_at']}{reason}); import takes live "
            "statements only: export without --include-retracted, or leave the line out"
        )
    evidence = line["evidence"]
    if not evidence:
        raise InvalidInput("evidence: an exported statement lists at least one source")
    translations = line.get("translations") or []
    if len(translations) > 1:
        raise InvalidInput(
            "translations: this line holds more than one translation; import takes one per statement "
            "(add the others with `statement edit --translation`)"
        )
    first, *more = evidence
    fields: dict[str, Any] = {
        "speaker": _key(line["speaker"], "speaker"),
        "quote": line.get("quote"),
        "lang": line.get("lang"),
        "source": source_id(first.get("source") or {}),
        "said_on": line.get("said_on"),
        "said_on_basis": line.get("said_on_basis", "stated"),
        "date_text": line.get("date_text", ""),
        "mode": line.get("mode", "direct"),
        "cue": line.get("cue", ""),
        "venue": line.get("venue"),
        "speaker_mention": line.get("speaker_mention", ""),
        "role_text": line.get("role_text", ""),
        "span_start": first.get("span_start"),
        "span_end": first.get("span_end"),
        "about": [_key(a, "about") for a in line.get("about") or []],
        "method": first.get("method", "imported"),
        "extractor_version": first.get("extractor_version"),
        "confidence": first.get("confidence"),
    }
    if translations:
        t = translations[0]
        fields |= {
            "translation": t.get("text"),
            "translation_lang": t.get("lang"),
            "translator": t.get("translator"),
        }
    further = [
        {
            "source": source_id(e.get("source") or {}),
            "span_start": e.get("span_start"),
            "span_end": e.get("span_end"),
            "method": e.get("method", "imported"),
            "extractor_version": e.get("extractor_version"),
            "confidence": e.get("confidence"),
        }
        for e in more
    ]
    return {k: v for k, v in fields.items() if v is not None}, further
