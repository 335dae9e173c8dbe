"""The "For recruiters" page: what a recruitment agency can reuse, kept out of
the job seeker's way (linked from the footer, not the navigation)."""

from __future__ import annotations

from . import checklist, embed, letters
from .addresses import rel
from .outputs import Generated
from .pagemeta import PageMeta

PAGE = "for-recruiters/index.md"


def generated_files() -> list[Generated]:
    return [Generated(PAGE, page_markdown(), in_nav=False)]


def page_markdown() -> str:
    """Links by source path, so the site engine checks each one."""
    front = PageMeta(
        title="For recruiters",
        description="How recruiters can share this guide with job seekers, on their own website or as their own brand.",
    )
    return front.front_matter() + f"""

This guide is free to share. These pages are for recruiters and agencies. If you are looking for work, [go back to the start]({rel(PAGE, "index.md")}).

## Put the guide on your website

[Embed on your website]({rel(PAGE, embed.RECRUITER_PAGE)}) has snippets to copy for the guide, the checklists and each letter template. Each one has a live preview. Send that page to whoever runs your website.

On WordPress, paste the address of a page of this guide, such as the start page or a checklist, on a line of its own. WordPress then shows it as a widget. Addresses with `/embed/` in them stay plain text there.

## Use the content in your own design

Two JSON files give you the content to show in your own way. They change when the guide changes.

- [The checklist as JSON]({rel(PAGE, checklist.JSON_PATH)}): every item, its step, and each stage's path of steps.
- [The letter templates as JSON]({rel(PAGE, letters.JSON_PATH)}): every template with its fields.

## Share it as your own brand

You can build your own copy of the guide with your name, logo, colour and contact details. Your contact details then show on every page, with a button that sends people to you.

To do it, copy `brands/example.yml` in the project's source files, change the name, address, colour and contact details, and build it with `mkdocs build -f brands/<your-file>.yml`. The README that comes with the source explains each setting.
"""
