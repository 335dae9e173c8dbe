"""The page a preview server shows while the content or brand has errors.

An editor looks at the browser, not the terminal. While ``mkdocs serve`` is
running, a content error does not stop the server: every page of the
preview becomes this list of problems, and the next good build replaces it
with the site. ``mkdocs build`` still stops and keeps the old output.
"""

from __future__ import annotations

from pathlib import Path

from ..content import Problem
from ..templating import render

HERE = Path(__file__).parent
STYLESHEET = "_nextsteps/error.css"
SCRIPT = "_nextsteps/error.js"


def page(problems: list[Problem], root: str, *, missing: bool = False) -> str:
    """The error page. ``root`` is the site's path ('/' or '/guide/').

    ``missing`` marks the copy served for addresses that do not exist while
    the site is broken: its script reloads the page once the address answers.
    """
    return render(HERE, "page.html", problems=problems, root=root, stylesheet=STYLESHEET, script=SCRIPT, missing=missing)


def assets() -> dict[str, str]:
    """The error page's stylesheet and script: site path -> text."""
    return {STYLESHEET: (HERE / "error.css").read_text(encoding="utf-8"), SCRIPT: (HERE / "error.js").read_text(encoding="utf-8")}
