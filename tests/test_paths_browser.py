"""A reader's journey in real Chromium: choose a stage on the start page, then
follow "Next step" to the end. With and without JavaScript."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from nextsteps.content import load_content
from nextsteps.guide import stage_label
from support import ROOT, journeys

STAGES = journeys()  # the journeys the guide's stage pages declare

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "docs")
PHONE = {"width": 375, "height": 667}


def path_of(url: str) -> str:
    return urlparse(url).path


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("stage", STAGES)
def test_choosing_a_stage_and_following_next_walks_exactly_that_path(browser, server, stage, javascript):
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = context.new_page()
    steps = CONTENT.steps_for(stage)
    stage_page = CONTENT.stages[stage]
    try:
        page.goto(server.url("/"))
        page.locator("a.ns-choice", has_text=stage_page.meta.choice).click()
        assert path_of(page.url) == f"/stages/{stage}/"
        assert page.locator("h1").inner_text() == stage_page.meta.title

        page.locator("a.ns-start").click()
        visited = []
        while True:
            here = path_of(page.url)
            visited.append(here)
            number = len(visited)
            assert number <= len(steps), f"the walk went past the end of the path: {visited}"
            step = steps[number - 1]
            assert page.locator("h1").inner_text() == step.meta.title
            assert page.locator(".ns-caption").inner_text() == f"Step {number} of {len(steps)}: {stage_label(CONTENT, stage)}"
            # A way back to the path: above the heading, in the first screen, and under the text.
            above = page.locator(".ns-caption a")
            assert above.inner_text() == stage_label(CONTENT, stage)
            assert path_of(above.evaluate("a => a.href")) == f"/stages/{stage}/"
            box = above.bounding_box()
            assert box["y"] + box["height"] <= PHONE["height"], box
            back = page.locator(".ns-back a")
            assert back.inner_text() == f"Back to all {len(steps)} steps {stage_label(CONTENT, stage)}"
            assert path_of(back.evaluate("a => a.href")) == f"/stages/{stage}/"
            marked = page.locator('.ns-stepnav a[aria-current="step"]')
            assert marked.inner_text() == step.meta.title
            # Nothing on the page leads into another stage's path.
            hrefs = page.locator(".ns-stepnav a, .ns-pager a").evaluate_all("links => links.map(a => a.href)")
            others = [h for h in hrefs if "/stages/" in h and f"/stages/{stage}/" not in h]
            assert not others, others
            following = page.locator('a[rel="next"]')
            if following.count() == 0:
                break
            following.click()
            page.wait_for_load_state()
        assert visited == [f"/stages/{stage}/{s.slug}/" for s in steps]

        # At the end: the stage's checklist, and the way back works.
        finish = page.locator(".ns-pager__link--next")
        assert path_of(finish.evaluate("a => a.href")) == f"/checklist/{stage}/"
        page.locator(".ns-back a").click()
        assert path_of(page.url) == f"/stages/{stage}/"
    finally:
        context.close()


@pytest.mark.parametrize("stage", STAGES)
def test_previous_walks_the_same_path_backwards(browser, server, stage):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    steps = CONTENT.steps_for(stage)
    try:
        page.goto(server.url(f"stages/{stage}/{steps[-1].slug}/"))
        visited = [path_of(page.url)]
        while page.locator('a[rel="prev"]').count():
            page.locator('a[rel="prev"]').click()
            page.wait_for_load_state()  # the next page's links, not a document still loading
            visited.append(path_of(page.url))
        assert visited == [f"/stages/{stage}/{s.slug}/" for s in reversed(steps)]
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_stage_choice_is_in_the_first_screen_of_a_phone(browser, server, javascript):
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(server.url("/"))
        choices = page.locator("a.ns-choice")
        assert choices.count() == 3
        reassurance = page.locator("article p").first
        assert "happens to almost everyone" in reassurance.inner_text()
        for i in range(3):
            box = choices.nth(i).bounding_box()
            assert box["y"] + box["height"] <= PHONE["height"], (i, box)
            # Large, clear targets: most of the width, and tall enough for a thumb.
            assert box["width"] >= 300 and box["height"] >= 44, box
        assert reassurance.bounding_box()["y"] < choices.nth(0).bounding_box()["y"]
    finally:
        context.close()


def test_a_step_page_without_a_stage_leads_into_each_path(browser, server):
    page = browser.new_page()
    try:
        step = CONTENT.steps_for("interview")[2]
        page.goto(server.url(step.url))
        links = page.get_by_role("link", name=CONTENT.stages["interview"].meta.title)
        links.first.click()
        assert path_of(page.url) == f"/stages/interview/{step.slug}/"
        assert page.locator(".ns-caption").inner_text().startswith("Step 3 of ")
    finally:
        page.close()


@pytest.mark.parametrize("width", [960, 1280])
def test_on_a_wide_screen_the_path_stands_beside_the_step(browser, server, width):
    """Where the documentation sidebar was: left of the text, in the first screen."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(server.url("stages/interview/ask-for-feedback/"))
        path = page.locator(".ns-stepnav").bounding_box()
        heading = page.locator("article h1").bounding_box()
        assert path["x"] >= 8, path
        assert path["x"] + path["width"] <= heading["x"], (path, heading)
        assert path["y"] < 800 and path["y"] <= heading["y"] + heading["height"], (path, heading)
        # The documentation sidebar and contents list stay out of sight (the menu's drawer waits off screen).
        for sidebar in (".md-sidebar--primary", ".md-sidebar--secondary"):
            box = page.locator(sidebar).bounding_box()
            assert box is None or box["x"] + box["width"] <= 0, (sidebar, box)
    finally:
        context.close()


def test_on_a_phone_the_path_follows_the_step(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(server.url("stages/interview/ask-for-feedback/"))
        text = page.locator("article").bounding_box()
        path = page.locator(".ns-stepnav").bounding_box()
        assert path["y"] >= text["y"] + text["height"], (path, text)
        assert path["width"] >= 300, path
    finally:
        context.close()
