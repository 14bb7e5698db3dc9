"""How well two dates agree, and the date a group of them shares."""

from __future__ import annotations

from collections.abc import Sequence

from ..dates import DateValue, Precision

__all__ = ["core_date", "date_fit", "is_one_day", "named_date", "span"]

#: Dates fine enough to meet a date whose year is unknown.
FINE_PRECISIONS = frozenset({Precision.DAY, Precision.WEEK, Precision.MONTH})
#: Day numbers beyond any date, for an open end.
NO_START, NO_END = -(10**9), 10**9


def bounds(value: DateValue) -> tuple[int, int]:
    first, last = value.first_day, value.last_day
    return (NO_START if first is None else first), (NO_END if last is None else last)


def named_date(value: DateValue) -> DateValue:
    """The date a value names: an open interval ("since 2019") is taken at its known end."""
    if value.endpoints is not None:
        start, end = value.endpoints
        if start is None and end is not None:
            return end
        if end is None and start is not None:
            return start
    return value


def date_fit(a: DateValue | None, b: DateValue | None) -> int:
    """How well two dates agree: 3 the same, 2 one lies within the other, 1 they overlap, 0 not.

    Open intervals are compared by the date they name. A date without a year ("16 May") fits
    only dates of a month or finer that it can fall in.
    """
    if a is None or b is None:
        return 0
    a, b = named_date(a), named_date(b)
    if a.edtf == b.edtf and a.qualifier == b.qualifier:
        return 3
    if not a.overlaps(b):
        return 0
    if a.year_known != b.year_known:
        known = a if a.year_known else b
        return 1 if known.precision in FINE_PRECISIONS else 0
    if a.year_known and (_within(a, b) or _within(b, a)):
        return 2
    return 1


def _within(inner: DateValue, outer: DateValue) -> bool:
    (ilo, ihi), (olo, ohi) = bounds(inner), bounds(outer)
    return olo <= ilo and ihi <= ohi


def span(value: DateValue) -> int:
    """How many days a date can mean (a date without a year: more than any)."""
    value = named_date(value)
    if not value.year_known:
        return 10**7
    lo, hi = bounds(value)
    return hi - lo


def is_one_day(value: DateValue) -> bool:
    """True for a date of one known day: the finest a happening is dated."""
    value = named_date(value)
    return value.year_known and value.precision is Precision.DAY and span(value) == 0


def core_date(dates: Sequence[DateValue]) -> DateValue | None:
    """The narrowest of ``dates`` if it lies within every other (or fits it), else None."""
    known = [d for d in dates if d.year_known] or list(dates)
    narrowest = min(known, key=span)
    if narrowest.endpoints is not None:
        narrowest = named_date(narrowest)
    for other in dates:
        if other is narrowest:
            continue
        fit = date_fit(narrowest, other)
        if fit == 0 or (fit == 1 and other.year_known and narrowest.year_known):
            return None
    return narrowest
