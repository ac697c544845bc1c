"""The chart's static picture in real Chromium: it paints first, works without
JavaScript, and plotly.js takes its place without moving anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from tests.browser import OfflinePage
from tests.test_browser import axe_violations, open_page

pytestmark = pytest.mark.browser

MARKS = ".chart-static a.chart-mark"


def painted_marks(pw_page: Any) -> int:
    """Count the picture's marks that have a box on screen."""
    return pw_page.evaluate(
        f"() => Array.from(document.querySelectorAll('{MARKS} use'))"
        ".filter(u => { const r = u.getBoundingClientRect(); return r.width > 4 &&"
        " r.height > 4; }).length")


@pytest.mark.parametrize("path", ["index.html", "embed.html", "present.html", "fr/index.html",
                                  "fr/embed.html", "fr/present.html"])
def test_without_javascript_the_chart_is_the_picture(browser, shipped_site, path):
    page = OfflinePage(browser, java_script_enabled=False, viewport={"width": 1280,
                                                                    "height": 720})
    try:
        pw_page = page.page
        pw_page.goto((shipped_site / path).as_uri())
        count = int(pw_page.locator("#timeline-chart").get_attribute("data-points"))
        assert pw_page.locator(MARKS).count() == count
        assert painted_marks(pw_page) == count
        assert pw_page.locator(".chart-static svg").bounding_box()["height"] > 200
        assert page.blocked == [] and page.errors == []
        # The plotly box is empty and hidden from assistive technology; the
        # figure is named by the caption (which points to the list), once.
        assert pw_page.locator("#timeline-chart").get_attribute("aria-hidden") == "true"
        assert pw_page.locator("figure.chart").get_attribute(
            "aria-labelledby") == "chart-caption"
        assert pw_page.locator('[aria-labelledby="chart-caption"]').count() == 1
    finally:
        page.close()


@pytest.mark.parametrize("path", ["index.html", "embed.html", "present.html", "fr/index.html",
                                  "fr/present.html"])
def test_the_picture_passes_axe_while_it_is_the_chart(browser, shipped_site, path):
    """With plotly.js refused, the picture stays the chart: axe-core checks it, every impact."""
    page = OfflinePage(browser)
    try:
        page.context.route("**/plotly.min.js", lambda route: route.abort())
        pw_page = page.page
        pw_page.goto((shipped_site / path).as_uri())
        pw_page.wait_for_load_state("load")
        pw_page.wait_for_timeout(300)
        assert pw_page.locator(".chart-static svg").is_visible()
        assert axe_violations(pw_page) == []
    finally:
        page.close()


def test_keyboard_reaches_each_mark_with_one_name_and_follows_it(browser, shipped_site):
    page = OfflinePage(browser, java_script_enabled=False)
    try:
        pw_page = page.page
        pw_page.goto((shipped_site / "index.html").as_uri())
        first = pw_page.locator(MARKS).first
        name = first.locator("title").text_content()
        target = first.get_attribute("href")[1:]
        title = pw_page.locator(f"li[id='{target}'] h3").inner_text()
        date = pw_page.locator(f"li[id='{target}'] time").first.inner_text()
        assert name == f"{title}, {date}"
        # Tab goes from the page's links into the picture's marks, in date order.
        for _ in range(30):
            pw_page.keyboard.press("Tab")
            if pw_page.evaluate("document.activeElement.getAttribute('class')") == "chart-mark":
                break
        assert pw_page.evaluate("document.activeElement.getAttribute('href')") == f"#{target}"
        # One name, not a soup of paths: the link and nothing inside it.
        assert first.aria_snapshot().splitlines()[0].rstrip(":") == f'- link "{name}"'
        pw_page.keyboard.press("Enter")
        pw_page.wait_for_function(f"location.hash === '#{target}'")
    finally:
        page.close()


LAYOUT_SHIFTS = (
    # Every layout shift; and apart, those after the baseline frame (__t0)
    # that moved the chart or anything in it (classroom mode fits its slide's
    # text meanwhile: that moves the slide, not the chart).
    "window.__shift = 0; window.__shiftAfter = 0; window.__t0 = Infinity;"
    "const chartMoved = e => e.sources.some(s => s.node && s.node.nodeType === 1 &&"
    " (s.node.closest('figure.chart') || s.node.querySelector('figure.chart')));"
    "new PerformanceObserver(list => { for (const e of list.getEntries())"
    " { if (e.hadRecentInput) continue; window.__shift += e.value;"
    " if (e.startTime > window.__t0 && chartMoved(e)) window.__shiftAfter += e.value; } })"
    ".observe({type: 'layout-shift', buffered: true});"
    # Measured in the first frame after the page's own start-up (classroom
    # mode shows its first slide then), long before plotly.js has drawn.
    "document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => {"
    " window.__t0 = performance.now();"
    " if (document.getElementById('timeline-chart').dataset.state) { window.__late = true; }"
    " const b = document.querySelector("
    "'.chart-box').getBoundingClientRect(); window.__box = [b.x, b.y, b.width, b.height];"
    " window.__marks = Array.from(document.querySelectorAll('.chart-static a.chart-mark'),"
    " a => { const r = a.querySelector('use').getBoundingClientRect();"
    " return [a.getAttribute('href').slice(1), r.x + r.width / 2, r.y + r.height / 2]; });"
    " }));")


