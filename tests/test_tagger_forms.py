"""Table-driven tests of the forms added to the tagger: numeric and fiscal dates, anaphoric and
narrative dates, vague references, years of either era, bare years, hedged durations."""

from __future__ import annotations

from collections import Counter

import pytest

from timeline.dates import DateValue
from timeline.models import Kind, Resolution
from timeline.tagger import tag

PUB = DateValue.of_day(2022, 5, 17)  # a Tuesday
MON89 = DateValue.of_day(1989, 10, 30)  # a Monday
E, P, C, U = Resolution.EXPLICIT, Resolution.PUBLISHED, Resolution.CONTEXT, Resolution.UNRESOLVED
D, DUR = Kind.DATE, Kind.DURATION

# (sentence, published, [(surface, EDTF or None, kind, resolved_by)])
FORMS = [
    # numeric dates, read day first by default
    ("It opened on 01/03/2023.", None, [("01/03/2023", "2023-03-01", D, E)]),
    ("It opened on 25/12/2022.", None, [("25/12/2022", "2022-12-25", D, E)]),
    ("It opened on 12/25/2022.", None, [("12/25/2022", "2022-12-25", D, E)]),
    ("It opened on 1.3.2023.", None, [("1.3.2023", "2023-03-01", D, E)]),
    ("It opened on 5/6/99.", None, [("5/6/99", "1999-06-05", D, E)]),
    # fiscal and split years: the two calendar years, never an invented month
    ("Profits rose in fiscal 1990.", None, [("fiscal 1990", "1989/1990", D, E)]),
    ("Profits rose in fiscal year 2023.", None, [("fiscal year 2023", "2022/2023", D, E)]),
    ("Profits rose in FY2023.", None, [("FY2023", "2022/2023", D, E)]),
    ("The 2022/23 budget.", None, [("2022/23", "2022/2023", D, E)]),
    # the turn of the century
    ("At the turn of the 20th century.", None, [("the turn of the 20th century", "1900~", D, E)]),
    (
        "Born in 1897, at the turn of the century.",
        None,
        [("1897", "1897", D, E), ("the turn of the century", "1900~", D, C)],
    ),
    # anaphoric dates: the last date before them in the text, else the publication date
    (
        "It began on 3 May 2020. The next day it rained.",
        None,
        [("3 May 2020", "2020-05-03", D, E), ("The next day", "2020-05-04", D, C)],
    ),
    (
        "It began on 3 May 2020. Three days later it stopped.",
        None,
        [("3 May 2020", "2020-05-03", D, E), ("Three days later", "2020-05-06", D, C)],
    ),
    (
        "It began in June 1941. The following year it ended.",
        None,
        [("June 1941", "1941-06", D, E), ("The following year", "1942", D, C)],
    ),
    (
        "It began in June 1941. Later that month it ended.",
        None,
        [("June 1941", "1941-06", D, E), ("Later that month", "1941-06", D, C)],
    ),
    (
        "It began in 1941, and that year it ended.",
        None,
        [("1941", "1941", D, E), ("that year", "1941", D, C)],
    ),
    (
        "It began on 3 May 2020 and the same day it ended.",
        None,
        [("3 May 2020", "2020-05-03", D, E), ("the same day", "2020-05-03", D, C)],
    ),
    # a weekday counted from the last day told: the first such day after it, or before
    (
        "The vote was on Sunday 12 May 2019. The following Monday, he resigned.",
        None,
        [("Sunday 12 May 2019", "2019-05-12", D, E), ("The following Monday", "2019-05-13", D, C)],
    ),
    (
        "The vote was on Friday 10 May 2019; the previous Friday, he had resigned.",
        None,
        [("Friday 10 May 2019", "2019-05-10", D, E), ("the previous Friday", "2019-05-03", D, C)],
    ),
    ("Shares fell from the preceding Monday.", PUB, [("the preceding Monday", "2022-05-16", D, P)]),
    ("The next Monday was calm.", None, [("The next Monday", None, D, U)]),
    # a month or season: the first such after, or before, the last date told
    (
        "Over the winter of 1777, men died. The next spring, the army emerged.",
        None,
        [("the winter of 1777", "1777-24", D, E), ("The next spring", "1778-21", D, C)],
    ),
    (
        "In September 1918 they gave up the salient seized the previous April.",
        None,
        [("September 1918", "1918-09", D, E), ("the previous April", "1918-04", D, C)],
    ),
    (
        "Xerxes came in 480 BC. The following spring he left.",
        None,
        [("480 BC", "-0479", D, E), ("The following spring", "-0478-21", D, C)],
    ),
    ("It reopens the next April.", PUB, [("the next April", "2023-04", D, P)]),
    ("It reopens the next April.", None, [("the next April", None, D, U)]),
    ("A year earlier it was cheaper.", PUB, [("A year earlier", "2021", D, P)]),
    ("The previous month was worse.", PUB, [("The previous month", "2022-04", D, P)]),
    ("The next day it rained.", None, [("The next day", None, D, U)]),
    # counted from a happening: from the date named right after it, else from nothing
    (
        "The day before last Tuesday's hearing, he went home.",
        PUB,
        [("The day before", "2022-05-09", D, C), ("last Tuesday", "2022-05-10", D, P)],
    ),
    (
        "It rained the day before the 5 May vote.",
        PUB,
        [("the day before", "2022-05-04", D, C), ("the 5 May", "2022-05-05", D, P)],
    ),
    # the "before" is the phrase's: "5 May" is that day, not the time before it
    (
        "It rained the day before 5 May.",
        PUB,
        [("the day before", "2022-05-04", D, C), ("5 May", "2022-05-05", D, P)],
    ),
    (
        "He arrived the day before Christmas.",
        PUB,
        [("the day before", "2021-12-24", D, C), ("Christmas", "2021-12-25", D, P)],
    ),
    (
        "On 3 May 2020 it began. The day before the vote, it rained.",
        None,
        [("3 May 2020", "2020-05-03", D, E), ("The day before", None, D, U)],
    ),
    ("He left. The day before, he had called.", PUB, [("The day before", "2022-05-16", D, P)]),
    # the end of a unit, also written as one word
    ("It should close by yearend.", PUB, [("yearend", "late 2022", D, P)]),
    ("It should close at monthEnd.", PUB, [("monthEnd", "late 2022-05", D, P)]),
    # "later" follows something told, not the day of publication
    ("Three days later, the index was down.", PUB, [("Three days later", None, D, U)]),
    ("Two years before, they had refused.", PUB, [("Two years before", "2020", D, P)]),
    ("He died the day before yesterday.", PUB, [("the day before yesterday", "2022-05-15", D, P)]),
    ("He comes the day after tomorrow.", PUB, [("the day after tomorrow", "2022-05-19", D, P)]),
    # how many weeks is not said: no date is counted back from today, only a duration found
    ("The car was seen in the weeks before the shooting.", PUB, [("weeks", None, DUR, E)]),
    ("In the days before, he had called.", PUB, [("days", None, DUR, E)]),
    # bare years
    ("In the 1917 Battle of Arras.", None, [("1917", "1917", D, E)]),
    ("2005: Elections and a new government.", None, [("2005", "2005", D, E)]),
    ("Compared with 1913, output fell.", None, [("1913", "1913", D, E)]),
    # hedged and determined durations, as TimeML spans them
    ("It lasted more than three years.", None, [("more than three years", None, DUR, E)]),
    # a reporting period named by its length and its end is the span of it (its end alone
    # when the year is unknown)
    ("In the nine months to June, sales rose.", None,
     [("the nine months to June", "XXXX-06", D, U)]),
    ("Net fell for the year ended Aug. 31.", MON89,
     [("the year ended Aug. 31", "1988-09/1989-08", D, P)]),
    ("In the fiscal year ended Jan. 31, 1989, sales rose.", None,
     [("the fiscal year ended Jan. 31, 1989", "1988-02/1989-01", D, E)]),
    ("Net rose in the nine months ended Sept. 30.", MON89,
     [("the nine months ended Sept. 30", "1989-01/1989-09", D, P)]),
    ("Net rose in the six months to 12 August.", MON89,
     [("the six months to 12 August", "1989-02-13/1989-08-12", D, P)]),
    ("For the 52 weeks ended July 2, net rose.", MON89,
     [("the 52 weeks ended July 2", "1988-07-03/1989-07-02", D, P)]),
    ("Net rose in the fiscal year ending in March.", MON89,
     [("the fiscal year ending in March", "1988-04/1989-03", D, P)]),
    # two days or months in a row joined by "and" are a span; two apart are two dates
    ("In 1954 the fall took two days, May 6 and 7th.", None,
     [("1954", "1954", D, E), ("two days", None, DUR, E),
      ("May 6 and 7th", "1954-05-06/1954-05-07", D, C)]),
    ("They fought on 6 and 7 May 1954.", None,
     [("6 and 7 May 1954", "1954-05-06/1954-05-07", D, E)]),
    ("They fought on 6 and 9 May 1954.", None, [("9 May 1954", "1954-05-09", D, E)]),
    ("They fought on May 6 and 9, 1954.", None,
     [("May 6", "XXXX-05-06", D, U), ("1954", "1954", D, E)]),
    ("They met on May 6 and 7 people died.", PUB, [("May 6", "2022-05-06", D, P)]),
    ("He tried in January and February 1937.", None,
     [("January and February 1937", "1937-01/1937-02", D, E)]),
    ("He tried in December and January 1937.", None,
     [("December and January 1937", "1936-12/1937-01", D, E)]),
    ("The revolutions of March and November 1917.", None,
     [("March", "1917-03", D, E), ("November 1917", "1917-11", D, E)]),
    ("It rained in May, June and July 1916.", None,
     [("May", "1916-05", D, E), ("June", "1916-06", D, E), ("July 1916", "1916-07", D, E)]),
    # the first or last months of a year, days of a month: the span of them
    ("He won during the first two months of 1939.", None,
     [("the first two months of 1939", "1939-01/1939-02", D, E)]),
    ("He won in the last three months of 1943.", None,
     [("the last three months of 1943", "1943-10/1943-12", D, E)]),
    ("He won in the first month of 1939.", None, [("the first month of 1939", "1939-01", D, E)]),
    ("He won in the last ten days of February 1940.", None,
     [("the last ten days of February 1940", "1940-02-20/1940-02-29", D, E)]),
    ("He won in the first ten days of May.", PUB,
     [("the first ten days of May", "2022-05-01/2022-05-10", D, P)]),
    ("He won in the first months of 1939.", None, [("1939", "1939", D, E)]),
    ("He won in the last few days of May 1939.", None,
     [("the last few days", None, DUR, E), ("May 1939", "1939-05", D, E)]),
]

