"""Reading and tagging documents on a Dask cluster (``--scheduler ADDRESS``).

Needs the ``dask`` extra (``pip install 'timeline[dask]'``) here and on every worker, with
the same version of timeline and of the readers' libraries everywhere: the workers' code is
compared with this machine's when connecting. Only this module imports Dask, and the
pipeline imports it only for a run that asks for a cluster.

What travels: only the documents the local cache does not hold (the pipeline looks there
first), a few to a task, either as their paths (``shared_files``: the workers see the files
at the same absolute paths) or as their bytes, read here; and back, each document's packed
outcome (the body of a cache entry) and the digest of the bytes read, from which the entry
is written here. A bounded number of tasks is in flight at once, so memory here and on the
workers does not grow with the size of the collection.

Failures: a document that cannot be read or tagged is skipped with its reason, as on one
machine. Dask runs the tasks of a worker that dies again on the others. A task that kills
every worker it runs on (``distributed.scheduler.allowed-failures`` + 1 of them) is run
again a document at a time, and the document that still does is skipped, named. A task that
fails for want of something on the worker has its documents skipped, with the error.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import socket
import time
import warnings
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from .cache import fingerprint_with_readers
from .documents import read_bytes
from .errors import DocumentError, TimelineError
from .parallel import default_jobs
from .pipeline import Done, Outcome, Task, _size, _where, pack_outcome, process_batch

#: The address that starts a cluster on this machine rather than joining one.
LOCAL = "local"
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler
NO_WORKERS_TIMEOUT = 30.0  # seconds a cluster may have no worker before the run gives up
TASKS_IN_FLIGHT = 4  # per worker thread
MAX_BATCH = 32  # documents in one task
MAX_TASK_BYTES = 4_000_000  # of documents in one task, unless one alone is larger
_POLL = 1.0  # seconds between looks at the cluster while waiting for results

EXTRA = "pip install 'timeline[dask]'"
#: A local scheduler's HTTP server (always started: health, metrics) on a free port of this
#: machine only, rather than on port 8787 of every interface, with a warning when that is taken.
QUIET = {"dashboard_address": "127.0.0.1:0"}
#: Dask keeps the last thousand messages of each connection under 1 MB for its developers,
#: which here would be the documents sent: not in this process, nor in a local cluster.
UNLOGGED = {"distributed.admin.low-level-log-length": 0}


class ClusterError(TimelineError):
    """The cluster cannot be reached or used."""


def available() -> bool:
    """Whether Dask is installed (without importing it)."""
    return importlib.util.find_spec("distributed") is not None


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(
            f"running on a cluster needs Dask, which is not installed: {EXTRA}"
        ) from None
    return distributed


class Cluster:
    """A Dask cluster to read and tag documents on: ``with Cluster(address) as cluster:``,
    then ``extract(..., engine=cluster)``.

    ``address`` is the scheduler's (``tcp://host:8786``), or ``"local"`` to start one on this
    machine with ``workers`` processes (default: one per core). ``shared_files`` says that
    the workers see the documents at the same absolute paths as here, so that they read them
    themselves rather than being sent their bytes (default: only on a local cluster).
    ``client`` is a ``distributed.Client`` already connected, to use instead of ``address``.

    Nothing is started or connected to until there is a document to send: a run that finds
    every document in the cache needs no cluster.
    """

    def __init__(
        self,
        address: str = LOCAL,
        *,
        shared_files: bool | None = None,
        workers: int | None = None,
        client: Any = None,
        no_workers_timeout: float = NO_WORKERS_TIMEOUT,
    ) -> None:
        self.address = address if client is None else str(client.scheduler.address)
        if shared_files is None:
            shared_files = address == LOCAL and client is None
        self.shared_files = shared_files
        self.workers = workers
        self.no_workers_timeout = no_workers_timeout
        #: How many documents were sent to the workers, and how many bytes of theirs.
        self.sent = 0
        self.sent_bytes = 0
        self._client = client
        self._own_client = client is None
        self._local: Any = None
        self._ready = False
        self._quiet: list[tuple[logging.Logger, int]] = []

    # ------------------------------------------------------------------ connecting
    def __enter__(self) -> Cluster:
        if not available():
            _distributed()  # says what to install
        return self

    def connect(self) -> None:
        """Connect (or start the local cluster), and check the workers."""
        if self._ready:
            return
        distributed = _distributed()
        import dask.config

        self._silence()
        try:
            if self._client is None:
                with dask.config.set(UNLOGGED):
                    self._client = self._connect(distributed)
            self._check_workers()
        except BaseException:
            self.close()
            raise
        self._ready = True

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect, and stop the cluster if it was started here."""
        try:
            if self._own_client and self._client is not None:
                self._client.close()
            if self._local is not None:
                self._local.close()
        finally:
            if self._own_client:
                self._client = None
            self._local = None
            self._ready = False
            for logger, level in self._quiet:
                logger.setLevel(level)
            self._quiet.clear()

    def _silence(self) -> None:
        """Dask's own log lines off: the run reports what matters in its own words."""
        known = logging.root.manager.loggerDict
        names = {"distributed", "tornado"} | {
            name for name in known if name.split(".")[0] in ("distributed", "tornado")
        }
        for name in sorted(names):
            logger = logging.getLogger(name)
            self._quiet.append((logger, logger.level))
            logger.setLevel(logging.CRITICAL + 1)

    def _connect(self, distributed: Any) -> Any:
        if self.address == LOCAL:
            self._local = distributed.LocalCluster(
                n_workers=self.workers or default_jobs(), threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.CRITICAL, scheduler_kwargs=QUIET,
            )  # fmt: skip
            return distributed.Client(self._local, set_as_default=False)
        _reachable(self.address)
        try:
            return distributed.Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, ValueError, TimeoutError) as err:
            raise ClusterError(f"cannot reach the scheduler at {self.address}: {err}") from None

    def _check_workers(self) -> None:
        """At least one worker, each running the same code as this machine."""
        client = self._client
        try:
            client.wait_for_workers(1, timeout=self.no_workers_timeout)
        except TimeoutError:
            raise ClusterError(
                f"the scheduler at {self.address} has no workers (waited "
                f"{self.no_workers_timeout:.0f} s): start some with "
                f"'dask worker {self.address} --nthreads 1 --nworkers N'"
            ) from None
        try:
            codes = client.run(fingerprint_with_readers)
        except Exception as err:  # noqa: BLE001 - whatever a worker lacks, it is said
            raise ClusterError(
                f"the workers of {self.address} cannot run timeline ({_where(err)}): "
                f"install it on every worker ({EXTRA}), the same version as here"
            ) from None
        ours = fingerprint_with_readers()
        others = sorted(worker for worker, code in codes.items() if code != ours)
        if others:
            raise ClusterError(
                f"worker {others[0]}{f' and {len(others) - 1} more' if len(others) > 1 else ''}"
                " runs other code than this machine (another version of timeline or of the "
                "libraries that read PDF and Word): install the same everywhere"
            )

    def threads(self) -> int:
        """The number of threads the cluster's workers have between them now."""
        return sum(self._client.nthreads().values())

    # ------------------------------------------------------------------ running
    def map(self, tasks: list[Task]) -> Iterator[Done]:
        """Run ``process`` on each task on the cluster; what each gave, as tasks finish."""
        if not tasks:
            return
        self.connect()
        distributed = _distributed()
        try:
            yield from self._map(tasks, distributed)
        except distributed.CancelledError:
            raise ClusterError(f"lost the connection to the scheduler at {self.address}") from None
        except OSError as err:
            raise ClusterError(
                f"lost the connection to the scheduler at {self.address} ({_said(err)})"
            ) from None

    def _map(self, tasks: list[Task], distributed: Any) -> Iterator[Done]:
        threads, counted = max(self.threads(), 1), time.monotonic()
        size = max(1, min(MAX_BATCH, len(tasks) // (threads * TASKS_IN_FLIGHT)))
        chunks = _batches(tasks, size)
        # The documents of a task whose workers all died are run again one to a task; one
        # whose workers died again is run once more, alone on the cluster at the end, so that
        # a document that kills its worker cannot take another down with it.
        again: deque[list[Task]] = deque()
        suspects: deque[list[Task]] = deque()
        pending: dict[Any, tuple[list[Task], bool]] = {}  # task: its documents, alone?
        while True:
            if time.monotonic() - counted > _POLL:  # workers come and go
                threads, counted = max(self.threads(), 1), time.monotonic()
            room = threads * TASKS_IN_FLIGHT - len(pending)
            for chunk in islice(_chain(again, chunks), max(room, 0)):
                yield from self._submit(chunk, pending, alone=False)
            if not pending and suspects:
                yield from self._submit(suspects.popleft(), pending, alone=True)
            if not pending:
                return
            done = self._wait(pending, distributed)
            finished = [future for future in done if future.status == "finished"]
            for future, results in zip(finished, self._client.gather(finished), strict=True):
                del pending[future]
                future.release()
                yield from results
            for future in done:
                if future not in pending:
                    continue  # finished, taken above
                if future.status == "cancelled":
                    raise ClusterError(f"lost the connection to the scheduler at {self.address}")
                if future.status != "error":
                    continue  # lost with its worker since it finished: Dask runs it again
                chunk, alone = pending.pop(future)
                error = future.exception()
                future.release()
                if not isinstance(error, distributed.KilledWorker):
                    why = f"could not be processed on the cluster: {_where(error)}"
                elif len(chunk) > 1:
                    again.extend([task] for task in chunk)
                    continue
                elif not alone:
                    suspects.append(chunk)
                    continue
                else:
                    why = "could not be processed: every worker that read it died (out of memory?)"
                yield from (_skipped(task, why) for task in chunk)

    def _submit(
        self, chunk: list[Task], pending: dict[Any, tuple[list[Task], bool]], *, alone: bool
    ) -> Iterator[Done]:
        """Send the documents of ``chunk`` as one task; those that cannot be read here are
        skipped at once."""
        ready, failed = self._prepare(chunk)
        yield from failed
        if ready:
            with warnings.catch_warnings():  # a document of many MB is not a mistake here
                warnings.filterwarnings("ignore", "Sending large graph", UserWarning)
                future = self._client.submit(process_batch, ready, pure=False)
            pending[future] = (ready, alone)

    def _prepare(self, chunk: list[Task]) -> tuple[list[Task], list[Done]]:
        """The tasks as they travel (an absolute path, or the bytes), and the documents that
        could not be read here."""
        ready: list[Task] = []
        failed: list[Done] = []
        for task in chunk:
            path = task.source
            if isinstance(path, str):
                if self.shared_files:
                    task = replace(task, source=os.path.abspath(path))
                else:
                    try:
                        task = replace(task, source=read_bytes(path, task.name))
                    except DocumentError as err:
                        failed.append(_skipped(task, err.reason))
                        continue
            if isinstance(task.source, bytes):
                self.sent_bytes += len(task.source)
            ready.append(task)
        self.sent += len(ready)
        return ready, failed

    def _wait(self, pending: dict[Any, tuple[list[Task], bool]], distributed: Any) -> set[Any]:
        """The tasks that have finished or failed, once there are some."""
        alone_since = None
        while True:
            try:
                with self._client.as_current():
                    waited = distributed.wait(
                        list(pending), timeout=_POLL, return_when="FIRST_COMPLETED"
                    )
                    done: set[Any] = waited.done
                    return done
            except (TimeoutError, distributed.TimeoutError):
                pass
            if self._client.status not in ("running", "connecting"):
                raise ClusterError(f"lost the connection to the scheduler at {self.address}")
            if self.threads():
                alone_since = None
                continue
            alone_since = alone_since or time.monotonic()
            if time.monotonic() - alone_since > self.no_workers_timeout:
                left = sum(len(chunk) for chunk, _ in pending.values())
                raise ClusterError(
                    f"the cluster at {self.address} has had no workers for "
                    f"{self.no_workers_timeout:.0f} s; {left} document(s) were not read"
                )


def _batches(tasks: list[Task], size: int) -> Iterator[list[Task]]:
    """``tasks`` a few at a time: at most ``size``, and at most MAX_TASK_BYTES of documents."""
    chunk: list[Task] = []
    weight = 0
    for task in tasks:
        heavy = _size(task)
        if chunk and (len(chunk) >= size or weight + heavy > MAX_TASK_BYTES):
            yield chunk
            chunk, weight = [], 0
        chunk.append(task)
        weight += heavy
    if chunk:
        yield chunk


def _chain(again: deque[list[Task]], chunks: Iterator[list[Task]]) -> Iterator[list[Task]]:
    """The tasks to run again first, then the rest."""
    while True:
        if again:
            yield again.popleft()
            continue
        chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


def _said(err: BaseException) -> str:
    """An error's type and the first line of its message."""
    message = str(err).splitlines()[0] if str(err) else ""
    return f"{type(err).__name__}: {message}" if message else type(err).__name__


def _skipped(task: Task, why: str) -> Done:
    return task.index, pack_outcome(Outcome(task.index, task.name, task.prefix, skipped=why)), \
        False, None  # fmt: skip


def _reachable(address: str) -> None:
    """A quick, clear error for an address that is malformed or where nothing listens."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        host, port = parse_host_port(location) if scheme in ("tcp", "tls") else (None, None)
    except (ValueError, TypeError) as err:
        raise ClusterError(
            f"--scheduler {address!r}: not a scheduler's address ({err}); "
            "give one such as tcp://10.0.0.5:8786, or 'local'"
        ) from None
    if host is None or port is None:
        return
    try:
        socket.create_connection((host, port), timeout=CONNECT_TIMEOUT).close()
    except OSError as err:
        raise ClusterError(
            f"cannot reach the scheduler at {address}: {err.strerror or err}"
        ) from None
