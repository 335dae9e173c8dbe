"""Split a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import Problem

# libyaml's loader reads the same YAML into the same values, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FENCE = "---"


def split(text: str, file: str) -> tuple[dict[str, Any], str]:
    """Return (front matter, body), or raise a Problem-carrying ValueError.

    A page without front matter is an error: every page declares at least a
    title, a summary and a review date.
    """
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(Problem(file, "", "the file must start with front matter between two '---' lines"))
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            break
    else:
        raise FrontMatterError(Problem(file, "", "the front matter has no closing '---' line"))
    raw = "".join(lines[1:end])
    try:
        data = yaml.load(raw, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(Problem(file, "", f"the front matter is not valid YAML{where}: {reason}")) from None
    if not isinstance(data, dict):
        raise FrontMatterError(Problem(file, "", "the front matter must be a set of 'field: value' lines"))
    return data, "".join(lines[end + 1 :])


class FrontMatterError(ValueError):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))
