"""Print gate: checklists and letters print from Chromium with no site chrome
and nothing cut off, on A4 and US Letter. Shown to fail on a page built to
break it."""

from __future__ import annotations

import html
import io
import re
import shutil
from pathlib import Path

import gates
import pypdf
import pytest
from nextsteps.content import load_content
from nextsteps.letters import render_text
from nextsteps.pdf import FONTS_DIR
from support import ROOT, Server

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "docs")
LETTERS = list(CONTENT.letters.values())
PAPERS = ("A4", "Letter")
CHECKLIST_PAGES = [("checklist/", None), ("checklist/interview/", "interview")]
STEP_ON_PATH = "stages/interview/ask-for-feedback/"


def chrome_strings(site: Path) -> list[str]:
    """Words that appear only in the site's chrome: header, search, navigation, footer, call to action."""
    start = (site / "index.html").read_text(encoding="utf-8")
    sections = re.findall(r'<label class="md-nav__link" for="__nav_\d+" id="__nav_\d+_label"[^>]*>\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', start, re.S)
    site_name = re.search(r'<meta property="og:site_name" content="([^"]+)">', start)
    # The brand's call to action, or (a brand with no contact) the next link in its place.
    cta = re.search(r'<p class="ns-cta__text">(.*?)</p>', start, re.S) or re.search(r'<p class="ns-next__text">(What to do next):', start)
    assert sections and site_name and cta, "the start page no longer has the navigation, site name or call to action these checks look for"
    found = ["Search", "Skip to content", "Shared by", site_name.group(1), cta.group(1), *sections]
    return [html.unescape(s) for s in found]


def print_problems(page, present: list[str], absent: list[str]) -> list[str]:
    """Every print gate on the page as it is now, for each paper size."""
    problems = gates.print_chrome_shown(page)
    for paper in PAPERS:
        problems += gates.print_cut_off(page, paper)
        problems += [f"{paper}: {p}" for p in gates.pdf_text_problems(page.pdf(format=paper), present, absent)]
    return problems


@pytest.mark.parametrize("path, stage", CHECKLIST_PAGES, ids=[p for p, _ in CHECKLIST_PAGES])
def test_checklist_prints_its_items_without_chrome(site, server, page, path, stage):
    page.goto(server.url(path))
    items = [tick.item.text for tick in CONTENT.checklist(stage)]
    assert items
    assert print_problems(page, items, chrome_strings(site)) == []


@pytest.mark.parametrize("letter", LETTERS, ids=[each.meta.id for each in LETTERS])
def test_letter_prints_only_the_letter(site, server, page, letter):
    page.goto(server.url(letter.url))
    page.wait_for_selector(f"[data-ns-letter='{letter.meta.id}'][data-ns-ready]", state="attached")
    values = {f.name: f.example for f in letter.meta.fields}
    prefix = f"#ns-letter-{letter.meta.id}-"
    for name, value in values.items():
        page.fill(prefix + name, value)
    if letter.meta.channel == "letter":  # only letters have address boxes
        page.fill(prefix + "print-from", "1 High Street\nLeeds\nLS1 1AA")
        page.fill(prefix + "print-to", "Alex Morgan\nRiverside Logistics\nYork")
    present = [render_text(letter.body, values)]
    if letter.meta.channel == "email":
        present.append(render_text(letter.meta.subject, values, inline=True))
    absent = [*chrome_strings(site), "Your details", "Remember my details", "Other copies"]
    assert print_problems(page, present, absent) == []


# The gate can fail ---------------------------------------------------------------

BROKEN_PRINT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken print</title></head>
<body>
<header class="md-header"><a class="md-skip" href="#main">Skip to content</a> Next steps
<form class="md-search" role="search"><input aria-label="Search" placeholder="Search"> <button type="button">Search</button></form></header>
<nav class="md-nav" aria-label="Navigation"><a href="#main">Steps</a></nav>
<main id="main">
<h1>Your checklist</h1>
<p>Tick each thing when you have done it.</p>
<div class="too-wide" style="width:2000px">A table far wider than any paper</div>
</main>
<aside class="ns-cta" aria-label="Help">Looking for your next role?</aside>
<footer class="md-footer">Shared by Next Steps</footer>
</body></html>
"""


def test_print_gates_fail_on_a_broken_page(tmp_path, page):
    (tmp_path / "index.html").write_text(BROKEN_PRINT_PAGE, encoding="utf-8")
    with Server(tmp_path) as srv:
        page.goto(srv.url(""))
        chrome = gates.print_chrome_shown(page)
        for name in ("header", "navigation", "search", "footer", "call to action"):
            assert any(p.startswith(name + " ") for p in chrome), (name, chrome)
        for paper in PAPERS:
            cut = gates.print_cut_off(page, paper)
            assert any("div.too-wide" in p for p in cut), cut
            assert any("the page is" in p for p in cut), cut
        pdf = page.pdf(format="A4")
        text = gates.pdf_text_problems(pdf, ["Tick each thing when you have done it.", "Not on this page"], ["Search", "Steps", "Shared by"])
        assert text == [
            "missing from the printout: 'Not on this page'",
            "printed, but it is site chrome: 'Search'",
            "printed, but it is site chrome: 'Steps'",
            "printed, but it is site chrome: 'Shared by'",
        ]


# Ligatures -----------------------------------------------------------------------

# A font with 'fi' and 'ff' ligatures (the one bundled for the PDFs), so the
# words below are drawn as ligature glyphs whatever fonts the machine has.
# Chromium's PDFs then often store them as U+FB01 'ﬁ' and U+FB00 'ﬀ'; the
# last paragraph has those characters typed in, so the PDF surely holds them.
LIGATURE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ligatures</title>
<link rel="stylesheet" href="ligatures.css"></head>
<body><main>
<h1>Things to fix first</h1>
<p>Find the staff office and fill in the difficult form.</p>
<p>The \ufb01nal o\ufb00er was \ufb01ne.</p>
</main></body></html>
"""
LIGATURE_CSS = "@font-face{font-family:Lig;src:url(DejaVuSans.ttf)} body{font-family:Lig;font-variant-ligatures:common-ligatures}"


def test_print_checks_read_pdfs_that_use_ligatures(tmp_path, page):
    (tmp_path / "index.html").write_text(LIGATURE_PAGE, encoding="utf-8")
    (tmp_path / "ligatures.css").write_text(LIGATURE_CSS, encoding="utf-8")
    shutil.copy(FONTS_DIR / "DejaVuSans.ttf", tmp_path)
    with Server(tmp_path) as srv:
        page.goto(srv.url(""))
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check('16px Lig')")
        pdf = page.pdf(format="A4")
    raw = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "\ufb01" in raw and "\ufb00" in raw, "the test page no longer stores ligature characters"
    present = ["Things to fix first", "Find the staff office and fill in the difficult form.", "The final offer was fine."]
    assert gates.pdf_text_problems(pdf, present, ["Search", "office manager"]) == []
    # And a word that is not there is still missed, ligature or not.
    assert gates.pdf_text_problems(pdf, ["The final offer was firm."], []) == ["missing from the printout: 'The final offer was firm.'"]


def test_a_step_on_a_path_prints_without_the_path_or_the_way_on(site, server, page):
    page.goto(server.url(STEP_ON_PATH))
    step = CONTENT.steps_for("interview")[3]
    assert STEP_ON_PATH.endswith(f"/{step.slug}/")
    absent = [*chrome_strings(site), "Next step", "Previous step", "Your steps: after an interview"]
    assert print_problems(page, [step.meta.title], absent) == []
