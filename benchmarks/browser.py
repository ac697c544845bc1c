"""The browser timing harness: serve a folder on 127.0.0.1, load a page in
headless Chromium (a fresh context per load, cache disabled), read its
paint and ready times and the bytes it fetched, and run the contestants in
rotating, alternating order.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Any

from common import CHROMIUM, CHROMIUM_ARGS, log, median

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
