"""Reviewing: the candidates the curated file does not mention yet, and entries to add for them.

A candidate is *mentioned* when its id is an entry under ``events:`` or is listed in an
entry's ``merge:`` or ``distinct:``. :func:`build_review` lists the others by source, each with
its sentence and the date phrase marked, together with the proposed groups of candidates
that seem to tell of one happening (see :mod:`timeline.corroborate`). :func:`stubs_yaml` turns
the review into YAML entries to paste into the curated file, or to add to its end with
:func:`append_stubs`; each entry is preceded by comments quoting its sentence.

For a proposed group whose members are all new, the entry of the group's lead merges the
others (``merge: [...]``): keep it to accept the proposal, or write ``distinct:`` instead of
``merge:`` to say they are not the same happening, and the proposal is not made again.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import yaml

from .corroborate import Group, TermIndex, propose_groups
from .curation import Curation
from .curation.append import AppendResult, append_stubs
from .dates import DateValue, Qualifier
from .events.noise import REASONS
from .models import Candidate, Document, Resolution

if TYPE_CHECKING:
    from .documents import DocumentInfo
    from .pipeline import Extraction, Timeline

__all__ = [
    "AppendResult",
    "Marked",
    "Review",
    "ReviewItem",
    "SourceReview",
    "append_stubs",
    "build_review",
    "format_review",
    "iter_stubs",
    "mark",
    "review_extraction",
    "review_timeline",
    "stubs_yaml",
    "uncurated",
]

#: How the date phrase is marked in plain text.
MARKS = ("«", "»")
COMMENT_WIDTH = 96
#: How each way of resolving a date is told to the curator.
RESOLVED = {
    Resolution.EXPLICIT: "as written",
    Resolution.PUBLISHED: "counted from the publication date",
    Resolution.CONTEXT: "year taken from an earlier date in the text",
    Resolution.WEEKDAY: "year chosen to fit the weekday",
    Resolution.UNRESOLVED: "not resolved",
    Resolution.CURATED: "set in the curated file",
}
_PLAIN_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._/-]*")
#: Text the YAML dumper writes as it is: a letter first, then words, single spaces and
#: punctuation that starts nothing in YAML where it stands (no ": ", " #", quote or bracket
#: first, no space last); unless it is one of the words YAML reads as true, false or null.
_PLAIN_TEXT = re.compile(r"[^\W\d_](?:[\w,.'’()%$&/+-]| (?=[\w(’'$%&/+-])){0,200}")
_YAML_WORDS = frozenset("y n yes no on off true false null".split())


@dataclass(frozen=True, slots=True)
class Marked:
    """A sentence and where its date phrase is in it (the sentence itself, not a copy: a
    review of a large collection holds one for every candidate)."""

    text: str
    start: int
    end: int

    @property
    def before(self) -> str:
        return self.text[: self.start]

    @property
    def phrase(self) -> str:
        return self.text[self.start : self.end]

    @property
    def after(self) -> str:
        return self.text[self.end :]

    @property
    def span(self) -> tuple[int, int]:
        """Where the phrase is in :attr:`text`: for highlighting."""
        return self.start, self.end

    def plain(self, marks: tuple[str, str] = MARKS) -> str:
        return f"{self.before}{marks[0]}{self.phrase}{marks[1]}{self.after}"


def mark(candidate: Candidate) -> Marked:
    """The candidate's sentence with its date phrase marked."""
    quote = candidate.quote
    start = candidate.start - candidate.quote_start
    end = candidate.end - candidate.quote_start
    if not (0 <= start <= end <= len(quote)) or quote[start:end] != candidate.text:
        found = quote.find(candidate.text)
        if found < 0:
            return Marked(quote, len(quote), len(quote))
        start, end = found, found + len(candidate.text)
    return Marked(quote, start, end)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    candidate: Candidate
    marked: Marked
    #: The lead id of the proposed group the candidate belongs to, if any.
    group: str | None = None
    #: The other mentions of the same happening in the same document (found side by side,
    #: or told again): they need no entry of their own.
    mentions: tuple[Candidate, ...] = ()

    def to_dict(self) -> dict[str, object]:
        c = self.candidate
        return {
            "id": c.id,
            "source": c.source,
            "line": c.line,
            "column": c.column,
            "text": c.text,
            "date": c.date.to_dict() if c.date else None,
            "resolved_by": c.resolved_by.value,
            "title": c.title,
            "quote": self.marked.text,
            "phrase": list(self.marked.span),
            "marked": self.marked.plain(),
            "group": self.group,
            "reason": c.reason,
            "mentions": [
                {"id": m.id, "line": m.line, "text": m.text, "grouped": m.grouped}
                for m in self.mentions
            ],
        }


