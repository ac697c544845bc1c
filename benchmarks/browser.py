"""The browser timing harness: serve a folder on 127.0.0.1, load a page in
headless Chromium (a fresh context per load, cache disabled), read its
paint and ready times and the bytes it fetched, and run the contestants in
rotating, alternating order.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
import time
from pathlib import Path
from typing import Any

from common import CHROMIUM, CHROMIUM_ARGS, log, median

# The init script of every load: paint, ready and touch times (hook.js).
HOOK_JS = Path(__file__).with_name("hook.js").read_text(encoding="utf-8")
# How long the network must be idle before a page counts as settled. Long
# enough that the index's "after first paint or when idle" fetch of plotly.js
# has started by then; an embed that waits for the reader fetches nothing.
QUIET_S = 2.0
# plotly.js is recognised by its file name (assets/plotly.min.js, or the CDN's).
PLOTLY = "plotly"
READY_JS = "window.__bench.afterplot !== null || window.__bench.tljs !== null"
# The interactive chart as issue 14 defines it: data-state="ready", or the
# timeline:ready event that comes with it.
STATE_READY_JS = "window.__bench.stateReady !== null || window.__bench.tlready !== null"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A load may end while a response is still on its way (a touched load
        # leaves a page without a static chart as soon as it knows, plotly.js
        # perhaps still arriving): the browser hung up, nothing went wrong.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Network:
    """What a page fetched, from the CDP Network domain: every response's size
    (encodedDataLength: body and headers as they came over the wire; the
    local server neither compresses nor lets anything be cached, so these are
    the sizes a reader downloads uncompressed), its type, what is in flight."""

    def __init__(self, cdp: Any) -> None:
        self.urls: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self.sizes: dict[str, int] = {}
        self.failed: list[str] = []
        self.pending: set[str] = set()
        self.last = time.monotonic()
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)

    def _sent(self, e: dict[str, Any]) -> None:
        self.urls[e["requestId"]] = e["request"]["url"]
        self.types[e["requestId"]] = e.get("type") or "Other"
        self.pending.add(e["requestId"])
        self.last = time.monotonic()

    def _finished(self, e: dict[str, Any]) -> None:
        self.sizes[e["requestId"]] = int(e["encodedDataLength"])
        self.pending.discard(e["requestId"])
        self.last = time.monotonic()

    def _failed(self, e: dict[str, Any]) -> None:
        self.failed.append(self.urls.get(e["requestId"], "?"))
        self.pending.discard(e["requestId"])
        self.last = time.monotonic()

    def quiet_for(self) -> float:
        """Seconds since the last request started or ended, 0 while one is in flight."""
        return 0.0 if self.pending else time.monotonic() - self.last

    def total(self) -> int:
        return sum(self.sizes.values())

    def by_type(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for rid, size in self.sizes.items():
            kind = self.types.get(rid, "Other")
            out[kind] = out.get(kind, 0) + size
        return dict(sorted(out.items()))

    def requested(self, needle: str) -> bool:
        return any(needle in url.rsplit("/", 1)[-1] for url in self.urls.values())


@contextlib.contextmanager
def fresh_page(browser: Any, throttle: float):
    """A page in a new browser context, cache disabled, the hook installed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        cdp = context.new_cdp_session(page)
        net = Network(cdp)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if throttle and throttle != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        page.add_init_script(HOOK_JS)
        yield page, net, errors
    finally:
        context.close()


