/* Checklist ticks, kept in this browser only.
 *
 * Progressive enhancement of the checklist fragment the build writes (see
 * hooks/nextsteps/checklist). It needs only the shared helpers (common.js,
 * loaded before it), so the same file works on the guide and in a bare
 * embed page.
 *
 * Storage: localStorage "nextsteps.checklist.v1" = {"<item-id>": true, ...}.
 * Ids are stable, so rewording an item keeps its tick. A fragment that lists
 * every id in the guide (data-all-ids) lets this script forget ticks for
 * items that no longer exist. If storage is blocked, ticks last for the page.
 *
 * After start-up and after every change it sends
 * "nextsteps:progress" on document with {done, total} for that fragment.
 */
(() => {
  "use strict";

  const KEY = "nextsteps.checklist.v1";
  const { fill, announce } = window.NextSteps;
  const store = window.NextSteps.storage; // null: blocked by the browser or its settings

  let inMemory = {};

  const clean = (value) => {
    const ticks = {};
    if (value && typeof value === "object" && !Array.isArray(value)) {
      Object.keys(value)
        .filter((id) => value[id] === true)
        .sort()
        .forEach((id) => {
          ticks[id] = true;
        });
    }
    return ticks;
  };

  const load = () => {
    if (!store) return clean(inMemory);
    try {
      return clean(JSON.parse(store.getItem(KEY) || "{}"));
    } catch (error) {
      return {};
    }
  };

  // Ask once that the browser keep this site's storage: without it, some
  // browsers clear it when space runs low. The browser may say no; the plan
  // page tells the reader what can still clear it.
  let askedToKeep = false;
  const askToKeep = () => {
    if (askedToKeep || !store || !navigator.storage || typeof navigator.storage.persist !== "function") return;
    askedToKeep = true;
    navigator.storage.persist().catch(() => { /* the answer changes nothing here */ });
  };

  const save = (ticks) => {
    inMemory = clean(ticks);
    if (!store) return;
    askToKeep();
    try {
      if (Object.keys(inMemory).length) {
        store.setItem(KEY, JSON.stringify(inMemory));
      } else {
        store.removeItem(KEY);
      }
    } catch (error) {
      /* storage full or newly blocked: the page still keeps the ticks */
    }
  };

  const forgetRemoved = (allIds) => {
    const known = new Set(allIds);
    const ticks = load();
    const kept = {};
    Object.keys(ticks).forEach((id) => {
      if (known.has(id)) kept[id] = true;
    });
    if (Object.keys(kept).length !== Object.keys(ticks).length) save(kept);
  };

  const setUp = (root) => {
    const boxes = Array.from(root.querySelectorAll("input[type='checkbox'][data-item-id]"));
    const progress = root.querySelector("[data-ns-progress]");
    const reset = root.querySelector("[data-ns-reset]");
    const kept = root.querySelector("[data-ns-kept]");
    // The page's words for the line (nextsteps.wording), such as "{done} of {total} done".
    const progressWords = (progress && progress.getAttribute("data-ns-words")) || "{done} of {total} done";
    const allIds = (root.getAttribute("data-all-ids") || "").split(/\s+/).filter(Boolean);

    if (allIds.length) forgetRemoved(allIds);

    const report = () => {
      const done = boxes.filter((box) => box.checked).length;
      const total = boxes.length;
      if (progress) progress.textContent = fill(progressWords, { done, total });
      document.dispatchEvent(new CustomEvent("nextsteps:progress", { detail: { done, total } }));
    };

    const show = () => {
      const ticks = load();
      boxes.forEach((box) => {
        box.checked = ticks[box.dataset.itemId] === true;
      });
    };

    root.addEventListener("change", (event) => {
      const box = event.target;
      if (!boxes.includes(box)) return;
      const ticks = load(); // read again: another tab may have ticked something
      if (box.checked) {
        ticks[box.dataset.itemId] = true;
      } else {
        delete ticks[box.dataset.itemId];
      }
      save(ticks);
      report();
    });

    // "Start again" asks first, then offers Undo: one slip must not lose weeks of ticks.
    const confirmBox = root.querySelector("[data-ns-confirm]");
    const status = root.querySelector("[data-ns-status]");
    const undoBox = root.querySelector("[data-ns-undo-box]");
    let cleared = [];

    const tell = (words) => announce(status, words);

    if (reset && confirmBox) {
      reset.addEventListener("click", () => {
        if (undoBox) undoBox.hidden = true;
        confirmBox.hidden = false;
        reset.hidden = true;
        confirmBox.querySelector("[data-ns-confirm-ask]").focus();
      });
      const close = () => {
        confirmBox.hidden = true;
        reset.hidden = false;
      };
      confirmBox.querySelector("[data-ns-reset-no]").addEventListener("click", () => {
        close();
        reset.focus();
      });
      confirmBox.querySelector("[data-ns-reset-yes]").addEventListener("click", () => {
        const ticks = load();
        cleared = boxes.filter((box) => ticks[box.dataset.itemId] === true).map((box) => box.dataset.itemId);
        boxes.forEach((box) => {
          box.checked = false;
          delete ticks[box.dataset.itemId];
        });
        save(ticks);
        report();
        close();
        tell(status.getAttribute("data-ns-words-done") || "");
        if (undoBox) {
          undoBox.hidden = false;
          undoBox.querySelector("[data-ns-undo]").focus();
        }
      });
      if (undoBox) {
        undoBox.querySelector("[data-ns-undo]").addEventListener("click", () => {
          const ticks = load(); // keep anything ticked since, add back what was cleared
          cleared.forEach((id) => { ticks[id] = true; });
          cleared = [];
          save(ticks);
          show();
          report();
          undoBox.hidden = true;
          tell(status.getAttribute("data-ns-words-undone") || "");
          reset.focus();
        });
      }
    }

    window.addEventListener("storage", (event) => {
      if (event.key === KEY || event.key === null) {
        show();
        report();
      }
    });

    // Say the ticks are saved only when this browser let us write them.
    if (kept) {
      kept.textContent = kept.getAttribute(store ? "data-ns-words-saved" : "data-ns-words-page") || "";
    }

    show();
    report();
  };

  const start = () => {
    document.querySelectorAll("[data-ns-checklist]").forEach(setUp);
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
