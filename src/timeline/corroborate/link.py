"""Linking candidates that tell of one happening, indexed so the work grows with the matches.

Candidates are first made *nodes*: those of one sentence, phrase and date (the same sentence
copied into several documents) are one node, linked from the start. A node is compared only
with the nodes it can match: for a group, those sharing a name in the same window of years
(a posting list per name and year); for a mismatch, those sharing a name and an action. So
the work grows with the candidates that share something rare, not with the square of all.

Two nodes of different sources are **the same happening** when their dates agree and their
signatures (:mod:`.signature`) name the same actors doing the same thing: a shared name and
a shared action (or a happening named as such: "Monday's Kestrel Report"); on the same day,
three shared names are enough. Names each tied to its own date in a list ("Greece in 1952",
"Spain in 1982") must not differ. Two nodes of one source are one happening only when they
give the same date in one sentence, or the same date with a shared name and action.

Groups are built from the strongest links down, and a link is refused when the group would
hold two happenings of one source, or two single days not linked to each other: a vague or
wide date ("this week", a year) joins one happening, never several.

Two reports **contradict** each other when they name the same actors and action and more
(three shared words or more), with dates that cannot agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter

from ..curation import Curation
from ..dates import DateValue
from ..models import Candidate
from .fit import bounds, core_date, date_fit, is_one_day, named_date, span
from .signature import Reader, Signature
from .words import TermIndex

__all__ = ["Group", "Mismatch", "find_mismatches", "propose_groups"]

#: A shared name weighs this much more than a shared action or object.
NAME_BONUS = 1.5
OBJECT_SHARE = 0.5
#: On one day, this many shared names tell one happening without a shared action.
SAME_DAY_NAMES = 3
#: A contradiction needs this many shared names (a name of several words counts once),
#: actions and objects in all, and this many actions and objects: the same actor doing the
#: same thing, and more.
MISMATCH_TERMS = 3
MISMATCH_WORDS = 1
#: Kinds of happening that the same actors repeat (meetings, talks): no contradiction.
RECURRING = frozenset({"~meet"})
#: A date window (in days) of the posting lists, about a year; a date wider than this many
#: windows is compared with every window it covers.
WINDOW_DAYS = 365
WIDE_WINDOWS = 12
#: A name and an action shared by more nodes than this are a recurring kind of happening
#: (every quarterly report of a company), not one happening to contradict.
MISMATCH_POSTING = 64


@dataclass(frozen=True)
class Group:
    """Candidates proposed as one happening."""

    members: tuple[Candidate, ...]  # in the order they were read
    terms: tuple[str, ...]  # the names and actions that linked them
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


@dataclass(frozen=True)
class Mismatch:
    """Two sources that seem to tell of one happening but give dates that cannot agree."""

    a: Candidate
    b: Candidate
    terms: tuple[str, ...]


# --------------------------------------------------------------------------- nodes


@dataclass(slots=True)
class _Node:
    number: int
    members: list[Candidate]
    date: DateValue
    signature: Signature
    quote: str
    sources: tuple[str, ...]
    #: Other date phrases' dates in the node's sentence, to link by the best-fitting one.
    mates: list[DateValue]

    @property
    def one_day(self) -> bool:
        return is_one_day(self.date)


#: No other date phrase in the sentence: one empty list for every such node.
NONE: list[DateValue] = []


def _share_source(u: _Node, v: _Node) -> bool:
    return any(source in v.sources for source in u.sources)


def _phrase(candidate: Candidate) -> tuple[int, int]:
    start = candidate.start - candidate.quote_start
    return start, start + (candidate.end - candidate.start)


def _nodes(
    candidates: Sequence[Candidate],
    keep: Callable[[Candidate], bool],
    date_of: Callable[[Candidate], DateValue | None],
    reader: Reader,
) -> list[_Node]:
    """The kept candidates as nodes: one per sentence, phrase and date.

    The other date phrases of a sentence are looked up document by document (a document's
    candidates come together, in the order of its text): nothing is held for the whole
    collection but the nodes and one key each."""
    nodes: list[_Node] = []
    # by sentence, phrase, date and qualifier, and by document too for a dateline
    found: dict[tuple[object, ...], _Node] = {}
    for _, told in groupby(candidates, key=attrgetter("source")):
        mentions = list(told)
        phrases: dict[tuple[int, str], list[Candidate]] = {}
        for candidate in mentions:
            phrases.setdefault((candidate.quote_start, candidate.quote), []).append(candidate)
        for candidate in mentions:
            when = date_of(candidate) if keep(candidate) else None
            if when is None:
                continue
            start, end = _phrase(candidate)
            key: tuple[object, ...] = (candidate.quote, start, end, when.edtf, when.qualifier)
            node = found.get(key)
            if node is not None and not _tells(node.signature):
                # A dateline copied ("WASHINGTON, March 12 --") tells no happening to share.
                key = (*key, candidate.source)
                node = found.get(key)
            if node is None:
                mates = [c for c in phrases[(candidate.quote_start, candidate.quote)]
                         if c is not candidate]  # fmt: skip
                others = [_phrase(c) for c in mates]
                signature = _kept(reader.signature(candidate.quote, (start, end), others))
                mate_dates = [d for d in map(date_of, mates) if d is not None]
                node = _Node(len(nodes), [], when, signature, candidate.quote, (),
                             mate_dates or NONE)  # fmt: skip
                found[key] = node
                nodes.append(node)
            node.members.append(candidate)
            if candidate.source not in node.sources:
                node.sources = (*node.sources, candidate.source)
    return nodes


def _tells(signature: Signature) -> bool:
    return bool(signature.actions or signature.objects)


#: What is kept of a signature with no name to share: whether it tells anything at all.
_NAMELESS = (Signature(), Signature(objects={"": 0.0}))


def _kept(signature: Signature) -> Signature:
    """The signature, or, when it names no one (no link can rest on it), one shared stand-in:
    a large collection keeps only the signatures that can link."""
    if any(w > 0 for w in signature.names.values()) or signature.acronyms:
        return signature
    return _NAMELESS[_tells(signature)]


# --------------------------------------------------------------------------- evidence


@dataclass(frozen=True)
class _Evidence:
    names: Mapping[str, float]
    actions: Mapping[str, float]
    objects: Mapping[str, float]

    @property
    def score(self) -> float:
        return (
            NAME_BONUS * sum(self.names.values())
            + sum(self.actions.values())
            + OBJECT_SHARE * sum(self.objects.values())
        )

    def terms(self, a: Signature, b: Signature) -> list[str]:
        ranked = sorted(
            [*(((NAME_BONUS * w, k) for k, w in self.names.items())),
             *((w, a.show(k)) for k, w in self.actions.items())],
            key=lambda item: (-item[0], item[1]),
        )  # fmt: skip
        return list(dict.fromkeys(term.lstrip("~") for _, term in ranked))

    @property
    def count(self) -> int:
        return len(self.names) + len(self.actions) + len(self.objects)


def _evidence(a: Signature, b: Signature, *, dated_only: bool = False) -> _Evidence | None:
    """What two signatures share, or None when their actors cannot be the same. With
    ``dated_only``, what the phrases date themselves: not what was said ("said Friday that
    the raid ..."), and names of their own in common where both have some."""
    names = a.shared_names(b)
    if not names or not a.specific(b, names):
        return None
    if _apart_by_local_names(a, b) or a.other_actors(b):
        return None  # "Greece and Turkey in 1952" is not "Spain in 1982"
    found = _Evidence(names, a.shared_actions(b), a.shared_objects(b))
    if not dated_only:
        return found
    told = a.told | b.told
    kept = [{k: w for k, w in part.items() if k not in told}
            for part in (found.names, found.actions, found.objects)]  # fmt: skip
    if not _own_actor(a, b, kept[0]) or len(kept[1]) + len(kept[2]) < MISMATCH_WORDS:
        return None
    return _Evidence(*kept)


def _own_actor(a: Signature, b: Signature, names: Mapping[str, float]) -> bool:
    """True when both phrases' clauses have one actor: the first name of each (before any
    action) is the same, and names someone or something, not a people ("the Iraqi army" and
    "an Iraqi aircraft" are no one actor)."""
    broad = a.demonyms | b.demonyms | a.weak | b.weak
    both = (a.subject & (b.subject | b.acronyms)) | (b.subject & a.acronyms)
    return any(k in both and k not in broad for k in names)


def _apart_by_local_names(a: Signature, b: Signature) -> bool:
    """True when each phrase has names of its own and neither's are named by the other."""
    local_a = {k for k in a.local if a.names.get(k, 0) > 0}
    local_b = {k for k in b.local if b.names.get(k, 0) > 0}
    if not local_a or not local_b:
        return False
    return not (local_a & (b.names.keys() | b.acronyms) or local_b & (a.names.keys() | a.acronyms))


def _telling(a: Signature, b: Signature, found: _Evidence) -> bool:
    """True when the evidence names an actor or object (not only a place or a circumstance
    both give after a preposition) or an action read surely as one: "Compaq shares fell
    in New York Stock Exchange trading" and "Anheuser shares plunged in New York Stock
    Exchange trading" share only the circumstance."""
    if any(k not in a.framed or k not in b.framed for k in found.names):
        return True
    return any(k in a.strong or k in b.strong for k in found.actions)


def _other_doing(u: _Node, v: _Node, fit: int) -> bool:
    """True when the two clauses' verbs tell different doings: each has verbs and one's are
    not among the other's actions ("Two bombs exploded Friday" and "South Africa deplored
    Friday the bomb blasts"); or the finer date's clause does something the wider date's
    does not tell ("The Security Council condemned the bombing on Thursday" is not "last
    year's blasts")."""
    a, b = u.signature, v.signature
    every_a = a.actions.keys() | a.objects.keys()
    every_b = b.actions.keys() | b.objects.keys()
    if a.verbs and b.verbs:
        return not (a.verbs & every_b and b.verbs & every_a)
    if a.nominal or b.nominal:
        # "South Africa deplored Friday the blasts" does not tell "the August 7 bombings".
        doing, happening = (b, a) if a.nominal else (a, b)
        if happening.events & doing.names.keys():
            return False  # "Monday's Kestrel Report" and "the Kestrel Report aired Monday"
        return bool(doing.verbs) and not doing.verbs & happening.actions.keys()
    if fit == 2:
        finer, wider = (a, every_b) if span(u.date) < span(v.date) else (b, every_a)
        return bool(finer.verbs) and not finer.verbs & wider
    return False


def _one_happening(u: _Node, v: _Node) -> bool:
    """True when a source groups a member of each as mentions of one happening."""
    for a in u.members:
        for b in v.members:
            if a.source == b.source and a.happening is not None and a.happening == b.happening:
                return True
    return False


def _same_happening(u: _Node, v: _Node, fit: int) -> _Evidence | None:
    if _share_source(u, v):
        if _one_happening(u, v):
            return _Evidence({}, {}, {})  # the document tells it as one
        if fit < 3:
            return None
        if u.quote == v.quote:
            return _Evidence({}, {}, {})  # "yesterday (Monday 16 May)"
    if u.quote == v.quote and _tells(u.signature):
        return _Evidence({}, {}, {})  # the same sentence copied in another document
    found = _evidence(u.signature, v.signature)
    if found is None or _other_doing(u, v, fit):
        return None
    if found.actions and _telling(u.signature, v.signature, found):
        return found
    if _share_source(u, v):
        return None
    if u.signature.names_the_event_of(v.signature):
        return found
    if fit == 3 and u.one_day and len(found.names) >= SAME_DAY_NAMES:
        return found
    return None


def _best_fitting(u: _Node, v: _Node, fit: int, agreeing: bool) -> bool:
    """False when another date phrase of one sentence fits the other's date better (or, for
    a mismatch, fits it at all): a sentence links by the date that matches."""
    for one, other in ((u, v), (v, u)):
        for mate in one.mates:
            found = date_fit(mate, other.date)
            if (found > fit) if agreeing else (found > 0):
                return False
    return True


# --------------------------------------------------------------------------- indexing


def _windows(value: DateValue) -> tuple[int, int] | None:
    """The posting windows a dated node falls in (first, last), None without a year."""
    value = named_date(value)
    if not value.year_known:
        return None
    lo, hi = bounds(value)
    return lo // WINDOW_DAYS, hi // WINDOW_DAYS


def _months(value: DateValue) -> list[str]:
    """The months of a date without a year ("XXXX-05-16" -> 05), or of a known date of a
    month or less, where the two can meet."""
    if not value.year_known:
        month = value.edtf[5:7]
        return [month] if month.isdigit() else []
    if value.earliest is None or value.latest is None or span(value) > 31:
        return []
    return sorted({f"{value.earliest.month:02d}", f"{value.latest.month:02d}"})


def _posted_names(node: _Node) -> set[str]:
    sig = node.signature
    return {k for k, w in sig.names.items() if w > 0} | set(sig.acronyms)


def _candidate_pairs(nodes: Sequence[_Node]) -> Iterator[tuple[_Node, _Node]]:
    """Pairs of nodes that can be one happening, each pair once: nodes sharing a name in a
    date window they both reach, date phrases of one sentence ("yesterday (Monday 16 May)"),
    and mentions one document groups as one happening.

    Each node is paired with the later nodes of its posting lists, gathered in a set of its
    own: the memory is that of the lists and of one node's partners, never of all pairs."""
    postings: dict[tuple[str, object], list[int]] = {}
    keys_of: list[list[tuple[str, object]]] = [[] for _ in nodes]
    together: dict[object, list[int]] = {}  # a sentence, or a document's happening, told twice
    first_seen: dict[object, int] = {}
    wide: list[tuple[_Node, tuple[int, int]]] = []
    low, high = None, None
    for node in nodes:
        for shared in (node.quote, *_happenings(node)):
            seen = first_seen.setdefault(shared, node.number)
            if seen != node.number:
                together.setdefault(shared, [seen]).append(node.number)
        names = _posted_names(node)
        if not names:
            continue
        reach = _windows(node.date)
        if reach is not None and reach[1] - reach[0] > WIDE_WINDOWS:
            wide.append((node, reach))
            continue
        windows: list[object] = []
        if reach is not None:
            windows.extend(range(reach[0], reach[1] + 1))
            low = reach[0] if low is None else min(low, reach[0])
            high = reach[1] if high is None else max(high, reach[1])
        windows.extend(("month", m) for m in _months(node.date))
        own = keys_of[node.number]
        for name in names:
            for window in windows:
                key = (name, window)
                postings.setdefault(key, []).append(node.number)
                own.append(key)
    del first_seen
    for node in nodes:
        i = node.number
        partners: set[int] = set()
        for key in keys_of[i]:
            partial_only = isinstance(key[1], tuple)  # a month: for a date without a year
            for j in postings[key]:
                if j > i and not (
                    partial_only and node.date.year_known and nodes[j].date.year_known
                ):
                    partners.add(j)
        for shared in (node.quote, *_happenings(node)):
            partners.update(j for j in together.get(shared, ()) if j > i)
        for j in sorted(partners):
            yield node, nodes[j]
    for n, (node, (first, last)) in enumerate(wide):
        names = _posted_names(node)
        if low is not None and high is not None:
            first, last = max(first, low), min(last, high)
        partners = set()
        for name in names:
            for window in range(first, last + 1):
                partners.update(postings.get((name, window), ()))
        for j in sorted(partners):
            yield node, nodes[j]
        for other, _ in wide[n + 1 :]:
            if names & _posted_names(other):
                yield node, other


def _happenings(node: _Node) -> set[str]:
    return {m.happening for m in node.members if m.happening is not None}


def _action_pairs(nodes: Sequence[_Node]) -> Iterator[tuple[_Node, _Node]]:
    """Pairs of nodes sharing a name and an action (whatever their dates), each pair once.

    A name and action that one source tells at two dates apart ("Iraq attacked" in 1982 and
    in 1986) are a happening that recurs, which other sources may well tell at other dates:
    they pair nothing."""
    postings: dict[tuple[str, str], list[int]] = {}
    keys_of: list[list[tuple[str, str]]] = [[] for _ in nodes]
    for node in nodes:
        sig = node.signature
        actions = [k for k, w in sig.actions.items() if w > 0 and k not in sig.told]
        for name in _posted_names(node) - sig.told:
            for action in actions:
                postings.setdefault((name, action), []).append(node.number)
                keys_of[node.number].append((name, action))
    usable = {
        key
        for key, numbers in postings.items()
        if 1 < len(numbers) <= MISMATCH_POSTING and not _recurs([nodes[n] for n in numbers])
    }
    for node in nodes:
        i = node.number
        partners = {j for key in keys_of[i] if key in usable for j in postings[key] if j > i}
        for j in sorted(partners):
            yield node, nodes[j]


def _plain(value: DateValue) -> DateValue:
    """The date without "early", "late", "about": what it can loosely mean."""
    return value.without_qualifier() if value.qualifier is not None else value


def _recurs(nodes: Sequence[_Node]) -> bool:
    """True when one source gives two dates that cannot agree among ``nodes``."""
    by_source: dict[str, list[DateValue]] = {}
    for node in nodes:
        for source in node.sources:
            by_source.setdefault(source, []).append(node.date)
    for found in by_source.values():
        for n, a in enumerate(found):
            if any(date_fit(a, b) == 0 for b in found[n + 1 :]):
                return True
    return False


# --------------------------------------------------------------------------- curation


def _apart(curation: Curation | None) -> set[frozenset[str]]:
    """Pairs of candidate ids the curator declared distinct, spread over merged events."""
    if curation is None:
        return set()
    owner = curation.merged_into()
    events: dict[str, set[str]] = {}
    for cid, target in owner.items():
        events.setdefault(target, {target}).add(cid)

    def group(cid: str) -> set[str]:
        return events.get(owner.get(cid, cid), {cid})

    pairs: set[frozenset[str]] = set()
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


def _dates(curation: Curation | None) -> Callable[[Candidate], DateValue | None]:
    """Each candidate's date for grouping: the curated date of its entry when there is one."""
    curated: dict[str, DateValue] = {}
    if curation is not None:
        owner = curation.merged_into()
        for cid in curation.mentioned():
            entry = curation.corrections.get(owner.get(cid, cid))
            if entry is not None and entry.date is not None:
                curated[cid] = entry.date

    def date_of(candidate: Candidate) -> DateValue | None:
        return curated.get(candidate.id, candidate.date)

    return date_of


def _positions(candidates: Sequence[Candidate], ids: set[str]) -> dict[str, int]:
    """Where each of ``ids`` is among the candidates: to list results in reading order."""
    return {c.id: n for n, c in enumerate(candidates) if c.id in ids}


# --------------------------------------------------------------------------- groups


class _Clusters:
    """Union-find over nodes, refusing unions the curated file forbids and unions that would
    make one group of two happenings of one source, or of two days not linked."""

    def __init__(self, nodes: Sequence[_Node], apart: set[frozenset[str]]) -> None:
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        #: Root -> its nodes, for the roots of two nodes or more (a lone node is its own).
        self.members: dict[int, list[int]] = {}
        self.apart = apart
        self.linked: set[tuple[int, int]] = set()
        self.terms: dict[int, Counter[str]] = {}
        #: Node -> the nodes a document tells as the same happening (itself included).
        self.kin: dict[int, tuple[int, ...]] = {}
        told: dict[tuple[str, str], list[int]] = {}
        for node in nodes:
            for c in node.members:
                if c.happening is not None:
                    told.setdefault((c.source, c.happening), []).append(node.number)
        for numbers in told.values():
            if len(numbers) > 1:
                for n in numbers:
                    self.kin[n] = tuple(dict.fromkeys((*self.kin.get(n, (n,)), *numbers)))

    def group(self, root: int) -> list[int]:
        return self.members.get(root, [root])

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra] = self.group(ra) + self.members.pop(rb, [rb])
            self.terms[ra] = self.terms.pop(ra, Counter()) + self.terms.pop(rb, Counter())
        return ra

    def tied(self, i: int, j: int) -> bool:
        """True when nodes ``i`` and ``j`` are linked, or one is linked to a mention that a
        document groups with the other as one happening."""
        return any(
            (min(x, y), max(x, y)) in self.linked
            for x in self.kin.get(i, (i,))
            for y in self.kin.get(j, (j,))
        )

    def allowed(self, ra: int, rb: int) -> bool:
        left, right = self.group(ra), self.group(rb)
        if self.apart:
            ids_a = [c.id for n in left for c in self.nodes[n].members]
            ids_b = [c.id for n in right for c in self.nodes[n].members]
            if any(frozenset((x, y)) in self.apart for x in ids_a for y in ids_b):
                return False
        for i in left:
            u = self.nodes[i]
            for j in right:
                v = self.nodes[j]
                if (_share_source(u, v) or (u.one_day and v.one_day)) and not self.tied(i, j):
                    return False
        dates = [self.nodes[n].date for n in (*left, *right)]
        return core_date(dates) is not None


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
    date_of = _dates(curation)
    dropped = _dropped(curation)
    keep = lambda c: c.id not in dropped and c.reason is None  # noqa: E731
    nodes = _nodes(candidates, keep, date_of, Reader(index))
    del index  # read into the nodes: a large collection's counts need not stay
    clusters = _Clusters(nodes, _apart(curation))
    owner = curation.merged_into() if curation else {}
    if owner:
        wanted = set(owner) | set(owner.values())
        node_of = {c.id: node.number for node in nodes for c in node.members if c.id in wanted}
        for cid, target in owner.items():
            if cid in node_of and target in node_of:
                clusters.union(node_of[target], node_of[cid])
    links = []
    for u, v in _candidate_pairs(nodes):
        fit = date_fit(u.date, v.date)
        if fit == 0 or not _best_fitting(u, v, fit, agreeing=True):
            continue
        found = _same_happening(u, v, fit)
        if found is not None:
            links.append((fit, found, u, v))
            clusters.linked.add((min(u.number, v.number), max(u.number, v.number)))
    links.sort(key=lambda k: (-k[0], -k[1].score, k[2].members[0].id, k[3].members[0].id))
    for _, found, u, v in links:
        ra, rb = clusters.find(u.number), clusters.find(v.number)
        if ra == rb or not clusters.allowed(ra, rb):
            continue
        root = clusters.union(ra, rb)
        clusters.terms.setdefault(root, Counter()).update(found.terms(u.signature, v.signature))
    groups = []
    lone = [
        [node.number]
        for node in nodes
        if len(node.sources) > 1
        and clusters.find(node.number) == node.number
        and node.number not in clusters.members
    ]
    for numbers in (*clusters.members.values(), *lone):
        root = numbers[0] if len(numbers) == 1 else clusters.find(numbers[0])
        members = [c for n in numbers for c in nodes[n].members]
        group = _group(members, date_of, clusters.terms.get(root, Counter()), curation, owner)
        if group is not None:
            groups.append(group)
    order = _positions(candidates, {c.id for g in groups for c in g.members})
    groups.sort(key=lambda g: min(order[c.id] for c in g.members))
    return groups


