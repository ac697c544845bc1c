"""Link mentions to curated events as pandas operations, and aggregate an archive.

The mentions are a frame, one row per date expression; the catalog is two
(its events' spans, and their evidence terms from ``timeline.evidence``).
Linking is then three steps, none a Python loop over mention–event pairs:

1. the date fit, an interval join: each distinct mention span against the
   events whose spans overlap it (found by binary search over the events
   sorted by start), kept where one contains the other;
2. the word evidence, a join of each distinct sentence's terms with the
   events' terms, summed per sentence and event;
3. the choice, a sort (score, then importance, date and id, so ties never
   depend on input order) and a groupby that keeps each mention's first row.

An archive's master page is made of groupby aggregations of the result
(``aggregate``). The same functions run on one process or, per partition of
articles, on a Dask cluster (``timeline.cluster``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from timeline.dates import drawable, from_timex
from timeline.evidence import (
    MAX_TERM_WORDS,
    PHRASE,
    STOP_WORDS,
    TOKEN,
    event_terms,
    runs,
    stem,
    words,
)
from timeline.text import fold, keywords_in

if TYPE_CHECKING:
    from timeline.catalog import Event

# Columns of the mentions frame (one row per mention).
ARTICLE = "article"      # article id
POS = "pos"              # the mention's position in its article's list
LANG = "lang"            # the article's language
VALUE = "value"          # TIMEX3 value
SENTENCE = "sentence"
# Added by linking.
EVENT = "event"          # position of the linked event in the catalog, -1 when none
SCORE = "score"
FIT = "date_fit"         # how the dates fit, in words ("1966 contains 1966-03-07")
MATCHED = "matched"      # tuple of the words that named the event
PLOTTED = "plotted"      # the value is a date the chart can draw
# Columns of a distinct-span frame and of the events frame.
FIRST, LAST, DATE_LAST, PRECISION = "first", "last", "date_last", "precision"
IMPORTANCE, EVENT_ID, EVENT_VALUE, END_VALUE = "importance", "id", "event_value", "end_value"
SID, TERM, KIND, WEIGHT, LABEL, CODE = "sid", "term", "kind", "weight", "label", "code"
MENTION_COLUMNS = (ARTICLE, POS, LANG, VALUE, SENTENCE)

# With no words at all, only the very same date, to the day or the month,
# links: a year is shared by too many things.
SAME_VALUE_BONUS = 3
SAME_VALUE_ALONE = ("day", "month")
# Word evidence needed to link (evidence.WEIGHTS: one keyword, a title word
# and a summary word, two title words, or a summary word and its phrase).
MIN_WORDS = 4


@dataclass(frozen=True)
class CatalogTables:
    """A catalog as linking reads it: its events' spans, and their terms by language."""

    events: pd.DataFrame   # index: event position; FIRST, LAST, DATE_LAST, ...
    terms: pd.DataFrame    # LANG, TERM, EVENT, KIND, WEIGHT, LABEL
    longest: int           # the longest event span, in days (bounds the interval join)
    words: int = MAX_TERM_WORDS  # the most words in one term (bounds a sentence's runs)
    # Every stem the terms use, numbered from 1: a term is then one integer
    # (its stems' numbers in base len(vocabulary) + 1, then its language),
    # and a sentence's runs of words are matched by integer joins.
    vocabulary: dict[str, int] | None = None
    languages: tuple[str, ...] = ()
    # int64 while every code fits; Python integers (slower, never wrong) for
    # a catalog whose vocabulary and longest keyword would overflow it.
    code_dtype: str = "int64"


def term_code(stems: Sequence[int], lang: int, base: int, langs: int) -> int:
    """Number one term: its stems' numbers as digits in ``base``, then its language."""
    code = 0
    for n in stems:
        code = code * base + n
    return code * langs + lang


