"""Choosing events: date ranges that overlap, source globs, tags and text search."""

from __future__ import annotations

import pytest

from render_fixtures import BY_ID, EVENTS
from timeline.dates import DateValue
from timeline.filters import FilterError, filter_events
from timeline.models import Event

ALL = [event.id for event in EVENTS]
D = DateValue.parse

# Each case: the filter's keyword arguments -> the ids kept, in the fixture's order:
# e-2011, e-2012 (2012/2021), e-2015 (2015~), e-2017 (2017-09), e-2018 (2018-06),
# e-2019 (2019/..), e-2020 (2020-01-15), e-2022s (spring), e-2022w (week 20), e-2022d (16 May),
# e-2022l (late 2022), e-2023 (2023-03-01), e-xxxx (16 May, year unknown).
CASES = [
    ({}, ALL),
    ({"date_from": D("2018")},
     ["e-2012", "e-2018", "e-2019", "e-2020", "e-2022s", "e-2022w", "e-2022d", "e-2022l",
      "e-2023"]),
    ({"date_to": D("2018-06")},
     ["e-2011", "e-2012", "e-2015", "e-2017", "e-2018"]),
    ({"date_to": D("2018-05")}, ["e-2011", "e-2012", "e-2015", "e-2017"]),
    ({"date_from": D("2018"), "date_to": D("2018-06")}, ["e-2012", "e-2018"]),
    ({"date_from": D("2022-05-16"), "date_to": D("2022-05-16")},
     ["e-2019", "e-2022s", "e-2022w", "e-2022d"]),  # spring 2022 runs March to May
    ({"date_from": D("2022-05-17"), "date_to": D("2022-05-31")},
     ["e-2019", "e-2022s", "e-2022w"]),
    ({"date_from": D("2022-08")}, ["e-2019", "e-2022l", "e-2023"]),  # late 2022 = Sep-Dec
    ({"date_from": D("2024")}, ["e-2019"]),  # open end overlaps everything after
    ({"date_to": D("2010")}, []),
    ({"date_from": D("late 2021")}, ["e-2012", "e-2019", "e-2022s", "e-2022w", "e-2022d",
                                     "e-2022l", "e-2023"]),
    ({"sources": ["data/000_*"]}, ["e-2011", "e-2018", "e-2022w", "e-2022d"]),
    ({"sources": ["002_*.txt"]},
     ["e-2019", "e-2020", "e-2022d", "e-2022l", "e-2023"]),
    ({"sources": ["*/001_be30bcefd557b5c9.txt", "nothing*"]},
     ["e-2012", "e-2015", "e-2022s", "e-2022d", "e-xxxx"]),
    ({"sources": ["000_1ba681d719f63865"]}, []),  # a glob, not a prefix
    ({"sources": ["DATA/*"]}, []),  # case-sensitive, like the paths themselves
    ({"sources": []}, ALL),
    ({"tags": ["money"]}, ["e-2022d"]),
    ({"tags": ["CUTS", "money"]}, ["e-2011", "e-2022d"]),
    ({"tags": ["=staff"]}, ["e-2019"]),
    ({"tags": ["nope"]}, []),
    ({"search": "programme"}, ["e-2022w", "e-2022d"]),  # titles
    ({"search": "CAFÉ"}, ["e-2022s"]),
    ({"search": "fell every"}, ["e-2012"]),  # quote across a line break
    ({"search": "calls have doubled"}, ["e-2022d"]),  # the third source's quote
    ({"search": "published calendar"}, []),  # notes are not searched
    ({"search": "   "}, ALL),
    ({"search": "programme", "date_from": D("2022-05-17")}, ["e-2022w"]),
    ({"search": "programme", "sources": ["*002_*"]}, ["e-2022d"]),
    ({"tags": ["money"], "search": "nothing like it"}, []),
]  # fmt: skip


def _case_id(options: dict) -> str:
    return " ".join(f"{key}={getattr(value, 'edtf', value)}" for key, value in options.items())


@pytest.mark.parametrize(("options", "expected"), CASES, ids=[_case_id(c[0]) for c in CASES])
def test_filter_events(options: dict, expected: list[str]) -> None:
    assert [event.id for event in filter_events(EVENTS, **options)] == expected


def test_unknown_year_is_kept_only_without_a_date_filter() -> None:
    unknown = [BY_ID["e-xxxx"]]
    assert filter_events(unknown, search="Friday") == unknown
    assert filter_events(unknown, date_from=D("2000")) == []
    assert filter_events(unknown, date_to=D("2100")) == []


def test_open_start_counts_as_overlapping_the_past() -> None:
    until = Event("u", D("../2018-06"), "Until June 2018")
    assert filter_events([until], date_to=D("1990")) == [until]
    assert filter_events([until], date_from=D("2018-06-30")) == [until]
    assert filter_events([until], date_from=D("2018-07")) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"date_from": D("XXXX-05-16")}, "--from XXXX-05-16: its first day is not known"),
        ({"date_from": D("../2018")}, "--from ../2018: its first day"),
        ({"date_to": D("2019/..")}, "--to 2019/..: its last day is not known"),
    ],
)
def test_bounds_without_a_known_day_are_refused(options: dict, message: str) -> None:
    with pytest.raises(FilterError, match=message.replace(".", r"\.")):
        filter_events(EVENTS, **options)


def test_filter_returns_a_new_list_and_leaves_the_input_alone() -> None:
    events = list(EVENTS)
    kept = filter_events(events)
    assert kept == events and kept is not events
    assert events == EVENTS
