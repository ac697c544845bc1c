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
         Contestants: our index.html and embed.html as built with
         --plotly-bundle full (assets/plotly.min.js from the plotly package),
         the same site with plotly.js's basic bundle swapped in
         (timeline/plotlyjs.py; needs `timeline fetch-plotly`), the same figure
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
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
EVENTS = ROOT / "events.yaml"
ARTICLE = ROOT / "articles" / "france-nato-guette-resolution.txt"
OUT_JSON = ROOT / "benchmarks" / "results.json"
OUT_MD = ROOT / "benchmarks" / "RESULTS.md"
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
NPM_CACHE = Path(os.environ.get(
    "TIMELINE_NPM_CACHE",
    Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "timeline-test-npm"))
TLJS_DIST = NPM_CACHE / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
SHARED = ROOT.parent / "shared"
FLOOR = "import pandas, plotly, dateparser, jinja2"
HEAVY = ("pandas", "numpy", "plotly", "dateparser", "jinja2", "rich", "yaml", "regex")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def median(xs: list[float]) -> float | None:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


# ----------------------------------------------------------------- machine

def machine() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gb = None
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    chromium = (subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
                .stdout.strip() if Path(CHROMIUM).exists() else None)
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cores": os.cpu_count(),
            "loadavg_at_start": os.getloadavg(),
            "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
            "memory_gb": mem_gb, "cpu": cpu, "python": platform.python_version(),
            "chromium": chromium, "platform": platform.platform()}


# ------------------------------------------------------------ processes

def tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            text = stat.read_text()
            parents[int(stat.parent.name)] = int(text.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total


def run_timed(cmd: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None,
              sample_memory: bool = False) -> dict[str, Any]:
    """Run a whole process; return wall and CPU seconds, exit status, optionally peak tree RSS.

    CPU is user + system time of the process and the children it waited for
    (the change in this process's RUSAGE_CHILDREN: one command runs at a
    time), which scheduling noise on a shared machine disturbs less than wall time.
    """
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss_kb(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True) if sample_memory else None
    if sampler:
        sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    if sampler:
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = {"wall": wall, "cpu": cpu, "rc": proc.returncode}
    if sample_memory:
        result["peak_mb"] = round(peak / 1024, 1)
    if proc.returncode not in (0, 3):
        result["stderr"] = err.decode("utf-8", "replace")[-2000:]
    return result


def timeline_cmd(tree: Path | None) -> tuple[list[str], dict[str, str], Path]:
    """The command, environment and working folder that run `timeline` from a tree."""
    env = dict(os.environ)
    if tree is None:
        return [str(PYTHON), "-m", "timeline"], env, ROOT
    env["PYTHONPATH"] = str(tree)
    return [str(PYTHON), "-m", "timeline"], env, tree


def compile_bytecode(tree: Path) -> None:
    """Write the bytecode of a tree's ``timeline`` package, as installing a wheel does.

    pip compiles every module it installs, and the import floor's libraries are
    compiled, but an editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as
    on these machines) would recompile ~6,000 lines of source at every start,
    a cost no installed user pays. compileall writes the .pyc files even so;
    a later edit of a source file makes its .pyc stale, and Python then ignores it.
    """
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(tree / "timeline")], check=True)


def build_into(out: Path, *, tree: Path | None = None, events: Path = EVENTS,
               articles: list[Path] | None = None, extra: list[str] | None = None) -> Path:
    cmd, env, cwd = timeline_cmd(tree)
    args = ["build", "--events", str(events), "--out", str(out)]
    for a in articles or [ARTICLE]:
        args += ["--article", str(a)]
    proc = subprocess.run(cmd + args + (extra or []), cwd=cwd, env=env, capture_output=True,
                          text=True)
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"build failed: {proc.stderr}")
    return out


# ----------------------------------------------------------- generators

CITIES = ["Paris", "Brussels", "Washington", "London", "Bonn", "Rome", "Madrid", "Lisbon",
          "Ottawa", "Oslo", "Strasbourg", "Vilnius", "Riga", "Warsaw", "Prague"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]


