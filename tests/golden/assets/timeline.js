/* timeline: the behaviour of every page (index, embed, present), from one file.
   No inline script is needed, so the pages run under a strict
   Content-Security-Policy (script-src 'self'). The file is loaded without
   `defer` so it can mark the page as scripted before the first paint; all the
   rest waits for DOMContentLoaded, which comes after plotly.js (deferred). */
(function () {
  "use strict";

  var root = document.documentElement;
  var pageName = root.getAttribute("data-page") || "index";
  root.classList.add("js");

  function param(name) {
    var match = new RegExp("[?&]" + name + "=([^&#]*)").exec(location.search);
    if (!match) { return null; }
    try { return decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { return null; }
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

  /* ---------------------------------------------------------------- chart */

  // Draw the figure embedded in the page. Returns an object to highlight an
  // event on the chart, or null when there is no chart or no plotly.js.
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
    var eraCount = (layout.annotations || []).length;
    var topMargin = layout.margin.t;
    var range = layout.xaxis.range.map(function (d) { return Date.parse(d); });

    figure.data.forEach(function (trace, t) {
      if (trace.mode !== "markers") { return; }
      markerTraces.push(t);
      // How a highlighted point and the others look once one is selected.
      trace.selected = { marker: { size: trace.marker.size + 9, opacity: 1 } };
      trace.unselected = { marker: { opacity: 0.4 } };
      (trace.customdata || []).forEach(function (d, i) {
        where[d[0]] = { trace: t, index: i, x: trace.x[i], y: trace.y[i], date: d[2] };
        topLane = Math.max(topLane, trace.y[i]);
      });
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
    if (options.fontSize) {
      layout.font.size = options.fontSize;
      layout.legend.font = { size: options.fontSize - 2 };
    }

    function fitWidth() {
      // On a narrow screen the era labels run into each other; the era bands
      // stay, and the list of eras on the index page names them.
      var narrow = div.clientWidth < 560;
      var update = {};
      for (var i = 0; i < eraCount; i++) { update["annotations[" + i + "].visible"] = !narrow; }
      update["yaxis.tickfont.size"] = narrow ? 10 : 12;
      update["margin.t"] = narrow ? 16 : topMargin;
      update["legend.font.size"] = narrow ? 10 : (options.fontSize ? options.fontSize - 2 : 12);
      if (options.fill) { update.showlegend = !narrow || !options.fontSize; }
      return update;
    }

    var ready = Plotly.newPlot(div, figure.data, layout, config).then(function () {
      var update = fitWidth();
      return Plotly.relayout(div, update);
    }).then(function () {
      // The drawing itself is hidden from assistive technology: the caption
      // names the chart and the list of events says what it shows.
      Array.prototype.forEach.call(div.querySelectorAll("svg.main-svg"), function (svg) {
        svg.setAttribute("aria-hidden", "true");
      });
      div.setAttribute("data-state", "ready");
      div.dispatchEvent(new CustomEvent("timeline:ready", { bubbles: true }));
    });

    var lastWidth = 0;
    window.addEventListener("resize", function () {
      if (div.clientWidth === lastWidth) { return; }
      lastWidth = div.clientWidth;
      ready = ready.then(function () { return Plotly.relayout(div, fitWidth()); });
    });

    return {
      div: div,
      has: function (id) { return Object.prototype.hasOwnProperty.call(where, id); },
      ready: function () { return ready; },
      onClick: function (handler) {
        div.on("plotly_click", function (event) {
          var point = event && event.points && event.points[0];
          if (point && point.customdata) { handler(point.customdata[0]); }
        });
      },
      // Enlarge one event's point, dim the others and label it with its date;
      // highlight(null) puts every point back.
      highlight: function (id) {
        var spot = id && this.has(id) ? where[id] : null;
        ready = ready.then(function () {
          var selected = markerTraces.map(function (t) {
            if (!spot) { return null; }
            return t === spot.trace ? [spot.index] : [];
          });
          // Anchor the label's side by where the point sits, so it never
          // runs off the edge of the chart.
          var along = spot ? (Date.parse(spot.x) - range[0]) / (range[1] - range[0]) : 0;
          var note = spot ? {
            xref: "x", yref: "y", x: spot.x, y: spot.y, text: spot.date,
            xanchor: along < 0.3 ? "left" : along > 0.7 ? "right" : "center",
            showarrow: true, arrowhead: 2, arrowwidth: 1.5, arrowcolor: "#1a1a1a",
            ax: 0, ay: spot.y > topLane / 2 ? 36 : -36,
            bgcolor: "#ffffff", bordercolor: "#1a1a1a", borderwidth: 1, borderpad: 3,
            font: { size: (options.fontSize || 12) + 1, color: "#1a1a1a" }
          } : null;
          div.setAttribute("data-highlight", spot ? id : "");
          return Plotly.restyle(div, { selectedpoints: selected }, markerTraces).then(function () {
            var update = {};
            update["annotations[" + eraCount + "]"] = note;
            return Plotly.relayout(div, update);
          });
        });
        return ready;
      }
    };
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
    var chart = Chart({});

    function mark(id) {
      var current = document.querySelectorAll(".event.is-current");
      for (var i = 0; i < current.length; i++) { current[i].classList.remove("is-current"); }
      var target = document.getElementById(id);
      if (target && target.classList.contains("event")) { target.classList.add("is-current"); }
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

    if (chart) {
      chart.onClick(goTo);
      if (chart.has(hashId())) { mark(hashId()); }
    }
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
    var chart = Chart({ fill: true });
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
      if (chart) { chart.highlight(id); }
    }

    if (chart) {
      chart.onClick(function (id) {
        show(id);
        if (window.history && history.replaceState) {
          var search = location.search.replace(/^\?/, "").split("&").filter(function (part) {
            return part && part.indexOf("event=") !== 0;
          });
          search.push("event=" + encodeURIComponent(id));
          history.replaceState(null, "", "?" + search.join("&") + location.hash);
        }
      });
    }
    var asked = param("event") || hashId();
    if (asked && document.getElementById(asked)) { show(asked); }
  }

  /* --------------------------------------------------------- present page */

  function startPresent() {
    var steps = Array.prototype.slice.call(document.querySelectorAll(".step"));
    if (!steps.length) { return; }
    var controls = document.getElementById("present-controls");
    var count = document.getElementById("present-count");
    var bar = document.getElementById("present-bar");
    var status = document.getElementById("present-status");
    var exit = document.getElementById("present-exit");
    var exitBase = exit ? exit.getAttribute("href") : "";
    var stage = document.getElementById("present-stage");
    var template = status ? status.getAttribute("data-template") : "{n} / {total}";
    var chart = Chart({ fill: true, fontSize: 14 });
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
      status.textContent = template.replace("{n}", n).replace("{total}", steps.length) + ": " +
        (date ? date.textContent.trim() + ", " : "") + (title ? title.textContent.trim() : "");
      setHash(step.id);
      if (exit) { exit.setAttribute("href", exitBase + "#" + step.id); }
      if (stage) { stage.scrollTop = 0; fit(step); }
      if (chart) { chart.highlight(step.id); }
    }

    // Shrink a long event's type (down to three quarters) until it fits the
    // stage, so the whole event shows on the projector without scrolling.
    function fit(step) {
      var scale = 1;
      step.style.setProperty("--fit", "1");
      while (stage.scrollHeight > stage.clientHeight + 1 && scale > 0.76) {
        scale -= 0.05;
        step.style.setProperty("--fit", String(scale));
      }
    }
    window.addEventListener("resize", function () {
      if (current >= 0 && stage) { fit(steps[current]); }
    });

    function next() { show(current + 1); }
    function prev() { show(current - 1); }

    document.getElementById("present-next").addEventListener("click", next);
    document.getElementById("present-prev").addEventListener("click", prev);

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
      var onControl = /^(A|BUTTON|INPUT|TEXTAREA|SELECT|SUMMARY)$/.test(event.target.tagName);
      switch (event.key) {
        case "ArrowRight": case "ArrowDown": case "PageDown": next(); break;
        case "ArrowLeft": case "ArrowUp": case "PageUp": prev(); break;
        case "Home": show(0); break;
        case "End": show(steps.length - 1); break;
        case " ": case "Spacebar":
          if (onControl) { return; }   // space presses the focused button
          if (event.shiftKey) { prev(); } else { next(); }
          break;
        default: return;
      }
      event.preventDefault();
    });

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

    if (chart) {
      chart.onClick(function (id) {
        var i = indexOf(id);
        if (i >= 0) { show(i); }
      });
    }

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
  }

  document.addEventListener("DOMContentLoaded", function () {
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
