"""What the build adds to each source page, decided in one place.

The site engine hands over a page's source path and Markdown; this returns the
Markdown to render and the values the theme templates read (description,
review date, oEmbed link, page scripts). An engine adapter only copies them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from . import checklist, embed, guide, letters
from .content import Content, Letter, StagePage, Step
from .guide.render import rel


@dataclass
class PageResult:
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)  # template values, merged into the page's own
    scripts: list[str] = field(default_factory=list)  # site paths of the scripts this page needs


def build_page(content: Content, src_path: str, markdown: str, *, site_url: str) -> PageResult:
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
        result.markdown = letters.page_markdown(source)
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
