"""The pipeline over many documents: parallel runs, the cache, progress, what is kept."""

from __future__ import annotations

import gc
import importlib.metadata
import io
import os
import pickle
import sys
from dataclasses import MISSING, fields
from pathlib import Path

import pytest

from timeline import cache as cache_module
from timeline import pipeline
from timeline.cache import (
    Cache,
    KnownFiles,
    Unpacker,
    clear_cache,
    decode_entry,
    default_cache_dir,
    encode_entry,
    pack_candidates,
    pack_info,
)
from timeline.dates import DateValue
from timeline.documents import DocumentInfo
from timeline.models import Candidate, Kind, Resolution
from timeline.pipeline import build, extract

TEXTS = {
    "docs/001_one.txt": "The school opened in June 2018. It closed yesterday.",
    "docs/002_two.md": "# Review\n\nThe **review** began in *spring 2020* and ended in late 2022.",
    "docs/sub/003_three.txt": "LONDON, 16 May 2022 — The council met on Monday.",
    "docs/sub/004_four.txt": "Nothing dated here at all.",
}


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, text in TEXTS.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    return tmp_path


def rows(extraction) -> list[tuple]:
    return [(c.id, c.source, c.line, c.start, c.end, c.date and c.date.edtf, c.quote, c.page)
            for c in extraction.candidates]  # fmt: skip


def test_candidates_are_the_same_in_order_whatever_the_jobs(docs, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)  # use worker processes even so
    one = extract([Path("docs")], jobs=1, cache=False)
    two = extract([Path("docs")], jobs=2, cache=False)
    assert rows(one) == rows(two)
    assert [c.id for c in one.candidates] == [
        "001:june-2018", "001:yesterday", "002:spring-2020", "002:late-2022",
        "003:16-may-2022", "003:monday",
    ]  # fmt: skip


def test_a_dateline_is_the_publication_date_from_metadata(docs) -> None:
    result = extract([Path("docs")], cache=False, published=DateValue.of_year(2000))
    by_path = {d.path: d for d in result.documents}
    dated = by_path["docs/sub/003_three.txt"]
    assert (dated.published, dated.published_from) == (DateValue.of_day(2022, 5, 16), "metadata")
    assert by_path["docs/001_one.txt"].published_from == "option"
    monday = next(c for c in result.candidates if c.id == "003:monday")
    assert monday.date == DateValue.of_day(2022, 5, 16)


def test_only_light_document_info_is_kept(docs) -> None:
    result = extract([Path("docs")], cache=False)
    assert all(isinstance(d, DocumentInfo) for d in result.documents)
    assert "text" not in {f.name for f in fields(DocumentInfo)}
    assert [d.characters for d in result.documents] == [len(t) for t in TEXTS.values()]


def test_progress_is_reported_for_every_document(docs) -> None:
    Path("docs/skip.png").write_bytes(b"\x89PNG")
    calls: list[tuple[int, int]] = []
    extract([Path("docs")], cache=False, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (1, 5)  # the picture is passed over before any reading
    assert calls[-1] == (5, 5)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_include_and_exclude_globs(docs) -> None:
    only_md = extract([Path("docs")], include_globs=["*.md"], cache=False)
    assert [d.path for d in only_md.documents] == ["docs/002_two.md"]
    no_sub = extract([Path("docs")], exclude_globs=["sub"], cache=False)
    assert [d.path for d in no_sub.documents] == ["docs/001_one.txt", "docs/002_two.md"]
    no_three = extract([Path("docs")], exclude_globs=["sub/003*"], cache=False)
    assert "docs/sub/003_three.txt" not in [d.path for d in no_three.documents]


def test_dash_reads_standard_input(docs, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"It opened in June 2018.")))
    result = extract([Path("-")], cache=False)
    assert [d.path for d in result.documents] == ["<stdin>"]
    assert [c.id for c in result.candidates] == ["stdin:june-2018"]


