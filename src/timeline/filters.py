"""Choosing which events go on a timeline: by date range, source, tag or text.

A date filter keeps every event that *can* fall in the range: "--from 2018" keeps "late 2017
to 2019", "since 2015" and "2018", because each may mean a day on or after 1 January 2018.
An event whose year is unknown cannot be placed in any range, so it is kept only when no
date filter is given.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence

from timeline.dates import DateValue
from timeline.models import Event

__all__ = ["FilterError", "filter_events"]


class FilterError(ValueError):
    """A filter that cannot be applied, e.g. a range bound with no known year."""


def filter_events(
    events: Iterable[Event],
    *,
    date_from: DateValue | None = None,
    date_to: DateValue | None = None,
    sources: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    search: str | None = None,
) -> list[Event]:
    """The events that pass every filter given, in their original order.

    * ``date_from``/``date_to``: keep events that can fall on or after the first day of
      ``date_from`` / on or before the last day of ``date_to``; open ends overlap.
    * ``sources``: glob patterns (``fnmatch``, case-sensitive) matched against each source's
      path and its file name; an event passes when any of its sources matches any pattern.
    * ``tags``: an event passes when it has any of the tags (case-insensitive).
    * ``search``: case-insensitive text in the title or in any source's quote (runs of
      whitespace, line breaks included, match a single space).

    ``None`` or an empty list means "no filter". Raises :class:`FilterError` for a bound
    whose first (or last) day is not known.
    """
    low = _bound(date_from, "from", first=True)
    high = _bound(date_to, "to", first=False)
    dated = date_from is not None or date_to is not None
    needle = _normal(search) if search and search.strip() else None
    wanted_tags = {tag.casefold() for tag in tags} if tags else None
    return [
        event
        for event in events
        if (not dated or _in_range(event.date, low, high))
        and (not sources or _from_sources(event, sources))
        and (wanted_tags is None or any(t.casefold() in wanted_tags for t in event.tags))
        and (needle is None or _mentions(event, needle))
    ]


def _bound(value: DateValue | None, name: str, *, first: bool) -> int | None:
    """The first (or last) day number of a filter's date."""
    if value is None:
        return None
    day = value.first_day if first else value.last_day
    if day is None or not value.year_known:
        side = "first" if first else "last"
        raise FilterError(
            f"--{name} {value.edtf}: its {side} day is not known; give a date with a known "
            "year and a closed end, e.g. 2018 or 2018-06"
        )
    return day


def _in_range(value: DateValue, low: int | None, high: int | None) -> bool:
    first, last = value.first_day, value.last_day
    if not value.year_known or (first is None and last is None):
        return False
    if low is not None and last is not None and last < low:
        return False
    if high is not None and first is not None and first > high:
        return False
    return True


def _from_sources(event: Event, patterns: Sequence[str]) -> bool:
    for ref in event.sources:
        name = ref.source.rstrip("/").rsplit("/", 1)[-1]
        if any(fnmatch.fnmatchcase(ref.source, p) or fnmatch.fnmatchcase(name, p)
               for p in patterns):  # fmt: skip
            return True
    return False


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _mentions(event: Event, needle: str) -> bool:
    texts = [event.title, *(ref.quote for ref in event.sources if ref.quote)]
    return any(needle in _normal(text) for text in texts)
