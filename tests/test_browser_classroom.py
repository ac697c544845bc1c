"""Classroom mode and the French pages, looked at as a teacher, a phone reader
and a French reader would (issue 16), in real Chromium, offline.

Every test saves screenshots under its tmp_path for people to look at.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from tests.browser import OfflinePage
from tests.conftest import SHIPPED_EVENTS
from timeline.i18n import STRINGS

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
# Nothing on the slide, chart included, is smaller than this at 1280x720.
MIN_PROJECTOR_PX = 18
# On a phone the slide keeps that floor; the chart's labels share 366 pixels
# of width with nine lanes of points, and keep plotly's legible minimum.
MIN_PHONE_CHART_PX = 12


def open_present(page: OfflinePage, url: str) -> Any:
    pw_page = page.page
    pw_page.goto(url)
    if "embed.html" in url:   # an embed draws its chart at the first pointer
        pw_page.hover(".chart-box", position={"x": 5, "y": 5})
    pw_page.wait_for_selector("#timeline-chart[data-state=ready]", timeout=15000)
    return pw_page


def step_ids(pw_page: Any) -> list[str]:
    return pw_page.evaluate("() => Array.from(document.querySelectorAll('.step'), s => s.id)")


def wait_for_step(pw_page: Any, step_id: str) -> None:
    """Wait until the slide and the chart both show the event."""
    pw_page.wait_for_function(
        "id => location.hash === '#' + id &&"
        " document.getElementById('timeline-chart').dataset.highlight === id", arg=step_id)
    # The chart's update has been drawn once the promise chain settles.
    pw_page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")


def press_until(pw_page: Any, key: str, step_id: str, presses: int = 8) -> None:
    """Press a key until the slide is the one wanted: on a slide longer than
    the stage, the arrows and Page Down show its rest first."""
    for _ in range(presses):
        if pw_page.evaluate("id => location.hash === '#' + id", step_id):
            break
        pw_page.keyboard.press(key)
    wait_for_step(pw_page, step_id)


CHART_LABELS = """() => {
  const dates = new Set(Array.from(document.querySelectorAll('.step-date'),
                                   d => d.textContent.trim()));
  const notes = Array.from(document.querySelectorAll('#timeline-chart .annotation'),
                           a => a.textContent.trim());
  return {dates: notes.filter(t => dates.has(t)), others: notes.filter(t => !dates.has(t))};
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_stepping_leaves_exactly_one_date_label_on_the_chart(browser, shipped_site, tmp_path,
                                                             lang):
    page = OfflinePage(browser, viewport=PROJECTOR, reduced_motion="reduce")
    try:
        pw_page = open_present(page, (shipped_site / lang / "present.html").as_uri())
        ids = step_ids(pw_page)
        dates = pw_page.evaluate(
            "() => Array.from(document.querySelectorAll('.step-date'), d => d.textContent.trim())")
        moves = [("ArrowRight", n) for n in range(1, 6)] + [("Home", 0), ("End", len(ids) - 1),
                                                            ("ArrowLeft", len(ids) - 2)]
        for key, n in moves:
            press_until(pw_page, key, ids[n])
            labels = pw_page.evaluate(CHART_LABELS)
            assert labels["dates"] == [dates[n]], (key, n, labels)
            # Classroom mode names one era: the current event's, if it has one.
            assert len(labels["others"]) <= 1, (key, n, labels)
            pw_page.screenshot(path=str(tmp_path / f"{lang}-step-{n + 1:02d}.png"))
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


@pytest.mark.parametrize("page_name", ["index", "embed"])
def test_the_index_and_the_embed_keep_one_date_label_too(browser, shipped_site, tmp_path,
                                                          page_name):
    """The label comes from the same code on every page: highlighting one
    event after another leaves the last one's alone."""
    page = OfflinePage(browser, viewport=PROJECTOR, reduced_motion="reduce")
    try:
        pw_page = open_present(page, (shipped_site / "fr" / f"{page_name}.html").as_uri())
        ids = pw_page.evaluate(
            "() => document.getElementById('timeline-chart').data.filter(t => t.mode ==="
            " 'markers').flatMap(t => t.customdata.map(d => [d[0], d[2]]))")
        for event_id, date in ids[:4]:
            # The index scrolls to the event clicked: back to the chart first;
            # and a second click within plotly.js's 300 ms is a double click.
            pw_page.evaluate("() => window.scrollTo(0, 0)")
            pw_page.wait_for_timeout(350)
            point = pw_page.locator(".scatterlayer .point").nth([i for i, _ in ids].index(event_id))
            point.scroll_into_view_if_needed()
            box = point.bounding_box()
            pw_page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            pw_page.wait_for_function(
                "id => document.getElementById('timeline-chart').dataset.highlight === id",
                arg=event_id)
            pw_page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            notes = pw_page.evaluate(
                "() => Array.from(document.querySelectorAll('#timeline-chart .annotation'),"
                " a => a.textContent.trim())")
            assert [n for n in notes if n in {d for _, d in ids}] == [date], notes
        pw_page.screenshot(path=str(tmp_path / f"fr-{page_name}.png"))
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


FONT_SIZES = """() => {
  const px = e => parseFloat(getComputedStyle(e).fontSize);
  const shown = e => e.getClientRects().length > 0 && e.textContent.trim() !== '';
  const slide = Array.from(document.querySelectorAll(
      '.step.is-current *, .present-bar *, .present-controls *'))
    .filter(e => shown(e) && !e.closest('.visually-hidden') && !e.matches('svg, svg *'))
    .filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(e => [e.tagName + '.' + e.className, px(e), e.textContent.trim().slice(0, 30)]);
  const chart = Array.from(document.querySelectorAll('#timeline-chart svg text'))
    .filter(shown).map(e => [e.getAttribute('class'), px(e), e.textContent.trim().slice(0, 30)]);
  const ticks = Array.from(document.querySelectorAll('#timeline-chart .ytick text'),
                           t => t.getBoundingClientRect().top).sort((a, b) => a - b);
  const gaps = ticks.slice(1).map((t, i) => t - ticks[i]);
  return {slide, chart, laneGap: Math.min(...gaps),
          chartHeight: document.querySelector('.present-chart').getBoundingClientRect().height,
          slideHeight: document.getElementById('present').getBoundingClientRect().height};
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", ["projector", "phone"])
def test_classroom_type_and_chart_are_big_enough(browser, shipped_site, tmp_path, lang, size):
    viewport = PROJECTOR if size == "projector" else PHONE
    page = OfflinePage(browser, viewport=viewport, reduced_motion="reduce")
    try:
        pw_page = open_present(page, (shipped_site / lang / "present.html").as_uri())
        ids = step_ids(pw_page)
        for n in (0, 5, len(ids) - 1):
            pw_page.evaluate("id => { location.hash = '#' + id; }", ids[n])
            wait_for_step(pw_page, ids[n])
            pw_page.screenshot(path=str(tmp_path / f"{lang}-{size}-{n + 1:02d}.png"))
            sizes = pw_page.evaluate(FONT_SIZES)
            small = [s for s in sizes["slide"] if s[1] < MIN_PROJECTOR_PX]
            assert small == [], (n, small)
            floor = MIN_PROJECTOR_PX if size == "projector" else MIN_PHONE_CHART_PX
            assert sizes["chart"], "the chart has no text"
            small = [s for s in sizes["chart"] if s[1] < floor]
            assert small == [], (n, small)
            if size == "projector":
                assert sizes["chartHeight"] >= 0.4 * sizes["slideHeight"], sizes
                # Lanes far enough apart for their 18-pixel labels.
                assert sizes["laneGap"] >= MIN_PROJECTOR_PX + 2, sizes["laneGap"]
                # The chart keeps its key on a projector, in the chart's type.
                key = pw_page.locator(".present-chart .chart-key-marks")
                assert key.is_visible()
                assert float(key.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= (
                    MIN_PROJECTOR_PX)
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


FIT = """() => {
  const stage = document.getElementById('present-stage');
  const more = document.getElementById('present-more');
  const step = document.querySelector('.step.is-current');
  const box = step.getBoundingClientRect(), s = stage.getBoundingClientRect();
  // Text below the stage's window: lines of the slide not wholly shown.
  const range = document.createRange(), walker = document.createTreeWalker(step, 4);
  let below = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || e.closest('.visually-hidden') || !e.checkVisibility()) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.height && r.bottom > s.bottom + 0.5) below++;
  }
  return {overflow: below,
          more: !more.hidden && more.getClientRects().length > 0,
          wide: step.scrollWidth - step.clientWidth, right: box.right - s.right,
          left: box.left, dateLeft: step.querySelector('.step-date').getBoundingClientRect().left};
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", ["projector", "phone"])
def test_every_slide_shows_all_its_text_or_says_there_is_more(browser, shipped_site, tmp_path,
                                                              lang, size):
    """No event is cut off without a word: either all the event's text fits
    the stage, or a visible "More below" button scrolls to the rest (and
    goes once the reader is there). The text starts at the same place on
    every slide."""
    viewport = PROJECTOR if size == "projector" else PHONE
    page = OfflinePage(browser, viewport=viewport, reduced_motion="reduce")
    try:
        pw_page = open_present(page, (shipped_site / lang / "present.html").as_uri())
        ids = step_ids(pw_page)
        lefts = set()
        for n, step_id in enumerate(ids):
            if n:
                pw_page.keyboard.press("ArrowRight")
            wait_for_step(pw_page, step_id)
            fit = pw_page.evaluate(FIT)
            lefts.add(round(fit["dateLeft"]))
            assert fit["wide"] <= 1 and fit["right"] <= 1, (n, fit)
            if fit["overflow"]:
                assert fit["more"], (n, fit)
                pw_page.screenshot(path=str(tmp_path / f"{lang}-{size}-{n + 1:02d}-more.png"))
                for _ in range(10):
                    if not pw_page.evaluate(FIT)["more"]:
                        break
                    pw_page.locator("#present-more").click()
                    pw_page.wait_for_timeout(50)
                # At the end of the event: its last line is shown.
                assert pw_page.evaluate(FIT)["overflow"] == 0, n
                assert not pw_page.evaluate(FIT)["more"]
            else:
                assert not fit["more"], (n, fit)
        pw_page.screenshot(path=str(tmp_path / f"{lang}-{size}-last.png"))
        # The block of text does not jump sideways from one slide to the next.
        assert len(lefts) == 1, lefts
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_previous_and_next_say_when_they_lead_nowhere(browser, shipped_site, tmp_path):
    page = OfflinePage(browser, viewport=PROJECTOR, reduced_motion="reduce")
    try:
        pw_page = open_present(page, (shipped_site / "present.html").as_uri())
        ids = step_ids(pw_page)
        look = ("id => { const b = document.getElementById(id), s = getComputedStyle(b);"
                " return [b.getAttribute('aria-disabled'), s.backgroundColor, s.color]; }")
        prev, nxt = pw_page.evaluate(look, "present-prev"), pw_page.evaluate(look, "present-next")
        assert prev[0] == "true" and nxt[0] == "false"
        assert prev[1:] != nxt[1:], (prev, nxt)   # it looks inactive, too
        pw_page.screenshot(path=str(tmp_path / "first.png"))
        # Focused, pressed at the end, Next stays put and keeps the focus.
        pw_page.locator("#present-next").focus()
        pw_page.keyboard.press("End")
        wait_for_step(pw_page, ids[-1])
        pw_page.locator("#present-next").press("Enter")
        wait_for_step(pw_page, ids[-1])
        assert pw_page.evaluate("document.activeElement.id") == "present-next"
        prev, nxt = pw_page.evaluate(look, "present-prev"), pw_page.evaluate(look, "present-next")
        assert prev[0] == "false" and nxt[0] == "true"
        assert prev[1:] != nxt[1:], (prev, nxt)
        pw_page.screenshot(path=str(tmp_path / "last.png"))
        pw_page.locator("#present-prev").click()
        wait_for_step(pw_page, ids[-2])
        assert pw_page.evaluate(look, "present-next")[0] == "false"
    finally:
        page.close()


