"""Finding the files to read: folders walked in a stable order, globs, hidden files, stdin."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from ..errors import DocumentError

#: The path that stands for standard input, and the name its document is shown under.
STDIN = Path("-")
STDIN_NAME = "<stdin>"


def display_path(path: Path, base: Path | None = None) -> str:
    """The path as users see it and write it in the curated file: relative where possible."""
    if path == STDIN:
        return STDIN_NAME
    base = (base or Path.cwd()).resolve()
    resolved = path.resolve()
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        return resolved.as_posix()


def matches(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a path relative to the folder given matches one of the glob ``patterns``.

    A pattern with a ``/`` is matched against the whole relative path (``*`` crosses folders:
    ``drafts/*``); one without is matched against the file or folder name (``*.pdf``).
    """
    name = PurePosixPath(relative).name
    return any(fnmatchcase(relative if "/" in p else name, p.rstrip("/")) for p in patterns)


def iter_files(
    paths: Iterable[Path],
    exclude: Iterable[Path] = (),
    *,
    include_globs: Iterable[str] = (),
    exclude_globs: Iterable[str] = (),
) -> Iterator[tuple[Path, bool]]:
    """Files under ``paths`` in a stable order, each with whether it was named explicitly.

    Folders are walked recursively in sorted order; hidden files and folders are skipped there,
    and so is anything in ``exclude`` (the curated file). Files found in folders must match one
    of ``include_globs`` (when any are given) and none of ``exclude_globs``; a folder matching
    ``exclude_globs`` is not entered. A file named explicitly is always read, and ``-`` stands
    for standard input. Missing paths raise DocumentError.
    """
    excluded = {p.resolve() for p in exclude}
    includes, excludes = list(include_globs), list(exclude_globs)
    for path in paths:
        if path == STDIN:
            yield path, True
            continue
        if not path.exists():
            raise DocumentError(str(path), "no such file or folder")
        if path.is_file():
            if path.resolve() not in excluded:
                yield path, True
            continue
        yield from _walk(path, excluded, includes, excludes)


def _walk(
    top: Path, excluded: set[Path], includes: list[str], excludes: list[str]
) -> Iterator[tuple[Path, bool]]:
    for root, dirs, files in os.walk(top):
        here = Path(root)
        rel_root = here.relative_to(top).as_posix()
        rel_root = "" if rel_root == "." else rel_root + "/"
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not matches(rel_root + d, excludes)
        )
        for name in sorted(files):
            candidate = here / name
            relative = rel_root + name
            if name.startswith(".") or candidate.resolve() in excluded:
                continue
            if includes and not matches(relative, includes):
                continue
            if matches(relative, excludes):
                continue
            yield candidate, False
