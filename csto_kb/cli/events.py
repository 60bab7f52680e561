"""event add | edit | show | retract: what happened, when, and who took part."""

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
    SourceOption,
    StartOption,
    TitleLangOption,
    TitleTranslationOption,
    add_show_retract,
    edit_and_say,
    evidence_fields,
    say_added,
    title_translations,
)
from csto_kb.cli.output import ListFormat
from csto_kb.cli.types import RECORD_ID
from csto_kb.errors import InvalidInput

KIND_HELP = "founding, incursion, intervention, war, meeting, session or other."
PARTICIPANT_HELP = (
    "Who took part, as NAME or NAME=ROLE (ROLE: subject, actor, target or location); repeatable."
)

app = typer.Typer(help="Record and correct events (`events ORG` lists them).", no_args_is_help=True)


def _participants(values: list[str]) -> list[dict[str, str]]:
    out = []
    for value in values:
        name, sep, role = value.rpartition("=") if "=" in value else (value, "", "actor")
        if not name.strip() or (sep and not role.strip()):
            raise InvalidInput(f"participant: expected NAME or NAME=ROLE, got {value!r}")
        out.append({"entity": name.strip(), "role": role.strip()})
    return out


@app.command("add")
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="What happened, in a few words.")],
    source: SourceOption,
    kind: Annotated[str, typer.Option(help=KIND_HELP)] = "other",
    title_lang: TitleLangOption = "en",
    title_translation: TitleTranslationOption = None,
    starts_on: Annotated[str | None, typer.Option(help="When it began: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    ends_on: Annotated[str | None, typer.Option(help="When it ended.")] = None,
    date_text: Annotated[str, typer.Option(help="The date as the source writes it.")] = "",
    participant: Annotated[list[str] | None, typer.Option(help=PARTICIPANT_HELP)] = None,
    evidence: EvidenceOption = None,
    start: StartOption = None,
    end: EndOption = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Add an event with the source that reports it. The same event (kind, title, start) from another
    source is added to the stored one as one more source."""
    from csto_kb.schemas.claims import EventIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.claims import add_event

    data = parse(
        EventIn,
        {
            "kind": kind,
            "title": title,
            "title_lang": title_lang,
            "title_translations": title_translations(title_translation),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "date_text": date_text,
            "participants": _participants(participant or []),
            "note": note,
            "evidence": evidence_fields(source, evidence, start, end),
        },
    )
    added = add_event(ctx.obj.uow(by=by), data)
    say_added(added, fmt, f"{kind}, {title}" + (f", {starts_on}" if starts_on else ""))


@app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="The event's id.", metavar="ID", click_type=RECORD_ID)],
    reason: ReasonOption,
    title: Annotated[str | None, typer.Option(help="The corrected original title.")] = None,
    title_translation: EditTitleTranslationOption = None,
    kind: Annotated[str | None, typer.Option(help=KIND_HELP)] = None,
    starts_on: Annotated[str | None, typer.Option(help="The corrected start.")] = None,
    ends_on: Annotated[str | None, typer.Option(help="The corrected end.")] = None,
    date_text: Annotated[str | None, typer.Option(help="The corrected date as written.")] = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Correct an event; the values it replaces stay in its history."""
    from csto_kb.schemas.claims import EventEdit

    given = {
        "title": title,
        "title_translations": title_translations(title_translation) or None,
        "kind": kind,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "date_text": date_text,
        "note": note,
    }
    edit_and_say(ctx, "event", claim_id, EventEdit, given, reason, by, fmt)


add_show_retract(app, "event", "event")
