"""Every reader of the index and the embed: phone and desktop, with and without
JavaScript, printed, in forced colours, on the keyboard.

Geometry is measured in the page (tests/geometry.py): no two text runs
overlap, no text sits on a mark, nothing is cut by the window. Screenshots of
each case are saved in the test's tmp folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any

import pytest

from tests.browser import OfflinePage
from tests.geometry import cut_runs, overlapping_runs, text_runs

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "small-phone": (320, 568), "desktop": (1280, 800)}
PAGES = ("index.html", "embed.html", "fr/index.html", "fr/embed.html")
# Words for pointers and gestures, which a page without its script must not use.
GESTURES = re.compile(r"\b(hover|drag|tap|survolez|glissez|faites glisser|touchez)\b",
                      re.IGNORECASE)
TIMEX_CODE = re.compile(r"\b[A-Z]+_REF\b")


def _settle(page: Any, scripted: bool) -> None:
    if scripted:
        if "embed.html" in page.url:
            page.hover(".chart-box", position={"x": 5, "y": 5})
        page.wait_for_selector("#timeline-chart[data-state=ready]", timeout=15000)
    page.wait_for_timeout(150)


def _chart_geometry(page: Any) -> list[str]:
    """Overlaps and cuts in the chart, its key and (the embed's) caption bar."""
    width = page.evaluate("document.documentElement.clientWidth")
    problems = []
    for scope in ("figure.chart", ".embed-bar", "#chart-help"):
        if page.locator(scope).count():
            runs = text_runs(page, scope)
            problems += overlapping_runs(runs) + cut_runs(runs, width)
    return problems


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scripted", [True, False], ids=["js", "no-js"])
def test_nothing_overlaps_or_is_cut(browser, shipped_site, tmp_path, path, size, scripted):
    width, height = SIZES[size]
    page = OfflinePage(browser, java_script_enabled=scripted,
                       viewport={"width": width, "height": height})
    try:
        pw = page.page
        pw.goto((shipped_site / path).as_uri())
        _settle(pw, scripted)
        assert _chart_geometry(pw) == []
        # Each lane is named once: above its line, never again at the side.
        assert pw.locator(".chart-lane-label-side").evaluate_all(
            "ts => ts.filter(t => getComputedStyle(t).display !== 'none').length") == 0
        text = pw.evaluate("document.body.innerText")
        assert not TIMEX_CODE.search(text)
        if not scripted:
            assert not GESTURES.search(text), GESTURES.search(text)
        pw.screenshot(path=str(tmp_path / f"{path.replace('/', '-')}-{size}.png"), full_page=True)
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_marks_show_focus_and_hover(browser, shipped_site, tmp_path):
    """The picture's marks are the embed's keyboard path: focus rings them in ink."""
    page = OfflinePage(browser, viewport={"width": 800, "height": 700})
    try:
        pw = page.page
        pw.goto((shipped_site / "embed.html").as_uri())
        pw.keyboard.press("Tab")
        focused = pw.evaluate("document.activeElement.classList.contains('chart-mark')")
        assert focused
        ring = pw.evaluate("() => { const u = document.activeElement.querySelector('use');"
                           " const s = getComputedStyle(u); return [s.stroke, s.strokeWidth]; }")
        assert ring == ["rgb(26, 26, 26)", "3.5px"]
        # The ring is painted: the mark's pixels change when it takes focus.
        mark = pw.locator(".chart-mark").nth(1)
        before = mark.screenshot()
        mark.focus()
        pw.keyboard.press("Shift+Tab")
        pw.keyboard.press("Tab")
        assert mark.screenshot() != before
        pw.screenshot(path=str(tmp_path / "focus.png"))
    finally:
        page.close()


@pytest.mark.parametrize("path", ["index.html", "embed.html"])
def test_forced_colours_use_system_colours(browser, shipped_site, tmp_path, path):
    """Windows high contrast: labels in CanvasText, marks in LinkText, key swatches shown."""
    page = OfflinePage(browser, forced_colors="active", color_scheme="dark",
                       viewport={"width": 1000, "height": 800})
    try:
        pw = page.page
        pw.goto((shipped_site / path).as_uri())
        pw.wait_for_timeout(200)
        system = pw.evaluate("() => { const p = document.createElement('p');"
                             " document.body.append(p); const a = document.createElement('a');"
                             " a.href = '#'; p.append(a); const c = getComputedStyle(p).color;"
                             " const l = getComputedStyle(a).color; p.remove(); return [c, l]; }")
        text, link = system
        fills = pw.evaluate("() => Array.from(document.querySelectorAll("
                            "'.chart-static text'), t => getComputedStyle(t).fill)")
        assert fills and set(fills) == {text}
        marks = pw.evaluate("() => Array.from(document.querySelectorAll("
                            "'.chart-static .chart-marks use, .key-mark use'),"
                            " u => getComputedStyle(u).fill)")
        assert marks and set(marks) == {link}
        swatches = pw.evaluate("() => Array.from(document.querySelectorAll('.key-band,"
                               " .chart-key-eras .era-swatch'), s => getComputedStyle(s)"
                               ".backgroundColor)")
        assert swatches and all(s not in ("rgba(0, 0, 0, 0)", "transparent") for s in swatches)
        _settle(pw, True)
        plotted = pw.evaluate("() => Array.from(document.querySelectorAll("
                              "'#timeline-chart .xtick text, #timeline-chart .textpoint text'),"
                              " t => getComputedStyle(t).fill)")
        assert plotted and set(plotted) == {text}
        pw.screenshot(path=str(tmp_path / "forced.png"), full_page=True)
    finally:
        page.close()


def test_print_keeps_dots_whole_and_the_chart_with_its_key(browser, shipped_site, tmp_path):
    """Printed (A4): the rail's dots inside the page, the chart and its key on page
    one, no heading alone at a page's foot."""
    page = OfflinePage(browser)
    try:
        pw = page.page
        pw.goto((shipped_site / "index.html").as_uri())
        pw.emulate_media(media="print")
        pw.wait_for_timeout(100)
        lefts = pw.evaluate("() => Array.from(document.querySelectorAll('.events > .event'),"
                            " li => li.getBoundingClientRect().left +"
                            " parseFloat(getComputedStyle(li, '::before').left))")
        assert lefts and min(lefts) >= 0
        assert _chart_geometry(pw) == []
        pdf = tmp_path / "index.pdf"
        pw.pdf(path=str(pdf), format="A4")
    finally:
        page.close()
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext (Debian's poppler-utils) is missing: run scripts/test")
    pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")
    first = pages[0]
    assert "1950" in first and "Curated event" in first and "Span of an imprecise date" in first
    for number, text in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        tail = lines[-3:]
        assert not any(line in ("Events", "Sources") for line in tail), (number, tail)
