/* If the address points at a content tab (#__tabbed_...), open that tab.
   Replaces the theme's inline script of the same purpose. */
(function () {
  "use strict";
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
