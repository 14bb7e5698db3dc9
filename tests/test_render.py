"""Renderers: golden files for the hand-built timeline, plus behaviour that must hold.

Golden files live in tests/golden/. They change only on purpose: after a deliberate change to a
layout, regenerate them with

    TIMELINE_REGEN_GOLDEN=1 PYTHONPATH=src pytest tests/test_render.py

and read the diff before keeping it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from render_fixtures import (
    BULLETIN,
    BY_ID,
    EVENTS,
    GAZETTE,
    LONG_TITLE,
    MINUTES,
    TITLE,
    ref,
    terminal_text,
)
from timeline.dates import DateValue
from timeline.models import Event, Resolution, SourceRef
from timeline.render import FORMATS, group_by_year, phrase_span, quote_parts, render
from timeline.render.csv import COLUMNS, render_csv
from timeline.render.html import render_html
from timeline.render.jsonout import render_json
from timeline.render.markdown import escape, render_markdown
from timeline.render.mermaid import render_mermaid
from timeline.render.timelinejs import render_timelinejs

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("TIMELINE_REGEN_GOLDEN") == "1"


def commonmark(text: str) -> str:
    return MarkdownIt("commonmark").render(text)


# ----------------------------------------------------------------------------- golden files
GOLDEN_CASES = {
    "timeline.md": lambda: render_markdown(EVENTS, title=TITLE),
    "timeline_quotes.md": lambda: render_markdown(EVENTS, title=TITLE, quotes=True),
    "timeline.csv": lambda: render_csv(EVENTS),
    "timeline.json": lambda: render_json(EVENTS, title=TITLE),
    "timeline_mermaid.md": lambda: render_markdown(EVENTS, title=TITLE, mermaid=True),
    "timeline.mmd": lambda: render_mermaid(EVENTS, title=TITLE),
    "timeline_bom.csv": lambda: render_csv(EVENTS, bom=True),
    "timelinejs.json": lambda: render_timelinejs(EVENTS, title=TITLE),
    "timeline.html": lambda: render_html(EVENTS, title=TITLE),
    "timeline_no_quotes_by_month.html": lambda: render_html(EVENTS, quotes=False,
                                                            group_by="month"),
    "terminal_80.txt": lambda: terminal_text(width=80, title=TITLE),
    "terminal_40.txt": lambda: terminal_text(width=40),
    "terminal_120.txt": lambda: terminal_text(width=120),
    "terminal_80_quotes.txt": lambda: terminal_text(width=80, quotes=True),
    "terminal_60_month.txt": lambda: terminal_text(width=60, group_by="month"),
    "terminal_100_none_quotes.txt": lambda: terminal_text(width=100, group_by="none",
                                                          quotes=True, title=TITLE),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(name: str) -> None:
    actual = GOLDEN_CASES[name]()
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as file:
        expected = file.read()
    assert actual == expected, f"{name} differs from its golden file (see module docstring)"


# ----------------------------------------------------------------------------- dispatcher
@pytest.mark.parametrize(
    ("fmt", "direct"),
    [
        ("markdown", lambda: render_markdown(EVENTS, title="T", quotes=True)),
        ("csv", lambda: render_csv(EVENTS, bom=True)),
        ("json", lambda: render_json(EVENTS, title="T")),
        ("mermaid", lambda: render_mermaid(EVENTS, title="T")),
        ("timelinejs", lambda: render_timelinejs(EVENTS, title="T")),
        ("html", lambda: render_html(EVENTS, title="T", quotes=False)),
    ],
)
def test_render_dispatches_to_each_format(fmt: str, direct) -> None:
    options = {"markdown": {"title": "T", "quotes": True}, "csv": {"bom": True},
               "json": {"title": "T"}, "mermaid": {"title": "T"}, "timelinejs": {"title": "T"},
               "html": {"title": "T", "quotes": False}}[fmt]  # fmt: skip
    assert render(fmt, EVENTS, **options) == direct()


def test_formats_are_the_dispatchable_ones() -> None:
    assert FORMATS == ("markdown", "mermaid", "csv", "json", "timelinejs", "html")


def test_render_rejects_unknown_format_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="'pdf'.*markdown, mermaid, csv, json, timelinejs, html"):
        render("pdf", EVENTS)


def test_importing_and_text_rendering_never_load_rich() -> None:
    code = (
        "import sys, timeline.render as r, timeline.filters\n"
        "loaded = 'rich' in sys.modules or 'typer' in sys.modules\n"
        "for fmt in r.FORMATS: r.render(fmt, [])\n"
        "print(loaded, 'rich' in sys.modules or 'typer' in sys.modules)\n"
    )
    src = str(Path(__file__).parent.parent / "src")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": src}, check=True)  # fmt: skip
    assert out.stdout.split() == ["False", "False"]


# ----------------------------------------------------------------------------- shared layout
def test_group_by_year_keeps_caller_order_and_puts_unknown_year_last() -> None:
    shuffled = [BY_ID[i] for i in ("e-xxxx", "e-2022d", "e-2011", "e-2022l", "e-2011")]
    groups = group_by_year(shuffled)
    assert [(year, [e.id for e in events]) for year, events in groups] == [
        (2022, ["e-2022d", "e-2022l"]),
        (2011, ["e-2011", "e-2011"]),
        (None, ["e-xxxx"]),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # offsets agree with the quote
        (SourceRef("a", start=110, end=118, text="May 2022", quote="In May 2022 it",
                   quote_start=107), (3, 11)),
        # offsets disagree with the text: fall back to finding the text
        (SourceRef("a", start=5, end=13, text="May 2022", quote="In May 2022 it", quote_start=0),
         (3, 11)),
        # no offsets at all
        (SourceRef("a", text="2022", quote="In May 2022 it"), (7, 11)),
        # the phrase is not in the quote
        (SourceRef("a", text="June", quote="In May 2022 it"), None),
        (SourceRef("a", text="June"), None),
    ],
)  # fmt: skip
def test_phrase_span(source: SourceRef, expected) -> None:
    assert phrase_span(source) == expected


def test_quote_parts_collapse_line_breaks_around_the_phrase() -> None:
    source = SourceRef("a", start=9, end=17, text="May\n2022", quote=" It was\n May\n2022 \r\nso",
                       quote_start=0)  # fmt: skip
    assert quote_parts(source) == ("It was ", "May 2022", " so")


# ----------------------------------------------------------------------------- markdown
# Text -> what a CommonMark reader must see (markdown-it escapes &, <, >, ").
ESCAPE_CASES = [
    "*not emphasis*",
    "__not strong__",
    "under_score and snake_case_name",
    "[not a link](http://example.org)",
    "<b>not html</b>",
    "a | b | c",
    "`not code`",
    "back\\slash \\* and \\",
    "# not a heading",
    "## not a heading either #",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "12) not a list",
    "---",
    "***",
    "~~~ not a fence",
    "```",
    "> not a quote",
    "&amp; stays as typed",
    "![not an image](x.png)",
    "Café owner’s ‘complaint’ – upheld",
]


def _html_text(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))  # fmt: skip


@pytest.mark.parametrize("text", ESCAPE_CASES)
def test_escape_renders_literally_in_commonmark(text: str) -> None:
    assert commonmark(escape(text)) == f"<p>{_html_text(text)}</p>\n"


@given(st.text(alphabet="ab1 .-+#*_[]<>|`\\&~=!()>:", min_size=1))
def test_escape_renders_any_markup_literally(text: str) -> None:
    if not text.strip():
        return
    assert commonmark(escape(text)) == f"<p>{_html_text(text.strip())}</p>\n"


def test_escape_collapses_line_breaks() -> None:
    assert escape("one\n  two\r\nthree") == "one two three"


def test_markdown_structure_in_commonmark() -> None:
    html = commonmark(render_markdown(EVENTS, title="A *title* # 1"))
    assert re.findall(r"<h1>(.*?)</h1>", html) == ["A *title* # 1"]
    years = re.findall(r"<h2>(.*?)</h2>", html)
    assert years == ["2011", "2012", "2015", "2017", "2018", "2019", "2020", "2022", "2023",
                     "Year unknown"]  # fmt: skip
    assert html.count("<li>") == len(EVENTS)
    assert html.count("<ul>") == len(years)  # no item turned into a nested list
    assert "<ol" not in html and "<code>" not in html
    assert re.findall(r"<em>(.*?)</em>", html) == [
        "Note:",  # and the footnotes' document names, with their markup characters literal
        "Council *promises* change | Valley_Gazette",
        "data/001_be30bcefd557b5c9.txt",
        "data/002_f82ba60ffd874853.txt",
    ]
    assert "<blockquote>" not in html
    assert html.count("<strong>") == len(EVENTS)  # the dates, nothing else
    for literal in ("*children's*", "| &quot;phase 1&quot;", "under_funding", "[report]",
                    "&lt;b&gt;upheld&lt;/b&gt;", "# Not a heading", "- Inspectors",
                    "1. Budget `meeting` held \\ minutes lost", "Café owner’s",
                    "+£11.5m", "director_appointed", LONG_TITLE):  # fmt: skip
        assert literal in html, literal


def test_markdown_quotes_are_blockquotes_with_the_phrase_in_bold() -> None:
    text = render_markdown(EVENTS, quotes=True)
    html = commonmark(text)
    quoted = sum(1 for event in EVENTS for source in event.sources if source.quote)
    assert html.count("<blockquote>") == sum(1 for e in EVENTS if e.sources)
    assert html.count("<strong>") == len(EVENTS) + quoted
    assert "<strong>Between 2012 and 2021</strong> funding fell every year." in html
    assert "@chair: since <strong>16 May 2022</strong> calls have doubled." in html
    assert "funding fell\nevery" not in text


def test_markdown_footnotes_one_per_document_in_order_of_first_citation() -> None:
    text = render_markdown(EVENTS)
    items = {line.split("**")[1]: line for line in text.splitlines() if line.startswith("- ")}
    assert items["2011"].endswith("[^1]")
    assert items["2012–2021"].endswith("[^2]")
    assert items["16 May 2022"].endswith("[^1][^2][^3]")
    assert "[^" not in items["September 2017"]
    notes = [line for line in text.splitlines() if line.startswith("[^")]
    assert notes == [
        "[^1]: *Council \\*promises\\* change \\| Valley\\_Gazette*, "
        "data/000\\_1ba681d719f63865.txt, lines 3, 7, 31, 40 (published 17 May 2022). "
        "<https://example.org/news/council_change?id=7&page=2>",
        "[^2]: *data/001\\_be30bcefd557b5c9.txt*, lines 2, 4, 9, 15, 22.",
        "[^3]: *data/002\\_f82ba60ffd874853.txt*, lines 2, 5, 12, 20, 30 (published March 2023).",
    ]


def test_markdown_marks_inferred_dates_and_shows_notes() -> None:
    text = render_markdown(EVENTS)
    assert "- **1 March 2023** (inferred): Audit" in text
    assert "- **16 May 2022**: " in text
    assert "  *Note:* Date from the council's published calendar" in text


def test_markdown_url_that_cannot_be_an_autolink_is_escaped_text() -> None:
    source = replace(ref(GAZETTE, 1, "In 2011.", "2011"), source_url="see <my site>")
    event = Event("x", DateValue.of_year(2011), "T", [source])
    assert "see \\<my site\\>" in render_markdown([event])


@pytest.mark.parametrize(
    ("events", "options", "expected"),
    [
        ([], {}, "# Timeline\n\nNo events.\n"),
        ([], {"title": "Mine"}, "# Mine\n\nNo events.\n"),
    ],
)
def test_markdown_without_events(events, options, expected) -> None:
    assert render_markdown(events, **options) == expected


@pytest.mark.parametrize("quotes", [False, True])
def test_markdown_ends_with_exactly_one_newline(quotes: bool) -> None:
    text = render_markdown(EVENTS, quotes=quotes)
    assert text.endswith("\n") and not text.endswith("\n\n")


# ----------------------------------------------------------------------------- csv
def csv_rows(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


CSV_CASES = [
    ("e-2011", {"date": "2011", "start": "2011-01-01", "end": "2011-12-31", "year": "2011",
                "month": "", "day": "", "display": "2011", "precision": "year", "qualifier": "",
                "title": 'Council cuts *children\'s* services budget | "phase 1" of 2',
                "sources": GAZETTE, "lines": "31", "tags": "budget; cuts", "note": ""}),
    ("e-2012", {"date": "2012/2021", "start": "2012-01-01", "end": "2021-12-31", "year": "2012",
                "month": "", "day": "", "display": "2012–2021",
                "quote": "Between 2012 and 2021 funding fell\nevery year."}),
    ("e-2015", {"date": "2015~", "year": "2015", "qualifier": "approximate",
                "display": "about 2015"}),
    ("e-2017", {"date": "2017-09", "year": "2017", "month": "9", "day": "", "sources": "",
                "lines": "", "quote": "", "note": "Date from the council's published calendar; "
                "no article mentions it."}),
    ("e-2018", {"month": "6", "title": "'- Inspectors rate services ‘inadequate’ – the lowest "
                "grade"}),
    ("e-2019", {"date": "2019/..", "start": "2019-01-01", "end": "", "year": "2019",
                "display": "since 2019", "title": "'=HYPERLINK(\"http://x.test\") staff "
                "shortage begins", "tags": "'=staff"}),
    ("e-2022s", {"date": "2022-21", "precision": "season", "year": "2022", "month": "",
                 "start": "2022-03-01", "end": "2022-05-31"}),
    ("e-2022w", {"date": "2022-W20", "precision": "week", "year": "2022", "month": "",
                 "display": "week of 16 May 2022", "start": "2022-05-16", "end": "2022-05-22"}),
    ("e-2022d", {"date": "2022-05-16", "year": "2022", "month": "5", "day": "16",
                 "title": "'+£11.5m extra promised after the programme airs",
                 "sources": f"{GAZETTE}; {BULLETIN}; {MINUTES}", "lines": "40; 2; 5",
                 "quote": "It was shown on 16 May 2022, the council said.", "id": "e-2022d"}),
    ("e-2022l", {"date": "2022", "qualifier": "late", "display": "late 2022",
                 "start": "2022-09-01", "end": "2022-12-31", "year": "2022"}),
    ("e-xxxx", {"date": "XXXX-05-16", "start": "", "end": "", "year": "", "month": "5",
                "day": "16", "display": "16 May"}),
]  # fmt: skip


@pytest.mark.parametrize(("event_id", "expected"), CSV_CASES, ids=[c[0] for c in CSV_CASES])
def test_csv_cells(event_id: str, expected: dict[str, str]) -> None:
    row = {r["id"]: r for r in csv_rows(render_csv(EVENTS))}[event_id]
    assert {column: row[column] for column in expected} == expected


def test_csv_one_row_per_event_in_order_with_crlf() -> None:
    text = render_csv(EVENTS)
    assert [row["id"] for row in csv_rows(text)] == [event.id for event in EVENTS]
    assert text.endswith("\r\n")
    assert text.count("\r\n") == len(EVENTS) + 1  # the quote's own "\n" stays bare


@pytest.mark.parametrize("bom", [False, True])
def test_csv_bom_only_when_asked(bom: bool) -> None:
    text = render_csv(EVENTS, bom=bom)
    assert text.startswith("\ufeff") is bom
    assert csv_rows(text.removeprefix("\ufeff"))[0]["id"] == EVENTS[0].id


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_every_formula_start_in_text_columns(start: str) -> None:
    source = ref(BULLETIN, 1, f"{start}quote 2011", "2011")
    event = Event(f"{start}id", DateValue.of_year(2011), f"{start}title", [source],
                  tags=[f"{start}tags"], note=f"{start}note")  # fmt: skip
    row = csv_rows(render_csv([event]))[0]
    for column in ("title", "id", "tags", "note"):
        assert row[column] == f"'{start}{column}"
    assert row["quote"] == f"'{start}quote 2011"
    assert row["date"] == "2011" and row["year"] == "2011"


def test_csv_leaves_tool_written_columns_unprefixed() -> None:
    row = csv_rows(render_csv([BY_ID["e-2012"]]))[0]
    assert row["date"] == "2012/2021" and row["start"] == "2012-01-01"


# ----------------------------------------------------------------------------- json
def test_json_round_trips_key_fields() -> None:
    text = render_json(EVENTS, title=TITLE)
    assert text.endswith("}\n")
    assert "Café" in text  # not \u00e9
    data = json.loads(text)
    assert data["title"] == TITLE
    assert [e["id"] for e in data["events"]] == [e.id for e in EVENTS]
    for event, item in zip(EVENTS, data["events"], strict=True):
        date = item["date"]
        assert DateValue.parse(date["edtf"]).with_qualifier(date["qualifier"]) == event.date
        assert item["date"]["display"] == event.date.display()
        assert item["title"] == event.title
        assert item["tags"] == event.tags and item["note"] == event.note
        assert item["inferred"] is event.inferred
        assert item["resolved_by"] == event.resolved_by.value
        assert [s["source"] for s in item["sources"]] == [s.source for s in event.sources]
        for source, out in zip(event.sources, item["sources"], strict=True):
            assert (out["line"], out["start"], out["end"], out["text"], out["quote"]) == (
                source.line,
                source.start,
                source.end,
                source.text,
                source.quote,
            )
            lo, hi = out["start"] - out["quote_start"], out["end"] - out["quote_start"]
            assert out["quote"][lo:hi] == out["text"]


def test_json_nulls_for_unknown_and_open_dates() -> None:
    data = json.loads(render_json([BY_ID["e-xxxx"], BY_ID["e-2019"], BY_ID["e-2017"]]))
    unknown, open_ended, unsourced = data["events"]
    assert data["title"] is None
    assert unknown["date"] == {"edtf": "XXXX-05-16", "display": "16 May", "precision": "day",
                               "qualifier": None, "earliest": None, "latest": None}  # fmt: skip
    assert unknown["sources"][0]["resolved_by"] == "unresolved"
    assert open_ended["date"]["latest"] is None
    assert unsourced["sources"] == [] and unsourced["curated"] is True
    gazette = json.loads(render_json([BY_ID["e-2022w"]]))["events"][0]["sources"][0]
    assert gazette["date"] == "2022-05-16"
    assert gazette["source_published"] == "2022-05-17"
    assert gazette["source_url"].startswith("https://")


def test_fixture_covers_the_awkward_cases() -> None:
    precisions = {event.date.precision.value for event in EVENTS}
    assert {"year", "month", "day", "season", "week"} <= precisions
    assert any(event.inferred for event in EVENTS)
    assert any(len(event.sources) == 3 for event in EVENTS)
    assert any(not event.sources and event.note for event in EVENTS)
    assert any(event.date.year is None for event in EVENTS)
    assert any(event.resolved_by is Resolution.PUBLISHED for event in EVENTS)


def test_csv_lists_each_document_once_with_its_lines() -> None:
    event = BY_ID["e-2022d"]
    first = event.sources[0]
    doubled = replace(event, sources=[first, replace(first, line=3), *event.sources[1:]])
    row = next(csv.DictReader(io.StringIO(render_csv([doubled]))))
    assert row["sources"].split("; ") == [ref.source for ref in event.sources]
    assert row["source_count"] == "3"
    assert row["lines"] == "3, 40; 2; 5"


def test_pages_are_cited_for_paged_documents() -> None:
    event = BY_ID["e-2022d"]
    first = event.sources[0]
    paged = replace(event, sources=[replace(first, page=10), replace(first, line=3, page=3),
                                    *event.sources[1:]])  # fmt: skip
    row = next(csv.DictReader(io.StringIO(render_csv([paged]))))
    assert row["pages"] == "3, 10; ; "
    assert row["lines"] == "3, 40; 2; 5"
    assert "pp. 3, 10" in render_markdown([paged])
    assert "3 sources: [000] pp. 3, 10; [001] line 2; [002] line 5" in terminal_text(
        events=[paged], width=200
    )
    assert "[000]</a> pp. 3, 10" in render("html", [paged])
