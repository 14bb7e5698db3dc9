"""Table-driven tests of narrative time: which dates move the year a story is told in, and
which are named in passing (a comparison, a record, a later source, a thing named by its
year) and leave it alone."""

from __future__ import annotations

import pytest

from timeline.dates import DateValue
from timeline.tagger import tag

STORY = "On 3 March 1951 the river rose. "
AFTER = " On 5 March the levee broke."

# (sentence between STORY and AFTER, [(surface, EDTF)] of the dates in it)
ASIDES = [
    # a record or a comparison
    ("It was the largest flood since 1947.", [("1947", "1947/..")]),
    ("It was the wettest spring since 1910, and worse was to come.", [("1910", "1910/..")]),
    (
        "It was the first time since March 1947 that the town was cut off.",
        [("March 1947", "1947-03/..")],
    ),
    ("It was the wettest summer since records began in 1910.", [("1910", "1910")]),
    ("It was the worst flood since the dam was built in 1947.", [("1947", "1947")]),
    ("More rain fell than in 1947.", [("1947", "1947")]),
    ("The crest was two feet higher compared with 1947.", [("1947", "1947")]),
    # a later source
    ("Letters found in 2004 tell of the panic.", [("2004", "2004")]),
    ("A diary published in 1962 describes the night.", [("1962", "1962")]),
    ("A 2004 study counts the dead.", [("2004", "2004")]),
    ("Its entry in the 1971 edition gives the toll.", [("1971", "1971")]),
    # a thing named by an earlier year
    ("The 1921 treaty had fixed the border.", [("1921", "1921")]),
    ("Under the treaty of 1921 the border was fixed.", [("1921", "1921")]),
    ("It recalled the 1947 flood.", [("1947", "1947")]),
]


@pytest.mark.parametrize(("aside", "dates"), ASIDES)
def test_an_aside_leaves_the_story_year(aside: str, dates: list[tuple[str, str]]) -> None:
    found = [(m.text, m.value.edtf) for m in tag(STORY + aside + AFTER)]
    assert found == [("3 March 1951", "1951-03-03"), *dates, ("5 March", "1951-03-05")]


# (sentence between STORY and AFTER, the year "5 March" takes)
MOVES = [
    ("The river rose again in 1953.", 1953),
    ("The body was found in 1953.", 1953),  # a happening of the story, not a source
    ("The 1953 flood was worse.", 1953),  # a later year named by a thing: the story goes on
    ("The town had been dry since 1953.", 1953),  # a span from a later year
    ("It was published in 1949.", 1949),
]


@pytest.mark.parametrize(("sentence", "year"), MOVES)
def test_a_year_of_the_story_moves_it(sentence: str, year: int) -> None:
    mentions = tag(STORY + sentence + AFTER)
    assert (mentions[-1].text, mentions[-1].value.year) == ("5 March", year)


def test_an_aside_is_not_counted_from() -> None:
    text = STORY + "It was the largest flood since 1947. The following year the dam was built."
    assert [(m.text, m.value.edtf) for m in tag(text)][-1] == ("The following year", "1952")


def test_a_span_that_opens_a_story_does_not_give_its_year() -> None:
    # "since 1947" says the story is told after 1947, not in it
    text = "It was the largest flood since 1947. On 5 March the levee broke."
    assert [(m.text, m.value.edtf) for m in tag(text)] == [
        ("1947", "1947/.."),
        ("5 March", "XXXX-03-05"),
    ]


def test_a_publication_date_still_places_dates_near_it() -> None:
    published = DateValue.of_day(1951, 3, 20)
    text = "It was the largest flood since 1947. On 5 March the levee broke."
    assert tag(text, published)[-1].value.edtf == "1951-03-05"


WEDNESDAY = DateValue.of_day(2024, 3, 13)

# (sentence, [(surface, EDTF)]) in an article of Wednesday 13 March 2024
LOOKING_AHEAD = [
    # a verb of delay looks ahead to the new date
    ("The vote was postponed until Saturday.", [("Saturday", "2024-03-16")]),
    ("The council postponed the vote to Saturday.", [("Saturday", "2024-03-16")]),
    ("The hearing was delayed until Monday.", [("Monday", "2024-03-18")]),
    ("The opening was pushed back to August.", [("August", "2024-08")]),
    ("They pushed the opening back to February.", [("February", "2025-02")]),
    ("The trial was put off until February.", [("February", "2025-02")]),
    ("The hearing was adjourned to February.", [("February", "2025-02")]),
    ("The launch was brought forward to February.", [("February", "2025-02")]),
    # ... as "due" does
    ("The report is due on Friday.", [("Friday", "2024-03-15")]),
    ("The report is due Friday.", [("Friday", "2024-03-15")]),
    ("The law is due to take effect in February.", [("February", "2025-02")]),
    ("The law, due to take effect in February, was criticised.", [("February", "2025-02")]),
    # ... but not "due in part to", nor a delay that is over
    ("The rise was due in part to the storm on Monday.", [("Monday", "2024-03-11")]),
    ("The delay was caused by the storm on Monday.", [("Monday", "2024-03-11")]),
    ("He moved to Paris in February.", [("February", "2024-02")]),
    # a past tense looks back: an agreement is dated by the month after it
    ("The union agreed to end the strike in October.", [("October", "2023-10")]),
    ("The union agreed to the pay offer in October.", [("October", "2023-10")]),
    ("The deal, agreed by both sides in October, will cost 2 million.", [("October", "2023-10")]),
    ("The council agreed the plan, which will cost more, in October.", [("October", "2023-10")]),
    # ... where what is agreed for a day, or in the present tense, still lies ahead
    ("The union agreed to meet on Friday.", [("Friday", "2024-03-15")]),
    ("The union agrees to end the strike in October.", [("October", "2024-10")]),
    ("Ministers, on Friday, will meet.", [("Friday", "2024-03-15")]),
]


