"""Every command through typer's test runner: stdout, stderr and exit codes checked apart."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import __version__
from timeline.cli import app

ROOT = Path(__file__).resolve().parent.parent

DOC_A = """City Gazette

In June 2018, the school was rated as needing improvement.
The new head arrived on 1 March 2023 and the board met again in late 2022.
Yesterday's meeting was stormy. It cost £22 million, see page 19.
"""
DOC_B = """The inspection in June 2018 found problems.
The school reopened on Monday 16 May 2022.
"""

CURATION = """\
# corrections
sources:
  docs/001_gazette.txt:
    title: City Gazette
    published: 2023-03-02
events:
  001:june-2018:
    title: School rated "requires improvement"
    tags: [inspection]
    merge: [002:june-2018]
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small folder like a user's: documents and a curated file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/001_gazette.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "docs/002_report.txt").write_text(DOC_B, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data/events.yaml").write_text(CURATION, encoding="utf-8")
    return tmp_path


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


# ----------------------------------------------------------------------------- basics
def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"timeline {__version__}"


@pytest.mark.parametrize(
    "command", ["show", "export", "extract", "check", "review", "explain", "cache path"]
)
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = invoke(runner, *command.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    if command != "cache path":
        assert "--curation" in result.stdout


def test_unknown_option_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "show", "--bogus")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


# ----------------------------------------------------------------------------- show
def test_show_on_a_folder_with_curation(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "show", "docs", "--no-color")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert 'School rated "requires improvement"' in out
    # chronological: 2018 before 2022 before 2023
    assert out.index("2018") < out.index("16 May 2022") < out.index("1 March 2023")
    # the merged event cites both sources
    assert "2 sources" in out
    assert result.stderr == ""


def test_show_without_a_curated_file_works_on_raw_candidates(
    runner: CliRunner, project: Path
) -> None:
    (project / "data/events.yaml").unlink()
    result = invoke(runner, "show", "docs", "--no-color")
    assert result.exit_code == 0
    assert "June 2018" in result.stdout
    assert "requires improvement" not in result.stdout
    # "yesterday" cannot be dated without a publication date, and the user is told
    assert "001:yesterday" in result.stderr


def test_published_option_dates_relative_mentions(runner: CliRunner, project: Path) -> None:
    (project / "data/events.yaml").unlink()
    result = invoke(runner, "extract", "docs", "--published", "2022-05-17")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    yesterday = next(r for r in rows if r["id"] == "001:yesterday")
    assert yesterday["date"] == "2022-05-16"
    assert yesterday["resolved_by"] == "published"


def test_stale_correction_is_a_warning_for_show(runner: CliRunner, project: Path) -> None:
    text = CURATION + "  001:june-2081:\n    title: typo in the id\n"
    (project / "data/events.yaml").write_text(text, encoding="utf-8")
    result = invoke(runner, "show", "docs", "--no-color")
    assert result.exit_code == 0
    assert re.search(r"data/events.yaml:11:3: warning: .*001:june-2081", result.stderr)
    assert "001:june-2018" in result.stderr  # the closest current id is suggested


def test_weekday_disagreement_is_a_warning_for_show(runner: CliRunner, project: Path) -> None:
    text = "Minutes\n\nThe board met on Monday 18 March 2022.\n"
    (project / "docs/003_minutes.txt").write_text(text, encoding="utf-8")
    result = invoke(runner, "show", "docs", "--no-color")
    assert result.exit_code == 0
    assert "18 March 2022" in result.stdout
    warning = (
        "docs/003_minutes.txt:3:18: warning: 'Monday 18 March 2022': 18 March 2022 was a Friday"
    )
    assert warning in result.stderr


