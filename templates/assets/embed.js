/* embed.js: for the page that embeds the timeline (a news article, a blog
   post). Load it beside the iframe: it sets each timeline iframe to the
   height of its content, which the embed page reports as it loads, as the
   column changes width and as a reader opens its list. It resizes only the
   iframe whose page sent the message, and does nothing else; without it
   the iframe keeps its own height and scrolls. Loaded twice (two embeds on
   one page), it listens once. */
(function () {
  "use strict";
  if (window.timelineEmbedSizer) { return; }
  window.timelineEmbedSizer = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "timeline:height" || typeof data.height !== "number") { return; }
    var height = Math.ceil(data.height);
    if (!(height > 0 && height < 100000)) { return; }
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + "px";
        return;
      }
    }
  });
})();
