"""Exports as their readers see them: citations, headings and quotes that hold on real input.

Markdown is read with a footnote-aware renderer (GitHub and Pandoc render ``[^1]``; strict
CommonMark does not).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from typer.testing import CliRunner

from render_fixtures import BULLETIN, EVENTS, GAZETTE, MINUTES, ref
from timeline.cli import app
from timeline.dates import DateValue
from timeline.models import Event
from timeline.render import GROUPINGS, group_events
from timeline.render.html import render_html
from timeline.render.markdown import render_markdown
from timeline.render.timelinejs import headline, render_timelinejs

D = DateValue
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run commands from the repository, on the seed documents and their curated file."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def footnoted(text: str) -> str:
    """Markdown as a renderer with footnotes (GFM, Pandoc) shows it."""
    return MarkdownIt("commonmark").use(footnote_plugin).render(text)


def _sentence(source: str, line: int, phrase: str, quote_start: int) -> object:
    return ref(source, line, f"It happened on {phrase}, they said.", phrase,
               quote_start=quote_start)  # fmt: skip


#: One happening found six times in one document, once in another, once in a third: the
#: shape that used to give one footnote marker per mention.
MANY_MENTIONS = Event(
    "many",
    D.of_day(2022, 5, 16),
    "Programme broadcast",
    [_sentence(GAZETTE, line, "16 May 2022", 100 * line) for line in (7, 11, 27, 31, 33, 37)]
    + [_sentence(MINUTES, 5, "16 May 2022", 500), _sentence(BULLETIN, 2, "16 May 2022", 200)],
)


#: One sentence that dates the happening twice, a second document quoting the same words,
#: and the same words again further on in the first document (another sentence).
SENTENCE = "Following the Panorama programme broadcast yesterday (Monday 16 May), we apologise."
TWICE_IN_ONE_SENTENCE = Event(
    "twice",
    D.of_day(2022, 5, 16),
    "Panorama broadcast",
    [
        ref(GAZETTE, 7, SENTENCE, "yesterday", quote_start=300),
        ref(GAZETTE, 7, SENTENCE, "Monday 16 May", quote_start=300),
        ref(BULLETIN, 3, SENTENCE, "Monday 16 May", quote_start=40),
        ref(GAZETTE, 30, SENTENCE, "yesterday", quote_start=2000),
    ],
)


# ----------------------------------------------------------------------------- quotes
def test_html_quotes_a_sentence_once_with_every_date_phrase_marked() -> None:
    html = render_html([TWICE_IN_ONE_SENTENCE])
    quotes = re.findall(r"<blockquote><p>(.*?)</p><footer>(.*?)</footer>", html)
    assert [text for text, _ in quotes] == [
        "“Following the Panorama programme broadcast <mark>yesterday</mark> (<mark>Monday 16 "
        "May</mark>), we apologise.”",
        "“Following the Panorama programme broadcast yesterday (<mark>Monday 16 May</mark>), we "
        "apologise.”",
        "“Following the Panorama programme broadcast <mark>yesterday</mark> (Monday 16 May), we "
        "apologise.”",
    ]
    assert [re.sub(r"<[^>]+>", "", cite) for _, cite in quotes] == [
        "[000] line 7", "[001] line 3", "[000] line 30"
    ]  # fmt: skip


def test_markdown_and_timelinejs_quote_a_sentence_once_too() -> None:
    text = render_markdown([TWICE_IN_ONE_SENTENCE], quotes=True)
    quoted = [line for line in text.splitlines() if line.startswith("  > F")]
    assert quoted[0] == (
        "  > Following the Panorama programme broadcast **yesterday** (**Monday 16 May**), we "
        "apologise."
    )
    assert len(quoted) == 3
    slide = json.loads(render_timelinejs([TWICE_IN_ONE_SENTENCE]))["events"][0]
    assert slide["text"]["text"].count("<blockquote>") == 3
    assert slide["text"]["text"].count("<mark>") == 4


def test_terminal_quotes_a_sentence_once_too() -> None:
    from render_fixtures import terminal_text

    text = " ".join(terminal_text([TWICE_IN_ONE_SENTENCE], width=200, quotes=True).split())
    assert text.count("“Following the Panorama") == 3


def test_overlapping_phrases_are_marked_once() -> None:
    sentence = "It aired on Monday 16 May 2022 at 8pm."
    refs = [ref(GAZETTE, 1, sentence, "Monday 16 May"), ref(GAZETTE, 1, sentence, "16 May 2022")]
    event = Event("o", D.of_day(2022, 5, 16), "Aired", refs)
    assert "<mark>Monday 16 May 2022</mark> at 8pm" in render_html([event])


# ----------------------------------------------------------------------------- markdown
def test_markdown_gives_one_marker_per_document_and_one_footnote_per_document() -> None:
    text = render_markdown([*EVENTS, MANY_MENTIONS])
    item = next(line for line in text.splitlines() if "Programme broadcast" in line)
    assert item.endswith("Programme broadcast[^1][^3][^2]")
    for line in text.splitlines():
        if line.startswith("- "):
            markers = re.findall(r"\[\^\d+\]", line)
            assert len(markers) == len(set(markers)), line
    definitions = re.findall(r"^\[\^(\d+)\]:", text, flags=re.M)
    assert definitions == ["1", "2", "3"]
    assert "lines 3, 7, 11, 27, 31, 33, 37, 40" in text  # the footnote lists every line cited


def test_markdown_footnotes_render_as_links_to_one_note_per_document() -> None:
    html = footnoted(render_markdown([*EVENTS, MANY_MENTIONS], quotes=True))
    notes = re.findall(r'<li id="fn(\d+)" class="footnote-item">', html)
    assert notes == ["1", "2", "3"]
    references = re.findall(r'<a href="#fn(\d+)" id="fnref\d+(?::\d+)?">', html)
    assert set(references) == {"1", "2", "3"}
    assert "[^" not in html  # every marker became a link


@pytest.mark.parametrize("group_by", GROUPINGS)
def test_markdown_headings_follow_group_by(group_by: str) -> None:
    text = render_markdown(EVENTS, group_by=group_by)
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    expected = [label for label, _ in group_events(EVENTS, group_by) if label]
    assert headings == expected
    assert len(headings) == len(set(headings))
    assert ("May 2022" in headings) is (group_by == "month")
    if group_by == "none":
        assert headings == []
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(items) == len(EVENTS)


def test_group_by_month_never_repeats_a_heading() -> None:
    # An event not within one month (a span from 30 May into June, "late 2022") sorts
    # between days of the same month or after later months; its year heading comes once,
    # before the year's months, and each month heading once.
    events = sorted(
        [
            Event("a", D.of_day(2022, 5, 16), "A"),
            Event("b", D.parse("2022-05-30/2022-06-03"), "B"),
            Event("c", D.of_day(2022, 5, 31), "C"),
            Event("d", D.parse("late 2022"), "D"),
            Event("e", D.of_month(2022, 9), "E"),
            Event("f", D.of_day(2022, 10, 1), "F"),
            Event("g", D.of_year(2022), "G"),
            Event("h", D.of_day(2023, 1, 2), "H"),
        ],
        key=lambda event: event.date.sort_key(),
    )
    groups = [(label, [e.id for e in group]) for label, group in group_events(events, "month")]
    assert groups == [
        ("2022", ["g", "b", "d"]),
        ("May 2022", ["a", "c"]),
        ("September 2022", ["e"]),
        ("October 2022", ["f"]),
        ("January 2023", ["h"]),
    ]
    text = render_markdown(events, group_by="month")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {label}" for label, _ in groups]


def test_export_markdown_by_month_on_the_seeds(seeds) -> None:
    text = run("export", "--format", "markdown", "--group-by", "month")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert "## May 2022" in headings and "## 2022" in headings
    assert len(headings) == len(set(headings))
    for line in text.splitlines():
        markers = re.findall(r"\[\^\d+\]", line if line.startswith("- ") else "")
        assert len(markers) == len(set(markers)), line


# ----------------------------------------------------------------------------- timelinejs
#: Dates whose place depends on more than their year or month, each beside plain dates.
ORDER_DATES = [
    "2011", "2012-12-20", "before 2013", "../2012", "2013", "early 2013", "2013-01-02",
    "after 2013", "2014-01-01", "2015~", "2018-06-15", "../2018-06", "2018-06-30", "2018-07",
    "2022", "mid-2022", "2022-05", "2022-05-16", "2022-W20", "late 2022-05", "2022-21",
    "late 2022", "2022-09", "2022-09-02", "2022-24", "2012/2021", "2019/..", "199X",
    "early 2023-03", "2023-03-01", "2022-05-30/2022-06-03", "-0479", "-0479-08",
]  # fmt: skip


def _tljs_time(parts: dict[str, int]) -> tuple[int, int, int]:
    """Where TimelineJS places a date object: a missing month or day is the first."""
    return parts["year"], parts.get("month", 1), parts.get("day", 1)


def test_timelinejs_starts_put_the_slides_in_the_order_show_gives() -> None:
    events = sorted(
        (Event(f"e{i}", D.parse(text), text) for i, text in enumerate(ORDER_DATES)),
        key=lambda event: event.date.sort_key(),
    )
    slides = json.loads(render_timelinejs(events))["events"]
    # TimelineJS sorts by start alone, keeping the given order among equal starts
    placed = sorted(slides, key=lambda slide: _tljs_time(slide["start_date"]))
    assert [slide["unique_id"] for slide in placed] == [event.id for event in events]
    for slide in slides:
        if "end_date" in slide:
            assert _tljs_time(slide["start_date"]) <= _tljs_time(slide["end_date"])


@pytest.mark.parametrize(
    ("edtf", "start", "end"),
    [
        ("late 2022", {"year": 2022, "month": 9}, {"year": 2022, "month": 12}),
        ("mid-2022", {"year": 2022, "month": 5}, {"year": 2022, "month": 8}),
        ("early 2023-03", {"year": 2023, "month": 3, "day": 1},
         {"year": 2023, "month": 3, "day": 10}),
        ("before 2013", {"year": 2012, "month": 12, "day": 31}, None),
        ("../2012", {"year": 2012, "month": 12, "day": 31}, None),
        ("after 2013", {"year": 2014}, None),
        ("2015~", {"year": 2015}, None),
    ],
)  # fmt: skip
def test_timelinejs_qualified_dates_span_their_days(edtf: str, start, end) -> None:
    slide = json.loads(render_timelinejs([Event("x", D.parse(edtf), "X")]))["events"][0]
    assert (slide["start_date"], slide.get("end_date")) == (start, end)
    assert slide["display_date"] == D.parse(edtf).display()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Children's services", "Children's services"),
        ('The "phase 1" plan', 'The "phase 1" plan'),
        ("A & E waits > 4 hours, 3 < 4", "A & E waits > 4 hours, 3 < 4"),
        ("Café <b>upheld</b>", "Café &lt;b>upheld&lt;/b>"),
        ("R&D &amp; more", "R&amp;D &amp;amp; more"),
        ("<!-- x --> <?php", "&lt;!-- x --> &lt;?php"),
    ],
)
def test_timelinejs_headline_escapes_only_what_would_become_markup(title, expected) -> None:
    assert headline(title) == expected
    data = json.loads(render_timelinejs([Event("x", D.of_year(2011), title)], title=title))
    assert data["events"][0]["text"]["headline"] == expected
    assert data["title"]["text"]["headline"] == expected
    assert html_text(expected) == title  # read back as HTML, the headline is the title


def html_text(fragment: str) -> str:
    """The text an HTML parser makes of ``fragment`` in an element."""
    from html.parser import HTMLParser

    parts: list[str] = []

    class Reader(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

        def handle_starttag(self, tag, attrs) -> None:
            raise AssertionError(f"markup <{tag}> in {fragment!r}")

        handle_startendtag = handle_starttag

        def handle_comment(self, data: str) -> None:
            raise AssertionError(f"a comment in {fragment!r}")

        def handle_pi(self, data: str) -> None:
            raise AssertionError(f"a processing instruction in {fragment!r}")

    reader = Reader(convert_charrefs=True)
    reader.feed(fragment)
    reader.close()
    return "".join(parts)


# ----------------------------------------------------------------------------- extract --all
VAGUE = """Council statement

