"""axe-core finds no WCAG 2.2 A/AA violation on any built page, light or dark."""

from __future__ import annotations

import a11y
import pytest
from support import html_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(site, server, browser, scheme):
    pages = html_pages(site)
    assert len(pages) >= 15, pages
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    failures = {}
    try:
        for path in pages:
            page.goto(server.url(path))
            found = a11y.violations(page)
            if found:
                failures[path or "/"] = a11y.describe(found)
    finally:
        context.close()
    assert not failures, "\n\n".join(f"{p}:\n{d}" for p, d in failures.items())
