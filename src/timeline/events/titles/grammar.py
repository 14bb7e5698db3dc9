"""The words of titles: tokens, the tables of little words, verbs and their headline forms.

Every table is lower case; nothing here names a particular document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...sentences import ABBREVIATIONS
from ...tagger import vocab as date_vocab
from .. import vocab
from ..words import STOPWORDS, base_form, ing_base, participle_base, present

#: The title of a mention that stands alone, such as a heading.
DATE_ONLY_TITLE = "Date on a line of its own"
#: A title's length: it ends at the last phrase boundary within this many words.
MAX_WORDS = 14
#: A title this short takes in the participle clause that follows ("…, launching an attack").
SHORT_WORDS = 5
TOKEN = re.compile(
    r"``|''|--+|\d+(?:-[^\W\d_]+)+(?![\w-])"  # "6-year-old", "30-day": one word
    r"|[$£€¥]?(?:[A-Z]{1,3}\$)?\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|s)?"
    r"|\w+(?:[.'’\-&]\w+)*\.?|[^\w\s]"
)
#: Tokens that end a segment.
BREAKS = frozenset({",", ";", ":", "(", ")", "[", "]", "--", "—", "–", "-", "|", "!", "?"})
#: Quotation marks and markup: left out of titles, and no break.
QUOTES = frozenset({'"', "“", "”", "``", "''", "‘", "’", "'", "`", "*", "**", "_", "#"})
ARTICLES = frozenset({"the", "a", "an"})
#: Prepositions and other little words that do not end or start a title.
PREPOSITIONS = frozenset(
    """
    in on at by since until till from to during of for between around about through
    throughout up over into onto than per via among amid despite against within without
    after before with under near toward towards across along beyond beside behind out
    following
    """.split()
)
EDGE = PREPOSITIONS | frozenset(
    """
    and or but as this that which when while who whom whose the a an then so also yet because
    although though if once where whereas including
    """.split()
)
LEADING_JUNK = frozenset(
    """
    and but or so then also however meanwhile yet still thus hence moreover furthermore
    finally later earlier ironically instead indeed nevertheless nonetheless besides
    additionally separately elsewhere overall similarly now
    """.split()
)
#: Words that open a subordinate clause.
SUBORDINATORS = frozenset(
    "when after before as while because although though since if once until till whereas "
    "unless whether where".split()
)
RELATIVES = frozenset({"who", "which", "whom", "whose", "that", "where"})
AUXILIARIES = frozenset(
    "was were is are am be been being has have had having will would shall should can could "
    "may might must do does did".split()
)
#: Adverbs that may stand between a subject and its verb, or open a clause before its verb.
ADVERBS = frozenset(
    """
    also then finally eventually later soon just only still again already never once
    subsequently thereafter immediately quickly initially first originally officially
    formally reportedly apparently allegedly successfully briefly partly largely
    """.split()
)
#: Words that, right before a removed date phrase, go with it: "well into the 1950s".
DATE_MODIFIERS = frozenset(
    "well just shortly soon long right immediately only even nearly almost approximately "
    "sometime some late early".split()
)
#: Participles that name or describe rather than tell: "a law named for him".
NAMING = frozenset({"named", "known", "called", "dubbed", "nicknamed", "titled", "entitled"})
#: Nouns of periods: "the quarter ended Sept. 30", "for the year ending in March".
PERIODS = frozenset("quarter year month week period half season term semester".split())
#: Plural nouns that do not end in -s.
PLURAL_NOUNS = frozenset(
    "people police men women children troops staff personnel cattle clergy crew "
    "most many some all both several few".split()
)
#: Last words of an organisation's name: singular, whatever "and" it holds.
ORGANISATION_HEADS = frozenset(
    """
    service commission committee department agency corporation company party council board
    bureau association union organization organisation institute authority administration
    court ministry office group bank fund foundation society league alliance
    """.split()
)
#: Conjunctions that end a title after its verb: what follows is another clause.
CLAUSE_ENDS = frozenset({"although", "though", "because", "whereas", "while", "unless"})
PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
PERFECT_AUX = frozenset({"has", "have", "had", "having"})
#: Prepositions of a setting: a date in such a phrase dates the clause it opens or closes
#: ("In composite trading Friday, shares leaped"); other prepositions ("despite the fall of
#: Bilbao in June") lead a happening of their own.
SETTING = frozenset("in on at during by within throughout over around from as with for".split())
#: Words that only say when: a segment of nothing else is a date's apposition.
TIME_WORDS = frozenset(
    """
    time times occasion day days moment year years week weeks month months period first last
    second third fourth fifth sixth seventh eighth ninth tenth next same previous following
    final latest earliest
    """.split()
)
#: Verbs of states: a date on their clause times a state, not a happening.
STATIVE_VERBS = frozenset(
    "live lived lives remain remained remains stay stayed stays belong belonged belongs "
    "exist existed exists reside resided resides".split()
)
#: Particles that stay after their verb at the end of a title: "crossed out", "set up".
PARTICLES = frozenset("out up off down back away over on in".split())
PRONOUNS = frozenset({"he", "she"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which"})
PLURAL_PRONOUNS = frozenset({"they", "we", "you", "i"})
#: Words ending in -ed that are adjectives or nouns, not verbs.
NOT_VERBS = frozenset(
    """
    alleged armed united limited red bed need speed seed feed deed hundred kindred sacred
    naked wicked rugged ragged beloved aged learned skilled talented wounded injured dead
    based related detailed advanced so-called wed shed sled bred fled-from indeed
    """.split()
)
DETERMINERS = frozenset(
    "the a an this that these those its his her their our my your some any every each no "
    "another".split()
)
#: Verbs that report speech with no object of their own: "X said Friday".
SAYING = frozenset("say says said tell tells told add adds added".split())
#: Words that carry a reduced passive's agent: "announced Wednesday by the commissioner".
BY = "by"
#: What continues a happening with another subject: "followed by Barcelona".
GAPPING = ("followed by", "then", "and then", "and", "as did", "as well as")


#: Words that are never verbs: a token among them is passed over at once.
NEVER_VERBS = (PREPOSITIONS | DETERMINERS | ARTICLES | RELATIVES | SUBORDINATORS) - AUXILIARIES - {
    "that"
} | frozenset({"and", "or", "but", "not", "he", "she", "it", "they", "we", "i", "you"})


@dataclass(frozen=True)
class Headline:
    """A title, and what it tells of the happening: the stem of its verb when one was found
    (``action``), and whether its clause tells a state rather than a happening (``state``:
    "were still under Soviet rule", "lived in London")."""

    text: str
    action: str | None = None
    state: bool = False


class Tok:
    """A token of a sentence: its text, its place, and what is read of it once (lower case,
    whether it is a word or a capitalised name, and whether it reads as a verb there)."""

    __slots__ = ("text", "start", "end", "low", "is_word", "is_name", "is_break", "_verb")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low = text.lower().replace("’", "'")
        first = text[:1]
        self.is_word = first.isalnum() or first in "$£€¥"
        self.is_name = first.isupper()
        self.is_break = text in BREAKS
        self._verb: bool | None = None

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


#: Sentences up to this long are remembered by their text (most sentences of a document
#: with several date phrases are read once); longer ones are not (hashing them would cost).
CACHED_SENTENCE = 2000


def tokens(text: str) -> tuple[Tok, ...]:
    """The tokens of a sentence (offsets within ``text``), read once for all its date
    phrases: they are shared, and read-only."""
    if len(text) <= CACHED_SENTENCE:
        return _cached_tokens(text)
    return read_tokens(text)


@lru_cache(maxsize=2048)
def _cached_tokens(text: str) -> tuple[Tok, ...]:
    return read_tokens(text)


def read_tokens(text: str) -> tuple[Tok, ...]:
    """The tokens of ``text``: words (a trailing full stop kept by abbreviations and
    initials, "'s" apart), numbers whole ("1,800", "$92.2"), and each mark alone."""
    found = []
    for match in TOKEN.finditer(text):
        word = match.group()
        start, end = match.start(), match.end()
        # A trailing full stop belongs to an abbreviation or an initial, not to a plain word.
        if word.endswith(".") and len(word) > 1:
            core = word[:-1]
            if not (
                core.lower() in ABBREVIATIONS or "." in core or (len(core) == 1 and core.isalpha())
            ):
                found.append(Tok(core, start, end - 1))
                found.append(Tok(".", end - 1, end))
                continue
        if word[-2:].lower() in ("'s", "’s") and len(word) > 2:
            found.append(Tok(word[:-2], start, end - 2))
            found.append(Tok(word[-2:], end - 2, end))
            continue
        found.append(Tok(word, start, end))
    return tuple(found)


def verb_at(toks: Sequence[Tok], i: int) -> bool:
    """Whether ``toks[i]`` reads as a verb (see :func:`is_verb`), read once per token."""
    tok = toks[i]
    known = tok._verb
    if known is None:
        known = tok._verb = is_verb(toks, i)
    return known


# --------------------------------------------------------------------------- words
def verb_base(tok: Tok, previous: Tok | None) -> str | None:
    """The base form of ``tok`` when it reads as a verb in the past tense (or a participle)."""
    if not tok.text.isalpha() or tok.is_name or tok.low in NOT_VERBS:
        return None
    if previous is not None and previous.low in DETERMINERS:
        return None  # "the alleged", "an armed": adjectives
    if tok.low == "born":
        return "bear"
    return base_form(tok.low)


def is_verb(toks: Sequence[Tok], i: int) -> bool:
    """Whether ``toks[i]`` reads as a finite verb (or an auxiliary): not a participle that
    names or describes ("a law named for him", "announced by the agency"), not a noun that
    looks like a verb ("secretary of state", "the report")."""
    tok = toks[i]
    if not tok.is_word or tok.low in NEVER_VERBS:
        return False
    previous = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if tok.low in AUXILIARIES:
        return tok.low != "having" or (nxt is not None and base_form(nxt.low) is not None)
    if previous is not None and (
        previous.low in DETERMINERS - {"that", "this"} or previous.low == "of"
    ):
        return False
    if (
        nxt is not None
        and nxt.low == "by"
        and (previous is None or (previous.low not in AUXILIARIES and previous.low not in ADVERBS))
    ):
        return False  # "the decision, announced by …", "followed by": a participle
    if tok.low in NAMING and nxt is not None and (nxt.low in PREPOSITIONS or nxt.low == "as"):
        return False
    if tok.low in ("ended", "ending", "ends") and previous is not None and previous.low in PERIODS:
        return False  # "the quarter ended Sept. 30": the period, not a happening
    if (
        previous is not None
        and previous.low in SUBJECT_PRONOUNS - {"who", "which", "it", "you"}
        and tok.text.isalpha()
        and tok.text.islower()
        and tok.low not in EDGE | ADVERBS | DETERMINERS | {"not", "all", "both", "each"}
    ):
        return True  # "we take", "they say": a verb in the present after its pronoun
    if tok.low in vocab.REPORTING_VERBS and not tok.is_name:
        if tok.low in vocab.REPORTING_NOUNS:
            # "her published report", "the Inquiry report was", "the secretary of state":
            # nouns; "he reported", "Smith states": verbs.
            if nxt is not None and (nxt.low in AUXILIARIES or base_form(nxt.low) is not None):
                return False
            return previous is not None and (
                previous.is_name
                or previous.low in SUBJECT_PRONOUNS
                or previous.low in AUXILIARIES
                or previous.low in ADVERBS
            )
        return True
    return verb_base(tok, previous) is not None


def find_verb(toks: Sequence[Tok], indexes: Sequence[int]) -> int | None:
    """The position in ``indexes`` of the first verb: an auxiliary or a past-tense word."""
    for pos, i in enumerate(indexes):
        if verb_at(toks, i):
            return pos
    return None


def verb_first(toks: Sequence[Tok], indexes: Sequence[int]) -> bool:
    """Whether the words start with their verb, adverbs aside ("finally fell")."""
    at = find_verb(toks, indexes)
    return at is not None and all(toks[i].low in ADVERBS for i in indexes[:at])


def plural(subject: Sequence[Tok], before: Tok | None = None) -> bool:
    """Whether a subject is plural: joined by "and" (unless it is one organisation's name),
    or its head noun (the last word before "of" or another preposition) is plural. Only the
    words after the last conjunction or relative pronoun count ("… when I joined")."""
    start = max(
        (k + 1 for k, t in enumerate(subject) if t.low in SUBORDINATORS or t.low in RELATIVES),
        default=0,
    )
    words = [t for t in subject[start:] if t.is_word and t.low not in ADVERBS]
    if not words:
        return False
    head = next((k for k, t in enumerate(words) if k and t.low in PREPOSITIONS), len(words))
    words = words[:head]
    if words[-1].low in ORGANISATION_HEADS and words[-1].is_name:
        return False
    if any(t.low == "and" for t in words):
        return True
    last = words[-1]
    if last.low in PLURAL_PRONOUNS or last.low in PLURAL_NOUNS:
        return True
    if last.is_name and last.start > 0:  # a capital that only starts the sentence is no name
        earlier = words[-2].low if len(words) > 1 else (before.low if before else "")
        return last.low.endswith(("ans", "ists", "ites", "ers", "ards", "ics", "ies", "ats")) or (
            earlier == "the" and last.low.endswith("s") and not last.low.endswith("ss")
        )
    return last.low.endswith("s") and not last.low.endswith(("ss", "us", "is", "ics", "news"))


def headline_verb(tok: Tok, nxt: Tok | None, plural: bool) -> tuple[str | None, str | None]:
    """A verb in headline form: the past in the present ("fell" -> "falls"), a passive
    without its auxiliary ("was killed" -> "killed"), a perfect in the present ("has died" ->
    "dies"). Returns the word to write (None: leave it out) and what to do with the next word
    ("present": write it in the present tense)."""
    low = tok.low
    participle = nxt is not None and verb_base(nxt, None) is not None
    if low in PASSIVE_AUX and participle:
        return None, None
    if low in PERFECT_AUX and participle:
        return None, "present"
    if low in ("was", "were"):
        return tok.text, None  # a state keeps its tense: "was cabinet member until 2018"
    if low in AUXILIARIES:
        return tok.text, None
    base = verb_base(tok, None)
    if base is None:
        return tok.text, None
    if nxt is not None and nxt.low == BY:
        return tok.text, None  # a passive participle: "launched by the French"
    return present(base, plural), None


def keeps_capital(text: str) -> bool:
    """Whether the first word must keep its case (an acronym like "iPhone" or "eBay")."""
    first = text.split(" ", 1)[0]
    return len(first) > 1 and first[0].islower() and any(c.isupper() for c in first[1:])


def capitalised(text: str) -> str:
    return text if keeps_capital(text) else text[:1].upper() + text[1:]


ORGANISATION_WORDS = frozenset(
    "inc corp co ltd company government council ministry department agency party".split()
)
#: Little words inside a person's name: "Charles de Gaulle", "Ludwig van Beethoven".
NAME_PARTICLES = frozenset("de du da di van von der den la le bin al ibn es".split())


def named_subject(sentence: str) -> str | None:
    """The person a sentence plainly speaks of: the run of capitalised words (with their
    particles: "de", "van") right before its first verb ("Yesterday New York governor
    George Pataki toured …" -> "George Pataki"; "General de Lattre fell ill" -> "General de
    Lattre"). None when that run is a date, a determiner, an organisation, or a capital that
    only starts the sentence ("Shipping lines diverted …")."""
    toks = tokens(sentence)
    at = next((i for i in range(len(toks)) if verb_at(toks, i)), None)
    if at is None or at == 0 or toks[at].low in ("are", "were", "have"):
        return None  # no verb, or a plural subject ("Ships were diverted"): not one person
    k = at
    while k > 0 and toks[k - 1].low in ADVERBS:
        k -= 1
    run: list[Tok] = []
    j = k - 1
    while j >= 0 and (toks[j].is_name or (run and toks[j].low in NAME_PARTICLES)):
        if not toks[j].text[:1].isalpha():
            break
        run.insert(0, toks[j])
        j -= 1
    while run and run[0].low in NAME_PARTICLES:
        run.pop(0)
    if not run:
        return None
    folded = [t.low.strip(".,") for t in run]
    if folded[0] in EDGE or folded[0] in DETERMINERS or folded[0] in LEADING_JUNK:
        run, folded = run[1:], folded[1:]
        if not run:
            return None
    if any(p in date_vocab.MONTHS or p in date_vocab.WEEKDAYS for p in folded):
        return None
    if len(run) == 1 and folded[0] in date_vocab.RELATIVE_DAYS:
        return None
    if folded[-1] in ORGANISATION_WORDS or folded[0] in STOPWORDS:
        return None
    return " ".join(t.text for t in run)


#: Nouns of a person's role or office: "the harbour master said …; he expects …".
PERSON_ROLES = frozenset(
    """
    master minister spokesman spokeswoman spokesperson mayor chairman chairwoman president
    secretary director chief manager officer official commissioner governor judge senator
    leader commander general ambassador councillor councilor inspector prosecutor attorney
    captain colonel king queen prince princess bishop priest doctor teacher coach owner
    founder chancellor premier executive engineer architect author witness suspect
    defendant driver pilot headteacher headmaster headmistress principal superintendent
    """.split()
)


def role_subject(sentence: str) -> str | None:
    """The person a sentence speaks of by role: "the harbour master" as the subject of its
    first verb ("The harbour master said …"), else as the one who says it ("…, the harbour
    master said on Tuesday") -> "harbour master". None unless that subject is "the", up to
    three words, and a noun of :data:`PERSON_ROLES`."""
    toks = tokens(sentence)
    at = next((i for i in range(len(toks)) if verb_at(toks, i)), None)
    if at is None:
        return None
    found = _role_before(toks, at, opening=True)
    if found is None:
        speakers = {
            role
            for i in range(at + 1, len(toks))
            if toks[i].low in SAYING and (role := _role_before(toks, i, opening=False))
        }
        found = speakers.pop() if len(speakers) == 1 else None
    return found


def _role_before(toks: Sequence[Tok], at: int, *, opening: bool) -> str | None:
    """ "the … <role>" right before the verb at ``at`` (adverbs between), opening the
    sentence (``opening``) or after a comma."""
    k = at
    while k > 0 and toks[k - 1].low in ADVERBS:
        k -= 1
    start = next((i for i in range(max(k - 4, 0), k) if toks[i].low == "the"), None)
    if start is None or k - start < 2:
        return None
    words = toks[start + 1 : k]
    if not all(t.is_word and t.text.isalpha() for t in words):
        return None
    if words[-1].low not in PERSON_ROLES:
        return None
    if opening:
        if any(toks[i].is_word and not toks[i].is_name for i in range(start)):
            return None  # "the" must open the clause (or follow a name or a date)
    elif start == 0 or toks[start - 1].text != ",":
        return None
    return " ".join(t.text for t in words)


def stative(toks: Sequence[Tok], words: Sequence[int]) -> bool:
    """Whether the clause of ``words`` tells a state: its verb is "be" with no participle
    after it ("were still under Soviet rule", "was the cabinet member"), or a verb of states
    ("lived in London"), or comes with "still"."""
    at = find_verb(toks, words)
    if at is None:
        return False
    verb = toks[words[at]].low
    rest = [toks[i] for i in words[at + 1 : at + 4]]
    if any(t.low == "still" for t in rest[:2]):
        return True
    if verb in STATIVE_VERBS:
        return True
    if verb not in ("was", "were", "is", "are", "been"):
        return False
    following = [t for t in rest if t.low not in ADVERBS and t.low not in ("not", "never")]
    if not following:
        return False
    nxt = following[0]
    return verb_base(nxt, None) is None and not nxt.low.endswith("ing") and nxt.low != "to"


def participle_of(tok: Tok) -> str | None:
    """The base form of ``tok`` when it is a past participle ("cut", "published")."""
    return participle_base(tok.low)


def gerund_of(tok: Tok) -> str | None:
    """The base form of ``tok`` when it is an -ing participle ("touring" -> "tour")."""
    return ing_base(tok.low)
