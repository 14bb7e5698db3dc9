"""Table-driven tests of reporting periods, named days, spoken years, years carried from
context, ranges written with dashes, news-style weekdays, vague durations and references."""

from __future__ import annotations

from collections import Counter

import pytest

from timeline.dates import DateValue
from timeline.models import Kind, Resolution
from timeline.tagger import tag

REPORT = DateValue.of_day(1989, 10, 26)  # a Thursday, in the fourth quarter
PUB = DateValue.of_day(2022, 5, 17)  # a Tuesday
E, P, C, U = Resolution.EXPLICIT, Resolution.PUBLISHED, Resolution.CONTEXT, Resolution.UNRESOLVED
D, DUR = Kind.DATE, Kind.DURATION

# (sentence, published, [(surface, EDTF or None, kind, resolved_by)])
DATES = [
    # the period a report is about: the last quarter named, else the last whole quarter
    ("Net rose in the third quarter. A year ago it fell.", REPORT,
     [("the third quarter", "1989-35", D, P), ("A year ago", "1988-35", D, C)]),
    ("Net rose in the third quarter. In the year-ago quarter it fell.", REPORT,
     [("the third quarter", "1989-35", D, P), ("the year-ago quarter", "1988-35", D, C)]),
    ("Net rose in the third quarter, up from a year-earlier loss.", REPORT,
     [("the third quarter", "1989-35", D, P), ("year-earlier", "1988-35", D, C)]),
    ("Sales fell in the latest quarter.", REPORT, [("the latest quarter", "1989-35", D, P)]),
    ("Sales will rise in the current quarter.", REPORT,
     [("the current quarter", "1989-36", D, P)]),
    ("In the 1988 period, net fell.", REPORT, [("the 1988 period", "1988-35", D, E)]),
    ("In the 1988 third quarter, net fell.", REPORT,
     [("the 1988 third quarter", "1988-35", D, E)]),
    ("Net for this year's third quarter rose.", REPORT,
     [("this year's third quarter", "1989-35", D, P)]),
    ("Sales in the fiscal first quarter rose.", REPORT,
     [("the fiscal first quarter", "1989-33", D, P)]),
    ("The third-quarter loss widened.", REPORT, [("third-quarter", "1989-35", D, P)]),
    ("Profit fell for the full year.", REPORT, [("the full year", "1989", D, P)]),
    # "last year" names a year, even after a quarter; "a year ago" far from one is a year
    ("Net rose in the third quarter. Sales rose last year.", REPORT,
     [("the third quarter", "1989-35", D, P), ("last year", "1988", D, P)]),
    ("It opened a year ago.", REPORT, [("a year ago", "1988", D, P)]),
    ("The last half of 1989 was weak.", None, [("The last half of 1989", "1989-41", D, E)]),
    # named days, placed like a date without a year
    ("He was found on Thanksgiving Day.", DateValue.of_day(2000, 1, 7),
     [("Thanksgiving Day", "1999-11-25", D, P)]),
    ("They met on Christmas Eve.", PUB, [("Christmas Eve", "2021-12-24", D, P)]),
    ("The troops were home by Christmas 2007.", None, [("Christmas 2007", "2007-12-25", D, E)]),
    ("It was Good Friday.", PUB, []),
    # spoken years
    ("Keating was convicted in nineteen ninety-one.", None,
     [("nineteen ninety-one", "1991", D, E)]),
    ("January nineteen ninety-seven. Atlanta again.", None,
     [("January nineteen ninety-seven", "1997-01", D, E)]),
    ("The promise to halve it by the year two thousand.", None,
     [("the year two thousand", "2000", D, E)]),
    # the year the text spoke of last, or a year counted from the publication
    ("It began in 1917. In August of that year it ended.", None,
     [("1917", "1917", D, E), ("August of that year", "1917-08", D, C)]),
    ("It began in 1861. On July 25 of that year it ended.", None,
     [("1861", "1861", D, E), ("July 25 of that year", "1861-07-25", D, C)]),
    ("In June last year, he left.", PUB, [("June last year", "2021-06", D, P)]),
    ("On 5 May this year it opened.", PUB, [("5 May this year", "2022-05-05", D, P)]),
    ("On June 20 of 1792 they marched.", None, [("June 20 of 1792", "1792-06-20", D, E)]),
    ("August of that year.", None, [("August of that year", "XXXX-08", D, U)]),
    # ranges whose second end follows a dash
    ("Operation Glory (July-November 1954) ended.", None,
     [("July-November 1954", "1954-07/1954-11", D, E)]),
    ("The battle (14 August-24 August 1914) was lost.", None,
     [("14 August-24 August 1914", "1914-08-14/1914-08-24", D, E)]),
    ("In the years 1955-1957 many died.", None, [("the years 1955-1957", "1955/1957", D, E)]),
    ("COVID-19 May restrictions.", PUB, []),
    # years before a plural noun: a year unless a round number
    ("The 1777 campaigns failed.", None, [("1777", "1777", D, E)]),
    ("The 2000 residents voted.", None, []),
    # seasons naming the time of something, or after "over", "spent"
    ("The Germans spent the spring preparing.", None, [("the spring", None, D, U)]),
    ("In 1942 they began their summer offensive.", None,
     [("1942", "1942", D, E), ("summer", "1942-22", D, C)]),
    ("Spring water is cold.", None, []),
    # weekdays: news style ("the Court Friday"), names, parts of the day
    ("The World Court Friday rejected the bid.", PUB, [("Friday", "2022-05-13", D, P)]),
    ("It was Super Tuesday.", PUB, []),
    ("The group met the Sunday Times editor.", PUB, []),
    ("Clinton met Arafat Monday night.", PUB, [("Monday night", "2022-05-16", D, P)]),
    ("He left late yesterday.", PUB, [("late yesterday", "2022-05-16", D, P)]),
    # the tense of the sentence chooses the year of a day without one
    ("The dividend is payable Dec. 7 to holders.", REPORT, [("Dec. 7", "1989-12-07", D, P)]),
    ("The split will be paid Dec. 14.", REPORT, [("Dec. 14", "1989-12-14", D, P)]),
    ("They will redeem on Dec. 7 of all the shares.", REPORT, [("Dec. 7", "1989-12-07", D, P)]),
    ("The Aug. 7 bombings killed many.", DateValue.of_day(1998, 8, 17),
     [("Aug. 7", "1998-08-07", D, P)]),
    ("The doctor was shot last Oct. 23 at home.", DateValue.of_day(1999, 4, 19),
     [("Oct. 23", "1998-10-23", D, P)]),
]

