"""The plain-Python linker as it was before issue 22 (timeline/merge.py at 11e1189).

Kept unchanged, beside the benchmarks only, so that benchmarks/linking.py can
measure it side by side with the pandas linker that replaced it. Its own
docstring follows.

Merge article mentions with the curated history into one timeline.

This is the point of the tool: a reader sees which history an article invokes.
A mention links to a curated event when (1) their dates are compatible at the
coarser of the two precisions — "1966" fits 7 March 1966 — and (2) the
sentence around the mention supports it, through the event's keywords. The
best-scoring event wins; ties break on importance, then date, then id, so the
result never depends on dictionary or file order. Every link keeps its
evidence (which date fitted, which words matched) so it can be shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.dates import DateSpan, drawable, from_timex
from timeline.model import (
    ARTICLE,
    ARTICLE_CATEGORY,
    BOTH,
    CURATED,
    Item,
    MentionRef,
    Source,
    Timeline,
    Unplotted,
)
from timeline.text import fold, keywords_in

if TYPE_CHECKING:
    from timeline.article import Article
    from timeline.events import Catalog, Event
    from timeline.mention import Mention

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
    matched = keywords_in(event.keywords, folded_sentence)
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


def build_timeline(catalog: Catalog, articles: Iterable[Article],
                   mentions: Mapping[str, Sequence[Mention]], *,
                   min_articles: int = 1, linker: Linker | None = None) -> Timeline:
    """Link every article's mentions to the catalog and return the merged timeline.

    A date no curated event explains becomes one article-only item, shared by
    every article that mentions it; it is kept when at least ``min_articles``
    articles do (a master timeline of a whole archive asks for two, so that
    one article's passing date does not crowd out what the press returns to).
    A ``linker`` made for this catalog may be passed in to reuse what it
    remembers across many calls.
    """
    events = list(catalog.events)
    linker = linker or Linker(events)
    by_id = {a.id: a for a in articles}
    linked: dict[str, list[MentionRef]] = {event.id: [] for event in events}
    only: dict[str, tuple[DateSpan, list[MentionRef]]] = {}
    unplotted: list[Unplotted] = []
    for article_id in sorted(by_id):
        article = by_id[article_id]
        for mention in mentions.get(article_id, ()):
            span = from_timex(mention.value)
            if span is None or not drawable(span):
                unplotted.append(Unplotted(article=article_id, start=mention.start,
                                           end=mention.end, text=mention.text,
                                           value=mention.value, sentence=mention.sentence,
                                           kind=unplotted_kind(mention.value)))
                continue
            link = linker.best(mention, span)
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


def master(timeline: Timeline, article_count: int) -> Timeline:
    """Return the timeline the index shows: everything for one article, shared dates for many."""
    return shared_by(timeline, MASTER_MIN_ARTICLES) if article_count > 1 else timeline


def linked_counts(timeline: Timeline) -> dict[str, int]:
    """Count, per article, the mentions linked to a curated event."""
    counts: dict[str, int] = {}
    for item in timeline.items:
        if item.origin == BOTH:
            for ref in item.mentions:
                counts[ref.article] = counts.get(ref.article, 0) + 1
    return counts


def unplotted_kind(value: str) -> str:
    """Return why a value cannot be plotted: ref, bc, duration or none (i18n's reason_*)."""
    if value.endswith("_REF"):
        return "ref"
    if value.startswith("BC"):
        return "bc"
    if value.startswith("P"):
        return "duration"
    return "none"
