"""Regular expressions built once, at import, from the vocabulary tables.

Every quantifier is bounded or runs over a class that cannot overlap what follows it, and
every pattern that starts with a number or a word is anchored by a look-behind, so each
pattern scans a text in time linear in its length. Where a pattern must start with a word of a
table or with a year, the look-behind is placed after its first character (see ``_led``): the
search then skips at once to the places that character occurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import vocab
from .firsts import case_forms, gate

SP = r"\s{1,3}"  # the space between two words (never an unbounded run)
OPT_SP = r"\s{0,3}"
DASH = r"[-‐‑‒–—]"
#: Nothing that can be part of a word, a number, an amount or a path may come before.
START = r"(?<![\w£$€¥.,/:#+\-‐‑‒–—@'’])"
WORD_START = r"(?<![\w@'’])"
#: As START, but a dash may come before: the second end of "14 August-24 August", checked
#: by the rule (see ``guards.dash_before``).
DATE_START = r"(?<![\w£$€.,/:#+@'’])"
END = r"(?![\w@])"


def _alt(words: Iterable[str], nocase: bool = False) -> str:
    """An alternation of literal words, longest first, behind a look-ahead on their first
    letters so that a position no word can start at is rejected at once."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    firsts = {w[0] for w in items}
    if nocase:
        firsts |= {c.swapcase() for c in firsts}
    gate = "".join(sorted(re.escape(c) for c in firsts))
    body = "|".join(re.escape(w).replace(r"\ ", SP) for w in items)
    return f"(?=[{gate}])(?:{body})"


def _led(words: Iterable[str], guard: str = r"[\w@'’]", nocase: bool = True) -> str:
    """Words (lower case, Capitalised, UPPER CASE when ``nocase``, else as given) in an
    alternation grouped by first letter, each letter followed by the look-behind "not after
    ``guard``": a pattern that starts with it starts with a literal character, which the
    search skips to much faster than it tries a look-behind at every position."""
    forms: set[str] = set()
    for word in words:
        forms.update((word, word.capitalize(), word.upper()) if nocase else (word,))
    by_first: dict[str, set[str]] = {}
    for form in forms:
        by_first.setdefault(form[0], set()).add(form[1:])
    parts = []
    for first, rests in sorted(by_first.items()):
        body = "|".join(
            re.escape(r).replace(r"\ ", SP) for r in sorted(rests, key=lambda r: (-len(r), r))
        )
        parts.append(f"{re.escape(first)}(?<!{guard}.)(?:{body})")
    return "(?:" + "|".join(parts) + ")"


def _cased(words: Iterable[str]) -> str:
    """Words spelt Capitalised or UPPER CASE only ("March", "MARCH", not "march")."""
    forms: set[str] = set()
    for word in words:
        forms.update((word.capitalize(), word.upper()))
    return _alt(forms)


def _forms(char: str) -> str:
    """``char`` in any case, read with case: a class of its forms when it has more than one."""
    forms = case_forms(char)
    if len(forms) == 1:
        return re.escape(char)
    return "[" + "".join(sorted(re.escape(c) for c in forms)) + "]"


def _gate(words: Iterable[str]) -> str:
    """A look-ahead on the first letters of ``words`` in any case."""
    chars = set().union(*(case_forms(w[0]) for w in words))
    return "(?=[" + "".join(sorted(re.escape(c) for c in chars)) + "])"


