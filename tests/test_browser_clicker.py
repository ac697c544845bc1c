"""Classroom mode as a teacher meets it (issue 20): a presentation clicker,
which sends only Page Down and Page Up (or the arrows), and every screen from
a phone to a 1080p projector, in real Chromium, offline.

"1280x720 at 200 % zoom" is emulated as a 640x360 CSS viewport drawn at a
device scale factor of 2: what a browser zoomed to 200 % lays out (a device
scale factor alone changes pixels, not layout). Every test saves screenshots
under its tmp_path for people to look at.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import OfflinePage
from tests.test_browser_classroom import step_ids, wait_for_step

pytestmark = pytest.mark.browser

# (width, height, device scale factor): the screens of issue 20.
SIZES = [(1920, 1080, 1), (1280, 720, 1), (1024, 768, 1), (844, 390, 1), (390, 844, 1),
         (320, 568, 1), (640, 360, 2)]
# The summary on a 1280x720 projector, read from the back of a room.
MIN_PROJECTOR_SUMMARY_PX = 24


def open_classroom(browser: Any, site: Any, lang: str, width: int, height: int,
                   scale: int = 1) -> tuple[OfflinePage, Any]:
    page = OfflinePage(browser, viewport={"width": width, "height": height},
                       device_scale_factor=scale, reduced_motion="reduce")
    pw_page = page.page
    pw_page.goto((site / lang / "present.html").as_uri())
    # On a short screen the chart is laid out but hidden behind its toggle.
    pw_page.wait_for_selector("#timeline-chart[data-state=ready]", state="attached",
                              timeout=15000)
    return page, pw_page


def next_frame(pw_page: Any) -> None:
    pw_page.evaluate("() => new Promise(r => requestAnimationFrame(() =>"
                     " requestAnimationFrame(() => r())))")


# Every line of text of the current slide (each text node's line boxes), and
# whether it is now wholly inside the stage's window and on top there (the
# element at its centre is its own, not something over it).
RUNS = """() => {
  const stage = document.getElementById('present-stage');
  const s = stage.getBoundingClientRect();
  const step = document.querySelector('.step.is-current');
  const more = document.getElementById('present-more').getBoundingClientRect();
  const out = [], range = document.createRange();
  const walker = document.createTreeWalker(step, NodeFilter.SHOW_TEXT);
  let k = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || e.closest('.visually-hidden') || !e.checkVisibility()) continue;
    range.selectNodeContents(n);
    Array.from(range.getClientRects()).forEach((r, i) => {
      if (!r.width || !r.height) return;
      const inside = r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5 &&
        r.left >= s.left - 0.5 && r.right <= s.right + 0.5 && r.bottom <= innerHeight;
      const hit = inside ? document.elementFromPoint(r.left + r.width / 2,
                                                     r.top + r.height / 2) : null;
      const onTop = !!hit && (e.contains(hit) || hit.contains(e));
      const underMore = !(more.right <= r.left || r.right <= more.left ||
                          more.bottom <= r.top || r.bottom <= more.top);
      out.push([k + ':' + i, n.textContent.trim().slice(0, 40), inside && onTop && !underMore]);
    });
    k++;
  }
  return {id: step.id, top: stage.scrollTop, runs: out};
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_page_down_alone_shows_every_word_of_every_slide(browser, shipped_site, tmp_path,
                                                         lang, size):
    """What a clicker sends, and nothing else: each line of each slide is, at
    some press, wholly in the stage's window and covered by nothing, before
    the next slide comes."""
    page, pw_page = open_classroom(browser, shipped_site, lang, *size)
    try:
        ids = step_ids(pw_page)
        wait_for_step(pw_page, ids[0])
        seen: dict[str, set[str]] = {}
        runs: dict[str, dict[str, str]] = {}
        order: list[str] = []
        scrolled = set()
        for press in range(12 * len(ids)):
            state = pw_page.evaluate(RUNS)
            slide = state["id"]
            if slide not in runs:
                order.append(slide)
                runs[slide] = {key: text for key, text, _ in state["runs"]}
                seen[slide] = set()
            seen[slide].update(key for key, _, shown in state["runs"] if shown)
            if state["top"] > 0:
                scrolled.add(slide)
                pw_page.screenshot(path=str(tmp_path / f"{lang}-{size[0]}-{press:03d}.png"))
            pw_page.keyboard.press("PageDown")
            next_frame(pw_page)
            after = pw_page.evaluate("() => [location.hash.slice(1),"
                                     " document.getElementById('present-stage').scrollTop]")
            if after[0] != slide:
                # The next slide came: every line of this one was shown first.
                missing = [runs[slide][k] for k in runs[slide] if k not in seen[slide]]
                assert missing == [], (slide, missing)
                assert after[1] == 0   # and the next one starts at its top
            elif after[1] == state["top"]:
                break   # the last slide's end: Page Down does nothing more
        assert order == ids
        missing = [runs[ids[-1]][k] for k in runs[ids[-1]] if k not in seen[ids[-1]]]
        assert missing == []
        # The long slides were read a page at a time, not shrunk out of sight.
        assert scrolled, "no slide needed scrolling at this size"
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_page_up_goes_back_up_a_slide_then_to_the_previous_ones_start(browser, shipped_site,
                                                                      tmp_path):
    page, pw_page = open_classroom(browser, shipped_site, "en", 1280, 720)
    try:
        ids = step_ids(pw_page)
        # A slide longer than the stage at 1280x720 (issue 20 names it).
        long_one = "de-gaulle-withdrawal"
        n = ids.index(long_one)
        pw_page.evaluate("id => { location.hash = '#' + id; }", long_one)
        wait_for_step(pw_page, long_one)
        assert pw_page.evaluate("() => { const s = document.getElementById('present-stage');"
                                " return s.scrollHeight - s.clientHeight; }") > 40
        top = "() => document.getElementById('present-stage').scrollTop"
        pw_page.keyboard.press("PageDown")
        next_frame(pw_page)
        assert pw_page.evaluate("location.hash") == "#" + long_one
        assert pw_page.evaluate(top) > 0
        assert pw_page.locator("#present-more").is_visible() or pw_page.evaluate(
            "() => { const s = document.getElementById('present-stage');"
            " return s.scrollTop + s.clientHeight >= s.scrollHeight - 8; }")
        pw_page.screenshot(path=str(tmp_path / "scrolled.png"))
        # Page Up: back to the slide's top first, then the previous slide,
        # at its start (its date and title).
        pw_page.keyboard.press("PageUp")
        next_frame(pw_page)
        assert pw_page.evaluate("location.hash") == "#" + long_one
        assert pw_page.evaluate(top) == 0
        pw_page.keyboard.press("PageUp")
        wait_for_step(pw_page, ids[n - 1])
        assert pw_page.evaluate(top) == 0
        # The buttons still move a whole slide, as they say.
        pw_page.locator("#present-next").click()
        wait_for_step(pw_page, long_one)
        pw_page.locator("#present-next").click()
        wait_for_step(pw_page, ids[n + 1])
        assert page.errors == []
    finally:
        page.close()


