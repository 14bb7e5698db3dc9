"""Score the temporal tagger against annotated corpora, as TempEval-3 task A does.

    PYTHONPATH=src python benchmarks/score_tagger.py [--corpora PATH] [--errors N]

Reads ``tbaq/`` (TimeML, TIMEX3, with a document creation time) and ``wikiwars-dev/``
(inline TIMEX2, no useful publication date) under the corpora folder, tags every document and
prints, per corpus: relaxed and strict precision/recall/F1 (extents overlap / are identical),
value and type accuracy over relaxed matches, recall per gold type, and the most frequent
errors (missed and spurious surface forms, wrong values).

Our values are compared in TIMEX spelling: seasons ``2022-21`` are ``2022-SP``, quarters
``-33`` are ``-Q1``, halves ``-40`` are ``-H1``, decades ``199X`` are ``199``, centuries ``18XX``
are ``18``, years before the common era ``-0479`` are ``BC0480``, a weekend (Saturday to Sunday)
is ``1998-W33-WE``. An open interval ("since
2019") is compared by its one end. A gold value with a time of day, whatever its tagged type,
is compared by its day; a one-digit gold week ("2000-W7") is read as "2000-W07". The qualifier
(gold ``mod``) is not scored.

Wrong values are also counted by kind (the gold value left unspecified, a date against a
duration, another unit of the same precision, another precision of the same year), with one
extra figure that is not TempEval-3's: value accuracy if agreeing with what an unspecified
gold value does give ("1989-W42" for "1989-WXX") counted as right.

Conventions, as TempEval-3 task A: a closed range mention ("1939-45", "from June to September
2022") is split at its separator into the two mentions TimeML annotates, each with the value
of its end; a part of a year or a month, which the tagger gives as the span of it ("the
first two months of 1939" is ``1939-01/1939-02``), into the duration and the date TimeML
annotates ("the first two months", ``P2M``, and "1939"); a reporting period named by its
length and its end ("the year ended Aug. 31", ``1988-09/1989-08``) into its duration and its
end ("the year", ``P1Y``, and "Aug. 31"); a span named by its length after or before a date
told ("the following two years", 1937 to 1938), and a report's period named by its length
alone ("the nine months", January to September), as the duration TimeML annotates (``P2Y``,
``P9M``).
The tagger runs with ``refs=True``
so that "now", "recently" and BC years are returned (value ``None``, TIMEX value in
``duration``). A gold tag of type DURATION whose value
is PRESENT_REF/PAST_REF/FUTURE_REF is typed DATE (TIMEX2 in WikiWars has no type attribute).
One relaxed system match per gold tag; a system mention overlapping two gold tags counts once
for precision. Nested TIMEX2 tags are scored by the outermost only.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timeline.dates import DateError, DateValue, Precision  # noqa: E402
from timeline.models import Kind, Mention  # noqa: E402
from timeline.tagger import tag  # noqa: E402

TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
SUBYEAR = {21: "SP", 22: "SU", 23: "FA", 24: "WI", 33: "Q1", 34: "Q2", 35: "Q3", 36: "Q4",
           40: "H1", 41: "H2"}  # fmt: skip


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    gold: list[Gold]
    published: DateValue | None


# ------------------------------------------------------------------------------ reading
def _strip(body: str, timex: str) -> tuple[str, list[Gold]]:
    """Plain text of ``body`` and its outermost ``timex`` tags, with offsets in that text."""
    out: list[str] = []
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    gold: list[Gold] = []
    pos = 0
    for m in TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != timex or m.group(4):
            continue
        if not m.group(1):
            stack.append((length, dict(ATTR.findall(m.group(3)))))
        elif stack:
            start, attrs = stack.pop()
            if not stack:  # outermost only
                text = "".join(out)[start:length]
                gold.append(Gold(start, length, text, _type(attrs), _value(attrs)))
    out.append(html.unescape(body[pos:]))
    return "".join(out), gold


def _type(attrs: dict[str, str]) -> str:
    if "type" in attrs:
        return attrs["type"]
    value = attrs.get("val", "")
    if attrs.get("set") == "YES":
        return "SET"
    if re.match(r"P(?:T?[0-9X])", value):  # not PRESENT_REF / PAST_REF
        return "DURATION"
    return "TIME" if re.match(r"[0-9X]{4}[^T]*T", value) else "DATE"


def _value(attrs: dict[str, str]) -> str:
    return attrs.get("value", attrs.get("val", ""))


def read_tbaq(folder: Path) -> Iterator[Doc]:
    for path in sorted(folder.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if body is None:
            continue
        text, gold = _strip(body.group(1), "TIMEX3")
        dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
        published = None
        if dct:
            value = dict(ATTR.findall(dct.group()))["value"][:10]
            try:
                published = DateValue.parse(value)
            except DateError:
                published = None
        yield Doc(path.name, text, gold, published)


def read_wikiwars(folder: Path) -> Iterator[Doc]:
    for path in sorted(folder.glob("*.xml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if body is None:
            continue
        text, gold = _strip(body.group(1), "TIMEX2")
        yield Doc(path.name, text, gold, None)


# ------------------------------------------------------------------------------ values
#: Where a closed range is cut into its two ends: "2012-2021", "June to September 2022".
RANGE_CUT = re.compile(r"\s{0,3}(?:[-‐‑‒–—]|\b(?:to|through|thru|until|till|and)\b)\s{0,3}", re.I)


#: A part of a year or a month ("the first two months of 1939"), cut where TimeML cuts it.
PART_CUT = re.compile(
    r"(?i:the\s+(?:first|last|final|opening|closing)\s+(?:\S+\s+)?(month|days?|months))\s+of\s+"
)


#: A reporting period named by its length and end ("the year ended Aug. 31"), cut where TimeML
#: cuts it: the duration ("the year") and the end ("Aug. 31").
ENDED_CUT = re.compile(
    r"(?i:(the\s+(?:fiscal\s+|financial\s+)?(?:year|(\S+)\s+(months|weeks))))"
    r"\s+(?i:ended|ending|that\s+ended|to)\s+(?i:in\s+)?"
)
#: A span named by its length after or before a date told ("the following two years", 1937
#: to 1938), which TimeML annotates as the duration ("P2Y").
SPAN_TOLD = re.compile(
    r"(?i:the\s+(?:following|ensuing|subsequent|previous|preceding)\s+(\S+)\s+"
    r"(years|months|weeks|days))"
    r"|(?i:(?:the|its)\s+(three|six|nine|twelve|\d+)[\s-]+(months?))"
)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip


def split_ranges(mentions: list[Mention]) -> list[Mention]:
    """A closed range as the two mentions TimeML annotates: "from 1990 to 1995" is ``1990``
    and ``1995``; "1-3 March 2023" is ``1`` and ``3 March 2023``. Each end keeps its value.
    A part of a year or a month, "the first two months of 1939", is the duration "the first
    two months" (``P2M``) and the date "1939"."""
    out: list[Mention] = []
    for m in mentions:
        ends = m.value.endpoints if m.value is not None else None
        part = PART_CUT.match(m.text) if m.value is not None else None
        if part is not None:
            out.extend(_split_part(m, part))
            continue
        period = ENDED_CUT.match(m.text)
        if period is not None:
            out.extend(_split_period(m, period))
            continue
        told = SPAN_TOLD.fullmatch(m.text) if m.value is not None else None
        if told is not None:
            count = told.group(1) or told.group(3)
            unit = (told.group(2) or told.group(4))[0].upper()
            number = int(count) if count.isdigit() else NUMBER_WORDS.get(count.lower(), "X")
            out.append(replace(m, kind=Kind.DURATION, value=None, duration=f"P{number}{unit}"))
            continue
        cut = RANGE_CUT.search(m.text) if ends and None not in ends else None
        if cut is None or ends is None:
            out.append(m)
            continue
        left_end, right_start = m.start + cut.start(), m.start + cut.end()
        out.append(replace(m, end=left_end, text=m.text[: cut.start()], value=ends[0]))
        out.append(replace(m, start=right_start, text=m.text[cut.end() :], value=ends[1]))
    return out


