"""Corroboration: candidates from different sources that describe the same happening.

Two candidates are linked when their dates can mean the same days and their sentences share
*key terms*: content words that are rare in the documents read (a programme's name, an
inspectorate), weighted so that a proper name counts more than a common word. Linked
candidates are grouped; a group is proposed only when it spans two sources or more, and
only when its dates have a common core (one member's date lies within every other's).

The curated file decides: a ``merge:`` accepts a proposal, a ``distinct:`` list rejects it,
and a rejected pair is never grouped again. :func:`merge_groups` applies the open proposals
to a list of events, for a timeline grouped automatically before any curation.

Nothing here knows any particular document: the vocabulary is the tagger's date words and a
small table of function words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..curation import Curation
from ..dates import DateValue, Precision
from ..errors import TimelineError
from ..models import Candidate, Event, SourceRef
from ..tagger import vocab

__all__ = [
    "AUTO_TAG",
    "Group",
    "Mismatch",
    "TermIndex",
    "date_fit",
    "find_mismatches",
    "index_for",
    "merge_groups",
    "propose_groups",
]

#: The tag an automatically grouped event carries, so every output can tell it apart.
AUTO_TAG = "auto-merged"
AUTO_NOTE = "Grouped automatically as the same happening; not yet confirmed in the curated file."

#: Function words and reporting words that say nothing about what happened.
STOPWORDS = frozenset(
    """
    the and for are but not you all any can had her was one our out has him his how its may
    new now old see two way who did get let say she too use that with have this will your from
    they been were said what when which their there them then than into more some such only
    also over very just being about after before other these those would could should while
    where here each most much many made make because still even well back through during under
    again further once both same own off few nor upon until till since within without between
    among against across around per via part following including according however meanwhile
    yet whose whom it's i'm we're they're there's that's don't didn't isn't wasn't aren't
    weren't has hasn't have haven't had hadn't does doesn't will won't shall cannot can't
    mr mrs ms dr cllr coun
    """.split()
)

#: Words of dates and times: sharing them says nothing about sharing a happening.
DATE_WORDS = frozenset(
    [
        *vocab.MONTHS,
        *vocab.WEEKDAYS,
        *vocab.WEEKDAY_ABBREVIATIONS,
        *vocab.SEASONS,
        *vocab.UNITS,
        *vocab.UNIT_PLURALS,
        *(word for phrase in vocab.RELATIVE_DAYS for word in phrase.split()),
        *vocab.NUMBERS,
        *vocab.ORDINALS,
        *vocab.DAY_PARTS,
        *(word for phrase in vocab.QUALIFIERS for word in phrase.split()),
        "last", "next", "ago", "earlier", "later", "recent", "recently", "previous",
        "current", "currently", "week's", "year's", "today's", "yesterday's", "annual",
    ]
)  # fmt: skip

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
MIN_TERM_LENGTH = 3
#: A shared capitalised word (a name) weighs this much more than a shared common word.
NAME_BONUS = 1.5
#: Two candidates are linked when their sentences share a key term that is a name, or this
#: many key terms …
LINK_TERMS = 2
#: … and read as one happening dated differently when the words next to their date phrases
#: (this many content words on each side) share this many key terms.
WINDOW_WORDS = 5
MISMATCH_TERMS = 2
#: A key term is in at most this share of the sentences read (or in five at most).
KEY_SHARE = 0.05
#: The same when only the dated sentences are known, where a happening's words crowd.
QUOTES_KEY_SHARE = 0.25
KEY_MIN_COUNT = 5
#: Dates fine enough to meet a date whose year is unknown.
FINE_PRECISIONS = frozenset({Precision.DAY, Precision.WEEK, Precision.MONTH})


def _fold(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def _terms(text: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, folded term, written capitalised mid-sentence) for each content word."""
    for match in _WORD.finditer(text):
        raw = match.group()
        term = _fold(raw)
        if len(term) < MIN_TERM_LENGTH or term in STOPWORDS or term in DATE_WORDS:
            continue
        before = text[: match.start()].rstrip()
        opens_sentence = not before or before[-1] in ".!?:\"“‘'(|#*-–—"
        yield match.start(), term, raw[0].isupper() and not opens_sentence


