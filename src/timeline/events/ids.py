"""Stable candidate ids: a document's prefix and the date phrase's slug."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePosixPath

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """``"Monday 16 May"`` -> ``"monday-16-may"``; ASCII letters and digits only."""
    folded = text.lower().replace("’", "").replace("'", "")
    return _SLUG_DROP.sub("-", folded).strip("-") or "date"


def document_prefix(path: str) -> str:
    """The short name that starts a document's ids: a leading number, else the file's stem."""
    stem = PurePosixPath(path).stem
    match = re.match(r"(\d+)[_\-. ]", stem)
    return match.group(1) if match else slug(stem)


def assign_prefixes(paths: Sequence[str]) -> dict[str, str]:
    """Prefixes for a set of documents; documents sharing a short prefix use their whole path."""
    short = {p: document_prefix(p) for p in paths}
    counts = Counter(short.values())
    return {
        p: (s if counts[s] == 1 else slug(str(PurePosixPath(p).with_suffix(""))))
        for p, s in short.items()
    }
