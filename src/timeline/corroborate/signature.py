"""Who did what, at the date a phrase gives: the *signature* of a dated mention.

Two reports tell of one happening when their dates agree and they name the same actors
doing the same thing, not when they merely share words. Without a parser, this module reads
the sentence by rules:

1. **The scope of the date phrase**: the clause it belongs to. The sentence is cut at strong
   marks (semicolons, colons, dashes, quotation marks; an aside in brackets is left out) into
   sections, and each section at commas and before words that open a clause ("who", "which",
   "when", "after", "because", "that" ...) into pieces. The phrase's scope is its piece with
   the plain pieces next to it (a list, an apposition), never a clause that opens on its own:
   in "Thirteen days after the bombings in Nairobi, U.S. forces Thursday launched strikes",
   "Thursday" dates the strikes, not the bombings. "1968, when the Soviets invaded" takes the
   clause after "when"; a relative clause takes the name before its pronoun as subject; "said
   Friday that ..." takes what was said. Where one piece holds two date phrases, each word
   goes to the nearer one ("Greece in 1952, Germany in 1955 and Spain in 1982").
2. **Names** (the actors and places): words written with a capital inside the sentence that
   the documents mostly write so, joined into names ("Dar es Salaam", "Bank of England").
   Titles and designators ("President", "Minister", "County", "Co.") belong to many names and
   are not compared; "North Atlantic Treaty Organization" also answers to "NATO", "Kenyan" to
   "Kenya".
3. **Actions and objects**: the other content words by their stems ("bombings", "bombed" ->
   ``bomb``), verbs of one kind of happening made one ("invaded", "occupation"; see
   :data:`.vocab.ACTION_KINDS`). A word is an *action* when it reads as a verb or names a
   happening (a past or -ing form, after "to" or an auxiliary, in a kind, right after a date
   used as an adjective: "the August 7 bombings"); verbs that only report ("said") or carry
   another word's meaning ("became", "took") are neither.

Each name, action and object carries its weight in the documents read (see
:class:`.words.TermIndex`): a word every sentence uses weighs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from .vocab import (
    ACTION_KINDS,
    AUXILIARIES,
    CLAUSE_OPENERS,
    COMPASS,
    DATE_WORDS,
    DESIGNATORS,
    FORM_KINDS,
    IRREGULAR,
    LIGHT_VERBS,
    NAME_CONNECTORS,
    ORGANISATIONS,
    PREPOSITIONS,
    RELATIVES,
    REPORTING,
    SPEECH_ACTS,
    STOPWORDS,
    THEN_OPENERS,
    TITLES,
)
from .words import TermIndex, fold, is_abbreviation, is_word, opens_after, tokens

__all__ = ["Signature", "Reader", "lemma", "stem"]

#: Marks that end a section: a scope never crosses one.
HARD_MARKS = frozenset(";:\"“”‘’'`()[]_—–-") | {"--", "``", "''"}
#: Words that join two coordinated parts: after a date and one of these, the words belong to
#: the next date ("Germany in 1955 and Spain in 1982").
COORDINATORS = frozenset({"and", "or", "but", "then", ","})
#: Words that open a clause only before a clause: "until 1989" and "after the war" are no
#: clause of their own; "after touring the capital" and "after he left" are.
PREPOSITION_OPENERS = frozenset("after before until till since once".split())
#: Nouns in -ing that are no verb.
ING_NOUNS = frozenset(
    """
    thing nothing something anything everything morning evening king ring spring string wing
    building ceiling during according including following sibling darling wedding bring
    """.split()
)
#: Words after which the next is a verb in its plain form: "to open", "will open".
INFINITIVE_MARKS = frozenset(
    "to will would shall should may might must can could did does do".split()
)
#: How surely a word reads as an action: a verb's form, a word of a kind of happening, or
#: only a word in -ing or -tion ("trading", "the reunification").
VERB, STRONG, WEAK = 3, 2, 1
#: Prefixes of adjectives: "anti-abortion" qualifies, it tells no action.
ADJECTIVE_PREFIXES = ("anti-", "pro-", "non-", "pre-", "post-", "ex-", "self-")
_Value = TypeVar("_Value")
#: One empty mapping for every signature that has nothing of a kind.
EMPTY: Mapping[str, Any] = MappingProxyType({})
#: Words that stand for an actor without naming one.
PRONOUNS = frozenset("he she they it we i you his her their its our my".split())
#: Words that open a noun phrase: the word before one, after a noun, is a verb.
DETERMINERS = frozenset("the a an his her their its this these those our my your".split())
#: Words before a date phrase used as an adjective: "the 1998 Olympics", "its 1949 founding".
ADJECTIVE_LEADS = frozenset("the a an this that its his her their our".split())
#: The longest noun phrase read after such a date phrase, in words.
NOUN_PHRASE_WORDS = 6
#: How far a word like "since" looks for a verb, to open a clause before a name.
CLAUSE_LOOKAHEAD = 4
#: How many words may stand between a preposition and the name it governs.
PREPOSITION_REACH = 3
#: The shortest acronym a name in full answers to ("FBI" for the Federal Bureau of ...).
MIN_ACRONYM = 2
#: Endings of adjectives of place: "Kenyan" -> "Kenya", "Sudanese" -> "Sudan".
DEMONYM_ENDINGS = (
    ("ian", "ia"), ("an", "a"), ("an", "any"), ("ese", ""), ("ese", "a"), ("i", ""),
)  # fmt: skip


def stem(word: str) -> str:
    """A crude stem, the same for a verb's forms and its -ing noun: "bombings", "bombed",
    "bomb" -> ``bomb``; "invaded", "invade" -> ``invad``; "occupied" -> ``occupy``."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ings"):
        w = w[:-4]
    elif len(w) > 5 and w.endswith("ing") and w not in ING_NOUNS:
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeioulsz":
        w = w[:-1]  # "gunned" -> "gun", "stopped" -> "stop"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def lemma(word: str) -> str:
    """The stem of a word, irregular verb forms first made regular ("fled" -> ``flee``)."""
    lowered = word.lower().replace("’", "'")
    return stem(IRREGULAR.get(lowered, lowered))


