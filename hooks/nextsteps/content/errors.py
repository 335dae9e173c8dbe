"""Errors an editor can act on: which file, which field, what is allowed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: field '{self.field}'" if self.field else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised before any output is written, listing every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = [f"{count} content problem{'s' if count != 1 else ''} found. Nothing was built."]
        lines += [f"  - {p}" for p in problems]
        super().__init__("\n".join(lines))
