"""A cache of each document's extraction, so unchanged documents are not read or tagged again.

Where: ``$TIMELINE_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/timeline``, else
``~/.cache/timeline``. One entry per document, named by a key made of everything that
changes the result: the tool's version and a fingerprint of its code, the document's bytes
(SHA-256), its format, the version of the library that reads that format (PDF, Word)
and the publication date it was given. A change to any of them is a different key, so a
stale entry is never served. Entries are written atomically (a temporary file renamed into
place).

A cache folder may be shared by a team, restored from a backup or planted by someone else, so
nothing read from it can run code: entries and the index of known files are MessagePack
(format 2), which decodes to tuples, strings, numbers, bytes and nothing else (its extension
types are left as opaque values, never turned into objects). It reads back as fast as the
pickles it replaced, where JSON took twice as long (and a cached run is mostly reading
entries). Each file starts with a line naming the format and its version, then the key it was
written for and a CRC-32 of key and body: an entry of another format, one that is damaged,
one that was written for another key (entries swapped or copied between names) or one that
does not have the expected shape, field by field, is a miss, never an error, and is
rewritten by the run that finds it so. The CRC catches damage, not forgery: whoever can write
to the folder can write an entry that says something wrong, but never one that runs code or
stops a run.

An entry holds the document's candidates as plain rows (see ``pack_candidates``), quick to
read back by the thousand; ``encode_entry`` and ``decode_entry`` turn such rows into an
entry's bytes and back, checking every field's type. ``KnownFiles`` remembers the digest of
files already read, so that a file whose size, times and identity have not changed since is
not read again to find its entry.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from datetime import date
from functools import cache, lru_cache
from itertools import product
from pathlib import Path
from typing import Any

import msgpack

from . import __version__
from .dates import DateValue, Precision, Qualifier
from .documents import DocumentInfo
from .models import Candidate, Kind, Resolution

ENV_VAR = "TIMELINE_CACHE_DIR"
ENTRIES = "documents"  # the folder inside the cache folder that holds entries
KNOWN = "known-files"  # the file inside the cache folder that holds KnownFiles
SUFFIX = ".entry"
#: The first line of every file the cache writes: the format and its version.
MAGIC = b"timeline-cache-2 msgpack\n"
_DIGEST = hashlib.sha256().digest_size
_CRC = 4  # bytes of the CRC-32 that catches a damaged file
#: What the known-files index is tied to, in place of an entry's key.
_KNOWN_TAG = hashlib.sha256(b"known-files").hexdigest()

#: Libraries whose version changes what is read from a document, by the format they read.
READER_LIBRARIES = {"pdf": "pypdf", "docx": "python-docx"}


def default_cache_dir() -> Path:
    """The cache folder: ``$TIMELINE_CACHE_DIR``, ``$XDG_CACHE_HOME/timeline`` or
    ``~/.cache/timeline``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "timeline"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The tool's version and a hash of its code."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


@cache
def reader_version(fmt: str) -> str | None:
    """The version of the library that reads documents of format ``fmt`` ("-" when it is not
    installed), or None for a format the package reads by itself (text, Markdown, HTML).

    Looked up only for a document of such a format: finding an installed library's version
    (``importlib.metadata``, which reads the records of the installed distributions and
    imports the e-mail parser to do so) was about 7% of a cached ``show`` of text documents.
    """
    library = READER_LIBRARIES.get(fmt)
    if library is None:
        return None
    from importlib import metadata

    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "-"


def fingerprint_with_readers() -> str:
    """``fingerprint`` and the version of every reader library: what must be the same on
    every machine that reads documents for one run."""
    versions = [f"{fmt}={reader_version(fmt)}" for fmt in sorted(READER_LIBRARIES)]
    return hashlib.sha256(" ".join([fingerprint(), *versions]).encode()).hexdigest()


def document_key(code: str, data: bytes, *parts: object) -> str:
    """The key of one document's entry: ``code`` (the fingerprint), its bytes, and ``parts``
    (format, publication date given and where from)."""
    return digest_key(code, hashlib.sha256(data).digest(), *parts)


