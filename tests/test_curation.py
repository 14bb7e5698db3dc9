"""The curated file: strict loading with exact positions, and applying it to candidates."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.curation import (
    Curation,
    CurationError,
    CurationFileError,
    Problem,
    Ref,
    apply_curation,
    load_curation,
    parse_curation,
    published_dates,
)
from timeline.dates import DateValue
from timeline.models import Candidate, Document, Kind, Resolution

FIXTURES = Path(__file__).parent / "fixtures" / "curation"


def write(tmp_path: Path, text: str | bytes, name: str = "events.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str | bytes) -> CurationError:
    path = write(tmp_path, text)
    with pytest.raises(CurationError) as info:
        load_curation(path)
    assert info.value.path == str(path)
    return info.value


# --------------------------------------------------------------------------- loading errors

# (yaml text, line, column, expected message or a part of it)
LOAD_ERRORS = [
    pytest.param("events:\n\t004:x:\n    drop: true\n", 2, 1,
                 "could not read YAML: found character '\\t' that cannot start any token",
                 id="tab"),
    pytest.param("events:\n  a:\n    title: \"open\n", 4, 1,
                 "found unexpected end of stream "
                 "(while scanning a quoted scalar starting at line 3)",
                 id="unclosed-quote"),
    pytest.param("events:\n  a: b: c\n", 2, 7,
                 "could not read YAML: mapping values are not allowed",
                 id="mapping-in-plain"),
    pytest.param("events:\n  a:\n    drop: true\n---\nevents:\n  a:\n    drop: true\n", 6, 3,
                 "duplicate key 'a' in 'events' (candidate ids to corrections) (first at line 2)",
                 id="same-id-in-two-documents"),
    pytest.param("events: {}\n---\n- a\n", 3, 1,
                 "the top level of the file must be a mapping", id="second-document-list"),
    pytest.param("events:\n  a:\n    merge: [b]\n---\nevents:\n  c:\n    merge: [b]\n",
                 7, 13, "'b' is merged into both a (line 3) and c", id="merge-across-documents"),
    pytest.param("events:\n  a:\n    merge: [b]\n    distinct: [c, b]\n", 4, 19,
                 "event a both merges 'b' and says it is distinct", id="merge-and-distinct"),
    pytest.param("events:\n  a:\n    distinct: [a]\n", 3, 16,
                 "event a cannot be distinct from itself", id="distinct-self"),
    pytest.param("events:\n  a:\n    drop: true\n    distinct: [b]\n", 4, 5,
                 "event a is dropped, so its 'distinct' would be ignored", id="drop-distinct"),
    pytest.param("events:\n  a:\n    note: \x07\n", 3, 11,
                 "unacceptable character #x0007", id="control-character"),
    pytest.param("events: {}\nevents: {}\n", 2, 1,
                 "duplicate key 'events' in the top level of the file (first at line 1)",
                 id="duplicate-section"),
    pytest.param("events:\n  004:a:\n    drop: true\n  004:a:\n    drop: false\n", 4, 3,
                 "duplicate key '004:a'", id="duplicate-event"),
    pytest.param("events:\n  a:\n    title: One\n    title: Two\n", 4, 5,
                 "duplicate key 'title' in the entry for event a (first at line 3)",
                 id="duplicate-field"),
    pytest.param("sources:\n  s.txt:\n    url: x\n  s.txt:\n    url: y\n", 4, 3,
                 "duplicate key 's.txt'", id="duplicate-source"),
    pytest.param("event:\n  a:\n    drop: true\n", 1, 1,
                 "unknown key 'event' at the top level (did you mean 'events'?)",
                 id="unknown-section"),
    pytest.param("events:\n  004:june-2018:\n    titel: Rated\n", 3, 5,
                 "unknown key 'titel' in event 004:june-2018 (did you mean 'title'?)",
                 id="unknown-event-key"),
    pytest.param("events:\n  a:\n    colour: red\n", 3, 5,
                 "unknown key 'colour' in event a (allowed: date, title, tags, note, drop, merge, "
                 "distinct)",
                 id="unknown-key-no-suggestion"),
    pytest.param("sources:\n  s.txt:\n    publised: 2022\n", 3, 5,
                 "unknown key 'publised' in source s.txt (did you mean 'published'?)",
                 id="unknown-source-key"),
    pytest.param("add:\n  n:\n    date: 2022\n    title: T\n    source: s\n    sorce: t\n", 6, 5,
                 "unknown key 'sorce' in added event n (did you mean 'source'?)",
                 id="unknown-added-key"),
    pytest.param("events:\n  - 004:a\n", 2, 3,
                 "'events' (candidate ids to corrections) must be a mapping (key: value lines), "
                 "found a list", id="events-list"),
    pytest.param("- a\n- b\n", 1, 1, "the top level of the file must be a mapping", id="top-list"),
    pytest.param("just words\n", 1, 1, "found text ('just words')", id="top-text"),
    pytest.param("events:\n  a: drop\n", 2, 6,
                 "the entry for event a must be a mapping (key: value lines), found text ('drop')",
                 id="entry-scalar"),
    pytest.param("events:\n  a:\n  b:\n    drop: true\n", 2, 3,
                 "the entry for event a is empty", id="entry-empty"),
    pytest.param("events:\n  a:\n    tags: 5\n", 3, 11,
                 "'tags' in event a must be a list of text (or one text), found a number ('5')",
                 id="tags-number"),
    pytest.param("events:\n  a:\n    tags: [ok, 2022]\n", 3, 16,
                 "an item of 'tags' in event a must be text, found a number ('2022'); "
                 "put it in quotes", id="tag-item-number"),
    pytest.param("events:\n  a:\n    tags: {x: 1}\n", 3, 11, "found a mapping", id="tags-mapping"),
    pytest.param("events:\n  a:\n    tags: [x, y, x]\n", 3, 18,
                 "'x' is listed twice in 'tags' in event a (first at line 3)", id="tag-twice"),
    pytest.param("events:\n  a:\n    title: yes\n", 3, 12,
                 "'title' in event a must be text, found a boolean ('yes'); "
                 "put it in quotes if you mean the text 'yes'", id="title-boolean"),
    pytest.param("events:\n  a:\n    title:\n", 3, 11,
                 "'title' in event a must be text, found nothing", id="title-missing"),
    pytest.param("events:\n  a:\n    title: ''\n", 3, 12, "'title' in event a is empty",
                 id="title-empty"),
    pytest.param("events:\n  a:\n    title: [x]\n", 3, 12, "must be text, found a list",
                 id="title-list"),
    pytest.param("events:\n  a:\n    drop: maybe\n", 3, 11,
                 "'drop' in event a must be true or false, found text ('maybe')", id="drop-text"),
    pytest.param("events:\n  a:\n    drop: 'true'\n", 3, 11, "must be true or false",
                 id="drop-quoted"),
    pytest.param("events:\n  004:a:\n    date: 2023-02-30\n", 3, 11,
                 "bad date for 'date' in event 004:a: 2023-02-30 is not a real day "
                 "(February has no day 30)", id="impossible-day"),
    pytest.param("sources:\n  s.txt:\n    published: 2023-13-01\n", 3, 16,
                 "bad date for 'published' in source s.txt: 2023-13-01 is not a real day",
                 id="impossible-month"),
    pytest.param("events:\n  a:\n    date: \"2019/2023-02-30\"\n", 3, 17,
                 "2023-02-30 is not a real day", id="quoted-interval-end"),
    pytest.param("events:\n  a:\n    date: late 2023-13\n", 3, 16, "month 13 does not exist",
                 id="qualified-month"),
    pytest.param("events:\n  a:\n    date: next spring\n", 3, 11, "'next spring' is not a date",
                 id="words-not-a-date"),
    pytest.param("events:\n  a:\n    date:\n", 3, 10,
                 "'date' in event a must be a date (EDTF", id="date-missing"),
    pytest.param("add:\n  n:\n    date: 2022\n    title: T\n", 2, 3,
                 "added event n needs a source ('source:' or 'sources:') or a 'note'",
                 id="added-no-source"),
    pytest.param("add:\n  n:\n    date: 2022\n    title: T\n    sources: []\n", 2, 3,
                 "needs a source", id="added-empty-sources"),
    pytest.param("add:\n  n:\n    title: T\n    note: x\n", 2, 3, "added event n needs a 'date'",
                 id="added-no-date"),
    pytest.param("add:\n  n:\n    date: 2022\n    note: x\n", 2, 3, "added event n needs a 'title'",
                 id="added-no-title"),
    pytest.param("add:\n  n:\n    date: 2022\n    title: T\n    sources: [a]\n    source: b\n",
                 6, 5, "use either 'source' or 'sources' in added event n, not both",
                 id="source-and-sources"),
    pytest.param("add:\n  n:\n    date: 2022\n    title: T\n    sources: [a, b, a]\n", 5, 21,
                 "'a' is listed twice", id="added-source-twice"),
    pytest.param("events:\n  x:\n    drop: true\nadd:\n  x:\n    date: 2022\n    note: n\n", 5, 3,
                 "'x' under 'add' is also an id under 'events' (line 2)",
                 id="add-duplicates-event"),
    pytest.param("events:\n  a:\n    merge: [b, c, b]\n", 3, 19,
                 "'b' is listed twice in 'merge' in event a (first at line 3)",
                 id="merge-twice"),
    pytest.param("events:\n  a:\n    merge: [b, a]\n", 3, 16, "event a cannot merge itself",
                 id="merge-self"),
    pytest.param("events:\n  a:\n    merge: a\n", 3, 12, "event a cannot merge itself",
                 id="merge-self-single"),
    pytest.param("events:\n  a:\n    merge: [c]\n  b:\n    merge: [c]\n", 5, 13,
                 "'c' is merged into both a (line 3) and b", id="merged-twice"),
    pytest.param("events:\n  a:\n    merge: [b]\n  b:\n    merge: [c]\n", 5, 12,
                 "event b is merged into a (line 3), so it cannot merge other events itself",
                 id="merge-chain"),
    pytest.param("events:\n  a:\n    merge: {b: 1}\n", 3, 12,
                 "'merge' in event a must be a list of candidate ids, found a mapping",
                 id="merge-mapping"),
    pytest.param("events:\n  a:\n    drop: true\n    date: 2022\n", 4, 5,
                 "event a is dropped, so its 'date' would be ignored", id="drop-with-date"),
    pytest.param("events:\n  a:\n    merge: [b]\n    drop: true\n", 3, 5,
                 "event a is dropped, so its 'merge' would be ignored", id="drop-with-merge"),
    pytest.param("base: &b {drop: true}\n", 1, 1, "unknown key 'base' at the top level",
                 id="anchor-section"),
    pytest.param("events:\n  a:\n    <<: {drop: true}\n", 3, 5,
                 "merge keys ('<<') are not supported",
                 id="yaml-merge-key"),
    pytest.param("events:\n  ? [a, b]\n  : {drop: true}\n", 2, 5,
                 "a key in 'events' (candidate ids to corrections) must be plain text, "
                 "found a list",
                 id="list-key"),
    pytest.param("events:\n  '':\n    drop: true\n", 2, 3, "empty key in 'events'", id="empty-key"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "line", "column", "message"), LOAD_ERRORS)
def test_load_errors_point_at_the_mistake(
    tmp_path: Path, text: str, line: int, column: int, message: str
) -> None:
    error = load_error(tmp_path, text)
    assert (error.line, error.column) == (line, column), str(error)
    assert message in error.message
    assert str(error) == f"{error.path}:{line}:{column}: {error.message}"
    assert "Traceback" not in str(error)


def test_unknown_key_message_is_exact(tmp_path: Path) -> None:
    error = load_error(tmp_path, "events:\n  004:june-2018:\n    titel: Rated\n")
    assert error.message == "unknown key 'titel' in event 004:june-2018 (did you mean 'title'?)"


def test_tab_error_says_to_indent_with_spaces(tmp_path: Path) -> None:
    error = load_error(tmp_path, "events:\n\ta: 1\n")
    assert error.message.endswith("indent with spaces, not tabs")


# --------------------------------------------------------------------------- unreadable files


def test_missing_file_is_marked_missing(tmp_path: Path) -> None:
    with pytest.raises(CurationFileError) as info:
        load_curation(tmp_path / "nope.yaml")
    assert info.value.missing
    assert (info.value.line, info.value.column) == (1, 1)
    assert str(info.value) == f"{tmp_path / 'nope.yaml'}:1:1: no such file"


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(CurationFileError) as info:
        load_curation(tmp_path)
    assert not info.value.missing
    assert "is a directory" in info.value.message


def test_non_utf8_points_at_the_byte(tmp_path: Path) -> None:
    error = load_error(tmp_path, "events:\n  a:\n    note: caf\xe9 \xff\n".encode("latin-1"))
    assert isinstance(error, CurationFileError)
    assert (error.line, error.column) == (3, 14)
    assert "not UTF-8 text: byte 0xe9" in error.message


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbfevents:\n  a:\n    drop: true\n")
    assert load_curation(path).corrections["a"].drop


# --------------------------------------------------------------------------- happy path


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "# only a comment\n", "# one\n\n# two\n", "---\n", "sources:\nevents:\nadd:\n",
     "events:\n#  004:a:\n#    drop: true\n", "sources: {}\nevents: {}\nadd: {}\n"],
)  # fmt: skip
def test_empty_files_mean_no_corrections(tmp_path: Path, text: str) -> None:
    curation = load_curation(write(tmp_path, text))
    assert curation.is_empty
    assert curation == Curation.empty(str(tmp_path / "events.yaml"))


def test_full_file_loads_every_key() -> None:
    curation = load_curation(FIXTURES / "full.yaml")
    assert list(curation.sources) == ["docs/statement.txt", "docs/2022.txt"]
    statement = curation.sources["docs/statement.txt"]
    assert (statement.line, statement.column) == (3, 3)
    assert statement.title == "Party statement"
    assert statement.published == DateValue.of_day(2022, 5, 17)
    assert statement.url == "https://example.org/statement"
    assert statement.publisher == "Example Party"
    assert statement.note == "The page itself carries no date."
    assert curation.sources["docs/2022.txt"].published == DateValue.parse("late 2022")

    rated = curation.corrections["004:june-2018"]
    assert rated.title == 'Service rated "requires improvement"'
    assert rated.tags == ["inspection", "rating"]
    assert (rated.date, rated.note, rated.drop, rated.merge) == (None, None, None, [])
    assert rated.positions == {"title": (14, 12), "tags": (15, 11)}

    meeting = curation.corrections["001:may-16"]
    assert (meeting.line, meeting.column) == (16, 3)
    assert meeting.date == DateValue.of_day(2022, 5, 16)
    assert meeting.merge == [Ref("000:yesterday", 18, 13), Ref("003:earlier-this-week", 18, 28)]
    assert meeting.note == "All three describe the same meeting."

    duration = curation.corrections["000:12-years"]
    assert duration.drop and duration.note == "a duration, not a date"

    # keys YAML would read as a number, a date or a boolean stay strings
    assert curation.corrections["2022"].tags == ["budget"]
    assert curation.corrections["yes"].drop is False
    assert list(curation.added) == ["council-vote-2022", "2022-05-16", "from-memory"]

    vote = curation.added["council-vote-2022"]
    assert (vote.line, vote.column, vote.title) == (30, 3, "Council leader re-elected")
    assert vote.date == DateValue.of_day(2022, 5, 20)
    assert (vote.sources, vote.tags, vote.note) == (["docs/statement.txt"], ["vote"], None)
    assert curation.added["2022-05-16"].sources == ["docs/2022.txt"]
    assert curation.added["2022-05-16"].date == DateValue.of_month(2022, 5)
    memory = curation.added["from-memory"]
    assert (memory.sources, memory.note) == ([], "Told by the clerk; no document.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("yes", True), ("True", True), ("on", True), ("false", False), ("no", False)],
)
def test_drop_accepts_yaml_booleans(tmp_path: Path, value: str, expected: bool) -> None:
    curation = load_curation(write(tmp_path, f"events:\n  a:\n    drop: {value}\n"))
    assert curation.corrections["a"].drop is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2022-05-16", DateValue.of_day(2022, 5, 16)), ("2018-06", DateValue.of_month(2018, 6)),
     ("2011", DateValue.of_year(2011)), ("'2022-21'", DateValue.of_season(2022, "spring")),
     ("late 2022", DateValue.of_year(2022).with_qualifier("late")),
     ("2012/2021", DateValue.interval(DateValue.of_year(2012), DateValue.of_year(2021))),
     ("XXXX-05-16", DateValue.partial(5, 16)), ("2022~", DateValue.parse("2022~"))],
)  # fmt: skip
def test_dates_take_any_edtf(tmp_path: Path, value: str, expected: DateValue) -> None:
    curation = load_curation(write(tmp_path, f"events:\n  a:\n    date: {value}\n"))
    assert curation.corrections["a"].date == expected


def test_single_values_stand_for_lists(tmp_path: Path) -> None:
    text = "events:\n  a:\n    tags: one\n    merge: b\n"
    correction = load_curation(write(tmp_path, text)).corrections["a"]
    assert correction.tags == ["one"]
    assert correction.merge == [Ref("b", 4, 12)]


def test_quoted_text_that_looks_like_a_number_is_text(tmp_path: Path) -> None:
    text = "events:\n  a:\n    title: '2022'\n    tags: ['2022', \"yes\"]\n"
    correction = load_curation(write(tmp_path, text)).corrections["a"]
    assert (correction.title, correction.tags) == ("2022", ["2022", "yes"])


def test_published_dates() -> None:
    curation = load_curation(FIXTURES / "full.yaml")
    assert published_dates(curation) == {
        "docs/statement.txt": DateValue.of_day(2022, 5, 17),
        "docs/2022.txt": DateValue.parse("late 2022"),
    }
    assert published_dates(None) == {}


def test_parse_curation_uses_the_given_name() -> None:
    with pytest.raises(CurationError) as info:
        parse_curation("events: [1]\n", "data/events.yaml")
    assert str(info.value).startswith("data/events.yaml:1:9: ")


# --------------------------------------------------------------------------- applying

DAY_16 = DateValue.of_day(2022, 5, 16)
DAY_17 = DateValue.of_day(2022, 5, 17)


def candidate(
    cid: str,
    date: DateValue | None = DAY_16,
    *,
    source: str | None = None,
    start: int = 0,
    resolved_by: Resolution = Resolution.EXPLICIT,
) -> Candidate:
    source = source or f"docs/{cid.split(':')[0]}.txt"
    return Candidate(
        id=cid, source=source, line=1, column=start + 1, start=start, end=start + 5,
        text="words", kind=Kind.DATE, date=date, resolved_by=resolved_by,
        quote=f"Quote of {cid}.", title=f"Title of {cid}", quote_start=0,
    )  # fmt: skip


def apply(candidates: list[Candidate], yaml_text: str = "", documents=None):  # noqa: ANN001, ANN201
    curation = parse_curation(yaml_text, "events.yaml")
    return apply_curation(candidates, curation, documents)


def test_without_curation_each_candidate_is_an_event() -> None:
    cands = [
        candidate("001:b", DAY_17),
        candidate("000:a", DAY_16, resolved_by=Resolution.PUBLISHED),
    ]
    result = apply_curation(cands, None)
    assert [e.id for e in result.events] == ["000:a", "001:b"]
    first = result.events[0]
    assert (first.date, first.title, first.tags, first.note) == (DAY_16, "Title of 000:a", [], None)
    assert (first.curated, first.resolved_by, first.inferred) == (False, Resolution.PUBLISHED, True)
    ref = first.sources[0]
    assert (ref.source, ref.line, ref.start, ref.end, ref.text) == (
        "docs/000.txt",
        1,
        0,
        5,
        "words",
    )
    assert (ref.quote, ref.candidate, ref.date, ref.resolved_by) == (
        "Quote of 000:a.",
        "000:a",
        DAY_16,
        Resolution.PUBLISHED,
    )
    assert result.problems == [] and result.undated == []


def test_events_sort_by_date_then_source_then_offset() -> None:
    cands = [
        candidate("b:2", DAY_16, source="b.txt", start=9),
        candidate("b:1", DAY_16, source="b.txt", start=3),
        candidate("a:1", DAY_16, source="a.txt", start=50),
        candidate("z:1", DateValue.of_month(2022, 5), source="z.txt"),
        candidate("y:1", DateValue.of_year(2021), source="y.txt"),
    ]
    assert [e.id for e in apply_curation(cands, None).events] == ["y:1", "z:1", "a:1", "b:1", "b:2"]


def test_drop_title_tags_note_and_date() -> None:
    text = """\
