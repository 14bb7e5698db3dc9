"""What a careful editor wants to know before trusting a timeline: ``timeline check``.

Each finding is a :class:`~timeline.curation.Problem` with a level, a stable code and the
place to look — the curated file's line for problems of the curation, the document's path
and line for problems of a document:

=================  =======  ===============================================================
code               level    finding
=================  =======  ===============================================================
stale-id           error    the curated file names an id no candidate has (closest given)
contradiction      error    an entry merges sources whose dates cannot agree, no 'date:' set
contradiction      warning  two sources seem to tell of one happening with dates that differ
anachronism        error    a source dated before a happening it reports as past
weekday            error    a weekday that does not fit its date ("Monday 17 May 2022")
unresolved         warning  a relative date left undated: its source has no publication date
uncurated          warning  candidates the curated file does not mention yet
unsourced          error    an event with neither a source nor a note
(others)                    what applying the curated file found (see ``curation.apply``)
=================  =======  ===============================================================

A document finding is not repeated once the curator has dealt with the candidate: given it
a ``date:``, or dropped it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Protocol

from .curation import Curation, Problem
from .curation.model import Level, ProblemList
from .dates import DateValue, Precision
from .errors import ExitCode
from .events.ids import shared_prefixes
from .models import Candidate, Event, Resolution
from .tagger import vocab

if TYPE_CHECKING:  # the term index is loaded when a check needs it
    from .corroborate import TermIndex
    from .pipeline import Timeline

__all__ = [
    "CheckReport",
    "anachronisms",
    "check_candidates",
    "format_problem",
    "format_report",
    "mismatches",
    "problems_to_json",
    "reports_as_past",
    "run_checks",
    "summary_line",
    "unresolved",
    "uncurated_problems",
    "unsourced",
    "weekdays",
]

#: Words that make a sentence look ahead, so a date after its publication is no anachronism.
LOOKING_AHEAD = (
    *vocab.FUTURE_MARKERS,
    *(f"{lead} to" for lead in vocab.INFINITIVE_LEADS),  # "we plan to open in 2030"
    "would",
    "expected",
    "expects",
    "due",
    "planned",
    "plans",
    "intends",
    "aims",
    "forecast",
    "forecasts",
    "proposed",
    "deadline",
    "target",
    "targets",
    "goal",
    "goals",
    "aim",
    "hope",
    "hopes",
    "promise",
    "promised",
    "pledged",
    "projected",
    "projection",
    "predicted",
    "prediction",
    "predict",
    "predicts",
    "predicting",
    "estimate",
    "estimates",
    "anticipated",
    "anticipates",
    "outlook",
    "future",
    "foresee",
    "foresees",
    "likely",
    "may",
    "might",
    "could",
    "should",
    "must",
    "option",
    "requires",
    "required to",
)


@cache
def _looking_ahead() -> re.Pattern[str]:
    """``LOOKING_AHEAD`` as one pattern, compiled when first needed: only a date after its
    source's publication is looked at with it, and ``show`` and ``export``, which import this
    module for the weekdays, never need it."""
    return re.compile(
        r"(?<![A-Za-z])(?:" + "|".join(re.escape(w) for w in LOOKING_AHEAD) + r")(?![A-Za-z])"
        r"|\b[a-z]{3,}(?:able|ible)\b",  # "redeemable after 2031", "payable in 2030"
        re.IGNORECASE,
    )


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(sorted({*vocab.WEEKDAYS, *vocab.WEEKDAY_ABBREVIATIONS}, key=len, reverse=True))
    + r")(?![A-Za-z])\.?",
    re.IGNORECASE,
)
#: Resolutions the source itself stands behind (not counted from the publication date).
STATED = frozenset({Resolution.EXPLICIT, Resolution.CONTEXT, Resolution.WEEKDAY})
PUBLISHED_FROM = {
    "curation": "the curated file",
    "option": "the --published option",
}
UNCURATED_SHOWN = 3  # ids named per source when not verbose


class SourceInfo(Protocol):
    """What checks need of a document: a Document or the pipeline's DocumentInfo."""

    @property
    def path(self) -> str: ...
    @property
    def published(self) -> DateValue | None: ...
    @property
    def published_from(self) -> str | None: ...


# --------------------------------------------------------------------------- helpers


def _settled(curation: Curation | None) -> set[str]:
    """Candidates the curator has dealt with: dropped, dated, or merged into a dated entry."""
    if curation is None:
        return set()
    owner = curation.merged_into()
    done = set()
    for cid in curation.mentioned():
        entry = curation.corrections.get(owner.get(cid, cid))
        if entry is not None and (entry.drop or entry.date is not None):
            done.add(cid)
        own = curation.corrections.get(cid)
        if own is not None and own.drop:
            done.add(cid)
    return done


