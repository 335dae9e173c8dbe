"""My plan in real Chromium: dates from the day of the news, the calendar file,
saving progress to a link and bringing it back, and the page without JavaScript."""

from __future__ import annotations

import base64
import json
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote

import a11y
import gates
import icalendar
import pytest
from ics_rules import event_problems, line_problems
from nextsteps.addresses import page_url, stage_step_path
from nextsteps.content import load_content
from nextsteps.plan import Timed, window
from support import ROOT, journeys
from test_plan import CASES, check_against_case

STAGES = journeys()  # the journeys the guide's stage pages declare

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "docs")
STAGE = next(s for s in STAGES if s in CONTENT.stages and len(CONTENT.steps_for(s)) >= 4)
STEPS = CONTENT.steps_for(STAGE)
TIMED = [(step, a) for step in STEPS for a in step.meta.timed]
ITEMS = CONTENT.checklist(STAGE)
TODAY = "2026-12-03T12:00:00"  # a Thursday: the browser's clock in these tests
NEWS = date(2026, 11, 27)  # "turned down on": a Friday the week before
TICKS = "nextsteps.checklist.v1"
JOURNEY = "nextsteps.journey.v1"
PLAN = "nextsteps.plan.v1"


@pytest.fixture
def fresh(browser):
    """A new browser context with a fixed clock: a reader on another device, say."""
    made = []

    def open_context(**options):
        context = browser.new_context(accept_downloads=True, locale="en-GB", timezone_id="Europe/London", **options)
        context.clock.set_fixed_time(TODAY)
        made.append(context)
        return context

    yield open_context
    for context in made:
        context.close()


def long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def storage(page, key: str):
    raw = page.evaluate(f"localStorage.getItem('{key}')")
    return None if raw is None else json.loads(raw)


def open_plan_for(context, server, news: date = NEWS):
    page = context.new_page()
    page.goto(server.url(page_url(stage_step_path(STAGE, STEPS[3].slug))))
    page.goto(server.url("plan/"))
    page.fill("#ns-plan-date", news.isoformat())
    page.locator("#ns-plan-date").dispatch_event("change")
    return page


# The calendar module plan.js itself uses (NextSteps.calendar), called as plan.js calls it.
CALENDAR_TEXT = """([actions, day, options]) => {
    const calendar = window.NextSteps.calendar;
    return calendar.calendarText(actions, calendar.parseDay(day), {...options, stamp: new Date(options.stamp)});
}"""


def test_the_javascript_calendar_agrees_with_the_shared_cases(server, fresh):
    page = fresh().new_page()
    page.goto(server.url("plan/"))
    for case in CASES["cases"]:
        options = {k: CASES[k] for k in ("host", "stamp", "name", "more", "reminder")}
        text = page.evaluate(CALENDAR_TEXT, [case["actions"], case["turned_down"], options])
        check_against_case(text.encode("utf-8"), case)


def test_plan_dates_follow_the_day_of_the_news(server, fresh):
    page = open_plan_for(fresh(), server)
    assert storage(page, PLAN) == {"turnedDown": NEWS.isoformat()}
    text = page.locator("[data-ns-plan-lists]").inner_text()
    for _step, action in TIMED:
        first, last = window(Timed(action.id, action.text, action.after, action.until, action.days, ""), NEWS)
        when = long_day(first) if first == last else f"{long_day(first)} to {long_day(last)}"
        assert f"{when}\n{action.text}" in text, (action.id, text)
    # Groups: Today, This week, Later, each only when it has something.
    headings = page.locator("[data-ns-plan-lists] h2").all_inner_texts()
    assert (
        headings
        and set(headings) <= {"Today", "This week", "Later"}
        and headings == sorted(headings, key=["Today", "This week", "Later"].index)
    )
    # A window already open is under Today: reply within 2 to 3 working days of 27 November.
    today_list = page.locator("#plan-today + ul").inner_text()
    assert "Reply to the rejection, once you feel calm." in today_list
    # Another date moves every date.
    later = NEWS - timedelta(days=7)
    page.fill("#ns-plan-date", later.isoformat())
    page.locator("#ns-plan-date").dispatch_event("change")
    first, _ = window(Timed("x", "", 14, None, "calendar", ""), later)
    assert long_day(first) in page.locator("[data-ns-plan-lists]").inner_text()
    # A day in the future is refused, and says why.
    page.fill("#ns-plan-date", "2026-12-25")
    page.locator("#ns-plan-date").dispatch_event("change")
    page.wait_for_timeout(100)
    assert page.locator("[data-ns-plan-status]").inner_text().startswith("Enter a date that is not in the future")
    assert storage(page, PLAN) == {"turnedDown": later.isoformat()}


