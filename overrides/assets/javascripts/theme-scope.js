/* Material for MkDocs keeps a few helpers on window (__md_scope, __md_get,
   __md_set, __md_hash). The theme ships them as an inline script; this file
   does the same job so the Content-Security-Policy can forbid inline code.
   It runs in <head>, before Material's bundle, which relies on them. */
(function () {
  "use strict";
  var scope = document.currentScript.getAttribute("data-scope") || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (err) {
      /* Storage may be full or switched off: the choice is simply not kept. */
    }
  };
})();
