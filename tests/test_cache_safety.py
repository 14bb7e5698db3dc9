"""A cache folder may be shared, restored or planted: nothing read from it runs code, and an
entry that is not exactly what this version wrote for this document is a miss."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from timeline.cache import KNOWN, Cache, default_cache_dir, fingerprint
from timeline.pipeline import extract

TEXTS = {
    "docs/001_one.txt": "The school opened in June 2018. It closed on 3 May 2021.",
    "docs/002_two.txt": "The review began in spring 2020 and ended in late 2022.",
}


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, text in TEXTS.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    return tmp_path


class _Marker:
    """Unpickling this creates a file: the proof that a pickle was loaded."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return open, (str(self.path), "w")


def _as_old_cache_wrote(body: bytes) -> bytes:
    return b"timeline-cache-1\n" + hashlib.sha256(body).digest() + body


def summary(result) -> list[tuple]:
    return [(c.id, c.source, c.line, c.start, c.end, c.date and c.date.edtf, c.quote, c.title)
            for c in result.candidates]  # fmt: skip


def entries() -> list[Path]:
    return sorted((default_cache_dir() / "documents").glob("*/*.entry"))


def key_of(entry: Path) -> str:
    return entry.parent.name + entry.name.removesuffix(".entry")


def test_a_planted_pickle_never_runs(docs: Path) -> None:
    marker = docs / "ran"
    payload = pickle.dumps((fingerprint(), {"x": _Marker(marker)}))
    default_cache_dir().mkdir(parents=True, exist_ok=True)
    index = default_cache_dir() / KNOWN
    for forged in (_as_old_cache_wrote(payload), payload):
        index.write_bytes(forged)
        fresh = extract([Path("docs")])
        assert not marker.exists()
        assert fresh.documents and not fresh.collection.skipped
    for entry in entries():  # the entries themselves, forged the same way
        entry.write_bytes(_as_old_cache_wrote(pickle.dumps(_Marker(marker))))
    again = extract([Path("docs")])
    assert not marker.exists()
    assert again.cached == 0 and summary(again) == summary(fresh)


def test_nothing_is_stored_as_a_pickle(docs: Path) -> None:
    extract([Path("docs")])
    written = [*entries(), default_cache_dir() / KNOWN]
    for path in written:
        if path.exists():
            body = path.read_bytes()
            assert b"\x80\x04\x95" not in body and b"\x80\x05\x95" not in body  # pickle frames
            assert body.startswith(b"timeline-cache-2 msgpack\n")


def test_entries_swapped_between_documents_are_misses(docs: Path) -> None:
    first = extract([Path("docs")])
    one, two = entries()
    a, b = one.read_bytes(), two.read_bytes()
    one.write_bytes(b)
    two.write_bytes(a)
    swapped = extract([Path("docs")])
    assert swapped.cached == 0
    assert summary(swapped) == summary(first)
    assert extract([Path("docs")]).cached == 2  # rewritten where they belong


def _rows(row: tuple, change) -> tuple:
    """The entry ``row`` with each candidate's row changed."""
    table, texts, rows = row[3]
    return (*row[:3], (table, texts, tuple(change(r) for r in rows)))


@pytest.mark.parametrize(
    "damage",
    [
        lambda row: _rows(row, lambda r: (r[0], "3", *r[2:])),
        lambda row: _rows(row, lambda r: (*r[:10], 42, *r[11:])),
        lambda row: (*row[:3], (row[3][0], (7,), row[3][2])),
        lambda row: (*row[:3], ((("2018", "year", "x", None, None, None),), *row[3][1:])),
        lambda row: (row[0], (None, None, None, None, "text", None, "many"), *row[2:]),
        lambda row: (*row[:2], (b"bytes",), row[3]),
        lambda row: {"a": row},
        lambda row: (row[0], row[1], row[2]),
    ],
    ids=["line as text", "title as a number", "quote not text", "date of the wrong shape",
         "info of the wrong shape", "warning as bytes", "a map", "too short"],
)  # fmt: skip
def test_an_entry_of_the_wrong_shape_is_a_miss(docs: Path, damage) -> None:
    from timeline.cache import decode_entry, encode_entry

    first = extract([Path("docs")])
    store = Cache()
    for entry in entries():
        key = key_of(entry)
        body = store.read(key)
        assert body is not None
        assert store.write(key, encode_entry(damage(decode_entry(body))))
    again = extract([Path("docs")])
    assert again.cached == 0 and not again.collection.skipped
    assert summary(again) == summary(first)


def test_damaged_and_other_format_entries_are_misses(docs: Path) -> None:
    first = extract([Path("docs")])
    one, two = entries()
    raw = one.read_bytes()
    one.write_bytes(raw[:-1] + bytes([raw[-1] ^ 1]))  # one bit
    two.write_bytes(raw.replace(b"timeline-cache-2", b"timeline-cache-9", 1))
    again = extract([Path("docs")])
    assert again.cached == 0 and summary(again) == summary(first)


def test_a_forged_known_files_index_is_ignored(docs: Path) -> None:
    from timeline.cache import KnownFiles, _dump, _with_check

    index = default_cache_dir() / KNOWN
    default_cache_dir().mkdir(parents=True, exist_ok=True)
    tag = hashlib.sha256(b"known-files").hexdigest()
    for files in ([("a", ("x",), b"d", "text")], "nonsense", [("a", (1, 2, 3, 4, 5), 7, "t")]):
        index.write_bytes(_with_check(_dump({"code": fingerprint(), "files": files}), tag))
        assert KnownFiles(index, fingerprint()).get("a", Path("docs/001_one.txt").stat()) is None
        assert extract([Path("docs")]).documents
