"""Writing a title: its length, its verb in headline form, its words joined."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .. import vocab
from ..words import base_form, present, stem
from .grammar import (
    ARTICLES,
    AUXILIARIES,
    BY,
    DATE_ONLY_TITLE,
    MAX_WORDS,
    PREPOSITIONS,
    QUOTES,
    RELATIVES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Headline,
    Tok,
    capitalised,
    find_verb,
    gerund_of,
    headline_verb,
    plural,
    stative,
    verb_at,
    verb_base,
)


class Rendering:
    """The words chosen, written as a headline (a mixin of :class:`.builder.Builder`)."""

    # Set and written by :class:`.segments.Segments`, the builder's other base.
    toks: Sequence[Tok]
    name_for: dict[int, str]
    forced_verb: int | None
    participle: int | None
    participle_passive: int | None
    trim: Callable[[list[int]], list[int]]

    def _finish(self, words: list[int], *, capitalise: bool = True) -> Headline:
        words = self._shortened(words)
        if not words:
            return Headline(DATE_ONLY_TITLE)
        at = find_verb(self.toks, words)
        forced = self.forced_verb
        action = None
        if forced is not None:
            action = stem(base_form(self.toks[forced].low) or self.toks[forced].low)
        elif at is not None:
            action = self._action(words, at)
        state = stative(self.toks, words)
        text = self._render(words, headline=True)
        if not text:
            return Headline(DATE_ONLY_TITLE)
        return Headline(capitalised(text) if capitalise else text, action, state)

    def _action(self, words: list[int], at: int) -> str | None:
        """The stem of the clause's main verb (past its auxiliaries)."""
        toks = self.toks
        for pos in range(at, min(at + 4, len(words))):
            tok = toks[words[pos]]
            if tok.low in AUXILIARIES or tok.low in ("not", "never", "also"):
                continue
            base = verb_base(tok, None)
            if base is not None:
                return stem(base)
            return stem(tok.low) if tok.text.isalpha() and not tok.is_name else None
        return stem(toks[words[at]].low)

    def _shortened(self, words: list[int]) -> list[int]:
        """At most :data:`MAX_WORDS` words, ending at a phrase boundary: before a comma, a
        relative pronoun or a preposition first, before "and" or "or" only failing those."""
        toks = self.toks
        count = 0
        limit = None
        for pos, i in enumerate(words):
            if toks[i].is_word and toks[i].low not in ARTICLES and toks[i].low not in AUXILIARIES:
                count += 1
            if count > MAX_WORDS:
                limit = pos
                break
        if limit is None:
            return words
        floor = max(limit // 2, 2)
        best = None
        for pos in range(limit, floor - 1, -1):
            low = toks[words[pos]].low
            if low in (",", ";", ":", "(", "-", "–", "—") or low in RELATIVES or \
                    low in SUBORDINATORS:  # fmt: skip
                best = pos
                break
            if low in ("and", "but") and find_verb(toks, words[pos + 1 : pos + 6]) is not None:
                best = pos  # "… and one of his relatives sought …": another clause
                break
            if low in PREPOSITIONS and best is None:
                best = pos
        if best is None:
            best = next(
                (pos for pos in range(limit, floor - 1, -1) if toks[words[pos]].low in
                 ("and", "or")),
                limit,
            )  # fmt: skip
        return self.trim(words[:best])

    def _before(self, subject_at: list[int]) -> Tok | None:
        """The token before a subject's first word ("the" of "the Basques")."""
        if not subject_at or subject_at[0] == 0:
            return None
        return self.toks[subject_at[0] - 1]

    def _render(self, words: list[int], *, headline: bool) -> str:
        toks = self.toks
        forced = self.forced_verb
        participle = self.participle
        passive = self.participle_passive
        out: list[str] = []
        subject_at: list[int] = []
        previous_end: int | None = None
        verb_done = False
        pending: str | None = None
        subject: list[Tok] = []
        for pos, i in enumerate(words):
            tok = toks[i]
            text = self.name_for.get(i, tok.text)
            if tok.text in QUOTES:
                continue
            if headline and tok.low in ARTICLES and not (tok.is_name and pos):
                if not verb_done:
                    subject.append(tok)
                continue
            if headline and pending == "present":
                pending = None
                base = verb_base(tok, None)
                if base is not None:
                    text = present(base, plural(subject, self._before(subject_at)))
            elif headline and not verb_done and i == passive:
                verb_done = True  # "ferries withdrawn in 2012": the participle stays
            elif headline and not verb_done and i == participle:
                verb_done = True
                base = gerund_of(tok)
                if base is not None:
                    text = present(base, plural(subject, self._before(subject_at)))
            elif headline and not verb_done:
                if (forced is not None and i == forced) or (
                    forced is None and pos > 0 and verb_at(toks, i)
                    and not (tok.low in vocab.REPORTING_VERBS and pos + 1 < len(words)
                             and toks[words[pos + 1]].low == BY)
                ):  # fmt: skip
                    verb_done = True
                    if len(subject_at) == 1 and toks[subject_at[0]].low in SUBJECT_PRONOUNS \
                            and subject_at[0] not in self.name_for:  # fmt: skip
                        pass  # "It was sent to the Minister": a bare pronoun keeps the tense
                    else:
                        nxt = toks[words[pos + 1]] if pos + 1 < len(words) else None
                        many = plural(subject, self._before(subject_at))
                        written, pending = headline_verb(tok, nxt, many)
                        if written is None:
                            continue
                        text = written
                else:
                    subject.append(tok)
                    if tok.is_word:
                        subject_at.append(i)
            joined = previous_end is not None and (
                (tok.start == previous_end and not tok.is_word)
                or text in ("'s", "’s")
                or (bool(out) and out[-1] in ("$", "(", "[", "“"))
            )
            if out and joined:
                out[-1] += text
            else:
                out.append(text)
            previous_end = tok.end
        rendered = " ".join(out)
        rendered = re.sub(r"\s+([,.;:%)\]])", r"\1", rendered)
        rendered = re.sub(r"([(\[])\s+", r"\1", rendered)
        rendered = re.sub(r"\(\s*\)|\[\s*\]", "", rendered)
        return " ".join(rendered.split()).strip(" ,;:-–—")
