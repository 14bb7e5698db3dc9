"""Across documents: the same happening is the same actors doing the same thing.

Sentences of our own, one behaviour each: what links two reports, what keeps them apart, and
what makes two reports of one happening dated apart a contradiction.
"""

from __future__ import annotations

import pytest

from curation_corpus import make
from timeline.corroborate import Reader, TermIndex, find_mismatches, propose_groups
from timeline.corroborate.link import _candidate_pairs, _nodes
from timeline.dates import DateValue as D

DAY = D.of_day(2023, 5, 3)
#: Sentences enough that ordinary words are common and names rare.
FILLER = [
    f"The council said on item {n} that the people of the county would be told of the plan, "
    "and the president of the club agreed that the week had been a busy one for the town."
    for n in range(60)
]


def index(*quotes: str) -> TermIndex:
    """The documents' words: the filler and each sentence once."""
    return TermIndex.of_texts([*FILLER, *dict.fromkeys(quotes)])


def groups_of(cands: list, *quotes: str) -> list[list[str]]:
    found = propose_groups(cands, index=index(*(c.quote for c in cands), *quotes))
    return [g.ids for g in found]


def mismatches_of(cands: list, *quotes: str) -> list[tuple[str, str]]:
    found = find_mismatches(cands, index=index(*(c.quote for c in cands), *quotes))
    return [(m.a.id, m.b.id) for m in found]


# --------------------------------------------------------------------------- what links


def test_the_same_actor_and_action_in_other_words_is_one_happening() -> None:
    cands = [
        make("001:may", DAY, "Harcastle acquired Brindle Works on 3 May 2023.", text="3 May 2023"),
        make("002:wed", DAY, "Harcastle bought the Brindle Works mill on Wednesday.",
             text="Wednesday"),
    ]  # fmt: skip
    assert groups_of(cands) == [["001:may", "002:wed"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Orange County commissioners voted to close the library on 3 May 2023.",
                     "Polk County commissioners voted to close the library on 3 May 2023.",
                     id="county-is-no-name"),
        pytest.param("President Alvarez resigned from the board on 3 May 2023.",
                     "The club's president resigned from the board on 3 May 2023.",
                     id="a-title-is-no-name"),
        pytest.param("The school was rated good on 3 May 2023.",
                     "The school was rated good on 3 May 2023 by inspectors.",
                     id="no-name-at-all"),
        pytest.param("In composite trading on 3 May 2023, Alder shares fell 2%.",
                     "In composite trading on 3 May 2023, Birch shares fell 3%.",
                     id="other-actors"),
        pytest.param("Merrow Council met on 3 May 2023 to discuss the Kestrel dam.",
                     "Engineers inspected the Kestrel dam on 3 May 2023.",
                     id="a-place-is-no-actor"),
    ],
)  # fmt: skip
def test_shared_common_words_are_no_happening(first: str, second: str) -> None:
    cands = [make("001:may", DAY, first, text="3 May 2023"),
             make("002:may", DAY, second, text="3 May 2023")]  # fmt: skip
    assert groups_of(cands) == []


def test_a_date_before_a_noun_dates_that_noun() -> None:
    """ "the 3 May bombing" dates the bombing, not what was said of it the next day."""
    said = "Police said on Thursday that the 3 May bombing at Tarnby station was planned."
    cands = [
        make("001:may", DAY, said, text="3 May"),
        make("001:thu", D.of_day(2023, 5, 4), said, text="Thursday"),
        make("002:may", DAY, "A bomb exploded at Tarnby station on 3 May 2023.",
             text="3 May 2023"),
        make("003:thu", D.of_day(2023, 5, 4), "Tarnby station reopened on Thursday after "
             "the bombing.", text="Thursday"),
    ]  # fmt: skip
    assert groups_of(cands) == [["001:may", "002:may"]]


def test_a_clause_after_when_is_the_happening_the_year_dates() -> None:
    cands = [
        make("001:1968", D.of_year(1968), "Kavan lived in London from 1968, when Brelian "
             "troops invaded Ostravia.", text="1968"),
        make("002:1968", D.of_year(1968), "Brelian troops invaded Ostravia in 1968.",
             text="1968"),
    ]  # fmt: skip
    assert groups_of(cands) == [["001:1968", "002:1968"]]


def test_each_date_of_a_list_keeps_its_own_names() -> None:
    items = "Ardena and Belmark in 1952, Corvia in 1955 and Dalmin in 1982."
    one = f"The league grew to include {items}"
    two = f"The league grew three times, adding {items}"
    cands = [make(f"{n}:{y}", D.of_year(y), q, text=str(y), at=10 * n)
             for n, q in ((1, one), (2, two)) for y in (1952, 1955, 1982)]  # fmt: skip
    assert sorted(groups_of(cands)) == [["1:1952", "2:1952"], ["1:1955", "2:1955"],
                                        ["1:1982", "2:1982"]]  # fmt: skip
    assert mismatches_of(cands) == []  # Corvia in 1955 is not Ardena in 1952


