"""An anachronism stays one when the curator has settled the event's date: a source published
before the happening it reports as past is still wrong, whatever the date is."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from curation_corpus import curation, make
from timeline.checks import anachronisms
from timeline.cli import app
from timeline.dates import DateValue as D
from timeline.models import Document, Resolution

MARCH = {"docs/004.txt": Document("docs/004.txt", "", D.of_month(2023, 3), "curation")}
SOURCE = "sources:\n  docs/004.txt:\n    published: 2023-03\n"
CLOSED = make("004:june-2023", D.of_month(2023, 6), "The bridge closed in June 2023.")
REOPENED = make("004:yesterday", D.of_day(2023, 2, 28), "It reopened yesterday.",
                text="yesterday", resolved_by=Resolution.PUBLISHED, at=100)  # fmt: skip


@pytest.mark.parametrize(
    ("events", "flagged"),
    [
        ("", ["004:june-2023"]),
        ("events:\n  004:june-2023:\n    title: Closed\n    tags: [x]\n", ["004:june-2023"]),
        ("events:\n  004:june-2023:\n    date: 2023-07\n", ["004:june-2023"]),
        ("events:\n  004:june-2023:\n    date: 2023-02\n", []),  # the curator's date fits
        ("events:\n  004:june-2023:\n    drop: true\n", []),
        # a date counted from the publication date is no anachronism, unless the curator
        # gives its event a date after that publication
        ("events:\n  004:yesterday:\n    title: Reopened\n", ["004:june-2023"]),
        ("events:\n  004:yesterday:\n    date: 2023-04-02\n", ["004:june-2023", "004:yesterday"]),
        # merged into an entry the curator dated: that date is the one checked
        ("events:\n  004:yesterday:\n    date: 2023-05\n    merge: [004:june-2023]\n",
         ["004:june-2023", "004:yesterday"]),
        ("events:\n  004:yesterday:\n    date: 2023-01\n    merge: [004:june-2023]\n", []),
    ],
)  # fmt: skip
def test_a_settled_date_is_checked_against_the_publication(events: str, flagged: list) -> None:
    found = anachronisms([CLOSED, REOPENED], MARCH, curation(SOURCE + events))
    assert [p.subject for p in found] == flagged


def test_the_message_says_which_date_and_ends_its_sentence() -> None:
    (read,) = anachronisms([CLOSED], MARCH, curation(SOURCE))
    assert read.message == (
        "docs/004.txt is dated March 2023 (from events.yaml line 2), but it reports 'June 2023' "
        "(June 2023) as past: either the publication date or that date is wrong"
    )
    given = SOURCE + "events:\n  004:june-2023:\n    title: T\n    date: July 2023\n"
    (settled,) = anachronisms([CLOSED], MARCH, curation(given))
    assert "'June 2023' (July 2023, the date events.yaml gives it at line 7) as past" in (
        settled.message
    )


def test_check_fails_on_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/001_a.txt").write_text("The bridge closed in June 2023.\n", "utf-8")
    (tmp_path / "events.yaml").write_text(
        "documents: docs/\nsources:\n  docs/001_a.txt:\n    published: 2023-03\n"
        "events:\n  001:june-2023:\n    date: 2023-06-05\n    title: The bridge closes\n",
        "utf-8",
    )
    result = CliRunner().invoke(app, ["check", "-c", "events.yaml"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "[anachronism]" in result.stderr and "that date is wrong" in result.stderr
