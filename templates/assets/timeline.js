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

  // Classroom mode's own code is in present.js, which present.html loads
  // right after this file (before the first paint too): what it needs from
  // here is in `shared`, and it puts its part in shared.classroom.
  var shared = window.timelinePage = {
    root: root, withChart: withChart, onStaticMark: onStaticMark, highlightStatic: highlightStatic,
    setHash: setHash, hashId: hashId, reducedMotion: reducedMotion, classroom: null
  };

  // embed.html?lang=fr on the root page: one iframe address serves every
  // language, so go to the sibling page in the language asked for, keeping
  // ?event= and the hash.
  if (pageName === "embed") {
    var wanted = (param("lang") || "").toLowerCase().slice(0, 2);
    // Only a language code goes into the selector below: ?lang=%22 made an
    // invalid one, and the exception stopped the whole script.
    if (/^[a-z]{2}$/.test(wanted) && wanted !== root.lang) {
      var alternate = document.querySelector('link[rel="alternate"][hreflang="' + wanted + '"]');
      if (alternate) {
        location.replace(alternate.href + location.search + location.hash);
        return;
      }
    }
  }

  // A screen touched rather than pointed at (a phone, a tablet).
  function touchFirst() {
    return !!(window.matchMedia && window.matchMedia("(hover: none) and (pointer: coarse)").matches);
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
      pageName === "present" ? { fill: true, classroom: !!shared.classroom } : {});
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
      // From a CDN, run only the very file whose digest the build pinned.
      var integrity = boot.getAttribute("data-plotly-integrity");
      if (integrity) { script.integrity = integrity; }
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

    // Lane labels are a text trace drawn under the marks (chart.py).
    var laneTrace = null;
    figure.data.forEach(function (trace, t) {
      if (trace.meta === "lanes") { laneTrace = trace; }
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
    // The chart fills its box, which CSS sizes (the picture's box: the
    // lanes' height, less the era labels' room where they do not show).
    delete layout.height;
    layout.autosize = true;
    if (options.fill || touchFirst()) {
      // Embed and present have no pan or zoom, and on a touch screen
      // nothing is dragged: a finger on the chart scrolls the page (or, in
      // classroom mode, moves between events). The index keeps its zoom
      // buttons there; the x range stays within the timeline's years.
      layout.dragmode = false;
    }
    if (options.fill) {
      layout.xaxis.fixedrange = true;
    }
    if (options.fill || touchFirst()) {
      // No toolbar over the plot where there is nothing to zoom, or no
      // pointer to hover it away: it would sit on the top lane's marks.
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

    // Era labels are annotations named so (chart.py), before the highlighted
    // event's label; each era's band is the shape of its index.
    var eraCount = annotations.filter(function (n) { return n.name === "era"; }).length;
    var laneLabels = laneTrace ? laneTrace.text.slice() : [];
    // Classroom mode writes its lane labels left of the plot instead.
    if (laneTrace && options.classroom) { laneTrace.visible = false; }
    // The plot's top edge: below the era labels where they show, higher
    // where they do not (svg.era_fit_style does the same to the picture).
    var fullTop = layout.margin.t;
    var bareTop = figureEl ? Number(figureEl.getAttribute("data-bare-top")) : NaN;
    if (!(bareTop >= 0)) { bareTop = fullTop; }
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
    // type size (present.js, which sizes the picture too), lane labels
    // left of the plot in a margin both drawings agree on, and
    // one era label, the current event's (highlight).
    function sized() {
      var width = div.clientWidth;
      var room = options.classroom ? shared.classroom.sizes() : null;
      var eras = eraCount > 0 && width >= eraFit;
      return {
        eras: eras, narrow: width < 480, font: room ? room.font : null,
        laneFont: room ? room.laneFont : null, every: room ? room.every : 1,
        labelRoom: room ? room.labelRoom : 0,
        left: room ? room.left : layout.margin.l,
        top: room ? room.top : eras ? fullTop : bareTop,
        bottom: room ? room.bottom : layout.margin.b,
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
        if (s.font && note.name === "era") { update[key + "font.size"] = s.font; }
      });
      var t = tickUpdate(s);
      update["margin.t"] = s.top;
      update["xaxis.tickvals"] = t.vals;
      update["xaxis.ticktext"] = t.text;
      if (options.classroom) {
        update["xaxis.tickfont.size"] = s.font;
        update["yaxis.showticklabels"] = true;
        update["yaxis.ticktext"] = laneLabels.map(function (text, i) {
          if (i % s.every !== 0) { return ""; }
          // plotly reads tick text as its own markup: escaped again when cut.
          var whole = decoded(text), cut = shared.classroom.shortLabel(whole, s.laneFont, s.labelRoom);
          return cut === whole ? text : cut.replace(/&/g, "&amp;").replace(/</g, "&lt;");
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
          // Shown to assistive technology for its toolbar's buttons alone:
          // the drawing stays hidden, and the figure keeps its one name.
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
    // it goes where it hides nothing (present.js).
    function dateNote(spot) {
      var note = {
        xref: "x", yref: "y", x: spot.x, y: spot.y, text: spot.date,
        showarrow: true, arrowhead: 2, arrowwidth: 1.5, arrowcolor: "#1a1a1a",
        bgcolor: "#ffffff", bordercolor: "#1a1a1a", borderwidth: 1, borderpad: 3,
        font: { size: current.note, color: "#1a1a1a" }
      };
      if (options.classroom) {
        var place = shared.classroom.placeNote(spot, { div: div, current: current,
          layout: layout, figure: figure, markerTraces: markerTraces, along: along,
          textWidth: textWidth });
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
      // The iframe's and the sizing script's addresses, made absolute.
      code.value = code.value.replace(/src="([^":]+)"/g, function (_, relative) {
        return 'src="' + new URL(relative, location.href).href + '"';
      });
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
    reportHeight();
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

  // Tell the page that frames the embed how tall its content is: on load,
  // and whenever it changes (a narrower column wraps the key, a reader opens
  // the list, plotly.js takes over). In the messages the hosts' own scripts
  // read: timeline's (embed.js, README), pym.js's when the address carries
  // its childId, WordPress's oEmbed handshake when it carries #?secret=,
  // AMP's when amp-iframe marks it #amp=1. Nothing is stored, so it works in
  // a sandboxed iframe with an opaque origin.
  function reportHeight() {
    if (window.parent === window || !window.postMessage) { return; }
    var pymId = param("childId");
    var secret = /[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash);
    var amp = /[#&]amp=1\b/.test(location.hash);
    var sent = -1;
    var queued = false;
    function send() {
      queued = false;
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === sent || !(height > 0)) { return; }
      sent = height;
      window.parent.postMessage({ type: "timeline:height", height: height }, "*");
      if (pymId) { window.parent.postMessage(["pym", pymId, "height", height].join("xPYMx"), "*"); }
      if (secret) { window.parent.postMessage({ secret: secret[1], message: "height", value: height }, "*"); }
      if (amp) { window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: height }, "*"); }
    }
    function soon() {
      if (queued) { return; }
      queued = true;
      (window.requestAnimationFrame || setTimeout)(send);
    }
    if (window.ResizeObserver) { new ResizeObserver(soon).observe(document.body); }
    window.addEventListener("resize", soon);
    window.addEventListener("load", soon);
    document.addEventListener("toggle", soon, true);
    send();
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
      if (shared.classroom) { shared.classroom.start(); }
    } else {
      startIndex();
    }
  });
})();
