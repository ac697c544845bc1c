"""Benchmark linking and the archive's aggregations: 1,000, 44,000 and 1,000,000 mentions.

    .venv/bin/python benchmarks/linking.py [--sizes 1000,44000,1000000] [--runs 3]
                                           [--impl plain,pandas]

The mentions are real extractor output: the 1,000-article archive that
benchmarks/archive.py writes (its generator, its seed), extracted once and
kept in ``$XDG_CACHE_HOME/timeline-bench/``. A size below the archive's takes
its first articles; a larger one repeats the archive under new article ids.
Each measurement is a fresh process (so peak memory is its own): it loads the
inputs, notes its resident memory, then links every mention to the shipped
events.yaml. Two phases are timed: "link" is the linking alone (the plain
linker's loop over mentions and their candidate events; the pandas linker's
frames, joins and groupbys, with the master page's aggregates); "whole" is
everything the master page needs, typed timeline included (every mention as a
MentionRef, the master timeline, the articles and mentions per event, the
first three quotes, the linked count per article). Peak memory is the
process's, for both phases. Implementations are interleaved run by run; the
report gives medians and the ratio to the plain-Python linker within the run.

Implementations:
  plain   the plain-Python linker before issue 22 (benchmarks/plain_merge.py)
  pandas  timeline.merge as it is now (frames, interval join, groupbys)
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "timeline-bench"


def _inputs_path() -> Path:
    from timeline.mention import EXTRACTOR_VERSION

    return CACHE / f"linking-archive-1000-extractor{EXTRACTOR_VERSION}.pickle"


def archive_inputs() -> tuple[list, dict]:
    """Return the 1,000-article archive's articles and mentions (extracted once, then kept)."""
    path = _inputs_path()
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    import tempfile

    from archive import write_archive

    from timeline.anchoring import resolve_all
    from timeline.article import load_article
    from timeline.batch import extract_all
    from timeline.events import load_events

    with tempfile.TemporaryDirectory() as tmp:
        articles = [load_article(p) for p in write_archive(Path(tmp) / "archive", 1000)]
    mentions, _ = extract_all(articles, jobs=2)
    mentions = resolve_all(mentions, load_events(ROOT / "events.yaml").events)
    # Bodies are not needed to link; leaving them out keeps the pickle small.
    articles = [replace(a, body="") for a in articles]
    CACHE.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump((articles, mentions), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return articles, mentions


def sized(n: int) -> tuple[list, dict]:
    """Return articles and mentions adding up to exactly ``n`` mentions."""
    base_articles, base_mentions = archive_inputs()
    articles, mentions, total, copy = [], {}, 0, 0
    while total < n:
        for a in base_articles:
            found = base_mentions.get(a.id, [])
            if not found:
                continue
            aid = a.id if copy == 0 else f"{a.id}-copy{copy}"
            take = found[: n - total]
            articles.append(replace(a, id=aid))
            mentions[aid] = take
            total += len(take)
            if total >= n:
                break
        copy += 1
    return articles, mentions


def link_plain(catalog, articles, mentions) -> tuple[dict[str, float], int]:
    """The plain linker: its Python loop over mentions and candidate events alone, then
    the whole merge (which links again) with the master page's aggregations."""
    import plain_merge

    from timeline.dates import drawable, from_timex

    start = time.perf_counter()
    linker = plain_merge.Linker(catalog.events)
    for article in articles:
        for mention in mentions.get(article.id, ()):
            span = from_timex(mention.value)
            if span is not None and drawable(span):
                linker.best(mention, span)
    link_only = time.perf_counter() - start
    start = time.perf_counter()
    timeline = plain_merge.build_timeline(catalog, articles, mentions)
    shown = plain_merge.master(timeline, len(articles))
    counts = plain_merge.linked_counts(timeline)
    per_event = {i.id: (len(i.articles()), len(i.mentions), i.mentions[:3]) for i in shown.items}
    whole = time.perf_counter() - start
    assert per_event
    return {"link": link_only, "whole": whole}, sum(counts.values())


def link_pandas(catalog, articles, mentions) -> tuple[dict[str, float], int]:
    """The pandas linker: link and aggregate (frames), then the typed timeline as well."""
    from timeline import merge

    start = time.perf_counter()
    linked = merge.link_archive(catalog, articles, mentions)
    linked.aggregated()
    link = time.perf_counter() - start
    timeline = linked.timeline()
    shown = linked.master(timeline)
    counts = linked.linked_counts()
    # The master page's counts and quotes are the aggregates' (Timeline.tallies).
    per_event = {t.event: (len(t.articles), t.mentions, t.quotes) for t in shown.tallies}
    whole = time.perf_counter() - start
    assert per_event
    return {"link": link, "whole": whole}, sum(counts.values())


IMPLS = {"plain": link_plain, "pandas": link_pandas}


def child(impl: str, n: int) -> None:
    from timeline.events import load_events

    catalog = load_events(ROOT / "events.yaml")
    articles, mentions = sized(n)
    if impl == "pandas":
        import pandas  # noqa: F401  the import is the build's, not the link's
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds, links = IMPLS[impl](catalog, articles, mentions)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({**seconds, "rss_before_mib": before / 1024, "peak_mib": peak / 1024,
                      "links": links}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,44000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--impl", default="plain,pandas")
    ap.add_argument("--child", nargs=2, metavar=("IMPL", "N"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], int(a.child[1]))
        return
    impls = a.impl.split(",")
    articles, mentions = archive_inputs()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores; "
          f"archive: {len(articles)} articles, {sum(map(len, mentions.values()))} mentions; "
          f"{a.runs} interleaved runs per size; load average {os.getloadavg()[0]:.1f}")
    for n in map(int, a.sizes.split(",")):
        samples: dict[str, list[dict]] = {i: [] for i in impls}
        for _ in range(a.runs):
            for impl in impls:
                out = subprocess.run([sys.executable, __file__, "--child", impl, str(n)],
                                     check=True, capture_output=True, text=True, cwd=ROOT)
                samples[impl].append(json.loads(out.stdout.splitlines()[-1]))
        for phase in ("link", "whole"):
            med = {i: statistics.median(x[phase] for x in samples[i]) for i in impls}
            for impl in impls:
                got = samples[impl]
                ratio = f"   {med[impl] / med['plain']:.3f}x plain" if "plain" in med else ""
                runs = ", ".join(f"{x[phase]:.3f}" for x in got)
                print(f"  {n:>9,} mentions  {phase:<5} {impl:<7} {med[impl]:8.3f} s"
                      f"   runs {runs}{ratio}"
                      f"   peak RSS {max(x['peak_mib'] for x in got):6.0f} MiB"
                      f" (inputs {max(x['rss_before_mib'] for x in got):5.0f} MiB)"
                      f"   links {got[0]['links']}")
        print(f"  load average now {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