# Vague references: only with refs=True; value None, TIMEX value in duration.
REFS = [
    ("Things are better now.", [("now", "PRESENT_REF")]),
    ("It is currently closed.", [("currently", "PRESENT_REF")]),
    ("It happened recently.", [("recently", "PAST_REF")]),
    ("In the future it will open.", [("the future", "FUTURE_REF")]),
]

NOT_DATES = [
    "There were about 1500 troops.",
    "Prices rose to 2000 points.",
    "It cost $1999 in all.",
    "Room 2010 is on the left.",
    "Version 3.2.1 is out.",
    "See section 10.2.3 below.",
    "Call 01432 260000.",
    "The A49 and the M5 and HS2 were closed.",
    "During COVID-19 the score was 3-1.",
    "Aged 35, he may march on.",
    "Theresa May spoke in 2019 about it.",  # only the year is a date
]


def _edtf(value: DateValue | None) -> str | None:
    if value is None:
        return None
    q = value.qualifier
    if q is not None and q.value in ("early", "mid", "late", "before", "after"):
        return f"{q.value} {value.edtf}"
    return value.edtf


@pytest.mark.parametrize("table", [FORMS, REFS], ids=["forms", "refs"])
def test_tables_have_no_duplicate_inputs(table: list) -> None:
    counts = Counter(repr(row[:2]) for row in table)
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(("sentence", "published", "expected"), FORMS)
def test_forms(sentence: str, published: DateValue | None, expected: list) -> None:
    got = [(m.text, _edtf(m.value), m.kind, m.resolved_by) for m in tag(sentence, published)]
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "day_first", "expected"),
    [
        ("On 01/03/2023.", True, "2023-03-01"),
        ("On 01/03/2023.", False, "2023-01-03"),
        ("On 25/12/2022.", False, "2022-12-25"),
        ("On 12/25/2022.", True, "2022-12-25"),
    ],
)
def test_day_first_setting(sentence: str, day_first: bool, expected: str) -> None:
    (m,) = tag(sentence, day_first=day_first)
    assert m.value is not None and m.value.edtf == expected


