"""The CSV as LibreOffice Calc reads it: dates as dates, numbers as numbers, no formulas.

Skipped when LibreOffice (``soffice``) is not installed.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from render_fixtures import EVENTS
from timeline.render.csv import render_csv

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_spreadsheet.py"
_spec = importlib.util.spec_from_file_location("check_spreadsheet", _SCRIPT)
check = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
sys.modules.setdefault("check_spreadsheet", check)
_spec.loader.exec_module(check)  # type: ignore[union-attr]

SOFFICE = check.soffice()
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
SERIAL_ZERO = date(1899, 12, 30)  # day 0 of spreadsheet date serials


@pytest.fixture(scope="module", params=[False, True], ids=["utf8", "bom"])
def rows(request, tmp_path_factory) -> list[dict]:
    folder = tmp_path_factory.mktemp("calc")
    path = folder / "timeline.csv"
    path.write_text(render_csv(EVENTS, bom=request.param), encoding="utf-8", newline="")
    return check.read_xlsx(check.to_xlsx(path, folder, SOFFICE))


def as_day(cell) -> date:
    assert cell.kind == "date", cell
    return SERIAL_ZERO + timedelta(days=int(float(cell.value)))


def test_one_row_per_event_with_the_headers_intact(rows) -> None:
    assert [row["id"].value for row in rows] == [event.id for event in EVENTS]


def test_start_and_end_are_read_as_dates(rows) -> None:
    for row, event in zip(rows, EVENTS, strict=True):
        for column, day in (("start", event.date.earliest), ("end", event.date.latest)):
            if day is None:
                assert row[column].kind == "blank"
            else:
                assert as_day(row[column]) == day


def test_year_month_day_are_numbers_or_blank(rows) -> None:
    from timeline.render import date_parts

    for row, event in zip(rows, EVENTS, strict=True):
        for column, part in zip(("year", "month", "day"), date_parts(event.date), strict=True):
            if part is None:
                assert row[column].kind == "blank", (event.id, column)
            else:
                assert (row[column].kind, int(float(row[column].value))) == ("number", part)


def test_text_stays_text_and_nothing_becomes_a_formula(rows) -> None:
    by_id = {row["id"].value: row for row in rows}
    assert all(cell.kind != "formula" for row in rows for cell in row.values())
    assert by_id["e-2019"]["title"].value.endswith('=HYPERLINK("http://x.test") staff shortage '
                                                   "begins")  # fmt: skip
    assert by_id["e-2022s"]["title"] == check.Cell("text", "Café owner’s complaint <b>upheld</b>")
    assert by_id["e-2012"]["quote"].value == "Between 2012 and 2021 funding fell\nevery year."
    assert by_id["e-2022d"]["sources"].kind == "text"
