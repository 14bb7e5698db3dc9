"""Applying the curated file to the candidates: the timeline's events, and what did not fit.

Nothing is ignored silently: every correction that could not be used, and every doubt
(sources that disagree on a date), comes back as a :class:`Problem` citing the file.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..dates import DateValue
from ..disjoint import DisjointSets
from ..events.happenings import PERIOD_END
from ..events.ids import document_prefix, earlier_ids
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

if TYPE_CHECKING:
    from ..documents import DocumentInfo

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
    #: Candidates kept off the timeline for their ``reason`` (a heading, a name, …) that no
    #: correction put back.
    noise: list[Candidate] = field(default_factory=list)


def apply_curation(
    candidates: Sequence[Candidate],
    curation: Curation | None,
    documents: Mapping[str, Document | DocumentInfo] | None = None,
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


def _ordered(members: list[Candidate], correction: Correction | None) -> list[Candidate]:
    """An event's mentions in the order its sources are listed: the curated entry's own,
    then those it merges (as listed), then the others in text order, asides last."""
    rank: dict[str, int] = {}
    if correction is not None:
        rank[correction.id] = 0
        for k, ref in enumerate(correction.merge, 1):
            rank.setdefault(ref.id, k)
    last = len(rank) + 1
    return sorted(
        members,
        key=lambda m: (m.reason is not None, rank.get(m.id, last)),
    )


def _finest(dated: Sequence[Candidate]) -> Candidate | None:
    """The mention whose date lies within every other's (the first such), if one does."""
    for candidate in dated:
        value = _known_date(candidate)
        if all(
            other is candidate
            or _known_date(other).edtf == value.edtf
            or _within(value, _known_date(other))
            for other in dated
        ):
            return candidate
    return None


def _known_date(candidate: Candidate) -> DateValue:
    """The date of a mention taken from a list of dated ones."""
    value = candidate.date
    assert value is not None
    return value


def _within(inner: DateValue, outer: DateValue) -> bool:
    try:
        return outer.contains(inner)
    except (TypeError, ValueError):
        return False


def _sort_key(event: Event) -> tuple[tuple[int, int, int, str], str, int, str]:
    first = event.sources[0] if event.sources else SourceRef(source="")
    start = first.start if first.start is not None else -1
    return (event.date.sort_key(), first.source, start, event.id)


