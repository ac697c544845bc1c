"""Real Chromium for the browser tests: Debian's build, driven by Playwright, offline.

Never a downloaded browser: ``playwright install`` cannot work on these
machines, and the point is to test in the browser people actually have. A
missing browser fails the test instead of skipping it, so a CI run can never
pass without having looked at a page.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
NPM_CACHE = Path(os.environ.get(
    "TIMELINE_NPM_CACHE",
    Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "timeline-test-npm"))


def npm_file(relative: str) -> Path:
    """Return a file from the test npm cache (filled by scripts/test), or fail clearly."""
    path = NPM_CACHE / "node_modules" / relative
    if not path.is_file():
        pytest.fail(f"{path} is missing: run scripts/test, which installs it from the npm registry")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Debian's chromium is not at {CHROMIUM}: run scripts/test (as root it "
                    "installs it) or apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      headless=True)
        yield chromium
        chromium.close()


class OfflinePage:
    """A page with every network request refused and every console error kept."""

    def __init__(self, browser: Any, allowed_origin: str | tuple[str, ...] | None = None,
                 **context_options: Any) -> None:
        # A test that serves the site itself on loopback names its origins (a
        # host page and the site it embeds are two); everything else, and
        # every request of an offline page, is refused.
        self.allowed = ((allowed_origin,) if isinstance(allowed_origin, str)
                        else allowed_origin)
        self.context = browser.new_context(offline=allowed_origin is None, **context_options)
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")) or (
                self.allowed and url.startswith(tuple(o + "/" for o in self.allowed))):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _console(self, msg: Any) -> None:
        if msg.type == "error":
            self.errors.append(msg.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def offline_page(browser: Any) -> Iterator[OfflinePage]:
    page = OfflinePage(browser)
    yield page
    page.close()
