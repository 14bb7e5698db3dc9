"""Dates that keep the precision the text gave them.

A :class:`DateValue` is never a bare ``datetime``: "June 2018" covers the whole of June 2018,
"2011" is a year, "late 2022" is the last third of 2022. Each value knows

* its EDTF spelling (ISO 8601-2): ``2011``, ``2018-06``, ``2023-03-01``, ``2022-21`` (spring),
  ``2022-W20`` (a week), ``199X`` (a decade), ``2012/2021`` (an interval), ``2019/..`` (open),
  ``XXXX-05-16`` (year unknown), ``2022~`` (approximate);
* the first and last day it can mean (``earliest``/``latest``; ``None`` where open or unknown),
  and the same as day numbers (``first_day``/``last_day``), which also exist before 1 CE;
* its precision and an optional qualifier (early, mid, late, before, after, approximate).

Years before the common era are EDTF's astronomical years: 480 BC is ``-0479``, 1 BC is
``0000``, the 5th century BC is ``-04XX`` (years -499 to -400), August 480 BC ``-0479-08``.
They are shown as "480 BC", "17 August 480 BC", and have no ``earliest``/``latest`` (a Python
``date`` starts at year 1); ``first_day``/``last_day`` place them in time.

Nothing here fills in a part the source did not give.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import field
from datetime import date, timedelta
from enum import Enum

from .frozen import frozen

__all__ = [
    "DateError",
    "DateValue",
    "Precision",
    "Qualifier",
    "MONTH_NAMES",
    "SEASON_NAMES",
    "day_number",
    "year_label",
]


class DateError(ValueError):
    """An impossible or unreadable date. ``column`` is a 0-based offset into the text."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.column = column


