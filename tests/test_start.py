"""Starting a project in a folder of one's own: from nothing to a timeline, as a newcomer.

Each test works in an empty folder of its own, with no curated file and no seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.curation import load_curation, parse_curation
from timeline.curation.start import starter_text

GAZETTE = """City Gazette

The Riverside bridge will close on Monday 6 March 2023 for repairs.
It was last inspected in June 2018. Works should end in late August 2023.
"""
HERALD = """Evening Herald

The council first warned of the closure in January 2023.
"""


@pytest.fixture
def newcomer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder holding only a folder of articles."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles/001_gazette.txt").write_text(GAZETTE, encoding="utf-8")
    (tmp_path / "articles/002_herald.txt").write_text(HERALD, encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_without_documents_the_message_says_how_to_begin(newcomer: Path) -> None:
    result = run("show")
    assert result.exit_code == 2
    assert "seeds" not in result.stderr
    assert "timeline init FOLDER" in result.stderr and "timeline show FOLDER" in result.stderr


def test_check_without_a_curated_file_says_how_to_start_one(newcomer: Path) -> None:
    result = run("check", "articles")
    assert result.exit_code == 2
    assert "start one with 'timeline init FOLDER'" in result.stderr


def test_init_names_the_folder_so_every_command_finds_it(newcomer: Path) -> None:
    result = run("init", "articles")
    assert result.exit_code == 0, result.stderr
    assert "wrote data/events.yaml" in result.stdout and "2 files" in result.stdout
    curation = load_curation("data/events.yaml")
    assert [ref.id for ref in curation.documents] == ["articles/"]
    text = (newcomer / "data/events.yaml").read_text(encoding="utf-8")
    assert text.startswith("#") and "articles/001_gazette.txt" in text  # examples use them
    for command in (["show"], ["export", "-f", "csv"], ["check"], ["review"]):
        assert run(*command).exit_code == 0, command
    assert "Riverside bridge will close" in run("show").stdout


def test_init_never_replaces_a_curated_file(newcomer: Path) -> None:
    (newcomer / "data").mkdir()
    (newcomer / "data/events.yaml").write_text("events: {}\n", encoding="utf-8")
    result = run("init", "articles")
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert (newcomer / "data/events.yaml").read_text(encoding="utf-8") == "events: {}\n"


def test_init_of_a_missing_folder_is_an_error_and_writes_nothing(newcomer: Path) -> None:
    result = run("init", "artcles")
    assert result.exit_code == 2 and "artcles: no such folder" in result.stderr
    assert not (newcomer / "data").exists()


def test_init_without_a_folder_makes_documents(newcomer: Path) -> None:
    result = run("init")
    assert result.exit_code == 0, result.stderr
    assert (newcomer / "documents").is_dir() and "put your documents in it" in result.stdout
    assert [r.id for r in load_curation("data/events.yaml").documents] == ["documents/"]


def test_the_starter_file_loads_and_its_examples_load_when_uncommented() -> None:
    text = starter_text(["articles/"], ["articles/001_a.txt", "articles/002_b.txt"])
    assert [r.id for r in parse_curation(text).documents] == ["articles/"]
    lines = text.splitlines()
    start = lines.index("# sources:")
    sections = ("# sources:", "# events:", "# add:", "#   ")
    uncommented = "\n".join(
        line[2:] if i >= start and line.startswith(sections) else line
        for i, line in enumerate(lines)
    )
    curation = parse_curation(uncommented)
    assert set(curation.sources) == {"articles/001_a.txt"}
    assert {"001:3-march-2023", "001:june-2023", "001:friday"} == set(curation.corrections)
    assert curation.corrections["001:june-2023"].date.edtf == "2023-06"  # "late June 2023"
    assert curation.added["council-vote"].sources == ["articles/002_b.txt"]


def test_documents_in_the_curated_file_are_checked() -> None:
    curation = parse_curation("documents: [a/, b.txt]\n")
    assert [(r.id, r.line, r.column) for r in curation.documents] == [
        ("a/", 1, 13),
        ("b.txt", 1, 17),
    ]
    with pytest.raises(Exception, match="'documents' is written twice"):
        parse_curation("documents: a\n---\ndocuments: b\n")
    with pytest.raises(Exception, match="must be a list of folder or file paths"):
        parse_curation("documents:\n")


def test_a_missing_documents_folder_is_named_with_its_place(newcomer: Path) -> None:
    (newcomer / "data").mkdir()
    (newcomer / "data/events.yaml").write_text("# mine\ndocuments: artcles/\n", encoding="utf-8")
    result = run("show")
    assert result.exit_code == 2
    assert "data/events.yaml:2:12: 'documents' names artcles/, which does not exist" in (
        result.stderr
    )


def test_review_append_starts_the_curated_file_and_its_folder(newcomer: Path) -> None:
    result = run("review", "articles", "--append")
    assert result.exit_code == 0, result.stderr
    curation = load_curation("data/events.yaml")
    assert [ref.id for ref in curation.documents] == ["articles/"]
    count = len(curation.corrections)
    assert count > 1 and f"added {count} entries to data/events.yaml" in result.stderr
    assert not list((newcomer / "data").glob("*.bak*"))  # nothing was there to back up
    assert not Path("data/events.yaml").read_text(encoding="utf-8").startswith("---")
    assert run("show").exit_code == 0  # the documents are found with no argument


def test_review_append_counts_entries_not_bytes(newcomer: Path) -> None:
    run("review", "articles", "--append")
    (newcomer / "articles/003_late.txt").write_text("It reopened in May 2024.\n", "utf-8")
    result = run("review", "--append")
    assert result.exit_code == 0, result.stderr
    assert "added 1 entry to data/events.yaml (backup: data/events.yaml.bak)" in result.stderr


def test_backups_of_the_curated_file_are_never_documents(newcomer: Path) -> None:
    run("init", ".")
    for name in ("events.yaml.bak", "events.yaml.bak.2", "events.yaml.bak.13"):
        (newcomer / "data" / name).write_text("events: {}\n", encoding="utf-8")
    (newcomer / "data/notes.bak").write_text("In June 2019 it rained.\n", encoding="utf-8")
    result = run("show")
    assert "events.yaml.bak" not in result.stderr
    assert "data/notes.bak: skipped" in result.stderr  # a file of one's own is still named


def test_a_subset_of_the_documents_gives_one_line_about_the_others(newcomer: Path) -> None:
    run("review", "articles", "--append")
    (newcomer / "data/events.yaml").write_text(
        (newcomer / "data/events.yaml").read_text(encoding="utf-8")
        + "---\nsources:\n  articles/001_gazette.txt:\n    title: Gazette\n"
        "events:\n  002:no-such-date:\n    drop: true\n",
        encoding="utf-8",
    )
    result = run("show", "articles/002_herald.txt")
    lines = result.stderr.splitlines()
    assert result.exit_code == 0
    assert [line for line in lines if "001:" in line or "001_gazette" in line] == [
        next(line for line in lines if "concern documents not read" in line)
    ]
    assert "concern documents not read this time (articles/001_gazette.txt)" in result.stderr
    assert "no candidate has the id '002:no-such-date'" in result.stderr  # still a mistake
    check = run("check", "articles/002_herald.txt")
    assert check.exit_code == 1  # the stale id of a document read is an error
    assert "[not-read]" in check.stderr and "'001:" not in check.stderr


def test_init_in_the_documents_folder_suggests_an_export_outside_it(
    newcomer: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(newcomer / "articles")
    result = run("init", ".")
    assert result.exit_code == 0, result.stderr
    assert "-o ../timeline.html" in result.stdout
    command = result.stdout.strip().splitlines()[-1].split()
    assert run(*command[1:]).exit_code == 0
    assert (newcomer / "timeline.html").is_file()
    monkeypatch.chdir(newcomer)
    assert "-o timeline.html" in run("init", "articles", "--curation", "other.yaml").stdout
