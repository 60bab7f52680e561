"""review list | show | accept | reject | edit: deciding what the extractor proposed."""

from __future__ import annotations

from typing import Annotated

import typer

from csto_kb.cli.output import ListFormat, simple_table, write
from csto_kb.cli.types import RECORD_ID
from csto_kb.errors import InvalidInput

app = typer.Typer(
    help="Review extracted candidates: accept them into facts, reject them, correct them.",
    no_args_is_help=True,
)
BY_HELP = "Who decides (default: your operating-system user)."


@app.command("list")
def list_(
    ctx: typer.Context,
    source: Annotated[
        int | None, typer.Option(help="Only candidates from this source id.", click_type=RECORD_ID)
    ] = None,
    status: Annotated[str, typer.Option(help="pending, accepted, rejected or all.")] = "pending",
    kind: Annotated[
        str | None, typer.Option(help="statement, force_level, founding, membership or event.")
    ] = None,
    in_text_order: Annotated[
        bool, typer.Option("--in-text-order", help="In the order of the text, not the least sure first.")
    ] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List candidates, pending ones by default, the least sure first, each with why it is doubtful."""
    from csto_kb.db.constants import CANDIDATE_KINDS, CANDIDATE_STATUSES
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.review import CandidateOut
    from csto_kb.sql.browse import candidate_list

    if status != "all" and status not in CANDIDATE_STATUSES:
        raise InvalidInput(f"status: expected pending, accepted, rejected or all, got {status!r}")
    if kind is not None and kind not in CANDIDATE_KINDS:
        raise InvalidInput(f"kind: expected one of {', '.join(CANDIDATE_KINDS)}, got {kind!r}")
    candidates = ctx.obj.read(
        lambda c, d: candidate_list(
            c,
            d,
            source=source,
            status=None if status == "all" else status,
            kind=kind,
            doubtful_first=not in_text_order,
        )
    )
    found = [CandidateOut.model_validate(row) for row in candidates]
    if fmt is ListFormat.json:
        write(to_json(found))
        return
    rows = []
    for c in found:
        p = c.payload
        if c.kind == "statement":
            what = f"{p.get('speaker')}: {str(p.get('quote'))[:70]}"
        else:
            what = str(p.get("text"))[:90]
        why = str(p.get("confidence_reason") or "")
        rows.append([str(c.id), str(c.source_id), c.kind, c.status, f"{c.confidence:.2f}", why, what])
    write(
        simple_table(["Id", "Source", "Kind", "Status", "Conf", "Why doubtful", "Candidate"], rows)
        if rows
        else "No candidates."
    )


@app.command("show")
def show(
    ctx: typer.Context,
    candidate_id: Annotated[
        int, typer.Argument(help="The candidate's id.", metavar="ID", click_type=RECORD_ID)
    ],
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """One candidate with everything the extractor proposed."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.review import CandidateOut
    from csto_kb.sql.browse import candidate_in_context

    c = CandidateOut.model_validate(ctx.obj.read(lambda c, d: candidate_in_context(c, d, candidate_id)))
    if fmt is ListFormat.json:
        write(to_json(c))
        return
    lines = [
        f"Candidate {c.id} ({c.kind}, {c.status}) from source {c.source_id}, {c.extractor_version}, "
        f"confidence {c.confidence:.2f}"
    ]
    lines += [f"  {key}: {value}" for key, value in c.payload.items()]
    if c.context:
        lines.append(f"In context: {c.context}")
    if c.decided_at:
        lines.append(
            f"Decided {c.decided_at:%Y-%m-%d %H:%M} by {c.decided_by}" + (f": {c.reason}" if c.reason else "")
        )
    if c.statement_id:
        lines.append(f"Statement: #{c.statement_id}")
    if c.force_level_id:
        lines.append(f"Force level: {c.force_level_id}")
    write("\n".join(lines))


@app.command("accept")
def accept(
    ctx: typer.Context,
    ids: Annotated[
        list[int] | None, typer.Argument(help="Candidate ids.", metavar="ID…", click_type=RECORD_ID)
    ] = None,
    all_from: Annotated[
        int | None,
        typer.Option(
            help="Accept every pending statement and figure from this source id.", click_type=RECORD_ID
        ),
    ] = None,
    same_as: Annotated[
        int | None,
        typer.Option(
            help="The stored statement this candidate reports (a possible duplicate of it): added to it as one "
            "more source. One candidate at a time.",
            metavar="ID",
            click_type=RECORD_ID,
        ),
    ] = None,
    new: Annotated[
        bool,
        typer.Option(
            "--new", help="Store the candidate as a statement of its own, though it may be a stored one."
        ),
    ] = False,
    by: Annotated[str | None, typer.Option(help=BY_HELP)] = None,
) -> None:
    """Accept candidates: statements and figures are stored (method "extracted"); a statement already stored
    (same speaker, same quote, a compatible date) gets the candidate's source as one more evidence; a
    possible duplicate waits for --same-as ID or --new. All or none."""
    from csto_kb.services.review import accept

    if not ids and all_from is None:
        raise InvalidInput("ids: give candidate ids or --all-from SOURCE")
    if ids and all_from is not None:
        raise InvalidInput("ids: give candidate ids or --all-from SOURCE, not both")
    if (same_as is not None or new) and (not ids or len(ids) != 1):
        raise InvalidInput("same-as: --same-as and --new decide for one candidate; give exactly one id")
    outcomes = accept(
        ctx.obj.uow(by=by, reason="accepted in review"), ids, all_from=all_from, same_as=same_as, distinct=new
    )
    lines = []
    for o in outcomes:
        if o.status == "pending":
            lines.append(f"candidate {o.candidate_id}: left pending: {o.note} (review edit {o.candidate_id})")
        elif o.statement_id is not None:
            verb = "linked to existing" if o.linked_existing else "stored as"
            lines.append(f"candidate {o.candidate_id}: {verb} statement #{o.statement_id}")
        elif o.facts:
            lines.append(f"candidate {o.candidate_id}: stored as {', '.join(o.facts)}")
        else:
            lines.append(f"candidate {o.candidate_id}: stored as force level {o.force_level_id}")
    write("\n".join(lines))


@app.command("reject")
def reject(
    ctx: typer.Context,
    ids: Annotated[list[int], typer.Argument(help="Candidate ids.", metavar="ID…", click_type=RECORD_ID)],
    reason: Annotated[str, typer.Option(help="Why (kept with each candidate).")],
    by: Annotated[str | None, typer.Option(help=BY_HELP)] = None,
) -> None:
    """Reject candidates; the records stay, with the reason."""
    from csto_kb.services.review import reject

    if not reason.strip():
        raise InvalidInput("reason: say why the candidates are rejected")
    outcomes = reject(ctx.obj.uow(by=by, reason=reason), ids, reason)
    write("\n".join(f"candidate {o.candidate_id}: rejected" for o in outcomes))


@app.command("edit")
def edit(
    ctx: typer.Context,
    candidate_id: Annotated[
        int, typer.Argument(help="The candidate's id.", metavar="ID", click_type=RECORD_ID)
    ],
    speaker: Annotated[
        str | None, typer.Option(help="The right speaker: a known name, alias or key.")
    ] = None,
    mention: Annotated[str | None, typer.Option(help="The speaker's mention as written.")] = None,
    role: Annotated[str | None, typer.Option(help="The role as written.")] = None,
    said_on: Annotated[str | None, typer.Option(help="The right date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_text: Annotated[str | None, typer.Option(help="The date expression as written.")] = None,
    mode: Annotated[str | None, typer.Option(help="direct, indirect or mixed.")] = None,
    cue: Annotated[str | None, typer.Option(help="The speech verb as written.")] = None,
    quote: Annotated[
        str | None,
        typer.Option(help="The corrected quote: the words exactly as written, found in the source's text."),
    ] = None,
    start: Annotated[
        int | None, typer.Option(help="Where the corrected quote starts, when it occurs more than once.")
    ] = None,
    end: Annotated[int | None, typer.Option(help="Where the corrected quote ends.")] = None,
    about: Annotated[
        list[str] | None,
        typer.Option(help="What the statement is about (repeatable); replaces the proposed subjects."),
    ] = None,
    organisation: Annotated[
        str | None, typer.Option(help="A figure's organisation: a known name, alias or key.")
    ] = None,
    count: Annotated[int | None, typer.Option(help="A figure's count.", click_type=RECORD_ID)] = None,
    approximate: Annotated[
        bool | None,
        typer.Option("--approximate/--exact", help="Whether a figure is approximate.", show_default=False),
    ] = None,
    readiness: Annotated[
        str | None, typer.Option(help="A figure's readiness: permanent_alert, peacekeeping, other.")
    ] = None,
    by: Annotated[str | None, typer.Option(help=BY_HELP)] = None,
) -> None:
    """Correct a pending candidate before accepting it (a statement's speaker, date, mode, cue …; a figure's
    organisation, count, readiness); the proposal stays in the history."""
    from csto_kb.dates import PartialDate
    from csto_kb.services.review import edit

    changes: dict[str, object] = {
        "speaker": speaker,
        "speaker_mention": mention,
        "speaker_role": role,
        "said_on": said_on,
        "date_text": date_text,
        "mode": mode,
        "cue": cue,
        "quote": quote,
        "quote_start": start,
        "quote_end": end,
        "about": about,
        "organisation": organisation,
        "count": count,
        "approximate": approximate,
        "readiness": readiness,
    }
    given: dict[str, object] = {k: v for k, v in changes.items() if v is not None}
    if "said_on" in given:
        try:
            given["said_on"] = str(PartialDate.parse(str(given["said_on"])))
        except ValueError as error:
            raise InvalidInput(f"said_on: {error}") from None
    c = edit(ctx.obj.uow(by=by, reason="edited in review"), candidate_id, dict(given))
    write(
        f"candidate {c.id}: {c.payload.get('speaker')} · {c.payload.get('said_on') or 'undated'} · {c.payload.get('cue')}"
    )