def _problem(level: Level, code: str, candidate: Candidate, message: str) -> Problem:
    return Problem(level, message, candidate.source, candidate.line, candidate.column, code,
                   candidate.id)  # fmt: skip


def _published_where(info: SourceInfo, curation: Curation | None) -> str:
    origin = info.published_from
    if origin == "curation" and curation is not None and info.path in curation.sources:
        return f"{curation.path} line {curation.sources[info.path].line}"
    return PUBLISHED_FROM.get(origin or "", f"the document's {origin}" if origin else "unknown")


# --------------------------------------------------------------------------- document checks


def anachronisms(
    candidates: Iterable[Candidate],
    sources: Mapping[str, SourceInfo],
    curation: Curation | None = None,
) -> list[Problem]:
    """Sources dated before a happening they report as past.

    A date the curated file gives the event (its entry's, or that of the entry merging it)
    is checked in place of the one read: settling the date does not settle the publication
    date. Only dropping the candidate does.
    """
    dropped, curated = _curated_dates(curation)
    found = []
    for c in candidates:
        info = sources.get(c.source)
        published = info.published if info is not None else None
        if info is None or published is None or published.latest is None or c.id in dropped:
            continue
        given = curated.get(c.id)
        when = given[0] if given else c.date
        if when is None or when.earliest is None or (given is None and c.resolved_by not in
                                                     STATED):  # fmt: skip
            continue
        if when.earliest <= published.latest or not reports_as_past(c):
            continue
        if given is not None and curation is not None:
            dated = (
                f"{c.text!r} ({when.display()}, the date {curation.path} gives it at line "
                f"{given[1]})"
            )
        else:
            dated = f"{c.text!r} ({when.display()})"
        found.append(
            _problem(
                "error",
                "anachronism",
                c,
                f"{c.source} is dated {published.display()} "
                f"(from {_published_where(info, curation)}), but it reports "
                f"{dated} as past: either the publication date or that date is wrong",
            )
        )
    return found


def reports_as_past(candidate: Candidate) -> bool:
    """True when the sentence tells its date phrase's happening as past: the verb nearest
    the phrase is a past ("was published on 1 March", "judged ... by September"), and no word
    looks ahead. A forecast, a plan, a target or a term is no past ("is expected to double by
    2030", "aims to", "redeemable after 2031", "could halve by 2030"); nor is a sentence with
    no past at all ("the approach of the year 2000")."""
    from .tagger.tense import tense  # only for dates after the publication date: rare

    if _looking_ahead().search(candidate.quote):
        return False
    start = max(candidate.start - candidate.quote_start, 0)
    end = max(candidate.end - candidate.quote_start, start)
    return tense(candidate.quote, start, end) == "past"


def _curated_dates(curation: Curation | None) -> tuple[set[str], dict[str, tuple[DateValue, int]]]:
    """Candidates the curator dropped, and those whose event the curator dated: id -> (the
    date, its line in the curated file)."""
    if curation is None:
        return set(), {}
    owner = curation.merged_into()
    dropped, dated = set(), {}
    for cid in curation.mentioned():
        own = curation.corrections.get(cid)
        entry = curation.corrections.get(owner.get(cid, cid))
        if (own is not None and own.drop) or (entry is not None and entry.drop):
            dropped.add(cid)
        elif entry is not None and entry.date is not None:
            line = entry.positions.get("date", (entry.line, entry.column))[0]
            dated[cid] = (entry.date, line)
    return dropped, dated


def weekdays(candidates: Iterable[Candidate], curation: Curation | None = None) -> list[Problem]:
    """Day dates written with a weekday they did not fall on."""
    settled = _settled(curation)
    found = []
    for c in candidates:
        value = c.date
        if value is None or c.id in settled or value.precision is not Precision.DAY:
            continue
        if value.is_interval or not value.year_known or value.earliest is None:
            continue
        named = _weekday_in(c)
        actual = value.earliest.weekday()
        if named is None or named == actual:
            continue
        found.append(
            _problem(
                "error",
                "weekday",
                c,
                f"{c.text!r}: {value.display()} was a {WEEKDAY_NAMES[actual]}, not a "
                f"{WEEKDAY_NAMES[named]}; one of the two is wrong (set 'date:' to say which)",
            )
        )
    return found


def _weekday_in(candidate: Candidate) -> int | None:
    match = _WEEKDAY.search(candidate.text)
    if match is None:
        return None
    word = match.group().rstrip(".").lower()
    if word not in vocab.WEEKDAYS and not match.group()[0].isupper():
        return None  # "sat", "sun" in lower case are words, not days
    return vocab.WEEKDAYS.get(word, vocab.WEEKDAY_ABBREVIATIONS.get(word))


