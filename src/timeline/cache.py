"""A cache of each document's extraction, so unchanged documents are not read or tagged again.

Where: ``$TIMELINE_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/timeline``, else
``~/.cache/timeline``. One entry per document, named by a key made of everything that
changes the result: the tool's version and a fingerprint of its code, the versions of the
readers' libraries, the document's bytes (SHA-256), its format and the publication date it
was given. A change to any of them is a different key, so a stale entry is never served.
Entries are written atomically (a temporary file renamed into place) and carry a checksum;
one that is damaged is ignored, and rewritten by the run that finds it so.

An entry holds the document's candidates as plain rows (see ``pack_candidates``), quick to
read back by the thousand. ``KnownFiles`` remembers the digest of files already read, so
that a file whose size, times and identity have not changed since is not read again to find
its entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .dates import DateValue, Precision, Qualifier
from .documents import DocumentInfo
from .models import Candidate, Kind, Resolution

ENV_VAR = "TIMELINE_CACHE_DIR"
ENTRIES = "documents"  # the folder inside the cache folder that holds entries
KNOWN = "known-files"  # the file inside the cache folder that holds KnownFiles
SUFFIX = ".entry"
MAGIC = b"timeline-cache-1\n"
_DIGEST = hashlib.sha256().digest_size

#: Libraries whose version changes what is read from a document.
READER_LIBRARIES = ("beautifulsoup4", "pypdf", "python-docx")


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
    """The tool's version, a hash of its code, and the reader libraries' versions."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    for library in READER_LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}".encode())
    return digest.hexdigest()


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

    def read(self, key: str) -> bytes | None:
        """The stored body of an entry, or None when it is missing or damaged."""
        try:
            with open(self._path(key), "rb") as entry:
                raw = entry.read()
        except OSError:
            return None
        return _checked(raw)

    def write(self, key: str, body: bytes) -> bool:
        """Store ``body``; False when the folder cannot be written (the run goes on)."""
        try:
            _write_atomically(Path(self._path(key)), _with_check(body))
        except OSError:
            return False
        return True

    def get(self, key: str) -> Any | None:
        body = self.read(key)
        if body is None:
            return None
        try:
            return pickle.loads(body)
        except Exception:  # noqa: BLE001 - any unreadable entry is only a miss
            return None

    def put(self, key: str, value: Any) -> bool:
        return self.write(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

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


def _sha(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()


def _with_check(body: bytes) -> bytes:
    return MAGIC + _sha(body) + body


def _checked(raw: bytes) -> bytes | None:
    """The body of what ``_with_check`` made, or None if it was damaged."""
    body = raw[len(MAGIC) + _DIGEST :]
    if not raw.startswith(MAGIC) or raw[len(MAGIC) : len(MAGIC) + _DIGEST] != _sha(body):
        return None
    return body


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
            stored_code, files = pickle.loads(_checked(path.read_bytes()) or b"")
            if stored_code == code and isinstance(files, dict):
                self._files = files
        except Exception:  # noqa: BLE001 - missing, damaged or unreadable: nothing is known
            pass

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
        try:
            _write_atomically(self.path, _with_check(pickle.dumps((self.code, files), protocol=5)))
        except OSError:
            pass
        self._changed = False


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
# are read back quickly, and dates and phrases found in many documents become one shared
# object each (see ``Unpacker``), which keeps a large run's memory down.

_KINDS = {kind.value: kind for kind in Kind}
_RESOLUTIONS = {resolution.value: resolution for resolution in Resolution}
_PRECISIONS = {precision.value: precision for precision in Precision}
_QUALIFIERS = {qualifier.value: qualifier for qualifier in Qualifier}


def pack_date(value: DateValue | None) -> tuple | None:
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


def pack_candidates(found: list[Candidate], prefix: str) -> tuple[tuple, tuple[tuple, ...]]:
    """The distinct dates of a document's candidates, and a row for each candidate that
    refers to its date by place in the first. ``source`` is left out and ids lose their
    ``prefix``: both are given back when unpacking, so a moved document's entry still serves.
    """
    cut = len(prefix)
    dates: dict[tuple | None, int] = {}
    quotes: dict[str, str] = {}  # one string for a sentence quoted by several candidates
    rows = tuple(
        (c.id[cut:], c.line, c.column, c.start, c.end, c.text, c.kind.value,
         dates.setdefault(pack_date(c.date), len(dates)), c.resolved_by.value,
         quotes.setdefault(c.quote, c.quote), c.title, c.quote_start, c.page, c.timex,
         c.reason, _unprefixed(c.happening, cut), c.grouped)
        for c in found
    )  # fmt: skip
    return tuple(dates), rows


def _unprefixed(ident: str | None, cut: int) -> str | None:
    return None if ident is None else ident[cut:]


def pack_info(info: DocumentInfo) -> tuple:
    """A DocumentInfo without its path (given back when unpacking)."""
    return (pack_date(info.published), info.published_from, info.title, info.url, info.format,
            info.pages, info.characters)  # fmt: skip


class Unpacker:
    """Packed rows back into objects; equal dates and phrases are shared between documents."""

    def __init__(self) -> None:
        self._dates: dict[tuple, DateValue] = {}
        self._phrases: dict[str, str] = {}

    def date(self, row: tuple | None) -> DateValue | None:
        if row is None:
            return None
        value = self._dates.get(row)
        if value is None:
            value = self._dates[row] = self._new_date(row)
        return value

    def _new_date(self, row: tuple) -> DateValue:
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
        self, packed: tuple[tuple, tuple[tuple, ...]], source: str, prefix: str
    ) -> list[Candidate]:
        table, rows = packed
        dates = [self.date(row) for row in table]
        phrase = self._phrases.setdefault
        return [
            Candidate(prefix + ident, source, line, column, start, end, phrase(text, text),
                      _KINDS[kind], dates[when], _RESOLUTIONS[how], quote, title, quote_start,
                      page, timex, reason, None if lead is None else prefix + lead, grouped)
            for (ident, line, column, start, end, text, kind, when, how, quote, title,
                 quote_start, page, timex, reason, lead, grouped) in rows
        ]  # fmt: skip

    def info(self, row: tuple, path: str) -> DocumentInfo:
        published, published_from, title, url, fmt, pages, characters = row
        return DocumentInfo(path, self.date(published), published_from, title, url, fmt, pages,
                            characters)  # fmt: skip
