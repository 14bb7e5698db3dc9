"""Words as the event stage compares them: content words folded to a stem, verbs to their
base form, and the present tense a headline uses."""

from __future__ import annotations

import re
from functools import lru_cache

from ..function_words import FUNCTION_WORDS
from ..tagger import vocab as date_vocab
from . import vocab

#: Function words: sharing them says nothing about sharing a happening.
STOPWORDS = FUNCTION_WORDS | frozenset(
    "a an as at be by do he i if in is it me my no of on or so to up us we".split()
    + "says saying tell tells told".split()
)

#: Words of dates and times: sharing them says nothing about sharing a happening.
DATE_WORDS = frozenset(
    [
        *date_vocab.MONTHS,
        *date_vocab.WEEKDAYS,
        *date_vocab.WEEKDAY_ABBREVIATIONS,
        *date_vocab.SEASONS,
        *date_vocab.UNITS,
        *date_vocab.UNIT_PLURALS,
        *(word for phrase in date_vocab.RELATIVE_DAYS for word in phrase.split()),
        *date_vocab.NUMBERS,
        *date_vocab.ORDINALS,
        *date_vocab.DAY_PARTS,
        "last", "next", "ago", "earlier", "later", "recent", "recently", "previous",
        "current", "currently", "today's", "yesterday's", "tonight", "annual", "early", "late",
    ]
)  # fmt: skip

