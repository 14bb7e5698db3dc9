"""Reading real files of each format, made by real tools (scripts/make_document_fixtures.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from timeline.dates import DateValue
from timeline.documents import collect, format_of, missing_extra, read_document
from timeline.errors import DocumentError
from timeline.pipeline import extract_document

FIXTURES = Path(__file__).parent / "fixtures" / "documents"


def read(name: str, **options):
    document, warning = read_document(FIXTURES / name, name, **options)
    return document, warning


def found(document) -> dict[str, object]:
    """Each candidate's phrase with its quote, line and page."""
    return {c.text: (c.quote, c.line, c.page) for c in extract_document(document, "x")}


# ----------------------------------------------------------------------------- HTML
def test_html_keeps_the_article_and_drops_navigation_scripts_and_footers() -> None:
    document, warning = read("article.html")
    assert warning is None
    assert document.text.split("\n") == [
        "Council responds to report",
        "By a reporter, 17 May 2022",
        # Line breaks of the HTML source inside a paragraph are spaces.
        "The council said on Monday that it accepted the findings. "
        "An improvement plan will be published in July 2022.",
        "Inspectors first raised concerns in 2016.",
    ]
    for boilerplate in ("Archive 2017", "2 February 2020", "1 March 2023", "2024", "2015", "1999"):
        assert boilerplate not in document.text
    assert (document.title, document.url) == (
        "Council responds to report",
        "https://news.example.org/council-responds",
    )


def test_html_publication_date_comes_from_the_time_element() -> None:
    document, _ = read("article.html")
    assert document.published == DateValue.of_day(2022, 5, 17)
    assert document.published_from == "metadata"
    phrases = found(document)
    # "Monday" is resolved against the page's own date; offsets point into the extracted text.
    monday = next(c for c in extract_document(document, "x") if c.text == "Monday")
    assert monday.date == DateValue.of_day(2022, 5, 16)
    assert document.text[monday.start : monday.end] == "Monday"
    assert phrases["July 2022"] == ("An improvement plan will be published in July 2022.", 3, None)


def test_curated_publication_date_beats_the_metadata() -> None:
    given = DateValue.of_day(2022, 6, 1)
    document, _ = read("article.html", published=given, published_from="curation")
    assert (document.published, document.published_from) == (given, "curation")


def test_metadata_beats_a_date_given_for_all_documents() -> None:
    document, _ = read("article.html", published=DateValue.of_year(2020), published_from="option")
    assert (document.published, document.published_from) == (
        DateValue.of_day(2022, 5, 17),
        "metadata",
    )


# ----------------------------------------------------------------------------- PDF
def test_pdf_is_read_page_by_page_and_quotes_cite_pages() -> None:
    pytest.importorskip("pypdf")
    document, warning = read("report.pdf")
    assert warning is None
    assert document.pages is not None and len(document.pages) == 2
    phrases = found(document)
    assert phrases["June 2018"] == (
        "The council's services were inspected in June 2018 and were judged inadequate.",
        2,
        1,
    )  # fmt: skip  -- the layout's line break inside the sentence is a space
    assert phrases["14 March 2019"] == (
        "A monitoring visit on 14 March 2019 found that improvements had begun.", 4, 2,
    )  # fmt: skip
    assert phrases["2021"][2] == 2
    assert document.text[document.pages[1] :].startswith("A monitoring visit")


def test_pdf_properties_give_title_and_publication_date() -> None:
    pytest.importorskip("pypdf")
    document, _ = read("report.pdf")
    assert document.title == "Inspection of children's services"
    assert (document.published, document.published_from) == (
        DateValue.of_day(2019, 4, 1),
        "metadata",
    )


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        (
            "scanned.pdf",
            "scanned PDF with no text layer (2 pages); it needs OCR before it can be read",
        ),
        ("corrupt.pdf", "corrupt PDF ("),
    ],
)
def test_pdfs_that_cannot_be_read_say_why(name: str, reason: str) -> None:
    pytest.importorskip("pypdf")
    with pytest.raises(DocumentError) as caught:
        read(name)
    assert caught.value.path == name
    assert caught.value.reason.startswith(reason)


