"""The whole path as library calls: documents -> mentions -> candidates -> curated events.

Nothing here prints or exits; the command line (``cli.py``) and other programs call these.
Documents are read and tagged on several processes (``jobs``); only their candidates and a
little metadata come back, packed as plain rows (the form of a cache entry), so memory does
not grow with the size of the texts. Each document's result is cached by its content (see
``timeline.cache``).
"""

from __future__ import annotations

import gc
import hashlib
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol, overload

from .budget import OverTime, describe, limited, time_limit_from_environment
from .cache import (
    Cache,
    KnownFiles,
    Unpacker,
    decode_entry,
    encode_entry,
    fingerprint,
    pack_candidates,
    pack_info,
    reader_version,
)
from .curation import (
    Curation,
    Problem,
    apply_curation,
    load_curation,
    numeric_orders,
    published_dates,
)
from .dates import DateValue
from .documents import (
    STDIN,
    Collection,
    DisplayPaths,
    DocumentInfo,
    extract_bytes,
    format_of,
    info_of,
    iter_files,
    published_for,
    read_bytes,
    read_bytes_and_status,
    reads_suffix,
    tagging_text,
    to_document,
)
from .errors import DocumentError
from .events import assign_prefixes, candidates
from .models import Candidate, Document, Event, Kind
from .parallel import default_jobs, job_limit, map_batches
from .tagger import tag

#: Where ``timeline`` looks when it is given no paths.
DEFAULT_DOCUMENTS = Path("seeds")
DEFAULT_CURATION = Path("data/events.yaml")

DATED_KINDS = frozenset({Kind.DATE, Kind.TIME})

#: Below this much text to read, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 1_000_000
MAX_BATCH = 8  # documents sent to a worker at once

#: Called with (documents done, documents in all) as the run goes.
Progress = Callable[[int, int], None]


@dataclass
class Extraction:
    """The documents read and the candidate events found in them, before curation.

    ``collection.documents`` holds each document's DocumentInfo (no text).
    """

    collection: Collection[DocumentInfo]
    candidates: list[Candidate] = field(default_factory=list)
    #: How many documents came from the cache rather than being read and tagged.
    cached: int = 0

    @property
    def documents(self) -> list[DocumentInfo]:
        return self.collection.documents


@dataclass
class Timeline:
    """Curated events, plus everything a user should be told about how they were made."""

    extraction: Extraction
    curation: Curation | None
    events: list[Event]
    undated: list[Candidate]
    problems: list[Problem]


def extract_document(
    document: Document, prefix: str, *, every_kind: bool = False, day_first: bool = True
) -> list[Candidate]:
    """Candidates of one document: pure (a Document in, candidates out), so it can be mapped
    over many documents in any engine. ``every_kind`` adds durations, sets and vague references
    ("now", "recently", with their TIMEX value); ``day_first`` reads 01/03/2023 as 1 March
    (else as 3 January)."""
    kinds = None if every_kind else set(DATED_KINDS)
    mentions = tag(tagging_text(document), document.published, kinds=kinds, day_first=day_first,
                   refs=every_kind)  # fmt: skip
    return candidates(document, mentions, prefix, every_kind=every_kind)


# --------------------------------------------------------------------------- one document
@dataclass(frozen=True)
class Task:
    """One document to read: everything a worker process needs, and nothing heavy."""

    index: int
    source: str | bytes  # the file's path, or the bytes read from standard input
    name: str
    prefix: str
    published: DateValue | None
    origin: str | None
    cache_dir: str | None  # None: no cache
    code: str  # the cache's fingerprint of the code
    every_kind: bool = False  # durations and sets too
    day_first: bool = True  # 01/03/2023 is 1 March (else 3 January)
    digest: bool = False  # send back the bytes' digest even with no cache here (see Engine)
    time_limit: float | None = None  # CPU seconds to read and tag it (None: no limit)


@dataclass
class Outcome:
    """What came of one document: its info and candidates, or why it was skipped."""

    index: int
    name: str
    prefix: str
    info: DocumentInfo | None = None
    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # without the document's name
    skipped: str | None = None
    cache_failed: bool = False


@dataclass(frozen=True)
class Seen:
    """A document's bytes as read: their SHA-256 digest and format, and, for a file, its
    status just before it was read and when (``time.time()``)."""

    content: bytes
    fmt: str
    status: os.stat_result | None = None
    read_at: float = 0.0


