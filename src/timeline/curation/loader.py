"""Strict loading of the curated file, with the exact line and column of every mistake.

The YAML is composed into a node tree (never constructed), so every scalar stays the text
the curator typed: an id ``2022`` or ``yes`` is a string, not a number or a boolean, and
every node keeps its position in the file.

The file may name the documents of the timeline (``documents: reports/``, or a list of
folders and files), so that every command finds them when given no paths.

The file may be split into several YAML documents, each starting with a line ``---``
(this is how ``timeline review --append`` adds entries without touching what is already
there). The documents are read as one: each may hold any of the sections ``sources``,
``events`` and ``add``, their entries are collected in order, and an id or a source path may
still be written only once in the whole file.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..dates import DateError, DateValue
from ..documents.files import special_kind
from ..events.ids import assign_prefixes
from .model import (
    AddedEvent,
    Correction,
    Curation,
    CurationError,
    CurationFileError,
    DateReading,
    Ref,
    SourceMeta,
)
from .written import parse_written

__all__ = ["load_curation", "parse_curation"]

Pos = tuple[int, int]
Reader = Callable[[Node, str], object]

SECTION_KEYS = ("documents", "sources", "events", "add")
SOURCE_KEYS = ("title", "published", "url", "publisher", "note", "numeric-dates")
NUMERIC_ORDERS = ("day-first", "month-first")
CORRECTION_KEYS = ("date", "title", "tags", "note", "drop", "merge", "distinct")
ADDED_KEYS = ("date", "title", "tags", "note", "source", "sources")
ADDED_REQUIRED = ("date", "title")
#: Keys that make no sense next to ``drop: true``.
DROP_CONFLICTS = ("date", "title", "tags", "merge", "distinct")

_YAML = "tag:yaml.org,2002:"
#: Plain scalars YAML would read as something other than text, and how to name them.
NON_TEXT_KINDS = {
    _YAML + "null": "nothing",
    _YAML + "bool": "a boolean",
    _YAML + "int": "a number",
    _YAML + "float": "a number",
    _YAML + "timestamp": "a date",
}
BOOL_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
_UTF8_BOM = b"\xef\xbb\xbf"
#: The largest curated file read (a hand-written file is far smaller; this bounds a mistake).
MAX_BYTES = 32 * 2**20
#: The most characters aliases (``*name``) may repeat in a file, all uses together.
MAX_ALIAS_EXPANSION = 1_000_000


def load_curation(path: str | Path) -> Curation:
    """Read and check the curated file at ``path``; raise :class:`CurationError` if unusable."""
    shown = str(path)
    return parse_curation(_read_text(Path(path), shown), shown)


def parse_curation(text: str, path: str = "<curation>") -> Curation:
    """Check curated YAML given as text; ``path`` is only used in messages."""
    roots = [
        root
        for root in _compose(text, path)
        if not _is_null(root)  # an empty document, or nothing but comments
    ]
    _bound_aliases(roots, path)
    if not roots:
        return Curation.empty(path)
    return _Loader(path).curation(roots)


# --------------------------------------------------------------------------- reading


def _read_text(path: Path, shown: str) -> str:
    return _read_bytes_and_text(path, shown)[1]


def _read_bytes_and_text(path: Path, shown: str) -> tuple[bytes, str]:
    """The curated file's bytes, and its text as the loader reads it.

    Only a regular file is read (a named pipe or a device could give bytes for ever, or
    none), and at most ``MAX_BYTES`` of it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise CurationFileError(shown, "no such file", missing=True) from None
    except IsADirectoryError:
        raise CurationFileError(shown, "this is a directory, not a curated file") from None
    except PermissionError:
        raise CurationFileError(shown, "permission denied: cannot read the file") from None
    except OSError as err:
        raise CurationFileError(shown, f"cannot read the file: {err.strerror or err}") from None
    kind = _special_kind(os.fstat(fd).st_mode)
    if kind:
        os.close(fd)
        if kind == "this is a directory":
            raise CurationFileError(shown, "this is a directory, not a curated file")
        raise CurationFileError(shown, f"{kind}, not a file; the curated file must be a file")
    with os.fdopen(fd, "rb") as handle:
        try:
            raw = data = handle.read(MAX_BYTES + 1)
        except OSError as err:
            raise CurationFileError(shown, f"cannot read the file: {err.strerror or err}") from None
    if len(raw) > MAX_BYTES:
        raise CurationFileError(
            shown, f"the file is larger than {MAX_BYTES // 2**20} MB, the most a curated file may "
            "be; split the documents into several collections, each with its curated file",
        )  # fmt: skip
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return raw, data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _byte_position(data, err.start)
        raise CurationFileError(
            shown,
            f"not UTF-8 text: byte 0x{data[err.start]:02x} cannot be read (save the file as UTF-8)",
            line=line,
            column=column,
        ) from None