The service is now under review. It currently employs 40 social workers and recently lost
six of them. In the future it will publish a plan. The report came out on 1 March 2023,
three years after the last one.
"""


def test_extract_all_lists_vague_references_with_their_timex_value(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "001_statement.txt").write_text(VAGUE, encoding="utf-8")

    def rows(*extra: str) -> list[dict]:
        out = run("extract", "001_statement.txt", "--published", "2023-03-02", *extra)
        return [json.loads(line) for line in out.splitlines()]

    every = rows("--all")
    found = {row["text"]: row for row in every}
    assert {text: found[text]["value"] for text in found if found[text]["kind"] == "date"} == {
        "now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF",
        "the future": "FUTURE_REF", "1 March 2023": None,
    }  # fmt: skip
    for text in ("now", "currently", "recently"):
        row = found[text]
        assert (row["kind"], row["date"], row["earliest"]) == ("date", None, None)
        assert VAGUE[row["start"] : row["end"]] == text
        assert row["id"] == f"001:{text}"
    assert found["three years"]["value"] == "P3Y"
    dated = rows()
    assert [row["text"] for row in dated] == ["1 March 2023"]
    # the dated candidates keep their ids, and everything comes in the order of the text
    assert [row for row in every if row["date"] is not None] == dated
    assert [row["start"] for row in every] == sorted(row["start"] for row in every)


# ----------------------------------------------------------------------------- xlsx
def test_export_xlsx_writes_a_workbook_of_the_seeds(seeds, tmp_path) -> None:
    import zipfile

    target = tmp_path / "timeline.xlsx"
    result = CliRunner().invoke(app, ["export", "--format", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    with zipfile.ZipFile(target) as book:
        assert book.testzip() is None
        names = book.namelist()
        strings = book.read("xl/sharedStrings.xml").decode()
    assert {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} <= set(names)
    assert "Ofsted rates Herefordshire children" in strings
    piped = CliRunner().invoke(app, ["export", "--format", "xlsx"])
    assert piped.exit_code == 0 and piped.stdout_bytes[:2] == b"PK"  # to a pipe, as it is


def test_export_xlsx_is_not_written_to_a_terminal(seeds) -> None:
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "timeline", "export", "--format", "xlsx"],
            stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=120,
            cwd=ROOT, env={**os.environ, "NO_COLOR": "1"},
        )  # fmt: skip
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert b"xlsx is a binary file: give -o FILE.xlsx" in done.stderr
    assert b"Traceback" not in done.stderr


def test_export_xlsx_never_overwrites_a_document(seeds) -> None:
    result = CliRunner().invoke(
        app, ["export", "--format", "xlsx", "-o", "seeds/000_1ba681d719f63865.txt"]
    )
    assert result.exit_code == 2
    assert "refusing" in result.stderr


def test_xlsx_cells_past_excels_limits_are_cut_and_long_addresses_not_linked(tmp_path) -> None:
    import importlib.util
    import sys
    import zipfile
    from dataclasses import replace

    from timeline.render.xlsx import render_xlsx

    spec = importlib.util.spec_from_file_location(
        "check_spreadsheet", ROOT / "scripts" / "check_spreadsheet.py"
    )
    check = sys.modules.setdefault("check_spreadsheet", importlib.util.module_from_spec(spec))  # type: ignore[arg-type]
    if not hasattr(check, "read_sheets"):
        spec.loader.exec_module(check)  # type: ignore[union-attr]

    long_url = "https://example.org/" + "a" * 2100
    source = replace(ref(GAZETTE, 1, "In 2011 it began.", "2011"), source_url=long_url)
    event = Event("big", D.of_year(2011), "Big", [source], note="n" * 40_000)
    path = tmp_path / "big.xlsx"
    path.write_bytes(render_xlsx([event]))  # no warning from the writer (warnings are errors)
    with zipfile.ZipFile(path) as book:
        assert book.testzip() is None
    timeline, sources = check.read_sheets(path)
    note = timeline.rows[0]["note"].value
    assert len(note) == 32767 and note.endswith("n…")
    assert timeline.rows[0]["sources"].link is None
    assert sources.rows[0]["url"] == check.Cell("text", long_url)
