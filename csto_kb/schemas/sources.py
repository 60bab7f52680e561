"""What goes into the knowledge base about sources."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from csto_kb.schemas.common import LangCode, Model, PartialDateStr


class SourceIn(Model):
    """A source to store: its text (if we have it) and what is known about its publication."""

    body: str | None = None
    file_name: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = Field(
        default=None, description="the publisher's name, or the key of a media entity"
    )
    lang: LangCode
    published: PartialDateStr | None = None
    published_basis: Literal["stated", "inferred", "unknown"] = "unknown"
    published_note: str | None = None
    kind: Literal["full_text", "excerpt", "transcript", "reference"] | None = Field(
        default=None,
        description="what the text is: the whole article, the part one has, a transcript of something heard, "
        "or no text at all (a reference); default: full_text with a text, reference without",
    )

    @model_validator(mode="after")
    def _kind_fits_text(self) -> SourceIn:
        if self.kind is None:
            self.kind = "full_text" if self.body is not None else "reference"
        if self.kind == "reference" and self.body is not None:
            raise ValueError("kind: a reference has no text; use full_text, excerpt or transcript")
        if self.kind != "reference" and self.body is None:
            raise ValueError(f"kind: a {self.kind} needs its text")
        if self.body is None and not (self.url or self.title):
            raise ValueError("a source without text needs its address (url) or its title")
        return self


class SourceEdit(Model):
    """Corrected metadata of a stored source; its text and the text's SHA-256 never change."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    lang: LangCode | None = None
    published: PartialDateStr | None = None
    published_basis: Literal["stated", "inferred", "unknown"] | None = None
    published_note: str | None = None
    kind: Literal["full_text", "excerpt", "transcript"] | None = None
