"""Applying the curated file to the candidates: the timeline's events, and what did not fit.

Nothing is ignored silently: every correction that could not be used, and every doubt
(sources that disagree on a date), comes back as a :class:`Problem` citing the file.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..dates import DateValue
from ..models import Candidate, Document, Event, Resolution, SourceRef
from .model import (
    AddedEvent,
    Correction,
    Curation,
    Level,
    Problem,
    ProblemList,
    Ref,
    SourceMeta,
)

__all__ = ["CONTRADICTION", "STALE", "CurationResult", "apply_curation"]

#: Problem codes shared with the checks.
STALE = "stale-id"
CONTRADICTION = "contradiction"


@dataclass
class CurationResult(ProblemList):
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Candidates with no date that no correction dated: kept off the timeline.
    undated: list[Candidate] = field(default_factory=list)


def apply_curation(
    candidates: Sequence[Candidate],
    curation: Curation | None,
    documents: Mapping[str, Document] | None = None,
) -> CurationResult:
    """Turn candidates into events, applying drops, dates, titles, tags, notes and merges."""
    return _Applier(candidates, curation or Curation.empty(), documents).run()


def _closest(wanted: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(wanted, known, n=3)
    return f" (closest: {', '.join(repr(c) for c in close)})" if close else ""


def _listed(words: Sequence[str]) -> str:
    """``title``, ``title and tags``, ``title, tags and note``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _are(words: Sequence[str]) -> str:
    return "is" if len(words) == 1 else "are"


def _sort_key(event: Event) -> tuple:
    first = event.sources[0] if event.sources else SourceRef(source="")
    start = first.start if first.start is not None else -1
    return (event.date.sort_key(), first.source, start, event.id)