@dataclass(frozen=True)
class SourceReview:
    path: str
    published: DateValue | None
    items: list[ReviewItem]


@dataclass
class Review:
    """What the curator has yet to look at."""

    curation_path: str | None
    sources: list[SourceReview] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    candidates: int = 0  # how many candidates there are in all
    #: Entry id -> line, for the curated entries a proposal touches.
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def items(self) -> list[ReviewItem]:
        return [item for source in self.sources for item in source.items]

    @property
    def is_empty(self) -> bool:
        return not self.sources and not self.groups

    def to_dict(self) -> dict[str, object]:
        return {
            "curation": self.curation_path,
            "candidates": self.candidates,
            "uncurated": len(self.items),
            "sources": [
                {
                    "path": s.path,
                    "published": s.published.to_dict() if s.published else None,
                    "candidates": [item.to_dict() for item in s.items],
                }
                for s in self.sources
            ],
            "groups": [group.to_dict() for group in self.groups],
        }


def uncurated(
    candidates: Sequence[Candidate], curation: Curation | None, *, noise: bool = False
) -> list[Candidate]:
    """The happenings the curated file does not mention yet, each by its first mention, in
    the order given. A happening is mentioned when any of its mentions is (as an entry, in a
    ``merge:`` or a ``distinct:``). Mentions kept off the timeline for a ``reason`` (a
    heading, a name…) need no entry; ``noise`` lists them too."""
    mentioned = curation.mentioned() if curation else set()
    settled = {c.happening for c in candidates if c.id in mentioned and c.happening}
    result = []
    for c in candidates:
        if c.id in mentioned or (c.reason is not None and not noise):
            continue
        if c.reason is None and c.happening is not None:
            if c.happening in settled or c.happening != c.id:
                continue  # told by its happening's first mention, or already curated
        result.append(c)
    return result


def happening_mentions(candidates: Sequence[Candidate]) -> dict[str, list[Candidate]]:
    """First mention's id -> the other mentions of its happening, in text order."""
    found: dict[str, list[Candidate]] = {}
    for c in candidates:
        if c.happening is not None and c.happening != c.id and c.reason is None:
            found.setdefault(c.happening, []).append(c)
    return found


def build_review(
    candidates: Sequence[Candidate],
    curation: Curation | None = None,
    documents: Mapping[str, Document | DocumentInfo] | None = None,
    *,
    groups: Sequence[Group] | None = None,
    noise: bool = False,
) -> Review:
    """The uncurated happenings by source (with the mentions kept off the timeline when
    ``noise``), and the open proposals of corroboration."""
    if groups is None:
        groups = propose_groups(candidates, curation)
    member_of = {cid: g.lead for g in groups for cid in g.ids}
    others = happening_mentions(candidates)
    by_source: dict[str, list[ReviewItem]] = {}
    for candidate in uncurated(candidates, curation, noise=noise):
        item = ReviewItem(
            candidate,
            mark(candidate),
            member_of.get(candidate.id),
            tuple(others.get(candidate.id, ())),
        )
        by_source.setdefault(candidate.source, []).append(item)
    published = {path: doc.published for path, doc in (documents or {}).items()}
    sources = [SourceReview(p, published.get(p), items) for p, items in by_source.items()]
    lines = {}
    if curation is not None:
        for group in groups:
            for entry in group.curated.values():
                if entry in curation.corrections:
                    lines[entry] = curation.corrections[entry].line
    path = curation.path if curation is not None else None
    return Review(path, sources, list(groups), len(candidates), lines)


def review_timeline(timeline: Timeline, *, noise: bool = False) -> Review:
    """The review of a built timeline (``pipeline.build``), its proposals weighed by the words
    of the whole documents, as ``check`` and ``show --merge`` weigh them."""
    return review_extraction(timeline.extraction, timeline.curation, noise=noise)


def review_extraction(
    extraction: Extraction, curation: Curation | None, *, noise: bool = False
) -> Review:
    """The review of the candidates of ``pipeline.extract`` (``curation`` not applied to
    them: a review needs no timeline), weighed as :func:`review_timeline` weighs them."""
    documents = {doc.path: doc for doc in extraction.documents}
    candidates = extraction.candidates
    groups = propose_groups(candidates, curation, index=TermIndex.of(candidates))
    return build_review(candidates, curation, documents, groups=groups, noise=noise)


