"""The real site builds with --strict, and broken content stops it before any output."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from nextsteps.content import load_content
from support import ROOT, build, copy_project, old_site

CONTENT = load_content(ROOT / "docs")


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8") if not path.endswith(".html") else (site / path).read_text(encoding="utf-8")


def test_every_page_is_built(site):
    for step in CONTENT.steps:
        assert (site / step.url / "index.html").is_file(), step.url
    for stage in CONTENT.journeys:
        assert (site / "stages" / stage / "index.html").is_file()
    for page in ("privacy", "accessibility"):
        assert (site / page / "index.html").is_file()
    assert (site / "404.html").is_file()
    assert (site / "sitemap.xml").is_file()


def test_start_page_offers_the_stage_choice(site):
    html = read(site, "")
    assert "Where were you turned down?" in html
    for stage in CONTENT.journeys:
        assert f'<a class="ns-choice" href="stages/{stage}/">' in html
    article = html[html.index("<article") : html.index("</article>")]
    # One list of choices, no second list of every step.
    assert article.count('class="ns-choice"') == len(CONTENT.journeys)
    assert not [s for s in CONTENT.steps if f'href="{s.url}"' in article and s.slug != "its-not-personal"]
    assert "If you only do one thing today:" in article
    # Marked for journey.js, which points it at the reader's own list.
    assert '<a data-ns-my-checklist="" href="checklist/">Your checklist</a>' in html
    assert '<a href="letters/">Letter templates</a>' in html


def test_stage_page_lists_only_its_path_in_order(site):
    for stage in CONTENT.journeys:
        html = read(site, f"stages/{stage}")
        path = html[html.index('class="ns-path"') :]
        found = re.findall(r'<li><a href="([^"]+)">([^<]+)</a><br', path)
        assert found == [(f"{s.slug}/", s.meta.title.replace("'", "&#39;")) for s in CONTENT.steps_for(stage)], stage
        first = CONTENT.steps_for(stage)[0]
        start = re.search(rf'<a class="md-button md-button--primary ns-start" href="{first.slug}/">Start with step 1 of {len(CONTENT.steps_for(stage))}', html)
        assert start and start.start() < html.index('class="ns-path"'), "the main action comes before the list"


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


def test_no_call_to_action_without_a_contact_but_a_next_link(site):
    # The default brand gives no website, email or phone: no button that goes nowhere.
    for url in ["", "stages/interview", "steps/ask-for-feedback", "checklist/"]:
        html = read(site, url)
        assert 'class="ns-cta"' not in html and "Contact us" not in html, url
        assert re.search(r'<aside class="ns-next" aria-label="What to do next">\s*<p class="ns-next__text">What to do next: <a href="[^"]+"[^>]*>', html), url
    assert '<a href="checklist/" data-ns-my-checklist>Your checklist</a></p>' in read(site, "")
    # On a stage's path, previous and next are the way on; no second "next" beside them.
    on_path = read(site, "stages/interview/ask-for-feedback")
    assert 'class="ns-next"' not in on_path and 'rel="next"' in on_path
    assert "Shared by" in read(site, "")
    css = (site / "assets/brand.css").read_text()
    assert "--ns-accent:#1d4f91" in css and "--ns-on-accent:#ffffff" in css


def test_page_titles_never_repeat_the_site_name(site):
    site_name = "Next steps after a job rejection"
    assert "<title>Next steps after a job rejection</title>" in read(site, "")
    assert "<title>Turned down after an interview - Next steps after a job rejection</title>" in read(site, "stages/interview")
    assert "<title>Ask for feedback (Step 4 of 10: after an interview) - Next steps after a job rejection</title>" in read(site, "stages/interview/ask-for-feedback")
    for path in site.rglob("index.html"):
        title = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"))
        if title:
            assert title.group(1).count(site_name) <= 1, path


def test_guide_pages_have_no_documentation_chrome(site):
    """No sidebar of links, no contents list on short pages, no global previous/next."""
    for url in ["", "stages/application", "steps/ask-for-feedback", "stages/application/ask-for-feedback", "checklist/", "letters/"]:
        html = read(site, url)
        assert 'data-md-type="navigation" hidden' in html, url
        assert 'data-md-type="toc" hidden' in html, url
        assert "md-footer__link" not in html, url


def test_each_step_on_a_path_has_its_own_page(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for stage in CONTENT.journeys:
        path = CONTENT.steps_for(stage)
        for number, step in enumerate(path, 1):
            html = read(site, f"stages/{stage}/{step.slug}")
            assert f'<p class="ns-caption">Step {number} of {len(path)}: ' in html
            assert f"<h1 id=\"main-heading\">{step.meta.title}</h1>".replace("'", "&#39;") in html
            # One address for search engines: the step's own page.
            assert f'<link rel="canonical" href="https://nextsteps.example.org/{step.url}">' in html
            assert f"stages/{stage}/{step.slug}/" not in sitemap
            # The path beside it: every step of this stage, this one marked.
            nav = html[html.index('<nav class="ns-stepnav"') : html.index("</nav>", html.index('<nav class="ns-stepnav"'))]
            assert re.findall(r'class="ns-stepnav__link" href="([^"]+)"', nav) == ["./" if s is step else f"../{s.slug}/" for s in path]
            assert '<a class="ns-stepnav__link" href="./" aria-current="step">' in nav
            nxt = re.search(r'href="([^"]+)" rel="next"', html)
            assert (nxt.group(1) if nxt else None) == (f"../{path[number].slug}/" if number < len(path) else None)


def test_site_search_lists_each_step_once(site):
    import json

    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert {s.url for s in CONTENT.steps} <= locations
    assert not [where for where in locations if re.match(r"stages/[a-z]+/[a-z0-9-]+/$", where)]


def test_stage_wording_shows_on_its_path_only(site):
    application = read(site, "stages/application/learn-from-it")
    interview = read(site, "stages/interview/learn-from-it")
    assert "body language" not in application and "dress" not in application
    assert "body language" in interview and "Check your CV and cover letter" not in interview
    assert "Check your CV and cover letter" in application
    assert re.search(r'<div class="ns-stage-note">\s*<p>You reached the final stage\. The employer saw you as one of the best few people', read(site, "stages/final/its-not-personal"))
    assert "one of the best few people" not in read(site, "stages/interview/its-not-personal")


def test_a_path_shows_only_its_stages_parts_of_a_step(site):
    """"What to send" gives one answer on each path, and every answer on the step's own page."""
    answers = {"application": "After applying:", "interview": "After an interview:", "final": "At the final stage:"}
    for stage, answer in answers.items():
        text = article_text(read(site, f"stages/{stage}/reply-to-the-rejection"))
        assert answer in text, stage
        assert not [other for other in answers.values() if other != answer and other in text], stage
    own = article_text(read(site, "steps/reply-to-the-rejection"))
    assert all(answer in own for answer in answers.values())
    assert "nextsteps:" not in read(site, "steps/reply-to-the-rejection")


