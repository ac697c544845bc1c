"""Every page of the shipped site in real Chromium, offline, opened from disk.

Each page must draw without a console error or a network request, pass
axe-core (installed from the npm registry by scripts/test, never copied into
the repository) with zero WCAG 2.2 AA violations, and do its job: the chart
leads to its events, classroom mode steps with the keyboard, the embed fits
the iframes articles give it, and the French pages speak French.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser import OfflinePage, npm_file

pytestmark = pytest.mark.browser

PAGES = [f"{prefix}{page}.html" for prefix in ("", "en/", "fr/")
         for page in ("index", "embed", "present")]
# Every rule of these tags, at every impact: best-practice holds the landmark
# rules (region) that no WCAG tag carries.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FRENCH_DATE = re.compile(r"\b(1er|\d{1,2}) (janvier|février|mars|avril|mai|juin|juillet|août|"
                         r"septembre|octobre|novembre|décembre) \d{4}\b")
ENGLISH_MONTH = re.compile(r"\b(January|February|March|April|June|July|August|September|"
                           r"October|November|December) \d{4}\b")


def open_page(page: OfflinePage, url: str) -> Any:
    """Go to a page and wait until its chart is drawn (an embed's at the first pointer)."""
    page.page.goto(url)
    if "embed.html" in url:
        page.page.hover(".chart-box", position={"x": 5, "y": 5})
    page.page.wait_for_selector("#timeline-chart[data-state=ready]", timeout=15000)
    return page.page


def axe_violations(pw_page: Any) -> list[str]:
    pw_page.add_script_tag(path=str(npm_file("axe-core/axe.min.js")))
    # preload: false keeps axe from fetching the stylesheets itself (an XHR
    # that file:// pages refuse); the rules run on the live page all the same.
    found = pw_page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.help + ' ' +"
        " v.nodes.map(n => n.target.join(' ')).join(', ')))", AXE_TAGS)
    return found


def event_ids(pw_page: Any) -> list[str]:
    """The ids of the points plotly drew, in trace order."""
    return pw_page.evaluate(
        "() => document.getElementById('timeline-chart').data"
        ".filter(t => t.mode === 'markers').flatMap(t => t.customdata.map(d => d[0]))")


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline_and_passes_axe(browser, shipped_site, path):
    """Opened from disk with every request refused: drawn, one point per item, no
    console error, dates in its language, zero axe-core violations."""
    page = OfflinePage(browser)
    try:
        pw_page = open_page(page, (shipped_site / path).as_uri())
        chart = pw_page.locator("#timeline-chart")
        assert pw_page.locator(".scatterlayer .point").count() == int(
            chart.get_attribute("data-points"))
        # The chart has an accessible name, given once (its figure's); the list
        # of events (or the slides) is its text.
        caption = pw_page.locator("#chart-caption").inner_text()
        assert caption and pw_page.locator("figure.chart").get_attribute(
            "aria-labelledby") == "chart-caption"
        assert pw_page.locator('[aria-labelledby="chart-caption"]').count() == 1
        assert page.errors == [] and page.blocked == []
        check_date_language(pw_page, "fr" if path.startswith("fr/") else "en")
        if path.endswith("index.html"):
            check_article_dates_on_chart_and_list(pw_page)
        assert axe_violations(pw_page) == []
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def check_date_language(pw_page: Any, lang: str) -> None:
    """Dates in the list, the steps and the chart's hover text are in the page's language."""
    assert pw_page.evaluate("document.documentElement.lang") == lang
    dates = pw_page.evaluate(
        "() => Array.from(document.querySelectorAll('.events time, .steps time,"
        " .embed-list time'), t => t.textContent)")
    hover = pw_page.evaluate(
        "() => document.getElementById('timeline-chart').data"
        ".filter(t => t.mode === 'markers').flatMap(t => t.customdata.map(d => d[2]))")
    assert dates and hover
    for texts in (dates, hover):
        if lang == "fr":
            assert any(FRENCH_DATE.search(d) for d in texts)
            assert not [d for d in texts if ENGLISH_MONTH.search(d)]
        else:
            assert any(ENGLISH_MONTH.search(d) for d in texts)
            assert not [d for d in texts if FRENCH_DATE.search(d)]


