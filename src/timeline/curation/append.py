"""Adding entries to the end of the curated file: the one change the tool ever makes to it.

What is already in the file is never touched, byte for byte: the new text goes after it, as
a new YAML document (a line ``---`` and the entries), which the loader reads together with
the rest of the file. This holds whatever the file ends with (``sources:``, ``events:`` or
``add:``, a comment, a block of text) and needs no change to what is there.

The write is safe:

1. the file as it is must load, and the file with the addition must load too (checked in
   memory before anything is written); otherwise nothing changes and the error says why;
2. a backup copy of the file is written next to it (``events.yaml.bak``; if that name is
   taken, ``events.yaml.bak.2``, ``.bak.3`` … — an older backup is never overwritten);
3. the new content is written to a temporary file in the same folder, flushed to disk, and
   moved over the old file in one step (``os.replace``). An interruption at any point leaves
   either the old file or the new one, never a mix; the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .loader import _read_text, parse_curation
from .model import Curation, CurationError, CurationFileError

__all__ = ["AppendResult", "append_stubs", "appended_text"]

#: Starts the appended part: a new YAML document.
SEPARATOR = "---\n"
BACKUP_SUFFIX = ".bak"
MAX_BACKUPS = 1000


@dataclass(frozen=True)
class AppendResult:
    """What ``append_stubs`` did."""

    path: str
    backup: str | None  # None when the file did not exist before
    added: int  # bytes added at the end
    curation: Curation  # the file as it now reads


def appended_text(original: str, stubs: str) -> str:
    """What goes after ``original``: a line break if it lacks one, ``---`` and ``stubs``."""
    if not stubs.strip():
        return ""
    lead = "" if not original or original.endswith(("\n", "\r")) else "\n"
    body = stubs if stubs.endswith("\n") else stubs + "\n"
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
    original_bytes, original_text = _current(path, shown, create)
    if original_bytes is not None:
        parse_curation(original_text, shown)  # refuse to add to a file that is already broken
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
    backup = _backup(path, shown, original_bytes) if original_bytes is not None else None
    if original_bytes is None:
        _make_folder(path.parent, shown)
    _replace(path, shown, new_bytes, original_bytes)
    return AppendResult(shown, backup, len(new_bytes) - len(original_bytes or b""), combined)


def _current(path: Path, shown: str, create: bool) -> tuple[bytes | None, str]:
    """The file's bytes and text as the loader reads them; (None, "") if missing and allowed."""
    try:
        text = _read_text(path, shown)
    except CurationFileError as err:
        if err.missing and create:
            return None, ""
        raise
    return path.read_bytes(), text


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


def _replace(path: Path, shown: str, data: bytes, expected: bytes | None) -> None:
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        temp = _temp_name(path)
        _write_synced(temp, data, mode=_mode_of(path))
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
