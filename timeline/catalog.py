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
class Site:
    """What the file says about the site it makes: its title and description, in each language.

    The topic lives here, in the data, so one tool builds a timeline of any
    history; the interface's own words are in i18n.py.
    """

    title: dict[str, str]
    description: dict[str, str]
    # A short name for the history ("France and NATO"), where the title would
    # be too long: the chart's title, the embed's, the exports'. Default: the title.
    short_title: dict[str, str] | None = None
    # The published address of the site's root, ending in "/": makes the
    # embed code absolute. None when the file does not say.
    url: str | None = None
    languages: tuple[str, ...] = ("en", "fr")

    def subject(self, lang: str) -> str:
        """Return the short name of the history in ``lang``."""
        return (self.short_title or self.title)[lang]


@dataclass(frozen=True)
class Catalog:
    """Everything in one events file, checked and sorted."""

    path: str
    categories: tuple[Category, ...]
    events: tuple[Event, ...]
    eras: tuple[Era, ...]
    # None when the file has no site block: the pages then use generic words.
    site: Site | None = None

    def category(self, id: str) -> Category:
        """Return the declared category ``id``; KeyError if the file does not declare it."""
        for c in self.categories:
            if c.id == id:
                return c
        raise KeyError(f"unknown category {id!r}")

