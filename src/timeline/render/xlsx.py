"""The timeline as an Excel workbook (.xlsx): typed cells, so no spreadsheet has to guess.

A CSV file cannot say what a cell is, so a spreadsheet guesses, and "June 2018" becomes a date
and "May 16" the 16th of May of the current year. In the workbook every cell carries its type:

* ``start`` and ``end`` are dates (shown as 2022-05-16) where the calendar allows it. Days
  before 1 March 1900 are written as ISO 8601 text: Excel has no day before 1900, and counts
  its first two months one day off (it has a 29 February 1900 that never was);
* ``year``, ``month``, ``day`` and ``source_count`` are numbers, blank where not known;
* every other cell is text, written as a string, never read again: "=1+1" and "2011" stay
  the text they are, and no formula is ever run.

The first sheet, "Timeline", has the same columns as the CSV export, a frozen header row with
a filter, and column widths fitted to their contents (long text wraps). Where an event cites one
document whose address is known (``http``/``https`` only), its ``sources`` cell links to it.
A second sheet, "Sources", lists every document cited, with its title, publication date and
address (linked).

The workbook is written with XlsxWriter, imported only when this format is asked for.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeGuard

from timeline.models import Event, SourceRef
from timeline.render import cited_documents, one_line
from timeline.render.csv import COLUMNS, TYPED, row_values

if TYPE_CHECKING:
    from xlsxwriter import Workbook
    from xlsxwriter.format import Format

__all__ = ["render_xlsx", "SHEET", "SOURCES_SHEET", "SOURCE_COLUMNS", "FIRST_DATE"]

SHEET = "Timeline"
SOURCES_SHEET = "Sources"
SOURCE_COLUMNS = ("source", "title", "published", "url", "events")
#: The first day written as a spreadsheet date; earlier days are ISO 8601 text.
FIRST_DATE = date(1900, 3, 1)
_DATE_FORMAT = "yyyy-mm-dd"
_SAFE_SCHEMES = ("http://", "https://")
#: Excel's limits: characters in a cell, characters in a link's address.
_MAX_CELL = 32767
_MAX_URL = 2079
#: Widest a column is made (in characters), by column; others at most _DEFAULT_CAP.
_CAPS = {"title": 60, "quote": 80, "note": 50, "sources": 45, "source": 45, "url": 45,
         "display": 26, "id": 30, "tags": 24}  # fmt: skip
_DEFAULT_CAP = 20
#: A line of text in the default font, and the tallest row, in points.
_LINE_HEIGHT = 15
_MAX_ROW_HEIGHT = 409
_WRAPPED = frozenset({"title", "quote", "note", "sources", "source", "url"})


def _is_web(url: str | None) -> TypeGuard[str]:
    return url is not None and url.lower().startswith(_SAFE_SCHEMES) and len(url) <= _MAX_URL


def _text(value: object) -> str:
    text = "" if value is None else str(value)
    if len(text) > _MAX_CELL:  # more than a cell can hold: cut, and say so
        text = text[: _MAX_CELL - 1] + "…"
    return text


class _Sheet:
    """One worksheet being written: its formats, and the widest text of each column."""

    def __init__(
        self, book: Workbook, name: str, columns: Sequence[str], formats: dict[str, Format]
    ) -> None:
        self.sheet = book.add_worksheet(name)
        self.columns = list(columns)
        self.formats = formats
        self.widths = [len(column) for column in columns]
        for index, column in enumerate(columns):
            self.sheet.write_string(0, index, column, formats["header"])
        self.rows = 0
        self.wrapped: dict[int, list[tuple[int, str]]] = {}  # row -> (column, text) that wrap

    def _fit(self, index: int, text: str) -> None:
        longest = max((len(line) for line in text.split("\n")), default=0)
        self.widths[index] = max(self.widths[index], longest)

    def _format(self, column: str) -> Format:
        return self.formats["wrap"] if column in _WRAPPED else self.formats["text"]

    def text(self, index: int, value: object) -> None:
        text = _text(value)
        if text:
            column = self.columns[index]
            self.sheet.write_string(self.rows, index, text, self._format(column))
            self._fit(index, text)
            if column in _WRAPPED:
                self.wrapped.setdefault(self.rows, []).append((index, text))

    def number(self, index: int, value: int | None) -> None:
        if value is not None:
            self.sheet.write_number(self.rows, index, value, self.formats["number"])
            self._fit(index, str(value))

    def day(self, index: int, value: date | None) -> None:
        if value is None:
            return
        if value >= FIRST_DATE:
            stamp = datetime(value.year, value.month, value.day)
            self.sheet.write_datetime(self.rows, index, stamp, self.formats["date"])
        else:
            self.sheet.write_string(self.rows, index, value.isoformat(), self.formats["text"])
        self._fit(index, value.isoformat())

    def link(self, index: int, url: str, shown: str) -> None:
        column = self.columns[index]
        fmt = self.formats["link_wrap"] if column in _WRAPPED else self.formats["link"]
        self.sheet.write_url(self.rows, index, url, fmt, string=_text(shown))
        self._fit(index, shown)

    def finish(self) -> None:
        last = len(self.columns) - 1
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, max(self.rows, 1), last)
        # printed: across the page, one page wide, the header row on every page
        self.sheet.set_landscape()
        self.sheet.repeat_rows(0)
        widths = []
        for index, column in enumerate(self.columns):
            cap = _CAPS.get(column, _DEFAULT_CAP)
            widths.append(min(max(self.widths[index], len(column) + 2) + 2, cap))
            self.sheet.set_column(index, index, widths[index])
        # Spreadsheets do not all fit a row to wrapped text on opening: give each row the
        # height of its longest wrapped cell, counted in lines of the column's width.
        for row, cells in self.wrapped.items():
            lines = max(_lines(text, widths[index]) for index, text in cells)
            if lines > 1:
                self.sheet.set_row(row, min(_LINE_HEIGHT * lines + 3, _MAX_ROW_HEIGHT))


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes wrapped in a column ``width`` characters wide."""
    room = max(int(width) - 1, 1)
    return sum(max(1, -(-len(paragraph) // room)) for paragraph in text.split("\n"))


def _timeline_row(sheet: _Sheet, event: Event) -> None:
    sheet.rows += 1
    cells = row_values(event)
    documents = cited_documents(event)
    for index, column in enumerate(COLUMNS):
        if column == "start":
            sheet.day(index, event.date.earliest)
        elif column == "end":
            sheet.day(index, event.date.latest)
        elif column in TYPED:
            number = cells[column]
            assert number is None or isinstance(number, int)  # the other typed columns
            sheet.number(index, number)
        elif column == "sources" and len(documents) == 1 and _is_web(url := _url(documents[0][1])):
            sheet.link(index, url, str(cells[column]))
        else:
            sheet.text(index, cells[column])


def _url(refs: list[SourceRef]) -> str | None:
    return next((ref.source_url for ref in refs if ref.source_url), None)


def _source_rows(sheet: _Sheet, events: Sequence[Event]) -> None:
    cited: dict[str, list[SourceRef]] = {}
    counts: dict[str, int] = {}
    for event in events:
        for path, refs in cited_documents(event):
            cited.setdefault(path, []).extend(refs)
            counts[path] = counts.get(path, 0) + 1
    for path, refs in cited.items():
        sheet.rows += 1
        first = refs[0]
        url = _url(refs)
        published = first.source_published
        sheet.text(0, path)
        sheet.text(1, one_line(first.source_title) if first.source_title else None)
        sheet.text(2, published.display() if published is not None else None)
        if _is_web(url):
            sheet.link(3, url, url)
        else:
            sheet.text(3, url)
        sheet.number(4, counts[path])


def render_xlsx(events: Sequence[Event], *, title: str | None = None) -> bytes:
    """An .xlsx workbook for ``events`` (already in chronological order), as bytes."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
        "default_date_format": _DATE_FORMAT,
    }
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"title": one_line(title or "Timeline"), "comments": "Written by timeline"})
    formats = {
        "header": book.add_format({"bold": True, "bottom": 1, "valign": "top"}),
        "text": book.add_format({"valign": "top"}),
        "wrap": book.add_format({"valign": "top", "text_wrap": True}),
        "number": book.add_format({"valign": "top", "align": "center"}),
        "date": book.add_format({"num_format": _DATE_FORMAT, "valign": "top"}),
        "link": book.add_format({"valign": "top", "font_color": "blue", "underline": 1}),
        "link_wrap": book.add_format(
            {"valign": "top", "font_color": "blue", "underline": 1, "text_wrap": True}
        ),
    }
    timeline = _Sheet(book, SHEET, COLUMNS, formats)
    for event in events:
        _timeline_row(timeline, event)
    timeline.finish()
    sources = _Sheet(book, SOURCES_SHEET, SOURCE_COLUMNS, formats)
    _source_rows(sources, events)
    sources.finish()
    book.close()
    return buffer.getvalue()