# ----------------------------------------------------------------------------- Word
def test_docx_paragraphs_and_table_rows_in_order() -> None:
    pytest.importorskip("docx")
    document, _ = read("statement.docx")
    assert document.text.split("\n") == [
        "Statement from the chair",
        "The board met on 12 January 2023 and agreed the budget.",
        "Milestone\tWhen",
        "New director appointed\tApril 2023",
        "A further statement will follow in the autumn.",
    ]
    phrases = found(document)
    assert phrases["12 January 2023"] == (
        "The board met on 12 January 2023 and agreed the budget.",
        2,
        None,
    )
    assert phrases["April 2023"] == ("New director appointed\tApril 2023", 4, None)


def test_docx_properties_give_title_and_publication_date() -> None:
    pytest.importorskip("docx")
    document, _ = read("statement.docx")
    assert document.title == "Statement from the chair"
    # The last-saved date, when the document took its final form.
    assert (document.published, document.published_from) == (
        DateValue.of_day(2023, 1, 13),
        "metadata",
    )


# ----------------------------------------------------------------------------- text
def test_markdown_markup_is_not_tagged_but_offsets_point_into_the_file() -> None:
    document, _ = read("notes.md")
    assert document.text == (FIXTURES / "notes.md").read_text(encoding="utf-8")
    assert (document.published, document.published_from) == (
        DateValue.of_day(2021, 9, 30),
        "metadata",
    )
    candidates = extract_document(document, "x")
    assert [c.text for c in candidates] == ["3 May 2021", "June 2021"]  # not the link's 2019/01
    for candidate in candidates:
        assert document.text[candidate.start : candidate.end] == candidate.text
    assert candidates[0].line == 5


@pytest.mark.parametrize(
    ("name", "text", "warning"),
    [
        ("legacy.txt",
         "The council\u2019s report was published on 1 March 2023 \u2013 caf\u00e9 talk.\n",
         "legacy.txt: not UTF-8 (byte 11); read as Windows-1252"),
        ("wide.txt", "The review began in spring 2020.\nIt ended in late 2022.\n", None),
    ],
)  # fmt: skip
def test_legacy_and_utf16_text(name: str, text: str, warning: str | None) -> None:
    document, warned = read(name)
    assert (document.text, warned) == (text, warning)


def test_utf16_offsets_and_lines_refer_to_the_decoded_text() -> None:
    document, _ = read("wide.txt")
    late = next(c for c in extract_document(document, "x") if c.text == "late 2022")
    assert (late.line, late.column, late.page) == (2, 13, None)
    assert document.text[late.start : late.end] == "late 2022"


def test_a_folder_of_every_kind_reads_the_good_and_names_the_bad(tmp_path, monkeypatch) -> None:
    for module in ("pypdf", "docx"):
        pytest.importorskip(module)
    monkeypatch.chdir(FIXTURES)
    result = collect([Path(".")])
    assert [d.path for d in result.documents] == [
        "article.html", "legacy.txt", "notes.md", "report.pdf", "statement.docx", "wide.txt",
    ]  # fmt: skip
    skipped = dict(result.skipped)
    assert skipped["empty.txt"] == "empty file"
    assert skipped["image.txt"] == "binary file (contains NUL bytes); not a text document"
    assert skipped["scanned.pdf"].startswith("scanned PDF with no text layer")
    assert skipped["corrupt.pdf"].startswith("corrupt PDF")
    assert result.warnings == ["legacy.txt: not UTF-8 (byte 11); read as Windows-1252"]


# ----------------------------------------------------------------------------- extras
@pytest.mark.parametrize(
    ("module", "name", "message"),
    [
        ("pypdf", "report.pdf", "reading PDF documents needs the optional 'pdf' extra: "
                                "pip install 'timeline[pdf]'"),
        ("docx", "statement.docx", "reading Word documents needs the optional 'docx' extra: "
                                   "pip install 'timeline[docx]'"),
    ],
)  # fmt: skip
def test_a_missing_extra_is_named_with_the_command_to_install_it(
    monkeypatch: pytest.MonkeyPatch, module: str, name: str, message: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == module else real(n, *a)
    )
    key = format_of(name, (FIXTURES / name).read_bytes())
    assert missing_extra(key) == message
    with pytest.raises(DocumentError) as caught:
        read(name)
    assert (caught.value.path, caught.value.reason) == (name, message)


def test_html_needs_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Web pages are read with the standard library alone: without Beautiful Soup too."""
    monkeypatch.setitem(sys.modules, "bs4", None)  # as if it were not installed
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == "bs4" else real(n, *a)
    )
    assert missing_extra("html") is None
    document, _ = read("article.html")
    assert document.text.startswith("Council responds to report\nBy a reporter, 17 May 2022\n")
    assert document.published == DateValue.of_day(2022, 5, 17)
