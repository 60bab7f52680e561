"""What the user gives on the command line over what an article says of itself: one rule for every kind."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from csto_kb.errors import InvalidInput


@dataclass(frozen=True)
class Overrides:
    """Metadata given as options; a value given, even empty, wins over the article's own (an empty value is
    then refused by the field's check rather than read as "not given")."""

    lang: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    inferred: bool | None = None
    date_note: str | None = None

    def given(self) -> list[str]:
        """The names of the options given."""
        return [f.name for f in fields(self) if getattr(self, f.name) is not None]

    def refuse_for_many(self, count: int) -> None:
        """Refuse what can only describe one article when ``count`` are read at once: one address, headline
        or date for a whole folder would be wrong for all but one of them."""
        if count <= 1:
            return
        for name in ("url", "title", "published"):
            if getattr(self, name) is not None:
                raise InvalidInput(
                    f"{name}: one value cannot describe {count} articles; give it in each article's front "
                    "matter or feed line"
                )


def source_fields(own: dict[str, Any], body: str, file_name: str, options: Overrides) -> dict[str, Any]:
    """The fields of a SourceIn from an article's own metadata ``own`` and the options, which win."""

    def pick(key: str) -> Any:
        value = getattr(options, key)
        return own.get(key) if value is None else value

    inferred = options.inferred
    if inferred is None:
        inferred = flag(own.get("published_inferred"), "published_inferred")
    result: dict[str, Any] = {
        "body": body,
        "file_name": file_name,
        "title": pick("title"),
        "url": pick("url"),
        "publisher": pick("publisher"),
        "lang": pick("lang"),
        "published": pick("published"),
        "published_basis": "inferred" if inferred else "stated",
        "published_note": options.date_note,
    }
    if result["lang"] is None:
        raise InvalidInput("lang: give --lang (ar, en …) or the article's language in its front matter")
    return result


def flag(value: Any, field: str) -> bool:
    """A yes/no value, which the front-matter and feed readers keep as written."""
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("true", "yes", "on"):
        return True
    if text in ("false", "no", "off"):
        return False
    raise InvalidInput(f"{field}: expected true or false, got {value!r}")
