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
    "SUPPORT_PAGE",
    "absolute",
    "base_path",
    "checklist_page",
    "checklist_url",
    "is_checklist_page",
    "letter_page",
    "page_url",
    "rebase_links",
    "rel",
    "rel_url",
    "root_of",
    "stage_step_path",
    "tel_href",
    "widget_url",
]

# The "Get support" page: linked from the menu, the footer and site search on every page.
SUPPORT_PAGE = "get-support.md"
CHECKLIST_FOLDER = "checklist"
LETTERS_FOLDER = "letters"
EMBED_FOLDER = "embed"  # each widget's frame: embed/ and its full page's own address
GUIDE_WIDGET = "guide"  # the start page has no folder of its own, so its widget is embed/guide/

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


def checklist_page(stage: str | None = None) -> str:
    """The source path of the checklist: the whole guide's, or one stage's (``checklist/interview.md``)."""
    return f"{CHECKLIST_FOLDER}/index.md" if stage is None else f"{CHECKLIST_FOLDER}/{stage}.md"


def checklist_url(stage: str | None = None) -> str:
    """The public directory URL of the checklist, for raw HTML, the JSON feed and QR codes."""
    return page_url(checklist_page(stage))


def is_checklist_page(src_path: str) -> bool:
    """Whether a source path is one of the checklist pages."""
    return src_path.startswith(f"{CHECKLIST_FOLDER}/")


def letter_page(letter_id: str) -> str:
    """The source path of a letter's page: ``letters/<id>.md``."""
    return f"{LETTERS_FOLDER}/{letter_id}.md"


def widget_url(full_url: str) -> str:
    """The public directory URL of the widget frame for a full page's URL.

    A widget sits under ``embed/`` at its page's own address
    (``embed/checklist/interview/``, ``embed/letters/<id>/``); the start
    page's, whose own address is the site root, is ``embed/guide/``.
    """
    return f"{EMBED_FOLDER}/{full_url or GUIDE_WIDGET + '/'}"


def tel_href(phone: str) -> str:
    """A ``tel:`` link for a phone number as people write it: '(020) 7946-0000' gives 'tel:02079460000'.

    Only the digits and a leading '+' are kept. Spaces, brackets and dashes
    help a reader, but some phones and screen readers stumble on them in a link.
    """
    plus = "+" if phone.strip().startswith("+") else ""
    return f"tel:{plus}{re.sub(r'[^0-9]', '', phone)}"


def rebase_links(markdown: str, from_path: str, to_path: str) -> str:
    """Keep a page's relative Markdown links working when its text is shown at another path."""

    def move(match: re.Match[str]) -> str:
        target: str = match.group(2)
        if "://" in target or target.startswith(("mailto:", "/")):
            return str(match.group(0))
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target))
        return f"{match.group(1)}{rel(to_path, resolved)}{match.group(3)}"

    return MD_LINK.sub(move, markdown)
