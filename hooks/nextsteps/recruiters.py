"""The "For recruiters" page: what a recruitment agency can reuse, kept out of
the reader's way (linked from the footer, not the navigation).

Who the guide is for is the guide's own word (``extra.guide.readers`` and
``reader``), so a guide on another topic names its own readers here."""

from __future__ import annotations

from . import checklist, embed, letters
from .addresses import rel
from .content import Content
from .guide import reader, readers
from .outputs import Generated
from .pagemeta import PageMeta
from .wording import say

PAGE = "for-recruiters/index.md"


def generated_files(content: Content) -> list[Generated]:
    return [Generated(PAGE, page_markdown(content), in_nav=False)]


def page_markdown(content: Content) -> str:
    """Links by source path, so the site engine checks each one."""
    front = PageMeta(
        title=say("recruiters.title"),
        description=say("recruiters.description", readers=readers(content)),
    )
    return front.front_matter() + f"""

{say("recruiters.intro", reader=reader(content), href=rel(PAGE, "index.md"))}

## {say("recruiters.embed.heading")}

{say("recruiters.embed", href=rel(PAGE, embed.RECRUITER_PAGE))}

{say("recruiters.wordpress")}

## {say("recruiters.data.heading")}

{say("recruiters.data")}

- {say("recruiters.data.checklist", href=rel(PAGE, checklist.JSON_PATH))}
- {say("recruiters.data.letters", href=rel(PAGE, letters.JSON_PATH))}

## {say("recruiters.brand.heading")}

{say("recruiters.brand")}

{say("recruiters.brand.how")}
"""
