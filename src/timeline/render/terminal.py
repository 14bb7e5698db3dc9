"""The timeline in the terminal: year headings, then one entry per event.

Each entry has a mark column (inferred or approximate dates, unknown years), the date at its
precision in a fixed-width column, and the title wrapped under its own column with the
sources below it. Colour and weight are only styling: without colour the text is the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console
from rich.text import Text

from timeline.dates import Qualifier
from timeline.models import Event, SourceRef
from timeline.render import UNKNOWN_YEAR, group_by_year, one_line, quote_parts, short_name

__all__ = ["render_terminal", "MARKS"]

#: Mark -> what it means, in legend order.
MARKS = {
    "~": "date inferred from context, or approximate",
    "?": "year not known",
}
_INDENT = 2
_MIN_DATE_WIDTH = 10
_MIN_BODY_WIDTH = 12
_QUOTE_INDENT = 2
_STYLE_TITLE = "bold"
_STYLE_YEAR = "bold"
_STYLE_SOURCE = "dim"
_STYLE_NOTE = "italic"
_STYLE_PHRASE = "bold underline"


def _mark(event: Event) -> str:
    if not event.date.year_known or event.date.year is None:
        return "?"
    if event.inferred or event.date.qualifier is Qualifier.APPROXIMATE:
        return "~"
    return ""


def _cite(ref: SourceRef) -> str:
    name = short_name(ref)
    return f"{name}:{ref.line}" if ref.line is not None else name


def _sources_line(event: Event) -> Text | None:
    cites = "; ".join(_cite(ref) for ref in event.sources)
    if len(event.sources) > 1:
        cites = f"{len(event.sources)} sources: {cites}"
    if not cites:
        return None if event.note else Text("no source", style=_STYLE_SOURCE)
    return Text(cites, style=_STYLE_SOURCE)


def _quote(ref: SourceRef) -> Text:
    before, phrase, after = quote_parts(ref)
    text = Text("“")
    text.append(before)
    text.append(phrase, style=_STYLE_PHRASE)
    text.append(after)
    text.append("”")
    return text


def _body(event: Event, quotes: bool) -> list[tuple[Text, int]]:
    """The parts of an entry's right-hand column, each with its extra indent."""
    parts = [(Text(one_line(event.title)), 0)]
    sources = _sources_line(event)
    if sources is not None:
        parts.append((sources, 0))
    if event.note:
        parts.append((Text(f"Note: {one_line(event.note)}", style=_STYLE_NOTE), 0))
    if quotes:
        parts.extend((_quote(ref), _QUOTE_INDENT) for ref in event.sources if ref.quote)
    return parts


def _wrap(console: Console, text: Text, width: int) -> list[Text]:
    return list(text.wrap(console, max(width, 1), overflow="fold"))


def _entry(console: Console, event: Event, date_width: int, quotes: bool) -> list[Text]:
    """An entry's lines: mark, date column, then the body with a hanging indent."""
    body_width = max(console.width - _INDENT - 3 - date_width, _MIN_BODY_WIDTH)
    dates = _wrap(console, Text(event.date.display()), date_width)
    body = [
        Text(" " * indent) + line
        for part, indent in _body(event, quotes)
        for line in _wrap(console, part, body_width - indent)
    ]
    lines = []
    for row in range(max(len(dates), len(body))):
        line = Text(" " * _INDENT + (_mark(event) if row == 0 else "").ljust(1) + " ")
        label = dates[row] if row < len(dates) else Text()
        label.rstrip()
        line.append_text(label)
        line.pad_right(date_width - label.cell_len + 1)
        if row < len(body):
            line.append_text(body[row])
        line.rstrip()
        lines.append(line)
    return lines


def _wrapped(console: Console, text: Text) -> list[Text]:
    """``text`` wrapped to the console, without trailing spaces."""
    lines = _wrap(console, text, console.width)
    for line in lines:
        line.rstrip()
    return lines


def _lines(
    events: Sequence[Event], console: Console, quotes: bool, title: str | None
) -> Iterator[Text]:
    if title:
        yield from _wrapped(console, Text(one_line(title), style=_STYLE_TITLE))
        yield Text()
    if not events:
        yield Text("No events.")
        return
    longest = max(len(event.date.display()) for event in events)
    date_width = min(longest, max(_MIN_DATE_WIDTH, (console.width - _INDENT) // 3))
    for year, group in group_by_year(events):
        heading = str(year) if year is not None else UNKNOWN_YEAR
        yield from _wrapped(console, Text(heading, style=_STYLE_YEAR))
        for event in group:
            yield from _entry(console, event, date_width, quotes)
        yield Text()
    marks = {_mark(event) for event in events}
    for mark, meaning in MARKS.items():
        if mark in marks:
            yield from _wrapped(console, Text(f"{mark} {meaning}", style=_STYLE_SOURCE))


def render_terminal(
    events: Sequence[Event],
    console: Console,
    *,
    quotes: bool = False,
    title: str | None = None,
) -> None:
    """Print ``events`` (already in chronological order) to ``console``."""
    console.print(Text("\n").join(_lines(events, console, quotes, title)), soft_wrap=True)
