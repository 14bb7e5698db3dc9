"""Rules: one pattern and one function turning its matches into :class:`Found` phrases."""

from __future__ import annotations

import calendar
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from ..models import Kind
from ..sentences import sentence_bounds
from . import guards, periods, vocab
from . import patterns as P
from .scan import Match, Scanner, matches
from .specs import (
    Anaphoric,
    Calendar,
    Clock,
    Found,
    Period,
    Range,
    RelativeDay,
    RelativeNamed,
    RelativeUnit,
    RelativeWeekday,
    RelativeWeekend,
    ReportPeriod,
    Spec,
    Timex,
    Told,
)

Builder = Callable[[str, Match], "Found | list[Found] | None"]


# ------------------------------------------------------------------------------ helpers
@lru_cache(maxsize=4096)
def _norm(word: str) -> str:
    return " ".join(word.lower().rstrip(".").split())


@lru_cache(maxsize=4096)
def _year(digits: str) -> Calendar:
    """The year written ``digits``: one shared value per year, as a calendar is immutable."""
    return Calendar(int(digits))


def _month(m: Match, group: str = "m") -> int:
    return vocab.MONTHS[_norm(m.group(group))]


def _weekday(word: str | None) -> int | None:
    if not word:
        return None
    key = _norm(word)
    return vocab.WEEKDAYS.get(key, vocab.WEEKDAY_ABBREVIATIONS.get(key))


def _group(m: Match, name: str) -> str | None:
    """Group ``name`` of ``m``; ``None`` when it matched nothing or the pattern has none (as
    ``m.groupdict().get(name)``, without building the dictionary)."""
    return m.group(name) if name in m.re.groupindex else None


def _qualifier(m: Match) -> str | None:
    text = _group(m, "q")
    return _qualifier_of(text) if text else None


_LETTERS = re.compile(r"[a-z]+")


@lru_cache(maxsize=1024)
def _qualifier_of(text: str) -> str | None:
    for word in _LETTERS.findall(text.lower()):
        if word in vocab.QUALIFIERS:
            return vocab.QUALIFIERS[word]
    return None


def _int(m: Match, group: str) -> int | None:
    value = _group(m, group)
    return int(value) if value else None


def _prep(m: Match) -> str | None:
    value = _group(m, "prep")
    return _norm(value) if value else None


def _span_after_prep(m: Match) -> int:
    """Where the span starts: after the preposition, which is never part of it."""
    if _group(m, "prep"):
        rest = m.string[m.end("prep") : m.end()]
        return m.end("prep") + len(rest) - len(rest.lstrip())
    return m.start()


def _date(m: Match, spec: Spec, start: int | None = None) -> Found:
    return Found(m.start() if start is None else start, m.end(), Kind.DATE, spec, _prep(m))


# ------------------------------------------------------------------------------ calendar dates
def day_month_year(text: str, m: Match) -> Found | None:
    if guards.reference_before(text, m.start()) or guards.dash_before(text, m.start()):
        return None
    spec = Calendar(_int(m, "y"), _month(m), int(m.group("d")), _weekday(m.group("wd")))
    return _date(m, spec)


def month_day_year(text: str, m: Match) -> Found | None:
    if guards.dash_before(text, m.start()):
        return None
    ambiguous = _norm(m.group("m")) in vocab.AMBIGUOUS_MONTHS
    if not m.group("y") and ambiguous and guards.count_follows(text, m.end()):
        return None  # "may 16 times"; but "the August 7 bombings", "Dec. 7 of all shares"
    if _norm(m.group("m")) in vocab.AMBIGUOUS_MONTHS and not m.group("wd"):
        if guards.name_before(text, m.start()):
            return None
    spec = Calendar(_int(m, "y"), _month(m), int(m.group("d")), _weekday(m.group("wd")))
    return _date(m, spec)


def month_other_year(text: str, m: Match) -> Found | None:
    """A month (and day) in the year spoken of before, or in a year counted from the
    publication: "August of that year", "June last year"."""
    if m.group("d1") and m.group("d2"):
        return None
    day = _int(m, "d1") or _int(m, "d2")
    if m.group("ctx"):
        spec = Calendar(month=_month(m), day=day, year_from="context")
    else:
        offset = vocab.RELATIVE_MODES[_norm(m.group("rel"))]
        spec = Calendar(month=_month(m), day=day, year_from="relative", year_offset=offset)
    return _date(m, spec)


def month_year(text: str, m: Match) -> Found | None:
    if guards.count_follows(text, m.end()) or guards.dash_before(text, m.start()):
        return None
    if _norm(m.group("m")) in vocab.AMBIGUOUS_MONTHS and not m.group("q"):
        if guards.name_before(text, m.start()):
            return None
    return _date(m, Calendar(int(m.group("y")), _month(m), qualifier=_qualifier(m)))


_DAY_AFTER = re.compile(r"\s{1,3}[0-9]")
_OF_AFTER = re.compile(r"\s{1,3}of\b")


