"""The timeline in the terminal: headings, then the events strung on a vertical rule.

Each entry has a mark column (inferred or approximate dates, unknown years), the date at its
precision right-aligned so that the years line up, a dot on the rule, and the title wrapped
beside it, with the number of sources and a badge for each. The sources are listed once, under
their badges, after the timeline. Colour and weight are only styling: without colour the text
is the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from timeline.dates import Qualifier
from timeline.models import Event, SourceRef
from timeline.printable import printable
from timeline.render import (
    Sentence,
    cited_documents,
    cited_places,
    group_events,
    one_line,
    quoted_sentences,
    source_badges,
)

__all__ = ["render_terminal", "MARKS", "DOT", "RULE"]

#: Mark -> what it means, in legend order.
MARKS = {
    "~": "date inferred from context, or approximate",
    "?": "year not known",
}
#: Where an entry sits on the rule, and the rule that joins the entries under a heading.
DOT = "●"
RULE = "│"
_MARK_WIDTH = 3  # " ~ "
_MIN_DATE_WIDTH = 10
_MIN_BODY_WIDTH = 12
_QUOTE_INDENT = 2
_SOURCE_INDENT = 2
_STYLE_TITLE = "bold"
_STYLE_HEADING = "bold"
_STYLE_TEXT = "bold"
_STYLE_RULE = "dim"
_STYLE_SOURCE = "dim"
_STYLE_BADGE = "cyan"
_STYLE_NOTE = "italic"
_STYLE_PHRASE = "bold underline"


def _mark(event: Event) -> str:
    if not event.date.year_known or event.date.year is None:
        return "?"
    if event.inferred or event.date.qualifier is Qualifier.APPROXIMATE:
        return "~"
    return ""


def _badge(ref: SourceRef, badges: dict[str, str]) -> Text:
    return Text(f"[{badges[ref.source]}]", style=_STYLE_BADGE)


def _cite(refs: list[SourceRef], badges: dict[str, str]) -> Text:
    text = _badge(refs[0], badges)
    place = cited_places(refs)
    if place:
        text.append(f" {place}", style=_STYLE_SOURCE)
    return text


def _sources_line(event: Event, badges: dict[str, str]) -> Text | None:
    documents = cited_documents(event)
    count = len(documents)
    if not count:
        return None if event.note else Text("no source", style=_STYLE_SOURCE)
    label = "1 source: " if count == 1 else f"{count} sources: "
    cites = Text("; ", style=_STYLE_SOURCE).join(_cite(refs, badges) for _, refs in documents)
    return Text(label, style=_STYLE_SOURCE) + cites


def _quote(sentence: Sentence, badges: dict[str, str]) -> Text:
    text = _badge(sentence.ref, badges) + Text(" “")
    for piece, marked in sentence.pieces:
        text.append(piece, style=_STYLE_PHRASE if marked else None)
    text.append("”")
    return text


def _body(event: Event, quotes: bool, badges: dict[str, str]) -> list[tuple[Text, int]]:
    """The parts of an entry's right-hand column, each with its extra indent."""
    parts = [(Text(one_line(event.title), style=_STYLE_TEXT), 0)]
    sources = _sources_line(event, badges)
    if sources is not None:
        parts.append((sources, 0))
    if event.note:
        parts.append((Text(f"Note: {one_line(event.note)}", style=_STYLE_NOTE), 0))
    if quotes:
        parts.extend((_quote(sentence, badges), _QUOTE_INDENT)
                     for sentence in quoted_sentences(event.sources))  # fmt: skip
    return parts


def _wrap(console: Console, text: Text, width: int) -> list[Text]:
    """``text`` wrapped to ``width``, its control characters made visible first (every line
    printed is made here, from a document's text, title or file name)."""
    text.plain = printable(text.plain)  # one character for one: the styles stay in place
    plain = text.plain
    if "\t" not in plain and "\n" not in plain and cell_len(plain) <= width:
        text.rstrip()  # fits as it is: what wrapping would give, without its cost
        return [text]
    lines = list(text.wrap(console, max(width, 1), overflow="fold"))
    for line in lines:
        line.rstrip()
    return lines


