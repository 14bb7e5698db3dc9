"""Table-driven tests of the temporal tagger: sentence, publication date, expected mentions."""

from __future__ import annotations

from collections import Counter

import pytest

from timeline.dates import DateValue
from timeline.models import Kind, Resolution
from timeline.tagger import tag

PUB = DateValue.of_day(2022, 5, 17)  # a Tuesday
WEEK = DateValue.of_week(2022, 20)  # published some day in the week of Monday 16 May 2022
E, P, C, W, U = (Resolution.EXPLICIT, Resolution.PUBLISHED, Resolution.CONTEXT,
                 Resolution.WEEKDAY, Resolution.UNRESOLVED)  # fmt: skip
D, T, DUR, SET = Kind.DATE, Kind.TIME, Kind.DURATION, Kind.SET

# (sentence, published, [(surface, EDTF or None, kind, resolved_by)]); a qualified EDTF is
# written "late 2022", as DateValue.parse reads it.
POSITIVES = [
    ("It opened on 1 March 2023.", None, [("1 March 2023", "2023-03-01", D, E)]),
    ("It opened on March 1, 2023.", None, [("March 1, 2023", "2023-03-01", D, E)]),
    ("The council met on Monday 16 May.", PUB, [("Monday 16 May", "2022-05-16", D, P)]),
    ("The council met on Monday 16 May.", None, [("Monday 16 May", "XXXX-05-16", D, U)]),
    ("It happened on May 16.", PUB, [("May 16", "2022-05-16", D, P)]),
    ("It happened on 16th May.", PUB, [("16th May", "2022-05-16", D, P)]),
    ("It happened on the 16th of May.", PUB, [("the 16th of May", "2022-05-16", D, P)]),
    ("In June 2018 the plan began.", None, [("June 2018", "2018-06", D, E)]),
    ("Since September 2022 nothing.", None, [("September 2022", "2022-09/..", D, E)]),
    ("It was founded in 2011.", None, [("2011", "2011", D, E)]),
    ("Work starts in Spring 2022.", None, [("Spring 2022", "2022-21", D, E)]),
    ("It was the summer of 2019.", None, [("the summer of 2019", "2019-22", D, E)]),
    ("It closed in early March.", PUB, [("early March", "early 2022-03", D, P)]),
    ("It closed in early March.", None, [("early March", "early XXXX-03", D, U)]),
    ("It will close in late 2022.", None, [("late 2022", "late 2022", D, E)]),
    ("Prices peaked in mid-2021.", None, [("mid-2021", "mid 2021", D, E)]),
    ("By the end of 2020 it had gone.", None, [("the end of 2020", "late 2020", D, E)]),
    ("Figures between 2012 to 2021 rose.", None, [("2012 to 2021", "2012/2021", D, E)]),
    ("Figures between 2012 and 2021 rose.", None, [("2012 and 2021", "2012/2021", D, E)]),
    ("The 2012–2021 figures.", None, [("2012–2021", "2012/2021", D, E)]),
    ("The 2012-2021 figures.", None, [("2012-2021", "2012/2021", D, E)]),
    ("During the 1914–18 war.", None, [("1914–18", "1914/1918", D, E)]),
    (
        "It ran from June to September 2022.",
        None,
        [("June to September 2022", "2022-06/2022-09", D, E)],
    ),
    ("It ran 1–3 March 2023.", None, [("1–3 March 2023", "2023-03-01/2023-03-03", D, E)]),
    ("It ran March 1-3, 2023.", None, [("March 1-3, 2023", "2023-03-01/2023-03-03", D, E)]),
    (
        "It ran 16 May – 2 June 2022.",
        None,
        [("16 May – 2 June 2022", "2022-05-16/2022-06-02", D, E)],
    ),
    ("It was open up until 2019.", None, [("2019", "../2019", D, E)]),
    ("It was open until 2018.", None, [("2018", "../2018", D, E)]),
    ("It has been open since 2019.", None, [("2019", "2019/..", D, E)]),
    ("It was built before 2018.", None, [("2018", "before 2018", D, E)]),
    ("It was published on 2022-05-16.", None, [("2022-05-16", "2022-05-16", D, E)]),
    ("It was a product of the 1990s.", None, [("the 1990s", "199X", D, E)]),
    ("In the 19th century mills grew.", None, [("the 19th century", "18XX", D, E)]),
    (
        "Profit fell in the third quarter of 2021.",
        None,
        [("the third quarter of 2021", "2021-35", D, E)],
    ),
    ("Sales rose in the first half of 2020.", None, [("the first half of 2020", "2020-40", D, E)]),
    ("The report was 2019's best.", None, [("2019", "2019", D, E)]),
    (
        "They met in 2011, 2012 and 2014.",
        None,
        [("2011", "2011", D, E), ("2012", "2012", D, E), ("2014", "2014", D, E)],
    ),
    # relative to the publication date
    ("The vote was yesterday.", PUB, [("yesterday", "2022-05-16", D, P)]),
    ("The vote was yesterday.", None, [("yesterday", None, D, U)]),
    ("Yesterday’s programme exposed failures.", PUB, [("Yesterday", "2022-05-16", D, P)]),
    ("The vote is today.", PUB, [("today", "2022-05-17", D, P)]),
    ("The vote is tomorrow.", PUB, [("tomorrow", "2022-05-18", D, P)]),
    ("Police were called last night.", PUB, [("last night", "2022-05-16", D, P)]),
    ("The match is tonight.", PUB, [("tonight", "2022-05-17", D, P)]),
    ("It was announced earlier this week.", PUB, [("earlier this week", "2022-W20", D, P)]),
    ("It was announced this week.", PUB, [("this week", "2022-W20", D, P)]),
    ("It was announced last week.", PUB, [("last week", "2022-W19", D, P)]),
    ("Cases rose this year.", PUB, [("this year", "2022", D, P)]),
    ("Cases rose last year.", PUB, [("last year", "2021", D, P)]),
    ("Cases will rise next year.", PUB, [("next year", "2023", D, P)]),
    ("Cases rose this month.", PUB, [("this month", "2022-05", D, P)]),
    ("Cases rose last month.", PUB, [("last month", "2022-04", D, P)]),
    ("It opened early last year.", PUB, [("early last year", "early 2021", D, P)]),
    ("It opened a year ago.", PUB, [("a year ago", "2021", D, P)]),
    ("It opened two years ago.", PUB, [("two years ago", "2020", D, P)]),
    ("It opened three days ago.", PUB, [("three days ago", "2022-05-14", D, P)]),
    ("It opened two weeks ago.", PUB, [("two weeks ago", "2022-W18", D, P)]),
    ("It opens this Friday.", PUB, [("this Friday", "2022-05-20", D, P)]),
    ("They met on Friday.", PUB, [("Friday", "2022-05-13", D, P)]),
    ("They will meet on Friday.", PUB, [("Friday", "2022-05-20", D, P)]),
    ("They met last Monday.", PUB, [("last Monday", "2022-05-16", D, P)]),
    ("They meet next Monday.", PUB, [("next Monday", "2022-05-23", D, P)]),
    ("They met on Friday.", None, [("Friday", None, D, U)]),
    ("It closed last March.", PUB, [("last March", "2022-03", D, P)]),
    ("It closed last summer.", PUB, [("last summer", "2021-22", D, P)]),
    # the year of a partial date
    (
        "The report, published on 16 December, was damning.",
        PUB,
        [("16 December", "2021-12-16", D, P)],
    ),
    ("The festival will open on 16 December.", PUB, [("16 December", "2022-12-16", D, P)]),
    (
        "In June 2018 it began. On 16 July it ended.",
        None,
        [("June 2018", "2018-06", D, E), ("16 July", "2018-07-16", D, C)],
    ),
    (
        "In 2018 it began. On Tuesday 16 May it ended.",
        None,
        [("2018", "2018", D, E), ("Tuesday 16 May", "2017-05-16", D, W)],
    ),
    (
        "In 2018 it began. On Wednesday 16 May it ended.",
        None,
        [("2018", "2018", D, E), ("Wednesday 16 May", "2018-05-16", D, C)],
    ),
    ("Sums of 1000-2000 people.", None, []),
    ("On Friday 16 May it ended.", None, [("Friday 16 May", "XXXX-05-16", D, U)]),
    # times
    # a publication week is enough for week-relative phrases, not for day-relative ones
    ("It was shown earlier this week.", WEEK, [("earlier this week", "2022-W20", D, P)]),
    ("He will be re-elected this Friday.", WEEK, [("this Friday", "2022-05-20", D, P)]),
    ("It aired yesterday.", WEEK, [("yesterday", None, D, U)]),
    ("It happened last week.", WEEK, [("last week", "2022-W19", D, P)]),
    ("It started more than 10 years ago.", DateValue.of_year(2023),
     [("more than 10 years ago", "before 2013", D, P)]),
    ("It began about two years ago.", PUB, [("about two years ago", "2020~", D, P)]),
    # a time alone is not given a day the text does not name
    ("The debate starts at 8pm.", PUB, [("8pm", None, T, U)]),
    ("Last night's show, which aired at 8pm, drew crowds.", PUB,
     [("Last night", "2022-05-16", D, P), ("8pm", "2022-05-16", T, P)]),
    # or the last day told before it in its paragraph
    ("It rained last night. The show aired at 8pm.", PUB,
     [("last night", "2022-05-16", D, P), ("8pm", "2022-05-16", T, C)]),
    ("It rained last night.\nThe show aired at 8pm.", PUB,
     [("last night", "2022-05-16", D, P), ("8pm", None, T, U)]),
    ("The debate starts at 8pm.", None, [("8pm", None, T, U)]),
    (
        "The debate started at 10:30 on Monday 16 May.",
        PUB,
        [("10:30 on Monday 16 May", "2022-05-16", T, P)],
    ),
    (
        "The debate starts at 7.30pm on 1 March 2023.",
        None,
        [("7.30pm on 1 March 2023", "2023-03-01", T, E)],
    ),
]