def check_article_dates_on_chart_and_list(pw_page: Any) -> None:
    """The article's 1966, 2009, 2019 and "this week" (the January 2026 resolution)
    each lead to an item that is both a point on the chart and an entry in the list."""
    plotted = set(event_ids(pw_page))
    links = pw_page.evaluate(
        "() => Array.from(document.querySelectorAll('a.mention')).map(a =>"
        " [a.textContent.trim(), a.getAttribute('href').slice(1)])")
    linked = {text: target for text, target in links}
    for said in ("1966", "2009", "2019", "this week"):
        target = linked[said]
        assert target in plotted, said
        assert pw_page.locator(f"ol#events > li[id='{target}']").count() == 1, said
    week = pw_page.locator(f"li[id='{linked['this week']}'] time").get_attribute("datetime")
    assert week.startswith("2026-01")


def click_point(pw_page: Any, index: int = 0) -> None:
    box = pw_page.locator(".scatterlayer .point").nth(index).bounding_box()
    pw_page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def point_index(pw_page: Any, event_id: str) -> int:
    return event_ids(pw_page).index(event_id)


def test_clicking_a_point_brings_up_its_event(browser, shipped_site):
    page = OfflinePage(browser, viewport={"width": 1200, "height": 900})
    try:
        pw_page = open_page(page, (shipped_site / "index.html").as_uri())
        target = event_ids(pw_page)[3]
        click_point(pw_page, point_index(pw_page, target))
        pw_page.wait_for_function(f"location.hash === '#{target}'")
        item = pw_page.locator(f"li[id='{target}']")
        assert "is-current" in item.get_attribute("class")
        assert pw_page.evaluate("document.activeElement.id") == target
        pw_page.wait_for_function(
            f"document.getElementById('timeline-chart').dataset.highlight === '{target}'")
        # The list item's own link highlights the chart the other way round.
        other = event_ids(pw_page)[0]
        pw_page.locator(f"li[id='{other}'] a.self-link").click()
        pw_page.wait_for_function(
            f"document.getElementById('timeline-chart').dataset.highlight === '{other}'")
        # Classroom mode opens at the event the reader is on: the same anchor.
        pw_page.locator("#nav-present").click()
        pw_page.wait_for_url(re.compile(rf"/present\.html#{re.escape(other)}$"))
        pw_page.wait_for_selector("#timeline-chart[data-state=ready]")
        assert pw_page.locator(f".step[id='{other}']").is_visible()
        steps = pw_page.evaluate("() => Array.from(document.querySelectorAll('.step'), s => s.id)")
        assert pw_page.locator("#present-count").inner_text() == (
            f"{steps.index(other) + 1} / {len(steps)}")
        assert page.errors == []
    finally:
        page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_arriving_moves_nothing_below_it(browser, shipped_site, width):
    """The chart's box is as tall before plotly.js draws as after: what the
    reader is looking at below it does not jump (no layout shift)."""
    page = OfflinePage(browser, viewport={"width": width, "height": 800})
    try:
        page.page.add_init_script(
            "document.addEventListener('DOMContentLoaded', () => {"
            " window.__erasTop = document.querySelector('.events-section')"
            ".getBoundingClientRect().top;"
            " window.__chartState = document.getElementById('timeline-chart').dataset.state"
            " || null; });")
        pw_page = open_page(page, (shipped_site / "index.html").as_uri())
        before, state = pw_page.evaluate("[window.__erasTop, window.__chartState]")
        assert state is None   # measured before the chart was drawn
        after = pw_page.evaluate(
            "document.querySelector('.events-section').getBoundingClientRect().top")
        assert abs(after - before) <= 1, (before, after)
    finally:
        page.close()


