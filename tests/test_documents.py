"""Reading documents: encodings, newlines, folders, skipped files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from timeline.dates import DateValue
from timeline.documents import collect, decode, display_path, iter_files
from timeline.errors import DocumentError


@pytest.mark.parametrize(
    ("data", "text", "warned"),
    [
        (b"In June 2018 it rained.", "In June 2018 it rained.", False),
        (codecs.BOM_UTF8 + "caf\u00e9 2011".encode(), "caf\u00e9 2011", False),
        ("May 2020 \u2013 then".encode("utf-16"), "May 2020 \u2013 then", False),
        (b"line one\r\nline two\rthree", "line one\nline two\nthree", False),
        ("caf\u00e9 \u2019quoted\u2019".encode("cp1252"), "caf\u00e9 \u2019quoted\u2019", True),
    ],
)
def test_decode(data: bytes, text: str, warned: bool) -> None:
    decoded, warning = decode(data, "doc.txt")
    assert decoded == text
    assert (warning is not None) is warned
    if warning:
        assert "doc.txt" in warning and "Windows-1252" in warning


def test_decode_rejects_binary() -> None:
    with pytest.raises(DocumentError, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")


def test_folders_are_read_in_order_skipping_hidden_and_excluded(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["b/2.txt", "b/1.md", "a.txt", ".hidden.txt", ".git/x.txt", "events.yaml"]:
        (tmp_path / name).write_text("In 2011.", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p, _ in iter_files([tmp_path], [tmp_path / "events.yaml"])]
    assert found == ["a.txt", "b/1.md", "b/2.txt"]


def test_collect_skips_unreadable_files_and_goes_on(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    Path("docs/good.txt").write_text("It happened in 2011.", encoding="utf-8")
    Path("docs/empty.txt").write_text("  \n", encoding="utf-8")
    Path("docs/binary.txt").write_bytes(b"\x00\x01\x02 2011")
    Path("docs/picture.png").write_bytes(b"\x89PNG")
    result = collect([Path("docs")], published={"docs/good.txt": DateValue.parse("2022-05-17")},
                     default_published=DateValue.parse("2020"))  # fmt: skip
    assert [d.path for d in result.documents] == ["docs/good.txt"]
    assert result.documents[0].published == DateValue.parse("2022-05-17")
    assert result.documents[0].published_from == "curation"
    assert dict(result.skipped) == {
        "docs/binary.txt": "binary file (contains NUL bytes); not a text document",
        "docs/empty.txt": "empty file",
        "docs/picture.png": "not a text document (.png)",
    }


def test_collect_uses_the_default_publication_date(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("one.txt").write_text("Yesterday.", encoding="utf-8")
    result = collect([Path("one.txt")], default_published=DateValue.parse("2022-05-17"))
    assert result.documents[0].published_from == "option"


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file or folder"):
        list(iter_files([tmp_path / "nope"]))


def test_display_path_is_relative_when_possible(tmp_path: Path) -> None:
    assert display_path(tmp_path / "a" / "b.txt", tmp_path) == "a/b.txt"
    assert display_path(Path("/elsewhere/c.txt"), tmp_path) == "/elsewhere/c.txt"
