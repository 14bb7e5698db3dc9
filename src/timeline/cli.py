"""The ``timeline`` command: parse options, call the library, print, choose the exit code.

Exit codes: 0 fine; 1 problems found (``check``) or documents skipped; 2 bad usage or input.
Results go to standard output; warnings, errors and progress to standard error.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    NoReturn,
    Optional,
    TypedDict,
    cast,
    overload,
)

import typer
from typer.core import TyperCommand

from . import __version__
from .errors import ExitCode
from .printable import json_printable, printable

if TYPE_CHECKING:  # imported where they are used, so that a command loads only what it needs
    from .cluster import Cluster
    from .curation import Curation, Problem
    from .dates import DateValue
    from .models import Event
    from .pipeline import Engine, Extraction, Timeline

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
cache_app = typer.Typer(
    help="The cache of extracted documents (see 'timeline cache path').",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(cache_app, name="cache")

#: Seconds a run must last before a progress bar appears (on a terminal only).
PROGRESS_AFTER = 1.5


class TextFormat(str, Enum):
    markdown = "markdown"
    csv = "csv"
    json = "json"
    html = "html"
    timelinejs = "timelinejs"
    mermaid = "mermaid"
    xlsx = "xlsx"


class Grouping(str, Enum):
    year = "year"
    month = "month"
    none = "none"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class ReviewFormat(str, Enum):
    yaml = "yaml"
    text = "text"
    json = "json"


# --------------------------------------------------------------------------- options
class _Command(TyperCommand):
    """A command whose help names its arguments in words (``FOLDER|FILE...``), without the
    Python type typer adds to them (``<list[Path]>``), and whose usage line is written here
    too, so that it reads the same with every typer the package allows."""

    # click's context and formatter: typer has taken them from click, or from a copy of click
    # of its own, depending on its version
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """``[OPTIONS] {ID} [FOLDER|FILE]...``: a required argument in braces, an optional
        one in brackets (unless its name already has them), dots when it takes several."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                continue
            name = param.metavar or (param.name or "").upper()
            if not name.startswith("["):
                name = f"{{{name}}}" if param.required else f"[{name}]"
            pieces.append(name + ("..." if param.nargs != 1 else ""))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                dots = "..." if param.nargs != 1 else ""
                arguments.append((name + dots, getattr(param, "help", None) or ""))
            else:
                options.append(record)
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def _either(words: list[str]) -> str:
    """``year, month or none``"""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _choice(choices: type[Enum]) -> Callable[[str | None], str | None]:
    """A callback checking that an option's value is one of ``choices`` (in any case; it is
    given in lower case), or saying in words which values there are. The options are typed
    ``str``, which every typer reads, and compared with the members (``str`` enums)."""
    names = [str(member.value) for member in choices]

    def read(value: str | None) -> str | None:
        if value is None:
            return None
        if value.lower() not in names:
            raise typer.BadParameter(f"must be {_either(names)}, not {value!r}")
        return value.lower()

    return read


def _metavar(choices: type[Enum]) -> str:
    return "|".join(str(member.value) for member in choices)


def _jobs(value: str | None) -> str | None:
    """``--jobs``: a whole number of processes, 1 or more (read by ``Inputs.processes``)."""
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise typer.BadParameter(f"must be a whole number, 1 or more, not {value!r}") from None
    if number < 1:
        raise typer.BadParameter(f"must be 1 or more, not {value!r}")
    return value


