"""Plain text: decoding bytes, and the shape every reader returns.

Offsets and line numbers everywhere refer to the decoded text: newlines are normalised to
``\\n`` and a byte-order mark is removed, nothing else is changed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ..dates import DateValue
from ..errors import DocumentError


@dataclass
class Extracted:
    """What a reader got out of one file: the text quotes come from, and its metadata."""

    text: str
    #: Offset of each page's start in ``text``, for paged formats.
    pages: tuple[int, ...] | None = None
    #: The publication date found in the document's own metadata, if any.
    published: DateValue | None = None
    title: str | None = None
    url: str | None = None
    #: Notes for the user about this document (without its name), e.g. a fallback encoding.
    warnings: list[str] = field(default_factory=list)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Decode bytes: BOM (UTF-8, UTF-32 or UTF-16), then UTF-8, then a declared encoding,
    then Windows-1252.

    Returns the text and a warning (without the file's name) when the last resort was used.
    Raises DocumentError with an empty path; callers fill in the name.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16's
        try:
            return normalise_newlines(data.decode("utf-32")), None
        except UnicodeDecodeError as err:
            raise DocumentError("", f"not valid UTF-32 at byte {err.start}") from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return normalise_newlines(data.decode("utf-16")), None
        except UnicodeDecodeError as err:
            raise DocumentError("", f"not valid UTF-16 at byte {err.start}") from None
    if b"\x00" in data:
        raise DocumentError("", "binary file (contains NUL bytes); not a text document")
    try:
        return normalise_newlines(data.decode("utf-8")), None
    except UnicodeDecodeError as err:
        first_bad = err.start
    if declared:
        try:
            return normalise_newlines(data.decode(declared)), None
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DocumentError("", f"not UTF-8 (bad byte at offset {first_bad}) nor cp1252") from None
    return normalise_newlines(text), f"not UTF-8 (byte {first_bad}); read as Windows-1252"


def decode(data: bytes, path: str) -> tuple[str, str | None]:
    """Decode a file's bytes; returns the text and a warning when a fallback was used."""
    try:
        text, warning = decode_text(data)
    except DocumentError as err:
        raise DocumentError(path, err.reason) from None
    return text, (f"{path}: {warning}" if warning else None)


def read_text(data: bytes) -> Extracted:
    """A plain-text document; a dateline on its first lines gives its publication date."""
    from .published import dateline_date

    text, warning = decode_text(data)
    return Extracted(text, published=dateline_date(text), warnings=[warning] if warning else [])
