"""Adding entries to the end of the curated file: the one change the tool ever makes to it.

What is already in the file is never touched, byte for byte: the new text goes after it, as
a new YAML document (a line ``---`` and the entries), which the loader reads together with
the rest of the file. This holds whatever the file ends with (``sources:``, ``events:`` or
``add:``, a comment, a block of text) and needs no change to what is there.

The write is safe:

1. appends to one file wait for each other: an advisory lock on the file's folder is held
   from reading the file to writing it, so two at once never lose one (the second reads
   what the first added; a stub it repeats makes it stop, changing nothing);
2. the file as it is must load, and the file with the addition must load too (checked in
   memory before anything is written); otherwise nothing changes and the error says why;
3. a backup copy of the file is written next to it (``events.yaml.bak``; if that name is
   taken, ``events.yaml.bak.2``, ``.bak.3`` … — an older backup is never overwritten);
4. the new content is written to a temporary file in the same folder, flushed to disk, given
   the file's owner and permissions, and moved over the old file in one step
   (``os.replace``). An interruption at any point leaves either the old file or the new one,
   never a mix. A file with several hard links, or one whose owner cannot be given to a new
   file, is appended to in place instead, in one write that a kill cannot split, so that
   every name of it and its owner stay as they were;
5. a symbolic link is followed: the file it points to is updated and the link kept.

What an interrupted or refused append leaves is removed: its temporary files at once or by
the next append, its backup at once when nothing was changed, and a backup that holds exactly
what the file holds (made by an append killed before it could write) by the next append.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .loader import _read_bytes_and_text, parse_curation
from .model import Curation, CurationError, CurationFileError

__all__ = ["AppendResult", "append_stubs", "appended_text"]

#: Starts the appended part: a new YAML document.
SEPARATOR = "---\n"
BACKUP_SUFFIX = ".bak"
MAX_BACKUPS = 1000
#: Seconds to wait for another append to the same file to finish.
LOCK_WAIT = 30.0


@dataclass(frozen=True)
class AppendResult:
    """What ``append_stubs`` did."""

    path: str
    backup: str | None  # None when the file did not exist before
    added: int  # bytes added at the end
    curation: Curation  # the file as it now reads


def appended_text(original: str, stubs: str) -> str:
    """What goes after ``original``: a line break if it lacks one, ``---`` and ``stubs`` (a
    new file starts with the stubs alone)."""
    if not stubs.strip():
        return ""
    body = stubs if stubs.endswith("\n") else stubs + "\n"
    if not original:
        return body
    lead = "" if original.endswith(("\n", "\r")) else "\n"
    return lead + SEPARATOR + body


def append_stubs(
    curation_path: str | Path, stubs_text: str, *, create: bool = False
) -> AppendResult:
    """Append ``stubs_text`` (YAML: sections such as ``events:``) to the curated file.

    Raises :class:`CurationError` — and changes nothing — when the file does not load now,
    would not load with the addition, or cannot be written. With ``create``, a missing file
    is created holding only the addition (and no backup is made), and so is its folder.
    """
    path = Path(curation_path)
    shown = str(curation_path)
    real = Path(os.path.realpath(path)) if path.is_symlink() else path  # written through
    if create and not real.parent.exists():
        _make_folder(real.parent, shown)
    with _locked(real.parent, shown):
        _clear_leftovers(real)
        original_bytes, original_text = _current(real, shown, create)
        if original_bytes is not None:
            parse_curation(original_text, shown)  # refuse to add to a file already broken
        addition = appended_text(original_text, stubs_text)
        if original_bytes is not None and b"\r\n" in original_bytes:
            addition = addition.replace("\r\n", "\n").replace("\n", "\r\n")
        new_bytes = (original_bytes or b"") + addition.encode("utf-8")
        try:
            combined = parse_curation(original_text + addition, shown)
        except CurationError as err:
            raise CurationError(
                shown, err.line, err.column, f"the entries to add would not load: {err.message}"
            ) from None
        if not addition:
            return AppendResult(shown, None, 0, combined)
        backup = _backup(real, shown, original_bytes) if original_bytes is not None else None
        try:
            _write(real, shown, new_bytes, original_bytes)
        except BaseException:
            if backup is not None:  # nothing was changed: the backup is not needed
                with contextlib.suppress(OSError):
                    os.unlink(backup)
            raise
    return AppendResult(shown, backup, len(new_bytes) - len(original_bytes or b""), combined)


@contextlib.contextmanager
def _locked(folder: Path, shown: str) -> Iterator[None]:
    """An advisory lock on ``folder`` (shared by every append to a file in it), where the
    system has such locks; CurationError if another append holds it for ``LOCK_WAIT``."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield  # the folder cannot be opened: reading the file will say why
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise CurationError(
                        shown,
                        1,
                        1,
                        "another append to this file is still going on (the lock "
                        f"on {folder} is held); nothing was changed, try again",
                    ) from None
                time.sleep(0.05)
            except OSError:  # a file system without such locks
                break
        yield
    finally:
        os.close(fd)  # and the lock with it