def catalog_tables(events: Sequence[Event], langs: Sequence[str] = ("en", "fr")) -> CatalogTables:
    """Prepare a catalog for linking (once per build; the article pages reuse it)."""
    spans = [(e.date.first.toordinal(), (e.end or e.date).last.toordinal(),
              e.date.last.toordinal()) for e in events]
    frame = pd.DataFrame({
        FIRST: np.array([s[0] for s in spans], dtype="int64"),
        LAST: np.array([s[1] for s in spans], dtype="int64"),
        DATE_LAST: np.array([s[2] for s in spans], dtype="int64"),
        IMPORTANCE: np.array([e.importance for e in events], dtype="int64"),
        EVENT_ID: [e.id for e in events],
        EVENT_VALUE: [e.date.value for e in events],
        END_VALUE: [e.end.value if e.end else "" for e in events],
        PRECISION: [e.date.precision for e in events],
    }, dtype=object).astype({FIRST: "int64", LAST: "int64", DATE_LAST: "int64",
                             IMPORTANCE: "int64"})
    terms = event_terms(events, langs)
    table = pd.DataFrame({LANG: [t.lang for t in terms], TERM: [t.term for t in terms],
                          EVENT: np.array([t.event for t in terms], dtype="int64"),
                          KIND: [t.kind for t in terms],
                          WEIGHT: np.array([t.weight for t in terms], dtype="int64"),
                          LABEL: [t.labels for t in terms]}, dtype=object)
    table = table.astype({EVENT: "int64", WEIGHT: "int64"})
    longest = int((frame[LAST] - frame[FIRST]).max()) if len(frame) else 0
    most = max((t.term.count(" ") + 1 for t in terms), default=1)
    vocabulary = {w: i for i, w in enumerate(sorted({w for t in terms for w in t.term.split()}),
                                             start=1)}
    langs = tuple(sorted(set(langs)))
    base = len(vocabulary) + 1
    dtype = "int64" if base ** most * max(1, len(langs)) < 2 ** 62 else "object"
    table[CODE] = np.array([term_code([vocabulary[w] for w in t.term.split()],
                                      langs.index(t.lang), base, len(langs)) for t in terms],
                           dtype=dtype)
    return CatalogTables(frame, table, longest, most, vocabulary, langs, dtype)


def distinct_spans(values: pd.Series) -> pd.DataFrame:
    """Return each distinct value's span as day ordinals, and whether it can be drawn."""
    rows = []
    for value in pd.unique(values):
        span = from_timex(value)
        ok = span is not None and drawable(span)
        rows.append((value, span.first.toordinal() if ok else 0,
                     span.last.toordinal() if ok else 0,
                     span.precision if ok else "", ok))
    frame = pd.DataFrame(rows, columns=[VALUE, FIRST, LAST, PRECISION, PLOTTED], dtype=object)
    return frame.astype({FIRST: "int64", LAST: "int64", PLOTTED: bool})


