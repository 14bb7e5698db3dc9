"""Checks: each finding on small corpora written for it, with file, line, level and code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curation_corpus import build_corpus, corpus, curation, make  # noqa: F401
from timeline.checks import (
    anachronisms,
    format_report,
    problems_to_json,
    run_checks,
    summary_line,
    uncurated_problems,
    unresolved,
    unsourced,
    weekdays,
)
from timeline.dates import DateValue as D
from timeline.models import Document, Event, Resolution


def doc(path: str, published: D | None, origin: str | None = "curation") -> Document:
    return Document(path, "", published, origin if published else None)


@pytest.mark.parametrize(
    ("quote", "text", "value", "expected"),
    [
        ("The council met on Monday 17 May 2022.", "Monday 17 May 2022", D.of_day(2022, 5, 17),
         "'Monday 17 May 2022': 17 May 2022 was a Tuesday, not a Monday"),
        ("It met on Tuesday 17 May 2022.", "Tuesday 17 May 2022", D.of_day(2022, 5, 17), None),
        ("It met on Sat. 21 May 2022.", "Sat. 21 May 2022", D.of_day(2022, 5, 21), None),
        ("It met on Fri 21 May 2022.", "Fri 21 May 2022", D.of_day(2022, 5, 21),
         "'Fri 21 May 2022': 21 May 2022 was a Saturday, not a Friday"),
        ("It met on Monday 16 May.", "Monday 16 May", D.partial(5, 16), None),  # no year
        ("It met in May 2022.", "May 2022", D.of_month(2022, 5), None),
    ],
)  # fmt: skip
def test_weekday(quote: str, text: str, value: D, expected: str | None) -> None:
    found = weekdays([make("001:x", value, quote, text=text)])
    assert [p.message.split(";")[0] for p in found] == ([expected] if expected else [])
    assert all((p.level, p.code, p.path, p.subject) == ("error", "weekday", "docs/001.txt",
                                                         "001:x") for p in found)  # fmt: skip


def test_weekday_is_settled_by_a_curated_date() -> None:
    c = make(
        "001:x", D.of_day(2022, 5, 17), "Met on Monday 17 May 2022.", text="Monday 17 May 2022"
    )
    assert weekdays([c], curation("events:\n  001:x:\n    date: 2022-05-16\n")) == []
    assert len(weekdays([c], curation("events:\n  001:x:\n    title: T\n"))) == 1


SPRING_2022 = {"docs/004.txt": doc("docs/004.txt", D.of_season(2022, "spring"))}


@pytest.mark.parametrize(
    ("quote", "value", "resolved_by", "flagged"),
    [
        ("By September 2022 Ofsted judged them inadequate.", D.of_month(2022, 9),
         Resolution.EXPLICIT, True),
        ("The report was published on 1 March 2023.", D.of_day(2023, 3, 1), Resolution.EXPLICIT,
         True),
        ("The inspection will be in September 2022.", D.of_month(2022, 9), Resolution.EXPLICIT,
         False),  # looking ahead
        ("A vote is expected in September 2022.", D.of_month(2022, 9), Resolution.EXPLICIT, False),
        ("We plan to open in September 2022.", D.of_month(2022, 9), Resolution.EXPLICIT, False),
        ("It was rated in June 2018.", D.of_month(2018, 6), Resolution.EXPLICIT, False),
        ("It closed in spring 2022.", D.of_season(2022, "spring"), Resolution.EXPLICIT, False),
        ("It happened next month.", D.of_month(2022, 6), Resolution.PUBLISHED, False),
    ],
)  # fmt: skip
def test_anachronism(quote: str, value: D, resolved_by: Resolution, flagged: bool) -> None:
    c = make("004:x", value, quote, resolved_by=resolved_by,
             text=next(t for t in (value.display(), "September 2022", "1 March 2023",
                                   "next month") if t in quote))  # fmt: skip
    dated = curation("sources:\n  docs/004.txt:\n    published: 2022-21\n")
    found = anachronisms([c], SPRING_2022, dated)
    assert bool(found) is flagged
    if flagged:
        assert (found[0].level, found[0].code) == ("error", "anachronism")
        assert "dated spring 2022 (from events.yaml line 2)" in found[0].message


@pytest.mark.parametrize(
    ("quote", "phrase", "flagged"),
    [
        ("The port aims to double its traffic by 2030.", "2030", False),
        ("The council's goal is a city without cars by 2030.", "2030", False),
        ("Unemployment could halve by 2030, the minister said.", "2030", False),
        ("The population is projected to reach ten million by 2030.", "2030", False),
        ("The bonds are redeemable after 2031.", "2031", False),
        ("The approach of the year 2030 has planners in a frenzy.", "2030", False),
        ("Her promise to halve waiting lists by 2030 has been dropped.", "2030", False),
        ("The population reached ten million in 2030.", "2030", True),
        ("In 2030 the port doubled its traffic.", "2030", True),
    ],
)  # fmt: skip
def test_a_forecast_or_a_plan_is_no_anachronism(quote: str, phrase: str, flagged: bool) -> None:
    c = make("004:x", D.of_year(int(phrase)), quote, text=phrase)
    dated = curation("sources:\n  docs/004.txt:\n    published: 2022-21\n")
    assert bool(anachronisms([c], SPRING_2022, dated)) is flagged


def test_unresolved_only_without_a_publication_date() -> None:
    last_week = make("009:last-week", None, "The ferry stopped last week.", text="last week",
                     resolved_by=Resolution.UNRESOLVED)  # fmt: skip
    may_16 = make("009:may-16", D.partial(5, 16), "It aired on May 16.", text="May 16",
                  resolved_by=Resolution.UNRESOLVED, at=100)  # fmt: skip
    found = unresolved([last_week, may_16], {"docs/009.txt": doc("docs/009.txt", None)})
    assert [(p.subject, p.level, p.code) for p in found] == [
        ("009:last-week", "warning", "unresolved"),
        ("009:may-16", "warning", "unresolved"),
    ]
    assert "'May 16' has no year" in found[1].message
    dated = {"docs/009.txt": doc("docs/009.txt", D.of_day(2022, 5, 17))}
    assert unresolved([last_week], dated) == []
    dropped = curation("events:\n  009:last-week:\n    drop: true\n")
    assert unresolved([last_week], {}, dropped) == []


def test_uncurated_counts_per_source_or_lists_them() -> None:
    cands = [
        make(f"001:{n}", D.of_year(2000 + n), f"In {2000 + n} it was.", at=100 * n)
        for n in range(5)
    ] + [make("002:1", D.of_year(2001), "In 2001 it was.")]
    cur = curation("events:\n  001:0:\n    title: T\n")
    short = uncurated_problems(cands, cur)
    assert [(p.path, p.line, p.message) for p in short] == [
        ("docs/001.txt", 2, "4 candidate(s) not in the curated file yet: 001:1, 001:2, 001:3 "
         "and 1 more (see 'timeline review')"),
        ("docs/002.txt", 1, "1 candidate(s) not in the curated file yet: 002:1 "
         "(see 'timeline review')"),
    ]  # fmt: skip
    assert len(uncurated_problems(cands, cur, verbose=True)) == 5


def test_unsourced_events() -> None:
    events = [Event("a", D.of_year(2020), "A"), Event("b", D.of_year(2020), "B", note="told")]
    (problem,) = unsourced(events, curation(""))
    assert (problem.subject, problem.level, problem.code) == ("a", "error", "unsourced")


# --------------------------------------------------------------------------- the whole run


def test_every_check_on_the_fixture_corpus(corpus: Path) -> None:  # noqa: F811
    report = run_checks(build_corpus())
    found = {(p.code, p.level, p.path, p.line) for p in report.problems}
    assert ("weekday", "error", "docs/b_herald.txt", 5) in found
    assert ("anachronism", "error", "docs/c_newsletter.txt", 3) in found
    assert ("unresolved", "warning", "docs/d_notice.txt", 3) in found
    assert ("contradiction", "warning", "docs/a_gazette.txt", 3) in found
    assert {p.code for p in report.problems} == {
        "weekday",
        "anachronism",
        "unresolved",
        "contradiction",
        "uncurated",
    }
    assert report.exit_code == 1
    assert report.summary()["uncurated"] == 9


def test_settling_every_finding_leaves_warnings_only(corpus: Path) -> None:  # noqa: F811
    settled = """\
