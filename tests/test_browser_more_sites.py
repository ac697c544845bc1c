"""Chromium, offline, on the sites other than the default one: an archive of
several articles, and the default site drawn with plotly.js's basic bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import NPM_CACHE, OfflinePage
from tests.test_browser import axe_violations, event_ids, open_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ARCHIVE_PAGES = ["index.html", "articles.html", "fr/articles.html", "fr/index.html",
                 "articles/brussels-summit.html", "articles/retour-sarkozy.html",
                 "articles/undated-note.html"]


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory):
    from timeline.build import BuildOptions, build_site, find_articles
    from timeline.site import write_site

    result = build_site(BuildOptions(events_path=FIXTURES / "mini-events.yaml", cwd=ROOT,
                                     article_paths=find_articles(FIXTURES / "archive")))
    return write_site(result.files, tmp_path_factory.mktemp("archive") / "build")


@pytest.mark.parametrize("path", ARCHIVE_PAGES)
def test_archive_pages_render_offline_and_pass_axe(browser, archive_site, path):
    page = OfflinePage(browser)
    try:
        url = (archive_site / path).as_uri()
        if "articles.html" in path:
            pw_page = page.page
            pw_page.goto(url)
            assert pw_page.locator("table.article-table tbody tr").count() == 3
        else:
            pw_page = open_page(page, url)
            assert pw_page.locator(".scatterlayer .point").count() == int(
                pw_page.locator("#timeline-chart").get_attribute("data-points"))
        assert axe_violations(pw_page) == []
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_a_mention_in_an_article_page_leads_to_its_event(browser, archive_site):
    """Following a highlighted date marks its event in the article's own timeline."""
    page = OfflinePage(browser)
    try:
        pw_page = open_page(page, (archive_site / "articles/brussels-summit.html").as_uri())
        pw_page.locator("a.mention", has_text="this week").click()
        pw_page.wait_for_function("location.hash === '#resolution-filed'")
        assert "is-current" in pw_page.locator("#resolution-filed").get_attribute("class")
        assert page.errors == []
    finally:
        page.close()


def test_the_basic_bundle_draws_the_same_chart_as_the_full_one(browser, tmp_path):
    """The 1.2 MB basic bundle (fetched by scripts/test) draws every point the full one does."""
    from timeline.build import BuildOptions, build_site
    from timeline.plotlyjs import basic_path, load_bundle
    from timeline.site import write_site

    cache = NPM_CACHE / "plotly"
    if not basic_path(cache).is_file():
        pytest.fail(f"no basic bundle in {cache}: run scripts/test, which fetches it from npm")
    assert load_bundle("basic", cache).is_basic
    drawn = {}
    for kind in ("basic", "full"):
        options = BuildOptions(events_path=ROOT / "events.yaml", cwd=ROOT,
                               article_paths=[ROOT / "articles" /
                                              "france-nato-guette-resolution.txt"])
        files = build_site(options).files
        files["assets/plotly.min.js"] = load_bundle(kind, cache).data
        site = write_site(files, tmp_path / kind)
        page = OfflinePage(browser)
        try:
            pw_page = open_page(page, (site / "index.html").as_uri())
            drawn[kind] = (event_ids(pw_page), pw_page.locator(".scatterlayer .point").count(),
                           pw_page.locator(".shapelayer path").count())
            assert page.errors == [] and page.blocked == []
        finally:
            page.close()
    assert drawn["basic"] == drawn["full"]
    assert drawn["basic"][1] > 20
