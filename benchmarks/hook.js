// Init script of every benchmarked page load (browser.py): it runs before
// any script of the page, from navigation start, and writes what it sees
// into window.__bench on the page's own clock (performance.now()).
(function () {
  var B = window.__bench = {afterplot: null, tlready: null, tljs: null, text: null,
                            stateReady: null, markFrame: null, markRendered: null, markPoint: null,
                            touched: null, errors: []};
  // plotly.js gives every graph div its own emit(); wrap it as it is assigned.
  Object.defineProperty(HTMLElement.prototype, 'emit', {
    configurable: true,
    get: function () { return undefined; },
    set: function (fn) {
      Object.defineProperty(this, 'emit', {configurable: true, writable: true, enumerable: true,
        value: function (name) {
          if (name === 'plotly_afterplot' && B.afterplot === null) {
            B.afterplot = performance.now();
          }
          return fn.apply(this, arguments);
        }});
    }
  });
  document.addEventListener('timeline:ready', function () {
    if (B.tlready === null) { B.tlready = performance.now(); }
  }, true);
  window.addEventListener('error', function (e) { B.errors.push(String(e.message)); });

  // The interactive chart's own signal, data-state="ready" on #timeline-chart:
  // a mutation observer's callback runs as a microtask right after the
  // attribute is set, so this is the moment the page declares it.
  new MutationObserver(function () {
    var gd = document.getElementById('timeline-chart');
    if (B.stateReady === null && gd && gd.getAttribute('data-state') === 'ready') {
      B.stateReady = performance.now();
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-state']});

  // The reader's first touch of the chart: what embed.html waits for before
  // it fetches plotly.js. Capture phase, so no handler of the page hides it.
  // An input event's timeStamp is when the browser received the input, on
  // this clock: a busy main thread dispatches it late, and the reader has
  // been waiting since the timeStamp, not since the dispatch.
  ['pointerover', 'focusin', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function (e) {
      if (B.touched === null && e.target.closest && e.target.closest('figure.chart')) {
        B.touched = e.timeStamp > 0 ? e.timeStamp : performance.now();
      }
    }, {capture: true, passive: true});
  });

  var SEL = '.events .event, #embed-caption, .tl-slide-content, .js-plotly-plot';
  function poll() {
    if (B.text !== null) { return; }
    var el = document.querySelector(SEL);
    if (el && el.getBoundingClientRect().height > 0) { B.text = performance.now(); return; }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);

  // The static chart (issue 14): the first animation frame in which a mark
  // of .chart-static svg has a box and is not hidden. rAF callbacks run at
  // the start of a frame's rendering, before its style, layout and paint:
  // markFrame is when that frame began. A message posted from there is
  // handled once the frame's rendering task is over: markRendered. How the
  // two and FCP make 'chart visible' is in browser.py (chart_visible).
  var marks = document.getElementsByClassName('chart-mark');
  function shown(el) {
    if (!el.closest('.chart-static svg')) { return false; }
    var box = el.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0)) { return false; }
    if (getComputedStyle(el).visibility !== 'visible') { return false; }
    for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (getComputedStyle(e).opacity === '0') { return false; }
    }
    return true;
  }
  function pollMarks() {
    // Stop once plotly has drawn (a page without a static chart has nothing
    // to find) or after a minute, so the poll costs nothing later.
    if (B.markFrame !== null || B.afterplot !== null || performance.now() > 60000) { return; }
    // The first few marks are enough: one shown is the chart shown, and a
    // 5,000-item chart must not cost 5,000 style reads a frame.
    for (var i = 0; i < marks.length && i < 20; i++) {
      if (shown(marks[i])) {
        B.markFrame = performance.now();
        // Where a reader would point at the chart, read now, so that
        // browser.py can hover it without asking a busy page for its layout.
        var fig = marks[i].closest('.chart-box');
        var fbox = fig ? fig.getBoundingClientRect() : null;
        B.markPoint = fbox && fbox.top >= 0 && fbox.top + 10 < innerHeight
          ? {x: fbox.left + fbox.width / 2,
             y: Math.min(fbox.top + fbox.height / 2, innerHeight - 10)}
          : null;
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { B.markRendered = performance.now(); };
        channel.port2.postMessage(null);
        return;
      }
    }
    requestAnimationFrame(pollMarks);
  }
  requestAnimationFrame(pollMarks);
})();
