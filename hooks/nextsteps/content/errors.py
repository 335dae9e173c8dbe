"""Errors an editor can act on: which file, which field, which line, what is allowed."""

from __future__ import annotations

from dataclasses import dataclass, replace


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
    """Raised before any output is written, listing every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = [f"{count} content problem{'s' if count != 1 else ''} found. Nothing was built."]
        lines += [f"  - {p}" for p in problems]
        super().__init__("\n".join(lines))
