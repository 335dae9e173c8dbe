/* Runs inside a widget page under /embed/, shown on another website.
 *
 * It first works out how it is shown, and marks <html data-ns-frame>:
 * - "loader": embed.js made the frame and put the host page's origin after
 *   "#" (with accent and title=hide). Events go to that origin only.
 * - "wordpress": a WordPress site pasted our oEmbed frame. It adds
 *   "#?secret=..." and a sandbox (scripts only: no storage, pop-ups,
 *   downloads, print or top navigation), and obeys two messages, each with
 *   the secret: {message: "height", value} to size the frame (200 to 1000
 *   pixels) and {message: "link", value: url} to open a page of our site.
 * - "frame": any other frame, such as the plain iframe snippet;
 * - "page": not in a frame at all.
 *
 * Its height (a number only) may go to any parent, so every frame fits.
 * Where the frame blocks something, <html data-ns-blocked> names it, the
 * widget's own script hides the buttons that would silently fail, and one
 * plain note tells the reader what is lost and where the full page is.
 *
 * It listens to one message only: WordPress's {message: "ready", secret},
 * sent when its listener starts after the frame has loaded. The answer is
 * the height again; nothing else can be asked of the widget.
 *
 * It knows the widgets only by the hooks their templates write, never by
 * their class names or words: [data-ns-new-tab] marks words about a new
 * tab, and [data-ns-compact] the parts a WordPress frame folds up
 * (checklist/templates/widget.html, letters/widget.html).
 */
