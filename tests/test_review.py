"""Review: uncurated candidates, YAML stubs, and the append-only write to the curated file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from curation_corpus import build_corpus, corpus, curation, make  # noqa: F401
from timeline.curation import CurationError, load_curation, parse_curation
from timeline.dates import DateValue as D
from timeline.review import (
    append_stubs,
    build_review,
    format_review,
    mark,
    review_timeline,
    stubs_yaml,
    uncurated,
    yaml_text,
)

A = make("001:june-2018", D.of_month(2018, 6), "In June 2018, Hartley School was rated.")
B = make("002:june-2018", D.of_month(2018, 6), "Hartley School was rated in June 2018.")
C = make("002:2011", D.of_year(2011), "Cuts began in 2011.", at=200)


@pytest.mark.parametrize(
    ("yaml_text_", "expected"),
    [
        ("", ["001:june-2018", "002:june-2018", "002:2011"]),
        ("events:\n  001:june-2018:\n    title: T\n", ["002:june-2018", "002:2011"]),
        ("events:\n  001:june-2018:\n    merge: [002:june-2018]\n", ["002:2011"]),
        ("events:\n  002:2011:\n    distinct: [001:june-2018]\n", ["002:june-2018"]),
        ("sources:\n  docs/002.txt:\n    published: 2020\n", ["001:june-2018", "002:june-2018",
                                                              "002:2011"]),
    ],
)  # fmt: skip
def test_uncurated_means_not_named_anywhere(yaml_text_: str, expected: list[str]) -> None:
    assert [c.id for c in uncurated([A, B, C], curation(yaml_text_))] == expected


def test_mark_splits_the_sentence_at_the_phrase() -> None:
    marked = mark(B)
    assert (marked.before, marked.phrase, marked.after) == (
        "Hartley School was rated in ", "June 2018", ".")  # fmt: skip
    assert marked.plain() == "Hartley School was rated in «June 2018»."
    assert marked.text[slice(*marked.span)] == "June 2018"


@pytest.mark.parametrize(
    "value", ["plain words", "Title: with colon", "yes", "2022", "# hash", "- dash", "a\x85b",
              "it's “quoted” — £11.5m…", "'single'", '"double"', "tab\there"],
)  # fmt: skip
def test_yaml_text_reads_back_as_the_same_text(value: str) -> None:
    loaded = parse_curation(f"events:\n  x:\n    title: {yaml_text(value)}\n")
    assert loaded.corrections["x"].title == value


_PIECES = st.sampled_from(
    list("abXZ09 ,.'’()%$&/+-:#!?\"[]{}*|>@`éß東\t\x85") + ["  ", " -", "- ", ": ", " #"]
)
_TEXTS = st.tuples(
    st.sampled_from(["", "Council ", "yes", "No", "On", "null", "True", "y", "x"]),
    st.lists(_PIECES, max_size=14).map("".join),
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_yaml_text_is_what_the_yaml_dumper_writes_or_quoted(value: str) -> None:
    """Plain where the dumper writes it plain, read back as the same text every time."""
    written = yaml_text(value)
    dumped = yaml.safe_dump(value, allow_unicode=True, width=float("inf"))
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    if value.isprintable() and "\n" not in dumped:
        assert written == dumped
    assert yaml.safe_load(f"k: {written}")["k"] == value


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.sampled_from(["", "  ", "    "]))
def test_comment_lines_are_the_text_wrapped_with_nothing_yaml_reads(
    value: str, indent: str
) -> None:
    import textwrap

    from timeline.review import COMMENT_WIDTH, _comment

    lines = _comment(value * 3, indent)
    clean = "".join(ch if ch.isprintable() else " " for ch in value * 3)
    expected = textwrap.wrap(clean, COMMENT_WIDTH - len(indent) - 2) or [""]
    assert lines == [f"{indent}# {line}".rstrip() for line in expected]
    assert yaml.safe_load("\n".join(lines) + "\nk: 1\n") == {"k": 1}


def test_stubs_load_and_name_every_new_candidate() -> None:
    review = build_review([A, B, C], curation(""))
    text = stubs_yaml(review)
    loaded = parse_curation(text)
    assert loaded.mentioned() == {"001:june-2018", "002:june-2018", "002:2011"}
    # A and B tell of one rating: B is merged into A's entry, and quoted in its comments
    assert "  # line 1: In «June 2018», Hartley School was rated.\n" in text
    assert "Hartley School was rated in «June 2018»." in text
    assert (
        "  001:june-2018:\n    title: In June 2018, Hartley School was rated.\n"
        "    merge: [002:june-2018]\n    # date: 2018-06\n" in text
    )
    done = curation("events:\n  001:june-2018:\n    title: T\n")
    assert stubs_yaml(build_review([A], done)) == ""


def test_review_of_the_fixture_corpus(corpus: Path) -> None:  # noqa: F811
    review = review_timeline(build_corpus())
    assert [s.path for s in review.sources] == [
        "docs/a_gazette.txt",
        "docs/b_herald.txt",
        "docs/c_newsletter.txt",
        "docs/d_notice.txt",
    ]
    assert len(review.items) == review.candidates == 9
    (group,) = review.groups
    text = stubs_yaml(review)
    # the group's lead merges the other new members; they get no entry of their own
    entry = text.split("\n  a-gazette:yesterday:\n", 1)[1].split("\n\n", 1)[0]
    assert "    merge: [b-herald:wednesday-3-march-2021]" in entry.splitlines()
    assert "\n  b-herald:wednesday-3-march-2021:" not in text
    listing = format_review(review)
    assert "«Yesterday» the mayor cut the ribbon" in listing
    assert "Proposed as one happening on 3 March 2021, from 2 sources" in listing
    # appended, the stubs settle everything: nothing left to review
    result = append_stubs("events.yaml", text)
    assert review_timeline(build_corpus()).is_empty
    assert result.backup == "events.yaml.bak"


def test_empty_review_says_so() -> None:
    review = build_review([A], curation("events:\n  001:june-2018:\n    title: T\n"))
    assert review.is_empty
    expected = "Nothing to review: the curated file mentions every candidate.\n"
    assert format_review(review) == expected


# --------------------------------------------------------------------------- appending

STUB = "events:\n  001:new:\n    title: A new event\n"

#: Curated files ending every way a file can end.
ENDINGS = [
    pytest.param(b"sources:\n  a.txt:\n    published: 2022\n", id="ends-with-sources"),
    pytest.param(b"events:\n  001:old:\n    drop: true\n", id="ends-with-events"),
    pytest.param(b"add:\n  x:\n    date: 2022\n    title: T\n    note: n\n", id="ends-with-add"),
    pytest.param(b"events:\n  001:old:\n    drop: true\n# a last comment", id="no-final-newline"),
    pytest.param(b"events:\n  001:old:\n    note: |\n      a block\n      of text\n",
                 id="ends-in-a-block-scalar"),
    pytest.param(b"events:\r\n  001:old:\r\n    drop: true\r\n", id="crlf"),
    pytest.param(b"\xef\xbb\xbfevents:\n  001:old:\n    drop: true\n", id="byte-order-mark"),
    pytest.param(b"# only a comment\n", id="only-comments"),
    pytest.param(b"", id="empty"),
    pytest.param(b"events: {}\n...\n", id="document-end-marker"),
]  # fmt: skip


@pytest.mark.parametrize("original", ENDINGS)
def test_append_keeps_every_byte_and_loads(tmp_path: Path, original: bytes) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(original)
    result = append_stubs(path, STUB)
    new = path.read_bytes()
    assert new.startswith(original)
    assert (tmp_path / "events.yaml.bak").read_bytes() == original
    assert result.backup == str(tmp_path / "events.yaml.bak")
    assert result.added == len(new) - len(original) > 0
    loaded = load_curation(path)
    assert loaded.corrections["001:new"].title == "A new event"
    assert "001:new" in result.curation.corrections
    if b"\r\n" in original:
        assert b"\n" not in new[len(original) :].replace(b"\r\n", b"")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml", "events.yaml.bak"]


def test_backups_are_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(b"events: {}\n")
    (tmp_path / "events.yaml.bak").write_bytes(b"an older backup\n")
    (tmp_path / "events.yaml.bak.2").write_bytes(b"another\n")
    result = append_stubs(path, STUB)
    assert result.backup == str(tmp_path / "events.yaml.bak.3")
    assert (tmp_path / "events.yaml.bak").read_bytes() == b"an older backup\n"
    assert (tmp_path / "events.yaml.bak.2").read_bytes() == b"another\n"
    assert (tmp_path / "events.yaml.bak.3").read_bytes() == b"events: {}\n"


@pytest.mark.parametrize(
    ("original", "stubs", "message"),
    [
        pytest.param(b"events:\n  001:new:\n    drop: true\n", STUB,
                     "the entries to add would not load: duplicate key '001:new'", id="same-id"),
        pytest.param(b"events:\n  a:\n    merge: [b]\n", "events:\n  c:\n    merge: [b]\n",
                     "would not load: 'b' is merged into both a", id="merged-twice"),
        pytest.param(b"events:\n  a:\n    titel: x\n", STUB, "unknown key 'titel'",
                     id="broken-already"),
        pytest.param(b"events: {}\n", "events:\n  x: [unclosed\n", "would not load",
                     id="not-yaml"),
    ],
)  # fmt: skip
def test_a_bad_append_changes_nothing(
    tmp_path: Path, original: bytes, stubs: str, message: str
) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(original)
    with pytest.raises(CurationError) as info:
        append_stubs(path, stubs)
    assert message in str(info.value)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["events.yaml"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_an_interruption_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(b"events: {}\n")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, failing, interrupted)
    with pytest.raises(KeyboardInterrupt):
        append_stubs(path, STUB)
    monkeypatch.undo()
    assert path.read_bytes() == b"events: {}\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_missing_file_is_an_error_unless_created(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    with pytest.raises(CurationError, match="no such file"):
        append_stubs(path, STUB)
    result = append_stubs(path, STUB, create=True)
    assert result.backup is None
    assert path.read_text() == STUB  # a new file starts with the entries, no "---"


def test_nothing_to_add_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(b"events: {}\n")
    result = append_stubs(path, "  \n")
    assert (result.added, result.backup) == (0, None)
    assert [p.name for p in tmp_path.iterdir()] == ["events.yaml"]
