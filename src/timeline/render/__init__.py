"""Renderers: plain functions from a chronologically sorted list of events to output.

Each text format lives in its own module and is imported only when asked for, so importing
this package stays cheap. The terminal renderer (:mod:`timeline.render.terminal`) writes to a
``rich`` console and is not part of :func:`render`.

The helpers below are shared layout decisions: how events are grouped under year headings,
how a source is named, and where the date phrase sits inside a quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.models import Event, SourceRef

__all__ = [
    "FORMATS",
    "UNKNOWN_YEAR",
    "render",
    "group_by_year",
    "short_name",
    "phrase_span",
    "one_line",
    "quote_parts",
]

#: The text formats :func:`render` can produce.
FORMATS = ("markdown", "csv", "json")

#: Heading for events whose date has no known year.
UNKNOWN_YEAR = "Year unknown"

# format name -> (module, function)
_RENDERERS = {
    "markdown": ("timeline.render.markdown", "render_markdown"),
    "csv": ("timeline.render.csv", "render_csv"),
    "json": ("timeline.render.jsonout", "render_json"),
}


def render(fmt: str, events: Sequence[Event], **options: object) -> str:
    """Render ``events`` in the text format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    module_name, function_name = _RENDERERS[fmt]
    renderer: Callable[..., str] = getattr(import_module(module_name), function_name)
    return renderer(events, **options)


def group_by_year(events: Iterable[Event]) -> list[tuple[int | None, list[Event]]]:
    """Events under their year, years in order of first appearance, unknown year last.

    The order of events within a year is the caller's.
    """
    groups: dict[int | None, list[Event]] = {}
    for event in events:
        groups.setdefault(event.date.year, []).append(event)
    unknown = groups.pop(None, None)
    ordered: list[tuple[int | None, list[Event]]] = list(groups.items())
    if unknown:
        ordered.append((None, unknown))
    return ordered


def short_name(ref: SourceRef) -> str:
    """The source's title when known, else its file name."""
    return ref.source_title or ref.source.rstrip("/").rsplit("/", 1)[-1] or ref.source


def phrase_span(ref: SourceRef) -> tuple[int, int] | None:
    """Where the date phrase lies in ``ref.quote`` (offsets into the quote), if it can be placed."""
    quote = ref.quote
    if not quote:
        return None
    if ref.start is not None and ref.end is not None and ref.quote_start is not None:
        lo, hi = ref.start - ref.quote_start, ref.end - ref.quote_start
        if 0 <= lo < hi <= len(quote) and (ref.text is None or quote[lo:hi] == ref.text):
            return lo, hi
    if ref.text:
        at = quote.find(ref.text)
        if at >= 0:
            return at, at + len(ref.text)
    return None


_BREAKS = re.compile(r"[ \t]*[\r\n][\s]*")


def one_line(text: str) -> str:
    """``text`` with line breaks (and the spaces around them) collapsed to one space."""
    return _BREAKS.sub(" ", text).strip()


def quote_parts(ref: SourceRef) -> tuple[str, str, str]:
    """The quote on one line, split around the date phrase: (before, phrase, after).

    ``phrase`` is empty when the phrase cannot be placed; then ``before`` holds the whole quote.
    """
    quote = ref.quote or ""
    span = phrase_span(ref)
    if span is None:
        return one_line(quote), "", ""
    lo, hi = span
    parts = [_BREAKS.sub(" ", part) for part in (quote[:lo], quote[lo:hi], quote[hi:])]
    return parts[0].lstrip(), parts[1], parts[2].rstrip()
