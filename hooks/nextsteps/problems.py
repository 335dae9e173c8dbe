"""Problems an editor can act on: which file, which field, which line, what is allowed.

Brand settings, the guide's words, pages, support lists, search help, the
site address and the importer all report problems. They report them here,
in one shape and one wording, so an editor who learns to read one message
can read them all, and the preview can show them in the browser as they are
(``nextsteps.errorpage``), without parsing text back.

Three parts:

- ``Problem`` and ``ContentError``, which carries every problem found;
- ``problems_from_validation``, the one translation of a pydantic error;
- ``with_lines`` and the YAML helpers, which find the line an editor
  should look at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str
    line: int | None = None  # line in the file, counted from 1, when it is known

    def __str__(self) -> str:
        where = f"{self.file}: field '{self.field}'" if self.field else self.file
        at = f" (line {self.line})" if self.line else ""
        return f"{where}: {self.message}{at}"

    def at_line(self, line: int | None) -> Problem:
        return replace(self, line=line) if line and not self.line else self


class ContentError(Exception):
    """Raised before any output is written, listing every problem found.

    The problems stay objects (``.problems``): whoever shows them, the
    terminal or the preview's error page, reads them from here.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = [f"{count} content problem{'s' if count != 1 else ''} found. Nothing was built."]
        lines += [f"  - {p}" for p in problems]
        super().__init__("\n".join(lines))


def problems_in(error: BaseException) -> list[Problem] | None:
    """The problems of the ContentError behind ``error``, if there is one.

    A site engine wraps our error in its own (``raise ... from``), so the
    chain of causes is followed to find it.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ContentError):
            return current.problems
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


# --- A pydantic error, in the project's words --------------------------------------------------------------------

Location = tuple[int | str, ...]

# What each kind of wrong value must be instead. Pydantic's own words
# ("Input should be a valid integer, unable to parse string as an integer")
# are for programmers; these are for editors.
_MUST_BE = {
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "set_type": "must be a list",
    "dict_type": "must be a set of 'field: value' lines",
    "model_type": "must be a set of 'field: value' lines",
    "model_attributes_type": "must be a set of 'field: value' lines",
    "date_type": "must be a date written as YYYY-MM-DD, such as 2026-01-31",
    "date_parsing": "must be a date written as YYYY-MM-DD, such as 2026-01-31",
    "date_from_datetime_parsing": "must be a date written as YYYY-MM-DD, such as 2026-01-31",
    "date_from_datetime_inexact": "must be a date written as YYYY-MM-DD, such as 2026-01-31",
}


_GOT_AT_MOST = 80  # characters of a wrong value worth repeating after a check's own words


def problems_from_validation(
    error: ValidationError,
    file: str,
    schema: type[BaseModel],
    *,
    at: str = "",
    named: str | None = None,
    retired: Mapping[str, str] | None = None,
    context: Callable[[Location], str | None] | None = None,
) -> list[Problem]:
    """Every error pydantic found, as Problems worded the same for every file.

    ``at`` is where the checked data sits in its file ('extra.brand',
    'organisations[3]'); the field column names that place as ``named``
    (such as 'organisations[3] (helpline)'), which defaults to ``at``.
    ``retired`` gives fields the schema no longer has what to do instead.
    ``context`` may name the entry an error is in (a checklist item's id),
    put before the message.
    """
    problems = []
    for details in error.errors():
        loc = tuple(p for p in details["loc"] if p != "[key]")  # a mapping's key is named by the key itself
        field = _field_path(named if named is not None else at, loc)
        message = _message(details, schema, loc, retired or {})
        entry = context(loc) if context else None
        problems.append(Problem(file, field, f"{entry}: {message}" if entry else message))
    return problems


def _field_path(at: str, loc: Location) -> str:
    """'extra.brand' and ('support', 'mode') make 'extra.brand.support.mode'; lists are [0]."""
    path = at
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _message(details: ErrorDetails, schema: type[BaseModel], loc: Location, retired: Mapping[str, str]) -> str:
    kind = details["type"]
    limits = details.get("ctx") or {}
    if kind == "extra_forbidden":
        if len(loc) == 1 and str(loc[0]) in retired:
            return retired[str(loc[0])]
        parent = _schema_at(schema, loc[:-1])
        return f"unknown field. Allowed fields are: {', '.join(parent.model_fields) if parent else 'see the README'}"
    if kind == "missing":
        return "this field is required but missing"
    if kind in ("value_error", "assertion_error"):  # the project's own checks: their words already say what to do
        said = str(details["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        got = repr(details["input"])
        # The value too, unless the words quote it already or it is a whole entry, too long to read.
        return said if got in said or len(got) > _GOT_AT_MOST else f"{said} (got {got})"
    if kind == "string_too_short" and limits.get("min_length") == 1:
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {limits.get('max_length')} characters long; it has {len(str(details['input']))}"
    if kind in ("literal_error", "enum") and "expected" in limits:
        must = f"must be {limits['expected']}"
    else:
        must = _MUST_BE.get(kind) or str(details["msg"]).replace("Input should be", "must be").replace("String should", "must")
    return f"{must} (got {details['input']!r})"


def _schema_at(schema: type[BaseModel], loc: Location) -> type[BaseModel] | None:
    """Follow a pydantic error location down to the nested model it names."""
    current: Any = schema
    for part in loc:
        if isinstance(part, int) or part not in current.model_fields:
            continue  # a list index, or a key of a mapping such as for_stage
        annotation = current.model_fields[part].annotation
        args = getattr(annotation, "__args__", ())
        current = next((a for a in (annotation, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


# --- Lines --------------------------------------------------------------------------------------------------------

FENCE = "---"  # the line above and below a Markdown file's front matter
FIRST_LINE = 2  # the front matter starts on the file's second line, after the opening '---'
_LABEL = re.compile(r"\s*\([^)]*\)")  # 'organisations[3] (helpline)': the bracketed name is not part of the path


def with_lines(problems: Iterable[Problem], files: Mapping[str, Path]) -> list[Problem]:
    """Each problem with the line of its field, so the editor can jump straight to it.

    ``files`` maps a file as problems name it to where it is on disk. A
    Markdown file's fields are in its front matter, any other file is YAML.
    A problem that has a line already, names no field, is about the page's
    body or names another file is kept as it is.
    """
    texts: dict[str, str | None] = {}
    found = []
    for problem in problems:
        if problem.line or not problem.field or problem.field == "body" or problem.file not in files:
            found.append(problem)
            continue
        if problem.file not in texts:
            try:
                texts[problem.file] = files[problem.file].read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                texts[problem.file] = None
        text = texts[problem.file]
        if text is None:
            found.append(problem)
        elif problem.file.endswith(".md"):
            found.append(problem.at_line(field_line(text, problem.field)))
        else:
            found.append(problem.at_line(yaml_line(text, problem.field)))
    return found


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
    return yaml_line("".join(lines[1:end]), field, first_line=FIRST_LINE)


def yaml_line(text: str, field: str, first_line: int = 1) -> int | None:
    """The line of a field such as 'extra.brand.accent' in a YAML document
    that starts on ``first_line`` of its file."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = None
    for part in re.findall(r"[^.\[\]]+", _LABEL.sub("", field)):
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


def yaml_problem(exc: yaml.YAMLError, file: str, text: str | None, first_line: int = 1, what: str = "the file") -> Problem:
    """A YAML syntax error as a Problem: the line to look at and what is wrong there."""
    return Problem(file, "", f"{what} is not valid YAML: {yaml_error_reason(exc, text)}", yaml_error_line(exc, first_line, text))