class _Applier:
    def __init__(
        self,
        candidates: Sequence[Candidate],
        curation: Curation,
        documents: Mapping[str, Document] | None,
    ) -> None:
        self.candidates = list(candidates)
        self.by_id: dict[str, Candidate] = {}
        for candidate in self.candidates:
            self.by_id.setdefault(candidate.id, candidate)
        self.curation = curation
        self.documents = documents
        self.result = CurationResult()
        #: Merged candidate id -> the id of the event it is merged into.
        self.merged_into: dict[str, str] = {}

    def report(
        self,
        level: Level,
        where: Correction | Ref | SourceMeta | AddedEvent | tuple[int, int],
        message: str,
        code: str,
        subject: str | None = None,
    ) -> None:
        line, column = where if isinstance(where, tuple) else (where.line, where.column)
        self.result.problems.append(
            Problem(level, message, self.curation.path, line, column, code, subject)
        )

    def run(self) -> CurationResult:
        self.check_ids()
        self.collect_merges()
        for candidate in self.candidates:
            if candidate.id not in self.merged_into:
                self.place(candidate)
        for added in self.curation.added.values():
            self.add(added)
        self.check_sources()
        self.result.events.sort(key=_sort_key)
        self.result.problems.sort(key=lambda p: (p.line, p.column, p.level, p.message))
        return self.result

    # ----------------------------------------------------------------- checks
    def unknown(self, wanted: str) -> str:
        if wanted in self.curation.added:
            return f"{wanted!r} is an added event, not a candidate; only candidates can be merged"
        return f"no candidate has the id {wanted!r}{_closest(wanted, list(self.by_id))}"

    def check_ids(self) -> None:
        for correction in self.curation.corrections.values():
            if correction.id not in self.by_id:
                self.report("error", correction, self.unknown(correction.id), STALE, correction.id)
            for ref in (*correction.merge, *correction.distinct):
                if ref.id not in self.by_id:
                    self.report("error", ref, self.unknown(ref.id), STALE, ref.id)

    def collect_merges(self) -> None:
        corrections = self.curation.corrections
        for correction in corrections.values():
            if correction.id not in self.by_id:
                continue
            for ref in correction.merge:
                own = corrections.get(ref.id)
                if ref.id not in self.by_id:
                    continue
                if own is not None and own.drop:
                    self.report(
                        "error",
                        ref,
                        f"cannot merge {ref.id!r} into {correction.id}: "
                        f"it is dropped (line {own.line})",
                        "merge-dropped",
                        ref.id,
                    )
                    continue
                self.merged_into[ref.id] = correction.id
                if own is not None and own.changes:
                    self.report(
                        "warning",
                        own,
                        f"the {_listed(own.changes)} of {ref.id} {_are(own.changes)} ignored "
                        f"because {ref.id} is merged into {correction.id} (line {ref.line})",
                        "ignored",
                        ref.id,
                    )

    def check_sources(self) -> None:
        if self.documents is None:
            return
        for meta in self.curation.sources.values():
            if meta.path not in self.documents:
                self.report(
                    "warning",
                    meta,
                    f"no document has the path {meta.path!r}"
                    f"{_closest(meta.path, list(self.documents))}",
                    "unknown-source",
                )

    # ----------------------------------------------------------------- events
    def place(self, candidate: Candidate) -> None:
        correction = self.curation.corrections.get(candidate.id)
        if correction is not None and correction.drop:
            return
        members = [candidate]
        if correction is not None:
            members += [
                self.by_id[ref.id]
                for ref in correction.merge
                if self.merged_into.get(ref.id) == candidate.id
            ]
        dated = self.date_of(members, correction)
        if dated is None:
            self.result.undated.extend(members)
            if correction is not None and correction.changes:
                self.report(
                    "warning",
                    correction,
                    f"{candidate.id} has no date, so it stays off the timeline and its "
                    f"{_listed(correction.changes)} {_are(correction.changes)} unused; add a "
                    "'date:' to place it",
                    "undated",
                    candidate.id,
                )
            return
        when, resolved_by = dated
        self.result.events.append(
            Event(
                id=candidate.id,
                date=when,
                title=correction.title if correction and correction.title else candidate.title,
                sources=[self.source_ref(member) for member in members],
                tags=list(correction.tags or []) if correction else [],
                note=correction.note if correction else None,
                curated=resolved_by is Resolution.CURATED,
                resolved_by=resolved_by,
            )
        )

    def date_of(
        self, members: list[Candidate], correction: Correction | None
    ) -> tuple[DateValue, Resolution] | None:
        """The event's date: the curated one, else the first member's (reporting doubts)."""
        if correction is not None and correction.date is not None:
            return correction.date, Resolution.CURATED
        dated = [m for m in members if m.date is not None]
        if not dated:
            return None
        first = dated[0]
        if correction is not None and len(dated) > 1 and not self.agree(dated):
            listing = ", ".join(f"{m.id}: {m.date.display()}" for m in dated)  # type: ignore[union-attr]
            self.report(
                "error",
                correction.positions.get("merge", correction),
                f"sources disagree on the date of {correction.id}: the event takes "
                f"{first.date.display()} ({listing}); set 'date:' to choose",
                CONTRADICTION,
                correction.id,
            )  # type: ignore[union-attr]
        elif correction is not None and first is not members[0]:
            self.report(
                "warning",
                correction.positions.get("merge", correction),
                f"{correction.id} has no date; the event takes {first.date.display()} "
                f"from {first.id}; set 'date:' to confirm",
                "undated",
                correction.id,
            )  # type: ignore[union-attr]
        return first.date, first.resolved_by  # type: ignore[return-value]

    @staticmethod
    def agree(dated: list[Candidate]) -> bool:
        return all(
            a.date.overlaps(b.date)  # type: ignore[union-attr,arg-type]
            for i, a in enumerate(dated)
            for b in dated[i + 1 :]
        )

    def meta(self, path: str) -> tuple[str | None, str | None, DateValue | None]:
        """Title, URL and publication date of a source: the curator's, else the document's."""
        meta = self.curation.sources.get(path)
        doc = self.documents.get(path) if self.documents is not None else None
        return (
            (meta and meta.title) or (doc and doc.title) or None,
            (meta and meta.url) or (doc and doc.url) or None,
            (meta and meta.published) or (doc and doc.published) or None,
        )

    def source_ref(self, candidate: Candidate) -> SourceRef:
        title, url, published = self.meta(candidate.source)
        return SourceRef(
            source=candidate.source,
            line=candidate.line,
            start=candidate.start,
            end=candidate.end,
            text=candidate.text,
            quote=candidate.quote,
            quote_start=candidate.quote_start,
            resolved_by=candidate.resolved_by,
            date=candidate.date,
            candidate=candidate.id,
            source_title=title,
            source_url=url,
            source_published=published,
            page=candidate.page,
        )

    def add(self, added: AddedEvent) -> None:
        if added.id in self.by_id:
            self.report(
                "error",
                added,
                f"added event {added.id!r} has the id of a candidate; "
                "it is left out until it has an id of its own",
                "added-id",
                added.id,
            )
            return
        if self.documents is not None:
            for path in added.sources:
                if path not in self.documents:
                    self.report(
                        "warning",
                        added,
                        f"added event {added.id} cites {path!r}, "
                        f"which no document has{_closest(path, list(self.documents))}",
                        "unknown-source",
                        added.id,
                    )
        refs = []
        for path in added.sources:
            title, url, published = self.meta(path)
            refs.append(
                SourceRef(
                    source=path, source_title=title, source_url=url, source_published=published
                )
            )
        self.result.events.append(
            Event(
                id=added.id,
                date=added.date,
                title=added.title,
                sources=refs,
                tags=list(added.tags),
                note=added.note,
                curated=True,
                resolved_by=Resolution.CURATED,
            )
        )
