"""The PDF copy of a template, to print and fill in by hand with a pen."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from ..content import Letter
from ..pdf import font_face_css, render_pdf
from ..pdf import pdf_job as html_pdf_job
from ..render_pool import RenderJob
from ..addresses import absolute
from .render import Part, render_parts
from ..templating import read_text, render as render_template
from ..wording import say
from .widget import HERE, labels



def _css() -> str:
    return read_text(Path(__file__).parent / "printable.css")


def gap(label: str) -> Markup:
    return Markup('<span class="gap"><span class="gap__line"></span><span class="gap__label">{}</span></span>').format(label)


def gap_block(label: str, lines: int) -> Markup:
    rule = Markup('<span class="gap__line"></span>')
    return Markup('<span class="gap gap--block">{}<span class="gap__label">{}</span></span>').format(rule * lines, label)


def _inline(parts: list[Part], names: dict[str, str]) -> list[list[Markup]]:
    """Parts as paragraphs of lines, each gap drawn as a line to write on."""
    paragraphs: list[list[Markup]] = [[Markup("")]]
    for part in parts:
        if part.kind == "gap":
            paragraphs[-1][-1] += gap(names.get(part.name, part.name))
            continue
        for p_index, para in enumerate(part.text.split("\n\n")):
            if p_index:
                paragraphs.append([Markup("")])
            for l_index, line in enumerate(para.split("\n")):
                if l_index:
                    paragraphs[-1].append(Markup(""))
                paragraphs[-1][-1] += escape(line)
    return paragraphs


# The brand's logo beside the address at the foot: the letter itself is the visitor's.
LOGO_CSS = (
    ".source p { display: flex; align-items: center; }"
    " .source .logo { height: 7mm; width: auto; max-width: 30mm; margin-right: 5pt; }"
)


def pdf_html(letter: Letter, *, author: str, site_url: str | None, site_name: str, logo: str | None = None) -> str:
    meta = letter.meta
    names = labels(letter)
    url = absolute(site_url, letter.url)
    subject = None
    if meta.channel == "email" and meta.subject:
        subject = _inline(render_parts(meta.subject, {}, names, blank_form=True, inline=True), names)[0][0]
    return render_template(HERE, "printable.html",
        title=meta.title,
        purpose=meta.purpose,
        author=author,
        date=meta.reviewed.isoformat(),
        css=Markup(font_face_css() + _css() + (LOGO_CSS if logo else "")),
        logo=logo,
        how=say(f"print.letter.how.{meta.channel}"),
        channel=meta.channel,
        subject=subject,
        paragraphs=_inline(render_parts(letter.body, {}, names, blank_form=True), names),
        gap=gap,
        gap_block=gap_block,
        site_name=site_name,
        display_url=url.split("://", 1)[-1],
    )


def pdf_bytes(letter: Letter, *, author: str, site_url: str | None, site_name: str, logo: str | None = None) -> bytes:
    return render_pdf(pdf_html(letter, author=author, site_url=site_url, site_name=site_name, logo=logo))


def pdf_job(letter: Letter, *, author: str, site_url: str | None, site_name: str, logo: str | None = None) -> RenderJob:
    """``logo``: the brand's logo as a data URI, shown at the foot beside the address."""
    return html_pdf_job(pdf_html(letter, author=author, site_url=site_url, site_name=site_name, logo=logo))
