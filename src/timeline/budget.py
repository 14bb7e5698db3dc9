"""A time limit for reading one document: the CPU seconds it may take before it is given up.

Reading grows with a document's size whatever its shape, but a very large or unusual file
can still take minutes; the limit keeps one such file from stalling a whole collection. It
counts CPU time, not time on the clock, so that a busy machine does not make a document
fail that an idle one reads.

In a process's main thread (``--jobs 1``, and the worker processes of ``--jobs N``), the
limit is a CPU-time interval timer whose signal interrupts the work wherever it is, the
regular-expression engine included. Elsewhere (a thread of a Dask worker), a watchdog
thread reads the working thread's CPU clock and raises the same exception in it, which
Python delivers between two steps of its own code (a single long step of the engine runs
to its end first). Where neither is available, documents have no limit.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from .errors import TimelineError

#: CPU seconds a document may take by default: the slowest shapes of text are read at a few
#: seconds per MB, ordinary prose at a few tenths.
DEFAULT_TIME_LIMIT = 120.0
ENV = "TIMELINE_TIME_LIMIT"
#: Once over, the work is interrupted again this often until it stops (should it swallow
#: the first interruption).
_AGAIN = 1.0


class OverTime(BaseException):  # noqa: N818 - not an error of the program, a limit reached
    """Raised in the work that went over its time limit. A BaseException, so that no
    ``except Exception`` on the way can take it for a failure of its own."""


def time_limit_from_environment() -> float | None:
    """The limit ``TIMELINE_TIME_LIMIT`` sets (seconds; 0 for none), else the default."""
    text = os.environ.get(ENV, "").strip()
    if not text:
        return DEFAULT_TIME_LIMIT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not (value >= 0 and value != float("inf")):
        raise TimelineError(f"{ENV}={text!r}: not a number of seconds (0 for no limit)")
    return value or None


def describe(seconds: float) -> str:
    """The reason given for a document over ``seconds``."""
    return (
        f"took more than {seconds:g} s of CPU time to read, the time limit for a document "
        f"(set {ENV} to more seconds, or to 0 for no limit)"
    )


@contextmanager
def limited(seconds: float | None) -> Iterator[None]:
    """Raise :class:`OverTime` in the work of the ``with`` block once it has taken
    ``seconds`` of CPU time (no limit if ``seconds`` is None or 0)."""
    import signal  # (here, not with the module: a run with no document to read needs none)
    import threading

    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _by_signal(seconds):
            yield
    elif _async_exc() is not None and hasattr(time, "pthread_getcpuclockid"):
        with _by_watchdog(seconds):
            yield
    else:
        yield


@contextmanager
def _by_signal(seconds: float) -> Iterator[None]:
    import signal

    active = True

    def over(signum: int, frame: FrameType | None) -> None:
        if active:
            raise OverTime

    previous = signal.signal(signal.SIGPROF, over)
    before = signal.setitimer(signal.ITIMER_PROF, seconds, _AGAIN)
    started = time.process_time()
    try:
        yield
    finally:
        active = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if before[0] > 0:  # a timer of the caller's: set again, less the time spent here
            left = before[0] - (time.process_time() - started)
            signal.setitimer(signal.ITIMER_PROF, max(left, 1e-6), before[1])


def _async_exc() -> Any:
    """``PyThreadState_SetAsyncExc`` of CPython (None elsewhere): an exception raised in
    another thread when it next runs Python code."""
    import ctypes

    return getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)


@contextmanager
def _by_watchdog(seconds: float) -> Iterator[None]:
    import ctypes
    import threading

    raise_in = _async_exc()
    worker = threading.get_ident()
    clock = time.pthread_getcpuclockid(worker)
    limit = time.clock_gettime(clock) + seconds
    lock, done = threading.Lock(), threading.Event()
    raised = 0

    def watch() -> None:
        nonlocal raised
        while not done.wait(min(max(limit - time.clock_gettime(clock), 0.01), _AGAIN)):
            with lock:
                if not done.is_set() and time.clock_gettime(clock) >= limit:
                    raise_in(ctypes.c_ulong(worker), ctypes.py_object(OverTime))
                    raised += 1

    watchdog = threading.Thread(target=watch, name="timeline-time-limit", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        with lock:
            done.set()
        watchdog.join()
        if raised:
            _let_arrive()


def _let_arrive() -> None:
    """Let an exception raised in this thread by the watchdog but not yet delivered arrive
    here (it is delivered at the next loop), rather than in the code that follows. (Taking
    it back instead, by raising nothing in its place, leaves CPython 3.11 checking for it at
    every step of every thread from then on.)"""
    try:
        for _ in range(10_000):
            pass
    except OverTime:
        pass
