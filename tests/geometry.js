// Runs in the page (tests/geometry.py): the visible text runs and chart marks under a
// selector, as [{text, box: [left, top, right, bottom], kind}].
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
