"""What goes into the knowledge base about sources."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

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
