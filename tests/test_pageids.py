"""The pages' own element ids are all listed where event ids are checked against them."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from timeline.pageids import PAGE_IDS, reserved_id_problem


def literal_ids() -> set[str]:
    """Every id a template or the script names literally (not built from data)."""
    found = set()
    for path in (ROOT / "templates").rglob("*.html"):
        found |= set(re.findall(r'\bid="([a-z][a-z0-9-]*)"', path.read_text(encoding="utf-8")))
    script = (ROOT / "templates" / "assets" / "timeline.js").read_text(encoding="utf-8")
    found |= set(re.findall(r'getElementById\("([a-z][a-z0-9-]*)"\)', script))
    return found


def test_every_literal_page_id_is_reserved():
    # A new element id in a template must join pageids.PAGE_IDS, or an event
    # of that name would take its place.
    assert literal_ids() <= PAGE_IDS, sorted(literal_ids() - PAGE_IDS)


def test_the_shipped_ids_are_all_free_and_reserved_ones_are_not():
    shipped = re.findall(r"^  - id: (\S+)", (ROOT / "events.yaml").read_text(encoding="utf-8"),
                         re.M)
    assert shipped and all(reserved_id_problem(i) is None for i in shipped)
    for taken in sorted(PAGE_IDS) + ["era-x", "date-1966", "article-a", "mention-a-1", "tl-x",
                                     "x-title"]:
        assert reserved_id_problem(taken), taken
