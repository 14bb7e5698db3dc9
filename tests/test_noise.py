"""Date phrases that date no happening stay off the timeline, each with its reason."""

from __future__ import annotations

import pytest

from timeline.dates import DateValue
from timeline.events import candidates
from timeline.events.noise import REASONS
from timeline.models import Document
from timeline.tagger import tag

PUBLISHED = DateValue.parse("2024-03-15")


def reasons(text: str, published: DateValue | None = PUBLISHED) -> dict[str, str | None]:
    """Each dated phrase of ``text`` -> the reason it is kept off the timeline (or None)."""
    doc = Document(path="x.txt", text=text, published=published)
    return {c.text: c.reason for c in candidates(doc, tag(text, published), "x")}


# (text, phrase, reason): None means the phrase may date a happening.
CASES = [
    # headings and datelines
    ("1936\n\nThe rebels crossed the strait in July.", "1936", "heading"),
    ("## March 2024\n\nThe shop opened.", "March 2024", "heading"),
    ("LISBON, May 3 (Reuters) -- The central bank raised rates.", "May 3", "dateline"),
    ("Millbrook Gazette, 14 March 2024\n\nThe council met on Tuesday.", "14 March 2024",
     "dateline"),
    ("The council met on Tuesday 12 March 2024 to set the budget.", "Tuesday 12 March 2024",
     None),
    # names and titles that hold a date
    ("The Christmas Truce came in December 1914.", "Christmas", "name"),
    ("The 1954 Geneva Accords ended the war.", "1954", "name"),
    ("He founded a software firm called Horizon 2000 in Leeds.", "2000", "name"),
    ("The crew of the Apollo 11 mission landed in July 1969.", "July 1969", None),
    ("In 1921 the treaty was signed in London.", "1921", None),
    # comparisons and records
    ("Revenue rose to $4.1 million, up from $3.2 million a year ago.", "a year ago",
     "comparison"),
    ("Profit was $8 million, compared with $6 million in 2022.", "2022", "comparison"),
    ("In the year-ago quarter the firm lost money.", "the year-ago quarter", "comparison"),
    ("The flood was the worst since 1947, officials said.", "1947", "comparison"),
    ("It was the wettest summer since records began in 1910.", "1910", "comparison"),
    ("Rents rose faster than at any time since the mill closed in 1998.", "1998", None),
    ("The works finished two days later than planned.", "two days later", "comparison"),
    ("More than 300 people had been evacuated by Monday.", "Monday", None),
    ("Caseloads fell from 40 per worker when I joined a year ago.", "a year ago", None),
    ("Rallies have been held since early December, when the strike began.",
     "early December", None),
    # a work's year in brackets, but not a happening's
    ("Her first novel, Cold Harbour (2003), sold well.", "2003", "work"),
    ("The documentary ``Salt Roads'' (2011) was filmed here.", "2011", "work"),
    ("Troops fought at the Battle of Verdun (1916) for months.", "1916", None),
    ("A history of the siege, Carrow Besieged (1902), counts the dead.", "1902", "work"),
    # a year or more that times a state, not a happening
    ("A decade ago, the three states were still under Soviet rule.", "A decade ago", "state"),
    ("She lived in Rome until 1989.", "1989", "state"),
    ("The bridge was opened in 1989.", "1989", None),
    ("She was in Rome on 4 May 1989.", "4 May 1989", None),
    # a relative date quoted from a letter written at another time
    ("In a letter from 1951, she wrote: ``We leave on Sunday for the coast.''", "Sunday",
     "quotation"),
    ("``We will vote on Sunday,'' the chairman said.", "Sunday", None),
]


@pytest.mark.parametrize(("text", "phrase", "reason"), CASES, ids=[c[1] for c in CASES])
def test_reason(text: str, phrase: str, reason: str | None) -> None:
    found = reasons(text)
    assert phrase in found, found
    assert found[phrase] == reason


def test_every_reason_is_described() -> None:
    assert {reason for _, _, reason in CASES if reason} <= set(REASONS)


def test_an_aside_is_listed_by_extract_but_not_on_the_timeline() -> None:
    from timeline.curation import apply_curation

    text = "1936\n\nThe rebels crossed the strait on 5 August 1936."
    doc = Document(path="x.txt", text=text)
    found = candidates(doc, tag(text), "x")
    assert [(c.text, c.reason) for c in found] == [("1936", "heading"),
                                                   ("5 August 1936", None)]  # fmt: skip
    result = apply_curation(found, None)
    assert [e.sources[0].text for e in result.events] == ["5 August 1936"]
    assert [c.text for c in result.noise] == ["1936"]
