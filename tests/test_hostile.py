"""Hostile text in events or articles stays inert on every page and in every export."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import threading
from pathlib import Path

import pytest

from tests.browser import OfflinePage
from timeline.build import BuildOptions, build_site
from timeline.errors import InputError
from timeline.events import load_events
from timeline.policy import content_security_policy
from timeline.site import write_site

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '"><img src=x onerror="window.__pwned = 2">'
BIDI = "Total\u202egnp.exe"
FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")"

def q(text: str) -> str:
    """Quote text for YAML (a JSON string is a valid YAML double-quoted scalar)."""
    return json.dumps(text, ensure_ascii=False)


HOSTILE_URL = 'https://example.org/?q=<script>alert(1)</script>&x="y'
EVENTS = f"""
categories:
  - id: crisis
    label: {{en: {q("Crisis " + IMG)}, fr: {q("Crise " + IMG)}}}
eras:
  - id: hostile-era
    start: 1960
    end: 1970
    label: {{en: {q("Era " + SCRIPT)}, fr: {q("Ère " + SCRIPT)}}}
events:
  - id: hostile-event
    date: 1966-03-07
    title: {{en: {q("Title " + SCRIPT)}, fr: {q("Titre " + SCRIPT)}}}
    summary: {{en: {q(IMG + " " + BIDI)}, fr: {q("Résumé " + BIDI)}}}
    category: crisis
    keywords: [hostile]
    sources:
      - title: {q("Source " + SCRIPT)}
        publisher: {q(FORMULA)}
        url: {q(HOSTILE_URL)}
"""

ARTICLE = f"""---
title: {q("Article " + SCRIPT)}
byline: {q(IMG)}
published: 2026-01-19
language: en
---
A hostile sentence from 1966 {SCRIPT} {IMG}.
{FORMULA} wrote this week {BIDI}.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "events.yaml").write_text(EVENTS, encoding="utf-8")
    (folder / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    result = build_site(BuildOptions(events_path=folder / "events.yaml",
                                     article_paths=[folder / "hostile.txt"], cwd=ROOT))
    return write_site(result.files, folder / "build")


def test_javascript_urls_are_refused_at_the_door(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS.replace(q(HOSTILE_URL), q("javascript:alert(1)")), encoding="utf-8")
    with pytest.raises(InputError, match="http"):
        load_events(path)
    article = tmp_path / "a.txt"
    article.write_text("---\nsource: javascript:alert(1)\n---\nText\n", encoding="utf-8")
    with pytest.raises(InputError, match="source: must be an http"):
        build_site(BuildOptions(events_path=tmp_path / "none.yaml", article_paths=[article]))


def test_no_raw_markup_reaches_any_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in text, page
        assert "<img src=x" not in text, page
        assert "\u202e" not in text, page


def test_exports_are_inert(hostile_site):
    data = hostile_site / "data"
    rows = list(csv.reader(io.StringIO((data / "events.csv").read_text(encoding="utf-8"),
                                       newline="")))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
            assert "\u202e" not in cell
    tljs = (data / "timelinejs.json").read_text(encoding="utf-8")
    assert "<script>" not in tljs and "<img src=x" not in tljs
    # The JSON export is data: it keeps the text exactly, for programs to escape.
    items = json.loads((data / "events.json").read_text(encoding="utf-8"))["items"]
    assert any(SCRIPT in i["title"]["en"] for i in items)


@pytest.mark.browser
def test_hostile_text_shows_literally_and_runs_nothing(browser, hostile_site):
    for page_file in sorted(hostile_site.rglob("*.html")):
        page = OfflinePage(browser)
        try:
            page.page.goto(page_file.as_uri())
            page.page.wait_for_load_state("load")
            page.page.wait_for_timeout(300)
            assert page.page.evaluate("window.__pwned") is None, page_file
            assert page.dialogs == [], page_file
            assert page.page.locator("img[src=x]").count() == 0
            body = page.page.inner_text("body")
            if page_file.name == "index.html":
                assert SCRIPT in body, page_file
                assert "<U+202E>" in body, page_file
            assert page.errors == [], (page_file, page.errors)
        finally:
            page.close()


class _CSPHandler(http.server.SimpleHTTPRequestHandler):
    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.browser
def test_pages_work_under_the_strict_policy(browser, shipped_site):
    handler = functools.partial(_CSPHandler, directory=str(shipped_site))
    _CSPHandler.policy = content_security_policy("local")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        for page_file in sorted(shipped_site.rglob("*.html")):
            rel = page_file.relative_to(shipped_site).as_posix()
            page = OfflinePage(browser, allowed_origin=origin)
            try:
                page.page.add_init_script(
                    "window.__violations = [];"
                    "document.addEventListener('securitypolicyviolation', e =>"
                    " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
                page.page.goto(f"{origin}/{rel}")
                if page.page.locator("#timeline-chart").count():
                    if rel.endswith("embed.html"):
                        page.page.hover(".chart-box", position={"x": 5, "y": 5})
                    page.page.wait_for_selector("#timeline-chart[data-state=ready]",
                                                timeout=15000)
                assert page.page.evaluate("window.__violations") == [], rel
                assert page.errors == [], (rel, page.errors)
            finally:
                page.close()
    finally:
        server.shutdown()
