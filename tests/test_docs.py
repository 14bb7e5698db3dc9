"""The README stays true: every command is documented, CI runs the README's test command, and
each example's output is the real one (TIMELINE_REGEN_GOLDEN=1 rewrites them on purpose)."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        names += [f"{name} {sub}" for sub in subcommands] if subcommands else [name]
    return sorted(names)


def test_commands_are_found() -> None:
    assert {"show", "export", "extract", "check", "review", "explain"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"timeline {command}" in README


def _shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.S)


def test_readme_starts_with_the_two_commands() -> None:
    first, second = _shell_blocks(README)[:2]
    assert first.strip().endswith("pip install . && timeline show")
    assert second.strip().endswith("pip install -e '.[test]' && python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    test_command = _shell_blocks(README)[1].strip().split(" && ", 2)[-1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- examples
#: A README example: a fenced block whose first line is ``$ timeline ...`` (optionally piped
#: through ``head -N``), followed by the command's standard output, exactly.
EXAMPLE = re.compile(r"^```\n\$ (?P<command>timeline [^\n]*)\n(?P<output>.*?)^```\n", re.S | re.M)
REGEN = os.environ.get("TIMELINE_REGEN_GOLDEN") == "1"
#: The terminal the examples are shown for.
EXAMPLE_ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}


def _examples() -> list[str]:
    return [m.group("command") for m in EXAMPLE.finditer(README)]


def run_example(command: str) -> str:
    """The standard output of a README example, run from the repository's root."""
    words = shlex.split(command)
    lines = None
    if "|" in words:
        cut = words.index("|")
        pipe, words = words[cut + 1 :], words[:cut]
        assert pipe[0] == "head" and len(pipe) == 2, f"only '| head -N' is run: {command}"
        lines = int(pipe[1].removeprefix("-n").lstrip("-"))
    assert words[0] == "timeline"
    result = CliRunner().invoke(app, words[1:], env=EXAMPLE_ENV, catch_exceptions=False)
    assert result.exit_code == 0, (command, result.stderr)
    output = result.stdout
    if lines is not None:
        output = "".join(output.splitlines(keepends=True)[:lines])
    return output


def test_the_readme_has_examples() -> None:
    commands = _examples()
    assert len(commands) >= 5
    assert {c.split()[1] for c in commands} >= {"show", "export", "extract", "check"}


@pytest.mark.parametrize("command", _examples())
def test_readme_example_output_is_the_real_one(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each example's output as the README shows it. After a change meant to alter the output,
    regenerate the README's examples with TIMELINE_REGEN_GOLDEN=1 and read the diff."""
    monkeypatch.chdir(ROOT)
    actual = run_example(command)
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    match = next(m for m in EXAMPLE.finditer(text) if m.group("command") == command)
    if REGEN:
        fixed = actual if actual.endswith("\n") or not actual else actual + "\n"
        path.write_text(text[: match.start("output")] + fixed + text[match.end("output") :],
                        encoding="utf-8")  # fmt: skip
        return
    assert match.group("output") == actual, (
        f"README example '$ {command}' differs from the real output; if the change is meant, "
        "regenerate with TIMELINE_REGEN_GOLDEN=1 and read the diff"
    )


def test_an_example_that_drifts_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    command = next(c for c in _examples() if c.startswith("timeline check"))
    real = run_example(command)
    shown = next(m.group("output") for m in EXAMPLE.finditer(README) if m["command"] == command)
    assert shown == real
    assert shown.replace("5 documents", "4 documents") != real


def test_your_own_documents_steps_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's first steps with one's own documents, run as written in a new folder."""
    section = README.split("## Your own documents", 1)[1]
    steps = [line.split("#", 1)[0].strip() for line in _shell_blocks(section)[0].splitlines()]
    steps = [step for step in steps if step]
    assert steps[0].startswith("timeline init ") and len(steps) >= 4
    folder = shlex.split(steps[0])[2]
    monkeypatch.chdir(tmp_path)
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "gazette.txt").write_text(
        "City Gazette, 3 March 2023\n\nThe Riverside bridge will close on Monday 6 March 2023."
        " It was last inspected in June 2018.\n",
        encoding="utf-8",
    )
    for step in steps:
        words = shlex.split(step)
        assert words[0] == "timeline"
        result = CliRunner().invoke(app, words[1:], env=EXAMPLE_ENV, catch_exceptions=False)
        assert result.exit_code == 0, (step, result.stderr)
    assert (tmp_path / "data/events.yaml").is_file()
    written = [p for p in tmp_path.iterdir() if p.is_file()]
    assert written, "the last step writes the export"
