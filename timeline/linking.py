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

from collections.abc import Iterable, Sequence
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
SPAN = "span"             # a distinct value's row in distinct_spans
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
    # The events' positions sorted by start (then id): the interval join's order.
    order: np.ndarray | None = None

    def by_start(self) -> np.ndarray:
        """Return the events' positions sorted by their first day, then id."""
        if self.order is not None:
            return self.order
        return self.events.sort_values([FIRST, EVENT_ID]).index.to_numpy(dtype="int64")


def term_code(stems: Sequence[int], lang: int, base: int, langs: int) -> int:
    """Number one term: its stems' numbers as digits in ``base``, then its language."""
    code = 0
    for n in stems:
        code = code * base + n
    return code * langs + lang


def catalog_tables(events: Sequence[Event], langs: Sequence[str] = ("en", "fr")) -> CatalogTables:
    """Prepare a catalog for linking (once per build; the article pages reuse it)."""
    def strings(values: Iterable[object]) -> np.ndarray:
        # Object arrays: pandas would otherwise make each a string column,
        # whose every operation goes through pyarrow. Filled one by one, so
        # that tuples stay tuples rather than becoming a second dimension.
        items = list(values)
        out = np.empty(len(items), dtype=object)
        for i, item in enumerate(items):
            out[i] = item
        return out

    frame = pd.DataFrame({
        FIRST: np.array([e.date.first.toordinal() for e in events], dtype="int64"),
        LAST: np.array([(e.end or e.date).last.toordinal() for e in events], dtype="int64"),
        DATE_LAST: np.array([e.date.last.toordinal() for e in events], dtype="int64"),
        IMPORTANCE: np.array([e.importance for e in events], dtype="int64"),
        EVENT_ID: strings(e.id for e in events),
        EVENT_VALUE: strings(e.date.value for e in events),
        END_VALUE: strings(e.end.value if e.end else "" for e in events),
        PRECISION: strings(e.date.precision for e in events),
    })
    terms = event_terms(events, langs)
    table = pd.DataFrame({LANG: strings(t.lang for t in terms),
                          TERM: strings(t.term for t in terms),
                          EVENT: np.array([t.event for t in terms], dtype="int64"),
                          KIND: strings(t.kind for t in terms),
                          WEIGHT: np.array([t.weight for t in terms], dtype="int64"),
                          LABEL: strings(t.labels for t in terms)})
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
    order = frame.sort_values([FIRST, EVENT_ID]).index.to_numpy(dtype="int64")
    return CatalogTables(frame, table, longest, most, vocabulary, langs, dtype, order)


def distinct_spans(values: pd.Series) -> pd.DataFrame:
    """Return each distinct value's span as day ordinals, and whether it can be drawn.

    Rows follow the values' first appearance, so a value's row is its code in
    ``pd.factorize(values)``.
    """
    rows = []
    for value in pd.unique(values):
        span = from_timex(value)
        ok = span is not None and drawable(span)
        rows.append((value, span.first.toordinal() if ok else 0,
                     span.last.toordinal() if ok else 0,
                     span.precision if ok else "", ok))
    frame = pd.DataFrame(rows, columns=[VALUE, FIRST, LAST, PRECISION, PLOTTED], dtype=object)
    return frame.astype({FIRST: "int64", LAST: "int64", PLOTTED: bool})


