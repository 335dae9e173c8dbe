/* Puts back the light or dark scheme a visitor chose on an earlier page,
   before the page is painted, so it does not flash. It runs right after the
   scheme switch in the header, the place where the theme's own inline script
   used to be. */
(function () {
  "use strict";
  var saved;
  try {
    saved = window.__md_get("__palette");
  } catch (err) {
    return;
  }
  if (!saved || !saved.color) return;
  var color = saved.color;
  if (color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(light
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    if (input) {
      color.media = input.getAttribute("data-md-color-media");
      color.scheme = input.getAttribute("data-md-color-scheme");
      color.primary = input.getAttribute("data-md-color-primary");
      color.accent = input.getAttribute("data-md-color-accent");
    }
  }
  Object.keys(color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, color[key]);
  });
})();
