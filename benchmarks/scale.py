"""Cost against input size (issue 21): build_chart at 1,000 to 100,000 events, and whole
builds of an article with 40,000 dates.

    .venv/bin/python benchmarks/scale.py                       # everything, ~5 minutes
    .venv/bin/python benchmarks/scale.py --sizes 1000 10000    # fewer chart sizes
    .venv/bin/python benchmarks/scale.py --before /tmp/tl-11e1189   # also an older tree

``build_chart``: a catalog of N curated events over 1900–2025 in four lanes
(dates spread evenly, a fifth of them a month or a year, so bands and
crowded lanes both occur), merged with no article; the time of
``build_chart`` alone (median of --runs, interleaved with the reference),
its peak Python allocation (tracemalloc), and the size of what is drawn
from it (the standalone SVG plus plotly.js's figure JSON). The reference
is the placement build_chart had before (every mark compared with every
mark of its lane), run on the same model up to 10,000 events (quadratic:
100,000 would take the better part of an hour).

Articles: ``timeline build`` in a fresh process (``--plotlyjs cdn --no-cache
--jobs 1``, the shipped events): "In 1966. " 40,000 times (360 KB: one
date, repeated) and 40,000 different days (634 KB). Wall time, peak RSS
(the process and its children, getrusage), and the bytes written, with
their ratio to the article's size. With --before, the same builds from
an older checkout (``git archive <commit> | tar -x -C DIR``) run
interleaved with this tree's (on the repeated date only: the older tree's
quadratic placement makes the 40,000 different days take many minutes).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic_catalog(n: int):  # type: ignore[no-untyped-def]
    from timeline.catalog import Catalog, Category, Event, Source
    from timeline.dates import parse_iso

    categories = tuple(Category(f"lane-{i}", {"en": f"Lane {i}", "fr": f"Voie {i}"})
                       for i in range(4))
    first, days = date(1900, 1, 1), (date(2025, 12, 31) - date(1900, 1, 1)).days
    events = []
    for i in range(n):
        day = first + timedelta(days=(i * 7919) % days)
        kind = i % 10
        text = (f"{day.year}" if kind == 0 else f"{day.year}-{day.month:02d}" if kind == 1
                else day.isoformat())
        events.append(Event(f"event-{i}", parse_iso(text), None,
                            {"en": f"Event {i}", "fr": f"Événement {i}"},
                            {"en": "Summary.", "fr": "Résumé."}, f"lane-{i % 4}",
                            (Source("Source", "Publisher", "https://example.org/"),), (), 2,
                            i + 1))
    events.sort(key=lambda e: (e.date.first, e.id))
    return Catalog("synthetic.yaml", categories, tuple(events), ())


def reference_placement(model, timeline):  # type: ignore[no-untyped-def]
    """The quadratic loop build_chart used before issue 21, on the same points."""
    from timeline.chart import CROWDED, NUDGES

    span = (model.x_range[1] - model.x_range[0]).days
    placed: dict = {}
    for item in timeline.items:
        day = item.midpoint
        nudge = next((n for n in NUDGES
                      if all(abs((day - other).days) / span >= CROWDED
                             for other in placed.get((item.category, n), ()))), 0.0)
        placed.setdefault((item.category, nudge), []).append(day)


def chart_rows(sizes: list[int], runs: int) -> list[dict]:
    from timeline.chart import build_chart, figure_json, plotly_figure
    from timeline.merge import build_timeline
    from timeline.svg import standalone_svg

    rows = []
    for n in sizes:
        catalog = synthetic_catalog(n)
        timeline = build_timeline(catalog, [], {})
        times, reference = [], []
        for _ in range(runs):
            start = time.perf_counter()
            model = build_chart(timeline, catalog, "en")
            times.append(time.perf_counter() - start)
            if n <= 10_000:
                start = time.perf_counter()
                reference_placement(model, timeline)
                reference.append(time.perf_counter() - start)
        tracemalloc.start()
        model = build_chart(timeline, catalog, "en")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        drawn = len(standalone_svg(model).encode()) + len(
            figure_json(plotly_figure(model)).encode())
        rows.append({"n": n, "time": statistics.median(times), "peak": peak, "output": drawn,
                     "reference": statistics.median(reference) if reference else None})
        print(f"build_chart n={n:,}: {rows[-1]['time'] * 1000:.1f} ms, peak {peak / 2**20:.1f} "
              f"MiB, drawn {drawn / 2**20:.1f} MiB"
              + (f"; quadratic placement alone {rows[-1]['reference']:.2f} s" if reference
                 else ""), flush=True)
    return rows


def write_articles(folder: Path) -> dict[str, Path]:
    head = "---\ntitle: Dense\npublished: 2026-01-19\n---\n"
    repeated = folder / "repeated.txt"
    repeated.write_text(head + "In 1966. " * 40_000 + "\n", encoding="utf-8")
    first = date(1900, 1, 1)
    days = [f"{(first + timedelta(days=i)).day} {(first + timedelta(days=i)):%B %Y}."
            for i in range(40_000)]
    distinct = folder / "distinct.txt"
    distinct.write_text(head + "\n".join(" ".join(days[i:i + 10])
                                         for i in range(0, len(days), 10)) + "\n",
                        encoding="utf-8")
    return {"one date, 40,000 times": repeated, "40,000 different days": distinct}


def timed_build(tree: Path, article: Path, out: Path) -> dict:
    code = ("import resource, subprocess, sys, time; s = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:]); w = time.perf_counter() - s; "
            "r = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
            "print(f'{w} {r} {p.returncode}')")
    command = [sys.executable, "-c", code, sys.executable, "-m", "timeline", "build",
               "--events", str(ROOT / "events.yaml"), "--article", str(article), "--out",
               str(out), "--plotlyjs", "cdn", "--no-cache", "--jobs", "1", "--force"]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tree)
    wall, rss, status = done.stdout.split()[-3:]
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return {"wall": float(wall), "rss": int(rss) * 1024, "status": int(status), "output": size}


def article_rows(before: Path | None, runs: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="timeline-scale-") as tmp:
        articles = write_articles(Path(tmp))
        trees = {"this tree": ROOT, **({"before": before} if before else {})}
        for label, article in articles.items():
            # The older tree's quadratic placement on 40,000 different days
            # takes minutes a build: it is run on the repeated date only.
            here = trees if article.name == "repeated.txt" else {"this tree": ROOT}
            samples: dict[str, list[dict]] = {name: [] for name in here}
            for r in range(runs):
                for name, tree in here.items():  # interleaved
                    samples[name].append(timed_build(tree, article, Path(tmp) / f"out-{r}"))
            for name, got in samples.items():
                row = {"article": label, "tree": name, "input": article.stat().st_size,
                       "wall": statistics.median(s["wall"] for s in got),
                       "rss": max(s["rss"] for s in got), "output": got[-1]["output"],
                       "status": {s["status"] for s in got}}
                rows.append(row)
                print(f"{label} ({name}): {row['wall']:.1f} s, peak RSS "
                      f"{row['rss'] / 2**20:.0f} MiB, wrote {row['output'] / 2**20:.1f} MiB "
                      f"({row['output'] / row['input']:.0f}x the article), exit "
                      f"{sorted(row['status'])}", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, default=None,
                        help="an older checkout whose builds run beside this tree's")
    parser.add_argument("--no-articles", action="store_true")
    args = parser.parse_args()
    print(f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
          flush=True)
    rows = chart_rows(args.sizes, args.runs)
    for small, large in zip(rows, rows[1:], strict=False):
        print(f"x{large['n'] // small['n']} events: time x{large['time'] / small['time']:.1f}, "
              f"memory x{large['peak'] / small['peak']:.1f}, "
              f"drawn x{large['output'] / small['output']:.1f}")
    if not args.no_articles:
        article_rows(args.before, args.runs)
    print(f"load {os.getloadavg()[0]:.1f} at the end; maxrss of this process "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