def month_alone(text: str, m: Match) -> Found | None:
    # (the most frequent rule: each group is read once)
    word, raw_prep, mode, qual = m.group("m", "prep", "mode", "q")
    norm = _norm(word)
    if not (raw_prep or mode or qual):
        if len(norm) <= 4 and norm not in ("june", "july"):
            return None  # abbreviations, and "May", need more context
        if norm in vocab.AMBIGUOUS_MONTHS:
            return None
        if guards.sentence_start(text, m.start()) or guards.name_before(text, m.start()):
            return None
    end = m.end()
    if mode and _DAY_AFTER.match(text[end : end + 4]):
        return None  # "last Oct. 23": the day's rule reads "Oct. 23"
    prep = _norm(raw_prep) if raw_prep else None
    start = _span_after_prep(m) if raw_prep else m.start()
    month = vocab.MONTHS[norm]
    qualifier = _qualifier_of(qual) if qual else None
    if mode and _norm(mode) in vocab.ANAPHORIC_MODES:  # "the previous April"
        spec = Anaphoric("year", vocab.ANAPHORIC_MODES[_norm(mode)], named=month)
        return Found(start, end, Kind.DATE, spec, prep)
    if mode:
        named = RelativeNamed(_norm(mode), month=month, qualifier=qualifier)
        return Found(start, end, Kind.DATE, named, prep)
    return Found(start, end, Kind.DATE, Calendar(month=month, qualifier=qualifier), prep)


def qualified_year(text: str, m: Match) -> Found | None:
    if guards.count_follows(text, m.end()):
        return None
    return _date(m, Calendar(int(m.group("y")), qualifier=_qualifier(m)))


def year_after_prep(text: str, m: Match) -> list[Found]:
    prep = _prep(m) or ""
    if prep == "by" and guards.quantity_before(text, m.start()):
        return []
    if prep in ("of", "for") and guards.word_before(text, m.start()).lower() in vocab.AMOUNT_NOUNS:
        return []
    if prep in ("from", "between") and P.RANGE_GAP.match(text, m.end("y")) and not m.group("more"):
        return []  # "from 2000 to 3000": a range of numbers, not a year
    last_end = m.end("more") if m.group("more") else m.end("y")
    year = int(m.group("y"))
    if guards.quantity_before(text, m.start()):
        return []
    if guards.count_follows(text, last_end) and (year % 50 == 0 or year < 1500):
        return []  # "in 2000 cases" is a count; "in 1989 sales rose" a year
    found = [Found(m.start("y"), m.end("y"), Kind.DATE, _year(m.group("y")), prep)]
    for item in P.LIST_YEAR.finditer(text, m.start("more"), m.end("more")):
        found.append(Found(item.start(), item.end(), Kind.DATE, _year(item.group())))
    return found


def year_attributive(text: str, m: Match) -> Found | None:
    year = int(m.group("y"))
    if guards.count_follows(text, m.end()) and (year % 50 == 0 or year < 1500):
        return None  # "the 2000 residents"; but "the 1777 campaigns", "its 2006 highs"
    return Found(m.start("y"), m.end("y"), Kind.DATE, _year(m.group("y")))


def year_bare(text: str, m: Match) -> Found | None:
    """A year with no preposition or determiner: kept unless it reads as an amount."""
    if guards.count_follows(text, m.end()):
        return None
    before = guards.word_before(text, m.start())
    lower = before.lower()
    if lower in vocab.REFERENCE_WORDS:  # as guards.reference_before
        return None
    if lower in vocab.AMOUNT_BEFORE or lower in vocab.QUANTITY_WORDS:
        if not (lower == "the" and _name_follows(text, m.end())):
            return None  # "about 1500", "to 2000"; but "the 1917 Battle of Arras"
    if before[-1:].isdigit() or text[m.start() - 2 : m.start()].strip() in ("$", "£", "€"):
        return None
    return Found(m.start("y"), m.end("y"), Kind.DATE, _year(m.group("y")))


_NAME_AFTER = re.compile(r"\s{1,3}[\"“‘']?[A-Z]")


def _name_follows(text: str, end: int) -> bool:
    """A capitalised word follows, perhaps in quotes: "the 1780 “Moonlight Battle”"."""
    return _NAME_AFTER.match(text, end) is not None


def year_in_brackets(text: str, m: Match) -> Found | None:
    return Found(m.start("y"), m.end("y"), Kind.DATE, _year(m.group("y")))


def year_possessive(text: str, m: Match) -> Found | None:
    if guards.reference_before(text, m.start()):
        return None
    return _date(m, _year(m.group("y")))


