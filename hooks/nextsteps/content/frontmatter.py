"""Split a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

from typing import Any

import yaml

# The line helpers moved to nextsteps.problems; importing them from here still works.
from ..problems import (
    FENCE,
    FIRST_LINE,
    Problem,
    field_line,
    yaml_error_line,
    yaml_error_reason,
    yaml_line,
    yaml_problem,
)

__all__ = ["FENCE", "FrontMatterError", "field_line", "split", "yaml_error_line", "yaml_error_reason", "yaml_line"]

# libyaml's loader reads the same YAML into the same values, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split(text: str, file: str) -> tuple[dict[str, Any], str]:
    """Return (front matter, body), or raise a Problem-carrying ValueError.

    A page without front matter is an error: every page declares at least a
    title, a summary and a review date.
    """
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(Problem(file, "", "the file must start with front matter between two '---' lines"))
    end = next((number for number, line in enumerate(lines[1:], start=1) if line.strip() == FENCE), None)
    if end is None:
        raise FrontMatterError(Problem(file, "", "the front matter has no closing '---' line"))
    raw = "".join(lines[1:end])
    try:
        data = yaml.load(raw, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        raise FrontMatterError(yaml_problem(exc, file, raw, FIRST_LINE, "the front matter")) from None
    if not isinstance(data, dict):
        raise FrontMatterError(Problem(file, "", "the front matter must be a set of 'field: value' lines"))
    return data, "".join(lines[end + 1 :])


class FrontMatterError(ValueError):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))
