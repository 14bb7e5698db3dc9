"""One entry per happening: the date phrases of a document that date the same happening."""

from __future__ import annotations

from timeline.curation import apply_curation, parse_curation
from timeline.dates import DateValue
from timeline.events import candidates
from timeline.events.happenings import PERIOD_END, SAME_ACTION, SAME_CLAUSE
from timeline.models import Candidate, Document
from timeline.tagger import tag

PUBLISHED = DateValue.parse("2022-05-17")


def found(text: str, published: DateValue | None = PUBLISHED) -> list[Candidate]:
    doc = Document(path="docs/x.txt", text=text, published=published)
    return candidates(doc, tag(text, published), "x")


def groups(text: str, published: DateValue | None = PUBLISHED) -> list[list[str]]:
    """The date phrases of ``text`` by happening, in order."""
    by_lead: dict[str, list[str]] = {}
    for c in found(text, published):
        by_lead.setdefault(c.happening or c.id, []).append(c.text)
    return list(by_lead.values())


def test_two_phrases_side_by_side_date_one_happening() -> None:
    text = "The programme was broadcast yesterday (Monday 16 May) on BBC One."
    cands = found(text)
    assert [[c.text for c in cands]] == [["yesterday", "Monday 16 May"]]
    assert [(c.happening, c.grouped) for c in cands] == [
        ("x:yesterday", None),
        ("x:yesterday", SAME_CLAUSE),
    ]


def test_the_end_of_a_period_does_not_date_the_happening() -> None:
    text = "The bank lost $2 million in the quarter ended Sept. 30, it said on Monday."
    cands = found(text, DateValue.parse("1989-10-20"))
    assert [c.grouped for c in cands if c.text == "Sept. 30"] == [PERIOD_END]
    (event, *_) = [e for e in apply_curation(cands, None).events if len(e.sources) == 2]
    assert event.date.edtf == "1989-35"


def test_two_happenings_in_one_sentence_stay_apart() -> None:
    text = "Hamburg fell on 3 May 1945 and Kiel fell on 5 May 1945."
    assert groups(text) == [["3 May 1945"], ["5 May 1945"]]


def test_a_happening_told_again_is_one_entry() -> None:
    text = (
        "Fire destroyed the old mill on Friday 13 May. Nobody was hurt. "
        "Firefighters said the fire destroyed the mill's roof on Friday within minutes."
    )
    cands = found(text)
    assert groups(text) == [["Friday 13 May", "Friday"]]
    assert cands[1].grouped == SAME_ACTION


def test_different_happenings_of_one_day_stay_apart() -> None:
    text = (
        "On Friday the council approved the budget for the bridge. "
        "On Friday police arrested two men after a fight in the market."
    )
    assert groups(text) == [["Friday"], ["Friday"]]


def test_a_wide_date_joins_no_happening_when_several_fit() -> None:
    text = (
        "Storms closed the coast road on 3 May. Storms closed the rail line on 9 May. "
        "Storms closed roads this month across the region."
    )
    assert groups(text) == [["3 May"], ["9 May"], ["this month"]]


def test_an_aside_groups_with_nothing() -> None:
    text = "1936\n\nThe rebels crossed the strait in 1936."
    assert groups(text, None) == [["1936"], ["1936"]]


def apply(text: str, curated: str):  # noqa: ANN201 - a CurationResult
    return apply_curation(found(text), parse_curation(curated, "events.yaml"))


SIDE_BY_SIDE = "The programme was broadcast yesterday (Monday 16 May) on BBC One."


def test_a_happening_is_one_event_with_every_mention_as_a_source() -> None:
    result = apply_curation(found(SIDE_BY_SIDE), None)
    (event,) = result.events
    assert event.id == "x:yesterday"
    assert [s.text for s in event.sources] == ["yesterday", "Monday 16 May"]


def test_the_curated_file_can_say_two_mentions_are_two_happenings() -> None:
    result = apply(SIDE_BY_SIDE, "events:\n  x:yesterday:\n    distinct: [x:monday-16-may]\n")
    assert [[s.text for s in e.sources] for e in result.events] == [
        ["yesterday"],
        ["Monday 16 May"],
    ]


def test_a_correction_of_any_mention_speaks_for_the_happening() -> None:
    result = apply(SIDE_BY_SIDE, "events:\n  x:monday-16-may:\n    title: Panorama airs\n")
    (event,) = result.events
    assert (event.id, event.title) == ("x:monday-16-may", "Panorama airs")
    assert [s.text for s in event.sources] == ["Monday 16 May", "yesterday"]
    assert result.problems == []


def test_two_corrections_of_one_happening_report_the_unused_one() -> None:
    curated = (
        "events:\n  x:yesterday:\n    title: A\n  x:monday-16-may:\n    title: B\n"
    )
    result = apply(SIDE_BY_SIDE, curated)
    assert [e.title for e in result.events] == ["A"]
    assert [p.code for p in result.problems] == ["ignored"]
    assert "distinct: [x:monday-16-may]" in result.problems[0].message


def test_a_dropped_mention_leaves_its_happening() -> None:
    result = apply(SIDE_BY_SIDE, "events:\n  x:yesterday:\n    drop: true\n")
    assert [[s.text for s in e.sources] for e in result.events] == [["Monday 16 May"]]


def test_an_aside_comes_back_with_drop_false_or_a_title() -> None:
    text = "1936\n\nThe rebels crossed the strait in July 1936."
    assert [e.sources[0].text for e in apply(text, "").events] == ["July 1936"]
    back = apply(text, "events:\n  x:1936:\n    drop: false\n")
    assert [e.sources[0].text for e in back.events] == ["1936", "July 1936"]
    titled = apply(text, "events:\n  x:1936:\n    title: The war begins\n")
    assert [e.title for e in titled.events][0] == "The war begins"


def test_a_relative_clause_that_tells_the_happening_again_joins_it() -> None:
    text = "A statement followed last night's programme, which aired on BBC One at 8pm."
    assert groups(text) == [["last night", "8pm"]]
    assert [c.grouped for c in found(text)] == [None, SAME_ACTION]
