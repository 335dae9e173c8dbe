"""The interactive checklist as an HTML fragment, and the Markdown around it.

The fragment works without JavaScript: real checkboxes with real labels.
``checklist.js`` adds saving, the progress line and "Start again", which is
why those two start out ``hidden``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..addresses import checklist_page
from ..addresses import rel as rel_path
from ..content import WHENS, Content, Step, TickItem
from ..content.schema import Stage, When
from ..templating import render as render_template
from ..wording import say

TEMPLATES = Path(__file__).parent / "templates"

ID_PREFIX = "ns-check-"


@dataclass(frozen=True)
class Group:
    when: When
    label: str
    items: list[TickItem]


def groups(items: list[TickItem]) -> list[Group]:
    """Items grouped by when to do them, keeping reading order inside each group."""
    found = [Group(when, say(f"when.{when}"), [i for i in items if i.when == when]) for when in WHENS]
    return [g for g in found if g.items]


def widget_html(
    content: Content,
    stage: Stage | None = None,
    *,
    step_href: Callable[[Step], str],
    new_tab: bool = False,
    heading_level: int = 2,
    id_prefix: str = ID_PREFIX,
) -> str:
    """The checklist for the whole guide, or for one stage, each item linked to its step.

    It carries every item id in the guide (``data-all-ids``), so the script can
    forget ticks for items that were removed, wherever the fragment is shown.
    """
    return _fragment(
        content.checklist(stage),
        all_ids=[i.id for i in content.every_item()],
        step_href=step_href,
        new_tab=new_tab,
        heading_level=heading_level,
        id_prefix=id_prefix,
    )


def step_widget_html(content: Content, step: Step, *, stage: Stage | None = None, heading_level: int = 3, id_prefix: str = ID_PREFIX) -> str:
    """The checklist of one step, for that step's own page (no links to itself).

    It leaves out the guide-wide id list: with hundreds of steps that list on
    every step page would make the site grow with the square of its size. The
    checklist pages and embeds carry it and do the tidying.
    """
    items = content.step_items(step, stage)
    return _fragment(items, all_ids=None, step_href=None, new_tab=False, heading_level=heading_level, id_prefix=id_prefix)


def _fragment(
    items: list[TickItem],
    *,
    all_ids: list[str] | None,
    step_href: Callable[[Step], str] | None,
    new_tab: bool,
    heading_level: int,
    id_prefix: str,
) -> str:
    if not 2 <= heading_level <= 5:
        raise ValueError("heading_level must be 2 to 5")
    return render_template(
        TEMPLATES,
        "widget.html",
        groups=groups(items),
        all_ids=all_ids,
        step_href=step_href,
        new_tab=new_tab,
        level=heading_level,
        prefix=id_prefix,
        total=len(items),
    ).strip()


def step_markdown(content: Content, step: Step, *, stage: Stage | None = None, at: str | None = None) -> str:
    """'Your checklist' for a step page, appended after the editor's text.

    ``at`` is where the page is shown (a stage's copy of the step lives
    elsewhere); ``stage`` adds that stage's extra items and links to its list.
    """
    if not content.step_items(step, stage):
        return ""
    here = at or step.path
    full = rel_path(here, checklist_page(stage))
    which = say("checklist.see.all") if stage is None else say("checklist.see.stage")
    return (
        f"\n\n## {say('checklist.title')}\n\n"
        + step_widget_html(content, step, stage=stage)
        + f"\n\n{say('checklist.see', link=f'[{which}]({full})')}\n"
    )


def stage_link_markdown(stage: Stage, from_path: str) -> str:
    """The link from a stage page to the checklist made for that stage."""
    return f"\n\n## {say('checklist.title')}\n\n{say('checklist.stage_link', href=rel_path(from_path, checklist_page(stage)))}\n"
