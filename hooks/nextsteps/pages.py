"""What the build adds to each source page, decided in one place.

The site engine hands over a page's source path and Markdown; this returns the
Markdown to render and the values the theme templates read, as one
``PageMeta`` (description, review date, the step's place on its path, what
the page hides, oEmbed link, page scripts). An engine adapter only copies them.
A step as read on a journey's path is made here whole, from the step alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from . import checklist, embed, guide, journey, letters, plan, recruiters, support
from .addresses import checklist_url, is_checklist_page, page_url, rel, tel_href
from .brand import Brand
from .content import Content, Letter, Page, StagePage, Step, regions, stage_parts
from .pagemeta import Link, PageMeta
from .wording import say

# Guide pages are short: a reader needs the text, not the site's chrome.
# A page with this many sections or more keeps its table of contents.
TOC_FROM_SECTIONS = 4

Source = Step | StagePage | Letter | Page  # a page the editor wrote, as the content model has it


@dataclass
class PageResult:
    markdown: str
    meta: PageMeta = field(default_factory=PageMeta)  # the theme's values, set over the page's own front matter
    canonical: str | None = None  # site path of the page search engines should list instead


def draft_banner(source: Source | None) -> str:
    """A draft is seen only in the preview: it says so at the top, in words and colour."""
    if not isinstance(source, Step) or not source.meta.draft:
        return ""
    label, text = html.escape(say("draft.label")), html.escape(say("draft.banner"))
    return f'<p class="ns-draft" role="note"><strong>{label}</strong> {text}</p>\n\n'


# Pages without the brand's call to action: a sales button does not belong
# beside the privacy notice, nor under crisis lines (the page with the support list).
QUIET_PAGES = ("privacy.md",)

# Markers an editor may put in a page; the build puts generated text in their place.
CONTACT_PLACEHOLDER = "<!-- nextsteps:site-owner-contact -->"


def build_page(
    content: Content,
    src_path: str,
    markdown: str,
    *,
    site_url: str,
    brand: Brand | None = None,
    support_list: support.SupportList | None = None,
    places: Mapping[str, guide.PathPlace] | None = None,
) -> PageResult:
    """The whole page: its Markdown and the theme's values.

    ``places`` are the steps as read on each journey's path (``guide.places``),
    by page; such a page is made here from its step alone, whatever ``markdown`` holds.
    """
    brand = brand or Brand()
    places = guide.places(content) if places is None else places
    place = places.get(src_path)
    if place is not None:
        return _path_step(content, place, site_url=site_url, brand=brand, support_list=support_list)
    source = content.by_path(src_path)
    result = _prepared(content, src_path, markdown, source, site_url=site_url, brand=brand, support_list=support_list)
    result.meta.hide = ["navigation", "toc"]
    if source is None:
        return result
    markdown = result.markdown
    if isinstance(source, Page) and len(re.findall(r"^## ", markdown, flags=re.M)) >= TOC_FROM_SECTIONS:
        result.meta.hide = ["navigation"]  # a long page of small print keeps its contents list
    summary = str(getattr(source.meta, "summary", None) or getattr(source.meta, "purpose", ""))
    # The theme writes the description into an attribute without escaping it.
    result.meta.description = html.escape(summary)
    result.meta.reviewed_text = guide.reviewed_text(source.meta.reviewed)
    if isinstance(source, Step):
        if source.meta.checklist:
            result.meta.scripts.append(checklist.SCRIPT)
        result.markdown += guide.your_path_markdown(content, source, places) + checklist.step_markdown(content, source) + guide.letters_markdown(content, source, source.path)
    elif isinstance(source, StagePage):
        stage = source.meta.stage
        result.meta.next_link = Link(say("next.letters"), "letters/")
        # Reassurance first, then the one main action, then the rest of the page.
        first, _, rest = markdown.strip().partition("\n\n")
        start = guide.stage_start_markdown(content, stage, source.path)
        result.markdown = f"{first}\n\n{start}\n{rest}\n" + guide.stage_steps_markdown(content, stage, source.path) + checklist.stage_link_markdown(stage, source.path)
    elif isinstance(source, Letter):
        result.meta.scripts.extend(letters.SCRIPTS)
        result.markdown = letters.page_markdown(source)
    elif source.path == "index.md":
        result.markdown = _start_page(content, markdown, source.path)
    return result


def _prepared(
    content: Content, src_path: str, markdown: str, source: Source | None, *, site_url: str, brand: Brand, support_list: support.SupportList | None,
) -> PageResult:
    """What every page gets: the parts for the edition's region, the placeholders
    filled, a draft's banner, and the theme's values that hold for any page."""
    # Only the parts for the edition's region; a step's own page shows the parts for every stage.
    text = stage_parts.for_stage(regions.for_region(markdown, brand.region), None)
    text = draft_banner(source) + fill_placeholders(text, brand, support_list)
    meta = PageMeta(oembed=embed.discovery_link(src_path, content, site_url), next_link=_next_link(src_path, brand))
    if src_path in QUIET_PAGES or support.PLACEHOLDER in markdown:
        meta.no_cta = True
    if src_path in (recruiters.PAGE, embed.RECRUITER_PAGE):
        meta.search_exclude = True  # a job seeker's search lists pages written for them
    return PageResult(text, meta)


def _path_step(content: Content, place: guide.PathPlace, *, site_url: str, brand: Brand, support_list: support.SupportList | None) -> PageResult:
    """A step as read on one journey's path, whole: the step's text for that
    stage, its place on the path, the stage's wording, and the way on."""
    step, at = place.step, place.path
    result = _prepared(content, at, guide.step_on_path(place), step, site_url=site_url, brand=brand, support_list=support_list)
    result.meta = replace(
        result.meta,
        title=step.meta.title,
        html_title=f"{step.meta.title} ({place.caption})",
        caption=guide.caption_html(content, place),  # HTML: the stage's words link back to its path
        stepnav=guide.stepnav_html(content, place),
        description=html.escape(step.meta.summary),
        reviewed_text=guide.reviewed_text(step.meta.reviewed),
        hide=["navigation", "toc"],
        # The same step is at /steps/<slug>/ too: search and the sitemap list that one.
        search_exclude=True,
        not_in_sitemap=True,
        # Previous and next on the path are the way on: a second "what to do next" would compete with them.
        next_link=None,
    )
    result.canonical = step.url
    if content.step_items(step, place.stage):
        result.meta.scripts.append(checklist.SCRIPT)
    intro = guide.stage_wording(step, place.stage, "intro", at)
    if intro:
        # Set apart, so the reader sees what is said to their stage in particular.
        intro = f'<div class="ns-stage-note" markdown>\n\n{intro}\n\n</div>'
    parts = [intro, result.markdown.strip(), guide.stage_wording(step, place.stage, "more", at)]
    result.markdown = "\n\n".join(p for p in parts if p) + "\n"
    result.markdown += checklist.step_markdown(content, step, stage=place.stage, at=at)
    result.markdown += guide.letters_markdown(content, step, at, place.stage)
    result.markdown += "\n\n" + guide.pager_html(content, place) + "\n"
    return result