# typer reads these annotations at run time, so they keep the Optional spelling.
PathsArg = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Argument(
        metavar="FOLDER|FILE",
        help="Documents or folders to read (folders recursively; '-' for standard input). "
        "Default: those the curated file names under 'documents:'.",
        show_default=False,
    ),
]
CurationOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--curation",
        "-c",
        metavar="FILE",
        help="The curated YAML file. Default: data/events.yaml when it exists.",
        show_default=False,
    ),
]
PublishedOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--published",
        metavar="DATE",
        help="Publication date (2022-05-17, 17 May 2022) for documents that give none, in the "
        "curated file or their own metadata; 'yesterday' and 'May 16' are resolved against it.",
        show_default=False,
    ),
]
IncludeOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--include", metavar="GLOB",
        help="In folders, read only files matching this glob (repeatable).",
        show_default=False,
    ),
]  # fmt: skip
ExcludeOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--exclude", metavar="GLOB", help="In folders, skip files matching this glob (repeatable).",
        show_default=False,
    ),
]  # fmt: skip
JobsOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--jobs", "-j", metavar="N", callback=_jobs,
        help="Processes reading documents. Default: one per core; at most twice the cores.",
        show_default=False,
    ),
]  # fmt: skip
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Read and tag every document again; do not use the cache."),
]
MonthFirstOpt = Annotated[
    bool,
    typer.Option(
        "--month-first",
        help="Read numeric dates such as 01/03/2023 as 3 January (default: 1 March), unless "
        "the curated file sets 'numeric-dates:' for a source. 25/12/2022 is read either way.",
    ),
]
SchedulerOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--scheduler",
        envvar="TIMELINE_SCHEDULER",
        metavar="ADDRESS",
        help="Read and tag the documents on the Dask cluster whose scheduler is at this "
        "address (tcp://host:8786), or on one started on this machine with 'local' (--jobs "
        "workers). Needs pip install 'timeline[dask]' here and on the workers.",
        show_default=False,
    ),
]
SharedFilesOpt = Annotated[
    bool,
    typer.Option(
        "--shared-files",
        envvar="TIMELINE_SHARED_FILES",
        help="With --scheduler: the workers see the documents at the same absolute paths "
        "(a shared file system), so they read them rather than being sent their bytes.",
    ),
]
FromOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--from", metavar="DATE",
        help="Only events that can fall on or after this date (2018, 2018-06, March 2023).",
        show_default=False,
    ),
]  # fmt: skip
ToOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--to",
        metavar="DATE",
        help="Only events that can fall on or before this date.",
        show_default=False,
    ),
]
SourceOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--source", metavar="GLOB",
        help="Only events from sources matching this glob (repeatable).",
        show_default=False,
    ),
]  # fmt: skip
TagOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--tag",
        metavar="TAG",
        help="Only events with this tag (repeatable: any of them).",
        show_default=False,
    ),
]
SearchOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--search",
        metavar="TEXT",
        help="Only events whose title or quote contains this text.",
        show_default=False,
    ),
]
GroupOpt = Annotated[
    str,
    typer.Option(
        "--group-by", metavar=_metavar(Grouping), callback=_choice(Grouping),
        help="Headings by year, by month, or none.",
    ),
]  # fmt: skip
MergeOpt = Annotated[
    bool,
    typer.Option(
        "--merge",
        help="Group candidates from different sources that seem to be the same happening, "
        "before any curation (tagged auto-merged; confirm them with 'timeline review').",
    ),
]


@dataclass
class Inputs:
    """What to read: the options every document-reading command shares."""

    paths: list[Path] | None
    curation: Path | None
    published: str | None
    include: list[str] | None
    exclude: list[str] | None
    jobs: str | None  # checked by _jobs
    no_cache: bool
    month_first: bool = False
    scheduler: str | None = None
    shared_files: bool = False

    @property
    def processes(self) -> int | None:
        """``--jobs`` as a number (``_jobs`` checked it)."""
        return int(self.jobs) if self.jobs is not None else None


@dataclass
class Filters:
    """Which events to show: the options ``show`` and ``export`` share.

    The dates are read, and their order checked, when the filters are made: before any
    document is read.
    """

    date_from: str | None
    date_to: str | None
    source: list[str] | None
    tag: list[str] | None
    search: str | None
    merge: bool

    def __post_init__(self) -> None:
        from .filters import FilterError, check_filters

        self.low = _date_option("--from", self.date_from)
        self.high = _date_option("--to", self.date_to)
        try:
            check_filters([], date_from=self.low, date_to=self.high)
        except FilterError as err:
            _fail(str(err))


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
def _job_count(jobs: int | None) -> int | None:
    """``--jobs``, lowered (with a note) to twice the cores this process may use."""
    from .parallel import job_limit

    if jobs is not None and jobs > job_limit():
        _warn(f"--jobs {jobs} lowered to {job_limit()} (twice the cores; more only slow a run)")
        return job_limit()
    return jobs


def _fail(message: str, code: ExitCode = ExitCode.BAD_INPUT) -> NoReturn:
    _err(f"timeline: error: {message}")
    raise typer.Exit(int(code))


def _err(message: str) -> None:
    """A line on standard error, control characters (from a file's name) made visible."""
    typer.echo(printable(message), err=True)


