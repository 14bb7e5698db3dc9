"""Reading documents: encodings, newlines, folders, skipped files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.dates import DateValue
from timeline.documents import (
    DisplayPaths,
    collect,
    decode,
    display_path,
    iter_files,
    matches,
)
from timeline.documents.markdown import mask as mask_markdown
from timeline.documents.published import dateline_date, parse_date_string, parse_pdf_date
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
    found = [
        p.relative_to(tmp_path).as_posix()
        for p, _ in iter_files([tmp_path], [tmp_path / "events.yaml"])
    ]
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
        "docs/picture.png": "not a document format timeline reads (.png)",
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


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("base/docs/a.txt", "docs/a.txt"),
        ("base/docs/../docs/a.txt", "docs/a.txt"),
        ("base/linked/a.txt", "docs/a.txt"),  # a folder that is a link
        ("base/docs/link.txt", "docs/a.txt"),  # a file that is a link
        ("base/docs/to-outside.txt", "{tmp}/outside/o.txt"),
        ("base/docs/missing.txt", "docs/missing.txt"),
        ("outside/o.txt", "{tmp}/outside/o.txt"),
    ],
)
def test_display_paths_resolve_links_like_display_path(tmp_path: Path, given, shown) -> None:
    (tmp_path / "base" / "docs").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "base/docs/a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "outside/o.txt").write_text("x", encoding="utf-8")
    (tmp_path / "base/linked").symlink_to(tmp_path / "base/docs")
    (tmp_path / "base/docs/link.txt").symlink_to("a.txt")
    (tmp_path / "base/docs/to-outside.txt").symlink_to(tmp_path / "outside/o.txt")
    base, expected = tmp_path / "base", shown.format(tmp=tmp_path.resolve().as_posix())
    names = DisplayPaths(base)
    assert names(tmp_path / given) == expected
    assert names(tmp_path / given) == expected  # the folder resolved once serves again
    assert display_path(tmp_path / given, base) == expected


def test_a_link_to_the_excluded_file_is_excluded_too(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "events.yaml").write_text("events: []", encoding="utf-8")
    (tmp_path / "docs/a.txt").write_text("In 2011.", encoding="utf-8")
    (tmp_path / "docs/curated.yaml").symlink_to(tmp_path / "events.yaml")
    (tmp_path / "docs/events.yaml").write_text("In 2012.", encoding="utf-8")  # same name only
    found = [p.name for p, _ in iter_files([tmp_path / "docs"], [tmp_path / "events.yaml"])]
    assert found == ["a.txt", "events.yaml"]


# ----------------------------------------------------------------------------- globs
@pytest.mark.parametrize(
    ("relative", "patterns", "expected"),
    [
        ("a/b/report.pdf", ["*.pdf"], True),
        ("a/b/report.pdf", ["*.txt"], False),
        ("drafts/x/y.txt", ["drafts/*"], True),
        ("final/drafts.txt", ["drafts/*"], False),
        ("drafts", ["drafts"], True),
        ("notes.md", ["*.txt", "*.md"], True),
    ],
)
def test_glob_matching(relative: str, patterns: list[str], expected: bool) -> None:
    assert matches(relative, patterns) is expected


def test_globs_filter_folders_but_not_files_named_explicitly(tmp_path: Path) -> None:
    for name in ["keep.txt", "drop.md", "drafts/one.txt", "other/two.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("In 2011.", encoding="utf-8")
    found = iter_files(
        [tmp_path, tmp_path / "drop.md"], include_globs=["*.txt"], exclude_globs=["drafts"]
    )
    assert [(p.relative_to(tmp_path).as_posix(), named) for p, named in found] == [
        ("keep.txt", False), ("other/two.txt", False), ("drop.md", True),
    ]  # fmt: skip


# ----------------------------------------------------------------------------- dates in metadata
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-01T23:30:00-05:00", "2023-03-01"),  # the day as written, not shifted to UTC
        ("2023-03-01", "2023-03-01"),
        ("2023-03", "2023-03"),
        ("Wed, 01 Mar 2023 09:00:00 GMT", "2023-03-01"),
        ("1 March 2023", "2023-03-01"),
        ("2023-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_metadata_date_strings(value: str, expected: str | None) -> None:
    found = parse_date_string(value)
    assert (found.edtf if found else None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("D:20190401090000Z", "2019-04-01"),
        ("D:20190401", "2019-04-01"),
        ("D:201904", "2019-04"),
        ("D:19700101000000Z", None),  # a clock's zero, not a date
        ("2019-04-01T09:00:00", "2019-04-01"),
    ],
)
def test_pdf_date_strings(value: str, expected: str | None) -> None:
    found = parse_pdf_date(value)
    assert (found.edtf if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LONDON, 16 May 2022 — The council met.", "2022-05-16"),
        ("Published: 1 March 2023 10:32 GMT\n\nText.", "2023-03-01"),
        ("Title of the piece\nMonday 16 May 2022\nBody.", "2022-05-16"),
        ("Posted on March 1, 2023", "2023-03-01"),
        ("The council met on 16 May 2022 to agree the budget.", None),  # prose, not a dateline
        ("June 2018", None),  # a month is not a day of publication
        ("Updated 2 February 2020", None),
        ("One\nTwo\nThree\n16 May 2022", None),  # too far down
    ],
)
def test_datelines(text: str, expected: str | None) -> None:
    found = dateline_date(text)
    assert (found.edtf if found else None) == expected


# ----------------------------------------------------------------------------- Markdown
@pytest.mark.parametrize(
    ("markdown", "tagged"),
    [
        ("# Heading 2018", "  Heading 2018"),
        ("Some **bold** and _it_ text", "Some   bold   and  it  text"),
        ("[June 2018](https://x.org/2019/01/a)", " June 2018                          "),
        ("> quoted\n1. item", "  quoted\n   item"),
        ("| a | b |\n|---|---|", "  a   b  \n         "),
        ("snake_case stays", "snake_case stays"),
    ],
)
def test_markdown_markup_is_blanked_for_tagging(markdown: str, tagged: str) -> None:
    assert mask_markdown(markdown) == tagged


@given(st.text(alphabet=st.sampled_from("ab 1#*_[]()!>|-`\n<>/:"), max_size=80))
def test_blanking_markdown_keeps_length_and_lines(text: str) -> None:
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
