"""Across documents: merge proposals and check's false alarms, on the development corpora.

    python benchmarks/corroboration.py [--corpora PATH] [--src DIR] [--show N]

Runs the command-line tool (``python -m timeline``, the code under ``--src``, by default this
checkout's ``src``) in temporary folders, as a user would, and prints:

**events-dev** (22 documents; 20 news articles of which several tell the same happenings, and
2 history articles of different wars). Its annotation has one entry per dated happening in
each document and no link between documents; ``benchmarks/events_dev_same.yaml`` (a
benchmark input, never read by the tool) says which happenings of different documents are
the same. Publication dates come from ``published.tsv`` through a curated file, as
``events-dev/score.py`` does. Each candidate is matched to the gold happening whose phrases
it overlaps. Then:

- *merge precision*: of the pairs of members of ``timeline review``'s proposed groups that come
  from different documents, the share that are one happening (the same gold happening, or
  gold happenings judged the same); a pair with a member on no gold happening (a not-event,
  an unannotated phrase) is wrong; pairs judged "either" count neither way. Groups with a
  wrong pair are counted too, and pairs of one document that join two different happenings.
- *merge recall*: of the pairs of gold happenings judged the same, the share that some group
  holds (a candidate of each).
- *check*: ``timeline check``'s contradiction warnings (right when the two candidates are one
  happening, else false alarms), anachronism and weekday errors (every one is a false alarm
  on these texts, whose dates the annotation confirms).

**wikiwars-dev** (16 history articles, each about another war, no publication dates) and
**tbaq** (256 news articles with their publication dates; several tell of the same stories):
the same commands on unseen-like collections, with no judgement: the number of proposed
groups and of pairs across documents, and of check's contradictions and errors. On
wikiwars-dev every proposal and contradiction is almost surely wrong; ``--show`` prints
them (and those of events-dev) to read.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
JUDGED = Path(__file__).resolve().parent / "events_dev_same.yaml"
TAG = re.compile(r"<[^>]+>")
DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>')
VALUE = re.compile(r'value="([^"]+)"')


# --------------------------------------------------------------------------- running the tool


def run(folder: Path, src: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(src), "TIMELINE_CACHE_DIR": str(folder / ".cache")}
    done = subprocess.run(
        [sys.executable, "-m", "timeline", *args, "docs"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode not in (0, 1):
        sys.exit(f"timeline {' '.join(args)} failed ({done.returncode}): {done.stderr[-600:]}")
    return done.stdout


def prepare(folder: Path, texts: dict[str, str], published: dict[str, str]) -> None:
    (folder / "docs").mkdir(parents=True)
    (folder / "data").mkdir()
    for name, text in texts.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    sources = {f"docs/{n}": {"published": p} for n, p in published.items() if n in texts}
    with open(folder / "data" / "events.yaml", "w", encoding="utf-8") as handle:
        yaml.safe_dump({"sources": sources} if sources else {}, handle)


def results(folder: Path, src: Path) -> tuple[dict[str, dict], list[dict], list[dict]]:
    """The candidates by id, the proposed groups, and check's problems."""
    candidates = {}
    for line in run(folder, src, "extract").splitlines():
        if line.strip():
            found = json.loads(line)
            candidates[found["id"]] = found
    groups = json.loads(run(folder, src, "review", "--format", "json"))["groups"]
    problems = json.loads(run(folder, src, "check", "--format", "json"))["problems"]
    return candidates, groups, problems


# --------------------------------------------------------------------------- events-dev


def whole_word_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])")
    return [m.span() for m in pattern.finditer(text)]


