"""fact add | edit | show | retract: an organisation's obligations, characterisations and practices."""

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
    TextTranslationOption,
    add_show_retract,
    edit_and_say,
    evidence_fields,
    say_added,
    title_translations,
)
from csto_kb.cli.output import ListFormat
from csto_kb.cli.types import RECORD_ID

KIND_HELP = "obligation, characterisation or practice."

app = typer.Typer(
    help="Record and correct facts about an organisation in words (an obligation, a characterisation, a "
    "standing practice); the fact sheet lists them.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    subject: Annotated[str, typer.Argument(help="The organisation the fact is about.")],
    source: SourceOption,
    kind: Annotated[str, typer.Option(help=KIND_HELP)],
    text: Annotated[str, typer.Option(help="The fact in words, in the source's language.")],
    lang: Annotated[str | None, typer.Option(help="Language of --text (default: from its script).")] = None,
    text_translation: TextTranslationOption = None,
    text_en: Annotated[
        str | None, typer.Option(help="The fact in English, when --text is not (as --text-translation en=…).")
    ] = None,
    evidence: EvidenceOption = None,
    start: StartOption = None,
    end: EndOption = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Add an organisation fact with the source that states it. The same fact from another source is added
    to the stored one as one more source."""
    from csto_kb.schemas.claims import OrganisationFactIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.claims import add_organisation_fact
    from csto_kb.services.entities import guess_lang

    data = parse(
        OrganisationFactIn,
        {
            "subject": subject,
            "kind": kind,
            "text": text,
            "lang": lang or guess_lang(text),
            "text_en": text_en,
            "text_translations": title_translations(text_translation, "text-translation"),
            "note": note,
            "evidence": evidence_fields(source, evidence, start, end),
        },
    )
    added = add_organisation_fact(ctx.obj.uow(by=by), data)
    say_added(added, fmt, f"{kind} of {subject}")


@app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="The fact's id.", metavar="ID", click_type=RECORD_ID)],
    reason: ReasonOption,
    kind: Annotated[str | None, typer.Option(help=KIND_HELP)] = None,
    text: Annotated[str | None, typer.Option(help="The corrected original text.")] = None,
    text_translation: Annotated[
        list[str] | None,
        typer.Option(
            help="The fact in another language, corrected or added, as LANG=TEXT; repeat for more.",
            metavar="LANG=TEXT",
        ),
    ] = None,
    text_en: Annotated[
        str | None, typer.Option(help="The corrected English text (as --text-translation en=…).")
    ] = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Correct an organisation fact; the values it replaces stay in its history."""
    from csto_kb.schemas.claims import OrganisationFactEdit

    given = {
        "kind": kind,
        "text": text,
        "text_en": text_en,
        "text_translations": title_translations(text_translation, "text-translation") or None,
        "note": note,
    }
    edit_and_say(ctx, "organisation_fact", claim_id, OrganisationFactEdit, given, reason, by, fmt)


add_show_retract(app, "organisation_fact", "organisation fact")
