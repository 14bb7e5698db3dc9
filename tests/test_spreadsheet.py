"""The CSV and the workbook as LibreOffice Calc reads them: every cell of every row.

The CSV is opened with the import options the README gives (quoted fields as text); the
workbook as it is. Calc saves each as .xlsx again, and every cell it wrote is compared with
what the export meant: dates as dates, numbers as numbers, all else the very text, no formula.
Skipped when LibreOffice (``soffice``) is not installed.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from render_fixtures import BULLETIN, EVENTS, GAZETTE, MINUTES, ref
from timeline.dates import DateValue
from timeline.models import Event
from timeline.render import cited_documents
from timeline.render.csv import COLUMNS, TYPED, render_csv, row_values
from timeline.render.xlsx import FIRST_DATE, SOURCE_COLUMNS, render_xlsx

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_spreadsheet.py"
_spec = importlib.util.spec_from_file_location("check_spreadsheet", _SCRIPT)
check = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
sys.modules.setdefault("check_spreadsheet", check)
_spec.loader.exec_module(check)  # type: ignore[union-attr]

SOFFICE = check.soffice()
needs_calc = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
SERIAL_ZERO = date(1899, 12, 30)  # day 0 of spreadsheet date serials
D = DateValue

#: Text a spreadsheet guesses is something else: dates without a year, fractions, numbers
#: with leading zeros, booleans, percentages, times, scientific notation, formulas, and text
#: that looks like the workbook's own escapes.
GUESSES = ["May 16", "June 2018", "1/2", "0012", "TRUE", "50%", "12:30", "1e5", " 42",
           "(12)", "3.5", "$5", "=1+1", "-3", "+44 20 7946 0000", "@here", "_x0041_ stays",
           "16-05"]  # fmt: skip


def _guess(index: int, text: str) -> Event:
    source = (GAZETTE, BULLETIN, MINUTES)[index % 3]
    return Event(f"g-{index}", D.of_day(2021, 1 + index % 12, 1 + index), text,
                 [ref(source, 50 + index, f"{text} was said.", text[:1] or "x")],
                 tags=[text], note=text)  # fmt: skip


EXTRA = [
    *(_guess(i, text) for i, text in enumerate(GUESSES)),
    Event("old", D.parse("1850-06-03"), "Before spreadsheets count days", [],
          note="1850: written as text"),
    Event("jan-1900", D.parse("1900-01"), "January 1900, before Excel's day count is right",
          [], note="text too"),
    Event("march-1900", D.parse("1900-03-01"), "The first day written as a date", [],
          note="a date"),
    Event("bce", D.parse("-0479-08-17"), "Before the common era", [], note="no calendar day"),
    Event("odd-link", D.of_year(2005), "A source whose address is not a web page",
          [replace(ref(GAZETTE, 9, "In 2005 it began.", "2005"), source="data/x.txt",
                   source_url="javascript:alert(1)")]),
]  # fmt: skip
CASES = sorted([*EVENTS, *EXTRA], key=lambda event: event.date.sort_key())


def serial_day(cell) -> date:
    return SERIAL_ZERO + timedelta(days=int(float(cell.value)))


# ----------------------------------------------------------------------------- CSV
@pytest.fixture(scope="module", params=[False, True], ids=["utf8", "bom"])
def csv_rows(request, tmp_path_factory) -> tuple[list[dict], list[dict]]:
    """(the CSV's own rows, the rows Calc read from it)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("calc-csv")
    text = render_csv(CASES, bom=request.param)
    path = folder / "timeline.csv"
    path.write_text(text, encoding="utf-8", newline="")
    written = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    return written, check.read_xlsx(check.to_xlsx(path, folder, SOFFICE))


@needs_calc
def test_csv_every_cell_reads_back_as_written(csv_rows) -> None:
    written, read = csv_rows
    assert len(read) == len(written) == len(CASES)
    for row, (mine, calc) in enumerate(zip(written, read, strict=True), start=2):
        assert list(calc) == list(COLUMNS)
        for column in COLUMNS:
            field, cell = mine[column], calc[column]
            where = f"row {row}, {column}: {field!r} read as {cell}"
            if field == "":
                assert cell.kind == "blank", where
            elif column in ("start", "end"):
                assert cell.kind == "date" and serial_day(cell).isoformat() == field, where
            elif column in TYPED:
                assert cell.kind == "number" and int(float(cell.value)) == int(field), where
            else:
                assert (cell.kind, cell.value) == ("text", field), where


@needs_calc
def test_csv_guessable_text_stays_text(csv_rows) -> None:
    _, read = csv_rows
    by_id = {row["id"].value: row for row in read}
    assert by_id["e-2018"]["display"] == check.Cell("text", "June 2018")
    assert by_id["e-xxxx"]["display"] == check.Cell("text", "16 May")
    for index, text in enumerate(GUESSES):
        title = by_id[f"g-{index}"]["title"]
        assert title.kind == "text", (text, title)
        assert title.value in (text, "'" + text), (text, title)  # formula-like: prefixed


# ----------------------------------------------------------------------------- workbook
@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "timeline.xlsx"
    path.write_bytes(render_xlsx(CASES))
    return path


@pytest.fixture(scope="module")
def calc_sheets(workbook, tmp_path_factory) -> list:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("calc-xlsx")
    return check.read_sheets(check.to_xlsx(workbook, folder, SOFFICE))


def _web(url: str | None) -> bool:
    return bool(url) and url.startswith(("http://", "https://"))  # type: ignore[union-attr]


def expected_timeline_cell(event: Event, column: str):
    """The cell the workbook means for ``event`` in ``column``: (kind, value, link)."""
    if column in ("start", "end"):
        day = event.date.earliest if column == "start" else event.date.latest
        if day is None:
            return ("blank", "", None)
        return ("date" if day >= FIRST_DATE else "text", day.isoformat(), None)
    value = row_values(event)[column]
    if value is None or value == "":
        return ("blank", "", None)
    if column in TYPED:
        return ("number", str(value), None)
    link = None
    documents = cited_documents(event)
    if column == "sources" and len(documents) == 1:
        url = next((r.source_url for r in documents[0][1] if r.source_url), None)
        link = url if _web(url) else None
    return ("text", str(value), link)


def _read(cell) -> tuple[str, str, str | None]:
    if cell.kind == "date":
        return ("date", serial_day(cell).isoformat(), cell.link)
    if cell.kind == "number":
        return ("number", str(int(float(cell.value))), cell.link)
    return (cell.kind, cell.value, cell.link)


@needs_calc
def test_xlsx_every_cell_of_the_timeline_reads_back_typed(calc_sheets) -> None:
    timeline = calc_sheets[0]
    assert timeline.name == "Timeline" and len(timeline.rows) == len(CASES)
    for row, (event, cells) in enumerate(zip(CASES, timeline.rows, strict=True), start=2):
        assert list(cells) == list(COLUMNS)
        for column in COLUMNS:
            expected = expected_timeline_cell(event, column)
            assert _read(cells[column]) == expected, f"row {row} ({event.id}), {column}"


@needs_calc
def test_xlsx_every_cell_of_the_sources_reads_back(calc_sheets) -> None:
    sources = calc_sheets[1]
    cited: dict[str, list] = {}
    for event in CASES:
        for path, refs in cited_documents(event):
            cited.setdefault(path, []).append(refs[0])
    assert sources.name == "Sources" and len(sources.rows) == len(cited)
    for (path, refs), cells in zip(cited.items(), sources.rows, strict=True):
        first = refs[0]
        url = first.source_url
        expected = {
            "source": ("text", path, None),
            "title": ("text", first.source_title, None) if first.source_title
            else ("blank", "", None),
            "published": ("text", first.source_published.display(), None)
            if first.source_published else ("blank", "", None),
            "url": ("text", url, url if _web(url) else None) if url else ("blank", "", None),
            "events": ("number", str(len(refs)), None),
        }  # fmt: skip
        assert list(cells) == list(SOURCE_COLUMNS)
        for column in SOURCE_COLUMNS:
            assert _read(cells[column]) == expected[column], (path, column)


@needs_calc
def test_xlsx_columns_are_sized_to_their_contents(calc_sheets) -> None:
    widths = calc_sheets[0].widths
    assert set(widths) == set(COLUMNS)
    assert 10 <= widths["start"] <= 16 and widths["month"] < widths["display"]
    assert widths["title"] >= 40 and widths["quote"] >= widths["title"]
    assert max(widths.values()) <= 82
    # a row whose title wraps is as tall as its lines
    heights = calc_sheets[0].heights
    long_row = next(i for i, e in enumerate(CASES, start=2) if e.id == "e-2020")
    assert heights.get(long_row, 0) >= 60


def test_xlsx_header_is_frozen_and_filtered(workbook) -> None:
    # Calc run headless drops view settings when it saves, so this reads the file itself.
    sheets = check.read_sheets(workbook)
    assert [sheet.frozen_rows for sheet in sheets] == [1, 1]
    import zipfile

    with zipfile.ZipFile(workbook) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert f'<autoFilter ref="A1:R{len(CASES) + 1}"/>' in sheet
    assert "<f>" not in sheet  # no formula anywhere
