/* timeline: the behaviour of every page (index, embed, present), from one file.
   No inline script is needed, so the pages run under a strict
   Content-Security-Policy (script-src 'self'). Most pages load the file as
   a plain blocking script, so that it marks the page as scripted (classroom
   mode's slide) or sends an iframe to its ?lang= sibling (embed) before the
   first paint; the index, which needs neither, loads it async: it runs as
   soon as it arrives,
   without holding the parser or the first paint, so on a long timeline the
   chart still starts long before the list is parsed.

   plotly.js comes one of two ways. Either the page loads it with a deferred
   script of its own, and the chart is drawn at DOMContentLoaded, which comes
   after it; or the page names it in this script's data-plotly attribute, and
   timeline.js loads it once the first frame is painted (so the text still
   paints first) and draws the chart as soon as the parser is past the
   figure: on a long timeline the chart then appears while the list below it
   is still loading. Everything that needs the list waits for
   DOMContentLoaded either way. */
(function () {
  "use strict";

  var root = document.documentElement;
  var pageName = root.getAttribute("data-page") || "index";
  var boot = document.currentScript;
  var plotlySrc = boot ? boot.getAttribute("data-plotly") : null;
  root.classList.add("js");
  // Classroom mode's controls (and its full-screen button, where the browser
  // has full screen) are laid out with the first paint, from CSS: shown
  // later, they would push the chart up under the reader's eyes.
  if (document.fullscreenEnabled) { root.classList.add("can-fullscreen"); }

  function param(name) {
    var match = new RegExp("[?&]" + name + "=([^&#]*)").exec(location.search);
    if (!match) { return null; }
    try { return decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { return null; }
  }

  // Classroom mode's type size on its chart: 18 px on a 720-pixel screen,
  // growing with it (26 at 1080), smaller on a narrow one. Its lane labels
  // stand left of the plot, in a margin both drawings of the chart agree on:
  // the widest label's width as the build estimated it (data-lane-em, in
  // ems) at their size. Set before the first paint, for the picture's CSS.
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
  if (pageName === "present") {
    setChartSizes();
    window.addEventListener("resize", setChartSizes);
  }

  // embed.html?lang=fr on the root page: one iframe address serves every
  // language, so go to the sibling page in the language asked for, keeping
  // ?event= and the hash.
  if (pageName === "embed") {
    var wanted = (param("lang") || "").toLowerCase().slice(0, 2);
    if (wanted && wanted !== root.lang) {
      var alternate = document.querySelector('link[rel="alternate"][hreflang="' + wanted + '"]');
      if (alternate) {
        location.replace(alternate.href + location.search + location.hash);
        return;
      }
    }
  }

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function setHash(id) {
    if (window.history && history.replaceState) {
      history.replaceState(null, "", "#" + id);
    } else {
      location.hash = "#" + id;
    }
  }

  function hashId() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ""; }
  }

  /* ------------------------------------------------------------- start-up */

  var chartMade = false;
  var theChart = null;
  var chartWaiters = [];

  // Call fn with the chart (null when the page has none or plotly.js did not
  // load) once it has been made.
  function withChart(fn) {
    if (chartMade) { fn(theChart); } else { chartWaiters.push(fn); }
  }

  // The static picture of the chart (svg.py) works before plotly.js and
  // without it: its marks are links to their events; with the script, a
  // click on one does what a click on plotly's point does, and the page's
  // current event is picked out on it too.
  function onStaticMark(handler) {
    var still = document.querySelector(".chart-static");
    if (!still) { return; }
    still.addEventListener("click", function (event) {
      var mark = event.target.closest ? event.target.closest("a.chart-mark") : null;
      if (!mark) { return; }
      event.preventDefault();
      handler(decodeURIComponent(mark.getAttribute("href").slice(1)));
    });
  }

  function highlightStatic(id) {
    var still = document.querySelector(".chart-static");
    if (!still) { return; }
    var marks = still.querySelectorAll("a.chart-mark");
    var found = false;
    for (var i = 0; i < marks.length; i++) {
      var on = !!id && marks[i].getAttribute("href") === "#" + id;
      marks[i].classList.toggle("is-current", on);
      found = found || on;
    }
    if (found) { still.setAttribute("data-highlight", id); } else { still.removeAttribute("data-highlight"); }
  }

  function makeChart() {
    if (chartMade) { return; }
    chartMade = true;
    theChart = Chart(pageName === "embed" ? { fill: true } :
      pageName === "present" ? { fill: true, classroom: true } : {});
    chartWaiters.splice(0).forEach(function (fn) { fn(theChart); });
  }

  // The figure can be read once the parser has gone past it.
  function figureParsed() {
    if (document.readyState !== "loading") { return true; }
    for (var el = document.getElementById("timeline-figure"); el; el = el.parentNode) {
      if (el.nextSibling) { return true; }
    }
    return false;
  }

  function loadPlotly(when) {
    var started = false;
    function start() {
      if (started) { return; }
      started = true;
      var script = document.createElement("script");
      script.src = plotlySrc;
      var cors = boot.getAttribute("data-plotly-crossorigin");
      if (cors) { script.crossOrigin = cors; }
      script.onload = script.onerror = function () {
        if (figureParsed()) { makeChart(); return; }
        // Look again between the parser's chunks: cheaper than observing
        // every node it adds.
        var timer = setInterval(function () {
          if (figureParsed()) { clearInterval(timer); makeChart(); }
        }, 20);
      };
      document.head.appendChild(script);
    }
    // The static picture of the chart is in the page, so plotly.js is never
    // needed for the first paint. The embed, which most readers of an article
    // scroll past, loads it when a pointer comes over the chart: pointers are
    // what it adds (tooltips, clicks land either way). The other pages load
    // it right after the first paint: waiting for the page to be idle made a
    // 5,000-item chart wait for its whole list (benchmarks/run.py, 14:16 run:
    // 4.39x its ten-item time with the basic bundle, against 2.3x before).
    function onPointer() {
      var box = document.querySelector(".chart-box");
      if (!box) { start(); return; }
      ["pointerover", "pointerdown", "touchstart"].forEach(function (type) {
        box.addEventListener(type, start, { once: true, passive: true });
      });
    }
    function afterPaint() {
      // A frame, then a task. A page that is not shown gets no frames (nor
      // may an iframe off screen): the timer starts those.
      if (window.requestAnimationFrame && document.visibilityState !== "hidden") {
        requestAnimationFrame(function () { setTimeout(start, 0); });
        setTimeout(start, 1000);
      } else {
        setTimeout(start, 0);
      }
    }
    if (when === "interaction") {
      whenParsed(onPointer);
    } else {
      afterPaint();
    }
  }

  if (plotlySrc) {
    loadPlotly(pageName === "embed" ? "interaction" : "paint");
  }

  /* ---------------------------------------------------------------- chart */

  // Draw the figure embedded in the page. Returns an object to highlight an
  // event on the chart, or null when there is no chart or no plotly.js.
  //
  // The chart is drawn once: every setting that depends on the width of the
  // page is in the layout handed to newPlot. The figure's plot area is the
  // static picture's (chart.py draws both from one model, lane labels above
  // their lanes), so when plotly.js has drawn, it takes the picture's place
  // without moving anything.
  function Chart(options) {
    var holder = document.getElementById("timeline-figure");
    var div = document.getElementById("timeline-chart");
    if (!holder || !div) { return null; }
    if (!window.Plotly) {
      div.setAttribute("data-state", "unavailable");
      return null;
    }
    var figure = JSON.parse(holder.textContent);
    var layout = figure.layout;
    var config = figure.config;
    var where = {};          // event id -> {trace, index, x, y, date}
    var markerTraces = [];
    var topLane = 0;
    var annotations = layout.annotations || [];
    // The highlight's label goes after the eras' and lanes' own.
    var noteIndex = annotations.length;
    var range = layout.xaxis.range.map(function (d) { return Date.parse(d); });
    var ticks = { vals: layout.xaxis.tickvals || [], text: layout.xaxis.ticktext || [] };
    // The width from which the era labels fit (svg.era_fit_width, on the figure).
    var figureEl = div.closest ? div.closest(".chart") : null;
    var fit = figureEl ? figureEl.getAttribute("data-era-fit") : "0";
    var eraFit = fit === "never" ? Infinity : Number(fit) || 0;

    figure.data.forEach(function (trace, t) {
      if (trace.mode !== "markers") { return; }
      markerTraces.push(t);
      // How a highlighted point and the others look once one is selected.
      trace.selected = { marker: { size: trace.marker.size + 9, opacity: 1 } };
      trace.unselected = { marker: { opacity: 0.4 } };
      var ids = trace.customdata || [];
      for (var i = 0; i < ids.length; i++) {
        where[ids[i][0]] = { trace: t, index: i, x: trace.x[i], y: trace.y[i], date: ids[i][2] };
        if (trace.y[i] > topLane) { topLane = trace.y[i]; }
      }
    });

    // Nothing leaves the machine: no "share to the cloud" button.
    config.showSendToCloud = false;
    if (options.fill) {
      // Embed and present: the chart fills its box, which CSS sizes; no pan
      // or zoom, so touch gestures scroll the page or move between events.
      delete layout.height;
      layout.autosize = true;
      layout.dragmode = false;
      layout.xaxis.fixedrange = true;
      config.displayModeBar = false;
    }
    if (options.classroom) {
      // Classroom mode is read from the back of a room: the current event's
      // point stands out more. The others keep their size: bigger, points a
      // few months apart would cover each other's centres, and a click on
      // one could bring up its neighbour.
      markerTraces.forEach(function (t) {
        figure.data[t].selected.marker.size = figure.data[t].marker.size + 13;
      });
    }
    // The interface's words in the page's language: plotly.js's own
    // (toolbar tooltips, notices) come from the page (_plotly_words.html),
    // registered as a locale named after the page's language.
    var words = plotlyWords();
    if (words) {
      Plotly.register({ moduleType: "locale", name: words.name, dictionary: words.dictionary });
      config.locale = words.name;
    }

    // Era and lane labels are annotations named so (chart.py), before the
    // highlighted event's label; each era's band is the shape of its index.
    var eraCount = annotations.filter(function (n) { return n.name === "era"; }).length;
    var laneNotes = annotations.filter(function (n) { return n.name === "lane"; });
    var entities = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#x27;": "'" };
    function decoded(text) {
      return String(text).replace(/&(amp|lt|gt|quot|#x27);/g, function (e) { return entities[e]; });
    }
    var measure = document.createElement("canvas").getContext("2d");
    function textWidth(text, size) {
      measure.font = size + "px " + layout.font.family;
      return measure.measureText(text).width;
    }

    // The settings that depend on the chart's width, as the static picture
    // has them (its CSS): era labels only where they fit, every other year
    // on a narrow chart. Classroom mode reads from the back of a room: its
    // type size (classroomFont, which the picture uses too), lane labels
    // left of the plot in a margin both drawings agree on (plotLeft), and
    // one era label, the current event's (highlight).
    function sized() {
      var width = div.clientWidth;
      var room = options.classroom ? classroomSizes() : null;
      return {
        eras: width >= eraFit, narrow: width < 480, font: room ? room.font : null,
        laneFont: room ? room.laneFont : null, every: room ? room.every : 1,
        labelRoom: room ? room.labelRoom : 0,
        left: room ? room.left : layout.margin.l,
        top: room ? room.top : layout.margin.t, bottom: room ? room.bottom : layout.margin.b,
        note: room ? room.font + 2 : 13
      };
    }
    function tickUpdate(s) {
      var keep = function (_, i) { return !s.narrow || i % 2 === 0; };
      return { vals: ticks.vals.filter(keep), text: ticks.text.filter(keep) };
    }
    // The settings as one flat update (plotly's relayout), applied to the
    // layout before the first draw or to the chart later.
    function settings(s) {
      var update = {};
      annotations.forEach(function (note, i) {
        var key = "annotations[" + i + "].";
        if (note.name === "era") { update[key + "visible"] = !options.classroom && s.eras; }
        if (note.name === "lane") { update[key + "visible"] = !options.classroom; }
        if (s.font && note.name === "era") { update[key + "font.size"] = s.font; }
      });
      var t = tickUpdate(s);
      update["xaxis.tickvals"] = t.vals;
      update["xaxis.ticktext"] = t.text;
      if (options.classroom) {
        update["xaxis.tickfont.size"] = s.font;
        update["yaxis.showticklabels"] = true;
        update["yaxis.ticktext"] = laneNotes.map(function (n, i) {
          if (i % s.every !== 0) { return ""; }
          // plotly reads tick text as its own markup: escaped again when cut.
          var whole = decoded(n.text), cut = shortLabel(whole, s.laneFont, s.labelRoom);
          return cut === whole ? n.text : cut.replace(/&/g, "&amp;").replace(/</g, "&lt;");
        });
        update["yaxis.tickfont.size"] = s.laneFont;
        update["yaxis.automargin"] = false;
        update["hoverlabel.font.size"] = s.font;
        update["margin.l"] = s.left;
        update["margin.t"] = s.top;
        update["margin.b"] = s.bottom;
      }
      return update;
    }
    function applyTo(target, s) {
      var update = settings(s);
      Object.keys(update).forEach(function (path) {
        var parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
        var at = target;
        for (var i = 0; i < parts.length - 1; i++) {
          if (at[parts[i]] === undefined) { at[parts[i]] = {}; }
          at = at[parts[i]];
        }
        at[parts[parts.length - 1]] = update[path];
      });
    }

    var current = sized();
    applyTo(layout, current);

    // Each era label's band on the x axis (the shape that starts where the
    // label does), to find the era of an event.
    var eraSpans = (layout.shapes || []).slice(0, eraCount).map(function (band) {
      return [Date.parse(band.x0), Date.parse(band.x1)];
    });
    function eraOf(x) {
      var t = Date.parse(x);
      for (var i = 0; i < eraSpans.length; i++) {
        if (eraSpans[i] && eraSpans[i][0] <= t && t < eraSpans[i][1]) { return i; }
      }
      return -1;
    }
    function along(t) { return (t - range[0]) / (range[1] - range[0]); }

    // Where classroom mode writes an era's label: centred over its band (or
    // from its start, for a label wider than the band) but never past either
    // end of the plot, in the classroom size or smaller (down to 12 pixels)
    // when the plot is narrower than the label; null when it does not fit
    // even then (the band still shows the era).
    function eraPlace(i, text) {
      if (!eraSpans[i] || !measure) { return null; }
      var plotWidth = div.clientWidth - current.left - layout.margin.r;
      var size = current.font;
      var width = textWidth(decoded(text), size) + 6;
      while (width > plotWidth && size > 12) {
        size -= 1;
        width = textWidth(decoded(text), size) + 6;
      }
      if (width > plotWidth) { return null; }
      var start = plotWidth * Math.max(0, along(eraSpans[i][0]));
      var end = plotWidth * Math.min(1, along(eraSpans[i][1]));
      // Not before the band starts, when the plot leaves room for that.
      var left = Math.max(0, Math.min(plotWidth - width, Math.max(start, (start + end - width) / 2)));
      var x = range[0] + (left / plotWidth) * (range[1] - range[0]);
      return { x: new Date(x).toISOString().slice(0, 10), size: size };
    }

    var ready = Plotly.newPlot(div, figure.data, layout, config).then(function () {
      // The drawing itself is hidden from assistive technology: the caption
      // names the chart and the list of events says what it shows.
      Array.prototype.forEach.call(div.querySelectorAll("svg.main-svg"), function (svg) {
        svg.setAttribute("aria-hidden", "true");
      });
      return takeOver();
    });

    // The interactive chart replaces the picture once drawn; but not from
    // under a keyboard user moving through the picture's marks (a mouse
    // click focuses a mark too, but shows no focus ring): then when the
    // focus leaves the picture.
    function takeOver() {
      var still = document.querySelector(".chart-static");
      return new Promise(function (resolve) {
        function swap() {
          div.removeAttribute("aria-hidden");
          div.setAttribute("data-state", "ready");
          div.dispatchEvent(new CustomEvent("timeline:ready", { bubbles: true }));
          resolve();
        }
        var focused = document.activeElement;
        var byKeyboard = false;
        try { byKeyboard = !!focused && focused.matches(":focus-visible"); } catch (e) {}
        if (still && still.contains(focused) && byKeyboard) {
          still.addEventListener("focusout", function wait(event) {
            if (still.contains(event.relatedTarget)) { return; }
            still.removeEventListener("focusout", wait);
            swap();
          });
        } else {
          swap();
        }
      });
    }

    // plotly.js follows the window's width itself (config.responsive);
    // redraw with other settings only when the chart crosses a threshold of
    // width (narrow; classroom mode's type sizes) or its lane labels change.
    function resettle() {
      var next = sized();
      var same = ["narrow", "eras", "font", "laneFont", "every", "left", "top", "bottom",
        "labelRoom"].every(
        function (key) { return next[key] === current[key]; });
      if (same) { return false; }
      current = next;
      ready = ready.then(function () { return Plotly.relayout(div, settings(next)); });
      return true;
    }
    window.addEventListener("resize", function () {
      resettle();
      // The highlighted event's label is placed in pixels, among its
      // neighbours: placed again once plotly has the new size.
      if (options.classroom && shown) {
        ready = ready.then(function () { return Plotly.Plots.resize(div); }).then(drawHighlight);
      }
    });
    // Drawn while the page was still loading, the chart may have lost width
    // since (a scrollbar appears once the page outgrows the window, which
    // fires no resize event): fit it once the page is all there.
    if (document.readyState === "loading") {
      var drawnWidth = div.clientWidth;
      var drawnHeight = div.clientHeight;
      document.addEventListener("DOMContentLoaded", function () {
        var changed = resettle();
        if (changed || div.clientWidth !== drawnWidth || div.clientHeight !== drawnHeight) {
          ready = ready.then(function () { return Plotly.Plots.resize(div); });
          if (shown) { ready = ready.then(drawHighlight); }
        }
      });
    }

    // The event picked out (highlight), or null.
    var shown = null;

    // A point clicked before the page is ready for it (its list still
    // loading) is handed over when the page asks for clicks.
    var clicked = null;
    var pendingClick = null;
    div.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      if (!point || !point.customdata) { return; }
      if (clicked) { clicked(point.customdata[0]); } else { pendingClick = point.customdata[0]; }
    });

    return {
      div: div,
      // Fit the chart to its box again, when the box changed on its own.
      refit: function () {
        resettle();
        ready = ready.then(function () { return Plotly.Plots.resize(div); }).then(drawHighlight);
        return ready;
      },
      has: function (id) { return Object.prototype.hasOwnProperty.call(where, id); },
      ready: function () { return ready; },
      onClick: function (handler) {
        clicked = handler;
        if (pendingClick !== null) {
          var id = pendingClick;
          pendingClick = null;
          handler(id);
        }
      },
      // Enlarge one event's point, dim the others and label it with its date
      // (one label: the last event's goes); highlight(null) puts every point
      // back. In classroom mode the label of the event's era is the one era
      // label shown.
      highlight: function (id) {
        shown = id && this.has(id) ? id : null;
        ready = ready.then(drawHighlight);
        return ready;
      }
    };

    // Draw the event shown (highlight) picked out, or none.
    function drawHighlight() {
      var spot = shown ? where[shown] : null;
      var selected = markerTraces.map(function (t) {
        if (!spot) { return null; }
        return t === spot.trace ? [spot.index] : [];
      });
      var note = spot ? dateNote(spot) : null;
      var over = !!(note && note.over);
      if (note) { delete note.over; }
      div.setAttribute("data-highlight", spot ? shown : "");
      // The whole list of annotations, eras and lanes then the label:
      // setting "annotations[n]" to an object would insert a label each
      // time rather than replace the last one.
      var era = spot && options.classroom ? eraOf(spot.x) : -1;
      var notes = (div.layout.annotations || []).slice(0, noteIndex).map(function (old, i) {
        var copy = {};
        Object.keys(old).forEach(function (key) { copy[key] = old[key]; });
        if (options.classroom && i < eraCount) {
          var place = i === era && !over ? eraPlace(i, copy.text) : null;
          copy.visible = !!place;
          if (place) {
            copy.x = place.x;
            copy.xanchor = "left";
            copy.y = 1;
            copy.font = { size: place.size, color: old.font && old.font.color };
          }
        }
        return copy;
      });
      if (note) { notes.push(note); }
      return Plotly.update(div, { selectedpoints: selected }, { annotations: notes },
        markerTraces);
    }

    // The date label of a highlighted point. On the reading pages: above or
    // below the point, its side anchored by where the point sits so it never
    // runs off the chart. In classroom mode, read from afar in large type,
    // it goes where it hides nothing (placeNote).
    function dateNote(spot) {
      var note = {
        xref: "x", yref: "y", x: spot.x, y: spot.y, text: spot.date,
        showarrow: true, arrowhead: 2, arrowwidth: 1.5, arrowcolor: "#1a1a1a",
        bgcolor: "#ffffff", bordercolor: "#1a1a1a", borderwidth: 1, borderpad: 3,
        font: { size: current.note, color: "#1a1a1a" }
      };
      if (options.classroom) {
        var place = placeNote(spot);
        note.xanchor = "center";
        note.yanchor = "middle";
        note.ax = place.dx;
        note.ay = place.dy;
        note.standoff = place.standoff;
        note.over = place.over;
        return note;
      }
      var at = along(Date.parse(spot.x));
      note.xanchor = at < 0.3 ? "left" : at > 0.7 ? "right" : "center";
      note.ax = 0;
      note.ay = spot.y > topLane / 2 ? 36 : -36;
      return note;
    }

    // Where the classroom's date label goes, as its centre's offset from the
    // point (plotly's ax, ay, in pixels): of the places above, below and
    // beside the point where its box stays inside the plot (so off the
    // years, the lane labels and the era label around it), the nearest that
    // covers no other mark and whose arrow crosses none. On a chart too small
    // or crowded for that, the band above the plot, where the era label
    // gives way (over: true): the arrow may then cross a mark, a thin line
    // over it that hides nothing. Failing that, the place covering least.
    function placeNote(spot) {
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
  }

  // plotly.js's words in the page's language, from the page's
  // #timeline-words (the English plotly.js writes -> the page's), or null.
  function plotlyWords() {
    var holder = document.getElementById("timeline-words");
    if (!holder) { return null; }
    try {
      var words = JSON.parse(holder.textContent);
      return words && words.name && words.dictionary ? words : null;
    } catch (e) {
      return null;
    }
  }

  /* ------------------------------------------------------ language switch */

  // The switch goes to the same page in the other language; keep the event
  // the reader is looking at (hash, ?event=), but not ?lang=, which would
  // send the reader straight back.
  function keepPlaceOnLanguageSwitch() {
    var links = document.querySelectorAll(".lang-switch a");
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function () {
        var base = link.getAttribute("href").split(/[?#]/)[0];
        var search = location.search.replace(/^\?/, "").split("&").filter(function (part) {
          return part && part.indexOf("lang=") !== 0;
        }).join("&");
        link.setAttribute("href", base + (search ? "?" + search : "") + location.hash);
      });
    });
  }

  /* ----------------------------------------------------------- index page */

  function startIndex() {
    var chart = null;

    function mark(id) {
      var current = document.querySelectorAll(".event.is-current");
      for (var i = 0; i < current.length; i++) { current[i].classList.remove("is-current"); }
      var target = document.getElementById(id);
      if (target && target.classList.contains("event")) { target.classList.add("is-current"); }
      highlightStatic(id);
      if (chart) { chart.highlight(chart.has(id) ? id : null); }
      return target;
    }

    function goTo(id) {
      var target = document.getElementById(id);
      if (!target) { return; }
      setHash(id);
      mark(id);
      target.scrollIntoView({ behavior: reducedMotion() ? "auto" : "smooth", block: "center" });
      target.focus({ preventScroll: true });
    }

    onStaticMark(goTo);
    if (hashId()) { highlightStatic(hashId()); }
    withChart(function (made) {
      chart = made;
      if (!chart) { return; }
      chart.onClick(goTo);
      if (chart.has(hashId())) { mark(hashId()); }
    });
    window.addEventListener("hashchange", function () { mark(hashId()); });
    // Classroom mode opens at the event the reader is on.
    var present = document.getElementById("nav-present");
    if (present) {
      present.addEventListener("click", function () {
        var id = hashId();
        var item = id && document.getElementById(id);
        if (item && item.classList.contains("event")) {
          present.setAttribute("href", present.getAttribute("href").split("#")[0] + "#" + id);
        }
      });
    }
    startEmbedCode();
    startPrinting();
  }

  // The iframe code: absolute address when the page is served over http(s),
  // and a copy button (the textarea works without it).
  function startEmbedCode() {
    var code = document.getElementById("embed-code");
    var button = document.getElementById("copy-embed");
    var status = document.getElementById("copy-status");
    if (!code) { return; }
    if (/^https?:$/.test(location.protocol)) {
      var absolute = new URL("embed.html", location.href).href;
      code.value = code.value.replace('src="embed.html"', 'src="' + absolute + '"');
      var note = document.getElementById("embed-note");
      if (note) { note.hidden = true; code.removeAttribute("aria-describedby"); }
    }
    code.addEventListener("focus", function () { code.select(); });
    if (!button) { return; }
    button.hidden = false;
    function said(ok) {
      status.textContent = button.getAttribute(ok ? "data-copied" : "data-failed");
    }
    button.addEventListener("click", function () {
      code.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code.value).then(function () { said(true); }, function () {
          said(document.execCommand && document.execCommand("copy"));
        });
      } else {
        said(document.execCommand && document.execCommand("copy"));
      }
    });
  }

  // Sources are folded away on screen; a printed handout shows them all.
  function startPrinting() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
        return !d.open;
      });
      opened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  /* ----------------------------------------------------------- embed page */

  function startEmbed() {
    var chart = null;
    var caption = document.getElementById("embed-caption");
    var full = document.getElementById("embed-full");
    var fullBase = full ? full.getAttribute("href") : "";

    function show(id) {
      var item = document.getElementById(id);
      if (!item || !caption) { return; }
      var when = item.querySelector("time");
      var title = item.querySelector(".embed-item-title");
      caption.textContent = "";
      var date = document.createElement("strong");
      date.textContent = when ? when.textContent : "";
      caption.appendChild(date);
      caption.appendChild(document.createTextNode(" " + (title ? title.textContent : "")));
      caption.setAttribute("data-event", id);
      if (full) { full.setAttribute("href", fullBase + "#" + id); }
      highlightStatic(id);
      if (chart) { chart.highlight(id); }
    }

    // A point clicked: say what it is, and keep it in the address.
    function picked(id) {
      show(id);
      if (window.history && history.replaceState) {
        var search = location.search.replace(/^\?/, "").split("&").filter(function (part) {
          return part && part.indexOf("event=") !== 0;
        });
        search.push("event=" + encodeURIComponent(id));
        history.replaceState(null, "", "?" + search.join("&") + location.hash);
      }
    }

    onStaticMark(picked);
    withChart(function (made) {
      chart = made;
      if (!chart) { return; }
      var shown = caption && caption.getAttribute("data-event");
      if (shown) { chart.highlight(shown); }
      chart.onClick(picked);
    });
    var asked = param("event") || hashId();
    if (asked && document.getElementById(asked)) { show(asked); }
  }

  /* --------------------------------------------------------- present page */

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

  // Loaded async (the index), this file may run after the page is parsed,
  // when DOMContentLoaded has come and gone.
  function whenParsed(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  whenParsed(function () {
    // The page's own deferred plotly.js has run by DOMContentLoaded; if it
    // is not there yet, the load event says it came or failed.
    if (!plotlySrc) {
      if (window.Plotly) { makeChart(); } else { window.addEventListener("load", makeChart); }
    }
    keepPlaceOnLanguageSwitch();
    if (pageName === "embed") {
      startEmbed();
    } else if (pageName === "present") {
      startPresent();
    } else {
      startIndex();
    }
  });
})();