@pytest.mark.parametrize(("path", "width"), [("index.html", 1280), ("index.html", 390),
                                             ("embed.html", 600), ("fr/index.html", 1000),
                                             ("present.html", 1280), ("fr/present.html", 390)])
def test_plotly_takes_over_in_the_same_box_without_a_jump(browser, shipped_site, path, width):
    page = OfflinePage(browser, viewport={"width": width, "height": 900})
    try:
        page.page.add_init_script(LAYOUT_SHIFTS)
        pw_page = open_page(page, (shipped_site / path).as_uri())
        pw_page.wait_for_timeout(200)
        box = pw_page.evaluate("(() => { const b = document.querySelector('.chart-box')"
                               ".getBoundingClientRect(); return [b.x, b.y, b.width, b.height];"
                               " })()")
        assert not pw_page.evaluate("window.__late")   # the picture was measured, not plotly
        assert box == pw_page.evaluate("window.__box")
        # The chart does not move from then on, while plotly.js loads and takes over.
        assert pw_page.evaluate("window.__shiftAfter") < 0.001
        # Nor before, on any page. (Classroom mode's chart once stood where
        # it was while the parser had not reached the controls under it, and
        # jumped up when they came: it is now painted once the page is whole.)
        assert pw_page.evaluate("window.__shift") < 0.001
        # The picture is gone only now that plotly has drawn, and each of
        # plotly's points sits where the picture had its mark.
        assert not pw_page.locator(".chart-static").is_visible()
        drawn = pw_page.evaluate(
            "() => { const div = document.getElementById('timeline-chart'); const out = {};"
            # Each drawn trace carries its own data (a hidden trace draws no group).
            " div.querySelectorAll('.scatterlayer .trace').forEach((trace) => {"
            "  const data = trace.__data__[0].trace;"
            "  trace.querySelectorAll('.point').forEach((p, i) => {"
            "   const r = p.getBoundingClientRect();"
            "   const d = data.mode === 'markers' && data.customdata[i];"
            "   if (d) out[d[0]] = [r.x + r.width / 2, r.y + r.height / 2]; }); });"
            " return out; }")
        marks = pw_page.evaluate("window.__marks")
        assert marks and len(drawn) == len(marks)
        for event_id, x, y in marks:
            px, py = drawn[event_id]
            assert abs(px - x) <= 1.5 and abs(py - y) <= 1.5, (event_id, (x, y), (px, py))
    finally:
        page.close()


def test_the_embed_costs_little_until_a_pointer_comes(browser, shipped_site):
    page = OfflinePage(browser, viewport={"width": 600, "height": 480})
    try:
        pw_page = page.page
        pw_page.goto((shipped_site / "embed.html").as_uri())
        pw_page.wait_for_load_state("load")
        pw_page.wait_for_timeout(1500)
        fetched = [unquote(urlparse(u).path) for u in page.requests]
        assert not [u for u in fetched if u.endswith("plotly.min.js")]
        size = sum(Path(u).stat().st_size for u in fetched)
        assert size <= 60 * 1024, (size, fetched)
        assert painted_marks(pw_page) > 0
        # Clicking a mark of the picture says which event it is, as plotly's would.
        mark = pw_page.locator(MARKS).nth(3)
        target = mark.get_attribute("href")[1:]
        mark.click()
        assert pw_page.locator("#embed-caption").get_attribute("data-event") == target
        # A pointer over the chart brings plotly.js, which then takes over.
        pw_page.hover(".chart-box", position={"x": 5, "y": 5})
        pw_page.wait_for_selector("#timeline-chart[data-state=ready]", timeout=15000)
        assert any(u.endswith("plotly.min.js") for u in page.requests)
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_era_labels_give_way_to_the_key_on_a_narrow_chart(browser, shipped_site):
    for width, labels_shown in ((1280, True), (390, False)):
        page = OfflinePage(browser, java_script_enabled=False,
                           viewport={"width": width, "height": 800})
        try:
            pw_page = page.page
            pw_page.goto((shipped_site / "index.html").as_uri())
            shown = pw_page.evaluate(
                "() => Array.from(document.querySelectorAll('.chart-era-label'))"
                ".map(t => getComputedStyle(t).display !== 'none')")
            assert shown and all(s == labels_shown for s in shown), (width, shown)
            if labels_shown:
                boxes = pw_page.evaluate(
                    "() => Array.from(document.querySelectorAll('.chart-era-label'), t => {"
                    " const r = t.getBoundingClientRect(); return [r.left, r.top, r.right,"
                    " r.bottom]; })")
                for i, a in enumerate(boxes):
                    for b in boxes[i + 1:]:
                        apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                        assert apart, (a, b)
            # The key below the chart names every era with its colour.
            assert pw_page.locator(".chart-key-eras li").count() == 3
            assert pw_page.locator(".chart-key-eras").is_visible()
        finally:
            page.close()