def date_fits(spans: pd.DataFrame, tables: CatalogTables) -> pd.DataFrame:
    """Join each span with the events whose dates fit it: (VALUE, EVENT, FIT).

    An interval join: events sorted by start; a span can only fit an event
    that starts between (its first day − the longest event) and its last
    day, a range found by binary search; the pairs in those ranges are then
    kept where one span contains the other.
    """
    spans = spans[spans[PLOTTED]]
    ev = tables.events.sort_values([FIRST, EVENT_ID])
    starts = ev[FIRST].to_numpy()
    lo = np.searchsorted(starts, spans[FIRST].to_numpy() - tables.longest, "left")
    hi = np.searchsorted(starts, spans[LAST].to_numpy(), "right")
    counts = hi - lo
    which = np.repeat(np.arange(len(spans)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    at = lo[which] + offsets
    pairs_ = pd.DataFrame({
        VALUE: spans[VALUE].to_numpy()[which], "m_first": spans[FIRST].to_numpy()[which],
        "m_last": spans[LAST].to_numpy()[which], EVENT: ev.index.to_numpy()[at]})
    e = tables.events.loc[pairs_[EVENT]]
    e_first, e_last, e_date_last = (e[c].to_numpy() for c in (FIRST, LAST, DATE_LAST))
    m_first, m_last = pairs_["m_first"].to_numpy(), pairs_["m_last"].to_numpy()
    contains = (m_first <= e_first) & (e_date_last <= m_last)
    within = (e_first <= m_first) & (m_last <= e_last)
    event_value = e[EVENT_VALUE].to_numpy()
    end_value = e[END_VALUE].to_numpy()
    value = pairs_[VALUE].to_numpy()
    fit = np.where(contains, value + " contains " + event_value,
                   np.where(end_value == "", event_value + " contains " + value,
                            value + " lies within " + event_value + "–" + end_value))
    out = pd.DataFrame({VALUE: value, EVENT: pairs_[EVENT].to_numpy(), FIT: fit})
    return out[contains | within].reset_index(drop=True)


def sentence_terms(sentences: pd.DataFrame, tables: CatalogTables) -> pd.DataFrame:
    """Return the catalog's terms each distinct (SENTENCE, LANG) holds: SID, CODE.

    Vectorised as evidence.words and evidence.runs/pairs read one sentence:
    every word of every sentence is one row (folded, function words dropped),
    each distinct word is stemmed once and numbered as the catalog numbers
    its stems (0 for a stem no term uses), and a run of n words is the
    numbers of n consecutive rows of one sentence made into one integer.
    """
    tokens = sentences[SENTENCE].map(fold).str.findall(TOKEN).explode().dropna()
    frame = pd.DataFrame({SID: tokens.index.to_numpy(), "token": tokens.to_numpy()})
    number = frame["token"].str.isdigit()
    frame = frame[(~frame["token"].isin(STOP_WORDS))
                  & ((frame["token"].str.len() >= 3) | number)].reset_index(drop=True)
    frame[LANG] = sentences[LANG].loc[frame[SID]].to_numpy()
    vocabulary, langs = tables.vocabulary or {}, tables.languages
    distinct = frame[["token", LANG]].drop_duplicates()
    distinct["id"] = np.array(
        [vocabulary.get(t if t.isdigit() else stem(t, lang), 0)
         for t, lang in zip(distinct["token"], distinct[LANG], strict=True)], dtype="int64")
    distinct["lang_id"] = np.array([langs.index(x) if x in langs else -1
                                    for x in distinct[LANG]], dtype="int64")
    frame = frame.merge(distinct, on=["token", LANG], how="left", sort=False)
    frame["id"] = frame["id"].astype(tables.code_dtype)
    base, count = len(vocabulary) + 1, max(1, len(langs))
    parts = [_runs(frame, n, base, count) for n in range(1, tables.words + 1)]
    parts.append(_runs(frame[~frame["token"].str.isdigit()].reset_index(drop=True), 2, base,
                       count))
    return pd.concat(parts, ignore_index=True).drop_duplicates()


def _runs(frame: pd.DataFrame, n: int, base: int, langs: int) -> pd.DataFrame:
    """The runs of ``n`` consecutive words of one sentence that the catalog knows, as codes."""
    size = len(frame) - n + 1
    if size <= 0:
        return pd.DataFrame({SID: np.array([], dtype="int64"),
                             CODE: np.array([], dtype="int64")})
    sid, ids = frame[SID].to_numpy(), frame["id"].to_numpy()
    code = ids[:size].copy()
    known = ids[:size] > 0
    for k in range(1, n):
        code = code * base + ids[k:k + size]
        known &= ids[k:k + size] > 0
    lang = frame["lang_id"].to_numpy()[:size]
    keep = known & (sid[:size] == sid[n - 1:n - 1 + size]) & (lang >= 0)
    return pd.DataFrame({SID: sid[:size][keep], CODE: code[keep] * langs + lang[keep]})


def link(mentions: pd.DataFrame, tables: CatalogTables) -> pd.DataFrame:
    """Return ``mentions`` with EVENT (-1 when none), SCORE, FIT, MATCHED and PLOTTED added."""
    out = mentions.reset_index(drop=True)
    spans = distinct_spans(out[VALUE])
    out = out.merge(spans[[VALUE, PLOTTED, PRECISION]], on=VALUE, how="left")
    out[PLOTTED] = out[PLOTTED].fillna(False).astype(bool)
    out[EVENT], out[SCORE], out[FIT] = -1, 0, None
    out[MATCHED] = [()] * len(out)
    fits = date_fits(spans, tables)
    if fits.empty:
        return out.drop(columns=[PRECISION])
    # One row per mention and event whose dates fit.
    keyed = out.reset_index(names="row")
    sentences = keyed[[SENTENCE, LANG]].drop_duplicates().reset_index(drop=True)
    sentences.index.name = SID
    keyed = keyed.merge(sentences.reset_index(), on=[SENTENCE, LANG])
    cands = keyed[["row", SID, LANG, VALUE, PRECISION]].merge(fits, on=VALUE)
    # The words: every term of the sentences with a candidate, joined with the events'.
    asked = sentences.loc[pd.unique(cands[SID])]
    hits = sentence_terms(asked, tables).merge(tables.terms, on=CODE)
    hits = hits.merge(cands[[SID, EVENT]].drop_duplicates(), on=[SID, EVENT])
    scores = hits.groupby([SID, EVENT], sort=False)[WEIGHT].sum().rename("words")
    cands = cands.merge(scores.reset_index(), on=[SID, EVENT], how="left")
    cands["words"] = cands["words"].fillna(0).astype("int64")
    same = (cands[VALUE].to_numpy() == tables.events[EVENT_VALUE].to_numpy()[cands[EVENT]])
    cands[SCORE] = cands["words"] + SAME_VALUE_BONUS * same
    ok = (cands["words"] >= MIN_WORDS) | (same & cands[PRECISION].isin(SAME_VALUE_ALONE))
    cands = cands[ok.to_numpy()]
    # The choice: the best-scoring event, then the more important, earlier, by id.
    ev = tables.events
    cands = cands.assign(_imp=-ev[IMPORTANCE].to_numpy()[cands[EVENT]],
                         _first=ev[FIRST].to_numpy()[cands[EVENT]],
                         _id=ev[EVENT_ID].to_numpy()[cands[EVENT]])
    chosen = (cands.sort_values(["row", SCORE, "_imp", "_first", "_id"],
                                ascending=[True, False, True, True, True])
              .groupby("row", sort=False).head(1))
    matched = _matched_words(hits.merge(chosen[[SID, EVENT]].drop_duplicates(),
                                        on=[SID, EVENT]), sentences)
    chosen = chosen.merge(matched, on=[SID, EVENT], how="left")
    # The very same date links with no words: nothing was matched.
    chosen[MATCHED] = [m if isinstance(m, tuple) else () for m in chosen[MATCHED]]
    rows = chosen["row"].to_numpy()
    out.loc[rows, EVENT] = chosen[EVENT].to_numpy()
    out.loc[rows, SCORE] = chosen[SCORE].to_numpy()
    out.loc[rows, FIT] = chosen[FIT].to_numpy()
    out.loc[rows, MATCHED] = pd.Series(list(chosen[MATCHED]), index=rows, dtype=object)
    return out.astype({EVENT: "int64", SCORE: "int64"}).drop(columns=[PRECISION])


def _matched_words(hits: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Say which words named each chosen event: its keywords as written, else the
    sentence's own words (a word inside a matched keyword is not said twice)."""
    if hits.empty:
        return pd.DataFrame({SID: pd.Series(dtype="int64"), EVENT: pd.Series(dtype="int64"),
                             MATCHED: pd.Series(dtype=object)})
    text, langs = sentences[SENTENCE], sentences[LANG]
    # One pass over the rows (a groupby of thousands of small groups costs
    # more in pandas' per-group overhead than the work itself).
    groups: dict[tuple[int, int], list[tuple[str, str, tuple[str, ...]]]] = {}
    for sid, event, term, kind, labels in zip(
            hits[SID], hits[EVENT], hits[TERM], hits[KIND], hits[LABEL], strict=True):
        groups.setdefault((sid, event), []).append((term, kind, labels))
    out = []
    for (sid, event), rows in groups.items():
        folded = fold(text[sid])
        said = {_as_written(labels, folded) for _, _, labels in rows if labels}
        if not said:
            # No keyword: the sentence's own words that carried the link.
            wanted = {term for term, kind, _ in rows if kind != PHRASE}
            found = words(text[sid], langs[sid])
            said = {text[sid][start:end] for term, start, end in runs(found)
                    if term in wanted and end > start}
        out.append((sid, event, tuple(sorted(said))))
    return pd.DataFrame(out, columns=[SID, EVENT, MATCHED])


def _as_written(labels: tuple[str, ...], folded_sentence: str) -> str:
    """Name a matched keyword as the sentence writes it, when one of its spellings
    is there word for word; else as the events file lists it first."""
    return next((k for k in labels if keywords_in((k,), folded_sentence)), labels[0])


# --------------------------------------------------------------------------- aggregation

QUOTES = 3  # quotes a master page shows per event


@dataclass(frozen=True)
class Aggregates:
    """What an archive's master page says of each event and of the dates no event explains."""

    per_event: pd.DataFrame     # index EVENT: "articles", "mentions"
    quotes: pd.DataFrame        # the first QUOTES linked mentions of each event
    shared_dates: pd.DataFrame  # index VALUE: "articles", for unlinked dates >= 2 articles share
    linked_per_article: pd.Series


def aggregate(linked: pd.DataFrame, min_articles: int = 2) -> Aggregates:
    """Aggregate linked mentions as groupbys (articles in id order, mentions in text order).

    ``linked`` is in that order already, as ``link`` returns mentions_frame's rows.
    """
    # Articles as integer codes: grouping and counting distinct ids is then
    # arithmetic, not string hashing.
    codes = pd.Series(pd.factorize(linked[ARTICLE])[0], index=linked.index)
    hit = linked[EVENT] >= 0
    per_event = pd.DataFrame({
        "articles": codes[hit].groupby(linked[EVENT][hit]).nunique(),
        "mentions": linked[EVENT][hit].value_counts(sort=False)}).sort_index()
    per_event.index.name = EVENT
    quotes = linked[hit].groupby(EVENT, sort=True).head(QUOTES)
    only = (~hit) & linked[PLOTTED]
    by_value = codes[only].groupby(linked[VALUE][only]).nunique().rename("articles")
    shared = by_value[by_value >= min_articles].to_frame()
    shared.index.name = VALUE
    return Aggregates(per_event, quotes, shared, linked[ARTICLE][hit].value_counts(sort=False))
