/* Draw the timeline from the figure embedded in the page, and tie the chart to
   the list: clicking a point goes to its event. No inline script is needed,
   so the page runs under a strict Content-Security-Policy. */
(function () {
  "use strict";

  var holder = document.getElementById("timeline-figure");
  var chart = document.getElementById("timeline-chart");
  if (!holder || !chart) { return; }
  if (!window.Plotly) {
    chart.setAttribute("data-state", "unavailable");
    return;
  }

  function goTo(id) {
    var target = document.getElementById(id);
    if (!target) { return; }
    if (window.history && history.replaceState) {
      history.replaceState(null, "", "#" + id);
    } else {
      location.hash = "#" + id;
    }
    var current = document.querySelectorAll(".event.is-current");
    for (var i = 0; i < current.length; i++) { current[i].classList.remove("is-current"); }
    target.classList.add("is-current");
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    target.focus({ preventScroll: true });
  }

  var figure = JSON.parse(holder.textContent);
  Plotly.newPlot(chart, figure.data, figure.layout, figure.config).then(function () {
    chart.setAttribute("data-state", "ready");
    chart.dispatchEvent(new CustomEvent("timeline:ready", { bubbles: true }));
  });
  chart.on("plotly_click", function (event) {
    var point = event && event.points && event.points[0];
    if (point && point.customdata) { goTo(point.customdata[0]); }
  });
})();
