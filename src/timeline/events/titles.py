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
document; the words it relies on are tables in :mod:`.vocab` and :mod:`.words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..sentences import ABBREVIATIONS
from ..tagger import vocab as date_vocab
from . import vocab
from .words import STOPWORDS, base_form, ing_base, present, stem

__all__ = ["DATE_ONLY_TITLE", "MAX_WORDS", "Headline", "headline", "make_title"]

#: The title of a mention that stands alone, such as a heading.
DATE_ONLY_TITLE = "Date on a line of its own"
#: A title's length: it ends at the last phrase boundary within this many words.
MAX_WORDS = 14
#: A title this short takes in the participle clause that follows ("…, launching an attack").
SHORT_WORDS = 5

_TOKEN = re.compile(
    r"``|''|--+|[$£€¥]?(?:[A-Z]{1,3}\$)?\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|s)?"
    r"|\w+(?:[.'’\-&]\w+)*\.?|[^\w\s]"
)
#: Tokens that end a segment.
_BREAKS = frozenset({",", ";", ":", "(", ")", "[", "]", "--", "—", "–", "-", "|", "!", "?"})
#: Quotation marks and markup: left out of titles, and no break.
_QUOTES = frozenset({'"', "“", "”", "``", "''", "‘", "’", "'", "`", "*", "**", "_", "#"})
_ARTICLES = frozenset({"the", "a", "an"})
#: Prepositions and other little words that do not end or start a title.
_PREPOSITIONS = frozenset(
    """
    in on at by since until till from to during of for between around about through
    throughout up over into onto than per via among amid despite against within without
    after before with under near toward towards across along beyond beside behind out
    following
    """.split()
)
_EDGE = _PREPOSITIONS | frozenset(
    """
    and or but as this that which when while who whom whose the a an then so also yet because
    although though if once where whereas including
    """.split()
)
_LEADING_JUNK = frozenset(
    """
    and but or so then also however meanwhile yet still thus hence moreover furthermore
    finally later earlier ironically instead indeed nevertheless nonetheless besides
    additionally separately elsewhere overall similarly now
    """.split()
)
#: Words that open a subordinate clause.
_SUBORDINATORS = frozenset(
    "when after before as while because although though since if once until till whereas "
    "unless whether where".split()
)
_RELATIVES = frozenset({"who", "which", "whom", "whose", "that", "where"})
_AUXILIARIES = frozenset(
    "was were is are am be been being has have had having will would shall should can could "
    "may might must do does did".split()
)
#: Adverbs that may stand between a subject and its verb, or open a clause before its verb.
_ADVERBS = frozenset(
    """
    also then finally eventually later soon just only still again already never once
    subsequently thereafter immediately quickly initially first originally officially
    formally reportedly apparently allegedly successfully briefly partly largely
    """.split()
)
#: Words that, right before a removed date phrase, go with it: "well into the 1950s".
_DATE_MODIFIERS = frozenset(
    "well just shortly soon long right immediately only even nearly almost approximately "
    "sometime some late early".split()
)
#: Participles that name or describe rather than tell: "a law named for him".
_NAMING = frozenset({"named", "known", "called", "dubbed", "nicknamed", "titled", "entitled"})
#: Plural nouns that do not end in -s.
_PLURAL_NOUNS = frozenset(
    "people police men women children troops staff personnel cattle clergy crew "
    "most many some all both several few".split()
)
#: Last words of an organisation's name: singular, whatever "and" it holds.
_ORGANISATION_HEADS = frozenset(
    """
    service commission committee department agency corporation company party council board
    bureau association union organization organisation institute authority administration
    court ministry office group bank fund foundation society league alliance
    """.split()
)
#: Conjunctions that end a title after its verb: what follows is another clause.
_CLAUSE_ENDS = frozenset({"although", "though", "because", "whereas", "while", "unless"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_PERFECT_AUX = frozenset({"has", "have", "had", "having"})
#: Prepositions of a setting: a date in such a phrase dates the clause it opens or closes
#: ("In composite trading Friday, shares leaped"); other prepositions ("despite the fall of
#: Bilbao in June") lead a happening of their own.
_SETTING = frozenset("in on at during by within throughout over around from as with".split())
#: Words that only say when: a segment of nothing else is a date's apposition.
_TIME_WORDS = frozenset(
    """
    time times occasion day days moment year years week weeks month months period first last
    second third fourth fifth sixth seventh eighth ninth tenth next same previous following
    final latest earliest
    """.split()
)
#: Particles that stay after their verb at the end of a title: "crossed out", "set up".
_PARTICLES = frozenset("out up off down back away over on in".split())
_PRONOUNS = frozenset({"he", "she"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which"})
_PLURAL_PRONOUNS = frozenset({"they", "we", "you", "i"})
#: Words ending in -ed that are adjectives or nouns, not verbs.
_NOT_VERBS = frozenset(
    """
    alleged armed united limited red bed need speed seed feed deed hundred kindred sacred
    naked wicked rugged ragged beloved aged learned skilled talented wounded injured dead
    based related detailed advanced so-called wed shed sled bred fled-from indeed
    """.split()
)
_DETERMINERS = frozenset(
    "the a an this that these those its his her their our my your some any every each no "
    "another".split()
)
#: Verbs that report speech with no object of their own: "X said Friday".
_SAYING = frozenset("say says said tell tells told add adds added".split())
#: Words that carry a reduced passive's agent: "announced Wednesday by the commissioner".
_BY = "by"
#: What continues a happening with another subject: "followed by Barcelona".
_GAPPING = ("followed by", "then", "and then", "and", "as did", "as well as")


@dataclass(frozen=True)
class Headline:
    """A title, and what it tells of the happening: the stem of its verb when one was found
    (``action``)."""

    text: str
    action: str | None = None


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum() or self.text[:1] in "$£€¥"

    @property
    def is_break(self) -> bool:
        return self.text in _BREAKS

    @property
    def is_name(self) -> bool:
        return self.text[:1].isupper()


def _tokens(text: str) -> list[_Tok]:
    found = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.start(), match.end()
        # A trailing full stop belongs to an abbreviation or an initial, not to a plain word.
        if word.endswith(".") and len(word) > 1:
            core = word[:-1]
            if not (
                core.lower() in ABBREVIATIONS or "." in core or (len(core) == 1 and core.isalpha())
            ):
                found.append(_Tok(core, start, end - 1))
                found.append(_Tok(".", end - 1, end))
                continue
        if word[-2:].lower() in ("'s", "’s") and len(word) > 2:
            found.append(_Tok(word[:-2], start, end - 2))
            found.append(_Tok(word[-2:], end - 2, end))
            continue
        found.append(_Tok(word, start, end))
    return found


# --------------------------------------------------------------------------- words
def _verb_base(tok: _Tok, previous: _Tok | None) -> str | None:
    """The base form of ``tok`` when it reads as a verb in the past tense (or a participle)."""
    if not tok.text.isalpha() or tok.is_name or tok.low in _NOT_VERBS:
        return None
    if previous is not None and previous.low in _DETERMINERS:
        return None  # "the alleged", "an armed": adjectives
    if tok.low == "born":
        return "bear"
    return base_form(tok.low)


def _is_verb(toks: Sequence[_Tok], i: int) -> bool:
    """Whether ``toks[i]`` reads as a finite verb (or an auxiliary): not a participle that
    names or describes ("a law named for him", "announced by the agency"), not a noun that
    looks like a verb ("secretary of state", "the report")."""
    tok = toks[i]
    previous = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if tok.low in _AUXILIARIES:
        return tok.low != "having" or (nxt is not None and base_form(nxt.low) is not None)
    if previous is not None and (
        previous.low in _DETERMINERS - {"that", "this"} or previous.low == "of"
    ):
        return False
    if (
        nxt is not None
        and nxt.low == "by"
        and (
            previous is None or (previous.low not in _AUXILIARIES and previous.low not in _ADVERBS)
        )
    ):
        return False  # "the decision, announced by …", "followed by": a participle
    if tok.low in _NAMING and nxt is not None and (nxt.low in _PREPOSITIONS or nxt.low == "as"):
        return False
    if (
        previous is not None
        and previous.low in _SUBJECT_PRONOUNS - {"who", "which", "it", "you"}
        and tok.text.isalpha()
        and tok.text.islower()
        and tok.low not in _EDGE | _ADVERBS | _DETERMINERS | {"not", "all", "both", "each"}
    ):
        return True  # "we take", "they say": a verb in the present after its pronoun
    if tok.low in vocab.REPORTING_VERBS and not tok.is_name:
        if tok.low in vocab.REPORTING_NOUNS:
            # "her published report", "the Inquiry report was", "the secretary of state":
            # nouns; "he reported", "Smith states": verbs.
            if nxt is not None and (nxt.low in _AUXILIARIES or base_form(nxt.low) is not None):
                return False
            return previous is not None and (
                previous.is_name
                or previous.low in _SUBJECT_PRONOUNS
                or previous.low in _AUXILIARIES
                or previous.low in _ADVERBS
            )
        return True
    return _verb_base(tok, previous) is not None


def _find_verb(toks: Sequence[_Tok], indexes: Sequence[int]) -> int | None:
    """The position in ``indexes`` of the first verb: an auxiliary or a past-tense word."""
    for pos, i in enumerate(indexes):
        if _is_verb(toks, i):
            return pos
    return None


def _verb_first(toks: Sequence[_Tok], indexes: Sequence[int]) -> bool:
    """Whether the words start with their verb, adverbs aside ("finally fell")."""
    at = _find_verb(toks, indexes)
    return at is not None and all(toks[i].low in _ADVERBS for i in indexes[:at])


def _plural(subject: Sequence[_Tok]) -> bool:
    """Whether a subject is plural: joined by "and" (unless it is one organisation's name),
    or its head noun (the last word before "of" or another preposition) is plural. Only the
    words after the last conjunction or relative pronoun count ("… when I joined")."""
    start = max(
        (k + 1 for k, t in enumerate(subject) if t.low in _SUBORDINATORS or t.low in _RELATIVES),
        default=0,
    )
    words = [t for t in subject[start:] if t.is_word and t.low not in _ADVERBS]
    if not words:
        return False
    head = next((k for k, t in enumerate(words) if k and t.low in _PREPOSITIONS), len(words))
    words = words[:head]
    if words[-1].low in _ORGANISATION_HEADS and words[-1].is_name:
        return False
    if any(t.low == "and" for t in words):
        return True
    last = words[-1]
    if last.low in _PLURAL_PRONOUNS or last.low in _PLURAL_NOUNS:
        return True
    if last.is_name and last.start > 0:  # a capital that only starts the sentence is no name
        earlier = words[-2].low if len(words) > 1 else ""
        return last.low.endswith(("ans", "ists", "ites", "ers", "ards", "ics", "ies", "ats")) or (
            earlier == "the" and last.low.endswith("s") and not last.low.endswith("ss")
        )
    return last.low.endswith("s") and not last.low.endswith(("ss", "us", "is", "ics", "news"))


# --------------------------------------------------------------------------- the title
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
    previous: str = "",
) -> Headline:
    """The headline of the happening dated by ``text[start:end]``, whose sentence is
    ``text[lo:hi]``. ``others`` are the spans of other date phrases (their words stay out of
    the title); ``previous`` is the sentence before, where "he" or "she" may be named."""
    sentence = text[lo:hi].rstrip()
    while sentence and sentence[-1] in ".!?":
        sentence = sentence[:-1]
    toks = _tokens(sentence)
    s, e = start - lo, end - lo
    phrase = range(
        next((i for i, t in enumerate(toks) if t.end > s), len(toks)),
        next((i for i, t in enumerate(toks) if t.start >= e), len(toks)),
    )
    other = {
        i
        for i, t in enumerate(toks)
        for (a, b) in others
        if (a - lo) < t.end and t.start < (b - lo) and i not in phrase
    }
    if not any(t.is_word for i, t in enumerate(toks) if i not in phrase and i not in other):
        return Headline(DATE_ONLY_TITLE)
    return _Builder(toks, phrase, other, previous).build()


class _Builder:
    """Builds one headline; see the module's docstring for the rules."""

    def __init__(self, toks: list[_Tok], phrase: range, others: set[int], previous: str) -> None:
        self.toks = toks
        self.phrase = phrase
        self.cut = set(phrase) | others
        self.others = others
        self.previous = previous
        self.name_for: dict[int, str] = {}  # pronoun token -> the name it stands for
        self.aside = self._in_brackets()
        skip = range(phrase.start - 1, phrase.stop + 1) if self.aside else phrase
        self.segments = self._segments(skip)
        self.home = self._home()

    # ---------------------------------------------------------------- segments
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
        return self.trim([i for i in self.segments[k] if i not in self.cut])

    def trim(self, kept: list[int]) -> list[int]:
        """``kept`` without the little words left at the edges or next to a cut date."""
        toks = self.toks
        result = []
        for pos, i in enumerate(kept):
            low = toks[i].low
            nxt = kept[pos + 1] if pos + 1 < len(kept) else len(toks)
            gap = range(i + 1, nxt)
            if low in _EDGE and gap and any(j in self.cut for j in gap):
                possessive = any(
                    toks[j].low in ("'s", "s")
                    for j in (*gap, nxt)
                    if j < len(toks) and j not in self.cut
                )
                if not possessive:
                    continue  # "in" of "in June 2018", but not "of" in "of last year's"
            if low in ("'s", "s", "'") and (i - 1) in self.cut:
                continue  # "'s" of "Friday's"
            if low in _DATE_MODIFIERS and self._before_cut(i, kept[pos + 1 :]):
                continue  # "well" of "well into the 1950s"
            result.append(i)
        while result and (
            toks[result[0]].low in _EDGE
            or toks[result[0]].low in _LEADING_JUNK
            or not toks[result[0]].is_word
            or toks[result[0]].low == "'s"
        ):
            result.pop(0)
        while result and (toks[result[-1]].low in _EDGE or not toks[result[-1]].is_word):
            if (
                toks[result[-1]].low in _PARTICLES
                and len(result) > 1
                and _is_verb(toks, result[-2])
            ):
                break  # "crossed out", "set up"
            result.pop()
        return result

    def _before_cut(self, i: int, rest: list[int]) -> bool:
        """Whether only little words stand between token ``i`` and a removed date phrase."""
        j = i + 1
        while j < len(self.toks) and j not in self.cut:
            if self.toks[j].low not in _PREPOSITIONS:
                return False
            j += 1
        return j < len(self.toks) and j in self.cut

    def words(self, k: int) -> int:
        return sum(1 for i in self.kept(k) if self.toks[i].is_word)

    def has_verb(self, k: int) -> bool:
        """Whether segment ``k`` has a verb of its own; in a phrase led by a preposition, a
        participle after its noun does not count ("following the report published …")."""
        words = self.kept(k)
        at = _find_verb(self.toks, words)
        if at is None:
            return False
        if self.first_word(k) in _PREPOSITIONS and at > 0 and self._after_noun(words, at):
            return _find_verb(self.toks, words[at + 1 :]) is not None
        return True

    def _after_noun(self, words: list[int], at: int) -> bool:
        """Whether the verb-like word ``words[at]`` is a participle right after a noun."""
        toks = self.toks
        tok, previous = toks[words[at]], toks[words[at - 1]]
        if base_form(tok.low) is None or tok.low in _AUXILIARIES:
            return False
        return previous.is_word and previous.low not in (
            _AUXILIARIES | _ADVERBS | _EDGE | _SUBJECT_PRONOUNS
        )

    def starts_with_verb(self, k: int) -> bool:
        kept = self.kept(k)
        return bool(kept) and _find_verb(self.toks, kept) == 0

    def first_word(self, k: int) -> str:
        for i in self.segments[k]:
            if self.toks[i].is_word and i not in self.cut:
                return self.toks[i].low
        return ""

    def adverbial(self, k: int) -> bool:
        """A segment that is an adverbial phrase: it starts with a preposition or a
        subordinating conjunction ("on behalf of …", "despite …", "when …")."""
        first = self.first_word(k)
        return first in _PREPOSITIONS or first in _SUBORDINATORS

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

    # ---------------------------------------------------------------- building
    def build(self) -> Headline:
        home = self.home
        when = self._when_clause()
        if when is not None:
            return self._finish(when)
        attributive = self._attributive()
        if attributive is not None:
            return self._finish(attributive)
        complement = self._complement(self.kept(home))
        if complement is not None:
            return self._finish(complement)
        reduced = self._reduced_relative(self.kept(home))
        if reduced is not None:
            return self._finish(reduced)
        predicate = home
        if not self.has_verb(home) and (self._only_time(home) or self._setting(home)) \
                and not self._participle_start(self.kept(home)):  # fmt: skip
            # A date that stands alone, or in a phrase that only sets the scene: it dates the
            # clause that phrase introduces or closes.
            predicate = self._predicate_near(home)
        nominal = self._nominal() if predicate == home else None
        if nominal is not None:
            verb, subject = nominal
            text = self._render(self._shortened(subject), headline=True)
            if text:
                return Headline(_capitalised(f"{text} {verb}"), stem(verb.split()[0]))
        words = self._main_clause(predicate)
        words = self._verb_conjunct(words)
        words = self._coordination(words)
        relative = self._relative_clause(predicate) if predicate == home else None
        if relative is not None:
            words = relative
        else:
            reported = self._reported(predicate, words)
            if reported is not None:
                return reported
            words = self._with_subject(predicate, words)
        words = self._clause_end(words)
        words = self._with_participle(predicate, words)
        return self._finish(words)

    def _only_time(self, k: int) -> bool:
        """Whether segment ``k`` says nothing but when: "On 3 June", "the last time in 2019",
        "the fifth day of the rebellion"."""
        words = [self.toks[i].low for i in self.kept(k) if self.toks[i].is_word]
        return len(words) <= 1 or all(w in _TIME_WORDS or w in _EDGE for w in words)

    def _setting(self, k: int) -> bool:
        """Whether segment ``k`` is a phrase that sets the scene ("in composite trading
        Friday") rather than one that names a happening ("despite the fall of Bilbao") or
        an -ing clause ("after touring Dar es Salaam")."""
        first = self.first_word(k)
        if first not in _SETTING:
            return False
        return not self._participle_start(self.kept(k))

    def _nominal(self) -> tuple[str, list[int]] | None:
        """ "the fall of Bilbao in June", "the opening of the Geneva peace meeting on April
        26": a noun that names a happening, "of", and who or what it happened to, right
        before the date: "Bilbao falls", "Geneva peace meeting opens"."""
        toks = self.toks
        end = self.phrase.start - 1
        while end >= 0 and toks[end].low in _PREPOSITIONS and end not in self.cut:
            end -= 1
        k = end
        while k >= 0 and toks[k].low != "of" and toks[k].is_word and k not in self.cut:
            k -= 1
        if k < 1 or toks[k].low != "of" or k == end:
            return None
        noun = toks[k - 1].low
        if noun not in vocab.HAPPENING_VERBS:
            return None
        lead = k - 2
        while (
            lead >= 0
            and toks[lead].is_word
            and lead >= k - 4
            and (toks[lead].low not in _PREPOSITIONS and not _is_verb(toks, lead))
        ):
            lead -= 1
        if lead >= 0 and toks[lead].is_word and toks[lead].low not in _PREPOSITIONS:
            return None  # the object of a verb: "announced the opening of …" dates "announced"
        return vocab.HAPPENING_VERBS[noun], self.trim(list(range(k + 1, end + 1)))

    def _verb_conjunct(self, words: list[int]) -> list[int]:
        """ "Salan guessed what they were up to and cancelled the operation on 14 November":
        of two verbs joined by "and", the date belongs to the nearer; the title keeps the
        subject and that verb's conjunct."""
        toks = self.toks
        at = _find_verb(toks, words)
        if at is None:
            return words
        for pos in range(at + 1, len(words)):
            i = words[pos]
            if toks[i].low not in ("and", "but"):
                continue
            after = words[pos + 1 : pos + 4]
            second = _find_verb(toks, after)
            if second is None or not all(toks[j].low in _ADVERBS for j in after[:second]):
                continue
            if i < self.phrase.start:
                return self.trim(words[:at] + words[pos + 1 :])
            return self.trim(words[:pos])
        return words

    def _main_clause(self, k: int) -> list[int]:
        """Segment ``k``'s words; an adverbial phrase that opens it is left out when a clause
        with its own subject follows ("after heavy fighting the force took Irún")."""
        words = self.kept(k)
        if not words or not self.adverbial(k) or k == self.home and self.phrase.start > words[0]:
            return words
        toks = self.toks
        at = _find_verb(toks, words)
        if at is None or toks[words[0]].low in _SUBORDINATORS - _PREPOSITIONS:
            return words
        for pos in range(2, at):
            tok = toks[words[pos]]
            if tok.low in _DETERMINERS or (tok.is_name and not toks[words[pos - 1]].is_name):
                return words[pos:]
        return words

    def _when_clause(self) -> list[int] | None:
        """ "since early December, when Castro promised …": a clause opened by "when" right
        after the date phrase tells what happened then."""
        toks = self.toks
        i = self.phrase.stop
        if i < len(toks) and toks[i].text == ",":
            i += 1
        if i >= len(toks) or toks[i].low != "when":
            return None
        clause = []
        for j in range(i + 1, len(toks)):
            if toks[j].is_break or j in self.cut:
                break
            clause.append(j)
        clause = self.trim(clause)
        if _find_verb(toks, clause) is None or len(clause) < 3:
            return None
        return clause

    def _attributive(self) -> list[int] | None:
        """ "the 1959 trade embargo against Cuba": a year before a noun dates the thing the
        noun names; the title is that noun phrase, when it says enough (three words)."""
        toks = self.toks
        before, after = self.phrase.start - 1, self.phrase.stop
        if before < 0 or after >= len(toks) or toks[before].low not in _DETERMINERS:
            return None
        phrase_text = " ".join(toks[i].text for i in self.phrase)
        if not phrase_text.isdigit():
            return None
        words: list[int] = []
        for j in range(after, len(toks)):
            tok = toks[j]
            if tok.is_break or j in self.cut or _is_verb(toks, j) or tok.low in _RELATIVES:
                break
            if tok.low in ("and", "or", "but", "as"):
                break
            words.append(j)
            if len(words) >= 8:
                break
        words = self.trim(words)
        if sum(1 for j in words if toks[j].is_word) < 3 or toks[words[0]].low in _PREPOSITIONS:
            return None
        return words

    def _predicate_near(self, home: int) -> int:
        """The segment a lone date dates: the first clause after it with a verb when it comes
        first (skipping relative clauses), else the nearest clause before."""
        n = len(self.segments)
        fronted = not any(self.has_verb(k) for k in range(home))
        after = list(range(home + 1, n))
        before = list(range(home - 1, -1, -1))
        order = after + before if fronted else before + after
        fallback = None
        dated = None
        for k in order:
            if self.relative(k) or not self.has_verb(k):
                continue
            if self.dated(k):
                dated = dated if dated is not None else k
                continue
            if self.adverbial(k) and self._main_clause(k) == self.kept(k):
                fallback = fallback if fallback is not None else k
                continue
            return k
        for k in (fallback, dated):
            if k is not None:
                return k
        return home

    def _subject_before(self, predicate: int) -> list[int]:
        """The subject of a clause that starts with its verb: the nearest run of noun phrases
        before it (adverbials and relative clauses skipped), a name first."""
        run: list[int] = []
        for k in range(predicate - 1, -1, -1):
            if k == self.home:
                after = self.trim([i for i in self.kept(k) if i >= self.phrase.stop])
                if after and _find_verb(self.toks, after) is None:
                    return after  # "On 12 October the river, …, burst its banks"
                if self.words(k) == 0 or self._only_time(k):
                    continue
            if self.relative(k):
                continue
            if self.adverbial(k):
                continue
            if self.has_verb(k):
                if not run and self._leading_subject(k):
                    return self._leading_subject(k)
                break
            if self.dated(k):
                break
            if self.words(k) > 0:
                run.append(k)
        if not run:
            return []
        names = [k for k in run if self.is_proper_name(k)]
        chosen = names[0] if names else run[-1]
        return self.kept(chosen)

    def _leading_subject(self, k: int) -> list[int]:
        """The words of segment ``k`` before its verb, when they make a subject."""
        words = self._main_clause(k)
        at = _find_verb(self.toks, words)
        if not at or at > 8:
            return []
        subject = words[:at]
        while subject and self.toks[subject[-1]].low in _ADVERBS:
            subject.pop()
        return subject

    def _with_subject(self, predicate: int, words: list[int]) -> list[int]:
        """A clause that starts with its verb (or a participle: "having lost …", "touring …")
        takes its subject from the segments around it."""
        toks = self.toks
        if not words:
            return words
        participle = self._participle_start(words)
        if participle:
            subject = self._subject_before(predicate) or self._subject_after(predicate)
            if subject:
                self._name_if_pronoun(subject)
                self.participle = words[participle - 1]
                return subject + words[participle - 1 :]
            return words
        at = _find_verb(toks, words)
        if at is None:
            return self._gapped(predicate, words)
        if not _verb_first(toks, words):
            if at == 1:
                self._name_if_pronoun(words[:1])
            return words
        subject = self._subject_before(predicate)
        if not subject:
            return words
        self._name_if_pronoun(subject)
        return subject + words

    def _participle_start(self, words: list[int]) -> int:
        """1 + the position of the -ing participle that opens ``words`` (after a preposition
        such as "after" at most): "touring Dar es Salaam", "after touring …"; else 0."""
        toks = self.toks
        for pos in range(min(2, len(words))):
            low = toks[words[pos]].low
            if pos == 1 and toks[words[0]].low not in _SUBORDINATORS | _PREPOSITIONS:
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

    def _subject_after(self, predicate: int) -> list[int]:
        """The subject of the main clause that follows a fronted participle clause."""
        for k in range(predicate + 1, len(self.segments)):
            if self.dated(k) or self.relative(k):
                continue
            if self.has_verb(k):
                return self._leading_subject(k)
        return []

    def _name_if_pronoun(self, subject: list[int]) -> None:
        if len(subject) == 1 and self.toks[subject[0]].low in _PRONOUNS:
            name = _named_subject(self.previous)
            if name is not None:
                self.name_for[subject[0]] = name

    def _gapped(self, predicate: int, words: list[int]) -> list[int]:
        """A clause with no verb that continues another ("followed by Barcelona", "and Phu
        Yen", "Germany in 1955") borrows the verb of the clause it continues: as its subject
        when that verb has no object ("Tarragona fell" -> "Barcelona falls"), else as its
        object ("Salan took Phu Tho" -> "Salan takes Phu Yen")."""
        toks = self.toks
        if predicate == 0 or len(words) > 5:
            return words
        segment = [i for i in self.segments[predicate] if i not in self.cut]
        head = " ".join(toks[i].low for i in segment[:3])
        listed = self.dated(predicate - 1)
        if not listed and not any(head.startswith(lead) for lead in _GAPPING):
            return words
        first = next((k for k in range(predicate) if self.has_verb(k)), None)
        if first is None:
            return words
        clause = self._main_clause(first)
        at = _find_verb(toks, clause)
        assert at is not None
        chain = [clause[at]]
        pos = at + 1
        while pos < len(clause) and (toks[clause[pos]].low == "to" or _is_verb(toks, clause[pos])
                                     or toks[clause[pos - 1]].low == "to"):  # fmt: skip
            chain.append(clause[pos])
            pos += 1
        if toks[chain[0]].low in vocab.REPORTING_VERBS:
            return words
        while chain and toks[chain[0]].low in _AUXILIARIES:
            chain.pop(0)
        if not chain:
            return words
        noun = [i for i in words if toks[i].low not in ("followed", "by", "finally", "then")]
        transitive = pos < len(clause) and clause[pos] not in self.cut and \
            toks[clause[pos]].low not in _PREPOSITIONS  # fmt: skip
        self.forced_verb = chain[0]
        if transitive:
            return clause[:at] + chain + noun
        return noun + chain

    def _coordination(self, words: list[int]) -> list[int]:
        """Within one segment, keep the conjunct of this date when another date has one of its
        own right next to the conjunction: "X on 5 May and Y on 6 May"."""
        if not self.others:
            return words
        toks = self.toks
        lo, hi = 0, len(words)
        for pos, i in enumerate(words):
            if toks[i].low not in ("and", "but", "while", "whereas"):
                continue
            if i < self.phrase.start and any(i - 6 <= o < i for o in self.others):
                lo = pos + 1
            elif i > self.phrase.start and any(i < o <= i + 6 for o in self.others):
                hi = pos
                break
        return self.trim(words[lo:hi])

    def _clause_end(self, words: list[int]) -> list[int]:
        """A title ends before what opens another clause after its verb and its date: a
        conjunction ("… although it was argued …"), a relative pronoun ("… which created
        NATO"), "so much that", or "and" with a subject or verb of its own ("… and we are")."""
        toks = self.toks
        at = _find_verb(toks, words)
        for pos in range(1, len(words)):
            i = words[pos]
            if i < self.phrase.start:
                continue
            low = toks[i].low
            if (
                low in ("and", "but")
                and pos + 2 < len(words)
                and (
                    toks[words[pos + 1]].low in _SUBJECT_PRONOUNS or _is_verb(toks, words[pos + 1])
                )
            ):
                return self.trim(words[:pos])
            if at is None or pos <= at:
                continue
            if low in _CLAUSE_ENDS or (low in ("which", "who") and pos > at + 2):
                return self.trim(words[:pos])
            if low == "that" and toks[words[pos - 1]].low in ("so", "much", "such"):
                return self.trim(words[: pos - (toks[words[pos - 1]].low == "so")])
        return words

    def _relative_clause(self, predicate: int) -> list[int] | None:
        """When the date is in a relative clause: its antecedent, then the clause (up to the
        main clause's verb): "the architect who designed the station in 1962 has died"."""
        toks = self.toks
        segment = self.segments[predicate]
        if self.relative(predicate) and predicate > 0:
            # The segment opens with "who" or "which": the antecedent ends the segment before.
            previous = self.segments[predicate - 1]
            antecedent = self._noun_phrase_before(previous[-1] + 1, previous[0])
            first = next(i for i in segment if toks[i].is_word and i not in self.cut)
            clause = self.trim([i for i in segment if i > first and i not in self.cut])
            return self.trim(antecedent + clause) if antecedent and clause else None
        seen_verb = False
        for i in reversed(segment):
            if i >= self.phrase.start:
                continue
            low = toks[i].low
            if low in ("who", "which", "whom", "whose") or (
                low == "that" and self._relative_that(i)
            ):
                if seen_verb == "main":
                    return None
                antecedent = self._noun_phrase_before(i, segment[0])
                if not antecedent:
                    return None
                clause = self.trim([j for j in segment if j > i and j not in self.cut])
                return self.trim(antecedent + self._until_main_verb(clause))
            if _is_verb(toks, i):
                if low in vocab.REPORTING_VERBS:
                    return None  # "said that …" is not a relative clause
                if low in _AUXILIARIES and seen_verb:
                    seen_verb = "main"  # "who saw X | was quoted Friday": the main clause's
                elif not seen_verb:
                    seen_verb = True
        return None

    def _complement(self, words: list[int]) -> list[int] | None:
        """ "identifies in her report that the problems started more than 10 years ago": when
        the date is in a clause opened by "that" after a verb or a noun, the title is that
        clause."""
        toks = self.toks
        for pos in range(len(words) - 1, 0, -1):
            i = words[pos]
            if i > self.phrase.start or toks[i].low != "that":
                continue
            clause = words[pos + 1 :]
            at = _find_verb(toks, clause)
            if at is None or at == 0 or clause[at] > self.phrase.start:
                return None
            if self._relative_that(i) and _find_verb(toks, words[:pos]) is not None:
                return None
            if toks[words[pos - 1]].low in vocab.REPORTING_VERBS and _is_verb(toks, words[pos - 1]):
                return None  # "said that …" is read with the speaker
            if sum(1 for j in clause if toks[j].is_word) < 3:
                return None
            return self.trim(clause)
        return None

    def _reduced_relative(self, words: list[int]) -> list[int] | None:
        """ "services slashed back in 2012", "the Ofsted Report published in September 2022":
        a participle right after its noun, after the clause's own verb (or inside a phrase
        led by a preposition), dates that noun: the title is the noun and the participle."""
        toks = self.toks
        before = [i for i in words if i < self.phrase.start]
        if len(before) < 2:
            return None
        for pos in range(len(before) - 1, 0, -1):
            i = before[pos]
            if _verb_base(toks[i], toks[before[pos - 1]]) is None or toks[i].low in _SAYING:
                continue
            previous = toks[before[pos - 1]]
            if not previous.is_word or previous.low in _AUXILIARIES | _ADVERBS | _EDGE | \
                    _SUBJECT_PRONOUNS:  # fmt: skip
                return None
            led = (
                toks[before[0]].low in _PREPOSITIONS or self.first_word(self.home) in _PREPOSITIONS
            )
            noun = self._noun_phrase_before(i, before[0])
            if not noun:
                return None
            inside = self._object_position(noun[0])
            if not (led or inside) and _find_verb(toks, before[: pos - 1]) is None:
                return None
            self.participle_passive = i
            return self._clause_end(self.trim(noun + [j for j in words if i <= j]))
        return None

    def _object_position(self, i: int) -> bool:
        """Whether the noun phrase starting at token ``i`` follows a verb or a preposition
        (other than "of"): an object, not a subject ("aims to restore the services …")."""
        toks = self.toks
        if i == 0 or i - 1 in self.cut:
            return False
        previous = toks[i - 1]
        if previous.low in _PREPOSITIONS - {"of"} or _is_verb(toks, i - 1):
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
        if previous.low in vocab.REPORTING_VERBS or base_form(previous.low) is not None:
            return False
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return nxt is not None and nxt.is_word and nxt.low not in _DETERMINERS

    def _noun_phrase_before(self, stop: int, floor: int) -> list[int]:
        """The noun phrase that ends right before token ``stop`` (at most eight words)."""
        toks = self.toks
        picked: list[int] = []
        i = stop - 1
        while i >= floor:
            tok = toks[i]
            if (not tok.is_word and tok.low not in ("'s", "'")) or i in self.cut:
                break
            if tok.low in _PREPOSITIONS or tok.low in _AUXILIARIES or tok.low in _SUBORDINATORS:
                break
            if tok.low in ("and", "or", "but") or _is_verb(toks, i):
                break
            picked.append(i)
            if tok.low in _DETERMINERS:
                break
            i -= 1
        picked.reverse()
        return picked[-8:]

    def _until_main_verb(self, clause: list[int]) -> list[int]:
        """A relative clause inside its sentence ends where the main clause's auxiliary comes
        after the date: "who designed the station in 1962 | has died"."""
        for pos, i in enumerate(clause):
            if i >= self.phrase.stop and self.toks[i].low in _AUXILIARIES:
                return self.trim(clause[:pos])
        return clause

    def _reported(self, predicate: int, words: list[int]) -> Headline | None:
        """A clause that only reports ("New Zealand said Friday in response to …") gives way
        to what is reported, with the speaker: "New Zealand says …"."""
        toks = self.toks
        at = next((p for p, i in enumerate(words) if toks[i].low in vocab.REPORTING_VERBS
                   and _is_verb(toks, i)), None)  # fmt: skip
        if at is None:
            return None
        verb = words[at]
        speaker = words[:at]
        rest = words[at + 1 :]
        if rest and toks[rest[0]].low == _BY and not speaker:
            return self._announced_by(predicate, verb, rest[1:])
        if toks[verb].low not in _SAYING and rest and toks[rest[0]].low != "that":
            return None  # "reported a loss", "announced a plan": a happening of its own
        if not speaker and rest:
            # "…, said the agency's spokesman": the speaker comes after the verb.
            speaker, rest = rest, []
        if len(speaker) > 7 or any(toks[i].low in _AUXILIARIES for i in speaker):
            return None
        if rest and toks[rest[0]].low == "that":
            content = self.trim(rest[1:])
        elif rest and toks[rest[0]].low not in _PREPOSITIONS and _find_verb(toks, rest):
            content = rest
        else:
            content = self._reported_elsewhere(predicate)
        if sum(1 for i in content if toks[i].is_word) < 3:
            return None
        self._name_if_pronoun(speaker)
        said = self._render(speaker, headline=True) if speaker else ""
        if not said or said.lower() in ("it", "they", "he", "she"):
            return self._finish(content)
        body = self._finish(content, capitalise=False)
        says = "say" if _plural([toks[i] for i in speaker]) else "says"
        return Headline(f"{_capitalised(said)} {says} {body.text}", body.action)

    def _announced_by(self, predicate: int, verb: int, agent: list[int]) -> Headline | None:
        """ "the decision, announced Wednesday by the commissioner": the commissioner
        announces the decision."""
        if not agent or predicate == 0:
            return None
        before = self.segments[predicate - 1]
        thing = self._noun_phrase_before(before[-1] + 1, before[0])
        if not thing:
            return None
        base = base_form(self.toks[verb].low) or stem(self.toks[verb].low)
        said = self._render(self.trim(agent), headline=True)
        what = self._render(thing, headline=True)
        return Headline(f"{_capitalised(said)} {present(base, False)} {what}", stem(base))

    def _reported_elsewhere(self, predicate: int) -> list[int]:
        """What the sentence reports outside the reporting clause: the segments before it (a
        quotation, or "X, Y said") or, failing that, after it."""
        before = self.trim([i for k in range(predicate) for i in self.segments[k]
                            if i not in self.cut])  # fmt: skip
        if sum(1 for i in before if self.toks[i].is_word) >= 3:
            return before
        return self.trim([i for k in range(predicate + 1, len(self.segments))
                          for i in self.segments[k] if i not in self.cut])  # fmt: skip

    def _with_participle(self, predicate: int, words: list[int]) -> list[int]:
        """A short title takes in the participle clause that follows it: "Giap tried again,
        launching an attack against Mao Khe"."""
        if sum(1 for i in words if self.toks[i].is_word) > SHORT_WORDS:
            return words
        nxt = predicate + 1
        if nxt >= len(self.segments) or self.dated(nxt):
            return words
        first = self.first_word(nxt)
        if not first.endswith("ing") or first in ("during", "including", "according", "having",
                                                  "being"):  # fmt: skip
            return words
        return words + self.kept(nxt)

    # ---------------------------------------------------------------- rendering
    def _finish(self, words: list[int], *, capitalise: bool = True) -> Headline:
        words = self._shortened(words)
        if not words:
            return Headline(DATE_ONLY_TITLE)
        at = _find_verb(self.toks, words)
        forced = getattr(self, "forced_verb", None)
        action = None
        if forced is not None:
            action = stem(base_form(self.toks[forced].low) or self.toks[forced].low)
        elif at is not None:
            action = self._action(words, at)
        text = self._render(words, headline=True)
        if not text:
            return Headline(DATE_ONLY_TITLE)
        return Headline(_capitalised(text) if capitalise else text, action)

    def _action(self, words: list[int], at: int) -> str | None:
        """The stem of the clause's main verb (past its auxiliaries)."""
        toks = self.toks
        for pos in range(at, min(at + 4, len(words))):
            tok = toks[words[pos]]
            if tok.low in _AUXILIARIES or tok.low in ("not", "never", "also"):
                continue
            base = _verb_base(tok, None)
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
            if toks[i].is_word and toks[i].low not in _ARTICLES and toks[i].low not in _AUXILIARIES:
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
            if low in (",", ";", ":", "(", "-", "–", "—") or low in _RELATIVES or \
                    low in _SUBORDINATORS:  # fmt: skip
                best = pos
                break
            if low in ("and", "but") and _find_verb(toks, words[pos + 1 : pos + 6]) is not None:
                best = pos  # "… and one of his relatives sought …": another clause
                break
            if low in _PREPOSITIONS and best is None:
                best = pos
        if best is None:
            best = next(
                (pos for pos in range(limit, floor - 1, -1) if toks[words[pos]].low in
                 ("and", "or")),
                limit,
            )  # fmt: skip
        return self.trim(words[:best])

    def _render(self, words: list[int], *, headline: bool) -> str:
        toks = self.toks
        forced = getattr(self, "forced_verb", None)
        participle = getattr(self, "participle", None)
        passive = getattr(self, "participle_passive", None)
        out: list[str] = []
        subject_at: list[int] = []
        previous_end: int | None = None
        verb_done = False
        pending: str | None = None
        subject: list[_Tok] = []
        for pos, i in enumerate(words):
            tok = toks[i]
            text = self.name_for.get(i, tok.text)
            if tok.text in _QUOTES:
                continue
            if headline and tok.low in _ARTICLES and not (tok.is_name and pos):
                if not verb_done:
                    subject.append(tok)
                continue
            if headline and pending == "present":
                pending = None
                base = _verb_base(tok, None)
                if base is not None:
                    text = present(base, _plural(subject))
            elif headline and not verb_done and i == passive:
                verb_done = True  # "services slashed back": the participle stays
            elif headline and not verb_done and i == participle:
                verb_done = True
                base = ing_base(tok.low)
                if base is not None:
                    text = present(base, _plural(subject))
            elif headline and not verb_done:
                if (forced is not None and i == forced) or (
                    forced is None and pos > 0 and _is_verb(toks, i)
                    and not (tok.low in vocab.REPORTING_VERBS and pos + 1 < len(words)
                             and toks[words[pos + 1]].low == _BY)
                ):  # fmt: skip
                    verb_done = True
                    if len(subject_at) == 1 and toks[subject_at[0]].low in _SUBJECT_PRONOUNS \
                            and subject_at[0] not in self.name_for:  # fmt: skip
                        pass  # "It was sent to the Minister": a bare pronoun keeps the tense
                    else:
                        nxt = toks[words[pos + 1]] if pos + 1 < len(words) else None
                        written, pending = _headline_verb(tok, nxt, _plural(subject))
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


def _headline_verb(tok: _Tok, nxt: _Tok | None, plural: bool) -> tuple[str | None, str | None]:
    """A verb in headline form: the past in the present ("fell" -> "falls"), a passive
    without its auxiliary ("was killed" -> "killed"), a perfect in the present ("has died" ->
    "dies"). Returns the word to write (None: leave it out) and what to do with the next word
    ("present": write it in the present tense)."""
    low = tok.low
    participle = nxt is not None and _verb_base(nxt, None) is not None
    if low in _PASSIVE_AUX and participle:
        return None, None
    if low in _PERFECT_AUX and participle:
        return None, "present"
    if low in ("was", "were"):
        return ("are" if plural else "is"), None
    if low in _AUXILIARIES:
        return tok.text, None
    base = _verb_base(tok, None)
    if base is None:
        return tok.text, None
    if nxt is not None and nxt.low == _BY:
        return tok.text, None  # a passive participle: "launched by the French"
    return present(base, plural), None


def _keeps_capital(text: str) -> bool:
    """Whether the first word must keep its case (an acronym like "iPhone" or "eBay")."""
    first = text.split(" ", 1)[0]
    return len(first) > 1 and first[0].islower() and any(c.isupper() for c in first[1:])


def _capitalised(text: str) -> str:
    return text if _keeps_capital(text) else text[:1].upper() + text[1:]


_NAME_BEFORE_VERB = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*,?\s+(?:[a-z]+\s+){0,1}?"
    r"(?:was|is|has|had|said|says|told|\w+ed)\b"
)
_ORGANISATION_WORDS = frozenset(
    "inc corp co ltd company government council ministry department agency party".split()
)


def _named_subject(sentence: str) -> str | None:
    """The person a sentence plainly speaks of: the run of one to four capitalised words
    right before its first verb ("Yesterday New York governor George Pataki toured …" ->
    "George Pataki"). None when that run is a date, a determiner or an organisation."""
    for match in _NAME_BEFORE_VERB.finditer(sentence):
        name = match.group(1)
        parts = name.split()
        first = parts[0].lower().strip("`'\"“‘(")
        if first in _EDGE or first in _DETERMINERS or first in _LEADING_JUNK:
            if len(parts) == 1:
                return None
            parts = parts[1:]
            name = " ".join(parts)
        folded = [p.lower().strip(".,") for p in parts]
        if any(p in date_vocab.MONTHS or p in date_vocab.WEEKDAYS for p in folded):
            continue
        if any(p in date_vocab.RELATIVE_DAYS for p in folded) and len(parts) == 1:
            continue
        if folded[-1] in _ORGANISATION_WORDS or folded[0] in STOPWORDS:
            return None
        return name
    return None
