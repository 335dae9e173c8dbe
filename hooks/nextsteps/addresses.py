"""Site addresses in one place: where each page lives and how to link between them.

Two kinds of link exist. Markdown links join source files (``steps/x.md``),
so the site engine checks and rewrites them. Raw HTML links join public
directory URLs (``steps/x/``), which the engine leaves alone.

A site may be published under a path (``https://example.github.io/nextsteps/``).
Everything that writes an address for a browser or a web server asks here, so
the path is never forgotten in one of them.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit

from .content.model import page_url

__all__ = [
    "SUPPORT_PAGE", "absolute", "base_path", "checklist_path", "checklist_url", "page_url",
    "rebase_links", "rel", "rel_url", "root_of", "stage_step_path",
]

# The "Get support" page: linked from the menu, the footer and site search on every page.
SUPPORT_PAGE = "get-support.md"

# A Markdown link to another source page: ](target.md) or ](target.md#part "title").
MD_LINK = re.compile(r"(\]\(\s*<?)([^)\s>#]+\.md)((?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\))")


def rel(from_path: str, to_path: str) -> str:
    """Relative link between two source files, as an editor would write it."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def rel_url(from_url: str, to_url: str) -> str:
    """A link between two public directory URLs, for raw HTML the engine leaves alone."""
    found = posixpath.relpath(to_url.rstrip("/") or ".", from_url.rstrip("/") or ".")
    return "./" if found == "." else found + "/"


def root_of(url: str) -> str:
    """The relative way from a public directory URL back to the site root."""
    return "../" * len([part for part in url.split("/") if part])


def absolute(site_url: str | None, path: str) -> str:
    """A site path as a full address; ``site_url`` is the published root.

    With no ``site_url`` (a local preview) the address starts at ``/``."""
    base = site_url or "/"
    return urljoin(base if base.endswith("/") else base + "/", path)


def base_path(site_url: str | None) -> str:
    """The path the site is served under, with slashes at both ends: '/' or '/next-steps/'."""
    path = urlsplit(site_url or "").path.strip("/")
    return f"/{path}/" if path else "/"


def stage_step_path(stage: str, slug: str) -> str:
    """A step as read on one stage's path: ``stages/<stage>/<slug>.md``.

    It sits under the stage page's own address, so the path works with plain
    links and no script: every page on it knows its stage.
    """
    return f"stages/{stage}/{slug}.md"


def checklist_path(stage: str | None = None) -> str:
    """The checklist page's source: the whole guide's, or the one made for a journey."""
    return "checklist/index.md" if stage is None else f"checklist/{stage}.md"


def checklist_url(stage: str | None = None) -> str:
    """The checklist page's address from the site root: ``checklist/`` or ``checklist/<journey>/``."""
    return page_url(checklist_path(stage))


def rebase_links(markdown: str, from_path: str, to_path: str) -> str:
    """Keep a page's relative Markdown links working when its text is shown at another path."""

    def move(match: re.Match) -> str:
        target = match.group(2)
        if "://" in target or target.startswith(("mailto:", "/")):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target))
        return match.group(1) + rel(to_path, resolved) + match.group(3)

    return MD_LINK.sub(move, markdown)
