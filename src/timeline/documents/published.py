"""Publication dates from a document's own metadata: properties, meta tags, datelines.

Dates are taken as written, at the precision written: a timestamp's day is the day in the
time zone it was written in, never shifted to another zone, and nothing missing is invented.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..dates import DateError, DateValue

#: File properties (PDF, Word) older than this are defaults or clock errors, not dates.
EARLIEST_PROPERTY_YEAR = 1990

_ISO = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s+Z]|\.\d)")
_COMPACT = re.compile(r"\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?")

#: Words that may stand before the date on a dateline ("Published: 1 March 2023").
_LABEL = r"(?:published|posted|dated|issued|released|date)(?:\s+on)?\s*:?"
#: A place in capitals, or a label, or both: what may precede a dateline's date.
_DATELINE_HEAD = re.compile(rf"(?:[A-Z][A-Z.'’ -]*[A-Z.]\s*[,–—-]?\s*)?(?i:{_LABEL})?")
#: What may follow it: a time, then nothing or a dash and the story.
_DATELINE_TAIL = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"
    r"\s*(?:[-–—|:].*)?",
    re.IGNORECASE,
)
DATELINE_LINES = 3  # non-empty lines looked at
DATELINE_MAX_CHARS = 120  # longer first lines are prose, not datelines


def from_parts(year: int, month: int | None, day: int | None) -> DateValue | None:
    """A day, month or year value from the parts given; None when they are not a real date."""
    try:
        if month is None:
            return DateValue.of_year(year)
        if day is None:
            return DateValue.of_month(year, month)
        date(year, month, day)
        return DateValue.of_day(year, month, day)
    except (ValueError, DateError):
        return None


def _matched_parts(match: re.Match[str]) -> DateValue | None:
    """``from_parts`` of a match whose groups are a year, then a month and a day if given."""
    year, month, day = match.groups()
    return from_parts(int(year), int(month) if month else None, int(day) if day else None)


def parse_date_string(value: str) -> DateValue | None:
    """A date from a metadata string: ISO 8601 (``2023-03-01T09:00:00+01:00``), RFC 2822
    (``Wed, 01 Mar 2023 09:00:00 GMT``) or a written date (``1 March 2023``)."""
    value = value.strip()
    if not value:
        return None
    match = _ISO.match(value)
    if match:
        return _matched_parts(match)
    from email.utils import parsedate_tz  # with the socket module: only when a date is read

    parts = parsedate_tz(value)
    if parts and parts[0]:
        return from_parts(parts[0], parts[1], parts[2])
    return _written_date(value)


def parse_pdf_date(value: str) -> DateValue | None:
    """A date from a PDF date string ``D:YYYYMMDDHHmmSS…`` (or ISO, which some tools write)."""
    value = value.strip()
    match = _COMPACT.fullmatch(value[:10]) if value.startswith("D:") else None
    if match is None:
        return property_date(parse_date_string(value))
    return property_date(_matched_parts(match))


def property_date(value: DateValue | datetime | date | None) -> DateValue | None:
    """A file property's date, unless it is too early to be real."""
    if isinstance(value, datetime | date):
        value = from_parts(value.year, value.month, value.day)
    if value is None or value.year is None or value.year < EARLIEST_PROPERTY_YEAR:
        return None
    return value


def _written_date(value: str) -> DateValue | None:
    """The one explicit date a short string spells out, if it is the whole string."""
    from ..models import Kind, Resolution
    from ..tagger import tag

    if len(value) > DATELINE_MAX_CHARS:
        return None
    found = [
        m
        for m in tag(value, None, kinds={Kind.DATE})
        if m.resolved_by is Resolution.EXPLICIT and m.value is not None
    ]
    if len(found) != 1 or not _DATELINE_TAIL.fullmatch(value[found[0].end :]):
        return None
    return found[0].value if not value[: found[0].start].strip() else None


def dateline_date(text: str) -> DateValue | None:
    """The date of a dateline among the first lines: ``LONDON, 1 March 2023 —``,
    ``Published: 1 March 2023``, or a full date alone on its line. Only a day counts."""
    from ..dates import Precision
    from ..models import Kind, Resolution
    from ..tagger import tag

    lines = [line.strip() for line in text[:2000].split("\n") if line.strip()]
    for line in lines[:DATELINE_LINES]:
        if len(line) > DATELINE_MAX_CHARS:
            continue
        for mention in tag(line, None, kinds={Kind.DATE}):
            value = mention.value
            if (
                value is not None
                and mention.resolved_by is Resolution.EXPLICIT
                and value.precision is Precision.DAY
                and _is_dateline(line[: mention.start].strip(), line[mention.end :])
            ):
                return value
    return None


def _is_dateline(head: str, tail: str) -> bool:
    if head and not _DATELINE_HEAD.fullmatch(head):
        return False
    return _DATELINE_TAIL.fullmatch(tail.strip()) is not None