def digest_key(code: str, content: bytes, *parts: object) -> str:
    """``document_key`` from the SHA-256 digest of the document's bytes."""
    digest = hashlib.sha256(code.encode())
    digest.update(content)
    digest.update(repr(parts).encode())
    return digest.hexdigest()


class Cache:
    """Entries in one cache folder; every failure to read or write is a miss, never an error."""

    def __init__(self, directory: Path | None = None, code: str | None = None) -> None:
        self.directory = (directory or default_cache_dir()) / ENTRIES
        self.code = code or fingerprint()

    def key(self, data: bytes, *parts: object) -> str:
        return document_key(self.code, data, *parts)

    def digest_key(self, content: bytes, *parts: object) -> str:
        return digest_key(self.code, content, *parts)

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key[2:] + SUFFIX)

    def read(self, key: str) -> memoryview | None:
        """The stored body of the entry for ``key`` (a view of the bytes read), or None when
        it is missing, damaged, of another format, or written for another key."""
        try:
            with open(self._path(key), "rb") as entry:
                raw = entry.read()
        except OSError:
            return None
        return _checked(raw, key)

    def write(self, key: str, body: bytes) -> bool:
        """Store ``body``; False when the folder cannot be written (the run goes on)."""
        try:
            _write_atomically(Path(self._path(key)), _with_check(body, key))
        except (OSError, ValueError):
            return False
        return True

    def get(self, key: str) -> Any | None:
        """The value stored for ``key``, or None (missing or unreadable: a miss)."""
        body = self.read(key)
        if body is None:
            return None
        try:
            return _load(body)
        except ValueError:
            return None

    def put(self, key: str, value: Any) -> bool:
        """Store ``value`` (tuples, lists, dicts, strings, numbers, bytes) for ``key``."""
        return self.write(key, _dump(value))

    def known_files(self) -> KnownFiles:
        return KnownFiles(self.directory.parent / KNOWN, self.code)

    def writable(self) -> str | None:
        """None when entries can be written here, else why not."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            return f"{self.directory}: {err.strerror or err}"
        if not os.access(self.directory, os.W_OK):
            return f"{self.directory}: not writable"
        return None


def _crc(tag: bytes, body: bytes | memoryview) -> bytes:
    return zlib.crc32(body, zlib.crc32(tag)).to_bytes(_CRC, "big")


def _with_check(body: bytes, key: str) -> bytes:
    """The file for ``body``: the format's line, the key, a checksum of both, the body."""
    tag = bytes.fromhex(key)
    if len(tag) != _DIGEST:
        raise ValueError(f"not a cache key: {key!r}")
    return MAGIC + tag + _crc(tag, body) + body


def _checked(raw: bytes, key: str) -> memoryview | None:
    """The body of what ``_with_check`` made for ``key``; None if it was made for another
    key, in another format, or damaged."""
    try:
        tag = bytes.fromhex(key)
    except ValueError:
        return None
    start = len(MAGIC) + _DIGEST + _CRC
    if not raw.startswith(MAGIC) or raw[len(MAGIC) : len(MAGIC) + _DIGEST] != tag:
        return None
    body = memoryview(raw)[start:]  # not copied: read by the decoder as it is
    return body if raw[len(MAGIC) + _DIGEST : start] == _crc(tag, body) else None


def _dump(value: Any) -> bytes:
    packed: bytes = msgpack.packb(value, use_bin_type=True, unicode_errors="surrogatepass")
    return packed


def _load(body: bytes | memoryview) -> Any:
    """What ``_dump`` wrote (arrays as tuples); ValueError for anything else."""
    try:
        return msgpack.unpackb(
            body, use_list=False, raw=False, strict_map_key=True,
            unicode_errors="surrogatepass",
        )  # fmt: skip
    except (ValueError, TypeError, msgpack.UnpackException, RecursionError) as err:
        raise ValueError(f"unreadable ({type(err).__name__})") from None


