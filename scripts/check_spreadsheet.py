"""Open a timeline CSV or workbook in LibreOffice Calc (headless) and show how it reads each cell.

    python scripts/check_spreadsheet.py timeline.csv
    python scripts/check_spreadsheet.py timeline.xlsx

Converts the file to .xlsx with ``soffice --headless`` (a CSV with the import options the
README gives: UTF-8, comma, double quotes, quoted fields as text, special numbers detected),
then reads the workbook Calc wrote with the standard library and prints, for each column of the
first data rows, the cell's type as Calc stored it: text, number, date (a number with a date
format) or formula, and a link where the cell has one. Exit status 2 when soffice is not
installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELS = {"r": "http://schemas.openxmlformats.org/package/2006/relationships"}
#: Calc's CSV import options, in order: comma (44), double quote (34), UTF-8 (76), from line
#: 1, no column types, the default language (0), "Format quoted field as text" on, "Detect
#: special numbers" on. The same as ticking those boxes in Calc's Text Import dialog.
CSV_FILTER = "CSV:44,34,76,1,,0,true,true"
_BUILTIN_DATE_FORMATS = set(range(14, 23)) | set(range(45, 48))


@dataclass(frozen=True)
class Cell:
    kind: str  # "text", "number", "date", "formula" or "blank"
    value: str
    link: str | None = None  # the address of a hyperlink on the cell


@dataclass(frozen=True)
class Sheet:
    """One worksheet as Calc saved it."""

    name: str
    rows: list[dict[str, Cell]]  # by header, the first row giving the headers
    frozen_rows: int  # rows frozen at the top (0: none)
    widths: dict[str, float]  # column width by header, where set
    heights: dict[int, float]  # row height by row number (1 = the header), where set


def soffice() -> str | None:
    """The LibreOffice command on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_xlsx(path: Path, out_dir: Path, command: str) -> Path:
    """Open ``path`` (a CSV, or a workbook) in Calc and save it as .xlsx in a new folder under
    ``out_dir``, with a private profile; return the saved file."""
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    target = Path(tempfile.mkdtemp(prefix="calc-", dir=out_dir))
    infilter = [f"--infilter={CSV_FILTER}"] if path.suffix.lower() == ".csv" else []
    subprocess.run(
        [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         *infilter, "--convert-to", "xlsx", "--outdir", str(target), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = target / (path.stem + ".xlsx")
    if not result.is_file():
        raise RuntimeError(f"soffice wrote no {result.name}")
    return result


def _date_styles(book: zipfile.ZipFile) -> set[int]:
    styles = ElementTree.fromstring(book.read("xl/styles.xml"))
    custom = {int(f.get("numFmtId")): f.get("formatCode", "")
              for f in styles.iterfind("m:numFmts/m:numFmt", NS)}  # fmt: skip
    dates = set()
    for index, xf in enumerate(styles.iterfind("m:cellXfs/m:xf", NS)):
        fmt = int(xf.get("numFmtId", "0"))
        code = re.sub(r'"[^"]*"|\\.', "", custom.get(fmt, ""))
        if fmt in _BUILTIN_DATE_FORMATS or (fmt in custom and re.search(r"[yd]", code, re.I)):
            dates.add(index)
    return dates


def read_xlsx(path: Path) -> list[dict[str, Cell]]:
    """The first sheet's rows as {header: Cell}, the first row giving the headers."""
    return read_sheets(path)[0].rows


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of the workbook, in order."""
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        strings = [
            _unescape("".join(t.text or "" for t in si.iterfind(".//m:t", NS)))
            for si in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).iterfind("m:si", NS)
        ] if "xl/sharedStrings.xml" in names else []  # fmt: skip
        dates = _date_styles(book)
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        targets = _targets(book, "xl/_rels/workbook.xml.rels")
        sheets = []
        for entry in workbook.iterfind("m:sheets/m:sheet", NS):
            part = "xl/" + targets[entry.get(_REL, "")].lstrip("/").removeprefix("xl/")
            rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
            links = _targets(book, rels) if rels in names else {}
            sheet = ElementTree.fromstring(book.read(part))
            sheets.append(_sheet(entry.get("name", ""), sheet, strings, dates, links))
    return sheets


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Text as a spreadsheet shows it: OOXML writes a character XML cannot hold, and an
    underscore that would start such an escape, as ``_xHHHH_``."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _targets(book: zipfile.ZipFile, part: str) -> dict[str, str]:
    rels = ElementTree.fromstring(book.read(part))
    return {
        rel.get("Id", ""): rel.get("Target", "") for rel in rels.iterfind("r:Relationship", _RELS)
    }


def _sheet(name: str, sheet: ElementTree.Element, strings: list[str], dates: set[int],
           targets: dict[str, str]) -> Sheet:  # fmt: skip
    links = {link.get("ref", ""): targets.get(link.get(_REL, ""), "")
             for link in sheet.iterfind("m:hyperlinks/m:hyperlink", NS)}  # fmt: skip
    table: list[dict[str, Cell]] = []
    heights: dict[int, float] = {}
    for row in sheet.iterfind("m:sheetData/m:row", NS):
        cells = {}
        for c in row.iterfind("m:c", NS):
            ref = c.get("r", "")
            column = re.match(r"[A-Z]+", ref).group(0)  # type: ignore[union-attr]
            cell = _cell(c, strings, dates)
            if ref in links:
                cell = Cell(cell.kind, cell.value, links[ref])
            cells[column] = cell
        if row.get("ht") and row.get("customHeight") in ("1", "true"):
            heights[int(row.get("r", "0"))] = float(row.get("ht", "0"))
        table.append(cells)
    headers = {col: cell.value for col, cell in table[0].items()} if table else {}
    rows = [{headers[col]: row.get(col, Cell("blank", "")) for col in headers}
            for row in table[1:]]  # fmt: skip
    pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    frozen = (int(float(pane.get("ySplit", "0")))
              if pane is not None and pane.get("state") == "frozen" else 0)  # fmt: skip
    letters = list(headers)
    widths = {}
    for col in sheet.iterfind("m:cols/m:col", NS):
        for index in range(int(col.get("min", "1")), int(col.get("max", "1")) + 1):
            if index <= len(letters) and col.get("width"):
                widths[headers[letters[index - 1]]] = float(col.get("width", "0"))
    return Sheet(name, rows, frozen, widths, heights)


def _cell(c: ElementTree.Element, strings: list[str], dates: set[int]) -> Cell:
    value = c.findtext("m:v", default="", namespaces=NS)
    if c.find("m:f", NS) is not None:
        return Cell("formula", value)
    kind = c.get("t", "n")
    if kind == "s":
        return Cell("text", strings[int(value)])
    if kind in ("str", "inlineStr"):
        return Cell(
            "text", _unescape(value or "".join(t.text or "" for t in c.iterfind(".//m:t", NS)))
        )
    if value == "":
        return Cell("blank", "")
    return Cell("date" if int(c.get("s", "0")) in dates else "number", value)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    command = soffice()
    if command is None:
        print("soffice (LibreOffice) is not installed", file=sys.stderr)
        return 2
    path = Path(argv[0]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        sheets = read_sheets(to_xlsx(path, Path(tmp), command))
    # Calc run headless does not keep view settings (frozen rows): those are read from the
    # workbook itself.
    given = read_sheets(path) if path.suffix.lower() == ".xlsx" else []
    frozen = {sheet.name: sheet.frozen_rows for sheet in given}
    for sheet in sheets:
        print(f"{sheet.name}: {len(sheet.rows)} rows, {frozen.get(sheet.name, 0)} frozen")
        for header in sheet.rows[0] if sheet.rows else {}:
            kinds = [f"{row[header].kind}:{row[header].value[:20]!r}"
                     + (f" -> {row[header].link}" if row[header].link else "")
                     for row in sheet.rows[:3]]  # fmt: skip
            print(f"{header:>12}  {'  '.join(kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