#: What a worker sends back for one document: its index, its packed outcome (see
#: ``pack_outcome``), whether the cache could not be written, and what was seen of its
#: file. Bytes cross between processes far more cheaply than the objects they stand for.
Done = tuple[int, bytes, bool, Seen | None]


@overload
def _read(task: Task, *, digest: Literal[True] = ...) -> tuple[bytes, Seen]: ...
@overload
def _read(task: Task, *, digest: bool) -> tuple[bytes, Seen | None]: ...
def _read(task: Task, *, digest: bool = True) -> tuple[bytes, Seen | None]:
    """A document's bytes, and (with ``digest``) what was seen of them."""
    if isinstance(task.source, bytes):
        data, status, read_at = task.source, None, 0.0
    else:
        data, status, read_at = read_bytes_and_status(task.source, task.name)
    if not digest:
        return data, None
    return data, Seen(hashlib.sha256(data).digest(), format_of(task.name, data), status, read_at)


def _cache_key(cache: Cache, content: bytes, fmt: str, task: Task) -> str:
    published = task.published.edtf if task.published else None
    origin = f"{task.origin}+all" if task.every_kind else task.origin
    if not task.day_first:
        origin = f"{origin}+month-first"
    return cache.digest_key(content, fmt, reader_version(fmt), published, origin)


def process(task: Task) -> Done:
    """Read, tag and cache one document (in whichever process runs it)."""
    seen = None
    try:
        with limited(task.time_limit):
            data, seen = _read(task, digest=task.cache_dir is not None or task.digest)
            outcome = _read_and_tag(data, task)
    except OverTime:
        why = describe(task.time_limit or 0)
        outcome = Outcome(task.index, task.name, task.prefix, skipped=why)
    except DocumentError as err:
        outcome = Outcome(task.index, task.name, task.prefix, skipped=err.reason)
    except Exception as err:  # noqa: BLE001 - one document's failure must not end the run
        why = f"could not be processed: internal error ({_where(err)}); please report it"
        outcome = Outcome(task.index, task.name, task.prefix, skipped=why)
    body = pack_outcome(outcome)
    failed = False
    if task.cache_dir is not None and outcome.skipped is None and seen is not None:
        cache = Cache(Path(task.cache_dir), task.code)
        failed = not cache.write(_cache_key(cache, seen.content, seen.fmt, task), body)
    return task.index, body, failed, seen


def _read_and_tag(data: bytes, task: Task) -> Outcome:
    fmt = format_of(task.name, data)
    extracted = extract_bytes(data, task.name, fmt)
    document = to_document(extracted, task.name, task.published, task.origin)
    found = extract_document(
        document, task.prefix, every_kind=task.every_kind, day_first=task.day_first
    )
    return Outcome(task.index, task.name, task.prefix, info_of(document, fmt), found,
                   extracted.warnings)  # fmt: skip


def _where(err: BaseException) -> str:
    """``TypeName: message at module.py:line`` of the innermost frame of an error."""
    frame = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
    place = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    message = f": {err}" if str(err) else ""
    return f"{type(err).__name__}{message}{place}"


def process_batch(tasks: list[Task]) -> list[Done]:
    return [process(task) for task in tasks]


class Engine(Protocol):
    """Somewhere else to read and tag documents, such as a cluster (see ``timeline.cluster``).

    ``map`` runs ``process`` on every task, in any order, and yields what each gave. The
    tasks it is given write no cache and ask for their digest: the cache is written here, by
    the process that asked, from the packed outcomes that come back.
    """

    def map(self, tasks: list[Task]) -> Iterator[Done]: ...


def pack_outcome(outcome: Outcome) -> bytes:
    """An outcome as the bytes of a cache entry, without its index, name or prefix."""
    info = pack_info(outcome.info) if outcome.info else None
    found = pack_candidates(outcome.candidates, outcome.prefix)
    return encode_entry((outcome.skipped, info, outcome.warnings, found))


def unpack_outcome(
    body: bytes | memoryview, unpacker: Unpacker, index: int, name: str, prefix: str
) -> Outcome:
    """The outcome packed in ``body``, for the document ``name`` whose ids start ``prefix``."""
    with collection_paused():
        skipped, info, warnings, found = decode_entry(body)
        return Outcome(
            index, name, prefix,
            info=unpacker.info(info, name) if info is not None else None,
            candidates=unpacker.candidates(found, name, prefix),
            warnings=list(warnings), skipped=skipped,
        )  # fmt: skip