KIND_OF = {stem(word): kind for kind, forms in ACTION_KINDS.items() for word in forms}
SPEECH_STEMS = frozenset(stem(word) for word in SPEECH_ACTS)


def action_key(word: str) -> str:
    """The key two words of one action share: the kind of happening, else the lemma."""
    lowered = word.lower().replace("’", "'")
    kind = FORM_KINDS.get(lowered) or KIND_OF.get(lemma(lowered))
    return f"~{kind}" if kind else lemma(lowered)


@dataclass(frozen=True, slots=True)
class Signature:
    """The actors, action and objects of the happening a date phrase dates."""

    #: Name key -> its weight. Keys are folded words of names, acronyms, places of adjectives.
    names: Mapping[str, float] = field(default_factory=dict)
    #: Acronyms made of a name in full ("nato"), met only by an acronym written as such.
    acronyms: frozenset[str] = frozenset()
    #: Name keys read from another ("kenya" from "Kenyan") -> the key they come from.
    aliases: Mapping[str, str] = field(default_factory=dict)
    #: Name keys found in many of the documents read: no sign of one happening on their own.
    weak: frozenset[str] = frozenset()
    #: Name keys of a people or a place's adjective ("Iraqi", "German"), when the documents
    #: name the place: an actor too broad to tell one happening on its own.
    demonyms: frozenset[str] = frozenset()
    actions: Mapping[str, float] = field(default_factory=dict)
    objects: Mapping[str, float] = field(default_factory=dict)
    #: Name keys in the phrase's own piece of the sentence (for lists: "Spain in 1982").
    local: frozenset[str] = frozenset()
    #: Name keys of the first name of the phrase's own clause, before any action: its actor.
    subject: frozenset[str] = frozenset()
    #: Names the phrase dates as a happening in themselves ("Friday's Kestrel Report").
    events: frozenset[str] = frozenset()
    #: Keys read only in what was said ("said Friday that the raid ..."): the phrase dates the
    #: saying, so they tell what it is about, not when that happened.
    told: frozenset[str] = frozenset()
    #: Name keys met only after a preposition: a place or a circumstance ("in composite
    #: trading on the New York Stock Exchange"), not an actor or an object.
    framed: frozenset[str] = frozenset()
    #: Action keys read surely as actions (a verb's form, a kind of happening).
    strong: frozenset[str] = frozenset()
    #: Action keys of the verbs of the phrase's own clause: what its actor did.
    verbs: frozenset[str] = frozenset()
    #: Name key -> the number of the name it is part of ("Saddam Hussein" is one name).
    unit_of: Mapping[str, int] = field(default_factory=dict)
    #: True when the phrase dates a noun ("the August 7 bombings"): that noun is the happening.
    nominal: bool = False
    #: Key -> the word it was read from, for showing.
    surface: Mapping[str, str] = field(default_factory=dict)

    def show(self, key: str) -> str:
        return self.surface.get(key, key)

    def shared_names(self, other: Signature) -> dict[str, float]:
        """Names both give (a place and its adjective once), with their weights."""
        found = {k: min(w, other.names[k]) for k, w in self.names.items() if k in other.names}
        for key in (self.acronyms & other.names.keys()) | (other.acronyms & self.names.keys()):
            found[key] = max(self.names.get(key, 0.0), other.names.get(key, 0.0))
        for key in list(found):
            source = self.aliases.get(key) or other.aliases.get(key)
            if source is not None and source in found:
                del found[key]  # "Kenyan" in both: one name, not two
            elif (
                self._points(key)
                and other._points(key)
                and not (self._points(key) & other._points(key))
            ):
                del found[key]  # "South Africa" is not "East Africa"
        return {k: w for k, w in found.items() if w > 0}

    def _points(self, key: str) -> set[str]:
        return {k.split(":")[0] for k, source in self.aliases.items() if ":" in k and source == key}

    def specific(self, other: Signature, names: Mapping[str, float]) -> bool:
        """True when one of ``names`` (shared with ``other``) is neither widespread nor a
        people ("Canadian"): it tells someone or something in particular."""
        broad = self.weak | other.weak | self.demonyms | other.demonyms
        return any(k not in broad for k in names)

    def other_actors(self, other: Signature) -> bool:
        """True when one names its actor, in particular, and the other does not name it at
        all while naming none or another in particular ("Intelogic shares rose" and "Upjohn
        shares rose"; "the projection sent Anheuser shares plunging"). A people ("Russian
        troops") may be another's "Soviets": no sign either way."""
        for one, two in ((self, other), (other, self)):
            actors = one.actors
            if not actors or actors & (two.names.keys() | two.acronyms):
                continue
            if one.acronyms & two.names.keys() or one.shared_names(two).keys() & actors:
                continue
            if two.actors or not two.subject:
                return True
        return False

    @property
    def actors(self) -> frozenset[str]:
        """The subject's names that tell someone in particular."""
        return self.subject - self.weak - self.demonyms

    def count_names(self, names: Iterable[str]) -> int:
        """How many names ``names`` are: keys of one name ("saddam", "hussein") count once."""
        return len({self.unit_of.get(k, k) for k in names})

    def shared_actions(self, other: Signature) -> dict[str, float]:
        """Actions both tell, read as an action in one of them at least ("the report of
        September", "reported in September")."""
        both = _shared(self.actions, other.actions)
        both.update(_shared(self.objects, other.actions))
        both.update(_shared(self.actions, other.objects))
        return both

    def shared_objects(self, other: Signature) -> dict[str, float]:
        return _shared(self.objects, other.objects)

    def names_the_event_of(self, other: Signature) -> bool:
        """True when one dates a named happening ("Monday's Kestrel Report") the other names."""
        return bool(self.events & other.names.keys() or other.events & self.names.keys())


