/* Runs inside a widget page under /embed/, in a frame on another website.
 *
 * - Reads the options embed.js put after "#": host (the host page's origin),
 *   accent (a hex colour) and title=hide. Anything else is ignored.
 * - Measures the page with ResizeObserver and posts its height, rounded up,
 *   so the frame never needs a scrollbar. The height is only a number, so it
 *   may go to any parent ("*"): that is what makes the plain iframe safe too.
 * - Passes on the widget's own events (nextsteps:progress, nextsteps:copied)
 *   as counts and ids only, and only to the host origin it was given.
 *
 * It listens to no messages, so a page framing it cannot drive it.
 */
(function () {
  "use strict";

  var HEX = /^#[0-9a-fA-F]{6}$/;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var root = document.documentElement;
  var options = new URLSearchParams(location.hash.slice(1));
  var parentWindow = window.parent !== window ? window.parent : null;

  function validOrigin(value) {
    try {
      var url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value ? value : null;
    } catch (err) {
      return null;
    }
  }

  var host = validOrigin(options.get("host") || "");

  function post(message, anyParent) {
    if (!parentWindow) return;
    message.source = "nextsteps";
    if (host) parentWindow.postMessage(message, host);
    else if (anyParent) parentWindow.postMessage(message, "*");
  }

  /* The same rule as nextsteps.brand.colour: black or white text, whichever
     has the higher WCAG contrast on the colour (black wins a tie). */
  function luminance(hex) {
    var lin = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }

  function readableOn(hex) {
    var l = luminance(hex);
    var onBlack = (l + 0.05) / 0.05;
    var onWhite = 1.05 / (l + 0.05);
    return onBlack >= onWhite ? "#000000" : "#ffffff";
  }

  var accent = options.get("accent");
  if (accent && HEX.test(accent)) {
    root.style.setProperty("--ns-accent", accent);
    root.style.setProperty("--ns-on-accent", readableOn(accent));
  }
  if (options.get("title") === "hide") root.classList.add("ns-embed--no-title");

  var lastHeight = 0;
  function measure() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      post({ type: "height", height: height }, true);
    }
  }

  function isCount(n) {
    return typeof n === "number" && n >= 0 && n <= 100000 && Math.floor(n) === n;
  }

  document.addEventListener("nextsteps:progress", function (event) {
    var d = event.detail || {};
    if (isCount(d.done) && isCount(d.total) && d.done <= d.total) {
      post({ type: "progress", done: d.done, total: d.total });
    }
  });

  document.addEventListener("nextsteps:copied", function (event) {
    var letter = event.detail && event.detail.letter;
    if (typeof letter === "string" && ID.test(letter)) post({ type: "copied", letter: letter });
  });

  post({ type: "ready", widget: root.getAttribute("data-nextsteps-widget") || "", title: document.title });

  if (window.ResizeObserver) {
    new ResizeObserver(measure).observe(root);
  } else {
    window.addEventListener("resize", measure);
  }
  window.addEventListener("load", measure);
  measure();
})();
