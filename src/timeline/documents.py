"""Reading documents: finding files, decoding them, and what is known of each.

Offsets and line numbers everywhere refer to the decoded text this module returns: newlines
are normalised to ``\\n`` and a byte-order mark is removed, nothing else is changed.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .dates import DateValue
from .errors import DocumentError
from .models import Document

#: File endings read when a folder is given. A file named explicitly is read whatever its name.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})


@dataclass
class Collection:
    """The documents found under some paths, and what was passed over (with the reason)."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[str] = field(default_factory=list)


def display_path(path: Path, base: Path | None = None) -> str:
    """The path as users see it and write it in the curated file: relative where possible."""
    base = (base or Path.cwd()).resolve()
    resolved = path.resolve()
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        return resolved.as_posix()


def iter_files(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> Iterator[tuple[Path, bool]]:
    """Files under ``paths`` in a stable order, each with whether it was named explicitly.

    Folders are walked recursively in sorted order; hidden files and folders are skipped there,
    and so is anything in ``exclude`` (the curated file). Missing paths raise DocumentError.
    """
    excluded = {p.resolve() for p in exclude}
    for path in paths:
        if not path.exists():
            raise DocumentError(str(path), "no such file or folder")
        if path.is_file():
            if path.resolve() not in excluded:
                yield path, True
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                candidate = Path(root) / name
                if name.startswith(".") or candidate.resolve() in excluded:
                    continue
                yield candidate, False


def decode(data: bytes, path: str) -> tuple[str, str | None]:
    """Decode a file's bytes; returns the text and a warning when a fallback was used."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _normalise(data.decode("utf-16")), None
        except UnicodeDecodeError as err:
            raise DocumentError(path, f"not valid UTF-16 at byte {err.start}") from None
    if b"\x00" in data:
        raise DocumentError(path, "binary file (contains NUL bytes); not a text document")
    try:
        return _normalise(data.decode("utf-8")), None
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DocumentError(path, f"not UTF-8 (bad byte at offset {first_bad}) nor cp1252") from None
    return _normalise(text), f"{path}: not UTF-8 (byte {first_bad}); read as Windows-1252"


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(
    path: Path,
    shown_as: str | None = None,
    published: DateValue | None = None,
    published_from: str | None = None,
) -> tuple[Document, str | None]:
    """Read one file into a Document; returns it and an optional decoding warning."""
    name = shown_as or display_path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DocumentError(name, f"cannot be read ({err.strerror or err})") from None
    if not data.strip():
        raise DocumentError(name, "empty file")
    text, warning = decode(data, name)
    doc = Document(path=name, text=text, published=published, published_from=published_from)
    return doc, warning


def collect(
    paths: Iterable[Path],
    *,
    exclude: Iterable[Path] = (),
    published: Mapping[str, DateValue] | None = None,
    default_published: DateValue | None = None,
) -> Collection:
    """Read every document under ``paths``.

    ``published`` maps display paths to publication dates (from the curated file);
    ``default_published`` applies to documents it does not cover (the ``--published`` option).
    Unreadable files are recorded in ``skipped`` and the rest are read.
    """
    published = published or {}
    result = Collection()
    for path, explicit in iter_files(paths, exclude):
        name = display_path(path)
        if not explicit and path.suffix.lower() not in TEXT_SUFFIXES:
            result.skipped.append((name, f"not a text document ({path.suffix or 'no suffix'})"))
            continue
        when, origin = published.get(name), "curation"
        if when is None and default_published is not None:
            when, origin = default_published, "option"
        try:
            doc, warning = read_document(path, name, when, origin if when else None)
        except DocumentError as err:
            result.skipped.append((err.path, err.reason))
            continue
        if warning:
            result.warnings.append(warning)
        result.documents.append(doc)
    return result
