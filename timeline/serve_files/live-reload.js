/* timeline serve: reload the page when the site has been built again.
   Added by `timeline serve` to the pages it serves (never to `timeline build`'s
   output). An external script, so the site's Content-Security-Policy
   (script-src 'self'; connect-src 'self') allows it as it allows timeline.js.
   It asks the server which build it is serving, twice a second; when that is
   not the build this page came from (the files changed, or a bad input was
   fixed, or broken), the page loads again and shows the new site or the
   error. */
(function () {
  "use strict";
  var script = document.currentScript;
  var mine = script ? script.getAttribute("data-generation") : null;
  var stateUrl = script ? script.getAttribute("data-state") : "/__timeline__/state";
  var waiting = false;
  function check() {
    if (waiting) { return; }
    waiting = true;
    fetch(stateUrl, { cache: "no-store" }).then(function (response) {
      return response.json();
    }).then(function (state) {
      waiting = false;
      if (String(state.generation) !== mine) { location.reload(); }
    }, function () {
      // The server is stopped or restarting: keep asking, quietly.
      waiting = false;
    });
  }
  setInterval(check, 500);
})();
