"""evidence add | retract: one more source for a stored statement or fact, or one withdrawn."""

from __future__ import annotations

from typing import Annotated

import typer

from csto_kb.cli.claims import ByOption, EndOption, EvidenceOption, SourceOption, StartOption
from csto_kb.cli.output import write
from csto_kb.cli.types import RECORD_ID
from csto_kb.errors import InvalidInput

KINDS = {
    "statement": "statement",
    "membership": "membership",
    "role": "role",
    "force": "force_level",
    "event": "event",
    "fact": "organisation_fact",
}

app = typer.Typer(
    help="Add a source to a stored statement or fact (a second outlet's report, a translation, a paraphrase), "
    "or withdraw one; the change log keeps both.",
    no_args_is_help=True,
)


def _claim(value: str) -> tuple[str, int]:
    kind, sep, number = value.partition(":")
    if not sep or kind not in KINDS or not number.isdigit() or int(number) < 1:
        raise InvalidInput(f"claim: expected KIND:ID with KIND one of {', '.join(KINDS)}, got {value!r}")
    return KINDS[kind], int(number)


@app.command("add")
def add(
    ctx: typer.Context,
    claim: Annotated[str, typer.Argument(help="What it supports: KIND:ID (statement:12, membership:3 …).")],
    source: SourceOption,
    evidence: EvidenceOption = None,
    start: StartOption = None,
    end: EndOption = None,
    note: Annotated[str | None, typer.Option(help="A note kept with the evidence.")] = None,
    by: ByOption = None,
) -> None:
    """Add a source's support to a stored statement or fact, at the words given."""
    from csto_kb.schemas.claims import EvidenceIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.claims import add_evidence

    table, claim_id = _claim(claim)
    given = parse(
        EvidenceIn, {"source": source, "text": evidence, "span_start": start, "span_end": end, "note": note}
    )
    evidence_id = add_evidence(ctx.obj.uow(by=by), table, claim_id, given)
    write(f"added evidence #{evidence_id}: source {source} supports {table.replace('_', ' ')} #{claim_id}")


@app.command("retract")
def retract(
    ctx: typer.Context,
    evidence_id: Annotated[
        int, typer.Argument(help="The evidence's id (shown by `show`).", metavar="ID", click_type=RECORD_ID)
    ],
    reason: Annotated[str, typer.Option(help="Why the source no longer supports it.")],
    by: ByOption = None,
) -> None:
    """Withdraw one source's support; the statement or fact keeps its other sources (the last one cannot go:
    retract the statement or fact itself)."""
    from csto_kb.services.claims import retract_evidence

    if not reason.strip():
        raise InvalidInput("reason: say why the evidence is retracted")
    evidence = retract_evidence(ctx.obj.uow(by=by, reason=reason), evidence_id, reason)
    write(
        f"retracted evidence #{evidence.id} of {evidence.claim_table.replace('_', ' ')} #{evidence.claim_id}"
    )