# ----------------------------------------------------------------------------- export
def test_export_csv_parses_and_matches_show(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "export", "docs", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["date"] == "2018-06"
    assert rows[0]["title"] == 'School rated "requires improvement"'
    assert rows[0]["sources"] == "docs/001_gazette.txt; docs/002_report.txt"
    dates = [r["date"] for r in rows]
    assert "2022-05-16" in dates and "2023-03-01" in dates


def test_export_markdown_to_a_file(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "export", "docs", "-f", "markdown", "-o", "out.md", "--title", "Test")
    assert result.exit_code == 0
    assert result.stdout == ""
    text = (project / "out.md").read_text(encoding="utf-8")
    assert text.startswith("# Test")
    assert "## 2018" in text and "## 2023" in text


def test_export_json_has_every_event(runner: CliRunner, project: Path) -> None:
    shown = invoke(runner, "export", "docs", "-f", "csv").stdout
    data = json.loads(invoke(runner, "export", "docs", "-f", "json").stdout)
    assert len(data["events"]) == len(list(csv.DictReader(io.StringIO(shown))))


def test_export_refuses_to_overwrite_inputs(runner: CliRunner, project: Path) -> None:
    before = (project / "data/events.yaml").read_bytes()
    result = invoke(runner, "export", "docs", "-o", "data/events.yaml")
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.stderr
    assert (project / "data/events.yaml").read_bytes() == before
    result = invoke(runner, "export", "docs", "-o", "docs/002_report.txt")
    assert result.exit_code == 2
    assert (project / "docs/002_report.txt").read_text(encoding="utf-8") == DOC_B


# ----------------------------------------------------------------------------- extract
def test_extract_jsonl_fields(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "extract", "docs")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    first = rows[0]
    assert set(first) >= {"id", "source", "line", "start", "end", "text", "date", "earliest",
                          "latest", "precision", "resolved_by", "quote", "title"}  # fmt: skip
    for row in rows:
        source = (project / row["source"]).read_text(encoding="utf-8")
        assert source[row["start"] : row["end"]] == row["text"]
    june = next(r for r in rows if r["id"] == "001:june-2018")
    assert (june["line"], june["date"], june["precision"]) == (3, "2018-06", "month")
    assert june["quote"] == "In June 2018, the school was rated as needing improvement."
    # money and page numbers are never dates
    assert not any(re.search(r"\b(22|19)\b", r["text"]) for r in rows)
    # curated publication date resolves "Yesterday" in the gazette
    yesterday = next(r for r in rows if r["id"] == "001:yesterday")
    assert yesterday["date"] == "2023-03-01"


# ----------------------------------------------------------------------------- check
def test_check_warnings_alone_exit_0(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "check", "docs")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("0 error(s), 2 warning(s); 2 documents")
    assert "uncurated" in result.stderr
    assert invoke(runner, "check", "docs", "--strict").exit_code == 1


def test_check_json_for_scripts(runner: CliRunner, project: Path) -> None:
    text = CURATION + "  002:never:\n    drop: true\n"
    (project / "data/events.yaml").write_text(text, encoding="utf-8")
    result = invoke(runner, "check", "docs", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == ""
    report = json.loads(result.stdout)
    stale = [p for p in report["problems"] if p["code"] == "stale-id"]
    assert [(p["path"], p["line"], p["level"]) for p in stale] == [
        ("data/events.yaml", 11, "error")
    ]


def test_check_reports_stale_ids_with_line(runner: CliRunner, project: Path) -> None:
    text = CURATION + "  002:never:\n    drop: true\n"
    (project / "data/events.yaml").write_text(text, encoding="utf-8")
    result = invoke(runner, "check", "docs")
    assert result.exit_code == 1
    assert re.search(r"data/events.yaml:11:3: error: .*'002:never'", result.stderr)


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        ("events:\n  001:june-2018:\n    titel: x\n", 3, "did you mean 'title'"),
        ("events:\n  001:june-2018:\n    date: 2023-02-30\n", 3, "February has no day 30"),
        ("events:\n  a: {}\n  a: {}\n", 3, "duplicate"),
        ("events:\n  - [unclosed\n", 3, ""),
    ],
)
def test_bad_curation_exits_2_with_file_and_line(
    runner: CliRunner, project: Path, yaml_text: str, line: int, message: str
) -> None:
    (project / "data/events.yaml").write_text(yaml_text, encoding="utf-8")
    for command in ("show", "check", "export", "extract"):
        result = invoke(runner, command, "docs")
        assert result.exit_code == 2, (command, result.stdout)
        assert re.search(rf"data/events.yaml:{line}:\d+: .*{re.escape(message)}", result.stderr)
        assert "Traceback" not in result.stderr