def _shared(a: Mapping[str, float], b: Mapping[str, float]) -> dict[str, float]:
    found = {k: min(w, b[k]) for k, w in a.items() if k in b}
    return {k: w for k, w in found.items() if w > 0}


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    date: int  # index of the date phrase it is part of, -1 for none
    n: int  # its place in the sentence: names do not run across a gap (a comma, an aside)

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")


class Reader:
    """Signatures of date phrases in sentences, with the rarity of words in the documents."""

    def __init__(self, index: TermIndex) -> None:
        self.index = index
        #: Every set and mapping the signatures read so far hold, once each: a collection's
        #: signatures repeat the same few (most sets are empty), and a set or mapping of a
        #: few words takes hundreds of bytes.
        self._held: dict[tuple[object, ...], Any] = {}

    def _set(self, words: Iterable[str]) -> frozenset[str]:
        """The words as a set, the one held equal to it with its words in the same order (so
        that nothing read from it can tell them apart) when there is one."""
        value = frozenset(words)
        held: frozenset[str] = self._held.setdefault((frozenset, *value), value)
        return held

    def _map(self, value: dict[str, _Value]) -> Mapping[str, _Value]:
        """The mapping, or the one held equal to it with its items in the same order."""
        if not value:
            return EMPTY
        held: Mapping[str, _Value] = self._held.setdefault((dict, *value.items()), value)
        return held

    def signature(
        self, sentence: str, span: tuple[int, int], others: Iterable[tuple[int, int]] = ()
    ) -> Signature:
        """The signature of the date phrase at ``span`` in ``sentence``; ``others`` are the
        spans of the sentence's other date phrases (offsets in the sentence)."""
        spans = tuple(sorted({s for s in others if s != span and s[0] < s[1]}))
        return self._read(sentence, span, spans)

    # ----------------------------------------------------------------- the scope

    def _read(
        self, sentence: str, span: tuple[int, int], others: tuple[tuple[int, int], ...]
    ) -> Signature:
        phrases = [span, *(o for o in others if not _overlap(o, span))]
        toks = []
        for number, match in enumerate(tokens(sentence)):
            start, end = match.span()
            owner = next((n for n, p in enumerate(phrases) if start < p[1] and p[0] < end), -1)
            toks.append(_Token(start, end, match.group(), owner, number))
        if not any(t.date == 0 for t in toks):
            return Signature()
        toks = _without_asides(toks)
        section = _section(toks)
        pieces = _pieces(section)
        phrase = _noun_phrase(section)
        if phrase is not None:
            # "the August 7 bombings in east Africa": the date dates the noun it qualifies.
            return self._signature(section, phrase, phrase, pieces, named=True)
        chosen, then, told = _scope(section, pieces)
        mine = _nearest(section, chosen, pieces)
        own = next(p for p in pieces if any(section[i].date == 0 for i in range(p[0], p[1])))
        local = then or [i for i in mine if own[0] <= i < own[1]]
        if not then and not _has_content(section, local):
            # "In 2007, tensions rose": the phrase opens the clause it dates; "..., a year
            # ago." closes it.
            first = pieces.index(own) == 0
            local = _next_piece(section, pieces, own, mine, after_only=True) if first else mine
        elif not then and section[own[0]].lower in PREPOSITIONS:
            # "In composite trading yesterday, Intelogic shares rose": and its clause.
            local = local + _next_piece(section, pieces, own, mine, after_only=True)
        return self._signature(section, mine, local, pieces, told=set(told))

    # ----------------------------------------------------------------- the words

    def _signature(
        self,
        section: list[_Token],
        mine: list[int],
        local_positions: list[int],
        pieces: list[tuple[int, int, str | None]],
        *,
        named: bool = False,
        told: set[int] | frozenset[int] = frozenset(),
    ) -> Signature:
        """The signature of the words at ``mine``; names at ``local_positions`` are the
        phrase's own; with ``named``, a name right after the phrase is the happening; words
        at ``told`` are what was said (the phrase dates the saying, not them)."""
        said: set[str] = set()
        unsaid: set[str] = set()
        speech = next(
            (i for i in mine if section[i].date < 0 and lemma(section[i].lower) in SPEECH_STEMS),
            None,
        )
        if speech is not None:
            # "vowed to hunt down those responsible": said then, not done then.
            told = set(told) | {i for i in mine if i >= speech}
        names: dict[str, float] = {}
        acronyms: set[str] = set()
        aliases: dict[str, str] = {}
        weak: set[str] = set()
        demonyms: set[str] = set()
        local: set[str] = set()
        events: set[str] = set()
        actions: dict[str, float] = {}
        objects: dict[str, float] = {}
        surface: dict[str, str] = {}
        own = next(p for p in pieces if any(section[i].date == 0 for i in range(p[0], p[1])))
        last_date = max(i for i, t in enumerate(section) if t.date == 0)
        after_date = last_date + 1 + _possessive(section, last_date)
        in_local = set(local_positions)
        units = self._names(section, mine)
        in_name = {i for unit in units for i in unit}
        unit_keys: dict[int, set[str]] = {}
        framed: set[str] = set()
        free: set[str] = set()
        unit_of: dict[str, int] = {}
        for number, unit in enumerate(units):
            keys, acronym = self._name_keys([section[i] for i in unit])
            before = section[unit[0] - 1].lower if unit[0] > 0 else ""
            if before in COMPASS:  # "east Africa", written in lower case
                keys.update({f"{before}:{k}": k for k, s in list(keys.items()) if k == s})
            unit_keys[unit[0]] = set(keys)
            for key in keys:
                unit_of.setdefault(key, number)
            (framed if _after_preposition(section, unit[0]) else free).update(keys)
            (said if unit[0] in told else unsaid).update(keys)
            people = {
                source
                for key, source in keys.items()
                if source != key and ":" not in key and self.index.seen_capitalised(key)
            }
            for key, source in keys.items():
                names[key] = max(names.get(key, 0.0), self.index.weight(source))
                if source != key:
                    aliases[key] = source
                if self.index.widespread(source):
                    weak.add(key)
                if source in people:
                    demonyms.add(key)  # "Russian" (and "Russia" read from it)
            if acronym:
                acronyms.add(acronym)
            if unit[0] in in_local:
                local.update(keys)
            if named and unit[0] == after_date:
                events.update(keys)
        acting_at: set[int] = set()
        strong: set[str] = set()
        verbs: set[str] = set()
        for low, key, weight, acting, i in self._words(section, mine, in_name, after_date):
            if acting:
                acting_at.add(i)
            if acting >= STRONG:
                strong.add(key)
            if acting == VERB and i in in_local:
                verbs.add(key)
            (said if i in told else unsaid).add(key)
            bag = actions if acting else objects
            bag[key] = max(bag.get(key, 0.0), weight)
            if acting and key != low:
                surface.setdefault(key, low)  # the word an action's key was read from
        own_number = pieces.index(own)
        if not actions.keys() & strong and own_number > 0 and not named:
            # A list after its verb: "adding Greece in 1952, Germany in 1955".
            listed = pieces[own_number - 1]
            lent = list(range(listed[0], listed[1]))
            for low, key, weight, acting, _ in self._words(section, lent, set(), -1):
                if acting >= STRONG:
                    actions[key] = max(actions.get(key, 0.0), weight)
                    strong.add(key)
                    surface.setdefault(key, low)
        subject: set[str] = set()
        for i in sorted(in_local):
            token = section[i]
            if token.date >= 0 or not is_word(token.text) or _in_fronted_phrase(pieces, section, i):
                continue
            if i in unit_keys and not _after_preposition(section, i):
                subject |= unit_keys[i]  # "Poland, Hungary and the Czech Republic joined"
            elif i not in in_name and (
                token.lower in PRONOUNS
                or i in acting_at
                or token.lower in LIGHT_VERBS
                or token.lower in AUXILIARIES
                or token.lower in REPORTING
            ):
                break  # "He launched ...", "the company had ...": no name before the verb
        return Signature(
            names=self._map(names),
            acronyms=self._set(acronyms),
            aliases=self._map(aliases),
            weak=self._set(weak),
            demonyms=self._set(demonyms),
            actions=self._map(actions),
            objects=self._map(objects),
            local=self._set(local),
            subject=self._set(subject),
            events=self._set(events),
            told=self._set(said - unsaid),
            framed=self._set(framed - free),
            strong=self._set(strong),
            verbs=self._set(verbs),
            unit_of=self._map(unit_of),
            nominal=named,
            surface=self._map(surface),
        )

    def _words(
        self, section: list[_Token], positions: list[int], skip: set[int], after_date: int
    ) -> Iterator[tuple[str, str, float, int, int]]:
        """(word, key, weight, read as an action: :data:`STRONG`, :data:`WEAK` or 0, position)
        for the content words at ``positions``."""
        previous = ""
        for i in positions:
            token = section[i]
            low = token.lower
            if i in skip or token.date >= 0 or not is_word(token.text):
                previous = low if is_word(token.text) or token.text == "'s" else previous
                continue
            before, previous = previous, low
            if len(low) < 3 or low in STOPWORDS or low in DATE_WORDS or low in REPORTING:
                continue
            if low in LIGHT_VERBS or low in TITLES:
                continue
            key = action_key(low)
            if low.startswith(ADJECTIVE_PREFIXES):
                yield low, key, self.index.weight(fold(low)), 0, i  # "anti-abortion"
                continue
            past = low in IRREGULAR or (len(low) >= 5 and low.endswith("ed"))
            if past or before in INFINITIVE_MARKS:
                acting = VERB  # "invaded", "to open"
            elif key.startswith("~"):
                acting = STRONG  # "bombings"
            elif _verb_shaped(low) or low.endswith(("tion", "sion")) or i == after_date:
                acting = WEAK  # "trading", "the reunification": maybe a happening
            else:
                acting = 0
            yield low, key, self.index.weight(fold(low)), acting, i

    def _name_kind(self, tokens_: list[_Token], i: int) -> int:
        """2 for a word of a name, 1 for a capitalised word the documents mostly write in
        lower case ("North", "Federal": part of a name, telling none), 0 for no name."""
        token = tokens_[i]
        text = token.text
        if token.date >= 0 or not is_word(text) or not text[0].isupper():
            return 0
        if is_abbreviation(text):
            return 2
        term = fold(text)
        if term in STOPWORDS or term in DATE_WORDS or len(term) < 2:
            return 0
        opens = i == 0 or (
            tokens_[i - 1].date < 0
            and opens_after(tokens_[i - 1].text, tokens_[i - 2].text if i > 1 else "")
        )
        if opens and not self.index.seen_capitalised(term):
            # "Three times, ...": a capital only because the sentence opens; a name if the
            # next word is one ("Ralston Purina shares closed").
            nxt = tokens_[i + 1] if i + 1 < len(tokens_) else None
            if nxt is None or low_word(text) or not _capitalised_word(nxt):
                return 0
        return 1 if self.index.mostly_lower(term) or term in TITLES else 2

    def _names(self, section: list[_Token], mine: list[int]) -> list[list[int]]:
        """Runs of capitalised tokens among ``mine`` (positions in ``section``), joined by
        small words ("Bank of England"), with one word of a name at least."""
        chosen = set(mine)
        units: list[list[int]] = []
        current: list[int] = []
        strong = False
        for i in mine:
            kind = self._name_kind(section, i)
            if current and section[i].n != section[current[-1]].n + 1:
                if strong:
                    units.append(current)
                current, strong = [], False
            if kind:
                current.append(i)
                strong = strong or kind == 2
                continue
            nxt = i + 1
            if (
                current
                and (section[i].lower in NAME_CONNECTORS or section[i].lower in ("and", "&"))
                and nxt in chosen
                and self._name_kind(section, nxt)
            ):
                current.append(i)
                continue
            if current and strong:
                units.append(current)
            current, strong = [], False
        if current and strong:
            units.append(current)
        return units

    def _name_keys(self, unit: list[_Token]) -> tuple[dict[str, str], str | None]:
        """The keys of a name -> the word each was read from (a place from its adjective:
        "kenya" from "kenyan"; a compass point: "south:africa"), and the acronym of the name
        in full."""
        keys: dict[str, str] = {}
        capitals = [t for t in unit if t.text[0].isupper()]
        compass = ""
        for n, token in enumerate(capitals):
            key = fold(token.text)
            following = fold(capitals[n + 1].text) if n + 1 < len(capitals) else ""
            if key in TITLES and following in ORGANISATIONS:
                keys[key] = key  # "the Justice Department": part of the name
                continue
            if key in COMPASS:
                compass = key
                continue
            if compass:
                keys[f"{compass}:{key}"] = key
                compass = ""
            if key in TITLES or key in DESIGNATORS or key in STOPWORDS or len(key) < 2:
                continue
            if not is_abbreviation(token.text) and self.index.mostly_lower(key):
                continue
            keys[key] = key
            if not is_abbreviation(token.text):
                for place in _demonym_places(key):
                    keys.setdefault(place, key)
        acronym = None
        if len(capitals) >= MIN_ACRONYM and not any(is_abbreviation(t.text) for t in capitals):
            acronym = "".join(t.text[0] for t in capitals).lower()
        return keys, acronym