def describe_date(candidate: Candidate) -> str:
    if candidate.date is None:
        return "no date (the document has no publication date to count from)"
    how = RESOLVED.get(candidate.resolved_by, candidate.resolved_by.value)
    return f"{candidate.date.display()} ({candidate.date.edtf}), {how}"


def format_review(review: Review, marks: tuple[str, str] = MARKS) -> str:
    """The review as plain text: by source, then the proposed groups."""
    out: list[str] = []
    for source in review.sources:
        published = source.published.display() if source.published else "no publication date"
        out.append(f"{source.path} ({published}): {len(source.items)} not yet curated")
        for item in source.items:
            c = item.candidate
            out.append(f"  {c.id}  line {c.line}: {describe_date(c)}")
            out.append(_indent(item.marked.plain(marks), "      "))
            if c.reason is not None:
                out.append(f"      kept off the timeline: {REASONS.get(c.reason, c.reason)}")
            for other in item.mentions:
                out.append(
                    f"      also {other.id}  line {other.line}: «{other.text}» ({other.grouped})"
                )
            if item.group:
                out.append(f"      proposed with the group of {item.group}")
        out.append("")
    for group in review.groups:
        out.extend(_group_lines(group, review))
        out.append("")
    if not out:
        return "Nothing to review: the curated file mentions every candidate.\n"
    return "\n".join(out).rstrip("\n") + "\n"


def _group_lines(group: Group, review: Review) -> list[str]:
    terms = ", ".join(group.terms) or "the same sentence"
    lines = [
        f"Proposed as one happening on {group.date.display()}, "
        f"from {len(group.sources)} sources (shared: {terms}):"
    ]
    for member in group.members:
        entry = group.curated.get(member.id)
        where = f" [curated: {entry}, line {review.lines[entry]}]" if entry in review.lines else ""
        lines.append(f"  {member.id}  {member.source} line {member.line}: «{member.text}»{where}")
    return lines


def _indent(text: str, prefix: str, width: int = COMMENT_WIDTH) -> str:
    return "\n".join(
        textwrap.wrap(text, width, initial_indent=prefix, subsequent_indent=prefix)
        or [prefix.rstrip()]
    )


# --------------------------------------------------------------------------- YAML stubs


def yaml_key(text: str) -> str:
    """An id as a YAML key the loader reads back as the same text."""
    if _PLAIN_KEY.fullmatch(text) and not text.endswith(":"):
        return text
    return yaml_text(text)


def yaml_text(text: str) -> str:
    """A text value, written plain where YAML reads it back as the same text, else quoted."""
    if _PLAIN_TEXT.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text  # what the dumper writes for it, without the dumper's cost (most titles)
    if text.isprintable():
        dumped = yaml.safe_dump(text, allow_unicode=True, width=float("inf"))
        dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
        if "\n" not in dumped:
            return dumped
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'


def date_text(value: DateValue) -> str:
    """A date as the curated file takes it: EDTF, with its qualifier word ("late 2022")."""
    if value.qualifier is None or value.qualifier is Qualifier.APPROXIMATE:
        return value.edtf
    return f"{value.qualifier.value} {value.edtf}"


def _comment(text: str, indent: str) -> list[str]:
    """Comment lines for any text: what YAML would read as a line break is made a space."""
    clean = text if text.isprintable() else "".join(ch if ch.isprintable() else " " for ch in text)
    width = COMMENT_WIDTH - len(indent) - 2
    if len(clean) <= width and clean == clean.strip():
        return [f"{indent}# {clean}".rstrip()]  # one line, as wrapping would give it
    wrapped = textwrap.wrap(clean, width) or [""]
    return [f"{indent}# {line}".rstrip() for line in wrapped]


def stubs_yaml(review: Review) -> str:
    """YAML entries for the uncurated candidates, each after comments quoting its source.

    The text is a mapping with one ``events:`` section (or only comments, for proposals
    that concern entries already in the file); it loads on its own and, after a ``---``
    line, at the end of any curated file that loads.
    """
    return "".join(iter_stubs(review))