def test_an_internal_error_skips_that_document_only(docs, monkeypatch) -> None:
    real = pipeline.extract_document

    def failing(document, prefix, **options):
        if "003" in document.path:
            raise AssertionError("boom")
        return real(document, prefix, **options)

    monkeypatch.setattr(pipeline, "extract_document", failing)
    result = extract([Path("docs")], jobs=1, cache=False)
    reason = dict(result.collection.skipped)["docs/sub/003_three.txt"]
    assert reason.startswith("could not be processed: internal error (AssertionError: boom at ")
    assert len(result.documents) == 3


# ----------------------------------------------------------------------------- the cache
def test_cache_folder_comes_from_the_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "here"))
    assert default_cache_dir() == tmp_path / "here"
    monkeypatch.delenv("TIMELINE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "timeline"


def test_a_second_run_comes_from_the_cache_and_is_the_same(docs) -> None:
    first = extract([Path("docs")])
    second = extract([Path("docs")])
    assert (first.cached, second.cached) == (0, 4)
    assert rows(first) == rows(second)
    assert [d.path for d in second.documents] == [d.path for d in first.documents]


def test_a_changed_document_is_read_again(docs) -> None:
    extract([Path("docs")])
    Path("docs/001_one.txt").write_text("The school opened in July 2019.", encoding="utf-8")
    again = extract([Path("docs")])
    assert again.cached == 3
    assert [c.text for c in again.candidates][:1] == ["July 2019"]


def test_a_different_publication_date_is_not_served_from_the_cache(docs) -> None:
    extract([Path("docs/001_one.txt")])
    dated = extract([Path("docs/001_one.txt")], published=DateValue.of_day(2022, 5, 17))
    assert dated.cached == 0
    assert dated.candidates[1].date == DateValue.of_day(2022, 5, 16)


def test_a_new_version_of_the_code_is_not_served_old_entries(docs, monkeypatch) -> None:
    extract([Path("docs")])
    monkeypatch.setattr(pipeline, "fingerprint", lambda: "another version")
    assert extract([Path("docs")]).cached == 0


def test_another_version_of_a_reader_library_misses_only_its_formats_entries(
    docs, monkeypatch
) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("The bridge reopened in May 2019.")
    document.save("docs/005_five.docx")
    assert extract([Path("docs")], jobs=1).cached == 0
    assert extract([Path("docs")], jobs=1).cached == 5
    version = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata,
        "version",
        lambda name: "0.0.other" if name == "python-docx" else version(name),
    )
    cache_module.reader_version.cache_clear()
    try:
        again = extract([Path("docs")], jobs=1)
    finally:
        cache_module.reader_version.cache_clear()
    assert again.cached == 4  # the text and Markdown documents; the Word one is read again
    assert [c.text for c in again.candidates if c.source.endswith(".docx")] == ["May 2019"]


def test_a_moved_document_is_served_under_its_new_name(docs) -> None:
    extract([Path("docs")])
    Path("docs/sub/003_three.txt").rename("docs/003_moved.txt")
    result = extract([Path("docs")])
    assert result.cached == 4
    moved = [c for c in result.candidates if c.source == "docs/003_moved.txt"]
    assert [c.id for c in moved] == ["003:16-may-2022", "003:monday"]


def test_a_corrupt_entry_is_ignored_and_rewritten(docs) -> None:
    extract([Path("docs")])
    entries = sorted(default_cache_dir().glob("documents/*/*.entry"))
    assert len(entries) == 4
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-5] + b"xxxxx")
    assert extract([Path("docs")]).cached == 0
    assert extract([Path("docs")]).cached == 4


def test_clear_cache_deletes_only_entries(docs) -> None:
    extract([Path("docs")])
    other = default_cache_dir() / "keep.txt"
    other.write_text("not ours", encoding="utf-8")
    assert clear_cache() == 4
    assert other.exists()
    assert extract([Path("docs")]).cached == 0


def test_no_cache_writes_nothing(docs) -> None:
    extract([Path("docs")], cache=False)
    assert not (default_cache_dir() / "documents").exists()


def test_an_unwritable_cache_is_a_warning_not_an_error(docs) -> None:
    blocker = docs / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    result = extract([Path("docs")], cache_dir=blocker)
    assert result.collection.warnings[0].startswith("cache not used: ")
    assert len(result.documents) == 4


