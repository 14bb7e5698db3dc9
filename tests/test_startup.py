"""What a run imports: the tagger only when a document has to be tagged.

Each run is a fresh process (this one has imported everything already), which writes the
names of the modules it imported to a file. Speed itself is measured by
``benchmarks/startup.py``, not here.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

#: The tagger's machinery; ``timeline.tagger.vocab`` (word tables) is light and may be read.
HEAVY = {"patterns", "rules", "scan", "resolve", "combine", "guards", "periods", "tense"}

def _probe(result: str) -> str:
    """A program that runs the command line given after its first argument, then writes
    ``result`` (an expression) as JSON to the file that argument names."""
    return f"""
import gc, json, sys
listing = sys.argv.pop(1)
from timeline.cli import main
try:
    main()
except SystemExit:
    pass
with open(listing, "w", encoding="utf-8") as out:
    json.dump({result}, out)
"""


PROBE = _probe("sorted(sys.modules)")


def _imported(tmp_path: Path, *args: str) -> set[str]:
    listing = tmp_path / "modules.json"
    argv = [sys.executable, "-c", PROBE, str(listing), *args]
    subprocess.run(argv, cwd=tmp_path, capture_output=True, check=False, timeout=120)
    return set(json.loads(listing.read_text(encoding="utf-8")))


#: The event stage's rules (titles, noise, grouping by words), also needed only to tag.
EVENT_STAGE = {"timeline.events.titles", "timeline.events.noise", "timeline.events.words"}


def _tagger_parts(modules: set[str]) -> set[str]:
    tagger = {m.rsplit(".", 1)[-1] for m in modules if m.startswith("timeline.tagger.")} & HEAVY
    return tagger | (modules & EVENT_STAGE)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "001_note.txt").write_text(
        "The bridge closed on 3 March 2023 and reopened in June 2023.\n", encoding="utf-8"
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text("# corrections\n", encoding="utf-8")
    return tmp_path


def test_help_does_not_load_the_tagger(tmp_path: Path) -> None:
    for args in (["--help"], ["show", "--help"], ["--version"]):
        modules = _imported(tmp_path, *args)
        assert "timeline.cli" in modules
        assert not _tagger_parts(modules), args
        assert "timeline.pipeline" not in modules, args


def test_a_cached_run_does_not_load_the_tagger(project: Path) -> None:
    first = _imported(project, "show", "docs", "--no-color")
    assert _tagger_parts(first) >= {"patterns", "rules", "resolve"}  # the probe sees them
    for command in ("show", "export"):
        modules = _imported(project, command, "docs")
        assert "timeline.pipeline" in modules, command
        assert not _tagger_parts(modules), command


def test_a_cached_run_of_text_looks_up_no_library_version(project: Path) -> None:
    """The versions of the libraries that read PDF and Word key only the entries of those
    formats: a run of text documents imports neither ``importlib.metadata`` nor the
    e-mail package it reads the installed distributions' records with."""
    _imported(project, "show", "docs", "--no-color")
    for command in ("show", "export"):
        modules = _imported(project, command, "docs")
        assert "timeline.cache" in modules, command
        assert not {"importlib.metadata", "email", "email.utils"} & modules, command


COLLECTOR_PROBE = _probe('{"frozen": gc.get_freeze_count(), "enabled": gc.isenabled()}')


def test_the_script_freezes_what_starting_made_and_collects_again(project: Path) -> None:
    """``main`` pauses the garbage collector while a command starts; before documents are
    read, what was made is frozen out of the collector's passes and it is turned back on."""
    listing = project / "collector.json"
    for _ in range(2):  # the second run finds the document in the cache
        argv = [sys.executable, "-c", COLLECTOR_PROBE, str(listing), "show", "docs"]
        subprocess.run(argv, cwd=project, capture_output=True, check=True, timeout=120)
        state = json.loads(listing.read_text(encoding="utf-8"))
        assert state["enabled"] is True
        assert state["frozen"] > 10_000  # the modules, typer's commands, the curated file


def test_commands_run_within_another_program_leave_its_collector_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from timeline.cli import app

    monkeypatch.chdir(project)
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(app, ["show", "docs", "--no-color"])
    assert result.exit_code == 0 and "2023" in result.stdout
    assert gc.get_freeze_count() == frozen and gc.isenabled()
