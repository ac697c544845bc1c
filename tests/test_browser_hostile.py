"""Hostile addresses in real Chromium: a query string never stops the page's script."""

from __future__ import annotations

import pytest

from tests.browser import OfflinePage
from tests.test_browser import open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query", ['?lang=%22', '?lang=%22%5D', "?lang='", "?lang=%5C",
                                   "?lang=fr%22&event=%3Cscript%3E"])
def test_a_hostile_lang_parameter_leaves_the_embed_working(browser, shipped_site, query):
    # ?lang=%22 used to build an invalid CSS selector, and the exception
    # stopped the whole script: no chart, no copy button, no classroom mode.
    page = OfflinePage(browser)
    try:
        pw_page = open_page(page, (shipped_site / "embed.html").as_uri() + query)
        assert pw_page.locator(".scatterlayer .point").count() > 0
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()
