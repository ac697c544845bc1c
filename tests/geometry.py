"""What a reader sees, measured in the page: text runs that overlap, text cut off.

Used by the browser tests of every page with a chart. A text run is the box
of one line of one text node (Range.getClientRects), or of one SVG <text>;
a run counts only when a reader can see it: not visually hidden (clipped to
a pixel), not in an element that is not displayed or is invisible, not
hidden by an ancestor's clip. Marks of the chart's picture and plotly's
points count too: a label must not sit on a mark.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# Runs in the page: returns [{text, box: [left, top, right, bottom], kind}].
# (its opening comment left out: Playwright is handed the function alone)
_COLLECT = "\n".join(line for line in Path(__file__).with_name("geometry.js").read_text(
    encoding="utf-8").splitlines() if not line.startswith("//"))


def text_runs(page: Any, root: str | None = None) -> list[dict[str, Any]]:
    """Return the visible text runs (and chart marks) under ``root`` (a CSS selector)."""
    return page.evaluate(_COLLECT, root)


def _overlap(a: list[float], b: list[float]) -> tuple[float, float]:
    return min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])


def overlapping_runs(runs: list[dict[str, Any]], slack: float = 2.0) -> list[str]:
    """Say which runs overlap by more than ``slack`` pixels both ways.

    Two marks may touch (a crowded lane steps them off its line), and a run
    may overlap itself across lines; text on text and text on a mark may not.
    Glyph boxes include the line's leading, so a little slack is allowed.
    """
    found = []
    ordered = sorted(runs, key=lambda r: r["box"][0])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b["box"][0] >= a["box"][2] - slack:
                break
            if a["kind"] == "mark" and b["kind"] == "mark":
                continue
            dx, dy = _overlap(a["box"], b["box"])
            if dx > slack and dy > slack:
                found.append(f"{a['text']!r} {a['kind']} {[round(v) for v in a['box']]} overlaps "
                             f"{b['text']!r} {b['kind']} {[round(v) for v in b['box']]}")
    return found


def cut_runs(runs: list[dict[str, Any]], width: float, slack: float = 1.0) -> list[str]:
    """Say which runs reach outside the page's width (cut by the frame or the window)."""
    return [f"{r['text']!r} {[round(v) for v in r['box']]} outside 0..{width}"
            for r in runs if r["box"][0] < -slack or r["box"][2] > width + slack]