@pytest.mark.parametrize(("sentence", "expected"), REFS)
def test_references_only_on_request(sentence: str, expected: list) -> None:
    got = [(m.text, m.duration) for m in tag(sentence, PUB, refs=True) if m.value is None]
    assert got == expected
    assert all(m.kind is D and m.resolved_by is U for m in tag(sentence, PUB, refs=True))
    assert [m.text for m in tag(sentence, PUB) if m.value is None] == []


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence: str) -> None:
    got = [m.text for m in tag(sentence, refs=True) if m.is_dated]
    assert got == (["2019"] if "2019" in sentence else [])


def test_impossible_numeric_dates_are_not_dates() -> None:
    assert tag("On 31/31/2023 and 13/13/2020.") == []


# Years marked with their era: dated mentions, in EDTF's astronomical years before 1 CE.
ERAS = [
    ("Athens fell in 480 BC.", [("480 BC", "-0479", "480 BC")]),
    ("Athens fell in 490 B.C. and later.", [("490 B.C.", "-0489", "490 BC")]),
    ("Caesar crossed in 49 BCE.", [("49 BCE", "-0048", "49 BC")]),
    ("The Ionian Revolt (499-493 BC) failed.", [("499-493 BC", "-0498/-0492", "499–493 BC")]),
    ("The war lasted from 264 to 241 BC.", [("264 to 241 BC", "-0263/-0240", "264–241 BC")]),
    ("In June 480 BC Xerxes crossed.", [("June 480 BC", "-0479-06", "June 480 BC")]),
    ("On 17 August 480 BC he won.", [("17 August 480 BC", "-0479-08-17", "17 August 480 BC")]),
    # months and seasons after a year before 1 CE are in that year
    (
        "Xerxes came in 480 BC. In mid-August he reached Thermopylae; over the winter he left.",
        [
            ("480 BC", "-0479", "480 BC"),
            ("mid-August", "-0479-08", "mid-August 480 BC"),
            ("the winter", "-0479-24", "winter 480 BC"),
        ],
    ),
    ("In the 5th century BC, Athens rose.",
     [("the 5th century BC", "-04XX", "5th century BC")]),
    ("Rome fell in AD 476.", [("AD 476", "0476", "476")]),
    ("Rome fell in 476 CE.", [("476 CE", "0476", "476")]),
    ("The 4th century AD saw it.", [("The 4th century AD", "03XX", "4th century")]),
    ("It began in 492 BC. The following year Darius sent envoys.",
     [("492 BC", "-0491", "492 BC"), ("The following year", "-0490", "491 BC")]),
    ("In 480 BC they feasted on Thanksgiving.",  # a named day in such a year: no error
     [("480 BC", "-0479", "480 BC"), ("Thanksgiving", "-0479-11-24", "24 November 480 BC")]),
    ("See page 480 BC.", []),
    ("The CEO and AD team met.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), ERAS)
def test_years_marked_with_their_era(sentence: str, expected: list) -> None:
    found = [(m.text, m.value.edtf, m.value.display()) for m in tag(sentence) if m.value]
    assert found == expected


# Years before what they name: an article or a capitalised (perhaps quoted) name.
YEARS_BEFORE_NAMES = [
    ("A 1996 law named for him passed.", ["1996"]),
    ("In a 1908 interview he spoke.", ["1908"]),
    ('He won the 1780 "Moonlight Battle".', ["1780"]),
    ("In 1989 sales rose.", ["1989"]),
    ("In 2000 cases the drug failed.", []),  # a round number before a plural is a count
    ("It reached about the 2000 people.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), YEARS_BEFORE_NAMES)
def test_years_before_what_they_name(sentence: str, expected: list[str]) -> None:
    assert [m.text for m in tag(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("It rained the day before 5 May.", ["4 May 2022", "5 May 2022"]),
        ("It rained before 5 May.", ["before 5 May 2022"]),  # here "before" is the date's
    ],
)
def test_the_before_of_the_day_before_is_not_the_dates(sentence: str, shown: list[str]) -> None:
    assert [m.value.display() for m in tag(sentence, PUB) if m.value] == shown
