"""Table-driven tests of dates counted from one the text told before: a count before or after
a happening, "the new year", "shortly thereafter", "at the same time", "the rest of the year",
"the following two years", a time of day alone, "after dark", "the nine months" of a report."""

from __future__ import annotations

import pytest

from timeline.dates import DateValue
from timeline.models import Kind, Resolution
from timeline.tagger import tag

PUB = DateValue.of_day(2022, 5, 17)  # a Tuesday
E, P, C, U = Resolution.EXPLICIT, Resolution.PUBLISHED, Resolution.CONTEXT, Resolution.UNRESOLVED
D, DUR, T = Kind.DATE, Kind.DURATION, Kind.TIME


def _found(text: str, published: DateValue | None = None) -> list[tuple]:
    return [
        (m.text, m.value.edtf if m.value else m.duration, m.kind, m.resolved_by)
        for m in tag(text, published)
    ]


# (text, published, [(surface, EDTF or ISO duration, kind, resolved_by)])
COUNTED = [
    # a happening told with the last date, in an earlier sentence: counted from that date
    (
        "The bridge was closed on 4 March 1921. Six days after the closure, ferries ran.",
        None,
        [("4 March 1921", "1921-03-04", D, E), ("Six days after", "1921-03-10", D, C)],
    ),
    (
        "Lyon fell on 2 May 1870, and Dijon on 9 May. A year after the fall of Dijon, peace came.",
        None,
        [
            ("2 May 1870", "1870-05-02", D, E),
            ("9 May", "1870-05-09", D, C),
            ("A year after", "1871", D, C),
        ],
    ),
    (
        "The strike began in March 1926. It failed. Two months after the strike began, it ended.",
        None,
        [("March 1926", "1926-03", D, E), ("Two months after", "1926-05", D, C)],
    ),
    # counted back from a happening named after it
    (
        "The treaty was signed on 9 June 1815. Three weeks before the treaty was signed, the "
        "army had left.",
        None,
        [("9 June 1815", "1815-06-09", D, E), ("Three weeks before", "1815-W20", D, C)],
    ),
    # a happening the text did not tell with the last date: the count is a duration
    (
        "On 3 May 2020 it began. Two days before the vote, it rained.",
        None,
        [("3 May 2020", "2020-05-03", D, E), ("Two days", "P2D", DUR, E)],
    ),
    # in the sentence of the date, the count says when that date falls
    (
        "On 27 June 1950, two days after the invasion, the president acted.",
        None,
        [("27 June 1950", "1950-06-27", D, E), ("two days", "P2D", DUR, E)],
    ),
    # nor is a date still to come the date of a happening told
    (
        "The plant will open in August. It comes a month after the old plant closed.",
        PUB,
        [("August", "2022-08", D, P), ("a month", "P1M", DUR, E)],
    ),
    # "for a year after" is how long, not when
    (
        "The siege ended in May 1871. For a year after the siege ended, the city starved.",
        None,
        [("May 1871", "1871-05", D, E), ("a year", "P1Y", DUR, E)],
    ),
    # a count with nothing after it counts from the last date told, as "later" does
    (
        "On 3 May 2020 it began. Two days after, it rained.",
        None,
        [("3 May 2020", "2020-05-03", D, E), ("Two days after", "2020-05-05", D, C)],
    ),
    ("Two days after, it rained.", PUB, [("Two days after", None, D, U)]),
    # a count before a date named right after it counts from that date
    (
        "It rained two days before 5 May 2020.",
        None,
        [("two days before", "2020-05-03", D, C), ("5 May 2020", "2020-05-05", D, E)],
    ),
    # "the new year": the year after the last date told; days before it, from its first day
    (
        "The battle ended on 26 November 1938. Eight days before the new year, the army moved.",
        None,
        [
            ("26 November 1938", "1938-11-26", D, E),
            ("Eight days before", "1938-12-24", D, C),
            ("the new year", "1939", D, C),
        ],
    ),
    ("Talks resume in the new year.", PUB, [("the new year", "2023", D, P)]),
    ("The new week began quietly.", PUB, []),
    # a few days: no date is counted; before a happening it is the duration
    (
        "On 3 May 2020 it began. A few days after the vote, it rained.",
        None,
        [("3 May 2020", "2020-05-03", D, E), ("A few days", "PXD", DUR, E)],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), COUNTED)
