"""The printable checklist: an HTML document made for WeasyPrint, one per paper size.

Recruiters hand these out, so each carries the brand's name and contact and
a QR code back to the online list. Every item sits in one block that never
breaks across pages; tick boxes are drawn with borders because printers drop
icon masks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from markupsafe import escape

from ..addresses import absolute, checklist_url
from ..brand import Brand
from ..content import Content, lower_first
from ..content.schema import Stage
from ..guide import about
from ..pdf import font_face_css, pdf_job, render_now
from ..render_pool import RenderJob
from ..templating import read_text
from ..templating import render as render_template
from ..wording import say
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
    return checklist_url(stage)


def title_for(content: Content, stage: Stage | None) -> str:
    if stage is None:
        return say("checklist.title")
    page = content.stages[stage]
    return page.meta.checklist_title or say("checklist.title.stage", stage_title=lower_first(page.meta.title))


@cache
def qr_data_uri(url: str) -> str:
    """A QR code as an SVG data URI: vector, so it prints sharp at any size.

    Cached: it is pure, and making one takes longer than the rest of a rebuild's
    checklist work.
    """
    import segno  # only when a PDF is really made (see print_job)

    return segno.make(url, error="m").svg_data_uri(border=0, dark="#000", nl=False)


def print_html(content: Content, stage: Stage | None, paper: Paper, *, brand: Brand, site_url: str, site_name: str) -> str:
    """The whole print document. Its dates come from the content, never the clock."""
    url = absolute(site_url, online_path(stage))
    return _document(content, stage, paper, brand=brand, site_name=site_name, url=url, qr=qr_data_uri(url))


def print_job(content: Content, stage: Stage | None, paper: Paper, *, brand: Brand, site_url: str, site_name: str) -> RenderJob:
    """The printable PDF as a render job. The QR code is drawn in the worker:
    it is slow to make and a pure function of the address, so a build whose
    PDFs are all cached never makes one."""
    url = absolute(site_url, online_path(stage))
    html = _document(content, stage, paper, brand=brand, site_name=site_name, url=url, qr=QR_SLOT)
    return pdf_job(html, url, _segno_version(), function=render_with_qr, args=(html, url))


QR_SLOT = "nextsteps-qr-code-goes-here"


def render_with_qr(html: str, url: str) -> bytes:
    """Runs in a worker: the same HTML as ``print_html`` gives, then the PDF."""
    return render_now(html.replace(QR_SLOT, str(escape(qr_data_uri(url))), 1))


def brand_print_css(brand: Brand) -> str:
    """An agency's copy: its logo beside its name, and its colour on the name
    and the headings' rules. The colour is a shade dark enough for 4.5:1 on
    white, so the page still reads when printed in black and white."""
    return (
        f".brand {{ display: flex; align-items: center; color: {brand.ink}; }}\n"
        ".logo { height: 9mm; width: auto; max-width: 40mm; margin-right: 6pt; }\n"
        f"h2 {{ border-bottom-color: {brand.ink}; }}\n"
    )


def _print_css() -> str:
    return read_text(PRINT_CSS)


@cache
def _segno_version() -> str:
    return version("segno")


def _document(content: Content, stage: Stage | None, paper: Paper, *, brand: Brand, site_name: str, url: str, qr: str) -> str:
    css = font_face_css() + f"@page {{ size: {paper.css_size}; }}\n" + _print_css()
    logo = brand.logo_data_uri()
    if logo:
        css += brand_print_css(brand)
    return render_template(
        TEMPLATES,
        "print.html",
        title=title_for(content, stage),
        site_name=site_name,
        groups=groups(content.checklist(stage)),
        brand=brand,
        logo=logo,
        url=url,
        display_url=url.split("://", 1)[-1].rstrip("/"),
        qr=qr,
        date=content.last_reviewed.isoformat(),
        css=css,
        description=about(content, "print.checklist.description"),
    )
