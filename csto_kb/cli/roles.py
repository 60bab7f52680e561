"""role add | edit | show | retract: people's titles over time."""

from __future__ import annotations

from typing import Annotated

import typer

from csto_kb.cli.claims import (
    ByOption,
    EditTitleTranslationOption,
    EndOption,
    EvidenceOption,
    FormatOption,
    NoteOption,
    ReasonOption,
    SinceOption,
    StartOption,
    TitleLangOption,
    TitleTranslationOption,
    UntilOption,
    add_show_retract,
    edit_and_say,
    evidence_fields,
    say_added,
    title_translations,
)
from csto_kb.cli.output import ListFormat
from csto_kb.cli.types import RECORD_ID

app = typer.Typer(
    help="Record and correct people's roles (a title, in an organisation, over an interval); statements "
    "find the speaker's role on their date from them.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The person (name, alias or key).")],
    organisation: Annotated[
        str | None, typer.Argument(help="The organisation the title is in, if any.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="The title as written (Secretary General …).")] = None,
    title_lang: TitleLangOption = "en",
    title_ar: Annotated[
        str | None, typer.Option(help="The title in Arabic (as --title-translation ar=TEXT).")
    ] = None,
    title_translation: TitleTranslationOption = None,
    source: Annotated[
        int | None,
        typer.Option(help="Id of the source that supports it (see `source list`).", click_type=RECORD_ID),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    evidence: EvidenceOption = None,
    start: StartOption = None,
    end: EndOption = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Add a role with the source that reports it. The same role from another source is added to the stored
    one as one more source."""
    from csto_kb.errors import InvalidInput
    from csto_kb.schemas.claims import RoleIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.claims import add_role

    for name, value in (("title", title), ("source", source)):
        if value is None:
            raise InvalidInput(f"{name}: required")
    assert source is not None
    data = parse(
        RoleIn,
        {
            "person": person,
            "organisation": organisation,
            "title": title,
            "title_lang": title_lang,
            "title_ar": title_ar,
            "title_translations": title_translations(title_translation),
            "since": since,
            "until": until,
            "note": note,
            "evidence": evidence_fields(source, evidence, start, end),
        },
    )
    added = add_role(ctx.obj.uow(by=by), data)
    say_added(added, fmt, f"{person}, {title}" + (f", since {since}" if since else ""))


@app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="The role's id.", metavar="ID", click_type=RECORD_ID)],
    reason: ReasonOption,
    title: Annotated[str | None, typer.Option(help="The corrected original title.")] = None,
    title_ar: Annotated[
        str | None, typer.Option(help="The corrected Arabic title (as --title-translation ar=TEXT).")
    ] = None,
    title_translation: EditTitleTranslationOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Correct a role; the values it replaces stay in its history."""
    from csto_kb.schemas.claims import RoleEdit

    given = {
        "title": title,
        "title_ar": title_ar,
        "title_translations": title_translations(title_translation) or None,
        "since": since,
        "until": until,
        "note": note,
    }
    edit_and_say(ctx, "role", claim_id, RoleEdit, given, reason, by, fmt)


add_show_retract(app, "role", "role")
