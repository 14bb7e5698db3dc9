"""What a matched phrase says, before any anchor is applied.

A rule turns a regular-expression match into a :class:`Found`: the span, the kind and a
spec. Specs record only what the words gave; :mod:`.resolve` later turns them into dates.
"""

from __future__ import annotations

from dataclasses import replace

from ..frozen import frozen
from ..models import Kind


@frozen
class Calendar:
    """A calendar date or period named by the text; missing parts are ``None``."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    subyear: int | None = None  # EDTF season/quarter/half code
    decade: int | None = None
    century: int | None = None
    qualifier: str | None = None
    #: The year is the one the text spoke of last ("August of that year"); ``offset`` years
    #: from the publication year when ``relative`` ("June last year").
    year_from: str | None = None  # "context" or "relative"
    year_offset: int = 0

    def with_year(self, year: int) -> Calendar:
        return replace(self, year=year)

    @property
    def month_day(self) -> tuple[int, int]:
        return (self.month or 1, self.day or 1)


@frozen
class Range:
    """From ``start`` to ``end``; ``None`` marks an open end. An end may be a weekday ("from
    Sept. 14 to Thursday")."""

    start: Calendar | RelativeWeekday | None
    end: Calendar | RelativeWeekday | None


@frozen
class RelativeDay:
    """A day counted from the publication date ("yesterday" is -1)."""

    offset: int


@frozen
class RelativeUnit:
    """A week, month, quarter or year counted from the publication date ("last year")."""

    unit: str
    offset: int
    qualifier: str | None = None
    #: Counted back ("a year ago"), rather than named ("last year").
    ago: bool = False
    #: Named with "the" ("the end of the month"): without a publication date, the month the
    #: text spoke of last.
    definite: bool = False


@frozen
class RelativeWeekday:
    """A weekday placed by the publication date; ``mode`` is this, next, last or bare."""

    weekday: int
    mode: str


@frozen
class RelativeWeekend:
    """A weekend placed by the publication date; ``mode`` is this, next, last or bare ("the
    weekend", placed by the tense of its sentence)."""

    mode: str


@frozen
class RelativeNamed:
    """A month or season placed by the publication date ("last March", "this summer")."""

    mode: str
    month: int | None = None
    subyear: int | None = None
    qualifier: str | None = None


@frozen
class Period:
    """An ISO 8601 duration, for durations and sets ("P12Y", "P1D")."""

    iso: str


@frozen
class Clock:
    """A time of day, with the day it falls on when the text gave one."""

    hour: int
    minute: int
    day: Spec | None = None


@frozen
class Anaphoric:
    """A date counted from the last date before it in the text, or else from the publication
    date: "the next day" (day, +1), "that year" (year, 0), "three days later" (day, +3); with
    ``weekday``, the first such day after or before it: "the following Monday" (day, +1, 0);
    with ``named`` (a month, or a season's EDTF code), the first such month or season after
    or before it: "the next spring" (year, +1, named 21), "the previous April" (year, -1, 4).
    ``event``: counted from what the text names right after it instead ("the day before last
    Tuesday's hearing"); from nothing when that is no date ("the day before the shooting").
    ``told``: counted only from a date the text gave before, never from the publication date:
    "three days later" follows something told, not the day of publication. A count before
    or after a happening the text does not date ("two days after the fall of Girona") counts
    from the last date told when the happening was told with it, else is a duration."""

    unit: str
    offset: int
    event: bool = False
    told: bool = False
    weekday: int | None = None
    named: int | None = None
    #: A count before a happening ("two days after the fall of Girona"): the duration it
    #: names (ISO 8601) and the length of its words from the phrase's start ("two days"),
    #: what the phrase is when no date can be counted.
    duration: str | None = None
    length: int = 0
    #: The span of ``span`` units after (``offset`` 1) or before (-1) the date counted from:
    #: "the following two years" after 1936 are 1937 to 1938.
    span: int = 0


@frozen
class ReportPeriod:
    """A reporting period named by reference: "the quarter" (the one the text reports on),
    "the year-ago quarter" (the same quarter a year before: ``offset`` -4), "the current
    quarter" (the publication's)."""

    offset: int = 0
    current: bool = False
    subyear: int | None = None  # "the year-ago third quarter" names its quarter
    year: int | None = None  # "the 1988 period" names its year
    year_offset: int | None = None  # "last year's quarter": from the publication year
    #: "the nine months" of a report: the months up to the end of its quarter.
    months: int = 0


@frozen
class Ending:
    """A reporting period of ``months`` months that ended on, or in, the date ``end`` names:
    "the year ended Aug. 31", "the six months to June 30", "the fiscal year ending in March"."""

    months: int
    end: Calendar


@frozen
class Told:
    """The time of the last date the text told, named without a unit: "at the same time" (that
    date, or span, told in the sentence or the one before), or with ``soon`` a time soon after
    it ("shortly thereafter", "immediately after."): the month of a day told, the year of a
    month or a season, never finer than what the text told."""

    soon: bool = False


@frozen
class Holiday:
    """A named day whose year is placed like a partial date's: "Christmas", "Thanksgiving"."""

    name: str
    year: int | None = None
    mode: str = ""


@frozen
class Timex:
    """What a calendar value cannot hold: "now" (PRESENT_REF), "480 BC" (BC0480)."""

    value: str


Spec = (
    Calendar
    | Range
    | RelativeDay
    | RelativeUnit
    | RelativeWeekday
    | RelativeWeekend
    | RelativeNamed
    | Period
    | Clock
    | Anaphoric
    | Timex
    | ReportPeriod
    | Ending
    | Holiday
    | Told
)


@frozen
class Found:
    """A phrase a rule recognised. ``prep`` is the preposition before it, outside the span."""

    start: int
    end: int
    kind: Kind
    spec: Spec
    prep: str | None = None