class _Applier:
    def __init__(
        self,
        candidates: Sequence[Candidate],
        curation: Curation,
        documents: Mapping[str, Document | DocumentInfo] | None,
    ) -> None:
        self.candidates = list(candidates)
        self.by_id: dict[str, Candidate] = {}
        self._renamed: dict[str, str] | None = None
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
        for members in self.happenings():
            self.place(members)
        for added in self.curation.added.values():
            self.add(added)
        self.check_sources()
        self.result.events.sort(key=_sort_key)
        self.result.problems.sort(key=lambda p: (p.line, p.column, p.level, p.message))
        return self.result

    def happenings(self) -> list[list[Candidate]]:
        """The candidates grouped by happening: the groups found in each document, less the
        dropped candidates and those the curated file says are distinct, joined where the
        curated file merges them. Groups come in the order of their first candidate."""
        corrections = self.curation.corrections
        index = {c.id: i for i, c in enumerate(self.candidates)}
        sets = DisjointSets(len(self.candidates))
        find, join = sets.find, sets.join

        apart = {
            frozenset((correction.id, ref.id))
            for correction in corrections.values()
            for ref in correction.distinct
        }
        dropped = {cid for cid, c in corrections.items() if c.drop}
        members: dict[str, list[int]] = {}
        for i, candidate in enumerate(self.candidates):
            if candidate.id in dropped or candidate.happening is None:
                continue
            members.setdefault(candidate.happening, []).append(i)
        for group in members.values():
            self._join_group(group, apart, join)
        for cid, target in self.merged_into.items():
            if cid in index and target in index:
                join(index[target], index[cid])
        groups: dict[int, list[Candidate]] = {}
        for i, candidate in enumerate(self.candidates):
            if candidate.id in dropped:
                continue
            groups.setdefault(find(i), []).append(candidate)
        return list(groups.values())

    def _join_group(
        self, group: list[int], apart: set[frozenset[str]], join: Callable[[int, int], None]
    ) -> None:
        """Join the mentions of one happening found in a document, except those the curated
        file says are distinct from one of them (each of those stands alone)."""
        ids = [self.candidates[i].id for i in group]
        alone = {
            a for a in ids for b in ids if a != b and frozenset((a, b)) in apart
        } if apart else set()  # fmt: skip
        together = [i for i, cid in zip(group, ids, strict=True) if cid not in alone]
        if len(alone) == len(ids):
            # Every mention is said to be distinct from another: keep the first one's
            # partners that nobody named.
            together = group[:1]
        for i in together[1:]:
            join(together[0], i)

    # ----------------------------------------------------------------- checks
    def unknown(self, wanted: str) -> str:
        if wanted in self.curation.added:
            return f"{wanted!r} is an added event, not a candidate; only candidates can be merged"
        now = self.renamed().get(wanted)
        if now is not None:
            source = self.by_id[now].source
            keep = wanted.split(":", 1)[0]
            hint = (f"; or name {source} under 'sources:' to keep {keep!r}"
                    if keep == document_prefix(source) else "")  # fmt: skip
            return (f"no candidate has the id {wanted!r}: its document's ids now start "
                    f"{now.split(':', 1)[0]!r}, so it is {now!r}{hint}")  # fmt: skip
        return f"no candidate has the id {wanted!r}{_closest(wanted, list(self.by_id))}"

    def renamed(self) -> dict[str, str]:
        """Ids candidates may have had before their document's prefix changed -> their ids."""
        if self._renamed is None:
            found: dict[str, str | None] = {}
            for cid, candidate in self.by_id.items():
                for old in earlier_ids(cid, candidate.source):
                    found[old] = None if old in found else cid  # None: it could be either
            self._renamed = {old: cid for old, cid in found.items() if cid is not None}
        return self._renamed

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
    def place(self, members: list[Candidate]) -> None:
        """One event for the candidates of one happening (or keep them off the timeline)."""
        corrections = self.curation.corrections
        curated = [m for m in members if m.id in corrections]
        correction = self.lead_correction(curated)
        kept = any(corrections[m.id].drop is False for m in curated)
        if (
            all(m.reason is not None for m in members)
            and not kept
            and (correction is None or not (correction.changes or correction.merge))
        ):
            self.result.noise.extend(members)
            return
        dated = self.date_of(members, correction)
        if dated is None:
            self.result.undated.extend(members)
            if correction is not None and correction.changes:
                self.report(
                    "warning",
                    correction,
                    f"{correction.id} has no date, so it stays off the timeline and its "
                    f"{_listed(correction.changes)} {_are(correction.changes)} unused; add a "
                    "'date:' to place it",
                    "undated",
                    correction.id,
                )
            return
        when, resolved_by, source = dated
        ident = correction.id if correction is not None else members[0].id
        title = correction.title if correction and correction.title else source.title
        ordered = _ordered(members, correction)
        self.result.events.append(
            Event(
                id=ident,
                date=when,
                title=title,
                sources=[
                    self.source_ref(member, self.why_grouped(member, ordered[0]))
                    for member in ordered
                ],
                tags=list(correction.tags or []) if correction else [],
                note=correction.note if correction else None,
                curated=resolved_by is Resolution.CURATED,
                resolved_by=resolved_by,
            )
        )

    def lead_correction(self, curated: list[Candidate]) -> Correction | None:
        """The correction that speaks for a happening: the one that merges others, else the
        first with changes, else the first. The changes of the others are reported unused."""
        if not curated:
            return None
        corrections = self.curation.corrections
        ranked = sorted(
            curated,
            key=lambda m: (not corrections[m.id].merge, not corrections[m.id].changes),
        )
        lead = corrections[ranked[0].id]
        for member in ranked[1:]:
            own = corrections[member.id]
            if own.changes and member.id not in self.merged_into:
                self.report(
                    "warning",
                    own,
                    f"the {_listed(own.changes)} of {member.id} {_are(own.changes)} ignored "
                    f"because {member.id} dates the same happening as {lead.id}, whose entry "
                    f"(line {lead.line}) speaks for it; move them there, or write "
                    f"'distinct: [{member.id}]' under {lead.id} if they are two happenings",
                    "ignored",
                    member.id,
                )
        return lead

    def date_of(
        self, members: list[Candidate], correction: Correction | None
    ) -> tuple[DateValue, Resolution, Candidate] | None:
        """The event's date: the curated one, else the finest date of its mentions that lies
        within all the others (reporting doubts), with the mention it came from."""
        main = [m for m in members if m.reason is None] or members
        dated = [m for m in main if m.date is not None and m.grouped != PERIOD_END] or [
            m for m in main if m.date is not None
        ]
        if correction is not None and correction.date is not None:
            own = self.by_id.get(correction.id)
            return correction.date, Resolution.CURATED, own or (dated or members)[0]
        if not dated:
            return None
        first = dated[0]
        if correction is not None and len(dated) > 1 and not self.agree(dated):
            listing = ", ".join(f"{m.id}: {_known_date(m).display()}" for m in dated)
            self.report(
                "error",
                correction.positions.get("merge", correction),
                f"sources disagree on the date of {correction.id}: the event takes "
                f"{_known_date(first).display()} ({listing}); set 'date:' to choose",
                CONTRADICTION,
                correction.id,
            )
            return _known_date(first), first.resolved_by, first
        chosen = _finest(dated) or first
        if correction is not None and correction.id not in {m.id for m in dated}:
            self.report(
                "warning",
                correction.positions.get("merge", correction),
                f"{correction.id} has no date; the event takes {_known_date(chosen).display()} "
                f"from {chosen.id}; set 'date:' to confirm",
                "undated",
                correction.id,
            )
        return _known_date(chosen), chosen.resolved_by, chosen

    @staticmethod
    def agree(dated: list[Candidate]) -> bool:
        return all(
            _known_date(a).overlaps(_known_date(b))
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

    def source_ref(self, candidate: Candidate, grouped: str | None = None) -> SourceRef:
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
            grouped=grouped,
        )

    def why_grouped(self, member: Candidate, first: Candidate) -> str | None:
        """Why ``member`` is one of the event whose first source is ``first``."""
        if member is first:
            return None
        if member.id in self.merged_into or first.id in self.merged_into:
            return "merged in the curated file"
        if member.happening is not None and member.happening == first.happening:
            return member.grouped or "same happening"
        return "merged in the curated file"

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