def _special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, for messages; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a directory"
    return f"this is {special_kind(mode)}"


def _byte_position(data: bytes, offset: int) -> Pos:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def _text_position(text: str, offset: int) -> Pos:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


#: libyaml's parser, when PyYAML was built with it: the same node tree, twenty times faster.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose_fast(text: str) -> list[Node] | None:
    """The node tree from libyaml, or None when it is missing or the text does not load (the
    pure-Python parser then says what is wrong, and where, as it always has)."""
    if _FAST_LOADER is None:
        return None
    try:
        roots = list(yaml.compose_all(text, Loader=_FAST_LOADER))
    except Exception:  # noqa: BLE001 - any failure is told by the pure-Python parser
        return None
    pending, seen = list(roots), set()
    while pending:  # libyaml marks a plain scalar with the style '', PyYAML with None
        node = pending.pop()
        if id(node) in seen:  # an alias, perhaps to a node that holds it
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            node.style = node.style or None
        elif isinstance(node, SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, MappingNode):
            pending.extend(item for pair in node.value for item in pair)
    return roots


def _compose(text: str, path: str) -> list[Node]:
    fast = _compose_fast(text)
    if fast is not None:
        return fast
    try:
        return list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise CurationError(path, line, column, _syntax_message(err)) from None
    except yaml.reader.ReaderError as err:
        line, column = _text_position(text, err.position)
        code = ord(err.character) if isinstance(err.character, str) else err.character
        raise CurationError(
            path,
            line,
            column,
            f"could not read YAML: unacceptable character #x{code:04x} "
            f"({err.reason}); remove it or write it as an escape in a double-quoted string",
        ) from None
    except RecursionError:
        raise CurationError(path, 1, 1, "could not read YAML: nested too deeply") from None
    except yaml.YAMLError as err:  # any other PyYAML complaint, without a position
        raise CurationError(path, 1, 1, f"could not read YAML: {err}") from None


def _bound_aliases(roots: list[Node], path: str) -> None:
    """Refuse a file whose aliases (``*name``) repeat more than ``MAX_ALIAS_EXPANSION``
    characters in all: a small file could otherwise stand for gigabytes of text."""
    sizes: dict[int, int] = {}

    def size(node: Node) -> int:  # characters a node stands for, once each node
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 0  # a node that holds itself counts nothing more
        if isinstance(node, ScalarNode):
            total = len(node.value)
        elif isinstance(node, MappingNode):
            total = sum(size(key) + size(value) for key, value in node.value)
        else:
            total = sum(size(item) for item in node.value)
        sizes[id(node)] = min(total, MAX_ALIAS_EXPANSION + 1)
        return sizes[id(node)]

    seen: set[int] = set()
    repeated = 0
    todo = list(roots)
    while todo:
        node = todo.pop()
        if id(node) in seen:  # the same node again: an alias of it
            repeated += size(node)
            if repeated > MAX_ALIAS_EXPANSION:
                line, column = _pos(node)
                raise CurationError(
                    path, line, column, "aliases (*name) in this file repeat more than "
                    f"{MAX_ALIAS_EXPANSION:,} characters, this anchor's among them; write "
                    "the values out",
                )  # fmt: skip
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            todo.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            todo.extend(node.value)


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    problem = err.problem or "unreadable YAML"
    context = err.context
    if context and context.startswith("while"):
        where = f" starting at line {err.context_mark.line + 1}" if err.context_mark else ""
        problem = f"{problem} ({context}{where})"
    elif context:
        problem = f"{context}, {problem}"
    if "'\\t'" in problem:
        problem += "; indent with spaces, not tabs"
    return f"could not read YAML: {problem}"


