"""Everything the checklist adds to a build, as plain (path, content) pairs.

The adapter turns each pair into a site file. PDFs are render jobs
(``nextsteps.render_pool``), cached by a hash of their HTML: a rebuild after
an edit that leaves the checklist alone renders nothing. The pages show each
PDF's size through a slot the adapter fills once the PDF is made.

A list longer than ``MAX_PRINT_ITEMS`` gets no PDF: past about four pages a
printed checklist is a booklet nobody ticks, and rendering it would take
most of the build. The build warns, and the page says why there is no copy.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

from ..addresses import checklist_page, rel_url, stage_step_path
from ..addresses import rel as rel_path
from ..brand import Brand
from ..content import Content, Step, page_url
from ..content.schema import Stage
from ..guide import choose, reviewed_text, upper_first
from ..outputs import Generated, asset, size_slot
from ..pagemeta import PageMeta
from ..pdf import page_count
from ..plan.page import PAGE as PLAN_PAGE
from ..wording import say
from .api import checklist_json
from .printable import PAPERS, Paper, print_job, title_for
from .render import widget_html


def nav() -> dict[str, str]:
    """The checklist's place in the navigation, named in the build's language
    (so looked up when the navigation is made, not when this module loads)."""
    return {say("nav.checklist"): checklist_page()}


HERE = Path(__file__).parent
SCRIPT = "assets/javascripts/checklist.js"
STYLESHEET = "assets/stylesheets/checklist.css"
JSON_PATH = "api/checklist.json"


def page_path(stage: Stage | None) -> str:
    return checklist_page(stage)


def pdf_path(stage: Stage | None, paper: Paper) -> str:
    middle = "" if stage is None else f"-{stage}"
    return f"downloads/checklist{middle}-{paper.key}.pdf"


# About four printed pages: one page holds some 25 items.
MAX_PRINT_ITEMS = 100


def offers_pdf(content: Content, stage: Stage | None) -> bool:
    return len(content.checklist(stage)) <= MAX_PRINT_ITEMS


def print_warnings(content: Content) -> list[str]:
    """One line for each list too long to print, for the build log."""
    return [
        f"{page_path(stage)}: {len(content.checklist(stage))} checklist items, more than the {MAX_PRINT_ITEMS} "
        "that print well, so this list gets no printable PDF. The page says so."
        for stage in (None, *content.journeys)
        if not offers_pdf(content, stage)
    ]


def paper_warnings(content: Content, made: Mapping[str, bytes]) -> list[str]:
    """One line for each printable checklist that no longer fits on one page,
    for the build log: a brand's extra steps or longer items can push it over."""
    found = []
    for stage in (None, *content.journeys):
        for paper in PAPERS:
            path = pdf_path(stage, paper)
            pages = page_count(made[path]) if path in made else 0
            if pages > 1:
                found.append(
                    f"{path}: the printable checklist takes {pages} pages of {paper.label}, not one. "
                    "Shorten its items, or take some steps off its path."
                )
    return found


def generated_files(content: Content, *, brand: Brand, site_url: str, site_name: str) -> list[Generated]:
    """The checklist pages, their PDFs (as render jobs) and the JSON feed."""
    out: list[Generated] = [asset(SCRIPT, HERE / "checklist.js"), asset(STYLESHEET, HERE / "checklist.css")]
    for stage in (None, *content.journeys):
        if offers_pdf(content, stage):
            for paper in PAPERS:
                out.append(Generated(pdf_path(stage, paper), print_job(content, stage, paper, brand=brand, site_url=site_url, site_name=site_name)))
        out.append(Generated(page_path(stage), page_markdown(content, stage), in_nav=stage is None))
    out.append(Generated(JSON_PATH, checklist_json(content, site_url)))
    return out


def page_markdown(content: Content, stage: Stage | None) -> str:
    """A checklist page: a short introduction, the list, and the printable copies."""
    here = page_path(stage)
    front = PageMeta(
        title=title_for(content, stage),
        description=_description(content, stage),
        reviewed_text=reviewed_text(content.last_reviewed),
        scripts=[SCRIPT],
    )
    lines = [front.front_matter(), ""]
    if stage is None:
        lines.append(say("checklist.intro"))
    else:
        lines.append(say("checklist.intro.stage", who=content.stages[stage].checklist_for))
    lines.append("")
    # On a stage's list, each item opens its step as read on that stage's path.
    def step_href(step: Step) -> str:
        target = step.url if stage is None else page_url(stage_step_path(stage, step.slug))
        return rel_url(page_url(here), target)

    lines += [widget_html(content, stage, step_href=step_href), ""]
    lines += [say("checklist.keep", href=rel_path(here, PLAN_PAGE) + "#keep-your-progress"), ""]
    lines += [_heading("print-it", say("checklist.print")), ""]
    if offers_pdf(content, stage):
        for paper in PAPERS:
            path = pdf_path(stage, paper)
            lines.append(f"- [{say('checklist.pdf', paper=paper.label, size=size_slot(path))}]({rel_path(here, path)})")
    else:
        lines.append(say("checklist.no_pdf"))
    lines.append("")
    if stage is None and not content.one_journey:
        intro = say("checklist.stages.intro", choose=upper_first(choose(content)))
        lines += [_heading("checklists-for-each-stage", say("checklist.stages")), "", intro, ""]
        lines += [f"- [{page.meta.title}]({rel_path(here, page_path(s))})" for s, page in content.stages.items()]
    else:
        # A guide of one journey: its whole list leads to that journey's steps.
        journey = content.stages[stage] if stage is not None else next(iter(content.stages.values()))
        lines += [_heading("more-help", say("checklist.more")), ""]
        lines.append(f"- [{journey.meta.title}]({rel_path(here, journey.path)}): {say('checklist.more.stage')}")
        if stage is not None:
            lines.append(f"- [{say('checklist.more.all')}]({rel_path(here, page_path(None))})")
    return "\n".join(lines) + "\n"


def _heading(anchor: str, text: str) -> str:
    """A heading kept out of the page's table of contents.

    The list's own headings are HTML too, so a contents list would show only
    the minor sections; and pages outside the nav get a contents label with
    nothing to point at, which is invalid HTML.
    """
    return f'<h2 id="{anchor}">{html.escape(text)}</h2>'


def _description(content: Content, stage: Stage | None) -> str:
    """Escaped here because the theme writes the description into an attribute as is."""
    if stage is None:
        return html.escape(say("checklist.description"))
    return html.escape(say("checklist.description.stage", who=content.stages[stage].checklist_for))