def test_missing_explicit_curation_file(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "show", "docs", "--curation", "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr


def test_bad_published_option(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "show", "docs", "--published", "2022-13-45")
    assert result.exit_code == 2
    assert "--published" in result.stderr


def test_missing_document_path(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "show", "nowhere")
    assert result.exit_code == 2
    assert "nowhere: no such file or folder" in result.stderr


def test_binary_file_is_skipped_with_exit_1(runner: CliRunner, project: Path) -> None:
    (project / "docs/003_blob.txt").write_bytes(b"\x00\x01binary")
    result = invoke(runner, "show", "docs", "--no-color")
    assert result.exit_code == 1
    assert "docs/003_blob.txt: skipped: binary file" in result.stderr
    assert "June 2018" in result.stdout


# ----------------------------------------------------------------------------- the seeds
@pytest.fixture
def seeds(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    return ROOT


def test_seed_timeline_tells_the_story(runner: CliRunner, seeds: Path) -> None:
    result = invoke(runner, "export", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_date = {}
    for row in rows:
        by_date.setdefault(row["date"], []).append(row)
    assert "2011" in by_date
    assert "2018-06" in by_date
    assert "2022-09" in by_date
    assert "2023-03-01" in by_date
    # the programme: one event citing every source that mentions it, however worded
    same_day = sorted(by_date["2022-05-16"], key=lambda r: len(r["lines"].split("; ")))
    programme = same_day[-1]
    assert "Panorama" in programme["title"]
    assert {Path(p).name[:3] for p in programme["sources"].split("; ")} == {"000", "001", "003"}
    for other in same_day[:-1]:
        assert "000" not in other["sources"] and "003" not in other["sources"]
    starts = [r["start"] or r["end"] for r in rows]
    assert starts == sorted(starts)


def test_seed_outputs_agree(runner: CliRunner, seeds: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke(runner, "export", "-f", "csv").stdout)))
    markdown = invoke(runner, "export", "-f", "markdown").stdout
    shown = invoke(runner, "show", "--no-color").stdout
    for row in rows:
        assert row["display"] in markdown
        assert row["display"] in shown


def test_seed_curation_is_clean(runner: CliRunner, seeds: Path) -> None:
    result = invoke(runner, "check")
    assert result.exit_code == 0, result.stderr


# ----------------------------------------------------------------------------- outputs
@pytest.mark.parametrize(
    ("args", "kept", "left_out"),
    [
        (["--from", "2020"], ["16 May 2022", "1 March 2023"], ["June 2018"]),
        (["--to", "2018"], ["June 2018"], ["16 May 2022", "1 March 2023"]),
        (["--source", "*002_*"], ["June 2018", "16 May 2022"], ["1 March 2023"]),
        (["--tag", "inspection"], ["June 2018"], ["16 May 2022", "1 March 2023"]),
        (["--search", "REOPENED"], ["16 May 2022"], ["June 2018", "1 March 2023"]),
    ],
)
def test_filters_apply_to_show_and_export(
    runner: CliRunner, project: Path, args: list[str], kept: list[str], left_out: list[str]
) -> None:
    for command in (["show", "--no-color"], ["export", "-f", "markdown"]):
        result = invoke(runner, *command, "docs", *args)
        assert result.exit_code == 0, result.stderr
        for text in kept:
            assert text in result.stdout
        for text in left_out:
            assert text not in result.stdout


def test_filter_with_a_bad_date_is_a_usage_error(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "export", "docs", "--to", "2018-02-30")
    assert result.exit_code == 2
    assert "--to '2018-02-30'" in result.stderr and "February has no day 30" in result.stderr


def test_export_every_format(runner: CliRunner, project: Path) -> None:
    html = invoke(runner, "export", "docs", "-f", "html", "--title", "School").stdout
    assert html.startswith("<!DOCTYPE html>") and "<title>School</title>" in html
    assert html.index("June 2018") < html.index("1 March 2023")
    tl = json.loads(invoke(runner, "export", "docs", "-f", "timelinejs").stdout)
    assert tl["events"][0]["start_date"] == {"year": 2018, "month": 6}
    mermaid = invoke(runner, "export", "docs", "-f", "mermaid").stdout
    assert mermaid.startswith("timeline")
    fenced = invoke(runner, "export", "docs", "-f", "markdown", "--mermaid").stdout
    assert "```mermaid\ntimeline" in fenced
    excel = invoke(runner, "export", "docs", "-f", "csv", "--excel").stdout
    assert excel.startswith("\ufeffdate,")


def test_show_group_by_month(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "show", "docs", "--no-color", "--group-by", "month")
    headings = [line for line in result.stdout.splitlines() if line and not line[0].isspace()]
    assert "June 2018" in headings and "May 2022" in headings


# ----------------------------------------------------------------------------- review, explain
def test_review_lists_uncurated_candidates_as_yaml(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "review", "docs")
    assert result.exit_code == 0
    assert "4 candidate(s) not yet curated in 2 source(s)" in result.stderr
    stubs = result.stdout
    assert stubs.startswith("---") or "events:" in stubs
    assert "001:late-2022:" in stubs and "001:june-2018:" not in stubs


def test_review_builds_no_timeline(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A review needs the candidates only: the events of a timeline are never made (on a large
    # collection they take about as much memory as the candidates).
    import timeline.pipeline

    def no_events(*args: object, **kwargs: object) -> None:
        raise AssertionError("the curated file was applied")

    monkeypatch.setattr(timeline.pipeline, "apply_curation", no_events)
    result = invoke(runner, "review", "docs")
    assert result.exit_code == 0, result.stderr
    assert "001:late-2022:" in result.stdout
    with pytest.raises(AssertionError, match="applied"):
        invoke(runner, "show", "docs")  # which does apply it


def test_review_append_keeps_every_byte_and_loads(runner: CliRunner, project: Path) -> None:
    path = project / "data/events.yaml"
    before = path.read_bytes()
    result = invoke(runner, "review", "docs", "--append")
    assert result.exit_code == 0, result.stderr
    after = path.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert (project / "data/events.yaml.bak").read_bytes() == before
    assert invoke(runner, "check", "docs").exit_code == 0
    again = invoke(runner, "review", "docs")
    assert "0 candidate(s) not yet curated" in again.stderr


def test_explain_an_event(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "explain", "001:june-2018", "docs")
    assert result.exit_code == 0, result.stderr
    assert "docs/002_report.txt" in result.stdout and "line 3" in result.stdout
    data = json.loads(invoke(runner, "explain", "001:june-2018", "docs", "-f", "json").stdout)
    assert data["id"] == "001:june-2018"


def test_explain_unknown_id_suggests(runner: CliRunner, project: Path) -> None:
    result = invoke(runner, "explain", "001:june-2019", "docs")
    assert result.exit_code == 2
    assert "001:june-2018" in result.stderr


# ----------------------------------------------------------------------------- reading options
def test_extract_all_kinds(runner: CliRunner, project: Path) -> None:
    (project / "docs/003_plan.txt").write_text(
        "The three-year plan began in 2021 and staff meet every day.", encoding="utf-8"
    )
    rows = [
        json.loads(x)
        for x in invoke(runner, "extract", "docs/003_plan.txt", "--all").stdout.splitlines()
    ]
    assert [(r["text"], r["kind"], r["date"], r["value"]) for r in rows] == [
        ("three-year", "duration", None, "P3Y"),
        ("2021", "date", "2021", None),
        ("every day", "set", None, "P1D"),
    ]
    dated = [
        json.loads(x) for x in invoke(runner, "extract", "docs/003_plan.txt").stdout.splitlines()
    ]
    assert [r["id"] for r in dated] == ["003:2021"]


def test_include_exclude_and_jobs(runner: CliRunner, project: Path) -> None:
    only = invoke(runner, "extract", "docs", "--include", "002_*", "--jobs", "2", "--no-cache")
    assert {json.loads(x)["source"] for x in only.stdout.splitlines()} == {"docs/002_report.txt"}
    rest = invoke(runner, "extract", "docs", "--exclude", "002_*")
    assert {json.loads(x)["source"] for x in rest.stdout.splitlines()} == {"docs/001_gazette.txt"}


def test_merge_groups_sources_before_curation(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no curated file here
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "001_a.txt").write_text(
        "The school reopened on Monday 16 May 2022 after the Hartley inspection.\n"
    )
    (docs / "002_b.txt").write_text("Yesterday the Hartley school reopened, parents said.\n")
    args = ["export", str(docs), "-f", "csv", "--published", "2022-05-17"]
    plain = list(csv.DictReader(io.StringIO(invoke(runner, *args).stdout)))
    assert len(plain) == 2
    merged = invoke(runner, *args, "--merge")
    assert merged.exit_code == 0
    assert "grouped automatically: 1 group(s)" in merged.stderr
    rows = list(csv.DictReader(io.StringIO(merged.stdout)))
    assert [(r["date"], r["source_count"]) for r in rows] == [("2022-05-16", "2")]
    assert "auto-merged" in rows[0]["tags"]


def test_cache_commands(runner: CliRunner, project: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    assert invoke(runner, "cache", "path").stdout.strip() == str(tmp_path / "cache")
    invoke(runner, "extract", "docs")
    result = invoke(runner, "cache", "clear")
    assert result.exit_code == 0
    assert result.stdout.startswith("removed 2 cached result(s)")


def test_output_cut_short_by_the_reader_ends_quietly(tmp_path: Path) -> None:
    """`timeline export | head -1` must not print a broken-pipe traceback."""
    import os
    import subprocess
    import sys

    lines = [f"In June {1900 + i % 120} the board met for the {i}th time." for i in range(3000)]
    (tmp_path / "minutes.txt").write_text("\n".join(lines), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "export", "-f", "csv", "minutes.txt", "--no-cache"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"date,")
    process.stdout.close()  # the reader goes away, as `head -1` does
    error = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in error and "BrokenPipe" not in error


def test_numeric_dates_day_first_by_default_month_first_by_option_or_source(
    runner: CliRunner, project: Path
) -> None:
    (project / "docs/003_us.txt").write_text("The vote was on 01/03/2023.", encoding="utf-8")

    def date_of(*args: str) -> str:
        rows = [json.loads(x) for x in invoke(runner, "extract", *args).stdout.splitlines()]
        return next(r["date"] for r in rows if r["source"] == "docs/003_us.txt")

    assert date_of("docs") == "2023-03-01"
    assert date_of("docs", "--month-first") == "2023-01-03"
    set_by_source = "sources:\n  docs/003_us.txt:\n    numeric-dates: month-first\n"
    (project / "data/events.yaml").write_text(set_by_source, encoding="utf-8")
    assert date_of("docs") == "2023-01-03"