def test_counted_from_a_happening(text: str, published: DateValue | None, expected: list) -> None:
    assert _found(text, published) == expected


# Soon after the last date told: one precision coarser than it, never finer; "at the same
# time": that date, told in the sentence or the one before.
TOLD = [
    (
        "The fort fell on 3 October 1950. The town was attacked immediately after. It held.",
        None,
        [("3 October 1950", "1950-10-03", D, E), ("immediately after", "1950-10", D, C)],
    ),
    (
        "In January 1952 the general fell ill; he died shortly thereafter.",
        None,
        [("January 1952", "1952-01", D, E), ("shortly thereafter", "1952", D, C)],
    ),
    (
        "The treaty was signed in 1648. Soon afterwards, the armies went home.",
        None,
        [("1648", "1648", D, E), ("Soon afterwards", "1648", D, C)],
    ),
    (
        "Omsk was taken on 14 November 1919. Not long after this the admiral was arrested.",
        None,
        [("14 November 1919", "1919-11-14", D, E), ("Not long after", "1919-11", D, C)],
    ),
    # before a happening, "after" is a preposition: no date of its own
    (
        "The war began on 1 May 1920. Soon after the war began, he left.",
        None,
        [("1 May 1920", "1920-05-01", D, E)],
    ),
    # nothing told before: no date, and no phrase
    ("Shortly afterwards, the armies went home.", PUB, []),
    # soon after a day counted from the last date: still the month of that day
    (
        "The siege began on 2 May 1870. The next day the city burned; soon after, it fell.",
        None,
        [
            ("2 May 1870", "1870-05-02", D, E),
            ("The next day", "1870-05-03", D, C),
            ("soon after", "1870-05", D, C),
        ],
    ),
    # "at the same time": the last date told, as told
    (
        "They fought from June 24 to July 17, 1954. At the same time, the rebels struck.",
        None,
        [
            ("June 24 to July 17, 1954", "1954-06-24/1954-07-17", D, E),
            ("the same time", "1954-06-24/1954-07-17", D, C),
        ],
    ),
    (
        "On 11 July 1789 the king fired him and rebuilt the ministry at the same time.",
        None,
        [("11 July 1789", "1789-07-11", D, E), ("the same time", "1789-07-11", D, C)],
    ),
    # a connective, a happening's time, a date placed by the publication or told long before:
    # no date
    (
        "Shares fell on Tuesday. At the same time, he is expected to sell.",
        PUB,
        [("Tuesday", "2022-05-17", D, P)],
    ),
    (
        "It began on 3 May 1920. At the same time as the vote, riots broke out.",
        None,
        [("3 May 1920", "1920-05-03", D, E)],
    ),
    (
        "It began in May 1920. The army waited. Nobody moved. At the same time, riots broke out.",
        None,
        [("May 1920", "1920-05", D, E)],
    ),
    ("In 1920 the army waited. At the same time, riots broke out.", None, [("1920", "1920", D, E)]),
]


@pytest.mark.parametrize(("text", "published", "expected"), TOLD)
def test_the_time_told_last(text: str, published: DateValue | None, expected: list) -> None:
    assert _found(text, published) == expected


# The rest of a unit told before; the span of some units after or before the last date told
PERIODS = [
    (
        "In January 1952 he fell ill. Through most of the rest of the year the armies rested.",
        None,
        [("January 1952", "1952-01", D, E), ("the rest of the year", "1952", D, C)],
    ),
    (
        "For the remainder of the year, sales will rise.",
        PUB,
        [("the remainder of the year", "2022", D, P)],
    ),
    (
        "The attack failed on 23 November 1936. In the following two years, he bombed it.",
        None,
        [("23 November 1936", "1936-11-23", D, E), ("the following two years", "1937/1938", D, C)],
    ),
    (
        "The war ended on 5 May 1945. In the preceding three months, cities burned.",
        None,
        [
            ("5 May 1945", "1945-05-05", D, E),
            ("the preceding three months", "1945-02/1945-04", D, C),
        ],
    ),
    (
        "It opened on 5 May 1945. In the following 10 days, crowds came.",
        None,
        [
            ("5 May 1945", "1945-05-05", D, E),
            ("the following 10 days", "1945-05-06/1945-05-15", D, C),
        ],
    ),
    # nothing told before: the duration, as "the next two years" always is
    ("In the following two years, sales rose.", PUB, [("the following two years", "P2Y", DUR, E)]),
    ("In the next two years, sales will rise.", PUB, [("the next two years", "P2Y", DUR, E)]),
    # a vague count is no span
    (
        "It opened on 5 May 1945. In the following few days, crowds came.",
        None,
        [("5 May 1945", "1945-05-05", D, E), ("the following few days", "PXD", DUR, E)],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), PERIODS)
