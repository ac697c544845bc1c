"""What a reader sees, measured in the page: text runs that overlap, text cut off.

Used by the browser tests of every page with a chart. A text run is the box
of one line of one text node (Range.getClientRects), or of one SVG <text>;
a run counts only when a reader can see it: not visually hidden (clipped to
a pixel), not in an element that is not displayed or is invisible, not
hidden by an ancestor's clip. Marks of the chart's picture and plotly's
points count too: a label must not sit on a mark.
"""

from __future__ import annotations

from typing import Any

# Runs in the page: returns [{text, box: [left, top, right, bottom], kind}].
_COLLECT = r"""
(root) => {
  const scope = root ? document.querySelector(root) : document.body;
  if (!scope) { return []; }
  function shown(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) { return false; }
      if (e.getAttribute("aria-hidden") === "true" && e.classList.contains("visually-hidden")) { return false; }
      const r = e.getBoundingClientRect();
      if ((s.position === "absolute" || s.position === "fixed") && r.width <= 1 && r.height <= 1) { return false; }
      if (s.clipPath && s.clipPath.indexOf("inset(50%") === 0) { return false; }
    }
    return true;
  }
  const out = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim()) { continue; }
    const parent = node.parentElement;
    if (!parent || parent.closest("svg, script, style, noscript, title, textarea, option")) { continue; }
    if (!shown(parent)) { continue; }
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) { continue; }
      out.push({ text: node.data.trim().slice(0, 40), box: [r.left, r.top, r.right, r.bottom], kind: "text", id: out.length });
    }
  }
  for (const t of scope.querySelectorAll("svg text")) {
    if (!t.textContent.trim() || !shown(t)) { continue; }
    const r = t.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) { continue; }
    out.push({ text: t.textContent.trim().slice(0, 40), box: [r.left, r.top, r.right, r.bottom], kind: "svgtext" });
  }
  for (const m of scope.querySelectorAll(".chart-static .chart-marks use, .chart-canvas .scatterlayer .point")) {
    if (!shown(m)) { continue; }
    const r = m.getBoundingClientRect();
    if (r.width < 1) { continue; }
    out.push({ text: "mark", box: [r.left, r.top, r.right, r.bottom], kind: "mark" });
  }
  return out;
}
"""


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
