"""Which findings of the curated file concern documents a run did not read.

A run may read some of the documents only (``timeline show one-article.txt``). The entries
of the curated file about the other documents then match no candidate, and their sources no
document read: they are not wrong, only out of this run's sight. :func:`split_unread` sets
those findings apart, so that a command can say once how many there are instead of warning
about each.

A document counts as not read when it exists but was not read this time: it is under the
curated file's ``documents:``, or it is a source the curated file describes. An id is taken
to concern such a document when its prefix (``004`` in ``004:june-2018``) is that
document's and no document read has it; so an id whose prefix no document has at all is
still reported, as a mistake.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import DisplayPaths, iter_files
from ..events.ids import assign_prefixes
from .apply import STALE
from .model import Curation, Problem

__all__ = ["Unread", "split_unread"]

UNKNOWN_SOURCE = "unknown-source"


@dataclass
class Unread:
    """The findings set apart, and the documents not read that they concern."""

    problems: list[Problem] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user, or "" when nothing was set apart."""
        if not self.problems:
            return ""
        count = len(self.problems)
        shown = ", ".join(self.documents[:3])
        more = f" and {len(self.documents) - 3} more" if len(self.documents) > 3 else ""
        entries = "entry" if count == 1 else "entries"
        return (
            f"{count} {entries} of the curated file concern documents not read this time "
            f"({shown}{more}); they are not checked here"
        )


def split_unread(
    problems: Sequence[Problem], curation: Curation | None, read: Iterable[str]
) -> tuple[list[Problem], Unread]:
    """``problems`` without those about documents that exist but were not ``read`` (paths as
    the commands print them), and those set apart."""
    if curation is None:
        return list(problems), Unread()
    concerned = [p for p in problems if p.path == curation.path and p.code in (STALE,
                 UNKNOWN_SOURCE)]  # fmt: skip
    if not concerned:
        return list(problems), Unread()
    read_paths = set(read)
    unread = [path for path in _known(curation) if path not in read_paths]
    if not unread:
        return list(problems), Unread()
    prefixes = assign_prefixes(sorted({*unread, *read_paths}), curation.named_documents())
    read_prefixes = {prefixes[path] for path in read_paths}
    by_prefix = {prefixes[path]: path for path in unread if prefixes[path] not in read_prefixes}
    sources_at = {(meta.line, meta.column): path for path, meta in curation.sources.items()}
    kept, apart, which = [], Unread(), set()
    for problem in problems:
        about = _about(problem, curation, by_prefix, sources_at, set(unread)) if (
            problem in concerned) else None  # fmt: skip
        if about is None:
            kept.append(problem)
            continue
        apart.problems.append(problem)
        which.update(about)
    apart.documents = sorted(which)
    return kept, apart


def _about(
    problem: Problem,
    curation: Curation,
    by_prefix: dict[str, str],
    sources_at: dict[tuple[int, int], str],
    unread: set[str],
) -> list[str] | None:
    """The unread documents a finding concerns, or None when it is about something else."""
    if problem.code == STALE:
        prefix = (problem.subject or "").split(":", 1)[0]
        return [by_prefix[prefix]] if prefix in by_prefix else None
    if problem.subject is not None and problem.subject in curation.added:
        cited = curation.added[problem.subject].sources
        missing = [path for path in cited if path in unread]
        return missing or None
    path = sources_at.get((problem.line, problem.column))
    return [path] if path in unread else None


def _known(curation: Curation) -> list[str]:
    """Every document the curated file knows of that exists: under ``documents:``, and the
    sources it describes."""
    shown = DisplayPaths()
    found = {path for path in curation.sources if Path(path).is_file()}
    folders = [Path(ref.id) for ref in curation.documents if Path(ref.id).exists()]
    if folders:
        exclude = [Path(curation.path)]
        found.update(shown(path) for path, _ in iter_files(folders, exclude))
    return sorted(found)
