/* The letter renderer: a template with {{ fields }}, [[ optional parts ]]
 * and "||" alternatives, filled with what a visitor typed.
 *
 * It follows the same rules as render.py, step for step; both run the
 * shared cases in tests/cases/letter_render_cases.json. It only returns
 * text and parts: letters.js shows them, always as text, never as HTML.
 *
 * Published as NextSteps.letterTemplate for letters.js, which loads after it.
 */
(() => {
  "use strict";

  // The same set as WHITESPACE in render.py: trim() and Python's strip() differ.
  const WS = "[ \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
  const TRIM = new RegExp(`^${WS}+|${WS}+$`, "g");
  const FIELD = /\{\{[ \t]*([a-z][a-z0-9_]*)[ \t]*\}\}/y;
  const MARKER = /\{\{|\}\}|\[\[|\]\]|\|\|/g;
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  const normalise = (text) => String(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+(?=\n|$)/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");

  const templateError = (message, line) => {
    const error = new Error(`line ${line}: ${message}`);
    error.name = "TemplateError";
    return error;
  };

  /* Tokens: {type: "text", text}, {type: "field", name} and
     {type: "optional", parts, fields, alternative}. */
  const parse = (template) => {
    const text = normalise(template);
    const tokens = [];
    let inner = null;
    let alternative = null;
    let opened = 0;
    let pos = 0;
    const re = new RegExp(MARKER.source, "g");
    const lineAt = (index) => text.slice(0, index).split("\n").length;
    const addText = (chunk) => {
      if (!chunk) return;
      if (alternative !== null) alternative.push(chunk);
      else (inner !== null ? inner : tokens).push({ type: "text", text: chunk });
    };

    let match;
    while ((match = re.exec(text)) !== null) {
      const start = match.index;
      if (start < pos) continue;
      const chunk = text.slice(pos, start);
      if (inner !== null && chunk.indexOf("\n\n") !== -1) {
        throw templateError("an optional part must end in the paragraph where it starts", opened);
      }
      addText(chunk);
      const marker = match[0];
      const line = lineAt(start);
      if (marker === "{{") {
        FIELD.lastIndex = start;
        const field = FIELD.exec(text);
        if (field === null) throw templateError("'{{' must be followed by a field name and '}}'", line);
        if (alternative !== null) throw templateError("the words after '||' cannot contain a field", line);
        (inner !== null ? inner : tokens).push({ type: "field", name: field[1] });
        pos = start + field[0].length;
        continue;
      }
      pos = start + 2;
      if (marker === "}}") {
        throw templateError("'}}' has no '{{' before it", line);
      } else if (marker === "[[") {
        if (inner !== null) throw templateError("an optional part cannot hold another '[['", line);
        inner = [];
        opened = line;
      } else if (marker === "]]") {
        if (inner === null) throw templateError("']]' has no '[[' before it", line);
        const names = inner.filter((p) => p.type === "field").map((p) => p.name);
        if (!names.length) throw templateError("the optional part has no field", opened);
        tokens.push({ type: "optional", parts: inner, fields: names, alternative: (alternative || []).join("") });
        inner = null;
        alternative = null;
      } else if (inner === null) {
        addText(marker);
      } else if (alternative !== null) {
        throw templateError("an optional part can have only one '||'", line);
      } else {
        alternative = [];
      }
    }
    if (inner !== null) throw templateError("'[[' is never closed with ']]'", opened);
    addText(text.slice(pos));
    return tokens;
  };

  const cleanValue = (value, inline) => {
    const text = String(value == null ? "" : value).replace(/\r\n?/g, "\n").replace(TRIM, "");
    return inline ? text.replace(/\n+/g, " ") : text;
  };

  /* Returns parts: {type: "text" | "value" | "gap", text, name}. */
  const renderParts = (template, values, options = {}) => {
    const labels = options.labels || {};
    const clean = {};
    Object.keys(values || {}).forEach((name) => {
      clean[name] = cleanValue(values[name], options.inline);
    });
    const filled = (name) => has(clean, name) && clean[name] !== "";
    const DROP = {};

    // 1. Decide which optional parts stay.
    const items = [];
    parse(template).forEach((token) => {
      if (token.type !== "optional") items.push(token);
      else if (options.blankForm || token.fields.every(filled)) items.push(...token.parts);
      else if (token.alternative) items.push({ type: "text", text: token.alternative });
      else items.push(DROP);
    });

    // 2. Tidy the spaces and lines around the parts that dropped out.
    const kept = [];
    let stripNext = false;
    items.forEach((item) => {
      const last = kept[kept.length - 1];
      if (item === DROP) {
        if (last && last.type === "text") last.text = last.text.replace(/[ \t]+$/, "");
        let before = null;
        for (let i = kept.length - 1; i >= 0; i--) {
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
      let text = item.text;
      if (stripNext) {
        text = text.replace(/^[ \t]+/, "");
        if (text.charAt(0) === "\n") text = text.slice(1);
        stripNext = false;
      }
      if (last && last.type === "text") last.text += text;
      else kept.push({ type: "text", text });
    });
    kept.forEach((k) => {
      if (k.type === "text") k.text = k.text.replace(/\n{3,}/g, "\n\n");
    });
    if (kept.length && kept[0].type === "text") kept[0].text = kept[0].text.replace(/^[ \t\n]+/, "");
    const end = kept[kept.length - 1];
    if (end && end.type === "text") end.text = end.text.replace(/[ \t\n]+$/, "");

    // 3. Put the values in.
    const parts = [];
    kept.forEach((k) => {
      if (k.type === "text") {
        if (k.text) parts.push({ type: "text", text: k.text, name: "" });
      } else if (filled(k.name)) {
        parts.push({ type: "value", text: clean[k.name], name: k.name });
      } else {
        const label = has(labels, k.name) ? labels[k.name] : k.name;
        parts.push({ type: "gap", text: `[${label}]`, name: k.name });
      }
    });
    return parts;
  };

  const render = (template, values, options) => renderParts(template, values, options).map((p) => p.text).join("");

  window.NextSteps.letterTemplate = Object.freeze({ parse, renderParts, render, cleanValue });
})();
