"""The csto-kb command line: the root app, its global options, and the one place errors become exit codes."""

from __future__ import annotations

from typing import Annotated, Any

import typer

# Typer ships its own copy of Click; its usage errors live there and nowhere public.
from typer._click import Context
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from csto_kb import __version__
from csto_kb.db.constants import DEFAULT_WAIT_S, MAX_WAIT_S
from csto_kb.errors import KBError, driver_errors


def report(message: str, code: int) -> typer.Exit:
    """Print a one-line error on stderr and return the exit to raise."""
    first_line = " ".join(message.split())
    typer.echo(f"error: {first_line}", err=True)
    return typer.Exit(code)


class KBGroup(TyperGroup):
    """Turns the knowledge base's errors, and bad options, into one-line messages and exit codes.

    0 success; 1 not found, conflict, or a database that refused the work; 2 bad input; 3 the database
    could not be reached (see `csto_kb.errors`).
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        # The root's own options are parsed here, before invoke: a bad --wait is a usage error too.
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except NoArgsIsHelpError:
            raise
        except UsageError as error:
            raise report(error.format_message(), 2) from None

    def format_commands(self, ctx: Context, formatter: Any) -> None:
        """The root's list of commands, from `SUMMARIES`: the same whether one, none or all of the commands
        were built, so that `csto-kb --help` builds none of them (it is then as quick as `who-said --help`)."""
        from typer._click.utils import make_default_short_help

        limit = formatter.width - 6 - max(len(name) for name in SUMMARIES)
        with formatter.section("Commands"):
            formatter.write_dl(
                [(name, make_default_short_help(text, limit)) for name, text in SUMMARIES.items()]
            )

    def invoke(self, ctx: Context) -> Any:
        _check_text_before_running(self)
        try:
            return super().invoke(ctx)
        except KBError as error:
            raise report(str(error), error.exit_code) from None
        except NoArgsIsHelpError:
            raise
        except UsageError as error:
            raise report(error.format_message(), 2) from None
        except Exception as error:
            # A driver error the database layer did not translate (the refused connections it does become
            # DatabaseUnreachable there): one line, with any password masked, instead of a traceback.
            if isinstance(error, driver_errors()):
                from csto_kb.settings import mask_url

                lines = str(getattr(error, "orig", None) or error).strip().splitlines()
                message = lines[0] if lines else type(error).__name__
                url = ctx.obj.url if ctx.obj is not None else ""
                raise report(f"database {mask_url(url)}: {message}", 1) from None
            raise


def _field(param: Any) -> str:
    """The field a parameter sets, as error messages name it: ``--said-on`` → ``said_on``."""
    if param.param_type_name == "option":
        longest = max((o for o in param.opts if o.startswith("--")), key=len, default=param.name)
        return str(longest).lstrip("-").replace("-", "_")
    return str(param.name)


def _check_text_before_running(command: Any) -> None:
    """Make every command check its text values (length, encoding) before its body runs.

    One wrapper around each command's callback, rather than a check in each of some forty commands: every text
    option and argument, those added later included, is held to `csto_kb.limits` before anything opens the
    database. Typer builds the Click commands afresh for each run, so each is wrapped once per run.
    """
    from functools import wraps

    from csto_kb.errors import InvalidInput
    from csto_kb.limits import text_problem

    for sub in getattr(command, "commands", {}).values():
        _check_text_before_running(sub)
    callback = command.callback
    if callback is None or getattr(callback, "_csto_kb_checked", False):
        return
    fields = {p.name: _field(p) for p in command.params if p.name}

    @wraps(callback)
    def checked(*args: Any, **kwargs: Any) -> Any:
        for name, value in kwargs.items():
            for text in value if isinstance(value, list | tuple) else [value]:
                if isinstance(text, str) and (problem := text_problem(fields.get(name, name), text)):
                    raise InvalidInput(problem)
        return callback(*args, **kwargs)

    checked._csto_kb_checked = True  # type: ignore[attr-defined]
    command.callback = checked


app = typer.Typer(
    name="csto-kb",
    cls=KBGroup,
    help="A sourced knowledge base of alliance facts: who said what, when, where, in which role, "
    "according to which source; who belongs to which alliance and since when; what forces it has.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"csto-kb {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="CSTO_KB_DATABASE_URL",
            help="Database: sqlite:///PATH, a path to a SQLite file, or postgresql://USER@HOST/DB "
            "(postgres:// works too). Default: a SQLite file in your data directory.",
            show_default=False,
        ),
    ] = None,
    read_only: Annotated[
        bool,
        typer.Option(
            "--read-only",
            envvar="CSTO_KB_READ_ONLY",
            help="Open the database read-only: queries work, every write is refused.",
        ),
    ] = False,
    wait: Annotated[
        float | None,
        typer.Option(
            "--wait",
            envvar="CSTO_KB_WAIT",
            help="Seconds a change waits for another writer (a long import) before giving up, writing nothing "
            f"(exit 75). Default: {DEFAULT_WAIT_S}.",
            metavar="SECONDS",
            min=0,
            max=MAX_WAIT_S,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Query and update the knowledge base; the first use creates the database and loads the curated article."""
    from csto_kb.cli.context import KB
    from csto_kb.settings import Settings

    ctx.obj = KB(Settings().resolved_database_url(db), read_only=read_only, wait_s=wait)