def test_done_and_left_follow_the_ticks(server, fresh):
    context = fresh()
    page = open_plan_for(context, server)
    page.evaluate(f"localStorage.setItem('{TICKS}', JSON.stringify({{'{ITEMS[0].id}': true, '{ITEMS[1].id}': true}}))")
    page.reload()
    assert page.locator(".ns-plan__summary").inner_text() == f"{len(ITEMS) - 2} left, 2 done"
    done = page.locator(".ns-plan__entry--done").all_inner_texts()
    assert len(done) == 2 and all(t.startswith("DONE") or t.startswith("Done") for t in done)


def test_the_downloaded_calendar_has_one_event_and_reminder_per_timed_action(server, fresh):
    page = open_plan_for(fresh(), server)
    with page.expect_download() as caught:
        page.get_by_role("button", name="Add reminders to my calendar (.ics)").click()
    download = caught.value
    assert download.suggested_filename == "my-plan.ics"
    raw = Path(download.path()).read_bytes()
    assert line_problems(raw) == []
    calendar = icalendar.Calendar.from_ical(raw)
    assert event_problems(calendar) == []
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(TIMED)
    for event, (step, action) in zip(events, TIMED, strict=True):
        first, last = window(Timed(action.id, action.text, action.after, action.until, action.days, ""), NEWS)
        assert event.decoded("DTSTART") == first and event.decoded("DTEND") == last + timedelta(days=1)
        assert str(event["UID"]) == f"{action.id}-{NEWS:%Y%m%d}@nextsteps.example.org"
        url = f"https://nextsteps.example.org/{page_url(stage_step_path(STAGE, step.slug))}"
        assert url in str(event["DESCRIPTION"]) and str(event["URL"]) == url
        assert len(event.walk("VALARM")) == 1
    # The status line does not claim the file was saved: no page can know.
    page.wait_for_timeout(100)
    assert "should now save my-plan.ics" in page.locator("[data-ns-plan-status]").inner_text()


def test_where_downloads_fail_the_events_can_be_opened_or_copied(server, fresh):
    page = open_plan_for(fresh(), server)
    page.locator(".ns-plan__by-hand summary").click()
    href = page.locator("[data-ns-plan-data-link]").get_attribute("href")
    assert href.startswith("data:text/calendar;charset=utf-8,")
    raw = unquote(href.split(",", 1)[1]).encode("utf-8")
    assert line_problems(raw) == [] and len(list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))) == len(TIMED)
    by_hand = page.locator("[data-ns-plan-by-hand] li").all_inner_texts()
    assert len(by_hand) == len(TIMED)
    assert all(action.text in line for line, (_, action) in zip(by_hand, TIMED, strict=True))


def test_email_and_print(server, fresh):
    page = open_plan_for(fresh(), server)
    href = page.locator("[data-ns-plan-mailto]").get_attribute("href")
    assert href.startswith("mailto:?subject=My%20plan%20after%20a%20job%20rejection&body=")
    body = unquote(href.split("&body=", 1)[1])
    assert "\r\n" in body and CONTENT.stages[STAGE].meta.title in body
    for _, action in TIMED:
        assert action.text in body
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Print my plan").is_visible()
    assert page.locator("[data-ns-plan-lists]").is_visible()


def saved_link(page) -> str:
    page.get_by_role("button", name="Save my progress").click()
    return page.input_value("#ns-plan-link")


def test_save_my_progress_then_open_the_link_on_another_device(server, fresh):
    page = open_plan_for(fresh(), server)
    ticked = [ITEMS[0].id, ITEMS[3].id]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [TICKS, json.dumps({i: True for i in ticked})])
    link = saved_link(page)
    assert link.startswith(server.url("plan/#restore="))
    assert page.evaluate("document.activeElement.id") == "ns-plan-link"

    other = fresh().new_page()
    requests: list[str] = []
    other.on("request", lambda request: requests.append(request.url))
    other.goto(link)
    # Nothing changes before the reader says so.
    panel = other.locator("[data-ns-plan-restore]")
    assert panel.is_visible()
    assert storage(other, TICKS) is None and storage(other, JOURNEY) is None
    summary = panel.inner_text()
    assert "2 ticks" in summary and CONTENT.stages[STAGE].meta.title in summary and "27 November 2026" in summary
    assert "#" not in other.url  # the state leaves the address bar
    assert all("restore" not in r for r in requests)  # and never went to the server
    other.get_by_role("button", name="Yes, bring it back").click()
    assert storage(other, TICKS) == {i: True for i in ticked}
    assert storage(other, JOURNEY)["journey"] == STAGE and storage(other, JOURNEY)["step"] == STEPS[3].slug
    assert storage(other, PLAN) == {"turnedDown": NEWS.isoformat()}
    assert other.locator(".ns-plan__summary").inner_text() == f"{len(ITEMS) - 2} left, 2 done"
    other.goto(server.url(f"checklist/{STAGE}/"))
    assert other.locator(f"#ns-check-{ticked[1]}").is_checked()
    other.goto(server.url(""))
    assert f"step 4 of {len(STEPS)}" in other.locator("[data-ns-carry-on]").inner_text()


