"""Table-driven tests of how the sentence around a date chooses its year or week: tense,
plans, quotations, reporting periods, and times of day that take a day named after them."""

from __future__ import annotations

import pytest

from timeline.dates import DateValue
from timeline.models import Kind, Resolution
from timeline.sentences import crosses_sentence, sentence_bounds
from timeline.tagger import tag
from timeline.tagger.tense import looks_ahead, tense

WED = DateValue.of_day(1998, 9, 30)  # a Wednesday
MON = DateValue.of_day(1989, 10, 30)  # a Monday, in the fourth quarter
THU = DateValue.of_day(2000, 2, 10)  # a Thursday
SAT = DateValue.of_day(1998, 8, 8)  # a Saturday
REPORT = DateValue.of_day(1989, 11, 2)  # a Thursday, in the fourth quarter

# (sentence, phrase, expected tense)
TENSES = [
    ("The team will leave on Thursday.", "Thursday", "future"),
    ("The team left on Thursday.", "Thursday", "past"),
    ("The team planned to leave on Thursday.", "Thursday", "future"),  # "planned to" looks ahead
    ("On Friday, the government planned to pay the claims.", "Friday", "past"),
    ("On Tuesday, the league plans to hold a news conference.", "Tuesday", "future"),
    ("The president Saturday vowed to hunt them down.", "Saturday", "past"),
    ("It had been due to expire Friday evening.", "Friday", "past"),
    ("The offer had been scheduled to expire at midnight Friday.", "Friday", "past"),
    ("Protesters were planning to drive to the airport on Monday.", "Monday", "future"),
    ("It would be paid on a still unspecified date in January.", "January", "future"),
    ("Investigators have been searching since the Oct. 23 slaying.", "Oct. 23", "past"),
    ("The dividend will be paid Dec. 14.", "Dec. 14", "future"),  # "paid" after "be": passive
    ("A summit would still be held on April 24.", "April 24", "future"),
    ("A bomb hit the building next to the embassy Friday morning.", "Friday", ""),
    ("Two hundred people march on Monday.", "Monday", ""),  # "hundred" is no past tense
    ("''He will leave on Thursday,'' Castro said.", "Thursday", "future"),
    ("He sought support on Thursday.", "Thursday", "past"),
    ("The U.S. embassy said it will open on Friday.", "Friday", "future"),
    ("Nothing happened. We meet on Friday.", "Friday", ""),  # the other sentence's tense
    # an infinitive after a past verb names what came after it: either side of today
    ("He subpoenaed the boy to testify on Feb. 10.", "Feb. 10", ""),
    ("It announced an agreement to acquire the bank in January.", "January", ""),
    ("The sale is scheduled to close Monday.", "Monday", "future"),  # still the future
    ("He returned to power in May.", "May", "past"),  # "to power" is no infinitive
    ("The committee asked him to testify on Monday.", "Monday", ""),
    ("She left on Monday to testify.", "Monday", "past"),  # after the date: no tense
    # a present in -ing is no past
    ("The company said it is calling the bonds on Dec. 7.", "Dec. 7", ""),
    ("They said they are planning to leave on Monday.", "Monday", "future"),
    # ... nor is a present passive, regular or not; "is scheduled" still looks ahead
    ("They had not signed it when the case is heard in May.", "May", ""),
    ("They said the results are published on Monday.", "Monday", ""),
    ("They said the sale is scheduled to close Monday.", "Monday", "future"),
    ("They said the case was heard in May.", "May", "past"),
    # a past before "until" or "through" and the date: the end of a span may lie ahead
    ("He rejected an order that the boy stay until March 6.", "March 6", ""),
    ("Lenders have extended the loans through January.", "January", ""),
    ("He rejected an order that the boy stay in Miami on March 6.", "March 6", "past"),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), TENSES)
def test_tense(sentence: str, phrase: str, expected: str) -> None:
    start = sentence.index(phrase)
    assert tense(sentence, start, start + len(phrase)) == expected


