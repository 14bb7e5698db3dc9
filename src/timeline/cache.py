"""A cache of each document's extraction, so unchanged documents are not read or tagged again.

Where: ``$TIMELINE_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/timeline``, else
``~/.cache/timeline``. One entry per document, named by a key made of everything that
changes the result: the tool's version and a fingerprint of its code, the versions of the
readers' libraries, the document's bytes (SHA-256), its format and the publication date it
was given. A change to any of them is a different key, so a stale entry is never served.
Entries are written atomically (a temporary file renamed into place) and carry a checksum;
one that is damaged is ignored, and rewritten by the run that finds it so.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__

ENV_VAR = "TIMELINE_CACHE_DIR"
ENTRIES = "documents"  # the folder inside the cache folder that holds entries
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
    digest = hashlib.sha256(code.encode())
    digest.update(hashlib.sha256(data).digest())
    digest.update(repr(parts).encode())
    return digest.hexdigest()


class Cache:
    """Entries in one cache folder; every failure to read or write is a miss, never an error."""

    def __init__(self, directory: Path | None = None, code: str | None = None) -> None:
        self.directory = (directory or default_cache_dir()) / ENTRIES
        self.code = code or fingerprint()

    def key(self, data: bytes, *parts: object) -> str:
        return document_key(self.code, data, *parts)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / (key[2:] + SUFFIX)

    def get(self, key: str) -> Any | None:
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            return None
        body = raw[len(MAGIC) + _DIGEST :]
        if not raw.startswith(MAGIC) or raw[len(MAGIC) : len(MAGIC) + _DIGEST] != _sha(body):
            return None
        try:
            return pickle.loads(body)
        except Exception:  # noqa: BLE001 - any unreadable entry is only a miss
            return None

    def put(self, key: str, value: Any) -> bool:
        """Store ``value``; False when the folder cannot be written (the run goes on)."""
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=SUFFIX)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC + _sha(body) + body)
                os.replace(temp, target)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True

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


def clear_cache(directory: Path | None = None) -> int:
    """Delete every entry in the cache folder; returns how many were deleted.

    Only the cache's own entries are touched, never other files in the folder.
    """
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
