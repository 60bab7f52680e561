"""What comes out of the knowledge base about entities and sources."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, field_validator

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
    external_ids: dict[str, str] = Field(
        default_factory=dict, description="identifiers in other knowledge bases, by scheme: {wikidata: Q399}"
    )

    @field_validator("external_ids", mode="before")
    @classmethod
    def _by_scheme(cls, value: Any) -> Any:
        # The model's rows (scheme, value) as one mapping.
        if isinstance(value, list):
            return {x.scheme: x.value for x in sorted(value, key=lambda x: str(x.scheme))}
        return value


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
