"""Library versions read from dist-info folder names agree with importlib.metadata."""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest

from timeline.versions import installed_version


@pytest.mark.parametrize("name", ["dateparser", "jinja2", "Jinja2", "pandas", "markupsafe",
                                  "MarkupSafe", "PyYAML", "pyyaml", "timeline"])
def test_matches_importlib_metadata(name: str) -> None:
    assert installed_version(name) == version(name)


def test_an_absent_library_is_a_question_mark() -> None:
    assert installed_version("no-such-distribution-for-timeline") == "?"


def test_the_first_folder_on_the_path_wins(tmp_path, monkeypatch) -> None:
    # As for imports: a copy earlier on sys.path shadows the installed one.
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "shadowed_dist-2.0.dist-info").mkdir(parents=True)
    (second / "Shadowed.Dist-1.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    installed_version.cache_clear()
    try:
        assert installed_version("shadowed-dist") == "2.0"
    finally:
        installed_version.cache_clear()