def _collect(found: Iterable[tuple[int, str, bool]]) -> dict[str, bool]:
    result: dict[str, bool] = {}
    for _, term, named in found:
        result[term] = result.get(term, False) or named
    return result


def words(text: str) -> dict[str, bool]:
    """Content words of ``text`` (folded) -> whether one was written capitalised mid-sentence."""
    return _collect(_terms(text))


@dataclass
class TermIndex:
    """How rare each word is among the sentences of the documents read."""

    counts: Counter[str] = field(default_factory=Counter)
    units: int = 0
    #: Share of the sentences above which a word is too common to be a key term.
    key_share: float = KEY_SHARE
    _cache: dict[str, dict[str, bool]] = field(default_factory=dict, repr=False)

    def words_of(self, text: str) -> dict[str, bool]:
        """:func:`words` of ``text``, remembered (sentences are compared many times)."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = words(text)
        return found

    def add(self, text: str) -> TermIndex:
        """Count the sentences of one more text."""
        for unit in _SENTENCE.split(text):
            if unit.strip():
                self.units += 1
                self.counts.update(words(unit).keys())
        return self

    def merge(self, other: TermIndex) -> TermIndex:
        self.units += other.units
        self.counts.update(other.counts)
        return self

    @classmethod
    def of_texts(cls, texts: Iterable[str]) -> TermIndex:
        index = cls()
        for text in texts:
            index.add(text)
        return index

    @classmethod
    def of(cls, candidates: Sequence[Candidate]) -> TermIndex:
        """From the sentences the candidates were found in (each counted once).

        Only dated sentences are seen, so a word every report of a happening uses looks
        common; the whole texts (:meth:`of_texts`) tell rare words apart better.
        """
        index = cls.of_texts(dict.fromkeys(c.quote for c in candidates))
        index.key_share = QUOTES_KEY_SHARE
        return index

    def weight(self, term: str) -> float:
        """Inverse sentence frequency; 0 for terms too common to tell happenings apart."""
        units = max(self.units, 1)
        seen = max(self.counts.get(term, 0), 1)
        if seen > max(KEY_MIN_COUNT, self.key_share * units):
            return 0.0
        return math.log((units + 1) / seen)


@dataclass(frozen=True)
class Affinity:
    score: float
    terms: tuple[str, ...]  # shared key terms, heaviest first
    named: bool = False  # one of them is a name

    @property
    def links(self) -> bool:
        return self.named or len(self.terms) >= LINK_TERMS


def _shared(wa: Mapping[str, bool], wb: Mapping[str, bool], index: TermIndex) -> Affinity:
    scored = []
    named = False
    for term in wa.keys() & wb.keys():
        weight = index.weight(term)
        if weight <= 0:
            continue
        if wa[term] or wb[term]:
            weight *= NAME_BONUS
            named = True
        scored.append((weight, term))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return Affinity(sum(w for w, _ in scored), tuple(t for _, t in scored), named)


def affinity(a: Candidate, b: Candidate, index: TermIndex) -> Affinity:
    """How strongly two candidates' sentences share key terms."""
    return _shared(index.words_of(a.quote), index.words_of(b.quote), index)


def window(candidate: Candidate, size: int = WINDOW_WORDS) -> dict[str, bool]:
    """The content words nearest the date phrase in its sentence: ``size`` on each side."""
    start = max(candidate.start - candidate.quote_start, 0)
    end = max(candidate.end - candidate.quote_start, start)
    found = list(_terms(candidate.quote))
    before = [item for item in found if item[0] < start][-size:]
    after = [item for item in found if item[0] >= end][:size]
    return _collect(before + after)


# --------------------------------------------------------------------------- dates


