"""The merged timeline as typed values: what merge.py returns and every writer reads.

An ``Item`` is one point of the timeline (a curated event, or a date only the
articles give) with its span, its words in each language and the mentions
linked to it; ``Unplotted`` is a time expression the chart cannot place. The
facts every writer needs (the date as readers see it, the title in a
language, where the point sits) are computed here once, so the chart, the
pages and the exports cannot drift apart. The types are frozen: a writer
reads the timeline, it never edits it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from timeline.catalog import Source
from timeline.dates import DateSpan, format_range

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ARTICLE", "ARTICLE_CATEGORY", "BOTH", "CURATED", "Item", "MentionRef", "Source",
           "Timeline", "Unplotted", "in_language", "items_frame"]

# Where an item comes from: the curated history, an article alone, or both
# (a curated event an article mentions).
CURATED, ARTICLE, BOTH = "curated", "article", "both"
# The lane of the dates only articles give.
ARTICLE_CATEGORY = "article"
# Every language the interface is written in; English is the fallback.
FALLBACK_LANGUAGE = "en"


def in_language(words: Mapping[str, str], lang: str) -> str:
    """Return ``words`` in ``lang``, else in English, else empty."""
    return words.get(lang) or words.get(FALLBACK_LANGUAGE) or ""


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One date expression of an article, placed on an item, with why it was linked."""

    article: str
    article_title: str
    text: str
    start: int               # offsets into the article's body
    end: int
    value: str               # TIMEX3 value
    sentence: str
    anchor: str              # what the value was resolved against (extract.py)
    date_fit: str | None     # how the dates fit, when linked to a curated event
    matched: tuple[str, ...]  # the event's keywords the sentence names
    sentence_start: int = 0  # where the sentence starts in the body
    # For a date counted from an event the sentence names ("43 years after
    # de Gaulle pulled France out"): that event's id and the offset ("+43Y").
    counted_from: str = ""
    offset: str = ""

    def in_sentence(self) -> tuple[str, str, str]:
        """Split the sentence around the mention: (before, the mention, after).

        The whole sentence and no mention when the offsets do not fall inside
        it (a hand-made record).
        """
        start, end = self.start - self.sentence_start, self.end - self.sentence_start
        if 0 <= start <= end <= len(self.sentence) and \
                self.sentence[start:end] == self.text:
            return self.sentence[:start], self.text, self.sentence[end:]
        return self.sentence, "", ""

    def record(self) -> dict[str, Any]:
        """Return the JSON-ready form the data exports write."""
        return {"article": self.article, "article_title": self.article_title,
                "text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "sentence": self.sentence, "anchor": self.anchor, "date_fit": self.date_fit,
                "matched": list(self.matched),
                **({"counted_from": self.counted_from, "offset": self.offset}
                   if self.counted_from else {})}


@dataclass(frozen=True, slots=True)
class Item:
    """One point of the timeline, dated as precisely as its source allows."""

    id: str
    span: DateSpan            # the start date at its own precision
    end: DateSpan | None      # the end of a period ("1966-03-07" to "1966-07-01")
    title: Mapping[str, str]  # by language
    summary: Mapping[str, str]
    category: str
    importance: int
    origin: str               # CURATED, ARTICLE or BOTH
    mentions: tuple[MentionRef, ...]
    sources: tuple[Source, ...]
    keywords: tuple[str, ...]

    @property
    def first(self) -> date:
        """Return the first day the item may refer to."""
        return self.span.first

    @property
    def last(self) -> date:
        """Return the last day, inclusive: the end of its period, or of its own precision."""
        return self.end.last if self.end is not None else self.span.last

    @property
    def midpoint(self) -> date:
        """Return the day the item's point is drawn on.

        A date known to the year sits in the middle of its year, so "1966" never
        reads as 1 January; a period is drawn from its start.
        """
        return self.span.midpoint if self.end is None else self.span.first

    def title_in(self, lang: str) -> str:
        """Return the title in ``lang`` (English when it has none)."""
        return in_language(self.title, lang)

    def summary_in(self, lang: str) -> str:
        """Return the summary in ``lang`` (English when it has none)."""
        return in_language(self.summary, lang)

    def date_label(self, lang: str) -> str:
        """Return the date as readers see it ("1966", "7 mars 1966 – 1er juillet 1966")."""
        return format_range(self.span, self.end, lang)

    def articles(self) -> list[str]:
        """Return the ids of the articles that mention the item, sorted."""
        return sorted({m.article for m in self.mentions})


