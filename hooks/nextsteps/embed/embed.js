/* Next Steps embed loader (README). */
// Pasted into other people's pages, so kept small by hand: at most 2 KB gzipped
// (tests/test_embed.py). The build fills in the slots below and publishes it
// without indentation, blank lines or whole-line comments like these.
// Markup on the host page can shadow document.*: use Document.prototype.
(function () {
  "use strict";
  var D = Document.prototype, doc = document, frames = [];
  function attr(el, name) { return el.getAttribute("data-" + name); }
  function state(el, value) { el.setAttribute("data-nextsteps-state", value); }
  function make(tag) { return D.createElement.call(doc, tag); }
  function on(target, type, fn) { EventTarget.prototype.addEventListener.call(target, type, fn); }
  var me = Object.getOwnPropertyDescriptor(D, "currentScript").get.call(doc);
  if (!(me instanceof HTMLScriptElement && /\/embed\.js([?#].*)?$/.test(me.src))) return;
  var base = new URL(".", me.src);
  var STAGES = [/*journeys*/];
  // Each kind: [its frame's height, its frame's address, its full page's address,
  // and the two addresses for a stage's checklist]; "{}" stands for the stage or letter.
  var KINDS = {/*kinds*/};
  var WORDS = {/*words*/};
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  function say(el, text, value) {
    var p = make("p");
    p.className = "nextsteps-notice";
    p.textContent = text;
    el.prepend(p);
    state(el, value);
    console.warn("Next Steps: " + text);
  }

  function mount(el) {
    if (el.hasAttribute("data-nextsteps-state")) return;
    var kind = attr(el, "nextsteps-embed"), stage = attr(el, "stage"), letter = attr(el, "letter"), accent = attr(el, "accent"), hide = attr(el, "hide-title");
    var k = KINDS[kind], bad = !(k instanceof Array) ? "nextsteps-embed" : kind == "checklist" && stage != null && STAGES.indexOf(stage) < 0 ? "stage" : kind == "letter" && !ID.test(letter || "") ? "letter" : "";
    if (bad) return say(el, WORDS.invalid.replace("{attribute}", "data-" + bad), "invalid");
    for (var a of el.attributes) if (/^data-(?!(nextsteps-embed|stage|letter|accent|hide-title)$)/.test(a.name)) console.warn("Next Steps: Unknown " + a.name + ", ignored.");
    var hash = new URLSearchParams(), frame = make("iframe"), box = make("div");
    if (/^https?:$/.test(location.protocol)) hash.set("host", location.origin);
    if (accent) hash.set("accent", accent.slice(0, 20));
    if (hide !== null && hide !== "false") hash.set("title", "hide");
    frame.title = el.textContent.trim().slice(0, 200) || WORDS.frame_title;
    frame.loading = "lazy";
    frame.referrerPolicy = "no-referrer";
    if (kind == "letter") frame.allow = "clipboard-write";
    frame.className = "nextsteps-frame";
    frame.style.cssText = "display:block;width:100%;border:0;height:" + k[0] + "px";
    function at(i) { return new URL(k[stage && k[3] ? i + 2 : i].replace("{}", kind == "letter" ? letter : stage), base).href; }
    frame.src = at(1) + "#" + hash;
    box.hidden = true;
    box.append.apply(box, el.childNodes);
    el.append(frame, box);
    state(el, "loading");
    var entry = { el: el, frame: frame, kind: kind, box: box, page: at(2) };
    frames.push(entry);
    on(frame, "load", function () { setTimeout(fail, 3000, entry); });
    new IntersectionObserver(function (e) { if (e[0].isIntersecting && !entry.seen) entry.seen = setTimeout(fail, 10000, entry); }).observe(frame);
  }

  function fail(entry) {
    if (entry.ready || !entry.frame.isConnected) return;
    entry.frame.remove();
    entry.box.hidden = false;
    if (!entry.box.querySelector("a[href]")) entry.box.append(Object.assign(make("a"), { href: entry.page, textContent: entry.frame.title }));
    say(entry.el, WORDS.failed, "failed");
    fire(entry, "failed", { widget: entry.kind });
  }

  function fire(entry, name, detail) {
    entry.el.dispatchEvent(new CustomEvent("nextsteps:" + name, { bubbles: true, detail: detail }));
  }

  function count(n) {
    return Number.isInteger(n) && n >= 0 && n <= 1e5;
  }

  on(window, "message", function (event) {
    var d = event.data, entry = frames.find(function (f) { return f.frame.contentWindow === event.source; });
    if (event.origin !== base.origin || !entry || !entry.frame.isConnected || !d || d.source !== "nextsteps") return;
    if (d.type == "height" && count(d.height) && d.height) entry.frame.style.height = d.height + "px";
    if (d.type == "ready") {
      entry.ready = true;
      state(entry.el, "ready");
      if (typeof d.title == "string" && d.title) entry.frame.title = d.title.slice(0, 200);
      fire(entry, "ready", { widget: entry.kind });
    }
    if (d.type == "progress" && count(d.done) && count(d.total) && d.done <= d.total) fire(entry, "progress", { done: d.done, total: d.total });
    if (d.type == "copied" && typeof d.letter == "string" && ID.test(d.letter)) fire(entry, "copied", { letter: d.letter });
  });

  function scan() {
    D.querySelectorAll.call(doc, "[data-nextsteps-embed]").forEach(mount);
  }

  scan();
  new MutationObserver(scan).observe(doc, { childList: true, subtree: true });
})();
