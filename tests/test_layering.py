"""The core is a library: only the command line and the terminal renderer use typer or rich."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "timeline"
UI_MODULES = {"cli.py", "__main__.py", "render/terminal.py"}
UI_LIBRARIES = {"typer", "rich", "click"}


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


CORE = sorted(
    p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).as_posix() not in UI_MODULES
)


def test_the_core_modules_were_found() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in CORE}
    assert {"dates.py", "pipeline.py", "tagger/__init__.py", "render/markdown.py"} <= names


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_imports_no_ui_library(path: Path) -> None:
    assert not _imported_roots(path) & UI_LIBRARIES


def test_using_the_library_loads_no_ui_library() -> None:
    code = (
        "import sys, timeline\n"
        "from timeline import build, tag, DateValue\n"
        "from timeline.render import render\n"
        "tag('In June 2018.')\n"
        "render('markdown', [])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'typer', 'rich', 'click'}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]"
