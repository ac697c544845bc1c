"""The article as the pages show it: its body with every date mention marked.

An article's own page and the index of a one-article site show its text
annotated; the articles index lists every article of an archive. Split
from views.py, which prepares the timeline's items.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from timeline.dates import DateSpan, format_range
from timeline.views import mention_anchor

if TYPE_CHECKING:
    from timeline.article import Article
    from timeline.model import Timeline


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of an article's body: plain text, or a date mention (``value`` set)."""

    text: str
    value: str | None = None
    item: str | None = None      # the item a mention leads to, if it was placed
    anchor: str | None = None    # the mention's own anchor


@dataclass(frozen=True, slots=True)
class UnplottedView:
    """A time expression of the article that the chart does not show, and why."""

    start: int
    text: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article, annotated with its mentions."""

    id: str
    title: str
    byline: str | None
    source_url: str | None
    published: DateSpan | None
    published_label: str | None
    published_note: str | None     # in the page's language when given in it
    published_note_lang: str       # the language the note is written in
    language: str
    paragraphs: tuple[tuple[Segment, ...], ...]
    unplotted: tuple[UnplottedView, ...]


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """An article as the articles index lists it: only what the table shows, not its text."""

    id: str
    title: str
    byline: str | None
    href: str
    language: str
    published: DateSpan | None
    published_label: str | None
    mention_count: int
    linked_count: int


def annotate(article: Article, linked: Mapping[int, str], spans: Sequence[tuple[int, int, str]]
             ) -> tuple[tuple[Segment, ...], ...]:
    """Split the body into paragraphs of text segments, marking each date mention.

    ``spans`` are (start, end, value) of every mention; ``linked`` maps a
    mention's start to the item it belongs to, if any. Returns segments, not
    HTML, so the template escapes every piece of the article's text.
    """
    body = article.body
    segments: list[Segment] = []
    cursor = 0
    for start, end, value in sorted(spans):
        if start < cursor:
            continue
        if start > cursor:
            segments.append(Segment(body[cursor:start]))
        segments.append(Segment(body[start:end], value=value, item=linked.get(start),
                                anchor=mention_anchor(article.id, start)))
        cursor = end
    if cursor < len(body):
        segments.append(Segment(body[cursor:]))
    # Break into paragraphs at newlines, keeping marks whole.
    paragraphs: list[list[Segment]] = [[]]
    for seg in segments:
        if seg.value is not None:
            paragraphs[-1].append(seg)
            continue
        for i, part in enumerate(seg.text.split("\n")):
            if i:
                paragraphs.append([])
            if part:
                paragraphs[-1].append(Segment(part))
    return tuple(tuple(p) for p in paragraphs if p)


def _published_label(published: DateSpan | None, lang: str) -> str | None:
    return format_range(published, None, lang) if published else None


def _note(article: Article, lang: str) -> dict[str, Any]:
    """The publication-date note in the page's language when the article gives it,
    else in the article's own."""
    note = article.published_note
    if note is None:
        return {"published_note": None, "published_note_lang": lang}
    text, written_in = (note.for_language(lang) if hasattr(note, "for_language")
                        else (str(note), article.language))
    return {"published_note": text, "published_note_lang": written_in}


def article_view(article: Article, own: Timeline, lang: str) -> ArticleView:
    """Prepare one article, annotated with its mentions, for the templates.

    ``own`` is a timeline whose items carry this article's mentions only
    (the merge of that article alone), so this costs the article's size, not
    the archive's.
    """
    linked: dict[int, str] = {}
    spans: list[tuple[int, int, str]] = []
    for item in own.items:
        for ref in item.mentions:
            linked[ref.start] = item.id
            spans.append((ref.start, ref.end, ref.value))
    spans += [(u.start, u.end, u.value) for u in own.unplotted]
    return ArticleView(
        id=article.id, title=article.title, byline=article.byline,
        source_url=article.source_url, published=article.published,
        published_label=_published_label(article.published, lang),
        **_note(article, lang), language=article.language,
        paragraphs=annotate(article, linked, spans),
        unplotted=tuple(UnplottedView(u.start, u.text, u.value, u.reason_in(lang))
                        for u in own.unplotted))


def article_entry(article: Article, href: str, lang: str, found: int, linked: int
                  ) -> ArticleEntry:
    """Describe an article for the articles index."""
    return ArticleEntry(
        id=article.id, title=article.title, byline=article.byline, href=href,
        language=article.language, published=article.published,
        published_label=_published_label(article.published, lang),
        mention_count=found, linked_count=linked)


def article_order(entry: ArticleEntry) -> tuple[Any, ...]:
    """Newest first, as a newsroom lists its archive; undated last; then by title and id."""
    published = entry.published
    return (published is None, -(published.first.toordinal()) if published else 0,
            entry.title.casefold(), entry.id)