_PAST_TO_BASE = {past: base for base, (past, _) in vocab.IRREGULAR_VERBS.items()}
_PARTICIPLE_TO_BASE = {part: base for base, (_, part) in vocab.IRREGULAR_VERBS.items()}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, stable stem: "bombings" and "bombed" -> "bomb", "embassies" -> "embassy",
    "met" -> "meet". Only ever compared with another stem."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'")
    if word in _PAST_TO_BASE:
        return _PAST_TO_BASE[word]
    if word in _PARTICIPLE_TO_BASE:
        return _PARTICIPLE_TO_BASE[word]
    for suffix, repl in (("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            if repl == "" and _DOUBLED.search(base):
                base = base[:-1]
            return base
    if word.endswith("es") and len(word) > 4 and word[-3] in "sxzh":
        return word[:-2]
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The words of ``text`` that can tell happenings apart, in order (not folded)."""
    found = []
    for word in _WORD.findall(text):
        folded = word.lower().replace("’", "'")
        if folded.endswith("'s"):
            folded = folded[:-2]
        if len(folded) < 3 or folded in STOPWORDS or folded in DATE_WORDS:
            continue
        found.append(word)
    return found


def terms(text: str) -> frozenset[str]:
    """The stems of the content words of ``text``."""
    return frozenset(stem(word) for word in content_words(text))


_VOWELS = "aeiou"
#: Past tenses too short for the rules below.
_SHORT_PASTS = {"died": "die", "lied": "lie", "tied": "tie", "used": "use", "eyed": "eye",
                "dyed": "dye", "owed": "owe", "aged": "age", "axed": "axe"}  # fmt: skip
#: Endings after which "-ed" follows a silent "e" of the base form: "created", "captured",
#: "declined", "executed"…
_SILENT_E = ("at", "ur", "or", "ar", "ir", "in", "ut", "ot", "uz", "iz", "is", "ul", "ak",
             "ok", "ik", "uk", "ap", "ip", "ud", "id", "ad", "od", "ag", "ab", "ib", "ub", "iv",
             "av", "ov", "uv", "ev", "eg", "ic", "ac", "oc", "uc", "ec", "as", "us", "os", "et",
             "it")  # fmt: skip
#: Endings after which it does not, whatever the letters before: "offered", "opened",
#: "visited", "mentioned", "developed".
_NO_E = ("er", "en", "on", "om", "it", "et", "op", "ol", "el", "al", "ow", "ew", "aw", "ey",
         "ay", "oy")  # fmt: skip
#: Consonants doubled before "-ed" after a short vowel ("planned", "stopped"); a doubled
#: "d", "l", "s", "f" or "z" is the base form's own ("added", "called", "passed").
_DOUBLED = re.compile(r"(?:[^aeiou]|qu)[aeiou]([bgkmnprt])\1$")
#: Vowel pairs after which a final consonant takes no "e": "treated", "failed", "joined".
_LONG_VOWELS = ("ea", "ai", "oi", "oo", "ee", "ou", "oa", "au", "ie")


@lru_cache(maxsize=65536)
def base_form(word: str) -> str | None:
    """The base form of a verb in the past tense or past participle ("launched" ->
    "launch", "fell" -> "fall", "created" -> "create", "planned" -> "plan"); None when
    ``word`` is not one."""
    folded = word.lower()
    if folded in _PAST_TO_BASE:
        return _PAST_TO_BASE[folded]
    if folded in _PARTICIPLE_TO_BASE:
        return _PARTICIPLE_TO_BASE[folded]
    for prefix in ("re", "over", "under", "out", "mis", "un", "with", "fore"):
        rest = folded[len(prefix) :]
        if folded.startswith(prefix) and (rest in _PAST_TO_BASE or rest in _PARTICIPLE_TO_BASE):
            return prefix + (_PAST_TO_BASE.get(rest) or _PARTICIPLE_TO_BASE[rest])
    if folded in _SHORT_PASTS:
        return _SHORT_PASTS[folded]
    if not folded.endswith("ed") or len(folded) < 5 or not folded.replace("-", "").isalpha():
        return None
    stemmed = folded[:-2]
    if folded.endswith("eed"):
        return None if len(folded) <= 5 else folded[:-1]  # "need"; "agreed" -> "agree"
    if stemmed.endswith("i") and stemmed[-2:-1] not in _VOWELS:
        return stemmed[:-1] + "y"  # carried -> carry
    if stemmed.endswith(("y", "w", "x")):
        return stemmed  # played, showed, mixed
    if _DOUBLED.search(stemmed):
        return stemmed[:-1]  # planned -> plan
    if stemmed.endswith("ell") and len(stemmed) > 5:
        return stemmed[:-1]  # travelled -> travel
    if stemmed.endswith("creat"):
        return stemmed + "e"
    if stemmed[-1] in "vzcgu" or (stemmed.endswith("s") and not stemmed.endswith("ss")):
        return stemmed + "e"  # moved, seized, forced, changed, issued, caused
    if stemmed.endswith(
        (
            "ss",
            "sh",
            "ch",
            "ck",
            "ng",
            "nd",
            "rd",
            "ld",
            "nt",
            "st",
            "ct",
            "pt",
            "ft",
            "lt",
            "rt",
            "rm",
            "rn",
            "lm",
            "rk",
            "lk",
            "mp",
            "sk",
        )
    ):
        return stemmed  # passed, launched, attacked, signed…
    tail = stemmed[-2:]
    vowels_before = sum(1 for c in stemmed[:-2] if c in _VOWELS)
    if tail[0] in _VOWELS and tail[1] not in _VOWELS:
        if tail in ("er", "en", "on", "om", "ol", "el", "al"):
            return stemmed  # "conquered", "opened", "questioned"
        if stemmed[-3:-1] in _LONG_VOWELS:
            return stemmed  # "treated", "failed", "joined": two vowels, no "e"
        if stemmed[-3:-2] in tuple(_VOWELS):
            return stemmed + "e"  # "evacuated", "acquired", "negotiated"
        if vowels_before == 0:
            return stemmed + "e"  # one syllable that did not double: "named", "ruled"
        if tail in _NO_E and tail not in ("it", "et"):
            return stemmed
        if tail in ("it", "et"):
            # "visited", "limited", "budgeted" keep the word; "invited", "completed" do not.
            return stemmed + "e" if stemmed.endswith(("vit", "cit", "plet", "pet", "let")) \
                else stemmed  # fmt: skip
        if tail in _SILENT_E:
            return stemmed + "e"
    return stemmed


_ING = {"being": "be", "having": "have", "going": "go", "doing": "do", "dying": "die",
        "lying": "lie", "tying": "tie", "saying": "say", "paying": "pay"}  # fmt: skip


def participle_base(word: str) -> str | None:
    """The base form of a past participle ("cut", "published", "taken"); None for a word
    that is only a past tense ("took", "fell", "was") or no verb form at all."""
    folded = word.lower()
    if folded in _PARTICIPLE_TO_BASE:
        return _PARTICIPLE_TO_BASE[folded]
    if folded in _PAST_TO_BASE:
        return None
    return base_form(folded)


def ing_base(word: str) -> str | None:
    """The base form of an -ing participle ("touring" -> "tour", "making" -> "make",
    "stopping" -> "stop"); None when ``word`` is not one."""
    folded = word.lower()
    if folded in _ING:
        return _ING[folded]
    if not folded.endswith("ing") or len(folded) < 5 or not folded.isalpha():
        return None
    stemmed = folded[:-3]
    if stemmed.endswith(("e", "y", "w", "o")):
        return stemmed  # seeing, playing, showing, echoing
    return base_form(stemmed + "ed")


def present(base: str, plural: bool) -> str:
    """The present tense of a verb's base form: "launch" -> "launches" (or "launch")."""
    if base == "be":
        return "are" if plural else "is"
    if base == "have":
        return "have" if plural else "has"
    if plural:
        return base
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if len(base) > 1 and base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"