class Precision(str, Enum):
    """How much of a date the source gave, from finest to coarsest."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    def __str__(self) -> str:
        return self.value


class Qualifier(str, Enum):
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    BEFORE = "before"
    AFTER = "after"
    APPROXIMATE = "approximate"

    def __str__(self) -> str:
        return self.value


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

#: EDTF sub-year codes (ISO 8601-2 level 2) and their names.
SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
QUARTER_CODES = {33: 1, 34: 2, 35: 3, 36: 4}
HALF_CODES = {40: 1, 41: 2}

# Months covered by each sub-year code: (first month, number of months). Northern-hemisphere
# meteorological seasons; winter runs from December into the next year.
_SUBYEAR_MONTHS = {
    21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3),
    33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),
    40: (1, 6), 41: (7, 6),
}  # fmt: skip


def _month_end(year: int, month: int) -> date:
    return date(year, month, _month_length(year, month))


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _check_year(year: int) -> None:
    if not 1 <= year <= 9999:
        raise DateError(f"year {year} is outside the supported range 1-9999")


def _check_era_year(year: int) -> None:
    """A year before the common era (astronomical: 0 is 1 BC) within the supported range."""
    if year < _EARLIEST_YEAR:
        raise DateError(f"year {year_label(year)} is before the supported range")


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist")


def _month_length(year: int, month: int) -> int:
    """Days in ``month`` of ``year``, for astronomical years before 1 too (the calendar
    repeats every 400 years)."""
    return calendar.monthrange(year if year >= 1 else year % 400 or 400, month)[1]


_EARLIEST_YEAR = -9999  # 10000 BC
_GREGORIAN_CYCLE_DAYS = 146097  # the calendar repeats every 400 years


def day_number(year: int, month: int = 1, day: int = 1) -> int:
    """The proleptic Gregorian day number of a day (as ``date.toordinal``: 1 January of year 1
    is 1), for astronomical years before 1 too: year 0 is 1 BC, year -479 is 480 BC."""
    if year >= 1:
        return date(year, month, day).toordinal()
    cycles = (1 - year) // 400 + 1
    return date(year + 400 * cycles, month, day).toordinal() - _GREGORIAN_CYCLE_DAYS * cycles


def year_label(year: int) -> str:
    """An astronomical year as a reader writes it: 2022 is "2022", -479 is "480 BC"."""
    return str(year) if year >= 1 else f"{1 - year} BC"


def _edtf_year(year: int) -> str:
    return f"{year:04d}" if year >= 0 else f"-{-year:04d}"


@frozen
class DateValue:
    """A date, period or interval at the precision its source gave."""

    edtf: str
    precision: Precision
    earliest: date | None
    latest: date | None
    qualifier: Qualifier | None = None
    #: For intervals: the two ends (``None`` for an open end).
    endpoints: tuple[DateValue | None, DateValue | None] | None = field(
        default=None, compare=False, repr=False
    )

    # ----------------------------------------------------------------- constructors
    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> DateValue:
        if year < 1:  # before the common era: the day is kept in the EDTF, without dates
            _check_era_year(year)
            _check_month(month)
            if not 1 <= day <= _month_length(year, month):
                raise DateError(f"{MONTH_NAMES[month - 1]} {year_label(year)} has no day {day}")
            return cls(f"{_edtf_year(year)}-{month:02d}-{day:02d}", Precision.DAY, None, None)
        _check_year(year)
        try:
            when = date(year, month, day)
        except ValueError:
            raise DateError(
                f"{year:04d}-{month:02d}-{day:02d} is not a real day"
                + (f" ({MONTH_NAMES[month - 1]} has no day {day})" if 1 <= month <= 12 else "")
            ) from None
        return cls(when.isoformat(), Precision.DAY, when, when)

    @classmethod
    def of_month(cls, year: int, month: int) -> DateValue:
        _check_month(month)
        if year < 1:
            _check_era_year(year)
            return cls(f"{_edtf_year(year)}-{month:02d}", Precision.MONTH, None, None)
        _check_year(year)
        return cls(f"{year:04d}-{month:02d}", Precision.MONTH, date(year, month, 1),
                   _month_end(year, month))  # fmt: skip

    @classmethod
    def of_year(cls, year: int) -> DateValue:
        """A year; an astronomical year of 0 or less is before the common era (-479 is
        480 BC)."""
        if year < 1:
            if year < _EARLIEST_YEAR:
                raise DateError(f"year {year_label(year)} is before the supported range")
            return cls(_edtf_year(year), Precision.YEAR, None, None)
        _check_year(year)
        return cls(f"{year:04d}", Precision.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def of_subyear(cls, year: int, code: int) -> DateValue:
        """A season (21-24), quarter (33-36) or half (40-41) of ``year``."""
        if code not in _SUBYEAR_MONTHS:
            raise DateError(f"-{code} is not a season, quarter or half-year code")
        first, count = _SUBYEAR_MONTHS[code]
        end_year, end_month = _add_months(year, first, count - 1)
        precision = (
            Precision.SEASON if code in SEASON_NAMES
            else Precision.QUARTER if code in QUARTER_CODES
            else Precision.HALF
        )  # fmt: skip
        if year < 1:
            _check_era_year(year)
            return cls(f"{_edtf_year(year)}-{code}", precision, None, None)
        _check_year(year)
        return cls(f"{year:04d}-{code}", precision, date(year, first, 1),
                   _month_end(end_year, end_month))  # fmt: skip

    @classmethod
    def of_season(cls, year: int, name: str) -> DateValue:
        codes = {v: k for k, v in SEASON_NAMES.items()}
        codes["fall"] = 23
        return cls.of_subyear(year, codes[name.lower()])

    @classmethod
    def of_week(cls, year: int, week: int) -> DateValue:
        _check_year(year)
        try:
            first = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise DateError(f"{year} has no ISO week {week}") from None
        return cls(f"{year:04d}-W{week:02d}", Precision.WEEK, first, first + timedelta(days=6))

    @classmethod
    def week_containing(cls, when: date) -> DateValue:
        year, week, _ = when.isocalendar()
        return cls.of_week(year, week)

    @classmethod
    def of_decade(cls, decade: int) -> DateValue:
        """``decade`` is the first year, e.g. 1990 for the 1990s."""
        _check_year(max(decade, 1))
        first = decade - decade % 10
        return cls(f"{first // 10:03d}X", Precision.DECADE, date(max(first, 1), 1, 1),
                   date(first + 9, 12, 31))  # fmt: skip

    @classmethod
    def of_century(cls, number: int) -> DateValue:
        """The ``number``-th century: 20 is 1901-2000, spelled ``19XX`` (years 1900-1999)."""
        first = (number - 1) * 100
        _check_year(max(first, 1))
        return cls(f"{first // 100:02d}XX", Precision.CENTURY, date(max(first, 1), 1, 1),
                   date(first + 99, 12, 31))  # fmt: skip

    @classmethod
    def of_century_bc(cls, number: int) -> DateValue:
        """The ``number``-th century before the common era: 5 is 500-401 BC, spelled ``-04XX``
        (astronomical years -499 to -400)."""
        if not 1 <= number <= 100:
            raise DateError(f"the {number}th century BC is outside the supported range")
        return cls(f"-{number - 1:02d}XX", Precision.CENTURY, None, None)

    @classmethod
    def partial(cls, month: int, day: int | None = None) -> DateValue:
        """A month or day whose year is unknown: ``XXXX-05`` or ``XXXX-05-16``."""
        if not 1 <= month <= 12:
            raise DateError(f"month {month} does not exist")
        if day is None:
            return cls(f"XXXX-{month:02d}", Precision.MONTH, None, None)
        if not 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000: leap year
            raise DateError(f"{MONTH_NAMES[month - 1]} has no day {day}")
        return cls(f"XXXX-{month:02d}-{day:02d}", Precision.DAY, None, None)

    @classmethod
    def interval(cls, start: DateValue | None, end: DateValue | None) -> DateValue:
        """From ``start`` to ``end``; either may be ``None`` for an open end."""
        if start is None and end is None:
            raise DateError("an interval needs at least one end")
        if start is not None and end is not None:
            first, last = start.first_day, end.last_day
            if first is not None and last is not None and first > last:
                raise DateError(f"interval {start.edtf}/{end.edtf} ends before it starts")
        edtf = f"{start.edtf if start else '..'}/{end.edtf if end else '..'}"
        ends = [v for v in (start, end) if v is not None]
        precision = max((v.precision for v in ends), key=_PRECISION_ORDER.index)
        return cls(edtf, precision, start.earliest if start else None,
                   end.latest if end else None, None, (start, end))  # fmt: skip

    def with_qualifier(self, qualifier: Qualifier | str | None) -> DateValue:
        """The same date narrowed (early/mid/late), opened (before/after) or marked (approx)."""
        if qualifier is None:
            return self
        qualifier = Qualifier(qualifier)
        if self.endpoints is not None:
            raise DateError(f"an interval cannot be qualified as {qualifier.value}")
        base = self.without_qualifier()
        lo, hi = base.earliest, base.latest
        edtf = base.edtf
        if lo is not None and hi is not None:
            if qualifier in (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE):
                lo, hi = _third(base, qualifier)
            elif qualifier is Qualifier.BEFORE:
                hi, lo = lo - timedelta(days=1), None
            elif qualifier is Qualifier.AFTER:
                lo, hi = hi + timedelta(days=1), None
        if qualifier is Qualifier.APPROXIMATE:
            edtf += "~"
        return DateValue(edtf, base.precision, lo, hi, qualifier)

    def without_qualifier(self) -> DateValue:
        if self.qualifier is None:
            return self
        return DateValue.parse(self.edtf.rstrip("~"))

    # ----------------------------------------------------------------- parsing
    @classmethod
    def parse(cls, text: str) -> DateValue:
        """Read an EDTF date, optionally preceded by a qualifier word ("late 2022").

        Raises :class:`DateError` with the column of the offending part.
        """
        raw = text
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        qualifier: Qualifier | None = None
        # "mid-2021", "late 2022"; in "late -0479" the hyphen is the year's sign
        match = re.match(r"(early|mid|late|before|after|approximately|circa|c\.)"
                         r"(?:\s+(?=-\d)|\s*-?\s*)", stripped, re.I)  # fmt: skip
        if match:
            word = match.group(1).lower()
            qualifier = (
                Qualifier.APPROXIMATE if word in ("approximately", "circa", "c.")
                else Qualifier(word)
            )  # fmt: skip
            lead += match.end()
            stripped = stripped[match.end() :]
        if stripped.endswith("~"):
            if qualifier is not None:
                raise DateError(f"{raw.strip()!r} has two qualifiers", lead + len(stripped) - 1)
            qualifier = Qualifier.APPROXIMATE
            stripped = stripped[:-1]
        if "/" in stripped:
            if qualifier is not None:
                raise DateError("an interval cannot carry a qualifier", lead)
            left, right = stripped.split("/", 1)
            start = None if left in ("", "..") else _parse_single(left, lead)
            end = None if right in ("", "..") else _parse_single(right, lead + len(left) + 1)
            try:
                return cls.interval(start, end)
            except DateError as err:
                raise DateError(str(err), lead) from None
        value = _parse_single(stripped, lead)
        return value.with_qualifier(qualifier) if qualifier else value

    # ----------------------------------------------------------------- reading
    @property
    def is_interval(self) -> bool:
        return self.endpoints is not None

    @property
    def year_known(self) -> bool:
        return not self.edtf.startswith("XXXX")

    @property
    def year(self) -> int | None:
        """The calendar year a reader would file this under (the start of an interval), as an
        astronomical year (-479 for 480 BC)."""
        if self.endpoints is not None:
            start, end = self.endpoints
            edge = start or end
            return edge.year if edge is not None else None
        when = self.earliest or self.latest
        if when is not None:
            return when.year
        if self.is_before_common_era:
            digits = self.edtf[:5] if self.edtf.startswith("-") else self.edtf[:4]
            return int(digits.replace("X", "9"))
        return None

    @property
    def is_before_common_era(self) -> bool:
        """True for a year or century before 1 CE (or an interval that starts there)."""
        return self.edtf.startswith(("-", "0000"))

    @property
    def first_day(self) -> int | None:
        """The day number (:func:`day_number`) of the first day this can mean, or None."""
        if self.earliest is not None:
            return self.earliest.toordinal()
        if self.endpoints is not None:
            return self.endpoints[0].first_day if self.endpoints[0] else None
        return _era_days(self)[0]

    @property
    def last_day(self) -> int | None:
        """The day number (:func:`day_number`) of the last day this can mean, or None."""
        if self.latest is not None:
            return self.latest.toordinal()
        if self.endpoints is not None:
            return self.endpoints[1].last_day if self.endpoints[1] else None
        return _era_days(self)[1]

    def contains(self, other: DateValue) -> bool:
        """True when every day ``other`` can mean lies within this value."""
        lo, hi, other_lo, other_hi = self.first_day, self.last_day, other.first_day, other.last_day
        if lo is None or hi is None or other_lo is None or other_hi is None:
            return False
        return lo <= other_lo and other_hi <= hi

    def overlaps(self, other: DateValue) -> bool:
        """True when the two values can mean at least one common day.

        A value with no known year ("16 May") overlaps whatever could fall on that day in
        some year the other value covers.
        """
        if not self.year_known and not other.year_known:
            short, long = sorted((self.edtf, other.edtf), key=len)
            return long.startswith(short)
        if not self.year_known or not other.year_known:
            partial, known = (self, other) if not self.year_known else (other, self)
            early, late = known.earliest or known.latest, known.latest or known.earliest
            if early is None or late is None:
                return False  # before the common era: no month or day is known there
            first, last = early.year, late.year
            for year in range(first, min(last, first + 10) + 1):
                try:
                    if known.overlaps(partial.in_year(year)):
                        return True
                except DateError:  # 29 February in a common year
                    continue
            return False
        lo = max((d for d in (self.first_day, other.first_day) if d is not None), default=None)
        hi = min((d for d in (self.last_day, other.last_day) if d is not None), default=None)
        return lo is None or hi is None or lo <= hi

    def in_year(self, year: int) -> DateValue:
        """A value with no known year ("XXXX-05-16") placed in ``year``."""
        if self.year_known:
            return self
        return DateValue.parse(f"{year:04d}{self.edtf[4:]}")

    def sort_key(self) -> tuple[int, int, int, str]:
        """Chronological order across precisions: by first day, wider spans first.

        Open-started values sort by their last day; values with no known year go last.
        """
        first, last = self.first_day, self.last_day
        anchor = first if first is not None else last
        if anchor is None:
            return (1, 0, 0, self.edtf)
        span = last - first if first is not None and last is not None else 0
        return (0, anchor, -span, self.edtf)

    # ----------------------------------------------------------------- display
    def display(self) -> str:
        """As a person would write it: "1 March 2023", "June 2018", "late 2022"."""
        if self.endpoints is not None:
            start, end = self.endpoints
            if start is not None and end is not None:
                return _display_range(start, end)
            if start is not None:
                return f"since {start.display()}"
            if end is not None:
                return f"until {end.display()}"
        text = _display_plain(self.without_qualifier() if self.qualifier else self)
        q = self.qualifier
        if q is None:
            return text
        if q is Qualifier.APPROXIMATE:
            return f"about {text}"
        if q is Qualifier.MID:
            return f"mid-{text}"
        return f"{q.value} {text}"

    def __str__(self) -> str:
        return self.display()

    def to_dict(self) -> dict[str, str | None]:
        return {
            "date": self.edtf,
            "display": self.display(),
            "precision": self.precision.value,
            "qualifier": self.qualifier.value if self.qualifier else None,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
        }


_PRECISION_ORDER = list(Precision)


def _third(value: DateValue, qualifier: Qualifier) -> tuple[date, date]:
    """The early, middle or late third of a value's span (month-aligned for a year)."""
    lo, hi = value.earliest, value.latest
    assert lo is not None and hi is not None
    index = {Qualifier.EARLY: 0, Qualifier.MID: 1, Qualifier.LATE: 2}[qualifier]
    if value.precision is Precision.YEAR:
        first = 1 + 4 * index
        return date(lo.year, first, 1), _month_end(lo.year, first + 3)
    if value.precision is Precision.MONTH:
        bounds = [(1, 10), (11, 20), (21, hi.day)][index]
        return lo.replace(day=bounds[0]), lo.replace(day=bounds[1])
    days = (hi - lo).days + 1
    start = lo + timedelta(days=days * index // 3)
    end = lo + timedelta(days=days * (index + 1) // 3 - 1)
    return start, end


_SINGLE = re.compile(
    r"""^(?:
        (?P<year>-?\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?
      | (?P<wyear>\d{4})-W(?P<week>\d{2})
      | (?P<uyear>XXXX)-(?P<umonth>\d{2})(?:-(?P<uday>\d{2}))?
      | (?P<decade>\d{3})X
      | (?P<century>-?\d{2})XX
    )$""",
    re.X,
)


#: A year before the common era as people write it: "480 BC", "31 BCE", "490 B.C.".
_BC_YEAR = re.compile(r"^(\d{1,4})\s*(?:BCE?|B\.C\.(?:E\.)?)$", re.I)


def _parse_single(text: str, column: int) -> DateValue:
    match = _SINGLE.match(text)
    if not match:
        bc = _BC_YEAR.match(text)
        if bc and int(bc.group(1)) >= 1:
            return DateValue.of_year(1 - int(bc.group(1)))
        raise DateError(
            f"{text!r} is not an EDTF date (examples: 2011, 2018-06, 2023-03-01, 2022-21, "
            "2012/2021, late 2022, -0479 or 480 BC)",
            column,
        )
    g = match.groupdict()
    try:
        if g["year"] is not None:
            year = int(g["year"])
            if g["month"] is None:
                return DateValue.of_year(year)
            month = int(g["month"])
            if g["day"] is not None:
                return DateValue.of_day(year, month, int(g["day"]))
            if month > 20:
                return DateValue.of_subyear(year, month)
            return DateValue.of_month(year, month)
        if g["wyear"] is not None:
            return DateValue.of_week(int(g["wyear"]), int(g["week"]))
        if g["uyear"] is not None:
            day = int(g["uday"]) if g["uday"] else None
            return DateValue.partial(int(g["umonth"]), day)
        if g["decade"] is not None:
            return DateValue.of_decade(int(g["decade"]) * 10)
        century = g["century"]
        if century.startswith("-"):
            return DateValue.of_century_bc(int(century[1:]) + 1)
        return DateValue.of_century(int(century) + 1)
    except DateError as err:
        raise DateError(str(err), column) from None


def _display_plain(value: DateValue) -> str:
    edtf, p = value.edtf, value.precision
    if not value.year_known:
        parts = edtf.split("-")
        month = MONTH_NAMES[int(parts[1]) - 1]
        return f"{int(parts[2])} {month}" if len(parts) == 3 else month
    if value.is_before_common_era:
        return _display_before_common_era(value)
    lo = value.earliest
    assert lo is not None
    if p is Precision.DAY:
        return f"{lo.day} {MONTH_NAMES[lo.month - 1]} {lo.year}"
    if p is Precision.MONTH:
        return f"{MONTH_NAMES[lo.month - 1]} {lo.year}"
    if p is Precision.YEAR:
        return str(lo.year)
    if p is Precision.WEEK:
        return f"week of {lo.day} {MONTH_NAMES[lo.month - 1]} {lo.year}"
    if p is Precision.DECADE:
        return f"{edtf[:3]}0s"
    if p is Precision.CENTURY:
        return f"{_ordinal(int(edtf[:2]) + 1)} century"
    code = int(edtf[5:7])
    year = int(edtf[:4])
    if p is Precision.SEASON:
        return f"{SEASON_NAMES[code]} {year}"
    if p is Precision.QUARTER:
        return f"Q{QUARTER_CODES[code]} {year}"
    return f"{'first' if HALF_CODES[code] == 1 else 'second'} half of {year}"  # Precision.HALF


def _ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{'th' if 10 <= number % 100 <= 20 else suffix}"


def _era_fields(value: DateValue) -> list[int]:
    """The month and day, or the sub-year code, of a value before the common era."""
    return [int(f) for f in value.edtf.rstrip("~").lstrip("-").split("-")[1:]]


def _display_before_common_era(value: DateValue) -> str:
    p = value.precision
    if p is Precision.CENTURY:
        return f"{_ordinal(int(value.edtf[1:3]) + 1)} century BC"
    year = value.year
    assert year is not None  # a value before the common era has a year, or is a century
    label = year_label(year)
    fields = _era_fields(value)
    if p is Precision.DAY:
        return f"{fields[1]} {MONTH_NAMES[fields[0] - 1]} {label}"
    if p is Precision.MONTH:
        return f"{MONTH_NAMES[fields[0] - 1]} {label}"
    if p is Precision.SEASON:
        return f"{SEASON_NAMES[fields[0]]} {label}"
    if p is Precision.QUARTER:
        return f"Q{QUARTER_CODES[fields[0]]} {label}"
    if p is Precision.HALF:
        return f"{'first' if HALF_CODES[fields[0]] == 1 else 'second'} half of {label}"
    return label


def _era_days(value: DateValue) -> tuple[int | None, int | None]:
    """First and last day numbers of a year or century before the common era, narrowed or
    opened by its qualifier; (None, None) for anything else without days."""
    if not value.is_before_common_era or value.endpoints is not None:
        return None, None
    year = value.year
    assert year is not None
    p = value.precision
    fields = _era_fields(value)
    if p is Precision.DAY:
        lo = hi = day_number(year, fields[0], fields[1])
    elif p is Precision.MONTH:
        lo = day_number(year, fields[0])
        hi = lo + _month_length(year, fields[0]) - 1
    elif p in (Precision.SEASON, Precision.QUARTER, Precision.HALF):
        first, count = _SUBYEAR_MONTHS[fields[0]]
        end_year, end_month = _add_months(year, first, count - 1)
        lo = day_number(year, first)
        hi = day_number(end_year, end_month) + _month_length(end_year, end_month) - 1
    else:
        span = 100 if p is Precision.CENTURY else 1
        lo, hi = day_number(year), day_number(year + span) - 1
    q = value.qualifier
    if q is Qualifier.BEFORE:
        return None, lo - 1
    if q is Qualifier.AFTER:
        return hi + 1, None
    if q in (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE):
        index = (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE).index(q)
        days = hi - lo + 1
        return lo + days * index // 3, lo + days * (index + 1) // 3 - 1
    return lo, hi


def _display_range(start: DateValue, end: DateValue) -> str:
    """ "2012–2021", "1–3 March 2023", "June–September 2022", "16 May – 2 June 2022"."""
    a, b = start.earliest, end.earliest
    same_shape = start.precision is end.precision and start.qualifier is end.qualifier is None
    if same_shape and a and b and start.year_known and end.year_known:
        if start.precision is Precision.DAY and a.year == b.year:
            if a.month == b.month:
                return f"{a.day}–{b.day} {MONTH_NAMES[a.month - 1]} {a.year}"
            return (
                f"{a.day} {MONTH_NAMES[a.month - 1]} – {b.day} {MONTH_NAMES[b.month - 1]} {a.year}"
            )
        if start.precision is Precision.MONTH and a.year == b.year:
            return f"{MONTH_NAMES[a.month - 1]}–{MONTH_NAMES[b.month - 1]} {a.year}"
        if start.precision is Precision.YEAR:
            return f"{a.year}–{b.year}"
    plain = start.precision is end.precision is Precision.YEAR and same_shape
    first, last = start.year, end.year
    if plain and start.is_before_common_era and end.is_before_common_era:
        assert first is not None and last is not None  # years before the common era
        return f"{1 - first}–{1 - last} BC"
    if start.is_before_common_era and not end.is_before_common_era and end.year_known:
        return f"{start.display()} – AD {end.display()}"
    return f"{start.display()} – {end.display()}"