# (sentence, [(surface, TIMEX value, kind)]) with refs=True: durations and references.
VAGUE = [
    ("A few months later the Allies attacked.", [("A few months later", "FUTURE_REF", D)]),
    ("A few days earlier it rained.", [("A few days earlier", "PAST_REF", D)]),
    ("It was a month-long operation.", [("month-long", "P1M", DUR)]),
    ("A 3 year long siege ended.", [("3 year long", "P3Y", DUR)]),
    ("A decades-long battle.", [("decades-long", "PXY", DUR)]),
    ("They fought for years.", [("years", "PXY", DUR)]),
    ("The 6-year-old boy returned.", []),
    ("Tensions rose in recent weeks.", [("recent weeks", "PAST_REF", D)]),
    ("It matters for current policy.", [("current", "PRESENT_REF", D)]),
    ("It is closed right now.", [("right now", "PRESENT_REF", D)]),
    # a frequency, as an adverb or before a noun (TimeML tags both)
    ("It reports quarterly.", [("quarterly", "P3M", Kind.SET)]),
    ("It raised its quarterly dividend.", [("quarterly", "P3M", Kind.SET)]),
]


def _edtf(value: DateValue | None) -> str | None:
    return None if value is None else value.edtf.rstrip("~")


@pytest.mark.parametrize("table", [DATES, VAGUE], ids=["dates", "vague"])
def test_tables_have_no_duplicate_inputs(table: list) -> None:
    counts = Counter(repr(row[:2]) for row in table)
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(("sentence", "published", "expected"), DATES)
def test_dates(sentence: str, published: DateValue | None, expected: list) -> None:
    got = [(m.text, _edtf(m.value), m.kind, m.resolved_by) for m in tag(sentence, published)]
    assert got == expected


@pytest.mark.parametrize(("sentence", "expected"), VAGUE)
def test_vague_and_durations(sentence: str, expected: list) -> None:
    got = [(m.text, m.duration, m.kind) for m in tag(sentence, PUB, refs=True)]
    assert got == expected
    assert all(m.value is None for m in tag(sentence, PUB, refs=True))