def load_gold(folder: Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Gold happenings per document (key, spans, title) and the documents' texts."""
    gold, texts = {}, {}
    for path in sorted((folder / "gold").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = data["document"]
        text = (folder / "docs" / name).read_text(encoding="utf-8")
        texts[name] = text
        events = []
        for event in data.get("events") or []:
            refs = [(event["phrase"], event.get("occurrence", 1))]
            refs += [(a["phrase"], a.get("occurrence", 1)) for a in event.get("also") or []]
            spans = []
            for phrase, occurrence in refs:
                found = whole_word_spans(text, phrase)
                if 0 < occurrence <= len(found):
                    spans.append(found[occurrence - 1])
            key = f"{name} | {event['phrase']} | {event.get('occurrence', 1)}"
            events.append({"key": key, "spans": spans, "title": event["titles"][0]})
        gold[name] = events
    return gold, texts


def load_judged(gold: dict[str, list[dict]]) -> tuple[list[list[str]], list[list[str]]]:
    data = yaml.safe_load(JUDGED.read_text(encoding="utf-8"))
    known = {e["key"] for events in gold.values() for e in events}
    for sets in (data["same"], data["either"]):
        for members in sets:
            for key in members:
                if key not in known:
                    sys.exit(f"{JUDGED.name}: no gold happening {key!r}")
    return data["same"], data["either"]


def gold_of(candidate: dict, gold: dict[str, list[dict]]) -> str | None:
    name = os.path.basename(candidate["source"])
    start, end = candidate["start"], candidate["end"]
    for event in gold.get(name, []):
        if any(start < e and s < end for s, e in event["spans"]):
            return event["key"]
    return None


def judge(a: str | None, b: str | None, same: set[frozenset[str]], either: set) -> str:
    if a is None or b is None:
        return "wrong"
    if a == b or frozenset((a, b)) in same:
        return "right"
    return "either" if frozenset((a, b)) in either else "wrong"


def pairs_of(sets: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for members in sets for p in combinations(members, 2)}


def events_dev(corpora: Path, src: Path, temp: Path, show: int) -> dict[str, float]:
    folder = corpora / "events-dev"
    gold, texts = load_gold(folder)
    same_sets, either_sets = load_judged(gold)
    same, either = pairs_of(same_sets), pairs_of(either_sets)
    published = dict(
        line.rstrip("\n").split("\t")
        for line in (folder / "published.tsv").read_text(encoding="utf-8").splitlines()
        if "\t" in line
    )
    work = temp / "events-dev"
    prepare(work, texts, published)
    candidates, groups, problems = results(work, src)
    label = {cid: gold_of(c, gold) for cid, c in candidates.items()}
    tally: Counter[str] = Counter()
    found_pairs: set[frozenset[str]] = set()
    shown: list[str] = []
    for group in groups:
        verdicts = []
        for a, b in combinations(group["ids"], 2):
            ca, cb = candidates[a], candidates[b]
            ga, gb = label[a], label[b]
            if ca["source"] == cb["source"]:
                if ga and gb and ga != gb:
                    tally["one-document pairs joining two happenings"] += 1
                continue
            verdict = judge(ga, gb, same, either)
            tally[f"pairs {verdict}"] += 1
            verdicts.append(verdict)
            if ga and gb:
                found_pairs.add(frozenset((ga, gb)))
        tally["groups"] += 1
        tally["groups with a wrong pair"] += "wrong" in verdicts
        if show and ("wrong" in verdicts or show > 1):
            shown.append(describe(group, candidates, label, "wrong" in verdicts))
    recall_found = len(same & found_pairs)
    contradictions = [p for p in problems if p["code"] == "contradiction"]
    right_contradictions = 0
    for problem in contradictions:
        ids = [problem.get("subject"), *re.findall(r"(\S+) in docs/", problem["message"])]
        ga, gb = (label.get(i) for i in ids[:2]) if len(ids) >= 2 else (None, None)
        verdict = judge(ga, gb, same, either)
        right_contradictions += verdict == "right"
        if show and verdict != "right":
            shown.append(f"  FALSE ALARM {problem['message'][:300]}")
    errors = Counter(p["code"] for p in problems if p["level"] == "error")
    right, wrong = tally["pairs right"], tally["pairs wrong"]
    figures = {
        "groups": tally["groups"],
        "groups wrong": tally["groups with a wrong pair"],
        "pairs right": right,
        "pairs wrong": wrong,
        "pairs either": tally["pairs either"],
        "one-doc wrong joins": tally["one-document pairs joining two happenings"],
        "precision": right / (right + wrong) if right + wrong else 1.0,
        "recall": recall_found / len(same) if same else 0.0,
        "recall found": recall_found,
        "recall of": len(same),
        "contradictions": len(contradictions),
        "false alarms": len(contradictions) - right_contradictions + sum(errors.values()),
        "errors": dict(errors),
    }
    print(
        f"events-dev: {len(texts)} documents, {len(candidates)} candidates; "
        f"{figures['groups']} groups proposed ({figures['groups wrong']} with a wrong pair); "
        f"pairs across documents: {right} right, {wrong} wrong, {figures['pairs either']} "
        f"either; {figures['one-doc wrong joins']} one-document pairs of two happenings"
    )
    print(
        f"  merge precision {figures['precision']:.3f}, recall {figures['recall']:.3f} "
        f"({recall_found} of {len(same)} judged pairs)"
    )
    print(
        f"  check: {len(contradictions)} contradiction warnings ({right_contradictions} right), "
        f"errors {dict(errors) or 0}; false alarms {figures['false alarms']}"
    )
    for line in shown:
        print(line)
    if show:
        for pair in sorted(same - found_pairs, key=sorted):
            print(f"  MISSED {' <> '.join(sorted(pair))}")
    return figures


def describe(group: dict, candidates: dict, label: dict, wrong: bool) -> str:
    lines = [f"  {'WRONG' if wrong else 'group'} {group['date']['display']} "
             f"[{', '.join(group['terms'])}]"]  # fmt: skip
    for cid in group["ids"]:
        c = candidates[cid]
        quote = " ".join(c["quote"].split())[:150]
        lines.append(f"      {cid} ({c['text']}) = {label.get(cid) or '-'}: {quote}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- unjudged corpora


def read_tbaq(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    texts, published = {}, {}
    for path in sorted(folder.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if body is None:
            continue
        name = path.stem + ".txt"
        texts[name] = html.unescape(TAG.sub("", body.group(1)))
        dct = DCT.search(raw)
        value = VALUE.search(dct.group()) if dct else None
        if value:
            published[name] = value.group(1)[:10]
    return texts, published


def read_wikiwars(folder: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(folder.glob("*.xml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if body is not None:
            texts[path.stem + ".txt"] = html.unescape(TAG.sub("", body.group(1)))
    return texts


def unjudged(
    name: str, texts: dict[str, str], published: dict[str, str], src: Path, temp: Path, show: int
) -> dict[str, int]:
    work = temp / name
    prepare(work, texts, published)
    candidates, groups, problems = results(work, src)
    pairs = 0
    for group in groups:
        sources = [candidates[i]["source"] for i in group["ids"]]
        pairs += sum(1 for a, b in combinations(sources, 2) if a != b)
    contradictions = sum(1 for p in problems if p["code"] == "contradiction")
    errors = Counter(p["code"] for p in problems if p["level"] == "error")
    print(
        f"{name}: {len(texts)} documents, {len(candidates)} candidates; {len(groups)} groups "
        f"proposed ({pairs} pairs across documents); check: {contradictions} contradiction "
        f"warnings, errors {dict(errors) or 0}"
    )
    if show:
        for group in groups[:show]:
            print(describe(group, candidates, {}, False))
        for problem in [p for p in problems if p["code"] == "contradiction"][:show]:
            print(f"  contradiction {problem['message'][:300]}")
    return {"groups": len(groups), "pairs": pairs, "contradictions": contradictions,
            "errors": sum(errors.values())}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the code to run")
    parser.add_argument("--show", type=int, default=0, help="print wrong groups and alarms")
    parser.add_argument("--only", choices=("events-dev", "wikiwars-dev", "tbaq"))
    args = parser.parse_args()
    if not (args.corpora / "events-dev").is_dir():
        sys.exit(f"no development corpora under {args.corpora}")
    with tempfile.TemporaryDirectory(prefix="timeline-corroboration-") as name:
        temp = Path(name)
        src = temp / "src"
        shutil.copytree(args.src.resolve(), src)
        if args.only in (None, "events-dev"):
            events_dev(args.corpora, src, temp, args.show)
        if args.only in (None, "wikiwars-dev"):
            texts = read_wikiwars(args.corpora / "wikiwars-dev")
            unjudged("wikiwars-dev", texts, {}, src, temp, args.show)
        if args.only in (None, "tbaq"):
            texts, published = read_tbaq(args.corpora / "tbaq")
            unjudged("tbaq", texts, published, src, temp, args.show)


if __name__ == "__main__":
    main()