def _clear_leftovers(real: Path) -> None:
    """Remove what interrupted appends left beside the file: temporary files, and backups
    that hold exactly what the file holds (an append killed before it wrote)."""
    try:
        names = os.listdir(real.parent)
        current = real.read_bytes()
    except OSError:
        return
    temporary = re.compile(rf"\.{re.escape(real.name)}(?:\{BACKUP_SUFFIX}(?:\.\d+)?)?\.tmp-\d+")
    backup = re.compile(rf"{re.escape(real.name)}\{BACKUP_SUFFIX}(?:\.\d+)?")
    for name in names:
        leftover = real.parent / name
        try:
            if temporary.fullmatch(name) or (
                backup.fullmatch(name)
                and leftover.stat().st_size == len(current)
                and leftover.read_bytes() == current
            ):
                leftover.unlink()
        except OSError:
            continue


def _current(path: Path, shown: str, create: bool) -> tuple[bytes | None, str]:
    """The file's bytes and text as the loader reads them; (None, "") if missing and allowed."""
    try:
        return _read_bytes_and_text(path, shown)
    except CurationFileError as err:
        if err.missing and create:
            return None, ""
        raise


def _backup(path: Path, shown: str, data: bytes) -> str:
    """Write ``data`` to the first free backup name; never replaces an existing file."""
    for number in range(1, MAX_BACKUPS + 1):
        suffix = BACKUP_SUFFIX if number == 1 else f"{BACKUP_SUFFIX}.{number}"
        target = path.with_name(path.name + suffix)
        if target.exists():
            continue
        try:
            _write_new(target, data)
        except FileExistsError:
            continue
        except OSError as err:
            raise _write_error(shown, f"cannot write the backup {target}", err) from None
        return str(target)
    raise CurationError(shown, 1, 1, "too many backups next to the file; remove old ones")


def _write_new(target: Path, data: bytes) -> None:
    """Create ``target`` with ``data``, whole or not at all, failing if it exists."""
    temp = _temp_name(target)
    try:
        _write_synced(temp, data)
        try:
            os.link(temp, target)  # fails if ``target`` exists: nothing is overwritten
        except FileExistsError:
            raise
        except OSError:  # no hard links here: create it directly, still never overwriting
            _write_synced(target, data)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _write(path: Path, shown: str, data: bytes, expected: bytes | None) -> None:
    """``data`` (``expected`` and what follows it) into the file at ``path``, a real path."""
    try:
        status = os.stat(path) if expected is not None else None
    except OSError as err:
        raise _write_error(shown, "cannot write the file", err) from None
    if expected is not None and status is not None and status.st_nlink > 1:
        _append_in_place(path, shown, data, expected)
        return
    temp = _temp_name(path)
    try:
        _write_synced(temp, data, mode=stat.S_IMODE(status.st_mode) if status else None)
        if expected is not None and status is not None and not _same_owner(temp, status):
            temp.unlink()
            _append_in_place(path, shown, data, expected)
            return
        if _changed(path, expected):
            raise CurationError(
                shown, 1, 1, "the file changed while the entries were being added; try again"
            )
        os.replace(temp, path)
    except OSError as err:
        raise _write_error(shown, "cannot write the file", err) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    _sync_folder(path.parent)


def _same_owner(temp: Path, status: os.stat_result) -> bool:
    """Give ``temp`` the owner and group of the file it replaces; False when not allowed."""
    mine = os.stat(temp)
    if (mine.st_uid, mine.st_gid) == (status.st_uid, status.st_gid):
        return True
    try:
        os.chown(temp, status.st_uid, status.st_gid)
    except (OSError, AttributeError):
        return False
    return True


def _append_in_place(path: Path, shown: str, data: bytes, expected: bytes) -> None:
    """Add what follows ``expected`` to the end of the file itself, in one write; on any
    failure the file is cut back to what it was."""
    addition = memoryview(data)[len(expected) :]
    try:
        fd = os.open(path, os.O_RDWR | os.O_APPEND | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise _write_error(shown, "cannot write the file", err) from None
    try:
        if os.fstat(fd).st_size != len(expected) or _changed(path, expected):
            raise CurationError(
                shown, 1, 1, "the file changed while the entries were being added; try again"
            )
        try:
            while addition:
                addition = addition[os.write(fd, addition) :]
            os.fsync(fd)
        except BaseException as err:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, len(expected))
            if isinstance(err, OSError):
                raise _write_error(shown, "cannot write the file", err) from None
            raise
    finally:
        os.close(fd)


def _make_folder(folder: Path, shown: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _write_error(shown, f"cannot make the folder {folder}", err) from None


def _changed(path: Path, expected: bytes | None) -> bool:
    try:
        return path.read_bytes() != expected
    except FileNotFoundError:
        return expected is not None


def _temp_name(path: Path) -> Path:
    """A temporary name next to ``path``; one left by an earlier crash is cleared."""
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    return temp


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def _write_synced(target: Path, data: bytes, mode: int | None = None) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, 0o666 if mode is None else mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    if mode is not None:
        os.chmod(target, mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_error(shown: str, what: str, err: OSError) -> CurationError:
    return CurationError(shown, 1, 1, f"{what}: {err.strerror or err}; nothing was changed")
