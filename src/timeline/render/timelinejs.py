"""The timeline as the JSON that TimelineJS (version 3) loads.

Each event becomes a slide: ``start_date`` (and ``end_date`` for a span) with only the parts
the source gave (a month only for month or day precision, a day only for day precision),
``display_date`` in words, the title as the headline, and an HTML citation of the sources as
the text. Spans the source named as a whole ("spring 2022", "week of 16 May 2022", "the
1990s", "late 2022", "early March 2023") run from their first to their last month or day, which
is what the words mean.

TimelineJS orders slides by their start alone (keeping the given order among equal starts),
so every start is the date's first possible day, or for a date known only by its end ("before
2013", "until June 2018") its last: the slides come in the order ``timeline show`` gives.
Events whose year is not known cannot be placed, so they are left out and counted on the title
slide.

TimelineJS shows a headline as HTML and also puts it, as it is, in screen readers' labels;
so a headline escapes only what would otherwise become markup (``<`` before a tag, ``&``
before a character reference), and "children's" reads as it is written in both.
"""

from __future__ import annotations

import json
import re
from calendar import monthrange
from collections.abc import Sequence
from datetime import date
from html import escape

from timeline.dates import DateValue, Precision, Qualifier
from timeline.models import Event, SourceRef
from timeline.render import INFERRED_HOW, Sentence, cited_places, date_parts, quoted_sentences

__all__ = ["render_timelinejs", "slide", "date_object", "headline"]

# Named spans: their start and end are given at this grain.
_SPAN_GRAIN = {
    Precision.WEEK: "day",
    Precision.SEASON: "month",
    Precision.QUARTER: "month",
    Precision.HALF: "month",
    Precision.DECADE: "year",
    Precision.CENTURY: "year",
}
_SAFE_SCHEMES = ("http://", "https://")
#: Before the common era, what is given as years ("480 BC", "the 5th century BC"); months,
#: days and seasons there are given by their parts.
_ERA_SPANS = frozenset({Precision.YEAR, Precision.CENTURY})


def _parts(value: DateValue, grain: str, *, last: bool = False) -> dict[str, int]:
    day = value.latest if last else value.earliest
    assert day is not None
    parts = {"year": day.year}
    if grain in ("month", "day"):
        parts["month"] = day.month
    if grain == "day":
        parts["day"] = day.day
    return parts


#: Qualifiers that name a part of the date as a whole span: "late 2022" is September to
#: December.
_PART_OF = frozenset({Qualifier.EARLY, Qualifier.MID, Qualifier.LATE})


def _grain(lo: date, hi: date) -> str:
    """The coarsest grain at which the days ``lo`` to ``hi`` are whole: year, month or day."""
    whole_months = lo.day == 1 and hi.day == monthrange(hi.year, hi.month)[1]
    if whole_months and (lo.month, hi.month) == (1, 12):
        return "year"
    return "month" if whole_months else "day"


def _at(day: date, grain: str) -> dict[str, int]:
    parts = {"year": day.year, "month": day.month, "day": day.day}
    return dict(list(parts.items())[: ("year", "month", "day").index(grain) + 1])


def _span(lo: date, hi: date) -> tuple[dict[str, int], dict[str, int] | None]:
    """From ``lo`` to ``hi``, both ends at the grain at which the span is whole."""
    grain = _grain(lo, hi)
    start, end = _at(lo, grain), _at(hi, grain)
    return start, (end if end != start else None)


def _last_day(day: date) -> dict[str, int]:
    """A date known by its last day, placed there: TimelineJS sorts by the start it is given."""
    return {"year": day.year, "month": day.month, "day": day.day}


def date_object(value: DateValue) -> tuple[dict[str, int], dict[str, int] | None]:
    """``(start_date, end_date or None)`` for a single (non-interval) date of known year."""
    grain = _SPAN_GRAIN.get(value.precision)
    if value.is_before_common_era and value.precision in _ERA_SPANS:
        # a year (EDTF's astronomical numbering, as TimelineJS takes it) or a century
        year = value.year
        assert year is not None
        last = year + 99 if value.precision is Precision.CENTURY else year
        return {"year": year}, ({"year": last} if last != year else None)
    if grain is not None and value.qualifier is None and value.earliest is not None:
        return _parts(value, grain), _parts(value, grain, last=True)
    lo, hi = value.earliest, value.latest
    if value.qualifier in _PART_OF and lo is not None and hi is not None:
        return _span(lo, hi)
    if lo is None and hi is not None:  # "before 2013": known by its last day
        return _last_day(hi), None
    if value.qualifier is Qualifier.AFTER and lo is not None:  # "after 2013": from 2014
        return _at(lo, _grain(lo, lo.replace(month=12, day=31))), None
    year, month, day = date_parts(value.without_qualifier())
    known = year if year is not None else value.year
    assert known is not None  # a date of known year (see above)
    parts = {"year": known}
    if month is not None:
        parts["month"] = month
    if day is not None:
        parts["day"] = day
    return parts, None