def test_periods_of_the_time_told(text: str, published: DateValue | None, expected: list) -> None:
    assert _found(text, published) == expected


# A time of day with no day in its sentence: the last day told before it in its paragraph (the
# last of a span of days); "at dawn", "after dark": the day spoken of last
TIMES = [
    (
        "The last assault came on May 6 and 7th, 1954. The general ordered a cease-fire at 5:30PM.",
        None,
        [("May 6 and 7th, 1954", "1954-05-06/1954-05-07", D, E), ("5:30PM", "1954-05-07", T, C)],
    ),
    (
        "The armistice was signed on 11 November 1918. Fighting went on until 10:58.",
        None,
        [("11 November 1918", "1918-11-11", D, E), ("10:58", "1918-11-11", T, C)],
    ),
    # a day told in another paragraph, or none: no day
    (
        "The armistice was signed on 11 November 1918.\nFighting went on until 10:58.",
        None,
        [("11 November 1918", "1918-11-11", D, E), ("10:58", None, T, U)],
    ),
    ("The debate starts at 8pm.", PUB, [("8pm", None, T, U)]),
    # a day named later in its sentence still comes first
    (
        "It began on 3 May 1920. The vote was at 10 a.m. on 5 May.",
        None,
        [("3 May 1920", "1920-05-03", D, E), ("10 a.m. on 5 May", "1920-05-05", T, C)],
    ),
    (
        "The fort fell on 7 May 1954. At dawn the men left; after dark the guns stopped.",
        None,
        [
            ("7 May 1954", "1954-05-07", D, E),
            ("dawn", "1954-05-07", T, C),
            ("after dark", "1954-05-07", T, C),
        ],
    ),
    (
        "In Warsaw, after dark, as fireworks lit the sky, flags were raised.",
        PUB,
        [("after dark", "2022-05-17", T, P)],
    ),
    # a name, a noun: no time
    (
        "Operation Dawn began. The dawn of an era. A dark-haired man came after dark-blue cars.",
        None,
        [],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), TIMES)
def test_times_of_the_day_told(text: str, published: DateValue | None, expected: list) -> None:
    assert _found(text, published) == expected


MON89 = DateValue.of_day(1989, 10, 30)

# The period of an earnings report named by its length: up to the end of its quarter (the last
# named, else the last whole one before the publication date)
REPORTS = [
    (
        "In the nine months, the maker earned $6.6 million, or $1.18 a share.",
        MON89,
        [("the nine months", "1989-01/1989-09", D, P)],
    ),
    (
        "Second-quarter net rose 5%. For the six months, net was $81.2 million.",
        MON89,
        [("Second-quarter", "1989-34", D, P), ("the six months", "1989-01/1989-06", D, C)],
    ),
    (
        "For the first half, the chain's net income fell 4%.",
        MON89,
        [("the first half", "1989-40", D, P)],
    ),
    # not a report's sentence, or no quarter to end with: how long
    (
        "In the nine months he spent in jail, he wrote a book.",
        MON89,
        [("the nine months", "P9M", DUR, E)],
    ),
    (
        "In the nine months, the maker earned $6.6 million.",
        None,
        [("the nine months", "P9M", DUR, E)],
    ),
    # another half named, or a count from it: not the report's period
    (
        "For the first half of 1990, net income fell.",
        MON89,
        [("the first half of 1990", "1990-40", D, E)],
    ),
    (
        "Net rose in the nine months ended Sept. 30.",
        MON89,
        [("the nine months ended Sept. 30", "1989-01/1989-09", D, P)],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), REPORTS)
def test_periods_of_a_report(text: str, published: DateValue | None, expected: list) -> None:
    assert _found(text, published) == expected
