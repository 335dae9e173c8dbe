/* The page for recruiters (/embed/): copy buttons, and a small builder that
 * shows a live preview and writes the matching snippet.
 *
 * The snippet is built as text and shown with textContent, and the preview
 * element is built with DOM calls, so nothing typed here becomes markup.
 * embed.js (loaded on this page too) turns the new element into a frame.
 */
(function () {
  "use strict";

  var status = document.querySelector("[data-ns-copy-status]");
  var dataBlock = document.getElementById("ns-builder-widgets");
  var data = dataBlock ? JSON.parse(dataBlock.textContent) : {};
  var words = data.words || {}; // the wording table's script.recruiter.* phrases, written by the build

  function announce(text) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "ns-visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  document.querySelectorAll("[data-ns-copy]").forEach(function (button) {
    button.closest(".ns-copy").hidden = false;
    button.addEventListener("click", function () {
      var code = document.getElementById(button.getAttribute("data-ns-copy"));
      if (!code) return;
      copyText(code.textContent).then(
        function () { announce(words.copied); },
        function () { announce(words.copy_failed); }
      );
    });
  });

  var builder = document.querySelector("[data-ns-builder]");
  if (!builder || !dataBlock) return;
  var form = builder.querySelector("[data-ns-builder-form]");
  var preview = builder.querySelector("[data-ns-preview]");
  var snippet = builder.querySelector("[data-ns-custom-snippet]");
  var HEX = /^#[0-9a-fA-F]{6}$/;
  var defaultAccent = form.elements.accent.value;

  /* The same escaping as the build's snippets (Python's html.escape). */
  function escapeAttr(value) {
    return String(value)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#x27;");
  }

  function update() {
    var key = form.elements.widget.value;
    var widget = data.widgets.filter(function (w) { return w.key === key; })[0] || data.widgets[0];
    var attrs = Object.assign({}, widget.attributes);
    var accent = form.elements.accent.value;
    if (HEX.test(accent) && accent.toLowerCase() !== defaultAccent.toLowerCase()) attrs["data-accent"] = accent.toLowerCase();
    if (form.elements.hide_title.checked) attrs["data-hide-title"] = "";

    var text = "<div";
    Object.keys(attrs).forEach(function (name) { text += " " + name + '="' + escapeAttr(attrs[name]) + '"'; });
    text += '><a href="' + escapeAttr(widget.href) + '">' + escapeAttr(widget.title) + "</a></div>\n";
    text += '<script async src="' + escapeAttr(data.loader) + '"></' + "script>";
    snippet.textContent = text;

    var element = document.createElement("div");
    Object.keys(attrs).forEach(function (name) { element.setAttribute(name, attrs[name]); });
    element.textContent = widget.title;
    preview.textContent = "";
    preview.appendChild(element);
  }

  form.hidden = false;
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