def boxes_overlap(a: list[float], b: list[float]) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


# plotly's chart: the date label's box, the other marks, the years and the
# lane labels, as [left, top, right, bottom].
CHART_BOXES = """() => {
  const box = e => {
    const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];
  };
  const div = document.getElementById('timeline-chart');
  const dates = new Set(Array.from(document.querySelectorAll('.step-date'),
                                   d => d.textContent.trim()));
  const note = Array.from(div.querySelectorAll('.annotation'))
    .find(a => dates.has(a.textContent.trim()));
  const marks = [];
  // Each drawn trace carries its own data (a hidden trace draws no group).
  div.querySelectorAll('.scatterlayer .trace').forEach((trace) => {
    const data = trace.__data__[0].trace;
    trace.querySelectorAll('.point').forEach((p, i) => {
      const d = data.mode === 'markers' && data.customdata[i];
      if (d && d[0] !== div.dataset.highlight) marks.push([d[0], box(p)]);
    });
  });
  return {
    label: note ? box(note.querySelector('rect.bg')) : null,
    marks: marks,
    ticks: Array.from(div.querySelectorAll('.xtick text'), t => [t.textContent, box(t)]),
    lanes: Array.from(div.querySelectorAll('.ytick text'), t => [t.textContent, box(t)])
      .filter(l => l[0]),
  };
}"""