# Which module holds each top-level command. Typer imports every registered command's module and turns each
# command into a Click command before it runs any of them; a command needs only its own, so `main` builds
# just that one when the command line names it. A test keeps this table equal to the full app.
SUB_APPS = {
    "statement": "statements",
    "membership": "memberships",
    "role": "roles",
    "force": "forces",
    "event": "events",
    "fact": "facts",
    "evidence": "evidence",
    "entity": "entities",
    "source": "sources",
    "review": "review",
    "export": "export",
    "import": "imports",
    "db": "db",
}
COMMANDS = {
    "who-said": "queries",
    "members": "queries",
    "forces": "queries",
    "events": "queries",
    "factsheet": "factsheet",
    "extract": "articles",
    "ingest": "articles",
    "eval": "articles",
    "history": "history",
    "log": "history",
    "serve": "serve",
}
# What `csto-kb --help` says of each command, in the order it lists them; each command's own --help says more.
SUMMARIES = {
    "who-said": "Who said what, when, in which role, according to which source.",
    "members": "Who belongs to an alliance, with status and since/until.",
    "forces": "Force levels as each source gives them, side by side.",
    "events": "Dated events in order: foundings, incursions, wars, meetings.",
    "factsheet": "A sourced fact sheet to hand to colleagues.",
    "extract": "Print what an article yields; nothing is written.",
    "ingest": "Store articles and their candidates for review.",
    "eval": "Score the extractor against annotated articles.",
    "history": "One record's versions: when, by whom and why.",
    "log": "The recent changes, newest first.",
    "serve": "Serve the knowledge base as a local web application.",
    "statement": "Add, show, correct and retract statements.",
    "membership": "Record and correct memberships, one episode at a time.",
    "role": "Record and correct people's roles.",
    "force": "Record and correct force figures.",
    "event": "Record and correct events.",
    "fact": "Record and correct facts about an organisation in words.",
    "evidence": "Add a source to a stored statement or fact, or withdraw one.",
    "entity": "Countries, alliances, bodies, ministries, media and people.",
    "source": "The articles and documents every fact is traced to.",
    "review": "Accept, reject or correct extracted candidates.",
    "export": "Statements, fact sheets, linked data and backup bundles out.",
    "import": "A backup bundle, statements in bulk, or a curated article in.",
    "db": "Create, migrate and check the database.",
}
# Root options that take a value: the word after them is not the command's name.
_VALUED_ROOT_OPTIONS = {"--db", "--wait"}


_registered: set[str] = set()


def application(only: str | None = None, *, listing: bool = False) -> typer.Typer:
    """The root app with every command, with just ``only`` (and the root options) when given, or with none
    for ``listing``: the root's own help, which lists the commands from `SUMMARIES`."""
    from importlib import import_module

    wanted = set() if listing else {only} if only else set(SUB_APPS) | set(COMMANDS)
    for name in [*SUB_APPS, *COMMANDS]:  # in this order in --help
        if name not in wanted or name in _registered:
            continue
        if name in SUB_APPS:
            app.add_typer(import_module(f"csto_kb.cli.{SUB_APPS[name]}").app, name=name)
        else:
            import_module(f"csto_kb.cli.{COMMANDS[name]}").register(app, name)
        _registered.add(name)
    return app


_ROOT_ONLY = ("-h", "--help", "--version")
"""Root options that end the command line: the program's own help or version."""


def _first_word(argv: list[str]) -> str | None:
    """The first word of ``argv`` that says what runs: a command's name (or a word that names none), or one
    of `_ROOT_ONLY`; None when there is neither. The value of a root option is no such word."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _VALUED_ROOT_OPTIONS:
            skip = True
        elif word in _ROOT_ONLY or not word.startswith("-"):
            return word
    return None


def command_named(argv: list[str]) -> str | None:
    """The top-level command ``argv`` runs, if it names a known one before anything that needs the rest
    (help or the version of the whole program)."""
    word = _first_word(argv)
    return word if word in SUB_APPS or word in COMMANDS else None


def wants_listing(argv: list[str]) -> bool:
    """Whether ``argv`` asks for the root's help or the version (no words, or one of `_ROOT_ONLY` before any
    command's name): the cases that need no command built. A word naming no command gets them all, for the
    closest names."""
    return not argv or _first_word(argv) in _ROOT_ONLY


def main() -> None:
    """Entry point of the ``csto-kb`` script."""
    import sys

    argv = sys.argv[1:]
    application(command_named(argv), listing=wants_listing(argv))()
