/* Pick up where you left off, in this browser only.
 *
 * A page on a stage's path carries data-ns-journey (the stage), data-ns-step
 * (the step, on a step's page) and data-ns-checklist (that stage's list).
 * This script keeps the last of those in localStorage
 * "nextsteps.journey.v1" = {"journey": "...", "step": "...", "checklist": "<that list's path from the site's root>"}.
 *
 * The build writes in the addresses it needs (PATHS, from addresses.py):
 * the whole-guide checklist's, and the way from this script to the site's root.
 *
 * The start page's "Carry on" box is carry-on.js's. Links to the whole-guide checklist go to the
 * reader's own list once a journey is known: those marked data-ns-my-checklist
 * and the menu's.
 *
 * Nothing leaves the browser. Without this script, or with storage blocked,
 * the box stays hidden and every link keeps its usual place.
 */
(() => {
  "use strict";

  const KEY = "nextsteps.journey.v1";
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const PLACE = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)+$/;

  const PATHS = {/*paths*/};

  const script = document.currentScript;
  const root = window.__md_scope instanceof URL ? window.__md_scope : (script ? new URL(PATHS.root, script.src) : null);

  const store = window.NextSteps.storage; // null when blocked: nothing is remembered, and nothing says it is

  /* What was stored, checked field by field; anything odd counts as nothing. */
  const read = () => {
    if (!store) return null;
    try {
      const value = JSON.parse(store.getItem(KEY) || "null");
      if (!value || typeof value !== "object" || typeof value.journey !== "string" || !SLUG.test(value.journey)) return null;
      return {
        journey: value.journey,
        step: typeof value.step === "string" && SLUG.test(value.step) ? value.step : "",
        checklist: typeof value.checklist === "string" && PLACE.test(value.checklist) ? value.checklist : "",
      };
    } catch (error) {
      return null;
    }
  };

  const write = (value) => {
    if (!store) return;
    try {
      store.setItem(KEY, JSON.stringify(value));
    } catch (error) {
      /* storage full: the reader simply starts from the start page next time */
    }
  };

  /* An address on this site as a path from the site's root, or "" for anything else. */
  const fromRoot = (url) => {
    if (!root || url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return "";
    const path = url.pathname.slice(root.pathname.length);
    return PLACE.test(path) ? path : "";
  };

  const record = () => {
    const here = document.querySelector("[data-ns-journey]");
    if (!here) return;
    const journey = here.getAttribute("data-ns-journey") || "";
    if (!SLUG.test(journey)) return;
    const before = read();
    const step = here.getAttribute("data-ns-step") || (before && before.journey === journey ? before.step : "");
    const checklist = fromRoot(new URL(here.getAttribute("data-ns-checklist") || "", window.location.href));
    write({ journey, step, checklist });
  };

  /* "Your checklist" in the menu, the footer and the start page: the reader's own list. */
  const pointChecklistLinks = () => {
    const saved = read();
    if (!saved || !saved.checklist || !root) return;
    const whole = new URL(PATHS.checklist, root).href;
    const own = new URL(saved.checklist, root).href;
    // Only links that say "your checklist" (marked by the build) and the menu's;
    // a link named "the checklist for all the steps" keeps its word.
    document.querySelectorAll("a[data-ns-my-checklist], .md-nav a[href]").forEach((link) => {
      if (link.href === whole) link.href = own;
    });
  };

  const start = () => {
    record();
    pointChecklistLinks();
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