def article_text(html: str) -> str:
    article = html[html.index("<article") : html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


def test_the_application_path_is_about_the_papers_not_the_interview(site):
    """After applying, the employer only saw the CV and application: nothing on how to dress or sit."""
    interview_only = re.compile(r"\b(body language|dress|what to wear|eye contact|handshake)\b", re.I)
    pages = ["stages/application", "checklist/application"] + [f"stages/application/{s.slug}" for s in CONTENT.steps_for("application")]
    for url in pages:
        found = interview_only.findall(article_text(read(site, url)))
        assert not found, (url, found)
    assert interview_only.search(article_text(read(site, "stages/interview/learn-from-it"))), "the check would find interview advice"
    application = " ".join(article_text(read(site, f"stages/application/{s.slug}")) for s in CONTENT.steps_for("application"))
    for topic in ("CV", "cover letter", "advert"):
        assert topic in application, topic


def test_a_path_points_to_the_one_reply_not_its_alternatives(site):
    """Asking for feedback is part of the one reply; the feedback-only emails stay on /letters/."""
    for stage in ("application", "interview"):
        html = read(site, f"stages/{stage}/ask-for-feedback")
        assert 'href="../../../letters/reply-to-the-rejection/"' in html
        assert 'href="../../../letters/"' in html
        assert "letters/feedback-after-application/" not in html and "letters/feedback-after-interview/" not in html


def test_the_final_stage_says_how_close_the_reader_came(site):
    html = read(site, "stages/final")
    assert "How close you came" in html and "last few people" in html and "What it means" in html


def test_step_page_lists_its_letters(site):
    for step in CONTENT.steps:
        html = read(site, step.url)
        for letter_id in step.meta.letters:
            assert f'href="../../letters/{letter_id}/"' in html


def test_helpful_404(site):
    html = read(site, "404.html")
    assert "<title>Page not found - Next steps after a job rejection</title>" in html
    assert "<h1 id=\"main-heading\">Page not found</h1>" in html and "start of the guide" in html
    # The way into every stage's path, not one stage picked for the reader.
    assert re.search(r'<a href="/\.?#choose-your-stage">choose where you were turned down</a>', html)
    assert 'id="choose-your-stage"' in read(site, "")


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


def test_broken_content_stops_the_build_and_keeps_the_old_site(tmp_path, site):
    project = copy_project(tmp_path / "project")
    site = old_site(site, tmp_path / "out")
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
