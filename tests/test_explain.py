"""Explain: everything about one event, as data and as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from curation_corpus import build_corpus, corpus  # noqa: F401
from timeline.dates import DateValue as D
from timeline.explain import ExplainError, explain_timeline, format_explanation
from timeline.models import Resolution

CURATED = """\
---
events:
  a-gazette:3-march-2021:
    title: The Riverside Bridge opens
    tags: [bridge]
    merge: [a-gazette:yesterday]
  c-newsletter:march-2023:
    drop: true
"""


def test_a_merged_event_with_its_sources_and_corrections(corpus: Path) -> None:  # noqa: F811
    timeline = build_corpus(CURATED)
    e = explain_timeline(timeline, "a-gazette:3-march-2021")
    assert (e.status, e.title, e.date, e.tags) == (
        "on the timeline",
        "The Riverside Bridge opens",
        D.of_day(2021, 3, 3),
        ["bridge"],
    )
    assert [s.candidate for s in e.sources] == ["a-gazette:3-march-2021", "a-gazette:yesterday"]
    written, counted = e.sources
    assert (written.line, written.column, written.resolved_by) == (3, 43, Resolution.EXPLICIT)
    assert written.marked.plain() == "The Riverside Bridge opened to traffic on «3 March 2021»."
    assert (counted.resolved_by, counted.anchor) == (Resolution.PUBLISHED, D.of_day(2021, 3, 4))
    assert counted.anchor_from == "events.yaml line 3"
    assert [(a.line, a.key, a.value) for a in e.corrections] == [
        (3, "published", "4 March 2021"),
        (12, "title", "The Riverside Bridge opens"),
        (13, "tags", "bridge"),
        (14, "merge", "a-gazette:yesterday"),
    ]  # fmt: skip
    text = format_explanation(e)
    assert "«Yesterday» the mayor cut the ribbon" in text
    assert "counted from 4 March 2021, from events.yaml line 3" in text
    assert "line 14: merge: a-gazette:yesterday" in text
    assert (
        explain_timeline(timeline, "a-gazette:yesterday").status
        == "merged into a-gazette:3-march-2021"
    )


@pytest.mark.parametrize(
    ("ident", "status"),
    [("c-newsletter:march-2023", "dropped"),
     ("d-notice:last-week", "undated (not on the timeline)"),
     ("b-herald:april-2021", "on the timeline")],
)  # fmt: skip
def test_status_of_any_candidate(corpus: Path, ident: str, status: str) -> None:  # noqa: F811
    assert explain_timeline(build_corpus(CURATED), ident).status == status


def test_context_year_names_the_date_it_came_from(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from timeline.pipeline import build

    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.txt").write_text(
        "The plan was agreed in June 2018.\nWork began on 3 September.\n", encoding="utf-8"
    )
    timeline = build([Path("docs")])
    (ident,) = [c.id for c in timeline.extraction.candidates if c.text == "3 September"]
    (source,) = explain_timeline(timeline, ident).sources
    assert source.resolved_by is Resolution.CONTEXT
    assert source.anchor == D.of_month(2018, 6)
    assert source.anchor_from == "'June 2018', line 1 (x:june-2018)"


def test_unknown_id_suggests_the_closest(corpus: Path) -> None:  # noqa: F811
    with pytest.raises(ExplainError, match="closest: a-gazette:3-march-2021"):
        explain_timeline(build_corpus(), "a-gazette:3-march-2022")
