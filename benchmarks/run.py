#!/usr/bin/env python
"""Measure timeline against what users would otherwise pick, side by side, in one run.

    .venv/bin/python benchmarks/run.py            # full run (about 10 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # fewer repetitions, no 200-article build

Prints a table of medians and ratios and writes benchmarks/results.json and
benchmarks/RESULTS.md. Nothing here is a test: a slow machine fails nothing.

Sections (each interleaves its contestants run by run, so machine noise hits
them alike):

pages    Headless Debian Chromium (Playwright, never a downloaded browser), one
         fresh browser context per load, CDP Network.setCacheDisabled, pages
         served by a threaded http.server on 127.0.0.1 (no compression, no
         caching headers honoured). Every other host is unresolvable, so
         nothing leaves the machine. Per load:
           fcp    performance 'first-contentful-paint'
           text   first animation frame in which the event list (index),
                  the caption (embed) or the TimelineJS slide is laid out
           ready  the first 'plotly_afterplot' a graph div emits (hooked by an
                  init script on HTMLElement.prototype.emit, which plotly.js
                  assigns on every graph div; the same hook for every plotly
                  page); for TimelineJS, its 'loaded' event
           tl-ready  our pages only: timeline.js's 'timeline:ready' (after the
                  width-dependent relayout that follows newPlot)
           bytes  sum of CDP Network.loadingFinished encodedDataLength
           visible  issue 14's static chart: the first frame showing a mark
                  of .chart-static svg (FCP if that frame began by FCP)
           untouched  bytes once the network is quiet, nothing touched
         and, for our ten-item pages, loads that hover figure.chart (as soon
         as the static chart shows, and once the page has settled) and time
         the hover to data-state="ready". Without .chart-static svg: n/a.
         Contestants: our index.html and embed.html as built with
         --plotly-bundle full (assets/plotly.min.js from the plotly package),
         and with --plotly-bundle basic (timeline/plotlyjs.py; needs
         `timeline fetch-plotly`), the same figure
         by plotly's fig.write_html(include_plotlyjs=True), the same events in
         Knight Lab's TimelineJS3 (from the npm cache), and a generated
         5,000-item timeline.
build    `timeline build` (warm extraction cache, and --no-cache) and the import
         floor `python -c "import pandas, plotly, dateparser, jinja2"`, whole
         processes, interleaved; which heavy modules `timeline --help`,
         `validate`, `extract` and `build` import (python -X importtime).
extract  ../shared/tools/timex_eval.py --baseline when present; otherwise the
         in-process throughput of timeline's extractor against dateparser's
         search_dates on the same texts.
scale    a build over 200 generated articles (cold cache): wall time and peak
         resident memory of the whole process tree (sampled every 50 ms).

--candidate DIR adds a scratch copy of the project (a checkout with changes
under test) beside the current one in the build and pages sections.

This file is the entry point; the work is in the modules beside it:
common.py (paths, statistics, whole processes, `timeline build`),
generate.py (generated inputs and the contestants' pages), api.py (the only
calls into timeline.merge and timeline.chart), browser.py (the page timing
harness), commands.py (the build, extract and scale sections) and
report.py (RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from browser import bench_pages
from commands import bench_build, bench_extract, bench_scale
from common import OUT_JSON, OUT_MD, ROOT, compile_bytecode, log, machine
from generate import prepare_pages
from report import report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="3 runs, no 200-article build")
    parser.add_argument("--runs", type=int, default=None, help="repetitions (default 7, quick 3)")
    parser.add_argument("--only", action="append",
                        choices=["pages", "build", "extract", "scale"],
                        help="run only these sections (repeatable)")
    parser.add_argument("--cpu-throttle", type=float, default=1.0,
                        help="Chromium CPU slow-down factor, e.g. 4 for a mid-range phone")
    parser.add_argument("--candidate", type=Path, default=None,
                        help="a scratch copy of the project to measure beside this one")
    parser.add_argument("--report-only", action="store_true",
                        help="rewrite RESULTS.md from results.json without measuring")
    parser.add_argument("--no-write", action="store_true",
                        help="print only; leave results.json and RESULTS.md alone")
    args = parser.parse_args()
    if args.report_only:
        OUT_MD.write_text(report(json.loads(OUT_JSON.read_text(encoding="utf-8"))),
                          encoding="utf-8")
        return 0
    runs = args.runs or (3 if args.quick else 7)
    sections = args.only or (["pages", "build", "extract"] if args.quick
                             else ["pages", "build", "extract", "scale"])
    sys.path.insert(0, str(ROOT))
    for tree in (ROOT, args.candidate):
        if tree is not None:
            compile_bytecode(tree)
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick, "runs": runs,
                               "throttle": args.cpu_throttle,
                               "candidate": str(args.candidate) if args.candidate else None}
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        work = Path(tmp)
        if "pages" in sections:
            pages = prepare_pages(work, args.candidate, args.quick)
            summary, check = bench_pages(pages, work, runs, args.cpu_throttle)
            results["pages"] = {"summary": summary, "basic_check": check,
                                "pages": {k: v["path"] for k, v in pages.items()}}
        if "build" in sections:
            results["build"] = bench_build(work, max(runs, 5), args.candidate)
        if "extract" in sections:
            results["extract"] = bench_extract(work, runs)
        if "scale" in sections:
            results["scale"] = bench_scale(work, 3 if not args.quick else 1, args.candidate)
    results["machine"]["loadavg_at_end"] = os.getloadavg()
    text = report(results)
    print(text)
    if not args.no_write:
        OUT_JSON.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        OUT_MD.write_text(text, encoding="utf-8")
        log(f"wrote {OUT_JSON.relative_to(ROOT)} and {OUT_MD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
