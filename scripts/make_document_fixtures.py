"""Remake the small documents under tests/fixtures/documents/ with the real tools.

    python scripts/make_document_fixtures.py

Needs reportlab (PDF), Pillow (the scanned page), pypdf (PDF properties) and python-docx.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "documents"

PDF_PAGES = [
    [
        "Inspection of children's services",
        "The council's services were inspected in June 2018 and were",
        "judged inadequate.",
    ],
    [
        "A monitoring visit on 14 March 2019 found that improvements had",
        "begun.",
        "The next full inspection is due in 2021.",
    ],
]

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council responds to report | Example News</title>
  <meta property="og:title" content="Council responds to report">
  <link rel="canonical" href="https://news.example.org/council-responds">
  <script>var published = "1 January 1999";</script>
  <style>body { font-family: serif; }</style>
</head>
<body>
  <header><a href="/">Example News</a> — Updated 2 February 2020</header>
  <nav><ul><li><a href="/archive/2017">Archive 2017</a></li><li>Weather</li></ul></nav>
  <main>
    <article>
      <h1>Council responds to report</h1>
      <p class="byline">By a reporter,
        <time datetime="2022-05-17T08:30:00+01:00">17 May 2022</time></p>
      <p>The council said on Monday that it accepted the findings.
         An improvement plan will be published in <b>July 2022</b>.</p>
      <aside><p>Related: the 2015 budget</p></aside>
      <p>Inspectors first raised concerns in 2016.</p>
    </article>
  </main>
  <footer>© 2023 Example News. Cookies policy updated 1 March 2023.</footer>
  <script>track("page viewed 2024-01-01");</script>
</body>
</html>
"""

MARKDOWN = """---
title: Notes
date: 2021-09-30
---
# Meeting of 3 May 2021

- **Decision**: the plan was *approved* in [June 2021](https://example.org/2019/01/minutes).
"""

CP1252_TEXT = "The council\u2019s report was published on 1 March 2023 \u2013 caf\u00e9 talk.\r\n"
UTF16_TEXT = "The review began in spring 2020.\r\nIt ended in late 2022.\r\n"


def make_pdf(pages: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    for lines in pages:
        y = 780
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 18
        pdf.showPage()
    pdf.save()
    return with_properties(
        buffer.getvalue(), "Inspection of children's services", "D:20190401090000Z"
    )


def with_properties(data: bytes, title: str, created: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Title": title, "/CreationDate": created, "/ModDate": created})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_scanned_pdf(pages: list[list[str]]) -> bytes:
    """Each page is only a picture of its text, as a scanner makes it: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    for lines in pages:
        image = Image.new("L", (600, 200), 255)
        draw = ImageDraw.Draw(image)
        for n, line in enumerate(lines):
            draw.text((10, 10 + 20 * n), line, fill=0)
        pdf.drawImage(ImageReader(image), 36, 560, width=520, height=173)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Statement from the chair", level=1)
    document.add_paragraph("The board met on 12 January 2023 and agreed the budget.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Milestone"
    table.cell(0, 1).text = "When"
    table.cell(1, 0).text = "New director appointed"
    table.cell(1, 1).text = "April 2023"
    document.add_paragraph("A further statement will follow in the autumn.")
    props = document.core_properties
    props.title = "Statement from the chair"
    props.created = dt.datetime(2023, 1, 10, 9, 0)
    props.modified = dt.datetime(2023, 1, 13, 16, 45)
    props.last_modified_by = "timeline"
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    files = {
        "report.pdf": make_pdf(PDF_PAGES),
        "scanned.pdf": make_scanned_pdf(PDF_PAGES),
        "statement.docx": make_docx(),
        "article.html": HTML_PAGE.encode("utf-8"),
        "notes.md": MARKDOWN.encode("utf-8"),
        "legacy.txt": CP1252_TEXT.encode("cp1252"),
        "wide.txt": UTF16_TEXT.encode("utf-16"),
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    }
    files["corrupt.pdf"] = files["report.pdf"][:400]
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