def test_index_script_arriving_after_the_page_is_parsed_still_starts_it(browser, shipped_site):
    """The index loads timeline.js async: held back until the page is parsed
    (a slow network), it still draws the chart and starts the page."""
    import time as clock

    page = OfflinePage(browser)
    try:
        def late(route):
            clock.sleep(1.0)   # the page is parsed well before this
            route.continue_()

        page.context.route("**/assets/timeline.js", late)
        page.page.add_init_script(
            "document.addEventListener('DOMContentLoaded', () => {"
            " window.__parsedWithout = !document.documentElement.classList.contains('js'); });")
        pw_page = open_page(page, (shipped_site / "index.html").as_uri() + "#de-gaulle-withdrawal")
        assert pw_page.evaluate("window.__parsedWithout") is True
        # Started: the copy button is offered and the event in the address is marked.
        assert pw_page.locator("#copy-embed").is_visible()
        assert pw_page.evaluate("document.getElementById('de-gaulle-withdrawal')"
                                ".classList.contains('is-current')")
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_index_keyboard_focus_and_print(browser, shipped_site):
    # Reduced motion also stops plotly's fade-in of its buttons, so a focused
    # button is visible at once rather than 0.3 s later.
    page = OfflinePage(browser, reduced_motion="reduce")
    try:
        pw_page = open_page(page, (shipped_site / "index.html").as_uri())
        pw_page.keyboard.press("Tab")
        assert pw_page.evaluate("document.activeElement.className") == "skip-link"
        # The skip link leads to the list, the keyboard path to every event.
        assert pw_page.evaluate("document.activeElement.getAttribute('href')") == "#events"
        assert pw_page.locator("ol#events a.self-link").count() == pw_page.locator(
            "ol#events > li").count()
        for _ in range(12):
            outline = pw_page.evaluate(
                "() => { const e = document.activeElement, s = getComputedStyle(e);"
                " return [e.tagName + '.' + e.className, s.outlineStyle, s.boxShadow,"
                " e.checkVisibility({opacityProperty: true, visibilityProperty: true})]; }")
            assert outline[1] != "none" or outline[2] != "none", outline
            assert outline[3], outline   # not inside something transparent (plotly's modebar)
            pw_page.keyboard.press("Tab")
        # The copy button of the embed code works from the keyboard.
        copy = pw_page.locator("#copy-embed")
        copy.focus()
        pw_page.keyboard.press("Enter")
        pw_page.wait_for_function(
            "document.getElementById('copy-status').textContent !== ''", timeout=5000)
        check_print_handout(pw_page)
    finally:
        page.close()


def check_print_handout(pw_page: Any) -> None:
    """Printed (A4 or Letter), the index is a handout: the chart as its static picture
    (whatever plotly has drawn), no controls, sources shown."""
    pw_page.emulate_media(media="print")
    for hidden in ("#timeline-chart", ".embed-section", ".lang-switch", ".site-nav",
                   "#copy-embed"):
        assert not pw_page.locator(hidden).is_visible(), hidden
    picture = pw_page.locator(".chart-static svg")
    assert picture.is_visible() and picture.bounding_box()["height"] > 200
    assert pw_page.locator(".chart-static a.chart-mark").first.is_visible()
    first_source = pw_page.locator("ol#events details.sources li a").first
    assert first_source.is_visible()
    after = pw_page.evaluate(
        "a => getComputedStyle(a, '::after').content", first_source.element_handle())
    assert "http" in after, after
    assert pw_page.evaluate(
        "getComputedStyle(document.querySelector('.event')).breakInside") == "avoid"
    for paper in ("A4", "Letter"):
        pdf = pw_page.pdf(format=paper)
        assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2