#: Day numbers beyond any date, for an open end.
_NO_START, _NO_END = -(10**9), 10**9


def _bounds(value: DateValue) -> tuple[int, int]:
    first, last = value.first_day, value.last_day
    return (_NO_START if first is None else first), (_NO_END if last is None else last)


def named_date(value: DateValue) -> DateValue:
    """The date a value names: an open interval ("since 2019") is taken at its known end."""
    if value.endpoints is not None:
        start, end = value.endpoints
        if start is None and end is not None:
            return end
        if end is None and start is not None:
            return start
    return value


def date_fit(a: DateValue | None, b: DateValue | None) -> int:
    """How well two dates agree: 3 the same, 2 one lies within the other, 1 they overlap, 0 not.

    Open intervals are compared by the date they name. A date without a year ("16 May")
    fits only dates of a month or finer that it can fall in.
    """
    if a is None or b is None:
        return 0
    a, b = named_date(a), named_date(b)
    if a.edtf == b.edtf and a.qualifier == b.qualifier:
        return 3
    if not a.overlaps(b):
        return 0
    if a.year_known != b.year_known:
        known = a if a.year_known else b
        return 1 if known.precision in FINE_PRECISIONS else 0
    if a.year_known and (_within(a, b) or _within(b, a)):
        return 2
    return 1


def _within(inner: DateValue, outer: DateValue) -> bool:
    (ilo, ihi), (olo, ohi) = _bounds(inner), _bounds(outer)
    return olo <= ilo and ihi <= ohi


def _span(value: DateValue) -> int:
    value = named_date(value)
    if not value.year_known:
        return 10**7
    lo, hi = _bounds(value)
    return hi - lo


def core_date(dates: Sequence[DateValue]) -> DateValue | None:
    """The narrowest of ``dates`` if it lies within every other (or fits it), else None."""
    known = [d for d in dates if d.year_known] or list(dates)
    narrowest = min(known, key=_span)
    if narrowest.endpoints is not None:
        narrowest = named_date(narrowest)
    for other in dates:
        if other is narrowest:
            continue
        fit = date_fit(narrowest, other)
        if fit == 0 or (fit == 1 and other.year_known and narrowest.year_known):
            return None
    return narrowest


# --------------------------------------------------------------------------- groups


@dataclass(frozen=True)
class Group:
    """Candidates proposed as one happening."""

    members: tuple[Candidate, ...]  # in the order they were read
    terms: tuple[str, ...]  # the key terms that linked them
    date: DateValue  # the most precise date, within every member's
    lead: str  # the member whose date the group takes; its id names the group
    #: Member id -> the curated entry it already belongs to (merged or corrected).
    curated: Mapping[str, str] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [m.id for m in self.members]

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(m.source for m in self.members))

    def to_dict(self) -> dict[str, object]:
        return {
            "lead": self.lead,
            "ids": self.ids,
            "sources": self.sources,
            "terms": list(self.terms),
            "date": self.date.to_dict(),
            "curated": dict(self.curated),
        }


class _Clusters:
    """Union-find over candidate ids, refusing unions the curated file forbids."""

    def __init__(self, ids: Iterable[str], apart: set[frozenset[str]]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: {i} for i in self.parent}
        self.apart = apart

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def allowed(self, a: str, b: str) -> bool:
        return not any(
            frozenset((x, y)) in self.apart for x in self.members[a] for y in self.members[b]
        )

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra] |= self.members.pop(rb)


def _apart(curation: Curation | None) -> set[frozenset[str]]:
    """Pairs of candidate ids the curator declared distinct, spread over merged events."""
    if curation is None:
        return set()
    owner = curation.merged_into()
    events: dict[str, set[str]] = {}
    for cid, target in owner.items():
        events.setdefault(target, {target}).add(cid)
    group = lambda cid: events.get(owner.get(cid, cid), {cid})  # noqa: E731
    pairs = set()
    for correction in curation.corrections.values():
        for ref in correction.distinct:
            pairs.update(
                frozenset((x, y)) for x in group(correction.id) for y in group(ref.id) if x != y
            )
    return pairs


