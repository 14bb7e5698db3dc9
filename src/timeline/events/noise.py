"""Date phrases that do not date a happening: why a mention stays off the timeline.

A mention keeps its place in ``timeline extract`` with the ``reason`` found here, so a curator
can see why it is not on the timeline (and put it back with a correction). The reasons:

- ``heading``: the date stands alone on its line, or in a Markdown heading ("## 1937");
- ``dateline``: the date of the document's dateline or masthead ("NICOSIA, August 8 (Xinhua)
  --", "Millbrook Gazette, 14 March 2024"): the publication date, not a happening;
- ``name``: the date is part of a name or a title ("the Easter Rising", "Orion 1980",
  "High Noon", "the 1921 Treaty");
- ``comparison``: a baseline or a record ("up from $22 million a year ago", "two days later
  than planned", "the wettest since 1910");
- ``quotation``: a relative date inside a quotation from another time (an old letter's "see
  you Sunday");
- ``work``: a book's or film's year in brackets ("How Wars Are Won (2003)").

Each rule reads only the text around the phrase; none knows any particular document.
"""

from __future__ import annotations

import re

from ..models import Mention, Resolution
from ..tagger import vocab as date_vocab
from . import vocab

__all__ = ["REASONS", "reason"]

#: Every reason a mention may be kept off the timeline, with what it means.
REASONS: dict[str, str] = {
    "heading": "a heading: the date stands alone on its line",
    "dateline": "the document's dateline or masthead (its publication date)",
    "name": "part of a name or title",
    "comparison": "a comparison or a record, not a happening",
    "quotation": "a relative date inside a quotation from another time",
    "work": "a work's year in brackets",
    "state": "the time of a state or a description, not of a happening",
}

#: How far back a quotation's opening mark is looked for.
QUOTE_REACH = 2000
#: Lines looked at for a dateline or a masthead, and the longest such line.
HEAD_LINES = 3
HEAD_MAX_CHARS = 100

_MARKUP = re.compile(r"[#*_`>|~\s\-–—:;,.()\[\]\"'“”‘’]+")
_ATX_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
#: A wire dateline's place: "NICOSIA," or "WELLINGTON, New Zealand" or "BUDAPEST, Hungary".
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'’ -]+[A-Z.](?:,\s*[A-Z][\w.'’ -]*)?\s*,?\s*$")
#: What follows a wire dateline's date: the agency in brackets, then a dash.
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[-–—_:]|$)")
#: A masthead's name: a few capitalised words, a comma or dash.
_MASTHEAD = re.compile(r"(?:[A-Z][\w'’&.-]*\s+){0,5}[A-Z][\w'’&.-]*\s*[,:|–—-]?\s*$")
_WORD = re.compile(r"[\w'’.-]+")
_AMOUNT = (
    r"(?:about |some |nearly |almost |around |roughly |more than |less than )?"
    r"(?:[$£€¥]|[A-Z]{1,3}\$)?\s?\d"
)
#: A comparator, an amount, and a short stretch before the date: "up from $252 million in".
_COMPARATOR = re.compile(
    r"(?<!\bmore )(?<!\bless )(?<!\bfewer )(?<!\brather )(?<!\bother )\b(?:"
    + "|".join(re.escape(w) for w in vocab.COMPARATORS) + r")\s+" + _AMOUNT
    + r"(?:(?!\b(?:when|after|before|since|as|while|which|who|that|because)\b)[^;!?()]){0,60}$",
    re.IGNORECASE,
)  # fmt: skip
#: A record word a few words before "since": "the wettest since", "the largest flood since".
_RECORD_SINCE = re.compile(
    r"\b(?:" + "|".join(sorted(vocab.RECORD_WORDS)) + r"|\w{2,}est)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+since\s*$",
    re.IGNORECASE,
)  # fmt: skip
#: "since" and a short clause before the date: "since records began in".
_SINCE_CLAUSE = re.compile(
    r"\bsince(?:\s+[\w'’-]+){1,4}?\s+(?:in|on|at|during)?\s*$", re.IGNORECASE
)
#: After the date, a clause that says what happened then: "since early December, when …".
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)
_THAN_BEFORE = re.compile(r"\bthan\s+(?:in|on|at|during|for|by)?\s*$", re.IGNORECASE)
_THAN_AFTER = re.compile(r"\s*(?:,\s*)?than\b", re.IGNORECASE)
_CLAUSE_STOP = re.compile(r"[;:!?]|,\s+(?:and|but|which|who|while|when|as)\b|\s[-–—]\s")
_QUOTE_OPEN = '“‘"`'
_BRACKETED_YEAR = re.compile(r"\(\s*(?:c\.\s*)?\d{3,4}\s*\)")
#: Little words inside a capitalised name: "the Battle of Verdun", "Tale of Two Cities".
_NAME_LINKS = frozenset({"of", "the", "de", "du", "la", "le", "and", "on", "upon", "in"})
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def reason(
    mention: Mention,
    text: str,
    sentence: tuple[int, int],
    line: tuple[int, int] | None = None,
) -> str | None:
    """Why ``mention`` (in ``text``, whose sentence spans ``sentence`` and line ``line``) is
    not the date of a happening, or None when it may be one. Each rule reads a bounded
    stretch around the phrase, so the cost per phrase does not grow with the text."""
    start, end = mention.start, mention.end
    if line is None:
        line_lo = text.rfind("\n", 0, start) + 1
        line_hi = text.find("\n", end)
        line_hi = len(text) if line_hi < 0 else line_hi
    else:
        line_lo, line_hi = line
    if _heading(text, line_lo, line_hi, start, end):
        return "heading"
    if _dateline(text, line_lo, line_hi, start, end):
        return "dateline"
    if _work(text, start, end):
        return "work"
    if _name(mention, text, sentence[0]):
        return "name"
    if _comparison(mention, text, sentence):
        return "comparison"
    if _quoted_other_time(mention, text, line_lo, line_hi):
        return "quotation"
    return None