@pytest.mark.parametrize(("sentence", "dates"), LOOKING_AHEAD)
def test_tense_and_delay_choose_the_side(sentence: str, dates: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value.edtf) for m in tag(sentence, WEDNESDAY)] == dates


# (text, published, [(surface, EDTF, how)]): a weekday with a day and a month
WEEKDAYS = [
    # an undated story: the nearest year the weekday fits, which the story then moves to
    (
        "In 2022 the council was elected. It met on Monday 18 March. On 20 March it voted.",
        None,
        [
            ("2022", "2022", "explicit"),
            ("Monday 18 March", "2024-03-18", "weekday"),
            ("20 March", "2024-03-20", "context"),
        ],
    ),
    (
        "In 2022 the council was elected. It met on Friday 18 March.",
        None,
        [("2022", "2022", "explicit"), ("Friday 18 March", "2022-03-18", "context")],
    ),
    # (29 February falls on a Tuesday in 2028)
    (
        "In 2022 the council was elected. It met on Tuesday 29 February.",
        None,
        [("2022", "2022", "explicit"), ("Tuesday 29 February", "2028-02-29", "weekday")],
    ),
    # a publication date: a year either side at most, else a disagreement left to be seen
    (
        "It met on Monday 18 March.",
        DateValue.of_day(2023, 6, 1),
        [("Monday 18 March", "2024-03-18", "weekday")],
    ),
    (
        "It met on Sunday 18 March.",
        DateValue.of_day(2023, 6, 1),
        [("Sunday 18 March", "2023-03-18", "published")],
    ),
    # no year at all: none is guessed
    ("It met on Monday 18 March.", None, [("Monday 18 March", "XXXX-03-18", "unresolved")]),
]


@pytest.mark.parametrize(("text", "published", "dates"), WEEKDAYS)
def test_a_weekday_chooses_the_year(
    text: str, published: DateValue | None, dates: list[tuple[str, str, str]]
) -> None:
    found = [(m.text, m.value.edtf, m.resolved_by.value) for m in tag(text, published)]
    assert found == dates


SATURDAY = DateValue.of_day(1999, 2, 6)

# (text, published, [(surface, EDTF)]): the day of a happening told around a span
POINTS = [
    # "that day" after a month is a day of that month, which the text does not tell
    (
        "He was killed last October. His name was crossed out that same day.",
        SATURDAY,
        [("last October", "1998-10"), ("that same day", "1998-10")],
    ),
    (
        "In March 1950 the dam broke. That day, the town flooded.",
        None,
        [("March 1950", "1950-03"), ("That day", "1950-03")],
    ),
    (
        "On 3 March 1950 the dam broke. That day, the town flooded.",
        None,
        [("3 March 1950", "1950-03-03"), ("That day", "1950-03-03")],
    ),
    # a span's end, or start, that dates a happening told with it
    (
        "Rallies have been held since December, when he promised them.",
        SATURDAY,
        [("December", "1998-12")],
    ),
    ("Rallies have been held since December.", SATURDAY, [("December", "1998-12/..")]),
    (
        "The banks keep their names until early 1990, when they adopt the new one.",
        SATURDAY,
        [("early 1990", "1990")],
    ),
    ("In 1954 the battle lasted until May 8.", None, [("1954", "1954"), ("May 8", "1954-05-08")]),
    (
        "In 1954 the garrison held out until May 8.",
        None,
        [("1954", "1954"), ("May 8", "1954-05-08")],
    ),
    ("In 1954 the order stood until May 8.", None, [("1954", "1954"), ("May 8", "../1954-05-08")]),
    # a span from a date to a weekday
    (
        "It bought shares from Jan. 14 to Thursday.",
        SATURDAY,
        [("Jan. 14 to Thursday", "1999-01-14/1999-02-04")],
    ),
    (
        "It bought shares on Jan. 14 and Thursday.",
        SATURDAY,
        [("Jan. 14", "1999-01-14"), ("Thursday", "1999-02-04")],
    ),
]


@pytest.mark.parametrize(("text", "published", "dates"), POINTS)
def test_the_day_of_a_happening(
    text: str, published: DateValue | None, dates: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.value.edtf) for m in tag(text, published)] == dates


# (text, [(surface, EDTF)]): an undated story looks ahead from the last date it told
STORY_AHEAD = [
    (
        "In September 1951 the council voted. Work was postponed until the spring.",
        [("September 1951", "1951-09"), ("the spring", "1952-21")],
    ),
    (
        "On 3 May 1951 the council voted. Work was postponed until 3 April.",
        [("3 May 1951", "1951-05-03"), ("3 April", "1952-04-03")],
    ),
    # a year alone says nothing of where in it the story is
    (
        "In 1951 the council voted. Work was postponed until the spring.",
        [("1951", "1951"), ("the spring", "1951-21")],
    ),
    # a season of the year told before
    (
        "A similar dispute in 2011 went on into the autumn of that year.",
        [("2011", "2011"), ("the autumn of that year", "2011-23")],
    ),
    (
        "In 2011 it rained in the summer of the same year.",
        [("2011", "2011"), ("the summer of the same year", "2011-22")],
    ),
]


@pytest.mark.parametrize(("text", "dates"), STORY_AHEAD)
def test_a_story_looks_ahead(text: str, dates: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value.edtf) for m in tag(text)] == dates
