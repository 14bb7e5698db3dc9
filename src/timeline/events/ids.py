"""Stable candidate ids: a document's prefix and the date phrase's slug.

A document's ids start with its *short prefix*: the number its file name starts with
(``004`` for ``seeds/004_da03c637154c1e3b.txt``), else its file name without extension as a
slug (``minutes`` for ``Minutes.txt``). When several documents of a collection have the same
short prefix, one named in the curated file (under ``sources:``, or as the source of an added
event) keeps it if it is the only one so named, and every other one's ids start with its
*full prefix* instead: its path as the commands print it, whole, with every character but
letters, digits and ``. _ / + -`` written as ``%`` and its UTF-8 bytes in hex
(``docs/My%20Notes.txt``). Paths are unique, so full prefixes are too, and a document's
prefix depends only on its own path, on the curated file, and on whether another document
has its short prefix: adding a file never changes the ids of a document the curated file
names, nor of one whose short prefix is its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import PurePosixPath

_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9._/+\-]")


def slug(text: str) -> str:
    """``"Monday 16 May"`` -> ``"monday-16-may"``; ASCII letters and digits only."""
    folded = text.lower().replace("’", "").replace("'", "")
    return _SLUG_DROP.sub("-", folded).strip("-") or "date"


def document_prefix(path: str) -> str:
    """The short prefix of a document: a leading number, else the file's stem as a slug."""
    stem = PurePosixPath(path).stem
    match = re.match(r"(\d+)[_\-. ]", stem)
    return match.group(1) if match else slug(stem)


def full_prefix(path: str) -> str:
    """The prefix no other document can have: the whole path, escaped where a character
    could be read otherwise in an id (``:``, spaces, ``%``, quotes, anything not ASCII)."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), path) or "%"


def _legacy_prefix(path: str) -> str:
    """The prefix earlier versions gave a document sharing its short prefix."""
    return slug(str(PurePosixPath(path).with_suffix("")))


def assign_prefixes(paths: Sequence[str], keep: Collection[str] = ()) -> dict[str, str]:
    """The prefix of each document of a collection (``paths`` as the commands print them);
    ``keep`` are the paths the curated file names (see the module's notes)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        groups[document_prefix(path)].append(path)
    result: dict[str, str] = {}
    for short, members in groups.items():
        named = [p for p in members if p in keep]
        keeper = members[0] if len(members) == 1 else named[0] if len(named) == 1 else None
        for path in members:
            result[path] = short if path == keeper else full_prefix(path)
    return result


def shared_prefixes(
    paths: Iterable[str], prefixes: Mapping[str, str]
) -> list[tuple[str, list[str]]]:
    """Short prefixes that several documents have, each with those documents (the first
    keeps it if it still has it): what ``timeline check`` explains."""
    groups: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        groups[document_prefix(path)].append(path)
    found = []
    for short, members in groups.items():
        if len(members) > 1:
            found.append((short, sorted(members, key=lambda p: prefixes.get(p) != short)))
    return found


def earlier_ids(candidate_id: str, path: str) -> list[str]:
    """The ids a candidate of the document at ``path`` may have had before its prefix
    changed: with its short prefix, or with the prefix earlier versions gave."""
    prefix, _, rest = candidate_id.partition(":")
    olds = {document_prefix(path), _legacy_prefix(path)} - {prefix}
    return [f"{old}:{rest}" for old in sorted(olds)]