def _split_part(m: Mention, part: re.Match[str]) -> list[Mention]:
    value = m.value
    assert value is not None
    first, last = value.endpoints or (value, value)
    assert first is not None and last is not None and first.earliest and last.earliest
    if part.group(1).lower().startswith("month"):
        count, unit = last.earliest.month - first.earliest.month + 1, "M"
        whole = DateValue.of_year(first.earliest.year)
    else:
        count, unit = last.earliest.day - first.earliest.day + 1, "D"
        whole = DateValue.of_month(first.earliest.year, first.earliest.month)
    length = part.end(1)
    return [
        replace(m, end=m.start + length, text=m.text[:length], kind=Kind.DURATION, value=None,
                duration=f"P{count}{unit}"),
        replace(m, start=m.start + part.end(), text=m.text[part.end() :], value=whole),
    ]  # fmt: skip


def _split_period(m: Mention, cut: re.Match[str]) -> list[Mention]:
    """ "the year ended Aug. 31" as TimeML annotates it: "the year" (``P1Y``), "Aug. 31"."""
    count, unit = cut.group(2), (cut.group(3) or "").lower()
    if not unit:
        duration = "P1Y"
    else:
        number = int(count) if count.isdigit() else NUMBER_WORDS.get(count.lower(), "X")
        duration = f"P{number}{'M' if unit == 'months' else 'W'}"
    length = cut.end(1)
    rest = m.text[cut.end() :]
    end = m.value.endpoints[1] if m.value is not None and m.value.endpoints else None
    named_day = re.search(r"\d", rest.split(",")[0]) is not None
    if end is not None and end.precision is Precision.MONTH and named_day:
        last = end.latest  # the text names the day: the month's last, which the span ends with
        assert last is not None
        end = DateValue.of_day(last.year, last.month, last.day)
    return [
        replace(m, end=m.start + length, text=m.text[:length], kind=Kind.DURATION, value=None,
                duration=duration),
        replace(m, start=m.start + cut.end(), text=rest, value=end),
    ]  # fmt: skip