def test_a_wide_date_joins_one_happening_not_several() -> None:
    """ "this month" fits two different happenings of one day in another source: it joins
    the one it tells, never both."""
    may = D.of_month(2023, 5)
    cands = [
        make("001:month", may, "The Kestrel dam talks collapsed this month.", text="this month"),
        make("002:fri", DAY, "The Kestrel dam talks collapsed on Friday.", text="Friday"),
        make("002:fri-2", DAY, "The Kestrel dam contractor sacked its engineers on Friday.",
             text="Friday", at=300),
    ]  # fmt: skip
    assert groups_of(cands) == [["001:month", "002:fri"]]


def test_two_single_days_join_only_when_linked_to_each_other() -> None:
    week = D.week_containing(DAY.earliest)  # type: ignore[arg-type]
    cands = [
        make("001:week", week, "Floods hit Tarnby and Vell this week.", text="this week"),
        make("002:mon", D.of_day(2023, 5, 1), "Floods hit Tarnby on Monday.", text="Monday"),
        make("003:thu", D.of_day(2023, 5, 4), "Floods hit Vell on Thursday.", text="Thursday"),
    ]  # fmt: skip
    (group,) = groups_of(cands)
    assert not {"002:mon", "003:thu"} <= set(group)


def test_a_copied_sentence_is_one_happening_but_a_copied_dateline_is_none() -> None:
    story = "Harcastle acquired Brindle Works on 3 May 2023."
    cands = [make(f"00{n}:may", DAY, story, text="3 May 2023") for n in range(3)]
    cands += [make(f"00{n}:dateline", DAY, "TARNBY, Ardenia, 3 May 2023 (Herald) --",
                   text="3 May 2023", at=500)
              for n in range(3)]  # fmt: skip
    assert groups_of(cands) == [["000:may", "001:may", "002:may"]]


def test_noise_and_one_document_s_happenings_are_read_as_told() -> None:
    """A mention kept off the timeline for a reason joins nothing; the mentions one document
    groups as one happening stay together."""
    from dataclasses import replace

    first = make("001:may", DAY, "Harcastle acquired Brindle Works on 3 May 2023.",
                 text="3 May 2023")  # fmt: skip
    again = replace(make("001:wed", DAY, "The deal was signed on Wednesday.", text="Wednesday",
                         at=200), happening="001:may")  # fmt: skip
    other = make("002:wed", DAY, "Harcastle bought the Brindle Works mill on Wednesday.",
                 text="Wednesday")  # fmt: skip
    assert groups_of([replace(first, happening="001:may"), again, other]) == [
        ["001:may", "001:wed", "002:wed"]
    ]
    assert groups_of([replace(first, reason="heading"), other]) == []


# --------------------------------------------------------------------------- contradictions


def test_a_contradiction_is_one_actor_doing_one_thing_dated_apart() -> None:
    cands = [
        make("001:oct", D.of_month(1998, 10), "Three doctors were killed, most recently last "
             "October when Dr. Corin Maddox was shot by a sniper.", text="last October"),
        make("002:1999", D.of_day(1999, 10, 23), "Maddox was killed by a sniper on "
             "Oct. 23, 1999.", text="Oct. 23, 1999"),
    ]  # fmt: skip
    assert mismatches_of(cands) == [("001:oct", "002:1999")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("The Axis launched an offensive in the Caucasus in June 1942.",
                     "He launched an offensive in the Caucasus in December 1914.",
                     id="no-one-actor"),
        pytest.param("The Ardenian army launched an offensive near Basra in June 1942.",
                     "An Ardenian aircraft launched an attack near Basra in December 1914.",
                     id="a-people-is-no-actor"),
        pytest.param("Mayor Okafor vowed on 3 May 2023 to rebuild the Tarnby bridge.",
                     "Mayor Okafor vowed on 9 June 2023 to rebuild the Tarnby bridge.",
                     id="said-again"),
        pytest.param("Mayor Okafor met the Tarnby bridge engineers on 3 May 2023.",
                     "Mayor Okafor met the Tarnby bridge engineers on 9 June 2023.",
                     id="met-again"),
        pytest.param("Okafor said on 3 May 2023 that the Tarnby bridge had reopened.",
                     "Okafor said on 9 June 2023 that the Tarnby bridge had reopened.",
                     id="what-was-said-is-not-dated"),
    ],
)  # fmt: skip
def test_no_contradiction_without_one_actor_doing_one_thing(first: str, second: str) -> None:
    def phrase(quote: str) -> str:
        return next(p for p in ("June 1942", "December 1914", "3 May 2023", "9 June 2023")
                    if p in quote)  # fmt: skip

    dates = {"June 1942": D.of_month(1942, 6), "December 1914": D.of_month(1914, 12),
             "3 May 2023": DAY, "9 June 2023": D.of_day(2023, 6, 9)}  # fmt: skip
    cands = [make("001:a", dates[phrase(first)], first, text=phrase(first)),
             make("002:b", dates[phrase(second)], second, text=phrase(second))]  # fmt: skip
    assert mismatches_of(cands, "Its capital is in Ardenia.") == []


