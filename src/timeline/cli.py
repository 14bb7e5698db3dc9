"""The ``timeline`` command: parse options, call the library, print, choose the exit code.

Exit codes: 0 fine; 1 problems found (``check``) or documents skipped; 2 bad usage or input.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from . import __version__
from .errors import ExitCode

app = typer.Typer(
    name="timeline",
    help="Turn a folder of documents into a timeline you can trust: every event dated at the "
    "precision its source gives, and traced back to the sentence it came from.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class TextFormat(str, Enum):
    markdown = "markdown"
    csv = "csv"
    json = "json"
    html = "html"
    timelinejs = "timelinejs"
    mermaid = "mermaid"


class Grouping(str, Enum):
    year = "year"
    month = "month"
    none = "none"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"


PathsArg = Annotated[
    Optional[list[Path]],  # noqa: UP045 - typer reads the annotation at run time
    typer.Argument(
        help="Documents or folders to read (folders recursively). Default: seeds/.",
        show_default=False,
    ),
]
CurationOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--curation",
        "-c",
        help="The curated YAML file. Default: data/events.yaml when it exists.",
        show_default=False,
    ),
]
PublishedOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--published",
        help="Publication date (EDTF, e.g. 2022-05-17) for documents the curated file gives "
        "none; relative dates such as 'yesterday' are resolved against it.",
        show_default=False,
    ),
]


FromOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--from",
        help="Only events that can fall on or after this date (2018, 2018-06).",
        show_default=False,
    ),
]
ToOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--to", help="Only events that can fall on or before this date.", show_default=False
    ),
]
SourceOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--source",
        help="Only events from sources matching this glob (repeatable).",
        show_default=False,
    ),
]
TagOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--tag", help="Only events with this tag (repeatable: any of them).", show_default=False
    ),
]
SearchOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--search", help="Only events whose title or quote contains this text.", show_default=False
    ),
]
GroupOpt = Annotated[
    Grouping,
    typer.Option("--group-by", help="Headings by year, by month, or none.", case_sensitive=False),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Turn a folder of documents into a timeline you can trust."""


# --------------------------------------------------------------------------- helpers
def _fail(message: str, code: ExitCode = ExitCode.BAD_INPUT) -> NoReturn:
    typer.echo(f"timeline: error: {message}", err=True)
    raise typer.Exit(int(code))


def _warn(message: str) -> None:
    typer.echo(f"timeline: warning: {message}", err=True)


def _load(paths: list[Path] | None, curation_path: Path | None, published: str | None):
    """Build the timeline, turning every library error into a clean message and exit 2."""
    from .curation import CurationError
    from .dates import DateError, DateValue
    from .errors import TimelineError
    from .pipeline import DEFAULT_DOCUMENTS, build, load_optional_curation

    anchor = None
    if published is not None:
        try:
            anchor = DateValue.parse(published)
        except DateError as err:
            _fail(f"--published {published!r}: {err}")
    try:
        curation = load_optional_curation(curation_path)
        timeline = build(paths or [DEFAULT_DOCUMENTS], curation=curation, published=anchor)
    except (CurationError, TimelineError) as err:
        _fail(str(err))
    extraction = timeline.extraction
    for warning in extraction.collection.warnings:
        _warn(warning)
    for path, reason in extraction.collection.skipped:
        _warn(f"{path}: skipped: {reason}")
    if not extraction.documents:
        _fail(
            "no documents to read"
            + (" (all were skipped)" if extraction.collection.skipped else "")
        )
    return timeline


def _report_problems(timeline, as_errors: bool = False) -> int:
    """Print curation problems on stderr; returns how many were errors."""
    errors = 0
    for problem in timeline.problems:
        if as_errors and problem.level == "error":
            errors += 1
            typer.echo(str(problem), err=True)
        else:
            text = str(problem).replace(": error: ", ": warning: ", 1)
            typer.echo(text, err=True)
    return errors


