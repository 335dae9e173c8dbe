"""What the site's browser scripts and styles share, as GOV.UK Frontend's ``common``.

``common.js`` gives every other script the page's words, the storage probe,
copying to the clipboard and the screen-reader status line, as
``window.NextSteps``; ``common.css`` holds the one visually-hidden class and
the one button. Both load before every component's own files, on the
guide's pages and in widget frames, so each component keeps only what is its own.
"""

from __future__ import annotations

from pathlib import Path

from ..outputs import Generated, asset

HERE = Path(__file__).parent
SCRIPT = "assets/javascripts/common.js"
STYLESHEET = "assets/stylesheets/common.css"


def generated_files() -> list[Generated]:
    return [asset(SCRIPT, HERE / "common.js"), asset(STYLESHEET, HERE / "common.css")]
