"""Exports as their readers see them: citations, headings and quotes that hold on real input.

Markdown is read with a footnote-aware renderer (GitHub and Pandoc render ``[^1]``; strict
CommonMark does not).
"""

from __future__ import annotations

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
from timeline.render.markdown import render_markdown

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
