"""Everything the checklist adds to a build, as plain (path, content) pairs.

The adapter turns each pair into a site file. PDFs go through
``nextsteps.pdf.render_pdf``, which caches by the HTML's hash: a rebuild
after an edit that leaves the checklist alone renders nothing.
"""

from __future__ import annotations

import html
import json

from ..brand import Brand
from ..content import STAGES, Content, page_url
from ..content.schema import Stage
from ..guide import lower_first, reviewed_text
from ..outputs import Generated
from ..pdf import render_pdf
from .api import checklist_json
from .printable import PAPERS, Paper, print_html, title_for
from ..addresses import rel as rel_path, rel_url, stage_step_path
from .render import widget_html

NAV = {"Checklist": "checklist/index.md"}
SCRIPT = "assets/javascripts/checklist.js"
JSON_PATH = "api/checklist.json"


def page_path(stage: Stage | None) -> str:
    return "checklist/index.md" if stage is None else f"checklist/{stage}.md"


def pdf_path(stage: Stage | None, paper: Paper) -> str:
    middle = "" if stage is None else f"-{stage}"
    return f"downloads/checklist{middle}-{paper.key}.pdf"


def size_label(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def generated_files(content: Content, *, brand: Brand, site_url: str, site_name: str) -> list[Generated]:
    """The checklist pages, their PDFs and the JSON feed."""
    out: list[Generated] = []
    for stage in (None, *STAGES):
        sizes = {}
        for paper in PAPERS:
            pdf = render_pdf(print_html(content, stage, paper, brand=brand, site_url=site_url, site_name=site_name))
            out.append(Generated(pdf_path(stage, paper), pdf))
            sizes[paper.key] = len(pdf)
        out.append(Generated(page_path(stage), page_markdown(content, stage, pdf_sizes=sizes), in_nav=stage is None))
    out.append(Generated(JSON_PATH, checklist_json(content, site_url)))
    return out


def page_markdown(content: Content, stage: Stage | None, *, pdf_sizes: dict[str, int]) -> str:
    """A checklist page: a short introduction, the list, and the printable copies."""
    here = page_path(stage)
    front = {
        "title": title_for(content, stage),
        "description": _description(content, stage),
        "reviewed_text": reviewed_text(content.last_reviewed),
        "scripts": [SCRIPT],
    }
    lines = ["---", *(f"{key}: {json.dumps(value)}" for key, value in front.items()), "---", ""]
    if stage is None:
        lines.append("Here is everything to do from all the steps in this guide. Tick each thing when you have done it.")
    else:
        stage_page = content.stages[stage]
        lines.append(f"These are the things to do if you were {lower_first(stage_page.meta.title)}. Tick each one when you have done it.")
    lines += ["", "Your ticks are saved in this browser only. Nobody else can see them.", ""]
    # On a stage's list, each item opens its step as read on that stage's path.
    def step_href(step) -> str:
        target = step.url if stage is None else page_url(stage_step_path(stage, step.slug))
        return rel_url(page_url(here), target)

    lines += [widget_html(content, stage, step_href=step_href), ""]
    lines += [_heading("Print it"), ""]
    for paper in PAPERS:
        target = rel_path(here, pdf_path(stage, paper))
        lines.append(f"- [Download a printable checklist (PDF, {paper.label}, {size_label(pdf_sizes[paper.key])})]({target})")
    lines.append("")
    if stage is None:
        lines += [_heading("Checklists for each stage"), "", "Choose where you were turned down to see only the things that matter to you.", ""]
        lines += [f"- [{content.stages[s].meta.title}]({rel_path(here, page_path(s))})" for s in STAGES if s in content.stages]
    else:
        lines += [_heading("More help"), ""]
        lines.append(f"- [{content.stages[stage].meta.title}]({rel_path(here, content.stages[stage].path)}): the steps for your stage")
        lines.append(f"- [The checklist for all the steps]({rel_path(here, page_path(None))})")
    return "\n".join(lines) + "\n"


def _heading(text: str) -> str:
    """A heading kept out of the page's table of contents.

    The list's own headings are HTML too, so a contents list would show only
    the minor sections; and pages outside the nav get a contents label with
    nothing to point at, which is invalid HTML.
    """
    anchor = text.lower().replace(" ", "-")
    return f'<h2 id="{anchor}">{text}</h2>'


def _description(content: Content, stage: Stage | None) -> str:
    """Escaped here because the theme writes the description into an attribute as is."""
    if stage is None:
        return "Every step in the guide as a checklist you can tick, print or save in your browser."
    title = content.stages[stage].meta.title
    return html.escape(f"A checklist you can tick or print if you were {lower_first(title)}.")