def _nocase(words: Iterable[str]) -> str:
    """Words in any case, longest first, in an alternation grouped by first letter: each group
    starts with a class of the forms of its letter, read with case, so that the groups whose
    letter is not there are skipped at once (alternatives read without case are each tried).
    Two words starting with different letters never match at one place, so the order of the
    groups changes nothing; within each, the words keep their order."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    groups: dict[str, list[str]] = {}
    for word in items:
        groups.setdefault(word[0].lower(), []).append(word[1:])
    parts = []
    for first, rests in groups.items():
        body = "|".join(re.escape(r).replace(r"\ ", SP) for r in rests)
        parts.append(f"{_forms(first)}(?i:{body})")
    return f"{_gate(items)}(?:{'|'.join(parts)})"


_FULL_MONTHS = [w for w in vocab.MONTHS if len(w) > 4 or w in ("may", "june", "july")]
_ABBR_MONTHS = [w for w in vocab.MONTHS if w not in _FULL_MONTHS]
MONTH_WORD = rf"(?:{_cased(_FULL_MONTHS)}|(?:{_cased(_ABBR_MONTHS)})\.?){END}"
#: A month name first in a pattern, not after what START excludes.
_FULL_FORMS = [f(w) for w in _FULL_MONTHS for f in (str.capitalize, str.upper)]
_ABBR_FORMS = [f(w) for w in _ABBR_MONTHS for f in (str.capitalize, str.upper)]
_LED_MONTH = (
    rf"(?:{_led(_FULL_FORMS, START[4:-1], False)}|{_led(_ABBR_FORMS, START[4:-1], False)}\.?)"
    rf"{END}"
)
WEEKDAY_FULL = rf"(?:{_cased(vocab.WEEKDAYS)}){END}"
WEEKDAY_WORD = rf"(?:{_cased(vocab.WEEKDAYS)}|(?:{_cased(vocab.WEEKDAY_ABBREVIATIONS)})\.?){END}"
SEASON_WORD = rf"{_nocase(vocab.SEASONS)}{END}"

_YEAR_DIGITS = r"(?:1[0-9]|2[01])[0-9]{2}"
#: A year that must not follow what START excludes, with the check placed after its first
#: two digits: a pattern that starts with a digit is searched much faster than one that
#: starts with a look-behind.
_LED_YEAR = r"(?:1[0-9]|2[01])(?<![\w£$€¥.,/:#+\-‐‑‒–—@'’]..)[0-9]{2}"
#: After a year: no more digits, letters, decimals, thousands or percent.
YEAR_END = r"(?![\w%]|[.,:/][0-9])"
#: After a year standing alone: not the left end of a number range either.
YEAR_END_ALONE = rf"(?![\w%]|[.,:/][0-9]|{DASH}[0-9])"


def year(name: str) -> str:
    return rf"(?P<{name}>{_YEAR_DIGITS}){YEAR_END}"


def month(name: str) -> str:
    return rf"(?P<{name}>{MONTH_WORD})"


def day(name: str) -> str:
    # ("[0-9][0-9]?" reads as "[0-9]{1,2}"; a pattern that starts with it is searched faster)
    return rf"(?P<{name}>[0-9][0-9]?)(?:st|nd|rd|th)?(?![\w])"


_QUAL_WORDS = _nocase(("early", "late", "mid"))
_QUAL_NOUNS = _nocase(("end", "beginning", "start", "middle", "close"))
#: "early ", "mid-", "late in ", "the end of ", "the beginning of the year " ...
QUAL = (
    rf"(?P<q>{_QUAL_WORDS}(?:{SP}in{SP}|{SP}|{DASH})"
    rf"|(?:(?i:the){SP})?{_QUAL_NOUNS}{SP}of{SP})"
)
PREP = rf"(?P<prep>{_nocase(vocab.DATE_PREPOSITIONS)})"
MODE = r"(?P<mode>(?i:this|last|next))"
#: "the next", "the previous": a month or season counted from the last date told.
ANA_NEXT = rf"(?i:the){SP}(?i:next|following|previous|preceding)"


#: A tree of phrases by letter: each key a character, or "" where a phrase ends.
_Trie = dict[str, "_Trie"]


def _spelt(phrases: list[str]) -> str:
    """Phrases (lower case, matched in any case) as one alternation factored on common
    prefixes; in them " " is a short run of spaces, "~" a hyphen or one space. Of two phrases
    that can match at one place, one is a prefix of the other, and the longer is tried first,
    as in an alternation of the phrases longest first; but each place is rejected after a few
    characters. Each letter is a class of its forms, read with case: an alternative that
    starts with one is skipped at once where it cannot match."""
    root: _Trie = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    spelt = {" ": SP, "~": r"[-\s]"}

    def build(node: _Trie) -> str:
        assert not (" " in node and "~" in node)  # two ways to read a space: ambiguous
        alts = [(spelt.get(k) or _forms(k)) + build(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body}|)" if "" in node else body

    return build(root)


_TEENS = [w for w, v in vocab.NUMBERS.items() if 10 <= v < 20]
#: "one", "seventeen", "twenty-one", "two hundred".
_NUMBER_PHRASES = [
    "hundred", *(f"{w} hundred" for w in ("a", *vocab.ONES)), *vocab.TENS,
    *(f"{t}~{o}" for t in vocab.TENS for o in vocab.ONES), *_TEENS, *vocab.ONES,
]  # fmt: skip
NUMBER_WORD = rf"{_gate(_NUMBER_PHRASES)}(?:{_spelt(_NUMBER_PHRASES)})"
DIGITS = r"[0-9]{1,3}(?:,[0-9]{3}){0,4}(?:\.[0-9]{1,3})?"
VAGUE = ["a few", "a couple of", "couple of", "several", "few", "many", "numerous"]
_COUNT_PHRASES = [*_NUMBER_PHRASES, *VAGUE, "an", "a"]
NUMBER = rf"(?P<n>{DIGITS}|{_gate(_COUNT_PHRASES)}(?:{_spelt(_COUNT_PHRASES)}))"
UNIT_WORD = rf"(?P<u>{_nocase(list(vocab.UNITS) + list(vocab.UNIT_PLURALS))}){END}"


#: Patterns compiled to start by reading the character before the phrase (see ``_c``), each
#: with the pattern it stands for: the same phrase behind a look-behind, which matches at the
#: phrase's own start.
LED: dict[re.Pattern[str], re.Pattern[str]] = {}
#: Rules whose phrases are rare, each with a piece of its pattern that every phrase it matches
#: holds: the stretches of a condensed text without the piece are not scanned for the rule
#: (see ``scan.Condensed.narrowed``). The piece is written once and used in both.
NEEDS: dict[re.Pattern[str], re.Pattern[str]] = {}


def _needs(rule: re.Pattern[str], piece: str) -> re.Pattern[str]:
    """Note that every match of ``rule`` holds a match of ``piece``: a part of the rule's
    pattern that it must match, outside any optional group or alternative, or the body of a
    look-ahead it must pass."""
    NEEDS[rule] = re.compile(piece)
    return rule


def _before(excluded: str) -> str:
    """A class of the characters that may come before a phrase whose start is guarded by
    "not after ``excluded``": all but the ASCII characters in ``excluded`` (a character
    outside ASCII is left to the look-behind that follows)."""
    guard = re.compile(excluded)
    ascii_out = "".join(f"\\x{c:02x}" for c in range(128) if guard.match(chr(c)))
    return f"[^{ascii_out}]"


_GROUP_OPEN = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\(\?<[=!]|\(\?[:=!i]+:?|\(")


def _fold(pattern: str) -> str:
    """``pattern`` with each optional group ``(...)?`` written as the alternation ``(...|)``:
    the same things are tried in the same order, without the cost of a repetition."""
    out: list[str] = []
    opened: list[tuple[int, str]] = []  # each open group: where it opens, and how
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif char == "[":
            end = i + 1
            while pattern[end] != "]" or end == i + 1:
                end += 2 if pattern[end] == "\\" else 1
            out.append(pattern[i : end + 1])
            i = end + 1
        elif char == "(":
            group = _GROUP_OPEN.match(pattern, i)
            assert group is not None  # every "(" opens a group
            token = group.group()
            if not token.startswith("(?P="):
                opened.append((len(out), token))
            out.append(token)
            i += len(token)
        elif char == ")":
            at, opener = opened.pop()
            optional = pattern[i + 1 : i + 2] == "?" and pattern[i + 2 : i + 3] not in ("?", "+")
            if optional and opener in ("(?:", "(?i:"):
                out.append("|)")
                i += 2
            elif optional and (opener == "(" or opener.startswith("(?P<")):
                out[at] = "(?:" + out[at]
                out.append(")|)")
                i += 2
            else:
                out.append(char)
                i += 1
        elif char == "{":
            end = pattern.index("}", i)
            out.append(pattern[i : end + 1])
            i = end + 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _c(pattern: str, after: str | None = None) -> re.Pattern[str]:
    """Compile a rule's pattern (see ``_fold``). One that starts with a look-behind on one
    character (``START``, ``DATE_START``, ``WORD_START``), or whose first word has that
    look-behind built in (``after``, for a pattern led by ``_led``), is compiled to read
    that character instead: a pattern that starts with a class of characters is searched
    much faster. Its matches start one character early; ``scan.matches`` reads them as the
    pattern's own."""
    for lead in (START, DATE_START, WORD_START):
        if pattern.startswith(lead) or after == lead:
            excluded = lead[4:-1]
            rest = pattern[len(lead) :] if after is None else pattern
            plain = f"(?<!{excluded}){_fold(rest)}"
            # A pattern led by ``_led`` checks its first letter at once already.
            first = gate(rest) if after is None else ""
            led = re.compile(f"{_before(excluded)}(?<!{excluded}){first}{_fold(rest)}")
            LED[led] = re.compile(plain)
            return led
    return re.compile(_fold(pattern))


