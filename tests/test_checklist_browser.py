"""Ticking in real Chromium: mouse, keyboard, touch, reload, "Start again", storage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import a11y
from nextsteps.content import load_content
from support import ROOT, Server, build, copy_project

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "docs")
ITEMS = CONTENT.checklist()
KEY = "nextsteps.checklist.v1"
FIRST, SECOND = ITEMS[0].id, ITEMS[1].id

RECORD_PROGRESS = """
window.progressEvents = [];
document.addEventListener("nextsteps:progress", (event) => window.progressEvents.push(event.detail));
"""


def box(page, item_id: str):
    return page.locator(f"#ns-check-{item_id}")


def stored(page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return None if raw is None else json.loads(raw)


def progress(page) -> str:
    return page.locator("[data-ns-progress]").inner_text()


def test_mouse_tick_survives_a_reload(server, page):
    page.goto(server.url("checklist/"))
    assert progress(page) == f"0 of {len(ITEMS)} done"
    page.locator(f"label[for='ns-check-{FIRST}']").click()
    assert box(page, FIRST).is_checked()
    assert progress(page) == f"1 of {len(ITEMS)} done"
    assert stored(page) == {FIRST: True}

    page.reload()
    assert box(page, FIRST).is_checked() and not box(page, SECOND).is_checked()
    assert progress(page) == f"1 of {len(ITEMS)} done"


def test_progress_line_is_polite_and_events_count_only(server, context):
    context.add_init_script(RECORD_PROGRESS)
    page = context.new_page()
    page.goto(server.url("checklist/interview/"))
    total = len(CONTENT.checklist("interview"))
    assert page.locator("[data-ns-progress]").get_attribute("aria-live") == "polite"
    box(page, FIRST).check()
    box(page, SECOND).check()
    box(page, FIRST).uncheck()
    assert progress(page) == f"1 of {total} done"
    events = page.evaluate("window.progressEvents")
    assert events == [{"done": 0, "total": total}, {"done": 1, "total": total}, {"done": 2, "total": total}, {"done": 1, "total": total}]


def test_keyboard_only(server, page):
    page.goto(server.url("checklist/"))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.itemId") == FIRST:
            break
    else:
        pytest.fail("Tab never reached the first checkbox")
    page.keyboard.press("Space")
    assert box(page, FIRST).is_checked()
    assert progress(page) == f"1 of {len(ITEMS)} done"

    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-ns-reset')"):
            break
    else:
        pytest.fail("Tab never reached 'Start again'")
    page.keyboard.press("Enter")
    # It asks first; the answer is the next thing Tab reaches.
    assert page.evaluate("document.activeElement.hasAttribute('data-ns-confirm-ask')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-ns-reset-yes')")
    page.keyboard.press("Enter")
    assert not box(page, FIRST).is_checked()
    assert stored(page) is None
    # Focus moves to Undo, so one more key press brings the ticks back.
    assert page.evaluate("document.activeElement.hasAttribute('data-ns-undo')")
    page.keyboard.press("Enter")
    assert box(page, FIRST).is_checked()
    assert stored(page) == {FIRST: True}


def test_touch(server, browser):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(server.url("checklist/"))
        page.locator(f"label[for='ns-check-{SECOND}']").tap()
        assert box(page, SECOND).is_checked()
        assert stored(page) == {SECOND: True}
    finally:
        context.close()


def test_start_again_clears_ticks_and_storage(server, page):
    page.goto(server.url("checklist/"))
    box(page, FIRST).check()
    box(page, SECOND).check()
    assert progress(page) == f"2 of {len(ITEMS)} done"
    page.get_by_role("button", name="Start again").click()
    # Nothing is cleared until the reader says yes.
    assert progress(page) == f"2 of {len(ITEMS)} done"
    page.get_by_role("button", name="No, keep them").click()
    assert progress(page) == f"2 of {len(ITEMS)} done" and stored(page) == {FIRST: True, SECOND: True}
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("button", name="Yes, clear my ticks").click()
    assert page.locator("input[data-item-id]:checked").count() == 0
    assert progress(page) == f"0 of {len(ITEMS)} done"
    assert stored(page) is None
    page.wait_for_timeout(100)
    assert page.locator("[data-ns-status]").inner_text() == "Your ticks on this list are cleared."
    page.reload()
    assert page.locator("input[data-item-id]:checked").count() == 0


def test_start_again_then_undo_loses_nothing(server, page):
    page.goto(server.url("checklist/interview/"))
    interview = [i.id for i in CONTENT.checklist("interview")]
    outside = next(i.id for i in ITEMS if i.id not in interview)
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{'{interview[0]}': true, '{interview[2]}': true, '{outside}': true}}))")
    page.reload()
    before = stored(page)
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("button", name="Yes, clear my ticks").click()
    assert stored(page) == {outside: True}  # only this list's ticks go
    page.get_by_role("button", name="Undo").click()
    assert stored(page) == before
    assert box(page, interview[0]).is_checked() and box(page, interview[2]).is_checked()
    page.wait_for_timeout(100)
    assert page.locator("[data-ns-status]").inner_text() == "Your ticks are back."
    # axe counts a box scrolled under the sticky header as too small a target; read from the top.
    page.evaluate("window.scrollTo(0, 0)")
    found = a11y.violations(page)
    assert not found, a11y.describe(found)


def test_ticks_are_shared_between_the_step_page_and_the_checklist(server, page):
    step = ITEMS[0].step
    page.goto(server.url(step.url))
    own = [i.id for i in ITEMS if i.step.path == step.path]
    assert page.locator("input[data-item-id]").count() == len(own)
    box(page, own[-1]).check()
    assert progress(page) == f"1 of {len(own)} done"
    page.goto(server.url("checklist/"))
    assert box(page, own[-1]).is_checked()


def test_ids_no_longer_in_the_guide_are_dropped(server, page):
    page.goto(server.url("checklist/"))
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{'gone-item': true, '{FIRST}': true, '{SECOND}': 'yes'}}))")
    page.reload()
    assert stored(page) == {FIRST: True}
    assert box(page, FIRST).is_checked() and not box(page, SECOND).is_checked()


def test_blocked_storage_still_lets_you_tick(server, context):
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    page = context.new_page()
    errors: list[str] = []
    # Material's own bundle may complain about blocked storage; only errors
    # raised from the checklist script count here.
    page.on("pageerror", lambda error: errors.append(error.stack or str(error)))
    page.goto(server.url("checklist/"))
    page.wait_for_load_state("load")
    box(page, FIRST).check()
    assert progress(page) == f"1 of {len(ITEMS)} done"
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("button", name="Yes, clear my ticks").click()
    assert progress(page) == f"0 of {len(ITEMS)} done"
    assert not [e for e in errors if "checklist.js" in e], errors
    # No claim that the ticks are saved when they cannot be.
    assert page.locator("[data-ns-kept]").inner_text() == "Your ticks are kept only while this page is open. This browser does not let us save them."


def test_without_javascript_the_list_still_works(server, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url("checklist/"))
        assert page.locator("input[data-item-id]").count() == len(ITEMS)
        box(page, FIRST).check()
        assert box(page, FIRST).is_checked()
        assert not page.locator("[data-ns-progress]").is_visible()
        assert not page.get_by_role("button", name="Start again").is_visible()
        # Nothing keeps the ticks, so nothing may say it does (bug B3).
        for url in ("checklist/", "checklist/interview/", ITEMS[0].step.url, f"stages/interview/{CONTENT.steps_for('interview')[0].slug}/"):
            page.goto(server.url(url))
            text = page.locator("main").inner_text()
            assert "saved in this browser" not in text and "are saved" not in text, url
            assert "Your ticks are not saved, because JavaScript is off in this browser." in text, url
    finally:
        context.close()


def test_the_page_says_ticks_are_saved_only_once_they_can_be(server, page):
    page.goto(server.url("checklist/"))
    assert page.locator("[data-ns-kept]").inner_text() == (
        "Your ticks are saved in this browser only. Anyone who uses this browser can see them."
    )


def test_print_draws_empty_boxes_with_borders_and_no_chrome(server, page):
    page.goto(server.url("checklist/"))
    page.emulate_media(media="print")
    style = page.evaluate(
        """(() => {
            const s = getComputedStyle(document.querySelector('.ns-checklist__box'));
            return {appearance: s.appearance, border: s.borderTopWidth, style: s.borderTopStyle, colour: s.borderTopColor};
        })()"""
    )
    assert style == {"appearance": "none", "border": "2px", "style": "solid", "colour": "rgb(0, 0, 0)"}
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-ns-progress]", "[data-ns-reset]"):
        assert not page.locator(chrome).first.is_visible(), chrome


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_ticked_checklist_has_no_axe_violations(server, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        for url in ("checklist/", "checklist/final/", ITEMS[0].step.url):
            page.goto(server.url(url))
            box(page, FIRST).check()
            found = a11y.violations(page)
            assert not found, f"{url}: {a11y.describe(found)}"
    finally:
        context.close()


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory) -> Path:
    """The guide with one item reworded and another removed."""
    root = tmp_path_factory.mktemp("edited")
    project = copy_project(root / "project")
    step = project / "docs/steps/ask-for-feedback.md"
    text = step.read_text(encoding="utf-8")
    old_item = "Send one short, polite reply asking for feedback."
    assert old_item in text, "the item this test rewords has changed"
    text = text.replace(old_item, "Email them to ask for feedback. Keep it short and polite.")
    text = text.replace("  - id: ask-feedback-save-reply\n    text: Save any reply so you can use it later.\n    when: this-week\n", "")
    step.write_text(text, encoding="utf-8")
    after = build(root / "after", project)
    assert after.returncode == 0, after.output
    return after.site


def test_rewording_keeps_the_tick_and_removing_forgets_it(site, edited_site, page, tmp_path):
    served = tmp_path / "served"
    shutil.copytree(site, served)
    with Server(served) as server:
        page.goto(server.url("checklist/"))
        box(page, "ask-feedback-send-email").check()
        box(page, "ask-feedback-save-reply").check()
        assert stored(page) == {"ask-feedback-save-reply": True, "ask-feedback-send-email": True}

        shutil.rmtree(served)
        shutil.copytree(edited_site, served)  # same address, new version of the guide
        page.goto(server.url("checklist/?after-the-edit"))
        assert page.locator("label[for='ns-check-ask-feedback-send-email']").inner_text() == "Email them to ask for feedback. Keep it short and polite."
        assert box(page, "ask-feedback-send-email").is_checked()
        assert page.locator("#ns-check-ask-feedback-save-reply").count() == 0
        assert stored(page) == {"ask-feedback-send-email": True}