def wait_quiet(page: Any, net: Network, quiet_s: float, timeout_s: float) -> bool:
    """Wait until no request has started or ended for quiet_s seconds.

    Playwright hands CDP events to Python only while it waits, hence the short
    waits in a loop rather than one long one."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if net.quiet_for() >= quiet_s:
            return True
        page.wait_for_timeout(50)
    return False


def chart_visible(fcp: float | None, frame: float | None, rendered: float | None
                  ) -> float | None:
    """When the static chart's marks reached the screen (see benchmarks/README.md).

    frame is when the first animation frame in which a mark had a box began,
    rendered when the main thread had finished that frame. A frame that began
    by the first contentful paint is the one FCP put on screen (or one held
    back until then: nothing is shown before FCP), so the marks came with FCP.
    A later frame is on screen once its rendering is done; rendered can only
    be late (tasks queued before the message that reads it), never early,
    except by the compositor's last few milliseconds.
    """
    if frame is None or rendered is None:
        return None
    if fcp is not None and frame <= fcp:
        return fcp
    return rendered


def load_once(browser: Any, url: str, throttle: float, timeout_ms: int = 90000
              ) -> dict[str, Any]:
    """One untouched load: paint and ready times, and every byte fetched."""
    with fresh_page(browser, throttle) as (page, net, errors):
        page.goto(url, wait_until="load", timeout=timeout_ms)
        page.wait_for_function(
            f"window.__bench && ({READY_JS} || !!document.querySelector('.chart-static svg'))",
            timeout=timeout_ms)
        waits_for_touch = False
        if not page.evaluate(f"() => {READY_JS}"):
            # A static chart whose interactive one may wait for the reader's
            # touch (issue 14's embed): wait for plotly.js if it is on its way,
            # and stop if the network has gone quiet without it.
            while not net.requested(PLOTLY) and net.quiet_for() < QUIET_S:
                page.wait_for_timeout(50)
            if net.requested(PLOTLY):
                page.wait_for_function(READY_JS, timeout=timeout_ms)
            else:
                waits_for_touch = True
        if not waits_for_touch:
            # Our pages also say when their relayout is done; give them a moment.
            with contextlib.suppress(Exception):
                page.wait_for_function(
                    "!document.getElementById('timeline-chart') || window.__bench.tlready !== null",
                    timeout=10000)
        page.wait_for_timeout(150)
        fetched, requests = net.total(), len(net.sizes)
        # Whatever the page fetches by itself once drawn (nothing, today)
        # still counts as fetched before the reader touched anything.
        wait_quiet(page, net, 0.5, 10)
        got = page.evaluate("""() => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const nav = performance.getEntriesByType('navigation')[0];
            const gd = document.querySelector('.js-plotly-plot');
            return {bench: window.__bench, fcp: fcp ? fcp.startTime : null,
                    dcl: nav ? nav.domContentLoadedEventEnd : null,
                    load: nav ? nav.loadEventEnd : null,
                    points: gd ? gd.querySelectorAll('.scatterlayer .point').length : null,
                    staticChart: !!document.querySelector('.chart-static svg'),
                    state: (document.getElementById('timeline-chart') || {}).dataset
                           ? document.getElementById('timeline-chart').dataset.state : null};
        }""")
        bench = got["bench"]
        return {"fcp": got["fcp"], "text": bench["text"], "dcl": got["dcl"],
                "ready": bench["afterplot"] if bench["tljs"] is None else bench["tljs"],
                "tl_ready": bench["tlready"], "bytes": fetched,
                "requests": requests, "failed": net.failed, "points": got["points"],
                "state": got["state"], "errors": errors + bench["errors"],
                "static_chart": got["staticChart"], "waits_for_touch": waits_for_touch,
                "mark_frame": bench["markFrame"], "mark_rendered": bench["markRendered"],
                "visible": chart_visible(got["fcp"], bench["markFrame"],
                                         bench["markRendered"]),
                "bytes_untouched": net.total(), "bytes_by_type": net.by_type(),
                "plotly_untouched": net.requested(PLOTLY)}


def touch_once(browser: Any, url: str, throttle: float, when: str, timeout_ms: int = 90000
               ) -> dict[str, Any] | None:
    """One load in which the reader hovers the chart; how long until it is interactive.

    when="sight": as soon as the static chart is visible (a reader who goes
    straight for it; None for a page without one). when="settled": once the
    page has loaded and the network has been quiet for QUIET_S (a reader who
    reads first; on issue 14's embed, plotly.js is fetched only now).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with fresh_page(browser, throttle) as (page, net, errors):
        point = None
        if when == "sight":
            page.goto(url, wait_until="commit", timeout=timeout_ms)
            # One round trip from the frame that showed the marks to the
            # hover: the page is busy then, and every question waits for it.
            try:
                seen = page.wait_for_function(
                    "window.__bench && (window.__bench.markRendered !== null"
                    " ? {point: window.__bench.markPoint}"
                    " : document.readyState === 'complete'"
                    " && !document.querySelector('.chart-static svg') && {none: true})",
                    timeout=30000).json_value()
            except PlaywrightTimeout:
                log(f"pages: {url}: its static chart never showed; no hover on sight")
                return None
            if seen.get("none"):
                return None
            point = seen["point"]
        else:
            page.goto(url, wait_until="load", timeout=timeout_ms)
            wait_quiet(page, net, QUIET_S, timeout_ms / 1000)
        before, plotly_before = net.total(), net.requested(PLOTLY)
        if point is None:
            figure = page.locator(".chart-box").first
            if not figure.count():
                return None
            figure.scroll_into_view_if_needed()
            box = figure.bounding_box()
            # The middle of the chart, kept inside the viewport (1280 x 900).
            point = {"x": box["x"] + box["width"] / 2,
                     "y": min(box["y"] + box["height"] / 2, 890)}
        page.mouse.move(point["x"], point["y"])
        try:
            page.wait_for_function("window.__bench.touched !== null", timeout=10000)
        except PlaywrightTimeout:
            log(f"pages: {url}: hovering {point} did not reach figure.chart")
            return None
        page.wait_for_function(STATE_READY_JS, timeout=timeout_ms)
        bench = page.evaluate("() => window.__bench")
        ready = bench["stateReady"] if bench["stateReady"] is not None else bench["tlready"]
        return {"touched": bench["touched"], "ready": ready,
                "touch_to_ready": max(0.0, ready - bench["touched"]),
                "ready_before_touch": ready <= bench["touched"],
                "bytes_before_touch": before, "plotly_before_touch": plotly_before,
                "errors": errors + bench["errors"]}


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
            # An embed that waits for the reader (issue 14) gets its touch
            # here; a pointer event rather than the mouse, so that no hover
            # label of plotly's is in the screenshot.
            page.evaluate("""() => {
                const figure = document.querySelector('.chart-box');
                if (figure) { figure.dispatchEvent(new PointerEvent('pointerover',
                                                                    {bubbles: true})); }
            }""")
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
    # Loads in which the reader hovers the chart, for the pages marked "touch"
    # (True: both moments; or the moments to time).
    touches: dict[tuple[str, str], list[dict[str, Any] | None]] = {
        (name, when): [] for name, page in pages.items() if page.get("touch")
        for when in (("sight", "settled") if page["touch"] is True else page["touch"])}
    with serve(work) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                     headless=True)
        try:
            log("pages: warm-up pass (not recorded)")
            for page in pages.values():
                load_once(browser, f"{origin}/{page['path']}", throttle)
            # Untouched loads and touched ones rotate together, so that noise
            # hits them alike.
            jobs: list[tuple[str, str | None]] = [(name, None) for name in pages]
            jobs += list(touches)
            for run in range(runs):
                order = jobs[run % len(jobs):] + jobs[:run % len(jobs)]
                if run % 2:
                    order.reverse()
                for name, when in order:
                    url = f"{origin}/{pages[name]['path']}"
                    if when is None:
                        samples[name].append(load_once(browser, url, throttle))
                    else:
                        touches[name, when].append(touch_once(browser, url, throttle, when))
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
            "static_chart": any(r["static_chart"] for r in rows),
            "waits_for_touch": any(r["waits_for_touch"] for r in rows),
            "visible_ms": median([r["visible"] for r in rows]),
            "mark_frame_ms": median([r["mark_frame"] for r in rows]),
            "raw_visible_ms": [None if r["visible"] is None else round(r["visible"], 1)
                               for r in rows],
            "bytes_untouched": median([r["bytes_untouched"] for r in rows]),
            "bytes_untouched_by_type": rows[-1]["bytes_by_type"],
            "plotly_untouched": any(r["plotly_untouched"] for r in rows),
            "touch": {},
        }
    for (name, when), rows in touches.items():
        got = [r for r in rows if r is not None]
        summary[name]["touch"][when] = None if not got else {
            "touch_to_ready_ms": median([r["touch_to_ready"] for r in got]),
            "ready_before_touch": sum(r["ready_before_touch"] for r in got),
            "bytes_before_touch": median([r["bytes_before_touch"] for r in got]),
            "plotly_before_touch": any(r["plotly_before_touch"] for r in got),
            "runs": len(got),
            "raw_ms": [round(r["touch_to_ready"], 1) for r in got],
            "errors": sorted({e for r in got for e in r["errors"]})[:5],
        }
    return summary, check
