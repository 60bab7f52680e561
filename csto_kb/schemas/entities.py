"""What comes out of the knowledge base about entities and sources."""

from __future__ import annotations

import datetime as dt

from csto_kb.schemas.common import OutModel


class NameOut(OutModel):
    name: str
    lang: str
    is_primary: bool


class EntityOut(OutModel):
    id: int
    key: str
    kind: str
    name_en: str | None
    name_ar: str | None
    description: str | None
    part_of_key: str | None
    names: list[NameOut]


class SourceOut(OutModel):
    id: int
    label: str
    title: str | None
    url: str | None
    publisher: str | None
    lang: str
    published_on: str | None
    published_basis: str
    published_note: str | None
    kind: str
    file_name: str | None
    sha256: str | None
    body_chars: int | None
    added_at: dt.datetime
    statements: int = 0