PAGE_FACTS = """() => {
  const summary = document.querySelector('.step.is-current .step-summary');
  return {scroll: document.documentElement.scrollHeight, inner: innerHeight,
          summary: summary ? parseFloat(getComputedStyle(summary).fontSize) : null};
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}@{s[2]}x")
def test_classroom_fits_every_screen(browser, shipped_site, tmp_path, lang, size):
    """On every slide: the page no taller than the window; on a projector the
    summary at least 24 px; on the chart, lane labels apart from each other,
    the date label over no other mark, year or lane label."""
    width, height, scale = size
    page, pw_page = open_classroom(browser, shipped_site, lang, width, height, scale)
    try:
        ids = step_ids(pw_page)
        name = f"{lang}-{width}x{height}@{scale}x"
        toggle = pw_page.locator("#present-chart-toggle")
        short = toggle.is_visible()
        # The short screens are those where text and chart did not both fit.
        assert short == (height < 576), size
        if not short:
            # Text and chart are both shown: the chart's key changes nothing.
            pw_page.keyboard.press("c")
            assert pw_page.evaluate("document.querySelector('.is-chart-shown')") is None
        if short:
            # The text first, with the room; the chart one press away.
            assert not pw_page.locator("#timeline-chart").is_visible()
            stage = pw_page.locator("#present-stage").bounding_box()
            assert stage["height"] >= 0.45 * height, stage
            pw_page.screenshot(path=str(tmp_path / f"{name}-01-text.png"))
            pw_page.evaluate("id => { location.hash = '#' + id; }", ids[4])
            wait_for_step(pw_page, ids[4])
            pw_page.screenshot(path=str(tmp_path / f"{name}-05-text.png"))
        for n, step_id in enumerate(ids):
            pw_page.evaluate("id => { location.hash = '#' + id; }", step_id)
            wait_for_step(pw_page, step_id)
            facts = pw_page.evaluate(PAGE_FACTS)
            assert facts["scroll"] <= facts["inner"], (step_id, facts)
            if (width, height) == (1280, 720) and facts["summary"] is not None:
                assert facts["summary"] >= MIN_PROJECTOR_SUMMARY_PX, (step_id, facts)
            if short and n == 0:
                # The key first (C, or G for "graphique"), then the button.
                pw_page.keyboard.press("g" if lang == "fr" else "c")
                assert toggle.get_attribute("aria-pressed") == "true"
                assert pw_page.locator("#timeline-chart").is_visible()
                pw_page.keyboard.press("c" if lang == "fr" else "g")
                assert toggle.get_attribute("aria-pressed") == "false"
                assert pw_page.locator("#present-stage").is_visible()
                toggle.click()
                assert toggle.get_attribute("aria-pressed") == "true"
                assert pw_page.locator("#timeline-chart").is_visible()
                assert not pw_page.locator("#present-stage").is_visible()
            next_frame(pw_page)
            chart = pw_page.evaluate(CHART_BOXES)
            assert chart["label"], step_id
            lanes = chart["lanes"]
            assert len(lanes) >= 3, lanes
            for i, (text, one) in enumerate(lanes):
                for other_text, other in lanes[i + 1:]:
                    assert not boxes_overlap(one, other), (text, other_text)
            covered = [m for m, b in chart["marks"] if boxes_overlap(chart["label"], b)]
            assert covered == [], (step_id, chart["label"], covered)
            years = [t for t, b in chart["ticks"] if boxes_overlap(chart["label"], b)]
            assert years == [], (step_id, years)
            names = [t for t, b in lanes if boxes_overlap(chart["label"], b)]
            assert names == [], (step_id, names)
            if n in (0, 4):
                pw_page.screenshot(path=str(tmp_path / f"{name}-{n + 1:02d}.png"))
        if short:
            toggle.click()
            assert pw_page.locator("#present-stage").is_visible()
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}@{s[2]}x")
def test_the_pictures_lane_labels_keep_apart_too(browser, shipped_site, tmp_path, size):
    """Before plotly.js (here: without it), the chart is the static picture:
    its labels left of the plot follow the same sizes."""
    width, height, scale = size
    page = OfflinePage(browser, viewport={"width": width, "height": height},
                       device_scale_factor=scale)
    try:
        page.context.route("**/plotly.min.js", lambda route: route.abort())
        pw_page = page.page
        pw_page.goto((shipped_site / "fr" / "present.html").as_uri())
        pw_page.wait_for_load_state("load")
        toggle = pw_page.locator("#present-chart-toggle")
        if toggle.is_visible():
            toggle.click()
        assert pw_page.locator(".chart-static svg").is_visible()
        labels = pw_page.evaluate(
            "() => Array.from(document.querySelectorAll('.chart-lane-label-side'))"
            ".filter(t => getComputedStyle(t).display !== 'none').map(t => {"
            " const r = t.getBoundingClientRect(); return [t.textContent,"
            " [r.left, r.top, r.right, r.bottom]]; })")
        assert len(labels) >= 3
        for i, (text, one) in enumerate(labels):
            assert one[0] >= 0, text   # not cut by the window's edge
            for other_text, other in labels[i + 1:]:
                assert not boxes_overlap(one, other), (text, other_text)
        pw_page.screenshot(path=str(tmp_path / f"picture-{width}x{height}@{scale}x.png"))
    finally:
        page.close()
