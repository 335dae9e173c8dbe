"""The skip link lands on each page's main heading.

Material for MkDocs points "Skip to content" at the first entry of a page's
table of contents. Our pages take their title from front matter, so that
entry was the first h2: on a letter page the link jumped past the title and
the whole form, and pages with no h2 (the checklists) had no link at all.
So every main heading carries one id, and the table of contents starts with
it (Material's contents list leaves out a first level-1 entry, so the list a
reader sees does not change).
"""

from __future__ import annotations

import re

MAIN_HEADING_ID = "main-heading"
"""The id overrides/partials/content.html and overrides/404.html give the
heading they write; a heading in the page's own HTML gets it here."""

_H1 = re.compile(r"<h1\b([^>]*)>")
_ID = re.compile(r'\bid="([^"]+)"')


def mark_main_heading(html: str) -> tuple[str, str]:
    """The page's HTML with an id on its first h1, and the id the skip link goes to.

    A page with no h1 of its own gets one from the theme's content partial,
    which writes it with ``MAIN_HEADING_ID``.
    """
    match = _H1.search(html)
    if match is None:
        return html, MAIN_HEADING_ID
    existing = _ID.search(match.group(1))
    if existing:
        return html, existing.group(1)
    marked = f'<h1 id="{MAIN_HEADING_ID}"{match.group(1)}>'
    return html[: match.start()] + marked + html[match.end():], MAIN_HEADING_ID