def _write_atomically(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=SUFFIX)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class KnownFiles:
    """The SHA-256 digest and format of files read before, so that an unchanged file is not
    even read again to find its entry.

    A file counts as unchanged while its device, inode, size, and modification and change
    times (to the nanosecond) are all as they were when it was read. A file is noted only
    when it was last changed at least ``SETTLED`` seconds before it was read: a file changed
    again within the same tick of a coarse file-system clock could otherwise keep the same
    times with other bytes. What is known is kept with the fingerprint of the code, and
    forgotten when that changes.
    """

    SETTLED = 3.0  # seconds
    LIMIT = 200_000  # files remembered; the ones not seen for longest are forgotten first

    def __init__(self, path: Path, code: str) -> None:
        self.path = path
        self.code = code
        self._files: dict[str, tuple[tuple[int, ...], bytes, str]] = {}
        self._changed = False
        try:
            body = _checked(path.read_bytes(), _KNOWN_TAG)
        except OSError:
            body = None
        if body is not None:
            self._files = _known_files(body, code)

    def get(self, path: str, status: os.stat_result) -> tuple[bytes, str] | None:
        """The digest and format of the file at ``path`` (absolute), if it is unchanged."""
        known = self._files.get(path)
        if known is None or known[0] != _identity(status):
            return None
        return known[1], known[2]

    def note(
        self, path: str, status: os.stat_result, content: bytes, fmt: str, read_at: float
    ) -> None:
        """What was read from ``path`` at ``read_at`` (``time.time()``) while it had
        ``status``."""
        if read_at - max(status.st_mtime, status.st_ctime) < self.SETTLED:
            return
        self._files.pop(path, None)  # moved to the end: seen most recently
        self._files[path] = (_identity(status), content, fmt)
        self._changed = True

    def save(self) -> None:
        """Write what is known back (a failure only means files are read next time)."""
        if not self._changed:
            return
        files = self._files
        if len(files) > self.LIMIT:
            files = dict(list(files.items())[-self.LIMIT :])
        rows = [(name, identity, digest, fmt) for name, (identity, digest, fmt) in files.items()]
        body = _dump({"code": self.code, "files": rows})
        try:
            _write_atomically(self.path, _with_check(body, _KNOWN_TAG))
        except OSError:
            pass
        self._changed = False


_IDENTITY_FIELDS = 5


def _known_files(
    body: bytes | memoryview, code: str
) -> dict[str, tuple[tuple[int, ...], bytes, str]]:
    """The files noted in an index's body, if it was written for ``code`` and every row is
    as ``KnownFiles.save`` writes it; else nothing (the files are read again)."""
    try:
        stored = _load(body)
        if type(stored) is not dict or stored.get("code") != code:
            return {}
        files = {}
        for name, identity, digest, fmt in stored["files"]:
            if not (type(name) is str and type(fmt) is str and type(digest) is bytes
                    and type(identity) is tuple and len(identity) == _IDENTITY_FIELDS
                    and all(type(n) is int for n in identity)):  # fmt: skip
                return {}
            files[name] = (identity, digest, fmt)
        return files
    except (ValueError, TypeError, KeyError):
        return {}


def _identity(status: os.stat_result) -> tuple[int, ...]:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns,
            status.st_ctime_ns)  # fmt: skip


def clear_cache(directory: Path | None = None) -> int:
    """Delete every entry in the cache folder; returns how many were deleted.

    Only the cache's own entries are touched, never other files in the folder.
    """
    try:
        (directory or default_cache_dir()).joinpath(KNOWN).unlink(missing_ok=True)
    except OSError:
        pass
    entries = (directory or default_cache_dir()) / ENTRIES
    if not entries.is_dir():
        return 0
    removed = 0
    for entry in entries.glob(f"*/*{SUFFIX}"):
        try:
            entry.unlink()
            removed += not entry.name.startswith(".tmp-")
        except OSError:
            continue
    for folder in entries.iterdir():
        if folder.is_dir():
            try:
                folder.rmdir()
            except OSError:
                pass
    try:
        entries.rmdir()
    except OSError:
        pass
    return removed


# --------------------------------------------------------------------------- compact entries
# An entry holds plain tuples, strings and numbers rather than objects: thousands of them
# are read back quickly, and dates, phrases, quotes and titles found in many documents
# become one shared object each (see ``Unpacker``), which keeps a large run's memory down.

#: A row as it is written and read back: a tuple of plain values and rows, whose shape is
#: checked field by field where it is read.
Row = tuple[Any, ...]

