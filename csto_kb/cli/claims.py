"""What the fact commands share: the evidence options, the by/reason/format options, and show/retract/history.

``membership``, ``role``, ``force``, ``event`` and ``fact`` each add their own kind of fact; they take the
same options for the source that supports it, so `--source 9 --evidence "…as written…"` means the same
everywhere (and the same as for `statement add`).
"""

# No `from __future__ import annotations` here: the show and retract commands are defined inside a function,
# and Typer must read their annotations (which name that function's arguments) as objects, not strings.
from typing import TYPE_CHECKING, Annotated, Any

import typer

from csto_kb.cli.output import ListFormat, write
from csto_kb.cli.types import OFFSET, RECORD_ID
from csto_kb.errors import InvalidInput

if TYPE_CHECKING:
    from csto_kb.services.claims import ClaimAdded

BY_HELP = "Who makes the change (default: your operating-system user)."

SourceOption = Annotated[
    int, typer.Option(help="Id of the source that supports it (see `source list`).", click_type=RECORD_ID)
]
EvidenceOption = Annotated[
    str | None,
    typer.Option(
        "--evidence",
        help="The words of the source that support it, exactly as written (found in its stored text). "
        "Not needed for a source that stores no text.",
    ),
]
StartOption = Annotated[
    int | None,
    typer.Option(
        help="Where the evidence starts in the source's text, when it occurs more than once.",
        click_type=OFFSET,
    ),
]
EndOption = Annotated[
    int | None, typer.Option(help="Where the evidence ends in the source's text.", click_type=OFFSET)
]
NoteOption = Annotated[str | None, typer.Option(help="A note kept with the fact.")]
TitleLangOption = Annotated[str, typer.Option(help="Language of --title (a BCP 47 tag: en, ar, ru …).")]
TitleTranslationOption = Annotated[
    list[str] | None,
    typer.Option(
        help="The title in another language, as LANG=TEXT (ru=Генеральный секретарь); repeat for more.",
        metavar="LANG=TEXT",
    ),
]


EditTitleTranslationOption = Annotated[
    list[str] | None,
    typer.Option(
        "--title-translation",
        help="The title in another language, corrected or added, as LANG=TEXT; repeat for more.",
        metavar="LANG=TEXT",
    ),
]


TextTranslationOption = Annotated[
    list[str] | None,
    typer.Option(
        help="The fact in another language, as LANG=TEXT (ru=Организация …); repeat for more.",
        metavar="LANG=TEXT",
    ),
]


UnitTranslationOption = Annotated[
    list[str] | None,
    typer.Option(
        help="What is counted in another language, as LANG=TEXT (ru=войска); repeat for more.",
        metavar="LANG=TEXT",
    ),
]


def title_translations(values: list[str] | None, option: str = "title-translation") -> dict[str, str]:
    """``--title-translation LANG=TEXT`` (or another ``option``'s) values by canonical language tag; a tag
    that is none is refused here, naming the option, and the text is checked by the schema it goes into."""
    from csto_kb.langtags import canonical_lang

    out: dict[str, str] = {}
    for value in values or []:
        given, sep, text = value.partition("=")
        if not sep or not given.strip() or not text.strip():
            raise InvalidInput(f"{option}: expected LANG=TEXT, got {value!r}")
        try:
            lang = canonical_lang(given)
        except ValueError as error:
            raise InvalidInput(f"{option}: {error}") from None
        if lang in out:
            raise InvalidInput(f"{option}: {lang} is given twice")
        out[lang] = text.strip()
    return out


ByOption = Annotated[str | None, typer.Option(help=BY_HELP)]
FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]
ReasonOption = Annotated[str, typer.Option(help="Why the change is made (kept in the history).")]
SinceOption = Annotated[str | None, typer.Option(help="From when: YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Until when: YYYY, YYYY-MM or YYYY-MM-DD.")]


def evidence_fields(source: int, evidence: str | None, start: int | None, end: int | None) -> dict[str, Any]:
    """The ``evidence`` part of a fact's input from the shared options."""
    return {"source": source, "text": evidence, "span_start": start, "span_end": end}


def say_added(added: "ClaimAdded", fmt: ListFormat, describe: str) -> None:
    """Report an added fact: new, or one more source for a stored one."""
    from csto_kb.exporters.common import to_json

    if fmt is ListFormat.json:
        write(to_json(added.claim))
        return
    name = added.table.replace("_", " ")
    if added.new:
        write(f"added {name} #{added.claim_id}: {describe}")
    else:
        write(
            f"{name} #{added.claim_id} was already stored: source added as evidence #{added.evidence_id} "
            f"({added.sources} sources in all)"
        )


