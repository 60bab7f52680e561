"""force add | edit | show | retract: an organisation's force figures, as each source gives them."""

from __future__ import annotations

from typing import Annotated

import typer

from csto_kb.cli.claims import (
    ByOption,
    EndOption,
    EvidenceOption,
    FormatOption,
    NoteOption,
    ReasonOption,
    SourceOption,
    StartOption,
    UnitTranslationOption,
    add_show_retract,
    edit_and_say,
    evidence_fields,
    say_added,
    title_translations,
)
from csto_kb.cli.output import ListFormat
from csto_kb.cli.types import RECORD_ID

READINESS_HELP = "permanent alert, peacekeeping or other."
AS_OF_HELP = "The date the figure holds for: YYYY, YYYY-MM or YYYY-MM-DD."

app = typer.Typer(
    help="Record and correct force figures; figures that disagree are kept side by side (`forces ORG`).",
    no_args_is_help=True,
)


def _readiness(value: str | None) -> str | None:
    return value.strip().lower().replace(" ", "_").replace("-", "_") if value is not None else None


@app.command("add")
def add(
    ctx: typer.Context,
    organisation: Annotated[str, typer.Argument(help="The organisation (name, alias or key).")],
    count: Annotated[int, typer.Option(help="How many (troops, unless --unit says otherwise).")],
    source: SourceOption,
    unit: Annotated[
        str, typer.Option(help="What is counted, in --unit-lang (the original label).")
    ] = "troops",
    unit_lang: Annotated[str, typer.Option(help="Language of --unit (a BCP 47 tag: en, ar, ru …).")] = "en",
    unit_translation: UnitTranslationOption = None,
    unit_original: Annotated[
        str | None,
        typer.Option(
            help="The unit as the source writes it, in the source's language: the original, --unit beside it."
        ),
    ] = None,
    approximate: Annotated[bool, typer.Option(help="The source gives the figure as approximate.")] = False,
    readiness: Annotated[str, typer.Option(help=READINESS_HELP)] = "other",
    as_of: Annotated[str | None, typer.Option(help=AS_OF_HELP)] = None,
    evidence: EvidenceOption = None,
    start: StartOption = None,
    end: EndOption = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Add a force figure with the source that gives it. The same figure from another source is added to
    the stored one as one more source."""
    from csto_kb.schemas.claims import ForceLevelIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.claims import add_force_level

    data = parse(
        ForceLevelIn,
        {
            "organisation": organisation,
            "count": count,
            "unit": unit,
            "unit_lang": unit_lang,
            "unit_translations": title_translations(unit_translation, "unit-translation"),
            "unit_original": unit_original,
            "approximate": approximate,
            "readiness": _readiness(readiness),
            "as_of": as_of,
            "note": note,
            "evidence": evidence_fields(source, evidence, start, end),
        },
    )
    added = add_force_level(ctx.obj.uow(by=by), data)
    say_added(added, fmt, f"{count:,} {unit}, {readiness}" + (f", as of {as_of}" if as_of else ""))


@app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="The figure's id.", metavar="ID", click_type=RECORD_ID)],
    reason: ReasonOption,
    count: Annotated[int | None, typer.Option(help="The corrected count.")] = None,
    unit: Annotated[str | None, typer.Option(help="The corrected original label.")] = None,
    unit_translation: Annotated[
        list[str] | None,
        typer.Option(
            help="What is counted in another language, corrected or added, as LANG=TEXT; repeat for more.",
            metavar="LANG=TEXT",
        ),
    ] = None,
    readiness: Annotated[str | None, typer.Option(help=READINESS_HELP)] = None,
    as_of: Annotated[str | None, typer.Option(help=AS_OF_HELP)] = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Correct a force figure; the values it replaces stay in its history."""
    from csto_kb.schemas.claims import ForceLevelEdit

    given = {
        "count": count,
        "unit": unit,
        "unit_translations": title_translations(unit_translation, "unit-translation") or None,
        "readiness": _readiness(readiness),
        "as_of": as_of,
        "note": note,
    }
    edit_and_say(ctx, "force_level", claim_id, ForceLevelEdit, given, reason, by, fmt)


add_show_retract(app, "force_level", "force figure")