DURATIONS_AND_SETS = [
    ("After 12 years of austerity.", [("12 years", "P12Y", DUR)]),
    ("Almost a decade in the making.", [("Almost a decade", "P10Y", DUR)]),
    ("A three-year plan.", [("three-year", "P3Y", DUR)]),
    ("It took two years.", [("two years", "P2Y", DUR)]),
    ("It took several months.", [("several months", "PXM", DUR)]),
    ("It took a few weeks.", [("a few weeks", "PXW", DUR)]),
    ("Over the last two years it grew.", [("the last two years", "P2Y", DUR)]),
    ("Over the last decade it grew.", [("the last decade", "P10Y", DUR)]),
    ("It lasted 25 years.", [("25 years", "P25Y", DUR)]),
    ("It lasted 7 years.", [("7 years", "P7Y", DUR)]),
    ("It will take another 10 years.", [("10 years", "P10Y", DUR)]),
    ("It lasted twenty-five years.", [("twenty-five years", "P25Y", DUR)]),
    ("It lasted a hundred years.", [("a hundred years", "P100Y", DUR)]),
    ("It lasted 48 hours.", [("48 hours", "PT48H", DUR)]),
    ("It lasted a fortnight.", [("a fortnight", "P2W", DUR)]),
    ("The 12-month review.", [("12-month", "P12M", DUR)]),
    ("It happens every year.", [("every year", "P1Y", SET)]),
    ("It happens each day.", [("each day", "P1D", SET)]),
    ("It happens every day.", [("every day", "P1D", SET)]),
    ("It happens every two years.", [("every two years", "P2Y", SET)]),
    ("It happens every Monday.", [("every Monday", "XXXX-WXX-1", SET)]),
    ("It opens each July.", [("each July", "XXXX-07", SET)]),
    ("They fly every other Sunday.", [("every other Sunday", "P2W", SET)]),
    ("It happens twice a year.", [("twice a year", "P1Y", SET)]),
    ("It is published monthly.", [("monthly", "P1M", SET)]),
    ("It is published annually.", [("annually", "P1Y", SET)]),
    ("It is published weekly.", [("weekly", "P1W", SET)]),
    ("It is published daily.", [("daily", "P1D", SET)]),
]

