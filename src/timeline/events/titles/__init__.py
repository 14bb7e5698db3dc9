"""Titles: a headline for the happening a date phrase dates, read from its sentence.

The sentence is cut into segments at commas, brackets, dashes and quotation marks. The title
is made from the segment the date phrase belongs to, as a headline:

- **the clause of the date**, not the sentence's main clause when they differ: a relative
  clause takes its antecedent as subject ("the architect who designed the station in 1962 has
  died" -> "Architect designs station"); a date that stands alone at the front ("On 21 July,
  the fifth day of the rebellion, the Nationalists captured …") or at the end ("…, on 6
  November") dates the clause it introduces or closes; a clause that only reports ("New
  Zealand said Friday") gives way to what is reported, with the speaker;
- **with its subject**: a clause that starts with its verb takes the subject before it, a
  name first ("Truman's secretary of state, Dean Acheson, signed …" -> "Dean Acheson signs
  …"); "he" or "she" becomes the person the sentence before plainly speaks of; a clause with
  no verb of its own ("followed by Barcelona on 26 January") borrows the verb of the clause it
  continues ("Barcelona falls");
- **without the date phrase** and the little words that went with it, with no hole; other
  happenings' dates stay out, and so does their conjunct ("X on 5 May and Y on 6 May");
- **in headline style**: no articles, the past in the present ("launched" -> "launches"), a
  passive without its auxiliary ("was killed" -> "killed"), a perfect in the present.

A title is whole (exports carry it as is): it ends at a phrase boundary within
:data:`MAX_WORDS` words, never inside a number or a name. Nothing here knows any particular
document; the words it relies on are tables in :mod:`.grammar`, :mod:`..vocab` and
:mod:`..words`. The rules are in :mod:`.builder`, over the segments of :mod:`.segments`; the
headline is written by :mod:`.render`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from .builder import Builder
from .grammar import (
    CACHED_SENTENCE,
    DATE_ONLY_TITLE,
    MAX_WORDS,
    Headline,
    Tok,
    read_tokens,
    tokens,
)

__all__ = ["DATE_ONLY_TITLE", "MAX_WORDS", "Headline", "headline", "make_title", "sentence_tokens"]


def _covered(starts: list[int], ends: list[int], a: int, b: int) -> range:
    """The tokens that overlap ``[a, b)`` (a range of indexes, maybe empty)."""
    first = bisect.bisect_right(ends, a)
    last = bisect.bisect_left(starts, b)
    return range(first, max(first, last))


def make_title(sentence: str, start: int, end: int) -> str:
    """A headline for the happening dated by ``sentence[start:end]`` (see :func:`headline`)."""
    return headline(sentence, 0, len(sentence), start, end).text


def headline(
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    others: Sequence[tuple[int, int]] = (),
    previous: str | Callable[[], str] = "",
    toks: tuple[Sequence[Tok], int] | None = None,
) -> Headline:
    """The headline of the happening dated by ``text[start:end]``, whose sentence is
    ``text[lo:hi]``. ``others`` are the spans of other date phrases (their words stay out of
    the title); ``previous`` is the sentence before (or a function that finds it, called only
    when needed), where "he" or "she" may be named. ``toks`` may give the sentence's tokens
    already read, with the offset in ``text`` their offsets count from (see
    :func:`sentence_tokens`)."""
    words: Sequence[Tok]
    if toks is None:
        words, base = tokens(text[lo:hi]), lo
    else:
        words, base = toks
    words = _without_final_marks(words)
    starts = [t.start for t in words]
    ends = [t.end for t in words]
    phrase = _covered(starts, ends, start - base, end - base)
    other: set[int] = set()
    for a, b in others:
        other.update(k for k in _covered(starts, ends, a - base, b - base) if k not in phrase)
    if not any(t.is_word for i, t in enumerate(words) if i not in phrase and i not in other):
        return Headline(DATE_ONLY_TITLE)
    return Builder(words, phrase, other, previous).build()


def sentence_tokens(
    text: str, lo: int, hi: int, near: tuple[int, int]
) -> tuple[Sequence[Tok], int]:
    """The tokens of the stretch ``near`` of the sentence ``text[lo:hi]``, and the offset they
    count from. A whole sentence is read once for all its date phrases (it is remembered by
    its text); a stretch of a longer one is read for its phrase alone."""
    if near == (lo, hi) and hi - lo <= CACHED_SENTENCE:
        return tokens(text[lo:hi]), lo
    return read_tokens(text[near[0] : near[1]]), near[0]


def _without_final_marks(words: Sequence[Tok]) -> Sequence[Tok]:
    end = len(words)
    while end and words[end - 1].text in (".", "!", "?"):
        end -= 1
    return words[:end]
