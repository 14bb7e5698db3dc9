"""Corroboration: proposing groups of candidates that tell of one happening."""

from __future__ import annotations

from pathlib import Path

import pytest

from curation_corpus import build_corpus, corpus, curation, make  # noqa: F401
from timeline.corroborate import (
    AUTO_TAG,
    TermIndex,
    date_fit,
    find_mismatches,
    merge_groups,
    propose_groups,
)
from timeline.curation import apply_curation
from timeline.dates import DateValue as D
from timeline.models import Resolution

DAY = D.of_day(2022, 5, 16)
WEEK = D.week_containing(DAY.earliest)  # type: ignore[arg-type]

#: The same broadcast told three ways, plus sentences that only look alike.
BROADCAST = [
    make("000:yesterday", DAY, "Yesterday's Kestrel Report has exposed how families were let "
         "down.", text="Yesterday", resolved_by=Resolution.PUBLISHED),
    make("001:may-16", DAY, "Further response to the Kestrel Report aired on May 16.",
         text="May 16"),
    make("001:monday-16-may", DAY, "Following the Kestrel Report broadcast yesterday "
         "(Monday 16 May).", text="Monday 16 May", at=300),
    make("001:yesterday", DAY, "Following the Kestrel Report broadcast yesterday "
         "(Monday 16 May).", text="yesterday", at=300),
    make("002:earlier-this-week", WEEK, "Staff vowed to act on failures highlighted in the "
         "Kestrel Report shown earlier this week.", text="earlier this week"),
    make("002:this-year", D.of_year(2022), "The department has been given money to spend "
         "this year.", text="this year", at=500),
    make("003:may-16", DAY, "The weather was fine on May 16 across the county.",
         text="May 16"),
]  # fmt: skip
# Filler sentences so that ordinary words are common and the programme's name is rare.
FILLER = [f"Families across the county were let down again, the staff said, item {n}."
          for n in range(40)]  # fmt: skip
INDEX = TermIndex.of_texts([c.quote for c in BROADCAST] + FILLER)


def test_the_broadcast_is_one_group_whatever_its_wording() -> None:
    groups = propose_groups(BROADCAST, index=INDEX)
    assert [g.ids for g in groups] == [
        ["000:yesterday", "001:may-16", "001:yesterday", "001:monday-16-may",
         "002:earlier-this-week"]
    ]  # fmt: skip
    group = groups[0]
    assert group.date == DAY and group.lead == "000:yesterday"
    assert "kestrel" in group.terms
    assert group.sources == ["docs/000.txt", "docs/001.txt", "docs/002.txt"]


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        pytest.param("", 1, id="open"),
        pytest.param("events:\n  000:yesterday:\n    merge: [001:may-16, 001:monday-16-may, "
                     "001:yesterday, 002:earlier-this-week]\n", 0, id="accepted"),
        pytest.param("events:\n  000:yesterday:\n    distinct: [001:may-16, 001:monday-16-may, "
                     "001:yesterday, 002:earlier-this-week]\n", 1, id="one-rejected"),
        pytest.param("events:\n  000:yesterday:\n    distinct: [001:may-16, 001:monday-16-may, "
                     "001:yesterday, 002:earlier-this-week]\n  002:earlier-this-week:\n"
                     "    distinct: [001:may-16, 001:monday-16-may, 001:yesterday]\n", 0,
                     id="all-rejected"),
        pytest.param("events:\n  002:earlier-this-week:\n    drop: true\n", 1, id="one-dropped"),
        pytest.param("events:\n  000:yesterday:\n    drop: true\n"
                     "  002:earlier-this-week:\n    drop: true\n", 0, id="one-source-left"),
    ],
)  # fmt: skip
def test_the_curated_file_accepts_or_rejects(yaml_text: str, expected: int) -> None:
    assert len(propose_groups(BROADCAST, curation(yaml_text), index=INDEX)) == expected


def test_rejecting_one_member_keeps_the_rest_grouped() -> None:
    rejected = curation("events:\n  000:yesterday:\n    distinct: [002:earlier-this-week]\n")
    groups = propose_groups(BROADCAST, rejected, index=INDEX)
    assert len(groups) == 1
    assert not {"000:yesterday", "002:earlier-this-week"} <= set(groups[0].ids)


def test_a_curated_entry_leads_the_group_it_joins() -> None:
    partly = curation("events:\n  001:may-16:\n    merge: [001:monday-16-may]\n")
    (group,) = propose_groups(BROADCAST, partly, index=INDEX)
    assert group.lead == "001:may-16"
    assert group.curated == {"001:may-16": "001:may-16", "001:monday-16-may": "001:may-16"}


@pytest.mark.parametrize(
    ("a", "b", "fit"),
    [
        (DAY, DAY, 3),
        (DAY, WEEK, 2),
        (DAY, D.of_year(2022), 2),
        (D.parse("2019/.."), D.parse("../2019"), 3),  # both name 2019
        (D.partial(5, 16), DAY, 1),
        (D.partial(5, 16), D.of_year(2022), 0),  # a year is too coarse for "16 May"
        (D.of_month(2021, 4), D.of_day(2021, 3, 3), 0),
        (None, DAY, 0),
    ],
)
def test_date_fit(a: D | None, b: D | None, fit: int) -> None:
    assert date_fit(a, b) == fit == date_fit(b, a)


