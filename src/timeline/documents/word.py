"""Word .docx: the body's paragraphs and table rows, in order, one per line.

Read with python-docx. The publication date is the document's last-modified property (when
its final form was saved), else its creation date.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import DocumentError
from .published import property_date
from .text import Extracted

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

SUFFIXES = frozenset({".docx"})


def read_docx(data: bytes) -> Extracted:
    import docx

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
