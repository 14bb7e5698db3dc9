"""The README stays true: every command is documented, and CI runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

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