def _start_page(content: Content, markdown: str, here: str) -> str:
    """Reassurance first, then "Carry on" for a reader coming back, then the
    stage choice, then the editor's other words, then the tools."""
    body = markdown.strip()
    first, _, rest = body.partition("\n\n")
    carry_on = journey.carry_on_html(content, page_url(here))
    return f"{first}\n\n{carry_on}\n\n{guide.stage_choice_markdown(content, here)}\n{rest}\n" + _tools_markdown(here)


def _next_link(src_path: str, brand: Brand) -> Link:
    """Where to send a reader when the brand gives no contact to offer instead."""
    # Recruiter pages lead on to each other, not into the job seeker's checklist.
    if src_path == recruiters.PAGE:
        return Link(say("next.embed"), "embed/")
    if src_path == embed.RECRUITER_PAGE and brand.shows_recruiters_page:
        return Link(say("next.share"), "for-recruiters/")
    if is_checklist_page(src_path):
        return Link(say("next.letters"), "letters/")
    return Link(say("next.checklist"), checklist_url())


def _tools_markdown(from_path: str) -> str:
    """The start page points to the tools, not only to the reading."""
    checklist_page = rel(from_path, checklist.page_path(None))
    letters_page = rel(from_path, letters.INDEX_PATH)
    return (
        f"\n## {say('start.tools')}\n\n"
        f"- {journey.mark_checklist_link(say('start.tools.checklist', href=checklist_page), checklist_page)}\n"
        f"- {say('start.tools.letters', href=letters_page)}\n"
        f"- {say('start.tools.plan', href=rel(from_path, plan.PAGE))}\n"
    )


def fill_placeholders(markdown: str, brand: Brand, support_list: support.SupportList | None) -> str:
    if support.PLACEHOLDER in markdown:
        if support_list:
            # The page opens with its first paragraph, then a short list of its parts.
            first, _, rest = markdown.strip().partition("\n\n")
            markdown = f"{first}\n\n{support.contents_markdown(support_list, rest)}\n{rest}\n"
        markdown = markdown.replace(support.PLACEHOLDER, support.support_markdown(support_list) if support_list else "")
    if CONTACT_PLACEHOLDER in markdown:
        markdown = markdown.replace(CONTACT_PLACEHOLDER, contact_sentence(brand))
    return markdown


def contact_sentence(brand: Brand) -> str:
    """How to reach whoever publishes this copy, or an honest line when the brand gives no way."""
    ways = []
    if brand.email:
        ways.append(say("contact.email", link=f"[{brand.email}](mailto:{brand.email})"))
    if brand.phone:
        ways.append(say("contact.phone", link=f"[{brand.phone}]({tel_href(brand.phone)})"))
    if brand.url:
        ways.append(say("contact.website", href=brand.url))
    if not ways:
        return say("contact.none")
    joined = ways[0] if len(ways) == 1 else ", ".join(ways[:-1]) + say("contact.or") + ways[-1]
    return say("contact.shared_by", name=brand.name, ways=joined)