def year_range(text: str, m: Match) -> Found | None:
    sep = _norm(m.group("sep") or "")
    if sep == "and" and not m.group("prep"):
        return None
    first = int(m.group("y1"))
    if guards.reference_before(text, m.start()):
        return None
    if m.group("y2"):
        last = int(m.group("y2"))
    elif m.group("dash") and int(m.group("yy")) > first % 100:
        last = first - first % 100 + int(m.group("yy"))
    else:
        return None
    if not first < last <= first + 200:
        return None
    if first % 100 == last % 100 == 0 and guards.count_follows(text, m.end()):
        return None  # "1000-2000 people": round numbers are amounts
    spec = Range(Calendar(first), Calendar(last))
    return Found(_span_after_prep(m), m.end(), Kind.DATE, spec, _prep(m))


def day_range(text: str, m: Match) -> Found | None:
    if _two_days(m) or guards.reference_before(text, m.start()):
        return None
    return _days(m, _span_after_prep(m))


def month_day_range(text: str, m: Match) -> Found | None:
    if _two_days(m) or not m.group("y") and guards.count_follows(text, m.end()):
        return None
    return _days(m, m.start())


def _two_days(m: Match) -> bool:
    """Whether "6 and 8 May" names two days, not a range: days joined by "and" make one
    only after "between", or when they follow each other ("May 6 and 7")."""
    if _norm(_group(m, "sep") or "") != "and" or _group(m, "prep"):
        return False
    return int(m.group("d2")) != int(m.group("d1")) + 1


def _days(m: Match, start: int) -> Found | None:
    first, last = int(m.group("d1")), int(m.group("d2"))
    if not first < last:
        return None
    month, year = _month(m), _int(m, "y")
    spec = Range(Calendar(year, month, first), Calendar(year, month, last))
    return Found(start, m.end(), Kind.DATE, spec, _prep(m))


def numeric_date(text: str, m: Match, day_first: bool = True) -> Found | None:
    """ "01/03/2023" (day first, or month first when asked), "25/12/2022" either way."""
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if len(m.group("y")) == 2:
        year += 2000 if year < 50 else 1900
    day, month = (a, b) if day_first else (b, a)
    if month > 12 and day <= 12:
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31) or guards.reference_before(text, m.start()):
        return None
    return _date(m, Calendar(year, month, day))


def iso_date(text: str, m: Match) -> Found | None:
    return _date(m, Calendar(int(m.group("y")), int(m.group("m")), int(m.group("d"))))


def season(text: str, m: Match) -> Found | None:
    word, mode, prep = _norm(m.group("s")), _norm(m.group("mode") or ""), _prep(m)
    code, qual, year = vocab.SEASONS[word], _qualifier(m), _int(m, "y")
    start = _span_after_prep(m)
    if _group(m, "ctx"):  # "the autumn of that year": the year the text spoke of last
        return Found(start, m.end(), Kind.DATE, Calendar(subyear=code, qualifier=qual,
                                                         year_from="context"), prep)  # fmt: skip
    if year is None and mode in ("", "the") and not prep and not qual:
        if guards.word_after(text, m.end()).lower() in vocab.SEASON_NOUNS:
            start = m.start("s")  # "the summer offensive": the season alone is the date
        elif guards.word_before(text, m.start()).lower() not in vocab.SEASON_LEADS:
            return None
    if year is None:
        if _OF_AFTER.match(text[m.end() : m.end() + 8]):
            return None  # "the fall of Paris"
        if word == "fall" and mode not in ("this", "last", "next", "the"):
            return None
    if m.group("s")[0].isupper() and guards.name_before(text, m.start("s")):
        return None
    if year is None and mode in ("this", "last", "next"):
        return Found(start, m.end(), Kind.DATE, RelativeNamed(mode, subyear=code, qualifier=qual))
    if year is None and mode in vocab.ANAPHORIC_MODES:  # "the next spring"
        spec = Anaphoric("year", vocab.ANAPHORIC_MODES[mode], named=code)
        return Found(start, m.end(), Kind.DATE, spec, prep)
    return Found(start, m.end(), Kind.DATE, Calendar(year, subyear=code, qualifier=qual), prep)