def _capitalised_word(token: _Token) -> bool:
    return token.date < 0 and is_word(token.text) and token.text[0].isupper()


def low_word(text: str) -> bool:
    """True for a word that opens sentences without being a name: an adverb in -ly, a word
    that opens a clause, a title."""
    low = text.lower()
    if len(low) < 3 or low.endswith("ly") or low in PREPOSITIONS or low in DETERMINERS:
        return True
    return low in CLAUSE_OPENERS or low in TITLES or low in PRONOUNS or low in AUXILIARIES


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _demonym_places(key: str) -> list[str]:
    found = []
    for ending, replacement in DEMONYM_ENDINGS:
        if len(key) > len(ending) + 3 and key.endswith(ending):
            found.append(key[: -len(ending)] + replacement)
    return found


def _verb_shaped(low: str) -> bool:
    if low in IRREGULAR:
        return True
    if len(low) >= 5 and low.endswith("ed"):
        return True
    return len(low) >= 6 and low.endswith("ing") and low not in ING_NOUNS


def _possessive(section: Sequence[_Token], last: int) -> int:
    """1 when the date phrase is a possessive apart from its "'s" ("Friday 's vote"), else 0."""
    if last + 1 < len(section) and section[last + 1].text.replace("’", "'") == "'s":
        return 1
    return 0