def timex_values(m: Mention) -> set[str]:
    """The TIMEX values our mention stands for (two for a closed range)."""
    if m.kind in (Kind.DURATION, Kind.SET) or (m.value is None and m.duration):
        return {m.duration or ""}
    if m.value is None:
        return set()
    value = m.value
    if value.endpoints is not None:
        weekend = _weekend(value)
        if weekend:
            return {weekend}
        return {_timex(v) for v in value.endpoints if v is not None}
    return {_timex(value)}


def _weekend(value: DateValue) -> str | None:
    """A Saturday-to-Sunday interval in TIMEX spelling: ``1998-W33-WE``."""
    start, end = value.endpoints or (None, None)
    sat = start.earliest if start is not None and start.precision is Precision.DAY else None
    sun = end.earliest if end is not None and end.precision is Precision.DAY else None
    if sat is None or sun is None or sat.weekday() != 5 or (sun - sat).days != 1:
        return None
    year, week, _ = sat.isocalendar()
    return f"{year}-W{week:02d}-WE"


def _timex(value: DateValue) -> str:
    edtf = value.edtf.rstrip("~")
    if value.is_before_common_era and value.endpoints is None:
        # TIMEX counts years before the common era without a year 0: -0479 is BC0480
        if value.precision is Precision.CENTURY:
            return f"BC{int(edtf[1:3]):02d}"
        year, *rest = edtf.lstrip("-").split("-")  # "-0479-08" is BC0480-08
        if rest and int(rest[0]) > 20:
            rest[0] = SUBYEAR[int(rest[0])]
        return "-".join([f"BC{1 + int(year) if edtf.startswith('-') else 1:04d}", *rest])
    parts = edtf.split("-")
    if len(parts) == 2 and parts[1].isdigit() and int(parts[1]) > 20:
        return f"{parts[0]}-{SUBYEAR[int(parts[1])]}"
    return edtf.rstrip("X") if re.fullmatch(r"\d{1,3}X+", edtf) else edtf


def normalise_gold(value: str, kind: str) -> str:
    if re.fullmatch(r"\d{1,3}X+", value):
        value = value.rstrip("X")
    if re.match(r"[0-9X]{4}-[0-9X]{2}-[0-9X]{2}T", value):  # a time, of any tagged type
        return value.split("T")[0]
    week = re.fullmatch(r"(\d{4}-W)(\d)", value)
    if week:  # "2000-W7": ISO 8601 writes week numbers with two digits
        return f"{week.group(1)}0{week.group(2)}"
    decades = re.fullmatch(r"P(\d+)DE", value)
    if decades:
        return f"P{int(decades.group(1)) * 10}Y"
    return value


# ------------------------------------------------------------------------------ scoring
@dataclass
class Score:
    gold: int = 0
    system: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    strict: int = 0
    value_ok: int = 0
    type_ok: int = 0
    matched: int = 0
    wrong_kinds: Counter[str] = field(default_factory=Counter)

    def prf(self, tp_sys: int, tp_gold: int) -> tuple[float, float, float]:
        p = tp_sys / self.system if self.system else 0.0
        r = tp_gold / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _shape(text: str) -> str:
    return re.sub(r"\d", "9", " ".join(text.lower().split()))


def wrong_kind(ours: set[str], gold: str) -> str:
    """Why a matched mention's value differs from the gold one, in a few broad kinds."""
    if not ours:
        return "no value (a time with no day, a date with no year)"
    if "X" in gold:
        prefix = gold.split("X", 1)[0].rstrip("-W")
        if prefix and any(v.startswith(prefix) for v in ours):
            return "gold value left unspecified (1989-WXX), ours agrees with what it gives"
    ours_dated = any(re.match(r"\d{4}", v) for v in ours)
    if ours_dated != bool(re.match(r"\d{4}", gold)):
        return "a date on one side, a duration or reference (P1W, PAST_REF) on the other"
    shape = re.sub(r"\d", "9", gold)
    if any(re.sub(r"\d", "9", v) == shape for v in ours):
        return "another day, week, month or year of the same precision"
    if any(v[:4] == gold[:4] for v in ours):
        return "the same year at another precision (1988 vs 1988-Q3)"
    return "other"


