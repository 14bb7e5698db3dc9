"""From dated mentions to candidate events: the sentence, a title and a stable id for each."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from .models import Candidate, Document, Mention
from .sentences import sentence_bounds

#: Little words dropped from the edge of a title where the date phrase was cut out.
EDGE_WORDS = frozenset(
    "in on at by since until till from to during of the a an and or but between as for "
    "before after around about through throughout up over this that which when".split()
)

#: Little words dropped after the date phrase when it opens the clause ("2012 to ...").
TRAILING_EDGE_WORDS = frozenset("to and or until till through".split())

#: Characters that separate clauses within a sentence.
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:()\[\]“”‘\"]|['’](?![A-Za-z])|\s[-–—]\s|—)\s*")
_MARKUP = re.compile(r"\*\*|__|^#+\s*|`")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_LEADING_JUNK = re.compile(r"^(?:(?:and|but|or|so|then)\s+|['’]s\s+)", re.I)
_SLUG_DROP = re.compile(r"[^a-z0-9]+")

#: The title of a mention that stands alone on its line, such as a dateline.
DATE_ONLY_TITLE = "Date on a line of its own"
TITLE_MAX = 90  # characters
TITLE_MIN_WORDS = 4


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


class LineIndex:
    """Maps character offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def locate(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def make_title(sentence: str, start: int, end: int) -> str:
    """A short title from the clause around the date phrase ``sentence[start:end]``.

    The date phrase is cut out along with the little words at the cut ("In June 2018, X was
    rated" -> "X was rated"); short clauses borrow their neighbours.
    """
    head, tail = sentence[:start].rstrip(), sentence[end:].lstrip()
    if head.endswith(("(", "[")) and tail.startswith((")", "]")):
        # A date given as an aside: title the sentence it is an aside to.
        sentence = head[:-1].rstrip() + " " + tail[1:].lstrip()
        start = end = len(head[:-1].rstrip())
    clauses = _clauses(sentence, start, end)
    home = next((i for i, (a, b) in enumerate(clauses) if a <= start <= b), 0)
    a, b = clauses[home]
    lo, hi = home, home
    while _word_count(_without(sentence, a, b, start, end)) < TITLE_MIN_WORDS:
        if hi + 1 < len(clauses):
            hi += 1
            b = clauses[hi][1]
        elif lo > 0:
            lo -= 1
            a = clauses[lo][0]
        else:
            break
    title = _without(sentence, a, b, start, end)
    if _word_count(title) < 2:
        rest = _tidy(sentence[:start] + sentence[end:])
        title = rest if _word_count(rest) >= 2 else DATE_ONLY_TITLE
    return _shorten(title)


def _clauses(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of a sentence; a break inside the date phrase itself does not count."""
    spans, pos = [], 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        if start < match.end() and match.start() < end:
            continue
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(sentence):
        spans.append((pos, len(sentence)))
    return spans or [(0, len(sentence))]


def _without(sentence: str, a: int, b: int, start: int, end: int) -> str:
    """The clause ``sentence[a:b]`` with the date phrase and its little edge words cut out."""
    if not (a <= start < b):
        return _tidy(sentence[a:b])
    before = sentence[a:start].split()
    after = sentence[min(end, b) : b].split()
    while before and before[-1].lower().strip("'’") in EDGE_WORDS:
        before.pop()
    if after and after[0].lower() in ("'s", "’s"):
        after.pop(0)
    while not before and after and after[0].lower() in TRAILING_EDGE_WORDS:
        after.pop(0)
    return _tidy(" ".join(before + after))


def _tidy(text: str) -> str:
    text = _MARKUP.sub("", text)
    text = _EMPTY_BRACKETS.sub("", text)
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_JUNK.sub("", text.strip(" .,;:-–—'\"“”‘’*"))
    return text[:1].upper() + text[1:]


def _word_count(text: str) -> int:
    return len(text.split())


def _shorten(text: str) -> str:
    if len(text) <= TITLE_MAX:
        return text
    cut = text.rfind(" ", 0, TITLE_MAX - 1)
    return text[: cut if cut > 0 else TITLE_MAX - 1].rstrip(" ,;:") + "…"


def page_of(pages: Sequence[int] | None, offset: int) -> int | None:
    """The 1-based page holding ``offset``, given each page's start offset; None if not paged."""
    if not pages:
        return None
    return max(bisect.bisect_right(pages, offset), 1)


def candidates(
    document: Document, mentions: Iterable[Mention], prefix: str, *, every_kind: bool = False
) -> list[Candidate]:
    """One candidate event per dated mention, with a stable id ``prefix:slug[-n]``.

    With ``every_kind``, durations and sets are listed too (after the dated mentions are
    numbered, so the ids of dated candidates never depend on it).
    """
    text = document.text
    lines = LineIndex(text)
    seen: Counter[str] = Counter()
    found = list(mentions)
    chosen = [m for m in found if m.is_dated]
    if every_kind:
        chosen += [m for m in found if not m.is_dated]
    result = []
    for mention in chosen:
        base = f"{prefix}:{slug(mention.text)}"
        seen[base] += 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        lo, hi = sentence_bounds(text, mention.start, mention.end)
        sentence = text[lo:hi]
        line, column = lines.locate(mention.start)
        result.append(
            Candidate(
                id=ident,
                source=document.path,
                line=line,
                column=column,
                start=mention.start,
                end=mention.end,
                text=mention.text,
                kind=mention.kind,
                date=mention.value,
                resolved_by=mention.resolved_by,
                quote=sentence,
                title=make_title(sentence, mention.start - lo, mention.end - lo),
                quote_start=lo,
                page=page_of(document.pages, mention.start),
                timex=mention.duration,
            )
        )
    if every_kind:
        result.sort(key=lambda c: c.start)
    return result


def candidate_to_dict(candidate: Candidate) -> dict[str, object]:
    """A candidate as plain data: the fields ``timeline extract`` prints."""
    date = candidate.date
    return {
        "id": candidate.id,
        "source": candidate.source,
        "line": candidate.line,
        "column": candidate.column,
        "page": candidate.page,
        "start": candidate.start,
        "end": candidate.end,
        "text": candidate.text,
        "kind": candidate.kind.value,
        "date": date.edtf if date else None,
        "value": candidate.timex,
        "display": date.display() if date else None,
        "earliest": date.earliest.isoformat() if date and date.earliest else None,
        "latest": date.latest.isoformat() if date and date.latest else None,
        "precision": date.precision.value if date else None,
        "qualifier": date.qualifier.value if date and date.qualifier else None,
        "resolved_by": candidate.resolved_by.value,
        "quote": candidate.quote,
        "title": candidate.title,
    }