def _noun_phrase(section: list[_Token]) -> list[int] | None:
    """The noun phrase a date phrase qualifies, when it stands as an adjective or a possessive
    before a noun ("the August 7 bombings in east Africa", "Friday's vote", "Yesterday's
    Kestrel Report"): the phrase and the words after it up to a verb, a mark or a clause.
    None when the phrase stands on its own."""
    first = next(i for i, t in enumerate(section) if t.date == 0)
    last = max(i for i, t in enumerate(section) if t.date == 0)
    start = last + 1 + _possessive(section, last)
    owned = section[last].text.replace("’", "'").endswith("'s") or start > last + 1
    before = section[first - 1].lower if first > 0 else ""
    if not owned and before not in ADJECTIVE_LEADS:
        return None
    if start >= len(section) or not _noun_like(section[start]):
        return None
    end = start
    while end < len(section) and end - start < NOUN_PHRASE_WORDS:
        token = section[end]
        if token.date >= 0 or not is_word(token.text):
            break
        low = token.lower
        if low in AUXILIARIES or low in LIGHT_VERBS or low in CLAUSE_OPENERS or low in REPORTING:
            break
        if end > start and _verb_shaped(low) and not token.text[0].isupper():
            break
        end += 1
    return list(range(first, end))


def _in_fronted_phrase(
    pieces: list[tuple[int, int, str | None]], section: list[_Token], i: int
) -> bool:
    """True when position ``i`` is in a piece that opens with a preposition ("In composite
    trading on the exchange yesterday, ..."): no actor stands there."""
    for start, end, _ in pieces:
        if start <= i < end:
            return section[start].lower in PREPOSITIONS
    return False


