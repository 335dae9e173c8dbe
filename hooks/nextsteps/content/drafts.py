"""Drafts: pages an editor is still working on.

A step with ``draft: true`` is whole, valid content, so the preview shows it
as it will look. A publishing build takes the guide without its drafts: the
draft pages go, and so do their places on the stages' paths.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Content, StagePage, Step


def drafts(content: Content) -> list[Step]:
    """The steps still marked ``draft: true``, in reading order."""
    return [step for step in content.steps if step.meta.draft]


def without_drafts(content: Content) -> Content:
    """The guide as a publishing build shows it."""
    left_out = {step.slug for step in drafts(content)}
    if not left_out:
        return content
    stages: dict[str, StagePage] = {}
    for name, page in content.stages.items():
        path = [slug for slug in page.meta.path if slug not in left_out]
        stages[name] = replace(page, meta=page.meta.model_copy(update={"path": path}))
    steps = tuple(step for step in content.steps if step.slug not in left_out)
    return Content(steps, stages, dict(content.letters), dict(content.pages))


def left_out_warning(step: Step, docs_name: str) -> str:
    """The build log's line for one draft: which file, and how to publish it."""
    return (
        f"{docs_name}/{step.path}: draft, left out of this build. "
        "Remove the line 'draft: true' from its front matter to publish it."
    )
