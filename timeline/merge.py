"""Merge article mentions with the curated history into one timeline.

This is the point of the tool: a reader sees which history an article invokes.
A mention links to a curated event when (1) their dates are compatible at the
coarser of the two precisions — "1966" fits 7 March 1966 — and (2) the
sentence around the mention names the event, in its keywords, title or
summary, inflected or not (``timeline.evidence``). The best-scoring event
wins; ties break on importance, then date, then id, so the result never
depends on dictionary or file order. Every link keeps its evidence (which
date fitted, which words matched) so it can be shown.

The linking itself is pandas (``timeline.linking``): mentions and events as
frames, an interval join, a join of words, a sort and a groupby. What comes
out is plain data per mention (``Link``), from which ``assemble`` makes the
typed ``Timeline`` every writer reads; an article page's own timeline is
assembled from its article's links alone, without pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from timeline.dates import DateSpan, drawable, from_timex
from timeline.model import (
    ARTICLE,
    ARTICLE_CATEGORY,
    BOTH,
    CURATED,
    Item,
    MentionRef,
    Source,
    Tally,
    Timeline,
    Unplotted,
)

if TYPE_CHECKING:
    import pandas as pd

    from timeline.article import Article
    from timeline.events import Catalog, Event
    from timeline.linking import Aggregates, CatalogTables
    from timeline.mention import Mention

# The languages every catalog is read in; an article in another adds its own.
CATALOG_LANGUAGES = ("en", "fr")


@dataclass(frozen=True, slots=True)
class Link:
    """Why a mention was attached to an event."""

    event_id: str
    score: int
    date_fit: str
    matched: tuple[str, ...]


# An article's links, one per mention and in the same order (None: not linked).
Links = Mapping[str, Sequence["Link | None"]]


class Linker:
    """A catalog prepared for linking once (its spans and evidence terms), then reused."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = list(events)
        self._tables: dict[tuple[str, ...], CatalogTables] = {}

    def tables(self, langs: Iterable[str]) -> CatalogTables:
        """Return the catalog's tables for articles in ``langs``."""
        from timeline.linking import catalog_tables

        key = tuple(sorted(set(CATALOG_LANGUAGES) | set(langs)))
        if key not in self._tables:
            self._tables[key] = catalog_tables(self.events, key)
        return self._tables[key]


def mentions_frame(articles: Iterable[Article], mentions: Mapping[str, Sequence[Mention]]
                   ) -> pd.DataFrame:
    """Return every article's mentions as one frame, articles in id order.

    Its columns are linking.MENTION_COLUMNS.
    """
    import pandas as pd

    from timeline.linking import ARTICLE as A
    from timeline.linking import LANG, POS, SENTENCE, VALUE

    cols: dict[str, list[Any]] = {A: [], POS: [], LANG: [], VALUE: [], SENTENCE: []}
    for article in sorted(articles, key=lambda a: a.id):
        found = mentions.get(article.id, ())
        cols[A] += [article.id] * len(found)
        cols[POS] += range(len(found))
        cols[LANG] += [article.language] * len(found)
        cols[VALUE] += [m.value for m in found]
        cols[SENTENCE] += [m.sentence for m in found]
    return pd.DataFrame(cols, dtype=object).astype({POS: "int64"})