def _dropped(curation: Curation | None) -> set[str]:
    if curation is None:
        return set()
    return {c.id for c in curation.corrections.values() if c.drop}


def _dates(candidates: Sequence[Candidate], curation: Curation | None) -> dict[str, DateValue]:
    """Each candidate's date for grouping: the curated date of its entry when there is one."""
    result = {c.id: c.date for c in candidates if c.date is not None}
    if curation is None:
        return result
    owner = curation.merged_into()
    for cid in list(result):
        entry = curation.corrections.get(owner.get(cid, cid))
        if entry is not None and entry.date is not None:
            result[cid] = entry.date
    return result


@dataclass(frozen=True)
class _Link:
    a: Candidate
    b: Candidate
    fit: int
    affinity: Affinity


def _sentence_key(candidate: Candidate) -> tuple[str, int, str]:
    return (candidate.source, candidate.quote_start, candidate.quote)


def _links(
    pool: Sequence[Candidate], dates: Mapping[str, DateValue], index: TermIndex, *, agreeing: bool
) -> list[_Link]:
    """Pairs whose sentences share key terms, with dates that agree (or that do not).

    Within one sentence only the candidate whose date fits the other best is linked, so a
    sentence giving two dates ("in late 2022, after the report of September 2022") links
    by the date that matches.
    """
    by_sentence: dict[tuple[str, int, str], list[Candidate]] = {}
    for candidate in pool:
        by_sentence.setdefault(_sentence_key(candidate), []).append(candidate)
    links = []
    for i, j in _pairs(pool, index):
        link = _link(pool[i], pool[j], dates, index, agreeing, by_sentence)
        if link is not None:
            links.append(link)
    links.sort(key=lambda k: (-k.fit, -k.affinity.score, k.a.id, k.b.id))
    return links


def _pairs(pool: Sequence[Candidate], index: TermIndex) -> list[tuple[int, int]]:
    """The pairs (by position in ``pool``) that can link at all, in order.

    A link needs a shared key term (a word of positive weight in both sentences) or the
    same sentence, so pairs come from those postings rather than from every pair.
    """
    postings: dict[object, list[int]] = {}
    for position, candidate in enumerate(pool):
        postings.setdefault(_sentence_key(candidate), []).append(position)
        for term in index.words_of(candidate.quote):
            if index.weight(term) > 0:
                postings.setdefault(term, []).append(position)
    pairs: set[tuple[int, int]] = set()
    for positions in postings.values():
        for n, i in enumerate(positions):
            pairs.update((i, j) for j in positions[n + 1 :])
    return sorted(pairs)


def _link(
    a: Candidate,
    b: Candidate,
    dates: Mapping[str, DateValue],
    index: TermIndex,
    agreeing: bool,
    by_sentence: Mapping[tuple[str, int, str], list[Candidate]],
) -> _Link | None:
    fit = date_fit(dates[a.id], dates[b.id])
    if a.source == b.source:
        # One source: only the same date, named twice in a sentence ("yesterday (Monday
        # 16 May)") or in sentences sharing key terms; and a source never disagrees with itself.
        if not agreeing or fit == 0:
            return None
        if fit < 3:
            return None
        if _sentence_key(a) == _sentence_key(b):
            return _Link(a, b, fit, Affinity(0.0, (), True))
    if agreeing and fit == 0 or not agreeing and fit > 0:
        return None
    for one, other in ((a, b), (b, a)):
        mates = by_sentence[_sentence_key(one)]
        best = max(date_fit(dates.get(c.id), dates[other.id]) for c in mates)
        if (best > fit) if agreeing else (best > 0):
            return None
    if agreeing:
        found = affinity(a, b, index)
        return _Link(a, b, fit, found) if found.links else None
    found = _shared(window(a), window(b), index)
    return _Link(a, b, fit, found) if len(found.terms) >= MISMATCH_TERMS else None