events:
  000:a:
    drop: true
    note: a duration
  001:b:
    title: New title
    tags: [one, two]
    note: checked
  002:c:
    date: 2022-05-17
"""
    result = apply([candidate("000:a"), candidate("001:b"), candidate("002:c")], text)
    assert result.problems == []
    events = {e.id: e for e in result.events}
    assert "000:a" not in events
    b = events["001:b"]
    assert (b.title, b.tags, b.note, b.date, b.curated) == (
        "New title",
        ["one", "two"],
        "checked",
        DAY_16,
        False,
    )
    c = events["002:c"]
    assert (c.date, c.resolved_by, c.curated, c.title) == (
        DAY_17,
        Resolution.CURATED,
        True,
        "Title of 002:c",
    )
    assert c.sources[0].date == DAY_16  # the source keeps what the text said


def test_source_metadata_reaches_the_refs() -> None:
    text = "sources:\n  docs/000.txt:\n    title: Statement\n    url: https://e.org\n" \
           "    published: 2022-05-17\n"  # fmt: skip
    ref = apply([candidate("000:a")], text).events[0].sources[0]
    assert (ref.source_title, ref.source_url, ref.source_published) == (
        "Statement",
        "https://e.org",
        DAY_17,
    )


def test_document_metadata_fills_what_the_curator_left_out() -> None:
    docs = {"docs/000.txt": Document("docs/000.txt", "text", title="From the page", url="u")}
    text = "sources:\n  docs/000.txt:\n    title: Curated\n"
    ref = apply([candidate("000:a")], text, docs).events[0].sources[0]
    assert (ref.source_title, ref.source_url) == ("Curated", "u")


def test_merge_keeps_sources_in_order() -> None:
    text = "events:\n  001:may-16:\n    merge: [003:week, 000:yesterday]\n"
    cands = [candidate("000:yesterday"), candidate("001:may-16"), candidate("003:week")]
    result = apply(cands, text)
    assert result.problems == []
    assert [e.id for e in result.events] == ["001:may-16"]
    assert [s.candidate for s in result.events[0].sources] == [
        "001:may-16",
        "003:week",
        "000:yesterday",
    ]
    assert [s.source for s in result.events[0].sources] == [
        "docs/001.txt",
        "docs/003.txt",
        "docs/000.txt",
    ]


def test_merge_with_disagreeing_dates_is_a_contradiction() -> None:
    text = "events:\n  001:a:\n    merge: [000:b]\n"
    result = apply([candidate("001:a", DAY_16), candidate("000:b", DAY_17)], text)
    assert [(p.code, p.subject) for p in result.problems] == [("contradiction", "001:a")]
    assert [str(p) for p in result.problems] == [
        "events.yaml:3:12: error: sources disagree on the date of 001:a: the event takes "
        "16 May 2022 (001:a: 16 May 2022, 000:b: 17 May 2022); set 'date:' to choose"
    ]
    assert result.events[0].date == DAY_16


def test_merge_with_overlapping_dates_is_quiet() -> None:
    text = "events:\n  001:a:\n    merge: [000:b]\n"
    result = apply([candidate("001:a", DAY_16), candidate("000:b", DateValue.of_month(2022, 5))],
                   text)  # fmt: skip
    assert result.problems == []


def test_curated_date_settles_a_disagreement() -> None:
    text = "events:\n  001:a:\n    date: 2022-05-17\n    merge: [000:b]\n"
    result = apply([candidate("001:a", DAY_16), candidate("000:b", DAY_17)], text)
    assert result.problems == []
    assert (result.events[0].date, result.events[0].curated) == (DAY_17, True)


def test_merged_event_without_date_takes_a_members_date_and_says_so() -> None:
    text = "events:\n  001:a:\n    merge: [000:b]\n"
    result = apply([candidate("001:a", None), candidate("000:b", DAY_17)], text)
    assert result.events[0].date == DAY_17
    assert [p.message for p in result.problems] == [
        "001:a has no date; the event takes 17 May 2022 from 000:b; set 'date:' to confirm"
    ]


def test_correction_of_a_merged_event_is_ignored_with_a_warning() -> None:
    text = (
        "events:\n  001:a:\n    merge: [000:b]\n  000:b:\n    title: Other\n    date: 2022-05-16\n"
    )
    result = apply([candidate("001:a"), candidate("000:b")], text)
    assert [e.id for e in result.events] == ["001:a"]
    assert [str(p) for p in result.problems] == [
        "events.yaml:4:3: warning: the date and title of 000:b are ignored because 000:b is "
        "merged into 001:a (line 3)"
    ]


@pytest.mark.parametrize(
    ("keys", "words"),
    [
        ("    title: Other\n", "the title of 000:b is ignored"),
        ("    title: Other\n    tags: [a]\n    note: N\n", "the title, tags and note of 000:b are"),
    ],
)
def test_ignored_corrections_are_named_in_good_grammar(keys: str, words: str) -> None:
    text = f"events:\n  001:a:\n    merge: [000:b]\n  000:b:\n{keys}"
    result = apply([candidate("001:a"), candidate("000:b")], text)
    assert words in result.problems[0].message


def test_unused_title_of_an_undated_candidate_in_good_grammar() -> None:
    result = apply([candidate("001:a", None)], "events:\n  001:a:\n    title: T\n")
    assert [p.message for p in result.problems] == [
        "001:a has no date, so it stays off the timeline and its title is unused; add a "
        "'date:' to place it"
    ]


def test_merging_a_dropped_event_is_an_error() -> None:
    text = "events:\n  001:a:\n    merge: [000:b]\n  000:b:\n    drop: true\n"
    result = apply([candidate("001:a"), candidate("000:b")], text)
    assert [e.id for e in result.events] == ["001:a"]
    assert len(result.events[0].sources) == 1
    assert [str(p) for p in result.errors] == [
        "events.yaml:3:13: error: cannot merge '000:b' into 001:a: it is dropped (line 4)"
    ]


STALE = [
    pytest.param("events:\n  004:june-2019:\n    drop: true\n", 2, 3,
                 "no candidate has the id '004:june-2019' "
                 "(closest: '004:june-2018', '004:may-2018')",
                 id="stale-correction"),
    pytest.param("events:\n  001:a:\n    merge: [004:jun-2018]\n", 3, 13,
                 "no candidate has the id '004:jun-2018' "
                 "(closest: '004:june-2018', '004:may-2018')",
                 id="stale-merge"),
    pytest.param("events:\n  zzz:\n    drop: true\n", 2, 3, "no candidate has the id 'zzz'",
                 id="stale-no-suggestion"),
    pytest.param("events:\n  001:a:\n    merge: [new]\n"
                 "add:\n  new:\n    date: 2022\n    title: T\n    note: n\n",
                 3, 13, "'new' is an added event, not a candidate; only candidates can be merged",
                 id="merge-added-event"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "line", "column", "message"), STALE)
def test_stale_ids_are_errors_with_suggestions(
    text: str, line: int, column: int, message: str
) -> None:
    cands = [candidate("001:a"), candidate("004:june-2018"), candidate("004:may-2018")]
    result = apply(cands, text)
    assert [(p.level, p.line, p.column, p.message) for p in result.problems] == [
        ("error", line, column, message)
    ]
    assert {e.id for e in result.events} >= {"001:a", "004:june-2018"}


def test_closest_suggests_up_to_three() -> None:
    cands = [candidate(f"004:june-201{n}") for n in range(6)]
    result = apply(cands, "events:\n  004:june-2020:\n    drop: true\n")
    assert result.problems[0].message.startswith(
        "no candidate has the id '004:june-2020' (closest: "
    )
    assert result.problems[0].message.count("'004:june-201") == 3


def test_undated_candidates_stay_off_the_timeline() -> None:
    cands = [candidate("000:a", None), candidate("000:b", None), candidate("000:c")]
    text = "events:\n  000:b:\n    date: 2022-05-17\n"
    result = apply(cands, text)
    assert [e.id for e in result.events] == ["000:c", "000:b"]
    assert [c.id for c in result.undated] == ["000:a"]
    assert result.problems == []


def test_undated_candidate_with_only_a_title_warns() -> None:
    result = apply([candidate("000:a", None)], "events:\n  000:a:\n    title: T\n")
    assert result.events == [] and [c.id for c in result.undated] == ["000:a"]
    assert [(p.level, p.line) for p in result.problems] == [("warning", 2)]
    assert "000:a has no date, so it stays off the timeline" in result.problems[0].message


def test_dropped_undated_candidate_is_neither_event_nor_undated() -> None:
    result = apply([candidate("000:a", None)], "events:\n  000:a:\n    drop: true\n")
    assert (result.events, result.undated, result.problems) == ([], [], [])


def test_added_events() -> None:
    text = """\
