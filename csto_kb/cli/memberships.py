"""membership add | edit | show | retract: episodes of a state's membership of an alliance."""

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
    SinceOption,
    SourceOption,
    StartOption,
    UntilOption,
    add_show_retract,
    edit_and_say,
    evidence_fields,
    say_added,
)
from csto_kb.cli.output import ListFormat
from csto_kb.cli.types import RECORD_ID

STATUS_HELP = "member, applicant, observer, partner, suspended, frozen, withdrawn or former."

app = typer.Typer(
    help="Record and correct memberships, one episode at a time (member since 2002, frozen since 2024-02 …); "
    "`members ALLIANCE --on DATE` answers from them.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    alliance: Annotated[str, typer.Argument(help="The alliance or organisation (name, alias or key).")],
    member: Annotated[str, typer.Argument(help="The member state or organisation.")],
    source: SourceOption,
    status: Annotated[str, typer.Option(help=STATUS_HELP)] = "member",
    since: SinceOption = None,
    until: UntilOption = None,
    evidence: EvidenceOption = None,
    start: StartOption = None,
    end: EndOption = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Add a membership episode with the source that reports it. The same episode from another source is
    added to the stored one as one more source."""
    from csto_kb.schemas.claims import MembershipIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.claims import add_membership

    data = parse(
        MembershipIn,
        {
            "alliance": alliance,
            "member": member,
            "status": status,
            "since": since,
            "until": until,
            "note": note,
            "evidence": evidence_fields(source, evidence, start, end),
        },
    )
    added = add_membership(ctx.obj.uow(by=by), data)
    span = f"since {since}" if since else "since an unknown date"
    say_added(added, fmt, f"{member}, {status} of {alliance}, {span}")


@app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="The membership's id.", metavar="ID", click_type=RECORD_ID)],
    reason: ReasonOption,
    status: Annotated[str | None, typer.Option(help=STATUS_HELP)] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    note: NoteOption = None,
    by: ByOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Correct a membership episode; the values it replaces stay in its history."""
    from csto_kb.schemas.claims import MembershipEdit

    given = {"status": status, "since": since, "until": until, "note": note}
    edit_and_say(ctx, "membership", claim_id, MembershipEdit, given, reason, by, fmt)


add_show_retract(app, "membership", "membership")
