/* Next Steps embed loader: turns each [data-nextsteps-embed] element into a
 * frame that fits its content and fires nextsteps:ready, :progress and
 * :copied on the element. Reads allowlisted options only; accepts messages
 * only from its own frames, on this script's origin. No dependencies. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !me.src) return;
  var base = new URL(".", me.src);
  var siteOrigin = base.origin;
  var HEIGHTS = { guide: 900, checklist: 1800, letter: 2000 }; // reserved until the widget reports
  var STAGES = ["application", "interview", "final"];
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var HEX = /^#[0-9a-fA-F]{6}$/;
  var frames = [];

  function own(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  function pathFor(el, kind) {
    if (kind === "guide") return "embed/guide/";
    if (kind === "checklist") {
      var stage = el.getAttribute("data-stage");
      return "embed/checklist/" + (STAGES.indexOf(stage) >= 0 ? stage + "/" : "");
    }
    var letter = el.getAttribute("data-letter") || "";
    return ID.test(letter) ? "embed/letters/" + letter + "/" : null;
  }

  function mount(el) {
    if (el.hasAttribute("data-nextsteps-state")) return;
    var kind = el.getAttribute("data-nextsteps-embed");
    var path = own(HEIGHTS, kind) && pathFor(el, kind);
    el.setAttribute("data-nextsteps-state", path ? "loading" : "ignored");
    if (!path) return;
    var hash = new URLSearchParams();
    if (/^https?:$/.test(location.protocol)) hash.set("host", location.origin);
    var accent = el.getAttribute("data-accent");
    if (accent && HEX.test(accent)) hash.set("accent", accent);
    var hide = el.getAttribute("data-hide-title");
    if (hide !== null && hide !== "false") hash.set("title", "hide");

    var frame = document.createElement("iframe");
    frame.title = (el.textContent || "").trim().slice(0, 200) || "Next Steps";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("referrerpolicy", "no-referrer");
    if (kind === "letter") frame.setAttribute("allow", "clipboard-write");
    frame.style.cssText = "display:block;width:100%;border:0;height:" + HEIGHTS[kind] + "px";
    frame.src = new URL(path, base).href + "#" + hash;
    el.textContent = "";
    el.appendChild(frame);
    frames.push({ el: el, frame: frame, kind: kind });
  }

  function fire(entry, name, detail) {
    entry.el.dispatchEvent(new CustomEvent("nextsteps:" + name, { bubbles: true, detail: detail }));
  }

  function isCount(n) {
    return typeof n === "number" && n >= 0 && n <= 100000 && Math.floor(n) === n;
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== siteOrigin) return;
    var d = event.data;
    if (!d || typeof d !== "object" || d.source !== "nextsteps") return;
    var entry = frames.filter(function (f) { return f.frame.contentWindow === event.source; })[0];
    if (!entry) return;
    if (d.type === "height") {
      if (typeof d.height === "number" && d.height > 0 && d.height < 100000) {
        entry.frame.style.height = Math.ceil(d.height) + "px";
        entry.el.setAttribute("data-nextsteps-state", "ready");
      }
    } else if (d.type === "ready") {
      if (typeof d.title === "string" && d.title) entry.frame.title = d.title.slice(0, 200);
      fire(entry, "ready", { widget: entry.kind });
    } else if (d.type === "progress") {
      if (isCount(d.done) && isCount(d.total) && d.done <= d.total) fire(entry, "progress", { done: d.done, total: d.total });
    } else if (d.type === "copied") {
      if (typeof d.letter === "string" && ID.test(d.letter)) fire(entry, "copied", { letter: d.letter });
    }
  });

  function scan() {
    var found = document.querySelectorAll("[data-nextsteps-embed]");
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  scan();
  document.addEventListener("DOMContentLoaded", scan);
  /* Pages that add the element later (single-page apps) are picked up too. */
  if (window.MutationObserver) new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
})();