# (sentence, the only mentions expected: (surface, EDTF or None)); most expect none.
NEGATIVES = [
    ("It cost £22 million.", []),
    ("It cost £22million.", []),
    ("It cost £17m.", []),
    ("It cost $5bn.", []),
    ("It cost €3.5 million.", []),
    ("It cost £250 million+.", []),
    ("See p10.", []),
    ("See p. 10.", []),
    ("See page 19.", []),
    ("See pp. 3-4.", []),
    ("See page 2019.", []),
    ("There were 1,100 cases.", []),
    ("There were 1100 cases.", []),
    ("In 1100 cases the rule failed.", []),
    ("A total of 2000 people.", []),
    ("It rose by 2000 to 5000.", []),
    ("Numbers rose from 2000 to 3000.", []),
    ("There are 14 residents.", []),
    ("We sent 75 emoji.", []),
    ("Aged 35-40.", []),
    ("The HS2 line, the A49 and the M5.", []),
    ("During COVID-19 and Covid-19.", []),
    ("Version 2.10.2019 is out.", []),
    ("Call 01432 260000.", []),
    ("It rose 20%.", []),
    ("We may go.", []),
    ("May I ask?", []),
    ("They may 16 times refuse.", []),
    ("Theresa May said so.", []),
    ("They march on.", []),
    ("Write to press@example.com.", []),
    ("See https://example.com/2019/05/16/story.html for more.", []),
    ("See logo_print_1.thumb.jpg.96 for more.", []),
    ("It was taken from photo-2019-05-16.jpg yesterday.", [("yesterday", None)]),
    ("Things are better now.", []),
    ("It happened recently.", []),
    ("It is currently closed.", []),
    ("Over the years it grew.", []),
    ("It has been open for years.", []),
    ("They listened to the Today programme.", []),
    ("It was Good Friday.", []),
    ("The Arab Spring spread.", []),
    ("It was a second chance.", []),
    ("A quarter of residents agreed.", []),
    ("Prices fall in the market.", []),
    ("The 31 February 2023 is no day.", []),
    ("In May we met.", [("May", "XXXX-05")]),
    ("Several years ago it opened.", []),
]