def iter_stubs(review: Review) -> Iterator[str]:
    """:func:`stubs_yaml` in pieces, a source at a time: to write out as they come."""
    leads = {g.lead: g for g in review.groups}
    folded = _folded(review)
    head = (
        "# Candidates not yet in the curated file. For each: keep or change the title, add tags\n"
        "# or a note, set 'date:' to correct the date, or replace it all with 'drop: true'.\n"
    )
    started = False
    for source in review.sources:
        items = [item for item in source.items if item.candidate.id not in folded]
        if not items:
            continue
        published = source.published.display() if source.published else "no publication date"
        path = "".join(ch if ch.isprintable() else " " for ch in source.path)  # a comment
        entries = ["", f"  # ---- {path} ({published})"]
        for item in items:
            entries += _stub(item, leads.get(item.candidate.id), folded, review)
        if not started:
            yield head + "events:\n"
            started = True
        yield "\n".join(entries) + "\n"
    own = _own_leads(review)
    closing = [line for g in review.groups if g.lead not in own for line in
               _proposal_comment(g, review)]  # fmt: skip
    if closing:
        yield ("" if started else head) + "\n" + "\n".join(closing) + "\n"


def _own_leads(review: Review) -> set[str]:
    """Leads of groups whose entry the stubs write (the lead is new)."""
    new = {item.candidate.id for item in review.items}
    return {g.lead for g in review.groups if g.lead in new}


def _folded(review: Review) -> set[str]:
    """New members of groups with a new lead: merged into the lead's entry, none of their own."""
    new = {item.candidate.id for item in review.items}
    return {
        cid for g in review.groups if g.lead in new for cid in g.ids if cid in new and cid != g.lead
    }


def _stub(item: ReviewItem, group: Group | None, folded: set[str], review: Review) -> list[str]:
    c = item.candidate
    lines = [""]
    lines += _comment(f"line {c.line}: {item.marked.plain()}", "  ")
    lines += _comment(f"read as {describe_date(c)}", "  ")
    for other in item.mentions:
        lines += _comment(
            f"the same happening ({other.grouped}): {other.id}, line {other.line}: "
            f"{mark(other).plain()}; if it is another happening, write "
            f"'distinct: [{other.id}]' here",
            "  ",
        )
    if c.reason is not None:
        lines += _comment(
            f"kept off the timeline: {REASONS.get(c.reason, c.reason)}; to put it on, "
            "replace 'drop: true' with a title",
            "  ",
        )
        lines.append(f"  {yaml_key(c.id)}:")
        lines.append("    drop: true")
        return lines
    merged: list[str] = []
    if group is not None:
        merged = [m for m in group.ids if m in folded]
        lines += _comment(
            f"proposed as one happening with {', '.join(merged) or 'curated entries'} "
            f"(shared: {', '.join(group.terms) or 'the same sentence'}); to reject, write "
            "'distinct:' instead of 'merge:'",
            "  ",
        )
        for member in group.members:
            if member.id in folded:
                lines += _comment(f"{member.id} ({member.source} line {member.line}): "
                                  f"{mark(member).plain()}", "    ")  # fmt: skip
    elif item.group is not None:
        lead = item.group
        where = f" (line {review.lines[lead]})" if lead in review.lines else ""
        lines += _comment(
            f"proposed as the same happening as {lead}{where}: to accept, add this id to its "
            f"'merge:' and remove this entry; to reject, add 'distinct: [{lead}]' here",
            "  ",
        )
    if c.date is None and not merged:
        # Nothing to place it on the timeline: it stays off until given a date.
        lines += _comment(
            "no date could be read: to put it on the timeline, replace 'drop: true' with a "
            "'date:', and uncomment the title",
            "  ",
        )
        lines.append(f"  {yaml_key(c.id)}:")
        lines.append("    drop: true")
        lines.append(f"    # title: {yaml_text(c.title)}")
        return lines
    lines.append(f"  {yaml_key(c.id)}:")
    lines.append(f"    title: {yaml_text(c.title)}")
    if merged:
        lines.append(f"    merge: [{', '.join(yaml_key(m) for m in merged)}]")
    if c.date is not None:
        lines.append(f"    # date: {date_text(c.date)}")
    else:
        lines.append("    # date:")
    return lines


def _proposal_comment(group: Group, review: Review) -> list[str]:
    """A proposal about entries already in the file: said in comments, for the curator to act."""
    members = ", ".join(
        f"{m.id} (line {review.lines[group.curated[m.id]]})"
        if group.curated.get(m.id) in review.lines
        else m.id
        for m in group.members
    )
    terms = ", ".join(group.terms) or "the same sentence"
    return _comment(
        f"Proposed as one happening on {group.date.display()} (shared: {terms}): {members}. "
        f"To accept, list the others under 'merge:' of {group.lead}; to reject, list them "
        "under its 'distinct:'.",
        "",
    )