class _Layout:
    """Column widths for one rendering: mark, date, rule, body."""

    def __init__(self, console: Console, events: Sequence[Event]) -> None:
        self.console = console
        longest = max(len(event.date.display()) for event in events)
        self.date_width = min(longest, max(_MIN_DATE_WIDTH, (console.width - _MARK_WIDTH) // 3))
        self.body_width = max(console.width - _MARK_WIDTH - self.date_width - 3, _MIN_BODY_WIDTH)

    def rule_only(self) -> Text:
        return Text(" " * (_MARK_WIDTH + self.date_width + 1)) + Text(RULE, style=_STYLE_RULE)

    def entry(self, event: Event, quotes: bool, badges: dict[str, str]) -> list[Text]:
        """An entry's lines: mark, right-aligned date, dot or rule, then the wrapped body."""
        dates = _wrap(self.console, Text(event.date.display()), self.date_width)
        body = [
            Text(" " * indent) + line
            for part, indent in _body(event, quotes, badges)
            for line in _wrap(self.console, part, self.body_width - indent)
        ]
        lines = []
        for row in range(max(len(dates), len(body))):
            mark = _mark(event) if row == 0 else ""
            line = Text(f" {mark:1} ")
            label = dates[row] if row < len(dates) else Text()
            line.pad_right(self.date_width - label.cell_len)
            line.append_text(label)
            line.append(f" {DOT if row == 0 else RULE} ",
                        style=_STYLE_TITLE if row == 0 else _STYLE_RULE)  # fmt: skip
            if row < len(body):
                line.append_text(body[row])
            line.rstrip()
            lines.append(line)
        return lines


def _legend(console: Console, events: Sequence[Event]) -> Iterator[Text]:
    marks = {_mark(event) for event in events}
    for mark, meaning in MARKS.items():
        if mark in marks:
            yield from _wrap(console, Text(f"{mark} {meaning}", style=_STYLE_SOURCE), console.width)


def _source_entry(console: Console, badge: str, refs: list[SourceRef]) -> list[Text]:
    first = refs[0]
    head = Text(f"[{badge}] ", style=_STYLE_BADGE)
    details = [first.source]
    if first.source_published is not None:
        details.append(f"published {first.source_published.display()}")
    rows = [first.source_title, ", ".join(details), first.source_url]
    width = console.width - _SOURCE_INDENT - head.cell_len
    out: list[Text] = []
    for row in (one_line(r) for r in rows if r):
        for line in _wrap(console, Text(row, style=_STYLE_SOURCE if out else ""), width):
            prefix = " " * _SOURCE_INDENT + (head.plain if not out else " " * head.cell_len)
            out.append(Text(prefix, style=_STYLE_BADGE) + line if not out
                       else Text(prefix) + line)  # fmt: skip
    return out


def _sources(console: Console, events: Sequence[Event], badges: dict[str, str]) -> Iterator[Text]:
    refs: dict[str, list[SourceRef]] = {}
    for event in events:
        for ref in event.sources:
            refs.setdefault(ref.source, []).append(ref)
    if not refs:
        return
    yield Text()
    yield Text("Sources", style=_STYLE_HEADING)
    for source, badge in badges.items():
        yield from _source_entry(console, badge, refs[source])


def _lines(
    events: Sequence[Event], console: Console, quotes: bool, title: str | None, group_by: str
) -> Iterator[Text]:
    if title:
        yield from _wrap(console, Text(one_line(title), style=_STYLE_TITLE), console.width)
        yield Text()
    if not events:
        yield Text("No events.")
        return
    layout = _Layout(console, events)
    badges = {source: printable(badge) for source, badge in source_badges(events).items()}
    for heading, group in group_events(events, group_by):
        if heading:
            yield from _wrap(console, Text(heading, style=_STYLE_HEADING), console.width)
        for index, event in enumerate(group):
            if index:
                yield layout.rule_only()
            yield from layout.entry(event, quotes, badges)
        yield Text()
    yield from _legend(console, events)
    yield from _sources(console, events, badges)


def render_terminal(
    events: Sequence[Event],
    console: Console,
    *,
    quotes: bool = False,
    title: str | None = None,
    group_by: str = "year",
) -> None:
    """Print ``events`` (already in chronological order) to ``console``.

    ``group_by`` is "year", "month" or "none" (see :func:`timeline.render.group_events`).
    """
    # Printed a few hundred lines at a time, as they are made: a timeline of a hundred thousand
    # entries is never held whole. Blank lines wait for the next line (none end the page).
    chunk: list[Text] = []
    blank = 0
    printed = False
    for line in _lines(events, console, quotes, title, group_by):
        if not line.plain:
            blank += 1
            continue
        chunk.extend(Text() for _ in range(blank))
        blank = 0
        chunk.append(line)
        if len(chunk) >= _CHUNK_LINES:
            _print(console, chunk)
            chunk, printed = [], True
    if chunk or not printed:
        _print(console, chunk)


def _plain(line: Text, tab_size: int) -> str:
    """A line as the console writes it without styles: tabs to spaces, then a newline."""
    if "\t" in line.plain:
        line = line.copy()
        line.expand_tabs(tab_size)
    return printable(line.plain) + "\n"


#: Lines printed at once.
_CHUNK_LINES = 500


def _print(console: Console, lines: list[Text]) -> None:
    if console.color_system is None and not console.record and not console.is_jupyter:
        # No styles to write (a pipe, a file, NO_COLOR off a terminal): the text as it is,
        # which is what the console would write, in a fraction of the time.
        console.file.write("".join(_plain(line, console.tab_size) for line in lines) or "\n")
        return
    page = Text("\n").join(lines)
    page.plain = printable(page.plain)  # every line was made so already: this only makes sure
    console.print(page, soft_wrap=True)