def _dates(value: DateValue) -> tuple[dict[str, int], dict[str, int] | None]:
    if value.endpoints is None:
        return date_object(value)
    start, end = value.endpoints
    if start is None:  # "until 2018": placed at its end, on its last day
        assert end is not None
        if end.latest is not None:
            return _last_day(end.latest), None
        return date_object(end)[0], None
    first = date_object(start)[0]
    if end is None:  # "since 2019": open, no end to draw
        return first, None
    last_start, last_end = date_object(end)
    return first, last_end or last_start


#: What would turn text into markup in an HTML element: a ``<`` that can open a tag or a
#: comment, an ``&`` that can open a character reference.
_MARKUP = re.compile(r"<(?=[A-Za-z/!?])|&(?=[A-Za-z0-9#])")


def headline(text: str) -> str:
    """``text`` as HTML that shows it literally, with as few character references as can be."""
    return _MARKUP.sub(lambda m: "&lt;" if m.group(0) == "<" else "&amp;", text)


def _link(ref: SourceRef) -> str:
    url = ref.source_url
    if url and url.lower().startswith(_SAFE_SCHEMES):
        return f' <a href="{escape(url)}">{escape(url)}</a>'
    return f" {escape(url)}" if url else ""


def _citation(ref: SourceRef) -> str:
    place = cited_places([ref])
    where = escape(ref.source) + (f", {place}" if place else "")
    if ref.source_title:
        where = f"<cite>{escape(ref.source_title)}</cite> ({where})"
    return f"<li>{where}{_link(ref)}</li>"


def _quote(sentence: Sentence) -> str:
    text = "".join(f"<mark>{escape(piece)}</mark>" if marked else escape(piece)
                   for piece, marked in sentence.pieces)  # fmt: skip
    return f"<blockquote>{text}</blockquote>"


def _text(event: Event) -> str:
    parts = [_quote(sentence) for sentence in quoted_sentences(event.sources)]
    if event.inferred:
        how = INFERRED_HOW.get(event.resolved_by.value, "inferred")
        parts.append(f"<p><em>Date {escape(how)}.</em></p>")
    if event.note:
        parts.append(f"<p><em>Note:</em> {escape(event.note)}</p>")
    count = len(event.sources)
    if count:
        label = "Source" if count == 1 else f"{count} sources"
        items = "".join(_citation(ref) for ref in event.sources)
        parts.append(f"<p>{label}:</p><ul>{items}</ul>")
    elif not event.note:
        parts.append("<p>No source.</p>")
    return "".join(parts)


def slide(event: Event) -> dict[str, object]:
    """One event as a TimelineJS slide (its year must be known)."""
    start, end = _dates(event.date)
    item: dict[str, object] = {"start_date": start}
    if end is not None and end != start:
        item["end_date"] = end
    item["display_date"] = event.date.display()
    item["text"] = {"headline": headline(event.title), "text": _text(event)}
    if event.tags:
        item["group"] = event.tags[0]
    item["unique_id"] = event.id
    return item


def _title_text(shown: int, left_out: int) -> str:
    parts = [f"{shown} event{'s' if shown != 1 else ''}."]
    if left_out:
        verb = "is" if left_out == 1 else "are"
        parts.append(
            f"{left_out} event{'s' if left_out != 1 else ''} with no known year {verb} not shown."
        )
    return "".join(f"<p>{escape(part)}</p>" for part in parts)


def render_timelinejs(events: Sequence[Event], *, title: str | None = None) -> str:
    """TimelineJS JSON for ``events``, ending with a newline."""
    placed = [event for event in events if event.date.year_known and event.date.year is not None]
    document = {
        "title": {
            "text": {
                "headline": headline(title or "Timeline"),
                "text": _title_text(len(placed), len(events) - len(placed)),
            }
        },
        "events": [slide(event) for event in placed],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
