"""Link an archive's mentions on a Dask cluster, and aggregate them there.

The mentions go to the workers once, as a dask.dataframe partitioned by
article (an article's mentions never straddle two partitions, so each
partition links on its own with ``timeline.linking.link``). The link and the
master page's aggregations run there; what comes back is the aggregates and,
for the linked mentions only, the link itself (event, score, date fit,
matched words): the mentions a page shows. The machine that builds already
holds every mention's text, so it joins those links onto its own frame and
the site is byte for byte the one a single process would write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from timeline import linking as L
from timeline.errors import TimelineError
from timeline.merge import LinkedArchive, Linker, mentions_frame

if TYPE_CHECKING:
    from timeline.article import Article
    from timeline.catalog import Catalog
    from timeline.mention import Mention

# Mentions per partition: enough that a task's overhead is small, few enough
# that every worker of a small cluster gets some.
PARTITION_MENTIONS = 20_000
LINK_COLUMNS = (L.ARTICLE, L.POS, L.EVENT, L.SCORE, L.FIT, L.MATCHED)


def _link_partition(part: pd.DataFrame, tables: L.CatalogTables) -> pd.DataFrame:
    """Link one partition of articles (run on a worker)."""
    return L.link(part.reset_index(), tables)


def _quotes_partition(part: pd.DataFrame) -> pd.DataFrame:
    """The first quotes of each event within one partition (run on a worker)."""
    hit = part[part[L.EVENT] >= 0].sort_values([L.ARTICLE, L.POS], kind="stable")
    return hit.groupby(L.EVENT, sort=True).head(L.QUOTES)


def _meta(tables: L.CatalogTables, sample: pd.DataFrame) -> pd.DataFrame:
    return L.link(sample.reset_index().iloc[:0], tables)


def link_frame_on(client, frame: pd.DataFrame, tables: L.CatalogTables,
                  min_articles: int) -> tuple[pd.DataFrame, L.Aggregates]:
    """Link ``frame`` (merge.mentions_frame) on ``client``'s cluster; return the linked
    mentions' links and the aggregates."""
    import dask.dataframe as dd

    parts = max(1, min(len(frame) // PARTITION_MENTIONS + 1, frame[L.ARTICLE].nunique()))
    # Sorted by article, so that the partitions split between articles.
    mentions = dd.from_pandas(frame.set_index(L.ARTICLE), npartitions=parts, sort=True)
    linked = mentions.map_partitions(_link_partition, tables, meta=_meta(tables, frame.iloc[:0]
                                                                         .set_index(L.ARTICLE)))
    linked = client.persist(linked)
    hit = linked[linked[L.EVENT] >= 0]
    pairs = hit.groupby([L.EVENT, L.ARTICLE]).size()
    only = linked[(linked[L.EVENT] < 0) & linked[L.PLOTTED]]
    by_value = only.groupby(L.VALUE)[L.ARTICLE].nunique()
    per_article = hit.groupby(L.ARTICLE).size()
    quotes = linked.map_partitions(_quotes_partition, meta=linked._meta)
    links = hit[list(LINK_COLUMNS)]
    futures = client.compute([pairs, by_value, per_article, quotes, links])
    pairs, by_value, per_article, quotes, links = client.gather(futures)
    pairs = pairs.sort_index()
    # Partitions are in article order: the first quotes overall are the first
    # of the partitions' first quotes.
    quotes = quotes.sort_values([L.ARTICLE, L.POS], kind="stable") \
        .groupby(L.EVENT, sort=True).head(L.QUOTES)
    shared = by_value[by_value >= min_articles].rename("articles").sort_index().to_frame()
    aggregates = L.Aggregates(L.per_event(pairs), quotes, shared, per_article.sort_index(),
                              pairs)
    return links, aggregates


def link_on_cluster(catalog: Catalog, articles: Iterable[Article],
                    mentions: Mapping[str, Sequence[Mention]], scheduler: str) -> LinkedArchive:
    """Link every mention on the Dask cluster at ``scheduler`` (see the module's docstring)."""
    from timeline.merge import MASTER_MIN_ARTICLES

    try:
        from distributed import Client
    except ImportError:
        raise TimelineError("--scheduler needs dask.distributed and dask.dataframe: pip "
                            "install 'timeline[cluster]'") from None
    articles = sorted(articles, key=lambda a: a.id)
    tables = Linker(catalog.events).tables(a.language for a in articles)
    frame = mentions_frame(articles, mentions)
    if frame.empty:
        return LinkedArchive(catalog, articles, mentions, L.link(frame, tables))
    try:
        client = Client(scheduler, timeout="10s", set_as_default=False)
    except OSError as exc:
        raise TimelineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        links, aggregates = link_frame_on(client, frame, tables, MASTER_MIN_ARTICLES)
    finally:
        client.close()
    return LinkedArchive(catalog, articles, mentions, joined(frame, links), aggregates)


def joined(frame: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """Put the cluster's links back onto this machine's mentions frame (as linking.link)."""
    out = frame.merge(links, on=[L.ARTICLE, L.POS], how="left", sort=False)
    out[L.EVENT] = out[L.EVENT].fillna(-1).astype("int64")
    out[L.SCORE] = out[L.SCORE].fillna(0).astype("int64")
    out[L.FIT] = out[L.FIT].astype(object).where(out[L.EVENT] >= 0, None)
    out[L.MATCHED] = [m if isinstance(m, tuple) else () for m in out[L.MATCHED]]
    return out
