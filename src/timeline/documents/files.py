"""Finding the files to read: folders walked in a stable order, globs, hidden files, stdin."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from ..errors import DocumentError

#: The path that stands for standard input, and the name its document is shown under.
STDIN = Path("-")
STDIN_NAME = "<stdin>"


def display_path(path: Path, base: Path | None = None) -> str:
    """The path as users see it and write it in the curated file: relative where possible."""
    return DisplayPaths(base)(path)


class DisplayPaths:
    """``display_path`` for many files: the base and each folder are resolved only once.

    A file's real path is its folder's real path and its name, unless the file is itself a
    symbolic link, which is then followed (as ``Path.resolve`` would).
    """

    def __init__(self, base: Path | None = None) -> None:
        base_name = (base or Path.cwd()).resolve().as_posix()
        self._base = base_name if base_name.endswith("/") else base_name + "/"
        self._folders: dict[str, str] = {}

    def __call__(self, path: Path) -> str:
        if path == STDIN:
            return STDIN_NAME
        resolved = self.resolve(path)
        if resolved.startswith(self._base):
            return resolved[len(self._base) :]
        return "." if resolved + "/" == self._base else resolved

    def resolve(self, path: Path) -> str:
        """``path.resolve().as_posix()``, with fewer calls to the file system."""
        name = path.name
        if name in ("", ".", ".."):
            return path.resolve().as_posix()
        parent = path.parent
        key = str(parent)
        folder = self._folders.get(key)
        if folder is None:
            folder = self._folders[key] = parent.resolve().as_posix()
        resolved = folder + name if folder.endswith("/") else f"{folder}/{name}"
        return path.resolve().as_posix() if os.path.islink(resolved) else resolved


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
    and so is anything in ``exclude`` (the curated file), with the backups the tool makes of
    it (``events.yaml.bak``, ``events.yaml.bak.2`` …). Files found in folders must match one
    of ``include_globs`` (when any are given) and none of ``exclude_globs``; a folder matching
    ``exclude_globs`` is not entered. A file named explicitly is always read, and ``-`` stands
    for standard input. Missing paths raise DocumentError.
    """
    excluded = {p.resolve().as_posix() for p in exclude}
    includes, excludes = list(include_globs), list(exclude_globs)
    resolver = DisplayPaths()
    for path in paths:
        if path == STDIN:
            yield path, True
            continue
        if not path.exists():
            raise DocumentError(str(path), "no such file or folder")
        if path.is_file():
            if path.resolve().as_posix() not in excluded:
                yield path, True
            continue
        yield from _walk(path, excluded, includes, excludes, resolver)


def _walk(
    top: Path,
    excluded: set[str],
    includes: list[str],
    excludes: list[str],
    resolver: DisplayPaths,
) -> Iterator[tuple[Path, bool]]:
    excluded_names = {PurePosixPath(p).name for p in excluded}
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
            if name.startswith(".") or _is_excluded(candidate, excluded, excluded_names, resolver):
                continue
            if includes and not matches(relative, includes):
                continue
            if matches(relative, excludes):
                continue
            yield candidate, False


def _is_excluded(path: Path, excluded: set[str], names: set[str], resolver: DisplayPaths) -> bool:
    """Whether ``path`` is one of the ``excluded`` real paths (a symbolic link to one is too),
    or a backup of one, next to it."""
    if not excluded:
        return False
    backup = _BACKUP.fullmatch(path.name)
    if backup is not None:
        return resolver.resolve(path.with_name(backup.group(1))) in excluded
    if path.name not in names and not path.is_symlink():
        return False
    return resolver.resolve(path) in excluded


#: The backups the tool makes of the curated file before changing it (see curation.append).
_BACKUP = re.compile(r"(.+)\.bak(?:\.[1-9][0-9]*)?")