#: "Monday 16 May 2022", "16th May", "the 16th of May".
DAY_MONTH_YEAR = _c(
    rf"{DATE_START}(?:(?P<wd>{WEEKDAY_WORD}),?{SP})?(?:(?i:the){SP})?{day('d')}(?:{SP}of)?{SP}"
    rf"{month('m')}(?:,?{SP}{year('y')})?"
)
#: "May 16", "March 1, 2023", "Monday, May 16".
MONTH_DAY_YEAR = _c(
    rf"{DATE_START}(?:(?P<wd>{WEEKDAY_WORD}),?{SP})?{month('m')}{SP}(?:(?i:the){SP})?{day('d')}"
    rf"(?:,?{SP}(?:of{SP})?{year('y')})?"
)
#: "August of that year", "July 25 of the same year", "June last year", "5 May this year".
MONTH_OTHER_YEAR = _c(
    rf"{WORD_START}(?:{day('d1')}(?:{SP}of)?{SP})?{month('m')}(?:{SP}{day('d2')})?"
    rf"(?:,?{SP}of{SP}(?P<ctx>(?i:that|the{SP}same)){SP}(?i:year)"
    rf"|,?{SP}(?P<rel>(?i:last|this|next)){SP}(?i:year)){END}"
)
#: "June 2018", "early March 2023", "March of 2019".
MONTH_YEAR = _c(rf"{DATE_START}(?:{QUAL})?{month('m')},?{SP}(?:of{SP})?{year('y')}")
#: "in May", "since March", "last March", "mid-June", "the end of March", "March".
MONTH_ALONE = _c(
    rf"{WORD_START}(?:{PREP}{SP})?(?:(?P<mode>{ANA_NEXT}|(?i:this|last|next)){SP})?(?:{QUAL})?"
    rf"{month('m')}"
)
#: "late 2022", "mid-2021", "the end of 2020", "early in 1914".
QUALIFIED_YEAR = _c(rf"{WORD_START}{QUAL}{year('y')}(?![\-‐‑‒–—][0-9])")
#: "in 2011", "since 2019", "the year 2000", "in 2011, 2012 and 2013".
YEAR_AFTER_PREP = _c(
    rf"(?P<prep>{_led(vocab.DATE_PREPOSITIONS)}){SP}(?:(?i:the){SP}(?i:year){SP})?(?P<y>{_YEAR_DIGITS}){YEAR_END_ALONE}"
    rf"(?P<more>(?:,{SP}{_YEAR_DIGITS}{YEAR_END_ALONE}){{0,20}}"
    rf"(?:,?{SP}(?:and|or){SP}{_YEAR_DIGITS}{YEAR_END_ALONE})?)",
    after=WORD_START,
)
#: "the 1998 budget", "its 2019 report", "(1916)".
YEAR_ATTRIBUTIVE = _c(
    rf"(?P<det>{_led(vocab.YEAR_DETERMINERS)}){SP}(?P<y>{_YEAR_DIGITS})"
    rf"{YEAR_END_ALONE}(?=\s{{1,3}}[a-z])",
    after=WORD_START,
)
#: A year standing alone ("the 1917 Battle", "2005: elections", "compared with 1913").
YEAR_BARE = _c(rf"(?P<y>{_LED_YEAR}){YEAR_END_ALONE}(?!{SP}[0-9])")
YEAR_IN_BRACKETS = _c(rf"\((?P<y>{_YEAR_DIGITS})(?=\))")
LIST_YEAR = _c(rf"{_YEAR_DIGITS}")
#: "2011's".
YEAR_POSSESSIVE = _c(rf"(?P<y>{_LED_YEAR})(?=['’]s{END})")
#: "2012-2021", "2012 to 2021", "between 2012 and 2021", "1914–18".
_YEARS = (
    rf"(?P<y1>{_YEAR_DIGITS})"
    rf"(?:{OPT_SP}(?P<dash>{DASH}){OPT_SP}|{SP}(?P<sep>(?i:to|and|until|till|through|thru)){SP})"
    rf"(?:(?P<y2>{_YEAR_DIGITS})|(?P<yy>[0-9]{{2}})){YEAR_END_ALONE}"
)
YEAR_RANGE = _needs(
    _c(rf"{START}(?:(?P<prep>(?i:between|from)){SP}|(?i:the{SP}years?){SP})?{_YEARS}"), _YEARS
)
#: "1–3 March 2023", "between 1 and 3 March".
_DAYS = (
    rf"{day('d1')}(?:{OPT_SP}{DASH}{OPT_SP}|{SP}(?P<sep>(?i:to|and|until|till|through)){SP})"
    rf"{day('d2')}"
)
DAY_RANGE = _needs(
    _c(
        rf"{START}(?:(?P<prep>(?i:between|from)){SP})?{_DAYS}"
        rf"(?:{SP}of)?{SP}{month('m')}(?:,?{SP}{year('y')})?"
    ),
    _DAYS,
)
#: "March 1-3, 2023", "May 6 and 7".
_DAYS_AFTER = (
    rf"{day('d1')}{OPT_SP}(?:{DASH}|(?P<sep>(?i:to|through|and))(?=\s)){OPT_SP}{day('d2')}"
)
MONTH_DAY_RANGE = _needs(
    _c(rf"(?P<m>{_LED_MONTH}){SP}{_DAYS_AFTER}(?:,?{SP}{year('y')})?", after=START), _DAYS_AFTER
)
#: "2022-05-16".
_ISO_MONTH = r"-(?P<m>0[1-9]|1[0-2])-"
ISO_DATE = _needs(
    _c(
        rf"(?P<y>{_LED_YEAR}){_ISO_MONTH}(?P<d>0[1-9]|[12][0-9]|3[01])"
        r"(?![\w/\-]|[.:][0-9])"
    ),
    _ISO_MONTH,
)
#: "01/03/2023", "1.3.2023", "25/12/22": slashes or dots, the same separator twice.
NUMERIC_DATE = _c(
    rf"{START}(?P<a>[0-9]{{1,2}})(?P<sep>[/.])(?P<b>[0-9]{{1,2}})(?P=sep)"
    r"(?P<y>(?:1[0-9]|2[01])[0-9]{2}|[0-9]{2})(?![\w/\-]|[.:,][0-9])"
)
#: "Spring 2022", "the summer of 2019", "this winter", "in the spring", "late summer", "the
#: autumn of that year".
SEASON = _c(
    rf"{WORD_START}(?:{PREP}{SP})?(?:(?P<mode>{ANA_NEXT}|(?i:this|last|next|the)){SP})?"
    rf"(?:{QUAL})?(?P<s>{SEASON_WORD})(?:,?{SP}(?:(?i:of){SP})?{year('y')}"
    rf"|{SP}(?i:of){SP}(?P<ctx>(?i:that|the{SP}same)){SP}(?i:year){END})?"
)
#: "the 1990s", "the early 2000s", "the '90s".
DECADE = _c(
    rf"{WORD_START}(?:(?P<the>(?i:the)){SP})?(?:{QUAL})?"
    rf"(?:(?P<dec>(?:1[0-9]|20)[0-9]0)['’]?s|['’](?P<short>[0-9]0)s){END}"
)
#: The eras a year may be marked with: "480 BC", "490 B.C.", "31 BCE"; "AD 476", "476 CE".
_ERA = r"B\.C\.?(?:E\.?)?|BCE?"
_COMMON_ERA = r"A\.D\.?|AD|C\.E\.?|CE"
#: "the 19th century", "the twentieth century", "the 5th century BC".
CENTURY = _c(
    rf"{WORD_START}(?:(?P<the>(?i:the)){SP})?(?:{QUAL})?"
    rf"(?:(?P<cd>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<cw>{_nocase(vocab.ORDINALS)}))"
    rf"(?:{SP}|{DASH})(?i:century)(?:{SP}(?P<era>{_ERA}|{_COMMON_ERA}))?{END}"
)
#: "the third quarter", "third-quarter", "the first quarter of 2020".
QUARTER = _c(
    rf"{WORD_START}(?:(?P<the>(?i:the|its)){SP})?(?:(?P<fiscal>(?i:fiscal)){SP}|(?i:fiscal){DASH})?"
    rf"(?P<qw>{_nocase(vocab.QUARTERS)})(?:{SP}|(?P<dash>{DASH}))(?i:quarter){END}"
    rf"(?:,?{SP}(?:of{SP})?{year('y')})?"
)
#: "Q2 2019", "Q1 of 2020".
QUARTER_CODE = _c(rf"{WORD_START}Q(?P<qd>[1-4]){END}(?:,?{SP}(?:of{SP})?{year('y')})?")
#: "the first half of 2020", "the second half of this year".
HALF = _c(
    rf"{WORD_START}(?:(?P<the>(?i:the)){SP})?(?P<hw>{_nocase(vocab.HALVES)}){SP}(?i:half){SP}"
    rf"(?i:of){SP}(?:{MODE}{SP}(?i:year)|{year('y')})"
)
#: "the first two months of 1939", "the last ten days of May 1940", "the first month of 1939"
#: (a count in words is read by the rule: "two", "twenty-one").
PART_OF = _c(
    rf"{WORD_START}(?i:the){SP}(?P<which>(?i:first|last|final|opening|closing)){SP}"
    rf"(?:(?P<n>[0-9]{{1,2}}|[A-Za-z]{{3,9}}(?:-[a-z]{{3,5}})?){SP})?"
    rf"(?P<u>(?i:months|days|month)){SP}(?i:of){SP}"
    rf"(?:{month('m')}(?:,?{SP}{year('y')})?|{year('yo')})"
)
#: "yesterday", "tonight", "last night", "this morning", "yesterday afternoon".
RELATIVE_DAY = _c(
    rf"{WORD_START}(?:(?i:early|late|earlier|later){SP})?(?P<w>{_nocase(vocab.RELATIVE_DAYS)})"
    rf"(?:{SP}(?P<part>{_nocase(vocab.DAY_PARTS)}))?{END}"
)
#: "this week", "last year", "earlier this month", "early next year", "the end of last year".
RELATIVE_UNIT = _c(
    rf"{WORD_START}(?:{QUAL})?(?:(?i:earlier|later){SP})?"
    rf"(?:(?P<cur>(?i:the{SP}(?:current|full)(?:{SP}fiscal)?)){SP}|{MODE}{SP}|(?P<def>(?i:the)){SP})"
    rf"(?P<u>(?i:week|month|year|quarter)){END}"
)
#: "by year-end", "at month end", "since year-end".
_END_WORD = rf"[eE](?i:nd){END}"
UNIT_END = _needs(
    _c(rf"{WORD_START}(?:{PREP}{SP})?(?P<u>(?i:year|month|quarter))(?:{DASH}|{SP})?{_END_WORD}"),
    _END_WORD,
)
#: A hedge right before "N units ago": "more than", "about" (see vocab.AGO_HEDGES).
_AGO_HEDGES = (re.escape(w).replace("\\ ", r"\s+") for w in vocab.AGO_HEDGES)
AGO_HEDGE = _c(
    r"(?<![\w-])(?P<h>(?i:" + "|".join(sorted(_AGO_HEDGES, key=len, reverse=True)) + r"))\s+\Z"
)

