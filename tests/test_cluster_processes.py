"""A real Dask scheduler and two workers, each a process of its own on 127.0.0.1, started as
a user starts them (``dask scheduler``, ``dask worker``): the command line run against them
gives what a run on one machine gives, even when a worker is killed halfway through; and
every process the test started is gone at the end, whatever happened.

Skipped, saying why, when the dask extra is not installed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.cluster import available

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not available(), reason="needs the dask extra (pip install '.[dask]')"
)

DOCUMENTS = 600  # in the run a worker is killed in
STARTING = 60.0  # seconds the scheduler and workers may take to start, at most
RUNNING = 120.0  # seconds a run may take, at most


@contextmanager
def _processes(logs: Path) -> Iterator[Callable[..., subprocess.Popen]]:
    """``start(name, argv, **options)`` starts a process in a session of its own, its standard
    error (and output, unless ``stdout`` is given) in ``logs/name.log``; at the end each such
    session is ended and checked empty."""
    started: list[subprocess.Popen] = []

    def start(name: str, argv: list[str], **options) -> subprocess.Popen:
        log = (logs / f"{name}.log").open("wb")
        options.setdefault("stdout", log)
        process = subprocess.Popen(argv, stderr=log, start_new_session=True, **options)
        log.close()
        started.append(process)
        return process

    try:
        yield start
    finally:
        for process in reversed(started):  # workers before their scheduler
            _signal(process, signal.SIGTERM)
        for process in reversed(started):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                _signal(process, signal.SIGKILL)
                process.wait(timeout=15)
        strays = [process.args for process in started if _group_alive(process)]
        for process in started:
            _signal(process, signal.SIGKILL)
        assert not strays, f"processes left running: {strays}"


def _signal(process: subprocess.Popen, which: signal.Signals) -> None:
    try:
        os.killpg(process.pid, which)  # the process and any it started
    except ProcessLookupError:
        pass


def _group_alive(process: subprocess.Popen) -> bool:
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        return False
    return True


def _until(condition: Callable[[], object], what: str, timeout: float = STARTING) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what} after {timeout:.0f} s")


def _collection(folder: Path, count: int) -> None:
    """``count`` documents made of the seed documents' paragraphs, each its own mix."""
    paragraphs = [
        block
        for path in sorted((ROOT / "seeds").iterdir())
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if len(block) > 40
    ]
    rng = random.Random(15)
    for number in range(count):
        sub = folder / f"{number // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = "\n\n".join(rng.sample(paragraphs, 12))
        (sub / f"{number:04d}.txt").write_text(f"Document {number}\n\n{text}\n", encoding="utf-8")
    (folder / "picture.txt").write_bytes(b"\x89PNG\x00\x00" * 40)  # skipped, with a warning


def _entries(cache: Path) -> int:
    return sum(1 for _ in (cache / "documents").glob("*/*.entry"))


def test_a_real_scheduler_and_workers_give_the_same_output_when_a_worker_dies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _collection(tmp_path / "docs", DOCUMENTS)
    elsewhere = tmp_path / "elsewhere"  # the workers' folder: no document is found from it
    elsewhere.mkdir()
    logs = tmp_path / "logs"
    logs.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("TIMELINE_SCHEDULER", None)
    runner = CliRunner()
    small = ["extract", "docs/00", "docs/picture.txt"]
    here_small = runner.invoke(app, [*small, "--no-cache"])
    here = runner.invoke(app, ["extract", "docs", "--no-cache"])
    assert here.exit_code == 1 and "docs/picture.txt: skipped: binary file" in here.stderr

    with _processes(logs) as start:
        address_file = tmp_path / "scheduler.json"
        dask = [sys.executable, "-m", "dask"]
        scheduler = [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(address_file)]  # fmt: skip
        start("scheduler", scheduler, env=env)
        address = _until(lambda: address_file.exists() and _address(address_file), "scheduler")
        worker = [*dask, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                  "--host", "127.0.0.1"]  # fmt: skip
        workers = [start(f"worker-{n}", worker, cwd=elsewhere, env=env) for n in range(2)]
        _until(lambda: _workers(address) == 2, "two workers")

        # Workers that read the files themselves, at their absolute paths.
        shared = runner.invoke(app, [*small, "--scheduler", address, "--shared-files"])
        assert (shared.exit_code, shared.stdout, shared.stderr) == (
            here_small.exit_code, here_small.stdout, here_small.stderr,
        )  # fmt: skip

        # Workers sent the bytes; one of them killed halfway through.
        cache = tmp_path / "cache"
        command = [sys.executable, "-m", "timeline", "extract", "docs", "--scheduler", address]
        run = start("timeline", command, env={**env, "TIMELINE_CACHE_DIR": str(cache)},
                    stdout=subprocess.PIPE)  # fmt: skip
        _until(lambda: _entries(cache) >= DOCUMENTS // 2 or run.poll() is not None,
               "half the documents", RUNNING)  # fmt: skip
        assert run.poll() is None, "the run ended before a worker could be killed"
        workers[1].kill()
        assert workers[1].wait(timeout=15) == -signal.SIGKILL
        stdout, _ = run.communicate(timeout=RUNNING)
        assert (run.returncode, stdout.decode()) == (here.exit_code, here.stdout)
        assert (logs / "timeline.log").read_text() == here.stderr
        assert _entries(cache) == DOCUMENTS
        assert workers[0].poll() is None


def _address(path: Path) -> str | None:
    try:
        return json.loads(path.read_text())["address"]
    except (OSError, ValueError, KeyError):
        return None


def _workers(address: str) -> int:
    import distributed

    with distributed.Client(address, timeout=10, set_as_default=False) as client:
        return len(client.scheduler_info(n_workers=-1)["workers"])
