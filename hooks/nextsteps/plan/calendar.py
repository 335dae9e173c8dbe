"""Calendar reminders for "My plan": one all-day event per timed action.

The reader's file is made in their browser (``plan.js``), because only the
browser knows the day they were turned down. This module makes the same
file in Python with ``icalendar``, by the same rules, so the two can be
tested against one set of cases (``tests/cases/plan_calendar_cases.json``):
when you change a rule, change both and add a case.

The rules (RFC 5545, and what Google Calendar, Apple Calendar and Outlook
import):

- events (VEVENT), not to-dos: Outlook ignores VTODO;
- all-day: ``DTSTART;VALUE=DATE`` on the first day of the window and an
  exclusive ``DTEND`` the day after its last day;
- a stable ``UID`` from the action's id and the day of the news, so
  importing the file again updates the events instead of doubling them;
- ``DTSTAMP`` in UTC, a reminder (VALARM, DISPLAY) at 9:00 on the first day,
  and a description that links back to the step;
- lines end in CRLF and are folded at 75 octets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

PRODID = "-//Next Steps//My plan//EN"
REMIND_AT = timedelta(hours=9)  # after the start of the (all-day) first day


@dataclass(frozen=True)
class Timed:
    """A timed action as the plan and the calendar need it."""

    id: str
    text: str
    after: int
    until: int | None
    days: str  # "working" or "calendar"
    url: str  # the step, on the reader's path


def add_days(start: date, count: int, days: str) -> date:
    """``count`` days after ``start``; working days skip Saturdays and Sundays.

    Bank holidays differ across the UK's nations and change each year, so
    they are not skipped: the plan says "about", and the reader moves a date.
    """
    if days != "working":
        return start + timedelta(days=count)
    day = start
    left = count
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def window(action: Timed, turned_down: date) -> tuple[date, date]:
    """The first and last day of the action's window (the same day when it has no 'until')."""
    first = add_days(turned_down, action.after, action.days)
    last = add_days(turned_down, action.until, action.days) if action.until is not None else first
    return first, last


def uid(action: Timed, turned_down: date, host: str) -> str:
    return f"{action.id}-{turned_down:%Y%m%d}@{host}"


def description(action: Timed, more: str) -> str:
    """The event's words: what to do, then the way back to the step (``more`` has a {url} slot)."""
    return f"{action.text}\n\n{more.replace('{url}', action.url)}"


def calendar_bytes(
    actions: list[Timed], turned_down: date, *, host: str, stamp: datetime, name: str, more: str, reminder: str
) -> bytes:
    """The .ics file: one event with one reminder per action, in the order given."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for action in actions:
        first, last = window(action, turned_down)
        event = Event()
        event.add("uid", uid(action, turned_down, host))
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", first)
        event.add("dtend", last + timedelta(days=1))  # exclusive: the day after the last day
        event.add("summary", action.text)
        event.add("description", description(action, more))
        event.add("url", action.url)
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not make the day busy
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", reminder.replace("{text}", action.text))
        alarm.add("trigger", REMIND_AT, parameters={"RELATED": "START"})
        event.add_component(alarm)
        cal.add_component(event)
    made: bytes = cal.to_ical()
    return made
