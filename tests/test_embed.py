"""Embed pages, snippets, oEmbed and the loader, checked in the real build."""

from __future__ import annotations

import gzip
import json
import re
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from nextsteps import wording
from nextsteps.content import load_guide, page_url
from nextsteps.embed import KINDS, iframe_snippet, loader_snippet, widgets
from nextsteps.embed.outputs import csp_examples
from support import ROOT

CONTENT = load_guide(ROOT / "mkdocs.yml")  # the content with the guide's own words
WIDGETS = widgets(CONTENT)
SITE_URL = "https://nextsteps.example.org/"
LOADER_BUDGET = 2048  # bytes, gzipped


class _Page(HTMLParser):
    """The parts of a page these tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.scripts: list[str] = []
        self.stylesheets: list[str] = []
        self.classes: list[str] = []
        self.h1 = ""
        self.robots = ""
        self.description = ""
        self.links: list[dict[str, str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.classes += a.get("class", "").split()
        if tag == "script" and "src" in a:
            self.scripts.append(a["src"])
        if tag == "link":
            self.links.append(a)
            if a.get("rel") == "stylesheet":
                self.stylesheets.append(a["href"])
        if tag == "meta" and a.get("name") == "robots":
            self.robots = a.get("content", "")
        if tag == "meta" and a.get("name") == "description":
            self.description = a.get("content", "")
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def parse(site: Path, url: str) -> _Page:
    page = _Page()
    page.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return page


def test_there_is_a_widget_for_the_guide_every_checklist_and_every_letter():
    keys = {w.key for w in WIDGETS}
    assert {"guide", "checklist", "checklist-application", "checklist-interview", "checklist-final"} <= keys
    assert {f"letter-{letter_id}" for letter_id in CONTENT.letters} <= keys
    assert len(keys) == len(WIDGETS)


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: w.key)
def test_embed_page_is_chrome_less_and_titled_like_its_iframe(site, widget):
    page = parse(site, widget.path)
    assert page.title == widget.title == page.h1
    assert f'title="{widget.title}"' in iframe_snippet(widget, SITE_URL)
    # Not noindex (that fails crawlability checks): a canonical link names the full page instead.
    assert page.robots == ""
    canonical = [link["href"] for link in page.links if link.get("rel") == "canonical"]
    assert canonical == [SITE_URL + page_url(widget.page)]
    assert page.description
    # None of the theme: no header, navigation, search or its script bundle.
    assert not [c for c in page.classes if c.startswith(("md-header", "md-nav", "md-search", "md-footer", "md-sidebar"))]
    assert not [s for s in page.scripts if "bundle" in s or "theme-" in s]
    assert not [s for s in page.stylesheets if "assets/stylesheets/main" in s or "palette" in s]
    letter = ["letter-template.js", "letter-details.js", "letters.js"]
    expected = {"guide": [], "checklist": ["checklist.js"], "letter": letter}[widget.kind]
    assert [s.rsplit("/", 1)[-1] for s in page.scripts] == ["common.js", "embed-frame.js", *expected]


def test_embed_pages_stay_out_of_search_and_sitemap(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not [loc for loc in locations if loc.startswith("embed/") and loc != "embed/"]
    # The recruiters' page is a page of the guide, but not one a job seeker searches for.
    assert "embed/" not in locations and "for-recruiters/" not in locations
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not [w.path for w in WIDGETS if w.path in sitemap]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: w.key)
def test_embed_page_height_depends_on_content_only(site, widget):
    """Viewport-height units or height: 100% would make the frame and its content chase each other."""
    for href in parse(site, widget.path).stylesheets:
        css = (site / widget.path / href).resolve().read_text(encoding="utf-8")
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        assert not re.search(r"\d(?:s|d|l)?vh\b", css), href
        assert not re.search(r"(?<![-\w])(?:min-)?height:\s*100%", css), href


def test_guide_widget_lists_every_step_opening_in_a_new_tab(site):
    html = (site / "embed/guide/index.html").read_text(encoding="utf-8")
    for step in CONTENT.steps:
        assert f'href="../../{step.url}" target="_blank" rel="noopener">{step.meta.title}' in html


def written_in(loader: str, name: str) -> object:
    """What the build wrote into the loader as ``var NAME = ...;``."""
    found = re.search(rf"^var {name} = (.*);$", loader, re.M)
    assert found, name
    return json.loads(found.group(1))


def test_loader_is_small_and_has_no_dependencies(site):
    loader = (site / "embed.js").read_bytes()
    # The loader names no journey: the build fills in the ones the guide declares.
    source = (ROOT / "hooks/nextsteps/embed/embed.js").read_bytes()
    assert not [slug for slug in CONTENT.journeys if slug.encode() in source]
    assert written_in(loader.decode(), "STAGES") == list(CONTENT.journeys)
    # Nor any words: the build writes in the wording table's, for the notes it shows on the host page.
    assert written_in(loader.decode(), "WORDS") == wording.words_for_script("script.embed.")
    assert wording.say("script.embed.failed").encode() in loader and wording.say("script.embed.failed").encode() not in source
    # Published compact: the source's lines, trimmed, without blank lines or whole-line comments.
    kept = [line.strip() for line in source.decode().splitlines() if line.strip() and not line.strip().startswith("//")]
    assert [re.sub(r"\{.*\}|\[.*\]", "", line) for line in loader.decode().splitlines()] == [re.sub(r"\{.*\}|\[.*\]", "", line) for line in kept]
    size = len(gzip.compress(loader, compresslevel=9))
    assert size <= LOADER_BUDGET, f"embed.js is {size} bytes gzipped; the budget is {LOADER_BUDGET}"
    text = loader.decode("utf-8")
    assert not re.search(r"\bimport\b|\brequire\(|https?://", text.split("*/", 1)[1])


def test_loader_takes_heights_and_addresses_from_the_build(site):
    """Each kind's height is the plain snippet's, and its frame and full page are the widgets' own
    addresses (nextsteps.addresses): the loader's source writes none of them."""
    source = (ROOT / "hooks/nextsteps/embed/embed.js").read_text(encoding="utf-8")
    for hand_written in ("checklist/", "letters/", "guide/", "embed/", "900", "1800", "2000"):
        assert hand_written not in source.split("*/", 1)[1], hand_written
    kinds = written_in((site / "embed.js").read_text(encoding="utf-8"), "KINDS")
    assert {kind: found[0] for kind, found in kinds.items()} == KINDS
    for widget in WIDGETS:
        found = kinds[widget.kind]
        frame, full = found[3:5] if widget.stage else found[1:3]
        slot = widget.letter or widget.stage or ""
        assert (frame.replace("{}", slot), full.replace("{}", slot)) == (widget.path, page_url(widget.page)), widget.key