class collection_paused:  # noqa: N801 - used as a function is
    """The garbage collector paused (``with collection_paused():``) while many objects that
    make no reference cycles are made and kept: its passes over the ever larger set of
    objects kept would cost more than making them."""

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._enabled:
            gc.enable()


def _from_cache(cache: Cache, known: KnownFiles, task: Task, unpacker: Unpacker) -> Outcome | None:
    """The cached outcome of a document whose bytes are unchanged, renamed if it moved."""
    key = _known_key(cache, known, task)
    if key is None:
        try:
            _, seen = _read(task)
        except DocumentError:
            return None  # the worker reports it
        _note(known, task, seen)
        key = _cache_key(cache, seen.content, seen.fmt, task)
    body = cache.read(key)
    if body is None:
        return None
    try:
        outcome = unpack_outcome(body, unpacker, task.index, task.name, task.prefix)
    except Exception:  # noqa: BLE001 - any unreadable entry is only a miss
        return None
    return outcome if outcome.info is not None and outcome.skipped is None else None


def _known_key(cache: Cache, known: KnownFiles, task: Task) -> str | None:
    """The key of a file's entry without reading it, when the file is known unchanged."""
    if not isinstance(task.source, str):
        return None
    try:
        found = known.get(os.path.abspath(task.source), os.stat(task.source))
    except OSError:
        return None
    return _cache_key(cache, *found, task) if found else None


def _note(known: KnownFiles, task: Task, seen: Seen | None) -> None:
    if isinstance(task.source, str) and seen is not None and seen.status is not None:
        known.note(os.path.abspath(task.source), seen.status, seen.content, seen.fmt,
                   seen.read_at)  # fmt: skip


def _renamed(outcome: Outcome, index: int, name: str, prefix: str) -> Outcome:
    if outcome.name == name and outcome.prefix == prefix:
        return replace(outcome, index=index)
    cut = len(outcome.prefix)
    found = [replace(c, id=prefix + c.id[cut:], source=name) for c in outcome.candidates]
    info = replace(outcome.info, path=name) if outcome.info else None
    return replace(outcome, index=index, name=name, prefix=prefix, info=info, candidates=found)