# (sentence, published, [(surface, EDTF)])
DATES = [
    # the tense chooses the week of a weekday, and the year of a month
    ("The team planned to leave Nairobi on Thursday.", WED, [("Thursday", "1998-10-01")]),
    ("It had been due to expire Friday evening.", MON, [("Friday evening", "1989-10-27")]),
    # a past verb of commitment dates a month after it, not the day it looks ahead to
    ("It agreed to buy the line in February.", MON, [("February", "1989-02")]),
    ("It agreed to buy the line on Friday.", WED, [("Friday", "1998-10-02")]),
    ("It agrees to buy the line in February.", MON, [("February", "1990-02")]),
    # a past verb before an infinitive: the nearer year, not the past one ten months back
    ("He subpoenaed the boy to testify on Feb. 10.", WED, [("Feb. 10", "1999-02-10")]),
    ("He subpoenaed the boy to testify on Sept. 10.", WED, [("Sept. 10", "1998-09-10")]),
    ("It said it is calling the notes on Dec. 7.", MON, [("Dec. 7", "1989-12-07")]),
    ("It had not signed when the case is heard in December.", MON, [("December", "1989-12")]),
    ("Lenders have extended the loans through January.", MON, [("January", "1990-01")]),
    ("Sales fell this year through August.", MON, [("this year", "1989"), ("August", "1989-08")]),
    ("Until Thursday, police had not called him a suspect.", MON, [("Thursday", "1989-10-26")]),
    ("It said it called the notes on Dec. 7.", MON, [("Dec. 7", "1988-12-07")]),
    (
        "The bomb hit a building next to the U.S. embassy Friday morning.",
        SAT,
        [("Friday morning", "1998-08-07")],
    ),
    # the publication's own weekday is that day, in the past or the future
    (
        "Later Thursday, they sought support for a bill that would help.",
        THU,
        [("Thursday", "2000-02-10")],
    ),
    ("The minister will meet them on Thursday.", THU, [("Thursday", "2000-02-10")]),
    ("The minister will meet them next Thursday.", THU, [("next Thursday", "2000-02-17")]),
    # a quarter is reported after it ends: the quarter just ended, in any tense
    ("It expects to report a third-quarter loss.", REPORT, [("third-quarter", "1989-35")]),
    ("It cut the dividend due to its third-quarter loss.", REPORT, [("third-quarter", "1989-35")]),
    # "the latest quarter" is the quarter reported on, not one looked ahead to
    (
        "Third-quarter net rose. The quake will result in a fourth-quarter charge. "
        "Earnings fell in the latest quarter.",
        REPORT,
        [
            ("Third-quarter", "1989-35"),
            ("fourth-quarter", "1989-36"),
            ("the latest quarter", "1989-35"),
        ],
    ),
    # "a year earlier" after the latest quarter is that quarter a year before
    (
        "Profit rose in the latest quarter to $155 million from $99 million a year earlier.",
        REPORT,
        [("the latest quarter", "1989-35"), ("a year earlier", "1988-35")],
    ),
    # the report speaks of its quarter for a few paragraphs, "the quarter" included
    (
        "Savin reported a third-quarter loss. It lost $5 million for the quarter. "
        + "The charges were offset by a gain on the sale of two ventures, it said. " * 5
        + "Revenue fell to $85 million from $93 million a year earlier.",
        REPORT,
        [("third-quarter", "1989-35"), ("the quarter", "1989-35"), ("a year earlier", "1988-35")],
    ),
    # ... but not once it speaks of the nine months
    (
        "Profit rose in the third quarter. For the nine months, net was $2 billion, up from "
        "$1.6 billion a year earlier.",
        REPORT,
        [
            ("the third quarter", "1989-35"),
            ("the nine months", "1989-01/1989-09"),
            ("a year earlier", "1988"),
        ],
    ),
    # comparisons with "a year earlier" do not count back from each other
    (
        "In 1989, sales rose to $5 million from $4 million a year earlier. Net was $2 million, "
        "against $1 million a year earlier.",
        None,
        [("1989", "1989"), ("a year earlier", "1988"), ("a year earlier", "1988")],
    ),
    # a narrative looks ahead to the end of a span without moving there
    (
        "In September 1944 the army advanced. An assault lasted until the fall of the city in "
        "February 1945. By the start of July, the sieges were lifted.",
        None,
        [
            ("September 1944", "1944-09"),
            ("February 1945", "1945-02"),
            ("the start of July", "1944-07"),
        ],
    ),
    # ... in any spelling: "UNTİL" (a capital dotted I) reads as "until" here too
    (
        "In September 1944 the army advanced. The siege of Budapešť lasted UNTİL February "
        "1945. By the start of July, the sieges were lifted.",
        None,
        [
            ("September 1944", "1944-09"),
            ("February 1945", "1945-02"),
            ("the start of July", "1944-07"),
        ],
    ),
    # ... or to a later year in words that look ahead
    (
        "On 10 March 1975 the offensive began. The road would be exposed for a planned "
        "campaign in 1976. The defence collapsed on 11 March.",
        None,
        [("10 March 1975", "1975-03-10"), ("1976", "1976"), ("11 March", "1975-03-11")],
    ),
    (
        "On 10 March 1975 the offensive began. The army attacked again in 1976. The defence "
        "collapsed on 11 March.",
        None,
        [("10 March 1975", "1975-03-10"), ("1976", "1976"), ("11 March", "1976-03-11")],
    ),
    # ... nor to a year alone in brackets: a work's or a battle's year
    (
        "The offensive began on 1 November 1950. In How Wars Are Won (2003), Alexander "
        "describes it. In late November, the PVA attacked.",
        None,
        [("1 November 1950", "1950-11-01"), ("2003", "2003"), ("late November", "1950-11")],
    ),
    # ... but a first year is the narrative's, whatever comes before it
    (
        "Relations worsened until in March 1980, Iran cut its ties. In April, tension grew.",
        None,
        [("March 1980", "1980-03"), ("April", "1980-04")],
    ),
    # a narrative still counts on from the year before
    (
        "The war began in 1939. The following year France fell. The following year it spread.",
        None,
        [("1939", "1939"), ("The following year", "1940"), ("The following year", "1941")],
    ),
]

