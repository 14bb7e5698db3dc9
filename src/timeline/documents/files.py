"""Finding the files to read: folders walked in a stable order, globs, hidden files, stdin."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
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
        if not os.path.islink(resolved):
            return resolved
        try:
            return path.resolve().as_posix()
        except (OSError, RuntimeError):  # a link that leads back to itself: shown as found
            return resolved


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
    skipped: Callable[[Path, str], None] | None = None,
) -> Iterator[tuple[Path, bool]]:
    """Files under ``paths`` in a stable order, each with whether it was named explicitly.

    Folders are walked recursively in sorted order; hidden files and folders are skipped there,
    and so is anything in ``exclude`` (the curated file). Files found in folders must match one
    of ``include_globs`` (when any are given) and none of ``exclude_globs``; a folder matching
    ``exclude_globs`` is not entered, nor is a symbolic link to a folder. A file named
    explicitly is always read, and ``-`` stands for standard input. Only regular files are
    read: what else a folder holds (a named pipe, a device, a socket, a symbolic link loop or
    one to nothing) and a folder that cannot be read are passed to ``skipped`` with the
    reason. A missing path, or one named that is not a file or a folder, raises
    DocumentError.
    """
    excluded = {p.resolve().as_posix() for p in exclude}
    includes, excludes = list(include_globs), list(exclude_globs)
    resolver = DisplayPaths()
    report = skipped or (lambda path, reason: None)
    for path in paths:
        if path == STDIN:
            yield path, True
            continue
        try:
            mode = os.stat(path).st_mode
        except (OSError, RuntimeError) as err:
            raise DocumentError(str(path), _unreadable(path, err)) from None
        if stat.S_ISREG(mode):
            if path.resolve().as_posix() not in excluded:
                yield path, True
        elif stat.S_ISDIR(mode):
            yield from _walk(path, excluded, includes, excludes, resolver, report)
        else:
            raise DocumentError(
                str(path), f"{special_kind(mode)}, not a file; only files and folders are read"
            )


def special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, for messages."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _unreadable(path: Path, err: BaseException) -> str:
    """Why ``path`` cannot even be looked at."""
    number = getattr(err, "errno", None)
    if isinstance(err, RuntimeError) or number == errno.ELOOP:
        return "a symbolic link loop (it leads back to itself)"
    if number == errno.ENOENT:
        return "a symbolic link to nothing" if os.path.islink(path) else "no such file or folder"
    return f"cannot be read ({getattr(err, 'strerror', None) or err})"


def _walk(
    top: Path,
    excluded: set[str],
    includes: list[str],
    excludes: list[str],
    resolver: DisplayPaths,
    report: Callable[[Path, str], None],
) -> Iterator[tuple[Path, bool]]:
    """The files under ``top``, depth first, each folder's files before its subfolders."""
    excluded_names = {PurePosixPath(p).name for p in excluded}
    todo = [(top, "")]
    while todo:
        here, rel_root = todo.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as err:
            report(here, f"folder cannot be read ({err.strerror or err}); nothing in it was read")
            continue
        folders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            relative = rel_root + name
            if _is_dir(entry):
                if not matches(relative, excludes) and not entry.is_symlink():
                    folders.append((here / name, relative + "/"))
                continue
            candidate = here / name
            if _is_excluded(candidate, excluded, excluded_names, resolver):
                continue
            if (includes and not matches(relative, includes)) or matches(relative, excludes):
                continue
            why_not = _not_a_file(entry, candidate)
            if why_not:
                report(candidate, why_not)
                continue
            yield candidate, False
        todo.extend(reversed(folders))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _not_a_file(entry: os.DirEntry[str], path: Path) -> str | None:
    """None for a regular file (or a link to one), else why it is not read."""
    try:
        if entry.is_file():
            return None
        mode = os.stat(path).st_mode
    except (OSError, RuntimeError) as err:
        return _unreadable(path, err)
    return None if stat.S_ISREG(mode) else f"{special_kind(mode)}, not a file"


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
