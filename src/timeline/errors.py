"""The project's small family of errors and its exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the ``timeline`` command returns."""

    OK = 0  # done; nothing wrong
    PROBLEMS = 1  # done, but problems were found (check), or some documents were skipped
    BAD_INPUT = 2  # bad usage or unreadable input: nothing useful could be done


class TimelineError(Exception):
    """Base of the errors the tool reports to its user as a message, never a traceback."""

    exit_code = ExitCode.BAD_INPUT


class DocumentError(TimelineError):
    """A document that cannot be read: missing, binary, undecodable."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