def score(
    docs: list[Doc],
) -> tuple[Score, Counter[str], Counter[str], Counter[str], Counter[str], Counter[str]]:
    s = Score()
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    type_total: Counter[str] = Counter()
    type_found: Counter[str] = Counter()
    for doc in docs:
        mentions = split_ranges(tag(doc.text, doc.published, refs=True))
        s.gold += len(doc.gold)
        s.system += len(mentions)
        hit_system: set[int] = set()
        for g in doc.gold:
            type_total[g.type] += 1
            overlapping = [i for i, m in enumerate(mentions) if m.start < g.end and g.start < m.end]
            if not overlapping:
                missed[_shape(g.text)] += 1
                continue
            s.relaxed_gold += 1
            type_found[g.type] += 1
            hit_system.update(overlapping)
            m = mentions[overlapping[0]]
            s.matched += 1
            if (m.start, m.end) == (g.start, g.end):
                s.strict += 1
            if m.kind.value.upper() == g.type:
                s.type_ok += 1
            gold_value = normalise_gold(g.value, g.type)
            if gold_value in timex_values(m):
                s.value_ok += 1
            else:
                ours = "/".join(sorted(timex_values(m))) or "-"
                wrong[f"{_shape(m.text)!r}: {ours} vs {gold_value or '-'}"] += 1
                s.wrong_kinds[wrong_kind(timex_values(m), gold_value)] += 1
        s.relaxed_system += len(hit_system)
        for i, m in enumerate(mentions):
            if i not in hit_system:
                spurious[_shape(m.text)] += 1
    return s, missed, spurious, wrong, type_total, type_found


def report(name: str, docs: list[Doc], errors: int) -> None:
    s, missed, spurious, wrong, totals, found = score(docs)
    rp, rr, rf = s.prf(s.relaxed_system, s.relaxed_gold)
    sp, sr, sf = s.prf(s.strict, s.strict)
    value_acc = s.value_ok / s.matched if s.matched else 0.0
    type_acc = s.type_ok / s.matched if s.matched else 0.0
    print(f"\n== {name}: {len(docs)} documents, {s.gold} gold, {s.system} system mentions")
    print(f"relaxed  P {rp:6.1%}  R {rr:6.1%}  F1 {rf:6.1%}")
    print(f"strict   P {sp:6.1%}  R {sr:6.1%}  F1 {sf:6.1%}")
    print(f"value accuracy {value_acc:6.1%}  (value F1 {value_acc * rf:6.1%})")
    print(f"type accuracy  {type_acc:6.1%}  (type F1 {type_acc * rf:6.1%})")
    print("recall per type: " + ", ".join(
        f"{t} {found[t] / n:.1%} of {n}" for t, n in totals.most_common()))  # fmt: skip
    print("wrong values by kind:")
    for kind, count in s.wrong_kinds.most_common():
        print(f"   {count:4d}  {kind}")
    unspecified = sum(n for k, n in s.wrong_kinds.items() if k.startswith("gold value left"))
    if s.matched:
        print(f"value accuracy counting agreement with an unspecified gold value as right "
              f"(not TempEval-3's measure): {(s.value_ok + unspecified) / s.matched:6.1%}")
    for title, counter in (("missed", missed), ("spurious", spurious), ("wrong value", wrong)):
        print(f"-- {errors} most frequent {title}:")
        for text, count in counter.most_common(errors):
            print(f"   {count:4d}  {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT / ".." / "shared" / "corpora")
    parser.add_argument("--errors", type=int, default=15, help="errors listed per kind")
    args = parser.parse_args(argv)
    folder: Path = args.corpora
    if not folder.is_dir():
        print(
            f"score_tagger: no corpora folder at {folder}; give one with --corpora", file=sys.stderr
        )
        return 2
    corpora = (("tbaq", read_tbaq), ("wikiwars-dev", read_wikiwars))
    found_any = False
    for name, reader in corpora:
        sub = folder / name
        if not sub.is_dir():
            print(f"score_tagger: {sub} is missing; skipped", file=sys.stderr)
            continue
        found_any = True
        report(name, list(reader(sub)), args.errors)
    return 0 if found_any else 2


if __name__ == "__main__":
    raise SystemExit(main())
