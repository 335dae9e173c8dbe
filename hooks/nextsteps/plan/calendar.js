/* Days and calendar files for "My plan": the dates of each timed action
 * from the day of the news, and the .ics text with one event per action.
 *
 * It follows the same rules as calendar.py (RFC 5545), step for step; both
 * run the shared cases in tests/cases/plan_calendar_cases.json. When you
 * change a rule, change both and add a case.
 *
 * Published as NextSteps.calendar for plan.js, which loads after it; it
 * needs only common.js (for filling in {slots}).
 */
(() => {
  "use strict";

  const { fill } = window.NextSteps;
  const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  const DAY = 86400000;

  // Dates are whole days, kept as UTC midnights so no clock change moves them.
  /* "2026-11-27" as a day, or null for anything that is not a real date. */
  const parseDay = (text) => {
    const m = ISO.exec(String(text));
    if (!m) return null;
    const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const d = new Date(t);
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
  };
  const isoDay = (d) => d.toISOString().slice(0, 10);
  const compact = (d) => isoDay(d).replace(/-/g, "");
  /* Today in the reader's own time zone, as a day. */
  const today = () => {
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  };

  /* The same rule as calendar.add_days: working days skip Saturday and Sunday. */
  const addDays = (start, count, days) => {
    if (days !== "working") return new Date(start.getTime() + count * DAY);
    let day = start;
    let left = count;
    while (left > 0) {
      day = new Date(day.getTime() + DAY);
      const weekday = day.getUTCDay();
      if (weekday !== 0 && weekday !== 6) left -= 1;
    }
    return day;
  };

  /* The first and last day of a timed action, as calendar.window. */
  const windowOf = (action, turnedDown) => {
    const first = addDays(turnedDown, action.after, action.days);
    const last = action.until === null || action.until === undefined ? first : addDays(turnedDown, action.until, action.days);
    return [first, last];
  };

  const escapeText = (text) => String(text)
    .replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");

  // Lines of at most 75 octets; a continuation starts with one space. Code
  // points are never split, so a folded line is still valid UTF-8.
  const encoder = new TextEncoder();
  const fold = (line) => {
    const out = [];
    let current = "";
    let size = 0;
    for (const ch of line) {
      const bytes = encoder.encode(ch).length;
      if (size + bytes > 75) {
        out.push(current);
        current = " " + ch;
        size = 1 + bytes;
      } else {
        current += ch;
        size += bytes;
      }
    }
    out.push(current);
    return out.join("\r\n");
  };

  const stampOf = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

  /* The .ics text: the same events calendar.py makes for the same input.
     ``turnedDown`` and ``options.stamp`` are dates; ``options`` also holds
     the host (for the UIDs), the calendar's name and two phrases: "more"
     with {url} and "reminder" with {text}. */
  const calendarText = (actions, turnedDown, options) => {
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Next Steps//My plan//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${escapeText(options.name)}`,
    ];
    actions.forEach((action) => {
      const [first, last] = windowOf(action, turnedDown);
      lines.push(
        "BEGIN:VEVENT",
        `UID:${action.id}-${compact(turnedDown)}@${options.host}`,
        `DTSTAMP:${stampOf(options.stamp)}`,
        `DTSTART;VALUE=DATE:${compact(first)}`,
        `DTEND;VALUE=DATE:${compact(new Date(last.getTime() + DAY))}`,
        `SUMMARY:${escapeText(action.text)}`,
        `DESCRIPTION:${escapeText(`${action.text}\n\n${fill(options.more, { url: action.url })}`)}`,
        `URL:${action.url}`,
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${escapeText(fill(options.reminder, { text: action.text }))}`,
        "TRIGGER;RELATED=START:PT9H",
        "END:VALARM",
        "END:VEVENT",
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  };

  window.NextSteps.calendar = Object.freeze({ DAY, parseDay, isoDay, today, addDays, windowOf, calendarText });
})();
