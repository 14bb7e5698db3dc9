"""The command line speaks in words: help placeholders, usage errors, and filters that can only
give an empty timeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from timeline.cli import app

#: What Python, pydantic or typer would say instead of words.
INTERNALS = re.compile(
    r"<(?:list|int|str|path|float|bool)|range>|Value error|Input should|is not one of|"
    r"Traceback|pydantic|ValidationError",
    re.IGNORECASE,
)


def _commands() -> list[list[str]]:
    group = typer.main.get_command(app)
    found = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        found += [[name, sub] for sub in subcommands] if subcommands else [[name]]
    return found


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/001_gazette.txt").write_text(
        "The bridge closed in June 2018 and reopened on 3 March 2023.\n", encoding="utf-8"
    )
    (tmp_path / "docs/002_herald.txt").write_text("It was rebuilt in 2021.\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data/events.yaml").write_text(
        "documents: docs/\nevents:\n  001:june-2018:\n    tags: [closure, Repairs]\n",
        encoding="utf-8",
    )
    return tmp_path


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_names_values_in_words(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert not INTERNALS.search(result.stdout), INTERNALS.search(result.stdout)
    if "--jobs" in result.stdout:
        assert "FOLDER|FILE..." in result.stdout and "-j, --jobs N" in result.stdout
        assert "--curation FILE" in result.stdout and "--exclude GLOB" in result.stdout


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("show", "show [OPTIONS] [FOLDER|FILE]...\n"),
        ("explain", "explain [OPTIONS] {ID} [FOLDER|FILE]...\n"),
        ("init", "init [OPTIONS] [FOLDER]\n"),
    ],
)
def test_usage_line_names_the_arguments(command: str, usage: str) -> None:
    """Optional in brackets (once), required in braces, several with dots: in help and in the
    usage printed above an error, whichever typer is installed."""
    assert f"Usage: timeline {usage}" in run(command, "--help").stdout
    error = run(command, "--no-such-option")
    assert error.exit_code == 2 and f"Usage: timeline {usage}" in error.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--group-by", "week"], "--group-by': must be year, month or none, not 'week'"),
        (["export", "--group-by", "Week"], "must be year, month or none, not 'Week'"),
        (["show", "--jobs", "0"], "'--jobs' / '-j': must be 1 or more, not '0'"),
        (["review", "-j", "two"], "must be a whole number, 1 or more, not 'two'"),
        (["export", "--format", "xml"], "must be markdown, csv, json, html, timelinejs, mermaid"),
        (["extract", "-f", "yaml"], "must be jsonl or json, not 'yaml'"),
        (["check", "-f", "xml"], "must be text or json, not 'xml'"),
        (["review", "-f", "csv"], "must be yaml, text or json, not 'csv'"),
        (["explain", "001:x", "-f", "csv"], "must be text or json, not 'csv'"),
    ],
)
def test_usage_errors_in_words(project: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not INTERNALS.search(result.stderr)


def test_choices_in_any_case(project: Path) -> None:
    assert run("show", "--group-by", "MONTH").exit_code == 0
    assert run("export", "-f", "CSV").stdout.startswith("date,")


def test_an_inverted_range_is_an_error_before_any_document_is_read(project: Path) -> None:
    result = run("show", "no-such-folder/", "--from", "2023", "--to", "2022")
    assert result.exit_code == 2
    assert "--from 2023 is after --to 2022: no event can fall in that range" in result.stderr
    assert "no-such-folder" not in result.stderr
    assert run("show", "--from", "2022", "--to", "2022").exit_code == 0  # one year is a range


def test_an_unknown_tag_lists_the_tags(project: Path) -> None:
    result = run("show", "--tag", "closures")
    assert result.exit_code == 2
    assert "--tag 'closures': no event has this tag; the tags are: closure, Repairs" in (
        result.stderr
    )
    assert run("show", "--tag", "closures", "--tag", "repairs").exit_code == 0  # one is known


def test_an_unknown_source_lists_the_sources(project: Path) -> None:
    result = run("export", "-f", "csv", "--source", "*gazete*")
    assert result.exit_code == 2
    assert "--source '*gazete*': no source of an event matches; the sources are: " in (
        result.stderr
    )
    assert "docs/001_gazette.txt, docs/002_herald.txt" in result.stderr
    assert run("export", "-f", "csv", "--source", "*gazette*").exit_code == 0
