"""My plan, without a browser: the calendar in Python against the shared cases,
the timed actions in the content, and the page the build writes."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
from ics_rules import event_problems, line_problems
from nextsteps.content import load_content
from nextsteps.plan import Timed, calendar_bytes
from support import ROOT, edit, journeys, problems_for

STAGES = journeys()  # the journeys the guide's stage pages declare

CASES = json.loads((Path(__file__).parent / "cases" / "plan_calendar_cases.json").read_text(encoding="utf-8"))
CONTENT = load_content(ROOT / "docs")


def python_calendar(case: dict) -> bytes:
    actions = [Timed(**a) for a in case["actions"]]
    stamp = datetime.fromisoformat(CASES["stamp"].replace("Z", "+00:00"))
    return calendar_bytes(
        actions,
        date.fromisoformat(case["turned_down"]),
        host=CASES["host"],
        stamp=stamp,
        name=CASES["name"],
        more=CASES["more"],
        reminder=CASES["reminder"],
    )


def check_against_case(raw: bytes, case: dict) -> None:
    """The events a case expects, read back with icalendar, and RFC 5545's rules."""
    assert line_problems(raw) == []
    calendar = icalendar.Calendar.from_ical(raw)
    assert event_problems(calendar) == []
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(case["actions"])
    for event, action, expected in zip(events, case["actions"], case["expected"], strict=True):
        assert str(event["UID"]) == expected["uid"]
        assert event.decoded("DTSTART") == date.fromisoformat(expected["start"])
        assert event.decoded("DTEND") == date.fromisoformat(expected["end"])
        assert str(event["SUMMARY"]) == action["text"]
        assert str(event["DESCRIPTION"]) == action["text"] + "\n\n" + CASES["more"].replace("{url}", action["url"])
        assert str(event["URL"]) == action["url"]
        assert event["DTSTAMP"].dt.isoformat() == "2026-12-04T10:00:00+00:00"
        alarm = event.walk("VALARM")[0]
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER").total_seconds() == 9 * 3600
        assert str(alarm["DESCRIPTION"]) == CASES["reminder"].replace("{text}", action["text"])


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_python_calendar_agrees_with_the_shared_cases(case):
    check_against_case(python_calendar(case), case)


def test_the_same_input_gives_the_same_bytes():
    case = CASES["cases"][0]
    assert python_calendar(case) == python_calendar(case)


def test_the_guides_timed_actions_are_in_its_content():
    found = {a.id: (a.after, a.until, a.days) for s in CONTENT.steps for a in s.meta.timed}
    # Reply when calm within 2 to 3 working days, follow up once after 7 to 10 days, review after 2 weeks.
    assert found == {
        "reply-when-calm": (2, 3, "working"),
        "follow-up-once": (7, 10, "calendar"),
        "review-your-search": (14, None, "calendar"),
    }
    for stage in STAGES:
        on_path = [a.id for s in CONTENT.steps_for(stage) for a in s.meta.timed]
        assert on_path, stage


def test_a_window_that_ends_before_it_starts_stops_the_build(docs):
    edit(docs / "steps/reply-to-the-rejection.md", "    after: 7\n    until: 10\n", "    after: 7\n    until: 5\n")
    message = problems_for(docs)
    assert "docs/steps/reply-to-the-rejection.md: field 'timed[1]'" in message
    assert "'until' (5) must not be before 'after' (7)" in message


def test_a_timed_id_used_twice_stops_the_build(docs):
    edit(docs / "steps/keep-applying.md", "  - id: review-your-search\n", "  - id: follow-up-once\n")
    message = problems_for(docs)
    assert (
        "docs/steps/keep-applying.md: field 'timed[0].id': 'follow-up-once' is already used in "
        "steps/reply-to-the-rejection.md" in message
    )


def test_the_plan_page_is_in_the_menu_and_runs_no_inline_code(site):
    html = (site / "plan/index.html").read_text(encoding="utf-8")
    # Straight after the plan's place, without "defer", so the plan is drawn before what follows it;
    # the shared helpers and the calendar just before plan.js, which uses them.
    loads = "".join(rf'\s*<script src="\.\./assets/javascripts/{name}\.js"></script>' for name in ("common", "plan-calendar", "plan"))
    assert re.search(r"<div data-ns-plan-lists></div>" + loads, html)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert all('type="application/json"' in attrs or "__config" in attrs for attrs in scripts), scripts
    assert not re.search(r"\son[a-z]+=", html[html.index('<div class="ns-plan"') :])
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="plan/"' in start and ">My plan<" in start