def test_snippets_use_the_published_address_and_the_allowlisted_options():
    checklist = next(w for w in WIDGETS if w.key == "checklist-interview")
    snippet = loader_snippet(checklist, SITE_URL, accent="#0b6e4f")
    assert snippet == (
        '<div data-nextsteps-embed="checklist" data-stage="interview" data-accent="#0b6e4f">'
        f'<a href="{SITE_URL}checklist/interview/">{checklist.title}</a></div>\n'
        f'<script async src="{SITE_URL}embed.js"></script>'
    )
    plain = iframe_snippet(checklist, SITE_URL)
    assert plain.startswith(f'<iframe src="{SITE_URL}embed/checklist/interview/" title="{checklist.title}"')
    assert 'loading="lazy"' in plain and 'referrerpolicy="no-referrer"' in plain and f'height="{KINDS["checklist"]}"' in plain
    # Nothing a host's style-src 'self' would block.
    assert "style=" not in plain and 'frameborder="0"' in plain
    letter = next(w for w in WIDGETS if w.kind == "letter")
    assert 'allow="clipboard-write"' in iframe_snippet(letter, SITE_URL)
    assert f'data-letter="{letter.letter}"' in loader_snippet(letter, SITE_URL)


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: w.key)
def test_oembed_answer_and_discovery_link(site, widget):
    data = json.loads((site / f"oembed/{widget.key}.json").read_text(encoding="utf-8"))
    assert data["version"] == "1.0" and data["type"] == "rich"
    # WordPress's shape: a link to the full page first, so WordPress loads its embed script.
    full = f"{SITE_URL}{page_url(widget.page)}"
    assert data["html"] == f'<blockquote class="wp-embedded-content"><a href="{full}">{escape(widget.title)}</a></blockquote>' + iframe_snippet(widget, SITE_URL)
    assert data["title"] == widget.title and data["provider_name"] == "Next Steps"
    assert isinstance(data["width"], int) and data["height"] == widget.height
    page = parse(site, page_url(widget.page))
    found = [link for link in page.links if link.get("type") == "application/json+oembed"]
    assert found == [{"rel": "alternate", "type": "application/json+oembed", "href": f"{SITE_URL}oembed/{widget.key}.json", "title": widget.title}]