def _after_preposition(section: list[_Token], i: int) -> bool:
    """True when the name at ``i`` stands in a prepositional phrase ("in New York", "to the
    Senate", "in late New York trading"): a preposition before it, a few words back at most,
    with no verb or mark between."""
    j = i - 1
    while j >= 0 and i - j <= PREPOSITION_REACH + 1:
        token = section[j]
        if not is_word(token.text) or token.date >= 0:
            return False
        low = token.lower
        if low in PREPOSITIONS:
            return True
        if _verb_shaped(low) or low in AUXILIARIES or low in LIGHT_VERBS or low in REPORTING:
            return False
        j -= 1
    return False


def _has_content(section: list[_Token], positions: list[int]) -> bool:
    """True when a word other than the date phrase and small words stands at ``positions``."""
    for i in positions:
        token = section[i]
        if token.date < 0 and is_word(token.text) and token.lower not in STOPWORDS:
            if token.lower not in ("in", "on", "at", "by", "of", "from", "to", "for"):
                return True
    return False


def _next_piece(
    section: list[_Token],
    pieces: list[tuple[int, int, str | None]],
    own: tuple[int, int, str | None],
    mine: list[int],
    *,
    after_only: bool = False,
) -> list[int]:
    """The positions of ``mine`` in the piece after ``own`` (or before it, at the end)."""
    number = pieces.index(own)
    for other in (number + 1,) if after_only else (number + 1, number - 1):
        if 0 <= other < len(pieces):
            start, end, _ = pieces[other]
            found = [i for i in mine if start <= i < end]
            if found:
                return found
    return []


