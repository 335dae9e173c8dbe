"""Letter templates: fill in, copy, email, print, Word and PDF.

Each template lives once, in ``docs/letters/<id>.md``. From it the build makes
the letter's page (a form with a live preview, which still reads well without
JavaScript), a Word copy and a PDF to fill in by hand, the ``/letters/`` list
and a JSON feed. The browser fills templates with ``template.js``, the build
with :mod:`.render`; both follow the same rules and run the same test cases.
"""

from .api import letters_json
from .docx import docx_bytes, docx_job
from .pages import (
    INDEX_PATH,
    JSON_PATH,
    SCRIPT,
    SCRIPTS,
    STYLESHEET,
    docx_path,
    generated_files,
    index_markdown,
    page_markdown,
    pdf_path,
)
from .printable import pdf_bytes, pdf_html, pdf_job
from .render import Part, clean_value, render_parts, render_text
from .widget import widget_data, widget_html

__all__ = [
    "INDEX_PATH",
    "JSON_PATH",
    "SCRIPT",
    "SCRIPTS",
    "STYLESHEET",
    "Part",
    "clean_value",
    "docx_bytes",
    "docx_job",
    "docx_path",
    "generated_files",
    "index_markdown",
    "letters_json",
    "page_markdown",
    "pdf_bytes",
    "pdf_html",
    "pdf_job",
    "pdf_path",
    "render_parts",
    "render_text",
    "widget_data",
    "widget_html",
]
