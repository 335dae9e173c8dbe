/* Next Steps letter templates: fill in, preview, copy, email, download, print.
 *
 * Standalone on purpose: no libraries and nothing from the site theme, so the
 * same file runs on the guide's pages and in embedded widgets.
 *
 * What a visitor types stays in this page. It is shown with textContent
 * (never as HTML), kept in localStorage only while "Remember my details" is
 * ticked, and never sent anywhere.
 *
 * The renderer follows the same rules as nextsteps/letters/render.py; both
 * run the shared cases in tests/cases/letter_render_cases.json.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "nextsteps.letters.v1";
  // The same set as WHITESPACE in render.py: trim() and Python's strip() differ.
  var WS = "[ \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
  var TRIM = new RegExp("^" + WS + "+|" + WS + "+$", "g");
  var FIELD = /\{\{[ \t]*([a-z][a-z0-9_]*)[ \t]*\}\}/y;
  var MARKER = /\{\{|\}\}|\[\[|\]\]|\|\|/g;

  /* ---------------------------------------------------------------- renderer */

  function normalise(text) {
    return String(text)
      .replace(/\r\n?/g, "\n")
      .replace(/[ \t]+(?=\n|$)/g, "")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/^\n+|\n+$/g, "");
  }

  function TemplateError(message, line) {
    var error = new Error("line " + line + ": " + message);
    error.name = "TemplateError";
    return error;
  }

  function parse(template) {
    var text = normalise(template);
    var tokens = [];
    var inner = null;
    var alternative = null;
    var opened = 0;
    var pos = 0;
    var re = new RegExp(MARKER.source, "g");
    var match;

    function lineAt(index) {
      return text.slice(0, index).split("\n").length;
    }
    function addText(chunk) {
      if (!chunk) return;
      if (alternative !== null) alternative.push(chunk);
      else (inner !== null ? inner : tokens).push({ type: "text", text: chunk });
    }

    while ((match = re.exec(text)) !== null) {
      var start = match.index;
      if (start < pos) continue;
      var chunk = text.slice(pos, start);
      if (inner !== null && chunk.indexOf("\n\n") !== -1) {
        throw TemplateError("an optional part must end in the paragraph where it starts", opened);
      }
      addText(chunk);
      var marker = match[0];
      var line = lineAt(start);
      if (marker === "{{") {
        FIELD.lastIndex = start;
        var field = FIELD.exec(text);
        if (field === null) throw TemplateError("'{{' must be followed by a field name and '}}'", line);
        if (alternative !== null) throw TemplateError("the words after '||' cannot contain a field", line);
        (inner !== null ? inner : tokens).push({ type: "field", name: field[1] });
        pos = start + field[0].length;
        continue;
      }
      pos = start + 2;
      if (marker === "}}") {
        throw TemplateError("'}}' has no '{{' before it", line);
      } else if (marker === "[[") {
        if (inner !== null) throw TemplateError("an optional part cannot hold another '[['", line);
        inner = [];
        opened = line;
      } else if (marker === "]]") {
        if (inner === null) throw TemplateError("']]' has no '[[' before it", line);
        var names = inner.filter(function (p) { return p.type === "field"; }).map(function (p) { return p.name; });
        if (!names.length) throw TemplateError("the optional part has no field", opened);
        tokens.push({ type: "optional", parts: inner, fields: names, alternative: (alternative || []).join("") });
        inner = null;
        alternative = null;
      } else if (inner === null) {
        addText(marker);
      } else if (alternative !== null) {
        throw TemplateError("an optional part can have only one '||'", line);
      } else {
        alternative = [];
      }
    }
    if (inner !== null) throw TemplateError("'[[' is never closed with ']]'", opened);
    addText(text.slice(pos));
    return tokens;
  }

  function cleanValue(value, inline) {
    var text = String(value == null ? "" : value).replace(/\r\n?/g, "\n").replace(TRIM, "");
    return inline ? text.replace(/\n+/g, " ") : text;
  }

  /* Returns parts: {type: "text" | "value" | "gap", text, name}. */
  function renderParts(template, values, options) {
    options = options || {};
    var labels = options.labels || {};
    var clean = {};
    Object.keys(values || {}).forEach(function (name) {
      clean[name] = cleanValue(values[name], options.inline);
    });
    var filled = function (name) { return Object.prototype.hasOwnProperty.call(clean, name) && clean[name] !== ""; };
    var DROP = {};

    // 1. Decide which optional parts stay.
    var items = [];
    parse(template).forEach(function (token) {
      if (token.type !== "optional") items.push(token);
      else if (options.blankForm || token.fields.every(filled)) items.push.apply(items, token.parts);
      else if (token.alternative) items.push({ type: "text", text: token.alternative });
      else items.push(DROP);
    });

    // 2. Tidy the spaces and lines around the parts that dropped out.
    var kept = [];
    var stripNext = false;
    items.forEach(function (item) {
      var last = kept[kept.length - 1];
      if (item === DROP) {
        if (last && last.type === "text") last.text = last.text.replace(/[ \t]+$/, "");
        var before = null;
        for (var i = kept.length - 1; i >= 0; i--) {
          if (kept[i].type !== "text" || kept[i].text) { before = kept[i]; break; }
        }
        if (before === null || (before.type === "text" && before.text.slice(-1) === "\n")) stripNext = true;
        return;
      }
      if (item.type === "field") {
        kept.push({ type: "field", name: item.name });
        stripNext = false;
        return;
      }
      var text = item.text;
      if (stripNext) {
        text = text.replace(/^[ \t]+/, "");
        if (text.charAt(0) === "\n") text = text.slice(1);
        stripNext = false;
      }
      if (last && last.type === "text") last.text += text;
      else kept.push({ type: "text", text: text });
    });
    kept.forEach(function (k) {
      if (k.type === "text") k.text = k.text.replace(/\n{3,}/g, "\n\n");
    });
    if (kept.length && kept[0].type === "text") kept[0].text = kept[0].text.replace(/^[ \t\n]+/, "");
    var end = kept[kept.length - 1];
    if (end && end.type === "text") end.text = end.text.replace(/[ \t\n]+$/, "");

    // 3. Put the values in.
    var parts = [];
    kept.forEach(function (k) {
      if (k.type === "text") {
        if (k.text) parts.push({ type: "text", text: k.text, name: "" });
      } else if (filled(k.name)) {
        parts.push({ type: "value", text: clean[k.name], name: k.name });
      } else {
        var label = Object.prototype.hasOwnProperty.call(labels, k.name) ? labels[k.name] : k.name;
        parts.push({ type: "gap", text: "[" + label + "]", name: k.name });
      }
    });
    return parts;
  }

  function render(template, values, options) {
    return renderParts(template, values, options).map(function (p) { return p.text; }).join("");
  }

  window.NextStepsLetters = Object.freeze({ render: render, renderParts: renderParts, parse: parse });

  /* ------------------------------------------------------------------ widget */

  function storageArea() {
    try {
      return window.localStorage || null;
    } catch (e) {
      return null; // blocked by the browser's privacy settings
    }
  }

  function readStored() {
    var area = storageArea();
    if (!area) return null;
    try {
      var data = JSON.parse(area.getItem(STORAGE_KEY) || "null");
      return data && data.version === 1 && data.values && typeof data.values === "object" ? data : null;
    } catch (e) {
      return null;
    }
  }

  function writeStored(values) {
    var area = storageArea();
    if (!area) return;
    var stored = readStored();
    var merged = Object.assign({}, stored ? stored.values : {}, values);
    try {
      area.setItem(STORAGE_KEY, JSON.stringify({ version: 1, values: merged }));
    } catch (e) {
      /* storage full or blocked: the form still works */
    }
  }

  function forget() {
    var area = storageArea();
    if (!area) return;
    try {
      area.removeItem(STORAGE_KEY);
    } catch (e) {
      /* nothing stored */
    }
  }

  function todayText(locale) {
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(new Date());
  }

  // Lone surrogates cannot be encoded; keep everything else exactly as typed.
  function wellFormed(text) {
    if (typeof text.toWellFormed === "function") return text.toWellFormed();
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, function (m, before) {
      return (before || "") + "\uFFFD";
    });
  }

  function mailtoHref(to, subject, body) {
    var address = encodeURIComponent(wellFormed(to)).replace(/%40/g, "@");
    var query = "subject=" + encodeURIComponent(wellFormed(subject)) +
      "&body=" + encodeURIComponent(wellFormed(body.replace(/\n/g, "\r\n")));
    return "mailto:" + address + "?" + query;
  }

  function fillNodes(target, parts) {
    target.textContent = "";
    parts.forEach(function (part) {
      if (part.type === "text") {
        target.appendChild(document.createTextNode(part.text));
        return;
      }
      var node = document.createElement(part.type === "gap" ? "mark" : "bdi");
      node.className = part.type === "gap" ? "ns-gap ns-gap--missing" : "ns-value";
      node.textContent = part.text;
      target.appendChild(node);
    });
  }

  async function copyText(text) {
    try {
      if (!asyncClipboardAllowed()) throw new Error("blocked by the frame");
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      // Older browsers, or pages served without HTTPS: the selection route.
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.setAttribute("aria-hidden", "true");
      area.className = "ns-offscreen";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (err) {
        done = false;
      }
      area.remove();
      return done;
    }
  }

  /* --------------------------------------------- limits of a sandboxed frame */

  // embed-frame.js names, on <html data-ns-blocked>, what the frame around a
  // widget blocks (a sandbox: no downloads, print, email app or storage).
  // Those buttons would do nothing, or claim a success that did not happen,
  // so they are hidden; copying still works, and the widget's note points
  // to the full page.
  function blockedHere(what) {
    var list = document.documentElement.getAttribute("data-ns-blocked") || "";
    return list.split(" ").indexOf(what) >= 0;
  }

  // A frame without allow="clipboard-write" refuses the clipboard API (and
  // the browser logs an error); the selection route may still work there.
  function asyncClipboardAllowed() {
    var policy = document.featurePolicy;
    return !(policy && typeof policy.allowsFeature === "function" && !policy.allowsFeature("clipboard-write"));
  }

  // embed-frame.js marks a frame that our loader did not make as "frame".
  function inUnknownFrame() {
    return document.documentElement.getAttribute("data-ns-frame") === "frame";
  }

  function hideBlockedActions(root) {
    [["download", "download"], ["print", "print"], ["email", "email"], ["storage", "remember-box"]].forEach(function (pair) {
      var node = root.querySelector("[data-ns='" + pair[1] + "']");
      if (node && blockedHere(pair[0])) node.hidden = true;
    });
    // Boxes that only feed a blocked action would ask for nothing.
    var to = root.querySelector("[data-ns-field='email-to']");
    if (to && blockedHere("email")) to.closest(".ns-field").hidden = true;
    var addresses = root.querySelector(".ns-letter__addresses");
    if (addresses && blockedHere("print")) addresses.hidden = true;
  }

  function setup(root) {
    var dataNode = root.querySelector("script[type='application/json']");
    if (!dataNode || root.hasAttribute("data-ns-ready")) return;
    var data = JSON.parse(dataNode.textContent);
    root.setAttribute("data-ns-ready", "");
    var part = function (name) { return root.querySelector("[data-ns='" + name + "']"); };
    var inputs = Array.prototype.slice.call(root.querySelectorAll("[data-ns-field]"));
    var labels = {};
    data.fields.forEach(function (f) { labels[f.name] = f.label; });
    var status = part("status");
    var warning = part("warning");
    var remember = part("remember");
    var emailLink = part("email");
    var pending = null;

    // The page's words for this script (nextsteps.wording), {slots} filled here.
    function words(key, slots) {
      var text = (data.words && data.words[key]) || key;
      return text.replace(/\{(\w+)\}/g, function (all, name) {
        return slots && Object.prototype.hasOwnProperty.call(slots, name) ? String(slots[name]) : all;
      });
    }

    function values() {
      var out = {};
      inputs.forEach(function (input) { out[input.getAttribute("data-ns-field")] = input.value; });
      return out;
    }

    function say(message) {
      status.textContent = "";
      // A fresh text node so screen readers announce a repeated message too.
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function missing() {
      var now = values();
      return data.fields.filter(function (f) { return f.required && !cleanValue(now[f.name]); });
    }

    function blocks(now) {
      return {
        from: cleanValue(now["print-from"]),
        to: cleanValue(now["print-to"]),
        date: todayText(words("date_locale")),
      };
    }

    function bodyText(now) {
      return render(data.body, now, { labels: labels });
    }

    function subjectText(now) {
      return data.subject ? render(data.subject, now, { labels: labels, inline: true }) : "";
    }

    /* The message as the preview shows it (a letter has its address blocks). */
    function messageText() {
      var now = values();
      var body = bodyText(now);
      if (data.channel !== "letter") return body;
      var b = blocks(now);
      return [b.from, b.date, b.to, body].filter(Boolean).join("\n\n");
    }

    function fileText() {
      var now = values();
      if (data.channel === "email") return words("subject") + " " + subjectText(now) + "\n\n" + bodyText(now) + "\n";
      return messageText() + "\n";
    }

    function update() {
      var now = values();
      fillNodes(part("sheet-body"), renderParts(data.body, now, { labels: labels }));
      if (data.subject && part("sheet-subject")) {
        fillNodes(part("sheet-subject"), renderParts(data.subject, now, { labels: labels, inline: true }));
      }
      var b = blocks(now);
      [["sheet-from", b.from], ["sheet-to", b.to]].forEach(function (pair) {
        var node = part(pair[0]);
        fillNodes(node, pair[1] ? [{ type: "value", text: pair[1] }] : []);
        node.hidden = !pair[1];
      });
      part("sheet-date").textContent = b.date;
      if (emailLink) emailLink.href = mailtoHref(cleanValue(now["email-to"], true), subjectText(now), bodyText(now));
      if (remember && remember.checked) writeStored(now);
      // The warning is a live region: close it once all is filled, but do not
      // rewrite it on every key press (that would be read out each time).
      if (!warning.hidden && !missing().length) hideWarning();
      checkLength();
    }

    /* A message past its max_length (LinkedIn's note limit) gets a polite
       warning. It never blocks: the reader may still copy it. The live region
       only changes when the message crosses the limit, not on every key. */
    var lengthCount = part("length-count");
    var lengthWarning = part("length-warning");
    var wasOver = false;
    function checkLength() {
      if (!data.maxLength || !lengthCount) return;
      var used = Array.from(bodyText(values())).length;
      var over = used > data.maxLength;
      lengthCount.textContent = String(used);
      root.classList.toggle("ns-letter--too-long", over);
      if (over !== wasOver) {
        lengthWarning.textContent = over
          ? words("too_long", { max: data.maxLength })
          : "";
        wasOver = over;
      }
    }

    function hideWarning() {
      warning.hidden = true;
      pending = null;
    }

    function showWarning() {
      var list = part("warning-list");
      list.textContent = "";
      missing().forEach(function (f) {
        var input = root.querySelector("[data-ns-field='" + f.name + "']");
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + input.id;
        link.textContent = f.label;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          var section = input.closest("details");
          if (section && !section.open) section.open = true; // a closed section's box cannot take focus
          input.focus();
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      warning.hidden = false;
    }

    /* Run an action, or first warn about empty required fields. */
    function guarded(anyway, action) {
      if (!missing().length) {
        hideWarning();
        action();
        return true;
      }
      pending = action;
      part("continue").textContent = anyway;
      showWarning();
      warning.focus();
      return false;
    }

    async function copyMessage() {
      if (await copyText(messageText())) {
        say(words("copied"));
        document.dispatchEvent(new CustomEvent("nextsteps:copied", { detail: { letter: data.id } }));
      } else {
        say(words("copy_failed"));
      }
    }

    async function copySubject() {
      var ok = await copyText(subjectText(values()));
      say(words(ok ? "subject_copied" : "subject_copy_failed"));
    }

    function download() {
      var blob = new Blob([fileText()], { type: "text/plain;charset=utf-8" });
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = data.id + ".txt";
      link.className = "ns-offscreen";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      // No page can see whether the browser saved the file (a sandbox, a
      // setting or the reader may stop it), so do not claim it worked.
      say(words("download", { file: data.id + ".txt" }));
    }

    // A sandbox ignores print() without a word. The print dialog always
    // fires 'beforeprint', so its absence means nothing was printed.
    function printLetter() {
      if (!inUnknownFrame()) return window.print();
      var started = false;
      function mark() { started = true; }
      window.addEventListener("beforeprint", mark);
      window.print();
      window.setTimeout(function () {
        window.removeEventListener("beforeprint", mark);
        if (!started) say(words("print_blocked"));
      }, 1000);
    }

    // Restore remembered details first, so the first preview shows them.
    var stored = remember ? readStored() : null;
    if (remember && !storageArea()) part("remember-box").hidden = true;
    if (stored) {
      remember.checked = true;
      inputs.forEach(function (input) {
        var saved = stored.values[input.getAttribute("data-ns-field")];
        if (typeof saved === "string") input.value = saved;
      });
    }

    inputs.forEach(function (input) { input.addEventListener("input", update); });
    if (remember) {
      remember.addEventListener("change", function () {
        if (remember.checked) {
          writeStored(values());
          say(words("remembered"));
        } else {
          forget();
          say(words("forgotten"));
        }
      });
      part("clear").addEventListener("click", function () {
        forget();
        remember.checked = false;
        inputs.forEach(function (input) { input.value = ""; });
        update();
        say(words("cleared"));
      });
    }
    part("copy").addEventListener("click", function () {
      guarded(words("copy_anyway"), copyMessage);
    });
    if (part("copy-subject")) part("copy-subject").addEventListener("click", copySubject);
    part("download").addEventListener("click", function () {
      guarded(words("download_anyway"), download);
    });
    part("print").addEventListener("click", function () {
      guarded(words("print_anyway"), printLetter);
    });
    // The link opens the email app itself when every gap is filled; the
    // script only opens it after "Open anyway". Doing both opened it twice.
    if (emailLink) {
      emailLink.addEventListener("click", function (event) {
        if (!guarded(words("email_anyway"), function () {})) {
          event.preventDefault();
          pending = function () { window.location.href = emailLink.href; };
        }
      });
    }
    part("continue").addEventListener("click", function () {
      var action = pending;
      hideWarning();
      if (action) action();
    });

    // letters.css hides these before the first paint; this is for browsers
    // that do not know the 'scripting' media feature.
    Array.prototype.forEach.call(root.querySelectorAll("[data-ns-nojs]"), function (node) { node.hidden = true; });
    hideBlockedActions(root);
    root.classList.add("ns-letter--live");
    update();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ns-letter]"), setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