def _filtered(timeline, date_from, date_to, source, tag, search) -> list:
    """The timeline's events that pass the --from/--to/--source/--tag/--search filters."""
    from .dates import DateError, DateValue
    from .filters import FilterError, filter_events

    bounds = {}
    for option, value in (("--from", date_from), ("--to", date_to)):
        if value is None:
            continue
        try:
            bounds[option] = DateValue.parse(value)
        except DateError as err:
            _fail(f"{option} {value!r}: {err}")
    try:
        return filter_events(
            timeline.events,
            date_from=bounds.get("--from"),
            date_to=bounds.get("--to"),
            sources=source or None,
            tags=tag or None,
            search=search,
        )
    except FilterError as err:
        _fail(str(err))


def _exit_code(timeline) -> ExitCode:
    return ExitCode.PROBLEMS if timeline.extraction.collection.skipped else ExitCode.OK


def _write_output(text: str, output: Path | None, protected: list[Path]) -> None:
    """Write to stdout, or to ``output`` atomically, never over a source or the curated file."""
    if output is None:
        sys.stdout.write(text)
        return
    target = output.resolve()
    if any(target == p.resolve() for p in protected):
        _fail(f"{output}: refusing to overwrite an input file (a document or the curated file)")
    if target.is_dir():
        _fail(f"{output}: is a folder; give a file name")
    temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temp, target)
    except OSError as err:
        temp.unlink(missing_ok=True)
        _fail(f"{output}: cannot write ({err.strerror or err})")


def _protected(timeline) -> list[Path]:
    paths = [Path(doc.path) for doc in timeline.extraction.documents]
    if timeline.curation is not None:
        paths.append(Path(timeline.curation.path))
    return paths


# --------------------------------------------------------------------------- commands
@app.command(
    epilog="Example: timeline show seeds/ --curation data/events.yaml",
)
def show(
    paths: PathsArg = None,
    curation: CurationOpt = None,
    published: PublishedOpt = None,
    quotes: Annotated[
        bool, typer.Option("--quotes", "-q", help="Show each source's sentence.")
    ] = False,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    tag: TagOpt = None,
    search: SearchOpt = None,
    group_by: GroupOpt = Grouping.year,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text, no colour.")] = False,
) -> None:
    """Show the timeline in the terminal: by year, dates at their precision, with sources.

    Colour is used only on a terminal, and never when NO_COLOR is set or --no-color given.
    """
    from rich.console import Console

    from .render.terminal import render_terminal

    timeline = _load(paths, curation, published)
    _report_problems(timeline)
    events = _filtered(timeline, date_from, date_to, source, tag, search)
    console = Console(no_color=no_color or None, highlight=False, soft_wrap=False)
    render_terminal(events, console, quotes=quotes, group_by=group_by.value)
    _note_undated(timeline)
    raise typer.Exit(int(_exit_code(timeline)))


def _note_undated(timeline) -> None:
    if timeline.undated:
        ids = ", ".join(c.id for c in timeline.undated[:5])
        more = f" and {len(timeline.undated) - 5} more" if len(timeline.undated) > 5 else ""
        _warn(
            f"{len(timeline.undated)} relative date(s) left off the timeline because their "
            f"document has no publication date: {ids}{more}. Set `published:` for the source "
            "in the curated file, or pass --published."
        )


