"""Reading documents: finding files, reading each format, and what is known of each.

Formats: plain text, Markdown, HTML, PDF and Word .docx (the last two need optional
extras). Offsets and line numbers everywhere refer to the text a reader returns, which is
what quotes are taken from: for text and Markdown the decoded file (newlines normalised to
``\\n``, a byte-order mark removed), for HTML the page's main text, for PDF the text layer
page by page, for Word the paragraphs.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from ..dates import DateValue
from ..errors import DocumentError
from ..models import Document
from .files import (
    STDIN,
    STDIN_NAME,
    DisplayPaths,
    _unreadable,
    display_path,
    iter_files,
    matches,
    special_kind,
)
from .formats import (
    DOCUMENT_SUFFIXES,
    FORMATS,
    TEXT_SUFFIXES,
    extract_bytes,
    format_of,
    missing_extra,
    reads_suffix,
    to_document,
)
from .markdown import mask as mask_markdown
from .text import Extracted, decode

__all__ = [
    "DOCUMENT_SUFFIXES",
    "FORMATS",
    "STDIN",
    "STDIN_NAME",
    "TEXT_SUFFIXES",
    "Collection",
    "DisplayPaths",
    "DocumentInfo",
    "Extracted",
    "collect",
    "decode",
    "display_path",
    "extract_bytes",
    "format_of",
    "info_of",
    "iter_files",
    "matches",
    "missing_extra",
    "read_bytes",
    "read_bytes_and_status",
    "read_document",
    "reads_suffix",
    "tagging_text",
    "to_document",
]


@dataclass(frozen=True)
class DocumentInfo:
    """What is kept of a document once its candidates are found: everything but its text."""

    path: str
    published: DateValue | None = None
    published_from: str | None = None
    title: str | None = None
    url: str | None = None
    format: str = "text"
    pages: int | None = None  # number of pages, for paged formats
    characters: int = 0


def info_of(document: Document, fmt: str) -> DocumentInfo:
    return DocumentInfo(
        path=document.path,
        published=document.published,
        published_from=document.published_from,
        title=document.title,
        url=document.url,
        format=fmt,
        pages=len(document.pages) if document.pages else None,
        characters=len(document.text),
    )


#: What a collection holds of each document.
DocumentT = TypeVar("DocumentT", Document, DocumentInfo)


@dataclass
class Collection(Generic[DocumentT]):
    """The documents found under some paths, and what was passed over (with the reason).

    ``collect`` fills ``documents`` with whole Documents; the pipeline keeps DocumentInfo
    only, so that memory does not grow with the size of the texts.
    """

    documents: list[DocumentT] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[str] = field(default_factory=list)


def tagging_text(document: Document) -> str:
    """The text the tagger reads: the document's text, with Markdown markup blanked out.

    It always has the same length and line breaks as ``document.text``.
    """
    if Path(document.path).suffix.lower() in FORMATS["markdown"].suffixes:
        return mask_markdown(document.text)
    return document.text


def read_stdin() -> bytes:
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError, AttributeError) as err:
        raise DocumentError(STDIN_NAME, f"cannot be read ({err})") from None


def read_bytes(path: Path | str, name: str) -> bytes:
    """A file's bytes (standard input for ``Path("-")``); DocumentError says why they cannot
    be had."""
    if path == STDIN:
        return read_stdin()
    return read_bytes_and_status(str(path), name)[0]


def read_bytes_and_status(path: str, name: str) -> tuple[bytes, os.stat_result, float]:
    """A file's bytes, its status just before they were read, and when (``time.time()``).

    Only a regular file is read: a named pipe or a device (which could block, or give bytes
    for ever) is a DocumentError saying what it is.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, RuntimeError) as err:
        raise DocumentError(name, _unreadable(Path(path), err)) from None
    try:
        read_at = time.time()
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise DocumentError(name, f"{special_kind(status.st_mode)}, not a file")
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            return handle.read(), status, read_at
    except OSError as err:
        raise DocumentError(name, f"cannot be read ({err.strerror or err})") from None
    finally:
        if fd >= 0:
            os.close(fd)


def read_document(
    path: Path,
    shown_as: str | None = None,
    published: DateValue | None = None,
    published_from: str | None = None,
) -> tuple[Document, str | None]:
    """Read one file into a Document; returns it and an optional warning about it."""
    name = shown_as or display_path(path)
    extracted = extract_bytes(read_bytes(path, name), name)
    doc = to_document(extracted, name, published, published_from)
    warning = "; ".join(extracted.warnings)
    return doc, (f"{name}: {warning}" if warning else None)


def collect(
    paths: Iterable[Path],
    *,
    exclude: Iterable[Path] = (),
    published: Mapping[str, DateValue] | None = None,
    default_published: DateValue | None = None,
    include_globs: Iterable[str] = (),
    exclude_globs: Iterable[str] = (),
) -> Collection[Document]:
    """Read every document under ``paths`` into memory (see ``pipeline.extract`` for many).

    ``published`` maps display paths to publication dates (from the curated file);
    ``default_published`` applies to documents it and their own metadata do not cover (the
    ``--published`` option). Unreadable files are recorded in ``skipped`` and the rest read.
    """
    published = published or {}
    result: Collection[Document] = Collection()
    display = DisplayPaths()
    found = iter_files(
        paths, exclude, include_globs=include_globs, exclude_globs=exclude_globs,
        skipped=lambda path, reason: result.skipped.append((display(path), reason)),
    )  # fmt: skip
    for path, explicit in found:
        name = display(path)
        why_not = None if explicit else reads_suffix(path.suffix)
        if why_not:
            result.skipped.append((name, why_not))
            continue
        when, origin = published_for(name, published, default_published)
        try:
            doc, warning = read_document(path, name, when, origin)
        except DocumentError as err:
            result.skipped.append((err.path, err.reason))
            continue
        if warning:
            result.warnings.append(warning)
        result.documents.append(doc)
    return result


def published_for(
    name: str, published: Mapping[str, DateValue], default: DateValue | None
) -> tuple[DateValue | None, str | None]:
    """The publication date given for a document, and where it came from."""
    when = published.get(name)
    if when is not None:
        return when, "curation"
    if default is not None:
        return default, "option"
    return None, None
