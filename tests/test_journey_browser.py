"""Pick up where you left off: the start page offers "Carry on" at the last
step read, and "Your checklist" opens the reader's own list. In real Chromium."""

from __future__ import annotations

import json

import a11y
import gates
import pytest
from nextsteps.addresses import page_url, stage_step_path
from nextsteps.content import load_content
from nextsteps.journey import STORAGE_KEY
from support import ROOT, journeys

STAGES = journeys()  # the journeys the guide's stage pages declare

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "docs")
# The first journey with at least four steps, read from the content.
STAGE = next(s for s in STAGES if s in CONTENT.stages and len(CONTENT.steps_for(s)) >= 4)
STEPS = CONTENT.steps_for(STAGE)
FOURTH = STEPS[3]


def step_url(step) -> str:
    return page_url(stage_step_path(STAGE, step.slug))


def carry_on(page):
    return page.locator("[data-ns-carry-on]")


def test_carry_on_leads_back_to_the_last_step_read(server, page):
    page.goto(server.url(""))
    assert not carry_on(page).is_visible()  # a first visit: nothing to carry on with
    page.goto(server.url(CONTENT.stages[STAGE].url))
    page.goto(server.url(step_url(STEPS[0])))
    page.goto(server.url(step_url(FOURTH)))
    page.goto(server.url(""))
    box = carry_on(page)
    assert box.is_visible()
    go = box.get_by_role("link")
    assert go.inner_text() == f"Carry on: step 4 of {len(STEPS)}, {FOURTH.meta.title}"
    assert CONTENT.stages[STAGE].meta.title in box.inner_text()
    # It comes before the choice of stage, so a reader coming back sees it first.
    follows = (
        "document.querySelector('[data-ns-carry-on]')"
        ".compareDocumentPosition(document.getElementById('choose-your-stage'))"
    )
    assert page.evaluate(follows) & 4
    go.click()
    page.wait_for_url(server.url(step_url(FOURTH)))


def test_your_checklist_opens_the_readers_own_list(server, page):
    page.goto(server.url(step_url(FOURTH)))
    own = server.url(f"checklist/{STAGE}/")
    for url in ("", "privacy/", "letters/"):
        page.goto(server.url(url))
        footer = page.locator(".ns-footer a", has_text="Your checklist")
        assert footer.evaluate("a => a.href") == own, url
        menu = page.locator(".md-nav--primary a", has_text="Checklist").first
        assert menu.evaluate("a => a.href") == own, url
    page.goto(server.url(""))
    assert page.locator("main a[data-ns-my-checklist]").first.evaluate("a => a.href") == own
    # A link that names the whole guide's checklist keeps its word.
    page.goto(server.url(f"checklist/{STAGE}/"))
    assert page.locator("main a", has_text="The checklist for all the steps").evaluate("a => a.href") == server.url(
        "checklist/"
    )


def test_choose_again_forgets_and_goes_to_the_choice(server, page):
    page.goto(server.url(step_url(FOURTH)))
    page.goto(server.url(""))
    page.get_by_role("button", name="Choose again").click()
    assert not carry_on(page).is_visible()
    assert page.evaluate("document.activeElement.id") == "choose-your-stage"
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    page.reload()
    assert not carry_on(page).is_visible()


@pytest.mark.parametrize(
    "stored",
    [
        '{"journey": "no-such-journey", "step": "x"}',
        '{"journey": "<img src=x onerror=alert(1)>"}',
        '{"journey": ["interview"]}',
        "not json at all",
        '"a string"',
    ],
)
def test_a_stored_value_the_guide_does_not_know_is_ignored(server, page, stored):
    page.goto(server.url(""))
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, stored])
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.reload()
    assert not carry_on(page).is_visible()
    assert page.locator("img[src=x]").count() == 0 and dialogs == []
    assert page.locator(".ns-footer a", has_text="Your checklist").evaluate("a => a.href") == server.url("checklist/")


def test_an_unknown_step_in_a_known_journey_starts_at_step_one(server, page):
    page.goto(server.url(""))
    value = json.dumps({"journey": STAGE, "step": "a-step-since-removed", "checklist": f"checklist/{STAGE}/"})
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, value])
    page.reload()
    assert carry_on(page).get_by_role("link").inner_text() == f"Carry on: step 1 of {len(STEPS)}, {STEPS[0].meta.title}"


def test_without_javascript_nothing_breaks_and_nothing_is_claimed(server, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url(step_url(FOURTH)))
        page.goto(server.url(""))
        assert not carry_on(page).is_visible()
        assert "Carry on" not in page.locator("main").inner_text()
        assert page.locator(".ns-footer a", has_text="Your checklist").get_attribute("href") == "checklist/"
        assert page.locator(".ns-choice").count() == len(CONTENT.stages)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_carry_on_box_has_no_axe_violations_and_fits(server, browser, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(server.url(step_url(FOURTH)))
        page.goto(server.url(""))
        assert carry_on(page).is_visible()
        found = a11y.violations(page)
        assert not found, a11y.describe(found)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_keyboard_reaches_carry_on_and_no_cookies_or_other_sites(server, page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server.url(step_url(FOURTH)))
    page.goto(server.url(""))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ns-carry-on__go')"):
            break
    else:
        pytest.fail("Tab never reached 'Carry on'")
    page.keyboard.press("Enter")
    page.wait_for_url(server.url(step_url(FOURTH)))
    assert page.context.cookies() == []
    assert gates.foreign_requests(requests, server.origin) == []


def test_nothing_moves_when_carry_on_appears(server, browser):
    for width in (412, 1280):
        context = browser.new_context(viewport={"width": width, "height": 823})
        context.add_init_script(gates.LAYOUT_SHIFT_RECORDER)
        try:
            page = context.new_page()
            page.goto(server.url(step_url(FOURTH)))
            assert gates.layout_shift(page, server.url(""), "carry-on.js") == []
            assert carry_on(page).is_visible()
        finally:
            context.close()