def test_cache_entries_round_trip_and_reject_damage(tmp_path) -> None:
    store = Cache(tmp_path, "code")
    key = store.key(b"bytes", "text", None, None)
    assert store.get(key) is None
    assert store.put(key, {"a": 1})
    assert store.get(key) == {"a": 1}
    assert store.key(b"bytes", "text", "2022", "curation") != key
    assert Cache(tmp_path, "other code").key(b"bytes", "text", None, None) != key
    path = next(tmp_path.glob("documents/*/*.entry"))
    path.write_bytes(b"garbage")
    assert store.get(key) is None


def test_fingerprint_covers_the_code() -> None:
    code = cache_module.fingerprint()
    assert len(code) == 64 and code == cache_module.fingerprint()


def test_a_skipped_document_gives_its_prefix_back(docs) -> None:
    Path("docs/sub/001_empty.txt").write_text("  ", encoding="utf-8")
    result = extract([Path("docs")], cache=False)
    assert dict(result.collection.skipped) == {"docs/sub/001_empty.txt": "empty file"}
    assert [c.id for c in result.candidates][:2] == ["001:june-2018", "001:yesterday"]
    Path("docs/sub/001_empty.txt").write_text("Dated 2011.", encoding="utf-8")
    clashing = extract([Path("docs")], cache=False)
    assert [c.id for c in clashing.candidates][:2] == [
        "docs/001_one.txt:june-2018", "docs/001_one.txt:yesterday",
    ]  # fmt: skip


# ----------------------------------------------------------------------------- compact entries
INTERVAL = DateValue.interval(DateValue.of_year(2012), None)
EVERY_FIELD = Candidate(
    id="doc:late-2022", source="d.pdf", line=3, column=5, start=40, end=49, text="late 2022",
    kind=Kind.TIME, date=DateValue.parse("late 2022"), resolved_by=Resolution.CONTEXT,
    quote="It ended in late 2022.", title="It ended", quote_start=30, page=2, timex="P1Y",
    reason="heading", happening="doc:late-2022", grouped="same clause",
)  # fmt: skip


def test_every_field_of_a_candidate_survives_packing() -> None:
    assert all(getattr(EVERY_FIELD, f.name) not in (f.default, None) for f in fields(Candidate))
    others = [
        Candidate("doc:since-2012", "d.pdf", 4, 1, 60, 70, "since 2012", Kind.DATE, INTERVAL,
                  Resolution.EXPLICIT, "Open since 2012.", "Open", 55),
        Candidate("doc:yesterday", "d.pdf", 5, 1, 80, 89, "yesterday", Kind.DATE, None,
                  Resolution.UNRESOLVED, "It fell yesterday.", "It fell", 71),
    ]  # fmt: skip
    found = [EVERY_FIELD, *others]
    row = (None, None, (), pack_candidates(found, "doc"))
    back = Unpacker().candidates(decode_entry(encode_entry(row))[3], "d.pdf", "doc")
    assert back == found
    assert back[1].date.endpoints == INTERVAL.endpoints
    moved = Unpacker().candidates(pack_candidates(found, "doc"), "new/e.pdf", "e")
    assert [(c.id, c.source) for c in moved] == [
        ("e:late-2022", "new/e.pdf"), ("e:since-2012", "new/e.pdf"), ("e:yesterday", "new/e.pdf"),
    ]  # fmt: skip


def test_unpacked_documents_share_equal_dates() -> None:
    unpacker = Unpacker()
    one = unpacker.candidates(pack_candidates([EVERY_FIELD], "doc"), "a.txt", "a")
    two = unpacker.candidates(pack_candidates([EVERY_FIELD], "doc"), "b.txt", "b")
    assert one[0].date is two[0].date
    assert one[0].text is two[0].text


