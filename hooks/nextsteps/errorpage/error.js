// The preview server reloads its own pages when a build finishes, but not
// the "not found" page shown for addresses that only exist once the site is
// built (the checklist, the letters). This asks again every second instead.
(function () {
  "use strict";
  if (!document.body.hasAttribute("data-ns-missing")) return;
  var timer = setInterval(function () {
    fetch(location.href, { cache: "no-store" }).then(function (response) {
      if (response.ok) {
        clearInterval(timer);
        location.reload();
      }
    }, function () {});
  }, 1000);
})();
