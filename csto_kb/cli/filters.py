"""The statement filters and the reading language shared by `who-said` and `export statements`: declared
once, so the two commands take the same options with the same help."""

from __future__ import annotations

from typing import Annotated

import typer

from csto_kb.cli.types import RECORD_ID
from csto_kb.errors import InvalidInput
from csto_kb.langtags import canonical_lang

_DATE = "YYYY, YYYY-MM or YYYY-MM-DD"

SpeakerOption = Annotated[
    str | None, typer.Option(help="Speaker: any name or alias, in Arabic or English script, or a key.")
]
AboutOption = Annotated[
    str | None, typer.Option(help="Only statements about this entity (or one of its parts).")
]
OrgOption = Annotated[
    str | None,
    typer.Option(help="Only statements by this organisation, its bodies, or people with a role in it."),
]
FromOption = Annotated[str | None, typer.Option("--from", help=f"Said on or after this date: {_DATE}.")]
ToOption = Annotated[str | None, typer.Option("--to", help=f"Said on or before this date: {_DATE}.")]
IncludeRetractedOption = Annotated[bool, typer.Option(help="Also include retracted statements.")]
SourceFilterOption = Annotated[
    int | None,
    typer.Option(
        "--source", help="Only statements this source reports (one of their sources).", click_type=RECORD_ID
    ),
]
LangOption = Annotated[
    str,
    typer.Option(
        help="Reading language (a BCP 47 tag: en, ru, ar …): names, role titles and the translation in it, else "
        "in English, else the original, which is shown beside."
    ),
]


def reading_language(lang: str) -> str:
    """``--lang`` as a canonical tag (the rule of `factsheet --lang`); InvalidInput naming it otherwise."""
    try:
        return canonical_lang(lang)
    except ValueError as error:
        raise InvalidInput(f"lang: {error}") from None
