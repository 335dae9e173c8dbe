"""The page a preview server shows while the content or brand has errors.

An editor looks at the browser, not the terminal. While ``mkdocs serve`` is
running, a content error does not stop the server: every page of the
preview becomes this list of problems, and the next good build replaces it
with the site. ``mkdocs build`` still stops and keeps the old output.

A rebuild can also fail before the content is read, such as when the site's
settings file is not valid YAML or a theme template has a typo. Then
``write_over`` puts the same page over every page of the last good preview.
The problems it shows are the ones the build raised, as objects: a
``ContentError`` found behind the site engine's own error, never text
parsed back out of the log.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import jinja2
import yaml

from ..problems import Problem, problems_in, yaml_problem
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


def _causes(first: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    error: BaseException | None = first
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def _shown(path: str | None, project: Path) -> str:
    """A file as the editor knows it: relative to the project folder."""
    if not path or path.startswith("<"):
        return path or ""
    try:
        return Path(os.path.relpath(Path(path).resolve(), project.resolve())).as_posix()
    except ValueError:  # another drive
        return str(path)


def problems_from_error(error: BaseException, logged: list[str], project: Path) -> list[Problem]:
    """The problems behind a failed rebuild.

    Our own checks raise a ContentError, which the site engine keeps as the
    cause of its error: its problems are shown as they are. A YAML or
    template mistake is read from its exception, with its file and line.
    Any other failure is not ours to word, so the error messages the build
    logged are shown as plain text.
    """
    ours = problems_in(error)
    if ours:
        return ours
    for cause in _causes(error):
        if isinstance(cause, yaml.YAMLError):
            name = getattr(getattr(cause, "problem_mark", None), "name", None)
            source = Path(name) if name else None
            text = source.read_text(encoding="utf-8", errors="replace") if source and source.is_file() else None
            return [yaml_problem(cause, _shown(name, project), text)]
        if isinstance(cause, jinja2.TemplateSyntaxError):
            return [Problem(_shown(cause.filename, project) or (cause.name or ""), "", f"the template has a mistake: {cause.message}", cause.lineno)]
    messages = list(dict.fromkeys(m.strip() for m in logged if m.strip()))
    if not messages:
        messages = [str(error) or type(error).__name__]
    return [Problem("", "", message) for message in messages]


def write_over(site: Path, problems: list[Problem], root: str) -> None:
    """Put the error page over every page of a built preview, and its assets beside them."""
    for path, text in assets().items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    pages = list(site.rglob("*.html")) if site.is_dir() else []
    if not (site / "index.html").exists():
        pages.append(site / "index.html")
    for html in pages:
        html.write_text(page(problems, root, missing=html == site / "404.html"), encoding="utf-8")
