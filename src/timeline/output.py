"""Writing an export where ``-o`` says: atomically, and never over anything the user wrote.

What the target is decides how it is written:

- ``-`` is standard output, and so are ``/dev/stdout``, ``/dev/fd/1`` and ``/proc/self/fd/1``
  (any descriptor named this way, ``/dev/stderr`` or ``/dev/fd/3``, is written to as it is
  open, never reopened or replaced);
- a regular file, or a name not yet taken, is written to a new temporary file in the same
  folder and moved over the target in one step (a symbolic link is followed, so the file it
  points to is replaced and the link kept; the old file's permissions are kept);
- a character device (``/dev/null``, a terminal) or a named pipe is written through, never
  replaced;
- anything else (a folder, a block device, a socket) is refused.

It is refused too when it is one of the files read (a document or the curated file), when it
lies inside a folder of documents read by the run, or when it has a document format's ending
(``.txt``, ``.md``, ``.html`` …) beside a document read: the next run would take it for one.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import TimelineError

#: The ``-o`` value that means standard output.
STDOUT = "-"
_DESCRIPTOR = re.compile(r"^/(?:dev/std(in|out|err)|dev/fd/(\d+)|proc/self/fd/(\d+))$")


class OutputError(TimelineError):
    """An export that cannot or must not be written where it was asked to go."""


def output_descriptor(target: str | Path) -> int | None:
    """The file descriptor ``target`` names (``-`` and ``/dev/stdout`` are 1), else None."""
    name = str(target)
    if name == STDOUT:
        return 1
    match = _DESCRIPTOR.match(name)
    if match is None:
        return None
    std, fd, proc_fd = match.groups()
    if std:
        return ("in", "out", "err").index(std)
    return int(fd or proc_fd)


def write_export(
    text: str | bytes,
    target: Path,
    protected: Iterable[Path] = (),
    *,
    folders: Iterable[Path] = (),
) -> None:
    """Write ``text`` (as UTF-8; bytes as they are) to ``target``; see the module's notes for
    how and where not.

    ``protected`` are the files read (the documents and the curated file) and ``folders`` the
    folders of documents read. A failure leaves whatever was at ``target`` untouched.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    descriptor = output_descriptor(target)
    if descriptor is not None:
        _write_descriptor(descriptor, data, target)
        return
    refusal = _refusal(target, list(protected), list(folders))
    if refusal:
        raise OutputError(f"{target}: {refusal}")
    try:
        status = os.stat(target)  # follows symbolic links: what would be written to
    except FileNotFoundError:
        status = None
    except OSError as err:
        raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None
    if status is None or stat.S_ISREG(status.st_mode):
        _replace(data, target, status)
    elif stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode):
        _write_through(data, target)
    else:
        raise OutputError(f"{target}: {_kind(status.st_mode)}; refusing to write there")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder (give a file name)"
    if stat.S_ISBLK(mode):
        return "is a block device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def _refusal(target: Path, protected: list[Path], folders: list[Path]) -> str | None:
    """Why ``target`` must not be written, or None."""
    resolved = target.resolve()
    if any(resolved == Path(p).resolve() for p in protected):
        return "refusing to overwrite an input file (a document or the curated file)"
    for folder in folders:
        home = folder.resolve()
        if resolved.is_relative_to(home):
            return (
                f"refusing to write inside the documents folder {folder} (a later run would "
                "read the export as a document); write it to another folder"
            )
    from .documents import DOCUMENT_SUFFIXES

    if resolved.suffix.lower() in DOCUMENT_SUFFIXES:
        beside = next((p for p in protected if Path(p).resolve().parent == resolved.parent), None)
        if beside is not None:
            return (
                f"refusing to write a {resolved.suffix} file beside the document {beside} "
                "(a later run would read the export as a document); write it to another "
                "folder or with another ending"
            )
    return None


def _replace(data: bytes, target: Path, status: os.stat_result | None) -> None:
    """A regular file, or a new one: a temporary file moved over it in one step."""
    resolved = target.resolve()
    try:
        handle, temp = tempfile.mkstemp(dir=resolved.parent, prefix=f".{resolved.name}.tmp-")
    except OSError as err:
        raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None
    try:
        with open(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, stat.S_IMODE(status.st_mode) if status else 0o666 & ~_umask())
        os.replace(temp, resolved)
    except OSError as err:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_through(data: bytes, target: Path) -> None:
    """A device or a named pipe: written to, never replaced."""
    try:
        with open(target, "wb") as out:
            out.write(data)
    except OSError as err:
        raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None


def _write_descriptor(fd: int, data: bytes, target: str | Path) -> None:
    """Write all of ``data`` to an open descriptor."""
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view) :]
    except BrokenPipeError:
        raise
    except OSError as err:
        raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None
