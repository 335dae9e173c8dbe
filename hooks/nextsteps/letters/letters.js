/* The letter tool on a page: fill in, preview, copy, email, download, print.
 *
 * The same file runs on the guide's pages and in embedded widgets. It uses
 * the shared helpers (common.js), the renderer (template.js) and the
 * remembered details (details.js), loaded before it.
 *
 * What a visitor types stays in this page. It is shown with textContent
 * (never as HTML), kept in localStorage only while "Remember my details" is
 * ticked, and never sent anywhere.
 */
(() => {
  "use strict";

  const { wordsFrom, announce, copy } = window.NextSteps;
  const { render, renderParts, cleanValue } = window.NextSteps.letterTemplate;
  const details = window.NextSteps.letterDetails;

  const todayText = (locale) =>
    new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(new Date());

  // Lone surrogates cannot be encoded; keep everything else exactly as typed.
  const wellFormed = (text) => {
    if (typeof text.toWellFormed === "function") return text.toWellFormed();
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (m, before) => `${before || ""}\uFFFD`);
  };

  const mailtoHref = (to, subject, body) => {
    const address = encodeURIComponent(wellFormed(to)).replace(/%40/g, "@");
    const query = `subject=${encodeURIComponent(wellFormed(subject))}&body=${encodeURIComponent(wellFormed(body.replace(/\n/g, "\r\n")))}`;
    return `mailto:${address}?${query}`;
  };

  const fillNodes = (target, parts) => {
    target.textContent = "";
    parts.forEach((part) => {
      if (part.type === "text") {
        target.appendChild(document.createTextNode(part.text));
        return;
      }
      const node = document.createElement(part.type === "gap" ? "mark" : "bdi");
      node.className = part.type === "gap" ? "ns-gap ns-gap--missing" : "ns-value";
      node.textContent = part.text;
      target.appendChild(node);
    });
  };

  /* --------------------------------------------- limits of a sandboxed frame */

  // embed-frame.js names, on <html data-ns-blocked>, what the frame around a
  // widget blocks (a sandbox: no downloads, print, email app or storage).
  // Those buttons would do nothing, or claim a success that did not happen,
  // so they are hidden; copying still works, and the widget's note points
  // to the full page.
  const blockedHere = (what) => (document.documentElement.getAttribute("data-ns-blocked") || "").split(" ").includes(what);

  // embed-frame.js marks a frame that our loader did not make as "frame".
  const inUnknownFrame = () => document.documentElement.getAttribute("data-ns-frame") === "frame";

  const hideBlockedActions = (root) => {
    [["download", "download"], ["print", "print"], ["email", "email"], ["storage", "remember-box"]].forEach(([what, name]) => {
      const node = root.querySelector(`[data-ns='${name}']`);
      if (node && blockedHere(what)) node.hidden = true;
    });
    // Boxes that only feed a blocked action would ask for nothing.
    const to = root.querySelector("[data-ns-field='email-to']");
    if (to && blockedHere("email")) to.closest(".ns-field").hidden = true;
    const addresses = root.querySelector(".ns-letter__addresses");
    if (addresses && blockedHere("print")) addresses.hidden = true;
  };

  /* ------------------------------------------------------------ one letter */

  const setUp = (root) => {
    const dataNode = root.querySelector("script[type='application/json']");
    if (!dataNode || root.hasAttribute("data-ns-ready")) return;
    const data = JSON.parse(dataNode.textContent);
    root.setAttribute("data-ns-ready", "");
    const part = (name) => root.querySelector(`[data-ns='${name}']`);
    const inputs = Array.from(root.querySelectorAll("[data-ns-field]"));
    const labels = {};
    data.fields.forEach((f) => { labels[f.name] = f.label; });
    // The page's words for this script (nextsteps.wording), {slots} filled here.
    const words = wordsFrom(data.words);
    const status = part("status");
    const warning = part("warning");
    const remember = part("remember");
    const emailLink = part("email");
    // The status line a screen reader reads: tell(key, slots) puts the page's words there.
    const tell = (key, slots) => announce(status, words(key, slots));
    let pending = null;

    const values = () => {
      const out = {};
      inputs.forEach((input) => { out[input.getAttribute("data-ns-field")] = input.value; });
      return out;
    };

    const missing = () => {
      const now = values();
      return data.fields.filter((f) => f.required && !cleanValue(now[f.name]));
    };

    const blocks = (now) => ({
      from: cleanValue(now["print-from"]),
      to: cleanValue(now["print-to"]),
      date: todayText(words("date_locale")),
    });

    const bodyText = (now) => render(data.body, now, { labels });
    const subjectText = (now) => (data.subject ? render(data.subject, now, { labels, inline: true }) : "");

    /* The message as the preview shows it (a letter has its address blocks). */
    const messageText = () => {
      const now = values();
      const body = bodyText(now);
      if (data.channel !== "letter") return body;
      const b = blocks(now);
      return [b.from, b.date, b.to, body].filter(Boolean).join("\n\n");
    };

    const fileText = () => {
      const now = values();
      if (data.channel === "email") return `${words("subject")} ${subjectText(now)}\n\n${bodyText(now)}\n`;
      return `${messageText()}\n`;
    };

    /* A message past its max_length (LinkedIn's note limit) gets a polite
       warning. It never blocks: the reader may still copy it. The live region
       only changes when the message crosses the limit, not on every key. */
    const lengthCount = part("length-count");
    const lengthWarning = part("length-warning");
    let wasOver = false;
    const checkLength = () => {
      if (!data.maxLength || !lengthCount) return;
      const used = Array.from(bodyText(values())).length;
      const over = used > data.maxLength;
      lengthCount.textContent = String(used);
      root.classList.toggle("ns-letter--too-long", over);
      if (over !== wasOver) {
        lengthWarning.textContent = over ? words("too_long", { max: data.maxLength }) : "";
        wasOver = over;
      }
    };

    const hideWarning = () => {
      warning.hidden = true;
      pending = null;
    };

    const update = () => {
      const now = values();
      fillNodes(part("sheet-body"), renderParts(data.body, now, { labels }));
      if (data.subject && part("sheet-subject")) {
        fillNodes(part("sheet-subject"), renderParts(data.subject, now, { labels, inline: true }));
      }
      const b = blocks(now);
      [["sheet-from", b.from], ["sheet-to", b.to]].forEach(([name, text]) => {
        const node = part(name);
        fillNodes(node, text ? [{ type: "value", text }] : []);
        node.hidden = !text;
      });
      part("sheet-date").textContent = b.date;
      if (emailLink) emailLink.href = mailtoHref(cleanValue(now["email-to"], true), subjectText(now), bodyText(now));
      if (remember && remember.checked) details.write(now);
      // The warning is a live region: close it once all is filled, but do not
      // rewrite it on every key press (that would be read out each time).
      if (!warning.hidden && !missing().length) hideWarning();
      checkLength();
    };

    const showWarning = () => {
      const list = part("warning-list");
      list.textContent = "";
      missing().forEach((f) => {
        const input = root.querySelector(`[data-ns-field='${f.name}']`);
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `#${input.id}`;
        link.textContent = f.label;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          const section = input.closest("details");
          if (section && !section.open) section.open = true; // a closed section's box cannot take focus
          input.focus();
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      warning.hidden = false;
    };

    /* Run an action, or first warn about empty required fields. */
    const guarded = (anyway, action) => {
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
    };

    const copyMessage = async () => {
      if (await copy(messageText())) {
        tell("copied");
        document.dispatchEvent(new CustomEvent("nextsteps:copied", { detail: { letter: data.id } }));
      } else {
        tell("copy_failed");
      }
    };

    const copySubject = async () => {
      const ok = await copy(subjectText(values()));
      tell(ok ? "subject_copied" : "subject_copy_failed");
    };

    const download = () => {
      const blob = new Blob([fileText()], { type: "text/plain;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `${data.id}.txt`;
      link.className = "ns-visually-hidden";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60000);
      // No page can see whether the browser saved the file (a sandbox, a
      // setting or the reader may stop it), so do not claim it worked.
      tell("download", { file: `${data.id}.txt` });
    };

    // A sandbox ignores print() without a word. The print dialog always
    // fires 'beforeprint', so its absence means nothing was printed.
    const printLetter = () => {
      if (!inUnknownFrame()) {
        window.print();
        return;
      }
      let started = false;
      const mark = () => { started = true; };
      window.addEventListener("beforeprint", mark);
      window.print();
      window.setTimeout(() => {
        window.removeEventListener("beforeprint", mark);
        if (!started) tell("print_blocked");
      }, 1000);
    };

    // Restore remembered details first, so the first preview shows them.
    const stored = remember ? details.read() : null;
    if (remember && !details.available) part("remember-box").hidden = true;
    if (stored) {
      remember.checked = true;
      inputs.forEach((input) => {
        const saved = stored.values[input.getAttribute("data-ns-field")];
        if (typeof saved === "string") input.value = saved;
      });
    }

    inputs.forEach((input) => input.addEventListener("input", update));
    if (remember) {
      remember.addEventListener("change", () => {
        if (remember.checked) {
          details.write(values());
          tell("remembered");
        } else {
          details.forget();
          tell("forgotten");
        }
      });
      part("clear").addEventListener("click", () => {
        details.forget();
        remember.checked = false;
        inputs.forEach((input) => { input.value = ""; });
        update();
        tell("cleared");
      });
    }
    part("copy").addEventListener("click", () => guarded(words("copy_anyway"), copyMessage));
    if (part("copy-subject")) part("copy-subject").addEventListener("click", copySubject);
    part("download").addEventListener("click", () => guarded(words("download_anyway"), download));
    part("print").addEventListener("click", () => guarded(words("print_anyway"), printLetter));
    // The link opens the email app itself when every gap is filled; the
    // script only opens it after "Open anyway". Doing both opened it twice.
    if (emailLink) {
      emailLink.addEventListener("click", (event) => {
        if (!guarded(words("email_anyway"), () => {})) {
          event.preventDefault();
          pending = () => { window.location.href = emailLink.href; };
        }
      });
    }
    part("continue").addEventListener("click", () => {
      const action = pending;
      hideWarning();
      if (action) action();
    });

    // letters.css hides these before the first paint; this is for browsers
    // that do not know the 'scripting' media feature.
    root.querySelectorAll("[data-ns-nojs]").forEach((node) => { node.hidden = true; });
    hideBlockedActions(root);
    root.classList.add("ns-letter--live");
    update();
  };

  const start = () => document.querySelectorAll("[data-ns-letter]").forEach(setUp);

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
