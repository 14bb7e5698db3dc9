"""PDF: the text layer, page by page, so every quote can cite its page.

Read with pypdf. Pages are joined by a blank line and the offset where each starts is kept.
A line break inside a sentence (the line does not end a sentence and the next starts in lower
case) becomes a space, one character for one, so sentences wrapped by the layout read whole.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..errors import DocumentError
from .published import parse_pdf_date
from .text import Extracted

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

SUFFIXES = frozenset({".pdf"})
PAGE_SEPARATOR = "\n\n"

_WRAPPED = re.compile(r"(?<=[^.!?:;\n])\n(?=[a-z(])")


def read_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader

    logger = logging.getLogger("pypdf")
    level, logger.level = logger.level, logging.CRITICAL  # its repair notes are not for users
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = _open(PdfReader, data)
            texts = [_page_text(page) for page in reader.pages]
            info = _info(reader)
    except DocumentError:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged file can fail anywhere in the parser
        raise DocumentError("", f"corrupt PDF ({type(err).__name__}: {err})") from None
    finally:
        logger.level = level
    return _assemble(texts, info)


def _open(reader_class: type[PdfReader], data: bytes) -> PdfReader:
    reader = reader_class(io.BytesIO(data))
    if reader.is_encrypted:
        ok: int  # how the empty password did: 0 when it did not open the file
        try:
            ok = reader.decrypt("")
        except Exception:  # noqa: BLE001 - missing crypto support or an unknown scheme
            ok = 0
        if not ok:
            raise DocumentError("", "encrypted PDF; it cannot be read without its password")
    return reader


def _page_text(page: PageObject) -> str:
    text = (page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x00", "").replace("\f", "\n").strip("\n")
    return _WRAPPED.sub(" ", text)


def _info(reader: PdfReader) -> dict[str, str]:
    meta: Mapping[str, object] = reader.metadata or {}
    return {key: str(meta.get(key) or "") for key in ("/Title", "/CreationDate")}


def _assemble(texts: list[str], info: dict[str, str]) -> Extracted:
    if not any(t.strip() for t in texts):
        raise DocumentError(
            "",
            f"scanned PDF with no text layer ({len(texts)} page{'s' * (len(texts) != 1)}); "
            "it needs OCR before it can be read",
        )
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + len(PAGE_SEPARATOR)
    blank = [str(i + 1) for i, t in enumerate(texts) if not t.strip()]
    notes = [f"no text layer on page(s) {', '.join(blank)} (scanned?); not read"] if blank else []
    return Extracted(
        PAGE_SEPARATOR.join(texts),
        pages=tuple(starts),
        published=parse_pdf_date(info["/CreationDate"]) if info["/CreationDate"] else None,
        title=info["/Title"].strip() or None,
        warnings=notes,
    )