# --------------------------------------------------------------------------- nodes


def _pos(node: Node) -> Pos:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = NON_TEXT_KINDS.get(node.tag, "text")
    return kind if kind == "nothing" else f"{kind} ({node.value!r})"


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _YAML + "null" and node.style is None


def _is_text(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag not in NON_TEXT_KINDS


def _quote_offset(node: ScalarNode) -> int | None:
    """Columns between the node's mark and its first character; None if not on one line."""
    if node.start_mark.line != node.end_mark.line:
        return None
    return {None: 0, "'": 1, '"': 1}.get(node.style)


def _hint(name: str, allowed: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f" (allowed: {', '.join(allowed)})"


Items = list[tuple[str, ScalarNode, Node]]


class _Loader:
    """Turns the composed node tree into a :class:`Curation`, failing at the first mistake."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.readings: list[DateReading] = []
        #: Source path -> True when it writes numeric dates day first (``numeric-dates:``).
        self.orders: dict[str, bool] = {}

    def fail(self, where: Node | Pos, message: str) -> NoReturn:
        line, column = _pos(where) if isinstance(where, Node) else where
        raise CurationError(self.path, line, column, message)

    # ----------------------------------------------------------------- structure
    def mapping(self, node: Node, what: str, *, null_ok: bool = False) -> Items:
        """The key/value pairs of a mapping; keys are plain text, each written once."""
        if null_ok and _is_null(node):
            return []
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what} must be a mapping (key: value lines), found {_describe(node)}")
        items: Items = []
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = self.key_name(key, what)
            if name in seen:
                self.fail(key, f"duplicate key {name!r} in {what} (first at line {seen[name]})")
            seen[name] = _pos(key)[0]
            items.append((name, key, value))
        return items

    def key_name(self, key: Node, what: str) -> str:
        if not isinstance(key, ScalarNode):
            self.fail(key, f"a key in {what} must be plain text, found {_describe(key)}")
        if key.tag == _YAML + "merge":
            self.fail(key, f"merge keys ('<<') are not supported in {what}; write the keys out")
        if not key.value.strip():
            self.fail(key, f"empty key in {what}")
        return str(key.value)

    def check_keys(self, items: Items, allowed: tuple[str, ...], where: str) -> None:
        for name, key, _ in items:
            if name not in allowed:
                self.fail(key, f"unknown key {name!r} {where}{_hint(name, allowed)}")

    # ----------------------------------------------------------------- scalars
    # ``what`` names the value in messages: "'title' in event 004:june-2018".
    def scalar(self, node: Node, what: str, expected: str) -> str:
        """Any non-empty scalar, as the text typed (ids, paths, dates)."""
        if not isinstance(node, ScalarNode) or _is_null(node):
            self.fail(node, f"{what} must be {expected}, found {_describe(node)}")
        if not node.value.strip():
            self.fail(node, f"{what} is empty; expected {expected}")
        return str(node.value)

    def text(self, node: Node, what: str) -> str:
        """Text proper: a bare ``yes``, ``5`` or ``2022-05-16`` is refused, quoted it is fine."""
        if isinstance(node, ScalarNode) and not _is_text(node) and not _is_null(node):
            self.fail(
                node,
                f"{what} must be text, found {_describe(node)}; "
                f"put it in quotes if you mean the text {node.value!r}",
            )
        return self.scalar(node, what, "text")

    def order(self, node: Node, what: str) -> str:
        """``day-first`` or ``month-first``: how to read numeric dates such as 01/03/2023."""
        value = self.text(node, what)
        if value not in NUMERIC_ORDERS:
            self.fail(node, f"{what} must be {' or '.join(NUMERIC_ORDERS)}, not {value!r}")
        return value

    def date(self, node: Node, what: str, day_first: bool | None = None) -> DateValue:
        """EDTF, or a date written as in a text ("3 March 2023"): see ``curation.written``.
        ``day_first`` is how the source concerned writes numeric dates, when it says."""
        value = self.scalar(node, what, "a date (EDTF, e.g. 2022-05-16, 2018-06 or late 2022)")
        assert isinstance(node, ScalarNode)
        try:
            return DateValue.parse(value)
        except DateError:
            pass
        try:
            parsed = parse_written(value, day_first=day_first)
        except DateError as err:
            line, column = _pos(node)
            offset = _quote_offset(node)
            if offset is not None:
                column += offset + err.column
            self.fail((line, column), f"bad date for {what}: {err}")
        self.readings.append(DateReading(value, parsed, *_pos(node)))
        return parsed

    def dated_by(self, paths: list[str]) -> bool | None:
        """How the sources ``paths`` write numeric dates, when they say and agree."""
        orders = {self.orders[path] for path in paths if path in self.orders}
        return orders.pop() if len(orders) == 1 else None

    def boolean(self, node: Node, what: str) -> bool:
        if isinstance(node, ScalarNode) and node.tag == _YAML + "bool":
            return BOOL_WORDS[node.value.lower()]
        self.fail(node, f"{what} must be true or false, found {_describe(node)}")

    def text_list(self, node: Node, what: str) -> list[str]:
        """A list of texts, or one text standing for a list of one."""
        if _is_text(node):
            return [self.text(node, what)]
        if not isinstance(node, SequenceNode):
            self.fail(node, f"{what} must be a list of text (or one text), found {_describe(node)}")
        return [ref.id for ref in self.unique(node, what, self.text)]

    def ref_list(self, node: Node, what: str, expected: str) -> list[Ref]:
        """A list of ids or paths (one alone is fine), each with its position, none twice."""
        if isinstance(node, ScalarNode) and not _is_null(node):
            return [Ref(self.scalar(node, what, expected), *_pos(node))]
        if not isinstance(node, SequenceNode):
            self.fail(node, f"{what} must be a list of {expected}s, found {_describe(node)}")
        return self.unique(
            node, what, lambda item, item_what: self.scalar(item, item_what, expected)
        )

    def unique(self, node: SequenceNode, what: str, read: Callable[[Node, str], str]) -> list[Ref]:
        refs: list[Ref] = []
        seen: dict[str, int] = {}
        for item in node.value:
            value = read(item, f"an item of {what}")
            if value in seen:
                self.fail(
                    item, f"{value!r} is listed twice in {what} (first at line {seen[value]})"
                )
            seen[value] = _pos(item)[0]
            refs.append(Ref(value, *_pos(item)))
        return refs

    # ----------------------------------------------------------------- sections
    def curation(self, roots: list[Node]) -> Curation:
        """The sections of every document in the file, read as one."""
        sections: dict[str, list[Node]] = {name: [] for name in SECTION_KEYS}
        for root in roots:
            items = self.mapping(root, "the top level of the file")
            self.check_keys(items, SECTION_KEYS, "at the top level")
            for name, _, value in items:
                sections[name].append(value)
        documents = self.documents(sections["documents"])
        sources = self.sources(sections["sources"])
        corrections = self.corrections(sections["events"])
        added = self.added(sections["add"], corrections)
        return Curation(self.path, sources, corrections, added, documents, self.readings)

    def documents(self, nodes: list[Node]) -> list[Ref]:
        """``documents:``: a folder or file, or a list of them; written once in the file."""
        if len(nodes) > 1:
            first = nodes[0].start_mark.line + 1
            self.fail(nodes[1], f"'documents' is written twice (first at line {first}); list "
                                "every folder and file under one 'documents:'")  # fmt: skip
        if not nodes:
            return []
        what = "'documents' (the folders and files to read)"
        return self.ref_list(nodes[0], what, "folder or file path")

    def section(self, nodes: list[Node], name: str, what: str) -> Items:
        """The entries of one section, gathered from every document; none written twice."""
        items: Items = []
        seen: dict[str, int] = {}
        for node in nodes:
            for entry in self.mapping(node, f"{name!r} ({what})", null_ok=True):
                key = entry[1]
                if entry[0] in seen:
                    self.fail(
                        key,
                        f"duplicate key {entry[0]!r} in {name!r} ({what}) "
                        f"(first at line {seen[entry[0]]})",
                    )
                seen[entry[0]] = _pos(key)[0]
                items.append(entry)
        return items

    def entry(
        self, key: ScalarNode, node: Node, allowed: tuple[str, ...], label: str
    ) -> dict[str, tuple[ScalarNode, Node]]:
        """One entry of a section ("event 004:june-2018"): a non-empty mapping of allowed keys."""
        items = [] if _is_null(node) else self.mapping(node, f"the entry for {label}")
        if not items:
            self.fail(key, f"the entry for {label} is empty (expected {', '.join(allowed)})")
        self.check_keys(items, allowed, f"in {label}")
        return {name: (name_node, value) for name, name_node, value in items}

    def read(
        self, entry: dict[str, tuple[ScalarNode, Node]], label: str, **special: Reader
    ) -> dict[str, object]:
        """Each value of an entry, read as its key says (``special`` readers first)."""
        readers: dict[str, Reader] = {
            "date": self.date,
            "published": self.date,
            "title": self.text,
            "note": self.text,
            "url": self.text,
            "publisher": self.text,
            "tags": self.text_list,
            "drop": self.boolean,
            **special,
        }
        return {
            name: readers[name](node, f"{name!r} in {label}") for name, (_, node) in entry.items()
        }

    def sources(self, nodes: list[Node]) -> dict[str, SourceMeta]:
        result: dict[str, SourceMeta] = {}
        for path, key, value in self.section(nodes, "sources", "source paths to their details"):
            label = f"source {path}"
            entry = self.entry(key, value, SOURCE_KEYS, label)
            if "numeric-dates" in entry:
                order = self.order(entry["numeric-dates"][1], f"'numeric-dates' in {label}")
                self.orders[path] = order == "day-first"

            def published(node: Node, what: str, path: str = path) -> DateValue:
                return self.date(node, what, self.orders.get(path))

            values = self.read(entry, label, **{"numeric-dates": self.order}, published=published)
            values["numeric_dates"] = values.pop("numeric-dates", None)
            # arg-type: each value was read by the reader its key names, which checks its type
            result[path] = SourceMeta(path, *_pos(key), **values)  # type: ignore[arg-type]
        return result

    def corrections(self, nodes: list[Node]) -> dict[str, Correction]:
        prefixes = assign_prefixes(list(self.orders), set(self.orders))
        self.order_of_prefix = {prefixes[path]: order for path, order in self.orders.items()}
        result: dict[str, Correction] = {}
        for cid, key, value in self.section(nodes, "events", "candidate ids to corrections"):
            result[cid] = self.correction(cid, key, value)
        self.check_merges(result)
        return result

    def correction(self, cid: str, key: ScalarNode, node: Node) -> Correction:
        label = f"event {cid}"
        entry = self.entry(key, node, CORRECTION_KEYS, label)
        day_first = self.order_of_prefix.get(cid.split(":", 1)[0])
        values = self.read(
            entry,
            label,
            date=lambda node, what: self.date(node, what, day_first),
            merge=lambda node, what: self.id_list(cid, node, what, "merge"),
            distinct=lambda node, what: self.id_list(cid, node, what, "be distinct from"),
        )
        if values.get("drop"):
            for name in DROP_CONFLICTS:
                if name in entry:
                    self.fail(
                        entry[name][0],
                        f"event {cid} is dropped, so its {name!r} would be "
                        "ignored; remove one of them (a 'note' may say why)",
                    )
        return Correction(
            cid,
            *_pos(key),
            **values,  # type: ignore[arg-type]  # each read and checked by its key's reader
            positions={name: _pos(value) for name, (_, value) in entry.items()},
        )

    def id_list(self, cid: str, node: Node, what: str, verb: str) -> list[Ref]:
        refs = self.ref_list(node, what, "candidate id")
        for ref in refs:
            if ref.id == cid:
                self.fail((ref.line, ref.column), f"event {cid} cannot {verb} itself")
        return refs

    def check_merges(self, corrections: dict[str, Correction]) -> None:
        """Each id is merged into one event at most, and a merged event merges nothing."""
        owner: dict[str, tuple[str, Ref]] = {}
        for correction in corrections.values():
            for ref in correction.merge:
                if ref.id in owner:
                    first, first_ref = owner[ref.id]
                    self.fail(
                        (ref.line, ref.column),
                        f"{ref.id!r} is merged into both {first} (line {first_ref.line}) "
                        f"and {correction.id}",
                    )
                owner[ref.id] = (correction.id, ref)
        for correction in corrections.values():
            merged = {ref.id for ref in correction.merge}
            for ref in correction.distinct:
                if ref.id in merged:
                    self.fail(
                        (ref.line, ref.column),
                        f"event {correction.id} both merges {ref.id!r} and says it is "
                        "distinct; keep one of the two",
                    )
            if correction.merge and correction.id in owner:
                target, ref = owner[correction.id]
                self.fail(
                    correction.positions["merge"],
                    f"event {correction.id} is merged into {target} (line {ref.line}), so "
                    f"it cannot merge other events itself; list them under {target}",
                )

    def added(self, nodes: list[Node], corrections: dict[str, Correction]) -> dict[str, AddedEvent]:
        result: dict[str, AddedEvent] = {}
        for aid, key, value in self.section(nodes, "add", "new event ids to their details"):
            if aid in corrections:
                self.fail(
                    key,
                    f"{aid!r} under 'add' is also an id under 'events' (line "
                    f"{corrections[aid].line}); an added event needs an id of its own",
                )
            result[aid] = self.added_event(aid, key, value)
        return result

    def added_event(self, aid: str, key: ScalarNode, node: Node) -> AddedEvent:
        label = f"added event {aid}"
        entry = self.entry(key, node, ADDED_KEYS, label)
        for name in ADDED_REQUIRED:
            if name not in entry:
                self.fail(key, f"{label} needs a {name!r}")
        if "source" in entry and "sources" in entry:
            later = max(entry["source"][0], entry["sources"][0], key=lambda n: n.start_mark.index)
            self.fail(later, f"use either 'source' or 'sources' in {label}, not both")
        cited: list[str] = []  # the sources, read loosely here: only to date numeric dates
        for name in ("source", "sources"):
            if name in entry:
                node = entry[name][1]
                items = node.value if isinstance(node, SequenceNode) else [node]
                cited += [str(n.value) for n in items if isinstance(n, ScalarNode)]
        values = self.read(
            entry,
            label,
            date=lambda node, what: self.date(node, what, self.dated_by(cited)),
            source=lambda node, what: [self.scalar(node, what, "a source path")],
            sources=lambda node, what: [r.id for r in self.ref_list(node, what, "source path")],
        )
        paths = values.pop("source", None) or values.pop("sources", None) or []
        if not paths and values.get("note") is None:
            self.fail(
                key,
                f"{label} needs a source ('source:' or 'sources:') "
                "or a 'note' saying where it comes from",
            )
        # arg-type: each value was read by the reader its key names, which checks its type
        return AddedEvent(aid, *_pos(key), sources=paths, **values)  # type: ignore[arg-type]
