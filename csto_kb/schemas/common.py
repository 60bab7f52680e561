"""Value types shared by the schemas: partial dates, language codes, modes of speech."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, model_validator

from csto_kb.dates import PartialDate
from csto_kb.langtags import canonical_lang
from csto_kb.limits import LIMITS, LONG_TEXT, text_problem

Mode = Literal["direct", "indirect", "mixed"]
Method = Literal["curated", "extracted", "entered", "imported"]


def _partial_date(value: str) -> str:
    return str(PartialDate.parse(value))


def _date_as_text(value: object) -> object:
    # YAML reads an unquoted 2022-04-13 as a date and 2002 as a number; both mean the partial date they spell.
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _lang(value: str) -> str:
    return canonical_lang(value)


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


PartialDateStr = Annotated[str, BeforeValidator(_date_as_text), AfterValidator(_partial_date)]
"""A partial date as text: YYYY, YYYY-MM or YYYY-MM-DD."""

LangCode = Annotated[str, AfterValidator(_lang)]
"""A well-formed BCP 47 language tag, in canonical case (`csto_kb.langtags`)."""
NonBlank = Annotated[str, AfterValidator(_non_blank)]


class Model(BaseModel):
    """Base of every edge schema: unknown fields are errors, so a typo in a seed file is caught."""

    model_config = ConfigDict(extra="forbid", frozen=False)

    @model_validator(mode="before")
    @classmethod
    def _text_within_limits(cls, data: Any) -> Any:
        # Files and JSON Lines are held to the same limits as the command line (csto_kb.limits), before any
        # query; a field the table does not name is only bounded by the longest text a column holds.
        if isinstance(data, dict):
            for field, value in data.items():
                # A list's items and a dict's values (translations by language) are held to the same limit.
                held = (
                    value
                    if isinstance(value, list)
                    else list(value.values())
                    if isinstance(value, dict)
                    else [value]
                )
                for text in held:
                    if isinstance(text, str):
                        problem = text_problem(str(field), text, limit=LIMITS.get(str(field), LONG_TEXT))
                        if problem:
                            raise ValueError(problem)
        return data


class OutModel(BaseModel):
    """Base of output schemas, read from ORM objects."""

    model_config = ConfigDict(from_attributes=True)


_FIRST_EVIDENCE = frozenset(
    {"source", "source_id", "span_start", "span_end", "method", "extractor_version", "confidence"}
)


class ClaimView:
    """A claim read for output: its live evidence as ``evidence``, and the first one's source and span as
    the claim's own ``source``, ``span_start`` … (the fields a one-source citation shows)."""

    def __init__(self, claim: Any) -> None:
        self._claim = claim
        self.evidence = claim.live_evidence
        self._first = claim.first_evidence

    def __getattr__(self, name: str) -> Any:
        if name in _FIRST_EVIDENCE:
            return getattr(self._first, name)
        return getattr(self._claim, name)


def claim_view(value: Any) -> Any:
    """The ClaimView of an ORM claim (anything with ``live_evidence``); other values as they are."""
    if isinstance(value, dict | BaseModel) or not hasattr(value, "live_evidence"):
        return value
    return ClaimView(value)