def generate_events(n: int, path: Path, seed: int = 7) -> Path:
    """Write an events file of n items, valid per `timeline validate`, from the shipped one."""
    import yaml

    rng = random.Random(seed)
    shipped = yaml.safe_load(EVENTS.read_text(encoding="utf-8"))
    cats = [c["id"] for c in shipped["categories"]]
    start, span = date(1949, 4, 4), (date(2025, 12, 31) - date(1949, 4, 4)).days
    events = []
    for i in range(n):
        d = start + timedelta(days=rng.randrange(span))
        kind = rng.random()
        when = d.isoformat() if kind < 0.7 else d.strftime("%Y-%m") if kind < 0.9 else str(d.year)
        city = rng.choice(CITIES)
        events.append({
            "id": f"gen-{i:05d}", "date": when,
            "title": {"en": f"Meeting {i} of allied ministers in {city}",
                      "fr": f"Réunion {i} des ministres alliés à {city}"},
            "summary": {"en": f"Ministers meet in {city} to discuss item {i} of the agenda.",
                        "fr": f"Les ministres se réunissent à {city} pour le point {i}."},
            "category": rng.choice(cats), "importance": rng.randint(1, 3),
            "sources": [{"title": f"Record {i}", "publisher": "Archive",
                         "url": f"https://example.org/record/{i}"}],
        })
    doc = {"categories": shipped["categories"], "eras": shipped.get("eras", []),
           "events": events}
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def generate_articles(n: int, folder: Path, seed: int = 11) -> list[Path]:
    """Write n articles from varied sentence templates with dates (a sixth of them French)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    en = [
        "On {d} {M} {y}, ministers met in {c} to discuss the Alliance.",
        "In {M} {y}, the council in {c} approved a new command structure.",
        "The agreement signed in {y} was revised {k} years later.",
        "Last week, officials in {c} said the plan would be published on {M} {d}.",
        "Yesterday the delegation left {c}; talks resume on Tuesday.",
        "Between {y} and {y2}, France kept its forces outside the integrated command.",
        "The summit of {d} {M} {y} in {c} ended without a joint statement.",
        "By the end of {y}, {k} member states had ratified the protocol.",
        "Talks in {c} lasted from {M} {y} to {M2} {y2}.",
        "The minister recalled the crisis of the {dec}s and the treaty of {y}.",
        "Ten days later, on {M} {d}, {y}, the vote took place in {c}.",
        "Nothing was decided, a spokesman in {c} said this morning.",
    ]
    fr = [
        "Le {d} {m} {y}, les ministres se sont réunis à {c}.",
        "En {m} {y}, le conseil a approuvé une nouvelle structure à {c}.",
        "L'accord signé en {y} a été révisé {k} ans plus tard.",
        "La semaine dernière, des responsables à {c} ont parlé de l'alliance.",
        "Entre {y} et {y2}, la France est restée hors du commandement intégré.",
        "Le sommet du {d} {m} {y} à {c} s'est achevé sans déclaration commune.",
    ]
    paths = []
    for i in range(n):
        lang = "fr" if i % 6 == 5 else "en"
        pool = fr if lang == "fr" else en
        pub = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        sentences = []
        for _ in range(rng.randint(18, 30)):
            y = rng.randint(1949, 2025)
            sentences.append(rng.choice(pool).format(
                d=rng.randint(1, 28), M=rng.choice(MONTHS_EN), M2=rng.choice(MONTHS_EN),
                m=rng.choice(MONTHS_FR), y=y, y2=min(2026, y + rng.randint(1, 20)),
                k=rng.randint(2, 12), c=rng.choice(CITIES), dec=(y // 10) * 10))
        paras = [" ".join(sentences[j:j + 5]) for j in range(0, len(sentences), 5)]
        path = folder / f"article-{i:03d}.txt"
        path.write_text(
            f"---\ntitle: \"Generated article {i}\"\npublished: {pub.isoformat()}\n"
            f"language: {lang}\n---\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- pages

HOOK_JS = r"""
(function () {
  var B = window.__bench = {afterplot: null, tlready: null, tljs: null, text: null,
                            errors: []};
  // plotly.js gives every graph div its own emit(); wrap it as it is assigned.
  Object.defineProperty(HTMLElement.prototype, 'emit', {
    configurable: true,
    get: function () { return undefined; },
    set: function (fn) {
      Object.defineProperty(this, 'emit', {configurable: true, writable: true, enumerable: true,
        value: function (name) {
          if (name === 'plotly_afterplot' && B.afterplot === null) {
            B.afterplot = performance.now();
          }
          return fn.apply(this, arguments);
        }});
    }
  });
  document.addEventListener('timeline:ready', function () {
    if (B.tlready === null) { B.tlready = performance.now(); }
  }, true);
  window.addEventListener('error', function (e) { B.errors.push(String(e.message)); });
  var SEL = '.events .event, #embed-caption, .tl-slide-content, .js-plotly-plot';
  function poll() {
    if (B.text !== null) { return; }
    var el = document.querySelector(SEL);
    if (el && el.getBoundingClientRect().height > 0) { B.text = performance.now(); return; }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})();
"""

TLJS_BOOT = """
var tl = new TL.Timeline('tl', 'timelinejs.json', {language: 'en'});
tl.on('loaded', function () {
  if (window.__bench && window.__bench.tljs === null) { window.__bench.tljs = performance.now(); }
});
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextlib.contextmanager
def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def plotly_default_page(timeline: Any, catalog: Any, path: Path) -> Path:
    """The same figure the way plotly users write it: fig.write_html(include_plotlyjs=True)."""
    import plotly.graph_objects as go

    from timeline import chart

    figure = chart.build_figure(timeline, catalog, "en")
    fig = go.Figure({"data": figure["data"], "layout": figure["layout"]})
    fig.write_html(str(path), include_plotlyjs=True, config=figure.get("config"))
    return path


def load_timeline(events: Path, article: Path) -> tuple[Any, Any]:
    from timeline.article import load_article
    from timeline.batch import extract_all
    from timeline.events import load_events
    from timeline.merge import build_timeline

    catalog = load_events(events)
    articles = [load_article(article)]
    mentions, _ = extract_all(articles, jobs=1)
    return build_timeline(catalog, articles, mentions), catalog


def prepare_pages(work: Path, candidate: Path | None, quick: bool) -> dict[str, dict[str, Any]]:
    """Build every page under work/ and return name -> {path, ready metric, note}."""
    from timeline import plotlyjs

    pages: dict[str, dict[str, Any]] = {}
    log("pages: building the site")
    # The full bundle explicitly: a build picks the basic one by itself when
    # `timeline fetch-plotly` has cached it, and the basic variant below is
    # this same site with the basic bundle swapped in.
    full = ["--plotly-bundle", "full"]
    site = build_into(work / "site", extra=full)
    pages["ours index"] = {"path": "site/index.html", "ready": "afterplot"}
    pages["ours embed"] = {"path": "site/embed.html", "ready": "afterplot"}
    try:
        basic = plotlyjs.load_bundle("basic")
    except FileNotFoundError as exc:
        log(f"pages: no basic bundle ({exc}); the basic variant is left out")
        basic = None
    if basic is not None:
        shutil.copytree(site, work / "site-basic")
        (work / "site-basic" / "assets" / "plotly.min.js").write_bytes(basic.data)
        pages["ours index, basic"] = {"path": "site-basic/index.html", "ready": "afterplot"}
        pages["ours embed, basic"] = {"path": "site-basic/embed.html", "ready": "afterplot"}
    if candidate is not None:
        build_into(work / "cand", tree=candidate)
        pages["candidate index"] = {"path": "cand/index.html", "ready": "afterplot"}
        pages["candidate embed"] = {"path": "cand/embed.html", "ready": "afterplot"}

    log("pages: plotly's write_html page")
    (work / "plotly").mkdir()
    timeline, catalog = load_timeline(EVENTS, ARTICLE)
    plotly_default_page(timeline, catalog, work / "plotly" / "index.html")
    pages["plotly default"] = {"path": "plotly/index.html", "ready": "afterplot"}

    if (TLJS_DIST / "js" / "timeline.js").is_file():
        tl = work / "tljs"
        tl.mkdir()
        shutil.copy(TLJS_DIST / "js" / "timeline.js", tl / "timeline.js")
        shutil.copy(TLJS_DIST / "css" / "timeline.css", tl / "timeline.css")
        shutil.copy(site / "data" / "timelinejs.json", tl / "timelinejs.json")
        (tl / "boot.js").write_text(TLJS_BOOT, encoding="utf-8")
        (tl / "index.html").write_text(
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            "<title>TimelineJS</title><link rel='stylesheet' href='timeline.css'>"
            "<script src='timeline.js'></script></head><body style='margin:0'>"
            "<div id='tl' style='width:100%;height:600px'></div>"
            "<script src='boot.js'></script></body></html>", encoding="utf-8")
        pages["TimelineJS3"] = {"path": "tljs/index.html", "ready": "tljs"}
    else:
        log(f"pages: TimelineJS3 not in {TLJS_DIST}; install it with: npm install --prefix "
            f"{NPM_CACHE} @knight-lab/timelinejs@3")

    log("pages: generating a 5,000-item timeline")
    big = generate_events(5000, work / "events-5000.yaml")
    check = subprocess.run([str(PYTHON), "-m", "timeline", "validate", str(big)], cwd=ROOT,
                           capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"generated events are invalid: {check.stdout}{check.stderr}")
    build_into(work / "scale", events=big, extra=full)
    pages["5,000 items index"] = {"path": "scale/index.html", "ready": "afterplot"}
    pages["5,000 items embed"] = {"path": "scale/embed.html", "ready": "afterplot"}
    if basic is not None:
        shutil.copytree(work / "scale", work / "scale-basic")
        (work / "scale-basic" / "assets" / "plotly.min.js").write_bytes(basic.data)
        pages["5,000 items index, basic"] = {"path": "scale-basic/index.html",
                                             "ready": "afterplot"}
        pages["5,000 items embed, basic"] = {"path": "scale-basic/embed.html",
                                             "ready": "afterplot"}
    if candidate is not None:
        build_into(work / "scale-cand", tree=candidate, events=big)
        pages["candidate 5,000 items index"] = {"path": "scale-cand/index.html",
                                                "ready": "afterplot"}
        pages["candidate 5,000 items embed"] = {"path": "scale-cand/embed.html",
                                                "ready": "afterplot"}
    return pages


def load_once(browser: Any, url: str, throttle: float, timeout_ms: int = 90000
              ) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        cdp = context.new_cdp_session(page)
        sizes: dict[str, int] = {}
        failed: list[str] = []
        urls: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent",
               lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished",
               lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        cdp.on("Network.loadingFailed", lambda e: failed.append(urls.get(e["requestId"], "?")))
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if throttle and throttle != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        page.add_init_script(HOOK_JS)
        page.goto(url, wait_until="load", timeout=timeout_ms)
        page.wait_for_function(
            "window.__bench && (window.__bench.afterplot !== null || window.__bench.tljs !== null)",
            timeout=timeout_ms)
        # Our pages also say when their relayout is done; give them a moment.
        with contextlib.suppress(Exception):
            page.wait_for_function(
                "!document.getElementById('timeline-chart') || window.__bench.tlready !== null",
                timeout=10000)
        page.wait_for_timeout(150)
        got = page.evaluate("""() => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const nav = performance.getEntriesByType('navigation')[0];
            const gd = document.querySelector('.js-plotly-plot');
            return {bench: window.__bench, fcp: fcp ? fcp.startTime : null,
                    dcl: nav ? nav.domContentLoadedEventEnd : null,
                    load: nav ? nav.loadEventEnd : null,
                    points: gd ? gd.querySelectorAll('.scatterlayer .point').length : null,
                    state: (document.getElementById('timeline-chart') || {}).dataset
                           ? document.getElementById('timeline-chart').dataset.state : null};
        }""")
        bench = got["bench"]
        return {"fcp": got["fcp"], "text": bench["text"], "dcl": got["dcl"],
                "ready": bench["afterplot"] if bench["tljs"] is None else bench["tljs"],
                "tl_ready": bench["tlready"], "bytes": sum(sizes.values()),
                "requests": len(sizes), "failed": failed, "points": got["points"],
                "state": got["state"], "errors": errors + bench["errors"]}
    finally:
        context.close()


def verify_basic(browser: Any, origin: str, pages: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Does the basic bundle draw our figure as the full one does? Compare pixels and points."""
    out: dict[str, Any] = {}
    for full, basic in (("ours index", "ours index, basic"), ("ours embed", "ours embed, basic")):
        if basic not in pages:
            continue
        shots, info = [], []
        for name in (full, basic):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
            page.goto(f"{origin}/{pages[name]['path']}")
            page.wait_for_selector("#timeline-chart[data-state=ready]", timeout=60000)
            page.wait_for_timeout(300)
            shots.append(page.locator("#timeline-chart").screenshot(animations="disabled"))
            info.append(page.evaluate("""() => {
                const gd = document.getElementById('timeline-chart');
                const paths = [...gd.querySelectorAll('.scatterlayer .point')];
                return {points: paths.length, dataPoints: Number(gd.dataset.points),
                        stars: gd._fullData.filter(t => t.marker && t.marker.symbol === 'star')
                            .map(t => gd.querySelectorAll('.trace' + t.uid + ' .point').length)
                            .reduce((a, b) => a + b, 0),
                        starsInFigure: JSON.parse(document.getElementById('timeline-figure')
                            .textContent).data.filter(t => t.marker && t.marker.symbol === 'star')
                            .reduce((a, t) => a + t.x.length, 0),
                        shapes: gd.querySelectorAll('.shapelayer path').length,
                        annotations: gd.querySelectorAll('.annotation').length,
                        xticks: [...gd.querySelectorAll('.xtick text')].map(t => t.textContent)};
            }""") | {"errors": errors})
            context.close()
        out[full] = {"identical_pixels": shots[0] == shots[1], "full": info[0],
                     "basic": info[1]}
    return out


def bench_pages(pages: dict[str, dict[str, Any]], work: Path, runs: int, throttle: float
                ) -> tuple[dict[str, Any], dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[dict[str, Any]]] = {name: [] for name in pages}
    with serve(work) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                     headless=True)
        try:
            log("pages: warm-up pass (not recorded)")
            for page in pages.values():
                load_once(browser, f"{origin}/{page['path']}", throttle)
            names = list(pages)
            for run in range(runs):
                order = names[run % len(names):] + names[:run % len(names)]
                if run % 2:
                    order.reverse()
                for name in order:
                    samples[name].append(load_once(browser, f"{origin}/{pages[name]['path']}",
                                                   throttle))
                log(f"pages: run {run + 1}/{runs} done")
            check = verify_basic(browser, origin, pages)
        finally:
            browser.close()
    summary = {}
    for name, rows in samples.items():
        summary[name] = {
            "fcp_ms": median([r["fcp"] for r in rows]),
            "text_ms": median([r["text"] for r in rows]),
            "ready_ms": median([r["ready"] for r in rows]),
            "tl_ready_ms": median([r["tl_ready"] for r in rows]),
            "bytes": median([r["bytes"] for r in rows]),
            "requests": median([r["requests"] for r in rows]),
            "points": rows[-1]["points"],
            "errors": sorted({e for r in rows for e in r["errors"]})[:5],
            "failed_requests": sorted({u for r in rows for u in r["failed"]})[:5],
            "runs": len(rows),
            "raw_ready_ms": [round(r["ready"], 1) if r["ready"] else None for r in rows],
        }
    return summary, check


# ---------------------------------------------------------------- build

def import_report(args: list[str], cwd: Path = ROOT) -> dict[str, Any]:
    """Which heavy modules a command imports, and its total import time (-X importtime)."""
    proc = subprocess.run([str(PYTHON), "-X", "importtime", "-m", "timeline", *args], cwd=cwd,
                          capture_output=True, text=True)
    mods: dict[str, int] = {}
    total = 0
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:"):].split("|")
        try:
            cumulative = int(parts[1])
        except ValueError:
            continue
        name = parts[2].rstrip()
        top = name.strip()
        if not name[1:2].isspace():      # a module imported at the top level
            total += cumulative
        if top in HEAVY:
            mods[top] = max(mods.get(top, 0), cumulative)
    return {"heavy": {k: round(v / 1000, 1) for k, v in sorted(mods.items())},
            "import_ms": round(total / 1000, 1), "rc": proc.returncode}


def bench_build(work: Path, runs: int, candidate: Path | None) -> dict[str, Any]:
    log("build: warming the extraction cache")
    cache = work / "mention-cache"
    contestants: dict[str, tuple[list[str], dict[str, str], Path]] = {}
    base_cmd, base_env, base_cwd = timeline_cmd(None)
    # --force: a build whose output is already up to date with its inputs is
    # skipped, and every run after the first builds into the same folder.
    common = ["--events", str(EVENTS), "--article", str(ARTICLE), "--force"]
    contestants["import floor"] = ([str(PYTHON), "-c", FLOOR], dict(os.environ), ROOT)
    contestants["timeline build"] = (
        base_cmd + ["build", *common, "--cache-dir", str(cache), "--out", str(work / "b1")],
        base_env, base_cwd)
    contestants["timeline build --no-cache"] = (
        base_cmd + ["build", *common, "--no-cache", "--out", str(work / "b2")], base_env,
        base_cwd)
    contestants["timeline --help"] = (base_cmd + ["--help"], base_env, base_cwd)
    contestants["timeline extract"] = (base_cmd + ["extract", "--format", "json", str(ARTICLE)],
                                       base_env, base_cwd)
    contestants["python -c pass"] = ([str(PYTHON), "-c", "pass"], dict(os.environ), ROOT)
    if candidate is not None:
        c_cmd, c_env, c_cwd = timeline_cmd(candidate)
        contestants["candidate build"] = (
            c_cmd + ["build", *common, "--cache-dir", str(work / "cand-cache"), "--out",
                     str(work / "b3")], c_env, c_cwd)
        contestants["candidate build --no-cache"] = (
            c_cmd + ["build", *common, "--no-cache", "--out", str(work / "b4")], c_env, c_cwd)
        contestants["candidate extract"] = (
            c_cmd + ["extract", "--format", "json", str(ARTICLE)], c_env, c_cwd)
    for cmd, env, cwd in contestants.values():   # warm-up: caches, .pyc, disk
        run_timed(cmd, cwd, env)
    walls: dict[str, list[float]] = {k: [] for k in contestants}
    cpus: dict[str, list[float]] = {k: [] for k in contestants}
    names = list(contestants)
    for run in range(runs):
        order = names[run % len(names):] + names[:run % len(names)]
        for name in order:
            cmd, env, cwd = contestants[name]
            r = run_timed(cmd, cwd, env)
            if r["rc"] not in (0, 3):
                raise RuntimeError(f"{name} failed: {r.get('stderr')}")
            walls[name].append(r["wall"])
            cpus[name].append(r["cpu"])
        log(f"build: run {run + 1}/{runs} done")
    floor = median(walls["import floor"])
    cpu_floor = median(cpus["import floor"])
    table = {name: {"median_s": median(w), "ratio_to_floor": ratio(median(w), floor),
                    "cpu_median_s": median(cpus[name]),
                    "cpu_ratio_to_floor": ratio(median(cpus[name]), cpu_floor),
                    "runs": [round(x, 3) for x in w]} for name, w in walls.items()}
    log("build: import checks")
    imports = {
        "timeline --help": import_report(["--help"]),
        "timeline validate": import_report(["validate", str(EVENTS)]),
        "timeline extract": import_report(["extract", "--format", "json", str(ARTICLE)]),
        "timeline build": import_report(["build", *common, "--cache-dir", str(cache), "--out",
                                         str(work / "b5")]),
    }
    if candidate is not None:
        imports["candidate build"] = import_report(
            ["build", *common, "--cache-dir", str(work / "cand-cache"), "--out",
             str(work / "b6")], cwd=candidate)
    return {"walls": table, "imports": imports}


# -------------------------------------------------------------- extract

def bench_extract(work: Path, runs: int) -> dict[str, Any]:
    tool = SHARED / "tools" / "timex_eval.py"
    corpus = SHARED / "corpora" / "wikiwars-dev"
    result: dict[str, Any] = {}
    if tool.is_file() and corpus.is_dir():
        log("extract: timex_eval.py --baseline")
        proc = subprocess.run([str(PYTHON), str(tool), str(corpus), "--cmd",
                               f"{ROOT / '.venv/bin/timeline'} extract", "--baseline"],
                              cwd=ROOT, capture_output=True, text=True)
        result["timex_eval"] = {"rc": proc.returncode, "output": proc.stdout[-4000:],
                                "stderr": proc.stderr[-1000:]}
    else:
        result["timex_eval"] = {"skipped": f"{tool} or {corpus} is missing"}
        log(f"extract: skipped timex_eval ({tool} or {corpus} missing); measuring in-process")
    # In-process throughput on the same texts, same machine, interleaved.
    texts = [ARTICLE.read_text(encoding="utf-8").split("---", 2)[2]]
    texts += [p.read_text(encoding="utf-8").split("---", 2)[2]
              for p in generate_articles(30, work / "extract-articles", seed=3)]
    code = r"""
import json, sys, time
texts = json.load(open(sys.argv[1]))
which = sys.argv[2]
if which == "timeline":
    from timeline.extract import extract_mentions
    extract_mentions(texts[0], published=None, lang="en")
    f = lambda t: extract_mentions(t, published=None, lang="en")
else:
    from dateparser.search import search_dates
    search_dates(texts[0], add_period=True, languages=["en"])
    f = lambda t: search_dates(t, add_period=True, languages=["en"])
t0 = time.perf_counter()
n = 0
for t in texts:
    n += len(f(t) or [])
print(json.dumps({"seconds": time.perf_counter() - t0, "found": n,
                  "chars": sum(map(len, texts))}))
"""
    data = work / "extract-texts.json"
    data.write_text(json.dumps(texts), encoding="utf-8")
    seconds: dict[str, list[float]] = {"timeline": [], "dateparser": []}
    found: dict[str, int] = {}
    chars = 0
    for _ in range(runs):
        for which in seconds:
            proc = subprocess.run([str(PYTHON), "-c", code, str(data), which], cwd=ROOT,
                                  capture_output=True, text=True, check=True)
            got = json.loads(proc.stdout)
            seconds[which].append(got["seconds"])
            found[which] = got["found"]
            chars = got["chars"]
    t, d = median(seconds["timeline"]), median(seconds["dateparser"])
    result["in_process"] = {
        "texts": len(texts), "chars": chars,
        "timeline_s": t, "dateparser_s": d, "found": found,
        "timeline_chars_per_s": chars / t if t else None,
        "dateparser_chars_per_s": chars / d if d else None,
        "speedup": ratio(d, t),
        "note": "search_dates(add_period=True, languages=['en']) vs extract_mentions(lang='en'),"
                " warm (first text excluded from timing), same texts",
    }
    return result


# ---------------------------------------------------------------- scale

def bench_scale(work: Path, runs: int, candidate: Path | None = None) -> dict[str, Any]:
    log("scale: 200 generated articles")
    articles = generate_articles(200, work / "articles-200")
    cmd, env, cwd = timeline_cmd(None)
    rows: dict[str, list[dict[str, Any]]] = {"cold (empty cache)": [], "warm (cached)": []}
    warm_cache = work / "cache-200-warm"
    base = cmd + ["build", "--events", str(EVENTS), "--articles", str(work / "articles-200")]
    run_timed(base + ["--cache-dir", str(warm_cache), "--out", str(work / "s0")], cwd, env)
    if candidate is not None:
        rows["candidate warm (cached)"] = []
        c_cmd, c_env, c_cwd = timeline_cmd(candidate)
        c_base = c_cmd + ["build", "--events", str(EVENTS), "--articles",
                          str(work / "articles-200"), "--cache-dir", str(warm_cache)]
        run_timed(c_base + ["--out", str(work / "sc0")], c_cwd, c_env)
    for run in range(runs):
        if candidate is not None:
            rows["candidate warm (cached)"].append(run_timed(
                c_base + ["--out", str(work / f"s{run}cw")], c_cwd, c_env, sample_memory=True))
        cold = work / f"cache-200-cold-{run}"
        rows["cold (empty cache)"].append(run_timed(
            base + ["--cache-dir", str(cold), "--out", str(work / f"s{run}c")], cwd, env,
            sample_memory=True))
        rows["warm (cached)"].append(run_timed(
            base + ["--cache-dir", str(warm_cache), "--out", str(work / f"s{run}w")], cwd, env,
            sample_memory=True))
        log(f"scale: run {run + 1}/{runs} done")
    for rs in rows.values():
        bad = [r for r in rs if r["rc"] not in (0, 3)]
        if bad:
            raise RuntimeError(f"200-article build failed: {bad[0].get('stderr')}")
    return {"articles": len(articles), "jobs": os.cpu_count(), **{
        name: {"median_s": median([r["wall"] for r in rs]),
               "peak_mb": max(r["peak_mb"] for r in rs),
               "runs": [round(r["wall"], 2) for r in rs]} for name, rs in rows.items()}}


# --------------------------------------------------------------- report

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
