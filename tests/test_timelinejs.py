"""The TimelineJS export opens in Knight Lab's TimelineJS3 itself, in real Chromium."""

import json

import pytest

from tests.browser import OfflinePage, npm_file

pytestmark = pytest.mark.browser


def test_timelinejs_export_loads_in_timelinejs(browser, shipped_site, tmp_path):
    script = npm_file("@knight-lab/timelinejs/dist/js/timeline.js")
    css = npm_file("@knight-lab/timelinejs/dist/css/timeline.css")
    data = json.loads((shipped_site / "data" / "timelinejs.json").read_text(encoding="utf-8"))
    (tmp_path / "data.js").write_text("window.TIMELINE_DATA = " + json.dumps(data) + ";",
                                      encoding="utf-8")
    (tmp_path / "boot.js").write_text(
        "window.TL_READY = false;"
        "var tl = new TL.Timeline('tl', window.TIMELINE_DATA, {language: 'en'});"
        "tl.on('loaded', function () { window.TL_READY = true; });", encoding="utf-8")
    page_file = tmp_path / "tl.html"
    page_file.write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>TL</title>"
        f"<link rel='stylesheet' href='{css.as_uri()}'>"
        f"<script src='{script.as_uri()}'></script></head><body>"
        "<div id='tl' style='width:1000px;height:600px'></div>"
        f"<script src='{(tmp_path / 'data.js').as_uri()}'></script>"
        f"<script src='{(tmp_path / 'boot.js').as_uri()}'></script></body></html>",
        encoding="utf-8")
    page = OfflinePage(browser)
    try:
        page.page.goto(page_file.as_uri())
        page.page.wait_for_function("window.TL_READY === true", timeout=15000)
        slides = page.page.locator(".tl-slide:not(.tl-slide-titleslide)").count()
        assert slides == len(data["events"])
        headlines = page.page.locator(".tl-headline").all_inner_texts()
        assert any("Sarkozy" in h or "integrated command" in h for h in headlines)
        # TimelineJS fetches nothing we need; anything it tried was blocked.
        assert [e for e in page.errors if "net::ERR" not in e] == []
    finally:
        page.close()
