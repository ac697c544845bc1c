/* present.js: classroom mode (present.html) alone, run right after
   timeline.js (a plain blocking script too, so its sizes are set before the
   first paint). Apart so that the pages readers land on, the embed above all,
   do not fetch it: timeline.js shares what this needs (window.timelinePage)
   and calls what it puts in shared.classroom: the chart's sizes, where the
   date label goes, and the slides themselves. */
(function () {
  "use strict";

  var shared = window.timelinePage;
  if (!shared) { return; }
  var root = shared.root;
  var withChart = shared.withChart, onStaticMark = shared.onStaticMark;
  var highlightStatic = shared.highlightStatic, setHash = shared.setHash;
  var hashId = shared.hashId, reducedMotion = shared.reducedMotion;

  // Classroom mode's type size on its chart: 18 px on a 720-pixel screen,
  // growing with it (26 at 1080), smaller on a narrow one. Its lane labels
  // stand left of the plot, in a margin both drawings of the chart agree on:
  // the widest label's width as the build estimated it (data-lane-em, in
  // ems) at their size. Set before the first paint, for the picture's CSS.
  var boot = document.querySelector("script[data-lane-em]");
  var laneEm = boot ? Number(boot.getAttribute("data-lane-em")) || 0 : 0;
  function classroomFont() {
    var width = window.innerWidth - 48;
    var projector = Math.max(18, Math.min(26, Math.round(window.innerHeight / 40)));
    return width >= 900 ? projector : width < 560 ? 12 : 16;
  }
  function plotLeft(font) { return Math.ceil(laneEm * font) + 18; }
  // A label's box is its font's ascent and descent, 1.16 times its size in
  // DejaVu Sans, about that in most sans serifs (the glyphs themselves are
  // smaller): lanes LINE_BOX times the size apart keep the boxes apart.
  var LINE_BOX = 1.2;
  var SMALLEST_LABEL = 12;
  // Every size classroom mode's chart needs, from the window and the box CSS
  // gives the chart: the type (font), the lane labels' size (laneFont: as
  // large as the type but never taller than their lanes are apart, so they
  // never overlap; not below 12 px, where one label in `every` is kept
  // instead), the plot's margins (left for the lane labels, top for the era
  // or the date label, bottom for the years). Before the chart is parsed,
  // from the window alone.
  function classroomSizes() {
    var font = classroomFont();
    var sizes = { font: font, laneFont: font, every: 1,
      top: Math.ceil((font + 2) * 1.15) + 12, bottom: Math.ceil(font * 1.3) + 14 };
    var box = document.querySelector(".present-chart .chart-box");
    var lanes = box ? box.querySelectorAll(".chart-lane-label-side") : [];
    var plotHeight = box ? box.clientHeight - sizes.top - sizes.bottom : 0;
    if (lanes.length > 1 && plotHeight > 0) {
      var step = Infinity;
      for (var i = 1; i < lanes.length; i++) {
        var apart = Math.abs(parseFloat(lanes[i].getAttribute("y")) -
          parseFloat(lanes[i - 1].getAttribute("y"))) / 100;
        if (apart > 0) { step = Math.min(step, apart); }
      }
      var gap = step * plotHeight;
      if (isFinite(gap)) {
        sizes.laneFont = Math.max(SMALLEST_LABEL, Math.min(font, Math.floor(gap / LINE_BOX)));
        sizes.every = Math.max(1, Math.ceil(sizes.laneFont * LINE_BOX / gap));
      }
    }
    // On a narrow screen the labels' margin may take at most 42 % of the
    // chart's width (at 320 px the French labels left the plot 50 px): the
    // longest labels are cut short, with an ellipsis, to the room left.
    var width = box ? box.clientWidth : 0;
    sizes.left = plotLeft(sizes.laneFont);
    if (width && sizes.left > 0.42 * width) { sizes.left = Math.round(0.42 * width); }
    sizes.labelRoom = sizes.left - 12;
    return sizes;
  }
  // A lane label as it fits `room` pixels at `size`: whole, or cut short
  // with an ellipsis.
  var labelCanvas = null;
  function shortLabel(text, size, room) {
    if (!labelCanvas) { labelCanvas = document.createElement("canvas").getContext("2d"); }
    labelCanvas.font = size + "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    if (labelCanvas.measureText(text).width <= room) { return text; }
    var cut = text.length;
    while (cut > 1 && labelCanvas.measureText(text.slice(0, cut).trim() + "…").width > room) {
      cut -= 1;
    }
    return text.slice(0, cut).trim() + "…";
  }
  // Apply the sizes to the picture (its CSS and its thinned labels); the
  // chart that plotly.js draws asks classroomSizes itself.
  function setChartSizes() {
    var sizes = classroomSizes();
    root.style.setProperty("--chart-font", sizes.font + "px");
    root.style.setProperty("--lane-font", sizes.laneFont + "px");
    root.style.setProperty("--plot-left", sizes.left + "px");
    root.style.setProperty("--plot-top", sizes.top + "px");
    root.style.setProperty("--plot-bottom", sizes.bottom + "px");
    var lanes = document.querySelectorAll(".present-chart .chart-lane-label-side");
    for (var i = 0; i < lanes.length; i++) {
      lanes[i].classList.toggle("is-thinned", i % sizes.every !== 0);
      // The whole name stays in data-label, for the next size.
      var whole = lanes[i].getAttribute("data-label") || lanes[i].textContent;
      lanes[i].setAttribute("data-label", whole);
      lanes[i].textContent = shortLabel(whole, sizes.laneFont, sizes.labelRoom);
    }
    return sizes;
  }
  setChartSizes();
  window.addEventListener("resize", setChartSizes);

  // Where the classroom's date label goes, as its centre's offset from the
  // point (plotly's ax, ay, in pixels): of the places above, below and
  // beside the point where its box stays inside the plot (so off the
  // years, the lane labels and the era label around it), the nearest that
  // covers no other mark and whose arrow crosses none. On a chart too small
  // or crowded for that, the band above the plot, where the era label
  // gives way (over: true): the arrow may then cross a mark, a thin line
  // over it that hides nothing. Failing that, the place covering least.
  function placeNote(spot, chart) {
    var div = chart.div, current = chart.current, layout = chart.layout, figure = chart.figure;
    var markerTraces = chart.markerTraces, along = chart.along, textWidth = chart.textWidth;
    var W = div.clientWidth, H = div.clientHeight;
    var plot = { left: current.left, right: W - layout.margin.r,
      top: current.top, bottom: H - current.bottom };
    var yRange = layout.yaxis.range;
    function px(x) { return plot.left + (plot.right - plot.left) * along(Date.parse(x)); }
    function py(y) {
      return plot.bottom - (plot.bottom - plot.top) * (y - yRange[0]) / (yRange[1] - yRange[0]);
    }
    var x0 = px(spot.x), y0 = py(spot.y);
    var chosen = figure.data[spot.trace];
    var mine = (chosen.selected.marker.size || chosen.marker.size) / 2;
    var marks = [];
    markerTraces.forEach(function (t) {
      var trace = figure.data[t];
      var r = trace.marker.size / 2 + 3;
      for (var i = 0; i < trace.x.length; i++) {
        if (t === spot.trace && i === spot.index) { continue; }
        marks.push([px(trace.x[i]), py(trace.y[i]), r]);
      }
    });
    // The box plotly draws: the text, its 3-pixel padding and its border.
    var w = textWidth(spot.date, current.note) + 12;
    var h = Math.ceil(current.note * 1.15) + 10;
    function covered(cx, cy) {
      var count = 0;
      marks.forEach(function (m) {
        var nx = Math.max(cx - w / 2, Math.min(m[0], cx + w / 2));
        var ny = Math.max(cy - h / 2, Math.min(m[1], cy + h / 2));
        if ((nx - m[0]) * (nx - m[0]) + (ny - m[1]) * (ny - m[1]) < m[2] * m[2]) { count += 1; }
      });
      return count;
    }
    // The marks the arrow, from the point to the box's centre, passes over.
    function crossed(cx, cy) {
      var dx = cx - x0, dy = cy - y0, len = dx * dx + dy * dy;
      if (!len) { return 0; }
      return marks.filter(function (m) {
        var t = Math.max(0, Math.min(1, ((m[0] - x0) * dx + (m[1] - y0) * dy) / len));
        var ex = x0 + t * dx - m[0], ey = y0 + t * dy - m[1];
        return ex * ex + ey * ey < m[2] * m[2];
      }).length;
    }
    var best = null;
    function consider(dx, dy, over) {
      // Slid sideways into the plot when it would stick out of it (the
      // band above it runs over the lane labels' margin too).
      var left = over ? 0 : plot.left, right = over ? W : plot.right;
      if (w > right - left) { return; }
      var cx = Math.max(left + w / 2, Math.min(right - w / 2, x0 + dx));
      var cy = y0 + dy;
      var inside = over ? cy - h / 2 >= 0 && cy + h / 2 <= plot.top + 1 :
        cy - h / 2 >= plot.top && cy + h / 2 <= plot.bottom;
      if (!inside) { return; }
      var place = { dx: cx - x0, dy: dy, over: !!over, cover: covered(cx, cy),
        cross: crossed(cx, cy), far: Math.abs(cx - x0) + Math.abs(dy) + (over ? 1e4 : 0) };
      if (!best || place.cover < best.cover ||
          (place.cover === best.cover && (place.cross > 0) < (best.cross > 0)) ||
          (place.cover === best.cover && (place.cross > 0) === (best.cross > 0) &&
           place.far < best.far)) { best = place; }
    }
    var away = mine + 6;
    var rise = away + h / 2 + 4;
    var slides = [0, -0.35, 0.35, -0.7, 0.7];
    for (var step = 0; rise + step * h / 2 < plot.bottom - plot.top; step++) {
      for (var k = 0; k < slides.length; k++) {
        consider(slides[k] * w, rise + step * h / 2);
        consider(slides[k] * w, -(rise + step * h / 2));
      }
    }
    var aside = away + w / 2 + 6;
    [0, -h / 2, h / 2].forEach(function (dy) { consider(aside, dy); consider(-aside, dy); });
    var overY = plot.top - h / 2 - 1 - y0;
    for (var k2 = 0; k2 < slides.length; k2++) { consider(slides[k2] * w, overY, true); }
    if (!best) {
      var fallback = Math.max(w / 2, Math.min(W - w / 2, x0)) - x0;
      return { dx: fallback, dy: -rise, over: false, standoff: mine };
    }
    best.standoff = mine;
    return best;
  }

  function startPresent() {
    var steps = Array.prototype.slice.call(document.querySelectorAll(".step"));
    var stage = document.getElementById("present-stage");
    if (!steps.length || !stage) { return; }
    var controls = document.getElementById("present-controls");
    var count = document.getElementById("present-count");
    var bar = document.getElementById("present-bar");
    var status = document.getElementById("present-status");
    var exit = document.getElementById("present-exit");
    var exitBase = exit ? exit.getAttribute("href") : "";
    var template = status ? status.getAttribute("data-template") : "{n} / {total}";
    var colon = (status && status.getAttribute("data-colon")) || ":";
    var prevButton = document.getElementById("present-prev");
    var nextButton = document.getElementById("present-next");
    var more = document.getElementById("present-more");
    var presentEl = document.getElementById("present");
    var chart = null;
    var current = -1;
    controls.hidden = false;

    function indexOf(id) {
      for (var i = 0; i < steps.length; i++) { if (steps[i].id === id) { return i; } }
      return -1;
    }

    function show(i) {
      i = Math.max(0, Math.min(steps.length - 1, i));
      if (i === current) { return; }
      if (current >= 0) { steps[current].classList.remove("is-current"); }
      current = i;
      var step = steps[i];
      step.classList.add("is-current");
      var n = i + 1;
      count.textContent = n + " / " + steps.length;
      bar.style.transform = "scaleX(" + (n / steps.length) + ")";
      var title = step.querySelector(".step-title");
      var date = step.querySelector(".step-date");
      status.textContent = template.replace("{n}", n).replace("{total}", steps.length) + colon + " " +
        (date ? date.textContent.trim() + ", " : "") + (title ? title.textContent.trim() : "");
      setHash(step.id);
      if (exit) { exit.setAttribute("href", exitBase + "#" + step.id); }
      // At either end the button that would go nowhere says so (and looks
      // it), but keeps its place in the tab order and any focus it has.
      prevButton.setAttribute("aria-disabled", String(i === 0));
      nextButton.setAttribute("aria-disabled", String(i === steps.length - 1));
      // A slide starts at its top, the way back included (Page Up from the
      // top of a slide): its date and title say which event it is, where
      // its last lines would be a quote out of context.
      scrollGoal = null;
      stage.scrollTop = 0;
      fit(step);
      highlightStatic(step.id);
      if (chart) { chart.highlight(step.id); }
    }

    // Shrink a long event's type (down to the floors the CSS keeps: 18
    // pixels, 24 for the summary on a projector) until it fits the stage, so
    // the whole event shows without scrolling where it can. What still does
    // not fit is shown a page at a time (pageDown), and "More below" says so
    // until the reader gets to the end.
    function overflows() { return stage.scrollHeight > stage.clientHeight + 1; }
    function fit(step) {
      var scale = 1;
      step.style.setProperty("--fit", "1");
      while (overflows() && scale > 0.5) {
        scale -= 0.05;
        step.style.setProperty("--fit", String(scale));
      }
      showMore();
    }

    // The slide's lines of text, as [top, bottom] in the stage's content
    // (the same whatever it is scrolled to).
    function lines() {
      var out = [];
      if (current < 0) { return out; }
      var origin = stage.getBoundingClientRect().top + stage.clientTop - stage.scrollTop;
      var range = document.createRange();
      var walker = document.createTreeWalker(steps[current], NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var el = node.parentElement;
        // Not read on the screen: words for screen readers, a folded list.
        if (!node.textContent.trim() || el.closest(".visually-hidden") ||
            (el.closest("details:not([open])") && !el.closest("summary"))) { continue; }
        range.selectNodeContents(node);
        var rects = range.getClientRects();
        for (var i = 0; i < rects.length; i++) {
          if (rects[i].width > 0 && rects[i].height > 0) {
            out.push([rects[i].top - origin, rects[i].bottom - origin]);
          }
        }
      }
      return out;
    }
    // Where the stage is, or is on its way to (a smooth scroll under way).
    var scrollGoal = null;
    function viewTop() { return scrollGoal !== null ? scrollGoal : stage.scrollTop; }
    function scrollStage(top) {
      top = Math.max(0, Math.min(stage.scrollHeight - stage.clientHeight, Math.round(top)));
      var smooth = !reducedMotion();
      scrollGoal = smooth ? top : null;
      stage.scrollTo({ top: top, behavior: smooth ? "smooth" : "auto" });
    }
    stage.addEventListener("scrollend", function () { scrollGoal = null; showMore(); });
    function textShown() { return getComputedStyle(stage).visibility !== "hidden"; }
    // The first line not wholly in view below the stage's window, or null
    // when the slide's last line is in view.
    function cutBelow() {
      var bottom = viewTop() + stage.clientHeight;
      var cut = null;
      lines().forEach(function (line) {
        if (line[1] > bottom + 0.5 && (!cut || line[0] < cut[0])) { cut = line; }
      });
      return cut;
    }
    // A clicker sends Page Down (or an arrow, or space): it shows the rest
    // of a long slide before the next one. The first line not wholly shown
    // goes to the top, under the last line shown (kept as a thread to
    // follow) when that still moves on by a good part of the window; at the
    // slide's end, false: time for the next slide.
    function pageDown() {
      if (!textShown()) { return false; }
      var cut = cutBelow();
      if (!cut) { return false; }
      var top = viewTop(), height = stage.clientHeight;
      var kept = null;
      lines().forEach(function (line) {
        if (line[1] <= cut[0] + 0.5 && line[0] > top && (!kept || line[0] > kept[0])) { kept = line; }
      });
      var goal = kept && kept[0] - top >= 0.4 * height ? kept[0] : cut[0];
      goal -= 4;
      if (goal <= top + 1) { goal = top + 0.8 * height; }   // a line taller than the window
      scrollStage(goal);
      return true;
    }
    // Page Up mirrors it: the last line not wholly shown above comes to the
    // bottom, over the first line shown; at the slide's top, false.
    function pageUp() {
      if (!textShown()) { return false; }
      var top = viewTop(), height = stage.clientHeight;
      if (top <= 0.5) { return false; }
      var cut = null;
      lines().forEach(function (line) {
        if (line[0] < top - 0.5 && (!cut || line[1] > cut[1])) { cut = line; }
      });
      if (!cut) { scrollStage(0); return true; }
      var kept = null;
      lines().forEach(function (line) {
        if (line[0] >= cut[1] - 0.5 && line[1] < top + height &&
            (!kept || line[1] < kept[1])) { kept = line; }
      });
      var goal = kept && top + height - kept[1] >= 0.4 * height ? kept[1] : cut[1];
      goal = goal + 4 - height;
      if (goal >= top - 1) { goal = top - 0.8 * height; }
      scrollStage(goal);
      return true;
    }
    function showMore() {
      if (!more) { return; }
      more.hidden = !(textShown() && cutBelow());
    }
    stage.addEventListener("scroll", function () {
      if (scrollGoal !== null && Math.abs(stage.scrollTop - scrollGoal) < 1) { scrollGoal = null; }
      showMore();
    }, { passive: true });
    if (more) {
      more.addEventListener("click", function () { pageDown(); });
    }
    window.addEventListener("resize", function () {
      if (current >= 0) { fit(steps[current]); }
    });
    // Opening an event's sources makes it longer: fit it again.
    Array.prototype.forEach.call(document.querySelectorAll(".step details"), function (d) {
      d.addEventListener("toggle", function () {
        if (current >= 0 && steps[current].contains(d)) { fit(steps[current]); }
      });
    });

    function next() { show(current + 1); }
    function prev() { show(current - 1); }
    function forward() { if (!pageDown()) { next(); } }
    function back() { if (!pageUp()) { prev(); } }

    nextButton.addEventListener("click", next);
    prevButton.addEventListener("click", prev);

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
      var onControl = /^(A|BUTTON|INPUT|TEXTAREA|SELECT|SUMMARY)$/.test(event.target.tagName);
      switch (event.key) {
        case "ArrowRight": case "ArrowDown": case "PageDown": forward(); break;
        case "ArrowLeft": case "ArrowUp": case "PageUp": back(); break;
        case "Home": show(0); break;
        case "End": show(steps.length - 1); break;
        case " ": case "Spacebar":
          if (onControl) { return; }   // space presses the focused button
          if (event.shiftKey) { back(); } else { forward(); }
          break;
        // C (chart) or G (graphique): the chart's toggle, where a short
        // screen shows it; a keyboard need not reach the button first.
        case "c": case "C": case "g": case "G":
          if (!chartToggle || !chartToggle.getClientRects().length) { return; }
          chartToggle.click();
          break;
        default: return;
      }
      event.preventDefault();
    });

    // On a short screen the chart waits behind a toggle and, shown, takes
    // the text's place (present.css); the keys then move between events.
    var chartToggle = document.getElementById("present-chart-toggle");
    if (chartToggle) {
      chartToggle.addEventListener("click", function () {
        var on = chartToggle.getAttribute("aria-pressed") !== "true";
        chartToggle.setAttribute("aria-pressed", String(on));
        presentEl.classList.toggle("is-chart-shown", on);
        showMore();
      });
    }

    // Swipe left for the next event, right for the previous one.
    var touch = null;
    document.addEventListener("touchstart", function (event) {
      if (event.touches.length !== 1) { touch = null; return; }
      touch = { x: event.touches[0].clientX, y: event.touches[0].clientY };
    }, { passive: true });
    document.addEventListener("touchend", function (event) {
      if (!touch || !event.changedTouches.length) { return; }
      var dx = event.changedTouches[0].clientX - touch.x;
      var dy = event.changedTouches[0].clientY - touch.y;
      touch = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
        if (dx < 0) { next(); } else { prev(); }
      }
    }, { passive: true });

    window.addEventListener("hashchange", function () {
      var i = indexOf(hashId());
      if (i >= 0) { show(i); }
    });

    function picked(id) {
      var i = indexOf(id);
      if (i >= 0) { show(i); }
    }
    onStaticMark(picked);
    withChart(function (made) {
      chart = made;
      if (!chart) { return; }
      if (current >= 0) { chart.highlight(steps[current].id); }
      chart.onClick(picked);
    });

    var full = document.getElementById("present-fullscreen");
    if (full && document.fullscreenEnabled) {
      var enterLabel = full.textContent;
      var exitLabel = full.getAttribute("data-exit");
      full.hidden = false;
      full.addEventListener("click", function () {
        if (document.fullscreenElement) {
          document.exitFullscreen();
        } else {
          root.requestFullscreen().catch(function () {});
        }
      });
      document.addEventListener("fullscreenchange", function () {
        var on = !!document.fullscreenElement;
        full.textContent = on ? exitLabel : enterLabel;
      });
    }

    var start = indexOf(hashId());
    show(start >= 0 ? start : 0);
    // The chart's sizes from its box, now the whole slide is laid out, and
    // then the chart is painted (present.css): nothing moves under the eyes.
    setChartSizes();
    presentEl.classList.add("is-started");
    // The chart's box can change with no resize of the window (the controls
    // under it, a font arriving): its sizes follow it.
    var chartBox = document.querySelector(".present-chart .chart-box");
    if (chartBox && window.ResizeObserver) {
      var boxSize = [chartBox.clientWidth, chartBox.clientHeight];
      new ResizeObserver(function () {
        var size = [chartBox.clientWidth, chartBox.clientHeight];
        if (size[0] === boxSize[0] && size[1] === boxSize[1]) { return; }
        boxSize = size;
        setChartSizes();
        if (chart) { chart.refit(); }
      }).observe(chartBox);
    }
  }

  shared.classroom = {
    sizes: classroomSizes, shortLabel: shortLabel, placeNote: placeNote, start: startPresent
  };
})();