@dataclass
class LinkedArchive:
    """The articles of a build linked to a catalog: the frame, its links and aggregates."""

    catalog: Catalog
    articles: list[Article]
    mentions: Mapping[str, Sequence[Mention]]
    frame: pd.DataFrame                      # linking.link's output
    aggregates: Aggregates | None = None     # made on a cluster already, or on demand
    _links: dict[str, list[Link | None]] | None = field(default=None, repr=False)

    def links(self) -> dict[str, list[Link | None]]:
        """Return each article's links, one per mention, as plain data."""
        if self._links is None:
            from timeline.linking import ARTICLE as A
            from timeline.linking import EVENT, FIT, MATCHED, POS, SCORE

            ids = [e.id for e in self.catalog.events]
            out: dict[str, list[Link | None]] = {
                a.id: [None] * len(self.mentions.get(a.id, ())) for a in self.articles}
            hit = self.frame[self.frame[EVENT] >= 0]
            # An archive repeats the same few links thousands of times: one
            # Link object each.
            made: dict[tuple[Any, ...], Link] = {}
            for article, pos, event, score, fit, matched in zip(
                    hit[A], hit[POS], hit[EVENT], hit[SCORE], hit[FIT], hit[MATCHED],
                    strict=True):
                key = (event, score, fit, matched)
                link = made.get(key)
                if link is None:
                    link = made[key] = Link(ids[event], int(score), fit, tuple(matched))
                out[article][pos] = link
            self._links = out
        return self._links

    def aggregated(self) -> Aggregates:
        """Return the master page's aggregates (groupbys over the linked frame)."""
        if self.aggregates is None:
            from timeline.linking import aggregate

            self.aggregates = aggregate(self.frame, MASTER_MIN_ARTICLES)
        return self.aggregates

    def timeline(self) -> Timeline:
        """Return the whole merged timeline, every article-only date kept."""
        return assemble(self.catalog, self.articles, self.mentions, self.links())

    def master(self, timeline: Timeline) -> Timeline:
        """Return what the index shows: ``timeline`` itself for one article; for many, the
        curated events and the dates no event explains that two articles share, with
        each mentioned event's Tally from the aggregates."""
        if len(self.articles) <= 1:
            return timeline
        aggregates = self.aggregated()
        shared = {article_only_id(v) for v in aggregates.shared_dates.index}
        return Timeline(items=tuple(i for i in timeline.items
                                    if i.origin != ARTICLE or i.id in shared),
                        unplotted=timeline.unplotted, tallies=self._tallies(aggregates))

    def _tallies(self, aggregates: Aggregates) -> tuple[Tally, ...]:
        from timeline.linking import ARTICLE as A
        from timeline.linking import EVENT, POS

        ids = [e.id for e in self.catalog.events]
        articles: dict[int, list[str]] = {}
        for event, article in aggregates.by_event_article.index:
            articles.setdefault(int(event), []).append(str(article))
        quotes: dict[int, list[tuple[str, int]]] = {}
        q = aggregates.quotes
        for event, article, pos in zip(q[EVENT], q[A], q[POS], strict=True):
            start = self.mentions[article][pos].start
            quotes.setdefault(int(event), []).append((str(article), start))
        counts = aggregates.per_event["mentions"]
        return tuple(Tally(ids[event], tuple(sorted(names)), int(counts[event]),
                           tuple(quotes.get(event, ())))
                     for event, names in sorted(articles.items()))

    def linked_counts(self) -> dict[str, int]:
        """Count, per article, the mentions linked to a curated event."""
        from timeline.linking import linked_per_article

        counts = (self.aggregates.linked_per_article if self.aggregates is not None
                  else linked_per_article(self.frame))
        return {str(k): int(v) for k, v in counts.items()}


def link_archive(catalog: Catalog, articles: Iterable[Article],
                 mentions: Mapping[str, Sequence[Mention]], *,
                 linker: Linker | None = None) -> LinkedArchive:
    """Link every mention of ``articles`` to ``catalog`` (pandas, in this process)."""
    from timeline.linking import link

    articles = sorted(articles, key=lambda a: a.id)
    linker = linker or Linker(catalog.events)
    tables = linker.tables(a.language for a in articles)
    frame = link(mentions_frame(articles, mentions), tables)
    return LinkedArchive(catalog, articles, mentions, frame)


def mention_ref(article: Article, mention: Mention, link: Link | None) -> MentionRef:
    """Return one mention as the timeline keeps it, with its link evidence."""
    return MentionRef(article=article.id, article_title=article.title, text=mention.text,
                      start=mention.start, end=mention.end, value=mention.value,
                      sentence=mention.sentence, anchor=mention.anchor,
                      date_fit=link.date_fit if link else None,
                      matched=link.matched if link else (),
                      sentence_start=mention.sentence_start, counted_from=mention.event,
                      offset=mention.offset if mention.event else "")


def _curated_item(event: Event, mentions: Sequence[MentionRef]) -> Item:
    return Item(id=event.id, span=event.date, end=event.end, title=event.title,
                summary=event.summary, category=event.category, importance=event.importance,
                origin=BOTH if mentions else CURATED, mentions=tuple(mentions),
                sources=event.sources,
                keywords=event.keywords)


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def article_only_id(value: str) -> str:
    """Return the id of the item that gathers every unexplained mention of one date."""
    return "date-" + value.lower()