# --------------------------------------------------------------- French pages

# plotly.js's own English: the titles of its toolbar buttons and its notices.
PLOTLY_ENGLISH = ["Download plot as a PNG", "Download plot", "Zoom", "Pan", "Zoom in",
                  "Zoom out", "Reset axes", "Autoscale", "Double-click to zoom back out",
                  "Produced with Plotly.js"]
# English words that no French sentence has, so a word of them in French
# text is English left in the page.
FUNCTION_WORDS = ["the", "and", "with", "has", "this", "which", "from", "of", "to", "is",
                  "was", "by"]
WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")


def french_vocabulary() -> tuple[set[str], set[str]]:
    """The words the French pages may legitimately show, from their sources.

    Returns (folded, exact): the interface's French words and the data's
    lower-case ones, folded; and every word of the data as written, so that
    a name such as "The Economist" is French text's, while "the" is not.
    """
    folded: set[str] = set()
    exact: set[str] = set()
    for text in STRINGS["fr"].values():
        folded.update(w.casefold() for w in WORD.findall(text))
    for value in french_data():
        words = WORD.findall(value)
        exact.update(words)
        folded.update(w.casefold() for w in words if w.islower())
    return folded, exact


def french_data() -> list[str]:
    """Every French text of the shipped events file (each `fr:` value)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "fr" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(SHIPPED_EVENTS.read_text(encoding="utf-8")))
    return found


def english_words() -> set[str]:
    """The English of the interface (i18n and plotly.js) that French never uses."""
    english: set[str] = set()
    for text in list(STRINGS["en"].values()) + PLOTLY_ENGLISH:
        english.update(w.casefold() for w in WORD.findall(text) if len(w) > 2)
    english.update(FUNCTION_WORDS)
    return english - french_vocabulary()[0]


# Text in the page's language: text nodes and the attributes read out or shown
# as tooltips, with the language they are marked in. Source titles and
# publishers are left out: they are in their documents' language, which
# events.yaml does not record.
TEXTS_AND_LANGUAGES = """() => {
  const out = [];
  const langOf = e => { const l = e.closest('[lang]'); return l ? l.getAttribute('lang') : ''; };
  const skip = e => e.closest('script, style, code, textarea') ||
                    e.closest('a[rel~="noopener"][href^="http"], .source-publisher');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || skip(e)) { continue; }
    out.push([langOf(e), n.textContent, e.tagName + '.' + e.getAttribute('class')]);
  }
  for (const e of document.querySelectorAll('[aria-label], [title], [data-title], [alt]')) {
    if (skip(e)) { continue; }
    for (const a of ['aria-label', 'title', 'data-title', 'alt']) {
      if (e.hasAttribute(a)) { out.push([langOf(e), e.getAttribute(a), e.tagName + '@' + a]); }
    }
  }
  out.push([document.documentElement.lang, document.title, 'title']);
  return out;
}"""


@pytest.mark.parametrize("page_name", ["index", "present", "embed"])
def test_french_pages_have_no_english_outside_english_elements(browser, shipped_site, tmp_path,
                                                               page_name):
    english = english_words()
    names = french_vocabulary()[1]
    assert {"download", "plot", "inferred", "previous", "the"} <= english
    page = OfflinePage(browser, viewport=PROJECTOR, reduced_motion="reduce")
    try:
        pw_page = open_present(page, (shipped_site / "fr" / f"{page_name}.html").as_uri())
        if page_name == "index":
            # plotly.js draws its toolbar once the pointer is over the chart.
            pw_page.locator("#timeline-chart").hover()
            pw_page.wait_for_selector("#timeline-chart .modebar-btn", state="attached")
            titles = pw_page.evaluate("() => Array.from(document.querySelectorAll("
                                      "'#timeline-chart .modebar-btn'), b => b.dataset.title)")
            assert STRINGS["fr"]["plotly_download"] in titles, titles
        pw_page.screenshot(path=str(tmp_path / f"fr-{page_name}.png"), full_page=True)
        found = []
        for lang, text, where in pw_page.evaluate(TEXTS_AND_LANGUAGES):
            if lang != "fr":
                continue
            words = {w.casefold() for w in WORD.findall(text) if w not in names} & english
            if words:
                found.append((where, sorted(words), text.strip()[:80]))
        assert found == []
    finally:
        page.close()


SPACE_BEFORE = re.compile(r"(?<![\u00a0\u202f])[:;?!](?=\s|$)")
GUILLEMETS = re.compile(r"«(?!\u00a0)|(?<!\u00a0)»")


def test_french_typography_and_the_inferred_date_note(browser, shipped_site):
    """« Guillemets » with no-break spaces, a no-break space before : ; ? !,
    the note about the inferred date in French, and the byline once."""
    page = OfflinePage(browser, viewport=PROJECTOR)
    try:
        pw_page = open_present(page, (shipped_site / "fr" / "index.html").as_uri())
        meta = pw_page.locator(".article-meta").inner_text()
        assert "date déduite\u00a0: l’article ne porte pas de date" in meta, meta
        note = pw_page.locator(".published-note")
        assert note.get_attribute("lang") is None   # French, as the page
        assert pw_page.evaluate("document.querySelector('.article-meta').closest('[lang]').lang"
                                ) == "fr"
        quote = pw_page.locator("ol#events blockquote.quote p").first.text_content()
        assert quote.startswith("L’article dit\u00a0: «\u00a0") and quote.endswith("\u00a0»")
        # Every French text of the page, the interface's and the events file's:
        # no plain space, or none at all, before a double punctuation mark;
        # none after « or before ».
        texts = [text for lang, text, _ in pw_page.evaluate(TEXTS_AND_LANGUAGES) if lang == "fr"]
        bad = [t for t in texts if SPACE_BEFORE.search(t) or GUILLEMETS.search(t)]
        assert bad == []
        assert [t for t in french_data() if SPACE_BEFORE.search(t) or GUILLEMETS.search(t)] == []
        body = pw_page.locator("body").inner_text()
        assert body.count("By our man in Paris") == 1
        pw_page.goto((shipped_site / "en" / "index.html").as_uri())
        meta = pw_page.locator(".article-meta").inner_text()
        assert "inferred: the article has no dateline" in meta, meta
        assert pw_page.locator("body").inner_text().count("By our man in Paris") == 1
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