def _entity_name(value: dict[str, Any]) -> str:
    return str(value.get("name_en") or value["key"])


def _field_text(value: Any) -> str:
    """A field of a fact as `show` writes it: an entity by its name, a list of texts in their languages
    ("envoy (en, original); مبعوث (ar)"), a list of participants with their part in the event."""
    if isinstance(value, dict) and "key" in value:
        return _entity_name(value)
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        if all({"lang", "text"} <= v.keys() for v in value):
            return "; ".join(
                f"{v['text']} ({v['lang']}{', original' if v.get('is_original') else ''})" for v in value
            )
        if all({"entity", "role"} <= v.keys() for v in value):
            return "; ".join(f"{_entity_name(v['entity'])} ({v['role']})" for v in value)
    return str(value)


def describe_claim(table: str, claim: dict[str, Any]) -> str:
    """A fact in a few lines for `show`, from its JSON form: whether it is retracted, its fields, then every
    source with its span."""
    from csto_kb.exporters.common import span_text

    lines = [f"{table.replace('_', ' ').capitalize()} #{claim['id']}"]
    if claim["retracted_at"]:
        lines[0] += (
            f"  [RETRACTED {claim['retracted_at'][:10]}: {claim['retracted_reason'] or 'no reason given'}]"
        )
    skip = {"id", "evidence", "source_id", "span_start", "span_end", "method", "note"}
    skip |= {"retracted_at", "retracted_reason"}
    for key, value in claim.items():
        if key in skip or value in (None, [], ""):
            continue
        lines.append(f"{key.replace('_', ' ').capitalize() + ':':<14} {_field_text(value)}")
    if claim["note"]:
        lines.append(f"{'Note:':<14} {claim['note']}")
    if not claim["evidence"]:
        lines.append(f"{'Sources:':<14} none: the support of every source was withdrawn")
    for i, e in enumerate(claim["evidence"]):
        label = "Sources:" if i == 0 else ""
        source, span = e["source"], span_text(e["span_start"], e["span_end"])
        lines.append(
            f"{label:<14} [{source['id']}] {source['label']}, {span} "
            f"(evidence #{e['id']}, {e['method']}, by {e['recorded_by'] or 'unknown'})"
        )
    return "\n".join(lines)


def add_show_retract(app: typer.Typer, table: str, noun: str) -> None:
    """Register `show` and `retract` for one kind of fact."""

    @app.command("show")
    def show(
        ctx: typer.Context,
        claim_id: Annotated[
            int, typer.Argument(help=f"The {noun}'s id.", metavar="ID", click_type=RECORD_ID)
        ],
        fmt: FormatOption = ListFormat.table,
    ) -> None:
        from csto_kb.exporters.common import to_json
        from csto_kb.sql import direct

        claim = ctx.obj.read(direct.claim(table, claim_id))
        write(to_json(claim) if fmt is ListFormat.json else describe_claim(table, claim))

    show.__doc__ = f"One {noun} with every source that supports it (its history: `history ID --of {table}`)."

    @app.command("retract")
    def retract(
        ctx: typer.Context,
        claim_id: Annotated[
            int, typer.Argument(help=f"The {noun}'s id.", metavar="ID", click_type=RECORD_ID)
        ],
        reason: Annotated[str, typer.Option(help="Why it is retracted (kept with the record).")],
        by: ByOption = None,
    ) -> None:
        from csto_kb.services.claims import retract_claim

        if not reason.strip():
            raise InvalidInput("reason: say why it is retracted")
        retract_claim(ctx.obj.uow(by=by, reason=reason), table, claim_id, reason)
        write(f"retracted {table.replace('_', ' ')} #{claim_id}")

    retract.__doc__ = (
        f"Retract a {noun}: it leaves queries and fact sheets but stays stored, with its history."
    )


def edit_and_say(
    ctx: typer.Context,
    table: str,
    claim_id: int,
    schema: Any,
    given: dict[str, Any],
    reason: str,
    by: str | None,
    fmt: ListFormat,
) -> None:
    """Validate a correction, apply it, and report it."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.validation import parse
    from csto_kb.services.claims import edit_claim

    if not reason.strip():
        raise InvalidInput("reason: say why the correction is made")
    changes = parse(schema, {k: v for k, v in given.items() if v is not None})
    edited = edit_claim(ctx.obj.uow(by=by, reason=reason), table, claim_id, changes)
    write(to_json(edited) if fmt is ListFormat.json else f"corrected {table.replace('_', ' ')} #{claim_id}")
