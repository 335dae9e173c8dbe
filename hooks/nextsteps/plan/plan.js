/* My plan: the reader's steps with dates, calendar reminders, and progress
 * that can be saved to a link and brought back on another device.
 *
 * Everything happens in this page. The data block holds every journey's
 * items and timed actions (from the build); the reader's ticks, journey and
 * date come from localStorage:
 *   "nextsteps.checklist.v1" {"<item-id>": true}      (checklist.js writes it)
 *   "nextsteps.journey.v1"   {"journey", "step", "checklist"} (journey.js too)
 *   "nextsteps.plan.v1"      {"turnedDown": "YYYY-MM-DD"}
 *
 * It uses the shared helpers (common.js, window.NextSteps) for storage, the
 * status line and the clipboard, and the plan's dates and calendar file
 * (calendar.js, NextSteps.calendar). The page loads both just before this
 * script, without "defer", so the plan is drawn while the page is read.
 *
 * A saved-progress link carries the state in its #fragment, which browsers
 * never send to a server. Opening it asks before changing anything, and a
 * link that is not exactly what this page writes changes nothing.
 */
(() => {
  "use strict";

  const { fill, storage: store, announce, copy } = window.NextSteps;
  const { DAY, parseDay, isoDay, today: todayLocal, windowOf, calendarText } = window.NextSteps.calendar;
  const TICKS = "nextsteps.checklist.v1";
  const JOURNEY = "nextsteps.journey.v1";
  const PLAN = "nextsteps.plan.v1";
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  /* ----------------------------------------------------------- storage */

  const readJSON = (key) => {
    if (!store) return null;
    try {
      return JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  };
  const writeJSON = (key, value) => {
    if (!store) return false;
    try {
      store.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  };
  const ticks = () => {
    const value = readJSON(TICKS);
    const out = {};
    if (value && typeof value === "object" && !Array.isArray(value)) {
      Object.keys(value).forEach((id) => { if (value[id] === true && SLUG.test(id)) out[id] = true; });
    }
    return out;
  };

  /* -------------------------------------------------------------- page */

  /* ``early``: called while the page is still being read, just after the
     plan's place: draw the inputs and the plan only. The rest of the page
     (buttons, saved links) does not exist yet; it is wired on load. */
  const start = (root, early) => {
    const data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
    const words = data.words || {};
    // A phrase that counts has a form per plural category: the table's "one", "other"...
    const plurals = new Intl.PluralRules(words.date_locale || "en-GB");
    const say = (key, slots) => {
      const entry = words[key] || "";
      const text = typeof entry === "object" ? entry[plurals.select(slots.count)] || entry.other : entry;
      return fill(text, slots || {});
    };
    const part = (name) => root.querySelector(`[data-ns-plan-${name}]`);
    const dateInput = root.querySelector("#ns-plan-date");
    const journeyInput = root.querySelector("#ns-plan-journey");
    const lists = part("lists");
    const ready = part("when-ready");
    const status = part("status");
    const siteRoot = window.__md_scope instanceof URL ? window.__md_scope : new URL("../", window.location.href);
    const known = new Set(data.allIds || []);
    const format = new Intl.DateTimeFormat(words.date_locale || "en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
    const formatYear = new Intl.DateTimeFormat(words.date_locale || "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

    const tell = (message) => announce(status, message);

    const askToKeep = () => {
      const line = part("persist");
      if (!navigator.storage || typeof navigator.storage.persist !== "function") {
        line.textContent = say("not_persisted");
        return;
      }
      navigator.storage.persist()
        .then((granted) => { line.textContent = say(granted ? "persisted" : "not_persisted"); })
        .catch(() => { line.textContent = say("not_persisted"); });
    };

    const journeyState = () => {
      const value = readJSON(JOURNEY);
      if (!value || typeof value !== "object" || typeof value.journey !== "string" || !has(data.journeys, value.journey)) return null;
      return value;
    };

    const setJourney = (journey, step) => {
      const checklist = new URL(data.journeys[journey].checklist, window.location.href);
      const path = checklist.pathname.startsWith(siteRoot.pathname) ? checklist.pathname.slice(siteRoot.pathname.length) : "";
      const before = journeyState();
      const keepStep = step || (before && before.journey === journey ? before.step : "");
      writeJSON(JOURNEY, { journey, step: keepStep || "", checklist: path });
    };

    const turnedDown = () => {
      const value = readJSON(PLAN);
      const day = value && typeof value === "object" ? parseDay(value.turnedDown) : null;
      return day && day <= todayLocal() ? day : null;
    };

    const setTurnedDown = (day) => writeJSON(PLAN, { turnedDown: isoDay(day) });

    /* What the plan shows: each group's dated actions, things left, then things done. */
    const planOf = (journey, day) => {
      const done = ticks();
      const today = todayLocal();
      const groups = { today: [], "this-week": [], later: [] };
      journey.timed.forEach((action) => {
        const [first, last] = windowOf(action, day);
        const group = first <= today ? "today" : first.getTime() - today.getTime() < 7 * DAY ? "this-week" : "later";
        const when = first.getTime() === last.getTime() ? say("on", { date: format.format(first) }) : say("window", { first: format.format(first), last: format.format(last) });
        groups[group].push({ kind: "timed", action, first, last, when });
      });
      Object.keys(groups).forEach((g) => groups[g].sort((a, b) => a.first - b.first));
      const byWhen = { today: "today", "this-week": "this-week", ongoing: "later" };
      journey.items.forEach((item) => {
        groups[byWhen[item.when] || "later"].push({ kind: "item", item, done: done[item.id] === true });
      });
      Object.keys(groups).forEach((g) => {
        groups[g] = groups[g].filter((e) => !e.done).concat(groups[g].filter((e) => e.done));
      });
      return groups;
    };

    const render = () => {
      lists.textContent = "";
      const state = journeyState();
      const day = turnedDown();
      if (ready) ready.classList.toggle("ns-plan__waiting", !state || !day);
      if (!state || !day) {
        if (!state) {
          const p = document.createElement("p");
          p.textContent = say("choose");
          lists.appendChild(p);
        }
        return;
      }
      const journey = data.journeys[state.journey];
      const groups = planOf(journey, day);
      const items = journey.items.length;
      const doneCount = journey.items.filter((item) => ticks()[item.id] === true).length;
      const summary = document.createElement("p");
      summary.className = "ns-plan__summary";
      summary.textContent = say("left", { left: items - doneCount, done: doneCount });
      lists.appendChild(summary);
      ["today", "this-week", "later"].forEach((name) => {
        if (!groups[name].length) return;
        const heading = document.createElement("h2");
        heading.id = `plan-${name}`;
        heading.textContent = say(`group.${name}`);
        const list = document.createElement("ul");
        list.className = "ns-plan__list";
        list.setAttribute("aria-labelledby", heading.id);
        groups[name].forEach((entry) => {
          const li = document.createElement("li");
          li.className = "ns-plan__entry";
          if (entry.kind === "timed") {
            li.classList.add("ns-plan__entry--timed");
            const when = document.createElement("strong");
            when.className = "ns-plan__when";
            when.textContent = entry.when;
            li.append(when, document.createElement("br"), entry.action.text + " ");
            const link = document.createElement("a");
            link.href = entry.action.href;
            link.textContent = say("step", { title: entry.action.step });
            li.appendChild(link);
          } else {
            if (entry.done) {
              li.classList.add("ns-plan__entry--done");
              const tag = document.createElement("strong");
              tag.className = "ns-plan__done";
              tag.textContent = say("done");
              li.append(tag, " ");
            }
            li.append(entry.item.text + " ");
            const link = document.createElement("a");
            link.href = entry.item.href;
            link.textContent = say("step", { title: entry.item.step });
            li.appendChild(link);
          }
          list.appendChild(li);
        });
        lists.append(heading, list);
      });
      if (!ready) return; // drawn early: the rest is filled in on load
      fillCalendarFallbacks(journey, day);
      fillMail(journey, day, groups);
    };

    const calendarOf = (journey, day) => calendarText(journey.timed, day, {
      host: data.host, stamp: new Date(), name: say("calendar_name"), more: words.more || "{url}", reminder: words.reminder || "{text}",
    });

    const fillCalendarFallbacks = (journey, day) => {
      const link = part("data-link");
      link.href = `data:text/calendar;charset=utf-8,${encodeURIComponent(calendarOf(journey, day))}`;
      const byHand = part("by-hand");
      byHand.textContent = "";
      journey.timed.forEach((action) => {
        const [first, last] = windowOf(action, day);
        const li = document.createElement("li");
        const when = first.getTime() === last.getTime() ? say("on", { date: format.format(first) }) : say("window", { first: format.format(first), last: format.format(last) });
        li.textContent = `${when}: ${action.text}`;
        byHand.appendChild(li);
      });
    };

    const planText = (journey, day, groups) => {
      const lines = [say("email_intro", { url: data.planUrl }), "", journey.title, ""];
      ["today", "this-week", "later"].forEach((name) => {
        if (!groups[name].length) return;
        lines.push(say(`group.${name}`));
        groups[name].forEach((entry) => {
          if (entry.kind === "timed") lines.push(`- ${entry.when}: ${entry.action.text}`);
          else lines.push(`- ${entry.done ? `[${say("done")}] ` : ""}${entry.item.text}`);
        });
        lines.push("");
      });
      return lines.join("\r\n");
    };

    const fillMail = (journey, day, groups) => {
      part("mailto").href = `mailto:?subject=${encodeURIComponent(say("email_subject"))}&body=${encodeURIComponent(planText(journey, day, groups))}`;
    };

    const download = (text, type, name) => {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60000);
    };

    /* --------------------------------------------- save and bring back */

    const toBase64Url = (text) => {
      let binary = "";
      new TextEncoder().encode(text).forEach((byte) => { binary += String.fromCharCode(byte); });
      return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    };
    const fromBase64Url = (code) => {
      const binary = atob(code.replace(/-/g, "+").replace(/_/g, "/"));
      const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    };

    const currentState = () => {
      const state = { v: 1, t: Object.keys(ticks()).filter((id) => known.has(id)).sort() };
      const journey = journeyState();
      if (journey) {
        state.j = journey.journey;
        if (typeof journey.step === "string" && SLUG.test(journey.step)) state.s = journey.step;
      }
      const day = turnedDown();
      if (day) state.d = isoDay(day);
      return state;
    };

    /* A saved state, exactly as this page writes it, or null. Unknown ids are dropped. */
    const readSaved = (code) => {
      if (!/^[A-Za-z0-9_-]{1,6000}$/.test(code)) return null;
      let value;
      try {
        value = JSON.parse(fromBase64Url(code));
      } catch (error) {
        return null;
      }
      if (!value || typeof value !== "object" || Array.isArray(value) || value.v !== 1) return null;
      if (Object.keys(value).some((key) => !["v", "t", "j", "s", "d"].includes(key))) return null;
      if (!Array.isArray(value.t) || value.t.length > 2000 || value.t.some((id) => typeof id !== "string" || !SLUG.test(id))) return null;
      if (has(value, "j") && (typeof value.j !== "string" || !SLUG.test(value.j))) return null;
      if (has(value, "s") && (typeof value.s !== "string" || !SLUG.test(value.s))) return null;
      let day = null;
      if (has(value, "d")) {
        day = parseDay(value.d);
        if (!day || day > todayLocal()) return null;
      }
      const journey = has(value, "j") && has(data.journeys, value.j) ? value.j : "";
      const step = journey && has(value, "s") && data.journeys[journey].steps.includes(value.s) ? value.s : "";
      return { ticks: value.t.filter((id) => known.has(id)), journey, step, day };
    };

    const clearFragment = () => {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    };

    const offerRestore = () => {
      const hash = window.location.hash;
      if (!hash.startsWith("#restore=")) return;
      const saved = readSaved(hash.slice("#restore=".length));
      clearFragment();
      if (!saved) {
        tell(say("restore_bad"));
        return;
      }
      const panel = part("restore");
      part("restore-summary").textContent = say("restore_summary", {
        count: saved.ticks.length,
        journey: saved.journey ? data.journeys[saved.journey].title : say("restore_none"),
        date: saved.day ? formatYear.format(saved.day) : say("restore_none"),
      });
      panel.hidden = false;
      panel.querySelector("h2").focus();
      part("restore-yes").addEventListener("click", () => {
        const now = ticks();
        saved.ticks.forEach((id) => { now[id] = true; });
        writeJSON(TICKS, now);
        if (saved.journey) setJourney(saved.journey, saved.step);
        if (saved.day) setTurnedDown(saved.day);
        panel.hidden = true;
        showInputs();
        render();
        if (part("persist")) askToKeep();
        tell(say("restored"));
      }, { once: true });
      part("restore-no").addEventListener("click", () => {
        panel.hidden = true;
        tell(say("restore_kept"));
      }, { once: true });
    };

    const showInputs = () => {
      const day = turnedDown();
      dateInput.value = isoDay(day || todayLocal());
      dateInput.max = isoDay(todayLocal());
      const state = journeyState();
      journeyInput.value = state ? state.journey : "";
    };

    if (early) {
      // Asked once: the first visit keeps today, which the reader can change.
      if (!turnedDown()) setTurnedDown(todayLocal());
      showInputs();
      render();
      offerRestore(); // it clears the #fragment, so the full start on load finds nothing more to do
      return;
    }

    /* ------------------------------------------------------- controls */

    dateInput.addEventListener("change", () => {
      const day = parseDay(dateInput.value);
      if (!day || day > todayLocal()) {
        tell(say("date_bad", { example: formatYear.format(todayLocal()) }));
        return;
      }
      if (setTurnedDown(day)) tell(say("date_saved", { date: formatYear.format(day) }));
      render();
    });
    journeyInput.addEventListener("change", () => {
      if (has(data.journeys, journeyInput.value)) setJourney(journeyInput.value, "");
      render();
    });
    part("ics").addEventListener("click", () => {
      const state = journeyState();
      const day = turnedDown();
      if (!state || !day) {
        tell(say("choose"));
        journeyInput.focus();
        return;
      }
      download(calendarOf(data.journeys[state.journey], day), "text/calendar;charset=utf-8", "my-plan.ics");
      // No page can see whether the browser saved the file, so do not claim it did.
      tell(say("downloaded", { file: "my-plan.ics" }));
    });
    part("print").addEventListener("click", () => window.print());
    part("save").addEventListener("click", () => {
      const link = `${window.location.origin}${window.location.pathname}#restore=${toBase64Url(JSON.stringify(currentState()))}`;
      const box = part("saved");
      const input = root.querySelector("#ns-plan-link");
      input.value = link;
      box.hidden = false;
      input.focus();
      input.select();
      askToKeep();
      tell(say("saved"));
    });
    part("copy").addEventListener("click", async () => {
      const input = root.querySelector("#ns-plan-link");
      if (await copy(input.value)) {
        tell(say("copied"));
        return;
      }
      input.focus();
      input.select();
      tell(say("copy_failed"));
    });
    part("file").addEventListener("click", () => {
      const input = root.querySelector("#ns-plan-link");
      const text = say("file_text", { site: document.title, date: formatYear.format(todayLocal()), link: input.value });
      download(text, "text/plain;charset=utf-8", "my-progress.txt");
      tell(say("file_done", { file: "my-progress.txt" }));
    });

    if (!turnedDown()) setTurnedDown(todayLocal());
    showInputs();
    render();
    if (store) askToKeep();
    offerRestore();
    window.addEventListener("storage", () => { showInputs(); render(); });
  };

  const begin = () => document.querySelectorAll("[data-ns-plan]").forEach((root) => start(root, false));
  if (document.readyState === "loading") {
    const here = document.currentScript && document.currentScript.closest("[data-ns-plan]");
    if (here) start(here, true);
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();