def unresolved(
    candidates: Iterable[Candidate],
    sources: Mapping[str, SourceInfo],
    curation: Curation | None = None,
) -> list[Problem]:
    """Relative dates left undated because their source has no publication date."""
    settled = _settled(curation)
    found = []
    for c in candidates:
        info = sources.get(c.source)
        if c.resolved_by is not Resolution.UNRESOLVED or c.id in settled:
            continue
        if info is not None and info.published is not None:
            continue
        what = "cannot be dated" if c.date is None else "has no year"
        found.append(
            _problem(
                "warning",
                "unresolved",
                c,
                f"{c.text!r} {what}: the document has no publication date to count from "
                "(give it 'published:' under 'sources:', or use --published)",
            )
        )
    return found


def uncurated_problems(
    candidates: Sequence[Candidate], curation: Curation | None, *, verbose: bool = False
) -> list[Problem]:
    """Candidates the curated file does not mention: one line per source, or per candidate."""
    from .review import uncurated

    new = uncurated(candidates, curation)
    if verbose:
        return [
            _problem("warning", "uncurated", c, f"{c.id} ({c.text!r}) is not in the curated file")
            for c in new
        ]
    by_source: dict[str, list[Candidate]] = {}
    for c in new:
        by_source.setdefault(c.source, []).append(c)
    found = []
    for path, items in by_source.items():
        ids = ", ".join(c.id for c in items[:UNCURATED_SHOWN])
        more = f" and {len(items) - UNCURATED_SHOWN} more" if len(items) > UNCURATED_SHOWN else ""
        found.append(
            Problem(
                "warning",
                f"{len(items)} candidate(s) not in the curated file yet: "
                f"{ids}{more} (see 'timeline review')",
                path,
                items[0].line,
                items[0].column,
                "uncurated",
            )  # fmt: skip
        )
    return found


def mismatches(
    candidates: Sequence[Candidate],
    curation: Curation | None = None,
    *,
    index: TermIndex | None = None,
) -> list[Problem]:
    """Two sources that seem to tell of one happening, with dates that cannot both be right."""
    settled = _settled(curation)
    found = []
    from .corroborate import find_mismatches

    for m in find_mismatches(candidates, curation, index=index):
        if m.a.id in settled and m.b.id in settled:
            continue
        a_date, b_date = m.a.date, m.b.date
        assert a_date is not None and b_date is not None  # only dates can disagree
        found.append(
            _problem(
                "warning",
                "contradiction",
                m.a,
                f"{m.a.id} ({m.a.text!r}: {a_date.display()}) and {m.b.id} in "
                f"{m.b.source} line {m.b.line} ({m.b.text!r}: {b_date.display()}) seem to "
                f"tell of the same happening (shared: {', '.join(m.terms)}), but their dates "
                f"cannot both be right; correct one with 'date:', or write "
                f"'distinct: [{m.b.id}]' under {m.a.id} if they differ",
            )
        )
    return found


def unsourced(events: Iterable[Event], curation: Curation | None = None) -> list[Problem]:
    """Events that cite no source and carry no note."""
    found = []
    for event in events:
        if event.sources or event.note:
            continue
        added = curation.added.get(event.id) if curation else None
        path = curation.path if curation else "<events>"
        line, column = (added.line, added.column) if added else (1, 1)
        found.append(
            Problem(
                "error",
                f"event {event.id} cites no source and has no note saying where it comes from",
                path,
                line,
                column,
                "unsourced",
                event.id,
            )  # fmt: skip
        )
    return found


def id_problems(candidates: Sequence[Candidate], curation: Curation | None = None) -> list[Problem]:
    """Two candidates with one id (an error: a correction would apply to both), and documents
    that share the number or name their ids would start with (a warning saying which ids
    each has instead)."""
    first: dict[str, Candidate] = {}
    problems = []
    prefixes: dict[str, str] = {}
    for candidate in candidates:
        prefixes.setdefault(candidate.source, candidate.id.split(":", 1)[0])
        other = first.setdefault(candidate.id, candidate)
        if other is not candidate:
            problems.append(_problem(
                "error", "id-collision", candidate,
                f"the id {candidate.id!r} is also that of a candidate in {other.source} line "
                f"{other.line}; a correction would apply to both (rename one of the files)",
            ))  # fmt: skip
    named = curation.named_documents() if curation is not None else set()
    by_source = {c.source: c for c in reversed(candidates)}
    for short, members in shared_prefixes(prefixes, prefixes):
        keeper = members[0] if prefixes[members[0]] == short else None
        for path in members:
            if path == keeper:
                continue
            why = (
                f"{keeper} keeps it, being the one the curated file names"
                if keeper
                else "none of them keeps it, as the curated file names "
                f"{'several' if sum(m in named for m in members) > 1 else 'none'} of them"
            )
            problems.append(_problem(
                "warning", "shared-prefix", by_source[path],
                f"{len(members)} documents would start their ids with {short!r}: this one's "
                f"start with {prefixes[path]!r} ({why})",
            ))  # fmt: skip
    return problems