@dataclass(frozen=True, slots=True)
class Unplotted:
    """A time expression found in an article that has no place on the chart."""

    article: str
    start: int
    end: int
    text: str
    value: str
    sentence: str
    kind: str                # ref, bc, duration or none (merge.unplotted_kind)

    def reason_in(self, lang: str) -> str:
        """Say why the expression is not drawn, in ``lang``."""
        from timeline.i18n import STRINGS

        if self.kind == "ref":
            # PRESENT_REF, PAST_REF, FUTURE_REF: said in words, never as the code.
            when = self.value.split("_")[0].lower()
            return STRINGS[lang].get(f"reason_ref_{when}", STRINGS[lang]["reason_ref_present"])
        return STRINGS[lang]["reason_" + self.kind]

    def record(self) -> dict[str, Any]:
        """Return the JSON-ready form the data exports write (the reason in English)."""
        return {"article": self.article, "start": self.start, "end": self.end,
                "text": self.text, "value": self.value, "sentence": self.sentence,
                "reason": self.reason_in(FALLBACK_LANGUAGE)}


@dataclass(frozen=True, slots=True)
class Tally:
    """What an archive's aggregates say of one curated event, for its master page."""

    event: str                           # the event's id
    articles: tuple[str, ...]            # the articles that mention it, by id
    mentions: int                        # their mentions linked to it
    quotes: tuple[tuple[str, int], ...]  # the first few, as (article id, start offset)


@dataclass(frozen=True, slots=True)
class Timeline:
    """The merged timeline: items in date order, and what could not be plotted.

    An archive's master timeline also carries a Tally per mentioned event
    (counted by groupbys over every mention, ``merge.LinkedArchive.master``).
    """

    items: tuple[Item, ...]
    unplotted: tuple[Unplotted, ...] = ()
    tallies: tuple[Tally, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """Return the items as a pandas DataFrame, one row per item (for library users)."""
        return items_frame(self.items)


# The columns of Timeline.to_frame(), named once here.
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
MENTIONS = "mentions"      # list of mention records (MentionRef.record())
SOURCES = "sources"        # list of {"title", "publisher", "url"}
KEYWORDS = "keywords"
COLUMNS = (ID, START, END, PRECISION, VALUE, END_VALUE, TITLE, SUMMARY, CATEGORY, IMPORTANCE,
           ORIGIN, MENTIONS, SOURCES, KEYWORDS)


def items_frame(items: Sequence[Item]) -> pd.DataFrame:
    """Return items as a DataFrame with plain Python cells, one row per item, in order.

    For library users who want the timeline as a table (Timeline.to_frame()):
    the pages and exports read the typed items instead.
    """
    import pandas as pd

    rows = {
        ID: [i.id for i in items], START: [i.first for i in items],
        END: [i.last for i in items], PRECISION: [i.span.precision for i in items],
        VALUE: [i.span.value for i in items],
        END_VALUE: [i.end.value if i.end else None for i in items],
        TITLE: [dict(i.title) for i in items], SUMMARY: [dict(i.summary) for i in items],
        CATEGORY: [i.category for i in items], IMPORTANCE: [i.importance for i in items],
        ORIGIN: [i.origin for i in items],
        MENTIONS: [[m.record() for m in i.mentions] for i in items],
        SOURCES: [[s.record() for s in i.sources] for i in items],
        KEYWORDS: [list(i.keywords) for i in items],
    }
    # dtype=object keeps None as None and text as str on pandas 2 and 3 alike
    # (pandas 3 would otherwise infer its string dtype and turn None into NaN).
    frame = pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)
    frame[IMPORTANCE] = frame[IMPORTANCE].astype("int64")
    return frame
