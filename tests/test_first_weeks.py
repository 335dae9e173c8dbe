"""The second guide, examples/first-weeks: built by the project's code alone,
on a topic the code never names, and held to the main guide's gates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import gates
import pytest
from nextsteps import guide
from nextsteps.checks.plain_english import (
    MAX_WORDS,
    MIN_READING_EASE,
    article_blocks,
    reading_ease,
    sentences,
    word_count,
)
from nextsteps.content import load_guide, page_url
from support import ROOT, Server, build, content_slugs, html_pages, pdf_page_texts, plain_text, shared_build

GUIDE = ROOT / "examples" / "first-weeks"
CONTENT = load_guide(GUIDE / "mkdocs.yml")
# Words of the first guide's topic: a guide on another topic must show none of them.
FIRST_TOPIC = re.compile(r"turned down|rejection|rejected|interview|job seekers|looking for work|job scams", re.IGNORECASE)


@pytest.fixture(scope="module")
def weeks_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per test run and shared by every worker (the sweeps run on several)."""
    result = shared_build(tmp_path_factory, "first-weeks", project=GUIDE)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def weeks_server(weeks_site: Path):
    with Server(weeks_site) as srv:
        yield srv


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_guide_declares_its_own_three_journeys():
    assert CONTENT.journeys == ("before-day-one", "first-day", "first-month")
    for slug in CONTENT.journeys:
        assert 4 <= len(CONTENT.steps_for(slug)) <= 6, slug
    assert 2 <= len(CONTENT.letters) <= 3


def test_start_page_asks_its_own_question(weeks_site):
    html = (weeks_site / "index.html").read_text(encoding="utf-8")
    assert "Where are you now?" in html
    for slug, page in CONTENT.stages.items():
        assert f'<a class="ns-choice" href="stages/{slug}/">{page.choice}</a>' in html


def test_a_step_on_a_path_names_its_journey_in_the_guides_words(weeks_site):
    html = (weeks_site / "stages/first-month/ask-questions/index.html").read_text(encoding="utf-8")
    assert 'Step 4 of 5: <a href="../">in your first month</a>' in html
    assert "Your questions can be about how to do the job well" in html  # its for_stage words
    on_day_one = (weeks_site / "stages/first-day/write-things-down/index.html").read_text(encoding="utf-8")
    assert "read your notes once a week" not in on_day_one  # a nextsteps:only part for the first month


def test_the_recruiters_page_names_this_guides_readers(weeks_site):
    """Who the guide is for is its own word (extra.guide.readers and reader), not the code's."""
    html = (weeks_site / "for-recruiters/index.html").read_text(encoding="utf-8")
    assert CONTENT.guide.readers == "people starting a new job" and CONTENT.guide.reader == "starting a new job"
    assert f'<meta name="description" content="How recruiters can share this guide with {CONTENT.guide.readers}, on' in html
    assert f'If you are {CONTENT.guide.reader}, <a href="../">go back to the start</a>.' in html


def test_feeds_and_loader_follow_the_journeys(weeks_site):
    feed = json.loads((weeks_site / "api/checklist.json").read_text(encoding="utf-8"))
    assert list(feed["paths"]) == list(CONTENT.journeys)
    loader = (weeks_site / "embed.js").read_text(encoding="utf-8")
    assert f"var STAGES = {json.dumps(list(CONTENT.journeys), separators=(',', ':'))};" in loader
    assert (weeks_site / "oembed/checklist-first-day.json").is_file()


def test_no_word_of_the_first_guides_topic_anywhere(weeks_site):
    """Pages, widgets, feeds and every PDF: the topic is content, not code."""
    found = []
    for path in sorted(weeks_site.rglob("*")):
        rel = path.relative_to(weeks_site).as_posix()
        if path.suffix in (".html", ".json", ".xml", ".txt") and not rel.startswith("search/"):
            text = path.read_text(encoding="utf-8")
        elif path.suffix == ".pdf":
            text = " ".join(pdf_page_texts(path.read_bytes()))
        else:
            continue
        found += [f"{rel}: {m.group(0)}" for m in FIRST_TOPIC.finditer(text)]
    assert found == []


def test_every_page_reads_easily(weeks_site):
    """The main guide's plain-English bar: Flesch 60 or more, no sentence over 25 words."""
    urls = [s.url for s in CONTENT.steps] + [p.url for p in CONTENT.stages.values()]
    urls += [p.url for p in CONTENT.pages.values()]
    urls += [page_url(path) for path in guide.places(CONTENT)]
    for url in urls:
        blocks = article_blocks((weeks_site / url / "index.html").read_text(encoding="utf-8"))
        assert reading_ease(blocks) >= MIN_READING_EASE, url
        assert [s for s in sentences(blocks) if word_count(s) > MAX_WORDS] == [], url


def test_every_internal_link_and_anchor_resolves(weeks_site):
    assert gates.broken_links(weeks_site) == []


def test_every_page_is_valid_html(weeks_site):
    assert gates.invalid_html(weeks_site) == []


def test_every_printable_checklist_and_letter_fits_one_page(weeks_site):
    pdfs = sorted((weeks_site / "downloads").rglob("*.pdf"))
    assert len(pdfs) == 2 * (1 + len(CONTENT.journeys)) + len(CONTENT.letters)
    for pdf in pdfs:
        pages = pdf_page_texts(pdf.read_bytes())
        assert len(pages) == 1, pdf.name
    title = plain_text(CONTENT.stages["first-day"].meta.checklist_title)
    assert title in pdf_page_texts((weeks_site / "downloads/checklist-first-day-a4.pdf").read_bytes())[0]


def test_a_fresh_build_gives_the_same_bytes(weeks_site, tmp_path):
    again = build(tmp_path / "again", project=GUIDE, env={"NEXTSTEPS_NO_CACHE": "1"})
    assert again.returncode == 0, again.output
    first, second = _tree(weeks_site), _tree(again.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.browser
@pytest.mark.parametrize("configuration", gates.SWEEPS)
def test_every_page_is_accessible_reflows_and_stays_private(weeks_site, weeks_server, browser, configuration):
    """The main guide's every-page gates (tests/test_accessibility.py), on this guide's pages.

    Its templates are the main guide's, which axe-core checks on every page;
    here it checks the largest page of each kind, in this guide's colours and
    words. Reflow, cookies and requests are checked on every page.
    """
    width, scheme = gates.SWEEPS[configuration]
    pages = html_pages(weeks_site)
    axe_paths = gates.one_page_per_kind(weeks_site, pages, content_slugs(CONTENT))
    problems = gates.sweep(browser, weeks_server, pages, width, scheme, axe_paths)
    assert not problems, "\n\n".join(f"{p}:\n{d}" for p, d in problems.items())