def _expand(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """List every pair (i, j) with lo[i] <= j < hi[i], as two arrays.

    The heart of both joins here: a sorted key searched with np.searchsorted
    gives each left row its range of right rows, and this spells the ranges out.
    """
    counts = hi - lo
    which = np.repeat(np.arange(len(lo)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return which, lo[which] + offsets


def date_fits(spans: pd.DataFrame, tables: CatalogTables) -> pd.DataFrame:
    """Join each span with the events whose dates fit it: (VALUE, EVENT, FIT, SPAN).

    SPAN is the span's row in ``spans``. An interval join: events sorted by
    start; a span can only fit an event that starts between (its first day −
    the longest event) and its last day, a range found by binary search; the
    pairs in those ranges are then kept where one span contains the other.
    """
    drawn = np.flatnonzero(spans[PLOTTED].to_numpy())
    s_first = spans[FIRST].to_numpy()[drawn]
    s_last = spans[LAST].to_numpy()[drawn]
    order = tables.by_start()
    e_first_all = tables.events[FIRST].to_numpy()
    starts = e_first_all[order]
    which, at = _expand(np.searchsorted(starts, s_first - tables.longest, "left"),
                        np.searchsorted(starts, s_last, "right"))
    event = order[at]
    m_first, m_last = s_first[which], s_last[which]
    e_first = e_first_all[event]
    e_last = tables.events[LAST].to_numpy()[event]
    e_date_last = tables.events[DATE_LAST].to_numpy()[event]
    contains = (m_first <= e_first) & (e_date_last <= m_last)
    within = (e_first <= m_first) & (m_last <= e_last)
    keep = contains | within
    event, contains, which = event[keep], contains[keep], which[keep]
    value = spans[VALUE].to_numpy()[drawn][which]
    event_value = tables.events[EVENT_VALUE].to_numpy()[event]
    end_value = tables.events[END_VALUE].to_numpy()[event]
    fit = np.where(contains, value + " contains " + event_value,
                   np.where(end_value == "", event_value + " contains " + value,
                            value + " lies within " + event_value + "–" + end_value))
    return pd.DataFrame({VALUE: value, EVENT: event.astype("int64"), FIT: fit,
                         SPAN: drawn[which].astype("int64")})


def sentence_terms(sentences: pd.DataFrame, tables: CatalogTables) -> pd.DataFrame:
    """Return the catalog's terms each distinct (SENTENCE, LANG) holds: SID, CODE.

    SID is the sentence's label in ``sentences``' index. Vectorised as
    evidence.words and evidence.runs/pairs read one sentence: every word of
    every sentence is one row (folded); each distinct (word, language) is
    judged once (a function word, too short, or which of the catalog's stems
    it is, 0 for a stem no term uses), and a run of n words is the numbers of
    n consecutive rows of one sentence made into one integer.
    """
    tokens = sentences[SENTENCE].reset_index(drop=True).map(fold).str.findall(TOKEN) \
        .explode().dropna()
    row = tokens.index.to_numpy(dtype="int64")
    token_code, token_names = pd.factorize(tokens.to_numpy(dtype=object))
    lang_code, lang_names = pd.factorize(sentences[LANG].to_numpy(dtype=object))
    pair, pair_of_row = np.unique(token_code * max(1, len(lang_names)) + lang_code[row],
                                  return_inverse=True)
    vocabulary, langs = tables.vocabulary or {}, tables.languages
    kept, ids, lang_ids, numbers = [], [], [], []
    for p in pair.tolist():
        token, lang = token_names[p // max(1, len(lang_names))], \
            lang_names[p % max(1, len(lang_names))]
        number = token.isdigit()
        kept.append(token not in STOP_WORDS and (len(token) >= 3 or number))
        ids.append(vocabulary.get(token if number else stem(token, lang), 0))
        lang_ids.append(langs.index(lang) if lang in langs else -1)
        numbers.append(number)
    keep = np.array(kept, dtype=bool)[pair_of_row] if len(pair) else np.zeros(0, bool)
    row, pair_of_row = row[keep], pair_of_row[keep]
    word = np.array(ids, dtype=tables.code_dtype)[pair_of_row] if len(pair) else \
        np.zeros(0, dtype=tables.code_dtype)
    lang_id = np.array(lang_ids, dtype="int64")[pair_of_row] if len(pair) else \
        np.zeros(0, dtype="int64")
    number = np.array(numbers, dtype=bool)[pair_of_row] if len(pair) else np.zeros(0, bool)
    base, count = len(vocabulary) + 1, max(1, len(langs))
    found = [_runs(row, word, lang_id, n, base, count) for n in range(1, tables.words + 1)]
    found.append(_runs(row[~number], word[~number], lang_id[~number], 2, base, count))
    rows = np.concatenate([f[0] for f in found])
    codes = np.concatenate([f[1] for f in found])
    out = pd.DataFrame({SID: sentences.index.to_numpy()[rows], CODE: codes})
    return out.drop_duplicates(ignore_index=True)


def _runs(row: np.ndarray, word: np.ndarray, lang: np.ndarray, n: int, base: int,
          langs: int) -> tuple[np.ndarray, np.ndarray]:
    """The runs of ``n`` consecutive words of one sentence that the catalog knows:
    (sentence row, code) arrays."""
    size = len(row) - n + 1
    if size <= 0:
        return np.zeros(0, dtype="int64"), np.zeros(0, dtype=word.dtype)
    code = word[:size].copy()
    known = word[:size] > 0
    for k in range(1, n):
        code = code * base + word[k:k + size]
        known &= word[k:k + size] > 0
    keep = known & (row[:size] == row[n - 1:n - 1 + size]) & (lang[:size] >= 0)
    return row[:size][keep], code[keep] * langs + lang[:size][keep]


def link(mentions: pd.DataFrame, tables: CatalogTables) -> pd.DataFrame:
    """Return ``mentions`` with PLOTTED, EVENT (-1 when none), SCORE, FIT and MATCHED added.

    Every join is on integer codes (a value's code from pd.factorize, a
    sentence's from a groupby), so that one article pays for a handful of
    pandas operations, and an archive for the same handful over more rows.
    """
    out = mentions.reset_index(drop=True)
    count = len(out)
    value_code, values = pd.factorize(out[VALUE].to_numpy(dtype=object))
    spans = distinct_spans(pd.Series(values, dtype=object))
    plotted = spans[PLOTTED].to_numpy()[value_code] if count else np.zeros(0, bool)
    event = np.full(count, -1, dtype="int64")
    score = np.zeros(count, dtype="int64")
    fit = np.full(count, None, dtype=object)
    matched: list[tuple[str, ...]] = [()] * count
    fits = date_fits(spans, tables)
    if not fits.empty:
        _choose(out, value_code, spans, fits, tables, event, score, fit, matched)
    return out.assign(**{PLOTTED: plotted, EVENT: event, SCORE: score,
                         FIT: pd.Series(fit, dtype=object),
                         MATCHED: pd.Series(matched, dtype=object)})


def _choose(out: pd.DataFrame, value_code: np.ndarray, spans: pd.DataFrame,
            fits: pd.DataFrame, tables: CatalogTables, event: np.ndarray, score: np.ndarray,
            fit: np.ndarray, matched: list[tuple[str, ...]]) -> None:
    """Find each mention's event among those whose dates fit, into the given arrays."""
    # The candidates: every mention with every event its value fits (a join on
    # the value's code, by binary search over the fits sorted by it).
    by_span = np.argsort(fits[SPAN].to_numpy(), kind="stable")
    fit_span = fits[SPAN].to_numpy()[by_span]
    row, at = _expand(np.searchsorted(fit_span, value_code, "left"),
                      np.searchsorted(fit_span, value_code, "right"))
    at = by_span[at]
    cand_event = fits[EVENT].to_numpy()[at]
    # Sentences numbered in order of first appearance; a candidate's words
    # are its sentence's.
    sid = out.groupby([SENTENCE, LANG], sort=False).ngroup().to_numpy()
    first = np.unique(sid, return_index=True)[1]
    sentences = out.iloc[first][[SENTENCE, LANG]].set_axis(np.arange(len(first)))
    cand_sid = sid[row]
    events = len(tables.events)
    # The words: every catalog term of those sentences, joined with the
    # events' terms, weights summed per (sentence, event).
    hits = sentence_terms(sentences.iloc[np.unique(cand_sid)], tables) \
        .merge(tables.terms, on=CODE)
    hit_key = hits[SID].to_numpy() * events + hits[EVENT].to_numpy()
    weights = hits[WEIGHT].groupby(hit_key).sum()
    words = weights.reindex(cand_sid * events + cand_event, fill_value=0).to_numpy(dtype="int64")
    same = (spans[VALUE].to_numpy()[value_code[row]]
            == tables.events[EVENT_VALUE].to_numpy()[cand_event])
    precision = spans[PRECISION].to_numpy()[value_code[row]]
    ok = (words >= MIN_WORDS) | (same & np.isin(precision, SAME_VALUE_ALONE))
    ev = tables.events
    cands = pd.DataFrame({
        "row": row, SCORE: words + SAME_VALUE_BONUS * same, "at": at,
        "_imp": -ev[IMPORTANCE].to_numpy()[cand_event], "_first": ev[FIRST].to_numpy()[cand_event],
        "_id": ev[EVENT_ID].to_numpy()[cand_event]})[ok]
    # The choice: the best-scoring event, then the more important, earlier, by id.
    chosen = (cands.sort_values(["row", SCORE, "_imp", "_first", "_id"],
                                ascending=[True, False, True, True, True])
              .groupby("row", sort=False).head(1))
    rows, chosen_at = chosen["row"].to_numpy(), chosen["at"].to_numpy()
    event[rows] = fits[EVENT].to_numpy()[chosen_at]
    score[rows] = chosen[SCORE].to_numpy()
    fit[rows] = fits[FIT].to_numpy()[chosen_at]
    keys = sid[rows] * events + event[rows]
    said = _matched_words(hits[np.isin(hit_key, keys)], sentences)
    for r, key in zip(rows.tolist(), keys.tolist(), strict=True):
        # The very same date links with no words: nothing was matched.
        matched[r] = said.get(divmod(key, events), ())


def _matched_words(hits: pd.DataFrame, sentences: pd.DataFrame
                   ) -> dict[tuple[int, int], tuple[str, ...]]:
    """Say which words named each chosen event: its keywords as written, else the
    sentence's own words (a word inside a matched keyword is not said twice)."""
    text, langs = sentences[SENTENCE], sentences[LANG]
    # One pass over the rows (a groupby of thousands of small groups costs
    # more in pandas' per-group overhead than the work itself).
    groups: dict[tuple[int, int], list[tuple[str, str, tuple[str, ...]]]] = {}
    for sid, event, term, kind, labels in zip(
            hits[SID].tolist(), hits[EVENT].tolist(), hits[TERM], hits[KIND], hits[LABEL],
            strict=True):
        groups.setdefault((sid, event), []).append((term, kind, labels))
    out = {}
    for (sid, event), rows in groups.items():
        folded = fold(text[sid])
        said = {_as_written(labels, folded) for _, _, labels in rows if labels}
        if not said:
            # No keyword: the sentence's own words that carried the link.
            wanted = {term for term, kind, _ in rows if kind != PHRASE}
            found = words(text[sid], langs[sid])
            said = {text[sid][start:end] for term, start, end in runs(found)
                    if term in wanted and end > start}
        out[sid, event] = tuple(sorted(said))
    return out


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
    by_event_article: pd.Series  # index (EVENT, ARTICLE): linked mentions


def per_event(by_event_article: pd.Series) -> pd.DataFrame:
    """Count each event's articles and mentions from its (event, article) counts."""
    out = by_event_article.groupby(level=0).agg(["size", "sum"])
    out.columns = ["articles", "mentions"]
    out.index.name = EVENT
    return out.astype("int64").sort_index()


def linked_per_article(linked: pd.DataFrame) -> pd.Series:
    """Count each article's mentions linked to an event."""
    return linked[ARTICLE][linked[EVENT] >= 0].value_counts(sort=False)


def aggregate(linked: pd.DataFrame, min_articles: int = 2) -> Aggregates:
    """Aggregate linked mentions as groupbys (articles in id order, mentions in text order).

    ``linked`` is in that order already, as ``link`` returns mentions_frame's rows.
    """
    hit = linked[EVENT] >= 0
    pairs = linked[hit].groupby([EVENT, ARTICLE], sort=True).size()
    quotes = linked[hit].groupby(EVENT, sort=True).head(QUOTES)
    # Articles as integer codes: counting distinct ids is then arithmetic,
    # not string hashing.
    codes = pd.Series(pd.factorize(linked[ARTICLE])[0], index=linked.index)
    only = (~hit) & linked[PLOTTED]
    by_value = codes[only].groupby(linked[VALUE][only]).nunique().rename("articles")
    shared = by_value[by_value >= min_articles].to_frame()
    shared.index.name = VALUE
    return Aggregates(per_event(pairs), quotes, shared, linked_per_article(linked), pairs)
