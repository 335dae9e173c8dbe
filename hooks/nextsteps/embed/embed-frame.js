/* Runs inside a widget page under /embed/, shown on another website.
 *
 * It first works out how it is shown, and marks <html data-ns-frame>:
 * - "loader": embed.js made the frame and put the host page's origin after
 *   "#" (with accent and title=hide). Events go to that origin only.
 * - "wordpress": a WordPress site pasted our oEmbed frame. It adds
 *   "#?secret=..." and a sandbox (scripts only: no storage, pop-ups,
 *   downloads, print or top navigation), and obeys two messages, each with
 *   the secret: {message: "height", value} to size the frame (200 to 1000
 *   pixels) and {message: "link", value: url} to open a page of our site.
 * - "frame": any other frame, such as the plain iframe snippet;
 * - "page": not in a frame at all.
 *
 * Its height (a number only) may go to any parent, so every frame fits.
 * Where the frame blocks something, <html data-ns-blocked> names it, the
 * widget's own script hides the buttons that would silently fail, and one
 * plain note tells the reader what is lost and where the full page is.
 *
 * It listens to one message only: WordPress's {message: "ready", secret},
 * sent when its listener starts after the frame has loaded. The answer is
 * the height again; nothing else can be asked of the widget.
 */
(function () {
  "use strict";

  var HEX = /^#[0-9a-fA-F]{6}$/;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var WORDPRESS_CAP = 1000; // the tallest frame WordPress allows, in pixels
  var root = document.documentElement;
  var kind = root.getAttribute("data-nextsteps-widget") || "";
  // The page's words for this script (nextsteps.wording).
  var WORDS = {};
  try {
    WORDS = JSON.parse(root.getAttribute("data-ns-words") || "{}");
  } catch (err) {
    /* the key names stand in */
  }
  function words(key, slots) {
    return (WORDS[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return slots && Object.prototype.hasOwnProperty.call(slots, name) ? String(slots[name]) : all;
    });
  }
  // A phrase with a {link} slot, as parts for note(): text, the link, text.
  function withLink(key, href, linkKey) {
    var text = words(key).split("{link}");
    return [text[0], linkTo(href, words(linkKey)), text.slice(1).join("")];
  }
  var hash = location.hash.slice(1);
  var options = new URLSearchParams(hash.charAt(0) === "?" ? hash.slice(1) : hash);
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
  // WordPress makes a 10-character secret of letters and digits.
  var secret = /^[A-Za-z0-9]{1,64}$/.test(options.get("secret") || "") ? options.get("secret") : null;
  var mode = !parentWindow ? "page" : host ? "loader" : secret ? "wordpress" : "frame";
  root.setAttribute("data-ns-frame", mode);

  /* ------------------------------------------------ what works in here */

  function storageWorks() {
    try {
      var store = window.localStorage;
      store.setItem("nextsteps.probe", "1");
      store.removeItem("nextsteps.probe");
      return true;
    } catch (err) {
      return false; // a sandbox, or the browser's privacy settings
    }
  }

  // A sandbox without allow-same-origin gives the page an opaque origin. No
  // page can read its sandbox flags, so an opaque origin, or storage refused
  // inside a WordPress frame, counts as the strict WordPress sandbox.
  var storage = storageWorks();
  var sandboxed = window.origin === "null" || (mode === "wordpress" && !storage);
  var blocked = [];
  if (!storage) blocked.push("storage");
  if (sandboxed) blocked.push("download", "print", "email", "popups");
  if (blocked.length) root.setAttribute("data-ns-blocked", blocked.join(" "));

  /* ------------------------------------------------------- messages out */

  function post(message, anyParent) {
    if (!parentWindow) return;
    message.source = "nextsteps";
    if (host) parentWindow.postMessage(message, host);
    else if (anyParent) parentWindow.postMessage(message, "*");
  }

  function tellWordPress(message, value) {
    if (mode === "wordpress") parentWindow.postMessage({ message: message, value: value, secret: secret }, "*");
  }

  /* ------------------------------------------------------- brand colour */

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
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
  }

  var accent = options.get("accent");
  if (accent && HEX.test(accent) && 1.05 / (luminance(accent) + 0.05) >= 3) {
    root.style.setProperty("--ns-accent", accent);
    root.style.setProperty("--ns-on-accent", readableOn(accent));
  } else if (accent) {
    // The top bar would vanish on a white page: keep the site's own colour.
    console.warn("Next Steps: data-accent " + accent.slice(0, 20) + " is not used. Use a colour such as #0b6e4f, with at least 3:1 contrast against white.");
  }
  if (options.get("title") === "hide") root.classList.add("ns-embed--no-title");

  /* ------------------------------------------- inside a WordPress frame */

  function fullPageLink() {
    return document.querySelector(".ns-embed__footer a[href]");
  }

  function note(className, parts) {
    var box = document.createElement("p");
    box.className = "ns-embed__note " + className;
    parts.forEach(function (part) { box.append(part); });
    var title = document.querySelector(".ns-embed__title");
    if (title) title.after(box);
    else document.querySelector("main").prepend(box);
    return box;
  }

  function linkTo(href, text) {
    var link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    return link;
  }

  // Links leave the frame through WordPress, in the same tab: no new-tab words.
  function linksThroughWordPress() {
    document.querySelectorAll("[data-ns-new-tab]").forEach(function (part) { part.remove(); });
    document.querySelectorAll("a[target='_blank']").forEach(function (link) {
      link.removeAttribute("target");
      link.querySelectorAll(".ns-vh, .ns-checklist__hint").forEach(function (hint) {
        if (/new tab/.test(hint.textContent)) hint.remove();
      });
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link || event.defaultPrevented) return;
      var url = new URL(link.href);
      if (url.host !== location.host || !/^https?:$/.test(url.protocol)) return;
      if (url.pathname === location.pathname) return; // a place on this page
      event.preventDefault();
      tellWordPress("link", url.href);
    });
  }

  // Each group of the checklist becomes a section that opens, the first one open.
  function compactChecklist() {
    document.querySelectorAll(".ns-checklist__when").forEach(function (heading, index) {
      var list = heading.nextElementSibling;
      if (!list) return;
      var section = document.createElement("details");
      var summary = document.createElement("summary");
      section.className = "ns-embed__section";
      section.open = index === 0;
      heading.before(section);
      summary.append(heading);
      section.append(summary, list);
    });
  }

  // A letter becomes two sections, its details and the letter itself, one
  // open at a time, so each fits; a button after the details opens the letter.
  function compactLetter() {
    var form = document.querySelector(".ns-letter__form");
    var preview = document.querySelector(".ns-letter__preview");
    if (!form || !preview) return;
    var sections = [form, preview].map(function (part, index) {
      var section = document.createElement("details");
      var summary = document.createElement("summary");
      section.className = "ns-embed__section";
      section.open = index === 0;
      part.before(section);
      summary.append(part.querySelector(".ns-letter__heading"));
      section.append(summary, part);
      return section;
    });
    // Opening one closes the other. The browser does it for details that
    // share a name; the script does it where the browser cannot. A toggle
    // event arrives after the change, so it checks which section is open now.
    function openOnly(index) {
      sections[index].open = true;
      sections[1 - index].open = false;
    }
    sections.forEach(function (section, index) {
      section.setAttribute("name", "ns-letter-part");
      section.addEventListener("toggle", function () {
        if (section.open && sections[1 - index].open) openOnly(index);
      });
    });
    // The preview is out of sight now, so the form's first line says what to do.
    var intro = form.querySelector(".ns-letter__intro");
    if (intro) intro.textContent = words("letter_intro");
    var show = document.createElement("button");
    show.type = "button";
    show.className = "ns-button";
    show.setAttribute("data-ns", "show-letter");
    show.textContent = words("show", { what: sections[1].querySelector("summary").textContent.trim().toLowerCase() });
    show.addEventListener("click", function () {
      openOnly(1);
      sections[1].querySelector("summary").focus();
    });
    form.append(show);
  }

  if (mode === "wordpress") {
    root.classList.add("ns-embed--capped");
    linksThroughWordPress();
    compactChecklist();
    compactLetter();
  }

  /* One plain note when the frame blocks what the reader would expect. */
  function limitsNote() {
    var says = [];
    if (!storage && kind === "checklist") says.push(words("ticks_lost"));
    if (!storage && kind === "letter") says.push(words("typing_lost"));
    if (sandboxed && kind === "letter") says.push(words("letter_limits"));
    var full = fullPageLink();
    if (!says.length || !full) return null;
    var parts = [says.join(" ") + " "];
    if (mode === "wordpress" || !sandboxed) parts = parts.concat(withLink("full_page", full.href, "open_full"));
    else parts.push(words("full_page_at", { url: full.href })); // no link can leave this sandbox
    var box = note("ns-embed__limits", parts);
    box.setAttribute("data-ns-limits", "");
    return box;
  }
  var limits = parentWindow ? limitsNote() : null;

  // WordPress stops a frame at 1000 pixels, so a taller page scrolls inside
  // it. A line says so, in the note above when there is one: one note only.
  var more = null;
  if (mode === "wordpress" && fullPageLink()) {
    if (limits) {
      more = document.createElement("span");
      more.className = "ns-embed__more";
      more.textContent = words("scroll");
      limits.append(more);
    } else {
      more = note("ns-embed__more", withLink("scroll_or_open", fullPageLink().href, "open_full_lower"));
    }
    more.hidden = true;
  }

  /* In a frame our loader did not make, a sandbox may refuse new tabs
     without a word (no allow-popups), and no page can read its sandbox.
     So open the tab from script: if the browser refuses, say so beside the
     link and give the address to copy. */
  function sayLinkBlocked(link) {
    var next = link.nextElementSibling;
    if (next && next.hasAttribute("data-ns-link-blocked")) return;
    var line = document.createElement("span");
    line.className = "ns-embed__blocked";
    line.setAttribute("data-ns-link-blocked", "");
    line.setAttribute("role", "status");
    line.textContent = words("link_blocked", { url: link.href });
    link.after(line);
  }

  if (mode === "frame") {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[target='_blank'][href]");
      if (!link || event.defaultPrevented || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      // The new tab shows this site's own page, so it may keep its opener.
      if (!window.open(link.href, "_blank")) sayLinkBlocked(link);
    });
  }

  /* ----------------------------------------------------------- height */

  var lastHeight = 0;
  function measure() {
    if (more) {
      // The note shows only while the page is taller than WordPress allows.
      var without = root.getBoundingClientRect().height - (more.hidden ? 0 : more.getBoundingClientRect().height);
      more.hidden = Math.ceil(without) <= WORDPRESS_CAP;
    }
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      post({ type: "height", height: height }, true);
      tellWordPress("height", height);
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

  // "ready" only once the widget's own script has run too (the page loads
  // them deferred, in order, before DOMContentLoaded): a host told "ready"
  // may use the widget at once, so it must already work.
  var saidReady = false;
  function sayReady() {
    if (saidReady) return;
    saidReady = true;
    post({ type: "ready", widget: kind, title: document.title });
  }
  document.addEventListener("DOMContentLoaded", sayReady);
  window.addEventListener("load", sayReady); // in case this script came after DOMContentLoaded

  // WordPress's listener may start after this frame has loaded (its script
  // is often at the end of the page). It then says "ready", and the height
  // has to be sent again, or the frame keeps the oEmbed height.
  if (mode === "wordpress") {
    window.addEventListener("message", function (event) {
      var d = event.data;
      if (event.source !== parentWindow || !d || d.message !== "ready" || d.secret !== secret) return;
      lastHeight = 0;
      measure();
    });
  }

  if (window.ResizeObserver) {
    new ResizeObserver(measure).observe(root);
  } else {
    window.addEventListener("resize", measure);
  }
  window.addEventListener("load", measure);
  measure();
})();
