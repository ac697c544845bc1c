"""The embed as a journalist meets it: the snippet pasted into an article on another site.

Two loopback servers, two origins: the published timeline, and a news page
that pastes the snippet from the timeline's index into a column of a given
width. In real Chromium, offline but for those two: the iframe takes the
height of its content (embed.html reports it, embed.js sets it), nothing in
it overlaps or is cut, an open list never paints over the chart, and a
finger swiping over the embed scrolls the article.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import OfflinePage
from tests.geometry import cut_runs, overlapping_runs, text_runs

pytestmark = pytest.mark.browser

COLUMNS = (280, 320, 375, 600, 1000, 1600)
VARIANTS = {"plain": "", "fr-event": "?lang=fr&event=de-gaulle-withdrawal"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def origins(shipped_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[str, str, Path]]:
    """Serve the site and a news site, each on its own origin."""
    news = tmp_path_factory.mktemp("news")
    site_server, site = _serve(shipped_site)
    news_server, host = _serve(news)
    yield site, host, news
    site_server.shutdown()
    news_server.shutdown()


def snippet_from_index(browser: Any, site: str) -> str:
    """Copy the embed code as a journalist does, from the served index."""
    page = OfflinePage(browser, allowed_origin=site)
    try:
        page.page.goto(f"{site}/index.html")
        code = page.page.locator("#embed-code").input_value()
    finally:
        page.close()
    return code


def article_page(snippet: str, column: int) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>News</title>
<style>body{{margin:0;font:18px/1.6 Georgia,serif}}.column{{width:{column}px;margin:0 auto}}
p{{margin:1em 8px}}</style></head><body><div class="column">
<p>{"The debate in the Assemblée nationale went on into the night. " * 12}</p>
{snippet}
<p>{"Deputies returned to the question of the integrated command. " * 30}</p>
</div></body></html>"""


def embed_frame(page: Any) -> Any:
    """Return the embed's frame (another origin: it is read through its own frame)."""
    for _ in range(100):
        found = [f for f in page.frames if "embed.html" in f.url]
        if found:
            found[0].wait_for_load_state("load")
            return found[0]
        page.wait_for_timeout(50)
    raise AssertionError("no embed frame in the page")


def frame_height_settles(page: Any) -> tuple[float, float]:
    """Wait until the iframe is the height its content has; return both.

    The frame is another origin's: its content's height is read inside it,
    the iframe's in the host page, as each page sees it.
    """
    embed = embed_frame(page)
    outer = inner = 0.0
    for _ in range(150):
        inner = embed.evaluate("document.body.getBoundingClientRect().height")
        outer = page.locator("iframe").bounding_box()["height"]
        if abs(outer - inner) <= 4:
            return outer, inner
        page.wait_for_timeout(100)
    raise AssertionError(f"the iframe stays {outer} px high for {inner} px of content")


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_pasted_snippet_fits_every_column(browser, origins, tmp_path, variant):
    """At columns 280-1600 px, both languages, list closed then open: the iframe
    is its content's height, nothing in it overlaps or is cut, the list opens
    below the chart, and a narrower column makes a taller embed."""
    site, host, news = origins
    snippet = snippet_from_index(browser, site)
    assert f'src="{site}/embed.html"' in snippet and f'src="{site}/assets/embed.js"' in snippet
    snippet = snippet.replace("embed.html", "embed.html" + VARIANTS[variant])
    heights = {}
    for column in COLUMNS:
        (news / f"a{column}.html").write_text(article_page(snippet, column), encoding="utf-8")
        page = OfflinePage(browser, allowed_origin=(site, host),
                           viewport={"width": column + 40, "height": 900})
        try:
            pw = page.page
            pw.goto(f"{host}/a{column}.html")
            outer, inner = frame_height_settles(pw)
            heights[column] = outer
            frame = pw.frame_locator("iframe")
            embed = embed_frame(pw)
            assert embed.evaluate("document.documentElement.lang") == (
                "fr" if variant == "fr-event" else "en")
            runs = text_runs(embed)
            assert runs, "nothing drawn in the embed"
            assert overlapping_runs(runs) == [], column
            assert cut_runs(runs, embed.evaluate("innerWidth")) == [], column
            # The iframe never scrolls sideways.
            assert embed.evaluate("document.documentElement.scrollWidth <= innerWidth")
            pw.screenshot(path=str(tmp_path / f"{variant}-{column}-closed.png"), full_page=True)
            frame.locator(".embed-list summary").click()
            outer_open, _ = frame_height_settles(pw)
            assert outer_open > outer + 100, "the open list did not make the embed taller"
            chart = embed.locator(".chart").bounding_box()
            listing = embed.locator(".embed-list ol").bounding_box()
            assert listing["y"] >= chart["y"] + chart["height"] - 1
            runs = text_runs(embed)
            assert overlapping_runs(runs) == [], f"{column}, list open"
            assert cut_runs(runs, embed.evaluate("innerWidth")) == [], f"{column}, list open"
            pw.screenshot(path=str(tmp_path / f"{variant}-{column}-open.png"), full_page=True)
            assert page.blocked == [] and page.errors == []
        finally:
            page.close()
    # The key wraps on a narrow column: the embed is taller there, not squeezed.
    assert heights[280] > heights[1600]