MONDAY = DateValue.of_day(2022, 5, 16)
SUNDAY = DateValue.of_day(2022, 5, 15)
# (sentence, published, [(surface, EDTF)]): weekends, Saturday to Sunday
WEEKENDS = [
    ("Protests took place over the weekend.", MONDAY, [("the weekend", "2022-05-14/2022-05-15")]),
    (
        "Protests will take place at the weekend.",
        MONDAY,
        [("the weekend", "2022-05-21/2022-05-22")],
    ),
    ("Protests took place over the weekend.", SUNDAY, [("the weekend", "2022-05-14/2022-05-15")]),
    ("Last weekend they met.", MONDAY, [("Last weekend", "2022-05-14/2022-05-15")]),
    ("This weekend they meet.", MONDAY, [("This weekend", "2022-05-21/2022-05-22")]),
    ("Next weekend they meet.", SUNDAY, [("Next weekend", "2022-05-21/2022-05-22")]),
    ("The weekend's events were quiet.", None, [("The weekend's", None)]),
    ("A weekend of protests followed.", MONDAY, []),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), WEEKENDS)
def test_weekends(sentence: str, published: DateValue | None, expected: list) -> None:
    found = [(m.text, m.value.edtf if m.value else None) for m in tag(sentence, published)]
    assert found == expected


