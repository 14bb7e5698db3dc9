"""Starting a project: the first curated file, naming the documents and explaining itself.

``start_project("articles")`` writes ``data/events.yaml`` with ``documents: articles`` and,
in comments, an example of every section, written with the paths of the documents found, so
that every command reads the documents when given no paths and the curator sees what can
be written. An existing file is never replaced.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..documents import DisplayPaths, iter_files
from ..errors import TimelineError
from ..events.ids import assign_prefixes
from .loader import parse_curation

__all__ = ["StartError", "Started", "start_project", "starter_for", "starter_text"]

DEFAULT_FOLDER = Path("documents")
EXAMPLES = 2  # documents named in the examples


class StartError(TimelineError):
    """The project cannot be started as asked; nothing was written."""


@dataclass(frozen=True)
class Started:
    """What ``start_project`` did."""

    curation: str  # the curated file written
    documents: str  # the folder or file it names, as written in it
    found: int  # files found there (documents or not: nothing is read yet)
    created_folder: bool  # the documents' folder was made (it did not exist)


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when YAML reads it back as the same text."""
    plain = text and text.strip() == text and text[0] not in "!&*-:?{}[],#|>@`\"'%"
    if plain and not any(mark in text for mark in (": ", " #", "\t")):
        return text
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def starter_text(documents: list[str], examples: list[str] | None = None) -> str:
    """The commented curated file naming ``documents`` (folders or files); ``examples`` are
    paths of documents (as the commands print them) used in the commented examples."""
    base = documents[0].rstrip("/") if documents else "documents"
    first, second = [*(examples or []), "", ""][:2]
    first = first or f"{base}/001_first-article.txt"
    second = second or f"{base}/002_second-article.txt"
    ids = assign_prefixes([first, second])
    one, two = ids[first], ids[second]
    if len(documents) == 1:
        named = f"documents: {_scalar(documents[0])}"
    else:
        named = "\n".join(["documents:", *(f"  - {_scalar(d)}" for d in documents)])
    return f"""\
# The curated file of this timeline: what the documents say, corrected by you.
#
# Every timeline command reads this file. Keep it under version control: only
# 'timeline review --append' ever writes to it, and only at the end, after a backup.
#
#   timeline show              the timeline, in the terminal
#   timeline review --append   add what was found but is not below yet, to correct it
#   timeline check             check this file against the documents
#   timeline export --format html -o timeline.html
#
# Dates are EDTF (2023-03-03, 2023-03, 2023, 2022-21 for spring 2022, 2012/2021) or
# written as in a text: 3 March 2023, March 3, 2023, June 2018, late 2022, 480 BC.

# The documents: a folder (read with its subfolders) or a file, or a list of them,
# written from the folder where you run timeline.
{named}

# What you know of each source, keyed by its path as timeline prints it. 'published'
# anchors "yesterday", "on Friday" and "May 16" when the document does not say.
# sources:
#   {_scalar(first)}:
#     title: Bridge to close for six months
#     publisher: City Gazette
#     url: https://example.org/news/bridge
#     published: 3 March 2023

# Corrections, keyed by the ids timeline gives the dates it finds
# ('timeline review' lists them):
# events:
#   {one}:3-march-2023:
#     title: The bridge closes for repairs     # a better title
#     tags: [closure]
#   {one}:june-2023:
#     date: late June 2023                     # the date, corrected
#     merge: [{two}:june-2023]
#     # (merge: the same happening, told by another source: one event, both sources)
#   {one}:friday:
#     drop: true                               # not an event
#     note: The day the article was printed.

# Events the documents do not tell, each with its source or a note:
# add:
#   council-vote:
#     date: 2023-01
#     title: The council votes to repair the bridge
#     source: {_scalar(second)}
"""


def start_project(
    documents: list[str | Path] | None = None, curation: str | Path = "data/events.yaml"
) -> Started:
    """Write the curated file ``curation`` naming the folders or files ``documents`` (default
    ``documents/``, made if missing). Raises :class:`StartError`, and writes nothing, when
    the file exists or one of ``documents`` does not."""
    target = Path(curation)
    if target.exists():
        raise StartError(
            f"{target} already exists; nothing was changed. Name the documents in it with "
            "'documents: FOLDER', or give another file with --curation"
        )
    created = False
    paths = [Path(d) for d in documents or []]
    if not paths:
        paths = [DEFAULT_FOLDER]
        if not DEFAULT_FOLDER.exists():
            DEFAULT_FOLDER.mkdir(parents=True)
            created = True
    for path in paths:
        if not path.exists():
            raise StartError(
                f"{path}: no such folder; give the folder that holds your documents "
                "(or make it first)"
            )
    shown = DisplayPaths()
    found = [shown(file) for file, _ in iter_files(paths, [target])]
    names = [_name(path, shown) for path in paths]
    text = starter_text(names, found[:EXAMPLES])
    parse_curation(text, str(target))  # what is written must load
    _write_new(target, text.encode("utf-8"))
    return Started(str(target), ", ".join(names), len(found), created)


def starter_for(paths: list[Path], examples: list[str]) -> str:
    """``starter_text`` naming the folders or files ``paths``, as given on a command line."""
    shown = DisplayPaths()
    return starter_text([_name(path, shown) for path in paths], examples[:EXAMPLES])


def _name(path: Path, shown: DisplayPaths) -> str:
    """A folder or file as the curated file names it: relative as given, folders with '/'."""
    name = shown(path) if path.is_absolute() else path.as_posix()
    return name + "/" if path.is_dir() and not name.endswith("/") else name


def _write_new(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666)  # fmt: skip
    except FileExistsError:
        raise StartError(f"{target} already exists; nothing was changed") from None
    except OSError as err:
        raise StartError(f"{target}: cannot write the file: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as err:
        target.unlink(missing_ok=True)
        raise StartError(f"{target}: cannot write the file: {err.strerror or err}") from None
