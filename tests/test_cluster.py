"""Reading on a Dask cluster: a local cluster of two worker processes gives the same output
as one machine, is sent only what the cache misses, and names what fails there.

The tests that need Dask skip, saying why, when the dask extra is not installed; the test
that Dask stays unimported without ``--scheduler`` runs either way.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import pipeline
from timeline.cli import app
from timeline.cluster import QUIET, Cluster, ClusterError, available
from timeline.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
NO_DASK = "needs the dask extra (pip install '.[dask]')"
needs_dask = pytest.mark.skipif(not available(), reason=NO_DASK)

#: A document whose processing kills the worker that reads it (see ``_killer``).
DEADLY = "seeds/zz_deadly.txt"


@pytest.fixture(scope="module")
def cluster():
    """A cluster on this machine: a scheduler here, two worker processes of one thread.

    A task on a worker that dies is marked failed at once (rather than after three more
    workers), so that the test of a document that kills its worker stays short.
    """
    if not available():
        pytest.skip(NO_DASK)
    import distributed

    local = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=logging.CRITICAL, scheduler_kwargs={**QUIET, "allowed_failures": 0},
    )  # fmt: skip
    client = distributed.Client(local, set_as_default=False)
    try:
        yield local, client
    finally:
        client.close()
        local.close()


def _transitions(cluster) -> int:
    """How many changes of state the scheduler's tasks have gone through so far."""
    return cluster[0].scheduler.transition_counter


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed documents and their curated file, with two files that are skipped (binary,
    empty) and one read with a warning (Windows-1252)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "seeds/zz_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "seeds/zz_empty.txt").write_bytes(b"")
    (tmp_path / "seeds/zz_latin.txt").write_bytes(
        b"Caf\xe9 opened on 3 May 2021 \x96 the mayor came.\n"
    )
    return tmp_path