sources:
  docs/000.txt:
    title: Statement
add:
  vote:
    date: 2022-05-20
    title: Vote
    source: docs/000.txt
    tags: vote
  memory:
    date: 2021
    title: From memory
    note: told by the clerk
"""
    result = apply([candidate("000:a")], text)
    assert result.problems == []
    events = {e.id: e for e in result.events}
    assert [e.id for e in result.events] == ["memory", "000:a", "vote"]
    vote = events["vote"]
    assert (vote.date, vote.title, vote.tags, vote.curated, vote.resolved_by) == (
        DateValue.of_day(2022, 5, 20),
        "Vote",
        ["vote"],
        True,
        Resolution.CURATED,
    )
    assert [(s.source, s.source_title, s.line) for s in vote.sources] == [
        ("docs/000.txt", "Statement", None)
    ]
    memory = events["memory"]
    assert (memory.sources, memory.note) == ([], "told by the clerk")


def test_added_event_with_a_candidate_id_is_left_out() -> None:
    result = apply(
        [candidate("000:a")], "add:\n  000:a:\n    date: 2022\n    note: n\n    title: T\n"
    )
    assert [e.title for e in result.events] == ["Title of 000:a"]
    assert [(p.level, p.line, p.column) for p in result.problems] == [("error", 2, 3)]


def test_paths_no_document_has_are_warnings() -> None:
    docs = {"docs/000.txt": Document("docs/000.txt", "text")}
    text = """\