def propose_groups(
    candidates: Sequence[Candidate],
    curation: Curation | None = None,
    *,
    index: TermIndex | None = None,
) -> list[Group]:
    """Groups of candidates from two sources or more that seem to be one happening.

    Groups the curated file has already settled (every member merged into one entry) are
    left out, and so are unions it forbids (``distinct:``) or dropped candidates.
    """
    index = index or TermIndex.of(candidates)
    dates = _dates(candidates, curation)
    dropped = _dropped(curation)
    pool = [c for c in candidates if c.id in dates and c.id not in dropped]
    clusters = _Clusters((c.id for c in pool), _apart(curation))
    owner = curation.merged_into() if curation else {}
    for cid, target in owner.items():
        if cid in clusters.parent and target in clusters.parent:
            clusters.union(target, cid)
    terms: dict[str, Counter[str]] = {}
    for link in _links(pool, dates, index, agreeing=True):
        ra, rb = clusters.find(link.a.id), clusters.find(link.b.id)
        if ra == rb or not clusters.allowed(ra, rb):
            continue
        joined = clusters.members[ra] | clusters.members[rb]
        if core_date([dates[i] for i in joined]) is None:
            continue
        clusters.union(ra, rb)
        root = clusters.find(ra)
        terms[root] = terms.pop(ra, Counter()) + terms.pop(rb, Counter())
        terms[root].update(link.affinity.terms)
    by_id = {c.id: c for c in pool}
    groups = []
    for root, ids in clusters.members.items():
        group = _group(root, ids, by_id, dates, terms.get(root, Counter()), curation, owner)
        if group is not None:
            groups.append(group)
    order = {c.id: n for n, c in enumerate(candidates)}
    groups.sort(key=lambda g: order[g.members[0].id])
    return groups


def _group(
    root: str,
    ids: set[str],
    by_id: Mapping[str, Candidate],
    dates: Mapping[str, DateValue],
    terms: Counter[str],
    curation: Curation | None,
    owner: Mapping[str, str],
) -> Group | None:
    members = sorted((by_id[i] for i in ids), key=lambda c: (c.source, c.start, c.id))
    if len({m.source for m in members}) < 2:
        return None
    entries = {owner.get(m.id, m.id) for m in members}
    if len(entries) < 2:
        return None  # all already one event in the curated file
    when = core_date([dates[m.id] for m in members])
    assert when is not None
    # The member giving that date leads: its own value, or the date an open interval names.
    lead = next(
        (m for m in members if when in (dates[m.id], named_date(dates[m.id]))),
        min(members, key=lambda m: _span(dates[m.id])),
    )
    if curation is not None:
        # Keep a curated entry as the lead, so accepting the group adds to that entry.
        listed = [m for m in members if owner.get(m.id, m.id) in curation.corrections]
        lead = next((m for m in listed if m.id in curation.corrections), lead)
    curated = {
        m.id: owner.get(m.id, m.id)
        for m in members
        if curation is not None and owner.get(m.id, m.id) in curation.corrections
    }
    ranked = tuple(t for t, _ in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0])))
    return Group(tuple(members), ranked, when, lead.id, curated)


# --------------------------------------------------------------------------- mismatches


@dataclass(frozen=True)
class Mismatch:
    """Two sources that seem to tell of one happening but give dates that cannot agree."""

    a: Candidate
    b: Candidate
    terms: tuple[str, ...]


