"""Shared fixtures: a site built once per session from the shipped inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tests.browser import browser, offline_page  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_EVENTS = ROOT / "events.yaml"
SHIPPED_ARTICLE = ROOT / "articles" / "france-nato-guette-resolution.txt"

# Property tests check what is true, not how fast: Hypothesis's per-example
# deadline (200 ms) fails them at random on a shared, loaded machine (it did,
# on test_dates.py's round trip). Speed is measured in benchmarks/.
settings.register_profile("timeline", deadline=None)
settings.load_profile("timeline")


def pytest_configure(config: pytest.Config) -> None:
    """Make builds in tests hermetic: no basic plotly.js bundle from the user's cache.

    A build uses the basic bundle when `timeline fetch-plotly` has cached it;
    tests start from an empty cache (so they see what a fresh machine sees),
    and the test that checks the basic bundle names its cache explicitly.
    """
    import os
    import tempfile

    os.environ["TIMELINE_PLOTLY_CACHE"] = tempfile.mkdtemp(prefix="timeline-test-plotly-")


def pytest_unconfigure(config: pytest.Config) -> None:
    import os
    import shutil

    shutil.rmtree(os.environ.pop("TIMELINE_PLOTLY_CACHE", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the default site (shipped events and article) once, into a temp folder."""
    from timeline.build import BuildOptions, build_site
    from timeline.site import write_site

    out = tmp_path_factory.mktemp("site") / "build"
    result = build_site(BuildOptions(events_path=SHIPPED_EVENTS, article_paths=[SHIPPED_ARTICLE],
                                     cwd=ROOT))
    return write_site(result.files, out)
