"""The curated history as values: categories, eras, events and their sources.

What timeline/events.py loads from events.yaml and checks; the merge and
the chart read it. Kept apart from the loader so that reading a catalog's
types needs neither YAML nor the checker.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.dates import DateSpan


@dataclass(frozen=True)
class Source:
    """Where a fact was read: a reader must be able to follow it.

    Curated events cite these, and so do the timeline's items (model.py).
    """

    title: str
    publisher: str
    url: str

    def record(self) -> dict[str, str]:
        """Return the JSON-ready form the data exports write."""
        return {"title": self.title, "publisher": self.publisher, "url": self.url}


@dataclass(frozen=True)
class Event:
    """One curated event, dated only as precisely as its sources allow."""

    id: str
    date: DateSpan
    end: DateSpan | None
    title: dict[str, str]
    summary: dict[str, str]
    category: str
    sources: tuple[Source, ...]
    keywords: tuple[str, ...]
    importance: int
    line: int
    # An editor's note (why the date has this precision, what is disputed);
    # kept for reviewers, not shown on the timeline.
    note: str | None = None


@dataclass(frozen=True)
class Era:
    """A shaded period behind the events, e.g. France outside the integrated command."""

    id: str
    start: DateSpan
    end: DateSpan
    label: dict[str, str]
    line: int


@dataclass(frozen=True)
class Category:
    """A kind of event, declared by the file so its labels can be translated."""

    id: str
    label: dict[str, str]


@dataclass(frozen=True)
class Catalog:
    """Everything in one events file, checked and sorted."""

    path: str
    categories: tuple[Category, ...]
    events: tuple[Event, ...]
    eras: tuple[Era, ...]

    def category(self, id: str) -> Category:
        """Return the declared category ``id``; KeyError if the file does not declare it."""
        for c in self.categories:
            if c.id == id:
                return c
        raise KeyError(f"unknown category {id!r}")

