"""The pipeline over many documents: parallel runs, the cache, progress, what is kept."""

from __future__ import annotations

import io
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from timeline import cache as cache_module
from timeline import pipeline
from timeline.cache import Cache, clear_cache, default_cache_dir
from timeline.dates import DateValue
from timeline.documents import DocumentInfo
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


# ----------------------------------------------------------------------------- build
def test_build_keeps_curation_working_with_document_info(docs) -> None:
    timeline = build([Path("docs")], cache=False)
    assert {e.title for e in timeline.events} >= {"The school opened"}
    assert len(timeline.extraction.documents) == 4
