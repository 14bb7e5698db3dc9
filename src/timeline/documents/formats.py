"""Which reader reads a file, and turning what it read into a Document.

Readers that need an optional library name the extra that installs it, so a user is told
exactly what to install; they are imported only when a file of their kind is read.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..dates import DateValue
from ..errors import DocumentError
from ..models import Document
from .text import Extracted


@dataclass(frozen=True)
class Format:
    name: str  # as shown to users
    suffixes: frozenset[str]
    reader: str  # "module:function" within this package
    needs: str | None = None  # the module an optional extra provides
    extra: str | None = None  # the extra that installs it


FORMATS = {
    "text": Format("text", frozenset({".txt", ".text"}), "text:read_text"),
    "markdown": Format("Markdown", frozenset({".md", ".markdown"}), "markdown:read_markdown"),
    "html": Format("HTML", frozenset({".html", ".htm", ".xhtml"}), "web:read_html"),
    "pdf": Format("PDF", frozenset({".pdf"}), "pdf:read_pdf", "pypdf", "pdf"),
    "docx": Format("Word", frozenset({".docx"}), "word:read_docx", "docx", "docx"),
}
BY_SUFFIX = {suffix: key for key, fmt in FORMATS.items() for suffix in fmt.suffixes}

#: File endings read when a folder is given. A file named explicitly is read whatever its name.
TEXT_SUFFIXES = FORMATS["text"].suffixes | FORMATS["markdown"].suffixes
DOCUMENT_SUFFIXES = frozenset(BY_SUFFIX)

#: Advice for formats that are not read, by file ending.
UNREAD_HINTS = {
    ".doc": "Word 97-2003 format; save it as .docx or PDF",
    ".rtf": "rich text format; save it as .docx or PDF",
    ".odt": "OpenDocument text; save it as .docx or PDF",
    ".pages": "Pages document; export it as .docx or PDF",
}

#: First bytes that tell a format whatever the file's name.
_MAGIC = ((b"%PDF-", "pdf"),)
_ZIP = b"PK\x03\x04"


def format_of(name: str, data: bytes) -> str:
    """The format key of a file from its first bytes, then its name; text when unknown."""
    for magic, key in _MAGIC:
        if data.startswith(magic):
            return key
    if data.startswith(_ZIP):
        return "docx" if b"word/" in data[:65536] else "zip"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in BY_SUFFIX:
        return BY_SUFFIX[suffix]
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def reads_suffix(suffix: str) -> str | None:
    """None when files with this ending are read from folders, else why they are not."""
    suffix = suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        return None
    hint = UNREAD_HINTS.get(suffix)
    return f"not a document format timeline reads ({suffix or 'no suffix'}" + (
        f": {hint})" if hint else ")"
    )


def missing_extra(key: str) -> str | None:
    """The message for a format whose optional library is not installed, else None."""
    fmt = FORMATS[key]
    if fmt.needs is None or importlib.util.find_spec(fmt.needs) is not None:
        return None
    return (
        f"reading {fmt.name} documents needs the optional '{fmt.extra}' extra: "
        f"pip install 'timeline[{fmt.extra}]'"
    )


def reader(key: str) -> Callable[[bytes], Extracted]:
    if key == "zip":
        raise DocumentError("", "a ZIP archive, not a document")
    message = missing_extra(key)
    if message:
        raise DocumentError("", message)
    module, function = FORMATS[key].reader.split(":")
    read: Callable[[bytes], Extracted] = getattr(
        importlib.import_module(f"{__package__}.{module}"), function
    )
    return read


def extract_bytes(data: bytes, name: str, key: str | None = None) -> Extracted:
    """Read a file's bytes with the reader for its format; DocumentError names the file."""
    if not data.strip():
        raise DocumentError(name, "empty file")
    try:
        extracted = reader(key or format_of(name, data))(data)
    except DocumentError as err:
        raise DocumentError(name, err.reason) from None
    if not extracted.text.strip():
        raise DocumentError(name, "no text in it")
    return extracted


def to_document(
    extracted: Extracted,
    name: str,
    published: DateValue | None = None,
    published_from: str | None = None,
) -> Document:
    """The Document for what was read. The publication date is the curator's first, then the
    document's own metadata, then a default given for all documents (``published_from``
    says which: "curation", "metadata" or "option")."""
    if published is None or published_from not in ("curation", None):
        if extracted.published is not None:
            published, published_from = extracted.published, "metadata"
    return Document(
        path=name,
        text=extracted.text,
        published=published,
        published_from=published_from if published is not None else None,
        title=extracted.title,
        url=extracted.url,
        pages=extracted.pages,
    )
