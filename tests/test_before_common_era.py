"""Years before the common era on a timeline: order, headings, filters, every output."""

from __future__ import annotations

import csv
import io
import json

import pytest

from timeline.corroborate import date_fit
from timeline.dates import DateValue
from timeline.filters import filter_events
from timeline.models import Event
from timeline.render import date_parts, group_events, render
from timeline.render.html import datetime_attribute
from timeline.render.timelinejs import date_object

D = DateValue.parse
EVENTS = [
    Event("marathon", D("-0489"), "Battle of Marathon", note="Herodotus"),
    Event("century", D("-04XX"), "Athens at its height", note="Thucydides"),
    Event("revolt", D("-0498/-0492"), "Ionian Revolt", note="Herodotus"),
    Event("augustus", D("-0026/0014"), "Augustus rules", note="Suetonius"),
    Event("modern", D("1999"), "A modern event", note="A newspaper"),
]


def _sorted(events: list[Event]) -> list[str]:
    return [e.id for e in sorted(events, key=lambda e: e.date.sort_key())]


def test_events_before_the_common_era_come_first_in_order() -> None:
    assert _sorted(EVENTS) == ["century", "revolt", "marathon", "augustus", "modern"]


def test_year_headings_name_the_era() -> None:
    ordered = sorted(EVENTS, key=lambda e: e.date.sort_key())
    assert [heading for heading, _ in group_events(ordered, "year")] == [
        "500 BC", "499 BC", "490 BC", "27 BC", "1999",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"date_to": D("-0490")}, ["century", "revolt"]),  # 491 BC: before Marathon
        ({"date_from": D("-0489"), "date_to": D("-0489")}, ["marathon", "century"]),
        ({"date_from": D("0001")}, ["augustus", "modern"]),
        ({"date_from": D("480 BC")}, ["century", "augustus", "modern"]),
    ],
)
def test_date_filters_reach_before_the_common_era(options: dict, expected: list[str]) -> None:
    assert [e.id for e in filter_events(EVENTS, **options)] == expected


def test_parts_and_outputs() -> None:
    assert date_parts(D("-0489")) == (-489, None, None)
    assert date_parts(D("-04XX")) == (None, None, None)
    assert date_object(D("-0489")) == ({"year": -489}, None)
    assert date_object(D("-04XX")) == ({"year": -499}, {"year": -400})
    assert datetime_attribute(D("-0489")) is None  # HTML has no year before 1


def test_csv_json_and_timelinejs_carry_them() -> None:
    rows = list(csv.DictReader(io.StringIO(render("csv", EVENTS))))
    marathon = next(row for row in rows if row["id"] == "marathon")
    assert (marathon["date"], marathon["display"], marathon["year"]) == ("-0489", "490 BC", "-489")
    assert marathon["start"] == marathon["end"] == ""  # no calendar date before year 1
    slides = json.loads(render("timelinejs", EVENTS))["events"]
    assert {s["unique_id"]: s["display_date"] for s in slides}["augustus"] == "27 BC – AD 14"
    assert len(slides) == len(EVENTS)
    markdown = render("markdown", EVENTS)
    assert "## 490 BC" in markdown and "## -489" not in markdown


def test_corroboration_compares_them() -> None:
    assert date_fit(D("-0489"), D("-0489")) == 3
    assert date_fit(D("-0489"), D("-04XX")) == 2
    assert date_fit(D("-0489"), D("1999")) == 0
    assert date_fit(D("-0489"), D("XXXX-09")) == 0


def test_months_days_and_seasons_before_the_common_era_on_every_output() -> None:
    events = [
        Event("thermopylae", D("-0479-08-17"), "Thermopylae", note="Herodotus"),
        Event("salamis", D("-0479-09"), "Salamis", note="Herodotus"),
        Event("winter", D("-0479-24"), "The Allies quarrel", note="Herodotus"),
        Event("marathon", D("-0489"), "Battle of Marathon", note="Herodotus"),
    ]
    assert _sorted(events) == ["marathon", "thermopylae", "salamis", "winter"]
    assert date_parts(D("-0479-08-17")) == (-479, 8, 17)
    assert date_parts(D("-0479-24")) == (-479, None, None)  # a season gives no month
    assert date_object(D("-0479-08-17")) == ({"year": -479, "month": 8, "day": 17}, None)
    assert date_object(D("-0479-24")) == ({"year": -479}, None)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(render("csv", events)))}
    day = rows["thermopylae"]
    assert (day["display"], day["year"], day["month"], day["day"]) == (
        "17 August 480 BC", "-479", "8", "17",
    )  # fmt: skip
    assert day["start"] == day["end"] == ""
    assert rows["winter"]["display"] == "winter 480 BC"
    markdown = render("markdown", events)
    assert "## 480 BC" in markdown and "**17 August 480 BC**" in markdown
    assert date_fit(D("-0479-08-17"), D("-0479-08")) == 2  # the day lies in the month
    assert date_fit(D("-0479-08"), D("-0479-09")) == 0
