"""My plan (``/plan/``): the reader's journey as a dated plan, with calendar reminders.

The build writes one page with the content the plan needs (every journey's
checklist items and timed actions, from the loaded content) as data. The
reader's browser (``plan.js``) works out the dates from the day they were
turned down, and makes the calendar file, the email and the saved-progress
link there: nothing is sent to any server. ``calendar.py`` makes the same
calendar in Python, and both are tested against shared cases.
"""

from .calendar import Timed, add_days, calendar_bytes, window
from .page import PAGE, SCRIPT, STYLESHEET, generated_files, plan_data

__all__ = [
    "PAGE",
    "SCRIPT",
    "STYLESHEET",
    "Timed",
    "add_days",
    "calendar_bytes",
    "generated_files",
    "plan_data",
    "window",
]