def _article_only_item(span: DateSpan, mentions: Sequence[MentionRef],
                       by_id: Mapping[str, Article]) -> Item:
    first = mentions[0]
    # The article's own words are the only honest title for an item no
    # curated event explains; the date label carries the date.
    title = _shorten(first.sentence)
    cited = sorted({m.article for m in mentions})
    sources = tuple(Source(by_id[a].title, by_id[a].byline or "", by_id[a].source_url)
                    for a in cited if by_id[a].source_url)
    return Item(id=article_only_id(span.value), span=span, end=None,
                title={"en": title, "fr": title},
                summary={"en": first.sentence, "fr": first.sentence},
                category=ARTICLE_CATEGORY, importance=1, origin=ARTICLE,
                mentions=tuple(mentions), sources=sources, keywords=())


def assemble(catalog: Catalog, articles: Iterable[Article],
             mentions: Mapping[str, Sequence[Mention]], links: Links, *,
             min_articles: int = 1) -> Timeline:
    """Make the typed timeline from mentions and their links (see build_timeline)."""
    events = list(catalog.events)
    by_id = {a.id: a for a in articles}
    linked: dict[str, list[MentionRef]] = {event.id: [] for event in events}
    only: dict[str, tuple[DateSpan, list[MentionRef]]] = {}
    unplotted: list[Unplotted] = []
    spans: dict[str, DateSpan | None] = {}  # an archive repeats its dates
    for article_id in sorted(by_id):
        article = by_id[article_id]
        for mention, link in zip(mentions.get(article_id, ()), links.get(article_id, ()),
                                 strict=True):
            if mention.value not in spans:
                spans[mention.value] = from_timex(mention.value)
            span = spans[mention.value]
            if span is None or not drawable(span):
                unplotted.append(Unplotted(article=article_id, start=mention.start,
                                           end=mention.end, text=mention.text,
                                           value=mention.value, sentence=mention.sentence,
                                           kind=unplotted_kind(mention.value)))
                continue
            ref = mention_ref(article, mention, link)
            if link is not None:
                linked[link.event_id].append(ref)
            else:
                only.setdefault(span.value, (span, []))[1].append(ref)
    items = [_curated_item(event, linked[event.id]) for event in events]
    items += [_article_only_item(span, refs, by_id) for span, refs in only.values()]
    # Ids are unique, so the order is total and never depends on input order.
    items.sort(key=lambda i: (i.first, i.last, i.id))
    merged = Timeline(items=tuple(items), unplotted=tuple(unplotted))
    return merged if min_articles <= 1 else shared_by(merged, min_articles)


def build_timeline(catalog: Catalog, articles: Iterable[Article],
                   mentions: Mapping[str, Sequence[Mention]], *,
                   min_articles: int = 1, linker: Linker | None = None) -> Timeline:
    """Link every article's mentions to the catalog and return the merged timeline.

    A date no curated event explains becomes one article-only item, shared by
    every article that mentions it; it is kept when at least ``min_articles``
    articles do (a master timeline of a whole archive asks for two, so that
    one article's passing date does not crowd out what the press returns to).
    A ``linker`` made for this catalog may be passed in to reuse its tables.
    """
    articles = list(articles)
    linked = link_archive(catalog, articles, mentions, linker=linker)
    return assemble(catalog, articles, mentions, linked.links(), min_articles=min_articles)


def shared_by(timeline: Timeline, min_articles: int) -> Timeline:
    """Keep the curated events and the article-only items ``min_articles`` articles share.

    The master timeline of an archive: one article's passing date does not
    crowd out the moments the press keeps returning to.
    """
    keep = tuple(i for i in timeline.items
                 if i.origin != ARTICLE or len({m.article for m in i.mentions}) >= min_articles)
    return Timeline(items=keep, unplotted=timeline.unplotted)


# The master timeline of several articles keeps a date no curated event
# explains when at least this many articles mention it.
MASTER_MIN_ARTICLES = 2


def unplotted_kind(value: str) -> str:
    """Return why a value cannot be plotted: ref, bc, duration or none (i18n's reason_*)."""
    if value.endswith("_REF"):
        return "ref"
    if value.startswith("BC"):
        return "bc"
    if value.startswith("P"):
        return "duration"
    return "none"