@pytest.mark.parametrize("path", ["index.html", "fr/index.html", "embed.html"])
def test_on_a_phone_no_mark_sits_on_another(browser, shipped_site, path):
    page = OfflinePage(browser, java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        pw_page = page.page
        pw_page.goto((shipped_site / path).as_uri())
        marks = pw_page.evaluate(
            f"() => Array.from(document.querySelectorAll('{MARKS} use'), u => {{"
            " const r = u.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2, Math.min(r.width, r.height) / 2];"
            " })")
        assert len(marks) > 20
        for i, (x, y, r) in enumerate(marks):
            for x2, y2, r2 in marks[i + 1:]:
                apart = ((x - x2) ** 2 + (y - y2) ** 2) ** 0.5
                assert apart >= max(r, r2), ((x, y), (x2, y2))
        # Lane labels stay inside the chart and do not cover one another.
        boxes = pw_page.evaluate(
            "() => Array.from(document.querySelectorAll('.chart-lane-label'), t => {"
            " const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")
        width = pw_page.evaluate("document.documentElement.clientWidth")
        for i, (left, top, right, bottom) in enumerate(boxes):
            assert left >= 0 and right <= width
            for _, top2, _, bottom2 in boxes[i + 1:]:
                assert bottom <= top2 or bottom2 <= top
    finally:
        page.close()


def test_plotly_waits_for_a_keyboard_user_to_leave_the_marks(browser, shipped_site):
    page = OfflinePage(browser)
    held = []
    try:
        # plotly.js is held back until the keyboard is on a mark.
        page.context.route("**/plotly.min.js", lambda route: held.append(route))
        pw_page = page.page
        pw_page.goto((shipped_site / "index.html").as_uri())
        for _ in range(40):
            pw_page.keyboard.press("Tab")
            if pw_page.evaluate("document.activeElement.getAttribute('class')") == "chart-mark":
                break
        focused = pw_page.evaluate("document.activeElement.getAttribute('href')")
        assert focused and focused.startswith("#")
        for _ in range(50):   # the page asks for plotly.js when idle
            if held:
                break
            pw_page.wait_for_timeout(100)
        assert held, "the page asked for plotly.js"
        for route in held:
            route.continue_()
        # plotly.js draws, but the picture stays while the focus is in it.
        pw_page.wait_for_selector("#timeline-chart .main-svg", state="attached", timeout=15000)
        pw_page.wait_for_timeout(300)
        assert pw_page.locator("#timeline-chart").get_attribute("data-state") is None
        assert pw_page.evaluate("document.activeElement.getAttribute('href')") == focused
        assert pw_page.locator(".chart-static svg").is_visible()
        # Leaving the marks (Tab past the last one) hands the chart to plotly.js.
        marks = pw_page.locator(".chart-static a.chart-mark").count()
        for _ in range(marks + 1):
            pw_page.keyboard.press("Tab")
        pw_page.wait_for_selector("#timeline-chart[data-state=ready]", timeout=5000)
        assert page.errors == []
    finally:
        page.close()


@pytest.mark.parametrize("name", ["timeline.svg", "timeline.fr.svg"])
def test_the_standalone_svg_opens_in_chromium_and_draws_every_mark(browser, shipped_site, name):
    page = OfflinePage(browser, viewport={"width": 1300, "height": 900})
    try:
        pw_page = page.page
        pw_page.goto((shipped_site / "data" / name).as_uri())
        count = int((shipped_site / "index.html").read_text(encoding="utf-8")
                    .split('data-points="', 1)[1].split('"', 1)[0])
        drawn = pw_page.evaluate(
            "() => Array.from(document.querySelectorAll('use'))"
            ".filter(u => u.getBoundingClientRect().width > 4).length")
        # Every mark of the chart, and one of each kind shown again in the key.
        assert drawn >= count + 2
        assert pw_page.evaluate("document.documentElement.getBBox().width") > 1000
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()
