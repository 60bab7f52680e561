"""statement add | show | edit | retract."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from csto_kb.cli.output import ListFormat, write
from csto_kb.cli.types import OFFSET, RECORD_ID
from csto_kb.errors import InvalidInput

app = typer.Typer(
    help="Add, show, correct and retract statements. Corrections keep every earlier version.",
    no_args_is_help=True,
)

BY_HELP = "Who makes the change (default: your operating-system user)."


def _read_structured(path: str) -> Any:
    """A JSON or YAML document from a file, or from standard input for '-'."""
    import yaml

    from csto_kb.yamlfiles import load_yaml

    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInput(f"from-file: cannot read {path} ({error.strerror})") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"from-file: {path} is not UTF-8 text") from None
    try:
        return load_yaml(text)  # YAML is a superset of JSON: one parser reads both
    except yaml.YAMLError as error:
        raise InvalidInput(f"from-file: not valid JSON or YAML ({str(error).splitlines()[0]})") from None


def _summary(statement: Any) -> str:
    from csto_kb.labels import said_on_label

    return (
        f"statement #{statement.id}: {statement.speaker.name_en or statement.speaker.key}, "
        f"{said_on_label(statement.said_on, statement.said_on_basis)}, source {statement.source.id}"
    )


@app.command("add")
def add(
    ctx: typer.Context,
    speaker: Annotated[
        str | None, typer.Option(help="Who said it: a known name or alias, in either script.")
    ] = None,
    quote: Annotated[str | None, typer.Option(help="The quote exactly as the source writes it.")] = None,
    source: Annotated[
        int | None,
        typer.Option(help="Id of the source that reports it (see `source list`).", click_type=RECORD_ID),
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Language of the quote (ar, en …); default: from its script.")
    ] = None,
    said_on: Annotated[
        str | None, typer.Option(help="When it was said: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    date_text: Annotated[str, typer.Option(help="The date expression as the source writes it.")] = "",
    mode: Annotated[str, typer.Option(help="direct, indirect or mixed.")] = "direct",
    cue: Annotated[str, typer.Option(help="The speech verb as written (قال، أكد, said …).")] = "",
    venue: Annotated[
        str | None, typer.Option(help="Where or how: a parliament session, an interview …")
    ] = None,
    mention: Annotated[str, typer.Option(help="How the source names the speaker at this point.")] = "",
    role_text: Annotated[str, typer.Option(help="The speaker's role or title as written.")] = "",
    start: Annotated[
        int | None,
        typer.Option(help="Character offset where the quote starts in the source text.", click_type=OFFSET),
    ] = None,
    end: Annotated[
        int | None,
        typer.Option(help="Character offset where the quote ends in the source text.", click_type=OFFSET),
    ] = None,
    about: Annotated[
        list[str] | None, typer.Option(help="An entity the statement is about (repeatable).")
    ] = None,
    translation: Annotated[str | None, typer.Option(help="A translation of the quote.")] = None,
    translation_lang: Annotated[str, typer.Option(help="Language of the translation.")] = "en",
    translator: Annotated[str | None, typer.Option(help="Who translated it (default: --by).")] = None,
    create_speaker: Annotated[
        bool, typer.Option(help="Create the speaker as a new person if unknown.")
    ] = False,
    same_as: Annotated[
        int | None,
        typer.Option(
            help="The stored statement this source reports too (a translation, a paraphrase, a near copy): "
            "added to it as one more source.",
            metavar="ID",
        ),
    ] = None,
    new: Annotated[
        bool,
        typer.Option("--new", help="Store it as a statement of its own even where it may be a stored one."),
    ] = False,
    from_file: Annotated[
        str | None,
        typer.Option(
            help="Read the statement (or a list of them) from a JSON or YAML file; '-' reads stdin."
        ),
    ] = None,
    by: Annotated[str | None, typer.Option(help=BY_HELP)] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Add a statement. An unknown speaker is refused with the closest known names (unless --create-speaker).

    The same statement from another source (same speaker, same quote, a compatible date) is added to the
    stored one as one more source. A possible duplicate (the same quote on another date, or within a longer
    one) is refused with its id until you choose --same-as ID or --new. Without --said-on the statement is
    dated "not after" its source's publication; a date after the publication is refused."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.statements import StatementIn
    from csto_kb.schemas.validation import parse
    from csto_kb.services.entities import guess_lang
    from csto_kb.services.statements import add_statements

    if from_file is not None:
        document = _read_structured(from_file)
        items = document if isinstance(document, list) else [document]
        if not items:
            raise InvalidInput("from-file: the file holds no statements")
        inputs = [
            parse(StatementIn, item, where=f"from-file: item [{i}]: " if len(items) > 1 else "from-file: ")
            for i, item in enumerate(items)
        ]
    else:
        for name, value in (("speaker", speaker), ("quote", quote), ("source", source)):
            if value is None:
                raise InvalidInput(f"{name}: required (or give --from-file)")
        fields: dict[str, Any] = {
            "speaker": speaker,
            "quote": quote,
            "source": source,
            "lang": guess_lang(quote or "") if lang is None else lang,  # an empty --lang is refused
            "said_on": said_on,
            "date_text": date_text,
            "mode": mode,
            "cue": cue,
            "venue": venue,
            "speaker_mention": mention,
            "role_text": role_text,
            "span_start": start,
            "span_end": end,
            "about": about or [],
            "translation": translation,
            "translation_lang": translation_lang,
            "translator": translator,
            "create_speaker": create_speaker,
            "same_as": same_as,
            "distinct": new,
        }
        inputs = [parse(StatementIn, fields)]
    added = add_statements(ctx.obj.uow(by=by), inputs)
    if fmt is ListFormat.json:
        write(to_json([a.statement for a in added]))
        for a in added:  # the JSON is the statements as stored: what was not stored is said beside it
            for note in _kept_notes(a):
                typer.echo(f"note: {note}", err=True)
    else:
        write("\n".join(_added_line(a) for a in added))


def _added_line(added: Any) -> str:
    s = added.statement
    if added.new:
        return f"added {_summary(s)}"
    source = next(e.source for e in s.evidence if e.id == added.evidence_id)
    return "; ".join(
        [
            f"statement #{s.id} was already stored: source {source.id} ({source.label}) added as one more "
            f"source ({len(s.evidence)} in all)",
            *_kept_notes(added),
        ]
    )


def _kept_notes(added: Any) -> list[str]:
    """What a stored statement kept of its own over what was given (`statement_rules.joined_translations`)."""
    s = added.statement
    return [
        f"its translation ({k.lang} by {k.translator}) is kept and the one given, which reads otherwise, is "
        f"not stored (`statement edit {s.id} --translation TEXT --translation-lang {k.lang} --translator "
        f"{shlex.quote(k.translator)}` replaces it)"
        for k in added.kept_translations
    ]


@app.command("show")
def show(
    ctx: typer.Context,
    statement_id: Annotated[
        int, typer.Argument(help="The statement's id.", metavar="ID", click_type=RECORD_ID)
    ],
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """One statement with its source, span, translations and full history of changes."""
    from csto_kb.exporters.common import to_json
    from csto_kb.exporters.statements import describe
    from csto_kb.schemas.statements import StatementDetail
    from csto_kb.sql.records import statement_detail

    detail = StatementDetail.model_validate(ctx.obj.read(lambda c, d: statement_detail(c, d, statement_id)))
    write(to_json(detail) if fmt is ListFormat.json else describe(detail.model_dump(mode="json")))


@app.command("edit")
def edit(
    ctx: typer.Context,
    statement_id: Annotated[
        int, typer.Argument(help="The statement's id.", metavar="ID", click_type=RECORD_ID)
    ],
    reason: Annotated[str, typer.Option(help="Why the correction is made (kept in the history).")],
    speaker: Annotated[str | None, typer.Option(help="The corrected speaker.")] = None,
    quote: Annotated[
        str | None, typer.Option(help="The corrected quote, exactly as the source writes it.")
    ] = None,
    said_on: Annotated[
        str | None, typer.Option(help="The corrected date: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    date_text: Annotated[str | None, typer.Option(help="The corrected date expression as written.")] = None,
    mode: Annotated[str | None, typer.Option(help="direct, indirect or mixed.")] = None,
    cue: Annotated[str | None, typer.Option(help="The corrected speech verb.")] = None,
    venue: Annotated[str | None, typer.Option(help="The corrected venue.")] = None,
    role_text: Annotated[str | None, typer.Option(help="The corrected role as written.")] = None,
    translation: Annotated[str | None, typer.Option(help="A new or corrected translation.")] = None,
    translation_lang: Annotated[str, typer.Option(help="Language of the translation.")] = "en",
    translator: Annotated[str | None, typer.Option(help="Who translated it (default: --by).")] = None,
    about: Annotated[
        list[str] | None, typer.Option(help="An entity to add to what it is about (repeatable).")
    ] = None,
    drop_about: Annotated[
        list[str] | None, typer.Option(help="An entity to remove from what it is about (repeatable).")
    ] = None,
    by: Annotated[str | None, typer.Option(help=BY_HELP)] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Correct a statement. The values it replaces stay in its history (`statement show ID`)."""
    from csto_kb.exporters.common import to_json
    from csto_kb.schemas.statements import StatementEdit
    from csto_kb.schemas.validation import parse
    from csto_kb.services.statements import edit_statement

    if not reason.strip():
        raise InvalidInput("reason: say why the statement is corrected")
    given = {
        "speaker": speaker,
        "quote": quote,
        "said_on": said_on,
        "date_text": date_text,
        "mode": mode,
        "cue": cue,
        "venue": venue,
        "role_text": role_text,
        "translation": translation,
        "translation_lang": translation_lang,
        "translator": translator,
        "about": about,
        "drop_about": drop_about,
    }
    changes = parse(StatementEdit, {k: v for k, v in given.items() if v is not None})
    edited = edit_statement(ctx.obj.uow(by=by, reason=reason), statement_id, changes)
    write(to_json(edited) if fmt is ListFormat.json else f"corrected {_summary(edited)}")


@app.command("retract")
def retract(
    ctx: typer.Context,
    statement_id: Annotated[
        int, typer.Argument(help="The statement's id.", metavar="ID", click_type=RECORD_ID)
    ],
    reason: Annotated[str, typer.Option(help="Why it is retracted (kept with the record).")],
    by: Annotated[str | None, typer.Option(help=BY_HELP)] = None,
) -> None:
    """Retract a statement: it leaves default queries but stays stored, visible with --include-retracted."""
    from csto_kb.services.statements import retract_statement

    if not reason.strip():
        raise InvalidInput("reason: say why the statement is retracted")
    retracted = retract_statement(ctx.obj.uow(by=by, reason=reason), statement_id, reason)
    write(f"retracted {_summary(retracted)}")