sources:
  docs/001.txt:
    title: Elsewhere
add:
  vote:
    date: 2022
    title: Vote
    sources: [docs/000.txt, docs/00.txt]
"""
    result = apply([candidate("000:a")], text, docs)
    assert [str(p) for p in result.problems] == [
        "events.yaml:2:3: warning: no document has the path 'docs/001.txt' "
        "(closest: 'docs/000.txt')",
        "events.yaml:5:3: warning: added event vote cites 'docs/00.txt', which no document has "
        "(closest: 'docs/000.txt')",
    ]
    # without documents nothing can be checked, so nothing is reported
    assert apply([candidate("000:a")], text).problems == []


def test_problem_str() -> None:
    problem = Problem("warning", "something", "data/events.yaml", 3, 7)
    assert str(problem) == "data/events.yaml:3:7: warning: something"


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(CurationError) as info:
        parse_curation("[" * 5000, "f.yaml")
    assert str(info.value) == "f.yaml:1:1: could not read YAML: nested too deeply"


@settings(max_examples=300, deadline=None)
@given(
    section=st.sampled_from(["events", "add", "sources"]),
    key=st.sampled_from(["date", "title", "tags", "note", "drop", "merge", "source", "published"]),
    value=st.one_of(
        st.text(max_size=12),
        st.sampled_from(["2023-02-30", "~", "[a, a]", "{x: 1}", "yes", "'", "0000", "*a", "..."]),
    ),
)
def test_any_value_loads_or_fails_cleanly(section: str, key: str, value: str) -> None:
    try:
        parse_curation(f"{section}:\n  a:\n    {key}: {value}\n", "f.yaml")
    except CurationError as error:
        assert error.line >= 1 and error.column >= 1
        assert str(error).startswith(f"f.yaml:{error.line}:{error.column}: ")