#: "two years ago", "a week ago".
AGO = _c(rf"{WORD_START}{NUMBER}{SP}{UNIT_WORD}{SP}(?i:ago){END}")
#: "Friday", "on Friday", "this Friday", "last Monday", "Tuesday night".
WEEKDAY = _c(
    rf"{WORD_START}(?:(?P<mode>(?i:this|last|next|on|coming)){SP})?(?P<wd>{WEEKDAY_FULL})"
    rf"(?:{SP}(?P<part>{_nocase(vocab.DAY_PARTS)}){END})?"
)
#: "the weekend", "this weekend", "last weekend's protests".
WEEKEND = _c(
    rf"{WORD_START}(?P<mode>(?i:the|this|last|next|coming|past)){SP}(?i:weekend)(?:['’]s)?{END}"
)
_LEAD = _nocase(vocab.DURATION_LEADS)
#: "12 years", "a decade", "three-year", "the last two years", "several months".
_HEDGE = _nocase(vocab.DURATION_HEDGES)
DURATION = _c(
    rf"{START}(?:(?P<hedge>{_HEDGE}){SP}|(?P<lead>(?i:the)(?:{SP}{_LEAD})?|{_LEAD}){SP})?{NUMBER}"
    rf"(?:{SP}|(?P<dash>{DASH})){UNIT_WORD}"
    rf"(?!{SP}(?i:ago){END}|{DASH}(?i:old|ago|earlier|end){END})"
    rf"(?P<long>(?:{SP}|{DASH})(?i:long){END})?"
)
#: "month-long", "decades-long", "day-long".
UNIT_LONG = _c(rf"{WORD_START}{UNIT_WORD}{DASH}(?i:long){END}")
#: "for years", "in the weeks before": a vague number of units; the span is the unit alone.
BARE_UNITS = _c(
    rf"{_led(('for', 'within', 'the'))}{SP}"
    r"(?P<u>(?i:years|months|weeks|days|decades|centuries|hours|minutes))(?![\w@\-‐‑]|\s[0-9])",
    after=WORD_START,
)
#: "the last decade", "the past year".
DURATION_LEAD = _c(
    rf"(?P<lead>{_led(('the',))}{SP}(?i:last|past|previous|coming|following)){SP}"
    rf"(?P<u>(?i:decade|year|month|week|fortnight|century)){END}",
    after=WORD_START,
)
#: "every year", "each day", "every two weeks", "every Monday", "per year".
EVERY = _c(
    rf"{WORD_START}(?P<w>(?i:every|each|per)){SP}(?:(?P<other>(?i:other)){SP})?"
    rf"(?:(?P<n>{DIGITS}|(?i:{NUMBER_WORD})){SP})?"
    rf"(?:{UNIT_WORD}|(?P<wd>{WEEKDAY_FULL})|(?P<mo>{MONTH_WORD}))"
)
#: "twice a year", "three times a week".
TIMES_PER = _c(
    rf"{WORD_START}(?:(?P<k>(?i:once|twice))|(?P<n>{DIGITS}|(?i:{NUMBER_WORD})){SP}(?i:times))"
    rf"{SP}(?i:a|an|per|each|every){SP}{UNIT_WORD}"
)
#: "daily", "monthly", "annually" (lower case: "Daily" is often a name).
FREQUENCY = _c(rf"{WORD_START}(?P<w>{_alt(vocab.FREQUENCIES)}){END}")
#: "8pm", "10.30am", "7 p.m.".
CLOCK_12 = _c(
    rf"{START}(?P<h>1[0-2]|0?[0-9])(?:[:.](?P<mi>[0-5][0-9]))?\s?"
    r"(?P<ap>(?i:am|pm|a\.m\.|p\.m\.))(?!\w)"
)
#: "at 10:30", "from 18.00".
CLOCK_24 = _c(
    rf"{WORD_START}(?P<prep>(?i:at|from|until|by|before|after)){SP}"
    r"(?P<h>[01]?[0-9]|2[0-3])[:.](?P<mi>[0-5][0-9])(?![0-9]|[.:,][0-9])"
)
#: "at noon", "at midnight".
CLOCK_WORD = _c(
    rf"{WORD_START}(?P<prep>(?i:at|by|until|before|after)){SP}(?P<w>(?i:noon|midday|midnight)){END}"
)

