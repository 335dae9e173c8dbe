"""What every generator hands back to the site engine: one file to add."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Generated:
    path: str  # site path of the source: 'checklist/index.md' (a page), 'downloads/x.pdf'
    content: str | bytes
    in_nav: bool = True  # informative only: a page is in the navigation when guide.nav lists it
