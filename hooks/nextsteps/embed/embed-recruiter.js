/* The page for recruiters (/embed/): copy buttons, and a small builder that
 * shows a live preview and writes the matching snippet.
 *
 * The snippet is built as text and shown with textContent, and the preview
 * element is built with DOM calls, so nothing typed here becomes markup.
 * embed.js (loaded on this page too) turns the new element into a frame.
 */
(() => {
  "use strict";

  const { announce, copy } = window.NextSteps;
  const status = document.querySelector("[data-ns-copy-status]");
  const dataBlock = document.getElementById("ns-builder-widgets");
  const data = dataBlock ? JSON.parse(dataBlock.textContent) : {};
  const words = data.words || {}; // the wording table's script.recruiter.* phrases, written by the build

  document.querySelectorAll("[data-ns-copy]").forEach((button) => {
    button.closest(".ns-copy").hidden = false;
    button.addEventListener("click", async () => {
      const code = document.getElementById(button.getAttribute("data-ns-copy"));
      if (!code) return;
      if (await copy(code.textContent)) announce(status, words.copied);
      else announce(status, words.copy_failed);
    });
  });

  const builder = document.querySelector("[data-ns-builder]");
  if (!builder || !dataBlock) return;
  const form = builder.querySelector("[data-ns-builder-form]");
  const preview = builder.querySelector("[data-ns-preview]");
  const snippet = builder.querySelector("[data-ns-custom-snippet]");
  const HEX = /^#[0-9a-fA-F]{6}$/;
  const defaultAccent = form.elements.accent.value;

  /* The same escaping as the build's snippets (Python's html.escape). */
  const escapeAttr = (value) => String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

  const update = () => {
    const key = form.elements.widget.value;
    const widget = data.widgets.find((w) => w.key === key) || data.widgets[0];
    const attrs = { ...widget.attributes };
    const accent = form.elements.accent.value;
    if (HEX.test(accent) && accent.toLowerCase() !== defaultAccent.toLowerCase()) attrs["data-accent"] = accent.toLowerCase();
    if (form.elements.hide_title.checked) attrs["data-hide-title"] = "";

    let text = "<div";
    Object.keys(attrs).forEach((name) => { text += ` ${name}="${escapeAttr(attrs[name])}"`; });
    text += `><a href="${escapeAttr(widget.href)}">${escapeAttr(widget.title)}</a></div>\n`;
    text += `<script async src="${escapeAttr(data.loader)}"></` + "script>";
    snippet.textContent = text;

    const element = document.createElement("div");
    Object.keys(attrs).forEach((name) => element.setAttribute(name, attrs[name]));
    element.textContent = widget.title;
    preview.textContent = "";
    preview.appendChild(element);
  };

  form.hidden = false;
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
})();
