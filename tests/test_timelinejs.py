"""The TimelineJS export as the real TimelineJS builds it, in headless Chromium.

TimelineJS is installed with npm into a cache folder outside the repository on first use
(see scripts/check_timelinejs.py). Skipped, saying why, when Chromium, or npm and TimelineJS,
are missing.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from render_fixtures import EVENTS, GAZETTE, TITLE, ref
from timeline.dates import DateValue
from timeline.models import Event
from timeline.render.timelinejs import render_timelinejs

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_timelinejs.py"
_spec = importlib.util.spec_from_file_location("check_timelinejs", _SCRIPT)
check = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
sys.modules.setdefault("check_timelinejs", check)
_spec.loader.exec_module(check)  # type: ignore[union-attr]

D = DateValue


def _event(ident: str, value: str, title: str) -> Event:
    return Event(ident, D.parse(value), title, [ref(GAZETTE, 1, f"{title}.", title[:4])])


#: Dates TimelineJS would misplace if given only their year or month: each pair sits where
#: ``show`` puts it, next to a plain date it must not pass.
ORDERING = [
    _event("before-2013", "before 2013", "Problems began, the report's reading"),
    _event("dec-2012", "2012-12-20", "A December 2012 meeting"),
    _event("jan-2013", "2013-01-02", "A January 2013 meeting"),
    _event("until-june-2018", "../2018-06", "Leader in post until June"),
    _event("mid-june-2018", "2018-06-15", "A mid-June 2018 vote"),
    _event("may-2022", "2022-05-16", "Children's services failures broadcast"),
    _event("late-2022", "late 2022", "Commissioner works on the report"),
    _event("early-sep-2022", "2022-09-02", "A September 2022 hearing"),
    _event("mid-2022", "mid-2022", "A & E waits rise; <b>not bold</b>"),
    _event("after-2013", "after 2013", "Caseloads rise after 2013 & beyond"),
    _event("early-march-2023", "early 2023-03", "Report sent to the Minister"),
    _event("march-1-2023", "2023-03-01", "Report published"),
]
CASES = sorted([*EVENTS, *ORDERING], key=lambda event: event.date.sort_key())
PLACED = [event for event in CASES if event.date.year_known and event.date.year is not None]


@pytest.fixture(scope="module")
def built():
    try:
        return check.load(render_timelinejs(CASES, title=TITLE))
    except check.Missing as err:
        pytest.skip(f"real TimelineJS not available: {err}")


def test_timelinejs_orders_the_slides_as_show_does(built) -> None:
    assert "tl-slide-titleslide" in built.slides[0].classes
    assert [slide.id for slide in built.slides[1:]] == [event.id for event in PLACED]


def test_timelinejs_labels_read_the_titles_as_written(built) -> None:
    # Screen readers' labels: the "next" button names the first event from the headline as
    # given; each time-axis marker from the headline as TimelineJS shows it, which keeps
    # quotes and apostrophes as they are ("children's", never "children&#x27;s").
    first = PLACED[0]
    assert "'" in first.title and '"' in first.title
    assert f"next, {first.title}, {first.date.display()}" in built.labels
    markers = [marker["aria-label"] for marker in built.markers]
    assert len(markers) == len(PLACED)
    for label, event in zip(markers, PLACED, strict=True):
        if not set(event.title) & set("&<>"):  # shown through HTML, these are written as such
            assert label.startswith(f"{event.title}, {event.date.display()}"), label
    assert not [label for label in built.labels if "&#" in label or "&amp;amp;" in label]