# --------------------------------------------------------------------------- without Dask
def test_dask_is_not_imported_without_a_scheduler(project: Path) -> None:
    code = (
        "import sys\n"
        "from timeline.cli import app\n"
        "try:\n"
        "    app(['extract', 'seeds', '--jobs', '1'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'})\n"
        "print(loaded, 'timeline.cluster' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("TIMELINE_SCHEDULER", None)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True)  # fmt: skip
    assert result.stderr.splitlines()[-1] == "[] False"
    assert result.stdout.count("\n") > 20  # the run did read the documents


def test_without_dask_a_scheduler_says_what_to_install(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("timeline.cluster.available", lambda: False)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails, as when missing
    result = CliRunner().invoke(app, ["extract", "--scheduler", "local"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "timeline: error: running on a cluster needs Dask, which is not installed: "
        "pip install 'timeline[dask]'\n"
    )


# --------------------------------------------------------------------------- the same output
COMMANDS = {
    "extract": ["extract"],
    "show": ["show", "--quotes"],
    "export": ["export", "--format", "json"],
    "check": ["check", "--verbose"],
    "review": ["review", "--format", "text"],
}


@needs_dask
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_command_gives_the_same_output_on_the_cluster(
    project: Path, cluster, command: list[str]
) -> None:
    runner = CliRunner()
    here = runner.invoke(app, [*command, "--no-cache", "--jobs", "1"])
    before = _transitions(cluster)
    there = runner.invoke(app, [*command, "--scheduler", cluster[0].scheduler_address])
    assert _transitions(cluster) > before  # the documents were read on the cluster
    assert "zz_binary.txt: skipped" in here.stderr
    assert "zz_latin.txt: not UTF-8 (byte 3); read as Windows-1252" in here.stderr
    assert (there.exit_code, there.stdout, there.stderr) == (
        here.exit_code, here.stdout, here.stderr,
    )  # fmt: skip


@needs_dask
def test_the_scheduler_can_come_from_the_environment(
    project: Path, cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_SCHEDULER", cluster[0].scheduler_address)
    before = _transitions(cluster)
    result = CliRunner().invoke(app, ["extract", "seeds/001_be30bcefd557b5c9.txt"])
    assert result.exit_code == 0, result.stderr
    assert _transitions(cluster) > before


# --------------------------------------------------------------------------- what travels
@needs_dask
def test_only_the_documents_the_cache_misses_are_sent_and_their_results_cached_here(
    project: Path, cluster
) -> None:
    seeds = [Path("seeds")]
    with Cluster(client=cluster[1]) as engine:
        first = extract(seeds, engine=engine)
        assert (engine.sent, first.cached) == (8, 0)  # every file, the one unreadable too
        second = extract(seeds, engine=engine)
        assert (engine.sent, second.cached) == (8 + 2, 6)  # only the two that failed again
        Path("seeds/002_f82ba60ffd874853.txt").write_text("Closed on 2 June 2020.\n")
        third = extract(seeds, engine=engine)
        assert (engine.sent, third.cached) == (10 + 3, 5)
    # Cached here, by this process: a run without the cluster finds them.
    local = extract(seeds, jobs=1)
    assert local.cached == 6
    assert local.candidates == third.candidates
    assert local.collection.skipped == third.collection.skipped


@needs_dask
def test_bytes_are_sent_unless_the_workers_share_the_files(project: Path, cluster) -> None:
    seeds = [Path("seeds")]
    size = sum(path.stat().st_size for path in Path("seeds").iterdir())
    with Cluster(client=cluster[1]) as engine:
        sent = extract(seeds, engine=engine, cache=False)
        assert engine.sent_bytes == size
    with Cluster(client=cluster[1], shared_files=True) as engine:
        shared = extract(seeds, engine=engine, cache=False)
        assert (engine.sent, engine.sent_bytes) == (8, 0)
    assert sent.candidates == shared.candidates == extract(seeds, jobs=1, cache=False).candidates


@needs_dask
def test_a_file_that_cannot_be_read_here_is_skipped_and_not_sent(project: Path, cluster) -> None:
    gone = pipeline.Task(3, "seeds/gone.txt", "seeds/gone.txt", "gone", None, None, None, "x")
    with Cluster(client=cluster[1]) as engine:
        [(index, body, failed, seen)] = engine.map([gone])
        assert engine.sent == 0
    outcome = pipeline.unpack_outcome(body, pipeline.Unpacker(), index, gone.name, gone.prefix)
    assert (index, failed, seen) == (3, False, None)
    here = pipeline.process(replace(gone, cache_dir=None))  # the same, on one machine
    assert (
        outcome.skipped == pipeline.unpack_outcome(here[1], pipeline.Unpacker(), 3, "", "").skipped
    )
    assert outcome.skipped


# --------------------------------------------------------------------------- failures
@pytest.fixture
def sent_whole():
    """This module's functions sent to the workers by value (they cannot import it)."""
    import cloudpickle

    module = sys.modules[__name__]
    cloudpickle.register_pickle_by_value(module)
    try:
        yield
    finally:
        cloudpickle.unregister_pickle_by_value(module)


def _broken(original):
    """``extract_document`` failing on one document, as a bug in the tagger would."""

    def extract_document(document, prefix, **options):
        if document.path == "seeds/003_49eb000967666978.txt":
            raise RuntimeError("no rule for this")
        return original(document, prefix, **options)

    extract_document.__wrapped__ = original
    return extract_document


def _break_it() -> None:
    import timeline.pipeline

    timeline.pipeline.extract_document = _broken(timeline.pipeline.extract_document)


def _mend_it() -> None:
    import timeline.pipeline

    timeline.pipeline.extract_document = timeline.pipeline.extract_document.__wrapped__


@needs_dask
def test_a_document_that_fails_on_a_worker_is_reported_as_on_one_machine(
    project: Path, cluster, sent_whole, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    client = cluster[1]
    client.run(_break_it)
    try:
        there = runner.invoke(app, ["extract", "--scheduler", cluster[0].scheduler_address])
    finally:
        client.run(_mend_it)
    monkeypatch.setattr(pipeline, "extract_document", _broken(pipeline.extract_document))
    here = runner.invoke(app, ["extract", "--no-cache", "--jobs", "1"])
    assert "seeds/003_49eb000967666978.txt: skipped: could not be processed: internal error " \
        "(RuntimeError: no rule for this at test_cluster.py:" in here.stderr  # fmt: skip
    # The same but for where the failing code was: sent to the workers, it has no file.
    there_stderr = there.stderr.replace("<dynamic-code>:", "test_cluster.py:")
    assert (there.exit_code, there.stdout, there_stderr) == (1, here.stdout, here.stderr)


def _failing_batches() -> None:
    """Every task fails on the worker, as when it lacks something the reading needs."""
    import timeline.pipeline

    def process(task):
        raise ImportError("No module named 'bs4'")

    process.__wrapped__ = timeline.pipeline.process
    timeline.pipeline.process = process


def _mend_batches() -> None:
    import timeline.pipeline

    timeline.pipeline.process = timeline.pipeline.process.__wrapped__


@needs_dask
def test_a_task_that_fails_on_a_worker_has_its_documents_named(
    project: Path, cluster, sent_whole
) -> None:
    cluster[1].run(_failing_batches)
    try:
        with Cluster(client=cluster[1]) as engine:
            result = extract([Path("seeds")], engine=engine, cache=False)
    finally:
        cluster[1].run(_mend_batches)
    assert result.candidates == []
    assert [name for name, _ in result.collection.skipped] == sorted(
        f"seeds/{path.name}" for path in Path("seeds").iterdir()
    )
    assert {why for _, why in result.collection.skipped} == {
        "could not be processed on the cluster: ImportError: No module named 'bs4' at "
        "<dynamic-code>:" + str(_failing_batches.__code__.co_firstlineno + 5)
    }


@needs_dask
def test_a_document_that_kills_its_worker_is_named_and_the_others_are_read(
    project: Path, cluster, sent_whole
) -> None:
    from distributed.diagnostics.plugin import WorkerPlugin

    class Deadly(WorkerPlugin):
        """Reading DEADLY ends the worker's process, on every worker, new ones too."""

        def setup(self, worker) -> None:
            import timeline.pipeline

            original = timeline.pipeline.extract_document

            def extract_document(document, prefix, **options):
                if document.path == DEADLY:
                    os._exit(1)
                return original(document, prefix, **options)

            extract_document.__wrapped__ = original
            timeline.pipeline.extract_document = extract_document

        def teardown(self, worker) -> None:
            import timeline.pipeline

            timeline.pipeline.extract_document = timeline.pipeline.extract_document.__wrapped__

    expected = extract([Path("seeds")], jobs=1, cache=False)
    Path(DEADLY).write_text("Opened on 4 July 2019.\n", encoding="utf-8")
    client = cluster[1]
    client.register_plugin(Deadly(), name="deadly")
    try:
        with Cluster(client=client) as engine:
            result = extract([Path("seeds")], engine=engine, cache=False)
    finally:
        client.unregister_worker_plugin("deadly")
    assert result.candidates == expected.candidates
    assert result.collection.skipped == sorted([
        *expected.collection.skipped,
        (DEADLY, "could not be processed: every worker that read it died (out of memory?)"),
    ])  # fmt: skip


@needs_dask
def test_progress_follows_the_documents_as_the_cluster_returns_them(project: Path, cluster) -> None:
    extract([Path("seeds/001_be30bcefd557b5c9.txt")], jobs=1)  # one in the cache
    seen: list[tuple[int, int]] = []
    with Cluster(client=cluster[1]) as engine:
        extract(
            [Path("seeds")], engine=engine, progress=lambda done, total: seen.append((done, total))
        )
        assert engine.sent == 7
    assert seen == [(0, 8), *((done, 8) for done in range(1, 9))]


# --------------------------------------------------------------------------- clear errors
def test_a_scheduler_that_is_not_there_is_a_clear_error(project: Path) -> None:
    if not available():
        pytest.skip(NO_DASK)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    result = CliRunner().invoke(app, ["show", "--scheduler", address])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"timeline: error: cannot reach the scheduler at {address}: Connection refused\n"
    )
    result = CliRunner().invoke(app, ["show", "--scheduler", "scheduler-host"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "timeline: error: --scheduler 'scheduler-host': not a scheduler's address"
    )


@needs_dask
def test_a_scheduler_without_workers_is_a_clear_error(project: Path) -> None:
    import distributed

    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=None,
                                  silence_logs=logging.CRITICAL,
                                  scheduler_kwargs=QUIET) as empty:  # fmt: skip
        address = empty.scheduler_address
        with pytest.raises(ClusterError) as raised, Cluster(address, no_workers_timeout=0.2) as c:
            extract([Path("seeds")], engine=c)
    assert str(raised.value) == (
        f"the scheduler at {address} has no workers (waited 0 s): start some with "
        f"'dask worker {address} --nthreads 1 --nworkers N'"
    )


@needs_dask
def test_large_documents_travel_a_few_to_a_task_and_quietly(
    project: Path, cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dask

    from timeline import cluster as module

    monkeypatch.setattr(module, "MAX_TASK_BYTES", 7_000)
    sizes = {path.name: path.stat().st_size for path in Path("seeds").iterdir()}
    tasks = [
        pipeline.Task(i, f"seeds/{name}", name, str(i), None, None, None, "x")
        for i, name in enumerate(sorted(sizes))
    ]
    chunks = [[sizes[task.name] for task in chunk] for chunk in module._batches(tasks, 32)]
    assert chunks == [[2199], [7221], [3061], [4050], [6149, 350, 0, 44]]
    # Dask warns of a task of more than a set size (10 MB unless set): not here, where a
    # document may be that large.
    with dask.config.set({"distributed.admin.large-graph-warning-threshold": "1kB"}):
        with Cluster(client=cluster[1], shared_files=False) as engine:
            result = extract([Path("seeds")], engine=engine, cache=False)
    assert result.candidates == extract([Path("seeds")], jobs=1, cache=False).candidates


@needs_dask
def test_a_local_cluster_of_its_own_keeps_no_document_sent(project: Path) -> None:
    """``--scheduler local``: a cluster started for the run, and stopped after it. Dask keeps
    the last thousand messages of each connection for its developers; the documents sent
    must not be kept with them (at most those of the last task are still about)."""
    originals = sorted(Path("seeds").iterdir())
    for copy in range(3):
        Path(f"seeds/copy-{copy}").mkdir()
        for path in originals:
            shutil.copy(path, f"seeds/copy-{copy}/{path.name}")
    expected = extract([Path("seeds")], jobs=1, cache=False)
    with Cluster("local", workers=1, shared_files=False) as engine:
        result = extract([Path("seeds")], engine=engine, cache=False)
        assert engine.sent == 32  # in four tasks of eight
        # The scheduler forgets the tasks done a moment after they are released.
        deadline = time.monotonic() + 10
        while len(_sent_and_kept()) > 8 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(_sent_and_kept()) <= 8
    assert result.candidates == expected.candidates


def _sent_and_kept() -> list[pipeline.Task]:
    """The documents of copy folders still in memory, as sent (their bytes)."""
    gc.collect()
    kept = [o for o in gc.get_objects() if isinstance(o, pipeline.Task)]
    return [task for task in kept if isinstance(task.source, bytes) and "/copy-" in task.name]