#: "now", "recently", "the future".
REFERENCE = _c(rf"(?P<w>{_led(vocab.REFERENCES)}){END}(?![\-‐‑][a-z])", after=WORD_START)
#: "480 BC", "490 B.C.", "31 BCE"; "June 480 BC", "17 June 480 BC" (kept as the year: no
#: month or day is placed before the common era).
BC_YEAR = _c(
    rf"{START}(?:(?:(?P<d>[0-9]{{1,2}}){SP})?(?P<m>{MONTH_WORD}){SP})?(?P<y>[0-9]{{1,4}}){SP}"
    rf"(?P<era>{_ERA}){END}"
)
#: "AD 476", "A.D. 1066", "476 AD", "476 CE".
AD_YEAR = _c(
    rf"{START}(?:(?P<before>A\.D\.?|AD){SP}(?P<y1>[0-9]{{1,4}})"
    rf"|(?P<y2>[0-9]{{1,4}}){SP}(?:{_COMMON_ERA})){END}"
)
#: "499-493 BC", "264 to 241 BC", "149 B.C to 146 B.C".
BC_RANGE = _c(
    rf"{START}(?P<y1>[0-9]{{1,4}})(?:{SP}(?P<era1>{_ERA}))?"
    rf"(?:{OPT_SP}{DASH}{OPT_SP}|{SP}(?i:to|and|until){SP})(?P<y2>[0-9]{{1,4}}){SP}(?:{_ERA}){END}"
)
_ANA_MODE = _nocase(vocab.ANAPHORIC_MODES)
#: "the next day", "the following year", "that month", "later that year".
ANAPHORIC = _c(
    rf"(?P<mode>{_led(vocab.ANAPHORIC_MODES)}){SP}"
    rf"(?P<u>(?i:day|week|month|year)|(?P<part>{_nocase(vocab.DAY_PARTS)})){END}",
    after=WORD_START,
)
#: "the following Monday", "the previous Friday".
ANAPHORIC_WEEKDAY = _c(
    rf"(?P<mode>{_led(vocab.ANAPHORIC_MODES)}){SP}(?P<wd>{WEEKDAY_FULL})", after=WORD_START
)
#: "three days later", "a year earlier", "the day before".
LATER = _c(
    rf"{START}(?:(?P<hedge>{_HEDGE}|(?i:a{SP}mere|just)){SP})?(?:{NUMBER}|(?P<the>(?i:the))){SP}{UNIT_WORD}{SP}"
    rf"(?P<dir>{_nocase(vocab.LATER_WORDS)}){END}"
)