---
events:
  b-herald:monday-17-may-2022:
    date: 2022-05-17
  c-newsletter:march-2023:
    drop: true
    note: the newsletter's date is wrong; kept out until it is known
  a-gazette:3-march-2021:
    distinct: [b-herald:april-2021]
  a-gazette:yesterday:
    distinct: [b-herald:april-2021]
  d-notice:last-week:
    drop: true
"""
    report = run_checks(build_corpus(settled))
    assert report.errors == []
    assert {p.code for p in report.problems} == {"uncurated"}
    assert report.exit_code == 0


def test_stale_ids_and_declared_contradictions(corpus: Path) -> None:  # noqa: F811
    stale = (
        "---\nevents:\n  a-gazette:3-march-2022:\n    drop: true\n"
        "  a-gazette:june-2025:\n    merge: [b-herald:april-2021]\n"
    )
    report = run_checks(build_corpus(stale))
    by_code = {p.code: p for p in report.problems if p.path == "events.yaml"}
    assert by_code["stale-id"].line == 11
    assert "closest: 'a-gazette:3-march-2021'" in by_code["stale-id"].message
    assert (by_code["contradiction"].level, by_code["contradiction"].line) == ("error", 14)
    assert report.problems[0].path == "events.yaml"  # the curated file's problems come first


def test_text_and_json_reports(corpus: Path) -> None:  # noqa: F811
    report = run_checks(build_corpus())
    text = format_report(report)
    assert "docs/b_herald.txt:5:20: error: 'Monday 17 May 2022': " in text
    assert text.rstrip().endswith("not yet curated), 0 corrections, 8 events on the timeline")
    assert text.splitlines()[-1].startswith("2 error(s), ")
    assert text.splitlines()[-1] == summary_line(report)
    data = json.loads(problems_to_json(report.problems, report.summary()))
    assert data["summary"]["errors"] == 2
    weekday = next(p for p in data["problems"] if p["code"] == "weekday")
    assert weekday == {
        "path": "docs/b_herald.txt", "line": 5, "column": 20, "level": "error",
        "code": "weekday", "subject": "b-herald:monday-17-may-2022",
        "message": weekday["message"]}  # fmt: skip


def test_after_review_append_check_finds_nothing_left_to_curate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``review --append`` writes an entry for each happening; ``check`` then counts none as
    not yet curated: not an aside kept off the timeline (a comparison), nor the second
    mention of a happening already told."""
    from typer.testing import CliRunner

    from timeline.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    Path("docs").mkdir()
    Path("docs/a.txt").write_text(
        "The council approved the bridge budget on 4 March 2024. It was the largest budget "
        "since 1998. The council approved the budget on 4 March 2024 by one vote.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(app, ["init", "docs"]).exit_code == 0
    appended = runner.invoke(app, ["review", "--append"])
    assert appended.exit_code == 0, appended.output
    checked = runner.invoke(app, ["check"])
    assert "(0 not yet curated)" in checked.output, checked.output
    extracted = runner.invoke(app, ["extract", "--format", "json"])
    rows = json.loads(extracted.stdout)
    assert any(r["reason"] for r in rows) and any(r["happening"] != r["id"] for r in rows)