# (text, [(surface, EDTF)]): months or seasons listed before one with its year take that year
LISTS = [
    (
        "In 1918 it ended. They fought in August and September 1914.",
        [("1918", "1918"), ("August and September 1914", "1914-08/1914-09")],
    ),
    (
        "In 1918 it ended. In May, June or July 1916 they fought.",
        [("1918", "1918"), ("May", "1916-05"), ("June", "1916-06"), ("July 1916", "1916-07")],
    ),
    # a month later in the year than the one with the year is of the year before
    (
        "In 1918, in December and January 1919 they met.",
        [("1918", "1918"), ("December and January 1919", "1918-12/1919-01")],
    ),
    (
        "In 1918, in November and January 1919 they met.",
        [("1918", "1918"), ("November", "1918-11"), ("January 1919", "1919-01")],
    ),
    (
        "In 1942 it began. They spent the spring and early summer of 1943 preparing.",
        [("1942", "1942"), ("the spring", "1943-21"), ("early summer of 1943", "1943-22")],
    ),
    # a season does not take the year of a month, nor the reverse
    (
        "In 1942 it began. In spring and May 1943 they prepared.",
        [("1942", "1942"), ("spring", "1942-21"), ("May 1943", "1943-05")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_listed_months_share_the_year(text: str, expected: list) -> None:
    assert [(m.text, m.value.edtf if m.value else None) for m in tag(text)] == expected


# (sentence, published, surface of the time, EDTF of its day or None)
TIMES = [
    (
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
        SAT,
        "10:35 a.m.",
        "1998-08-07",
    ),
    ("The offer runs until 5 p.m. EST, Nov. 6.", MON, "5 p.m.", "1989-11-06"),
    ("On 3 May 2021 the doors opened at 9am.", None, "9am", "2021-05-03"),
    ("He was shot at 10 p.m. The funeral is on Friday.", SAT, "10 p.m.", None),
    ("The doors opened at 9am.", SAT, "9am", None),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), DATES)
def test_dates_chosen_by_their_sentence(
    sentence: str, published: DateValue | None, expected: list[tuple[str, str]]
) -> None:
    found = [(m.text, m.value.edtf if m.value else None) for m in tag(sentence, published)]
    assert found == expected


@pytest.mark.parametrize(("sentence", "published", "surface", "expected"), TIMES)
def test_a_time_takes_the_day_of_its_sentence(
    sentence: str, published: DateValue | None, surface: str, expected: str | None
) -> None:
    time = next(m for m in tag(sentence, published) if m.text == surface)
    assert (time.value.edtf if time.value else None) == expected
    if expected is None:
        assert time.resolved_by is Resolution.UNRESOLVED


# (text, phrase, the sentence around it)
SENTENCES = [
    (
        "It fell. The U.S. embassy reopened on Friday. Then it rained.",
        "Friday",
        "The U.S. embassy reopened on Friday.",
    ),
    (
        "It left at 10 a.m. Friday for Paris. Next.",
        "Friday",
        "It left at 10 a.m. Friday for Paris.",
    ),
    ("He was shot at 10 p.m. The funeral is on Friday.", "Friday", "The funeral is on Friday."),
    ("Mr. Smith came on 1 May 2020. Next.", "1 May 2020", "Mr. Smith came on 1 May 2020."),
    ("Heading\nMay 17\nBody text.", "May 17", "May 17"),
]


@pytest.mark.parametrize(("text", "phrase", "sentence"), SENTENCES)
def test_sentence_bounds_read_abbreviations(text: str, phrase: str, sentence: str) -> None:
    start = text.index(phrase)
    lo, hi = sentence_bounds(text, start, start + len(phrase))
    assert text[lo:hi] == sentence


def test_sentence_bounds_stay_within_the_window() -> None:
    text = "word " * 1000 + "on 1 May 2020 " + "word " * 1000
    start = text.index("1 May")
    lo, hi = sentence_bounds(text, start, start + 10, window=50)
    assert start - 50 <= lo and hi <= start + 10 + 50


@pytest.mark.parametrize(
    ("between", "crosses"),
    [
        (" (0735 GMT) ", False),
        (" a.m. EST ", False),
        (". The ", True),
        ("\n", True),
        (" in the U.S. ", False),
    ],
)
def test_crosses_sentence(between: str, crosses: bool) -> None:
    text = "Done" + between + "Y"
    assert crosses_sentence(text, 4, 4 + len(between)) is crosses


AUG = DateValue.of_day(1990, 8, 13)
# (sentence, published, [(surface, display, how)]): the end, start or middle of a unit
UNIT_PARTS = [
    (
        "Troops will be in place by the end of the month.",
        AUG,
        [("the end of the month", "late August 1990", Resolution.PUBLISHED)],
    ),
    ("The deal closes by year-end.", AUG, [("year-end", "late 1990", Resolution.PUBLISHED)]),
    (
        "The index is down since year-end.",
        AUG,
        [("year-end", "since late 1989", Resolution.PUBLISHED)],
    ),
    (
        "By month-end it had doubled.",
        AUG,
        [("month-end", "late August 1990", Resolution.PUBLISHED)],
    ),
    (
        "In June 1944 the Allies landed. By the end of the month they held Cherbourg.",
        None,
        [
            ("June 1944", "June 1944", Resolution.EXPLICIT),
            ("the end of the month", "late June 1944", Resolution.CONTEXT),
        ],
    ),
    (
        "By the end of the month they held it.",
        None,
        [("the end of the month", None, Resolution.UNRESOLVED)],
    ),
    (
        "In May 1990 it fell. By the end of the quarter it rose. The end of the year came.",
        None,
        [
            ("May 1990", "May 1990", Resolution.EXPLICIT),
            ("the end of the quarter", "late Q2 1990", Resolution.CONTEXT),
            ("The end of the year", "late 1990", Resolution.CONTEXT),
        ],
    ),
    ("Sales rose in the month.", AUG, []),  # "the month" alone is the one spoken of
    (
        "said. ``Today, I am here,'' he said.",
        AUG,
        [("Today", "13 August 1990", Resolution.PUBLISHED)],
    ),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), UNIT_PARTS)
def test_parts_of_a_unit(sentence: str, published: DateValue | None, expected: list) -> None:
    found = [
        (m.text, m.value.display() if m.value else None, m.resolved_by)
        for m in tag(sentence, published)
    ]
    assert found == expected


# (text, [(surface, kind, display)]): parts of a day counted from the last day named
PARTS_OF_DAYS = [
    (
        "On 14 July 1789 the crowd gathered. That afternoon the Bastille fell. "
        "The next morning it was quiet.",
        [
            ("14 July 1789", Kind.DATE, "14 July 1789"),
            ("That afternoon", Kind.TIME, "14 July 1789"),
            ("The next morning", Kind.TIME, "15 July 1789"),
        ],
    ),
    ("Later that night they left.", [("Later that night", Kind.TIME, None)]),
    ("It was darker than that night.", []),
]


@pytest.mark.parametrize(("text", "expected"), PARTS_OF_DAYS)
def test_parts_of_days(text: str, expected: list) -> None:
    found = [(m.text, m.kind, m.value.display() if m.value else None) for m in tag(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The road would be exposed for a planned campaign in 1976", True),
        ("They were planning to attack in 1976", True),
        ("The army planned to attack in 1976", True),
        ("The road was exposed in 1976", False),
        ("The truce was due to end in 1976", True),
        ("The plant had been expected to close in 1976", False),  # as tense() reads it
        ("He said he will go. In 1976", False),  # not across a sentence
        ("In 1976", False),
    ],
)
def test_looks_ahead(text: str, expected: bool) -> None:
    assert looks_ahead(text, text.index("1976")) is expected
