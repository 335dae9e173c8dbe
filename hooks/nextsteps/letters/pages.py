"""Everything the letters add to a build, as plain (path, content) pairs.

The adapter turns each pair into a site file and swaps each letter page's
Markdown for :func:`page_markdown`. Links are relative ``.md`` and file
links, so the site engine checks them like hand-written ones.
"""

from __future__ import annotations

import json

from ..addresses import rel
from ..outputs import Generated, size_slot
from ..content import Content, Letter
from ..guide import reviewed_text
from .api import letters_json
from .docx import docx_job
from .printable import pdf_job
from .widget import CHANNEL_TEXT, widget_html

INDEX_PATH = "letters/index.md"
JSON_PATH = "api/letters.json"
SCRIPT = "assets/javascripts/letters.js"
STYLESHEET = "assets/stylesheets/letters.css"


def docx_path(letter: Letter) -> str:
    return f"downloads/letters/{letter.meta.id}.docx"


def pdf_path(letter: Letter) -> str:
    return f"downloads/letters/{letter.meta.id}.pdf"


def generated_files(content: Content, *, author: str, site_url: str | None, site_name: str) -> list[Generated]:
    """The Word and PDF copies (as render jobs), the index page and the JSON feed."""
    out: list[Generated] = []
    for letter in content.letters.values():
        out.append(Generated(docx_path(letter), docx_job(letter, author=author)))
        out.append(Generated(pdf_path(letter), pdf_job(letter, author=author, site_url=site_url, site_name=site_name)))
    out.append(Generated(INDEX_PATH, index_markdown(content)))
    out.append(Generated(JSON_PATH, letters_json(content, site_url)))
    return out


def page_markdown(letter: Letter) -> str:
    """A letter's page: when and why, then the tool, then the other copies.

    The sizes are slots the adapter fills once the files are made."""
    meta = letter.meta
    here = letter.path
    return "\n".join(
        [
            meta.purpose,
            "",
            *_when_and_how(letter),
            widget_html(letter),
            "",
            "## Other copies",
            "",
            f"- [Word document with gaps to fill in (.docx{size_slot(docx_path(letter))})]({rel(here, docx_path(letter))})",
            f"- [PDF to print and fill in by hand (PDF{size_slot(pdf_path(letter))})]({rel(here, pdf_path(letter))})",
            "",
            f"[See all letter templates]({rel(here, INDEX_PATH)})",
            "",
        ]
    )


def _when_and_how(letter: Letter) -> list[str]:
    return [f"**When to send it:** {letter.meta.send_when}", "", f"**How to send it:** {CHANNEL_TEXT[letter.meta.channel]}", ""]


def index_markdown(content: Content) -> str:
    """``/letters/``: every template, what it is for and when to send it."""
    letters = list(content.letters.values())
    newest = max((l.meta.reviewed for l in letters), default=content.last_reviewed)
    front = {
        "title": "Letter templates",
        "description": "Short, polite messages to send after a job rejection. Fill them in, then copy, email or print them.",
        "reviewed_text": reviewed_text(newest),
    }
    lines = ["---", *(f"{key}: {json.dumps(value)}" for key, value in front.items()), "---", ""]
    lines += [
        "These templates help you write short, polite messages after you are turned down for a job.",
        "Fill in a few details and your message is ready to copy, send or print.",
        "",
        "What you type stays in your browser. It is never sent to us.",
        "",
    ]
    for letter in letters:
        meta = letter.meta
        lines += [
            f"## [{meta.title}]({rel(INDEX_PATH, letter.path)})",
            "",
            meta.purpose,
            "",
            *_when_and_how(letter),
        ]
    lines += [
        "## For recruiters",
        "",
        f"The same templates are also available as data, to use in your own tools: [letters.json]({rel(INDEX_PATH, JSON_PATH)}).",
        "",
    ]
    return "\n".join(lines)
