"""The characters a pattern's match can start with, read from the parsed pattern.

A pattern compiled to read the character before its phrase (see ``patterns._c``) is tried
at every place a word can start; a look-ahead on the characters the phrase can start with
rejects most of those places at once, before the optional words the phrase may begin with
are tried one by one. The set is worked out from the parser's tree, so it follows the
vocabulary tables; where the tree holds anything this reading does not know, there is no
set and no look-ahead.
"""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as C  # noqa: N812
    from re import _parser
else:  # the same modules under their old names, which 3.11 deprecates
    import sre_constants as C  # noqa: N812
    import sre_parse as _parser

#: The characters a case-insensitive pattern matches for an ASCII letter, beyond its two
#: ASCII forms ("i" also matches "İ" and "ı", "k" the Kelvin sign, "s" the long s).
_FOLDS = {"i": "iI\u0130\u0131", "k": "kK\u212a", "s": "sS\u017f"}


class _Unknown(Exception):
    """A part of a pattern whose first characters are not worked out."""


def first_chars(pattern: str) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with; ``None`` when that is not
    known or the pattern can match the empty string."""
    try:
        chars, empty = _sequence(_parser.parse(pattern).data, nocase=False)
    except _Unknown:
        return None
    return None if empty else frozenset(chars)


def case_forms(char: str) -> frozenset[str]:
    """Every character ``(?i:char)`` matches."""
    return frozenset(_char(ord(char), nocase=True))


#: A look-ahead on more characters than this rejects too few places to pay for itself.
MAX_GATE = 24


def gate(pattern: str) -> str:
    """A look-ahead on the first characters of ``pattern``, or "" when they are not known or
    too many."""
    chars = first_chars(pattern)
    if not chars or len(chars) > MAX_GATE:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def _sequence(items: list[tuple[Any, Any]], nocase: bool) -> tuple[set[str], bool]:
    """The first characters of a sequence, and whether it can match the empty string."""
    chars: set[str] = set()
    for op, arg in items:
        first, empty = _item(op, arg, nocase)
        chars |= first
        if not empty:
            return chars, False
    return chars, True


def _item(op: Any, arg: Any, nocase: bool) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return _char(arg, nocase), False
    if op is C.IN:
        return _set(arg, nocase), False
    if op is C.SUBPATTERN:
        _, add, remove, body = arg
        inner = (nocase or bool(add & C.SRE_FLAG_IGNORECASE)) and not remove & C.SRE_FLAG_IGNORECASE
        return _sequence(list(body), inner)
    if op is C.BRANCH:
        chars: set[str] = set()
        empty = False
        for alternative in arg[1]:
            first, can_be_empty = _sequence(list(alternative), nocase)
            chars |= first
            empty = empty or can_be_empty
        return chars, empty
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        least, _, body = arg
        first, empty = _sequence(list(body), nocase)
        return first, empty or least == 0
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return set(), True  # reads no character: the set found without it is wider
    raise _Unknown(op)


def _set(items: list[tuple[Any, Any]], nocase: bool) -> set[str]:
    chars: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            chars |= _char(arg, nocase)
        elif op is C.RANGE and arg[1] - arg[0] < 128:
            for code in range(arg[0], arg[1] + 1):
                chars |= _char(code, nocase)
        else:
            raise _Unknown(op)  # a negated class, a category: nearly anything
    return chars


def _char(code: int, nocase: bool) -> set[str]:
    char = chr(code)
    if not nocase or char.lower() == char.upper():
        return {char}
    if not char.isascii():
        raise _Unknown(char)  # case-insensitive matching outside ASCII: not worked out here
    lower = char.lower()
    return set(_FOLDS.get(lower, lower + lower.upper()))
