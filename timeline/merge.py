"""Merge article mentions with the curated history into one pandas frame.

This is the point of the tool: a reader sees which history an article invokes.
A mention links to a curated event when (1) their dates are compatible at the
coarser of the two precisions — "1966" fits 7 March 1966 — and (2) the
sentence around the mention supports it, through the event's keywords. The
best-scoring event wins; ties break on importance, then date, then id, so the
result never depends on dictionary or file order. Every link keeps its
evidence (which date fitted, which words matched) so it can be shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from timeline.dates import DateSpan, drawable, from_timex
from timeline.text import fold

if TYPE_CHECKING:
    import pandas as pd

    from timeline.article import Article
    from timeline.events import Catalog, Event
    from timeline.mention import Mention

# The columns of the timeline frame, named once here.
ID = "id"
START = "start"            # first day the item may refer to (datetime.date)
END = "end"                # last day (datetime.date), inclusive
PRECISION = "precision"    # of the start date: day, month, year, week, ...
VALUE = "value"            # TIMEX3 value of the start
END_VALUE = "end_value"    # TIMEX3 value of the end, or None
TITLE = "title"            # {"en": ..., "fr": ...}
SUMMARY = "summary"        # {"en": ..., "fr": ...}
CATEGORY = "category"
IMPORTANCE = "importance"
ORIGIN = "origin"          # curated, article or both
MENTIONS = "mentions"      # list of mention records, see mention_record()
SOURCES = "sources"        # list of {"title", "publisher", "url"}
KEYWORDS = "keywords"
COLUMNS = (ID, START, END, PRECISION, VALUE, END_VALUE, TITLE, SUMMARY, CATEGORY, IMPORTANCE,
           ORIGIN, MENTIONS, SOURCES, KEYWORDS)

# Columns of the frame of mentions that are reported but not plotted.
UNPLOTTED_COLUMNS = ("article", "start", "end", "text", "value", "sentence", "reason")

CURATED, ARTICLE, BOTH = "curated", "article", "both"
ARTICLE_CATEGORY = "article"

# A date alone is weak evidence: with no supporting words the link is made
# only when the two dates are the same at the same precision.
KEYWORD_WEIGHT = 10
SAME_PRECISION_BONUS = 3
MIN_SCORE_WITHOUT_WORDS = SAME_PRECISION_BONUS


@dataclass(frozen=True)
class Link:
    """Why a mention was attached to an event."""

    event_id: str
    score: int
    date_fit: str
    matched: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    """The merged timeline: plotted items and mentions that cannot be plotted."""

    items: pd.DataFrame
    unplotted: pd.DataFrame


@lru_cache(maxsize=4096)
def _folded(keyword: str) -> str:
    return fold(keyword)


@lru_cache(maxsize=4096)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(fold(keyword)) + r"(?!\w)")


def event_span(event: Event) -> DateSpan:
    """Return the whole span of an event, from its start to its end if it has one."""
    if event.end is None:
        return event.date
    return DateSpan(event.date.first, event.end.last, event.date.precision, event.date.value)


def date_fit(mention: DateSpan, event: Event) -> str | None:
    """Describe how the dates fit at the coarser precision, or None when they do not."""
    span = event_span(event)
    if mention.contains(event.date) or mention.contains(span):
        return f"{mention.value} contains {event.date.value}"
    if span.contains(mention):
        return f"{event.date.value} contains {mention.value}" if event.end is None else \
            f"{mention.value} lies within {event.date.value}–{event.end.value}"
    return None


def score_link(span: DateSpan, fit: str, folded_sentence: str, event: Event) -> Link | None:
    """Score a link whose dates fit (``fit``, from date_fit); None when words rule it out.

    ``folded_sentence`` is the mention's sentence passed through fold() once
    by the caller: an archive has tens of thousands of mentions.
    """
    # A substring test first: most keywords are absent, and it is far cheaper
    # than the word-boundary regex that confirms a hit.
    matched = tuple(sorted({k for k in event.keywords
                            if _folded(k) in folded_sentence
                            and _keyword_pattern(k).search(folded_sentence)}))
    score = KEYWORD_WEIGHT * len(matched)
    if span.value == event.date.value:
        score += SAME_PRECISION_BONUS
    if not matched and score < MIN_SCORE_WITHOUT_WORDS:
        return None
    return Link(event.id, score, fit, matched)


class Linker:
    """Links mentions to a catalog's events, remembering which events each date fits.

    An archive repeats the same few hundred dates tens of thousands of times;
    the dates are compared once per distinct value, the words once per mention.
    """

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = list(events)
        self._fitting: dict[str, list[tuple[Event, str]]] = {}

    def fitting(self, span: DateSpan) -> list[tuple[Event, str]]:
        """Return the events whose dates fit ``span``, each with how."""
        found = self._fitting.get(span.value)
        if found is None:
            found = [(e, fit) for e in self.events if (fit := date_fit(span, e)) is not None]
            self._fitting[span.value] = found
        return found

    def best(self, mention: Mention, span: DateSpan) -> Link | None:
        """Pick the best event for a mention; deterministic on ties."""
        candidates = self.fitting(span)
        if not candidates:
            return None
        folded = fold(mention.sentence)
        ranked = []
        for event, fit in candidates:
            link = score_link(span, fit, folded, event)
            if link is not None:
                ranked.append((-link.score, -event.importance, event.date.first, event.id, link))
        return min(ranked)[-1] if ranked else None


def mention_record(article: Article, mention: Mention, link: Link | None) -> dict[str, Any]:
    """Return the JSON-ready record of one mention, with its link evidence."""
    return {
        "article": article.id,
        "article_title": article.title,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "value": mention.value,
        "sentence": mention.sentence,
        "anchor": mention.anchor,
        "date_fit": link.date_fit if link else None,
        "matched": list(link.matched) if link else [],
    }


def _curated_row(event: Event) -> dict[str, Any]:
    last = event.end.last if event.end else event.date.last
    return {
        ID: event.id, START: event.date.first, END: last, PRECISION: event.date.precision,
        VALUE: event.date.value, END_VALUE: event.end.value if event.end else None,
        TITLE: dict(event.title), SUMMARY: dict(event.summary), CATEGORY: event.category,
        IMPORTANCE: event.importance, ORIGIN: CURATED, MENTIONS: [],
        SOURCES: [{"title": s.title, "publisher": s.publisher, "url": s.url}
                  for s in event.sources],
        KEYWORDS: list(event.keywords),
    }


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def article_only_id(value: str) -> str:
    """Return the id of the item that gathers every unexplained mention of one date."""
    return "date-" + value.lower()


def _article_only_row(span: DateSpan, records: list[dict[str, Any]],
                      by_id: Mapping[str, Article]) -> dict[str, Any]:
    first = records[0]
    # The article's own words are the only honest title for an item no
    # curated event explains; the date label carries the date.
    title = _shorten(first["sentence"])
    cited = sorted({r["article"] for r in records})
    sources = [{"title": by_id[a].title, "publisher": by_id[a].byline or "",
                "url": by_id[a].source_url} for a in cited if by_id[a].source_url]
    return {
        ID: article_only_id(span.value), START: span.first, END: span.last,
        PRECISION: span.precision, VALUE: span.value, END_VALUE: None,
        TITLE: {"en": title, "fr": title},
        SUMMARY: {"en": first["sentence"], "fr": first["sentence"]},
        CATEGORY: ARTICLE_CATEGORY, IMPORTANCE: 1, ORIGIN: ARTICLE, MENTIONS: records,
        SOURCES: sources, KEYWORDS: [],
    }


def articles_of(row: Mapping[str, Any]) -> list[str]:
    """Return the ids of the articles that mention an item, in order."""
    return sorted({r["article"] for r in row[MENTIONS]})


def build_timeline(catalog: Catalog, articles: Iterable[Article],
                   mentions: Mapping[str, Sequence[Mention]], *,
                   min_articles: int = 1, linker: Linker | None = None) -> Timeline:
    """Link every article's mentions to the catalog and return the merged frame.

    A date no curated event explains becomes one article-only item, shared by
    every article that mentions it; it is kept when at least ``min_articles``
    articles do (a master timeline of a whole archive asks for two, so that
    one article's passing date does not crowd out what the press returns to).
    A ``linker`` made for this catalog may be passed in to reuse what it
    remembers across many calls.
    """
    import pandas as pd

    events = list(catalog.events)
    linker = linker or Linker(events)
    by_id = {a.id: a for a in articles}
    rows = {event.id: _curated_row(event) for event in events}
    only: dict[str, tuple[DateSpan, list[dict[str, Any]]]] = {}
    unplotted: list[dict[str, Any]] = []
    for article_id in sorted(by_id):
        article = by_id[article_id]
        for mention in mentions.get(article_id, ()):
            span = from_timex(mention.value)
            if span is None or not drawable(span):
                unplotted.append({"article": article_id, "start": mention.start,
                                  "end": mention.end, "text": mention.text,
                                  "value": mention.value, "sentence": mention.sentence,
                                  "reason": _unplotted_reason(mention.value)})
                continue
            link = linker.best(mention, span)
            record = mention_record(article, mention, link)
            if link is not None:
                row = rows[link.event_id]
                row[MENTIONS].append(record)
                row[ORIGIN] = BOTH
            else:
                only.setdefault(span.value, (span, []))[1].append(record)
    for span, records in only.values():
        row = _article_only_row(span, records, by_id)
        rows[row[ID]] = row
    items = _frame(rows.values())
    unplotted_frame = pd.DataFrame(unplotted, columns=list(UNPLOTTED_COLUMNS), dtype=object)
    merged = Timeline(items=items, unplotted=unplotted_frame)
    return merged if min_articles <= 1 else shared_by(merged, min_articles)


def _frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Build the items frame from row dicts, typed and in date order."""
    import pandas as pd

    # Sorted before the frame exists (ids are unique, so the order is total):
    # a thousand article pages each build a small frame, and pandas' sort and
    # row-wise construction cost more than the rest of the merge.
    ordered = sorted(rows, key=lambda r: (r[START], r[END], r[ID]))
    # dtype=object keeps None as None and text as str on pandas 2 and 3 alike
    # (pandas 3 would otherwise infer its string dtype and turn None into NaN).
    frame = pd.DataFrame({c: [r[c] for r in ordered] for c in COLUMNS}, columns=list(COLUMNS),
                         dtype=object)
    frame[IMPORTANCE] = frame[IMPORTANCE].astype("int64")
    return frame


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the rows as dicts of plain Python values, like ``to_dict("records")``.

    Column by column with ``tolist`` rather than ``to_dict``, which boxes every
    cell through pandas' type checks: an archive's build renders a thousand
    small timelines, and that was a fifth of each page's time.
    """
    columns = list(frame.columns)
    return [dict(zip(columns, row, strict=True))
            for row in zip(*(frame[c].tolist() for c in columns), strict=True)]


def shared_by(timeline: Timeline, min_articles: int) -> Timeline:
    """Keep the curated events and the article-only items ``min_articles`` articles share.

    The master timeline of an archive: one article's passing date does not
    crowd out the moments the press keeps returning to.
    """
    items = timeline.items
    keep = [origin != ARTICLE or len({r["article"] for r in recs}) >= min_articles
            for origin, recs in zip(items[ORIGIN], items[MENTIONS], strict=True)]
    return Timeline(items=items[keep].reset_index(drop=True), unplotted=timeline.unplotted)


# The master timeline of several articles keeps a date no curated event
# explains when at least this many articles mention it.
MASTER_MIN_ARTICLES = 2


def master(timeline: Timeline, article_count: int) -> Timeline:
    """Return the timeline the index shows: everything for one article, shared dates for many."""
    return shared_by(timeline, MASTER_MIN_ARTICLES) if article_count > 1 else timeline


def curated_links(timeline: Timeline) -> int:
    """Count the mentions linked to a curated event."""
    items = timeline.items
    return sum(len(recs) for origin, recs in zip(items[ORIGIN], items[MENTIONS], strict=True)
               if origin == BOTH)


# Why a time expression has no place on the chart, by kind (render.py says
# the same in the page's language).
UNPLOTTED_REASONS = {
    "ref": "refers to the present, past or future without a date",
    "bc": "before the common era; not drawn on this calendar",
    "duration": "a duration, not a date",
    "none": "no calendar span",
}


def unplotted_kind(value: str) -> str:
    """Return the kind of a value that cannot be plotted: ref, bc, duration or none."""
    if value.endswith("_REF"):
        return "ref"
    if value.startswith("BC"):
        return "bc"
    if value.startswith("P"):
        return "duration"
    return "none"


def _unplotted_reason(value: str) -> str:
    return UNPLOTTED_REASONS[unplotted_kind(value)]
