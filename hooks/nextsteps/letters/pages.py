"""Everything the letters add to a build, as plain (path, content) pairs.

The adapter turns each pair into a site file and swaps each letter page's
Markdown for :func:`page_markdown`. Links are relative ``.md`` and file
links, so the site engine checks them like hand-written ones.
"""

from __future__ import annotations

from pathlib import Path

from ..addresses import rel
from ..content import Content, Letter
from ..guide import about, reviewed_text
from ..outputs import Generated, asset, size_slot
from ..pagemeta import PageMeta
from ..wording import say
from .api import letters_json
from .docx import docx_job
from .printable import pdf_job
from .widget import channel_text, widget_html

INDEX_PATH = "letters/index.md"
JSON_PATH = "api/letters.json"
HERE = Path(__file__).parent
SCRIPT = "assets/javascripts/letters.js"  # the page's letter tool
TEMPLATE_SCRIPT = "assets/javascripts/letter-template.js"  # the renderer, as render.py
DETAILS_SCRIPT = "assets/javascripts/letter-details.js"  # "Remember my details"
SCRIPTS = (TEMPLATE_SCRIPT, DETAILS_SCRIPT, SCRIPT)  # in this order, after the shared common.js
STYLESHEET = "assets/stylesheets/letters.css"


def docx_path(letter: Letter) -> str:
    return f"downloads/letters/{letter.meta.id}.docx"


def pdf_path(letter: Letter) -> str:
    return f"downloads/letters/{letter.meta.id}.pdf"


def generated_files(
    content: Content,
    *,
    author: str,
    site_url: str | None,
    site_name: str,
    logo: str | None = None,
    word_logo: Path | None = None,
) -> list[Generated]:
    """The Word and PDF copies (as render jobs), the index page and the JSON feed.

    ``logo`` (a data URI) goes on the PDFs, ``word_logo`` (a PNG or JPEG file) on the Word copies.
    """
    out: list[Generated] = [
        asset(TEMPLATE_SCRIPT, HERE / "template.js"),
        asset(DETAILS_SCRIPT, HERE / "details.js"),
        asset(SCRIPT, HERE / "letters.js"),
        asset(STYLESHEET, HERE / "letters.css"),
    ]
    for letter in content.letters.values():
        out.append(Generated(docx_path(letter), docx_job(letter, author=author, logo=word_logo)))
        pdf = pdf_job(letter, author=author, site_url=site_url, site_name=site_name, logo=logo)
        out.append(Generated(pdf_path(letter), pdf))
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
            f"## {say('letter.copies')}",
            "",
            f"- [{say('letter.docx', size=size_slot(docx_path(letter)))}]({rel(here, docx_path(letter))})",
            f"- [{say('letter.pdf', size=size_slot(pdf_path(letter)))}]({rel(here, pdf_path(letter))})",
            "",
            f"[{say('letter.all')}]({rel(here, INDEX_PATH)})",
            "",
        ]
    )


def _when_and_how(letter: Letter) -> list[str]:
    return [say("letter.when", when=letter.meta.send_when), "", say("letter.how", how=channel_text(letter.meta.channel)), ""]


def index_markdown(content: Content) -> str:
    """``/letters/``: every template, what it is for and when to send it."""
    letters = list(content.letters.values())
    newest = max((letter.meta.reviewed for letter in letters), default=content.last_reviewed)
    front = PageMeta(
        title=say("letters.title"),
        description=about(content, "letters.description"),
        reviewed_text=reviewed_text(newest),
    )
    lines = [front.front_matter(), ""]
    lines += [
        about(content, "letters.intro"),
        say("letters.intro.fill"),
        "",
        say("letters.private"),
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
        f"## {say('letters.recruiters')}",
        "",
        say("letters.recruiters.data", link=f"[letters.json]({rel(INDEX_PATH, JSON_PATH)})"),
        "",
    ]
    return "\n".join(lines)
