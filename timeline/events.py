"""The curated history: load and check ``events.yaml``.

Teachers and journalists show these events as facts, so the file is checked
strictly and *completely*: every problem is collected and reported as
``file:line:column: message`` in one go, because fixing a hand-edited file one
error per run is slow and discourages checking at all.

The file is read through PyYAML's compose stage (``timeline.yamlsource``) and
walked node by node rather than loaded into Python objects: nodes keep their
positions, and keep each scalar exactly as written, so ``date: 1966`` stays a
*year* instead of becoming the number 1966 or, for ``1966-03-07``, a
``datetime.date`` that has lost the fact that it was written at day precision.

The layout is documented in ``docs/events.md`` and mirrored for editors by
``events.schema.json``; this module is the authority (the JSON Schema cannot
check impossible days, duplicate ids or undeclared categories).
"""

from __future__ import annotations

from pathlib import Path

from timeline.catalog import Catalog, Category, Era, Event, Source
from timeline.errors import InputError, Problem
from timeline.events_checker import EventsChecker
from timeline.readfile import read_at_most
from timeline.yamlsource import compose

__all__ = ["Catalog", "Category", "Era", "Event", "Source", "MAX_EVENTS_BYTES", "load_events",
           "validate_events"]

# The shipped history is ~33 kB; a file hundreds of times larger is a mistake
# (a dump, the wrong path), refused before it is parsed.
MAX_EVENTS_BYTES = 16 * 1024 * 1024


def validate_events(path: str | Path) -> list[Problem]:
    """Return every problem in the events file, in file order; [] when it is valid."""
    return _check(path)[1]


def load_events(path: str | Path, data: bytes | None = None) -> Catalog:
    """Load the events file, or raise InputError listing every problem at once.

    ``data``, when given, is the file's content already read (read_bytes):
    a build hashes and parses the same bytes.
    """
    catalog, problems = _check(path, data)
    if problems or catalog is None:
        raise InputError(problems or [Problem("could not be read", str(path))])
    return catalog


# --------------------------------------------------------------------------- reading


def read_bytes(path: str | Path) -> bytes:
    """Return the events file's bytes, or raise InputError with one clear reason."""
    name = str(path)
    path = Path(path)
    try:
        if not path.exists():
            raise InputError(Problem("file not found", name))
        if path.is_dir():
            raise InputError(Problem("is a folder, not an events file", name))
        data = read_at_most(path, MAX_EVENTS_BYTES)
    except OSError as exc:
        raise InputError(Problem(f"cannot be read: {exc.strerror or exc}", name)) from None
    if len(data) > MAX_EVENTS_BYTES:
        raise InputError(Problem(f"is more than {MAX_EVENTS_BYTES:,} bytes, the limit for an "
                                 "events file", name))
    return data


def _decode(data: bytes, name: str) -> str:
    """Return the file's text, or raise InputError at the first byte that is not UTF-8."""
    try:
        # utf-8-sig: a byte-order mark left by some Windows editors is harmless.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(Problem("is not UTF-8 text", name, line, column)) from None


def _check(path: str | Path, data: bytes | None = None) -> tuple[Catalog | None, list[Problem]]:
    name = str(path)
    try:
        text = _decode(read_bytes(path) if data is None else data, name)
        root = compose(text, name)
    except InputError as exc:
        return None, exc.problems
    checker = EventsChecker(name)
    catalog = checker.catalog(root)
    # Problems are found section by section (categories first, so events can
    # be checked against them wherever they are declared); people read them
    # top to bottom. The sort is stable, so problems at one place keep order.
    problems = sorted(checker.problems, key=lambda p: (p.line or 0, p.column or 0))
    return (None if problems else catalog), problems

