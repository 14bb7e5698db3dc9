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

__all__ = ["FilterError", "check_filters", "filter_events"]


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
    whose first (or last) day is not known. (:func:`check_filters` says why filters would
    leave nothing.)
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


#: Known tags or sources named in a message, at most.
LISTED = 12


def _listing(names: Sequence[str]) -> str:
    if not names:
        return "none"
    shown = ", ".join(names[:LISTED])
    return shown + (f" and {len(names) - LISTED} more" if len(names) > LISTED else "")


def check_filters(
    events: Iterable[Event],
    *,
    date_from: DateValue | None = None,
    date_to: DateValue | None = None,
    sources: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
) -> None:
    """Raise :class:`FilterError` for filters that can only leave an empty timeline, saying
    why: a range that ends before it starts, tags no event has, source patterns no event's
    source fits (naming the tags, or the sources, there are)."""
    low = _bound(date_from, "from", first=True)
    high = _bound(date_to, "to", first=False)
    if low is not None and high is not None and low > high:
        assert date_from is not None and date_to is not None  # the days are theirs
        raise FilterError(
            f"--from {date_from.display()} is after --to {date_to.display()}: no event can "
            "fall in that range (swap them?)"
        )
    events = list(events)
    if tags:
        known = sorted({t for e in events for t in e.tags}, key=str.casefold)
        folded = {t.casefold() for t in known}
        unknown = [t for t in tags if t.casefold() not in folded]
        if len(unknown) == len(tags):
            which = ", ".join(repr(t) for t in unknown)
            them = "this tag" if len(unknown) == 1 else "these tags"
            there = (
                f"the tags are: {_listing(known)}" if known
                else "no event has a tag yet (give them with 'tags:' in the curated file)"
            )  # fmt: skip
            raise FilterError(f"--tag {which}: no event has {them}; {there}")
    if sources:
        paths = sorted({ref.source for e in events for ref in e.sources})
        unknown = [p for p in sources if not any(_fits(path, p) for path in paths)]
        if len(unknown) == len(sources):
            which = ", ".join(repr(p) for p in unknown)
            raise FilterError(
                f"--source {which}: no source of an event matches; the sources are: "
                f"{_listing(paths)} (a pattern is matched against the path and the file name: "
                "'*gazette*', 'articles/*')"
            )


def _fits(path: str, pattern: str) -> bool:
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(name, pattern)


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
    return any(_fits(ref.source, p) for ref in event.sources for p in patterns)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _mentions(event: Event, needle: str) -> bool:
    texts = [event.title, *(ref.quote for ref in event.sources if ref.quote)]
    return any(needle in _normal(text) for text in texts)
