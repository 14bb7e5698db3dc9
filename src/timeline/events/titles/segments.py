"""A sentence cut into segments around its date phrase, and what each segment holds."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import vocab
from ..words import STOPWORDS
from .grammar import (
    ADVERBS,
    AUXILIARIES,
    DATE_MODIFIERS,
    DETERMINERS,
    EDGE,
    LEADING_JUNK,
    NAME_PARTICLES,
    PARTICLES,
    PREPOSITIONS,
    SETTING,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    Tok,
    find_verb,
    gerund_of,
    participle_of,
    verb_at,
    verb_base,
)


class Segments:
    """The tokens of a sentence, its segments (at commas, brackets and dashes), the date
    phrase's segment (``home``), and the tokens cut out of any title (the date phrases)."""

    def __init__(
        self,
        toks: Sequence[Tok],
        phrase: range,
        others: set[int],
        previous: str | Callable[[], str],
    ) -> None:
        self.toks = toks
        self.phrase = phrase
        self.cut = set(phrase) | others | self._anchor(toks, phrase)
        self.others = others
        self.previous = previous
        self.name_for: dict[int, str] = {}  # pronoun token -> the name it stands for
        #: The verb a gapped clause borrows ("followed by Barcelona" -> "fell").
        self.forced_verb: int | None = None
        #: An -ing participle that stands for the verb ("touring" -> "tours").
        self.participle: int | None = None
        #: A participle after its noun, written as it is ("ferries withdrawn").
        self.participle_passive: int | None = None
        self.aside = self._in_brackets()
        skip = range(phrase.start - 1, phrase.stop + 1) if self.aside else phrase
        self._kept: dict[int, list[int]] = {}
        self.segments = self._segments(skip)
        self.home = self._home()

    @staticmethod
    def _anchor(toks: Sequence[Tok], phrase: range) -> set[int]:
        """ "Five days after the fall of Girona": a date phrase that ends with "after" or
        "before" counts from the noun phrase that follows, which is part of the date, not of
        the title (up to a break or a verb)."""
        if not phrase or toks[phrase[-1]].low not in ("after", "before"):
            return set()
        found = set()
        for i in range(phrase.stop, len(toks)):
            if toks[i].is_break or (verb_at(toks, i) and toks[i].low not in ("having",)):
                break
            found.add(i)
        return found

    def previous_sentence(self) -> str:
        """The sentence before this one (found only when asked for)."""
        if callable(self.previous):
            self.previous = self.previous()
        return self.previous

    def _in_brackets(self) -> bool:
        """Whether the date phrase stands in brackets of its own: "Cuts (2012–2021) hit"."""
        before, after = self.phrase.start - 1, self.phrase.stop
        return (
            before >= 0
            and after < len(self.toks)
            and self.toks[before].text in "(["
            and self.toks[after].text in ")]"
        )

    def _segments(self, keep: range) -> list[list[int]]:
        """Token indexes of each segment, at breaks (a break inside ``keep`` does not count;
        a comma between two digits is part of a number and never reaches here)."""
        segments: list[list[int]] = []
        current: list[int] = []
        for i, tok in enumerate(self.toks):
            if i in keep and self.aside and i not in self.phrase:
                continue  # the brackets around an aside date
            if tok.is_break and i not in keep:
                if current:
                    segments.append(current)
                current = []
                continue
            current.append(i)
        if current:
            segments.append(current)
        return segments or [list(range(len(self.toks)))]

    def _home(self) -> int:
        for k, segment in enumerate(self.segments):
            if self.phrase.start in segment or (self.phrase and self.phrase[-1] in segment):
                return k
        return 0

    def kept(self, k: int) -> list[int]:
        """Segment ``k`` without the date phrase, other dates and their little words."""
        found = self._kept.get(k)
        if found is None:
            found = self._kept[k] = self.trim([i for i in self.segments[k] if i not in self.cut])
        return list(found)

    def trim(self, kept: list[int]) -> list[int]:
        """``kept`` without the little words left at the edges or next to a cut date."""
        toks = self.toks
        result = []
        for pos, i in enumerate(kept):
            low = toks[i].low
            nxt = kept[pos + 1] if pos + 1 < len(kept) else len(toks)
            gap = range(i + 1, nxt)
            if low in EDGE and gap and any(j in self.cut for j in gap):
                possessive = any(
                    toks[j].low in ("'s", "s")
                    for j in (*gap, nxt)
                    if j < len(toks) and j not in self.cut
                )
                if not possessive:
                    continue  # "in" of "in June 2018", but not "of" in "of last year's"
            if low in ("'s", "s", "'") and (i - 1) in self.cut:
                continue  # "'s" of "Friday's"
            if low in ("ended", "ending", "ends") and ((i - 1) in self.cut or (i + 1) in self.cut):
                continue  # "ended" of "the quarter ended Sept. 30"
            if low in DATE_MODIFIERS and self._before_cut(i, kept[pos + 1 :]):
                continue  # "well" of "well into the 1950s"
            result.append(i)
        while result and (
            toks[result[0]].low in EDGE
            or toks[result[0]].low in LEADING_JUNK
            or not toks[result[0]].is_word
            or toks[result[0]].low == "'s"
        ):
            result.pop(0)
        while result and (toks[result[-1]].low in EDGE or not toks[result[-1]].is_word):
            if toks[result[-1]].low in PARTICLES and len(result) > 1 and verb_at(toks, result[-2]):
                break  # "crossed out", "set up"
            result.pop()
        return result

    def _before_cut(self, i: int, rest: list[int]) -> bool:
        """Whether only little words stand between token ``i`` and a removed date phrase."""
        j = i + 1
        while j < len(self.toks) and j not in self.cut:
            if self.toks[j].low not in PREPOSITIONS:
                return False
            j += 1
        return j < len(self.toks) and j in self.cut

    def words(self, k: int) -> int:
        return sum(1 for i in self.kept(k) if self.toks[i].is_word)

    def has_verb(self, k: int) -> bool:
        """Whether segment ``k`` has a verb of its own; in a phrase led by a preposition, a
        participle after its noun does not count ("following the report published …")."""
        words = self.kept(k)
        at = find_verb(self.toks, words)
        if at is None:
            return False
        if (
            self.first_word(k) in PREPOSITIONS
            and at > 0
            and not self._fronted_date(k)
            and self._after_noun(words, at)
        ):
            return find_verb(self.toks, words[at + 1 :]) is not None
        return True

    def _fronted_date(self, k: int) -> bool:
        """Whether segment ``k`` opens with a preposition and a date phrase it governs ("On
        6 May the operator hired …"): what follows is a clause, not the preposition's."""
        first = next((i for i in self.segments[k] if self.toks[i].is_word), None)
        return first is not None and (first + 1 in self.cut or first + 2 in self.cut)

    def _after_noun(self, words: list[int], at: int) -> bool:
        """Whether the verb-like word ``words[at]`` is a participle right after a noun."""
        toks = self.toks
        tok, previous = toks[words[at]], toks[words[at - 1]]
        if verb_base(tok, None) is None or tok.low in AUXILIARIES:
            return False
        if participle_of(tok) is None and gerund_of(tok) is None:
            return False  # "the army took the city": a past that is no participle
        return previous.is_word and previous.low not in (
            AUXILIARIES | ADVERBS | EDGE | SUBJECT_PRONOUNS
        )

    def starts_with_verb(self, k: int) -> bool:
        kept = self.kept(k)
        return bool(kept) and find_verb(self.toks, kept) == 0

    def first_word(self, k: int) -> str:
        for i in self.segments[k]:
            if self.toks[i].is_word and i not in self.cut:
                return self.toks[i].low
        return ""

    def adverbial(self, k: int) -> bool:
        """A segment that is an adverbial phrase: it starts with a preposition or a
        subordinating conjunction ("on behalf of …", "despite …", "when …")."""
        first = self.first_word(k)
        return first in PREPOSITIONS or first in SUBORDINATORS

    def relative(self, k: int) -> bool:
        return self.first_word(k) in ("who", "which", "whom", "whose", "where")

    def dated(self, k: int) -> bool:
        """Whether segment ``k`` holds another happening's date."""
        return any(i in self.others for i in self.segments[k])

    def is_proper_name(self, k: int) -> bool:
        words = [self.toks[i] for i in self.kept(k) if self.toks[i].is_word]
        return (
            bool(words)
            and words[0].is_name
            and all(t.is_name or t.low in ("of", "de", "van", "von", "and", "'s") for t in words)
        )

    def _only_time(self, k: int) -> bool:
        """Whether segment ``k`` says nothing but when: "On 3 June", "the last time in 2019",
        "the fifth day of the rebellion"."""
        words = [self.toks[i].low for i in self.kept(k) if self.toks[i].is_word]
        return len(words) <= 1 or all(w in TIME_WORDS or w in EDGE for w in words)

    def _setting(self, k: int) -> bool:
        """Whether segment ``k`` is a phrase that sets the scene ("in composite trading
        Friday") rather than one that names a happening ("despite the fall of Bilbao") or
        an -ing clause ("after touring Dar es Salaam")."""
        first = self.first_word(k)
        if first not in SETTING:
            return False
        return not self._participle_start(self.kept(k))

    def _main_clause(self, k: int) -> list[int]:
        """Segment ``k``'s words; an adverbial phrase that opens it is left out when a clause
        with its own subject follows ("after heavy fighting the force took Irún")."""
        words = self.kept(k)
        if not words or not self.adverbial(k) or k == self.home and self.phrase.start > words[0]:
            return words
        toks = self.toks
        at = find_verb(toks, words)
        if at is None or toks[words[0]].low in SUBORDINATORS - PREPOSITIONS:
            return words
        if at >= 2 and toks[words[at]].low.endswith("ing"):
            # "after heavy fighting the force took Irún": a noun in -ing inside the phrase
            later = find_verb(toks, words[at + 1 :])
            if later is not None:
                at += 1 + later
        for pos in range(2, at):
            tok = toks[words[pos]]
            before = toks[words[pos - 1]]
            inside_name = before.is_name or (
                before.low in NAME_PARTICLES and toks[words[pos - 2]].is_name
            )  # "Dar es Salaam"
            if tok.low in DETERMINERS or (tok.is_name and not inside_name):
                return words[pos:]
        return words

    def _participle_start(self, words: list[int]) -> int:
        """1 + the position of the -ing participle that opens ``words`` (after a preposition
        such as "after" at most): "touring Dar es Salaam", "after touring …"; else 0."""
        toks = self.toks
        for pos in range(min(2, len(words))):
            low = toks[words[pos]].low
            if pos == 1 and toks[words[0]].low not in SUBORDINATORS | PREPOSITIONS:
                return 0
            if (
                low.endswith("ing")
                and len(low) > 4
                and low
                not in (
                    "during",
                    "including",
                    "according",
                    "morning",
                    "evening",
                    "nothing",
                    "something",
                    "king",
                )
            ):
                return pos + 1
        return 0

    def _object_position(self, i: int) -> bool:
        """Whether the noun phrase starting at token ``i`` follows a verb or a preposition
        (other than "of"): an object, not a subject ("aims to restore the services …")."""
        toks = self.toks
        if i == 0 or i - 1 in self.cut:
            return False
        previous = toks[i - 1]
        if previous.low in PREPOSITIONS - {"of"} or verb_at(toks, i - 1):
            return True
        return i >= 2 and toks[i - 2].low == "to" and previous.text.isalpha()

    def _relative_that(self, i: int) -> bool:
        """Whether "that" at ``i`` opens a relative clause ("the station that opened") rather
        than a reported one ("said that") or a determiner ("that year")."""
        if i == 0:
            return False
        previous = self.toks[i - 1]
        if not previous.is_word or previous.low in STOPWORDS or previous.is_name:
            return False
        if previous.low in vocab.REPORTING_VERBS or verb_base(previous, None) is not None:
            return False
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return nxt is not None and nxt.is_word and nxt.low not in DETERMINERS

    def _noun_phrase_before(self, stop: int, floor: int) -> list[int]:
        """The noun phrase that ends right before token ``stop`` (at most eight words)."""
        toks = self.toks
        picked: list[int] = []
        i = stop - 1
        while i >= floor:
            tok = toks[i]
            if (not tok.is_word and tok.low not in ("'s", "'")) or i in self.cut:
                break
            if tok.low in PREPOSITIONS or tok.low in AUXILIARIES or tok.low in SUBORDINATORS:
                break
            if tok.low in ("and", "or", "but") or verb_at(toks, i):
                break
            picked.append(i)
            if tok.low in DETERMINERS:
                break
            i -= 1
        picked.reverse()
        return picked[-8:]

    def _until_main_verb(self, clause: list[int]) -> list[int]:
        """A relative clause inside its sentence ends where the main clause's auxiliary comes
        after the date: "who designed the station in 1962 | has died"."""
        for pos, i in enumerate(clause):
            if i >= self.phrase.stop and self.toks[i].low in AUXILIARIES:
                return self.trim(clause[:pos])
        return clause
