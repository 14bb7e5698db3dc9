"""Candidate ids are unique across a collection, and a new file never renames the ids of a
document the curated file names."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.events.ids import assign_prefixes
from timeline.models import Candidate, Kind, Resolution
from timeline.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The board met in June 2018 and again on 1 May 2019.\n"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    "names",
    [
        ["notes.txt", "notes.md"],
        ["My Notes.txt", "my-notes.txt"],
        ["+1+2.txt", "-1-2.txt"],
        ["004_a.txt", "004_b.txt", "004-c.md"],
        ["a:b.txt", "a b.txt", "a%3Ab.txt"],
    ],
)
def test_ids_are_unique_across_a_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    for name in names:
        (Path("docs") / name).write_text(TEXT, encoding="utf-8")
    found = extract([Path("docs")], cache=False).candidates
    assert len(found) == 2 * len(names)
    assert len({c.id for c in found}) == len(found), Counter(c.id for c in found)
    assert all(c.id.count(":") == 1 for c in found)  # the prefix never holds a colon


def test_full_prefixes_keep_every_path_apart() -> None:
    from timeline.events.ids import full_prefix

    paths = ["a b", "a%20b", "a:b", "A b", "é.txt", "e.txt", "a/b", "a-b", "a_b", "a.b"]
    assert len({full_prefix(p) for p in paths}) == len(paths)
    assert full_prefix("docs/My Notes.txt") == "docs/My%20Notes.txt"


def test_a_new_file_does_not_rename_a_named_document(tmp_path: Path, monkeypatch) -> None:
    """The seeds and their curated file: a file beside 004_… with the same number leaves
    every id of 004_… as it was."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", "seeds")
    shutil.copytree(ROOT / "data", "data")
    assert invoke("check").exit_code == 0
    Path("seeds/004_extra.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("check")
    assert result.exit_code == 0, result.stderr
    assert "stale-id" not in result.stderr
    assert "seeds/004_extra.txt:1:" in result.stderr and "[shared-prefix]" in result.stderr
    assert "'seeds/004_extra.txt'" in result.stderr


def test_the_named_document_keeps_the_short_prefix() -> None:
    paths = ["d/004_x.txt", "d/004_y.txt", "d/005_z.txt"]
    assert assign_prefixes(paths, keep={"d/004_y.txt"}) == {
        "d/004_x.txt": "d/004_x.txt", "d/004_y.txt": "004", "d/005_z.txt": "005",
    }  # fmt: skip
    both = assign_prefixes(paths, keep=set(paths))
    assert both["d/004_x.txt"] == "d/004_x.txt" and both["d/004_y.txt"] == "d/004_y.txt"


def test_check_names_what_an_old_id_is_now(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    for name in ("004_a.txt", "004_b.txt"):
        Path("docs", name).write_text(TEXT, encoding="utf-8")
    Path("events.yaml").write_text(
        "events:\n  004:june-2018:\n    title: Board meets\n  docs-004-b:1-may-2019:\n"
        "    title: Board meets again\n",
        encoding="utf-8",
    )
    result = invoke("check", "docs", "-c", "events.yaml")
    assert result.exit_code == 1
    assert "so it is 'docs/004_b.txt:1-may-2019'" in result.stderr
    # the short id could be either document's: the closest ids are offered instead
    assert "'004:june-2018' (closest:" in result.stderr


def test_check_reports_two_candidates_with_one_id() -> None:
    from timeline.checks import id_problems

    def candidate(source: str) -> Candidate:
        return Candidate("x:2019", source, 1, 1, 0, 4, "2019", Kind.DATE, None,
                         Resolution.EXPLICIT, "2019.", "2019")  # fmt: skip

    problems = id_problems([candidate("a.txt"), candidate("b.txt")])
    assert [(p.code, p.path) for p in problems] == [("id-collision", "b.txt")]
    assert "also that of a candidate in a.txt line 1" in problems[0].message
