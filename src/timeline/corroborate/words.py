"""Words of sentences, and how rare each is among the documents read.

A *term* is a word folded to a key: lower case, without a possessive or a plural ``s``,
without the dots of an abbreviation ("U.S." is ``us``). :class:`TermIndex` counts, for each
term, the sentences it is in and those in which it is written with a capital inside the
sentence (a name), so that a word common in the documents read weighs nothing and a word
mostly written in lower case ("county", "president") is not taken for a name.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..models import Candidate
from .vocab import DATE_WORDS, STOPWORDS

__all__ = ["TermIndex", "fold", "tokens", "words"]

#: A word (letters of any script, joined by apostrophes or hyphens), an abbreviation written
#: with dots ("U.S.", "N.Y."), a number, or one mark of punctuation.
TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*|--|``|''|[^\w\s]"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
MIN_TERM_LENGTH = 3
#: A key term is in at most this share of the sentences read (or in five at most).
KEY_SHARE = 0.05
#: The same when only the dated sentences are known, where a happening's words crowd.
QUOTES_KEY_SHARE = 0.25
KEY_MIN_COUNT = 5
#: A name in more than this share of the documents read (and in more than three) is
#: widespread: it does not tell one happening on its own.
WIDESPREAD_SHARE = 0.25
WIDESPREAD_DOCUMENTS = 3
#: Marks after which a capital says nothing of a name: a sentence or a quotation opens there.
OPENING_MARKS = frozenset(".!?:;\"“‘'`(|#*-–—_")


def tokens(text: str) -> Iterator[re.Match[str]]:
    return TOKEN.finditer(text)


def is_word(token: str) -> bool:
    return token[0].isalpha()


def is_abbreviation(token: str) -> bool:
    """An abbreviation with dots ("U.S.") or an acronym in capitals ("NATO", "FBI")."""
    if "." in token:
        return True
    return len(token) >= 2 and token.isupper() and token.isalpha()


def _abbreviated(word: str) -> bool:
    return 0 < len(word) <= 4 and word[0].isupper() and word.isalpha()


def opens_after(previous: str, before: str = "") -> bool:
    """True when a word after ``previous`` (and ``before`` it) starts a sentence or a quotation:
    a capital there tells nothing of a name. A full stop after "Dr" or "U.S." does not."""
    if not previous:
        return True
    if is_word(previous) or previous[-1] not in OPENING_MARKS:
        return False
    return not (previous == "." and _abbreviated(before))


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """The term of a word: "Kenya's" -> ``kenya``, "bombings" -> ``bombing``, "U.S." -> ``us``."""
    word = word.lower().replace("’", "'").replace(".", "")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def _terms(text: str) -> Iterator[tuple[int, str, bool, bool]]:
    """(offset, term, written capitalised inside the sentence, written in lower case) for each
    content word."""
    previous, word = "", ""
    for match in tokens(text):
        raw = match.group()
        if not is_word(raw):
            # A full stop after a short capitalised word ends an abbreviation ("Dr.").
            if not (raw == "." and previous == word and _abbreviated(word)):
                previous = raw
            continue
        term = fold(raw)
        opens = not previous or (not is_word(previous) and previous[-1] in OPENING_MARKS)
        previous = word = raw
        short = len(term) < MIN_TERM_LENGTH and not (is_abbreviation(raw) and len(term) >= 2)
        if short or term in STOPWORDS or term in DATE_WORDS:
            continue
        yield match.start(), term, raw[0].isupper() and not opens, raw[0].islower()


def words(text: str) -> dict[str, bool]:
    """Content words of ``text`` (folded) -> whether one was written capitalised mid-sentence."""
    return {term: named for term, (named, _) in _flags(text).items()}


def _flags(text: str) -> dict[str, tuple[bool, bool]]:
    result: dict[str, tuple[bool, bool]] = {}
    for _, term, named, lower in _terms(text):
        was = result.get(term, (False, False))
        result[term] = (was[0] or named, was[1] or lower)
    return result


@dataclass
class TermIndex:
    """How rare each word is among the sentences of the documents read, and how it is written."""

    counts: Counter[str] = field(default_factory=Counter)
    #: Sentences in which the word is written with a capital inside the sentence.
    capitals: Counter[str] = field(default_factory=Counter)
    #: Sentences in which the word is written in lower case.
    lowers: Counter[str] = field(default_factory=Counter)
    units: int = 0
    #: Documents each word is in, and how many documents were read.
    documents: Counter[str] = field(default_factory=Counter)
    docs: int = 0
    #: Share of the sentences above which a word is too common to be a key term.
    key_share: float = KEY_SHARE
    #: Weigh words by the documents they are in rather than by sentences (see :meth:`of`).
    by_documents: bool = False
    _read: dict[str, dict[str, tuple[bool, bool]]] = field(default_factory=dict, repr=False)

    def add(self, text: str) -> TermIndex:
        """Count one more document, sentence by sentence."""
        return self.add_document(unit for unit in _SENTENCE.split(text) if unit.strip())

    def add_document(self, sentences: Iterable[str]) -> TermIndex:
        seen: set[str] = set()
        for unit in sentences:
            seen.update(self.add_sentence(unit))
        self.docs += 1
        self.documents.update(seen)
        return self

    def add_sentence(self, unit: str) -> Iterable[str]:
        found = self._read.get(unit)
        if found is None:  # a sentence copied into many documents is read once
            found = self._read[unit] = _flags(unit)
        self.units += 1
        if not self.by_documents:  # weighed by documents, sentences need no count
            self.counts.update(found.keys())
        self.capitals.update(term for term, (named, _) in found.items() if named)
        self.lowers.update(term for term, (_, lower) in found.items() if lower)
        return found.keys()

    def merge(self, other: TermIndex) -> TermIndex:
        self.units += other.units
        self.docs += other.docs
        self.counts.update(other.counts)
        self.capitals.update(other.capitals)
        self.lowers.update(other.lowers)
        self.documents.update(other.documents)
        return self

    @classmethod
    def of_texts(cls, texts: Iterable[str]) -> TermIndex:
        index = cls()
        for text in texts:
            index.add(text)
        return index

    @classmethod
    def of(cls, candidates: Sequence[Candidate]) -> TermIndex:
        """From the sentences the candidates were found in (each counted once), by document.

        Only dated sentences are seen, and every report of a happening names its actors, so
        a word is weighed by the documents it is in, not by the sentences: a word in many of
        the documents ("U.S." across a year of news) tells no one happening from another
        (:meth:`widespread`), one in a few does ("Elian", "Nairobi").
        """
        index = cls(key_share=QUOTES_KEY_SHARE, by_documents=True)
        by_source: dict[str, dict[str, None]] = {}
        for c in candidates:
            by_source.setdefault(c.source, {})[c.quote] = None
        for quotes in by_source.values():
            index.add_document(quotes)
        index._read.clear()
        return index

    def weight(self, term: str) -> float:
        """Inverse document (or sentence) frequency; 0 for terms too common to tell
        happenings apart."""
        if self.by_documents:
            if self.widespread(term):
                return 0.0
            return math.log((max(self.docs, 1) + 1) / max(self.documents.get(term, 0), 1))
        units = max(self.units, 1)
        seen = max(self.counts.get(term, 0), 1)
        if seen > max(KEY_MIN_COUNT, self.key_share * units):
            return 0.0
        return math.log((units + 1) / seen)

    def widespread(self, term: str) -> bool:
        """True for a word in many of the documents read ("German" across histories of several
        wars): a name so written tells no one happening from another."""
        return self.documents.get(term, 0) > max(WIDESPREAD_DOCUMENTS, WIDESPREAD_SHARE * self.docs)

    def mostly_lower(self, term: str) -> bool:
        """True when the documents write ``term`` in lower case more often than as a name."""
        return self.lowers.get(term, 0) > self.capitals.get(term, 0)

    def seen_capitalised(self, term: str) -> bool:
        return self.capitals.get(term, 0) > 0
