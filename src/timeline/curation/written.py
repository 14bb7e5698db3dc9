"""Dates in the curated file written as people write them: "3 March 2023", "June 2018".

The curated file takes EDTF (``2023-03-03``, ``2023-03``, ``late 2022``, ``2012/2021``) and,
besides, the everyday forms the tagger reads in running text, with the words it knows (see
``tagger.vocab``, only its tables are read here: the tagger itself is not loaded):

=============================================  ===================
written                                        read as (EDTF)
=============================================  ===================
3 March 2023, 3rd March 2023, the 3rd of March 2023  ``2023-03-03``
March 3, 2023, Mar. 3 2023, Monday 6 March 2023  day; a weekday must fit
June 2018, Sept. 2018                          ``2018-06``, ``2018-09``
spring 2022, the summer of 2019                ``2022-21``, ``2019-22``
17 August 480 BC, June 480 BC, AD 476          ``-0479-08-17`` …
25/12/2022, 25.12.2022                         ``2022-12-25``
late June 2023, early 2023-03, before May 2019  with the qualifier
3 March 2023/June 2023                         an interval
=============================================  ===================

What could be read two ways is refused with the two readings: ``01/03/2023`` is 1 March or
3 January, unless the source says how it writes dates (``numeric-dates:``); a two-digit year
(``25/12/22``) could be of any century. So is a weekday that does not fit its day.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import MONTH_NAMES, DateError, DateValue, Qualifier, year_label
from ..tagger import vocab

__all__ = ["parse_written"]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EXAMPLES = (
    "EDTF (2023-03-03, 2023-03, 2023, 2022-21, 2012/2021, late 2022) or as in a text "
    "(3 March 2023, March 3, 2023, June 2018, spring 2022, 480 BC)"
)


def _words(table: dict[str, int]) -> str:
    return "|".join(sorted(map(re.escape, table), key=len, reverse=True))


_MONTH = rf"(?P<month>{_words(vocab.MONTHS)})\.?"
_WEEKDAY = rf"(?:(?P<weekday>{_words({**vocab.WEEKDAYS, **vocab.WEEKDAY_ABBREVIATIONS})})\.?,?\s+)?"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_ERA_AFTER = r"(?:\s*(?P<era>BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE|C\.E\.))?"
_YEAR = rf"(?:(?P<ad>AD|A\.D\.)\s*)?(?P<year>[0-9]{{1,4}}){_ERA_AFTER}"
_FORMS = [
    # Monday 6 March 2023, 3rd March 2023, the 3rd of March, 2023
    rf"{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}",
    # Monday, March 6, 2023; Mar. 3 2023; March 3rd, 2023
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    # June 2018, June of 2018
    rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}",
    # spring 2022, the summer of 2019
    rf"(?:the\s+)?(?P<season>{_words(vocab.SEASONS)}),?\s+(?:of\s+)?{_YEAR}",
    # AD 476, 476 CE (a year alone of the common era)
    rf"{_YEAR}",
]


@lru_cache(maxsize=1)
def _written() -> list[re.Pattern[str]]:
    """The forms, compiled when a date is first not EDTF (most curated files have none)."""
    return [re.compile(form + r"$", re.IGNORECASE) for form in _FORMS]


_NUMERIC = re.compile(r"(?P<a>[0-9]{1,2})(?P<sep>[/.])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{2,4})$")
_QUALIFIER = re.compile(
    r"(?P<word>early|mid|late|before|after|approximately|circa|c\.)(?:\s+|\s*-\s*)", re.IGNORECASE
)


def parse_written(text: str, *, day_first: bool | None = None) -> DateValue:
    """Read a date of the curated file: EDTF, or written as in a text (see the module).

    ``day_first`` says how the source writes numeric dates (``01/03/2023`` is 1 March when
    True, 3 January when False); when None, only numeric dates that read one way are taken.
    Raises :class:`DateError` with the column of the offending part.
    """
    try:
        return DateValue.parse(text)
    except DateError as err:
        edtf_error = err
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    qualifier = None
    match = _QUALIFIER.match(stripped)
    if match:
        word = match.group("word").lower()
        qualifier = (
            Qualifier.APPROXIMATE if word in ("approximately", "circa", "c.") else Qualifier(word)
        )
        lead += match.end()
        stripped = stripped[match.end() :]
    if _looks_edtf(stripped):
        raise edtf_error
    if "/" in stripped and not _NUMERIC.match(stripped):
        return _interval(stripped, lead, qualifier, day_first)
    value = _single(stripped, lead, day_first)
    if value is None:
        raise _unknown(stripped, lead)
    return value.with_qualifier(qualifier) if qualifier else value


def _interval(
    text: str, lead: int, qualifier: Qualifier | None, day_first: bool | None
) -> DateValue:
    if qualifier is not None:
        raise DateError("an interval cannot carry a qualifier", lead)
    left, right = text.split("/", 1)
    ends: list[DateValue | None] = []
    for part, column in ((left, lead), (right, lead + len(left) + 1)):
        part = part.strip()
        if part in ("", ".."):
            ends.append(None)
            continue
        try:
            ends.append(DateValue.parse(part))
            continue
        except DateError:
            pass
        value = _single(part, column, day_first)
        if value is None:
            raise _unknown(part, column)
        ends.append(value)
    try:
        return DateValue.interval(*ends)
    except DateError as err:
        raise DateError(str(err), lead) from None


def _single(text: str, column: int, day_first: bool | None) -> DateValue | None:
    """A date written as in a text, or None when it is not one of the forms."""
    text = re.sub(r"\s+", " ", text)
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric(numeric, column, day_first)
    for pattern in _written():
        match = pattern.match(text)
        if match:
            return _build(match, text, column)
    return None


def _year(match: re.Match[str], text: str, column: int) -> int:
    number = int(match.group("year"))
    if (
        match.groupdict().get("month")
        and not match.groupdict().get("day")
        and number <= 31
        and (not (match.group("era") or match.group("ad")))
    ):
        raise DateError(
            f"{text!r} has no year: write the year too ({text}, 2023), or "
            f"XXXX-{vocab.MONTHS[match.group('month').lower()]:02d}-{number:02d} if it is unknown",
            column,
        )
    era = (match.group("era") or "").upper().replace(".", "")
    if era in ("BC", "BCE"):
        if match.group("ad") or number < 1:
            raise DateError(f"{text!r}: a year is either BC or AD, and at least 1", column)
        return 1 - number
    if len(match.group("year")) < 3 and not (era or match.group("ad")):
        raise DateError(
            f"{text!r}: write the year in full ({match.group('year')!r} could be of any century)",
            column,
        )
    if number < 1:
        raise DateError(f"{text!r}: there is no year 0 (1 BC is followed by AD 1)", column)
    return number


def _build(match: re.Match[str], text: str, column: int) -> DateValue:
    groups = match.groupdict()
    year = _year(match, text, column)
    try:
        if groups.get("season"):
            return DateValue.of_subyear(year, vocab.SEASONS[groups["season"].lower()])
        if groups.get("month") is None:
            return DateValue.of_year(year)
        month = vocab.MONTHS[groups["month"].lower()]
        if groups.get("day") is None:
            return DateValue.of_month(year, month)
        value = DateValue.of_day(year, month, int(groups["day"]))
    except DateError as err:
        raise DateError(f"{text!r}: {err}", column) from None
    if groups.get("weekday"):
        _check_weekday(groups["weekday"], value, text, column)
    return value


def _check_weekday(word: str, value: DateValue, text: str, column: int) -> None:
    named = vocab.WEEKDAYS.get(word.lower(), vocab.WEEKDAY_ABBREVIATIONS.get(word.lower()))
    if value.earliest is None or named is None:  # before the common era: no calendar day
        return
    actual = value.earliest.weekday()
    if actual != named:
        raise DateError(
            f"{text!r}: {value.display()} was a {WEEKDAY_NAMES[actual]}, not a "
            f"{WEEKDAY_NAMES[named]}; correct the day or the weekday",
            column,
        )


def _numeric(match: re.Match[str], column: int, day_first: bool | None) -> DateValue:
    text = match.group(0)
    if len(match.group("y")) != 4:
        raise DateError(
            f"{text!r}: write the year in full ({match.group('y')!r} could be of any century)",
            column,
        )
    year, a, b = int(match.group("y")), int(match.group("a")), int(match.group("b"))
    readings: list[DateValue | None] = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append(DateValue.of_day(year, month, day))
        except DateError:
            readings.append(None)
    day_then_month, month_then_day = readings
    if day_then_month is None:
        if month_then_day is None:
            raise DateError(f"{text!r} is not a real day", column)
        return month_then_day
    if month_then_day is None or a == b:
        return day_then_month
    if day_first is not None:
        return day_then_month if day_first else month_then_day
    raise DateError(
        f"{text!r} could be {_spelled(year, b, a)} or {_spelled(year, a, b)}: write "
        f"{day_then_month.edtf} or {month_then_day.edtf}, or say how the source writes "
        "dates with 'numeric-dates: day-first' (or month-first) under it in 'sources:'",
        column,
    )


def _spelled(year: int, month: int, day: int) -> str:
    return f"{day} {MONTH_NAMES[month - 1]} {year_label(year)}"


_EDTF_LIKE = re.compile(r"-?[0-9X]{3,4}(?:-W?[0-9]{1,2})*~?|\.\.|")


def _looks_edtf(text: str) -> bool:
    """Whether ``text`` was meant as EDTF (then EDTF's own message says what is wrong)."""
    parts = text.split("/")
    return len(parts) <= 2 and any(parts) and all(_EDTF_LIKE.fullmatch(p) for p in parts)


def _unknown(text: str, column: int = 0) -> DateError:
    return DateError(f"{text.strip()!r} is not a date; write it as {EXAMPLES}", column)
