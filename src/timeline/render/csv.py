"""The timeline as CSV for spreadsheets: one row per event (RFC 4180, UTF-8).

Every text cell is written in double quotes, and only the tool's own dates and numbers
(``start``, ``end``, ``year``, ``month``, ``day``, ``source_count``) without: a spreadsheet
told to keep quoted fields as text (LibreOffice Calc's "Format quoted field as text") then
reads "June 2018", "May 16" or "1/2" as the text they are, and the dates and numbers as dates
and numbers. Text cells that a spreadsheet would run as a formula are prefixed with ``'``.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.models import Event, SourceRef
from timeline.render import cited_documents, cited_lines, date_parts

__all__ = ["COLUMNS", "TYPED", "row_values", "render_csv"]

COLUMNS = (
    "date", "start", "end", "year", "month", "day", "display", "precision", "qualifier",
    "title", "sources", "source_count", "lines", "pages", "quote", "id", "tags", "note",
)  # fmt: skip

#: Columns the tool writes as dates (``start``, ``end``) and numbers: never quoted.
TYPED = frozenset({"start", "end", "year", "month", "day", "source_count"})
#: Columns written by the tool from the date itself: never formulas, never prefixed.
_TRUSTED = TYPED | {"date"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LIST_SEPARATOR = "; "


def row_values(event: Event) -> dict[str, object]:
    """The cells of an event's row by column: text, int or None (``start`` and ``end`` as
    ISO 8601 text)."""
    value = event.date
    year, month, day = date_parts(value)
    documents = cited_documents(event)
    return {
        "date": value.edtf,
        "start": value.earliest.isoformat() if value.earliest else None,
        "end": value.latest.isoformat() if value.latest else None,
        "year": year,
        "month": month,
        "day": day,
        "display": value.display(),
        "precision": value.precision.value,
        "qualifier": value.qualifier.value if value.qualifier else None,
        "title": event.title,
        "sources": _LIST_SEPARATOR.join(path for path, _ in documents),
        "source_count": len(documents),
        "lines": _LIST_SEPARATOR.join(
            ", ".join(map(str, cited_lines(refs))) for _, refs in documents
        ),
        "pages": _pages(documents),
        "quote": event.quote,
        "id": event.id,
        "tags": _LIST_SEPARATOR.join(event.tags),
        "note": event.note,
    }


def _pages(documents: list[tuple[str, list[SourceRef]]]) -> str:
    """Pages cited in each document, aligned with ``sources``; blank when none is paged."""
    per_document = [sorted({r.page for r in refs if r.page is not None}) for _, refs in documents]
    if not any(per_document):
        return ""
    return _LIST_SEPARATOR.join(", ".join(map(str, pages)) for pages in per_document)


def _safe(column: str, value: object) -> str:
    text = "" if value is None else str(value)
    if column not in _TRUSTED and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _field(column: str, value: object) -> str:
    """One field as written: text in double quotes (inner ones doubled), dates and numbers
    bare, an empty cell empty."""
    text = _safe(column, value)
    if column in TYPED or not text:
        return text
    return '"' + text.replace('"', '""') + '"'


def render_csv(events: Sequence[Event], *, bom: bool = False) -> str:
    """CSV text for ``events``: a header row, then one row per event, CRLF line ends."""
    lines = [",".join(COLUMNS)]
    for event in events:
        cells = row_values(event)
        lines.append(",".join(_field(column, cells[column]) for column in COLUMNS))
    return ("\ufeff" if bom else "") + "".join(line + "\r\n" for line in lines)
