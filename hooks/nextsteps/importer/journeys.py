"""Put new steps on stage pages' paths, editing as little of the file as can be.

The editor's own layout, comments and quoting stay as they were: only the
lines of the ``path`` list change. The result is read back and checked, so
a page this cannot edit safely is reported, never written half-right.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..content.frontmatter import FENCE, FrontMatterError, split
from .read import ImportProblem

_ITEM = re.compile(r"^(\s*)-\s+['\"]?([a-z0-9-]+)['\"]?\s*(#.*)?$")


def stage_pages(docs_dir: Path) -> dict[str, Path]:
    """Each stage page by the names an editor may give it: its file name and its 'stage'."""
    found: dict[str, Path] = {}
    for page in sorted((docs_dir / "stages").glob("*.md")):
        found.setdefault(page.stem, page)
        try:
            data, _ = split(page.read_text(encoding="utf-8"), page.name)
        except (FrontMatterError, UnicodeDecodeError):
            continue
        if isinstance(data.get("stage"), str):
            found.setdefault(data["stage"], page)
    return found


def add_to_path(text: str, new: list[str], after: str | None, shown: str) -> str:
    """The page's text with ``new`` on its path, after ``after`` or at the end."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise ImportProblem(f"{shown}: has no front matter, so it has no 'path' to add the steps to")
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == FENCE), None)
    start = next((i for i in range(1, end or 1) if re.match(r"^path:", lines[i])), None)
    if end is None or start is None:
        raise ImportProblem(f"{shown}: field 'path' is missing, so the steps cannot be added to it")
    before = yaml.safe_load("".join(lines[1:end])).get("path") or []
    if after is not None and after not in before:
        raise ImportProblem(
            f"{shown}: field 'path': '{after}' (given with --after) is not on this path. "
            f"Steps on it: {', '.join(before)}"
        )
    inline = re.match(r"^path:\s*\[(.*)\]\s*(#.*)?$", lines[start].rstrip("\n"))
    if inline:
        slugs = list(before)
        at = slugs.index(after) + 1 if after is not None else len(slugs)
        slugs[at:at] = new
        lines[start] = f"path: [{', '.join(slugs)}]" + (f"  {inline.group(2)}" if inline.group(2) else "") + "\n"
    else:
        items = []
        for i in range(start + 1, end):
            found = _ITEM.match(lines[i].rstrip("\n"))
            if found:
                items.append((i, found.group(1), found.group(2)))
            elif lines[i].strip() and not lines[i].lstrip().startswith("#"):
                break
        if not items:
            raise ImportProblem(
                f"{shown}: field 'path' is not a list of step slugs this import can add to. Add the steps by hand: "
                f"{', '.join(new)}"
            )
        line, indent = next(((i, ind) for i, ind, slug in items if slug == after), items[-1][:2])
        lines[line + 1 : line + 1] = [f"{indent}- {slug}\n" for slug in new]
    result = "".join(lines)
    expected = list(before)
    at = expected.index(after) + 1 if after is not None else len(expected)
    expected[at:at] = new
    end_after = next(i for i, line in enumerate(result.splitlines()[1:], start=1) if line.strip() == FENCE)
    if yaml.safe_load("\n".join(result.splitlines()[1:end_after])).get("path") != expected:
        raise ImportProblem(
            f"{shown}: field 'path' is written in a way this import cannot edit safely. "
            f"Add the steps by hand: {', '.join(new)}"
        )
    return result
