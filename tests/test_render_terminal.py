"""The terminal timeline: layout that must hold at every width and grouping.

The exact text at several widths and groupings is fixed by golden files (tests/test_render.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from rich.text import Text

from render_fixtures import BY_ID, EVENTS, LONG_TITLE, TITLE, terminal_ansi, terminal_text
from timeline.dates import DateValue
from timeline.models import Event, SourceRef
from timeline.render import group_events
from timeline.render.terminal import DOT, RULE

WIDTHS = [40, 60, 80, 120]
GROUPINGS = ["year", "month", "none"]
YEARS = ["2011", "2012", "2015", "2017", "2018", "2019", "2020", "2022", "2023", "Year unknown"]


def timeline_part(text: str) -> list[str]:
    """The lines before the legend and the source list."""
    lines = text.splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith(("~ ", "? ", "Sources")))
    return lines[:end]


def entry_lines(text: str) -> list[str]:
    return [line for line in timeline_part(text) if f" {DOT} " in line]


def rule_column(line: str) -> int:
    return next(i for i, char in enumerate(line) if char in (DOT, RULE))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("quotes", [False, True])
@pytest.mark.parametrize("group_by", GROUPINGS)
def test_lines_fit_the_width_without_trailing_spaces(width, quotes, group_by) -> None:
    text = terminal_text(width=width, quotes=quotes, title=TITLE, group_by=group_by)
    for line in text.splitlines():
        assert len(line) <= width, line
        assert line == line.rstrip(), line


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("group_by", GROUPINGS)
def test_one_dot_per_event_in_order_on_a_single_rule_column(width, group_by) -> None:
    text = terminal_text(width=width, group_by=group_by)
    entries = entry_lines(text)
    assert len(entries) == len(EVENTS)
    body = [line for line in timeline_part(text) if DOT in line or RULE in line]
    assert len({rule_column(line) for line in body}) == 1
    starts = [next(e.title for e in EVENTS if line.split(f" {DOT} ")[1] in e.title)
              for line in entries]  # fmt: skip
    assert starts == [event.title for _, group in group_events(EVENTS, group_by) for event in group]


@pytest.mark.parametrize("width", [80, 120])
def test_dates_are_right_aligned_so_the_years_line_up(width: int) -> None:
    entries = entry_lines(terminal_text(width=width))
    ends = {line.index(f" {DOT} ") for line in entries}
    assert len(ends) == 1
    with_year = [line for line in entries if re.search(r"\d{4} " + DOT, line)]
    assert len(with_year) == len(EVENTS) - 1  # all but "16 May", whose year is unknown
    assert any(line.split(f" {DOT}")[0].endswith(" week of 16 May 2022") for line in entries)


@pytest.mark.parametrize("width", [40, 80, 120])
def test_long_title_hangs_beside_the_rule(width: int) -> None:
    lines = terminal_text(width=width).splitlines()
    first = next(i for i, line in enumerate(lines) if "A review of every" in line)
    column = lines[first].index("A review")
    following = lines[first + 1 : first + 4]
    assert all(line[column - 2] == RULE for line in following)
    assert all(line[column] != " " for line in following)
    words = " ".join(line[column:] for line in lines[first:]).split()
    assert " ".join(words).startswith(LONG_TITLE)


def test_rule_joins_the_entries_of_a_year_and_breaks_between_years() -> None:
    lines = terminal_text(width=80).splitlines()
    start = lines.index("2022")
    block = lines[start + 1 : lines.index("", start)]
    assert sum(DOT in line for line in block) == 4
    assert all(DOT in line or RULE in line for line in block)
    assert block[-1].endswith("1 source: [002] line 30")


def test_marks_and_legend() -> None:
    lines = timeline_part(terminal_text())
    marked = {line[1]: [] for line in lines if line[1:2] in ("~", "?")}
    for line in lines:
        if line[1:2] in ("~", "?"):
            marked[line[1]].append(line.split(f" {DOT} ")[0].strip(" ~?"))
    assert marked == {"~": ["about 2015", "1 March 2023"], "?": ["16 May"]}
    text = terminal_text()
    assert "~ date inferred from context, or approximate\n? year not known\n" in text
    plain = terminal_text([BY_ID["e-2011"], BY_ID["e-2018"]])
    assert not any(line[1:2] in ("~", "?") for line in timeline_part(plain))
    assert "inferred" not in plain and "year not known" not in plain


@pytest.mark.parametrize(
    ("group_by", "headings"),
    [
        ("year", YEARS),
        ("month", ["2011", "2012", "2015", "September 2017", "June 2018", "2019",
                   "January 2020", "2022", "May 2022", "March 2023", "Year unknown"]),
        ("none", []),
    ],
)  # fmt: skip
def test_headings(group_by: str, headings: list[str]) -> None:
    lines = timeline_part(terminal_text(width=80, group_by=group_by))
    assert [line for line in lines if line and not line.startswith(" ")] == headings


def test_unknown_grouping_is_refused() -> None:
    with pytest.raises(ValueError, match="'week'.*year, month, none"):
        terminal_text(group_by="week")


def test_sources_count_badges_and_list() -> None:
    text = terminal_text(width=200)
    assert "3 sources: [000] line 40; [001] line 2; [002] line 5" in text
    assert "1 source: [001] line 4\n" in text
    assert "Note: Date from the council's published calendar" in text
    sources = text[text.index("\nSources\n") :].splitlines()[2:]
    assert sources == [
        "  [000] Council *promises* change | Valley_Gazette",
        "        data/000_1ba681d719f63865.txt, published 17 May 2022",
        "        https://example.org/news/council_change?id=7&page=2",
        "  [001] data/001_be30bcefd557b5c9.txt",
        "  [002] data/002_f82ba60ffd874853.txt, published March 2023",
    ]


def test_event_without_source_or_note_says_so() -> None:
    event = Event("x", DateValue.of_year(2011), "Nothing to cite")
    text = terminal_text([event])
    assert "Nothing to cite\n" in text and "no source" in text
    assert "Sources" not in text


def test_quotes_highlight_the_date_phrase_after_their_badge() -> None:
    styled = Text.from_ansi(terminal_ansi(quotes=True, width=200))
    highlighted = {
        styled.plain[span.start : span.end]
        for span in styled.spans
        if getattr(span.style, "bold", False) and getattr(span.style, "underline", False)
    }
    assert highlighted == {
        "2011", "Between 2012 and 2021", "Around 2015", "June 2018", "Since 2019",
        "15 January 2020", "spring 2022", "Monday 16 May", "16 May 2022", "late 2022",
        "Yesterday", "Friday 16 May",
    }  # fmt: skip
    assert "[001] “Between 2012 and 2021 funding fell every year.”" in styled.plain


@pytest.mark.parametrize("quotes", [False, True])
@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("group_by", GROUPINGS)
def test_colour_is_only_styling(quotes: bool, width: int, group_by: str) -> None:
    ansi = terminal_ansi(width=width, quotes=quotes, title=TITLE, group_by=group_by)
    assert "\x1b[" in ansi
    assert Text.from_ansi(ansi).plain == terminal_text(width=width, quotes=quotes, title=TITLE,
                                                       group_by=group_by)  # fmt: skip


def test_does_not_read_markup_in_titles_or_paths() -> None:
    event = Event("x", DateValue.of_year(2011), "[bold]not bold[/bold] :smile: [link=x]y[/link]",
                  [SourceRef("a/[red]b.txt", line=3)])  # fmt: skip
    text = terminal_text([event], width=120)
    assert "[bold]not bold[/bold] :smile: [link=x]y[/link]" in text
    assert "  [[red]b] a/[red]b.txt" in text


@pytest.mark.parametrize(
    ("events", "options", "expected"),
    [
        ([], {}, "No events.\n"),
        ([], {"title": "Mine"}, "Mine\n\nNo events.\n"),
        ([], {"group_by": "none"}, "No events.\n"),
    ],
)
def test_without_events(events, options, expected) -> None:
    assert terminal_text(events, **options) == expected


def test_mentions_in_one_document_count_as_one_source() -> None:
    event = BY_ID["e-2022d"]
    first = event.sources[0]
    doubled = replace(event, sources=[first, replace(first, line=3), *event.sources[1:], first])
    text = terminal_text(events=[doubled], width=200)
    assert "3 sources: [000] lines 3, 40; [001] line 2; [002] line 5" in text


def _rich_plain(events, width: int, **options) -> str:
    """The rendering written by the console itself (a recording console takes that path)."""
    import io

    from rich.console import Console

    from timeline.render.terminal import render_terminal

    console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
    render_terminal(events, console, **options)
    return console.file.getvalue()


@pytest.mark.parametrize("width", [30, 80])
def test_text_written_without_styles_is_what_the_console_writes(width: int) -> None:
    odd = Event(
        "odd",
        DateValue.of_year(2011),
        "Tab\there, 東京 wide, e\u0301 combining, \x1b[2J escape, trailing   ",
        [SourceRef("docs/\tname\x07.txt", line=1, quote="A\tquote \x9b with 2011.")],
    )
    events = [*EVENTS, odd]
    for options in ({}, {"quotes": True, "title": TITLE}, {"group_by": "none"}):
        assert terminal_text(events, width=width, **options) == _rich_plain(
            events, width, **options
        )


def test_a_long_timeline_is_written_as_it_is_made() -> None:
    """Thousands of entries are not held as one page: the output is written in pieces."""
    import io

    from rich.console import Console

    from timeline.render.terminal import render_terminal

    class Writes(io.StringIO):
        count = 0

        def write(self, text: str) -> int:
            Writes.count += 1
            return super().write(text)

    many = [replace(EVENTS[0], id=f"e{i}", title=f"Entry {i}") for i in range(2000)]
    console = Console(file=Writes(), width=80, color_system=None)
    render_terminal(many, console)
    written = console.file.getvalue()
    assert written.count(f" {DOT} ") == 2000 and "Entry 1999" in written
    assert Writes.count >= 10