#: Kinds and resolutions by number in an entry (the code's fingerprint keys entries, so a
#: change of order is never read with the old numbers).
_KINDS = tuple(Kind)
_RESOLUTIONS = tuple(Resolution)
_KIND_CODES = {kind: number for number, kind in enumerate(_KINDS)}
_RESOLUTION_CODES = {resolution: number for number, resolution in enumerate(_RESOLUTIONS)}
_PRECISIONS = {precision.value: precision for precision in Precision}
_QUALIFIERS = {qualifier.value: qualifier for qualifier in Qualifier}


def pack_date(value: DateValue | None) -> Row | None:
    if value is None:
        return None
    ends = value.endpoints
    return (
        value.edtf,
        value.precision.value,
        value.earliest.toordinal() if value.earliest else None,
        value.latest.toordinal() if value.latest else None,
        value.qualifier.value if value.qualifier else None,
        None if ends is None else (pack_date(ends[0]), pack_date(ends[1])),
    )


def pack_candidates(found: list[Candidate], prefix: str) -> tuple[Row, Row, Row]:
    """The distinct dates of a document's candidates, its distinct quotes and reasons, and a
    row for each candidate that refers to its date and texts by place in the first two.
    ``source`` is left out and ids lose their ``prefix``: both are given back when unpacking,
    so a moved document's entry still serves.
    """
    cut = len(prefix)
    dates: dict[Row | None, int] = {}
    texts: dict[str, int] = {}  # a sentence quoted by several candidates is kept once

    def text(value: str | None) -> int | None:
        return None if value is None else texts.setdefault(value, len(texts))

    rows = tuple(
        (c.id[cut:], c.line, c.column, c.start, c.end, c.text, _KIND_CODES[c.kind],
         dates.setdefault(pack_date(c.date), len(dates)), _RESOLUTION_CODES[c.resolved_by],
         text(c.quote), c.title, c.quote_start, c.page, c.timex, text(c.reason),
         _unprefixed(c.happening, cut), text(c.grouped))
        for c in found
    )  # fmt: skip
    return tuple(dates), tuple(texts), rows


def _unprefixed(ident: str | None, cut: int) -> str | None:
    return None if ident is None else ident[cut:]


def pack_info(info: DocumentInfo) -> Row:
    """A DocumentInfo without its path (given back when unpacking)."""
    return (pack_date(info.published), info.published_from, info.title, info.url, info.format,
            info.pages, info.characters)  # fmt: skip


# --------------------------------------------------------------------------- entry bytes
# An entry is one row: (why the document was skipped or None, its packed info, its warnings,
# its packed candidates), as MessagePack. ``decode_entry`` checks the type of every field,
# so that an entry someone else wrote is read as rows of the expected shape or not at all.

_NONE = type(None)
_OPT_INT = (int, _NONE)
_OPT_STR = (str, _NONE)
#: The types a candidate's row may have, field by field (see ``pack_candidates``).
_ROW_SHAPES = frozenset(
    product((str,), (int,), (int,), (int,), (int,), (str,), (int,), (int,), (int,), (int,),
            (str,), (int,), _OPT_INT, _OPT_STR, _OPT_INT, _OPT_STR, _OPT_INT)
)  # fmt: skip
#: The same for a document's info (see ``pack_info``); its date is checked apart.
_INFO_SHAPES = frozenset(
    product((tuple, _NONE), _OPT_STR, _OPT_STR, _OPT_STR, (str,), _OPT_INT, (int,))
)
#: The same for a date without ends, and with them (checked apart).
_DATE_SHAPES = frozenset(product((str,), (str,), _OPT_INT, _OPT_INT, _OPT_STR, (_NONE,)))
_ENDED_SHAPES = frozenset(product((str,), (str,), _OPT_INT, _OPT_INT, _OPT_STR, (tuple,)))
_MAX_DATE_DEPTH = 3  # a date, an interval's end, and one more level to spare


def encode_entry(row: Row) -> bytes:
    """The bytes of an entry: ``(skipped, packed info or None, warnings, packed candidates)``
    (see ``pack_info`` and ``pack_candidates``)."""
    return _dump(row)