# --------------------------------------------------------------------------- headings
def _bare(piece: str) -> bool:
    """Whether ``piece`` holds nothing but markup and punctuation."""
    return _MARKUP.fullmatch(piece) is not None or not piece


def _heading(text: str, line_lo: int, line_hi: int, start: int, end: int) -> bool:
    if start - line_lo > HEAD_MAX_CHARS or line_hi - end > HEAD_MAX_CHARS:
        return False
    if _bare(text[line_lo:start]) and _bare(text[end:line_hi]):
        return True
    line = text[line_lo:line_hi]
    return _ATX_HEADING.match(line) is not None and len(line.split()) <= 12


def _head_line_index(text: str, line_lo: int) -> int | None:
    """The rank (0 first) of the line starting at ``line_lo`` among the document's non-empty
    lines, when it is one of the first few; else None."""
    if line_lo > HEAD_LINES * 4 * HEAD_MAX_CHARS:
        return None  # far past the head of the document
    rank = 0
    for line in text[:line_lo].split("\n"):
        if line.strip():
            rank += 1
            if rank >= HEAD_LINES:
                return None
    return rank


def _dateline(text: str, line_lo: int, line_hi: int, start: int, end: int) -> bool:
    """A wire dateline ("NICOSIA, August 8 (Xinhua) --") or a masthead ("Millbrook Gazette,
    14 March 2024") on one of the first lines."""
    if _head_line_index(text, line_lo) is None or start - line_lo > HEAD_MAX_CHARS:
        return False
    head = text[line_lo:start]  # (the rest of the line is read only when the line is short)
    if _DATELINE_PLACE.fullmatch(head.strip() + " ") or _DATELINE_PLACE.fullmatch(head.strip()):
        return _DATELINE_AFTER.match(text, end, line_hi) is not None
    # A masthead: a short line that is a name and a date, and nothing after the date.
    return (
        line_hi - line_lo <= HEAD_MAX_CHARS
        and _bare(text[end:line_hi])
        and bool(head.strip())
        and _MASTHEAD.fullmatch(head.strip()) is not None
    )


# --------------------------------------------------------------------------- names and works
def _word_before(text: str, start: int, floor: int) -> tuple[str, int] | None:
    """The word right before ``start`` on the same line (one space between), and its start."""
    if start - 1 < floor or text[start - 1] != " ":
        return None
    end = start - 1
    begin = end
    while begin > floor and (text[begin - 1].isalnum() or text[begin - 1] in "'’.-&"):
        begin -= 1
    word = text[begin:end]
    return (word, begin) if word else None


def _word_after(text: str, end: int) -> str | None:
    if end >= len(text) or text[end] != " ":
        return None
    match = _WORD.match(text, end + 1)
    return match.group().rstrip(".") if match else None


def _capitalised(word: str | None) -> bool:
    if not word:
        return False
    return (
        word[0].isupper()
        and not word.isupper()
        or (word.isupper() and len(word) > 1 and word.isalpha())
    )


def _is_date_word(word: str) -> bool:
    folded = word.lower().rstrip(".")
    return (
        folded in date_vocab.MONTHS
        or folded in date_vocab.WEEKDAYS
        or folded in date_vocab.WEEKDAY_ABBREVIATIONS
        or folded in date_vocab.SEASONS
        or folded in vocab.NOT_NAME_LEADS
    )