def _group(
    found: Iterable[Candidate],
    date_of: Callable[[Candidate], DateValue | None],
    terms: Counter[str],
    curation: Curation | None,
    owner: Mapping[str, str],
) -> Group | None:
    members = sorted(found, key=lambda c: (c.source, c.start, c.id))
    if len({m.source for m in members}) < 2:
        return None
    entries = {owner.get(m.id, m.id) for m in members}
    if len(entries) < 2:
        return None  # all already one event in the curated file
    dates = {m.id: date_of(m) for m in members}
    when = core_date([d for d in dates.values() if d is not None])
    if when is None:
        return None  # joined by the curated file across dates that do not agree
    # The member giving that date leads: its own value, or the date an open interval names.
    lead = next(
        (m for m in members if when in (dates[m.id], named_date(dates[m.id]))),  # type: ignore[arg-type]
        min(members, key=lambda m: span(dates[m.id])),  # type: ignore[arg-type]
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


def find_mismatches(
    candidates: Sequence[Candidate],
    curation: Curation | None = None,
    *,
    index: TermIndex | None = None,
) -> list[Mismatch]:
    """Pairs from different sources that tell of one happening with dates that cannot agree.

    Pairs the curated file declared distinct, or merged (the loader and ``apply`` report
    those), and dropped candidates are left out.
    """
    index = index or TermIndex.of(candidates)
    date_of = _dates(curation)
    dropped = _dropped(curation)

    def keep(c: Candidate) -> bool:
        when = date_of(c)
        return when is not None and when.year_known and c.id not in dropped and c.reason is None

    nodes = _nodes(candidates, keep, date_of, Reader(index))
    del index
    apart = _apart(curation)
    owner = curation.merged_into() if curation else {}
    result = []
    for u, v in _action_pairs(nodes):
        if u.quote == v.quote or date_fit(_plain(u.date), _plain(v.date)) > 0:
            continue  # "early March" and "12 March" may both be meant loosely
        if not _best_fitting(u, v, 0, agreeing=False):
            continue
        found = _evidence(u.signature, v.signature, dated_only=True)
        if found is None or not set(found.actions) - RECURRING:
            continue
        told = u.signature.count_names(found.names) + len(found.actions) + len(found.objects)
        if told < MISMATCH_TERMS:
            continue
        terms = tuple(found.terms(u.signature, v.signature))
        for a in u.members:
            for b in v.members:
                if a.source == b.source or frozenset((a.id, b.id)) in apart:
                    continue
                if owner.get(a.id, a.id) == owner.get(b.id, b.id):
                    continue
                result.append(Mismatch(a, b, terms))
    order = _positions(candidates, {c.id for m in result for c in (m.a, m.b)})
    result = [m if order[m.a.id] < order[m.b.id] else Mismatch(m.b, m.a, m.terms) for m in result]
    result.sort(key=lambda m: (order[m.a.id], order[m.b.id]))
    return result