def check_candidates(
    candidates: Sequence[Candidate],
    sources: Mapping[str, SourceInfo],
    curation: Curation | None,
    events: Sequence[Event] = (),
    *,
    verbose: bool = False,
    index: TermIndex | None = None,
) -> list[Problem]:
    """Every check of the documents and the events (not those of applying the curation)."""
    return [
        *id_problems(candidates, curation),
        *uncurated_problems(candidates, curation, verbose=verbose),
        *mismatches(candidates, curation, index=index),
        *anachronisms(candidates, sources, curation),
        *weekdays(candidates, curation),
        *unresolved(candidates, sources, curation),
        *unsourced(events, curation),
    ]


# --------------------------------------------------------------------------- the report


@dataclass
class CheckReport(ProblemList):
    """Every problem found, with the figures of what was checked."""

    problems: list[Problem] = field(default_factory=list)
    curation_path: str | None = None
    documents: int = 0
    candidates: int = 0
    uncurated: int = 0
    corrections: int = 0
    events: int = 0
    skipped: int = 0

    @property
    def exit_code(self) -> ExitCode:
        """1 when any error was found or a document was skipped; warnings alone give 0."""
        return ExitCode.PROBLEMS if self.errors or self.skipped else ExitCode.OK

    def summary(self) -> dict[str, int]:
        return {
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "documents": self.documents,
            "skipped": self.skipped,
            "candidates": self.candidates,
            "uncurated": self.uncurated,
            "corrections": self.corrections,
            "events": self.events,
        }


def _order(curation_path: str | None) -> Callable[[Problem], tuple[bool, str, int, int, str, str]]:
    def key(p: Problem) -> tuple[bool, str, int, int, str, str]:
        return (p.path != curation_path, p.path, p.line, p.column, p.code, p.message)

    return key


def run_checks(
    timeline: Timeline,
    *,
    verbose: bool = False,
    index: TermIndex | None = None,
) -> CheckReport:
    """All checks on a built timeline (``pipeline.build``), with what applying found."""
    extraction = timeline.extraction
    curation = timeline.curation
    candidates = extraction.candidates
    sources = {info.path: info for info in extraction.documents}
    if index is None:
        from .corroborate import index_for

        # Made here and passed on, not kept: read into the comparisons, it can go.
        found = check_candidates(candidates, sources, curation, timeline.events,
                                 verbose=verbose, index=index_for(timeline))  # fmt: skip
    else:
        found = check_candidates(candidates, sources, curation, timeline.events,
                                 verbose=verbose, index=index)  # fmt: skip
    problems = sorted([*timeline.problems, *found], key=_order(curation.path if curation else None))
    from .review import uncurated

    return CheckReport(
        problems=problems,
        curation_path=curation.path if curation else None,
        documents=len(extraction.documents),
        candidates=len(candidates),
        # as review counts them: a happening by its first mention, asides apart
        uncurated=len(uncurated(candidates, curation)),
        corrections=len(curation.corrections) if curation else 0,
        events=len(timeline.events),
        skipped=len(extraction.collection.skipped),
    )


def format_problem(problem: Problem) -> str:
    """``path:line:column: level: message [code]``"""
    code = f" [{problem.code}]" if problem.code else ""
    return f"{problem}{code}"


def format_report(report: CheckReport) -> str:
    """The problems one per line, then a summary line."""
    lines = [format_problem(p) for p in report.problems]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def summary_line(report: CheckReport) -> str:
    """The last line of ``format_report``: how many problems, documents, candidates..."""
    counts = report.summary()
    figures = (
        f"{counts['documents']} documents, {counts['candidates']} candidates "
        f"({counts['uncurated']} not yet curated), {counts['corrections']} corrections, "
        f"{counts['events']} events on the timeline"
    )
    skipped = f", {counts['skipped']} document(s) skipped" if counts["skipped"] else ""
    if report.errors or report.warnings or report.skipped:
        return f"{counts['errors']} error(s), {counts['warnings']} warning(s){skipped}; {figures}"
    return f"ok: {figures}"


def problems_to_json(problems: Sequence[Problem], summary: Mapping[str, int] | None = None) -> str:
    """``{"problems": [...], "summary": {...}}`` as indented JSON, for scripts and CI."""
    payload: dict[str, object] = {"problems": [p.to_dict() for p in problems]}
    if summary is not None:
        payload["summary"] = dict(summary)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
