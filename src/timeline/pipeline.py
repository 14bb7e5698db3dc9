"""The whole path as library calls: documents -> mentions -> candidates -> curated events.

Nothing here prints or exits; the command line (``cli.py``) and other programs call these.
Documents are read and tagged on several processes (``jobs``); only their candidates and a
little metadata come back, so memory does not grow with the size of the texts. Each
document's result is cached by its content (see ``timeline.cache``).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import Cache, fingerprint
from .curation import Curation, Problem, apply_curation, load_curation, published_dates
from .dates import DateValue
from .documents import (
    STDIN,
    Collection,
    DocumentInfo,
    display_path,
    extract_bytes,
    format_of,
    info_of,
    iter_files,
    published_for,
    read_bytes,
    reads_suffix,
    tagging_text,
    to_document,
)
from .errors import DocumentError
from .events import assign_prefixes, candidates
from .models import Candidate, Document, Event, Kind
from .parallel import default_jobs, map_batches
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

    collection: Collection
    candidates: list[Candidate] = field(default_factory=list)
    #: How many documents came from the cache rather than being read and tagged.
    cached: int = 0

    @property
    def documents(self) -> list[DocumentInfo]:
        return self.collection.documents  # type: ignore[return-value]


@dataclass
class Timeline:
    """Curated events, plus everything a user should be told about how they were made."""

    extraction: Extraction
    curation: Curation | None
    events: list[Event]
    undated: list[Candidate]
    problems: list[Problem]


def extract_document(
    document: Document, prefix: str, *, every_kind: bool = False
) -> list[Candidate]:
    """Candidates of one document: pure (a Document in, candidates out), so it can be mapped
    over many documents in any engine. ``every_kind`` adds durations and sets."""
    kinds = None if every_kind else set(DATED_KINDS)
    mentions = tag(tagging_text(document), document.published, kinds=kinds)
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


def _task_bytes(task: Task) -> bytes:
    if isinstance(task.source, bytes):
        return task.source
    return read_bytes(Path(task.source), task.name)


def _cache_key(cache: Cache, data: bytes, task: Task) -> str:
    published = task.published.edtf if task.published else None
    origin = f"{task.origin}+all" if task.every_kind else task.origin
    return cache.key(data, format_of(task.name, data), published, origin)


def process(task: Task) -> Outcome:
    """Read, tag and cache one document (in whichever process runs it)."""
    outcome = Outcome(task.index, task.name, task.prefix)
    try:
        data = _task_bytes(task)
        fmt = format_of(task.name, data)
        extracted = extract_bytes(data, task.name, fmt)
        document = to_document(extracted, task.name, task.published, task.origin)
        outcome.candidates = extract_document(document, task.prefix, every_kind=task.every_kind)
    except DocumentError as err:
        outcome.skipped = err.reason
        return outcome
    except Exception as err:  # noqa: BLE001 - one document's failure must not end the run
        outcome.skipped = (
            f"could not be processed: internal error ({_where(err)}); please report it"
        )
        return outcome
    outcome.info = info_of(document, fmt)
    outcome.warnings = extracted.warnings
    if task.cache_dir is not None:
        cache = Cache(Path(task.cache_dir), task.code)
        outcome.cache_failed = not cache.put(_cache_key(cache, data, task), outcome)
    return outcome


def _where(err: BaseException) -> str:
    """``TypeName: message at module.py:line`` of the innermost frame of an error."""
    frame = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
    place = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    message = f": {err}" if str(err) else ""
    return f"{type(err).__name__}{message}{place}"


def process_batch(tasks: list[Task]) -> list[Outcome]:
    return [process(task) for task in tasks]


def _from_cache(cache: Cache, task: Task) -> Outcome | None:
    """The cached outcome of a document whose bytes are unchanged, renamed if it moved."""
    try:
        data = _task_bytes(task)
    except DocumentError:
        return None  # the worker reports it
    stored = cache.get(_cache_key(cache, data, task))
    if not isinstance(stored, Outcome) or stored.info is None:
        return None
    return _renamed(stored, task.index, task.name, task.prefix)


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


def _plan(paths: Iterable[Path], exclude, include_globs, exclude_globs) -> _Plan:
    plan, seen = _Plan(), set()
    found = iter_files(paths, exclude, include_globs=include_globs, exclude_globs=exclude_globs)
    for path, explicit in found:
        name = display_path(path)
        if name in seen:
            continue
        seen.add(name)
        why_not = None if explicit else reads_suffix(path.suffix)
        if why_not:
            plan.early[len(plan.files)] = Outcome(len(plan.files), name, "", skipped=why_not)
        plan.files.append((path, name))
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
) -> Extraction:
    """Read the documents under ``paths`` and find their candidate events.

    Publication dates come from the curated file's ``sources:`` first, then each document's
    own metadata, then ``published``. ``jobs`` processes read and tag (default: one per
    core); ``cache`` keeps each document's result in ``cache_dir`` (default: see
    ``timeline.cache.default_cache_dir``). ``progress(done, total)`` is called as documents
    are done. Candidates are in document order whatever ``jobs`` is. ``every_kind`` adds
    durations and sets to the candidates (they never reach a timeline).
    """
    plan = _plan(paths, exclude, include_globs, exclude_globs)
    known = published_dates(curation) if curation else {}
    store, note = _open_cache(cache, cache_dir)
    readable = [(i, path, name) for i, (path, name) in enumerate(plan.files) if i not in plan.early]
    prefixes = assign_prefixes([name for _, _, name in readable])
    outcomes: dict[int, Outcome] = dict(plan.early)
    tick = _ticker(progress, len(plan.files), len(plan.early))
    misses: list[Task] = []
    for index, path, name in readable:
        when, origin = published_for(name, known, published)
        source: str | bytes = read_bytes(path, name) if path == STDIN else str(path)
        task = Task(index, source, name, prefixes[name], when, origin,
                    str(store.directory.parent) if store else None,
                    store.code if store else "", every_kind)  # fmt: skip
        hit = _from_cache(store, task) if store else None
        if hit is None:
            misses.append(task)
            continue
        outcomes[index] = hit
        tick()
    cached = sum(1 for o in outcomes.values() if o.skipped is None)
    jobs = jobs or default_jobs()
    if sum(map(_size, misses)) < PARALLEL_MIN_BYTES:
        jobs = 1
    batch = max(1, min(MAX_BATCH, len(misses) // (jobs * 4)))
    for outcome in map_batches(process_batch, misses, jobs=jobs, batch=batch):
        outcomes[outcome.index] = outcome
        tick()
    result = _assemble([outcomes[i] for i in range(len(plan.files))], cached)
    if note:
        result.collection.warnings.insert(0, note)
    return result


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


def _assemble(outcomes: list[Outcome], cached: int) -> Extraction:
    """Outcomes in document order into an Extraction; ids re-prefixed if a skipped document
    had made two prefixes clash."""
    collection = Collection()
    result = Extraction(collection, cached=cached)
    read = [o for o in outcomes if o.skipped is None]
    final = assign_prefixes([o.name for o in read])
    failed_writes = 0
    for outcome in outcomes:
        if outcome.skipped is not None:
            collection.skipped.append((outcome.name, outcome.skipped))
            continue
        if final[outcome.name] != outcome.prefix:
            outcome = _renamed(outcome, outcome.index, outcome.name, final[outcome.name])
        collection.documents.append(outcome.info)  # type: ignore[arg-type]
        collection.warnings.extend(f"{outcome.name}: {w}" for w in outcome.warnings)
        result.candidates.extend(outcome.candidates)
        failed_writes += outcome.cache_failed
    if failed_writes:
        collection.warnings.append(f"cache: {failed_writes} result(s) could not be saved")
    return result


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
) -> Timeline:
    """The timeline of the documents under ``paths`` with ``curation`` applied.

    The options are those of ``extract``.
    """
    exclude = [Path(curation.path)] if curation else []
    extraction = extract(
        paths, curation=curation, published=published, exclude=exclude,
        include_globs=include_globs, exclude_globs=exclude_globs, jobs=jobs, cache=cache,
        cache_dir=cache_dir, progress=progress,
    )  # fmt: skip
    documents = {doc.path: doc for doc in extraction.documents}
    result = apply_curation(extraction.candidates, curation, documents)  # type: ignore[arg-type]
    return Timeline(extraction, curation, result.events, result.undated, result.problems)