def _noun_like(token: _Token) -> bool:
    low = token.lower
    if not is_word(token.text) or low in STOPWORDS or low in AUXILIARIES or low in LIGHT_VERBS:
        return False
    return low not in CLAUSE_OPENERS and low not in REPORTING


def _without_asides(toks: list[_Token]) -> list[_Token]:
    """The tokens without bracketed asides; a bracket holding only date phrases is kept
    open ("yesterday (Monday 16 May)"); a bracket holding the phrase is all there is."""
    pairs = []
    stack: list[int] = []
    for i, token in enumerate(toks):
        if token.text in "([":
            stack.append(i)
        elif token.text in ")]" and stack:
            start = stack.pop()
            if not stack:
                pairs.append((start, i))
    drop: set[int] = set()
    for start, end in pairs:
        inside = toks[start + 1 : end]
        if inside and all(t.date >= 0 or not is_word(t.text) for t in inside):
            drop.update((start, end))
        elif any(t.date == 0 for t in inside):
            return inside
        else:
            drop.update(range(start, end + 1))
    return [t for i, t in enumerate(toks) if i not in drop]


def _section(toks: list[_Token]) -> list[_Token]:
    """The tokens between the strong marks around the date phrase."""
    first = next(i for i, t in enumerate(toks) if t.date == 0)
    last = max(i for i, t in enumerate(toks) if t.date == 0)
    start = first
    while start > 0 and not _hard(toks[start - 1]):
        start -= 1
    end = last + 1
    while end < len(toks) and not _hard(toks[end]):
        end += 1
    return toks[start:end]


def _hard(token: _Token) -> bool:
    return token.date < 0 and token.text in HARD_MARKS


def _pieces(section: list[_Token]) -> list[tuple[int, int, str | None]]:
    """(start, end, opening word or None) for each piece of the section."""
    pieces = []
    start = 0
    opener: str | None = _opener(section, 0)
    for i, token in enumerate(section):
        if token.date < 0 and token.text == ",":
            if i > start:
                pieces.append((start, i, opener))
            start = i + 1
            opener = _opener(section, start)
        elif i > start and _opener(section, i):
            pieces.append((start, i, opener))
            start = i
            opener = _opener(section, i)
    if start < len(section):
        pieces.append((start, len(section), opener))
    return pieces


def _opener(section: list[_Token], i: int) -> str | None:
    if i >= len(section) or section[i].date >= 0:
        return None
    low = section[i].lower
    if low not in CLAUSE_OPENERS:
        return None
    nxt = section[i + 1] if i + 1 < len(section) else None
    if nxt is None or nxt.date >= 0 or nxt.lower in ("same", "very"):
        return None  # "after May", "that same day"
    if low in PREPOSITION_OPENERS:
        nxt_low = nxt.lower
        ahead = []
        for token in section[i + 1 : i + 1 + CLAUSE_LOOKAHEAD]:
            if token.text == ",":
                break
            ahead.append(token)
        verb = any(_verb_shaped(t.lower) or t.lower in AUXILIARIES for t in ahead[1:])
        if not (nxt_low in PRONOUNS or _verb_shaped(nxt_low) or verb):
            return None  # "until 1989", "after the Hartley inspection"; not "after touring
            # the capital", "since Dow Jones launched the offer", "after the army left"
    return low