# --------------------------------------------------------------------------- many documents
@dataclass
class _Plan:
    """The files to read, in order; the ones passed over before reading, with the reason."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    early: dict[int, Outcome] = field(default_factory=dict)


def _plan(
    paths: Iterable[Path],
    exclude: Iterable[Path],
    include_globs: Iterable[str],
    exclude_globs: Iterable[str],
) -> _Plan:
    plan, seen, display_path = _Plan(), set(), DisplayPaths()

    def add(path: Path, why_not: str | None) -> None:
        name = display_path(path)
        if name in seen:
            return
        seen.add(name)
        if why_not:
            plan.early[len(plan.files)] = Outcome(len(plan.files), name, "", skipped=why_not)
        plan.files.append((path, name))

    found = iter_files(paths, exclude, include_globs=include_globs, exclude_globs=exclude_globs,
                       skipped=add)  # fmt: skip
    for path, explicit in found:
        add(path, None if explicit else reads_suffix(path.suffix))
    return plan


def _size(task: Task) -> int:
    if isinstance(task.source, bytes):
        return len(task.source)
    try:
        return os.stat(task.source).st_size
    except OSError:
        return 0


def extract(
    paths: Iterable[Path],
    *,
    curation: Curation | None = None,
    published: DateValue | None = None,
    exclude: Iterable[Path] = (),
    include_globs: Iterable[str] = (),
    exclude_globs: Iterable[str] = (),
    jobs: int | None = None,
    cache: bool = True,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    every_kind: bool = False,
    day_first: bool = True,
    engine: Engine | None = None,
    time_limit: float | None = None,
) -> Extraction:
    """Read the documents under ``paths`` and find their candidate events.

    Publication dates come from the curated file's ``sources:`` first, then each document's
    own metadata, then ``published``. ``jobs`` processes read and tag (default: one per
    core; at most ``parallel.job_limit()``, twice the cores: a larger number is lowered);
    ``cache`` keeps each document's result in ``cache_dir`` (default: see
    ``timeline.cache.default_cache_dir``). ``progress(done, total)`` is called as documents
    are done. Candidates are in document order whatever ``jobs`` is. ``every_kind`` adds
    durations and sets to the candidates (they never reach a timeline). ``day_first`` says how
    to read numeric dates such as 01/03/2023, unless the curated file says so for a source.
    With an ``engine`` (a cluster), the documents the cache does not hold are read and tagged
    there instead of on ``jobs`` processes here; the result is the same. A document that
    takes more than ``time_limit`` CPU seconds to read and tag is skipped with its reason
    (0: no limit; None: ``TIMELINE_TIME_LIMIT``, else ``budget.DEFAULT_TIME_LIMIT``).
    """
    plan = _plan(paths, exclude, include_globs, exclude_globs)
    store, note = _open_cache(cache, cache_dir)
    orders = numeric_orders(curation)
    day_firsts = {name: orders.get(name, day_first) for _, name in plan.files}
    known = published_dates(curation) if curation else {}
    named = named_paths(curation)
    limit = time_limit_from_environment() if time_limit is None else time_limit or None
    tasks = _tasks(plan, known, published, store, every_kind, day_firsts, named, limit)
    run = _Run(store, _ticker(progress, len(plan.files), len(plan.early)))
    misses = run.from_cache(tasks)
    if engine is not None:
        run.process_on(engine, misses)
    else:
        run.process(misses, min(jobs or default_jobs(), job_limit()))
    outcomes = {**plan.early, **run.outcomes}
    prefixes = {task.name: task.prefix for task in tasks}
    result = _assemble([outcomes[i] for i in range(len(plan.files))], len(tasks) - len(misses),
                       prefixes, named)  # fmt: skip
    if note:
        result.collection.warnings.insert(0, note)
    return result


def _tasks(
    plan: _Plan,
    known_dates: dict[str, DateValue],
    published: DateValue | None,
    store: Cache | None,
    every_kind: bool,
    day_first: dict[str, bool],
    named: AbstractSet[str] = frozenset(),
    time_limit: float | None = None,
) -> list[Task]:
    """A task for each document to read, with its id prefix and publication date."""
    readable = [(i, path, name) for i, (path, name) in enumerate(plan.files) if i not in plan.early]
    prefixes = assign_prefixes([name for _, _, name in readable], named)
    tasks = []
    for index, path, name in readable:
        when, origin = published_for(name, known_dates, published)
        source: str | bytes = read_bytes(path, name) if path == STDIN else str(path)
        tasks.append(Task(index, source, name, prefixes[name], when, origin,
                          str(store.directory.parent) if store else None,
                          store.code if store else "", every_kind, day_first[name],
                          time_limit=time_limit))  # fmt: skip
    return tasks


class _Run:
    """The outcomes of one run's documents, from the cache or read and tagged."""

    def __init__(self, store: Cache | None, tick: Callable[[], None]) -> None:
        self.store = store
        self.known = store.known_files() if store else None
        self.tick = tick
        self.unpacker = Unpacker()  # one for the run, so equal dates are shared
        self.outcomes: dict[int, Outcome] = {}

    def from_cache(self, tasks: list[Task]) -> list[Task]:
        """Take the documents the cache holds; returns the others."""
        if self.store is None or self.known is None:
            return tasks
        misses = []
        with collection_paused():
            for task in tasks:
                hit = _from_cache(self.store, self.known, task, self.unpacker)
                if hit is None:
                    misses.append(task)
                    continue
                self.outcomes[task.index] = hit
                self.tick()
        return misses

    def process(self, tasks: list[Task], jobs: int) -> None:
        """Read and tag the documents of ``tasks`` on ``jobs`` processes."""
        if sum(map(_size, tasks)) < PARALLEL_MIN_BYTES:
            jobs = 1
        batch = max(1, min(MAX_BATCH, len(tasks) // (jobs * 4)))
        by_index = {task.index: task for task in tasks}
        # With jobs > 1 this process only unpacks; with 1 it tags too, which makes garbage.
        with collection_paused() if jobs > 1 else nullcontext():
            for index, body, failed, seen in map_batches(process_batch, tasks, jobs=jobs,
                                                         batch=batch):  # fmt: skip
                task = by_index[index]
                try:
                    outcome = unpack_outcome(body, self.unpacker, index, task.name, task.prefix)
                except ValueError as err:  # what a worker packed does not read back
                    why = f"could not be processed: internal error ({err}); please report it"
                    outcome = Outcome(index, task.name, task.prefix, skipped=why)
                outcome.cache_failed = failed
                self.outcomes[index] = outcome
                if self.known:
                    _note(self.known, task, seen)
                self.tick()
        if self.known:
            self.known.save()

    def process_on(self, engine: Engine, tasks: list[Task]) -> None:
        """Read and tag the documents of ``tasks`` with ``engine``; cache the results here.

        What was seen of a file there is not noted: ``from_cache`` noted it here already.
        """
        by_index = {task.index: task for task in tasks}
        away = [replace(task, cache_dir=None, digest=self.store is not None) for task in tasks]
        with collection_paused():
            for index, body, _, seen in engine.map(away):
                task = by_index[index]
                try:
                    outcome = unpack_outcome(body, self.unpacker, index, task.name, task.prefix)
                except ValueError as err:  # what a worker packed does not read back
                    why = f"could not be processed: internal error ({err}); please report it"
                    outcome = Outcome(index, task.name, task.prefix, skipped=why)
                if self.store is not None and seen is not None and outcome.skipped is None:
                    key = _cache_key(self.store, seen.content, seen.fmt, task)
                    outcome.cache_failed = not self.store.write(key, body)
                self.outcomes[index] = outcome
                self.tick()
        if self.known:
            self.known.save()


def _open_cache(enabled: bool, directory: Path | None) -> tuple[Cache | None, str | None]:
    if not enabled:
        return None, None
    store = Cache(directory, fingerprint())
    why_not = store.writable()
    if why_not:
        return None, f"cache not used: {why_not}"
    return store, None


def _ticker(progress: Progress | None, total: int, done: int) -> Callable[[], None]:
    count = [done]
    if progress:
        progress(done, total)

    def tick() -> None:
        count[0] += 1
        if progress:
            progress(count[0], total)

    return tick


def _assemble(
    outcomes: list[Outcome],
    cached: int,
    prefixes: dict[str, str],
    named: AbstractSet[str] = frozenset(),
) -> Extraction:
    """Outcomes in document order into an Extraction; ids re-prefixed if a skipped document
    had made two prefixes clash (``prefixes`` are those of all the documents planned)."""
    collection: Collection[DocumentInfo] = Collection()
    result = Extraction(collection, cached=cached)
    read = [o.name for o in outcomes if o.skipped is None]
    final = prefixes if len(read) == len(prefixes) else assign_prefixes(read, named)
    failed_writes = 0
    for outcome in outcomes:
        if outcome.skipped is not None:
            collection.skipped.append((outcome.name, outcome.skipped))
            continue
        if final[outcome.name] != outcome.prefix:
            outcome = _renamed(outcome, outcome.index, outcome.name, final[outcome.name])
        assert outcome.info is not None  # a document not skipped has its info
        collection.documents.append(outcome.info)
        collection.warnings.extend(f"{outcome.name}: {w}" for w in outcome.warnings)
        result.candidates.extend(outcome.candidates)
        failed_writes += outcome.cache_failed
    if failed_writes:
        collection.warnings.append(f"cache: {failed_writes} result(s) could not be saved")
    return result


def named_paths(curation: Curation | None) -> set[str]:
    """The document paths the curated file names: its sources and its added events' sources
    (such a document keeps its short id prefix; see ``timeline.events.ids``)."""
    return curation.named_documents() if curation is not None else set()


def load_optional_curation(path: Path | None) -> Curation | None:
    """The curated file at ``path``, the default one if it exists, or None."""
    if path is None:
        return load_curation(DEFAULT_CURATION) if DEFAULT_CURATION.is_file() else None
    return load_curation(path)


def build(
    paths: Iterable[Path],
    *,
    curation: Curation | None = None,
    published: DateValue | None = None,
    include_globs: Iterable[str] = (),
    exclude_globs: Iterable[str] = (),
    jobs: int | None = None,
    cache: bool = True,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    day_first: bool = True,
    engine: Engine | None = None,
    time_limit: float | None = None,
) -> Timeline:
    """The timeline of the documents under ``paths`` with ``curation`` applied.

    The options are those of ``extract``.
    """
    exclude = [Path(curation.path)] if curation else []
    extraction = extract(
        paths, curation=curation, published=published, exclude=exclude,
        include_globs=include_globs, exclude_globs=exclude_globs, jobs=jobs, cache=cache,
        cache_dir=cache_dir, progress=progress, day_first=day_first, engine=engine,
        time_limit=time_limit,
    )  # fmt: skip
    documents = {doc.path: doc for doc in extraction.documents}
    result = apply_curation(extraction.candidates, curation, documents)
    return Timeline(extraction, curation, result.events, result.undated, result.problems)
