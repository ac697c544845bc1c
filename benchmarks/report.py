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


# ------------------------------------------------------ issue 14's measures

# The ten-item pages the targets are read on, as the columns of its table.
TOUCH_PAGES = (("index, full bundle", "ours index"), ("embed, full bundle", "ours embed"),
               ("index, basic bundle", "ours index, basic"),
               ("embed, basic bundle", "ours embed, basic"))
NO_SVG = "n/a"     # the page has no .chart-static svg (yet)


def visible_ratio(s: dict[str, Any], base: float | None, digits: int) -> str:
    """chart visible ÷ base, or why there is none."""
    if not s.get("static_chart"):
        return NO_SVG
    return fmt(ratio(s.get("visible_ms"), base), "×", digits)


def touch_cell(s: dict[str, Any], when: str) -> str:
    touch = s.get("touch") or {}
    if when not in touch:       # not timed on this page
        return "–"
    t = touch[when]
    if t is None:               # no load could hover (on sight: no static chart)
        return NO_SVG if when == "sight" else "–"
    note = []
    if t["ready_before_touch"]:
        note.append(f"ready before the hover in {t['ready_before_touch']}/{t['runs']}")
    if not t["plotly_before_touch"]:
        note.append("plotly.js fetched on the hover")
    return fmt(t["touch_to_ready_ms"], " ms") + (f" ({'; '.join(note)})" if note else "")


def met(values: list[float | None], limit: float) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return "n/a"
    return "yes" if all(v <= limit for v in known) else "no"


def targets(results: dict[str, Any]) -> list[str]:
    """Issue 14's targets (and the build's), one row each, the four pages as columns."""
    summary = (results.get("pages") or {}).get("summary") or {}
    cols = [(label, summary[name]) for label, name in TOUCH_PAGES if name in summary]
    if not any("visible_ms" in s for _, s in cols):     # results from before these measures
        return []
    pd_ready = summary.get("plotly default", {}).get("ready_ms")
    tj = summary.get("TimelineJS3", {})
    head = " | ".join(label for label, _ in cols)
    lines = ["## Against the targets (issue 14)", "",
             f"| measure | {head} | target | met? |", "|---" * (len(cols) + 3) + "|"]

    def row(name: str, cells: list[str], target: str, verdict: str) -> None:
        lines.append(f"| {name} | {' | '.join(cells)} | {target} | {verdict} |")

    def vis(s: dict[str, Any], base: float | None) -> float | None:
        return ratio(s.get("visible_ms"), base) if s.get("static_chart") else None

    row("chart visible ÷ the page's FCP", [visible_ratio(s, s["fcp_ms"], 2) for _, s in cols],
        "≤ 1.1×", met([vis(s, s["fcp_ms"]) for _, s in cols], 1.1))
    row("chart visible ÷ plotly-default chart ready",
        [visible_ratio(s, pd_ready, 3) for _, s in cols], "≤ 0.15×",
        met([vis(s, pd_ready) for _, s in cols], 0.15))
    embeds = [s.get("bytes_untouched") if "embed" in label else None for label, s in cols]
    row("bytes fetched before the reader touches the chart",
        [kb(s.get("bytes_untouched")) for _, s in cols],
        f"embed ≤ 60 KiB (TimelineJS3: {kb(tj.get('bytes_untouched', tj.get('bytes')))})",
        met([None if b is None else b / 1024 for b in embeds], 60))
    row("hover on sight of the static chart → data-state=ready",
        [touch_cell(s, "sight") for _, s in cols], "–", "–")
    row("hover once the page has settled → data-state=ready",
        [touch_cell(s, "settled") for _, s in cols], "–", "–")
    walls = (results.get("build") or {}).get("walls") or {}
    b = walls.get("timeline build")
    if b:
        cells = [f"{fmt(b['ratio_to_floor'], '×', 2)} wall, "
                 f"{fmt(b.get('cpu_ratio_to_floor'), '×', 2)} CPU"] + ["" for _ in cols[1:]]
        row("`timeline build` ÷ import floor", cells, "≤ 1.3×",
            met([b["ratio_to_floor"]], 1.3))
    return lines + ["", "chart visible: the first frame showing a mark of `.chart-static svg` "
                    "(benchmarks/README.md); bytes: every response (document, scripts, "
                    "styles, data) until the network has been quiet for 0.5 s, nothing "
                    "touched. n/a: no `.chart-static svg` on the page.", ""]


def static_table(summary: dict[str, Any]) -> list[str]:
    """Per page: the static chart, the bytes fetched untouched, hover to interactive."""
    if not any("visible_ms" in s for s in summary.values()):
        return []
    pd_ready = summary.get("plotly default", {}).get("ready_ms")
    lines = ["", "Static chart and first touch (issue 14): chart visible = first frame "
             "showing a mark of `.chart-static svg`; bytes untouched = every response until "
             "the network has been quiet for 0.5 s with nothing touched; hover → ready = "
             "from the hover of `figure.chart` (its event's timeStamp) to "
             "`data-state=\"ready\"`, hovering as soon as the static chart shows (on sight) "
             "or once the network has been quiet for 2 s (settled). n/a: no "
             "`.chart-static svg` on the page.", "",
             "| page | FCP | chart visible | visible / FCP | visible / plotly-default ready | "
             "bytes untouched | plotly.js file fetched untouched | waits for a touch | "
             "hover on sight → ready | hover settled → ready |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, s in summary.items():
        lines.append(
            f"| {name} | {fmt(s['fcp_ms'], ' ms')} | "
            f"{fmt(s['visible_ms'], ' ms') if s['static_chart'] else NO_SVG} | "
            f"{visible_ratio(s, s['fcp_ms'], 2)} | {visible_ratio(s, pd_ready, 3)} | "
            f"{kb(s['bytes_untouched'])} | {'yes' if s['plotly_untouched'] else 'no'} | "
            f"{'yes' if s['waits_for_touch'] else 'no'} | "
            f"{touch_cell(s, 'sight')} | {touch_cell(s, 'settled')} |")
    return lines


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
    lines += targets(results)
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
        lines += static_table(pages["summary"])
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
                waits = [((x.get("touch") or {}).get("settled") or {}).get("touch_to_ready_ms")
                         for x in (big, ten)]
                if big.get("waits_for_touch") and None not in waits:
                    # Not ready until touched (issue 14's embed): hover → ready.
                    parts.append(f"{fmt(ratio(waits[0], waits[1]), '×', 2)} ({label}; "
                                 "hover once settled → data-state=ready)")
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
