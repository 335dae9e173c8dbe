"""Keyboard use of the guide's pages, in real Chromium.

- "Skip to content" is the first Tab stop on every page and lands on the
  page's main heading; on a letter page the form comes after it.
- On a phone-sized screen Material's menu button is a label, which a
  keyboard cannot reach, and its closed drawer keeps its links in the Tab
  order off-screen. overrides/ fixes both; these tests hold it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from nextsteps.content import load_content
from support import ROOT, html_pages

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "docs")
LETTER = sorted(CONTENT.letters.values(), key=lambda letter: letter.path)[0]
LETTER_URL = LETTER.path.removesuffix(".md") + "/"
PHONE = {"width": 375, "height": 740}

ACTIVE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Material's colour switch is a radio button drawn by the label after it.
  const shown = el.matches("input.md-option") ? el.nextElementSibling : el;
  const box = shown.getBoundingClientRect();
  return {tag: el.tagName, cls: el.className && el.className.baseVal === undefined ? el.className : "",
          text: (el.getAttribute("aria-label") || el.title || el.textContent || "").trim().slice(0, 60),
          inDrawer: !!el.closest(".md-sidebar--primary"),
          drawerOpen: document.getElementById("__drawer").checked,
          visible: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
                   && getComputedStyle(shown).visibility === "visible",
          search: document.getElementById("__search").checked,
          menu: el.matches('label[for="__drawer"]')};
}"""


class _SkipAndHeading(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.skip: str | None = None
        self.h1_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and "md-skip" in (found.get("class") or "").split() and self.skip is None:
            self.skip = found.get("href")
        if tag == "h1":
            self.h1_ids.append(found.get("id") or "")


def test_every_page_has_a_skip_link_to_its_main_heading(site):
    """Checklist pages and the 404 page included: one h1, and the skip link goes to it."""
    for path in html_pages(site):
        if path.startswith("embed/") and path != "embed/":
            continue  # widgets shown in other sites' frames: no header to skip
        parser = _SkipAndHeading()
        file = site / path if path.endswith(".html") else site / path / "index.html"
        parser.feed(file.read_text("utf-8"))
        assert len(parser.h1_ids) == 1, (path, parser.h1_ids)
        assert parser.skip == f"#{parser.h1_ids[0]}" and parser.h1_ids[0], (path, parser.skip, parser.h1_ids)


@pytest.mark.parametrize("path", [LETTER_URL, "checklist/interview/", "404.html"])
def test_tab_then_enter_on_the_skip_link_lands_on_the_heading(server, page, path):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server.url(path))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip.split(), f"{path}: the first Tab stop is {skip!r}"
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-heading"
    heading = page.locator("h1#main-heading")
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 200, f"{path}: the heading is {top}px from the top after the skip"
    # The next Tab stop comes after the heading: nothing between them was skipped over.
    page.keyboard.press("Tab")
    follows = page.evaluate(
        "document.querySelector('h1').compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert follows, f"{path}: the next Tab stop is before the heading"
    if path == LETTER_URL:
        # On a letter page the form comes after the heading, and Tab reaches its first box.
        first_field = page.locator(".ns-letter__form input, .ns-letter__form textarea").first
        for _ in range(10):
            if first_field.evaluate("f => f === document.activeElement"):
                break
            assert page.evaluate(
                "!document.querySelector('.ns-letter__form').contains(document.activeElement)"
            ), "a part of the form came before its first box"
            page.keyboard.press("Tab")
        assert first_field.evaluate("f => f === document.activeElement"), "Tab never reached the form"


def _walk(page, presses: int) -> list[dict]:
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stop = page.evaluate(ACTIVE)
        if stop is None:
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("path", ["", LETTER_URL, "checklist/"])
def test_on_a_phone_tab_reaches_the_menu_button_and_no_hidden_link(server, page, path):
    page.set_viewport_size(PHONE)
    page.goto(server.url(path))
    stops = _walk(page, 400)
    assert any(stop["menu"] for stop in stops), [s["text"] for s in stops[:8]]
    hidden = [stop for stop in stops if not stop["visible"] or stop["inDrawer"]]
    assert not hidden, f"{path}: focus went where nobody can see it: {hidden[:5]}"


def test_the_phone_menu_opens_and_closes_from_the_keyboard(server, page):
    page.set_viewport_size(PHONE)
    page.goto(server.url(LETTER_URL))
    menu = page.locator('.md-header label[for="__drawer"]')
    for _ in range(10):
        page.keyboard.press("Tab")
        if menu.evaluate("m => m === document.activeElement"):
            break
    assert menu.get_attribute("title") == "Navigation"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    # The drawer slides in; a reader tabs on once it is there.
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    # The open drawer's links are in the Tab order and in sight.
    stops = _walk(page, 40)
    inside = [stop for stop in stops if stop["inDrawer"]]
    assert inside and all(stop["visible"] for stop in inside), stops
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert menu.evaluate("m => m === document.activeElement")
    page.wait_for_timeout(400)  # the drawer slides shut
    assert not [stop for stop in _walk(page, 60) if stop["inDrawer"]]


def test_skip_link_words_are_the_themes(site):
    assert re.search(r'class="md-skip">\s*Skip to content\s*</a>', (site / "404.html").read_text("utf-8"))


def test_the_phone_search_opens_from_the_keyboard(server, page):
    page.set_viewport_size(PHONE)
    page.goto(server.url(""))
    search = page.locator('.md-header label.md-header__button[for="__search"]')
    for _ in range(10):
        page.keyboard.press("Tab")
        if search.evaluate("s => s === document.activeElement"):
            break
    assert search.get_attribute("title") == "Search"
    page.keyboard.press("Enter")
    page.locator(".md-search__input:focus").wait_for()  # the page's policy forbids a script-side wait
    page.keyboard.type("feedback")
    page.locator(".md-search-result__item").first.wait_for()
