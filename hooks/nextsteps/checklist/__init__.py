"""Checklists: every item lives once, in the step pages' front matter.

From those items the build makes the interactive lists (whole guide, per
stage, per step), a JSON feed for recruiters, and printable PDFs. Nothing
here imports the site engine, and WeasyPrint is loaded only when a PDF has
to be rendered (see ``nextsteps.pdf``).
"""

from .api import check_site_url, checklist_json
from .outputs import (
    JSON_PATH,
    MAX_PRINT_ITEMS,
    SCRIPT,
    STYLESHEET,
    generated_files,
    nav,
    offers_pdf,
    page_path,
    paper_warnings,
    pdf_path,
    print_warnings,
)
from .printable import PAPERS, print_html, print_job
from .render import groups, stage_link_markdown, step_markdown, step_widget_html, widget_html

__all__ = [
    "JSON_PATH",
    "MAX_PRINT_ITEMS",
    "PAPERS",
    "SCRIPT",
    "STYLESHEET",
    "check_site_url",
    "checklist_json",
    "generated_files",
    "groups",
    "nav",
    "offers_pdf",
    "page_path",
    "paper_warnings",
    "pdf_path",
    "print_html",
    "print_job",
    "print_warnings",
    "stage_link_markdown",
    "step_markdown",
    "step_widget_html",
    "widget_html",
]
