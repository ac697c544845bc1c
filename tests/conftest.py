"""Shared fixtures: a site built once per session from the shipped inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import browser, offline_page  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_EVENTS = ROOT / "events.yaml"
SHIPPED_ARTICLE = ROOT / "articles" / "france-nato-guette-resolution.txt"


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the default site (shipped events and article) once, into a temp folder."""
    from timeline.build import BuildOptions, build_site
    from timeline.site import write_site

    out = tmp_path_factory.mktemp("site") / "build"
    result = build_site(BuildOptions(events_path=SHIPPED_EVENTS, article_paths=[SHIPPED_ARTICLE],
                                     cwd=ROOT))
    return write_site(result.files, out)
