"""Markdown the build adds to guide pages, derived from front matter only.

It is Markdown with relative ``.md`` links, so the site engine resolves and
checks every link exactly as it does for hand-written ones.
"""

from __future__ import annotations

import posixpath
from datetime import date
from typing import Any

from ..content import Content, Step
from ..content.schema import Stage


def rel(from_path: str, to_path: str) -> str:
    """Relative link between two source files, as an editor would write it."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def reviewed_text(day: date) -> str:
    return f"Last reviewed {day.day} {day:%B %Y}"


def steps_list_markdown(steps: list[Step], from_path: str) -> str:
    lines = [f"{i}. [{s.meta.title}]({rel(from_path, s.path)})  \n   {s.meta.summary}" for i, s in enumerate(steps, 1)]
    return "\n".join(lines) + "\n"


def stage_steps_markdown(content: Content, stage: Stage, from_path: str) -> str:
    steps = content.steps_for(stage)
    return f"\n\n## Your steps\n\n{steps_list_markdown(steps, from_path)}"


def step_extras_markdown(content: Content, step: Step) -> str:
    """Related letters and the way on, appended to a step page."""
    parts: list[str] = []
    if step.meta.letters:
        parts.append("## Letters that help with this step\n")
        for letter_id in step.meta.letters:
            letter = content.letters[letter_id]
            parts.append(f"- [{letter.meta.title}]({rel(step.path, letter.path)})  \n  {letter.meta.purpose}")
        parts.append("")
    later = [s for s in content.steps if s.meta.order > step.meta.order]
    if later:
        nxt = later[0]
        parts.append(f"**Next step:** [{nxt.meta.title}]({rel(step.path, nxt.path)})\n")
    return "\n\n" + "\n".join(parts) if parts else ""


def nav(content: Content, generated: dict[str, str] | None = None) -> list[Any]:
    """Site navigation: short guide first, tools after, small print last.

    ``generated`` maps a section title to a generated page's source path.
    """
    generated = generated or {}
    stage_order = ["application", "interview", "final"]
    items: list[Any] = [{"Start page": "index.md"}]
    items.append({"Where were you turned down?": [{content.stages[s].meta.title: content.stages[s].path} for s in stage_order if s in content.stages]})
    items.append({"Steps": [{s.meta.title: s.path} for s in content.steps]})
    for title, path in generated.items():
        items.append({title: path})
    if content.letters:
        items.append({"Letter templates": [{l.meta.title: l.path} for l in sorted(content.letters.values(), key=lambda l: l.path)]})
    about = [{p.meta.title: p.path} for p in content.pages.values() if p.path != "index.md"]
    if about:
        items.append({"About this guide": about})
    return items
