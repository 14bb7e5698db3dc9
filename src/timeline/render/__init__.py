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
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from timeline.dates import MONTH_NAMES, DateValue, Precision, year_label

if TYPE_CHECKING:
    from timeline.models import Event, SourceRef

__all__ = [
    "FORMATS",
    "GROUPINGS",
    "UNKNOWN_YEAR",
    "render",
    "group_by_year",
    "group_events",
    "date_parts",
    "cited_documents",
    "cited_lines",
    "cited_places",
    "source_numbers",
    "source_badges",
    "short_name",
    "phrase_span",
    "one_line",
    "quote_parts",
    "Sentence",
    "quoted_sentences",
    "INFERRED_HOW",
]

#: The text formats :func:`render` can produce.
FORMATS = ("markdown", "mermaid", "csv", "json", "timelinejs", "html")

#: How events can be put under headings: by year, by month, or all under none.
GROUPINGS = ("year", "month", "none")

#: For an inferred date: what it was inferred from, as a reader would say it.
INFERRED_HOW = {
    "published": "inferred from the document's publication date",
    "context": "inferred from an earlier date in the same document",
    "weekday": "inferred from the weekday the text names",
}

#: Heading for events whose date has no known year.
UNKNOWN_YEAR = "Year unknown"

# format name -> (module, function)
_RENDERERS = {
    "markdown": ("timeline.render.markdown", "render_markdown"),
    "csv": ("timeline.render.csv", "render_csv"),
    "json": ("timeline.render.jsonout", "render_json"),
    "mermaid": ("timeline.render.mermaid", "render_mermaid"),
    "timelinejs": ("timeline.render.timelinejs", "render_timelinejs"),
    "html": ("timeline.render.html", "render_html"),
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


def group_events(events: Iterable[Event], by: str = "year") -> list[tuple[str, list[Event]]]:
    """Events under headings: ``by`` is one of :data:`GROUPINGS`.

    * ``"year"``: as :func:`group_by_year`, headed "2022" (and :data:`UNKNOWN_YEAR`).
    * ``"month"``: a date that lies within one month is headed by it ("May 2022"); a coarser
      date by its year ("2022"). Each heading appears once: within a year, the events dated
      only to the year (or a part of it wider than a month: "late 2022", "spring 2022") come
      first under the year's heading, then each month's under its own, in the caller's order.
      Events with no known year come last.
    * ``"none"``: one group headed ``""``.
    """
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; choose one of: {', '.join(GROUPINGS)}")
    events = list(events)
    if by == "none":
        return [("", events)] if events else []
    years = [(UNKNOWN_YEAR if year is None else year_label(year), group)
             for year, group in group_by_year(events)]  # fmt: skip
    if by == "year":
        return years
    out: list[tuple[str, list[Event]]] = []
    for label, group in years:
        if label == UNKNOWN_YEAR:
            out.append((label, group))
            continue
        headings: dict[str, list[Event]] = {label: []}  # the year's own heading first
        for event in group:
            headings.setdefault(_month_label(event.date) or label, []).append(event)
        out += [(heading, members) for heading, members in headings.items() if members]
    return out


def _month_label(value: DateValue) -> str | None:
    """ "May 2022" for a date within one month; None for a coarser one."""
    lo, hi = value.earliest, value.latest
    if lo and hi and (lo.year, lo.month) == (hi.year, hi.month):
        return f"{MONTH_NAMES[lo.month - 1]} {lo.year}"
    return None


#: Precisions at which the source gave a calendar year of its own.
_YEAR_GIVEN = frozenset(Precision) - {Precision.DECADE, Precision.CENTURY}


def date_parts(value: DateValue) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of a single date, each only where its precision gave it.

    An interval gives its start's year only. Nothing is filled in: "June 2018" has no day,
    "spring 2022" no month, "16 May" (year unknown) no year.
    """
    if value.is_interval:
        return value.year, None, None
    fields = value.edtf.rstrip("~").lstrip("-").split("-")  # (a year before 1 CE: "-0479-08")
    year = value.year if value.year_known and value.precision in _YEAR_GIVEN else None
    month = int(fields[1]) if value.precision in (Precision.MONTH, Precision.DAY) else None
    day = int(fields[2]) if value.precision is Precision.DAY else None
    return year, month, day


def cited_documents(event: Event) -> list[tuple[str, list[SourceRef]]]:
    """The documents an event cites, in order of first citation, each with its references.

    An event merged from several mentions in one document cites that document once.
    """
    grouped: dict[str, list[SourceRef]] = {}
    for ref in event.sources:
        grouped.setdefault(ref.source, []).append(ref)
    return list(grouped.items())


def cited_lines(refs: Iterable[SourceRef]) -> list[int]:
    """The distinct line numbers of some references, in ascending order."""
    return sorted({ref.line for ref in refs if ref.line is not None})


def cited_places(refs: Iterable[SourceRef]) -> str:
    """Where in one document some references are: "p. 10", "pp. 3, 10" for paged documents
    (PDF), "line 7", "lines 7, 31" otherwise; "" when nothing is known."""
    refs = list(refs)
    pages = sorted({ref.page for ref in refs if ref.page is not None})
    if pages:
        return ("p. " if len(pages) == 1 else "pp. ") + ", ".join(map(str, pages))
    lines = cited_lines(refs)
    if lines:
        return ("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines))
    return ""


def source_numbers(events: Iterable[Event]) -> dict[str, int]:
    """A number for each source document (1, 2, ...), in order of first citation."""
    numbers: dict[str, int] = {}
    for event in events:
        for ref in event.sources:
            numbers.setdefault(ref.source, len(numbers) + 1)
    return numbers


_NAME_BREAK = re.compile(r"[_\-\s.]")


def source_badges(events: Iterable[Event]) -> dict[str, str]:
    """A short, unique label for each source document, in order of first citation.

    The label is the file name up to its first ``_``, ``-``, ``.`` or space ("000" for
    ``data/000_1ba6.txt``, "minutes" for ``minutes-2023.txt``); where two sources would share
    a label, each of them gets its file name without extension instead, and where those
    collide too, its whole path.
    """
    paths = list(source_numbers(events))
    stems = {path: _stem(path) for path in paths}
    labels = {path: _NAME_BREAK.split(stem, 1)[0] or stem for path, stem in stems.items()}
    for fallback in (stems, {path: path for path in paths}):
        counts: dict[str, int] = {}
        for label in labels.values():
            counts[label] = counts.get(label, 0) + 1
        labels = {path: fallback[path] if counts[label] > 1 else label
                  for path, label in labels.items()}  # fmt: skip
    return labels


def _stem(path: str) -> str:
    name = path.rstrip("/").rsplit("/", 1)[-1] or path
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return stem or name


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


@dataclass(frozen=True)
class Sentence:
    """One quoted sentence of one document and the references it holds.

    ``pieces`` is the sentence on one line, cut around its date phrases: ``(text, is_phrase)``
    in order, every phrase the references name marked once (overlapping phrases as one).
    """

    refs: tuple[SourceRef, ...]
    pieces: tuple[tuple[str, bool], ...]

    @property
    def ref(self) -> SourceRef:
        return self.refs[0]


def quoted_sentences(refs: Iterable[SourceRef]) -> list[Sentence]:
    """The distinct sentences ``refs`` quote, in order of first reference, each once.

    Two date phrases of one sentence ("broadcast yesterday (Monday 16 May)") give one
    sentence with both phrases marked, not the sentence twice.
    """
    grouped: dict[tuple[str, int | None, str], list[SourceRef]] = {}
    for ref in refs:
        if ref.quote:
            grouped.setdefault((ref.source, ref.quote_start, ref.quote), []).append(ref)
    return [Sentence(tuple(group), _pieces(group)) for group in grouped.values()]


def _pieces(refs: list[SourceRef]) -> tuple[tuple[str, bool], ...]:
    quote = refs[0].quote or ""
    spans: list[list[int]] = []
    for lo, hi in sorted(span for span in map(phrase_span, refs) if span is not None):
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    cuts: list[tuple[str, bool]] = []
    at = 0
    for lo, hi in spans:
        cuts += [(quote[at:lo], False), (quote[lo:hi], True)]
        at = hi
    cuts.append((quote[at:], False))
    pieces = [(_BREAKS.sub(" ", text), marked) for text, marked in cuts]
    pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
    pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])
    return tuple((text, marked) for text, marked in pieces if text)
