"""Writing an export to a file: atomically, and never over anything the user wrote."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import TimelineError


class OutputError(TimelineError):
    """An export that cannot or must not be written where it was asked to go."""


def write_export(text: str, target: Path, protected: Iterable[Path] = ()) -> None:
    """Write ``text`` to ``target`` through a temporary file in the same folder.

    Refuses to write over any of ``protected`` (the documents read and the curated file): an
    export never replaces a source. A failure leaves whatever was at ``target`` untouched.
    """
    resolved = target.resolve()
    if any(resolved == Path(p).resolve() for p in protected):
        raise OutputError(
            f"{target}: refusing to overwrite an input file (a document or the curated file)"
        )
    if resolved.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name")
    temp = resolved.with_name(f".{resolved.name}.tmp-{os.getpid()}")
    try:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, resolved)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
