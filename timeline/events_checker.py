"""Check the node tree of an events file and build its catalog, collecting every problem.

The rules of the file's layout (docs/events.md, events.schema.json) live
here; timeline/events.py reads the file and reports what this finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from timeline.catalog import Catalog, Category, Era, Event, Source
from timeline.dates import LANGUAGES, DateSpan, drawable
from timeline.errors import Problem
from timeline.pageids import reserved_id_problem
from timeline.site_checker import check_site
from timeline.text import fold, forbidden_character, is_web_url
from timeline.written_dates import parse_date
from timeline.yamlsource import (
    BOOL_TAG,
    INT_TAG,
    NULL_TAG,
    STR_TAG,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    kind,
    mapping_items,
    position,
    problem_at,
)

# A slug: lower-case words joined by single hyphens. Stricter than
# [a-z0-9-]+ on purpose: "-x", "x-" and "x--y" are typos, and ids end up in
# URLs and HTML anchors where they should look deliberate.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

IMPORTANCE_MIN, IMPORTANCE_MAX, IMPORTANCE_DEFAULT = 1, 3, 2

# merge.py gives items found only in an article this category id; a curated
# category with the same id would be drawn in the same lane and confuse both.
RESERVED_CATEGORIES = ("article",)

TOP_KEYS = ("site", "categories", "eras", "events")
TOP_REQUIRED = ("categories", "events")
CATEGORY_KEYS = ("id", "label")
ERA_KEYS = ("id", "start", "end", "label")
EVENT_KEYS = ("id", "date", "end", "title", "summary", "category", "sources", "keywords",
              "importance", "note")
EVENT_REQUIRED = ("id", "date", "title", "summary", "category", "sources")
SOURCE_KEYS = ("title", "publisher", "url")

T = TypeVar("T")

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

# Scalars whose raw text may be a date. An unquoted 1966 is an int and an
# unquoted 1966-03-07 a timestamp to PyYAML; both are accepted because we read
# the raw text, which is exactly what the author wrote.
_NOT_DATE_TAGS = (NULL_TAG, BOOL_TAG)

class EventsChecker:
    """Walks the node tree once, collecting problems instead of stopping at the first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        # id -> line of its first use, one namespace per section.
        self._category_ids: dict[str, int] = {}
        self._era_ids: dict[str, int] = {}
        self._event_ids: dict[str, int] = {}
        self._declared: tuple[str, ...] = ()

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(problem_at(node, self.path, message))

    # ---- generic helpers

    def fields(self, node: MappingNode, what: str, allowed: tuple[str, ...],
               required: tuple[str, ...]) -> dict[str, Node]:
        """Return a mapping's values by key, reporting unknown and missing keys."""
        found: dict[str, Node] = {}
        for key, key_node, value in mapping_items(node, self.path, self.problems):
            if key not in allowed:
                self.problem(key_node, f"unknown key {key!r} in {what}; allowed: "
                                       + ", ".join(allowed))
                continue
            found[key] = value
        for key in required:
            if key not in found:
                self.problem(node, f"{what} has no {key!r}")
        return found

    def mapping(self, node: Node, message: str) -> MappingNode | None:
        if isinstance(node, MappingNode):
            return node
        self.problem(node, f"{message}, not {kind(node)}")
        return None

    def sequence(self, node: Node, name: str) -> SequenceNode | None:
        if isinstance(node, SequenceNode):
            return node
        self.problem(node, f"{name} must be a list, not {kind(node)}")
        return None

    def text(self, node: Node, name: str) -> str | None:
        """Return non-empty text, or report why the value is not that."""
        if not isinstance(node, ScalarNode):
            self.problem(node, f"{name} must be text, not {kind(node)}")
            return None
        if node.tag != STR_TAG:
            # A bare yes, 1966 or 2009-03-11 is not text to YAML; quoting it is the fix.
            what = "a date" if node.tag == TIMESTAMP_TAG else kind(node)
            self.problem(node, f"{name} must be text, not {what}; put it in quotes")
            return None
        value = node.value.strip()
        if not value:
            self.problem(node, f"{name} is empty")
            return None
        bad = forbidden_character(value)
        if bad:
            # Only a YAML escape ("\\a") can put one here; in a page, the SVG
            # or the iCalendar file it would make the whole file unreadable.
            self.problem(node, f"{name} holds the control character {bad}, which no page or "
                               "export can carry; remove it")
            return None
        return value

    def slug(self, node: Node, name: str = "id") -> str | None:
        value = self.text(node, name)
        if value is None:
            return None
        if not SLUG.match(value):
            self.problem(node, f"{name} {value!r} is not a slug "
                               "(lower-case letters, digits and single hyphens)")
            return None
        return value

    def languages(self, node: Node, name: str) -> dict[str, str] | None:
        """Return {language: text} with every language of LANGUAGES and no other."""
        m = self.mapping(node, f"{name} must be a mapping of languages")
        if m is None:
            return None
        out: dict[str, str] = {}
        present: set[str] = set()
        ok = True
        for lang, key_node, value in mapping_items(m, self.path, self.problems):
            present.add(lang)
            if lang not in LANGUAGES:
                self.problem(key_node, f"{name} has unknown language {lang!r}; allowed: "
                                       + ", ".join(LANGUAGES))
                ok = False
                continue
            text = self.text(value, f"{name} {lang!r}")
            if text is None:
                ok = False
            else:
                out[lang] = text
        for lang in LANGUAGES:
            # A language given with a bad value was reported already.
            if lang not in present:
                self.problem(m, f"{name} has no {lang!r}")
                ok = False
        return out if ok else None

    def date(self, node: Node, name: str) -> DateSpan | None:
        """Parse a date keeping the precision it was written with."""
        if not isinstance(node, ScalarNode) or node.tag in _NOT_DATE_TAGS:
            self.problem(node, f"{name} must be a date (such as 1966, March 1966, 7 March 1966 "
                               f"or 1966-03-07), not {kind(node)}")
            return None
        try:
            span = parse_date(node.value)
        except ValueError as exc:
            # parse_date's reasons start with the quoted text: "'1966-02-30': ..."
            self.problem(node, f"{name} {exc}")
            return None
        if not drawable(span):
            self.problem(node, f"{name} {node.value!r} runs to 31 December 9999, the last day "
                               "the calendar holds, and cannot be drawn; use an earlier date")
            return None
        return span

    def end_after(self, start: DateSpan | None, end: DateSpan | None, end_node: Node,
                  start_name: str) -> bool:
        """Report an end that finishes before its start begins."""
        if start is None or end is None:
            return True
        # Compare whole spans: "1966" as the end of "1966-03-07" is coarse but
        # not wrong, so only an end wholly before the start is an error.
        if end.last < start.first:
            self.problem(end_node, f"end {end.value!r} is before {start_name} {start.value!r}")
            return False
        return True

    def unique(self, value: str | None, node: Node, seen: dict[str, int]) -> None:
        if value is None:
            return
        if value in seen:
            self.problem(node, f"duplicate id {value!r} (first on line {seen[value]})")
        else:
            seen[value] = position(node)[0]

    def items(self, node: Node | None, name: str, build: Callable[[Node], T | None]) -> list[T]:
        """Build every item of a list section, skipping (already reported) bad ones."""
        if node is None:
            return []
        seq = self.sequence(node, name)
        if seq is None:
            return []
        return [x for x in (build(item) for item in seq.value) if x is not None]

    # ---- sections

    def catalog(self, root: Node | None) -> Catalog:
        if root is None:
            self.problems.append(Problem("is empty; expected categories, eras and events",
                                         self.path))
            return Catalog(self.path, (), (), ())
        top = self.mapping(root, "the file must be a mapping with categories, eras and events")
        if top is None:
            return Catalog(self.path, (), (), ())
        parts = self.fields(top, "the file", TOP_KEYS, TOP_REQUIRED)
        site = check_site(self, parts.get("site"))

        categories = self.items(parts.get("categories"), "categories", self.category)
        # Every category whose id is sound counts as declared, even if its label
        # is not, so one bad label does not make its events "unknown" too.
        self._declared = tuple(self._category_ids)
        eras = self.items(parts.get("eras"), "eras", self.era)
        events = self.items(parts.get("events"), "events", self.event)
        return Catalog(
            self.path,
            tuple(categories),
            tuple(sorted(events, key=lambda e: (e.date.first, e.id))),
            tuple(sorted(eras, key=lambda e: (e.start.first, e.id))),
            site,
        )

    def category(self, node: Node) -> Category | None:
        m = self.mapping(node, "each category must be a mapping with id and label")
        if m is None:
            return None
        f = self.fields(m, "category", CATEGORY_KEYS, CATEGORY_KEYS)
        cid = self.slug(f["id"]) if "id" in f else None
        if cid in RESERVED_CATEGORIES:
            self.problem(f["id"], f"category id {cid!r} is reserved for items found only "
                                  "in articles")
            cid = None
        if cid is not None:
            self.unique(cid, f["id"], self._category_ids)
        label = self.languages(f["label"], "label") if "label" in f else None
        if cid is None or label is None:
            return None
        return Category(cid, label)

    def era(self, node: Node) -> Era | None:
        m = self.mapping(node, "each era must be a mapping with id, start, end and label")
        if m is None:
            return None
        f = self.fields(m, "era", ERA_KEYS, ERA_KEYS)
        eid = self.slug(f["id"]) if "id" in f else None
        self.unique(eid, f.get("id", m), self._era_ids)
        start = self.date(f["start"], "start") if "start" in f else None
        end = self.date(f["end"], "end") if "end" in f else None
        ordered = self.end_after(start, end, f.get("end", m), "start")
        label = self.languages(f["label"], "label") if "label" in f else None
        if None in (eid, start, end, label) or not ordered:
            return None
        assert eid is not None and start is not None and end is not None and label is not None
        return Era(eid, start, end, label, position(m)[0])

    def event(self, node: Node) -> Event | None:
        m = self.mapping(node, "each event must be a mapping")
        if m is None:
            return None
        f = self.fields(m, "event", EVENT_KEYS, EVENT_REQUIRED)
        ok = True

        eid = self.slug(f["id"]) if "id" in f else None
        reserved = reserved_id_problem(eid) if eid is not None else None
        if reserved:
            self.problem(f["id"], reserved)
            eid = None
        self.unique(eid, f.get("id", m), self._event_ids)
        date = self.date(f["date"], "date") if "date" in f else None
        end = self.date(f["end"], "end") if "end" in f else None
        ok &= self.end_after(date, end, f.get("end", m), "date")
        if "end" in f and end is None:
            ok = False
        title = self.languages(f["title"], "title") if "title" in f else None
        summary = self.languages(f["summary"], "summary") if "summary" in f else None

        category = self.text(f["category"], "category") if "category" in f else None
        if category is not None and category not in self._declared:
            declared = ", ".join(self._declared) or "none"
            self.problem(f["category"], f"unknown category {category!r}; declared: {declared}")
            category = None

        sources: tuple[Source, ...] | None = None
        if "sources" in f:
            seq = self.sequence(f["sources"], "sources")
            if seq is not None:
                if not seq.value:
                    self.problem(seq, "sources is empty; give at least one")
                built = [self.source(s) for s in seq.value]
                if seq.value and all(s is not None for s in built):
                    sources = tuple(s for s in built if s is not None)

        keywords: tuple[str, ...] | None = ()
        if "keywords" in f:
            keywords = self.keywords(f["keywords"])

        importance: int | None = IMPORTANCE_DEFAULT
        if "importance" in f:
            importance = self.importance(f["importance"])

        note = self.text(f["note"], "note") if "note" in f else None
        if "note" in f and note is None:
            ok = False

        if not ok or None in (eid, date, title, summary, category, sources, keywords,
                              importance):
            return None
        assert eid is not None and date is not None and title is not None
        assert summary is not None and category is not None and sources is not None
        assert keywords is not None and importance is not None
        return Event(eid, date, end, title, summary, category, sources, keywords,
                     importance, position(m)[0], note)

    def source(self, node: Node) -> Source | None:
        m = self.mapping(node, "each source must be a mapping with title, publisher and url")
        if m is None:
            return None
        f = self.fields(m, "source", SOURCE_KEYS, SOURCE_KEYS)
        title = self.text(f["title"], "source title") if "title" in f else None
        publisher = self.text(f["publisher"], "publisher") if "publisher" in f else None
        url = self.text(f["url"], "url") if "url" in f else None
        if url is not None and not _is_web_url(url):
            self.problem(f["url"], f"url {url!r} is not an http(s) URL")
            url = None
        if title is None or publisher is None or url is None:
            return None
        return Source(title, publisher, url)

    def keywords(self, node: Node) -> tuple[str, ...] | None:
        seq = self.sequence(node, "keywords")
        if seq is None:
            return None
        out: list[str] = []
        seen: dict[str, tuple[str, int]] = {}
        ok = True
        for item in seq.value:
            word = self.text(item, "keyword")
            if word is None:
                ok = False
                continue
            # Linking ignores case and accents (text.fold), so "NATO" and
            # "nato", or "résolution" and "resolution", are the same keyword.
            folded = fold(word)
            if folded in seen:
                first, line = seen[folded]
                self.problem(item, f"keyword {word!r} repeats {first!r} (line {line}); "
                                   "case and accents are ignored")
                continue
            seen[folded] = (word, position(item)[0])
            out.append(word)
        return tuple(out) if ok else None

    def importance(self, node: Node) -> int | None:
        if not isinstance(node, ScalarNode) or node.tag != INT_TAG:
            self.problem(node, f"importance must be a whole number from {IMPORTANCE_MIN} to "
                               f"{IMPORTANCE_MAX}, not {kind(node)}")
            return None
        try:
            value = int(node.value)
        except ValueError:  # YAML 1.1 ints such as 0x10 or 1_000
            value = IMPORTANCE_MAX + 1
        if not IMPORTANCE_MIN <= value <= IMPORTANCE_MAX:
            self.problem(node, f"importance must be from {IMPORTANCE_MIN} (minor) to "
                               f"{IMPORTANCE_MAX} (major), not {node.value}")
            return None
        return value


def _is_web_url(url: str) -> bool:
    """Return whether ``url`` is an absolute http(s) address a reader can open."""
    return is_web_url(url)

