/* "Remember my details": what a visitor typed in a letter's form, kept in
 * this browser (localStorage) only while the box is ticked, never sent.
 *
 * One record for every letter, so a name typed once fills the next letter:
 * "nextsteps.letters.v1" = {"version": 1, "values": {"<field>": "...", ...}}.
 * Where storage is blocked (NextSteps.storage is null) nothing is kept,
 * and letters.js hides the box.
 *
 * Published as NextSteps.letterDetails for letters.js, which loads after it.
 */
(() => {
  "use strict";

  const KEY = "nextsteps.letters.v1";
  const store = window.NextSteps.storage;

  /* What was stored, or null for nothing (or anything not ours). */
  const read = () => {
    if (!store) return null;
    try {
      const data = JSON.parse(store.getItem(KEY) || "null");
      return data && data.version === 1 && data.values && typeof data.values === "object" ? data : null;
    } catch (error) {
      return null;
    }
  };

  /* Adds these values to the stored ones (other letters' fields stay). */
  const write = (values) => {
    if (!store) return;
    const stored = read();
    const merged = { ...(stored ? stored.values : {}), ...values };
    try {
      store.setItem(KEY, JSON.stringify({ version: 1, values: merged }));
    } catch (error) {
      /* storage full or newly blocked: the form still works */
    }
  };

  const forget = () => {
    if (!store) return;
    try {
      store.removeItem(KEY);
    } catch (error) {
      /* nothing stored */
    }
  };

  window.NextSteps.letterDetails = Object.freeze({ available: Boolean(store), read, write, forget });
})();