#: "in the nine months", "for the first half" (of a report: see ``rules.report_span``).
REPORT_SPAN = _c(
    rf"{WORD_START}(?P<prep>(?i:in|for|during|over)){SP}(?i:the|its){SP}"
    rf"(?:(?P<n>{_nocase(vocab.REPORT_MONTHS)})(?:{SP}|{DASH})(?i:months?)"
    rf"|(?P<h>(?i:first|second)){SP}(?i:half)){END}(?![\-‐‑])"
)
#: What may not follow it: "of" ("the first half of 1990"), a preposition of a span's end or
#: a count from it ("the nine months ended", "to June 30", "before the vote").
REPORT_SPAN_NOT = re.compile(
    r"\s{1,3}(?i:of|ended|ending|that|to|through|before|after|since|earlier|later|ago|"
    r"from|he|she|they|it|we|I)\b|['’]"
)
#: Words of an earnings report (see ``vocab.REPORT_WORDS``), and money.
REPORT_WORD = re.compile(
    "|".join(rf"\b{re.escape(w)}" for w in vocab.REPORT_WORDS) + r"|[$£€#][0-9]",
    re.IGNORECASE,
)
#: "at dawn", "by nightfall", "after dark".
DAYLIGHT = _c(
    rf"{WORD_START}(?:(?P<prep>{_nocase(vocab.DAYLIGHT_PREPOSITIONS)}){SP}"
    rf"(?P<w>{_alt(vocab.DAYLIGHT)})|(?i:after){SP}dark){END}(?![\-‐‑])"
)
#: "the following two years", "the preceding 18 months".
SPAN_TOLD = _c(
    rf"{WORD_START}(?i:the){SP}(?P<mode>{_nocase(vocab.SPAN_MODES)}){SP}"
    rf"(?P<n>[0-9]{{1,3}}|{NUMBER_WORD}){SP}(?P<u>(?i:years|months|weeks|days)){END}"
)
#: "shortly thereafter", "soon afterwards", "immediately after", "not long after" (the rule
#: reads what follows a bare "after").
SOON_AFTER = _c(
    rf"{WORD_START}(?P<adv>{_nocase(vocab.SOON_WORDS)}){SP}"
    rf"(?P<w>(?i:afterwards?|thereafter|after)){END}"
)
#: "at the same time", "around that same time".
SAME_TIME = _c(
    rf"{WORD_START}(?:(?P<prep>(?i:at|on|about|around|by)){SP}(?:(?i:about|around){SP})?)?"
    rf"(?P<s>(?i:the|that){SP}(?i:same){SP}(?i:time|moment)){END}"
)