def _scope(
    section: list[_Token], pieces: list[tuple[int, int, str | None]]
) -> tuple[list[int], list[int], list[int]]:
    """Positions in ``section`` of the date phrase's clause (its piece and plain pieces next to
    it, a clause after "when", the antecedent of a relative pronoun, a reported clause); those
    of the clause after "when" alone (the happening the phrase dates), if any; and those of
    the reported clause ("said Friday that ..."), if any."""
    own = next(
        n for n, p in enumerate(pieces) if any(section[i].date == 0 for i in range(p[0], p[1]))
    )
    chosen = [own]
    start, end, opener = pieces[own]
    if opener is None:
        n = own - 1
        while n >= 0 and pieces[n][2] is None and pieces[n + 1][2] is None:
            chosen.insert(0, n)
            n -= 1
        n = own + 1
        while n < len(pieces) and pieces[n][2] is None:
            chosen.append(n)
            n += 1
    positions = [i for n in chosen for i in range(pieces[n][0], pieces[n][1])]
    last = max(i for i, t in enumerate(section) if t.date == 0)
    after = last + 1
    while after < len(section) and section[after].text == ",":
        after += 1
    nxt = next((n for n, p in enumerate(pieces) if p[0] == after), None)
    then: list[int] = []
    if nxt is not None and pieces[nxt][2] in THEN_OPENERS and nxt not in chosen:
        then = list(range(pieces[nxt][0], pieces[nxt][1]))
        positions.extend(then)
    elif opener in RELATIVES and own > 0:
        before = pieces[own - 1]
        lead = before[1] - 1
        if section[lead].text[:1].isupper():
            run = lead
            while run > before[0] and section[run - 1].text[:1].isupper():
                run -= 1
            positions[:0] = range(run, lead + 1)
    reported = any(section[i].lower in REPORTING for i in positions)
    follow = max(chosen) + 1
    told: list[int] = []
    if reported and follow < len(pieces) and pieces[follow][2] == "that":
        told = list(range(pieces[follow][0], pieces[follow][1]))
        positions.extend(told)
    return sorted(set(positions)), then, told


def _nearest(
    section: list[_Token], positions: list[int], pieces: list[tuple[int, int, str | None]]
) -> list[int]:
    """Of ``positions``, those that belong to the date phrase rather than another: the words
    of its own piece, those of other pieces with no date phrase, and those nearer to it than
    to another date phrase (in its piece, or in a piece holding one)."""
    dates: dict[int, list[int]] = {}
    for i in positions:
        if section[i].date >= 0:
            dates.setdefault(section[i].date, []).append(i)
    _join_appositions(section, dates)
    if len(dates) == 1:
        return positions
    mine = dates[0]
    first, last = mine[0], mine[-1]
    piece_of = {i: n for n, p in enumerate(pieces) for i in range(p[0], p[1])}
    dated: dict[int, list[int]] = {}
    for where in dates.values():
        for j in where:
            dated.setdefault(piece_of[j], []).append(j)
    kept = []
    for i in positions:
        if i in mine:
            kept.append(i)
            continue
        if section[i].date >= 0:
            continue
        piece = piece_of[i]
        others = [j for j in dated.get(piece, []) if j not in mine]
        if not others:
            kept.append(i)
            continue
        ours = 0 if first <= i <= last else min(abs(i - first), abs(i - last))
        theirs = min(abs(i - j) for j in others)
        if ours < theirs or (ours == theirs and not _after_coordinator(section, last, i)):
            kept.append(i)
    return kept


def _join_appositions(section: list[_Token], dates: dict[int, list[int]]) -> None:
    """Date phrases next to the phrase, with only marks between, are one with it:
    "yesterday (Monday 16 May)" dates one happening."""
    changed = True
    while changed:
        changed = False
        mine = dates[0]
        for phrase, where in list(dates.items()):
            if phrase == 0:
                continue
            lo, hi = (where[-1], mine[0]) if where[-1] < mine[0] else (mine[-1], where[0])
            if all(not is_word(section[j].text) for j in range(lo + 1, hi)):
                dates[0] = sorted(mine + dates.pop(phrase))
                changed = True
                break


def _after_coordinator(section: list[_Token], last: int, i: int) -> bool:
    """True when a coordinator stands between the end of the phrase and position ``i``:
    the words after it belong to the next date ("Germany in 1955 and Spain in 1982")."""
    return i > last and any(section[j].lower in COORDINATORS for j in range(last + 1, i))