def decade(text: str, m: Match) -> Found | None:
    if m.group("dec"):
        first = int(m.group("dec"))
        if first % 100 == 0 and first < 2000:
            return _date(m, Calendar(century=first // 100 + 1, qualifier=_qualifier(m)))
    else:
        short = int(m.group("short"))
        first = (2000 if short < 20 else 1900) + short
    return _date(m, Calendar(decade=first, qualifier=_qualifier(m)))


def century(text: str, m: Match) -> Found | None:
    number = _int(m, "cd") or vocab.ORDINALS.get(_norm(m.group("cw") or ""), 0)
    before_common_era = (m.group("era") or "").upper().startswith("B")
    if not 1 <= number <= (100 if before_common_era else 22):
        return None
    # a century before the common era is counted back: "the 5th century BC" is century -5
    number = -number if before_common_era else number
    return _date(m, Calendar(century=number, qualifier=_qualifier(m)))


def quarter(text: str, m: Match) -> Found | None:
    number = _int(m, "qd")
    code = 32 + number if number else vocab.QUARTERS[_norm(m.group("qw"))]
    if number and not m.group("y"):
        return None  # a bare "Q3" is too often something else
    start = m.start()
    if _group(m, "dash") and not m.group("y"):
        start = m.start("qw")  # "the third-quarter loss": the date is "third-quarter"
    return Found(start, m.end(), Kind.DATE, Calendar(_int(m, "y"), subyear=code))


def half(text: str, m: Match) -> Found | None:
    code = vocab.HALVES[_norm(m.group("hw"))]
    if m.group("mode"):
        return _date(m, RelativeNamed(_norm(m.group("mode")), subyear=code))
    return _date(m, Calendar(int(m.group("y")), subyear=code))


def part_of(text: str, m: Match) -> Found | None:
    """The first or last months of a year, or days of a month, as the span of them: "the
    first two months of 1939" is January to February 1939, "the last ten days of May 1940"
    the 22nd to the 31st."""
    first = _norm(m.group("which")) in ("first", "opening")
    unit, count = _norm(m.group("u")), _small_count(m.group("n"))
    if (unit == "month") != (count == 1) or not 1 <= count <= 30:
        return None  # "the first two month", "the first months", "the last few days"
    if unit.startswith("month"):
        year = _int(m, "yo")
        if year is None or count > 11:
            return None  # ("the first month of May": no months in a month)
        months = (1, count) if first else (13 - count, 12)
        if count == 1:
            return _date(m, Calendar(year, months[0]))
        return _date(m, Range(Calendar(year, months[0]), Calendar(year, months[1])))
    if m.group("m") is None:
        return None  # "the first ten days of 1940": days of a year are not counted here
    month, year = _month(m), _int(m, "y")
    length = _month_length(year, month)
    if length is None or count >= length:
        return None
    days = (1, count) if first else (length - count + 1, length)
    spec = Range(Calendar(year, month, days[0]), Calendar(year, month, days[1]))
    return _date(m, spec)


def _small_count(word: str | None) -> int:
    """A count of months or days, in digits or words ("2", "two", "twenty-one"); 1 when
    there is none, 0 when the word is no number."""
    if not word:
        return 1
    if word.isdigit():
        return int(word)
    parts = _norm(word).split("-")
    if not all(p in vocab.NUMBERS and p not in ("a", "an", "hundred") for p in parts):
        return 0
    return sum(vocab.NUMBERS[p] for p in parts)


def _month_length(year: int | None, month: int) -> int | None:
    """The days of a month: of February, only in a known year."""
    if year is None:
        return None if month == 2 else calendar.monthrange(2001, month)[1]
    return calendar.monthrange(year, month)[1]


# ------------------------------------------------------------------------------ relative dates
def relative_day(text: str, m: Match) -> Found | None:
    word = m.group("w")
    if word[0].isupper() and not word.isupper() and not guards.sentence_start(text, m.start()):
        return None  # "the Today programme": a name
    return _date(m, RelativeDay(vocab.RELATIVE_DAYS[_norm(word)]))


def relative_unit(text: str, m: Match) -> Found | None:
    unit = _norm(m.group("u"))
    if m.group("cur"):
        if "full" in m.group("cur").lower() and unit != "year":
            return None
        return _date(m, RelativeUnit(unit, 0))  # "the current quarter", "the full year"
    if m.group("def"):  # "the end of the month": the publication's month; "the month" alone
        qualifier = _qualifier(m)  # is the one the text spoke of (see ``anaphoric``)
        return _date(m, RelativeUnit(unit, 0, qualifier, definite=True)) if qualifier else None
    offset = vocab.RELATIVE_MODES[_norm(m.group("mode"))]
    return _date(m, RelativeUnit(unit, offset, _qualifier(m)))


def unit_end(text: str, m: Match) -> Found | None:
    """ "by year-end" is the end of the publication's year; "since year-end", the last one."""
    offset = -1 if _prep(m) == "since" else 0
    spec = RelativeUnit(_norm(m.group("u")), offset, "late")
    return Found(_span_after_prep(m), m.end(), Kind.DATE, spec, _prep(m))


def ago(text: str, m: Match) -> Found | None:
    count = _count(m.group("n"))
    unit = _unit(m.group("u"))
    if not isinstance(count, int) or vocab.UNITS[unit][2]:
        return None  # "several years ago" names no date; hours ago are times
    _, multiplier, _ = vocab.UNITS[unit]
    # "more than ten years ago" is before that year; "about ten years ago" is approximate.
    hedge = P.AGO_HEDGE.search(text, max(0, m.start() - 40), m.start())
    qualifier = vocab.AGO_HEDGES[_norm(hedge.group("h"))] if hedge else None
    spec = RelativeUnit(vocab.UNIT_CALENDAR[unit], -count * multiplier, qualifier, ago=True)
    return _date(m, spec, hedge.start("h") if hedge else None)


def weekday(text: str, m: Match) -> Found | None:
    mode = _norm(m.group("mode") or "")
    if guards.word_before(text, m.start("wd")).lower() in vocab.WEEKDAY_NAME_WORDS:
        return None  # "Good Friday", "Super Tuesday"
    after = guards.word_after(text, m.end("wd"))
    if after[:1].isupper() and after.lower() in vocab.WEEKDAY_NAME_AFTER:
        return None  # "the Sunday Times"
    wd = vocab.WEEKDAYS[_norm(m.group("wd"))]
    if mode in ("", "on"):
        return Found(m.start("wd"), m.end(), Kind.DATE, RelativeWeekday(wd, "bare"), mode or None)
    return _date(m, RelativeWeekday(wd, "next" if mode == "coming" else mode))


def weekend(text: str, m: Match) -> Found | None:
    mode = _norm(m.group("mode"))
    mode = {"the": "bare", "coming": "next", "past": "last"}.get(mode, mode)
    return _date(m, RelativeWeekend(mode))


# ------------------------------------------------------------------------------ anaphoric, vague
def reference(text: str, m: Match) -> Found | None:
    word = m.group("w")
    if word[0].isupper() and not guards.sentence_start(text, m.start()):
        return None  # "Soon Yi", "The Future Group"
    return _date(m, Timex(vocab.REFERENCES[_norm(word)]))


def bc_range(text: str, m: Match) -> Found | None:
    """ "499-493 BC", "from 264 to 241 BC": both ends are years before the common era,
    counted back (EDTF's astronomical years: 499 BC is -498)."""
    first, last = int(m.group("y1")), int(m.group("y2"))
    if not first > last > 0 or guards.reference_before(text, m.start()):
        return None
    spec = Range(Calendar(1 - first), Calendar(1 - last))
    return Found(m.start("y1"), m.end(), Kind.DATE, spec, _prep(m))


def bc_year(text: str, m: Match) -> Found | None:
    year = int(m.group("y"))
    if year == 0 or guards.reference_before(text, m.start()):
        return None
    month = _month(m) if m.group("m") else None
    return _date(m, Calendar(1 - year, month, _int(m, "d")))


def ad_year(text: str, m: Match) -> Found | None:
    year = int(m.group("y1") or m.group("y2"))
    if year == 0 or guards.reference_before(text, m.start()):
        return None
    return _date(m, Calendar(year))


def anaphoric(text: str, m: Match) -> Found | None:
    mode = _norm(m.group("mode"))
    if _group(m, "wd"):  # "the following Monday", "the previous Friday"
        offset = vocab.ANAPHORIC_MODES[mode]
        if offset == 0:
            return None  # "that Monday": the weekday's own rule reads "Monday"
        return _date(m, Anaphoric("day", offset, weekday=_weekday(m.group("wd"))))
    unit = _norm(m.group("u"))
    if mode == "that" and guards.word_before(text, m.start()).lower() in ("than", "so", "such"):
        return None
    if mode == "the new" and unit != "year":
        return None  # "the new year" is the next one; "the new week" is no date
    if m.group("part"):  # "the next morning", "that afternoon": a time of that day
        spec = Anaphoric("day", vocab.ANAPHORIC_MODES[mode])
        return Found(m.start(), m.end(), Kind.TIME, spec, _prep(m))
    return _date(m, Anaphoric(unit, vocab.ANAPHORIC_MODES[mode]))


def later(text: str, m: Match) -> Found | None:
    unit = _unit(m.group("u"))
    count = 1 if m.group("the") else _count(m.group("n"))
    direction = vocab.LATER_WORDS[_norm(m.group("dir"))]
    word = _norm(m.group("dir"))
    event = word in vocab.BEFORE_AFTER and _EVENT_AFTER.match(text, m.end()) is not None
    if count == "X" and unit in vocab.UNIT_CALENDAR:  # "a few days later": no calendar value
        if event:
            return None  # "a few days after the vote": a duration before or after an event
        return _date(m, Timex("FUTURE_REF" if direction > 0 else "PAST_REF"))
    if not isinstance(count, int) or unit not in vocab.UNIT_CALENDAR or count > 1000:
        return None
    if m.group("the") and _norm(m.group("u")) != unit:  # "in the weeks before": how many?
        return _date(m, Timex("FUTURE_REF" if direction > 0 else "PAST_REF"))
    _, multiplier, _ = vocab.UNITS[unit]
    offset = direction * count * multiplier
    calendar_unit = vocab.UNIT_CALENDAR[unit]
    if event and not m.group("the"):
        # "two days after the fall of Girona": counted from the happening's date when the text
        # told it, else the duration alone ("two days before the vote", "for a year after")
        if guards.word_before(text, m.start()).lower() in vocab.SPAN_LEADS:
            return None
        hedge = _norm(m.group("hedge") or "")
        start = m.start() if hedge in vocab.DURATION_HEDGES else m.start("n")  # not "a mere"
        iso, length = _iso(count, unit), m.end("u") - start
        spec = Anaphoric(calendar_unit, offset, True, True, duration=iso, length=length)
        return Found(start, m.end(), Kind.DATE, spec)
    spec = Anaphoric(calendar_unit, offset, event, told=direction > 0)
    return _date(m, spec)


def report_span(text: str, m: Match) -> Found | None:
    """ "in the nine months", "for the first half" in a sentence of an earnings report (money,
    "net", "earned", "a share"): the period up to the end of the quarter the report is on (see
    ``resolve``); elsewhere "the nine months" is the duration the duration rule reads."""
    if P.REPORT_SPAN_NOT.match(text, m.end()):
        return None
    lo, hi = sentence_bounds(text, m.start(), m.end(), 300)
    if P.REPORT_WORD.search(text, lo, hi) is None:
        return None
    start = _span_after_prep(m)
    if m.group("h"):
        code = vocab.HALVES[_norm(m.group("h"))]
        return Found(start, m.end(), Kind.DATE, ReportPeriod(subyear=code), _prep(m))
    months = vocab.REPORT_MONTHS[_norm(m.group("n"))]
    return Found(start, m.end(), Kind.DATE, ReportPeriod(months=months), _prep(m))


def daylight(text: str, m: Match) -> Found | None:
    """ "at dawn", "after dark": a time of the day the text spoke of last, as "that
    evening" is (the publication's when none was told)."""
    start = m.start("w") if m.group("w") else m.start()
    return Found(start, m.end(), Kind.TIME, Anaphoric("day", 0), _prep(m))


def span_told(text: str, m: Match) -> Found | None:
    """ "the following two years": the span of them after the last date told, else the
    duration (see ``resolve``)."""
    count = _count(m.group("n"))
    if not isinstance(count, int) or not 1 < count <= 100:
        return None  # ("the following one years")
    unit = _unit(m.group("u"))
    offset = vocab.SPAN_MODES[_norm(m.group("mode"))]
    iso = _iso(count, unit)
    spec = Anaphoric(unit, offset, told=True, duration=iso, length=m.end() - m.start(), span=count)
    return Found(m.start(), m.end(), Kind.DATE, spec)


#: After a bare "after": what makes it an adverb ("was attacked immediately after."), not
#: a preposition before a happening ("soon after the war"): a mark that ends a clause, or
#: "that", "this" (the happening told last: "soon after that", "shortly after this defeat").
_ADVERB_AFTER = re.compile(r"\s{0,3}(?:[,.;:!?)\]—–]|\Z)|\s{1,3}(?:that|this)\b", re.IGNORECASE)


def soon_after(text: str, m: Match) -> Found | None:
    """ "shortly thereafter", "immediately after." (an adverb, not before a happening)."""
    if _norm(m.group("w")) == "after" and not _ADVERB_AFTER.match(text, m.end()):
        return None
    return Found(m.start(), m.end(), Kind.DATE, Told(soon=True))


#: After "the same time": a happening it is the time of ("at the same time as the battle",
#: "at the same time it reported"), not a time the text told.
_SAME_AS = re.compile(r"\s{1,3}(?:as|that|when|of)\b", re.IGNORECASE)


def same_time(text: str, m: Match) -> Found | None:
    """ "at the same time": the time the text told last (see ``resolve``)."""
    if _SAME_AS.match(text, m.end()):
        return None
    return Found(m.start("s"), m.end(), Kind.DATE, Told(), _prep(m))


#: After "the day before": the happening it is counted from ("the day before the vote", "the
#: night before he died"), not the end of the clause nor a date the text named before ("the
#: day before, …", "the day before that").
_EVENT_AFTER = re.compile(
    r"\s{1,3}(?!(?:that|this|then|now|and|or|but|yesterday|tomorrow|at|in|on)\b)[\w'‘“\"]",
    re.IGNORECASE,
)


def fiscal(text: str, m: Match) -> Found | None:
    """A fiscal year named by the year it ends in: it may have begun in the year before, so
    it is the interval of the two calendar years (no month is invented)."""
    year = int(m.group("y"))
    year += 2000 if year < 100 else 0
    return _date(m, Range(Calendar(year - 1), Calendar(year)))


def split_year(text: str, m: Match) -> Found | None:
    first, second = int(m.group("y1")), int(m.group("y2"))
    if second < 100:
        second += first - first % 100
    if second != first + 1 or guards.reference_before(text, m.start()):
        return None
    return _date(m, Range(Calendar(first), Calendar(second)))


def turn_of_century(text: str, m: Match) -> Found | None:
    number = _int(m, "cd") or vocab.ORDINALS.get(_norm(m.group("cw") or ""), 0)
    if number:
        if not 2 <= number <= 22:
            return None
        return _date(m, Calendar((number - 1) * 100, qualifier="approximate"))
    return _date(m, Anaphoric("century", 0))


# ------------------------------------------------------------------------------ durations, sets
def _count(word: str | None) -> int | float | str:
    """A number written in digits or words; "X" for vague quantities."""
    if not word:
        return 1
    text = _norm(word)
    if text[0].isdigit():
        value = float(text.replace(",", ""))
        return int(value) if value.is_integer() else value
    if text in vocab.VAGUE_NUMBERS or text.startswith("a few") or "couple" in text:
        return 2 if "couple" in text else "X"
    total = 0
    for part in re.split(r"[\s-]+", text):
        if part == "hundred":
            total = max(total, 1) * 100
        else:
            total += vocab.NUMBERS[part]
    return total


def _unit(word: str) -> str:
    key = _norm(word)
    return vocab.UNIT_PLURALS.get(key, key)


def _iso(count: int | float | str, unit: str) -> str:
    designator, multiplier, is_time = vocab.UNITS[unit]
    if isinstance(count, str):
        amount = count
    else:
        value = count * multiplier
        amount = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return f"PT{amount}{designator}" if is_time else f"P{amount}{designator}"


def duration(text: str, m: Match) -> Found | None:
    unit_word, number = m.group("u"), _norm(m.group("n"))
    unit = _unit(unit_word)
    if number in ("a", "an") and (unit in vocab.NOT_AFTER_A or _norm(unit_word) != unit):
        return None
    if m.group("dash") and _norm(unit_word) != unit:
        return None  # "three-years" is not English; "three-year" is
    if guards.reference_before(text, m.start()):
        return None
    iso = _iso(_count(m.group("n")), unit)
    lead = _norm(_group(m, "lead") or "")
    start = m.start("n") if m.group("dash") and lead == "the" else m.start()
    if m.group("long") and number in ("a", "an"):
        start = m.start("u")  # "a month-long operation": the duration is "month-long"
    return Found(start, m.end(), Kind.DURATION, Period(iso))


def unit_long(text: str, m: Match) -> Found | None:
    """ "month-long" is P1M, "decades-long" PXY."""
    unit = _unit(m.group("u"))
    count = 1 if unit == _norm(m.group("u")) else "X"
    return Found(m.start(), m.end(), Kind.DURATION, Period(_iso(count, unit)))


def bare_units(text: str, m: Match) -> Found | None:
    return Found(m.start("u"), m.end(), Kind.DURATION, Period(_iso("X", _unit(m.group("u")))))


def duration_lead(text: str, m: Match) -> Found | None:
    return Found(m.start(), m.end(), Kind.DURATION, Period(_iso(1, _unit(m.group("u")))))


def every(text: str, m: Match) -> Found | None:
    # "every Monday", "each July": the days or months named, as TimeML writes such sets;
    # "every other Sunday" is every two weeks
    if m.group("wd"):
        day = _weekday(m.group("wd"))
        iso = "P2W" if m.group("other") else f"XXXX-WXX-{(day or 0) + 1}"
    elif m.group("mo"):
        iso = "P2Y" if m.group("other") else f"XXXX-{_month(m, 'mo'):02d}"
    else:
        unit = _unit(m.group("u"))
        count = _count(m.group("n"))
        if m.group("other"):
            count = 2 if count == 1 else count
        iso = _iso(count, unit)
    return Found(m.start(), m.end(), Kind.SET, Period(iso))


def times_per(text: str, m: Match) -> Found | None:
    return Found(m.start(), m.end(), Kind.SET, Period(_iso(1, _unit(m.group("u")))))


def frequency(text: str, m: Match) -> Found | None:
    return Found(m.start(), m.end(), Kind.SET, Period(vocab.FREQUENCIES[m.group("w")]))


# ------------------------------------------------------------------------------ times of day
def clock_12(text: str, m: Match) -> Found | None:
    hour, minute = int(m.group("h")) % 12, _int(m, "mi") or 0
    if m.group("ap").lower().startswith("p"):
        hour += 12
    return Found(m.start(), m.end(), Kind.TIME, Clock(hour, minute))


def clock_24(text: str, m: Match) -> Found | None:
    if guards.count_follows(text, m.end()):
        return None
    spec = Clock(int(m.group("h")), int(m.group("mi")))
    return Found(m.start("h"), m.end(), Kind.TIME, spec, _prep(m))


def clock_word(text: str, m: Match) -> Found | None:
    hour = 0 if _norm(m.group("w")) == "midnight" else 12
    return Found(m.start("w"), m.end(), Kind.TIME, Clock(hour, 0), _prep(m))


_Y = frozenset({"year"})
_M = frozenset({"month"})
_U = frozenset({"unit"})


def _c(*names: str) -> frozenset[str]:
    return frozenset(names)


#: Every rule, in order of preference when two equally long phrases compete, with the
#: trigger classes one of which each of its phrases contains.
RULES: tuple[tuple[re.Pattern[str], Builder, frozenset[str]], ...] = (
    (P.DAY_RANGE, day_range, _M),
    (P.MONTH_DAY_RANGE, month_day_range, _M),
    (P.YEAR_RANGE, year_range, _Y),
    (P.ISO_DATE, iso_date, _Y),
    (P.NUMERIC_DATE, numeric_date, _c("numeric")),
    (P.DAY_MONTH_YEAR, day_month_year, _M),
    (P.MONTH_DAY_YEAR, month_day_year, _M),
    (P.MONTH_OTHER_YEAR, month_other_year, _c("yearword")),
    (P.MONTH_YEAR, month_year, _M),
    (P.QUALIFIED_YEAR, qualified_year, _Y),
    (P.SEASON, season, _c("season")),
    (P.HALF, half, _c("half")),
    (P.PART_OF, part_of, _c("partunit")),
    (P.QUARTER, quarter, _c("quarter")),
    (P.QUARTER_CODE, quarter, _c("qcode")),
    (P.DECADE, decade, _c("decade")),
    (P.CENTURY, century, _c("century")),
    (P.RELATIVE_DAY, relative_day, _c("relday")),
    (P.RELATIVE_UNIT, relative_unit, _c("calunit")),
    (P.UNIT_END, unit_end, _c("calunit")),
    (P.AGO, ago, _c("ago")),
    (P.WEEKDAY, weekday, _c("weekday")),
    (P.WEEKEND, weekend, _c("weekend")),
    (P.MONTH_ALONE, month_alone, _M),
    (P.YEAR_AFTER_PREP, year_after_prep, _Y),
    (P.YEAR_POSSESSIVE, year_possessive, _Y),
    (P.YEAR_ATTRIBUTIVE, year_attributive, _Y),
    (P.YEAR_IN_BRACKETS, year_in_brackets, _Y),
    (P.YEAR_BARE, year_bare, _Y),
    (P.FISCAL, fiscal, _c("fiscal", "fy")),
    (P.SPLIT_YEAR, split_year, _Y),
    (P.TURN, turn_of_century, _c("century")),
    (P.REFERENCE, reference, _c("ref")),
    (P.BC_RANGE, bc_range, _c("era")),
    (P.BC_YEAR, bc_year, _c("era")),
    (P.AD_YEAR, ad_year, _c("era")),
    (P.ANAPHORIC, anaphoric, _c("dayunit")),
    (P.ANAPHORIC_WEEKDAY, anaphoric, _c("weekday")),
    (P.LATER, later, _c("later")),
    (P.SPAN_TOLD, span_told, _c("plural")),
    (P.DAYLIGHT, daylight, _c("daylight")),
    (P.REPORT_SPAN, report_span, _c("reportspan")),
    (P.SOON_AFTER, soon_after, _c("soon")),
    (P.SAME_TIME, same_time, _c("same")),
    (P.EVERY, every, _c("every")),
    (P.TIMES_PER, times_per, _c("times")),
    (P.FREQUENCY, frequency, _c("frequency")),
    (P.DURATION, duration, _U),
    (P.DURATION_LEAD, duration_lead, _c("leadunit")),
    (P.UNIT_LONG, unit_long, _c("long")),
    (P.BARE_UNITS, bare_units, _c("plural")),
    (P.CLOCK_12, clock_12, _c("clock")),
    (P.CLOCK_24, clock_24, _c("clock")),
    (P.CLOCK_WORD, clock_word, _c("clock")),
    (periods.REPORT, periods.report, _c("report")),
    (periods.REPORT_YEAR, periods.report_year, _c("report")),
    (periods.YEAR_AGO_ADJ, periods.year_ago_adjective, _c("yearword")),
    (periods.HOLIDAY, periods.holiday, _c("holiday")),
    (periods.SPOKEN_YEAR, periods.spoken_year, _c("spoken")),
)


#: Rules whose every phrase is a vague reference (a :class:`Timex`).
REFERENCES_ONLY = frozenset({reference})


def find_all(
    text: str, *, full_scan: bool = False, day_first: bool = True, refs: bool = True
) -> Iterator[tuple[int, Found]]:
    """Every phrase every rule recognises, with the rule's rank; overlaps included.

    Rules scan only the stretches around their triggers; ``full_scan`` makes them scan the
    whole text instead (same result, slower: kept to check the shortcut). Without ``refs``,
    the rules that find nothing but vague references ("now", "recently") are not run.
    """
    # The phrases are found all at once with the garbage collector paused: the thousands of
    # small objects made on the way hold no reference cycles, so the collector's passes over
    # them (a twentieth of the time) would find nothing to free.
    with _collector_paused():
        found = list(_find_all(text, full_scan, day_first, refs))
    yield from found


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _find_all(
    text: str, full_scan: bool, day_first: bool, refs: bool
) -> Iterator[tuple[int, Found]]:
    scanner = None if full_scan else Scanner(text)
    for rank, (pattern, build, classes) in enumerate(RULES):
        if not refs and build in REFERENCES_ONLY:
            continue
        if scanner is None:
            found_by = matches(pattern, text)
        else:
            found_by = scanner.finditer(pattern, classes)
        for match in found_by:
            result: Found | list[Found] | None
            if build is numeric_date:
                result = numeric_date(text, match, day_first)
            else:
                result = build(text, match)
            if result is None:
                continue
            for found in result if isinstance(result, list) else (result,):
                if found.start < found.end:
                    yield rank, found
