/* "Carry on: step 4 of 9, Ask for feedback" on the start page.
 *
 * Loaded without "defer", straight after the empty box, so the box is
 * filled before the rest of the page is read and drawn: nothing below it
 * moves when it appears, even on a slow phone.
 *
 * The box holds every journey and its steps as data from the build. The
 * script offers "Carry on" only for a journey found there, at a step found
 * there (step 1 otherwise), so a stored value from an older guide, or a
 * made-up one, is ignored. journey.js writes the value it reads:
 * localStorage "nextsteps.journey.v1" = {"journey": "...", "step": "...", "checklist": "..."}.
 *
 * common.js runs just before the box, also without "defer", and gives the
 * storage probe and {slots} filling (window.NextSteps).
 */
(() => {
  "use strict";

  const KEY = "nextsteps.journey.v1";
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const script = document.currentScript;
  const box = script && script.previousElementSibling && script.previousElementSibling.matches("[data-ns-carry-on]")
    ? script.previousElementSibling
    : document.querySelector("[data-ns-carry-on]");
  if (!box) return;

  const { storage, fill } = window.NextSteps || {};
  if (!storage) return; // blocked: nothing to carry on with
  let saved = null;
  try {
    saved = JSON.parse(storage.getItem(KEY) || "null");
  } catch (error) {
    return; // not ours: nothing to carry on with
  }
  if (!saved || typeof saved !== "object" || typeof saved.journey !== "string" || !SLUG.test(saved.journey)) return;

  let data;
  try {
    data = JSON.parse(box.querySelector("script[type='application/json']").textContent);
  } catch (error) {
    return;
  }
  const journeys = data.journeys || {};
  if (!Object.prototype.hasOwnProperty.call(journeys, saved.journey)) return; // a journey this guide no longer has
  const journey = journeys[saved.journey];
  const steps = journey.steps || [];
  if (!steps.length) return;
  const found = typeof saved.step === "string" ? steps.findIndex((step) => step.slug === saved.step) : -1;
  const index = found < 0 ? 0 : found;
  const step = steps[index];
  const words = data.words || {};

  const lead = document.createElement("p");
  lead.className = "ns-carry-on__lead";
  lead.textContent = fill(words.welcome || "", { journey: journey.title });
  const go = document.createElement("a");
  go.className = "md-button md-button--primary ns-carry-on__go";
  go.href = step.href;
  go.textContent = fill(words.carry_on || "", { number: index + 1, total: steps.length, title: step.title });
  const again = document.createElement("button");
  again.type = "button";
  again.className = "ns-button ns-button--secondary";
  again.textContent = fill(words.choose_again || "", {});
  again.addEventListener("click", () => {
    try {
      storage.removeItem(KEY);
    } catch (error) {
      /* nothing stored */
    }
    box.hidden = true;
    const choices = document.getElementById("choose-your-stage");
    if (choices) {
      choices.setAttribute("tabindex", "-1");
      choices.focus();
    }
  });
  const actions = document.createElement("p");
  actions.className = "ns-carry-on__actions";
  actions.append(go, " ", again);
  box.append(lead, actions);
  box.hidden = false;
})();