def test_what_one_source_tells_at_several_dates_recurs() -> None:
    cands = [
        make("001:1982", D.of_year(1982), "Ardenia shelled Basra in 1982.", text="1982"),
        make("001:1986", D.of_year(1986), "Ardenia shelled Basra again in 1986.", text="1986",
             at=100),
        make("002:1984", D.of_year(1984), "Ardenia shelled Basra in 1984.", text="1984"),
    ]  # fmt: skip
    assert mismatches_of(cands) == []


def test_a_loose_date_does_not_contradict_a_day_near_it() -> None:
    cands = [
        make("001:early", D.parse("1999-03").with_qualifier("early"), "Ardenia will join the "
             "Northern League in early March.", text="early March"),
        make("002:fri", D.of_day(1999, 3, 12), "Ardenia joined the Northern League on "
             "Friday.", text="Friday"),
    ]  # fmt: skip
    assert mismatches_of(cands) == []


# --------------------------------------------------------------------------- reading names


@pytest.mark.parametrize(
    ("one", "two", "shared"),
    [
        ("NATO admitted Ardenia on 3 May 2023.",
         "The North Atlantic Treaty Organization admitted Ardenia on 3 May 2023.", "nato"),
        ("On 3 May 2023, Kenyan police arrested the driver.",
         "Police in Kenya arrested the driver on 3 May 2023.", "kenya"),
        ("Dr. Corin Maddox was shot on 3 May 2023.", "Maddox was shot on 3 May 2023.",
         "maddox"),
    ],
)  # fmt: skip
def test_one_name_written_two_ways(one: str, two: str, shared: str) -> None:
    reader = Reader(index(one, two, "Kenya is far. Maddox is here. Ardenia is there."))
    span = lambda q: (q.index("3 May 2023"), q.index("3 May 2023") + 10)  # noqa: E731
    a, b = reader.signature(one, span(one)), reader.signature(two, span(two))
    assert shared in a.shared_names(b)


def test_compass_points_make_other_places() -> None:
    reader = Reader(index())
    one = "Bombs hit South Africa on 3 May 2023."
    two = "Bombs hit East Africa on 3 May 2023."
    span = lambda q: (q.index("3 May 2023"), q.index("3 May 2023") + 10)  # noqa: E731
    assert reader.signature(one, span(one)).shared_names(reader.signature(two, span(two))) == {}


def test_signatures_hold_equal_sets_and_mappings_once() -> None:
    reader = Reader(index())
    one = "Ardenia bombed Corinth on 3 May 2023."
    two = "Ardenia bombed Corinth on 4 May 2023."
    a = reader.signature(one, (one.index("3 May"), one.index("3 May") + 10))
    b = reader.signature(two, (two.index("4 May"), two.index("4 May") + 10))
    assert a.names == b.names and a.names is b.names
    assert a.actions is b.actions and a.subject is b.subject
    assert not a.events and a.events is b.events is a.told  # one empty set for all
    # Equal in content but not in order: kept apart, so that nothing read can change.
    first = reader._map({"ardenia": 1.0, "corinth": 2.0})
    assert reader._map({"ardenia": 1.0, "corinth": 2.0}) is first
    assert reader._map({"corinth": 2.0, "ardenia": 1.0}) is not first


# --------------------------------------------------------------------------- the index


def test_only_candidates_sharing_a_name_are_compared() -> None:
    """Two thousand sentences with names of their own: no pair is even looked at; a
    thousand copies of one sentence are one node."""

    def name(n: int) -> str:
        return "".join("bcdfghjklm"[int(d)] for d in f"{n:04d}").capitalize()

    cands = [make(f"{n:04d}:may", DAY, f"{name(n)}ax acquired {name(n)}ey on 3 May 2023.",
                  text="3 May 2023") for n in range(2000)]  # fmt: skip
    cands += [make(f"c{n:03d}:may", DAY, "Harcastle acquired Brindle Works on 3 May 2023.",
                   text="3 May 2023") for n in range(1000)]  # fmt: skip
    found = index(*(c.quote for c in cands[:5]))
    nodes = _nodes(cands, lambda c: True, lambda c: c.date, Reader(found))
    assert len(nodes) == 2001
    assert list(_candidate_pairs(nodes)) == []
    (group,) = propose_groups(cands, index=found)
    assert len(group.members) == 1000
