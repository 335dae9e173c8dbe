"""The printable checklist: an HTML document made for WeasyPrint, one per paper size.

Recruiters hand these out, so each carries the brand's name and contact and
a QR code back to the online list. Every item sits in one block that never
breaks across pages; tick boxes are drawn with borders because printers drop
icon masks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import segno

from ..brand import Brand
from ..content import Content
from ..content.schema import Stage
from ..guide import lower_first
from ..pdf import font_face_css
from ..templating import render as render_template
from .api import absolute
from .render import groups

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Paper:
    key: str  # used in file names
    css_size: str  # the CSS @page size
    label: str  # what readers call it


PAPERS: tuple[Paper, ...] = (Paper("a4", "A4", "A4"), Paper("letter", "letter", "US Letter"))
PRINT_CSS = Path(__file__).parent / "templates" / "print.css"


def online_path(stage: Stage | None) -> str:
    return "checklist/" if stage is None else f"checklist/{stage}/"


def title_for(content: Content, stage: Stage | None) -> str:
    if stage is None:
        return "Your checklist"
    heading = content.stages[stage].meta.title
    return f"Your checklist: {lower_first(heading)}"


@cache
def qr_data_uri(url: str) -> str:
    """A QR code as an SVG data URI: vector, so it prints sharp at any size.

    Cached: it is pure, and making one takes longer than the rest of a rebuild's
    checklist work.
    """
    return segno.make(url, error="m").svg_data_uri(border=0, dark="#000", nl=False)


def print_html(content: Content, stage: Stage | None, paper: Paper, *, brand: Brand, site_url: str, site_name: str) -> str:
    """The whole print document. Its dates come from the content, never the clock."""
    url = absolute(site_url, online_path(stage))
    css = font_face_css() + f"@page {{ size: {paper.css_size}; }}\n" + PRINT_CSS.read_text(encoding="utf-8")
    return render_template(
        TEMPLATES,
        "print.html",
        title=title_for(content, stage),
        site_name=site_name,
        groups=groups(content.checklist(stage)),
        brand=brand,
        url=url,
        display_url=url.split("://", 1)[-1].rstrip("/"),
        qr=qr_data_uri(url),
        date=content.last_reviewed.isoformat(),
        css=css,
    )
