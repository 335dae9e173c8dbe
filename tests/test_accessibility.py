"""Every built page of the guide, in two configurations (wide and light,
narrow and dark): axe-core finds no WCAG 2.2 A/AA violation, text reflows
without sideways scrolling, no cookie is set and no request leaves the site.

Each page is loaded once per configuration and every check runs on that
visit (gates.sweep). The pages are shared out in slices, so the test workers
check them side by side. tests/test_gates.py shows each check failing on a
page built to break it.
"""

from __future__ import annotations

import gates
import pytest
from support import html_pages

pytestmark = pytest.mark.browser

SLICES = 4


@pytest.mark.parametrize("part", range(SLICES))
@pytest.mark.parametrize("configuration", gates.SWEEPS)
def test_every_page_is_accessible_reflows_and_stays_private(site, server, browser, configuration, part):
    pages = html_pages(site)
    assert len(pages) >= 15, pages
    width, scheme = gates.SWEEPS[configuration]
    problems = gates.sweep(browser, server, pages[part::SLICES], width, scheme)
    assert not problems, "\n\n".join(f"{p}:\n{d}" for p, d in problems.items())