def find_mismatches(
    candidates: Sequence[Candidate],
    curation: Curation | None = None,
    *,
    index: TermIndex | None = None,
) -> list[Mismatch]:
    """Pairs from different sources whose sentences match closely but whose dates do not.

    Pairs the curated file declared distinct, or merged (the loader and ``apply`` report
    those), and dropped candidates are left out.
    """
    index = index or TermIndex.of(candidates)
    dates = _dates(candidates, curation)
    dropped = _dropped(curation)
    pool = [c for c in candidates if c.id in dates and dates[c.id].year_known]
    pool = [c for c in pool if c.id not in dropped]
    apart = _apart(curation)
    owner = curation.merged_into() if curation else {}
    result = []
    for link in _links(pool, dates, index, agreeing=False):
        if frozenset((link.a.id, link.b.id)) in apart:
            continue
        if owner.get(link.a.id, link.a.id) == owner.get(link.b.id, link.b.id):
            continue
        result.append(Mismatch(link.a, link.b, link.affinity.terms))
    order = {c.id: n for n, c in enumerate(candidates)}
    result.sort(key=lambda m: (order[m.a.id], order[m.b.id]))
    return result


# --------------------------------------------------------------------------- merging


def merge_groups(events: Sequence[Event], groups: Sequence[Group]) -> list[Event]:
    """The events with each group's events made one, marked as grouped automatically.

    The merged event keeps the id, title, tags and note of the event holding the group's
    lead (a curated one when there is one), takes the group's date unless a curator set
    one, and cites every source of the events it joins, in order.
    """
    home: dict[str, int] = {}
    for n, event in enumerate(events):
        for ref in event.sources:
            if ref.candidate:
                home[ref.candidate] = n
    joined: dict[int, list[int]] = {}
    taken: set[int] = set()
    for group in groups:
        indexes = list(dict.fromkeys(home[i] for i in group.ids if i in home))
        if len(indexes) < 2 or taken & set(indexes):
            continue
        lead = home.get(group.lead, indexes[0])
        joined[lead] = [lead] + [i for i in indexes if i != lead]
        taken.update(indexes)
    result = []
    for n, event in enumerate(events):
        if n in joined:
            result.append(_merged([events[i] for i in joined[n]], _group_date(groups, event)))
        elif n not in taken:
            result.append(event)
    result.sort(key=_event_order)
    return result


def _group_date(groups: Sequence[Group], event: Event) -> DateValue | None:
    ids = {ref.candidate for ref in event.sources}
    return next((g.date for g in groups if ids & set(g.ids)), None)


def _merged(events: list[Event], date_: DateValue | None) -> Event:
    lead = events[0]
    sources: list[SourceRef] = [ref for event in events for ref in event.sources]
    curated = next((e for e in events if e.curated), None)
    when, resolved_by = (
        (curated.date, curated.resolved_by) if curated else (date_ or lead.date, lead.resolved_by)
    )
    if curated is None and date_ is not None:
        for event in events:
            if event.date == date_:
                resolved_by = event.resolved_by
                break
    note = f"{lead.note} ({AUTO_NOTE})" if lead.note else AUTO_NOTE
    return replace(
        lead,
        date=when,
        sources=sources,
        tags=[*lead.tags, AUTO_TAG] if AUTO_TAG not in lead.tags else list(lead.tags),
        note=note,
        curated=curated is not None,
        resolved_by=resolved_by,
    )


def _event_order(event: Event) -> tuple:
    first = event.sources[0] if event.sources else SourceRef(source="")
    start = first.start if first.start is not None else -1
    return (event.date.sort_key(), first.source, start, event.id)


# --------------------------------------------------------------------------- the index of a run


def index_for(timeline) -> TermIndex:  # noqa: ANN001 - a pipeline.Timeline
    """The term index of a built timeline's documents, read again for their whole text.

    The pipeline keeps no text (and a cached run reads none), so this reads each document
    once more; when one cannot be read, the index falls back to the candidates' sentences.
    """
    from ..documents import read_document

    extraction = timeline.extraction
    index = TermIndex()
    for info in extraction.documents:
        try:
            text = read_document(Path(info.path), info.path)[0].text
        except (TimelineError, OSError, ValueError):
            return TermIndex.of(extraction.candidates)
        index.add(text)
    return index if index.units else TermIndex.of(extraction.candidates)
