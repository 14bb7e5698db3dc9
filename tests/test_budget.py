"""The time limit for one document: the work interrupted, the document skipped with its
reason, the run going on, on one process or several."""

from __future__ import annotations

import multiprocessing
import re
import signal
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import budget, pipeline
from timeline.budget import DEFAULT_TIME_LIMIT, OverTime, limited, time_limit_from_environment
from timeline.cli import app
from timeline.errors import TimelineError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
#: Dates and nothing else, on one line: read at tens of CPU seconds per MB.
SLOW = ", ".join(["May 1, 2020", "12 March 1999", "last Friday", "Q3 2019"] * 8000)


def _spin() -> None:
    while True:
        pass


def _backtrack() -> None:
    re.match(r"(a+)+$", "a" * 64 + "b")  # years of backtracking in one call of the engine


@pytest.mark.parametrize("work", [_spin, _backtrack])
def test_work_over_its_limit_is_interrupted(work) -> None:
    started = time.process_time()
    with pytest.raises(OverTime), limited(0.2):
        work()
    assert time.process_time() - started < 30  # (interrupted, whatever the machine's load)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, None)


def test_work_within_its_limit_is_left_alone() -> None:
    for seconds in (None, 0, 5.0):
        with limited(seconds):
            total = sum(range(1000))
        assert total == 499500
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_a_timer_of_the_caller_is_set_again() -> None:
    fired = []
    previous = signal.signal(signal.SIGPROF, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_PROF, 50.0)
        with limited(5.0):
            pass
        left, _ = signal.getitimer(signal.ITIMER_PROF)
        assert 40 < left <= 50.1
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def test_work_in_another_thread_is_interrupted() -> None:
    caught: list[BaseException] = []

    def run() -> None:
        try:
            with limited(0.2):
                _spin()
        except OverTime as err:
            caught.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(120)
    assert not thread.is_alive() and caught
    assert [t for t in threading.enumerate() if t.name == "timeline-time-limit"] == []


@pytest.mark.parametrize(
    ("value", "limit"), [(None, DEFAULT_TIME_LIMIT), ("", DEFAULT_TIME_LIMIT), ("30", 30.0),
                         ("2.5", 2.5), ("0", None)]
)  # fmt: skip
def test_the_limit_from_the_environment(monkeypatch, value: str | None, limit) -> None:
    if value is None:
        monkeypatch.delenv(budget.ENV, raising=False)
    else:
        monkeypatch.setenv(budget.ENV, value)
    assert time_limit_from_environment() == limit


@pytest.mark.parametrize("value", ["abc", "-1", "inf", "nan"])
def test_a_limit_that_is_no_number_of_seconds_is_an_error(monkeypatch, value: str) -> None:
    monkeypatch.setenv(budget.ENV, value)
    with pytest.raises(TimelineError, match=f"{budget.ENV}="):
        time_limit_from_environment()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a-slow.txt").write_text(SLOW, encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_the_limit_is_skipped_and_the_run_goes_on(
    tmp_path: Path, monkeypatch, jobs: int
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)  # worker processes even so
    folder = _folder(tmp_path)
    result = pipeline.extract([folder], jobs=jobs, cache=False, time_limit=1.5)
    assert [name for name, _ in result.collection.skipped] == [f"{folder}/a-slow.txt"]
    assert "took more than 1.5 s of CPU time" in result.collection.skipped[0][1]
    assert len(result.documents) == 2 and result.candidates
    assert multiprocessing.active_children() == []  # no worker left behind


def test_the_command_line_names_the_document_and_exits_1(tmp_path: Path, monkeypatch) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setenv(budget.ENV, "1.5")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(app, ["extract", str(folder), "--jobs", "1"])
    assert result.exit_code == 1
    assert "a-slow.txt: skipped: took more than 1.5 s of CPU time" in result.stderr
    assert f"{budget.ENV} to more seconds" in result.stderr
    monkeypatch.setenv(budget.ENV, "soon")
    result = CliRunner().invoke(app, ["extract", str(folder), "--jobs", "1"])
    assert result.exit_code == 2
    assert f"{budget.ENV}='soon': not a number of seconds" in result.stderr