def test_present_mode_steps_with_keyboard_touch_and_clicks(browser, shipped_site):
    page = OfflinePage(browser, viewport={"width": 1280, "height": 720}, has_touch=True,
                       reduced_motion="reduce")
    try:
        pw_page = open_page(page, (shipped_site / "present.html").as_uri())
        ids = pw_page.evaluate("() => Array.from(document.querySelectorAll('.step'), s => s.id)")
        total = len(ids)

        def at(n: int) -> None:
            pw_page.wait_for_function(f"location.hash === '#{ids[n]}'")
            assert pw_page.locator("#present-count").inner_text() == f"{n + 1} / {total}"
            assert pw_page.locator(".step:visible").count() == 1
            assert pw_page.locator(f".step[id='{ids[n]}']").is_visible()
            pw_page.wait_for_function(
                f"document.getElementById('timeline-chart').dataset.highlight === '{ids[n]}'")

        at(0)
        for key, n in (("ArrowRight", 1), ("Space", 2), ("PageDown", 3), ("ArrowLeft", 2),
                       ("PageUp", 1), ("End", total - 1), ("ArrowRight", total - 1),
                       ("Home", 0), ("ArrowLeft", 0)):
            pw_page.keyboard.press(key)
            at(n)
        # Buttons are reachable and keep their focus ring; space presses them once.
        pw_page.locator("#present-next").focus()
        pw_page.keyboard.press("Space")
        at(1)
        assert pw_page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        pw_page.locator("#present-prev").click()
        at(0)
        # A swipe to the left is the next event.
        pw_page.evaluate(
            "() => { const t = (x) => [new Touch({identifier: 1, target: document.body,"
            " clientX: x, clientY: 300})];"
            " document.dispatchEvent(new TouchEvent('touchstart', {touches: t(600)}));"
            " document.dispatchEvent(new TouchEvent('touchend', {changedTouches: t(400)})); }")
        at(1)
        # A point on the chart jumps to its event.
        click_point(pw_page, point_index(pw_page, ids[5]))
        at(5)
        assert "status" == pw_page.locator("#present-status").get_attribute("role")
        assert f"{6}" in pw_page.locator("#present-status").inner_text()
        # prefers-reduced-motion: the progress bar does not animate.
        assert pw_page.evaluate(
            "getComputedStyle(document.getElementById('present-bar')).transitionDuration"
        ) == "0s"
        # The language switch keeps the event: the French page opens at its anchor.
        pw_page.locator(".lang-switch a").click()
        pw_page.wait_for_url(re.compile(rf"/fr/present\.html#{re.escape(ids[5])}$"))
        pw_page.wait_for_selector("#timeline-chart[data-state=ready]")
        at(5)
        assert pw_page.evaluate("document.documentElement.lang") == "fr"
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_embed_fits_iframes_and_honours_lang_and_event(browser, shipped_site, tmp_path):
    page = OfflinePage(browser, viewport={"width": 1300, "height": 1200})
    try:
        pw_page = page.page
        # An event known to the day, so its French date reads like "7 mars 1966".
        html = (shipped_site / "index.html").read_text(encoding="utf-8")
        target = re.search(r'<li class="event [^"]*" id="([^"]+)"[^>]*>\s*<article[^>]*>\s*'
                           r'<p class="event-date"><time datetime="\d{4}-\d\d-\d\d"',
                           html).group(1)
        embed = (shipped_site / "embed.html").as_uri()
        host = tmp_path / "article.html"
        host.write_text(
            "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Article</title>"
            "</head><body>"
            f"<iframe id='small' src='{embed}' title='t' width='320' height='480'></iframe>"
            f"<iframe id='large' src='{embed}?lang=fr&event={target}' title='t' width='1200'"
            " height='600'></iframe></body></html>", encoding="utf-8")
        pw_page.goto(host.as_uri())
        frames = {}
        for name in ("small", "large"):
            frame = pw_page.frame_locator(f"#{name}").locator("html")
            # An embed loads plotly.js when a pointer comes over its chart.
            frame.locator(".chart-box").hover(position={"x": 5, "y": 5})
            frame.locator("#timeline-chart[data-state=ready]").wait_for(timeout=15000)
            frames[name] = pw_page.locator(f"#{name}").element_handle().content_frame()
        for name, width in (("small", 320), ("large", 1200)):
            frame = frames[name]
            sizes = frame.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                " document.getElementById('timeline-chart').getBoundingClientRect().right,"
                " document.getElementById('timeline-chart').getBoundingClientRect().height]")
            assert sizes[0] <= sizes[1] <= width, (name, sizes)
            assert sizes[2] <= sizes[1], (name, sizes)
            assert sizes[3] >= 200, (name, sizes)
        large = frames["large"]
        # ?lang=fr on the root page went to the French page, keeping ?event=.
        assert re.search(r"/fr/embed\.html\?lang=fr&event=", large.url)
        assert large.evaluate("document.documentElement.lang") == "fr"
        caption = large.locator("#embed-caption").inner_text()
        title = large.locator(f"li[id='{target}'] .embed-item-title").text_content()
        assert title in caption and FRENCH_DATE.search(caption), caption
        assert large.locator("#timeline-chart").get_attribute("data-highlight") == target
        # A click on a point in the small embed says which event it is.
        small = frames["small"]
        box = small.locator(".scatterlayer .point").first.bounding_box()
        pw_page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        small.wait_for_function("document.getElementById('embed-caption').dataset.event")
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()
