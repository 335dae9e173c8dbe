/* "Need help now?" above the site search's results.
 *
 * Material for MkDocs draws the results; this script adds one line above
 * them. When the query holds a word from data/search-help.yml (such as
 * "suicide" or "benefits"), the line links to that part of "Get support".
 * When nothing matches, it links to Get support and the start page instead
 * of leaving the reader at "No matching documents".
 *
 * The words come from search-help.json beside this file, read from this
 * site only. Nothing the reader types is sent anywhere or kept.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const here = script ? new URL(".", script.src) : null;
  const root = window.__md_scope instanceof URL ? window.__md_scope : (here ? new URL("../../", here) : null);
  if (!here || !root) return;

  const normalise = (text) => ` ${String(text).toLowerCase().replace(/[^a-z0-9']+/g, " ").trim()} `;

  // A section matches when the query holds one of its words or phrases whole,
  // or the reader is part way through typing one ("depre" for "depressed").
  const matches = (query, section) => {
    const typed = normalise(query);
    if (typed.trim().length < 2) return false;
    return section.words.some((word) => {
      const whole = normalise(word);
      if (typed.includes(whole)) return true;
      const last = typed.trim().split(" ").pop();
      return last.length >= 4 && whole.trim().startsWith(last) && !whole.trim().includes(" ");
    });
  };

  const link = (href, text) => {
    const a = document.createElement("a");
    a.href = new URL(href, root).href;
    a.textContent = text;
    return a;
  };

  const start = (data) => {
    const input = document.querySelector("[data-md-component='search-query']");
    const result = document.querySelector("[data-md-component='search-result']");
    if (!input || !result) return;
    const list = result.querySelector(".md-search-result__list");
    const box = document.createElement("div");
    box.className = "ns-search-help";
    box.hidden = true;
    result.insertBefore(box, result.firstChild);

    const show = () => {
      const query = input.value;
      const found = data.sections.filter((section) => matches(query, section));
      const seen = new Set();
      const lines = found.filter((s) => !seen.has(s.href) && seen.add(s.href));
      const empty = query.trim().length > 0 && list && list.children.length === 0;
      box.textContent = "";
      if (lines.length) {
        const heading = document.createElement("p");
        heading.className = "ns-search-help__heading";
        heading.textContent = data.words.help;
        const items = document.createElement("ul");
        lines.forEach((section) => {
          const item = document.createElement("li");
          item.appendChild(link(section.href, section.title));
          items.appendChild(item);
        });
        box.append(heading, items);
      } else if (empty) {
        const said = document.createElement("p");
        said.textContent = data.words.none;
        const items = document.createElement("ul");
        const places = data.support ? [[data.support, data.words.support]] : [];  // a guide may have no support page
        places.concat([[data.start, data.words.start]]).forEach(([href, text]) => {
          const item = document.createElement("li");
          item.appendChild(link(href, text));
          items.appendChild(item);
        });
        box.append(said, items);
      }
      box.hidden = !box.firstChild;
    };

    input.addEventListener("input", show);
    // Material fills the list a moment after each key press.
    if (list) new MutationObserver(show).observe(list, { childList: true });
    show();
  };

  const begin = () => {
    fetch(new URL("search-help.json", here), { credentials: "omit" })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => { if (data && Array.isArray(data.sections)) start(data); })
      .catch(() => { /* no help line: search still works as before */ });
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
})();