def test_only_matching_pages_carry_an_oembed_link(site):
    pages = {page_url(w.page) for w in WIDGETS}
    for html in site.rglob("index.html"):
        url = html.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        has_link = "application/json+oembed" in html.read_text(encoding="utf-8")
        assert has_link == (url in pages), url


def test_recruiters_page_offers_every_snippet_options_and_a_preview(site):
    html = (site / "embed/index.html").read_text(encoding="utf-8")
    for widget in WIDGETS:
        for kind, snippet in (("loader", loader_snippet(widget, SITE_URL)), ("plain", iframe_snippet(widget, SITE_URL))):
            code = re.search(rf'<code id="ns-snippet-{widget.key}-{kind}">(.*?)</code>', html, re.S)
            assert code and unescape(code.group(1)) == snippet, (widget.key, kind)
            assert f'data-ns-copy="ns-snippet-{widget.key}-{kind}"' in html
    for option in ("data-nextsteps-embed", "data-stage", "data-letter", "data-accent", "data-hide-title"):
        assert f"<code>{option}</code>" in html
    for event in ("nextsteps:ready", "nextsteps:progress", "nextsteps:copied"):
        assert f"<code>{event}</code>" in html
    # The live preview runs this site's own loader, never the published one.
    page = parse(site, "embed/")
    assert "../embed.js" in page.scripts
    assert '<div data-nextsteps-embed="guide"><a href="../">' in html


def test_recruiters_page_shows_the_host_policies_with_this_site_address(site):
    """A nonce with 'strict-dynamic', and an allowlist; test_embed_hosting.py runs both in Chromium."""
    html = unescape((site / "embed/index.html").read_text(encoding="utf-8"))
    examples = csp_examples(SITE_URL)
    assert "'strict-dynamic'" in examples["nonce"] and "style-src 'self'" in examples["nonce"]
    assert f"frame-src {SITE_URL.rstrip('/')}" in examples["allowlist"]
    for name, example in examples.items():
        assert f"<code>{example}</code>" in html, name


def test_recruiter_material_is_linked_from_the_footer_not_the_navigation(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') : html.index('class="md-footer')]
    assert 'href="embed/"' not in nav and "Embed on your website" not in nav
    footer = html[html.index('class="md-footer') :]
    assert '<a href="for-recruiters/">For recruiters</a>' in footer
    recruiters = (site / "for-recruiters/index.html").read_text(encoding="utf-8")
    for href in ("../embed/", "../api/checklist.json", "../api/letters.json"):
        assert f'href="{href}"' in recruiters, href


def test_recruiter_pages_lead_on_to_each_other_not_into_the_seekers_tools(site):
    for path, target in (("for-recruiters", "../embed/"), ("embed", "../for-recruiters/")):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<p class="ns-next__text">What to do next: <a href="([^"]+)">', html)
        assert link and link.group(1) == target, path