def _name(mention: Mention, text: str, sentence_start: int) -> bool:
    phrase = mention.text
    words = phrase.split()
    # A date word written capitalised mid-sentence: "57 Days", "High Noon".
    if mention.start > sentence_start and any(
        w[:1].isupper()
        and w.lower() in vocab.LOWER_DATE_WORDS
        and not (w.lower() == "day" and k > 0 and words[k - 1][:1].isupper())  # "Christmas Day"
        for k, w in enumerate(words)
    ):
        return True
    before = _word_before(text, mention.start, sentence_start)
    after = _word_after(text, mention.end)
    is_year = phrase.isdigit() and len(phrase) == 4
    # "Orion 1980", "Vision 2030": a year right after a capitalised word that is no date word
    # and does not start the sentence.
    if (
        is_year
        and before is not None
        and before[1] > sentence_start
        and _capitalised(before[0])
        and not _is_date_word(before[0])
        and not before[0].endswith(".")
    ):
        return True
    # "the 1921 Treaty", "the Easter Rising", "the Tet Offensive": a determiner, the date, a
    # capitalised word that is no date word.
    if (
        before is not None
        and before[0].lower() in vocab.NAME_DETERMINERS
        and after is not None
        and _capitalised(after)
        and not _is_date_word(after)
        and len(words) <= 2
        and not any(ch.isdigit() for ch in after)
    ):
        return True
    return False


def _work(text: str, start: int, end: int) -> bool:
    """A year alone in brackets after a title, unless the title names a happening."""
    lo, hi = start, end
    while lo > 0 and text[lo - 1] in " (":
        lo -= 1
    while hi < len(text) and text[hi] in " )":
        hi += 1
    if not _BRACKETED_YEAR.fullmatch(text[lo:hi].strip()):
        return False
    before = text[max(0, lo - 120) : lo].rstrip()
    words = re.findall(r"[\w'’-]+", before)[-6:]
    title_words: list[str] = []
    for word in reversed(words):  # the capitalised run right before the bracket
        if not word[:1].isupper() and not (title_words and word in _NAME_LINKS):
            break
        title_words.insert(0, word)
    while title_words and not title_words[0][:1].isupper():
        title_words.pop(0)
    title_words = title_words or words[-1:]
    if not title_words:
        return False
    if before.endswith(("”", '"', "’", "*", "_")):
        return True
    last = title_words[-1].lower()
    if last in vocab.HAPPENING_NOUNS:
        return False
    if not title_words[-1][:1].isupper():
        return False
    context = {w.lower() for w in re.findall(r"[\w'’-]+", text[max(0, lo - 200) : lo])}
    return bool(context & vocab.WORK_WORDS) or not any(
        w.lower() in vocab.HAPPENING_NOUNS for w in title_words
    )


# --------------------------------------------------------------------------- comparisons
def _clause_before(text: str, lo: int, start: int) -> str:
    """The text of the phrase's clause before it (from the last clause stop)."""
    piece = text[max(lo, start - 300) : start]
    last = None
    for last in _CLAUSE_STOP.finditer(piece):  # noqa: B007 - the last one is wanted
        pass
    return piece[last.end() :] if last else piece


def _comparison(mention: Mention, text: str, sentence: tuple[int, int]) -> bool:
    lo, hi = sentence
    phrase = mention.text.lower()
    if any(word in phrase for word in vocab.BASELINE_WORDS):
        return True
    before = _clause_before(text, lo, mention.start)
    if _THAN_BEFORE.search(before) or _THAN_AFTER.match(text, mention.end, hi):
        return True
    if _COMPARATOR.search(before) and not re.search(r"\b(?:to|until|through)\s*$", before):
        return True
    if _WHEN_AFTER.match(text, mention.end, hi):
        return False
    lead = before + ("since " if phrase.startswith("since") else "")
    if _RECORD_SINCE.search(lead) is not None:
        return True
    # "the wettest summer since records began in 1910": a record's clause of reference
    clause = _SINCE_CLAUSE.search(lead)
    if clause is None:
        return False
    return _RECORD_SINCE.search(lead[: clause.start()] + " since") is not None


# --------------------------------------------------------------------------- quotations
_QUOTE_MARK = re.compile(r"“|”|``|''|\"")


def _quote_start(text: str, line_lo: int, start: int) -> int | None:
    """Where the quotation holding ``start`` opens on its line (looking back at most
    :data:`QUOTE_REACH` characters), or None outside quotations."""
    opening = None
    for match in _QUOTE_MARK.finditer(text, max(line_lo, start - QUOTE_REACH), start):
        mark = match.group()
        if mark in ("“", "``"):
            opening = match.start()
        elif mark in ("”", "''"):
            opening = None
        else:
            opening = None if opening is not None else match.start()
    return opening


def _quoted_other_time(mention: Mention, text: str, line_lo: int, line_hi: int) -> bool:
    """A date that counts from the time of writing ("Sunday", "next week") inside a quotation
    whose introduction places the writing at another time ("In a 1951 letter, she wrote:")."""
    if mention.resolved_by not in (Resolution.PUBLISHED, Resolution.UNRESOLVED):
        return False
    opening = _quote_start(text, line_lo, mention.start)
    if opening is None:
        return False
    intro = text[max(line_lo, opening - 200) : opening]
    years = [int(y) for y in _YEAR.findall(intro)]
    written = {w.lower() for w in re.findall(r"[A-Za-z]+", intro)} & vocab.WRITTEN_SOURCES
    if not years:
        return False
    anchor = mention.anchor
    anchor_year = anchor.year if anchor is not None else None
    return bool(written) or anchor_year is None or all(y != anchor_year for y in years)