#: "fiscal 1990", "fiscal year 2023", "FY2023", "FY 23".
FISCAL = _c(
    rf"{WORD_START}(?:(?i:fiscal)(?:{SP}(?i:year))?{SP}|FY{OPT_SP})"
    rf"(?P<y>{_YEAR_DIGITS}|[0-9]{{2}}){YEAR_END_ALONE}"
)
#: "2022/23", "2022/2023": a year that straddles two calendar years.
_SECOND_YEAR = rf"/(?P<y2>{_YEAR_DIGITS}|[0-9]{{2}}){YEAR_END_ALONE}"
SPLIT_YEAR = _needs(_c(rf"(?P<y1>{_LED_YEAR}){_SECOND_YEAR}"), _SECOND_YEAR)
#: "the turn of the century", "the turn of the 20th century".
TURN = _c(
    rf"{WORD_START}(?i:the){SP}(?i:turn){SP}(?i:of){SP}(?i:the){SP}"
    rf"(?:(?:(?P<cd>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<cw>{_nocase(vocab.ORDINALS)}))"
    rf"(?:{SP}|{DASH}))?"
    rf"(?i:century){END}"
)

#: A preposition right before a date.
PREP_BEFORE = re.compile(_fold(rf"{WORD_START}({_nocase(vocab.DATE_PREPOSITIONS)}){SP}$"))
#: Right before a month or a day: a reporting period and the word that says it ended then,
#: "the year ended (Aug. 31)", "the fiscal year ending in (March)", "the nine months to
#: (June 30)", "the 52 weeks ended (July 2)".
ENDED_BEFORE = re.compile(
    rf"{WORD_START}(?i:the){SP}(?:(?i:fiscal|financial){SP})?"
    rf"(?:(?P<year>(?i:year))|(?P<n>[0-9]{{1,2}}|[A-Za-z]{{3,9}}(?:-[a-z]{{3,5}})?){SP}"
    rf"(?P<u>(?i:months|weeks)))"
    rf"{SP}(?i:ended|ending|that{SP}ended|to){SP}(?:(?i:in){SP})?\Z"
)
#: What lies between the items of a list of dates: "May, June and July".
LIST_BEFORE = re.compile(rf"{OPT_SP},{OPT_SP}(?:(?i:and|or){SP})?")
#: What may lie between the two ends of a range of dates.
RANGE_GAP = re.compile(rf"{OPT_SP}(?:{DASH}|(?i:to|through|thru|until|till|and)){OPT_SP}")
#: What may lie between a clock time and its day ("8pm on Monday", "Monday, at 8pm").
TIME_BEFORE_DAY_GAP = re.compile(rf"(?:,?{SP}(?i:on){SP}|,?{SP})")
DAY_BEFORE_TIME_GAP = re.compile(rf"(?:,?{SP}(?i:at|from){SP}|,?{SP})")
#: A word right before a position (for the checks in :mod:`.guards`).
WORD_BEFORE = re.compile(r"([\w£$€.'’]+)\s{0,3}$")
WORD_AFTER = re.compile(r"\s{1,3}([A-Za-z]+)")
#: Characters that may make a token a URL, an address or a file name.
TOKEN_MARK = re.compile(r"[:@_\\/]|\.(?=\S)")
SPACE = re.compile(r"\s")
NUMERIC_TOKEN = re.compile(r"\(?[0-9]{1,4}([/.])[0-9]{1,2}\1[0-9]{2,4}[.,;:)]*")
FILE_LIKE = re.compile(
    r"\.(?i:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|csv|txt|zip|html?|php|aspx?)\b"
)
#: What ``guards.Mask`` looks for, each its own pattern led by a literal character (searched
#: much faster than one class): the marks of ``TOKEN_MARK``, but of the full stops only those
#: that can make a token one to hide: after "www", before two more, before three letters (a
#: file's extension). Each of these is a full stop ``TOKEN_MARK`` finds, and a token that
#: ``guards._masked`` hides holds one: full stops in "U.S." or "3.5" are not looked at.
TOKEN_MARKS = (
    *(re.compile(re.escape(c)) for c in ":@_\\/"),
    re.compile(r"\.(?=\S)(?:(?<=[wW]{3}\.)|(?=\S*?\.\S*?\.)|(?=[^\W\d_]{3}))"),
)
