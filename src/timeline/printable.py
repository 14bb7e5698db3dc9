"""Text from documents made safe to print: no control character reaches a terminal as such.

A document's text, its title or a file's name may hold terminal control sequences: ESC ``[2J``
clears the screen, ``ESC ]52;`` (OSC 52) writes to the clipboard, others change colours or
the window title. Everything printed for a person to read goes through :func:`printable`,
which replaces each C0 control character but tab and newline, DEL, and each C1 control
character with one visible character: the C0 ones and DEL by their Unicode control picture
(ESC becomes ``␛``, BEL ``␇``), the C1 ones by ``�``. One character stands for one, so
offsets into a quote and the width of a line are kept.

JSON is made safe without changing what it says (:func:`json_printable`): JSON already
escapes C0 characters, and DEL and the C1 characters, which it may leave raw, are written as
``\\u`` escapes too.
"""

from __future__ import annotations

import re

__all__ = ["json_printable", "printable"]

_KEEP = {ord("\t"), ord("\n")}
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in _KEEP}
_PICTURES[0x7F] = "\u2421"  # ␡
_PICTURES.update(dict.fromkeys(range(0x80, 0xA0), "\ufffd"))
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in [0x7F, *range(0x80, 0xA0)]}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline made visible."""
    return text.translate(_PICTURES) if _CONTROL.search(text) else text


def json_printable(text: str) -> str:
    """JSON text with DEL and the C1 control characters written as ``\\u`` escapes.

    The result decodes to the same data: outside strings JSON has no such characters.
    """
    return text.translate(_JSON_ESCAPES) if _RAW_IN_JSON.search(text) else text