def decode_entry(body: bytes | memoryview) -> Row:
    """The row ``encode_entry`` made, with every field's type checked; ValueError if
    ``body`` is not such an entry (for the cache: a miss)."""
    row: Row = _load(body)
    try:
        skipped, info, warnings, found = row
        if type(skipped) not in _OPT_STR or type(warnings) is not tuple:
            raise ValueError("not an entry")
        if not all(type(w) is str for w in warnings):
            raise ValueError("a warning that is not text")
        _check_info(info)
        _check_candidates(found)
    except TypeError as err:
        raise ValueError(f"not an entry ({err})") from None
    return row


def _check_info(info: Any) -> None:
    if info is not None and (type(info) is not tuple
                             or tuple(map(type, info)) not in _INFO_SHAPES):  # fmt: skip
        raise ValueError("a document's info of the wrong shape")


def _check_candidates(found: Any) -> None:
    """The rows' fields (dates are checked by ``Unpacker``, once for each distinct date)."""
    table, texts, rows = found
    if type(table) is not tuple or type(texts) is not tuple or type(rows) is not tuple:
        raise ValueError("candidates of the wrong shape")
    if not set(map(type, texts)) <= {str}:
        raise ValueError("a quote that is not text")
    shapes = _ROW_SHAPES
    for row in rows:
        if type(row) is not tuple or tuple(map(type, row)) not in shapes:
            raise ValueError("a candidate of the wrong shape")


def _check_date(row: Row, depth: int = 0) -> None:
    """ValueError unless ``row`` has the shape ``pack_date`` gives (ends checked too)."""
    if type(row) is not tuple:
        raise ValueError("a date of the wrong shape")
    shape = tuple(map(type, row))
    if shape in _DATE_SHAPES:
        return
    if shape not in _ENDED_SHAPES or len(row[5]) != 2 or depth >= _MAX_DATE_DEPTH:
        raise ValueError("a date of the wrong shape")
    for end in row[5]:
        if end is not None:
            _check_date(end, depth + 1)


class Unpacker:
    """Packed rows back into objects; equal dates, phrases, quotes and titles are shared
    between documents (a sentence copied into many documents is kept once), and a
    candidate's ``happening`` is the very string of the id it names."""

    def __init__(self) -> None:
        self._dates: dict[Row, DateValue] = {}
        self._texts: dict[str, str] = {}

    def date(self, row: Row | None) -> DateValue | None:
        if row is None:
            return None
        value = self._dates.get(row)
        if value is None:
            value = self._dates[row] = self._new_date(row)
        return value

    def _new_date(self, row: Row) -> DateValue:
        _check_date(row)  # a row read from a cache entry may have any shape
        edtf, precision, earliest, latest, qualifier, ends = row
        return DateValue(
            edtf,
            _PRECISIONS[precision],
            date.fromordinal(earliest) if earliest is not None else None,
            date.fromordinal(latest) if latest is not None else None,
            _QUALIFIERS[qualifier] if qualifier is not None else None,
            None if ends is None else (self.date(ends[0]), self.date(ends[1])),
        )

    def candidates(
        self, packed: tuple[Row, Row, tuple[Row, ...]], source: str, prefix: str
    ) -> list[Candidate]:
        """The candidates of ``pack_candidates``, for the document ``source`` whose ids start
        ``prefix``. A row out of place (an entry someone else wrote) raises ValueError,
        IndexError or KeyError."""
        table, texts, rows = packed
        dates = [self.date(row) for row in table]
        share, kinds, hows = self._texts.setdefault, _KINDS, _RESOLUTIONS
        shared = [share(text, text) for text in texts]
        ids = {row[0]: prefix + row[0] for row in rows}
        return [
            Candidate(ids[ident], source, line, column, start, end, share(text, text),
                      kinds[kind], dates[when], hows[how], shared[quote], share(title, title),
                      quote_start, page, timex, None if reason is None else shared[reason],
                      None if lead is None else ids.get(lead) or prefix + lead,
                      None if grouped is None else shared[grouped])
            for (ident, line, column, start, end, text, kind, when, how, quote, title,
                 quote_start, page, timex, reason, lead, grouped) in rows
        ]  # fmt: skip

    def info(self, row: Row, path: str) -> DocumentInfo:
        published, published_from, title, url, fmt, pages, characters = row
        return DocumentInfo(path, self.date(published), published_from, title, url, fmt, pages,
                            characters)  # fmt: skip
