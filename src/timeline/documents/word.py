"""Word .docx: the body's paragraphs and table rows, in order, one per line.

Read with python-docx. The publication date is the document's last-modified property (when
its final form was saved), else its creation date.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import DocumentError
from .published import property_date
from .text import Extracted

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

SUFFIXES = frozenset({".docx"})


#: The most one part of a .docx (``word/document.xml``…) and all its parts may expand to.
#: A novel's document.xml is some tens of MB; a zip bomb is far more.
MAX_PART_BYTES = 128 * 2**20
MAX_TOTAL_BYTES = 512 * 2**20


def check_sizes(data: bytes) -> None:
    """DocumentError when a part of the package would expand past ``MAX_PART_BYTES``, or all
    of them past ``MAX_TOTAL_BYTES``, by the sizes the package declares (a part is never read
    past its declared size, so they bound what reading it costs)."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader says what is wrong with it
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise DocumentError(
                "", f"Word document whose part {part.filename} would expand to "
                f"{_megabytes(part.file_size)} ({_megabytes(total)} so far; at most "
                f"{_megabytes(MAX_PART_BYTES)} a part, {_megabytes(MAX_TOTAL_BYTES)} in all); "
                "not read",
            )  # fmt: skip


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def read_docx(data: bytes) -> Extracted:
    import docx

    check_sizes(data)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document))
        props = document.core_properties
        published = property_date(props.modified) or property_date(props.created)
        title = (props.title or "").strip() or None
    except Exception as err:  # noqa: BLE001 - a damaged package can fail anywhere in the parser
        raise DocumentError("", f"corrupt Word document ({type(err).__name__}: {err})") from None
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise DocumentError("", "Word document with no text")
    return Extracted(text, published=published, title=title)


def _lines(document: Document) -> Iterator[str]:
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            yield " ".join(block.text.split())


def _table_lines(table: Table) -> Iterator[str]:
    """One line per row, its cells separated by tabs."""
    seen = set()
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is listed once per grid position
                continue
            seen.add(cell._tc)
            cells.append(" ".join(cell.text.split()))
        yield "\t".join(cell for cell in cells if cell)
