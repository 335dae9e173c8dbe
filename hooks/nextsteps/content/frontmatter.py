"""Split a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

import re
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
    end = next((number for number, line in enumerate(lines[1:], start=1) if line.strip() == FENCE), None)
    if end is None:
        raise FrontMatterError(Problem(file, "", "the front matter has no closing '---' line"))
    raw = "".join(lines[1:end])
    try:
        data = yaml.load(raw, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        reason = yaml_error_reason(exc, raw)
        raise FrontMatterError(Problem(file, "", f"the front matter is not valid YAML: {reason}", yaml_error_line(exc, _FIRST_LINE, raw))) from None
    if not isinstance(data, dict):
        raise FrontMatterError(Problem(file, "", "the front matter must be a set of 'field: value' lines"))
    return data, "".join(lines[end + 1 :])


# The front matter starts on the file's second line, after the opening '---'.
_FIRST_LINE = 2


def yaml_error_line(exc: yaml.YAMLError, first_line: int = 1, text: str | None = None) -> int | None:
    """The file line an editor should look at, for YAML ``text`` that starts
    on ``first_line`` of its file.

    For an unclosed quote or bracket, YAML only notices later, often at the
    end of the document, so the line where the quote or bracket opened is
    the useful one.
    """
    runaway = _runaway_quote(exc, text)
    if runaway is not None:
        return int(runaway.start_mark.line) + first_line
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "context_mark", None) if ("quoted" in context or "flow" in context) else None
    mark = mark or getattr(exc, "problem_mark", None)
    return int(mark.line) + first_line if mark is not None else None


def yaml_error_reason(exc: yaml.YAMLError, text: str | None = None) -> str:
    """What is wrong, in plain words where YAML's own are cryptic."""
    runaway = _runaway_quote(exc, text)
    if runaway is not None:
        lines = runaway.end_mark.line - runaway.start_mark.line + 1
        return f"a quotation mark on this line is probably never closed: the quoted text runs over {lines} lines"
    context = getattr(exc, "context", None) or ""
    for opened, words in (("quoted", "a quotation mark on this line is never closed"), ("flow sequence", "a '[' on this line is never closed with ']'"), ("flow mapping", "a '{' on this line is never closed with '}'")):
        if opened in context:
            return words
    return getattr(exc, "problem", None) or str(exc)


def _runaway_quote(exc: yaml.YAMLError, text: str | None) -> yaml.ScalarToken | None:
    """A quoted value that runs over several lines just before the error.

    An unclosed quote swallows the lines after it up to the next quotation
    mark, and YAML then stumbles over what follows, far below the mistake.
    Returns the scalar token, or None.
    """
    problem = getattr(exc, "problem_mark", None)
    if text is None or problem is None or not isinstance(exc, yaml.parser.ParserError):
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= problem.index:
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.style not in ('"', "'") or last.end_mark.line == last.start_mark.line:
        return None
    return last


def field_line(text: str, field: str) -> int | None:
    """The file line of a front-matter field such as 'checklist[2].text'.

    A missing field has no line of its own, so the nearest field above it
    that exists is used; None when not even that is found.
    """
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return None
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == FENCE), None)
    if end is None:
        return None
    return yaml_line("".join(lines[1:end]), field, first_line=_FIRST_LINE)


def yaml_line(text: str, field: str, first_line: int = 1) -> int | None:
    """The line of a field such as 'extra.brand.accent' in a YAML document
    that starts on ``first_line`` of its file."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = None
    for part in re.findall(r"[^.\[\]]+", field):
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
            key = next((k for k, _ in node.value if getattr(k, "value", None) == part), None)
            if key is None:
                break
            line, node = key.start_mark.line, found
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
            line = node.start_mark.line
        else:
            break
    return line + first_line if line is not None else None


class FrontMatterError(ValueError):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))