def code(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


FORGED = {
    "not base64": "#restore=<script>alert(1)</script>",
    "not JSON": "#restore=" + base64.urlsafe_b64encode(b"{not json").decode(),
    "an unknown field": "#restore=" + code({"v": 1, "t": [], "x": "<img src=x onerror=alert(1)>"}),
    "a hostile id": "#restore=" + code({"v": 1, "t": ["<img src=x onerror=alert(1)>"]}),
    "another version": "#restore=" + code({"v": 2, "t": []}),
    "a date in the future": "#restore=" + code({"v": 1, "t": [], "d": "2099-01-01"}),
    "a date that does not exist": "#restore=" + code({"v": 1, "t": [], "d": "2026-02-30"}),
    "too long": "#restore=" + "A" * 7000,
    "an array": "#restore=" + code([1, 2]),
}


@pytest.mark.parametrize("fragment", FORGED.values(), ids=FORGED.keys())
def test_a_forged_link_changes_nothing_and_says_so(server, fresh, fragment):
    context = fresh()
    page = context.new_page()
    page.goto(server.url("plan/"))
    page.evaluate(f"localStorage.setItem('{TICKS}', JSON.stringify({{'{ITEMS[0].id}': true}}))")
    before = {key: storage(page, key) for key in (TICKS, JOURNEY, PLAN)}
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server.url("plan/") + fragment)
    page.reload()  # a fresh load with the fragment, as from another app
    page.goto(server.url("plan/") + fragment)
    page.wait_for_timeout(200)
    assert not page.locator("[data-ns-plan-restore]").is_visible()
    assert "could not be read, so nothing was changed" in page.locator("[data-ns-plan-status]").inner_text()
    assert {key: storage(page, key) for key in (TICKS, JOURNEY, PLAN)} == before
    assert dialogs == [] and page.locator("img[src=x]").count() == 0


def test_unknown_ids_in_a_saved_link_are_ignored(server, fresh):
    page = fresh().new_page()
    page.goto(
        server.url(
            "plan/#restore=" + code({"v": 1, "t": [ITEMS[0].id, "an-item-since-removed"], "j": "no-such-journey"})
        )
    )
    # One tick, said as one: the table's plural form, picked with Intl.PluralRules.
    assert "The link holds 1 tick," in page.locator("[data-ns-plan-restore]").inner_text()
    page.get_by_role("button", name="Yes, bring it back").click()
    assert storage(page, TICKS) == {ITEMS[0].id: True}
    assert storage(page, JOURNEY) is None


def test_saying_no_keeps_everything_as_it_was(server, fresh):
    page = fresh().new_page()
    page.goto(server.url("plan/#restore=" + code({"v": 1, "t": [ITEMS[0].id]})))
    page.get_by_role("button", name="No, leave things as they are").click()
    assert storage(page, TICKS) is None
    page.wait_for_timeout(100)
    assert page.locator("[data-ns-plan-status]").inner_text() == "Nothing was changed."


def test_without_javascript_the_plan_says_nothing_is_saved(server, fresh):
    page = fresh(java_script_enabled=False).new_page()
    page.goto(server.url("plan/"))
    text = page.locator("main").inner_text()
    assert "Nothing is saved." in text
    assert "is saved in this browser" not in text and "Save my progress" not in text
    for _, action in TIMED:
        assert action.text in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_plan_has_no_axe_violations_and_fits(server, fresh, scheme, width):
    page = open_plan_for(fresh(color_scheme=scheme, viewport={"width": width, "height": 900}), server)
    page.locator(".ns-plan__by-hand summary").click()
    saved_link(page)
    found = a11y.violations(page)
    assert not found, a11y.describe(found)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.goto(server.url("plan/#restore=" + code({"v": 1, "t": [ITEMS[0].id]})))
    page.reload()
    found = a11y.violations(page)
    assert not found, a11y.describe(found)


def test_keyboard_only_and_nothing_leaves_the_site(server, fresh):
    context = fresh()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server.url("plan/"))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ns-plan-journey":
            break
    else:
        pytest.fail("Tab never reached the journey box")
    page.keyboard.press("ArrowDown")  # Chromium's select changes on the arrow keys while closed
    assert page.locator("#ns-plan-journey").input_value() == next(s for s in STAGES if s in CONTENT.stages)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-ns-plan-ics')"):
            break
    else:
        pytest.fail("Tab never reached 'Add reminders'")
    with page.expect_download():
        page.keyboard.press("Enter")
    assert context.cookies() == []
    assert gates.foreign_requests(requests, server.origin) == []


def test_nothing_moves_when_the_plan_is_drawn(server, fresh):
    for width in (412, 1280):
        context = fresh(viewport={"width": width, "height": 823})
        context.add_init_script(gates.LAYOUT_SHIFT_RECORDER)
        page = open_plan_for(context, server)
        assert gates.layout_shift(page, server.url("plan/"), "plan.js") == []
