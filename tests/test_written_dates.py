"""Dates in the curated file written as in a text: read as the tagger reads them, or refused
with a message when they could be read two ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.curation import CurationError, parse_curation
from timeline.curation.written import parse_written
from timeline.dates import DateError
from timeline.tagger import tag

#: (written, EDTF): each is also read so by the tagger in running text.
AS_THE_TAGGER = [
    ("3 March 2023", "2023-03-03"),
    ("3rd March 2023", "2023-03-03"),
    ("the 3rd of March 2023", "2023-03-03"),
    ("March 3, 2023", "2023-03-03"),
    ("March 3rd, 2023", "2023-03-03"),
    ("Mar. 3, 2023", "2023-03-03"),
    ("Monday 6 March 2023", "2023-03-06"),
    ("Monday, March 6, 2023", "2023-03-06"),
    ("June 2018", "2018-06"),
    ("Sept. 2018", "2018-09"),
    ("spring 2022", "2022-21"),
    ("the summer of 2019", "2019-22"),
    ("17 August 480 BC", "-0479-08-17"),
    ("25/12/2022", "2022-12-25"),
    ("25.12.2022", "2022-12-25"),
]
#: Forms the curated file adds around them: qualifiers, intervals, EDTF.
OTHERS = [
    ("late June 2023", "2023-06", "late June 2023"),
    ("mid-June 2023", "2023-06", "mid-June 2023"),
    ("before May 2019", "2019-05", "before May 2019"),
    ("circa June 2018", "2018-06~", "about June 2018"),
    ("3 March 2023/June 2023", "2023-03-03/2023-06", "3 March 2023 – June 2023"),
    ("June 480 BC", "-0479-06", "June 480 BC"),
    ("AD 476", "0476", "476"),
    ("03/03/2023", "2023-03-03", "3 March 2023"),
    ("2022-05-16", "2022-05-16", "16 May 2022"),
    ("late 2022", "2022", "late 2022"),
]


@pytest.mark.parametrize(("written", "edtf"), AS_THE_TAGGER)
def test_read_as_the_tagger_reads_it(written: str, edtf: str) -> None:
    assert parse_written(written).edtf == edtf
    sentence = f"The bridge closed on {written} after a vote."
    found = [m for m in tag(sentence) if m.text.lower().strip(",") in written.lower()]
    assert [m.value.edtf for m in found if m.value] == [edtf]


@pytest.mark.parametrize(("written", "edtf", "shown"), OTHERS)
def test_qualifiers_intervals_and_edtf(written: str, edtf: str, shown: str) -> None:
    value = parse_written(written)
    assert (value.edtf, value.display()) == (edtf, shown)


REFUSED = [
    ("01/03/2023", "could be 1 March 2023 or 3 January 2023: write 2023-03-01 or 2023-01-03"),
    ("25/12/22", "write the year in full ('22' could be of any century)"),
    ("Friday 6 March 2023", "6 March 2023 was a Monday, not a Friday"),
    ("30 February 2023", "February has no day 30"),
    ("June 18", "has no year"),
    ("next spring", "'next spring' is not a date; write it as EDTF"),
    ("3 Marchh 2023", "is not a date"),
    ("2023-13", "month 13 does not exist"),
]


@pytest.mark.parametrize(("written", "message"), REFUSED)
def test_what_could_be_read_two_ways_is_refused(written: str, message: str) -> None:
    with pytest.raises(DateError) as info:
        parse_written(written)
    assert message in str(info.value)


def test_the_source_says_how_to_read_numeric_dates() -> None:
    assert parse_written("01/03/2023", day_first=True).edtf == "2023-03-01"
    assert parse_written("01/03/2023", day_first=False).edtf == "2023-01-03"


NUMERIC = """\
sources:
  docs/001_us.txt:
    numeric-dates: month-first
    published: 01/03/2023
  docs/002_uk.txt:
    published: 01/03/2023
    numeric-dates: day-first
events:
  001:x:
    date: 02/03/2023
  002:y:
    date: 02/03/2023
add:
  vote:
    date: 04/05/2023
    title: A vote
    source: docs/001_us.txt
"""


def test_numeric_dates_follow_the_source_they_concern() -> None:
    curation = parse_curation(NUMERIC)
    assert curation.sources["docs/001_us.txt"].published.edtf == "2023-01-03"
    assert curation.sources["docs/002_uk.txt"].published.edtf == "2023-03-01"
    assert curation.corrections["001:x"].date.edtf == "2023-02-03"
    assert curation.corrections["002:y"].date.edtf == "2023-03-02"
    assert curation.added["vote"].date.edtf == "2023-04-05"


def test_an_ambiguous_date_in_the_file_points_at_it() -> None:
    with pytest.raises(CurationError) as info:
        parse_curation("events:\n  003:z:\n    date: '01/03/2023'\n")
    error = info.value
    assert (error.line, error.column) == (3, 12)
    assert "could be 1 March 2023 or 3 January 2023" in error.message
    assert "numeric-dates: day-first" in error.message


def test_the_readings_are_kept_with_their_place() -> None:
    curation = parse_curation("events:\n  001:a:\n    date: 3 March 2023\n  001:b:\n"
                              "    date: 2023-03\n")  # fmt: skip
    assert [(r.text, r.value.edtf, r.line, r.column) for r in curation.readings] == [
        ("3 March 2023", "2023-03-03", 3, 11)
    ]


def test_check_shows_each_reading_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/001_a.txt").write_text("The bridge closed in March 2023.\n", "utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data/events.yaml").write_text(
        "documents: docs/\nevents:\n  001:march-2023:\n    date: March 3, 2023\n", "utf-8"
    )
    result = CliRunner().invoke(app, ["check"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert (
        "data/events.yaml:4:11: note: 'March 3, 2023' is read as 2023-03-03 (3 March 2023)"
        in result.stderr
    )
    shown = CliRunner().invoke(app, ["show", "--from", "3 March 2023", "--to", "March 2023"])
    assert shown.exit_code == 0 and "3 March 2023" in shown.stdout
