"""Properties the tagger keeps on any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import DateValue
from timeline.tagger import tag
from timeline.tagger.rules import find_all
from timeline.tagger.specs import Timex

PUBLISHED = st.one_of(
    st.none(),
    st.dates().filter(lambda d: d.year > 1).map(lambda d: DateValue.of_day(d.year, d.month, d.day)),
)
PIECES = st.sampled_from([
    "1", "16", "2020", "1999", " ", "-", "–", " to ", " and ", "May", "March", "Monday", "the",
    "in ", "since ", "until ", "between ", "late ", "mid-", "spring", "years", "ago", "last ",
    "/", "BC", "now", "the next day", "later", "fiscal ", "FY", "23", "Q3", "8pm", " the ",
    "this ", "yesterday", ",", ".", "\n", "£", "%", "th", "s", "'s", "at ", "pm", ":", "30",
    "the previous ", "The following ", "Friday", "Thanksgiving", " 480 BC",
    "the end of ", "quarter", "week", "month", "weekend", "that ", "afternoon", "AD", "CE",
    "century", "5th ", "year-end", "a.m.", "U.S.", "will ", "said ", "planned to ", "``",
])  # fmt: skip
DATE_LIKE = st.lists(PIECES, max_size=40).map("".join)
NOISE = st.sampled_from([
    "1 1 1 1 1 1 1 1 1 1", "2020-2020-2020-2020-2020", "May May May May", "1-1-1-1-1-1",
    "12 12 12 May 2020 2020 2020", "between 2012 and 2012 and 2012", "-" * 50, "9" * 200,
])  # fmt: skip


def _check(text: str, published: DateValue | None) -> None:
    mentions = tag(text, published)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.start >= last_end
        last_end = m.end
        if m.value is not None and m.value.earliest and m.value.latest:
            assert m.value.earliest <= m.value.latest
    assert tag(text, published) == mentions


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), PUBLISHED)
def test_any_text(text: str, published: DateValue | None) -> None:
    _check(text, published)


@settings(max_examples=300, deadline=None)
@given(DATE_LIKE, PUBLISHED)
def test_date_like_text(text: str, published: DateValue | None) -> None:
    _check(text, published)


@settings(max_examples=30, deadline=None)
@given(NOISE, st.integers(min_value=1, max_value=20), PUBLISHED)
def test_repeated_noise(piece: str, times: int, published: DateValue | None) -> None:
    _check(" ".join([piece] * times), published)


NOISE_LINES = st.sampled_from(["1 ", "2020-", "May 1, ", "in 1999 ", "12/12/", "480 BC ", "now "])


@settings(max_examples=40, deadline=None)
@given(NOISE_LINES, st.integers(min_value=1, max_value=400), PUBLISHED)
def test_long_noise_lines(unit: str, times: int, published: DateValue | None) -> None:
    _check(unit * times, published)


@settings(max_examples=300, deadline=None)
@given(st.one_of(DATE_LIKE, st.text(max_size=200)))
def test_scanning_near_triggers_finds_what_a_full_scan_finds(text: str) -> None:
    assert set(find_all(text)) == set(find_all(text, full_scan=True))


@settings(max_examples=200, deadline=None)
@given(st.one_of(DATE_LIKE, st.sampled_from(["now", "recently", "Now.", "two years later"])))
def test_rules_skipped_without_references_find_nothing_else(text: str) -> None:
    """The rules left out when vague references are not wanted find only those."""
    without = list(find_all(text, refs=False))
    assert without == [(rank, f) for rank, f in find_all(text) if not isinstance(f.spec, Timex)]


@settings(max_examples=100, deadline=None)
@given(DATE_LIKE, PUBLISHED)
def test_references_keep_the_span_rules(text: str, published: DateValue | None) -> None:
    mentions = tag(text, published, refs=True)
    for m in mentions:
        assert m.text == text[m.start : m.end]
        assert m.value is not None or m.duration is not None or m.resolved_by.value == "unresolved"


@pytest.mark.parametrize("published", ["XXXX-05-16", "XXXX-05", "../2018", "before 2019"])
@given(text=st.text(alphabet=" abcdeyfrinotwsklMJFTW0123456789.,-", max_size=80))
@settings(max_examples=40, deadline=None)
def test_any_publication_date_is_safe(published: str, text: str) -> None:
    phrases = "Yesterday, this week, last year, on Friday, three days later, the next day, May 16."
    for mention in tag(phrases + text, DateValue.parse(published)):
        value = mention.value
        if value is not None and value.earliest and value.latest:
            assert value.earliest <= value.latest


# Every form the tagger reads, after every kind of date it may count from, with every kind of
# publication date: none of them may raise.
FORMS = [
    "the end of the quarter", "the end of the week", "the end of the month", "year-end",
    "the start of the year", "the weekend", "last weekend", "that afternoon", "the next morning",
    "the following year", "a year earlier", "the latest quarter", "the year-ago quarter",
    "three days later", "that year", "the same day", "Friday", "16 May", "June", "spring",
    "the third quarter", "499-493 BC", "the 5th century BC", "AD 476", "June 480 BC", "8pm",
    "at 10:30 on Tuesday", "yesterday", "next week", "two years ago", "the 1990s", "FY2023",
    "August and September 1914", "since year-end", "Christmas", "recently",
]  # fmt: skip
CONTEXTS = ["", "In May 1990. ", "On 3 May 1990. ", "In 480 BC. ", "Late in 1990. ",
            "In the 5th century BC. ", "Between 1939 and 1945. ", "On 16 May. "]  # fmt: skip
PUBLISHED = [None, DateValue.of_day(2022, 5, 17), DateValue.of_week(2022, 20),
             DateValue.of_month(2023, 3), DateValue.of_year(2023)]  # fmt: skip


@pytest.mark.parametrize("form", FORMS)
def test_every_form_after_every_anchor(form: str) -> None:
    for context in CONTEXTS:
        for published in PUBLISHED:
            _check(f"{context}{form} it happened.", published)