(() => {
  "use strict";

  const HEX = /^#[0-9a-fA-F]{6}$/;
  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const WORDPRESS_CAP = 1000; // the tallest frame WordPress allows, in pixels
  const root = document.documentElement;
  const kind = root.getAttribute("data-nextsteps-widget") || "";
  const compact = (name) => `[data-ns-compact='${name}']`;
  // The page's words for this script (nextsteps.wording).
  let table = {};
  try {
    table = JSON.parse(root.getAttribute("data-ns-words") || "{}");
  } catch (error) {
    /* the key names stand in */
  }
  const words = window.NextSteps.wordsFrom(table);
  const hash = location.hash.slice(1);
  const options = new URLSearchParams(hash.charAt(0) === "?" ? hash.slice(1) : hash);
  const parentWindow = window.parent !== window ? window.parent : null;

  const validOrigin = (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value ? value : null;
    } catch (error) {
      return null;
    }
  };

  const host = validOrigin(options.get("host") || "");
  // WordPress makes a 10-character secret of letters and digits.
  const secret = /^[A-Za-z0-9]{1,64}$/.test(options.get("secret") || "") ? options.get("secret") : null;
  const mode = !parentWindow ? "page" : host ? "loader" : secret ? "wordpress" : "frame";
  root.setAttribute("data-ns-frame", mode);

  /* ------------------------------------------------ what works in here */

  // A sandbox without allow-same-origin gives the page an opaque origin. No
  // page can read its sandbox flags, so an opaque origin, or storage refused
  // inside a WordPress frame, counts as the strict WordPress sandbox.
  const storage = window.NextSteps.storage !== null; // null: a sandbox, or the browser's privacy settings
  const sandboxed = window.origin === "null" || (mode === "wordpress" && !storage);
  const blocked = [];
  if (!storage) blocked.push("storage");
  if (sandboxed) blocked.push("download", "print", "email", "popups");
  if (blocked.length) root.setAttribute("data-ns-blocked", blocked.join(" "));

  /* ------------------------------------------------------- messages out */

  const post = (message, anyParent) => {
    if (!parentWindow) return;
    message.source = "nextsteps";
    if (host) parentWindow.postMessage(message, host);
    else if (anyParent) parentWindow.postMessage(message, "*");
  };

  const tellWordPress = (message, value) => {
    if (mode === "wordpress") parentWindow.postMessage({ message, value, secret }, "*");
  };

  /* ------------------------------------------------------- brand colour */

  /* The same rule as nextsteps.brand.colour: black or white text, whichever
     has the higher WCAG contrast on the colour (black wins a tie). */
  const luminance = (hex) => {
    const lin = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  };

  const readableOn = (hex) => {
    const l = luminance(hex);
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
  };

  const accent = options.get("accent");
  if (accent && HEX.test(accent) && 1.05 / (luminance(accent) + 0.05) >= 3) {
    root.style.setProperty("--ns-accent", accent);
    root.style.setProperty("--ns-on-accent", readableOn(accent));
  } else if (accent) {
    // The top bar would vanish on a white page: keep the site's own colour.
    console.warn(`Next Steps: data-accent ${accent.slice(0, 20)} is not used. Use a colour such as #0b6e4f, with at least 3:1 contrast against white.`);
  }
  if (options.get("title") === "hide") {
    // Gone from sight, still read by screen readers: the shared class, not a copy of its rule.
    root.classList.add("ns-embed--no-title");
    document.querySelector(".ns-embed__title")?.classList.add("ns-visually-hidden");
  }

  /* ------------------------------------------- inside a WordPress frame */

  const fullPageLink = () => document.querySelector(".ns-embed__footer a[href]");

  const linkTo = (href, text) => {
    const link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    return link;
  };

  // A phrase with a {link} slot, as parts for note(): text, the link, text.
  const withLink = (key, href, linkKey) => {
    const text = words(key).split("{link}");
    return [text[0], linkTo(href, words(linkKey)), text.slice(1).join("")];
  };

  const note = (className, parts) => {
    const box = document.createElement("p");
    box.className = `ns-embed__note ${className}`;
    parts.forEach((part) => box.append(part));
    const title = document.querySelector(".ns-embed__title");
    if (title) title.after(box);
    else document.querySelector("main").prepend(box);
    return box;
  };

  // Links leave the frame through WordPress, in the same tab: no new-tab words.
  const linksThroughWordPress = () => {
    document.querySelectorAll("[data-ns-new-tab]").forEach((part) => part.remove());
    document.querySelectorAll("a[target='_blank']").forEach((link) => link.removeAttribute("target"));
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest("a[href]");
      if (!link || event.defaultPrevented) return;
      const url = new URL(link.href);
      if (url.host !== location.host || !/^https?:$/.test(url.protocol)) return;
      if (url.pathname === location.pathname) return; // a place on this page
      event.preventDefault();
      tellWordPress("link", url.href);
    });
  };

  const pageHeight = () => Math.ceil(root.getBoundingClientRect().height);

  // Each group of the checklist (a heading marked "section" and the list
  // after it) becomes a section that opens, the first one open. The others
  // open too, in order, while the whole still fits WordPress's frame
  // (openWhatFits, once every script has run).
  const checklistSections = [];
  const compactChecklist = () => {
    document.querySelectorAll(compact("section")).forEach((heading, index) => {
      const list = heading.nextElementSibling;
      if (!list) return;
      const section = document.createElement("details");
      const summary = document.createElement("summary");
      section.className = "ns-embed__section";
      section.open = index === 0;
      heading.before(section);
      summary.append(heading);
      section.append(summary, list);
      checklistSections.push(section);
    });
  };

  const openWhatFits = () => {
    for (let i = 1; i < checklistSections.length; i++) {
      checklistSections[i].open = true;
      if (pageHeight() > WORDPRESS_CAP) {
        checklistSections[i].open = false;
        return;
      }
    }
  };

  // A letter becomes two sections, its details ("form") and the letter
  // itself ("letter"), one open at a time, so each fits; a button after the
  // details opens the letter.
  const letterSections = [];

  const openOnly = (wanted) => {
    letterSections.forEach((other) => {
      if (other !== wanted && other.open) other.open = false;
    });
    if (!wanted.open) wanted.open = true;
  };

  const section = (summaryContent) => {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    details.className = "ns-embed__section";
    details.setAttribute("name", "ns-letter-part");
    summary.append(summaryContent);
    details.append(summary);
    // Opening one closes the others. The browser does it for details that
    // share a name; the script does it where the browser cannot. A toggle
    // event arrives after the change, so it checks which sections are open now.
    details.addEventListener("toggle", () => {
      if (details.open) openOnly(details);
    });
    return details;
  };

  const goTo = (button, target) => {
    button.addEventListener("click", () => {
      openOnly(target);
      target.querySelector("summary").focus();
    });
  };

  const button = (name, text) => {
    const made = document.createElement("button");
    made.type = "button";
    made.className = "ns-button";
    made.setAttribute("data-ns", name);
    made.textContent = text;
    return made;
  };

  const compactLetter = () => {
    const form = document.querySelector(compact("form"));
    const preview = document.querySelector(compact("letter"));
    if (!form || !preview) return;
    [form, preview].forEach((part, index) => {
      const details = section(part.querySelector(compact("title")));
      details.open = index === 0;
      part.before(details);
      details.append(part);
      letterSections.push(details);
    });
    // The preview is out of sight now, so the form's first line says what to do.
    const intro = form.querySelector(compact("intro"));
    if (intro) intro.textContent = words("letter_intro");
    const letter = letterSections[1];
    const show = button("show-letter", words("show", { what: letter.querySelector("summary").textContent.trim().toLowerCase() }));
    goTo(show, letter);
    form.append(show);
  };

  // Details too tall for WordPress's frame (a phone, a long form) show
  // their boxes a page at a time, each page within the frame, with buttons
  // to the next and the previous page. Boxes that only feed a blocked action
  // are hidden by then, so they take no room. Text wraps differently at
  // another width, so a new width makes the pages again.
  let pages = null; // {width, boxes, of (each box's page), count, current, title, heading, back, next, show}

  const showPage = (n, focus) => {
    pages.current = n;
    pages.boxes.forEach((box, index) => { box.hidden = pages.of[index] !== n; });
    const last = n === pages.count - 1;
    pages.back.hidden = n === 0;
    pages.next.hidden = last;
    pages.show.hidden = pages.count > 1 && !last;
    pages.pager.hidden = pages.count === 1;
    pages.heading.textContent = pages.count > 1 ? words("page", { title: pages.title, n: n + 1, total: pages.count }) : pages.title;
    if (pages.intro) pages.intro.hidden = n > 0; // said once, on the first page
    pages.next.textContent = words("next", { n: n + 2, total: pages.count });
    pages.back.textContent = words("back", { n });
    if (focus) {
      const first = pages.boxes.find((box, index) => pages.of[index] === n);
      const field = first && first.querySelector("input, textarea, summary");
      if (field) field.focus();
    }
  };

  // Boxes join a page while the page stays within the budget; the next box
  // that would not fit starts a new page. The buttons to both sides show
  // while it measures, so every page has room for them.
  const paginate = (budget) => {
    let page = 0;
    let onPage = 0;
    pages.of = [];
    pages.back.hidden = pages.next.hidden = pages.pager.hidden = false;
    pages.boxes.forEach((box) => { box.hidden = true; });
    if (pages.intro) pages.intro.hidden = false;
    pages.boxes.forEach((box, index) => {
      box.hidden = false;
      if (pageHeight() > budget && onPage > 0) {
        for (let before = 0; before < index; before++) pages.boxes[before].hidden = true;
        if (pages.intro) pages.intro.hidden = true;
        page += 1;
        onPage = 0;
      }
      pages.of.push(page);
      onPage += 1;
    });
    pages.count = page + 1;
  };

  const pageDetails = () => {
    const first = letterSections[0];
    if (!first) return;
    const form = first.querySelector(compact("form"));
    if (!pages) {
      const pager = document.createElement("div");
      pager.className = "ns-embed__pager";
      const back = button("previous-page", "");
      back.classList.add("ns-button--secondary");
      const next = button("next-page", "");
      pager.append(back, next);
      const show = form.querySelector("[data-ns=show-letter]");
      show.before(pager);
      pages = {
        // The boxes the letter's own script left visible (not those of a blocked action).
        boxes: Array.from(form.querySelectorAll(compact("box"))).filter((box) => !box.hidden),
        heading: first.querySelector(`summary ${compact("title")}`),
        intro: form.querySelector(compact("intro")),
        pager, back, next, show,
      };
      pages.title = pages.heading.textContent;
      back.addEventListener("click", () => showPage(pages.current - 1, true));
      next.addEventListener("click", () => showPage(pages.current + 1, true));
    }
    const focused = document.activeElement;
    const wasOpen = letterSections.find((part) => part.open);
    openOnly(first);
    pages.width = window.innerWidth;
    pages.boxes.forEach((box) => { box.hidden = false; });
    pages.of = pages.boxes.map(() => 0);
    pages.count = 1;
    pages.back.hidden = pages.next.hidden = pages.pager.hidden = true;
    if (pages.intro) pages.intro.hidden = false;
    if (pageHeight() > WORDPRESS_CAP) {
      // Measured again page by page: a page over the frame lowers the budget
      // by as much, and the boxes are laid out again.
      let budget = WORDPRESS_CAP;
      for (let round = 0; ; round++) {
        paginate(budget);
        let tallest = 0;
        for (let n = 0; n < pages.count; n++) {
          showPage(n, false);
          tallest = Math.max(tallest, pageHeight());
        }
        if (tallest <= WORDPRESS_CAP || round === 4) break; // a box too tall on its own still gets its page
        budget -= tallest - WORDPRESS_CAP;
      }
    }
    // The page with the box the reader was in stays in sight.
    const at = pages.boxes.findIndex((box) => box.contains(focused));
    showPage(at >= 0 ? pages.of[at] : 0, false);
    if (wasOpen) openOnly(wasOpen);
  };

  // The letter itself, when too long for the frame, scrolls in its own box
  // (which takes keyboard focus, so it scrolls from the keyboard too), at
  // least about four lines high.
  const fitLetter = () => {
    const letter = letterSections[1];
    const sheet = letter && letter.querySelector(compact("scroll"));
    if (!sheet) return;
    const wasOpen = letterSections.find((part) => part.open);
    openOnly(letter);
    sheet.classList.remove("ns-embed__scroller");
    sheet.style.removeProperty("max-height");
    const over = pageHeight() - WORDPRESS_CAP;
    if (over > 0) {
      sheet.classList.add("ns-embed__scroller");
      sheet.setAttribute("tabindex", "0");
      sheet.style.setProperty("max-height", `${Math.max(96, Math.floor(sheet.getBoundingClientRect().height - over))}px`);
    } else {
      sheet.removeAttribute("tabindex");
    }
    if (wasOpen) openOnly(wasOpen);
  };

  const pageAgainAtNewWidth = () => {
    if (pages && pages.width !== window.innerWidth) {
      pageDetails();
      fitLetter();
    }
  };

  // A link to a box (the warning's list of empty boxes) shows the box's page first.
  document.addEventListener("click", (event) => {
    const link = pages && event.target.closest && event.target.closest("a[href^='#']");
    const target = link && document.getElementById(link.getAttribute("href").slice(1));
    const at = target ? pages.boxes.findIndex((box) => box.contains(target)) : -1;
    if (at >= 0) showPage(pages.of[at], false);
  }, true);

  /* ----------------------------------------------------------- height */

  let lastHeight = 0;
  let heardWordPress = false;
  let more = null;
  const measure = () => {
    if (more) {
      // The note shows only while there is something to scroll: the page is
      // taller than the frame it is in (WordPress stops at 1000 pixels; a
      // frame WordPress cannot size keeps the oEmbed height).
      const without = root.getBoundingClientRect().height - (more.hidden ? 0 : more.getBoundingClientRect().height);
      // Once WordPress's script has said "ready", it grows the frame up to
      // its limit, so a page that fits that limit is about to fit.
      const room = heardWordPress ? Math.max(window.innerHeight, WORDPRESS_CAP) : window.innerHeight;
      more.hidden = Math.ceil(without) <= room + 1;
    }
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      post({ type: "height", height }, true);
      tellWordPress("height", height);
    }
  };

  if (mode === "wordpress") {
    root.classList.add("ns-embed--capped");
    linksThroughWordPress();
    compactChecklist();
    compactLetter();
    // The widget's own script starts on DOMContentLoaded too, after this
    // one, and hides or adds parts: fit the sections once it has.
    document.addEventListener("DOMContentLoaded", () => {
      setTimeout(() => {
        openWhatFits();
        pageDetails();
        fitLetter();
        measure();
        window.addEventListener("resize", pageAgainAtNewWidth);
      }, 0);
    });
  }

  /* One plain note when the frame blocks what the reader would expect. */
  const limitsNote = () => {
    const says = [];
    if (!storage && kind === "checklist") says.push(words("ticks_lost"));
    if (!storage && kind === "letter") says.push(words("typing_lost"));
    if (sandboxed && kind === "letter") says.push(words("letter_limits"));
    const full = fullPageLink();
    if (!says.length || !full) return null;
    let parts = [`${says.join(" ")} `];
    if (mode === "wordpress" || !sandboxed) parts = parts.concat(withLink("full_page", full.href, "open_full"));
    else parts.push(words("full_page_at", { url: full.href })); // no link can leave this sandbox
    const box = note("ns-embed__limits", parts);
    box.setAttribute("data-ns-limits", "");
    return box;
  };
  const limits = parentWindow ? limitsNote() : null;

  // WordPress stops a frame at 1000 pixels, so a taller page scrolls inside
  // it. A line says so, in the note above when there is one: one note only.
  if (mode === "wordpress" && fullPageLink()) {
    if (limits) {
      more = document.createElement("span");
      more.className = "ns-embed__more";
      more.textContent = words("scroll");
      limits.append(more);
    } else {
      more = note("ns-embed__more", withLink("scroll_or_open", fullPageLink().href, "open_full_lower"));
    }
    more.hidden = true;
  }

  /* In a frame our loader did not make, a sandbox may refuse new tabs
     without a word (no allow-popups), and no page can read its sandbox.
     So open the tab from script: if the browser refuses, say so beside the
     link and give the address to copy. */
  const sayLinkBlocked = (link) => {
    const next = link.nextElementSibling;
    if (next && next.hasAttribute("data-ns-link-blocked")) return;
    const line = document.createElement("span");
    line.className = "ns-embed__blocked";
    line.setAttribute("data-ns-link-blocked", "");
    line.setAttribute("role", "status");
    line.textContent = words("link_blocked", { url: link.href });
    link.after(line);
  };

  if (mode === "frame") {
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest("a[target='_blank'][href]");
      if (!link || event.defaultPrevented || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      // The new tab shows this site's own page, so it may keep its opener.
      if (!window.open(link.href, "_blank")) sayLinkBlocked(link);
    });
  }

  /* ------------------------------------------------------- events out */

  const isCount = (n) => typeof n === "number" && n >= 0 && n <= 100000 && Math.floor(n) === n;

  document.addEventListener("nextsteps:progress", (event) => {
    const d = event.detail || {};
    if (isCount(d.done) && isCount(d.total) && d.done <= d.total) {
      post({ type: "progress", done: d.done, total: d.total });
    }
  });

  document.addEventListener("nextsteps:copied", (event) => {
    const letter = event.detail && event.detail.letter;
    if (typeof letter === "string" && ID.test(letter)) post({ type: "copied", letter });
  });

  // "ready" only once the widget's own script has run too (the page loads
  // them deferred, in order, before DOMContentLoaded): a host told "ready"
  // may use the widget at once, so it must already work.
  let saidReady = false;
  const sayReady = () => {
    if (saidReady) return;
    saidReady = true;
    post({ type: "ready", widget: kind, title: document.title });
  };
  document.addEventListener("DOMContentLoaded", sayReady);
  window.addEventListener("load", sayReady); // in case this script came after DOMContentLoaded

  // WordPress's listener may start after this frame has loaded (its script
  // is often at the end of the page). It then says "ready", and the height
  // has to be sent again, or the frame keeps the oEmbed height.
  if (mode === "wordpress") {
    window.addEventListener("message", (event) => {
      const d = event.data;
      if (event.source !== parentWindow || !d || d.message !== "ready" || d.secret !== secret) return;
      heardWordPress = true;
      lastHeight = 0;
      measure();
    });
  }

  if (window.ResizeObserver) new ResizeObserver(measure).observe(root);
  // The frame itself changes size too: whether to scroll may change with it.
  window.addEventListener("resize", measure);
  window.addEventListener("load", measure);
  measure();
})();
