"""Pick up where you left off: the journey chosen and the last step read.

``journey.js`` remembers, in this browser only (``localStorage``), which
stage's path the reader chose and the last step they opened on it. The
start page then offers "Carry on: step 4 of 9, Ask for feedback" and a way
to choose again, and links to "Your checklist" open the reader's own list.

The journeys are read from the loaded content, never written into the
script: the start page carries them as data (``carry_on_html``), and the
pages of a path say which journey and step they are (``marker_attrs``).
Without JavaScript the carry-on box stays hidden and the links keep going to
the whole-guide checklist, so nothing breaks and nothing false is said.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from .. import browser
from ..addresses import checklist_url, page_url, rel_url, root_of, stage_step_path
from ..content import Content
from ..outputs import Generated, asset, filled_script
from ..wording import words_for_script
from .markers import marker_attrs

HERE = Path(__file__).parent
SCRIPT = "assets/javascripts/journey.js"
CARRY_ON_SCRIPT = "assets/javascripts/carry-on.js"
STYLESHEET = "assets/stylesheets/journey.css"
STORAGE_KEY = "nextsteps.journey.v1"


def generated_files() -> list[Generated]:
    # journey.js gets its addresses written in: the whole-guide checklist, which the
    # reader's own list replaces in links, and the way from the script up to the site's root.
    paths = {"checklist": checklist_url(), "root": root_of(posixpath.dirname(SCRIPT) + "/")}
    return [
        filled_script(SCRIPT, HERE / "journey.js", paths=paths),
        asset(CARRY_ON_SCRIPT, HERE / "carry-on.js"),
        asset(STYLESHEET, HERE / "journey.css"),
    ]


def journeys(content: Content, from_url: str) -> dict[str, object]:
    """Every journey with its steps, as the browser needs them, linked from ``from_url``."""
    found: dict[str, object] = {}
    for stage, page in content.stages.items():
        steps = content.steps_for(stage)
        found[stage] = {
            "title": page.meta.title,
            "href": rel_url(from_url, page.url),
            "checklist": rel_url(from_url, checklist_url(stage)),
            "steps": [
                {
                    "slug": s.slug,
                    "title": s.meta.title,
                    "href": rel_url(from_url, page_url(stage_step_path(stage, s.slug))),
                }
                for s in steps
            ],
        }
    return found


def script_json(data: object) -> str:
    """JSON that is safe inside <script type="application/json">."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def carry_on_html(content: Content, from_url: str) -> str:
    """The start page's empty "Carry on" box, with the journeys it may offer.

    ``hidden`` until carry-on.js finds a journey this browser remembers, so a
    first visit, or a browser without JavaScript, shows nothing at all. The
    script follows the box without "defer": it fills the box before the rest
    of the page is drawn, so nothing moves.
    """
    data = {"journeys": journeys(content, from_url), "words": words_for_script("script.journey.")}
    root = rel_url(from_url, "")
    common, src = (browser.SCRIPT, CARRY_ON_SCRIPT) if root == "./" else (root + browser.SCRIPT, root + CARRY_ON_SCRIPT)
    # common.js (storage, {slots}) runs first, also without "defer"; its deferred copy later keeps what it made.
    return (
        f'<script src="{common}"></script>'
        f'<div class="ns-carry-on" data-ns-carry-on hidden>'
        f'<script type="application/json">{script_json(data)}</script></div>'
        f'<script src="{src}"></script>'
    )


def mark_checklist_link(markdown: str, href: str) -> str:
    """Mark the Markdown link to ``href`` as "your checklist", for the script to point at the reader's own list."""
    return markdown.replace(f"]({href})", f']({href}){{: data-ns-my-checklist="" }}', 1)


__all__ = [
    "CARRY_ON_SCRIPT",
    "SCRIPT",
    "STORAGE_KEY",
    "STYLESHEET",
    "carry_on_html",
    "generated_files",
    "journeys",
    "mark_checklist_link",
    "marker_attrs",
]