def _key(items: list) -> list:
    return [repr(item[:2]) for item in items]


@pytest.mark.parametrize(
    "table", [POSITIVES, DURATIONS_AND_SETS, NEGATIVES], ids=["positives", "durations", "negatives"]
)
def test_tables_have_no_duplicate_inputs(table: list) -> None:
    counts = Counter(_key(table))
    assert [k for k, n in counts.items() if n > 1] == []


def _edtf(value: DateValue | None) -> str | None:
    if value is None:
        return None
    if value.qualifier is not None and value.qualifier.value in (
        "early",
        "mid",
        "late",
        "before",
        "after",
    ):
        return f"{value.qualifier.value} {value.edtf}"
    return value.edtf


@pytest.mark.parametrize(("sentence", "published", "expected"), POSITIVES)
def test_dates(sentence: str, published: DateValue | None, expected: list) -> None:
    got = [(m.text, _edtf(m.value), m.kind, m.resolved_by) for m in tag(sentence, published)]
    assert got == expected


@pytest.mark.parametrize(("sentence", "expected"), DURATIONS_AND_SETS)
def test_durations_and_sets(sentence: str, expected: list) -> None:
    got = [(m.text, m.duration, m.kind) for m in tag(sentence, PUB)]
    assert got == expected
    assert all(m.value is None for m in tag(sentence, PUB))


@pytest.mark.parametrize(("sentence", "expected"), NEGATIVES)
def test_no_false_dates(sentence: str, expected: list) -> None:
    got = [(m.text, _edtf(m.value)) for m in tag(sentence) if m.is_dated]
    assert got == expected


def test_spans_are_the_source_text() -> None:
    text = "On Monday 16 May, two years after the 2020 vote, at 8pm."
    for m in tag(text, PUB):
        assert text[m.start : m.end] == m.text


def test_kinds_filter() -> None:
    text = "After 12 years, on 1 March 2023, every year."
    assert [m.kind for m in tag(text, kinds={Kind.DURATION})] == [DUR]
    assert [m.text for m in tag(text, kinds={Kind.DATE})] == ["1 March 2023"]
    assert len(tag(text)) == 3


def test_anchor_is_recorded() -> None:
    (m,) = tag("It was yesterday.", PUB)
    assert m.anchor == PUB
    (_, m) = tag("In 2018 it began. On 16 July it ended.")
    assert m.anchor == DateValue.of_year(2018)
    (m,) = tag("On 1 March 2023.")
    assert m.anchor is None


def test_published_month_resolves_partial_dates_but_not_days() -> None:
    published = DateValue.of_month(2022, 5)
    got = [
        (m.text, _edtf(m.value), m.resolved_by) for m in tag("On 3 May, not yesterday.", published)
    ]
    assert got == [("3 May", "2022-05-03", P), ("yesterday", None, U)]


def test_context_year_follows_the_latest_explicit_year() -> None:
    text = "In 2010 it began. In March 2015 it grew. On 2 June it closed."
    assert tag(text)[-1].value == DateValue.of_day(2015, 6, 2)


def test_long_text_is_handled() -> None:
    text = "On 1 March 2023 it rained. " * 2000
    mentions = tag(text)
    assert len(mentions) == 2000
    assert mentions[-1].start == len(text) - len("1 March 2023 it rained. ")


MORE_YEARS = [
    ("The floods of 2007 were bad.", [("2007", "2007")]),
    ("The 1998 budget was cut.", [("1998", "1998")]),
    ("Smith (2011) disagreed.", [("2011", "2011")]),
    ("A total of 2000 votes.", []),
    ("A sum of 1500.", []),
    ("The 2000 residents voted.", []),
    ("After the fall of Paris.", []),
    ("In the spring it rained.", [("the spring", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE_YEARS)
def test_years_in_context(sentence: str, expected: list) -> None:
    got = [(m.text, _edtf(m.value)) for m in tag(sentence) if m.is_dated]
    assert got == expected
