"""The project's own error types.

Library code raises these; only the CLI turns them into an exit status and a
one-line message. Every error that comes from bad input carries the place it
was found, so the message can point a person straight at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where it is (1-based line and column)."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        # One line, whatever a file name holds: a newline in a name must not
        # start a forged "Error:" line of its own.
        from timeline.text import printable

        place = [p for p in (self.path, self.line, self.column) if p is not None]
        if not place:
            return printable(self.message)
        return printable(":".join(str(p) for p in place) + ": " + self.message)


class TimelineError(Exception):
    """Base class for every error this project raises on purpose."""


class InputError(TimelineError):
    """An input file is missing, unreadable or invalid; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem | str, path: str | Path | None = None):
        if isinstance(problems, str):
            problems = [Problem(problems, str(path) if path is not None else None)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(TimelineError):
    """The output folder cannot be used or written safely."""