@app.command(
    epilog="Examples: timeline export --format markdown -o timeline.md ; "
    "timeline export --format csv --excel > timeline.csv ; "
    "timeline export --format html --from 2018 -o timeline.html",
)
def export(
    paths: PathsArg = None,
    fmt: Annotated[
        TextFormat,
        typer.Option(
            "--format",
            "-f",
            help="markdown (articles), csv (spreadsheets), json (every field), html (a "
            "standalone page), timelinejs (Knight Lab TimelineJS), mermaid (a diagram).",
            case_sensitive=False,
        ),
    ] = TextFormat.markdown,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
    curation: CurationOpt = None,
    published: PublishedOpt = None,
    quotes: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--quotes/--no-quotes",
            "-q",
            help="Markdown and HTML: add each source's sentence (HTML: on by default).",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--title", help="Title of the timeline (all formats but CSV)."),
    ] = None,
    mermaid: Annotated[
        bool, typer.Option("--mermaid", help="Markdown: add a Mermaid timeline diagram.")
    ] = False,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV: start with a byte-order mark, for Excel.")
    ] = False,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    tag: TagOpt = None,
    search: SearchOpt = None,
    group_by: GroupOpt = Grouping.year,
) -> None:
    """Export the timeline as Markdown, CSV, JSON, HTML, TimelineJS or Mermaid."""
    from .render import render

    timeline = _load(paths, curation, published)
    _report_problems(timeline)
    events = _filtered(timeline, date_from, date_to, source, tag, search)
    options: dict[str, object] = {}
    if fmt is not TextFormat.csv:
        options["title"] = title
    if fmt is TextFormat.csv:
        options["bom"] = excel
    elif fmt is TextFormat.markdown:
        options.update(quotes=bool(quotes), mermaid=mermaid)
    elif fmt is TextFormat.html:
        options.update(quotes=True if quotes is None else quotes, group_by=group_by.value)
    _write_output(render(fmt.value, events, **options), output, _protected(timeline))
    _note_undated(timeline)
    raise typer.Exit(int(_exit_code(timeline)))


@app.command(
    epilog="Example: timeline extract seeds/ --published 2022-05-17 | head -3",
)
def extract(
    paths: PathsArg = None,
    fmt: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="jsonl: one object per line; json: one array."),
    ] = ExtractFormat.jsonl,
    curation: CurationOpt = None,
    published: PublishedOpt = None,
) -> None:
    """List the raw candidate events, before any correction, one JSON object per line."""
    timeline = _load(paths, curation, published)
    rows = [_candidate_row(c) for c in timeline.extraction.candidates]
    if fmt is ExtractFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    raise typer.Exit(int(_exit_code(timeline)))


def _candidate_row(candidate) -> dict[str, object]:
    date = candidate.date
    return {
        "id": candidate.id,
        "source": candidate.source,
        "line": candidate.line,
        "column": candidate.column,
        "start": candidate.start,
        "end": candidate.end,
        "text": candidate.text,
        "kind": candidate.kind.value,
        "date": date.edtf if date else None,
        "display": date.display() if date else None,
        "earliest": date.earliest.isoformat() if date and date.earliest else None,
        "latest": date.latest.isoformat() if date and date.latest else None,
        "precision": date.precision.value if date else None,
        "qualifier": date.qualifier.value if date and date.qualifier else None,
        "resolved_by": candidate.resolved_by.value,
        "quote": candidate.quote,
        "title": candidate.title,
    }


@app.command(epilog="Example: timeline check && git commit data/events.yaml")
def check(
    paths: PathsArg = None,
    curation: CurationOpt = None,
    published: PublishedOpt = None,
) -> None:
    """Check the curated file against the documents; exit 1 when problems are found."""
    from .pipeline import DEFAULT_CURATION

    if curation is None and not DEFAULT_CURATION.is_file():
        _fail(f"no curated file: {DEFAULT_CURATION} does not exist (give one with --curation)")
    timeline = _load(paths, curation, published)
    errors = _report_problems(timeline, as_errors=True)
    skipped = len(timeline.extraction.collection.skipped)
    corrections = len(timeline.curation.corrections) if timeline.curation else 0
    summary = (
        f"{len(timeline.extraction.documents)} documents, "
        f"{len(timeline.extraction.candidates)} candidates, {corrections} corrections, "
        f"{len(timeline.events)} events on the timeline"
    )
    if errors or skipped:
        typer.echo(f"{errors} problem(s), {skipped} document(s) skipped; {summary}")
        raise typer.Exit(int(ExitCode.PROBLEMS))
    typer.echo(f"ok: {summary}")


def main() -> None:
    """Entry point of the ``timeline`` script."""
    try:
        app()
    except BrokenPipeError:
        # The reader went away (``timeline show | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.OK))
    except KeyboardInterrupt:
        sys.stderr.write("timeline: interrupted\n")
        sys.exit(130)
