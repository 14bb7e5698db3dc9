"""Open a timeline CSV in LibreOffice Calc (headless) and show how it reads each cell.

    python scripts/check_spreadsheet.py timeline.csv

Converts the CSV to .xlsx with ``soffice --headless`` (UTF-8, comma, double quotes), then reads
the workbook with the standard library and prints, for each column of the first data rows,
the cell's type as Calc stored it: text, number, date (a number with a date format) or
formula. Exit status 2 when soffice is not installed.
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
#: Calc's CSV import options: comma, double quote, UTF-8 (76), from line 1.
CSV_FILTER = "CSV:44,34,76,1"
_BUILTIN_DATE_FORMATS = set(range(14, 23)) | set(range(45, 48))


@dataclass(frozen=True)
class Cell:
    kind: str  # "text", "number", "date", "formula" or "blank"
    value: str


def soffice() -> str | None:
    """The LibreOffice command on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_xlsx(csv_path: Path, out_dir: Path, command: str) -> Path:
    """Convert ``csv_path`` to .xlsx in ``out_dir`` with a private profile; return its path."""
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    subprocess.run(
        [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         f"--infilter={CSV_FILTER}", "--convert-to", "xlsx", "--outdir", str(out_dir),
         str(csv_path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = out_dir / (csv_path.stem + ".xlsx")
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
    with zipfile.ZipFile(path) as book:
        strings = [
            "".join(t.text or "" for t in si.iterfind(".//m:t", NS))
            for si in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).iterfind("m:si", NS)
        ] if "xl/sharedStrings.xml" in book.namelist() else []  # fmt: skip
        dates = _date_styles(book)
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    table: list[dict[str, Cell]] = []
    for row in sheet.iterfind("m:sheetData/m:row", NS):
        cells = {}
        for c in row.iterfind("m:c", NS):
            column = re.match(r"[A-Z]+", c.get("r", "")).group(0)  # type: ignore[union-attr]
            cells[column] = _cell(c, strings, dates)
        table.append(cells)
    headers = {col: cell.value for col, cell in table[0].items()}
    return [{headers[col]: row.get(col, Cell("blank", "")) for col in headers}
            for row in table[1:]]  # fmt: skip


def _cell(c: ElementTree.Element, strings: list[str], dates: set[int]) -> Cell:
    value = c.findtext("m:v", default="", namespaces=NS)
    if c.find("m:f", NS) is not None:
        return Cell("formula", value)
    kind = c.get("t", "n")
    if kind == "s":
        return Cell("text", strings[int(value)])
    if kind in ("str", "inlineStr"):
        return Cell("text", value or "".join(t.text or "" for t in c.iterfind(".//m:t", NS)))
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
    with tempfile.TemporaryDirectory() as tmp:
        rows = read_xlsx(to_xlsx(Path(argv[0]).resolve(), Path(tmp), command))
    for header in rows[0] if rows else {}:
        kinds = [f"{row[header].kind}:{row[header].value[:20]!r}" for row in rows[:3]]
        print(f"{header:>10}  {'  '.join(kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
