/* What every script of the site shares: the page's words, the storage
 * probe, copying to the clipboard and the status line a screen reader reads.
 *
 * A classic script, loaded deferred before every other script of the site
 * (the guide's pages and the widget frames), which finds it as
 * window.NextSteps. Not an ES module: a module is fetched with CORS, and a
 * sandboxed frame (WordPress's, scripts only) has no origin of its own, so
 * it could load no module from this site unless every host sent
 * Access-Control-Allow-Origin for the scripts.
 *
 * The plan page also runs it early, without "defer", just before its own
 * scripts (they draw the plan while the page is read); the deferred copy
 * then finds window.NextSteps there and keeps it, with what was added to it.
 *
 * Nothing here sends anything anywhere: what a visitor types stays in the page.
 */
(() => {
  "use strict";

  if (window.NextSteps) return;

  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  /* "{done} of {total} done" with its {slots} filled; an unknown slot stays as written. */
  const fill = (text, slots) =>
    String(text).replace(/\{(\w+)\}/g, (all, name) => (slots && has(slots, name) ? String(slots[name]) : all));

  /* The page's words for a script (nextsteps.wording): words(key, slots).
     A key the table lacks stands in for its words, so a gap shows up. */
  const wordsFrom = (table) => (key, slots) => fill(table && has(table, key) && table[key] ? table[key] : key, slots);

  /* localStorage when this browser lets the site write to it, else null.
     Reading the property throws where storage is blocked (a sandboxed frame,
     the browser's settings); writing throws where it is full or private
     (older Safari). Probed once, when the page loads. */
  const storage = (() => {
    try {
      const store = window.localStorage;
      store.setItem("nextsteps.probe", "1");
      store.removeItem("nextsteps.probe");
      return store;
    } catch (error) {
      return null;
    }
  })();

  /* Put a message in a live region (role="status"), emptied first and
     filled a moment later, so a screen reader reads a repeated message too. */
  const announce = (region, message) => {
    if (!region) return;
    region.textContent = "";
    window.setTimeout(() => { region.textContent = message; }, 50);
  };

  // A frame without allow="clipboard-write" refuses the clipboard API (and
  // the browser logs an error); the selection route may still work there.
  const asyncClipboardAllowed = () => {
    const policy = document.featurePolicy;
    if (policy && typeof policy.allowsFeature === "function" && !policy.allowsFeature("clipboard-write")) return false;
    return Boolean(navigator.clipboard && window.isSecureContext);
  };

  // Older browsers, pages served without HTTPS, frames without the
  // clipboard: select the text in a hidden box and copy the selection.
  const copyBySelection = (text) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.className = "ns-visually-hidden";
    document.body.appendChild(area);
    area.select();
    let done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    area.remove();
    return done;
  };

  /* Copy text; resolves true only when the browser said it was copied. */
  const copy = async (text) => {
    if (asyncClipboardAllowed()) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (error) {
        /* refused: try the selection route */
      }
    }
    return copyBySelection(text);
  };

  window.NextSteps = { fill, wordsFrom, storage, announce, copy };
})();