def test_unpacked_documents_share_equal_quotes_and_titles() -> None:
    # Read back from bytes, as from the cache, where every string is made anew.
    unpacker = Unpacker()

    def read(source: str, prefix: str) -> list[Candidate]:
        row = (None, None, (), pack_candidates([EVERY_FIELD], "doc"))
        return unpacker.candidates(decode_entry(encode_entry(row))[3], source, prefix)

    one, two = read("a.txt", "a"), read("b.txt", "b")
    assert one[0].quote == two[0].quote and one[0].quote is two[0].quote
    assert one[0].title is two[0].title
    assert one[0].reason is two[0].reason and one[0].grouped is two[0].grouped
    # The happening a candidate dates is named by the very string of its first mention's id.
    assert one[0].happening == one[0].id and one[0].happening is one[0].id


def test_document_info_survives_packing() -> None:
    info = DocumentInfo("d.pdf", DateValue.of_day(2023, 3, 1), "metadata", "Title",
                        "https://example.org/d", "pdf", 2, 1234)  # fmt: skip
    assert all(getattr(info, f.name) != f.default for f in fields(DocumentInfo)
               if f.default is not MISSING)  # fmt: skip
    assert Unpacker().info(pack_info(info), "d.pdf") == info


def test_candidates_pickle_and_have_no_instance_dict() -> None:
    assert pickle.loads(pickle.dumps(EVERY_FIELD)) == EVERY_FIELD
    assert not hasattr(EVERY_FIELD, "__dict__")


def test_the_garbage_collector_is_left_as_it_was(docs) -> None:
    extract([Path("docs")])
    assert gc.isenabled()
    gc.disable()
    try:
        assert extract([Path("docs")]).cached == 4
        assert not gc.isenabled()
    finally:
        gc.enable()


# ----------------------------------------------------------------------------- known files
def test_known_files_note_only_settled_files_and_forget_changed_ones(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("In 2011.", encoding="utf-8")
    status = os.stat(path)
    known = KnownFiles(tmp_path / "known", "code")
    known.note(str(path), status, b"digest", "text", status.st_ctime + 1)  # not settled
    assert known.get(str(path), status) is None
    known.note(str(path), status, b"digest", "text", status.st_ctime + KnownFiles.SETTLED)
    assert known.get(str(path), status) == (b"digest", "text")
    known.save()
    assert KnownFiles(tmp_path / "known", "code").get(str(path), status) == (b"digest", "text")
    assert KnownFiles(tmp_path / "known", "other code").get(str(path), status) is None
    path.write_text("In 2011 and 2012.", encoding="utf-8")
    assert known.get(str(path), os.stat(path)) is None


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The documents read, in order, whichever way."""
    done: list[str] = []
    real = pipeline.read_bytes_and_status

    def counting(path, name):
        done.append(name)
        return real(path, name)

    monkeypatch.setattr(pipeline, "read_bytes_and_status", counting)
    return done


def test_a_settled_unchanged_file_is_not_read_again(docs, reads, monkeypatch) -> None:
    monkeypatch.setattr(KnownFiles, "SETTLED", -1.0)  # as if every file were old
    first = extract([Path("docs")])
    reads.clear()
    second = extract([Path("docs")])
    assert (reads, second.cached) == ([], 4)
    assert rows(second) == rows(first)
    Path("docs/001_one.txt").write_text("The school opened in July 2019.", encoding="utf-8")
    third = extract([Path("docs")])
    assert (reads, third.cached) == (["docs/001_one.txt"] * 2, 3)  # to look up, then to tag
    assert third.candidates[0].text == "July 2019"


def test_a_file_just_written_is_read_again_to_find_its_entry(docs, reads) -> None:
    extract([Path("docs")])
    reads.clear()
    assert extract([Path("docs")]).cached == 4
    assert len(reads) == 4


def test_clear_cache_forgets_known_files(docs, monkeypatch) -> None:
    monkeypatch.setattr(KnownFiles, "SETTLED", -1.0)
    extract([Path("docs")])
    assert (default_cache_dir() / "known-files").is_file()
    clear_cache()
    assert not (default_cache_dir() / "known-files").exists()


# ----------------------------------------------------------------------------- build
def test_build_keeps_curation_working_with_document_info(docs) -> None:
    timeline = build([Path("docs")], cache=False)
    assert {e.title for e in timeline.events} >= {"School opens"}
    assert len(timeline.extraction.documents) == 4
