"""Running a function over many items on several processes, a few items at a time.

At most a few batches are in flight at once, so neither the work queued nor the results
waiting to be collected grow with the number of items. The process machinery is imported
only when processes are started: a run that has nothing to read does not pay for it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

BATCHES_IN_FLIGHT = 4  # per process


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on every platform
        return max(os.cpu_count() or 1, 1)


#: ``--jobs`` is lowered to this many processes per core: more only add memory and
#: switching (5,000 processes for 400 documents took 40 times as long and 2 times the cores
#: already gain nothing on work that only computes).
MAX_JOBS_PER_CORE = 2


def job_limit() -> int:
    """The most processes a run starts: ``MAX_JOBS_PER_CORE`` for each core it may use."""
    return MAX_JOBS_PER_CORE * default_jobs()


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _context() -> multiprocessing.context.BaseContext:
    # A fresh server process to fork workers from: safe in a program that runs threads.
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def map_batches(
    func: Callable[[list[T]], list[R]], items: Iterable[T], *, jobs: int, batch: int
) -> Iterator[R]:
    """``func`` over ``items`` in batches; results come as batches finish, in any order.

    With ``jobs`` 1 everything runs here, in this process.
    """
    if jobs <= 1:
        for chunk in batched(items, batch):
            yield from func(chunk)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        pending: set[Future[list[R]]] = set()
        for chunk in batched(items, batch):
            pending.add(pool.submit(func, chunk))
            if len(pending) >= jobs * BATCHES_IN_FLIGHT:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()
