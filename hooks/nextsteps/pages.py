"""What the build adds to each source page, decided in one place.

The site engine hands over a page's source path and Markdown; this returns the
Markdown to render and the values the theme templates read (description,
review date, oEmbed link, page scripts). An engine adapter only copies them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from . import checklist, embed, guide, letters, support
from .brand import Brand
from .content import Content, Letter, StagePage, Step
from .guide.render import rel
from .outputs import Generated


@dataclass
class PageResult:
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)  # template values, merged into the page's own
    scripts: list[str] = field(default_factory=list)  # site paths of the scripts this page needs


# Markers an editor may put in a page; the build puts generated text in their place.
CONTACT_PLACEHOLDER = "<!-- nextsteps:site-owner-contact -->"


def build_page(
    content: Content,
    src_path: str,
    markdown: str,
    *,
    letter_files: list[Generated],
    site_url: str,
    brand: Brand | None = None,
    support_list: support.SupportList | None = None,
) -> PageResult:
    markdown = fill_placeholders(markdown, brand or Brand(), support_list)
    result = PageResult(markdown, {"oembed": embed.discovery_link(src_path, content, site_url)})
    source = content.by_path(src_path)
    if source is None:
        return result
    summary = getattr(source.meta, "summary", None) or getattr(source.meta, "purpose", "")
    # The theme writes the description into an attribute without escaping it.
    result.meta["description"] = html.escape(summary)
    result.meta["reviewed_text"] = guide.reviewed_text(source.meta.reviewed)
    if isinstance(source, Step):
        if source.meta.checklist:
            result.scripts.append(checklist.SCRIPT)
        result.markdown += checklist.step_markdown(content, source) + guide.step_extras_markdown(content, source)
    elif isinstance(source, StagePage):
        stage = source.meta.stage
        result.markdown += guide.stage_steps_markdown(content, stage, source.path) + checklist.stage_link_markdown(stage, source.path)
    elif isinstance(source, Letter):
        result.scripts.append(letters.SCRIPT)
        result.markdown = letters.page_markdown(source, letter_files)
    elif source.path == "index.md":
        result.markdown += "\n\n" + guide.steps_list_markdown(list(content.steps), source.path) + _tools_markdown(source.path)
    return result


def _tools_markdown(from_path: str) -> str:
    """The start page points to the tools, not only to the reading."""
    checklist_page = rel(from_path, checklist.page_path(None))
    letters_page = rel(from_path, letters.INDEX_PATH)
    return (
        "\n## Tools to help you\n\n"
        f"- [Your checklist]({checklist_page}). Tick things off as you go, or print it.\n"
        f"- [Letter templates]({letters_page}). Fill in a short, polite message. Then copy, email or print it.\n"
    )


def fill_placeholders(markdown: str, brand: Brand, support_list: support.SupportList | None) -> str:
    if support.PLACEHOLDER in markdown:
        markdown = markdown.replace(support.PLACEHOLDER, support.support_markdown(support_list) if support_list else "")
    if CONTACT_PLACEHOLDER in markdown:
        markdown = markdown.replace(CONTACT_PLACEHOLDER, contact_sentence(brand))
    return markdown


def contact_sentence(brand: Brand) -> str:
    """How to reach whoever publishes this copy, or an honest line when the brand gives no way."""
    ways = []
    if brand.email:
        ways.append(f"email [{brand.email}](mailto:{brand.email})")
    if brand.phone:
        ways.append(f"call [{brand.phone}](tel:{re.sub(r'[^0-9+]', '', brand.phone)})")
    if brand.url:
        ways.append(f"use [their website]({brand.url})")
    if not ways:
        return (
            "This copy of the guide does not give any contact details. "
            "If you reached it from another website, such as a recruiter's, please use the contact details on that website."
        )
    joined = ways[0] if len(ways) == 1 else ", ".join(ways[:-1]) + " or " + ways[-1]
    return f"This guide is shared by {brand.name}. To tell them about a problem, {joined}."