def _warn(message: str) -> None:
    _err(f"timeline: warning: {message}")


def _date_option(option: str, value: str | None) -> DateValue | None:
    """A date given on the command line: EDTF, or as in a text ("March 2023")."""
    if value is None:
        return None
    from .curation.written import parse_written
    from .dates import DateError

    try:
        return parse_written(value)
    except DateError as err:
        _fail(f"{option} {value!r}: {err}")


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on standard error: on a terminal, for long runs."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    started = time.monotonic()
    bar = Progress(console=Console(stderr=True), transient=True)
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            if time.monotonic() - started < PROGRESS_AFTER or done >= total:
                return
            bar.start()
            task = bar.add_task("reading documents", total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()


class _ReadOptions(TypedDict):
    """The options of ``build`` and ``extract`` that the command line sets."""

    published: DateValue | None
    include_globs: Sequence[str]
    exclude_globs: Sequence[str]
    jobs: int | None
    cache: bool
    day_first: bool
    engine: Engine | None


@overload
def _load(inputs: Inputs, *, every_kind: bool = ..., apply: Literal[True] = ...) -> Timeline: ...
@overload
def _load(inputs: Inputs, *, every_kind: bool = ..., apply: Literal[False]) -> Extraction: ...
def _load(inputs: Inputs, *, every_kind: bool = False, apply: bool = True) -> Timeline | Extraction:
    """Read, tag and curate; every library error becomes a clean message and exit 2.

    With ``apply=False`` the curated file is read (for publication dates) but not applied,
    and the result is the pipeline's Extraction rather than a Timeline.
    """
    return _read(inputs, every_kind=every_kind, apply=apply)[0]


def _unapplied(inputs: Inputs) -> tuple[Extraction, Curation | None]:
    """The documents' candidates, and the curated file read (not applied)."""
    extraction, curation = _read(inputs, apply=False)
    return cast("Extraction", extraction), curation


def _read(
    inputs: Inputs, *, every_kind: bool = False, apply: bool = True
) -> tuple[Timeline | Extraction, Curation | None]:
    """What ``_load`` returns, and the curated file read."""
    from .errors import TimelineError
    from .pipeline import Extraction, build, extract, load_optional_curation

    anchor = _date_option("--published", inputs.published)
    try:
        curation = load_optional_curation(inputs.curation)
    except TimelineError as err:
        _fail(str(err))
    jobs = _job_count(inputs.processes)
    paths = inputs.paths or _documents_of(curation)
    _started()
    try:
        with _engine(inputs) as engine, _progress() as progress:
            options: _ReadOptions = {
                "published": anchor,
                "include_globs": inputs.include or (),
                "exclude_globs": inputs.exclude or (),
                "jobs": jobs,
                "cache": not inputs.no_cache,
                "day_first": not inputs.month_first,
                "engine": engine,
            }
            result: Timeline | Extraction
            if apply:
                result = build(paths, curation=curation, progress=progress, **options)
            else:
                exclude = [Path(curation.path)] if curation else []
                result = extract(paths, curation=curation, exclude=exclude, progress=progress,
                                 every_kind=every_kind, **options)  # fmt: skip
    except TimelineError as err:
        _fail(str(err))
    extraction = result if isinstance(result, Extraction) else result.extraction
    for warning in extraction.collection.warnings:
        _warn(warning)
    for path, reason in extraction.collection.skipped:
        _warn(f"{path}: skipped: {reason}")
    if not extraction.documents:
        skipped = " (all were skipped)" if extraction.collection.skipped else ""
        _fail(f"no documents to read{skipped}")
    return result, curation


#: Whether the garbage collector is paused while the command starts: ``main`` pauses it.
_starting = False


def _started() -> None:
    """The command has started and is about to read documents: what starting made (the
    modules imported, typer's commands, the curated file) is kept until the process ends and
    holds next to no garbage, so it is frozen out of every later pass of the garbage collector,
    the one Python makes as it exits included, and the collector, paused while starting, is
    turned back on (worker processes are started after). On a cached ``show`` of the seeds
    this was about a seventh of the whole process. Nothing happens when the commands run within
    another program (``main`` paused nothing)."""
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        gc.enable()


def _engine(inputs: Inputs) -> AbstractContextManager[Cluster | None]:
    """The cluster to read the documents on (``--scheduler``), or none: Dask is imported
    only when one is asked for."""
    if not inputs.scheduler:
        return nullcontext()
    from .cluster import Cluster

    return Cluster(
        inputs.scheduler, shared_files=inputs.shared_files or None, workers=inputs.processes
    )


def _documents_of(curation: Curation | None) -> list[Path]:
    """The folders and files the curated file names (``documents:``), which must exist."""
    from .pipeline import DEFAULT_CURATION

    if curation is None or not curation.documents:
        then = (
            f"write 'documents: FOLDER' in {curation.path}" if curation
            else f"run 'timeline init FOLDER' once (it writes {DEFAULT_CURATION} naming it)"
        )  # fmt: skip
        _fail(f"no documents given: name their folder or files after the command (as in "
              f"'timeline show FOLDER'), or {then}, and every command reads them")  # fmt: skip
    paths = []
    for ref in curation.documents:
        if not Path(ref.id).exists():
            _fail(
                f"{curation.path}:{ref.line}:{ref.column}: 'documents' names {ref.id}, which "
                f"does not exist (paths are read from the folder timeline runs in, {Path.cwd()})"
            )
        paths.append(Path(ref.id))
    return paths


def _in_sight(
    problems: Sequence[Problem], timeline: Timeline
) -> tuple[list[Problem], Problem | None]:
    """The problems about the documents read, and one warning for those about documents that
    exist but were not read this time (entries of the others), or None."""
    from .curation import Problem
    from .curation.scope import split_unread

    read = [doc.path for doc in timeline.extraction.documents]
    kept, apart = split_unread(problems, timeline.curation, read)
    if not apart.problems:
        return kept, None
    first = apart.problems[0]
    note = Problem("warning", apart.summary(), first.path, first.line,
                   first.column, "not-read")  # fmt: skip
    return kept, note


def _report_problems(timeline: Timeline) -> None:
    """Curation problems, and dates written with a weekday they did not fall on, as
    warnings: ``show`` and ``export`` go on (``check`` stops)."""
    from .checks import weekdays

    found = weekdays(timeline.extraction.candidates, timeline.curation)
    kept, note = _in_sight([*timeline.problems, *found], timeline)
    for problem in kept:
        _err(str(problem).replace(": error: ", ": warning: ", 1))
    if note is not None:
        _err(str(note))


def _events(timeline: Timeline, filters: Filters) -> list[Event]:
    """The events to render: merged automatically if asked, then filtered."""
    from .filters import FilterError, check_filters, filter_events

    events = timeline.events
    if filters.merge:
        from .corroborate import index_for, merge_groups, propose_groups

        candidates = timeline.extraction.candidates
        groups = propose_groups(candidates, timeline.curation, index=index_for(timeline))
        events = merge_groups(events, groups)
        _warn(
            f"grouped automatically: {len(groups)} group(s), tagged auto-merged; "
            "confirm them with 'timeline review'"
        )
    try:
        check_filters(events, sources=filters.source or None, tags=filters.tag or None)
        return filter_events(
            events,
            date_from=filters.low,
            date_to=filters.high,
            sources=filters.source or None,
            tags=filters.tag or None,
            search=filters.search,
        )
    except FilterError as err:
        _fail(str(err))


def _note_undated(timeline: Timeline) -> None:
    if timeline.undated:
        ids = ", ".join(c.id for c in timeline.undated[:5])
        more = f" and {len(timeline.undated) - 5} more" if len(timeline.undated) > 5 else ""
        _warn(
            f"{len(timeline.undated)} relative date(s) left off the timeline because their "
            f"document has no publication date: {ids}{more}. Set `published:` for the source "
            "in the curated file, or pass --published."
        )


def _exit_code(extraction: Extraction) -> ExitCode:
    return ExitCode.PROBLEMS if extraction.collection.skipped else ExitCode.OK


def _protected(timeline: Timeline) -> list[Path]:
    """Files an export must never overwrite: the documents read and the curated file."""
    paths = [Path(doc.path) for doc in timeline.extraction.documents]
    if timeline.curation is not None:
        paths.append(Path(timeline.curation.path))
    return paths


def _emit(text: str) -> None:
    """Write to standard output; a failure (a full disk) is one line on stderr and exit 2."""
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise
    except OSError as err:
        _stdout_failed(err)


def _stdout_failed(err: OSError) -> NoReturn:
    """Report a failed write to standard output once; what is still buffered is dropped."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real descriptor (a test's buffer): nothing is left to flush
    _fail(f"cannot write to standard output ({err.strerror or err})")


def _on_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def _write(text: str, output: Path | None, protected: list[Path], folders: list[Path]) -> None:
    from .output import OutputError, output_descriptor, write_export

    if output is None or output_descriptor(output) == 1:
        _emit(printable(text) if _on_terminal() else text)  # a file keeps the text as it is
        return
    try:
        write_export(text, output, protected, folders=folders)
    except OutputError as err:
        _fail(str(err))


def _xlsx(events: list[Event], title: str | None) -> bytes:
    from .render.xlsx import render_xlsx

    return render_xlsx(events, title=title)


def _write_binary(data: bytes, output: Path | None, protected: list[Path],
                  folders: list[Path]) -> None:  # fmt: skip
    """A binary export: to a file, or to standard output when that is not a terminal."""
    from .output import OutputError, output_descriptor, write_export

    if output is None or output_descriptor(output) == 1:
        if sys.stdout.isatty():
            _fail("xlsx is a binary file: give -o FILE.xlsx, or redirect standard output")
        sys.stdout.flush()
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as err:
            _stdout_failed(err)
        return
    try:
        write_export(data, output, protected, folders=folders)
    except OutputError as err:
        _fail(str(err))


# --------------------------------------------------------------------------- init
@app.command(
    cls=_Command,
    epilog="Examples: timeline init articles/ ; timeline init ; "
    "timeline init reports/ --curation reports.yaml",
)
def init(
    folder: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(
            metavar="[FOLDER]",
            help="The folder that holds your documents (or one file). Default: documents/, "
            "made if missing.",
            show_default=False,
        ),
    ] = None,
    curation: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--curation",
            "-c",
            metavar="FILE",
            help="The curated file to write. Default: data/events.yaml.",
            show_default=False,
        ),
    ] = None,  # fmt: skip
) -> None:
    """Start a project: write a commented curated file that names the folder of your
    documents, so that every command reads them with no argument."""
    from .curation.start import StartError, start_project
    from .pipeline import DEFAULT_CURATION

    try:
        started = start_project([folder] if folder else None, curation or DEFAULT_CURATION)
    except StartError as err:
        _fail(str(err))
    made = " (made: put your documents in it)" if started.created_folder else ""
    count = f"{started.found} file{'' if started.found == 1 else 's'} there now"
    option = f" --curation {started.curation}" if curation else ""
    here = Path.cwd().resolve()
    documents = (folder or Path("documents")).resolve()
    # An export is never written inside a documents folder (a later run would read it).
    target = "../timeline.html" if documents.is_dir() and here.is_relative_to(documents) else (
        "timeline.html")  # fmt: skip
    _emit(printable(
        f"wrote {started.curation}: the documents are {started.documents}{made}, {count}.\n"
        "Next:\n"
        f"  timeline show{option}                 the timeline, in the terminal\n"
        f"  timeline review --append{option}      add the dates found to {started.curation}, "
        "to correct them\n"
        f"  timeline check{option}                check {started.curation} against the documents\n"
        f"  timeline export --format html -o {target}{option}\n"
    ))  # fmt: skip


# --------------------------------------------------------------------------- show, export
@app.command(
    cls=_Command,
    epilog="Examples: timeline show ; timeline show reports/ --from 2018 --quotes ; "
    "timeline show --tag inspection --group-by month",
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
    group_by: GroupOpt = "year",
    merge: MergeOpt = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text, no colour.")] = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    month_first: MonthFirstOpt = False,
    scheduler: SchedulerOpt = None,
    shared_files: SharedFilesOpt = False,
) -> None:
    """Show the timeline in the terminal: by year, dates at their precision, with sources.

    Colour is used only on a terminal, and never when NO_COLOR is set or --no-color given.
    """
    from rich.console import Console

    from .render.terminal import render_terminal

    wanted = Filters(date_from, date_to, source, tag, search, merge)
    timeline = _load(Inputs(paths, curation, published, include, exclude, jobs, no_cache,
                            month_first, scheduler, shared_files))  # fmt: skip
    _report_problems(timeline)
    events = _events(timeline, wanted)
    console = Console(no_color=no_color or None, highlight=False, soft_wrap=False)
    try:
        render_terminal(events, console, quotes=quotes, group_by=group_by)
    except BrokenPipeError:
        raise
    except OSError as err:
        _stdout_failed(err)
    _note_undated(timeline)
    raise typer.Exit(int(_exit_code(timeline.extraction)))


@app.command(
    cls=_Command,
    epilog="Examples: timeline export --format markdown -o timeline.md ; "
    "timeline export --format xlsx -o timeline.xlsx ; "
    "timeline export --format html --from 2018 -o timeline.html",
)
def export(
    paths: PathsArg = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar=_metavar(TextFormat),
            callback=_choice(TextFormat),
            help="markdown (articles), csv (spreadsheets), xlsx (a workbook, typed cells), "
            "json (every field), html (a standalone page), timelinejs (Knight Lab TimelineJS), "
            "mermaid (a diagram).",
        ),
    ] = TextFormat.markdown.value,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file instead of standard output ('-': standard output). "
            "Never over a document or the curated file, nor inside a documents folder.",
        ),
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
        typer.Option(
            "--title", metavar="TEXT", help="Title of the timeline (all formats but CSV)."
        ),
    ] = None,
    mermaid: Annotated[
        bool, typer.Option("--mermaid", help="Markdown: add a Mermaid timeline diagram.")
    ] = False,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV: start with a byte-order mark, for Excel (or use xlsx)."),
    ] = False,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    tag: TagOpt = None,
    search: SearchOpt = None,
    group_by: GroupOpt = "year",
    merge: MergeOpt = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    month_first: MonthFirstOpt = False,
    scheduler: SchedulerOpt = None,
    shared_files: SharedFilesOpt = False,
) -> None:
    """Export the timeline as Markdown, CSV, an Excel workbook, JSON, HTML, TimelineJS or
    Mermaid."""
    from .render import render

    wanted = Filters(date_from, date_to, source, tag, search, merge)
    timeline = _load(Inputs(paths, curation, published, include, exclude, jobs, no_cache,
                            month_first, scheduler, shared_files))  # fmt: skip
    _report_problems(timeline)
    events = _events(timeline, wanted)
    options: dict[str, object] = {}
    folders = [p for p in paths or _documents_of(timeline.curation) if p.is_dir()]
    if fmt == TextFormat.xlsx:
        _write_binary(_xlsx(events, title), output, _protected(timeline), folders)
        _note_undated(timeline)
        raise typer.Exit(int(_exit_code(timeline.extraction)))
    if fmt == TextFormat.csv:
        options["bom"] = excel
    else:
        options["title"] = title
    if fmt == TextFormat.markdown:
        options.update(quotes=bool(quotes), mermaid=mermaid, group_by=group_by)
    elif fmt == TextFormat.html:
        options.update(quotes=True if quotes is None else quotes, group_by=group_by)
    text = render(fmt, events, **options)
    if fmt in (TextFormat.json, TextFormat.timelinejs):
        text = json_printable(text)  # the same data, with no raw control character
    _write(text, output, _protected(timeline), folders)
    _note_undated(timeline)
    raise typer.Exit(int(_exit_code(timeline.extraction)))


# --------------------------------------------------------------------------- extract
@app.command(
    cls=_Command,
    epilog="Examples: timeline extract seeds/ --published 2022-05-17 | head -3 ; "
    "timeline extract --all --format json > mentions.json",
)
def extract(
    paths: PathsArg = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar=_metavar(ExtractFormat),
            callback=_choice(ExtractFormat),
            help="jsonl: one object per line; json: one array.",
        ),
    ] = ExtractFormat.jsonl.value,
    every_kind: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Durations ('12 years'), sets ('every day') and vague references ('now', "
            "'recently') too, with their ISO 8601 or TIMEX value (PRESENT_REF, PAST_REF, "
            "FUTURE_REF) in 'value'.",
        ),
    ] = False,  # fmt: skip
    curation: CurationOpt = None,
    published: PublishedOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    month_first: MonthFirstOpt = False,
    scheduler: SchedulerOpt = None,
    shared_files: SharedFilesOpt = False,
) -> None:
    """List the raw candidate events, before any correction, one JSON object per line."""
    from .events import candidate_to_dict

    inputs = Inputs(paths, curation, published, include, exclude, jobs, no_cache, month_first,
                    scheduler, shared_files)  # fmt: skip
    extraction = _load(inputs, every_kind=every_kind, apply=False)
    rows = [candidate_to_dict(c) for c in extraction.candidates]
    if fmt == ExtractFormat.json:
        _emit(json_printable(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n")
    else:
        for row in rows:
            _emit(json_printable(json.dumps(row, ensure_ascii=False)) + "\n")
    raise typer.Exit(int(_exit_code(extraction)))


# --------------------------------------------------------------------------- curation
@app.command(
    cls=_Command,
    epilog="Examples: timeline check && git commit data/events.yaml ; "
    "timeline check --format json | jq '.problems[].code'",
)
def check(
    paths: PathsArg = None,
    curation: CurationOpt = None,
    published: PublishedOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar=_metavar(CheckFormat),
            callback=_choice(CheckFormat),
            help="text, or json for scripts and CI.",
        ),
    ] = CheckFormat.text.value,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every candidate not yet curated.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    month_first: MonthFirstOpt = False,
    scheduler: SchedulerOpt = None,
    shared_files: SharedFilesOpt = False,
) -> None:
    """Check the curated file against the documents; exit 1 when problems are found.

    Problems: stale ids, contradictions between sources, anachronisms, weekdays that do not
    fit their date, unsourced events (errors); uncurated candidates and relative dates left
    unresolved (warnings).
    """
    from .checks import format_problem, problems_to_json, run_checks, summary_line
    from .pipeline import DEFAULT_CURATION

    if curation is None and not DEFAULT_CURATION.is_file():
        _fail(
            f"no curated file: {DEFAULT_CURATION} does not exist; start one with 'timeline "
            "init FOLDER' or 'timeline review FOLDER --append', or give one with --curation"
        )
    timeline = _load(Inputs(paths, curation, published, include, exclude, jobs, no_cache,
                            month_first, scheduler, shared_files))  # fmt: skip
    report = run_checks(timeline, verbose=verbose)
    kept, note = _in_sight(report.problems, timeline)
    report.problems = kept + ([note] if note else [])
    if fmt == CheckFormat.json:
        _emit(json_printable(problems_to_json(report.problems, report.summary())))
    else:
        for problem in report.problems:
            _err(format_problem(problem))
        curated = timeline.curation
        if curated is not None:
            for reading in curated.readings:
                _err(
                    f"{curated.path}:{reading.line}:{reading.column}: note: "
                    f"{reading.text!r} is read as {reading.value.edtf} "
                    f"({reading.value.display()})"
                )
        _emit(printable(summary_line(report) + "\n"))  # the problems went to stderr
    code = report.exit_code
    if strict and report.warnings:
        code = ExitCode.PROBLEMS
    raise typer.Exit(int(code))


@app.command(
    cls=_Command,
    epilog="Examples: timeline review ; timeline review new-articles/ --format text ; "
    "timeline review --append && git diff data/events.yaml",
)
def review(
    paths: PathsArg = None,
    curation: CurationOpt = None,
    published: PublishedOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar=_metavar(ReviewFormat),
            callback=_choice(ReviewFormat),
            help="yaml: stubs to paste; text: to read; json.",
        ),
    ] = ReviewFormat.yaml.value,
    append: Annotated[
        bool,
        typer.Option(
            "--append",
            help="Append the stubs to the curated file (after a backup; "
            "nothing already there is changed).",
        ),
    ] = False,  # fmt: skip
    noise: Annotated[
        bool,
        typer.Option(
            "--noise",
            help="Also list the date phrases kept off the timeline (headings, names, "
            "comparisons…), each with its reason.",
        ),
    ] = False,  # fmt: skip
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    month_first: MonthFirstOpt = False,
    scheduler: SchedulerOpt = None,
    shared_files: SharedFilesOpt = False,
) -> None:
    """List the happenings the curated file does not mention yet, with proposed groups."""
    from .curation.start import starter_for
    from .documents import STDIN
    from .errors import TimelineError
    from .pipeline import DEFAULT_CURATION
    from .review import append_stubs, format_review, iter_stubs, review_extraction, stubs_yaml

    # The curated file is read, not applied: a review needs the candidates, not the events of
    # a timeline, which for a large collection would take about as much memory again.
    extraction, curated = _unapplied(Inputs(paths, curation, published, include, exclude,
                                            jobs, no_cache, month_first, scheduler,
                                            shared_files))  # fmt: skip
    found = review_extraction(extraction, curated, noise=noise)
    count = len(found.items)
    typer.echo(
        f"{count} candidate(s) not yet curated in {len(found.sources)} source(s); "
        f"{len(found.groups)} proposed group(s)",
        err=True,
    )
    if append:
        if not count:
            typer.echo("nothing to add", err=True)
            raise typer.Exit(int(_exit_code(extraction)))
        target = curation or DEFAULT_CURATION
        stubs = stubs_yaml(found)
        before = curated.corrections if curated else {}
        if curated is None and paths and STDIN not in paths:
            # A new curated file starts by naming the documents, as 'timeline init' writes it.
            examples = [doc.path for doc in extraction.documents]
            stubs = f"{starter_for(paths, examples)}---\n{stubs}"
        try:
            result = append_stubs(target, stubs, create=curation is None)
        except TimelineError as err:
            _fail(str(err))
        added = len(set(result.curation.corrections) - set(before))
        backup = f" (backup: {result.backup})" if result.backup else ""
        entries = "entry" if added == 1 else "entries"
        _err(f"added {added} {entries} to {result.path}{backup}")
    elif fmt == ReviewFormat.json:
        _emit(json_printable(json.dumps(found.to_dict(), ensure_ascii=False, indent=2)) + "\n")
    elif fmt == ReviewFormat.text:
        _emit(printable(format_review(found)))
    else:
        for piece in iter_stubs(found):  # a source at a time: a large review is never whole
            _emit(printable(piece))
    raise typer.Exit(int(_exit_code(extraction)))


@app.command(cls=_Command, epilog="Example: timeline explain 004:june-2018")
def explain(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="An event or candidate id.")],
    paths: PathsArg = None,
    curation: CurationOpt = None,
    published: PublishedOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar=_metavar(CheckFormat),
            callback=_choice(CheckFormat),
            help="text, or json.",
        ),
    ] = CheckFormat.text.value,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    month_first: MonthFirstOpt = False,
    scheduler: SchedulerOpt = None,
    shared_files: SharedFilesOpt = False,
) -> None:
    """Everything about one event: each source's sentence, how its date was resolved, and
    which corrections applied."""
    from .explain import ExplainError, explain_timeline, format_explanation

    timeline = _load(Inputs(paths, curation, published, include, exclude, jobs, no_cache,
                            month_first, scheduler, shared_files))  # fmt: skip
    try:
        found = explain_timeline(timeline, event_id)
    except ExplainError as err:
        _fail(str(err))
    if fmt == CheckFormat.json:
        _emit(json_printable(json.dumps(found.to_dict(), ensure_ascii=False, indent=2)) + "\n")
    else:
        _emit(printable(format_explanation(found)))
    raise typer.Exit(int(_exit_code(timeline.extraction)))


# --------------------------------------------------------------------------- cache
@cache_app.command("path", cls=_Command, epilog='Example: du -sh "$(timeline cache path)"')
def cache_path() -> None:
    """Print the folder where extracted documents are cached (TIMELINE_CACHE_DIR sets it)."""
    from .cache import default_cache_dir

    typer.echo(str(default_cache_dir()))


@cache_app.command("clear", cls=_Command, epilog="Example: timeline cache clear")
def cache_clear() -> None:
    """Delete the cached results (only the cache's own files)."""
    from .cache import clear_cache, default_cache_dir

    removed = clear_cache()
    typer.echo(f"removed {removed} cached result(s) from {default_cache_dir()}")


def _flush_stdout() -> None:
    """Flush standard output; a failure other than a closed pipe is one line and exit 2."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        try:
            _stdout_failed(err)
        except typer.Exit as done:
            sys.exit(done.exit_code)


def main() -> None:
    """Entry point of the ``timeline`` script."""
    import os
    import signal

    # A terminated run stops like an interrupted one, so worker processes are shut down.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    global _starting
    _starting = True  # the collector paused until documents are read (see _started)
    gc.disable()
    try:
        try:
            app()
        except SystemExit:
            _flush_stdout()  # what is still buffered is written now, not at exit
            raise
    except BrokenPipeError:
        # The reader went away (``timeline show | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.OK))
    except KeyboardInterrupt:
        sys.stderr.write("timeline: interrupted\n")
        sys.exit(130)
