"""The real site builds with --strict, and broken content stops it before any output."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from nextsteps.content import load_content
from support import ROOT, build, copy_project

CONTENT = load_content(ROOT / "docs")


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8") if not path.endswith(".html") else (site / path).read_text(encoding="utf-8")


def test_every_page_is_built(site):
    for step in CONTENT.steps:
        assert (site / step.url / "index.html").is_file(), step.url
    for stage in ("application", "interview", "final"):
        assert (site / "stages" / stage / "index.html").is_file()
    for page in ("privacy", "accessibility"):
        assert (site / page / "index.html").is_file()
    assert (site / "404.html").is_file()
    assert (site / "sitemap.xml").is_file()


def test_start_page_offers_the_stage_choice(site):
    html = read(site, "")
    assert "Where were you turned down?" in html
    for stage in ("application", "interview", "final"):
        assert f'href="stages/{stage}/"' in html
    assert '<a href="checklist/">Your checklist</a>' in html
    assert '<a href="letters/">Letter templates</a>' in html


def test_stage_page_lists_only_its_steps_in_order(site):
    for stage in ("application", "interview", "final"):
        html = read(site, f"stages/{stage}")
        expected = [s.meta.title for s in CONTENT.steps_for(stage)]
        found = [t for t in (s.meta.title for s in CONTENT.steps) if f">{t}</a><br" in html]
        assert found == expected, stage


def test_head_has_description_canonical_and_open_graph(site):
    step = CONTENT.steps[0]
    html = read(site, step.url)
    summary = step.meta.summary.replace("'", "&#39;")
    assert f'<meta name="description" content="{summary}">' in html or step.meta.summary in html
    assert f'<link rel="canonical" href="https://nextsteps.example.org/{step.url}">' in html
    assert f'<meta property="og:url" content="https://nextsteps.example.org/{step.url}">' in html
    assert '<meta property="og:title"' in html and '<meta property="og:description"' in html
    assert re.search(r'<html lang="en"', html)


def test_each_page_shows_when_it_was_last_reviewed(site):
    for step in CONTENT.steps:
        day = step.meta.reviewed
        assert f"Last reviewed {day.day} {day:%B %Y}" in read(site, step.url)


def test_brand_call_to_action_and_footer(site):
    html = read(site, "")
    assert 'class="ns-cta"' in html and "Shared by" in html
    css = (site / "assets/brand.css").read_text()
    assert "--ns-accent:#1d4f91" in css and "--ns-on-accent:#ffffff" in css


def test_step_page_lists_its_letters(site):
    for step in CONTENT.steps:
        html = read(site, step.url)
        for letter_id in step.meta.letters:
            assert f'href="../../letters/{letter_id}/"' in html


def test_helpful_404(site):
    html = read(site, "404.html")
    assert "Page not found" in html and "start of the guide" in html


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.refs.append(value)


def test_no_page_loads_anything_from_another_site(site):
    for path in site.rglob("*.html"):
        parser = _Refs()
        parser.feed(path.read_text(encoding="utf-8"))
        external = [r for r in parser.refs if r.startswith(("http://", "https://", "//")) and not r.startswith("https://nextsteps.example.org/")]
        loaded = [r for r in external if not re.search(r"^https?://[^/]+/?$", r)]
        # Links out (the brand's site) are fine; nothing is fetched from elsewhere.
        assert not any(r.endswith((".js", ".css", ".woff2", ".woff", ".ttf", ".png", ".svg")) for r in loaded), (path, loaded)


def test_broken_content_stops_the_build_and_keeps_the_old_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "out"
    assert build(site, project).returncode == 0
    before = (site / "index.html").read_bytes()

    step = project / "docs/steps/ask-for-feedback.md"
    step.write_text(step.read_text(encoding="utf-8").replace("when:", "wen:", 1), encoding="utf-8")
    result = build(site, project)

    assert result.returncode != 0
    assert "docs/steps/ask-for-feedback.md: field 'wen': unknown field" in result.output
    assert "field 'when': this field is required" in result.output
    assert (site / "index.html").read_bytes() == before


def test_bad_brand_colour_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('accent: "#1d4f91"', 'accent: "blue-ish"'), encoding="utf-8")
    result = build(tmp_path / "out", project)
    assert result.returncode != 0
    assert "mkdocs.yml: field 'extra.brand.accent': 'blue-ish' is not a colour" in result.output
    assert not (tmp_path / "out" / "index.html").exists()