def test_same_source_needs_the_same_date() -> None:
    cands = [
        make("009:2022", D.of_year(2022), "The Kestrel Report team met in 2022."),
        make("009:may", D.of_month(2022, 5), "The Kestrel Report aired in May 2022.", at=200),
        make("008:2021", D.of_year(2021), "The Kestrel Report was planned in 2021."),
    ]
    assert propose_groups(cands, index=INDEX) == []  # one source, or dates apart


def test_a_sentence_links_by_its_best_fitting_date() -> None:
    sentence = "Brazil wrote her report in late 2022 after the Ofsted report of September 2022."
    cands = [make("002:late-2022", D.parse("late 2022"), sentence, text="late 2022"),
             make("002:september-2022", D.of_month(2022, 9), sentence),
             make("004:september-2022", D.of_month(2022, 9), "Ofsted reported in September "
                  "2022 that the service was inadequate.")]  # fmt: skip
    (group,) = propose_groups(cands, index=TermIndex.of_texts(FILLER + [sentence]))
    assert group.ids == ["002:september-2022", "004:september-2022"]


def test_mismatch_same_words_next_to_incompatible_dates() -> None:
    cands = [make("001:march", D.of_day(2021, 3, 3), "The Riverside Bridge opened to traffic on "
                  "3 March 2021.", text="3 March 2021"),
             make("002:april", D.of_month(2021, 4), "The Riverside Bridge opened to traffic in "
                  "April 2021 after delays.", text="April 2021"),
             make("003:june", D.of_month(2021, 6), "A Riverside fair was held in June 2021.",
                  text="June 2021")]  # fmt: skip
    found = find_mismatches(cands, index=INDEX)
    assert [(m.a.id, m.b.id) for m in found] == [("001:march", "002:april")]
    assert set(found[0].terms) >= {"riverside", "bridge"}
    said_apart = curation("events:\n  001:march:\n    distinct: [002:april]\n")
    assert find_mismatches(cands, said_apart, index=INDEX) == []


def test_merge_groups_marks_the_automatic_event() -> None:
    events = apply_curation(BROADCAST, None).events
    merged = merge_groups(events, propose_groups(BROADCAST, index=INDEX))
    assert len(merged) == len(events) - 4
    (auto,) = [e for e in merged if AUTO_TAG in e.tags]
    assert auto.id == "000:yesterday" and auto.date == DAY and not auto.curated
    assert [r.candidate for r in auto.sources] == [
        "000:yesterday", "001:may-16", "001:yesterday", "001:monday-16-may",
        "002:earlier-this-week"]  # fmt: skip
    assert "automatically" in (auto.note or "")
    others = [e for e in merged if e is not auto]
    assert all(AUTO_TAG not in e.tags for e in others)


def test_merge_groups_keeps_a_curated_date() -> None:
    text = "events:\n  000:yesterday:\n    date: 2022-05\n"
    events = apply_curation(BROADCAST, curation(text)).events
    auto = merge_groups(events, propose_groups(BROADCAST, curation(text), index=INDEX))
    (event,) = [e for e in auto if AUTO_TAG in e.tags]
    assert event.date == D.of_month(2022, 5) and event.curated


def test_the_fixture_corpus_through_the_pipeline(corpus: Path) -> None:  # noqa: F811
    from timeline.corroborate import index_for

    timeline = build_corpus()
    groups = propose_groups(timeline.extraction.candidates, timeline.curation,
                            index=index_for(timeline))  # fmt: skip
    # The mayor cutting the ribbon, told by both; the opening to traffic that day is another
    # doing to the rules, so the gazette's sentence on it stays out.
    assert [g.ids for g in groups] == [["a-gazette:yesterday", "b-herald:wednesday-3-march-2021"]]
    assert groups[0].date == D.of_day(2021, 3, 3)


def test_a_group_led_by_an_open_interval_names_a_member_as_lead() -> None:
    """ "until 2019" in one source and "since 2019" in another meet in 2019, a date neither
    member has as such: the lead is the member naming it."""
    from timeline.dates import DateValue as DV
    from timeline.models import Candidate as C
    from timeline.models import Kind, Resolution

    def cand(source: str, ident: str, quote: str, phrase: str, value: str) -> C:
        start = quote.index(phrase)
        return C(ident, source, 1, start + 1, start, start + len(phrase), phrase, Kind.DATE,
                 DV.parse(value), Resolution.EXPLICIT, quote, quote, 0)  # fmt: skip

    found = [
        cand("a.txt", "a:2019", "Up until 2019, the Reds ran Brambleton council.", "2019",
             "../2019"),
        cand("b.txt", "b:2019", "Since 2019 the Blues have run Brambleton council.", "2019",
             "2019/.."),
    ]  # fmt: skip
    groups = propose_groups(found)
    assert [(g.date.edtf, g.lead, [m.id for m in g.members]) for g in groups] == [
        ("2019", "a:2019", ["a:2019", "b:2019"])
    ]
