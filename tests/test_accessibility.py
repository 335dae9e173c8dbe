"""Every built page of the guide, in two configurations (wide and light,
narrow and dark): axe-core finds no WCAG 2.2 A/AA violation, text reflows
without sideways scrolling, no cookie is set and no request leaves the site.

Each page is loaded once per configuration and every check runs on that
visit (gates.sweep). Wide and light, axe-core checks every page. Narrow and
dark, it checks the largest page of each kind (a kind is one template: every
step on a path, every letter...), because what changes between the two
configurations is the template's styles, not the words; reflow, cookies and
requests are still checked on every page. The pages are shared out in
slices, so the test workers check them side by side. tests/test_gates.py
shows each check failing on a page built to break it.
"""

from __future__ import annotations

import gates
import pytest
from nextsteps.content import load_content
from support import ROOT, content_slugs, html_pages

pytestmark = pytest.mark.browser

SLUGS = content_slugs(load_content(ROOT / "docs"))

# (configuration, slice, slices): axe on every page costs about three times a plain visit.
RUNS = [("1280-light", part, 4) for part in range(4)] + [("320-dark", part, 2) for part in range(2)]


@pytest.mark.parametrize(("configuration", "part", "slices"), RUNS, ids=[f"{c}-{p}" for c, p, _ in RUNS])
def test_every_page_is_accessible_reflows_and_stays_private(site, server, browser, configuration, part, slices):
    pages = html_pages(site)
    assert len(pages) >= 15, pages
    width, scheme = gates.SWEEPS[configuration]
    every_page = configuration == "1280-light"
    axe_paths = None if every_page else gates.one_page_per_kind(site, pages, SLUGS)
    problems = gates.sweep(browser, server, pages[part::slices], width, scheme, axe_paths)
    assert not problems, "\n\n".join(f"{p}:\n{d}" for p, d in problems.items())


def test_each_kind_of_page_is_checked_by_axe_in_both_configurations(site):
    """The narrow, dark sweep's axe-core pages cover every kind, and the kinds are templates, not single pages."""
    pages = html_pages(site)
    chosen = gates.one_page_per_kind(site, pages, SLUGS)
    kinds = {gates.page_kind(path, SLUGS) for path in pages}
    assert {gates.page_kind(path, SLUGS) for path in chosen} == kinds
    assert {"stages/*/*/", "steps/*/", "letters/*/", "embed/letters/*/", "checklist/*/"} <= kinds
    assert len(chosen) < len(pages) / 3
