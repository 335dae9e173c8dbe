"""Help within reach: Get support from every page's menu and footer, a support
page that opens with its parts, and site search that leads to help."""

from __future__ import annotations

import json
import time

import a11y
import pytest
from nextsteps.addresses import SUPPORT_PAGE
from nextsteps.searchhelp import load
from support import ROOT, html_pages

SECTIONS = {s.topic: s.words for s in load(ROOT)}


def read(site, url: str) -> str:
    path = site / url if url.endswith(".html") else site / url / "index.html"
    return path.read_text(encoding="utf-8")


def test_get_support_is_in_every_pages_menu_and_footer(site):
    pages = [p for p in html_pages(site) if not p.startswith("embed/")]
    assert len(pages) > 20
    for url in pages:
        html = read(site, url)
        footer = html[html.index('class="md-copyright ns-footer"') :]
        assert ">Get support</a>" in footer, url
        primary = html[html.index("md-nav--primary") : html.index('class="md-content"')]
        assert "Get support" in primary, url


def test_get_support_is_at_the_top_level_of_the_menu():
    from nextsteps.content import load_content
    from nextsteps.guide import nav

    items = nav(load_content(ROOT / "docs"))
    assert {"Get support": SUPPORT_PAGE} in items


def test_the_support_page_opens_with_a_list_of_its_parts(site):
    html = read(site, "get-support")
    body = html[html.index("<h1") :]
    contents = body.index("On this page")
    assert contents < body.index("999")  # before the first long part of the page
    for topic in ("wellbeing", "careers", "money", "fairness", "safety"):
        assert f'href="#{topic}"' in body[contents : contents + 2000], topic
        assert f'id="{topic}"' in body, topic
    assert 'href="#if-you-cannot-find-what-you-need"' in body and 'id="if-you-cannot-find-what-you-need"' in body


def test_recruiter_pages_are_left_out_of_search(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    places = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "for-recruiters/" not in places and "embed/" not in places
    assert "get-support/" in places and "checklist/" in places


def test_a_search_word_for_an_unknown_section_stops_the_build(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/search-help.yml").write_text(
        "sections:\n  - section: feelings\n    words: [sad]\n", encoding="utf-8"
    )
    from nextsteps.problems import ContentError

    with pytest.raises(ContentError) as caught:
        load(tmp_path, ("wellbeing", "careers"))  # the support list's topics
    assert "data/search-help.yml: field 'sections[0].section': 'feelings' is not a part of the support page. Allowed: wellbeing, careers" in str(
        caught.value
    )
    assert "(line 2)" in str(caught.value)


# In the browser --------------------------------------------------------------


def search(page, server, words: str) -> None:
    page.goto(server.url(""))
    query = page.locator("[data-md-component='search-query']")
    query.click()
    query.press_sequentially(words)
    # Material's worker reads the index first; wait for its answer.
    deadline = time.monotonic() + 15
    while (
        "Initializing" in (page.locator(".md-search-result__meta").text_content() or "")
        or not page.locator(".md-search-result__meta").text_content()
    ):
        assert time.monotonic() < deadline
        page.wait_for_timeout(100)
    page.wait_for_timeout(300)


@pytest.mark.browser
@pytest.mark.parametrize(
    "words, section",
    [
        ("suicide", "wellbeing"),
        ("rejected", "wellbeing"),
        ("feeling depressed", "wellbeing"),
        ("anxious", "wellbeing"),
        ("turned down", "wellbeing"),
        ("benefits", "money"),
        ("money", "money"),
    ],
)
def test_words_of_distress_lead_to_get_support(server, page, words, section):
    assert any(words.split()[-1] in w or w in words for w in SECTIONS[section]), (
        "the test's word is not in the content's list"
    )
    search(page, server, words)
    help_box = page.locator(".ns-search-help")
    assert help_box.is_visible()
    assert help_box.inner_text().startswith("Need help now?")
    help_box.locator("a").first.click()
    page.wait_for_url(server.url(f"get-support/#{section}"))
    assert page.locator(f"#{section}").is_visible()


@pytest.mark.browser
def test_a_search_with_no_results_points_to_help_and_the_start(server, page):
    search(page, server, "xylophone")
    assert page.locator(".md-search-result__list > *").count() == 0
    help_box = page.locator(".ns-search-help")
    assert help_box.is_visible()
    links = help_box.locator("a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        server.url("get-support/"),
        server.url(""),
    ]
    # Keyboard: the links are reachable and followable.
    links.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(server.url("get-support/"))


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_help_line_has_no_axe_violations(server, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        search(page, server, "sad")
        found = a11y.violations(page, ".md-search")
        assert not found, a11y.describe(found)
    finally:
        context.close()


@pytest.mark.browser
def test_a_search_that_finds_pages_and_no_help_word_shows_no_line(server, page):
    search(page, server, "feedback")
    assert page.locator(".md-search-result__list > *").count() > 0
    assert not page.locator(".ns-search-help").is_visible()