def test_without_the_script_the_iframe_scrolls_and_nothing_overlaps(browser, origins, tmp_path):
    """A CMS that strips scripts keeps the iframe at its fixed height: its content
    scrolls inside it, whole."""
    site, host, news = origins
    snippet = snippet_from_index(browser, site).split("\n")[0]
    assert snippet.startswith("<iframe") and "<script" not in snippet
    (news / "bare.html").write_text(article_page(snippet, 320), encoding="utf-8")
    page = OfflinePage(browser, allowed_origin=(site, host), viewport={"width": 360, "height": 800})
    try:
        pw = page.page
        pw.goto(f"{host}/bare.html")
        pw.wait_for_timeout(500)
        embed = embed_frame(pw)
        fixed = int(snippet.split('height="')[1].split('"')[0])
        assert pw.locator("iframe").bounding_box()["height"] == pytest.approx(fixed, abs=1)
        runs = text_runs(embed)
        assert overlapping_runs(runs) == [] and cut_runs(runs, embed.evaluate("innerWidth")) == []
        pw.screenshot(path=str(tmp_path / "no-script.png"), full_page=True)
    finally:
        page.close()


def _swipe(cdp: Any, x: float, y: float, dx: float = 0, dy: float = -300) -> None:
    """One finger on the screen, moved in ten steps, lifted."""
    cdp.send("Input.dispatchTouchEvent",
             {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        at = {"x": x + dx * step / 10, "y": y + dy * step / 10}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [at]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 568)])
def test_a_swipe_over_the_chart_scrolls_the_page(browser, origins, tmp_path, width, height):
    """On a phone, once plotly.js has drawn: a vertical swipe starting on the chart
    scrolls the index (and an article past its embed); a sideways one never pans
    the years away."""
    site, host, news = origins
    phone = {"viewport": {"width": width, "height": height}, "has_touch": True,
             "is_mobile": True}
    page = OfflinePage(browser, allowed_origin=(site, host), **phone)
    try:
        pw = page.page
        cdp = page.context.new_cdp_session(pw)
        pw.goto(f"{site}/index.html")
        pw.wait_for_selector("#timeline-chart[data-state=ready]", timeout=15000)
        pw.locator(".chart-box").evaluate("e => e.scrollIntoView({block: 'start'})")
        pw.wait_for_timeout(200)
        box = pw.locator(".chart-box").bounding_box()
        before = pw.evaluate("scrollY")
        _swipe(cdp, box["x"] + box["width"] / 2, min(box["height"], height) / 2 + 60)
        pw.wait_for_timeout(400)
        assert pw.evaluate("scrollY") >= before + 100
        pw.locator(".chart-box").evaluate("e => e.scrollIntoView({block: 'start'})")
        pw.wait_for_timeout(200)
        _swipe(cdp, box["x"] + box["width"] / 2, 100, dx=-200, dy=0)
        pw.wait_for_timeout(300)
        first, last = pw.evaluate(
            "() => document.getElementById('timeline-chart')._fullLayout.xaxis.range"
            ".map(d => Date.parse(d))")
        low, high = pw.evaluate(
            "() => { const x = JSON.parse(document.getElementById('timeline-figure')"
            ".textContent).layout.xaxis;"
            " return [Date.parse(x.minallowed), Date.parse(x.maxallowed)]; }")
        assert low <= first < last <= high
        pw.screenshot(path=str(tmp_path / f"index-{width}.png"))

        # The embed in an article: tapped (plotly.js loads), then swiped over.
        snippet = snippet_from_index(browser, site)
        (news / f"phone{width}.html").write_text(article_page(snippet, width), encoding="utf-8")
        pw.goto(f"{host}/phone{width}.html")
        frame_height_settles(pw)
        frame = pw.locator("iframe")
        frame.evaluate("e => e.scrollIntoView({block: 'start'})")
        pw.wait_for_timeout(200)
        box = frame.bounding_box()
        _swipe(cdp, box["x"] + box["width"] / 2, 150, dy=0)      # a tap
        embed = embed_frame(pw)
        embed.wait_for_selector("#timeline-chart[data-state=ready]", timeout=15000)
        before = pw.evaluate("scrollY")
        _swipe(cdp, box["x"] + box["width"] / 2, min(box["height"], height) / 2)
        pw.wait_for_timeout(400)
        assert pw.evaluate("scrollY") >= before + 100
        pw.screenshot(path=str(tmp_path / f"article-{width}.png"))
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_the_height_is_told_in_each_hosts_own_words(browser, origins):
    """pym.js (childId), WordPress's oEmbed handshake (#?secret=) and AMP (#amp=1)
    hear the same height as embed.js, in their own message formats, from an
    iframe sandboxed to scripts alone (an opaque origin: no storage)."""
    site, host, news = origins
    (news / "listen.html").write_text(f"""<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Listener</title></head><body><script>
window.heard = [];
addEventListener("message", e => heard.push(e.data));
</script><iframe title="t" style="width:500px;height:300px;border:0" sandbox="allow-scripts"
src="{site}/embed.html?childId=tl1#?secret=Ab12&amp=1"></iframe></body></html>""",
                                        encoding="utf-8")
    page = OfflinePage(browser, allowed_origin=(site, host))
    try:
        pw = page.page
        pw.goto(f"{host}/listen.html")
        embed = embed_frame(pw)
        # Settled: the last height heard is the content's height now.
        for _ in range(100):
            height = embed.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
            heard = pw.evaluate("window.heard")
            own = [m["height"] for m in heard if isinstance(m, dict) and "type" in m
                   and m["type"] == "timeline:height"]
            if own and own[-1] == height:
                break
            pw.wait_for_timeout(100)
        pw.wait_for_timeout(200)
        heard = pw.evaluate("window.heard")
        assert {"type": "timeline:height", "height": height} in heard
        assert f"pymxPYMxtl1xPYMxheightxPYMx{height}" in heard
        assert {"secret": "Ab12", "message": "height", "value": height} in heard
        assert {"sentinel": "amp", "type": "embed-size", "height": height} in heard
        assert page.errors == []
    finally:
        page.close()
