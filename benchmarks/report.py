"""RESULTS.md from the results: the tables and the ratios between contestants."""

from __future__ import annotations

import json
from typing import Any

from common import FLOOR, ratio


def fmt(x: float | None, unit: str = "", digits: int = 0) -> str:
    if x is None:
        return "–"
    return f"{x:,.{digits}f}{unit}"


def kb(n: float | None) -> str:
    return "–" if n is None else f"{n / 1024:,.0f} KiB"


def fmt_load(load: Any) -> str:
    return "–" if not load else ", ".join(f"{x:.1f}" for x in load)


def report(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = ["# Benchmark results", "",
             f"`.venv/bin/python benchmarks/run.py{' --quick' if results['quick'] else ''}"
             f"{' --cpu-throttle ' + str(results['throttle']) if results['throttle'] != 1 else ''}"
             f"` on {m['date']}: {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB memory, "
             f"Python {m['python']}, {m['chromium']}. Medians of {results['runs']} interleaved "
             "runs; ratios are of medians from the same run. Load average (1, 5, 15 min) "
             f"at start {fmt_load(m.get('loadavg_at_start'))}, at end "
             f"{fmt_load(m.get('loadavg_at_end'))}: other jobs shared the machine.", ""]
    pages = results.get("pages")
    if pages:
        pd = pages["summary"].get("plotly default", {})
        tj = pages["summary"].get("TimelineJS3", {})
        ten = pages["summary"].get("ours index", {})
        lines += ["## Pages (headless Chromium, cache disabled, 127.0.0.1)", "",
                  "| page | FCP | list/caption laid out | chart ready (afterplot) | "
                  "timeline:ready | FCP / plotly-default ready | ready / plotly-default ready |"
                  " ready / TimelineJS | bytes | requests |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for name, s in pages["summary"].items():
            lines.append(
                f"| {name} | {fmt(s['fcp_ms'], ' ms')} | {fmt(s['text_ms'], ' ms')} | "
                f"{fmt(s['ready_ms'], ' ms')} | {fmt(s['tl_ready_ms'], ' ms')} | "
                f"{fmt(ratio(s['fcp_ms'], pd.get('ready_ms')), '×', 3)} | "
                f"{fmt(ratio(s['ready_ms'], pd.get('ready_ms')), '×', 2)} | "
                f"{fmt(ratio(s['ready_ms'], tj.get('ready_ms')), '×', 2)} | "
                f"{kb(s['bytes'])} | {fmt(s['requests'])} |")
        lines += [""]
        for kind in ("index", "embed"):
            parts = []
            for label, big_name, ten_name in (
                    ("full bundle", f"5,000 items {kind}", f"ours {kind}"),
                    ("basic bundle", f"5,000 items {kind}, basic", f"ours {kind}, basic"),
                    ("candidate", f"candidate 5,000 items {kind}", f"candidate {kind}")):
                big = pages["summary"].get(big_name)
                ten = pages["summary"].get(ten_name)
                if not big or not ten:
                    continue
                parts.append(
                    f"{fmt(ratio(big['ready_ms'], ten['ready_ms']), '×', 2)} ({label}; "
                    f"timeline:ready {fmt(ratio(big['tl_ready_ms'], ten['tl_ready_ms']), '×', 2)})")
            if parts:
                lines.append(f"5,000-item {kind} ready / ten-item {kind} ready (afterplot): "
                             + ", ".join(parts) + ".  ")
        errs = {n: s["errors"] for n, s in pages["summary"].items() if s["errors"]}
        if errs:
            lines += ["", f"Page errors: `{json.dumps(errs)[:600]}`"]
        if pages.get("basic_check"):
            lines += ["", "Basic bundle vs full bundle on our pages (same figure): "
                      + "; ".join(f"{n}: identical pixels {c['identical_pixels']}, points "
                                  f"{c['basic']['points']}/{c['full']['points']}, stars "
                                  f"{c['basic']['stars']}/{c['full']['stars']} (figure has "
                                  f"{c['full']['starsInFigure']}), shapes "
                                  f"{c['basic']['shapes']}/{c['full']['shapes']}, errors "
                                  f"{len(c['basic']['errors'])}"
                                  for n, c in pages["basic_check"].items())]
    build = results.get("build")
    if build:
        lines += ["", "## Build (whole processes, interleaved)", "",
                  "| command | median wall | / import floor | median CPU | / import floor "
                  "| wall runs (s) |", "|---|---|---|---|---|---|"]
        for name, s in build["walls"].items():
            lines.append(f"| {name} | {fmt(s['median_s'], ' s', 3)} | "
                         f"{fmt(s['ratio_to_floor'], '×', 2)} | "
                         f"{fmt(s.get('cpu_median_s'), ' s', 3)} | "
                         f"{fmt(s.get('cpu_ratio_to_floor'), '×', 2)} | "
                         f"{', '.join(f'{x:.2f}' for x in s['runs'])} |")
        lines += ["", "Import floor: `python -c \"" + FLOOR + "\"`. Heavy modules imported "
                  "(cumulative import ms, from `python -X importtime`):", "",
                  "| command | heavy modules (ms) |", "|---|---|"]
        for name, s in build["imports"].items():
            heavy = ", ".join(f"{k} {v:.0f}" for k, v in s["heavy"].items()) or "none"
            lines.append(f"| {name} | {heavy} |")
    ex = results.get("extract")
    if ex:
        lines += ["", "## Extraction", ""]
        te = ex["timex_eval"]
        if te.get("skipped"):
            lines.append(f"timex_eval.py --baseline: skipped ({te['skipped']})")
        else:
            lines += ["`../shared/tools/timex_eval.py ../shared/corpora/wikiwars-dev --cmd "
                      "\".venv/bin/timeline extract\" --baseline` (dateparser search_dates as the "
                      "baseline, whole processes):", "", "```",
                      *te.get("output", "").strip().splitlines(), "```"]
        ip = ex.get("in_process")
        if ip:
            lines += ["", f"In-process, {ip['texts']} English texts ({ip['chars']:,} chars), "
                      f"warm: timeline {fmt(ip['timeline_chars_per_s'], ' chars/s')} vs "
                      f"dateparser search_dates {fmt(ip['dateparser_chars_per_s'], ' chars/s')}"
                      f": **{fmt(ip['speedup'], '×', 1)}** throughput "
                      f"(mentions found: {ip['found']})."]
    sc = results.get("scale")
    if sc:
        lines += ["", f"## Build over {sc['articles']} generated articles "
                  f"(--jobs {sc['jobs']})", "",
                  "| cache | median wall | peak RSS of the process tree | runs (s) |",
                  "|---|---|---|---|"]
        for name in ("cold (empty cache)", "warm (cached)", "candidate warm (cached)"):
            if name not in sc:
                continue
            s = sc[name]
            lines.append(f"| {name} | {fmt(s['median_s'], ' s', 2)} | "
                         f"{fmt(s['peak_mb'], ' MB')} | {', '.join(map(str, s['runs']))} |")
    return "\n".join(lines) + "\n"
